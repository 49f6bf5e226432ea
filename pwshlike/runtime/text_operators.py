"""String and pattern operators: -like, -match, -replace, -split, -join and -f.

Kept apart from the numeric and comparison operators so that scripts that only do
arithmetic never load the regular-expression machinery.
"""
from __future__ import annotations

import re

from ..errors import RuntimeException, runtime_error
from .convert import to_bool, to_str
from .dotnet_format import DotNetFormatError, format_composite
from .enumerate import as_list
from .regex import compile_regex, compile_wildcard, expand_replacement
from .typenames import Char
from .values import Hashtable


def like(a, b, ci=True):
    rx = compile_wildcard(to_str(b), ci)
    if isinstance(a, list):
        # a collection filters to the matching members as the strings that were matched
        return [t for t in map(to_str, a) if rx.match(t)]
    return rx.match(to_str(a)) is not None


def notlike(a, b, ci=True):
    rx = compile_wildcard(to_str(b), ci)
    if isinstance(a, list):
        return [t for t in map(to_str, a) if not rx.match(t)]
    return rx.match(to_str(a)) is None


def matches_table(m: re.Match) -> Hashtable:
    """$Matches: group 0 and every group that took part, by number or name."""
    h = Hashtable()
    names = {v: k for k, v in m.re.groupindex.items()}
    for i in range(m.re.groups, 0, -1):
        g = m.group(i)
        if g is not None:
            h[names.get(i, i)] = g
    h[0] = m.group(0)
    return h


def match(a, b, ci, vars_: dict):
    rx = compile_regex(to_str(b), ignore_case=ci)
    if isinstance(a, list):
        return [e for e in a if rx.search(to_str(e))]
    m = rx.search(to_str(a))
    if m is None:
        return False
    vars_["matches"] = matches_table(m)
    return True


def notmatch(a, b, ci, vars_: dict):
    rx = compile_regex(to_str(b), ignore_case=ci)
    if isinstance(a, list):
        return [e for e in a if not rx.search(to_str(e))]
    m = rx.search(to_str(a))
    if m is not None:
        vars_["matches"] = matches_table(m)
        return False
    return True


def replace(a, b, ci=True, invoke_scriptblock=None):
    if isinstance(b, list):
        if len(b) > 2 or len(b) == 0:
            raise runtime_error(RuntimeException, "BadReplaceArgument",
                                "The -replace operator allows only two elements to follow it, "
                                f"not {len(b)}.", "InvalidOperation")
        pattern = b[0]
        repl = b[1] if len(b) == 2 else ""
    else:
        pattern, repl = b, ""
    rx = compile_regex(to_str(pattern), ignore_case=ci)
    if callable(getattr(repl, "invoke_with_dollar_underscore", None)):
        sb = repl

        def fn(m):
            from .dotnet.regexmatch import RegexMatch
            return to_str(sb.invoke_with_dollar_underscore(RegexMatch(m)))
    else:
        template = to_str(repl)
        if "$" in template:
            def fn(m, template=template):
                return expand_replacement(template, m)
        else:
            def fn(m, template=template):
                return template
    if isinstance(a, list):
        return [rx.sub(fn, to_str(e)) for e in a]
    return rx.sub(fn, to_str(a))


_SPLIT_OPTIONS = {"simplematch": 1, "regexmatch": 2, "cultureinvariant": 4,
                  "ignorepatternwhitespace": 8, "multiline": 16, "singleline": 32,
                  "ignorecase": 64, "explicitcapture": 128}


def split(a, b, ci=True, invoke_predicate=None):
    """Binary -split: delimiter regex (or scriptblock), optional max count and options."""
    if isinstance(b, list):
        parts = list(b)
    else:
        parts = [b]
    delim = parts[0] if parts else " "
    count = 0
    if len(parts) > 1:
        from .types import to_int32
        count = to_int32(parts[1])
    opts = 0
    if len(parts) > 2:
        for name in re.split(r"\s*,\s*", to_str(parts[2])):
            if name:
                opts |= _SPLIT_OPTIONS.get(name.lower(), 0)
    inputs = a if isinstance(a, list) else [a]
    out = []
    if callable(getattr(delim, "invoke_split_predicate", None)):
        for s in inputs:
            out.extend(_split_predicate(to_str(s), delim, count))
        return out
    pattern = to_str(delim)
    if opts & 1:
        pattern = re.escape(pattern)
    flags = 0
    if ci and not opts & 0:
        flags |= re.IGNORECASE
    if opts & 16:
        flags |= re.MULTILINE
    if opts & 32:
        flags |= re.DOTALL
    rx = compile_regex(pattern, ignore_case=bool(flags & re.IGNORECASE))
    if flags & ~re.IGNORECASE:
        rx = re.compile(rx.pattern, rx.flags | flags)
    for s in inputs:
        out.extend(_split_one(to_str(s), rx, count))
    return out


def _split_one(s: str, rx: re.Pattern, count: int) -> list:
    if count == 1:
        return [s]
    if count < 0:
        return _split_right(s, rx, -count)
    pieces = []
    pos = 0
    n = 0
    for m in rx.finditer(s):
        if count and n >= count - 1:
            break
        if m.end() == m.start() and (m.start() == 0 or m.start() >= len(s)):
            continue
        pieces.append(s[pos:m.start()])
        pieces.extend(g if g is not None else "" for g in m.groups())
        pos = m.end()
        n += 1
    pieces.append(s[pos:])
    return pieces


def _split_right(s: str, rx: re.Pattern, count: int) -> list:
    matches = [m for m in rx.finditer(s) if m.end() > m.start()]
    if count == 1 or not matches:
        return [s]
    use = matches[-(count - 1):]
    pieces = []
    end = len(s)
    tail = []
    for m in reversed(use):
        tail.append(s[m.end():end])
        tail.extend(reversed([g if g is not None else "" for g in m.groups()]))
        end = m.start()
    pieces.append(s[:end])
    pieces.extend(reversed(tail))
    return pieces


def _split_predicate(s: str, sb, count: int) -> list:
    pieces, buf = [], []
    for i, ch in enumerate(s):
        if (not count or len(pieces) < count - 1) and to_bool(
                sb.invoke_split_predicate(Char(ch), i)):
            pieces.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    pieces.append("".join(buf))
    return pieces


def unary_split(a):
    items = a if isinstance(a, list) else [a]
    out = []
    for s in items:
        out.extend(p for p in re.split(r"\s+", to_str(s).strip()) if p != "")
    return out


def join(a, b):
    sep = to_str(b)
    items = as_list(a) if not isinstance(a, list) else a
    return sep.join(to_str(e) for e in items)


def unary_join(a):
    items = as_list(a) if not isinstance(a, list) else a
    return "".join(to_str(e) for e in items)


# --- -f ---------------------------------------------------------------------------------------------------------
def format_op(fmt, args):
    if isinstance(args, list) and not getattr(args, "psobject_wrapped", False):
        values = args
    else:
        values = [args]
    try:
        return format_composite(to_str(fmt), values, to_str)
    except DotNetFormatError as e:
        from ..errors import FormatException
        raise runtime_error(FormatException, "FormatError",
                            f"Error formatting a string: {e.message}", "InvalidOperation",
                            fmt) from None
