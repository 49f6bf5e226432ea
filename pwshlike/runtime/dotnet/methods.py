"""Instance members of runtime values: python type → lower-case name → small function.

``find_method(obj, name)`` returns ``fn`` to be called as ``fn(obj, *args)``;
``find_property(obj, name)`` returns ``getter(obj)``; ``find_property_setter(obj, name)``
returns ``setter(obj, value)`` (only a few .NET properties are settable).  Lookups walk
``type(obj).__mro__`` (a Char is not a String, a bool is not an Int32: their tables stop
the walk).  Classes marked ``dotnet_class = True`` (Match, StringBuilder, Uri, ...) get tables
made from their PascalCase methods and properties on first use.

Every method function checks its argument count (MethodCountCouldNotFindBest) and turns
.NET exceptions into MethodInvocationException itself; the caller needs no wrapping.
"""
from __future__ import annotations

import datetime
import decimal
import re
import types as _pytypes
import uuid
from collections.abc import Callable

from ..typenames import Char
from ..values import DictionaryEntry, GenericList, Hashtable
from .common import method
from .dates import DATETIME_METHODS, DATETIME_PROPERTIES, TIMESPAN_METHODS, TIMESPAN_PROPERTIES
from .enums import EnumValue
from .lists import KIND_METHODS, KIND_PROPERTIES, TABLES, kind
from .regexmatch import REGEX_METHODS, REGEX_PROPERTIES
from .scalars import (
    BOOL_METHODS,
    CHAR_METHODS,
    ENUM_METHODS,
    ENUM_PROPERTIES,
    GUID_METHODS,
    NUMBER_METHODS,
)
from .strings import STRING_METHODS, STRING_PROPERTIES

INSTANCE_METHODS: dict[type, dict[str, Callable[..., object]]] = {
    str: STRING_METHODS,
    Char: CHAR_METHODS,
    list: TABLES["array"][0],
    GenericList: TABLES["list"][0],
    Hashtable: TABLES["hashtable"][0],
    DictionaryEntry: TABLES["entry"][0],
    bool: BOOL_METHODS,
    EnumValue: ENUM_METHODS,
    int: NUMBER_METHODS,
    float: NUMBER_METHODS,
    decimal.Decimal: NUMBER_METHODS,
    datetime.datetime: DATETIME_METHODS,
    datetime.timedelta: TIMESPAN_METHODS,
    uuid.UUID: GUID_METHODS,
    re.Pattern: REGEX_METHODS,
}

INSTANCE_PROPERTIES: dict[type, dict[str, Callable[[object], object]]] = {
    str: STRING_PROPERTIES,
    Char: {},
    list: TABLES["array"][1],
    GenericList: TABLES["list"][1],
    Hashtable: TABLES["hashtable"][1],
    DictionaryEntry: TABLES["entry"][1],
    bool: {},
    EnumValue: ENUM_PROPERTIES,
    datetime.datetime: DATETIME_PROPERTIES,
    datetime.timedelta: TIMESPAN_PROPERTIES,
    re.Pattern: REGEX_PROPERTIES,
}

INSTANCE_SETTERS: dict[type, dict[str, Callable[[object, object], None]]] = {}

# Types whose members do not include their Python base class's (.NET types unrelated to it).
SEALED = frozenset((Char, bool, EnumValue))


# --- tables for classes written as Python classes ---------------------------------------------
def _arity(fn) -> range | None:
    import inspect
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    params = list(sig.parameters.values())[1:]
    lo = hi = 0
    for p in params:
        if p.kind is p.VAR_POSITIONAL:
            return None
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            hi += 1
            if p.default is p.empty:
                lo += 1
    return range(lo, hi + 1)


def reflect(klass: type) -> None:
    """Build the member tables of a ``dotnet_class`` from its own PascalCase attributes."""
    methods: dict = {}
    props: dict = {}
    setters: dict = {}
    for name, attr in vars(klass).items():
        if not name[:1].isupper():
            continue
        low = name.lower()
        if isinstance(attr, property):
            props[low] = attr.fget
            if attr.fset is not None:
                setters[low] = attr.fset
        elif isinstance(attr, _pytypes.MemberDescriptorType):
            props[low] = attr.__get__
        elif isinstance(attr, staticmethod):
            fn = attr.__func__
            methods[low] = method(name, None)(lambda obj, *a, fn=fn: fn(*a))
        elif callable(attr):
            methods[low] = method(name, _arity(attr))(attr)
    INSTANCE_METHODS[klass] = methods
    INSTANCE_PROPERTIES[klass] = props
    if setters:
        INSTANCE_SETTERS[klass] = setters


def _tables(klass: type, which: dict) -> dict | None:
    t = which.get(klass)
    if t is None and getattr(klass, "dotnet_class", False) and klass not in INSTANCE_METHODS:
        reflect(klass)
        t = which.get(klass)
    return t


def _walk(obj, name: str, which: dict, kinds: dict | None):
    low = name.lower()
    if kinds is not None and isinstance(obj, GenericList):
        extra = kinds.get(kind(obj))
        if extra is not None:
            fn = extra.get(low)
            if fn is not None:
                return fn
    for klass in type(obj).__mro__:
        table = _tables(klass, which)
        if table is not None:
            fn = table.get(low)
            if fn is not None:
                return fn
        if klass in SEALED:
            break
    return None


def find_method(obj, name: str) -> Callable | None:
    """The .NET instance method ``name`` of ``obj`` (call as ``fn(obj, *args)``), or None."""
    if obj is None:
        return None
    return _walk(obj, name, INSTANCE_METHODS, KIND_METHODS)


def find_property(obj, name: str) -> Callable | None:
    """The getter of the .NET instance property ``name`` of ``obj``, or None."""
    if obj is None:
        return None
    return _walk(obj, name, INSTANCE_PROPERTIES, KIND_PROPERTIES)


def find_property_setter(obj, name: str) -> Callable | None:
    """The setter (``fn(obj, value)``) of a settable .NET property, or None."""
    if obj is None:
        return None
    return _walk(obj, name, INSTANCE_SETTERS, None)


def method_names(obj) -> list[str]:
    """Lower-case names of the instance methods of ``obj`` (for Get-Member, completion)."""
    return _names(obj, INSTANCE_METHODS)


def property_names(obj) -> list[str]:
    return _names(obj, INSTANCE_PROPERTIES)


def _names(obj, which: dict) -> list[str]:
    seen: dict[str, None] = {}
    if isinstance(obj, GenericList):
        kinds = KIND_METHODS if which is INSTANCE_METHODS else KIND_PROPERTIES
        seen.update(dict.fromkeys(kinds.get(kind(obj), {})))
    for klass in type(obj).__mro__:
        table = _tables(klass, which)
        if table:
            seen.update(dict.fromkeys(table))
        if klass in SEALED:
            break
    return list(seen)


# --- display ----------------------------------------------------------------------------------
# Property names as .NET spells them, in .NET's order (for Format-List / Select-Object *).
PROPERTY_ORDER: dict[type, tuple[str, ...]] = {
    str: ("Length",),
    list: ("Length", "LongLength", "Rank", "SyncRoot", "IsReadOnly", "IsFixedSize",
           "IsSynchronized", "Count"),
    GenericList: ("Capacity", "Count", "IsReadOnly", "IsFixedSize", "IsSynchronized",
                  "SyncRoot"),
    Hashtable: ("IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values", "SyncRoot",
                "Count"),
    DictionaryEntry: ("Name", "Key", "Value"),
    EnumValue: ("value__",),
    datetime.datetime: ("Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Kind",
                        "Millisecond", "Microsecond", "Nanosecond", "Minute", "Month",
                        "Second", "Ticks", "TimeOfDay", "Year"),
    datetime.timedelta: ("Ticks", "Days", "Hours", "Milliseconds", "Microseconds",
                         "Nanoseconds", "Minutes", "Seconds", "TotalDays", "TotalHours",
                         "TotalMilliseconds", "TotalMicroseconds", "TotalNanoseconds",
                         "TotalMinutes", "TotalSeconds"),
    re.Pattern: ("Options", "MatchTimeout", "RightToLeft"),
}


def display_properties(obj) -> list[tuple[str, object]]:
    """(Name, value) pairs of the .NET properties of ``obj``, names spelled as .NET does."""
    if obj is None:
        return []
    names = getattr(type(obj), "ps_properties", None)
    if names is not None:
        return [(n, getattr(obj, n)) for n in names]
    for klass in type(obj).__mro__:
        order = PROPERTY_ORDER.get(klass)
        table = _tables(klass, INSTANCE_PROPERTIES)
        if order is None and table:
            order = tuple(k[:1].upper() + k[1:] for k in table)
        if order:
            out = []
            for n in order:
                getter = find_property(obj, n)
                if getter is not None:
                    out.append((n, getter(obj)))
            return out
        if klass in SEALED:
            break
    return []
