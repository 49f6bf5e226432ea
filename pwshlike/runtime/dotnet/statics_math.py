"""[Math], [Convert] and [BitConverter]."""
from __future__ import annotations

import datetime
import decimal
import math
import struct

from .. import numeric as N
from ..convert import to_number, to_str
from ..typenames import Char
from ..types import StaticProperty
from .common import (
    a_double,
    a_int,
    a_str,
    arg_null,
    arg_range,
    byte_array,
    format_error,
    is_enum,
    net_error,
    ps_type,
    static,
    to_bytes,
)
from .statics_numbers import (
    int_in_range,
    parse_bool,
    parse_decimal,
    parse_double,
    parse_integer,
    set_ref,
)

D = decimal.Decimal


def const(value) -> StaticProperty:
    return StaticProperty(lambda: value)


def _number(v, pname: str = "value"):
    """A Math argument as a number (strings and other values converted as PowerShell does)."""
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float, D)):
        return v
    if v is None:
        return 0
    try:
        return to_number(v)
    except Exception:
        a_double(v, pname)
        raise


def _f(v, pname: str = "d") -> float:
    n = _number(v, pname)
    return float(n)


def _safe(fn):
    def call(*args):
        try:
            return fn(*args)
        except ValueError:
            return math.nan
        except OverflowError:
            return math.inf
    return call


# --- rounding ----------------------------------------------------------------------------------
_DEC_MODES = {0: decimal.ROUND_HALF_EVEN, 1: decimal.ROUND_HALF_UP, 2: decimal.ROUND_DOWN,
              3: decimal.ROUND_FLOOR, 4: decimal.ROUND_CEILING}


def round_decimal_to(d: D, digits: int, mode: int) -> D:
    if not d.is_finite():
        return d
    if d.as_tuple().exponent >= -digits:
        return d
    q = D(1).scaleb(-digits)
    return d.quantize(q, rounding=_DEC_MODES[mode], context=decimal.Context(prec=60))


def round_double(x: float, digits: int, mode: int) -> float:
    if math.isnan(x) or math.isinf(x):
        return x
    if digits:
        if abs(x) >= 1e16:
            return x
        p = 10.0 ** digits
        return round_double(x * p, 0, mode) / p
    if mode == 0:
        r = float(round(x))
    elif mode == 1:
        t = math.trunc(x)
        r = float(t + (math.copysign(1, x) if abs(x - t) >= 0.5 else 0))
    elif mode == 2:
        r = float(math.trunc(x))
    elif mode == 3:
        r = float(math.floor(x))
    else:
        r = float(math.ceil(x))
    return math.copysign(r, x) if r == 0 else r


def _mode(v) -> int:
    from .enums import MidpointRounding
    n = int(MidpointRounding.convert(v))
    return n


def _is_mode(v) -> bool:
    return is_enum(v, "System.MidpointRounding") or (
        isinstance(v, str) and not v.strip().lstrip("+-").isdigit())


def math_round(value, *rest):
    """Math.Round(x[, digits][, mode]) for Double and Decimal."""
    digits, mode = 0, 0
    if len(rest) == 2:
        digits, mode = a_int(rest[0], "digits"), _mode(rest[1])
    elif len(rest) == 1:
        if _is_mode(rest[0]):
            mode = _mode(rest[0])
        else:
            digits = a_int(rest[0], "digits")
    n = _number(value)
    if isinstance(n, D):
        if digits < 0 or digits > 28:
            raise arg_range("decimals", "Decimal can only round to between 0 and 28 digits of "
                            "precision.")
        return round_decimal_to(n, digits, mode)
    if digits < 0 or digits > 15:
        raise arg_range("digits", "Rounding digits must be between 0 and 15, inclusive.")
    return round_double(float(n), digits, mode)


def _int_like(n) -> bool:
    return isinstance(n, int) and not isinstance(n, bool)


def _rounder(name: str, dec_mode: int, fn):
    def op(v):
        n = _number(v)
        if isinstance(n, D):
            return round_decimal_to(n, 0, dec_mode)
        x = float(n)
        if math.isnan(x) or math.isinf(x):
            return x
        r = float(fn(x))
        return math.copysign(r, x) if r == 0 else r
    return static(name, 1)(op)


# --- Abs / Max / Min / Sign ----------------------------------------------------------------------
_WIDEN = {N.Byte: N.Int16, N.UInt16: int, N.UInt32: N.Int64}


def _abs(v):
    n = _number(v)
    if isinstance(n, (D, float)):
        return abs(n) if not isinstance(n, N.Single) else N.Single(abs(n))
    t = type(n)
    if t is int:
        if n == N.INT32_MIN:
            raise net_error("OverflowException", "Negating the minimum value of a twos "
                            "complement number is invalid.")
        return abs(n) if n >= N.INT32_MIN else N.Int64(abs(n))
    cls = _WIDEN.get(t, t)
    if t in (N.Int64, N.Int16, N.SByte) and n == t.min_value:
        raise net_error("OverflowException", "Negating the minimum value of a twos complement "
                        "number is invalid.")
    r = abs(int(n))
    return r if cls is int else cls(r)


def _rank(n) -> int:
    if type(n) is int:
        return 5 if N.INT32_MIN <= n <= N.INT32_MAX else 7
    return getattr(type(n), "rank", 5)


def _minmax(a, b, pick_max: bool):
    x, y = _number(a, "val1"), _number(b, "val2")
    if isinstance(x, float) or isinstance(y, float):
        fx, fy = float(x), float(y)
        if math.isnan(fx) or math.isnan(fy):
            return math.nan
        r = max(fx, fy) if pick_max else min(fx, fy)
        if isinstance(x, N.Single) and isinstance(y, N.Single):
            return N.Single(r)
        return r
    if isinstance(x, D) or isinstance(y, D):
        dx, dy = D(x), D(y)
        return max(dx, dy) if pick_max else min(dx, dy)
    r = max(int(x), int(y)) if pick_max else min(int(x), int(y))
    winner = x if _rank(x) >= _rank(y) else y
    t = type(winner)
    if t is int:
        return N.make_int(r) if not (N.INT32_MIN <= r <= N.INT32_MAX) else r
    return t(r)


def _sign(v):
    n = _number(v)
    if isinstance(n, float) and math.isnan(n):
        raise net_error("ArithmeticException", "Function does not accept floating point "
                        "Not-a-Number values.")
    return (n > 0) - (n < 0)


def _divrem(a, b, ref=None):
    x, y = int(_number(a, "left")), int(_number(b, "right"))
    if y == 0:
        raise net_error("DivideByZeroException")
    q = abs(x) // abs(y) * (1 if (x >= 0) == (y >= 0) else -1)
    r = x - q * y
    if ref is not None:
        set_ref(ref, r, 3)
        return q
    from ..values import PSCustomObject
    return PSCustomObject({"Item1": q, "Item2": r})


def _clamp(v, lo, hi):
    a, b = _number(lo, "min"), _number(hi, "max")
    if a > b:
        raise net_error("ArgumentException", f"'{to_str(a)}' cannot be greater than "
                        f"{to_str(b)}.")
    return _minmax(_minmax(v, a, True), b, False)


def _log(x, base=None):
    a = _f(x, "a")
    if base is None:
        if a < 0 or math.isnan(a):
            return math.nan
        return -math.inf if a == 0 else math.log(a)
    b = _f(base, "newBase")
    if math.isnan(a) or math.isnan(b) or b == 1 or b < 0 or a < 0:
        return math.nan
    if b == 0 or math.isinf(b):
        return math.nan if a != 1 else (0.0 if b == 0 else math.nan)
    if a == 0:
        return -math.inf if b > 1 else math.inf
    return math.log(a) / math.log(b)


def _logn(fn):
    def call(x):
        a = _f(x)
        if a < 0 or math.isnan(a):
            return math.nan
        return -math.inf if a == 0 else fn(a)
    return call


def _pow(x, y):
    a, b = _f(x, "x"), _f(y, "y")
    try:
        return math.pow(a, b)
    except ValueError:
        return math.nan
    except OverflowError:
        if a < 0 and b == int(b) and int(b) % 2:
            return -math.inf
        return math.inf


def _unary(name: str, fn):
    return static(name, 1)(lambda x: _safe(fn)(_f(x)))


MATH_STATICS = {
    "pi": const(math.pi), "e": const(math.e), "tau": const(math.tau),
    "abs": static("Abs", 1)(_abs),
    "ceiling": _rounder("Ceiling", 4, math.ceil),
    "floor": _rounder("Floor", 3, math.floor),
    "truncate": _rounder("Truncate", 2, math.trunc),
    "round": static("Round", (1, 2, 3))(math_round),
    "max": static("Max", 2)(lambda a, b: _minmax(a, b, True)),
    "min": static("Min", 2)(lambda a, b: _minmax(a, b, False)),
    "pow": static("Pow", 2)(_pow),
    "sqrt": _unary("Sqrt", math.sqrt),
    "cbrt": _unary("Cbrt", lambda x: math.copysign(abs(x) ** (1 / 3), x)),
    "exp": _unary("Exp", math.exp),
    "log": static("Log", (1, 2))(_log),
    "log10": static("Log10", 1)(_logn(math.log10)),
    "log2": static("Log2", 1)(_logn(math.log2)),
    "sin": _unary("Sin", math.sin), "cos": _unary("Cos", math.cos),
    "tan": _unary("Tan", math.tan), "asin": _unary("Asin", math.asin),
    "acos": _unary("Acos", math.acos), "atan": _unary("Atan", math.atan),
    "sinh": _unary("Sinh", math.sinh), "cosh": _unary("Cosh", math.cosh),
    "tanh": _unary("Tanh", math.tanh), "asinh": _unary("Asinh", math.asinh),
    "acosh": _unary("Acosh", math.acosh), "atanh": _unary("Atanh", math.atanh),
    "atan2": static("Atan2", 2)(lambda y, x: math.atan2(_f(y, "y"), _f(x, "x"))),
    "sign": static("Sign", 1)(_sign),
    "divrem": static("DivRem", (2, 3))(_divrem),
    "clamp": static("Clamp", 3)(_clamp),
    "bigmul": static("BigMul", 2)(lambda a, b: N.Int64(a_int(a, "a") * a_int(b, "b"))),
    "ieeeremainder": static("IEEERemainder", 2)(
        lambda x, y: _safe(math.remainder)(_f(x, "x"), _f(y, "y"))),
    "copysign": static("CopySign", 2)(lambda x, y: math.copysign(_f(x, "x"), _f(y, "y"))),
    "fusedmultiplyadd": static("FusedMultiplyAdd", 3)(
        lambda x, y, z: _f(x, "x") * _f(y, "y") + _f(z, "z")),
    "scaleb": static("ScaleB", 2)(lambda x, n: _safe(math.ldexp)(_f(x, "x"), a_int(n, "n"))),
    "maxmagnitude": static("MaxMagnitude", 2)(
        lambda x, y: max(_f(x, "x"), _f(y, "y"), key=abs)),
    "minmagnitude": static("MinMagnitude", 2)(
        lambda x, y: min(_f(x, "x"), _f(y, "y"), key=abs)),
}


# --- Convert -------------------------------------------------------------------------------------
_B64_ERROR = ("The input is not a valid Base-64 string as it contains a non-base 64 character, "
              "more than two padding characters, or an illegal character among the padding "
              "characters.")


def _to_base64(data, *rest):
    import base64
    b = to_bytes(data, "inArray")
    opts = 0
    if len(rest) in (2, 3):
        off, length = a_int(rest[0], "offset"), a_int(rest[1], "length")
        if off < 0 or length < 0 or off + length > len(b):
            raise arg_range("offset", "Index was out of range. Must be non-negative and less "
                            "than the size of the collection.")
        b = b[off:off + length]
        rest = rest[2:]
    if rest:
        from .enums import Base64FormattingOptions
        opts = int(Base64FormattingOptions.convert(rest[0]))
    s = base64.b64encode(b).decode("ascii")
    if opts & 1:
        s = "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))
    return s


def _from_base64(s):
    import base64
    import binascii
    if s is None:
        raise arg_null("s")
    text = "".join(a_str(s, "s").split())
    if len(text) % 4:
        raise format_error(_B64_ERROR)
    try:
        return byte_array(base64.b64decode(text, validate=True))
    except (binascii.Error, ValueError):
        raise format_error(_B64_ERROR) from None


_WIDTHS = {"system.int32": 32, "system.int64": 64, "system.int16": 16, "system.byte": 8,
           "system.sbyte": 8, "system.uint16": 16, "system.uint32": 32, "system.uint64": 64}


def _from_base(text: str, base: int, full: str):
    if base not in (2, 8, 10, 16):
        raise net_error("ArgumentException", "Invalid Base.", "fromBase")
    if base == 10:
        return parse_integer(text, full)
    s = text.strip()
    if base == 16 and s[:2].lower() == "0x":
        s = s[2:]
    if not s:
        raise arg_range("value", "Index was out of range. Must be non-negative and less than "
                        "the size of the collection.")
    try:
        v = int(s, base)
    except ValueError:
        raise format_error("Could not find any recognizable digits.") from None
    if s.startswith(("-", "+")):
        raise format_error("Could not find any recognizable digits.")
    bits = _WIDTHS[full]
    if v >= 1 << bits:
        return int_in_range(1 << 70, full)
    from .statics_numbers import _INTS
    if _INTS[full][1] < 0 and v >= 1 << (bits - 1):
        v -= 1 << bits
    return int_in_range(v, full)


def _convert_int(full: str):
    tname = {"system.int32": "Int32"}.get(full, full.split(".")[-1].capitalize())

    def conv(value, base=None):
        if value is None:
            return int_in_range(0, full)
        if isinstance(value, str) and not isinstance(value, Char):
            if base is not None and isinstance(base, int) and not isinstance(base, bool):
                return _from_base(value, int(base), full)
            return parse_integer(value, full)
        if isinstance(value, bool):
            return int_in_range(int(value), full)
        if isinstance(value, Char):
            return int_in_range(ord(value), full)
        if isinstance(value, (float, D)):
            if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
                return int_in_range(2 ** 70, full)
            return int_in_range(int(D(value).to_integral_value(decimal.ROUND_HALF_EVEN)),
                                full)
        if isinstance(value, int):
            return int_in_range(int(value), full)
        if isinstance(value, datetime.datetime):
            raise net_error("InvalidCastException",
                            f"Invalid cast from 'DateTime' to '{tname}'.")
        return int_in_range(int(ps_type(full).convert(value)), full)
    return conv


def _convert_to_string(value, base=None, *rest):
    if base is not None and isinstance(value, int) and isinstance(base, int) and \
            not isinstance(base, bool) and not isinstance(value, bool):
        b = int(base)
        if b not in (2, 8, 10, 16):
            raise net_error("ArgumentException", "Invalid Base.", "toBase")
        v = int(value)
        if b == 10:
            return str(v)
        if v < 0:
            bits = 64 if (type(value) is N.Int64 or v < N.INT32_MIN) else \
                {N.Int16: 16, N.SByte: 8}.get(type(value), 32)
            v += 1 << bits
        return format(v, {2: "b", 8: "o", 16: "x"}[b])
    if base is not None and isinstance(base, str) and not isinstance(value, str):
        from .scalars import dotnet_format
        return dotnet_format(value, base)
    if value is None:
        return ""
    return to_str(value)


def _invalid_cast(value, target: str):
    from ..typenames import short_type_name
    return net_error("InvalidCastException",
                     f"Invalid cast from '{short_type_name(value)}' to '{target}'.")


def _convert_double(value, provider=None):
    if value is None:
        return 0.0
    if isinstance(value, str) and not isinstance(value, Char):
        return parse_double(value)
    if isinstance(value, (Char, datetime.datetime)):
        raise _invalid_cast(value, "Double")
    return float(_number(value))


def _convert_decimal(value, provider=None):
    if value is None:
        return D(0)
    if isinstance(value, str) and not isinstance(value, Char):
        return parse_decimal(value)
    if isinstance(value, (Char, datetime.datetime)):
        raise _invalid_cast(value, "Decimal")
    return ps_type("System.Decimal").convert(value)


def _convert_bool(value, provider=None):
    if value is None:
        return False
    if isinstance(value, str) and not isinstance(value, Char):
        return parse_bool(value)
    if isinstance(value, (Char, datetime.datetime)):
        raise _invalid_cast(value, "Boolean")
    return _number(value) != 0


def _convert_char(value, provider=None):
    if value is None:
        return Char("\x00")
    if isinstance(value, str):
        if len(value) != 1:
            raise format_error("String must be exactly one character long.")
        return Char(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value <= 0xFFFF:
            raise net_error("OverflowException", "Value was either too large or too small for "
                            "a character.")
        return Char(chr(value))
    raise _invalid_cast(value, "Char")


def _convert_datetime(value, provider=None):
    if value is None:
        return datetime.datetime(1, 1, 1)
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        from .statics_system import parse_datetime_strict
        return parse_datetime_strict(value)
    raise _invalid_cast(value, "DateTime")


def _to_hex(data, *rest, lower=False):
    b = to_bytes(data, "inArray")
    if rest:
        off, length = a_int(rest[0], "offset"), a_int(rest[1], "length")
        b = b[off:off + length]
    h = b.hex()
    return h if lower else h.upper()


def _from_hex(s):
    if s is None:
        raise arg_null("s")
    text = a_str(s, "s")
    if len(text) % 2:
        raise format_error("The input is not a valid hex string as its length is not a "
                           "multiple of 2.")
    try:
        return byte_array(bytes.fromhex(text))
    except ValueError:
        raise format_error("The input is not a valid hex string as it contains a non-hex "
                           "character.") from None


def _change_type(value, t, provider=None):
    from ..types import PSType, resolve_type
    if not isinstance(t, PSType):
        t = resolve_type(a_str(t, "conversionType"))
    return t.convert(value)


def _convert_single(value, provider=None):
    return N.to_single(_convert_double(value))


CONVERT_STATICS = {
    "tobase64string": static("ToBase64String", (1, 2, 3, 4))(_to_base64),
    "frombase64string": static("FromBase64String", 1)(_from_base64),
    "tostring": static("ToString", (1, 2, 3))(_convert_to_string),
    "todouble": static("ToDouble", (1, 2))(_convert_double),
    "tosingle": static("ToSingle", (1, 2))(_convert_single),
    "todecimal": static("ToDecimal", (1, 2))(_convert_decimal),
    "toboolean": static("ToBoolean", (1, 2))(_convert_bool),
    "tochar": static("ToChar", (1, 2))(_convert_char),
    "todatetime": static("ToDateTime", (1, 2))(_convert_datetime),
    "tohexstring": static("ToHexString", (1, 3))(_to_hex),
    "tohexstringlower": static("ToHexStringLower", (1, 3))(
        lambda *a: _to_hex(*a, lower=True)),
    "fromhexstring": static("FromHexString", 1)(_from_hex),
    "changetype": static("ChangeType", (2, 3))(_change_type),
    "isdbnull": static("IsDBNull", 1)(lambda v: False),
}
for _full in _WIDTHS:
    _short = _full.split(".")[-1]
    _name = "To" + {"int32": "Int32", "int64": "Int64", "int16": "Int16", "byte": "Byte",
                    "sbyte": "SByte", "uint16": "UInt16", "uint32": "UInt32",
                    "uint64": "UInt64"}[_short]
    CONVERT_STATICS[_name.lower()] = static(_name, (1, 2))(_convert_int(_full))


# --- BitConverter --------------------------------------------------------------------------------
def _bc_tostring(data, start=None, length=None):
    b = to_bytes(data, "value")
    s = 0 if start is None else a_int(start, "startIndex")
    if s < 0 or (s >= len(b) and len(b) > 0) or s > len(b):
        raise arg_range("startIndex", "Index was out of range. Must be non-negative and less "
                        "than the size of the collection.")
    e = len(b) if length is None else s + a_int(length, "length")
    if e > len(b) or e < s:
        raise net_error("ArgumentException", "Destination array is not long enough to copy all "
                        "the items in the collection. Check array index and length.")
    return "-".join(f"{x:02X}" for x in b[s:e])


_PACK = {bool: "<?", Char: "<H", N.Int16: "<h", N.UInt16: "<H", N.UInt32: "<I",
         N.Int64: "<q", N.UInt64: "<Q", N.Single: "<f", float: "<d", N.Byte: "<h",
         N.SByte: "<h"}


def _get_bytes(value):
    if value is None:
        raise arg_null("value")
    t = type(value)
    fmt = _PACK.get(t)
    if fmt is None:
        if t is int:
            fmt = "<i" if N.INT32_MIN <= value <= N.INT32_MAX else "<q"
        elif isinstance(value, D):
            fmt, value = "<d", float(value)
        else:
            fmt = "<i"
            value = a_int(value, "value")
    if t is Char:
        value = ord(value)
    return byte_array(struct.pack(fmt, value))


def _bc_reader(name: str, fmt: str, wrap=None):
    size = struct.calcsize(fmt)

    def read(data, start):
        b = to_bytes(data, "value")
        s = a_int(start, "startIndex")
        if s < 0 or s >= len(b):
            raise arg_range("startIndex", "Index was out of range. Must be non-negative and "
                            "less than the size of the collection.")
        if s + size > len(b):
            raise net_error("ArgumentException", "Destination array is not long enough to copy "
                            "all the items in the collection. Check array index and length.",
                            "value")
        v = struct.unpack_from(fmt, b, s)[0]
        return wrap(v) if wrap else v
    return static(name, 2)(read)


BITCONVERTER_STATICS = {
    "islittleendian": const(True),
    "tostring": static("ToString", (1, 2, 3))(_bc_tostring),
    "getbytes": static("GetBytes", 1)(_get_bytes),
    "toint32": _bc_reader("ToInt32", "<i"),
    "touint32": _bc_reader("ToUInt32", "<I", N.UInt32),
    "toint16": _bc_reader("ToInt16", "<h", N.Int16),
    "touint16": _bc_reader("ToUInt16", "<H", N.UInt16),
    "toint64": _bc_reader("ToInt64", "<q", N.Int64),
    "touint64": _bc_reader("ToUInt64", "<Q", N.UInt64),
    "todouble": _bc_reader("ToDouble", "<d"),
    "tosingle": _bc_reader("ToSingle", "<f", N.Single),
    "toboolean": _bc_reader("ToBoolean", "<?"),
    "tochar": _bc_reader("ToChar", "<H", lambda v: Char(chr(v))),
    "doubletoint64bits": static("DoubleToInt64Bits", 1)(
        lambda x: N.Int64(struct.unpack("<q", struct.pack("<d", _f(x)))[0])),
    "int64bitstodouble": static("Int64BitsToDouble", 1)(
        lambda n: struct.unpack("<d", struct.pack("<q", int(_number(n))))[0]),
}
