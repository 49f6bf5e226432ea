"""Translate .NET regular expressions to Python's ``re`` and cache them.

PowerShell operators are case-insensitive by default, and .NET syntax differs from
Python's in a few places (named groups, ``\\z``, possessive-free classes); translation
is done once per (pattern, flags).
"""
from __future__ import annotations

import functools
import re

from ..errors import RuntimeException, runtime_error

_OPTION_FLAGS = {"ignorecase": re.IGNORECASE, "multiline": re.MULTILINE,
                 "singleline": re.DOTALL, "ignorepatternwhitespace": re.VERBOSE,
                 "none": 0, "compiled": 0, "cultureinvariant": 0, "explicitcapture": 0,
                 "ecmascript": 0}


def translate(pattern: str) -> str:
    """Rewrite .NET-only syntax: ``(?<name>`` → ``(?P<name>``, ``\\k<name>`` → ``(?P=name)``,
    ``\\z`` → ``\\Z``, ``$`` before a final newline is Python's default already."""
    out = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt == "z" and not in_class:
                out.append(r"\Z")
                i += 2
                continue
            if nxt == "Z" and not in_class:
                out.append(r"(?=\n?\Z)")
                i += 2
                continue
            if nxt == "e":                  # .NET's escape for ESC (\u001B)
                out.append(r"\x1b")
                i += 2
                continue
            if nxt == "k" and i + 2 < n and pattern[i + 2] in "<'":
                close = ">" if pattern[i + 2] == "<" else "'"
                end = pattern.find(close, i + 3)
                if end > 0:
                    name = pattern[i + 3:end]
                    out.append(f"(?P={name})" if not name.isdigit() else f"\\{name}")
                    i = end + 1
                    continue
            if nxt == "p" or nxt == "P":
                # \p{L} and friends: approximate with Python classes
                end = pattern.find("}", i)
                if end > 0 and i + 2 < n and pattern[i + 2] == "{":
                    prop = pattern[i + 3:end]
                    repl = {"L": "[^\\W\\d_]", "Lu": "[A-Z]", "Ll": "[a-z]", "N": "\\d",
                            "Nd": "\\d"}.get(prop)
                    if repl:
                        if nxt == "P":
                            repl = "[^" + repl[1:] if repl.startswith("[") else "\\D"
                        out.append(repl if not in_class else repl.strip("[]"))
                        i = end + 1
                        continue
            out.append(pattern[i:i + 2])
            i += 2
            if in_class and nxt in "wWdDsS" and pattern.startswith("-", i) and \
                    i + 1 < n and pattern[i + 1] != "]":
                out.append("\\-")     # [\w-.]: .NET reads this '-' literally
                i += 1
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                out.append("\\]")
                i += 1
            continue
        if c == "(" and pattern.startswith("(?<", i) and i + 3 < n and pattern[i + 3] not in "=!":
            out.append("(?P<")
            i += 3
            continue
        if c == "(" and pattern.startswith("(?'", i):
            end = pattern.find("'", i + 3)
            out.append("(?P<" + pattern[i + 3:end] + ">")
            i = end + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


@functools.lru_cache(maxsize=512)
def _compile(pattern: str, flags: int) -> re.Pattern:
    try:
        return re.compile(translate(pattern), flags)
    except re.error as e:
        raise runtime_error(
            RuntimeException, "InvalidRegularExpression",
            f"The regular expression pattern {pattern} is not valid.", "InvalidOperation",
            pattern) from e


def compile_regex(pattern: str, options=None, ignore_case: bool = False) -> re.Pattern:
    flags = re.IGNORECASE if ignore_case else 0
    if options is not None:
        flags |= parse_options(options)
    return _compile(pattern, flags)


def parse_options(options) -> int:
    if isinstance(options, int) and not isinstance(options, bool):
        v = int(options)
        flags = 0
        if v & 1:
            flags |= re.IGNORECASE
        if v & 2:
            flags |= re.MULTILINE
        if v & 16:
            flags |= re.DOTALL
        if v & 32:
            flags |= re.VERBOSE
        return flags
    names = options if isinstance(options, list) else str(options).split(",")
    flags = 0
    for name in names:
        key = str(name).strip().lower()
        if key:
            flags |= _OPTION_FLAGS.get(key, 0)
    return flags


def expand_replacement(template: str, m: re.Match) -> str:
    """.NET substitution syntax ($1, ${name}, $&, $$, $`, $', $+, $_) with .NET's group
    numbering: unnamed groups first, then named ones (see dotnet.regexmatch.layout)."""
    from .dotnet.regexmatch import expand, replacement_parts
    return expand(replacement_parts(template, m.re), m)


def error_types():
    return re.error


def wildcard_to_regex(pattern: str) -> str:
    """PowerShell wildcard (* ? [a-z] with ` escapes) → anchored regex source."""
    out = ["^"]
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "`" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1:end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = end + 1
                continue
        else:
            out.append(re.escape(c))
        i += 1
    out.append("$")
    return "".join(out)


@functools.lru_cache(maxsize=512)
def compile_wildcard(pattern: str, ignore_case: bool = True) -> re.Pattern:
    return re.compile(wildcard_to_regex(pattern), re.DOTALL | (re.IGNORECASE if ignore_case else 0))
