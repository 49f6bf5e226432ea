"""System.String instance members (ordinal, culture-invariant), as a table.

Indices are Python code points (one per char; .NET counts astral characters twice).
"""
from __future__ import annotations

import re
import unicodedata

from ...errors import DotNetException
from ..typenames import Char
from .common import (
    a_bool,
    a_char,
    a_chars,
    a_enum,
    a_int,
    a_str,
    arg_null,
    arg_range,
    char_array,
    compare_strings,
    comparison_mode,
    is_comparison_arg,
    is_enum,
    is_int,
    method,
    net_error,
    sign,
    string_array,
)

WHITESPACE = ("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def _upper(s: str) -> str:
    u = s.upper()
    if len(u) == len(s):
        return u
    return "".join(c if len(c.upper()) != 1 else c.upper() for c in s)


def _lower(s: str) -> str:
    u = s.lower()
    if len(u) == len(s):
        return u
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in s)


def _value(v, pname: str = "value") -> str:
    if v is None:
        raise arg_null(pname)
    return a_str(v, pname)


def _split_cmp(args: tuple) -> tuple[list, bool]:
    """Pop a trailing StringComparison argument: returns (rest, ignore_case)."""
    rest = list(args)
    if rest and is_comparison_arg(rest[-1]):
        _, ic = comparison_mode(rest.pop())
        return rest, ic
    return rest, False


def _find(s: str, value: str, start: int, end: int, ignore_case: bool) -> int:
    if not ignore_case:
        return s.find(value, start, end)
    if value == "":
        return start
    m = re.compile(re.escape(value), re.IGNORECASE).search(s, start, end)
    return m.start() if m else -1


def _rfind(s: str, value: str, start: int, end: int, ignore_case: bool) -> int:
    if not ignore_case:
        return s.rfind(value, start, end)
    if value == "":
        return end
    last = -1
    rx = re.compile(re.escape(value), re.IGNORECASE)
    pos = start
    while True:
        m = rx.search(s, pos, end)
        if not m:
            return last
        last = m.start()
        pos = last + 1


_LE_RANGE = "Index was out of range. Must be non-negative and less than or equal to the size " \
            "of the collection."
_LT_RANGE = "Index was out of range. Must be non-negative and less than the size of the " \
            "collection."
_COUNT_RANGE = "Count must be positive and count must refer to a location within the " \
               "string/array/collection."


@method("IndexOf", (1, 2, 3, 4))
def s_indexof(s, value, *more):
    rest, ic = _split_cmp(more)
    value = _value(value)
    n = len(s)
    start = a_int(rest[0], "startIndex") if rest else 0
    if start < 0 or start > n:
        raise arg_range("startIndex", _LE_RANGE)
    end = n
    if len(rest) > 1:
        count = a_int(rest[1], "count")
        if count < 0 or count > n - start:
            raise arg_range("count", _COUNT_RANGE)
        end = start + count
    return _find(s, value, start, end, ic)


@method("LastIndexOf", (1, 2, 3, 4))
def s_lastindexof(s, value, *more):
    rest, ic = _split_cmp(more)
    value = _value(value)
    n = len(s)
    if not rest:
        return _rfind(s, value, 0, n, ic)
    start = a_int(rest[0], "startIndex")
    if n == 0:
        return 0 if value == "" else -1
    if start == n:
        start = n - 1
    if start < 0 or start >= n:
        raise arg_range("startIndex", _LT_RANGE)
    lo = 0
    if len(rest) > 1:
        count = a_int(rest[1], "count")
        if count < 0 or start - count + 1 < 0:
            raise arg_range("count", _COUNT_RANGE)
        lo = start - count + 1
    return _rfind(s, value, lo, start + 1, ic)


def _any_range(s: str, args: tuple, last: bool) -> tuple[str, int, int]:
    chars = a_chars([args[0]], "anyOf") if args[0] is not None else None
    if chars is None:
        raise arg_null("anyOf")
    n = len(s)
    if last:
        start = a_int(args[1], "startIndex") if len(args) > 1 else n - 1
        if n == 0:
            return chars, 0, -1
        if start < 0 or start >= n:
            raise arg_range("startIndex", _LT_RANGE)
        count = a_int(args[2], "count") if len(args) > 2 else start + 1
        if count < 0 or start - count + 1 < 0:
            raise arg_range("count", _COUNT_RANGE)
        return chars, start - count + 1, start
    start = a_int(args[1], "startIndex") if len(args) > 1 else 0
    if start < 0 or start > n:
        raise arg_range("startIndex", _LE_RANGE)
    count = a_int(args[2], "count") if len(args) > 2 else n - start
    if count < 0 or count > n - start:
        raise arg_range("count", _COUNT_RANGE)
    return chars, start, start + count - 1


@method("IndexOfAny", (1, 2, 3))
def s_indexofany(s, *args):
    chars, lo, hi = _any_range(s, args, False)
    for i in range(lo, hi + 1):
        if s[i] in chars:
            return i
    return -1


@method("LastIndexOfAny", (1, 2, 3))
def s_lastindexofany(s, *args):
    chars, lo, hi = _any_range(s, args, True)
    for i in range(hi, lo - 1, -1):
        if s[i] in chars:
            return i
    return -1


@method("Substring", (1, 2))
def s_substring(s, start, length=None):
    start = a_int(start, "startIndex")
    n = len(s)
    if start < 0:
        raise arg_range("startIndex", "StartIndex cannot be less than zero.")
    if start > n:
        raise arg_range("startIndex", "startIndex cannot be larger than length of string.")
    if length is None:
        return s[start:]
    length = a_int(length, "length")
    if length < 0:
        raise arg_range("length", "Length cannot be less than zero.")
    if start > n - length:
        raise arg_range("length", "Index and length must refer to a location within the string.")
    return s[start:start + length]


@method("Contains", (1, 2))
def s_contains(s, value, cmp=None):
    value = _value(value)
    if cmp is not None:
        _, ic = comparison_mode(cmp)
        if ic:
            return _find(s, value, 0, len(s), True) >= 0
    return value in s


def _prefix_args(args: tuple) -> tuple[str, bool]:
    value = _value(args[0])
    ic = False
    if len(args) == 2:
        _, ic = comparison_mode(args[1])
    elif len(args) == 3:
        ic = a_bool(args[1])
    return value, ic


@method("StartsWith", (1, 2, 3))
def s_startswith(s, *args):
    value, ic = _prefix_args(args)
    if ic:
        return _lower(s).startswith(_lower(value))
    return s.startswith(value)


@method("EndsWith", (1, 2, 3))
def s_endswith(s, *args):
    value, ic = _prefix_args(args)
    if ic:
        return _lower(s).endswith(_lower(value))
    return s.endswith(value)


@method("Replace", (2, 3, 4))
def s_replace(s, old, new, *more):
    if old is None:
        raise arg_null("oldValue")
    old = a_str(old, "oldValue")
    if old == "":
        raise net_error("ArgumentException", "String cannot be of zero length.", "oldValue")
    new = a_str(new, "newValue") or ""
    ic = False
    if len(more) == 1:
        _, ic = comparison_mode(more[0])
    elif len(more) == 2:
        ic = a_bool(more[0])
    if ic:
        return re.compile(re.escape(old), re.IGNORECASE).sub(lambda m: new, s)
    return s.replace(old, new)


def _trim_chars(args: tuple) -> str:
    chars = a_chars(args)
    return chars if chars else WHITESPACE


@method("Trim")
def s_trim(s, *chars):
    return s.strip(_trim_chars(chars))


@method("TrimStart")
def s_trimstart(s, *chars):
    return s.lstrip(_trim_chars(chars))


@method("TrimEnd")
def s_trimend(s, *chars):
    return s.rstrip(_trim_chars(chars))


def _pad(s: str, width, ch, left: bool) -> str:
    width = a_int(width, "totalWidth")
    if width < 0:
        raise arg_range("totalWidth", "Non-negative number required.")
    c = " " if ch is None else a_char(ch, "paddingChar")
    return s.rjust(width, c) if left else s.ljust(width, c)


@method("PadLeft", (1, 2))
def s_padleft(s, width, ch=None):
    return _pad(s, width, ch, True)


@method("PadRight", (1, 2))
def s_padright(s, width, ch=None):
    return _pad(s, width, ch, False)


@method("Insert", 2)
def s_insert(s, start, value):
    start = a_int(start, "startIndex")
    value = _value(value)
    if start < 0 or start > len(s):
        raise arg_range("startIndex")
    return s[:start] + value + s[start:]


@method("Remove", (1, 2))
def s_remove(s, start, count=None):
    start = a_int(start, "startIndex")
    n = len(s)
    if start < 0:
        raise arg_range("startIndex", "StartIndex cannot be less than zero.")
    if count is None:
        if start >= n:
            raise arg_range("startIndex", "startIndex must be less than length of string.")
        return s[:start]
    count = a_int(count, "count")
    if count < 0:
        raise arg_range("count", "Count cannot be less than zero.")
    if count > n - start:
        raise arg_range("count", "Index and count must refer to a location within the string.")
    return s[:start] + s[start + count:]


@method("ToUpper", (0, 1))
def s_toupper(s, culture=None):
    return _upper(s)


@method("ToLower", (0, 1))
def s_tolower(s, culture=None):
    return _lower(s)


@method("ToUpperInvariant", 0)
def s_toupperinvariant(s):
    return _upper(s)


@method("ToLowerInvariant", 0)
def s_tolowerinvariant(s):
    return _lower(s)


@method("Equals", (1, 2))
def s_equals(s, other, cmp=None):
    if cmp is not None:
        if other is None:
            return False
        ordinal, ic = comparison_mode(cmp)
        return compare_strings(s, a_str(other), ic, ordinal) == 0
    if not isinstance(other, str) or isinstance(other, Char):
        return False
    return str.__eq__(str(s), str(other))


@method("CompareTo", 1)
def s_compareto(s, other):
    if other is None:
        return 1
    return sign(compare_strings(s, a_str(other, "strB")))


def hash32(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


@method("GetHashCode", 0)
def s_gethashcode(s):
    return hash32(s)


@method("ToCharArray", (0, 2))
def s_tochararray(s, start=None, length=None):
    if start is None:
        return char_array(s)
    start, length = a_int(start, "startIndex"), a_int(length, "length")
    if start < 0 or start > len(s) or start > len(s) - length:
        raise arg_range("startIndex", _LE_RANGE)
    if length < 0:
        raise arg_range("length", "Length cannot be less than zero.")
    return char_array(s[start:start + length])


_FORMS = {1: "NFC", 2: "NFD", 5: "NFKC", 6: "NFKD"}


def _form(v) -> str:
    if v is None:
        return "NFC"
    from .enums import NormalizationForm
    return _FORMS[a_enum(v, NormalizationForm, "normalizationForm")]


@method("Normalize", (0, 1))
def s_normalize(s, form=None):
    return unicodedata.normalize(_form(form), s)


@method("IsNormalized", (0, 1))
def s_isnormalized(s, form=None):
    return unicodedata.is_normalized(_form(form), s)


@method("Clone", 0)
def s_clone(s):
    return s


@method("Chars", 1)
def s_chars(s, index):
    i = a_int(index, "index")
    if i < 0 or i >= len(s):
        raise net_error("IndexOutOfRangeException")
    return Char(s[i])


@method("GetEnumerator", 0)
def s_getenumerator(s):
    return char_array(s)


_LINE_ENDINGS = re.compile("\r\n|[\r\n\x0c\x85\u2028\u2029]")


@method("ReplaceLineEndings", (0, 1))
def s_replacelineendings(s, replacement="\n"):
    rep = _value(replacement, "replacementText")
    return _LINE_ENDINGS.sub(lambda m: rep, s)


# --- Split --------------------------------------------------------------------------------------
def _split_options(v) -> int:
    from .enums import StringSplitOptions
    n = a_enum(v, StringSplitOptions, "options")
    if n & ~3:
        raise net_error("ArgumentException", "Value of flags is invalid.", "options")
    return n


def _is_options(v) -> bool:
    if is_enum(v, "System.StringSplitOptions"):
        return True
    if isinstance(v, str) and not isinstance(v, Char):
        from .enums import StringSplitOptions
        try:
            StringSplitOptions.convert(v)
            return True
        except DotNetException:
            return False
    return False


def _separators(sep) -> tuple[str | None, list[str] | None]:
    """Separator argument → (chars, strings); (None, None) means white space."""
    if sep is None:
        return None, None
    if isinstance(sep, str):
        if isinstance(sep, Char) or len(sep) == 1:
            return sep, None
        return None, [sep] if sep else [""]
    if isinstance(sep, list):
        items = [a_str(x) for x in sep if x is not None]
        if not items:
            return None, None
        if all(len(x) == 1 for x in items):
            return "".join(items), None
        items = [x for x in items if x]
        return (None, items) if items else (None, None)
    return a_char(sep, "separator"), None


def _positions(s: str, chars: str | None, strings: list[str] | None) -> list[tuple[int, int]]:
    if strings is None:
        cs = chars if chars is not None else WHITESPACE
        return [(i, 1) for i, c in enumerate(s) if c in cs]
    if len(strings) == 1:
        sep = strings[0]
        out, i, k = [], 0, len(sep)
        while True:
            j = s.find(sep, i)
            if j < 0:
                return out
            out.append((j, k))
            i = j + k
    out, i, n = [], 0, len(s)
    while i < n:
        for sep in strings:
            if s.startswith(sep, i):
                out.append((i, len(sep)))
                i += len(sep)
                break
        else:
            i += 1
    return out


def split_string(s: str, chars, strings, count: int, options: int) -> list[str]:
    """String.Split's algorithm (.NET 8), including count and Remove/TrimEntries."""
    remove, trim = options & 1, options & 2
    if count < 0:
        raise arg_range("count", "Count cannot be less than zero.")
    if strings == [""]:
        count = min(count, 1)
    if count <= 1 or not s:
        cand = s.strip(WHITESPACE) if trim and count > 0 else s
        if remove and not cand:
            count = 0
        return [] if count == 0 else [cand]
    seps = _positions(s, chars, strings)
    out: list[str] = []
    cur = 0
    i = 0
    while i < len(seps):
        idx, ln = seps[i]
        piece = s[cur:idx]
        if trim:
            piece = piece.strip(WHITESPACE)
        if piece or not remove:
            out.append(piece)
        cur = idx + ln
        if len(out) == count - 1:
            if remove:
                i += 1
                while i < len(seps):
                    idx, ln = seps[i]
                    piece = s[cur:idx]
                    if trim:
                        piece = piece.strip(WHITESPACE)
                    if piece:
                        break
                    cur = idx + ln
                    i += 1
            break
        i += 1
    last = s[cur:]
    if trim:
        last = last.strip(WHITESPACE)
    if last or not remove:
        out.append(last)
    return out


@method("Split", (0, 1, 2, 3))
def s_split(s, *args):
    sep = args[0] if args else None
    count, options = 2 ** 31 - 1, 0
    if len(args) == 2:
        if is_int(args[1]) or (not _is_options(args[1])):
            count = a_int(args[1], "count")
        else:
            options = _split_options(args[1])
    elif len(args) == 3:
        count = a_int(args[1], "count")
        options = _split_options(args[2])
    chars, strings = _separators(sep)
    return string_array(split_string(s, chars, strings, count, options))


def _length(s):
    return len(s)


STRING_METHODS = {
    "indexof": s_indexof, "lastindexof": s_lastindexof, "indexofany": s_indexofany,
    "lastindexofany": s_lastindexofany, "substring": s_substring, "contains": s_contains,
    "startswith": s_startswith, "endswith": s_endswith, "replace": s_replace, "trim": s_trim,
    "trimstart": s_trimstart, "trimend": s_trimend, "padleft": s_padleft,
    "padright": s_padright, "insert": s_insert, "remove": s_remove, "toupper": s_toupper,
    "tolower": s_tolower, "toupperinvariant": s_toupperinvariant,
    "tolowerinvariant": s_tolowerinvariant, "equals": s_equals, "compareto": s_compareto,
    "gethashcode": s_gethashcode, "tochararray": s_tochararray, "normalize": s_normalize,
    "isnormalized": s_isnormalized, "clone": s_clone, "chars": s_chars,
    "getenumerator": s_getenumerator, "replacelineendings": s_replacelineendings,
    "split": s_split,
}
STRING_PROPERTIES = {"length": _length}

