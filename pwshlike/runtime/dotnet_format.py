""".NET invariant-culture formatting, as PowerShell 7 (.NET 8) prints values.

PowerShell's ``-f`` operator, ``ToString(fmt)`` calls and its own output all go
through .NET's formatting engine, whose rules (banker's vs. away-from-zero
rounding, 15-digit doubles, custom picture strings, composite ``{0,-10:N2}``
items) differ from Python's ``format``.  This module re-implements those rules
for Python values so results match pwsh character for character.

Value mapping: ``int`` -> Int32 (or Int64 / UInt64 / BigInteger by magnitude),
``float`` -> Double, ``decimal.Decimal`` -> Decimal, ``bool`` -> Boolean,
``str`` -> String, ``datetime.datetime`` -> DateTime, ``datetime.timedelta``
-> TimeSpan.  Date/time formatting lives in ``dotnet_datetime_format``.

Rounding follows .NET 8 exactly: Int32/Int64/Decimal digits round half away
from zero; Double/Single standard formats are correctly rounded from the exact
binary value with ties to even (``2.5`` with ``F0`` -> ``"2"``); Double custom
formats first take 15 significant digits and then round half away from zero
(``2.5`` with ``"0"`` -> ``"3"``).
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from decimal import Decimal

__all__ = [
    "DotNetFormatError",
    "datetime_to_string",
    "decimal_to_string",
    "double_to_string",
    "format_composite",
    "format_single",
    "format_value",
    "single_to_string",
    "timespan_to_string",
]

MSG_INVALID_STRING = "Input string was not in a correct format."
MSG_BAD_SPECIFIER = "Format specifier was invalid."
MSG_INDEX_RANGE = (
    "Index (zero based) must be greater than or equal to zero and less than the size of the "
    "argument list."
)
MSG_BAD_QUOTE = "Cannot find a matching quote character for the character '{0}'."
_MSG_AT_OFFSET = "Input string was not in a correct format. Failure to parse near offset {0}. {1}"
_UNEXPECTED_CLOSE = "Unexpected closing brace without a corresponding opening brace."
_UNCLOSED_ITEM = "Format item ends prematurely."
_EXPECTED_DIGIT = "Expected an ASCII digit."


class DotNetFormatError(ValueError):
    """A .NET ``FormatException``; ``message`` is .NET's exact text, e.g.
    'Index (zero based) must be greater than or equal to zero and less than the size of the
    argument list.' or 'Input string was not in a correct format.' so callers can surface it
    the way pwsh does."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --------------------------------------------------------------------------------------------
# Composite formatting (String.Format)
# --------------------------------------------------------------------------------------------

_INDEX_LIMIT = 1_000_000
_WIDTH_LIMIT = 1_000_000


def _utf16_len(s: str) -> int:
    # .NET pads by UTF-16 code units; only astral characters count twice.
    if s.isascii():
        return len(s)
    return len(s) + sum(1 for c in s if ord(c) > 0xFFFF)


def format_composite(fmt: str, args: Sequence[object], to_string: Callable[[object], str]) -> str:
    """String.Format(InvariantCulture, fmt, args): the engine behind PowerShell's ``-f``.

    Items are ``{index[,alignment][:formatString]}``; ``{{``/``}}`` are escapes.  Items with a
    format string on a formattable value go through :func:`format_value`; everything else
    through ``to_string`` (PowerShell's own conversion); ``None`` is ``''``.  Parse errors
    carry .NET 8's messages, including the offset .NET reports.
    """
    out: list[str] = []
    n = len(fmt)
    pos = 0

    def fail(at: int, reason: str) -> DotNetFormatError:
        return DotNetFormatError(_MSG_AT_OFFSET.format(at, reason))

    while True:
        # Literal text up to the next unescaped opening brace.
        while True:
            if pos >= n:
                return "".join(out)
            o = fmt.find("{", pos)
            c = fmt.find("}", pos)
            if o < 0 and c < 0:
                out.append(fmt[pos:])
                return "".join(out)
            j = c if o < 0 else (o if c < 0 else min(o, c))
            out.append(fmt[pos:j])
            brace = fmt[j]
            pos = j + 1
            if pos >= n:
                raise fail(pos, _UNCLOSED_ITEM)
            ch = fmt[pos]
            if ch == brace:
                out.append(ch)
                pos += 1
                continue
            if brace != "{":
                raise fail(pos, _UNEXPECTED_CLOSE)
            break

        # Argument hole: index, optional ",alignment", optional ":format".
        width = 0
        left = False
        spec = ""
        if not "0" <= ch <= "9":
            raise fail(pos, _EXPECTED_DIGIT)
        index = ord(ch) - 48
        pos += 1
        if pos >= n:
            raise fail(pos, _UNCLOSED_ITEM)
        ch = fmt[pos]
        if ch != "}":
            while "0" <= ch <= "9" and index < _INDEX_LIMIT:
                index = index * 10 + ord(ch) - 48
                pos += 1
                if pos >= n:
                    raise fail(pos, _UNCLOSED_ITEM)
                ch = fmt[pos]
            while ch == " ":
                pos += 1
                if pos >= n:
                    raise fail(pos, _UNCLOSED_ITEM)
                ch = fmt[pos]
            if ch == ",":
                while True:
                    pos += 1
                    if pos >= n:
                        raise fail(pos, _UNCLOSED_ITEM)
                    ch = fmt[pos]
                    if ch != " ":
                        break
                if ch == "-":
                    left = True
                    pos += 1
                    if pos >= n:
                        raise fail(pos, _UNCLOSED_ITEM)
                    ch = fmt[pos]
                if not "0" <= ch <= "9":
                    raise fail(pos, _EXPECTED_DIGIT)
                width = ord(ch) - 48
                pos += 1
                if pos >= n:
                    raise fail(pos, _UNCLOSED_ITEM)
                ch = fmt[pos]
                while "0" <= ch <= "9" and width < _WIDTH_LIMIT:
                    width = width * 10 + ord(ch) - 48
                    pos += 1
                    if pos >= n:
                        raise fail(pos, _UNCLOSED_ITEM)
                    ch = fmt[pos]
                while ch == " ":
                    pos += 1
                    if pos >= n:
                        raise fail(pos, _UNCLOSED_ITEM)
                    ch = fmt[pos]
            if ch != "}":
                if ch != ":":
                    raise fail(pos, _UNCLOSED_ITEM)
                start = pos + 1
                while True:
                    pos += 1
                    if pos >= n:
                        raise fail(pos, _UNCLOSED_ITEM)
                    ch = fmt[pos]
                    if ch == "}":
                        break
                    if ch == "{":
                        raise fail(pos, _UNCLOSED_ITEM)
                spec = fmt[start:pos]
        pos += 1
        if index >= len(args):
            raise DotNetFormatError(MSG_INDEX_RANGE)
        arg = args[index]
        if arg is None:
            s = ""
        elif spec and _is_formattable(arg):
            s = format_value(arg, spec)
        else:
            s = to_string(arg)
        pad = width - _utf16_len(s)
        if pad <= 0:
            out.append(s)
        elif left:
            out.append(s + " " * pad)
        else:
            out.append(" " * pad + s)


def _is_formattable(v: object) -> bool:
    # Mirrors which .NET types implement IFormattable (Boolean and String do not).
    return (isinstance(v, (int, float, Decimal, datetime, timedelta))
            and not isinstance(v, bool))


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


def format_value(value: object, spec: str) -> str:
    """IFormattable.ToString(spec, InvariantCulture) for the supported Python types.

    Raises DotNetFormatError where .NET throws FormatException (e.g. 'D' on a double) and
    TypeError for values that have no .NET formattable counterpart here.
    """
    if isinstance(value, bool):
        return "True" if value else "False"  # Boolean ignores format strings
    if isinstance(value, int):
        return _format_int(int(value), spec)
    if isinstance(value, float):
        return _format_float(float(value), spec, single=False)
    if isinstance(value, Decimal):
        if not value.is_finite():
            return _format_float(float(value), spec, single=False)
        return _format_decimal(value, spec)
    if isinstance(value, str):
        return value  # String.ToString(IFormatProvider) ignores the format
    if isinstance(value, datetime):
        from .dotnet_datetime_format import format_datetime

        return format_datetime(value, spec)
    if isinstance(value, timedelta):
        from .dotnet_datetime_format import format_timespan

        return format_timespan(value, spec)
    raise TypeError(f"no .NET formatting for {type(value).__name__}")


def format_single(value: float, spec: str) -> str:
    """Single.ToString(spec, InvariantCulture): for callers that know a value is [float]."""
    return _format_float(_to_single(value), spec, single=True)


def double_to_string(x: float) -> str:
    """How PowerShell shows a Double (output and string conversion): 15 significant digits."""
    return _format_float(x, "G15", single=False)


def single_to_string(x: float) -> str:
    """How PowerShell shows a Single: 7 significant digits."""
    return _format_float(_to_single(x), "G7", single=True)


def decimal_to_string(d: Decimal) -> str:
    """Decimal.ToString(): keeps the scale (trailing zeros) and never uses an exponent."""
    if not d.is_finite():
        return _format_float(float(d), "", single=False)
    return _format_decimal(d, "")


def datetime_to_string(dt: datetime) -> str:
    """DateTime.ToString() in the invariant culture: 'MM/dd/yyyy HH:mm:ss'."""
    from .dotnet_datetime_format import datetime_to_string as impl

    return impl(dt)


def timespan_to_string(td: timedelta) -> str:
    """TimeSpan.ToString(): '[-][d.]hh:mm:ss[.fffffff]'."""
    from .dotnet_datetime_format import timespan_to_string as impl

    return impl(td)


# --------------------------------------------------------------------------------------------
# Number buffer: value = 0.DIGITS x 10**scale (digits has no leading zeros; '' means zero)
# --------------------------------------------------------------------------------------------


class _Num:
    __slots__ = ("digits", "is_decimal", "is_float", "neg", "scale")

    def __init__(self, neg: bool, digits: str, scale: int, *, is_float: bool = False,
                 is_decimal: bool = False) -> None:
        self.neg = neg
        self.digits = digits
        self.scale = scale
        self.is_float = is_float
        self.is_decimal = is_decimal


def _digits_from_text(s: str) -> tuple[str, int]:
    """Digits and scale of a repr/'%e'/'%f' rendering (sign ignored, trailing zeros dropped)."""
    s = s.lstrip("-")
    exp = 0
    if "e" in s:
        s, e = s.split("e")
        exp = int(e)
    ip, _, fp = s.partition(".")
    combined = ip + fp
    stripped = combined.lstrip("0")
    digits = stripped.rstrip("0")
    if not digits:
        return "", 0
    return digits, len(ip) - (len(combined) - len(stripped)) + exp


def _to_single(x: float) -> float:
    try:
        return struct.unpack("<f", struct.pack("<f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def _shortest(ax: float, single: bool) -> tuple[str, int]:
    if not single:
        return _digits_from_text(repr(ax))
    for p in range(1, 10):
        s = f"{ax:.{p - 1}e}"
        if _to_single(float(s)) == ax:
            return _digits_from_text(s)
    return _digits_from_text(f"{ax:.8e}")


def _float_num(x: float, neg: bool, mode: str, n: int, single: bool) -> _Num:
    """Digits of |x| correctly rounded (ties to even, as .NET's Dragon4/Grisu produce)."""
    ax = abs(x)
    if ax == 0.0:
        return _Num(neg, "", 0, is_float=True)
    if mode == "sig":
        d, s = _digits_from_text(f"{ax:.{n - 1}e}")
    elif mode == "fixed":
        d, s = _digits_from_text(f"{ax:.{n}f}")
    else:
        d, s = _shortest(ax, single)
    return _Num(neg, d, s if d else 0, is_float=True)


def _round(num: _Num, pos: int, exact: bool) -> None:
    """.NET RoundNumber: cut at `pos` digits, half away from zero unless already exact."""
    d = num.digits
    i = max(0, min(pos, len(d)))
    if i == pos and not exact and i < len(d) and d[i] >= "5":
        while i > 0 and d[i - 1] == "9":
            i -= 1
        if i > 0:
            d = d[: i - 1] + chr(ord(d[i - 1]) + 1)
        else:
            num.scale += 1
            d = "1"
            i = 1
    else:
        while i > 0 and d[i - 1] == "0":
            i -= 1
        d = d[:i]
    if i == 0:
        if not num.is_float:
            num.neg = False  # integers and decimals have no negative zero
        num.scale = 0
    num.digits = d


def _parse_spec(spec: str) -> tuple[str, int]:
    """ParseFormatSpecifier: ('X', precision or -1) for standard formats, ('', -1) for custom."""
    if not spec:
        return "G", -1
    c = spec[0]
    if ("A" <= c <= "Z") or ("a" <= c <= "z"):
        rest = spec[1:]
        if not rest:
            return c, -1
        if rest.isascii() and rest.isdigit():
            n = int(rest)
            if n > 999_999_999:
                raise DotNetFormatError(MSG_BAD_SPECIFIER)
            return c, n
    return "", -1


# --------------------------------------------------------------------------------------------
# Type-specific front ends
# --------------------------------------------------------------------------------------------


def _int_num(v: int) -> _Num:
    text = str(abs(v)) if v else ""
    return _Num(v < 0, text, len(text))


def _format_int(v: int, spec: str) -> str:
    c, prec = _parse_spec(spec)
    if not c:
        return _custom(_int_num(v), spec)
    u = c.upper()
    if (u == "G" and prec < 1) or u == "D":
        body = str(abs(v))
        if prec > len(body):
            body = body.rjust(prec, "0")
        return "-" + body if v < 0 else body
    if u in "XB":
        if v < 0:
            if v >= -(1 << 31):
                v += 1 << 32
            elif v >= -(1 << 63):
                v += 1 << 64
            else:  # BigInteger: sign-extended two's complement, whole bytes
                nbytes = (v.bit_length() + 8) // 8
                v += 1 << (8 * nbytes)
        if u == "X":
            body = format(v, "X" if c == "X" else "x")
        else:
            body = format(v, "b")
        return body.rjust(prec, "0") if prec > 0 else body
    if u == "R":
        raise DotNetFormatError(MSG_BAD_SPECIFIER)
    return _number_to_string(_int_num(v), c, prec, exact=False)


def _format_decimal(d: Decimal, spec: str) -> str:
    sign, digs, exp = d.as_tuple()
    assert isinstance(exp, int)
    text = "".join(map(str, digs)).lstrip("0")
    if exp > 0:
        text = text + "0" * exp if text else ""
        exp = 0
    scale = len(text) + exp if text else exp
    num = _Num(bool(sign), text, scale, is_decimal=True)
    c, prec = _parse_spec(spec)
    if not c:
        return _custom(num, spec)
    if c.upper() not in "CFNEGP":
        raise DotNetFormatError(MSG_BAD_SPECIFIER)
    return _number_to_string(num, c, prec, exact=False)


def _format_float(x: float, spec: str, single: bool) -> str:
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "-Infinity" if x < 0 else "Infinity"
    neg = math.copysign(1.0, x) < 0
    c, prec = _parse_spec(spec)
    if not c:  # custom: 15 (Double) or 7 (Single) digits, then custom rounding
        return _custom(_float_num(x, neg, "sig", 7 if single else 15, single), spec)
    u = c.upper()
    roundtrip = 9 if single else 17
    if u in "CFN":
        num = _float_num(x, neg, "fixed", 2 if prec < 0 else prec, single)
    elif u == "P":
        num = _float_num(x, neg, "fixed", (2 if prec < 0 else prec) + 2, single)
    elif u == "E":
        num = _float_num(x, neg, "sig", (6 if prec < 0 else prec) + 1, single)
    elif u == "G" and prec > 0:
        num = _float_num(x, neg, "sig", prec, single)
    elif u in "GR":
        num = _float_num(x, neg, "short", 0, single)
        prec = max(len(num.digits), roundtrip)
        c = "G" if c in "GR" else "g"
    else:
        raise DotNetFormatError(MSG_BAD_SPECIFIER)
    return _number_to_string(num, c, prec, exact=True)


# --------------------------------------------------------------------------------------------
# Standard numeric formats (NumberToString)
# --------------------------------------------------------------------------------------------


def _group(s: str) -> str:
    if len(s) <= 3:
        return s
    head = len(s) % 3 or 3
    return s[:head] + "".join("," + s[i:i + 3] for i in range(head, len(s), 3))


def _fixed(num: _Num, decimals: int, grouped: bool) -> str:
    d, s = num.digits, num.scale
    if s > 0:
        ip = d[:s].ljust(s, "0")
        if grouped:
            ip = _group(ip)
    else:
        ip = "0"
    if decimals <= 0:
        return ip
    frac = ("0" * -s if s < 0 else "") + d[max(s, 0):]
    return ip + "." + frac[:decimals].ljust(decimals, "0")


def _exponent(e: int, ch: str, min_digits: int, plus: bool) -> str:
    sign = "-" if e < 0 else ("+" if plus else "")
    return ch + sign + str(abs(e)).rjust(min_digits, "0")


def _general(num: _Num, max_digits: int, exp_ch: str, suppress_sci: bool) -> str:
    d = num.digits
    dig_pos = num.scale
    sci = False
    if not suppress_sci and (dig_pos > max_digits or dig_pos < -3):
        dig_pos = 1
        sci = True
    if dig_pos > 0:
        out = d[:dig_pos].ljust(dig_pos, "0")
        idx = min(dig_pos, len(d))
        dig_pos = 0
    else:
        out = "0"
        idx = 0
    if idx < len(d) or dig_pos < 0:
        out += "." + "0" * -dig_pos + d[idx:]
    if sci:
        out += _exponent(num.scale - 1, exp_ch, 2, True)
    return out


def _number_to_string(num: _Num, fmt: str, n: int, exact: bool) -> str:
    u = fmt.upper()
    if u in "CFNP":
        if n < 0:
            n = 2  # Currency/Number/PercentDecimalDigits of the invariant culture
        if u == "P":
            num.scale += 2
        _round(num, num.scale + n, exact)
        if u == "C":
            body = "¤" + _fixed(num, n, True)
            return "(" + body + ")" if num.neg else body
        body = _fixed(num, n, u != "F")
        if u == "P":
            body += " %"
        return "-" + body if num.neg else body
    if u == "E":
        n = (6 if n < 0 else n) + 1
        _round(num, n, exact)
        d = num.digits
        out = ("-" if num.neg else "") + (d[0] if d else "0")
        if n != 1:
            out += "." + d[1:n].ljust(n - 1, "0")
        return out + _exponent(num.scale - 1 if d else 0, fmt, 3, True)
    if u == "G":
        exp_ch = "E" if fmt == "G" else "e"
        if n < 1:
            if num.is_decimal and n == -1:
                # Decimal keeps its trailing zeros and never goes scientific.
                if not num.digits:
                    return _general(num, n, exp_ch, True)
                return ("-" if num.neg else "") + _general(num, n, exp_ch, True)
            n = len(num.digits)
        _round(num, n, exact)
        return ("-" if num.neg else "") + _general(num, n, exp_ch, False)
    raise DotNetFormatError(MSG_BAD_SPECIFIER)


# --------------------------------------------------------------------------------------------
# Custom numeric formats (NumberToStringFormat)
# --------------------------------------------------------------------------------------------


def _find_section(fmt: str, section: int) -> int:
    """Start index of section 1 (negative) or 2 (zero); 0 means 'use the first section'."""
    if section == 0:
        return 0
    n = len(fmt)
    src = 0
    while src < n:
        ch = fmt[src]
        src += 1
        if ch in "'\"":
            while src < n and fmt[src] != "\0":
                src += 1
                if fmt[src - 1] == ch:
                    break
        elif ch == "\\":
            if src < n and fmt[src] != "\0":
                src += 1
        elif ch == ";":
            section -= 1
            if section != 0:
                continue
            if src < n and fmt[src] != "\0" and fmt[src] != ";":
                return src
            return 0
        elif ch == "\0":
            return 0
    return 0


def _custom(num: _Num, fmt: str) -> str:
    n = len(fmt)
    section = _find_section(fmt, 2 if not num.digits else (1 if num.neg else 0))
    while True:
        digit_count = 0
        decimal_pos = -1
        first_digit = 0x7FFFFFFF
        last_digit = 0
        scientific = False
        thousand_pos = -1
        thousand_count = 0
        thousand_seps = False
        scale_adjust = 0
        src = section
        while src < n and fmt[src] not in "\0;":
            ch = fmt[src]
            src += 1
            if ch == "#":
                digit_count += 1
            elif ch == "0":
                if first_digit == 0x7FFFFFFF:
                    first_digit = digit_count
                digit_count += 1
                last_digit = digit_count
            elif ch == ".":
                if decimal_pos < 0:
                    decimal_pos = digit_count
            elif ch == ",":
                if digit_count > 0 and decimal_pos < 0:
                    if thousand_pos >= 0:
                        if thousand_pos == digit_count:
                            thousand_count += 1
                            continue
                        thousand_seps = True
                    thousand_pos = digit_count
                    thousand_count = 1
            elif ch == "%":
                scale_adjust += 2
            elif ch == "\u2030":
                scale_adjust += 3
            elif ch in "'\"":
                while src < n and fmt[src] != "\0":
                    src += 1
                    if fmt[src - 1] == ch:
                        break
            elif ch == "\\":
                if src < n and fmt[src] != "\0":
                    src += 1
            elif ch in "Ee" and ((src < n and fmt[src] == "0") or (
                    src + 1 < n and fmt[src] in "+-" and fmt[src + 1] == "0")):
                src += 1
                while src < n and fmt[src] == "0":
                    src += 1
                scientific = True
        if decimal_pos < 0:
            decimal_pos = digit_count
        if thousand_pos >= 0:
            if thousand_pos == decimal_pos:
                scale_adjust -= thousand_count * 3
            else:
                thousand_seps = True
        if num.digits:
            num.scale += scale_adjust
            pos = digit_count if scientific else num.scale + digit_count - decimal_pos
            _round(num, pos, exact=False)
            if not num.digits:
                src = _find_section(fmt, 2)
                if src != section:
                    section = src
                    continue
        else:
            if not num.is_float:
                num.neg = False
            num.scale = 0
        break

    first_digit = decimal_pos - first_digit if first_digit < decimal_pos else 0
    last_digit = decimal_pos - last_digit if last_digit > decimal_pos else 0
    if scientific:
        dig_pos = decimal_pos
        adjust = 0
    else:
        dig_pos = max(num.scale, decimal_pos)
        adjust = num.scale - decimal_pos

    sep_positions: list[int] = []
    if thousand_seps:
        total = dig_pos + min(0, adjust)
        wanted = max(first_digit, total)
        group_total = 3
        while wanted > group_total:
            sep_positions.append(group_total)
            group_total += 3
    sep_ctr = len(sep_positions) - 1

    digits = num.digits
    nd = len(digits)
    cur = 0
    out: list[str] = []
    if num.neg and section == 0 and num.scale != 0:
        out.append("-")
    decimal_written = False

    def emit_digit(c: str, at: int) -> None:
        nonlocal sep_ctr
        out.append(c)
        if thousand_seps and at > 1 and sep_ctr >= 0 and at == sep_positions[sep_ctr] + 1:
            out.append(",")
            sep_ctr -= 1

    src = section
    while src < n and fmt[src] not in "\0;":
        ch = fmt[src]
        src += 1
        if adjust > 0 and ch in "#0.":
            while adjust > 0:  # more integer digits than placeholders: emit them first
                if cur < nd:
                    emit_digit(digits[cur], dig_pos)
                    cur += 1
                else:
                    emit_digit("0", dig_pos)
                dig_pos -= 1
                adjust -= 1
        if ch in "#0":
            if adjust < 0:
                adjust += 1
                c = "0" if dig_pos <= first_digit else ""
            elif cur < nd:
                c = digits[cur]
                cur += 1
            else:
                c = "0" if dig_pos > last_digit else ""
            if c:
                emit_digit(c, dig_pos)
            dig_pos -= 1
        elif ch == ".":
            if dig_pos == 0 and not decimal_written and (
                    last_digit < 0 or (decimal_pos < digit_count and cur < nd)):
                out.append(".")
                decimal_written = True
        elif ch == "\u2030":
            out.append("\u2030")
        elif ch == "%":
            out.append("%")
        elif ch == ",":
            pass
        elif ch in "'\"":
            while src < n and fmt[src] != "\0" and fmt[src] != ch:
                out.append(fmt[src])
                src += 1
            if src < n and fmt[src] != "\0":
                src += 1
        elif ch == "\\":
            if src < n and fmt[src] != "\0":
                out.append(fmt[src])
                src += 1
        elif ch in "Ee":
            if scientific:
                if not ((src < n and fmt[src] == "0") or (
                        src + 1 < n and fmt[src] in "+-" and fmt[src + 1] == "0")):
                    out.append(ch)
                    continue
                plus = fmt[src] == "+"
                zeros = 0
                if fmt[src] in "+-":
                    src += 1
                while src < n and fmt[src] == "0":
                    zeros += 1
                    src += 1
                exp = num.scale - decimal_pos if digits else 0
                out.append(_exponent(exp, ch, min(zeros, 10), plus))
                scientific = False
            else:
                out.append(ch)
                if src < n and fmt[src] in "+-":
                    out.append(fmt[src])
                    src += 1
                while src < n and fmt[src] == "0":
                    out.append("0")
                    src += 1
        else:
            out.append(ch)

    result = "".join(out)
    if num.neg and section == 0 and num.scale == 0 and result:
        result = "-" + result
    return result
