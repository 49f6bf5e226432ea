"""PowerShell's value conversions (LanguagePrimitives): truthiness, to-string, to-number.

Conversions follow the invariant culture, as the language does (about_Type_Conversion).
Casting to a named type lives in ``types.py``; these are the primitives it and the
operators share.
"""
from __future__ import annotations

import math

from ..errors import PSInvalidCastException, runtime_error
from . import numeric as N
from .typenames import type_name_of
from .values import Hashtable, PSCustomObject, SwitchParameter


def _dotnet_format():
    """.NET number/date formatting, loaded the first time a value needs it."""
    from . import dotnet_format
    return dotnet_format

# Where $OFS is read from: the session installs a function that looks the variable up in
# the running scope (None: no session, use the default separator).
OFS_SOURCE: list = [None]


def output_field_separator() -> str:
    """$OFS as the running scope sees it; a space when it is unset or $null."""
    source = OFS_SOURCE[0]
    v = source() if source is not None else None
    return " " if v is None else to_str(v)


def to_bool(v: object) -> bool:
    """LanguagePrimitives.IsTrue."""
    if v is None:
        return False
    t = type(v)
    if t is bool:
        return v
    if t is str:
        return len(v) > 0
    if t is int or t is float:
        return v != 0
    if isinstance(v, list):
        n = len(v)
        if n == 0:
            return False
        if n == 1:
            e = v[0]
            return True if isinstance(e, list) and len(e) > 0 else to_bool(e)
        return True
    if isinstance(v, SwitchParameter):
        return v.IsPresent
    if isinstance(v, (int, float)) or N.is_decimal(v):
        return v != 0
    if isinstance(v, str):
        return len(v) > 0
    return True


def to_str(v: object) -> str:
    """PowerShell's string conversion (what "$v" produces)."""
    t = type(v)
    if t is str:
        return v
    if v is None:
        return ""
    if t is int:
        return str(v)
    if t is bool:
        return "True" if v else "False"
    if t is float:
        return _dotnet_format().double_to_string(v)
    if isinstance(v, list):
        sep = output_field_separator()
        return sep.join(_element_str(e) for e in v)
    if isinstance(v, str):
        return str.__str__(v)
    if isinstance(v, int):
        if hasattr(t, "enum_type"):
            return t.enum_type.name_of(v)
        return int.__repr__(v)
    if isinstance(v, N.Single):
        return _dotnet_format().single_to_string(v)
    if isinstance(v, float):
        return _dotnet_format().double_to_string(v)
    if N.is_decimal(v):
        return _dotnet_format().decimal_to_string(v)
    if N.is_datetime(v):
        return _dotnet_format().datetime_to_string(v)
    if N.is_timespan(v):
        return _dotnet_format().timespan_to_string(v)
    if isinstance(v, PSCustomObject):
        inner = "; ".join(f"{k}={to_str(val)}" for k, val in v.properties())
        return "@{" + inner + "}"
    if isinstance(v, Hashtable):
        return v.type_fullname
    if isinstance(v, SwitchParameter):
        return "True" if v.IsPresent else "False"
    to_string = getattr(v, "ToString", None)
    if to_string is not None:
        return to_string()
    if hasattr(v, "hex") and type_name_of(v) == "System.Guid":
        return str(v)
    return type_name_of(v)


def _element_str(e: object) -> str:
    if isinstance(e, list):
        return type_name_of(e)
    return to_str(e)


def is_numeric(v: object) -> bool:
    t = type(v)
    if t is int or t is float:
        return True
    return (isinstance(v, (int, float)) or N.is_decimal(v)) and t is not bool


def parse_number_string(s: str):
    """String → number as the operators do: PowerShell literal syntax, else .NET double parsing."""
    from ..lexer.numbers import parse_number_text
    v = parse_number_text(s)
    if v is not None:
        return v
    st = s.strip()
    if st == "":
        return 0
    low = st.lower()
    if low in ("infinity", "+infinity"):
        return math.inf
    if low == "-infinity":
        return -math.inf
    if low == "nan":
        return math.nan
    try:
        if "_" in st:
            raise ValueError
        return float(st.replace(",", "")) if _looks_grouped(st) else float(st)
    except ValueError:
        return None


def _looks_grouped(s: str) -> bool:
    import re
    return re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?", s) is not None


def to_number(v: object, op: str = ""):
    """Operand → number for arithmetic; raises the pwsh conversion error when impossible."""
    t = type(v)
    if t is int or t is float:
        return v
    if v is None:
        return 0
    if t is bool:
        return int(v)
    if isinstance(v, (int, float)) or N.is_decimal(v):
        if hasattr(t, "enum_type"):
            return int(v)
        return v
    if isinstance(v, str):
        n = parse_number_string(v)
        if n is None:
            raise runtime_error(
                PSInvalidCastException, "InvalidCastFromStringToInteger",
                f'Cannot convert value "{v}" to type "System.Int32". Error: "The input string '
                f"'{v}' was not in a correct format.\"", "InvalidArgument", v)
        return n
    if isinstance(v, SwitchParameter):
        return int(v.IsPresent)
    if isinstance(v, list) and op:
        raise runtime_error(
            _op_error_class(), "op_" + op,
            f"Method invocation failed because [System.Object[]] does not contain a method "
            f"named 'op_{op}'.", "InvalidOperation", v)
    raise runtime_error(PSInvalidCastException, "InvalidCastException",
                        f'Cannot convert the "{to_str(v)}" value of type "{type_name_of(v)}" to '
                        'type "System.Int32".', "InvalidArgument", v)


def _op_error_class():
    from ..errors import RuntimeException
    return RuntimeException


def format_for_expansion(v: object) -> str:
    """String conversion used inside expandable strings (same as to_str)."""
    return to_str(v)
