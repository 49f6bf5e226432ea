"""Member access on runtime values: properties, methods, indexing, member enumeration.

Hashtable keys read like properties; arrays pass unknown members on to their elements
(member enumeration); .NET members of strings, dates and collections come from the
tables in ``dotnet.methods``; our own classes expose .NET-named Python attributes.
"""
from __future__ import annotations

from ..errors import (
    DotNetException,
    MethodInvocationException,
    RuntimeException,
    exception_when_setting,
    runtime_error,
)
from .context import MISSING as _MISSING
from .context import STRICT_SEEN
from .convert import to_str
from .enumerate import enumerate_value
from .typenames import Char, type_name_of
from .values import ComputedMember, GenericList, Hashtable, PSCustomObject, PSNoteProperty

_ATTR_CACHE: dict[type, dict[str, str]] = {}


def _attr_map(cls: type) -> dict[str, str]:
    m = _ATTR_CACHE.get(cls)
    if m is None:
        m = {}
        for klass in reversed(cls.__mro__):
            for name in vars(klass):
                if name[:1].isupper():
                    m[name.lower()] = name
        _ATTR_CACHE[cls] = m
    return m


def _member_name(obj, low: str) -> str | None:
    """The Python attribute behind a .NET-style member name: a class attribute (properties,
    methods) or an instance attribute set in ``__init__`` (ErrorRecord.FullyQualifiedErrorId)."""
    attr = _attr_map(type(obj)).get(low)
    if attr is None:
        for name in getattr(obj, "__dict__", ()):
            if name[:1].isupper() and name.lower() == low:
                return name
    return attr


def _public_attributes(obj) -> list[str]:
    names = list(_attr_map(type(obj)).values())
    names += [n for n in getattr(obj, "__dict__", ()) if n[:1].isupper() and n not in names]
    return names


def _dotnet_tables():
    from .dotnet import methods
    return methods


class PSObjectView:
    """``$x.psobject``: properties, type names and the base object."""

    def __init__(self, obj) -> None:
        self.obj = obj

    @property
    def Properties(self):
        return [PSNoteProperty(n, v) for n, v in property_list(self.obj)]

    @property
    def BaseObject(self):
        return self.obj

    @property
    def TypeNames(self):
        """The type and its base types, most derived first (``$x.pstypenames``)."""
        obj = self.obj
        names = []
        if isinstance(obj, PSCustomObject) and obj.type_names:
            names.extend(obj.type_names)
        names.append(type_name_of(obj))
        if hasattr(type(obj), "enum_type"):
            names += ["System.Enum", "System.ValueType"]
        elif isinstance(obj, (int, float)) or type(obj).__name__ in ("Decimal", "datetime",
                                                                     "timedelta"):
            names.append("System.ValueType")
        elif isinstance(obj, list) and not isinstance(obj, GenericList):
            names.append("System.Array")
        if names[-1] != "System.Object":
            names.append("System.Object")
        return names

    @property
    def Members(self):
        return self.Properties

    @property
    def ImmediateBaseObject(self):
        return self.obj

    def Copy(self):
        if isinstance(self.obj, PSCustomObject):
            return PSCustomObject(self.obj.properties())
        return self.obj


class DictionaryBaseView:
    """``$hash.psbase``: the dictionary's own members, which its keys cannot shadow
    (``@{keys = 1}.psbase.Keys`` is the key collection)."""

    def __init__(self, table: Hashtable) -> None:
        self._table = table

    @property
    def Keys(self) -> list:
        return self._table.keys()

    @property
    def Values(self) -> list:
        return self._table.values()

    @property
    def Count(self) -> int:
        return len(self._table)

    def ps_invoke_method(self, ctx, name: str, args: list):
        return invoke_method(ctx, self._table, name, args)

    @property
    def type_fullname(self) -> str:
        return self._table.type_fullname


def property_list(obj) -> list[tuple[str, object]]:
    """The object's properties as (name, value) pairs, as Format-* and Select-Object see them."""
    if isinstance(obj, PSCustomObject):
        return obj.properties()
    if isinstance(obj, Hashtable):
        return [("IsReadOnly", False), ("IsFixedSize", False), ("IsSynchronized", False),
                ("Keys", obj.keys()), ("Values", obj.values()), ("SyncRoot", obj),
                ("Count", len(obj))]
    if obj is None or isinstance(obj, (str, int, float, bool, list)):
        if isinstance(obj, str):
            return [("Length", len(obj))]
        return []
    props = getattr(type(obj), "ps_properties", None)
    if props is not None:
        return [(p, getattr(obj, p)) for p in props]
    user_props = getattr(type(obj), "ps_property_list", None)
    if user_props is not None:
        return user_props(obj)
    out = []
    try:
        m = _dotnet_tables().INSTANCE_PROPERTIES
        for t in type(obj).__mro__:
            for name, getter in m.get(t, {}).items():
                out.append((name, getter(obj)))
            if out:
                return out
    except ImportError:
        pass
    for name in _public_attributes(obj):
        try:
            v = getattr(obj, name)
        except Exception:  # noqa: BLE001, S112 - a property that fails to read is left out
            continue
        if not callable(v):
            out.append((name, v))
    return out


def _member_reader(absent):
    """Build ``get_member(obj, name)``.  ``absent(name, default)`` is what a member the
    object does not have gives: ``default`` (``$null``; 0 or 1 for ``Count``/``Length``), or
    Set-StrictMode's error.  The engine's own reads (Select-Object, Where-Object -Property,
    ...) never raise it; ``$obj.name`` in script code does."""

    def get_member(obj, name):
        if obj is None:
            # $null counts as an empty collection (about_Properties: Count and Length)
            is_count = isinstance(name, str) and name.lower() in ("count", "length")
            return absent(name, 0 if is_count else None)
        if not isinstance(name, str):
            if isinstance(obj, Hashtable) and name in obj:
                return obj[name]
            name = to_str(name)
        low = name.lower()
        if isinstance(obj, PSCustomObject):
            e = obj._props.get(low)
            if e is not None:
                v = e[1]
                return v.get(obj) if isinstance(v, ComputedMember) and not v.is_method else v
            if low == "psobject":
                return PSObjectView(obj)
            if low in ("count", "length"):
                return 1        # a single object, even under Set-StrictMode (as since pwsh 6.1)
            return absent(name)
        if isinstance(obj, Hashtable):
            if name in obj:
                return obj[name]
            if low == "psobject":
                return PSObjectView(obj)
            if low == "psbase":
                return DictionaryBaseView(obj)
            if low == "count":
                return len(obj)
            if low == "keys":
                return obj.keys()
            if low == "values":
                return obj.values()
            return absent(name)
        if low == "psobject":
            return PSObjectView(obj)
        user_get = getattr(type(obj), "ps_get_member", None)
        if user_get is not None:
            v = user_get(obj, low)
            if v is not _MISSING:
                return v
        if low == "psbase":
            return obj
        if low == "pstypenames":
            return PSObjectView(obj).TypeNames
        if low in _ARRAY_ONLY_PROPERTIES and isinstance(obj, GenericList):
            return _enumerate_member(obj, name, get_member, absent)   # the items' property
        try:
            getter = _dotnet_tables().find_property(obj, low)
        except ImportError:
            getter = None
        if getter is not None:
            return getter(obj)
        if isinstance(obj, list):
            # arrays have Count and Length; List[T]/ArrayList only Count (their items'
            # Length is reached by member enumeration)
            if low == "count" or (low in ("length", "longlength") and
                                  not isinstance(obj, GenericList)):
                return len(obj)
            return _enumerate_member(obj, name, get_member, absent)
        if isinstance(obj, str):
            if low == "length":
                return len(obj)
            return absent(name, 1 if low == "count" else None)
        attr = _member_name(obj, low)
        if attr is not None:
            return getattr(obj, attr)
        return absent(name, 1 if low in ("count", "length") else None)

    return get_member


def _no_member(name, default=None):
    return default


def _no_member_strict(name, default=None):
    if STRICT_SEEN[0]:
        from .strict import missing_property
        missing_property(name)
    return default


get_member = _member_reader(_no_member)
# ``$obj.name`` in script code (the compiled ``_getm``): a missing member is an error under
# Set-StrictMode -Version 2 and later
get_script_member = _member_reader(_no_member_strict)


# properties of .NET arrays that List[T] and ArrayList do not have
_ARRAY_ONLY_PROPERTIES = frozenset(("length", "longlength", "rank"))


def _enumerate_member(items: list, name: str, get, absent):
    """The property of each item (about_Member-Access_Enumeration).  Items without it add
    nothing, except PSCustomObjects, which add $null once any item has the property."""
    results = []
    found = False
    for e in items:
        if isinstance(e, list):
            v = _enumerate_member(e, name, get, absent)
        else:
            v = get(e, name)
        if v is None:
            if isinstance(e, PSCustomObject):
                results.append(None)
            continue
        found = True
        sub = enumerate_value(v) if not isinstance(v, (str, Hashtable)) else None
        if sub is not None:
            results.extend(sub)
        else:
            results.append(v)
    if not found and all(r is None for r in results):
        return absent(name) if not results else None
    if len(results) == 1:
        return results[0]
    return results


def set_member(obj, name, value) -> None:
    if not isinstance(name, str):
        name = to_str(name)
    if isinstance(obj, Hashtable):
        obj[name] = value
        return
    if isinstance(obj, PSCustomObject):
        if obj.has_property(name):
            obj.set_property(name, value)
            return
        raise _property_not_found(name)
    if obj is None:
        raise runtime_error(RuntimeException, "PropertyAssignmentException",
                            f"The property '{name}' cannot be found on this object. Verify that "
                            "the property exists and can be set.", "InvalidOperation")
    if isinstance(obj, list):
        # member-access enumeration reads properties but never sets them (about_Arrays)
        setter = _dotnet_tables().find_property_setter(obj, name.lower())
        if setter is None:
            raise _property_not_found(name)
        setter(obj, value)
        return
    user_set = getattr(type(obj), "ps_set_member", None)
    if user_set is not None and user_set(obj, name, value):
        return
    attr = _member_name(obj, name.lower())
    if attr is not None:
        try:
            setattr(obj, attr, value)
            return
        except DotNetException as e:
            raise exception_when_setting(attr, e) from None
        except AttributeError:
            raise runtime_error(RuntimeException, "PropertyAssignmentException",
                                f"'{attr}' is a ReadOnly property.", "InvalidOperation") from None
    raise _property_not_found(name)


def _property_not_found(name: str):
    return runtime_error(RuntimeException, "PropertyAssignmentException",
                         f"The property '{name}' cannot be found on this object. Verify that the "
                         "property exists and can be set.", "InvalidOperation")


def method_not_found(obj, name: str):
    return runtime_error(RuntimeException, "MethodNotFound",
                         f"Method invocation failed because [{type_name_of(obj)}] does not "
                         f"contain a method named '{name}'.", "InvalidOperation", obj)


def invoke_method_at(ctx, S, obj, name, args: list):
    """Generated code's method call (``$x.Name(...)``); the scope argument is unused."""
    return invoke_method(ctx, obj, name, args)


def invoke_static_at(ctx, S, t, name, args):
    """Generated code's static call (``[T]::Name(...)``)."""
    return invoke_static(ctx, t, name, args)


def invoke_method(ctx, obj, name, args: list):
    """``$obj.Name(args)``."""
    if not isinstance(name, str):
        name = to_str(name)
    low = name.lower()
    if obj is None:
        raise runtime_error(RuntimeException, "InvokeMethodOnNull",
                            "You cannot call a method on a null-valued expression.",
                            "InvalidOperation")
    magic = _MAGIC_METHODS.get(low)
    if magic is not None:
        return magic(ctx, obj, args)
    if isinstance(obj, PSCustomObject):
        m = obj.get_property(name)
        if isinstance(m, ComputedMember) and m.is_method:
            return m.invoke(ctx, obj, args)
        if m is not None and type(m).__name__ == "ScriptBlock":
            from .invoke import invoke_scriptblock
            out = invoke_scriptblock(ctx, m, args, None, collect=True, this=obj)
            return out[0] if len(out) == 1 else (out or None)
    user_method = getattr(type(obj), "ps_invoke_method", None)
    if user_method is not None:
        return user_method(obj, ctx, name, args)
    try:
        fn = _dotnet_tables().find_method(obj, low)
    except ImportError:
        fn = None
    if fn is not None:
        return _call_dotnet(fn, obj, name, args)
    if not isinstance(obj, (list, str)) or isinstance(obj, Hashtable):
        attr = _member_name(obj, low)
        if attr is not None:
            m = getattr(obj, attr)
            if callable(m):
                return _call_python(m, name, args)
    if low == "tostring":      # every object has these, collections too
        return _to_string_method(obj, args)
    if low == "gethashcode":
        return hash(obj) & 0x7FFFFFFF if not isinstance(obj, list) else id(obj) & 0x7FFFFFFF
    if low == "equals":
        if isinstance(obj, list):
            return obj is (args[0] if args else None)
        from .operators import scalar_eq
        return scalar_eq(obj, args[0] if args else None)
    if isinstance(obj, list):
        results = []
        for e in obj:
            r = invoke_method(ctx, e, name, args)
            if r is not None:
                results.append(r)
        return results if len(results) != 1 else results[0]
    raise method_not_found(obj, name)


def _to_string_method(obj, args):
    if args:
        from .dotnet_format import format_value
        return format_value(obj, to_str(args[0]))
    if isinstance(obj, (Hashtable, PSCustomObject, list)):
        return _dotnet_type_string(type_name_of(obj)) if not isinstance(obj, PSCustomObject) \
            else ""
    return to_str(obj)


def _dotnet_type_string(name: str) -> str:
    """Type.ToString(): a generic type shows its arity, List`1[System.String]."""
    if not name.endswith("]") or name.endswith("[]"):
        return name
    base, _, args = name.partition("[")
    if "`" in base:
        return name
    depth, count = 0, 1
    for ch in args[:-1]:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == "," and depth == 0:
            count += 1
    return f"{base}`{count}[{args}"


def _call_dotnet(fn, obj, name, args):
    try:
        return fn(obj, *args)
    except DotNetException:
        raise
    except TypeError as e:
        if "positional argument" in str(e) or "takes" in str(e):
            raise runtime_error(RuntimeException, "MethodCountCouldNotFindBest",
                                f'Cannot find an overload for "{name}" and the argument count: '
                                f'"{len(args)}".', "InvalidOperation") from None
        raise _wrap_method_error(name, args, e) from None
    except (ValueError, IndexError, KeyError, OverflowError, ZeroDivisionError) as e:
        raise _wrap_method_error(name, args, e) from None


def _call_python(m, name, args):
    try:
        return m(*args)
    except DotNetException as e:
        if isinstance(e, MethodInvocationException) or getattr(e, "ps_unwrapped", False):
            raise
        raise _wrap_method_error(name, args, e) from None
    except TypeError as e:
        raise runtime_error(RuntimeException, "MethodCountCouldNotFindBest",
                            f'Cannot find an overload for "{name}" and the argument count: '
                            f'"{len(args)}".', "InvalidOperation") from e


def _wrap_method_error(name, args, e):
    msg = getattr(e, "Message", None) or str(e)
    inner_id = type(e).__name__ if isinstance(e, DotNetException) else {
        "IndexError": "ArgumentOutOfRangeException", "KeyError": "KeyNotFoundException",
        "OverflowError": "OverflowException", "ZeroDivisionError": "DivideByZeroException",
    }.get(type(e).__name__, "ArgumentException")
    err = MethodInvocationException(
        f'Exception calling "{name}" with "{len(args)}" argument(s): "{msg}"',
        e if isinstance(e, DotNetException) else None, error_id=inner_id,
        category="NotSpecified")
    return err


# --- ForEach / Where magic methods --------------------------------------------------------------------
def _magic_foreach(ctx, obj, args):
    from .invoke import invoke_scriptblock
    from .values import GenericList
    items = obj if isinstance(obj, list) else ([] if obj is None else [obj])
    result = GenericList(fullname="System.Collections.ObjectModel.Collection`1[System.Management.Automation.PSObject]")
    if not args:
        raise runtime_error(RuntimeException, "MethodCountCouldNotFindBest",
                            'Cannot find an overload for "ForEach" and the argument count: "0".')
    first = args[0]
    if type(first).__name__ == "ScriptBlock":
        # the block runs in the caller's scope, so `$total += $_` updates the caller's variable
        scope = ctx.current_scope
        for item in items:
            invoke_scriptblock(ctx, first, list(args[1:]), None, collect=True,
                               dollar_underscore=item, dot_source=True, parent_scope=scope,
                               out=result)
        return result
    if hasattr(first, "fullname") and hasattr(first, "convert"):
        for item in items:
            result.append(first.convert(item))
        return result
    member = to_str(first)
    for item in items:
        if len(args) > 1 or _is_method_name(item, member):
            r = invoke_method(ctx, item, member, list(args[1:]))
            if r is not None:
                result.append(r)
        else:
            # a property value is collected as it is: an array value stays one element
            v = get_member(item, member)
            if v is not None or (isinstance(item, (PSCustomObject, Hashtable))):
                result.append(v)
    return result


def _is_method_name(obj, name: str) -> bool:
    """Is ``name`` a method (not a property) of ``obj``?  ``.ForEach('ToUpper')`` calls it."""
    if obj is None or isinstance(obj, (PSCustomObject, Hashtable)):
        return False
    low = name.lower()
    try:
        tables = _dotnet_tables()
        if tables.find_property(obj, low) is not None:
            return False
        if tables.find_method(obj, low) is not None:
            return True
    except ImportError:
        pass
    attr = _member_name(obj, low)
    return attr is not None and callable(getattr(obj, attr, None))


def _magic_where(ctx, obj, args):
    from .convert import to_bool
    from .invoke import invoke_scriptblock
    from .values import GenericList
    items = obj if isinstance(obj, list) else ([] if obj is None else [obj])
    sb = args[0]
    mode = to_str(args[1]).lower() if len(args) > 1 else "default"
    count = int(args[2]) if len(args) > 2 else 0
    result = GenericList(fullname="System.Collections.ObjectModel.Collection`1[System.Management.Automation.PSObject]")

    def test(item):
        out = invoke_scriptblock(ctx, sb, [], None, collect=True, dollar_underscore=item)
        return to_bool(out[0] if len(out) == 1 else out)
    if mode == "default":
        for item in items:
            if test(item):
                result.append(item)
                if count and len(result) >= count:
                    break
    elif mode == "first":
        for item in items:
            if test(item):
                result.append(item)
                if len(result) >= (count or 1):
                    break
    elif mode == "last":
        matched = [i for i in items if test(i)]
        result.extend(matched[-(count or 1):])
    elif mode == "skipuntil":
        on = False
        for item in items:
            if not on and test(item):
                on = True
            if on:
                result.append(item)
    elif mode == "until":
        for item in items:
            if test(item):
                break
            result.append(item)
    elif mode == "split":
        yes, no = GenericList(fullname=result.fullname), GenericList(fullname=result.fullname)
        for item in items:
            (yes if test(item) and (not count or len(yes) < count) else no).append(item)
        return [yes, no]
    return result


def _magic_gettype(ctx, obj, args):
    from .types import PSType, lookup_type, make_array_type, resolve_type
    if isinstance(obj, PSType):
        return lookup_type("System.RuntimeType")
    name = type_name_of(obj)
    t = lookup_type(name)
    if t is None:
        if name.endswith("[]"):
            try:
                return make_array_type(resolve_type(name[:-2]))
            except DotNetException:
                pass
        t = PSType(name)
    return t


_MAGIC_METHODS = {"foreach": _magic_foreach, "where": _magic_where, "gettype": _magic_gettype}


# --- indexing ------------------------------------------------------------------------------------------------
def get_index(obj, index):
    if obj is None:
        raise runtime_error(RuntimeException, "NullArray", "Cannot index into a null array.",
                            "InvalidOperation")
    if isinstance(obj, Hashtable):
        if isinstance(index, list):
            return [obj[k] for k in index]
        if obj.ordered and type(index) is int:
            # OrderedDictionary's int indexer is positional, even where an int key exists
            # ($d[[object]1] reads the key: see get_index_by_key)
            items = obj.values()
            return items[index] if -len(items) <= index < len(items) else None
        return obj[index]
    if isinstance(obj, (list, str)):
        if isinstance(index, (list, range)):
            out = []
            for i in index:
                v = _index_one(obj, i)
                if v is not None or not isinstance(obj, str):
                    out.append(v)
            return [v for v in out if v is not None] if len(out) != 1 else out[0]
        return _index_one(obj, index)
    getitem = getattr(obj, "ps_getitem", None)
    if getitem is not None:
        return getitem(index)
    if isinstance(obj, PSCustomObject):
        raise runtime_error(RuntimeException, "CannotIndex",
                            "Unable to index into an object of type "
                            "System.Management.Automation.PSObject.", "InvalidOperation")
    if hasattr(obj, "__getitem__") and not isinstance(obj, (int, float)):
        try:
            return obj[index]
        except (IndexError, KeyError, TypeError):
            return None
    # a scalar indexes like a one-element array, by one index only: a list of indices
    # gives $null (about_Operators, "(2)[0,0] -eq $null")
    if not isinstance(index, list):
        try:
            if _to_index(index) in (0, -1):
                return obj
        except DotNetException:
            pass
    if STRICT_SEEN[0]:
        from .strict import scalar_index
        scalar_index(obj, type_name_of(obj))
    return None


def get_index_by_key(obj, index):
    """``$d[[object]1]``: an index typed as object picks a dictionary's key indexer, not an
    OrderedDictionary's positional one."""
    if isinstance(obj, Hashtable) and not isinstance(index, list):
        return obj[index]
    return get_index(obj, index)


def _to_index(i) -> int:
    if type(i) is int:
        return i
    from .types import to_int32
    return to_int32(i)


def _index_one(seq, i):
    """One element of an array, list or string; $null for an index that is out of range or
    not a number (errors under Set-StrictMode -Version 3)."""
    if type(i) is not int:
        try:
            i = _to_index(i)
        except DotNetException:
            if STRICT_SEEN[0] and _strict_version() >= 3:
                raise
            return None
    n = len(seq)
    if i < 0:
        i += n
    if 0 <= i < n:
        v = seq[i]
        return Char(v) if isinstance(seq, str) else v
    if STRICT_SEEN[0]:
        from .strict import index_out_of_range
        index_out_of_range(isinstance(seq, GenericList))
    return None


def _strict_version() -> int:
    from .strict import current_version
    return current_version()


def set_index(obj, index, value) -> None:
    if isinstance(obj, Hashtable):
        obj[index] = value
        return
    if isinstance(obj, list):
        i = _to_index(index)
        n = len(obj)
        j = i + n if i < 0 else i
        if not (0 <= j < n):
            raise runtime_error(RuntimeException, "IndexOutOfRange",
                                "Index was outside the bounds of the array.", "InvalidOperation",
                                obj)
        et = getattr(obj, "element_type", None)
        obj[j] = et.convert(value) if et is not None else value
        return
    setitem = getattr(obj, "ps_setitem", None)
    if setitem is not None:
        setitem(index, value)
        return
    if obj is None:
        raise runtime_error(RuntimeException, "NullArray", "Cannot index into a null array.",
                            "InvalidOperation")
    raise runtime_error(RuntimeException, "CannotIndex",
                        f"Unable to index into an object of type {type_name_of(obj)}.",
                        "InvalidOperation")


# --- static members ------------------------------------------------------------------------------------------
def get_static(t, name):
    from .dotnet import statics
    v = statics.get_static_member(t, to_str(name))
    if v is statics.MISSING:
        return None
    return v


def set_static(t, name, value) -> None:
    from .dotnet import statics
    setter = getattr(statics, "set_static_member", None)
    if setter is None:
        raise _property_not_found(to_str(name))
    setter(t, to_str(name), value)


def invoke_static(ctx, t, name, args):
    name = to_str(name)
    if name.lower() == "new" and getattr(t, "ctor", None) is not None:
        try:
            return t.ctor(*args)
        except DotNetException:
            raise
        except TypeError:
            raise runtime_error(RuntimeException, "MethodCountCouldNotFindBest",
                                f'Cannot find an overload for "new" and the argument count: '
                                f'"{len(args)}".', "InvalidOperation") from None
    user = getattr(t, "ps_invoke_static", None)
    if user is not None:
        return user(ctx, name, args)
    from .dotnet import statics
    return statics.invoke_static(t, name, list(args))
