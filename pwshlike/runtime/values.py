"""Runtime value classes for PowerShell objects that have no native Python twin.

Hashtable (case-insensitive keys, optionally ordered), PSCustomObject, [ref], switch
parameters, dictionary entries and the automatic ``$null``-aware helpers.
"""
from __future__ import annotations


def _norm(key: object) -> object:
    if isinstance(key, str):
        return key.lower()
    if type(key) is bool:
        return ("bool", key)
    return key


class Hashtable:
    """System.Collections.Hashtable / OrderedDictionary: case-insensitive string keys.

    Entries keep insertion order in both cases (a documented difference from .NET's
    unordered Hashtable, and what users expect from literals).
    """

    __slots__ = ("_d", "ordered")
    dotnet_fullname = "System.Collections.Hashtable"

    def __init__(self, items=None, ordered: bool = False) -> None:
        self._d: dict = {}
        self.ordered = ordered
        if items:
            for k, v in (items.items() if isinstance(items, dict) else items):
                self[k] = v

    # python protocol
    def __getitem__(self, key):
        e = self._d.get(_norm(key))
        return None if e is None else e[1]

    def __setitem__(self, key, value) -> None:
        nk = _norm(key)
        e = self._d.get(nk)
        if e is None:
            self._d[nk] = [key, value]
        else:
            e[1] = value

    def __delitem__(self, key) -> None:
        self._d.pop(_norm(key), None)

    def __contains__(self, key) -> bool:
        return _norm(key) in self._d

    def __len__(self) -> int:
        return len(self._d)

    def __iter__(self):
        return (e[0] for e in list(self._d.values()))

    def get(self, key, default=None):
        e = self._d.get(_norm(key))
        return default if e is None else e[1]

    def items(self):
        return [(e[0], e[1]) for e in self._d.values()]

    def keys(self) -> list:
        return [e[0] for e in self._d.values()]

    def values(self) -> list:
        return [e[1] for e in self._d.values()]

    def add(self, key, value) -> None:
        from ..errors import ArgumentException, runtime_error
        if key is None:
            raise runtime_error(ArgumentException, "ArgumentNullException",
                                "Key cannot be null. (Parameter 'key')")
        if _norm(key) in self._d:
            raise runtime_error(
                ArgumentException, "ArgumentException",
                f"Item has already been added. Key in dictionary: '{key}'  Key being added: "
                f"'{key}'")
        self[key] = value

    def copy(self) -> Hashtable:
        h = type(self)(ordered=self.ordered)
        h._d = {k: [e[0], e[1]] for k, e in self._d.items()}
        return h

    def __repr__(self) -> str:
        return f"Hashtable({self.items()!r})"

    @property
    def type_fullname(self) -> str:
        return ("System.Collections.Specialized.OrderedDictionary" if self.ordered
                else "System.Collections.Hashtable")


def _norm_cs(key: object) -> object:
    if type(key) is bool:
        return ("bool", key)
    if isinstance(key, str):
        return str.__str__(key)
    return key


class CaseSensitiveHashtable(Hashtable):
    """``[hashtable]::new()``: .NET's default comparer, so string keys match case-sensitively
    (hash literals and ``@{}`` use a case-insensitive one)."""

    __slots__ = ()

    def __getitem__(self, key):
        e = self._d.get(_norm_cs(key))
        return None if e is None else e[1]

    def __setitem__(self, key, value) -> None:
        nk = _norm_cs(key)
        e = self._d.get(nk)
        if e is None:
            self._d[nk] = [key, value]
        else:
            e[1] = value

    def __delitem__(self, key) -> None:
        self._d.pop(_norm_cs(key), None)

    def __contains__(self, key) -> bool:
        return _norm_cs(key) in self._d

    def get(self, key, default=None):
        e = self._d.get(_norm_cs(key))
        return default if e is None else e[1]

    def add(self, key, value) -> None:
        if key is None:
            super().add(key, value)     # raises the null-key error
        if _norm_cs(key) in self._d:
            from ..errors import ArgumentException, runtime_error
            raise runtime_error(
                ArgumentException, "ArgumentException",
                f"Item has already been added. Key in dictionary: '{key}'  Key being added: "
                f"'{key}'")
        self[key] = value


class DictionaryEntry:
    """A key/value pair from enumerating a hashtable (``$_.Key``, ``$_.Value``)."""

    __slots__ = ("Key", "Value")
    dotnet_fullname = "System.Collections.DictionaryEntry"

    def __init__(self, key, value) -> None:
        self.Key = key
        self.Value = value

    @property
    def Name(self):
        return self.Key


class PSNoteProperty:
    __slots__ = ("IsGettable", "IsSettable", "MemberType", "Name", "TypeNameOfValue", "Value")

    def __init__(self, name: str, value) -> None:
        self.Name = name
        self.Value = value
        self.MemberType = "NoteProperty"
        self.IsSettable = True
        self.IsGettable = True
        from .typenames import type_name_of
        self.TypeNameOfValue = type_name_of(value)

    def ToString(self) -> str:
        from .convert import to_str
        short = self.TypeNameOfValue.replace("System.", "").lower()
        return f"{short} {self.Name}={to_str(self.Value)}"


class ComputedMember:
    """A member added by Add-Member whose value is computed (ScriptProperty, AliasProperty)
    or that is a method (ScriptMethod); stored in a PSCustomObject's property table."""

    __slots__ = ()
    is_method = False
    member_type = "NoteProperty"

    def get(self, obj):
        raise NotImplementedError

    def set(self, obj, value) -> None:
        raise NotImplementedError


class PSCustomObject:
    """[pscustomobject]: an ordered property bag with case-insensitive names."""

    __slots__ = ("_props", "type_names")
    dotnet_fullname = "System.Management.Automation.PSCustomObject"

    def __init__(self, props=None) -> None:
        self._props: dict[str, list] = {}
        self.type_names = None
        if props:
            for k, v in (props.items() if hasattr(props, "items") else props):
                self.set_property(str(k), v)

    def has_property(self, name: str) -> bool:
        return name.lower() in self._props

    def get_property(self, name: str, default=None):
        e = self._props.get(name.lower())
        if e is None:
            return default
        v = e[1]
        return v.get(self) if isinstance(v, ComputedMember) and not v.is_method else v

    def set_property(self, name: str, value) -> None:
        e = self._props.get(name.lower())
        if e is None:
            self._props[name.lower()] = [name, value]
        elif isinstance(e[1], ComputedMember) and not e[1].is_method:
            e[1].set(self, value)
        else:
            e[1] = value

    def add_property(self, name: str, value) -> bool:
        if name.lower() in self._props:
            return False
        self._props[name.lower()] = [name, value]
        return True

    def remove_property(self, name: str) -> None:
        self._props.pop(name.lower(), None)

    def property_names(self) -> list[str]:
        return [e[0] for e in self._props.values()
                if not (isinstance(e[1], ComputedMember) and e[1].is_method)]

    def properties(self) -> list[tuple[str, object]]:
        """(name, value) of the properties; computed ones are evaluated, methods left out."""
        out = []
        for name, v in self._props.values():
            if isinstance(v, ComputedMember):
                if v.is_method:
                    continue
                v = v.get(self)
            out.append((name, v))
        return out

    def __repr__(self) -> str:
        return f"PSCustomObject({self.properties()!r})"


class PSReference:
    """[ref]: a reference to a variable (or to a value) whose ``.Value`` can be set."""

    __slots__ = ("_get", "_set")
    dotnet_fullname = "System.Management.Automation.PSReference"

    def __init__(self, getter, setter) -> None:
        self._get = getter
        self._set = setter

    @classmethod
    def to_value(cls, value) -> PSReference:
        box = [value]

        def setter(v):
            box[0] = v
        return cls(lambda: box[0], setter)

    @property
    def Value(self):
        return self._get()

    @Value.setter
    def Value(self, v) -> None:
        self._set(v)


class SwitchParameter:
    """[switch]: a flag that is true when present (``-Force``) or set (``-Force:$false``)."""

    __slots__ = ("IsPresent",)
    dotnet_fullname = "System.Management.Automation.SwitchParameter"

    def __init__(self, present: bool = False) -> None:
        self.IsPresent = bool(present)

    def __bool__(self) -> bool:
        return self.IsPresent

    def ToBool(self) -> bool:
        return self.IsPresent

    def __eq__(self, other) -> bool:
        if isinstance(other, SwitchParameter):
            return self.IsPresent == other.IsPresent
        return self.IsPresent == other

    def __hash__(self) -> int:
        return hash(self.IsPresent)

    def __repr__(self) -> str:
        return f"SwitchParameter({self.IsPresent})"


class ParameterToken(str):
    """A ``-Name`` argument that landed in ``$args``: the text ``-Name``, remembered as a
    parameter name so that splatting ``@args`` passes it on as one, as pwsh does."""

    __slots__ = ()
    dotnet_fullname = "System.String"

    @property
    def parameter_name(self) -> str:
        return self[1:].rstrip(":")


class AutomationNull:
    """The 'nothing' a command returns when it writes no output (``$null`` on assignment)."""
    __slots__ = ()


class GenericList(list):
    """System.Collections.Generic.List[T] and ArrayList: a growable list with .Add()."""

    __slots__ = ("element_type", "fullname")

    def __init__(self, items=(), element_type=None, fullname: str | None = None) -> None:
        super().__init__(items)
        self.element_type = element_type
        self.fullname = fullname or "System.Collections.ArrayList"


class TypedArray(list):
    """A .NET array with an element type other than object ([int[]], [string[]])."""

    __slots__ = ("element_type",)

    def __init__(self, items=(), element_type=None) -> None:
        super().__init__(items)
        self.element_type = element_type


class MultiDimArray:
    """A rectangular .NET array ([string[,]]::new(3, 2)): indexed by one index per dimension
    ($a[1, 0]), enumerated (and so concatenated or piped) flat in row-major order."""

    __slots__ = ("_items", "dims", "element_type")

    def __init__(self, dims, element_type, default=None) -> None:
        self.dims = tuple(dims)
        self.element_type = element_type
        size = 1
        for d in self.dims:
            size *= d
        self._items = [default] * size

    @property
    def type_fullname(self) -> str:
        name = self.element_type.fullname if self.element_type is not None else "System.Object"
        return f"{name}[{',' * (len(self.dims) - 1)}]"

    @property
    def Rank(self) -> int:
        return len(self.dims)

    @property
    def Length(self) -> int:
        return len(self._items)

    Count = Length

    def GetLength(self, dimension) -> int:
        return self.dims[int(dimension)]

    def GetUpperBound(self, dimension) -> int:
        return self.dims[int(dimension)] - 1

    def GetLowerBound(self, dimension) -> int:
        return 0

    def _offset(self, index) -> int:
        from ..errors import RuntimeException, runtime_error
        idx = list(index) if isinstance(index, (list, tuple)) else [index]
        if len(idx) != len(self.dims):
            raise runtime_error(RuntimeException, "NeedMultidimensionalIndex",
                                f"Array needs {len(self.dims)} indices to be indexed.",
                                "InvalidOperation")
        off = 0
        for i, d in zip(idx, self.dims):
            i = int(i)
            if not 0 <= i < d:
                raise runtime_error(RuntimeException, "IndexOutOfRange",
                                    "Index was outside the bounds of the array.",
                                    "InvalidOperation")
            off = off * d + i
        return off

    def ps_getitem(self, index):
        return self._items[self._offset(index)]

    def ps_setitem(self, index, value) -> None:
        et = self.element_type
        self._items[self._offset(index)] = et.convert(value) if et is not None else value

    def ps_enumerate(self) -> list:
        return list(self._items)
