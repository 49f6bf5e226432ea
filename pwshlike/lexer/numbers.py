"""Numeric literal scanning, shared by the tokenizer and by string-to-number conversion.

Rules from about_Numeric_Literals: hex ``0x``, binary ``0b``, type suffixes
``u s l d y n`` (and ``ul us uy``), multipliers ``kb mb gb tb pb``.
"""
from __future__ import annotations

from ..runtime import numeric as N

# Only ASCII digits start or continue numbers: str.isdigit() also accepts "¹" and "٣".
ASCII_DIGITS = frozenset("0123456789")


def _decimal(value):
    from decimal import Decimal
    return Decimal(value)


_MULTIPLIERS = {"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50}
_SUFFIXES = ("ul", "us", "uy", "u", "l", "s", "y", "d", "n")
_SUFFIX_TYPES = {"l": N.Int64, "s": N.Int16, "us": N.UInt16, "y": N.SByte, "uy": N.Byte,
                 "ul": N.UInt64, "n": N.BigInteger}
_DASHES = "-\u2013\u2014\u2015"


class BadNumber(ValueError):
    pass


def scan_number(src: str, pos: int, allow_sign: bool = False):
    """Scan a number at ``pos``: returns (value, end), or None when no number starts here.

    A malformed number whose shape is numeric returns (BadNumber, end).
    """
    n = len(src)
    p = pos
    negative = False
    if allow_sign and p < n and (src[p] in _DASHES or src[p] == "+"):
        negative = src[p] != "+"
        p += 1
    start = p
    if p >= n:
        return None
    radix = 10
    is_real = False
    if src.startswith(("0x", "0X"), p):
        radix = 16
        p += 2
        d0 = p
        while p < n and src[p] in "0123456789abcdefABCDEF":
            p += 1
        if p == d0:
            return None
        digits = src[d0:p]
    elif src.startswith(("0b", "0B"), p) and p + 2 < n and src[p + 2] in "01":
        radix = 2
        p += 2
        d0 = p
        while p < n and src[p] in "01":
            p += 1
        digits = src[d0:p]
    else:
        d0 = p
        while p < n and src[p] in ASCII_DIGITS:
            p += 1
        if p < n and src[p] == "." and p + 1 < n and src[p + 1] in ASCII_DIGITS:
            is_real = True
            p += 1
            while p < n and src[p] in ASCII_DIGITS:
                p += 1
        elif p < n and src[p] == "." and p > d0 and not (p + 1 < n and src[p + 1] == "."):
            # "1." is a real literal, also with an exponent ("1.e2"); "2.GetType" is no
            # number at all (a bare word), as in pwsh
            nxt = src[p + 1] if p + 1 < n else ""
            if nxt in ("e", "E") and _exponent_follows(src, p + 2):
                is_real = True
                p += 1
            elif nxt.isalpha() or nxt == "_":
                return None
            else:
                is_real = True
                p += 1
        if p == d0:
            return None
        if p < n and src[p] in "eE":
            q = p + 1
            if q < n and src[q] in "+-":
                q += 1
            if q < n and src[q] in ASCII_DIGITS:
                while q < n and src[q] in ASCII_DIGITS:
                    q += 1
                is_real = True
                p = q
        digits = src[d0:p]
    suffix = ""
    low = src[p:p + 2].lower()
    for s in _SUFFIXES:
        if low.startswith(s):
            if radix == 16 and s in ("d",):
                continue
            suffix = s
            p += len(s)
            break
    mult = 1
    low = src[p:p + 2].lower()
    if low in _MULTIPLIERS:
        mult = _MULTIPLIERS[low]
        p += 2
    try:
        value = _make_value(digits, radix, is_real, suffix, mult, negative)
    except BadNumber as e:
        return e, p
    del start
    return value, p


def _exponent_follows(src: str, q: int) -> bool:
    if q < len(src) and src[q] in "+-":
        q += 1
    return q < len(src) and src[q].isdigit()


def _make_value(digits: str, radix: int, is_real: bool, suffix: str, mult: int, negative: bool):
    if is_real:
        if suffix == "d":
            v = _decimal(digits) * mult
            return -v if negative else v
        f = float(digits) * mult
        f = -f if negative else f
        if suffix in ("", ):
            return f
        if f - f != 0:     # NaN or infinite
            raise BadNumber(f"The numeric constant {digits}{suffix} is not valid.")
        # a real literal with an integer suffix drops its fraction (1.2L is 1)
        return _int_with_suffix(int(f), suffix, radix)
    iv = int(digits, radix)
    if radix == 16 and not suffix.startswith("u") and suffix != "d":
        # the sign bit counts when the digits fill the type: 0xFFFFs is -1, 0xFFFs is 4095;
        # sixteen digits without a suffix make an Int64
        width = {"y": 2, "s": 4, "l": 16}.get(suffix, 8 if len(digits) < 16 else 16)
        if len(digits) == width and iv >= 1 << (4 * width - 1):
            iv -= 1 << (4 * width)
        if len(digits) == 16 and suffix == "":
            suffix = "l"
        if suffix in ("", "l") and len(digits) > 16:
            raise BadNumber(f"The numeric constant {digits} is not valid.")
    elif radix == 2 and suffix in ("", "l"):
        width = 32 if (suffix == "" and iv <= 0xFFFFFFFF) else 64
        if iv > 0xFFFFFFFFFFFFFFFF:
            raise BadNumber(f"The numeric constant {digits} is not valid.")
        if iv >= 1 << (width - 1):
            iv -= 1 << width
        if width == 64 and suffix == "":
            iv = N.Int64(iv)
    iv *= mult
    if negative:
        iv = -iv
    if suffix == "d":
        return _decimal(iv)
    if suffix:
        return _int_with_suffix(iv, suffix, radix)
    if type(iv) is N.Int64 or N.INT32_MIN <= iv <= N.INT32_MAX:
        return iv if not (type(iv) is N.Int64 and N.INT32_MIN <= iv <= N.INT32_MAX and mult == 1
                          and radix == 10) else int(iv)
    if N.INT64_MIN <= iv <= N.INT64_MAX:
        return N.Int64(iv)
    if abs(iv) <= N.DECIMAL_MAX_INT:
        return _decimal(iv)
    return float(iv)


def _int_with_suffix(iv: int, suffix: str, radix: int):
    if suffix == "u":
        cls = N.UInt32 if 0 <= iv <= 0xFFFFFFFF else N.UInt64
    else:
        cls = _SUFFIX_TYPES[suffix]
    if cls.min_value is not None and not (cls.min_value <= iv <= cls.max_value):
        raise BadNumber(f"The numeric constant {iv} is not in the valid range for "
                        f"{cls.dotnet_name}.")
    return cls(iv)


def parse_number_text(text: str):
    """Convert a whole string to a number as PowerShell's parser would, or None."""
    s = text.strip()
    if not s:
        return None
    if s[0] == "#" or s[:2].lower() == "&h":
        body = s[1:] if s[0] == "#" else s[2:]
        try:
            return int(body, 16)
        except ValueError:
            return None
    r = scan_number(s, 0, allow_sign=True)
    if r is None or r[1] != len(s) or isinstance(r[0], Exception):
        return None
    return r[0]
