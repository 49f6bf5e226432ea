"""Members of scalar values: numbers, Boolean, Char, Guid and enum values."""
from __future__ import annotations

import decimal
import math
import struct
import uuid

from ...errors import DotNetException
from .. import numeric as N
from ..convert import to_str
from ..typenames import Char, type_name_of
from .common import a_char, dotnet_equals, format_error, method, net_error, ps_type


def dotnet_format(value, fmt: str) -> str:
    """IFormattable.ToString(fmt) through dotnet_format, FormatException on bad formats."""
    from ..dotnet_format import DotNetFormatError, format_single, format_value
    try:
        if isinstance(value, N.Single):
            return format_single(value, fmt)
        return format_value(value, fmt)
    except DotNetFormatError as e:
        raise format_error(e.message) from None


# --- numbers ---------------------------------------------------------------------------------
@method("ToString", (0, 1, 2))
def n_tostring(v, fmt=None, provider=None):
    if fmt is not None and not isinstance(fmt, str):
        fmt = None      # ToString(IFormatProvider)
    if not fmt:
        return to_str(v)
    return dotnet_format(v, fmt)


def _nan(v) -> bool:
    return isinstance(v, float) and math.isnan(v)


@method("CompareTo", 1)
def n_compareto(v, other):
    if other is None:
        return 1
    name = type_name_of(v)
    try:
        o = ps_type(name).convert(other)
    except DotNetException:
        raise net_error("ArgumentException",
                        f"Object must be of type {name.rsplit('.', 1)[-1]}.") from None
    if _nan(v) or _nan(o):
        return 0 if _nan(v) and _nan(o) else (-1 if _nan(v) else 1)
    return (v > o) - (v < o)


@method("Equals", 1)
def n_equals(v, other):
    if _nan(v) and _nan(other) and type(v) is type(other):
        return True
    return dotnet_equals(v, other)


def _int32(h: int) -> int:
    h &= 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


@method("GetHashCode", 0)
def n_gethashcode(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        if N.INT32_MIN <= v <= N.INT32_MAX and type(v) is int:
            return int(v)
        u = int(v) & 0xFFFFFFFFFFFFFFFF
        return _int32(u ^ (u >> 32))
    if isinstance(v, float):
        if v == 0:
            return 0
        bits = struct.unpack("<q", struct.pack("<d", v))[0]
        return _int32(bits ^ (bits >> 32))
    return _int32(hash(v))


@method("GetTypeCode", 0)
def n_gettypecode(v):
    return type_name_of(v).rsplit(".", 1)[-1]


NUMBER_METHODS = {"tostring": n_tostring, "compareto": n_compareto, "equals": n_equals,
                  "gethashcode": n_gethashcode, "gettypecode": n_gettypecode}


# --- Boolean -----------------------------------------------------------------------------------
@method("ToString", (0, 1))
def b_tostring(v, provider=None):
    return "True" if v else "False"


@method("CompareTo", 1)
def b_compareto(v, other):
    if other is None:
        return 1
    if not isinstance(other, bool):
        raise net_error("ArgumentException", "Object must be of type Boolean.")
    return int(v) - int(other)


BOOL_METHODS = {"tostring": b_tostring, "compareto": b_compareto, "equals": n_equals,
                "gethashcode": n_gethashcode, "gettypecode": n_gettypecode}


# --- Char --------------------------------------------------------------------------------------
@method("CompareTo", 1)
def c_compareto(c, other):
    if other is None:
        return 1
    return ord(c) - ord(a_char(other, "value"))


@method("Equals", 1)
def c_equals(c, other):
    return isinstance(other, Char) and str.__eq__(c, other)


@method("GetHashCode", 0)
def c_gethashcode(c):
    return ord(c) | (ord(c) << 16)


@method("ToString", (0, 1))
def c_tostring(c, provider=None):
    return str.__str__(c)


CHAR_METHODS = {"compareto": c_compareto, "equals": c_equals, "gethashcode": c_gethashcode,
                "tostring": c_tostring, "gettypecode": n_gettypecode}


# --- Guid ------------------------------------------------------------------------------------------
def guid_format(g: uuid.UUID, fmt: str | None) -> str:
    f = (fmt or "D").strip() or "D"
    d = str(g)
    if f in ("D", "d"):
        return d
    if f in ("N", "n"):
        return g.hex
    if f in ("B", "b"):
        return "{" + d + "}"
    if f in ("P", "p"):
        return "(" + d + ")"
    if f in ("X", "x"):
        h = g.hex
        tail = ",".join(f"0x{h[i:i + 2]}" for i in range(16, 32, 2))
        return f"{{0x{h[0:8]},0x{h[8:12]},0x{h[12:16]},{{{tail}}}}}"
    raise format_error('Format string can be only "D", "d", "N", "n", "P", "p", "B", "b", '
                       '"X" or "x".')


@method("ToString", (0, 1, 2))
def g_tostring(g, fmt=None, provider=None):
    return guid_format(g, fmt if isinstance(fmt, str) else None)


@method("ToByteArray", (0, 1))
def g_tobytearray(g, big_endian=False):
    from .common import a_bool, byte_array
    return byte_array(g.bytes if a_bool(big_endian) else g.bytes_le)


@method("CompareTo", 1)
def g_compareto(g, other):
    if other is None:
        return 1
    o = ps_type("System.Guid").convert(other)
    return (g.int > o.int) - (g.int < o.int)


@method("GetHashCode", 0)
def g_gethashcode(g):
    return _int32(g.int ^ (g.int >> 32) ^ (g.int >> 64) ^ (g.int >> 96))


GUID_METHODS = {"tostring": g_tostring, "tobytearray": g_tobytearray,
                "compareto": g_compareto, "equals": n_equals, "gethashcode": g_gethashcode}


# --- enum values -------------------------------------------------------------------------------
@method("ToString", (0, 1, 2))
def e_tostring(v, fmt=None, provider=None):
    return type(v).enum_type.format(v, fmt if isinstance(fmt, str) else None)


@method("HasFlag", 1)
def e_hasflag(v, flag):
    if flag is None:
        raise net_error("ArgumentNullException", None, "flag")
    f = int(type(v).enum_type.convert(flag))
    return int(v) & f == f


@method("CompareTo", 1)
def e_compareto(v, other):
    if other is None:
        return 1
    o = int(type(v).enum_type.convert(other))
    return (int(v) > o) - (int(v) < o)


@method("Equals", 1)
def e_equals(v, other):
    return type(other) is type(v) and int(other) == int(v)


@method("GetHashCode", 0)
def e_gethashcode(v):
    return _int32(int(v))


@method("GetTypeCode", 0)
def e_gettypecode(v):
    return type(v).enum_type.underlying.rsplit(".", 1)[-1]


ENUM_METHODS = {"tostring": e_tostring, "hasflag": e_hasflag, "compareto": e_compareto,
                "equals": e_equals, "gethashcode": e_gethashcode, "gettypecode": e_gettypecode}
ENUM_PROPERTIES = {"value__": lambda v: int(v)}

DECIMAL_TYPES = (decimal.Decimal,)
