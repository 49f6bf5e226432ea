"""Static members of the primitive types: integers, Double/Single, Decimal, Boolean, Char,
and [enum]."""
from __future__ import annotations

import decimal
import math
import re
import unicodedata

from ...errors import MethodException, runtime_error
from .. import numeric as N
from ..typenames import Char
from ..types import StaticProperty
from .common import (
    a_bool,
    a_char,
    a_int,
    a_str,
    arg_null,
    arg_range,
    format_error,
    net_error,
    ps_type,
    static,
)
from .strings import WHITESPACE


def const(value) -> StaticProperty:
    return StaticProperty(lambda: value)


def set_ref(ref, value, position: int) -> None:
    """Assign a [ref] out-argument (TryParse's result)."""
    from ..values import PSReference
    if not isinstance(ref, PSReference) and not isinstance(
            getattr(type(ref), "Value", None), property):
        raise runtime_error(MethodException, "NonRefArgumentToRefParameterMsg",
                            f"Argument: '{position}' should be a "
                            "System.Management.Automation.PSReference. Use [ref].")
    ref.Value = value


def try_parse(parse, args: tuple, default):
    """TryParse(s, [ref] result) / TryParse(s, style, provider, [ref] result)."""
    ref = args[-1]
    try:
        value = parse(*args[:-1])
        ok = True
    except MethodException:
        raise
    except Exception as e:
        if type(e).__name__ == "ArgError":
            raise
        value, ok = default, False
    set_ref(ref, value, len(args))
    return ok


# --- integers ------------------------------------------------------------------------------------
_INTS = {
    # full name: (class or None for plain int, min, max, article phrase)
    "system.int32": (None, N.INT32_MIN, N.INT32_MAX, "an Int32"),
    "system.int64": (N.Int64, N.INT64_MIN, N.INT64_MAX, "an Int64"),
    "system.int16": (N.Int16, -32768, 32767, "an Int16"),
    "system.byte": (N.Byte, 0, 255, "an unsigned byte"),
    "system.sbyte": (N.SByte, -128, 127, "a signed byte"),
    "system.uint16": (N.UInt16, 0, 65535, "a UInt16"),
    "system.uint32": (N.UInt32, 0, 2 ** 32 - 1, "a UInt32"),
    "system.uint64": (N.UInt64, 0, 2 ** 64 - 1, "a UInt64"),
    "system.numerics.biginteger": (N.BigInteger, None, None, "a BigInteger"),
}
_NUM_RE = re.compile(r"([+-]?)(\d[\d,]*)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?")


def _styles(v) -> int:
    if v is None or not (isinstance(v, (int, str))):
        return -1        # IFormatProvider or nothing: the default style
    from .enums import NumberStyles
    try:
        return int(NumberStyles.convert(v))
    except Exception:  # noqa: BLE001 - not a NumberStyles: a provider
        return -1


def int_in_range(v: int, fullname: str):
    cls, lo, hi, what = _INTS[fullname]
    if lo is not None and not lo <= v <= hi:
        raise net_error("OverflowException", f"Value was either too large or too small for "
                        f"{what}.")
    return v if cls is None else cls(v)


def parse_integer(s, fullname: str, style: int = -1):
    """Int32.Parse and friends (NumberStyles.Integer unless another style is given)."""
    if s is None:
        raise arg_null("s")
    text = a_str(s, "s")
    if style < 0:
        style = 7
    body = text.strip(WHITESPACE)
    bad = format_error(f"The input string '{text}' was not in a correct format.")
    if style & 512:           # AllowHexSpecifier
        if not re.fullmatch(r"[0-9A-Fa-f]+", body):
            raise bad
        v = int(body, 16)
        _, lo, hi, _ = _INTS[fullname]
        if lo is not None and lo < 0 and v <= 2 * hi + 1 and v > hi:
            v -= 2 * (hi + 1)       # two's complement
        return int_in_range(v, fullname)
    m = _NUM_RE.fullmatch(body)
    if not m or not m.group(2) or (m.group(1) and not style & 4):
        raise bad
    digits = m.group(2)
    if "," in digits and not style & 64:
        raise bad
    frac, exp = m.group(3), m.group(4)
    if frac is not None and (not style & 32 or frac.strip("0")):
        if not style & 32:
            raise bad
        raise net_error("OverflowException", "Value was either too large or too small for "
                        f"{_INTS[fullname][3]}.")
    if exp is not None and not style & 128:
        raise bad
    v = decimal.Decimal(digits.replace(",", "")).scaleb(int(exp or 0))
    if v != v.to_integral_value():
        raise net_error("OverflowException", "Value was either too large or too small for "
                        f"{_INTS[fullname][3]}.")
    v = int(v) * (-1 if m.group(1) == "-" else 1)
    return int_in_range(v, fullname)


def _int_statics(fullname: str) -> dict:
    cls, lo, hi, _ = _INTS[fullname]
    mk = (lambda v: v) if cls is None else cls

    def parse(s, style=None, provider=None):
        return parse_integer(s, fullname, _styles(style))

    def tryparse(*args):
        return try_parse(lambda s, *rest: parse_integer(s, fullname, _styles(
            rest[0] if rest else None)), args, mk(0))
    table = {
        "parse": static("Parse", (1, 2, 3))(parse),
        "tryparse": static("TryParse", (2, 4))(tryparse),
    }
    if lo is not None:
        table["maxvalue"] = const(mk(hi))
        table["minvalue"] = const(mk(lo))
    return table


# --- Double / Single ------------------------------------------------------------------------
_SPECIAL_FLOATS = {"infinity": math.inf, "+infinity": math.inf, "-infinity": -math.inf,
                   "nan": math.nan, "∞": math.inf, "+∞": math.inf, "-∞": -math.inf,
                   "-nan": math.nan}


def parse_double(s, style: int = -1) -> float:
    if s is None:
        raise arg_null("s")
    text = a_str(s, "s")
    body = text.strip(WHITESPACE)
    special = _SPECIAL_FLOATS.get(body.lower())
    if special is not None:
        return special
    m = _NUM_RE.fullmatch(body)
    if not m or not (m.group(2) or m.group(3)):
        raise format_error(f"The input string '{text}' was not in a correct format.")
    return float(body.replace(",", ""))


def parse_decimal(s, style: int = -1) -> decimal.Decimal:
    if s is None:
        raise arg_null("s")
    text = a_str(s, "s")
    body = text.strip(WHITESPACE)
    m = _NUM_RE.fullmatch(body)
    allow_exp = style >= 0 and style & 128
    if not m or not (m.group(2) or m.group(3)) or (m.group(4) and not allow_exp):
        raise format_error(f"The input string '{text}' was not in a correct format.")
    d = decimal.Decimal(body.replace(",", ""))
    if abs(d) > N.DECIMAL_MAX:
        raise net_error("OverflowException", "Value was either too large or too small for a "
                        "Decimal.")
    return d


def _isnan(x) -> bool:
    return math.isnan(float(x))


def _double_statics(single: bool) -> dict:
    mk = N.to_single if single else float
    mx = 3.4028234663852886e38 if single else 1.7976931348623157e308
    eps = 1.401298464324817e-45 if single else 5e-324

    def parse(s, style=None, provider=None):
        return mk(parse_double(s, _styles(style)))

    def num(x):
        from .common import a_double
        return a_double(x, "d")
    return {
        "maxvalue": const(mk(mx)), "minvalue": const(mk(-mx)), "epsilon": const(mk(eps)),
        "nan": const(mk(math.nan)), "positiveinfinity": const(mk(math.inf)),
        "negativeinfinity": const(mk(-math.inf)),
        "parse": static("Parse", (1, 2, 3))(parse),
        "tryparse": static("TryParse", (2, 4))(
            lambda *a: try_parse(lambda s, *r: parse(s, *r), a, mk(0.0))),
        "isnan": static("IsNaN", 1)(lambda x: math.isnan(num(x))),
        "isinfinity": static("IsInfinity", 1)(lambda x: math.isinf(num(x))),
        "ispositiveinfinity": static("IsPositiveInfinity", 1)(lambda x: num(x) == math.inf),
        "isnegativeinfinity": static("IsNegativeInfinity", 1)(lambda x: num(x) == -math.inf),
        "isfinite": static("IsFinite", 1)(lambda x: math.isfinite(num(x))),
        "isinteger": static("IsInteger", 1)(
            lambda x: math.isfinite(num(x)) and num(x) == int(num(x))),
        "isnegative": static("IsNegative", 1)(lambda x: math.copysign(1, num(x)) < 0),
    }


# --- Decimal -------------------------------------------------------------------------------------
def _dec(v, pname: str = "d") -> decimal.Decimal:
    from .common import a_decimal
    return a_decimal(v, pname)


def _dec_result(d: decimal.Decimal) -> decimal.Decimal:
    d = N.DEC_CTX.plus(d)
    if abs(d) > N.DECIMAL_MAX:
        raise net_error("OverflowException", "Value was either too large or too small for a "
                        "Decimal.")
    return d


def _dec_divide(a, b):
    a, b = _dec(a, "d1"), _dec(b, "d2")
    if b == 0:
        raise net_error("DivideByZeroException")
    return _dec_result(N.DEC_CTX.divide(a, b))


def _dec_remainder(a, b):
    a, b = _dec(a, "d1"), _dec(b, "d2")
    if b == 0:
        raise net_error("DivideByZeroException")
    return _dec_result(N.DEC_CTX.remainder(a, b))


def _decimal_statics() -> dict:
    from .statics_math import math_round, round_decimal_to

    def parse(s, style=None, provider=None):
        return parse_decimal(s, _styles(style))
    dm = decimal.Decimal
    return {
        "maxvalue": const(N.DECIMAL_MAX), "minvalue": const(-N.DECIMAL_MAX),
        "zero": const(dm(0)), "one": const(dm(1)), "minusone": const(dm(-1)),
        "parse": static("Parse", (1, 2, 3))(parse),
        "tryparse": static("TryParse", (2, 4))(
            lambda *a: try_parse(lambda s, *r: parse(s, *r), a, dm(0))),
        "round": static("Round", (1, 2, 3))(lambda d, *r: math_round(_dec(d), *r)),
        "floor": static("Floor", 1)(lambda d: round_decimal_to(_dec(d), 0, 3)),
        "ceiling": static("Ceiling", 1)(lambda d: round_decimal_to(_dec(d), 0, 4)),
        "truncate": static("Truncate", 1)(lambda d: round_decimal_to(_dec(d), 0, 2)),
        "negate": static("Negate", 1)(lambda d: -_dec(d)),
        "add": static("Add", 2)(lambda a, b: _dec_result(_dec(a, "d1") + _dec(b, "d2"))),
        "subtract": static("Subtract", 2)(
            lambda a, b: _dec_result(_dec(a, "d1") - _dec(b, "d2"))),
        "multiply": static("Multiply", 2)(
            lambda a, b: _dec_result(_dec(a, "d1") * _dec(b, "d2"))),
        "divide": static("Divide", 2)(_dec_divide),
        "remainder": static("Remainder", 2)(_dec_remainder),
        "compare": static("Compare", 2)(
            lambda a, b: (_dec(a, "d1") > _dec(b, "d2")) - (_dec(a, "d1") < _dec(b, "d2"))),
        "todouble": static("ToDouble", 1)(lambda d: float(_dec(d))),
        "toint32": static("ToInt32", 1)(
            lambda d: int_in_range(int(_dec(d)), "system.int32")),
        "toint64": static("ToInt64", 1)(
            lambda d: int_in_range(int(_dec(d)), "system.int64")),
        "max": static("Max", 2)(lambda a, b: max(_dec(a, "x"), _dec(b, "y"))),
        "min": static("Min", 2)(lambda a, b: min(_dec(a, "x"), _dec(b, "y"))),
        "abs": static("Abs", 1)(lambda d: abs(_dec(d))),
    }


# --- Boolean -------------------------------------------------------------------------------------
def parse_bool(s) -> bool:
    if s is None:
        raise arg_null("value")
    text = a_str(s, "value")
    body = text.strip(WHITESPACE + "\x00").lower()
    if body == "true":
        return True
    if body == "false":
        return False
    raise format_error(f"String '{text}' was not recognized as a valid Boolean.")


BOOL_STATICS = {
    "truestring": const("True"), "falsestring": const("False"),
    "parse": static("Parse", 1)(parse_bool),
    "tryparse": static("TryParse", 2)(lambda *a: try_parse(parse_bool, a, False)),
}


# --- Char ------------------------------------------------------------------------------------------
def _char_arg(args: tuple) -> str:
    if len(args) == 2:
        s, i = a_str(args[0], "s"), a_int(args[1], "index")
        if s is None:
            raise arg_null("s")
        if i < 0 or i >= len(s):
            raise arg_range("index", "Index was out of range. Must be non-negative and less "
                            "than the size of the collection.")
        return s[i]
    return a_char(args[0], "c")


def _category_test(name: str, cats: tuple[str, ...] | None = None, pred=None):
    def test(*args):
        c = _char_arg(args)
        if pred is not None:
            return pred(c)
        return unicodedata.category(c) in cats
    return static(name, (1, 2))(test)


def _char_map(name: str, fn):
    def conv(c, culture=None):
        ch = a_char(c, "c")
        r = fn(ch)
        return Char(r if len(r) == 1 else ch)
    return static(name, (1, 2))(conv)


def _parse_char(s):
    if s is None:
        raise arg_null("s")
    text = a_str(s, "s")
    if len(text) != 1:
        raise format_error("String must be exactly one character long.")
    return Char(text)


def _convert_from_utf32(v):
    n = a_int(v, "utf32")
    if n < 0 or n > 0x10FFFF or 0xD800 <= n <= 0xDFFF:
        raise arg_range("utf32", "A valid UTF32 value is between 0x000000 and 0x10ffff, "
                        "inclusive, and should not include surrogate codepoint values "
                        "(0x00d800 ~ 0x00dfff).")
    return chr(n)


def _convert_to_utf32(a, b):
    if isinstance(b, int) and not isinstance(a, Char):
        return ord(a_str(a, "s")[a_int(b, "index")])
    hi, lo = ord(a_char(a, "highSurrogate")), ord(a_char(b, "lowSurrogate"))
    return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)


_LETTER = ("Lu", "Ll", "Lt", "Lm", "Lo")
CHAR_STATICS = {
    "maxvalue": const(Char("\uffff")), "minvalue": const(Char("\x00")),
    "isdigit": _category_test("IsDigit", ("Nd",)),
    "isnumber": _category_test("IsNumber", ("Nd", "Nl", "No")),
    "isletter": _category_test("IsLetter", _LETTER),
    "isletterordigit": _category_test("IsLetterOrDigit", (*_LETTER, "Nd")),
    "isupper": _category_test("IsUpper", ("Lu",)),
    "islower": _category_test("IsLower", ("Ll",)),
    "iswhitespace": _category_test("IsWhiteSpace", pred=lambda c: c in WHITESPACE),
    "ispunctuation": _category_test("IsPunctuation", ("Pc", "Pd", "Ps", "Pe", "Pi", "Pf",
                                                      "Po")),
    "issymbol": _category_test("IsSymbol", ("Sm", "Sc", "Sk", "So")),
    "isseparator": _category_test("IsSeparator", ("Zs", "Zl", "Zp")),
    "iscontrol": _category_test("IsControl", ("Cc",)),
    "issurrogate": _category_test("IsSurrogate", ("Cs",)),
    "ishighsurrogate": _category_test("IsHighSurrogate",
                                      pred=lambda c: 0xD800 <= ord(c) <= 0xDBFF),
    "islowsurrogate": _category_test("IsLowSurrogate",
                                     pred=lambda c: 0xDC00 <= ord(c) <= 0xDFFF),
    "isascii": _category_test("IsAscii", pred=lambda c: ord(c) < 128),
    "isasciidigit": _category_test("IsAsciiDigit", pred=lambda c: "0" <= c <= "9"),
    "isasciiletter": _category_test("IsAsciiLetter",
                                    pred=lambda c: c.isascii() and c.isalpha()),
    "isasciihexdigit": _category_test("IsAsciiHexDigit",
                                      pred=lambda c: c in "0123456789abcdefABCDEF"),
    "toupper": _char_map("ToUpper", str.upper),
    "tolower": _char_map("ToLower", str.lower),
    "toupperinvariant": _char_map("ToUpperInvariant", str.upper),
    "tolowerinvariant": _char_map("ToLowerInvariant", str.lower),
    "tostring": static("ToString", 1)(lambda c: str(a_char(c, "c"))),
    "getnumericvalue": static("GetNumericValue", (1, 2))(
        lambda *a: float(unicodedata.numeric(_char_arg(a), -1.0))),
    "parse": static("Parse", 1)(_parse_char),
    "tryparse": static("TryParse", 2)(lambda *a: try_parse(_parse_char, a, Char("\x00"))),
    "convertfromutf32": static("ConvertFromUtf32", 1)(_convert_from_utf32),
    "converttoutf32": static("ConvertToUtf32", 2)(_convert_to_utf32),
}


# --- [enum] -----------------------------------------------------------------------------------------
def _enum_type(t):
    from .enums import EnumType
    if isinstance(t, str):
        from ..types import resolve_type
        t = resolve_type(t)
    if not isinstance(t, EnumType):
        raise net_error("ArgumentException", "Type provided must be an Enum.", "enumType")
    return t


def _enum_parse(t, value, ignore_case=False):
    et = _enum_type(t)
    if value is None:
        raise arg_null("value")
    text = a_str(value, "value")
    try:
        return et.parse(text, a_bool(ignore_case))
    except Exception:  # noqa: BLE001 - .NET reports its own message
        if not text.strip():
            raise net_error("ArgumentException", "Must specify valid information for parsing "
                            "in the string.", "value") from None
        raise net_error("ArgumentException", f"Requested value '{text}' was not found."
                        ) from None


def _enum_tryparse(t, value, *rest):
    ignore = rest[0] if len(rest) == 2 else False
    et = _enum_type(t)
    return try_parse(lambda v: _enum_parse(et, v, ignore), (value, rest[-1]), None)


def _enum_isdefined(t, value):
    et = _enum_type(t)
    if isinstance(value, str):
        return value in et.enum_members
    return et.is_defined(int(value))


def _enum_getname(t, value):
    et = _enum_type(t)
    v = int(et.convert(value)) if not isinstance(value, int) else int(value)
    return et._by_value.get(v)


ENUM_STATICS = {
    "getnames": static("GetNames", 1)(lambda t: _enum_type(t).GetEnumNames()),
    "getvalues": static("GetValues", 1)(lambda t: _enum_type(t).values_array()),
    "getname": static("GetName", 2)(_enum_getname),
    "isdefined": static("IsDefined", 2)(_enum_isdefined),
    "parse": static("Parse", (2, 3))(_enum_parse),
    "tryparse": static("TryParse", (3, 4))(_enum_tryparse),
    "toobject": static("ToObject", 2)(
        lambda t, v: _enum_type(t).enum_class(a_int(v, "value"))),
    "getunderlyingtype": static("GetUnderlyingType", 1)(
        lambda t: ps_type(_enum_type(t).underlying)),
    "format": static("Format", 3)(
        lambda t, v, f: _enum_type(t).format(_enum_type(t).convert(v), a_str(f, "format"))),
}


def build() -> dict[str, dict]:
    out: dict[str, dict] = {name: _int_statics(name) for name in _INTS}
    out["system.double"] = _double_statics(False)
    out["system.single"] = _double_statics(True)
    out["system.decimal"] = _decimal_statics()
    out["system.boolean"] = BOOL_STATICS
    out["system.char"] = CHAR_STATICS
    out["system.enum"] = ENUM_STATICS
    return out
