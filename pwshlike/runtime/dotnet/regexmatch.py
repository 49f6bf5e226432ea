"""System.Text.RegularExpressions: Match/Group/Capture objects and Regex members.

Python's ``re`` numbers groups in order of appearance; .NET numbers unnamed groups first and
named groups after them.  ``layout`` maps between the two, so ``Groups[1]``, ``$1`` and
Split's captured groups follow .NET.  Python keeps only the last capture of a repeated group,
so ``Captures`` has at most one entry.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from ..convert import to_str
from .common import (
    a_int,
    a_str,
    arg_null,
    arg_range,
    call_delegate,
    is_delegate,
    method,
    static,
    string_array,
)

_ORIGINAL: dict = {}     # compiled pattern -> (.NET pattern text, options int)


# --- compiling -----------------------------------------------------------------------------
def _options_int(options) -> int:
    if options is None:
        return 0
    from .enums import RegexOptions
    return int(RegexOptions.convert(options))


_NAMED = re.compile(r"\(\?(?:<(?![=!])|')([A-Za-z_]\w*)[>']|\\k<([A-Za-z_]\w*)>|\\k'([A-Za-z_]\w*)'")


def _fallback_compile(pattern: str, options: int) -> re.Pattern:
    def sub(m):
        if m.group(1):
            return f"(?P<{m.group(1)}>"
        return f"(?P={m.group(2) or m.group(3)})"
    flags = 0
    if options & 1:
        flags |= re.IGNORECASE
    if options & 2:
        flags |= re.MULTILINE
    if options & 16:
        flags |= re.DOTALL
    if options & 32:
        flags |= re.VERBOSE
    return re.compile(_NAMED.sub(sub, pattern), flags)


def compile_pattern(pattern, options=None) -> re.Pattern:
    """A .NET pattern (and RegexOptions) as a compiled Python pattern."""
    if isinstance(pattern, re.Pattern):
        return pattern
    if pattern is None:
        raise arg_null("pattern")
    text = a_str(pattern, "pattern")
    opts = _options_int(options)
    return _compile(text, opts)


@functools.lru_cache(maxsize=512)
def _compile(text: str, opts: int) -> re.Pattern:
    try:
        from ..regex import compile_regex
    except ImportError:
        compile_regex = None
    try:
        if compile_regex is not None:
            from .enums import RegexOptions
            p = compile_regex(text, RegexOptions.enum_class(opts) if opts else None)
        else:
            p = _fallback_compile(text, opts)
    except re.error as e:
        from .common import net_error
        raise net_error("ArgumentException", f"Invalid pattern '{text}' at offset "
                        f"{(e.pos or 0) + 1}. {e.msg}.") from None
    _ORIGINAL.setdefault(p, (text, opts))
    return p


def pattern_text(p: re.Pattern) -> str:
    return _ORIGINAL.get(p, (p.pattern, 0))[0]


def pattern_options(p: re.Pattern) -> int:
    if p in _ORIGINAL:
        return _ORIGINAL[p][1]
    n = 0
    for flag, bit in ((re.IGNORECASE, 1), (re.MULTILINE, 2), (re.DOTALL, 16), (re.VERBOSE, 32)):
        if p.flags & flag:
            n |= bit
    return n


@functools.lru_cache(maxsize=512)
def layout(p: re.Pattern) -> tuple[tuple[str, int], ...]:
    """(.NET group name, Python group index) in .NET group-number order."""
    named = {idx: name for name, idx in p.groupindex.items()}
    unnamed = [i for i in range(1, p.groups + 1) if i not in named]
    out = [("0", 0)] + [(str(k + 1), i) for k, i in enumerate(unnamed)]
    out += [(named[i], i) for i in sorted(named)]
    return tuple(out)


# --- match objects ---------------------------------------------------------------------------
class Capture:
    __slots__ = ("Index", "Length", "Value")
    dotnet_fullname = "System.Text.RegularExpressions.Capture"
    dotnet_class = True
    ps_properties = ("Index", "Length", "Value")

    def __init__(self, index: int, value: str) -> None:
        self.Index, self.Length, self.Value = index, len(value), value

    def ToString(self) -> str:
        return self.Value

    def __str__(self) -> str:
        return self.Value

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.Index}:{self.Value!r}>"


class CaptureCollection(list):
    __slots__ = ()
    type_fullname = "System.Text.RegularExpressions.CaptureCollection"


class Group(Capture):
    __slots__ = ("Name", "Success")
    dotnet_fullname = "System.Text.RegularExpressions.Group"
    ps_properties = ("Success", "Name", "Captures", "Index", "Length", "Value")

    def __init__(self, name: str, success: bool, index: int, value: str) -> None:
        super().__init__(index, value)
        self.Success, self.Name = success, name

    @property
    def Captures(self) -> CaptureCollection:
        return CaptureCollection([Capture(self.Index, self.Value)] if self.Success else [])


def _unmatched(name: str = "") -> Group:
    return Group(name, False, 0, "")


class GroupCollection:
    """Match.Groups: indexable by number (``[1]``) or name (``['year']``); a missing group
    is an unmatched Group, as in .NET."""
    __slots__ = ("_groups", "_names")
    type_fullname = "System.Text.RegularExpressions.GroupCollection"
    dotnet_class = True

    def __init__(self, groups) -> None:
        self._groups = list(groups)
        self._names = {g.Name.lower(): g for g in self._groups}

    def __len__(self) -> int:
        return len(self._groups)

    def __iter__(self):
        return iter(self._groups)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self._groups[key]
        if isinstance(key, str):
            g = self._names.get(key.lower())
            if g is None and key.strip().isdigit():
                return self[int(key)]
            return g if g is not None else _unmatched()
        if isinstance(key, int) and 0 <= key < len(self._groups):
            return self._groups[key]
        return _unmatched()

    def __repr__(self) -> str:
        return f"GroupCollection({self._groups!r})"

    # engine protocol: indexing and enumeration
    def ps_getitem(self, index):
        if isinstance(index, list):
            return [self[i] for i in index]
        if isinstance(index, float) and index.is_integer():
            index = int(index)
        return self[index]

    def ps_enumerate(self) -> list:
        return list(self._groups)

    # .NET members
    def Item(self, key):
        return self.ps_getitem(key)

    def ContainsKey(self, key) -> bool:
        return to_str(key).lower() in self._names

    def TryGetValue(self, key, ref) -> bool:
        found = self.ContainsKey(key)
        ref.Value = self[to_str(key)] if found else None
        return found

    def GetEnumerator(self) -> list:
        return list(self._groups)

    def ToString(self) -> str:
        return self.type_fullname

    @property
    def Count(self) -> int:
        return len(self._groups)

    @property
    def Keys(self) -> list:
        return [g.Name for g in self._groups]

    @property
    def Values(self) -> list:
        return list(self._groups)

    @property
    def IsReadOnly(self) -> bool:
        return True


class RegexMatch(Group):
    """System.Text.RegularExpressions.Match."""
    __slots__ = ("_groups", "_m", "_pattern", "_text")
    dotnet_fullname = "System.Text.RegularExpressions.Match"
    ps_properties = ("Groups", "Success", "Name", "Captures", "Index", "Length",
                             "Value")

    def __init__(self, m: re.Match | None, pattern: re.Pattern | None = None,
                 text: str = "") -> None:
        if m is None:
            super().__init__("0", False, 0, "")
        else:
            super().__init__("0", True, m.start(), m.group(0))
            pattern = m.re
            text = m.string
        self._m, self._pattern, self._text, self._groups = m, pattern, text, None

    @property
    def Groups(self) -> GroupCollection:
        if self._groups is None:
            m = self._m
            if m is None:
                self._groups = GroupCollection([self])
            else:
                gs: list[Group] = [self]
                for name, idx in layout(m.re)[1:]:
                    start = m.start(idx)
                    gs.append(Group(name, start >= 0, max(start, 0), m.group(idx) or ""))
                self._groups = GroupCollection(gs)
        return self._groups

    def NextMatch(self) -> RegexMatch:
        if self._m is None:
            return self
        m = self._m
        pos = m.end() + (1 if m.end() == m.start() else 0)
        if pos > len(m.string):
            return RegexMatch(None, m.re, m.string)
        return RegexMatch(m.re.search(m.string, pos), m.re, m.string)

    def Result(self, replacement) -> str:
        if self._m is None:
            from .common import net_error
            raise net_error("NotSupportedException", "Result cannot be called on a failed "
                            "Match.")
        return expand(replacement_parts(a_str(replacement, "replacement") or "",
                                         self._m.re), self._m)

    @property
    def python_match(self) -> re.Match | None:
        return self._m


class MatchCollection(list):
    __slots__ = ()
    type_fullname = "System.Text.RegularExpressions.MatchCollection"


def iter_matches(p: re.Pattern, text: str, start: int = 0):
    """Successive matches as .NET finds them (an empty match moves on by one)."""
    pos, n = start, len(text)
    while pos <= n:
        m = p.search(text, pos)
        if m is None:
            return
        yield m
        pos = m.end() + 1 if m.end() == m.start() else m.end()


# --- replacement patterns ($1, ${name}, $$, $&, $`, $', $+, $_) ----------------------------
@functools.lru_cache(maxsize=512)
def replacement_parts(repl: str, p: re.Pattern) -> tuple:
    """A replacement pattern parsed against ``p``'s .NET group layout."""
    lay = layout(p)
    by_name = {name.lower(): idx for name, idx in lay}
    # every group also answers to its .NET number (named groups come after unnamed ones)
    by_name.update((str(number), idx) for number, (_, idx) in enumerate(lay))
    parts: list = []
    lit: list[str] = []
    i, n = 0, len(repl)

    def flush():
        if lit:
            parts.append("".join(lit))
            lit.clear()
    while i < n:
        c = repl[i]
        if c != "$" or i + 1 >= n:
            lit.append(c)
            i += 1
            continue
        d = repl[i + 1]
        if d == "$":
            lit.append("$")
            i += 2
        elif d in "&`'+_":
            flush()
            parts.append(("special", d))
            i += 2
        elif d == "{":
            j = repl.find("}", i + 2)
            name = repl[i + 2:j] if j > 0 else ""
            key = str(int(name)) if name.isdigit() else name.lower()
            if j > 0 and key in by_name and name:
                flush()
                parts.append(("group", by_name[key]))
                i = j + 1
            else:
                lit.append("$")
                i += 1
        elif d.isdigit():
            j, best, end = i + 1, None, None
            num = 0
            while j < n and repl[j].isdigit():
                num = num * 10 + int(repl[j])
                if num < len(lay) and str(num) in by_name:
                    best, end = num, j + 1
                j += 1
            if best is None:
                lit.append("$")
                i += 1
            else:
                flush()
                parts.append(("group", lay[best][1]))
                i = end
        else:
            lit.append("$")
            i += 1
    flush()
    return tuple(parts)


def expand(parts: tuple, m: re.Match) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif part[0] == "group":
            out.append(m.group(part[1]) or "")
        else:
            kind = part[1]
            s = m.string
            if kind == "&":
                out.append(m.group(0))
            elif kind == "`":
                out.append(s[:m.start()])
            elif kind == "'":
                out.append(s[m.end():])
            elif kind == "_":
                out.append(s)
            else:
                lay = layout(m.re)
                out.append(m.group(lay[-1][1]) or "" if len(lay) > 1 else m.group(0))
    return "".join(out)


# --- Regex operations (shared by instance and static members) ------------------------------
def _input(v) -> str:
    if v is None:
        raise arg_null("input")
    return a_str(v, "input")


def _startat(text: str, v) -> int:
    s = a_int(v, "startat")
    if s < 0 or s > len(text):
        raise arg_range("startat", "Start index cannot be less than 0 or greater than input "
                        "length.")
    return s


def do_match(p: re.Pattern, text, start=None, length=None) -> RegexMatch:
    text = _input(text)
    s = 0 if start is None else _startat(text, start)
    if length is not None:
        e = s + a_int(length, "length")
        if e > len(text) or e < s:
            raise arg_range("length", "Length cannot be less than 0 or exceed input length.")
        return RegexMatch(p.search(text, s, e), p, text)
    return RegexMatch(p.search(text, s), p, text)


def do_matches(p: re.Pattern, text, start=None) -> MatchCollection:
    text = _input(text)
    s = 0 if start is None else _startat(text, start)
    return MatchCollection(RegexMatch(m) for m in iter_matches(p, text, s))


def do_replace(p: re.Pattern, text, replacement, count=None, start=None) -> str:
    text = _input(text)
    limit = -1 if count is None else a_int(count, "count")
    if limit < -1:
        raise arg_range("count", "Count cannot be less than -1.")
    s = 0 if start is None else _startat(text, start)
    if is_delegate(replacement) and not isinstance(replacement, str):
        def evaluate(m):
            return to_str(call_delegate(replacement, RegexMatch(m)))
    else:
        if replacement is None:
            raise arg_null("replacement")
        parts = replacement_parts(a_str(replacement, "replacement"), p)

        def evaluate(m):
            return expand(parts, m)
    out, last = [], 0
    if limit == 0:
        return text
    done = 0
    for m in iter_matches(p, text, s):
        out.append(text[last:m.start()])
        out.append(evaluate(m))
        last = m.end()
        done += 1
        if done == limit:
            break
    if not done:
        return text
    out.append(text[last:])
    return "".join(out)


def do_split(p: re.Pattern, text, count=None, start=None) -> list:
    text = _input(text)
    limit = 0 if count is None else a_int(count, "count")
    if limit < 0:
        raise arg_range("count", "Count cannot be less than zero.")
    s = 0 if start is None else _startat(text, start)
    if limit == 1:
        return string_array([text])
    out, last = [], 0
    remaining = limit - 1
    lay = layout(p)[1:]
    for m in iter_matches(p, text, s):
        out.append(text[last:m.start()])
        last = m.end()
        for _, idx in lay:
            if m.start(idx) >= 0:
                out.append(m.group(idx))
        remaining -= 1
        if remaining == 0:
            break
    out.append(text[last:])
    return string_array(out)


# --- Regex instance members ----------------------------------------------------------------
@method("Match", (1, 2, 3))
def r_match(p, text, start=None, length=None):
    return do_match(p, text, start, length)


@method("Matches", (1, 2))
def r_matches(p, text, start=None):
    return do_matches(p, text, start)


@method("IsMatch", (1, 2))
def r_ismatch(p, text, start=None):
    return do_match(p, text, start).Success


@method("Replace", (2, 3, 4))
def r_replace(p, text, replacement, count=None, start=None):
    return do_replace(p, text, replacement, count, start)


@method("Split", (1, 2, 3))
def r_split(p, text, count=None, start=None):
    return do_split(p, text, count, start)


@method("ToString", 0)
def r_tostring(p):
    return pattern_text(p)


@method("GetGroupNames", 0)
def r_getgroupnames(p):
    return string_array(name for name, _ in layout(p))


@method("GetGroupNumbers", 0)
def r_getgroupnumbers(p):
    from ..values import TypedArray
    from .common import ps_type
    return TypedArray(range(len(layout(p))), ps_type("System.Int32"))


@method("GroupNameFromNumber", 1)
def r_groupnamefromnumber(p, n):
    i = a_int(n, "i")
    lay = layout(p)
    return lay[i][0] if 0 <= i < len(lay) else ""


@method("GroupNumberFromName", 1)
def r_groupnumberfromname(p, name):
    key = a_str(name, "name") or ""
    for k, (gname, _) in enumerate(layout(p)):
        if gname.lower() == key.lower():
            return k
    return -1


def _options(p):
    from .enums import RegexOptions
    return RegexOptions.enum_class(pattern_options(p))


REGEX_METHODS = {
    "match": r_match, "matches": r_matches, "ismatch": r_ismatch, "replace": r_replace,
    "split": r_split, "tostring": r_tostring, "getgroupnames": r_getgroupnames,
    "getgroupnumbers": r_getgroupnumbers, "groupnamefromnumber": r_groupnamefromnumber,
    "groupnumberfromname": r_groupnumberfromname,
}
REGEX_PROPERTIES = {
    "options": _options, "righttoleft": lambda p: bool(pattern_options(p) & 64),
    "matchtimeout": lambda p: __import__("datetime").timedelta(milliseconds=-1),
}


# --- [regex] statics ----------------------------------------------------------------------------
_ESCAPES = {"\\": "\\\\", "*": "\\*", "+": "\\+", "?": "\\?", "|": "\\|", "{": "\\{",
            "[": "\\[", "(": "\\(", ")": "\\)", "^": "\\^", "$": "\\$", ".": "\\.", "#": "\\#",
            " ": "\\ ", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f"}


def regex_escape(s: str) -> str:
    return "".join(_ESCAPES.get(c, c) for c in s)


_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r",
                   "t": "\t", "v": "\v"}
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def _unescape_error(text: str, pos: int, reason: str):
    """.NET's RegexParseException: "Invalid pattern '<text>' at offset <pos>. <reason>"."""
    from .common import net_error
    return net_error("RegexParseException", f"Invalid pattern '{text}' at offset {pos}. {reason}")


def _is_word_char(c: str) -> bool:
    """RegexCharClass.IsBoundaryWordChar: letters, digits, marks, '_' and the joiners."""
    return c.isalnum() or c == "_" or c in "\u200c\u200d" or \
        unicodedata.category(c) in ("Mn", "Mc", "Me", "Pc", "Nl", "No")


def regex_unescape(s: str) -> str:
    """``Regex.Unescape`` as .NET 8 does it: the character escapes of a pattern (``\\n``,
    ``\\x41``, ``\\u0041``, ``\\101``, ``\\cA``...) become characters, an escaped symbol is the
    symbol, and an escaped letter or digit that is not an escape is a RegexParseException.
    A lone backslash at the very end is dropped."""
    i = s.find("\\")
    if i < 0:
        return s
    out = [s[:i]]
    n = len(s)
    while i < n:
        if s[i] != "\\":
            j = s.find("\\", i)
            j = n if j < 0 else j
            out.append(s[i:j])
            i = j
            continue
        i += 1
        if i >= n:
            break
        c = s[i]
        i += 1
        if "0" <= c <= "7":
            j = i - 1
            value = 0
            while j < n and j < i + 2 and "0" <= s[j] <= "7":
                value = value * 8 + ord(s[j]) - 48
                j += 1
            out.append(chr(value & 0xFF))
            i = j
        elif c in "xu":
            width = 2 if c == "x" else 4
            digits = s[i:i + width]
            if len(digits) < width:
                raise _unescape_error(s, i, "Insufficient hex digits.")
            bad = next((k for k, d in enumerate(digits) if d not in _HEX_DIGITS), None)
            if bad is not None:
                raise _unescape_error(s, i + bad + 1, "Insufficient hex digits.")
            out.append(chr(int(digits, 16)))
            i += width
        elif c == "c":
            if i >= n:
                raise _unescape_error(s, i, "Missing control character.")
            code = ord(s[i].upper() if "a" <= s[i] <= "z" else s[i]) - 64
            i += 1
            if not 0 <= code < 32:
                raise _unescape_error(s, i, "Unrecognized control character.")
            out.append(chr(code))
        elif c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
        elif _is_word_char(c):
            raise _unescape_error(s, i, f"Unrecognized escape sequence \\{c}.")
        else:
            out.append(c)
    return "".join(out)


def _static_pattern(pattern, options):
    return compile_pattern(pattern, options)


@static("Match", (2, 3, 4))
def rs_match(text, pattern, options=None, timeout=None):
    return do_match(_static_pattern(pattern, options), text)


@static("Matches", (2, 3, 4))
def rs_matches(text, pattern, options=None, timeout=None):
    return do_matches(_static_pattern(pattern, options), text)


@static("IsMatch", (2, 3, 4))
def rs_ismatch(text, pattern, options=None, timeout=None):
    return do_match(_static_pattern(pattern, options), text).Success


@static("Replace", (3, 4, 5))
def rs_replace(text, pattern, replacement, options=None, timeout=None):
    return do_replace(_static_pattern(pattern, options), text, replacement)


@static("Split", (2, 3, 4))
def rs_split(text, pattern, options=None, timeout=None):
    return do_split(_static_pattern(pattern, options), text)


@static("Escape", 1)
def rs_escape(s):
    if s is None:
        raise arg_null("str")
    return regex_escape(a_str(s))


@static("Unescape", 1)
def rs_unescape(s):
    if s is None:
        raise arg_null("str")
    return regex_unescape(a_str(s))


def _regex_new(pattern, options=None, timeout=None):
    return compile_pattern(pattern, options)


REGEX_STATICS = {
    "match": rs_match, "matches": rs_matches, "ismatch": rs_ismatch, "replace": rs_replace,
    "split": rs_split, "escape": rs_escape, "unescape": rs_unescape,
    "new": static(".ctor", (1, 2, 3))(_regex_new),
}

__all__ = [
    "REGEX_METHODS",
    "REGEX_PROPERTIES",
    "REGEX_STATICS",
    "Capture",
    "Group",
    "GroupCollection",
    "MatchCollection",
    "RegexMatch",
    "compile_pattern",
    "pattern_text",
    "regex_escape",
    "regex_unescape",
]
