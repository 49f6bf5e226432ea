"""Which .NET type a Python runtime value stands for (``GetType()``, error messages, ``-is``)."""
from __future__ import annotations

from . import numeric as N


class Char(str):
    """System.Char: a one-character string that remembers it is a char."""
    __slots__ = ()
    dotnet_fullname = "System.Char"


_SIMPLE = {
    bool: "System.Boolean", float: "System.Double", N.Single: "System.Single",
    str: "System.String", Char: "System.Char", list: "System.Object[]",
    tuple: "System.Object[]", dict: "System.Collections.Hashtable", bytes: "System.Byte[]",
}
# standard-library types, by module and name so that naming them loads nothing
_STDLIB = {
    ("decimal", "Decimal"): "System.Decimal", ("datetime", "datetime"): "System.DateTime",
    ("datetime", "timedelta"): "System.TimeSpan", ("re", "Pattern"): "System.Text.RegularExpressions.Regex",
    ("uuid", "UUID"): "System.Guid",
}


def type_name_of(v: object) -> str:
    """Full .NET type name of a runtime value ('System.Int32', 'System.Object[]', ...)."""
    t = type(v)
    name = _SIMPLE.get(t)
    if name is not None:
        return name
    if isinstance(v, int) and not isinstance(v, bool):
        if hasattr(t, "enum_type"):
            return t.enum_type.fullname
        return N.int_type_fullname(v)
    fullname = getattr(v, "type_fullname", None)
    if fullname is not None:
        return fullname
    name = _STDLIB.get((t.__module__, t.__name__))
    if name is not None:
        return name
    et = getattr(v, "element_type", None)
    if isinstance(v, list):
        if hasattr(v, "fullname"):
            return v.fullname
        if et is not None:
            return et.fullname + "[]"
        return "System.Object[]"
    fullname = getattr(t, "dotnet_fullname", None)
    if fullname is not None:
        return fullname
    if N.is_datetime(v):
        return "System.DateTime"
    if callable(v):
        return "System.Management.Automation.PSMethod"
    return "System.Object"


def short_type_name(v: object) -> str:
    return type_name_of(v).rsplit(".", 1)[-1]
