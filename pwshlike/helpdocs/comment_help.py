"""Comment-based help of script functions and scripts (about_Comment_Based_Help).

The help is a comment block of ``.KEYWORD`` sections, either ``<# ... #>`` or consecutive
``#`` lines.  For a function pwsh looks, in order, at the block just before the
``function`` keyword (at most one blank line between), at the blocks that open its body,
and at the block that closes it; for a script, at its first blocks (not one that sits
right above a leading function) and at its last one.  A block is help only if every line
is blank or part of a known section and at least one keyword is present.  Comments next to
a ``param()`` parameter describe it when ``.PARAMETER`` does not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(r"^\s*\.(\w+)(\s+(\S.*))?\s*$")
_PROXIMITY = 2
_SECTIONS = {"SYNOPSIS", "DESCRIPTION", "NOTES", "LINK", "EXAMPLE", "INPUTS", "OUTPUTS",
             "COMPONENT", "ROLE", "FUNCTIONALITY"}
_WITH_ARGUMENT = {"PARAMETER", "FORWARDHELPTARGETNAME", "FORWARDHELPCATEGORY",
                  "REMOTEHELPRUNSPACE", "EXTERNALHELP"}


@dataclass
class Comment:
    start: int
    end: int
    start_line: int
    end_line: int
    text: str


@dataclass
class CommentHelp:
    synopsis: str = ""
    description: str = ""
    notes: str = ""
    parameters: dict[str, str] = field(default_factory=dict)   # upper-case name -> text
    examples: list[str] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    component: str = ""
    role: str = ""
    functionality: str = ""


# --- finding comments ---------------------------------------------------------------------------------
_TOKEN_START = set(" \t\r\n;(){}|&,=[")


def scan_comments(src: str) -> list[Comment]:
    """Every comment of a script, skipping strings, here-strings and escaped characters."""
    out: list[Comment] = []
    i, n, line = 0, len(src), 1
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c == "`":
            if i + 1 < n and src[i + 1] == "\n":
                line += 1
            i += 2
        elif c == "@" and src[i + 1:i + 2] in ("'", '"') and src[i + 2:i + 3] in ("\n", "\r"):
            quote = src[i + 1]
            end = src.find("\n" + quote + "@", i + 2)
            end = n if end < 0 else end + 3
            line += src.count("\n", i, end)
            i = end
        elif c in ("'", '"'):
            j = i + 1
            while j < n:
                if src[j] == c:
                    if src[j + 1:j + 2] == c:
                        j += 2
                        continue
                    break
                if c == '"' and src[j] == "`":
                    j += 1
                j += 1
            line += src.count("\n", i, j)
            i = j + 1
        elif c == "<" and src[i + 1:i + 2] == "#":
            end = src.find("#>", i + 2)
            end = n if end < 0 else end + 2
            lines = src.count("\n", i, end)
            out.append(Comment(i, end, line, line + lines, src[i:end]))
            line += lines
            i = end
        elif c == "#" and (i == 0 or src[i - 1] in _TOKEN_START):
            end = src.find("\n", i)
            end = n if end < 0 else end
            out.append(Comment(i, end, line, line, src[i:end].rstrip("\r")))
            i = end
        else:
            i += 1
    return out


def _line_of(src: str, pos: int) -> int:
    return src.count("\n", 0, pos) + 1


def _blank(text: str) -> bool:
    return not text.strip()


def _preceding(src: str, comments: list[Comment], pos: int, proximity: int) -> list[Comment]:
    """The comment block right before ``pos``: only whitespace between, each comment on the
    line before the next one, the last within ``proximity`` lines of ``pos``."""
    block: list[Comment] = []
    min_end = _line_of(src, pos) - proximity
    current = pos
    for c in reversed([c for c in comments if c.end <= pos]):
        if not _blank(src[c.end:current]) or c.end_line < min_end:
            break
        block.append(c)
        min_end = c.start_line - 1
        current = c.start
    block.reverse()
    return block


def _following(src: str, comments: list[Comment], pos: int) -> tuple[list[Comment], int]:
    """The comment block starting at ``pos`` (after whitespace), and where it ends."""
    block: list[Comment] = []
    current = pos
    max_start = None
    for c in comments:
        if c.start < pos:
            continue
        if not _blank(src[current:c.start]) or (max_start is not None and
                                                 c.start_line > max_start):
            break
        block.append(c)
        max_start = c.end_line + 1
        current = c.end
    return block, current


def comment_lines(block: list[Comment]) -> list[str]:
    lines: list[str] = []
    for c in block:
        if c.text.startswith("<#"):
            lines.extend(c.text[2:-2].replace("\r\n", "\n").split("\n"))
        else:
            lines.append(c.text.lstrip("#"))
    return lines


# --- reading a block ----------------------------------------------------------------------------------
def _section(lines: list[str], i: int) -> tuple[str, int]:
    """The text after line ``i`` up to the next directive; indentation removed as much as the
    first line has.  Returns the text and the index of the last line read."""
    out: list[str] = []
    indent = None
    i += 1
    while i < len(lines):
        line = lines[i]
        if indent is None and _blank(line):
            i += 1
            continue
        if _DIRECTIVE.match(line):
            break
        if indent is None:
            indent = len(line) - len(line.lstrip(" \t\u00a0"))
        k = 0
        while k < len(line) and k < indent and line[k] in " \t\u00a0":
            k += 1
        out.append(line[k:])
        i += 1
    return "\n".join(out) + ("\n" if out else ""), i - 1


def parse_block(lines: list[str]) -> CommentHelp | None:
    """A CommentHelp when the lines are a help block, else None."""
    h = CommentHelp()
    found = False
    i = 0
    while i < len(lines):
        m = _DIRECTIVE.match(lines[i])
        if m is None:
            if not _blank(lines[i]):
                return None
            i += 1
            continue
        found = True
        key = m.group(1).upper()
        arg = m.group(3)
        if arg is not None:
            if key not in _WITH_ARGUMENT:
                return None
            if key == "PARAMETER":
                text, i = _section(lines, i)
                h.parameters.setdefault(arg.strip().upper(), text)
        else:
            if key not in _SECTIONS:
                return None
            text, i = _section(lines, i)
            if key == "SYNOPSIS":
                h.synopsis = text
            elif key == "DESCRIPTION":
                h.description = text
            elif key == "NOTES":
                h.notes = text
            elif key == "LINK":
                h.links.append(text.strip())
            elif key == "EXAMPLE":
                h.examples.append(text)
            elif key == "INPUTS":
                h.inputs.append(text)
            elif key == "OUTPUTS":
                h.outputs.append(text)
            else:
                setattr(h, key.lower(), text.strip())
        i += 1
    return h if found else None


# --- for a function or script -------------------------------------------------------------------------
def help_for(info, is_script: bool = False) -> CommentHelp | None:
    """The comment-based help of a compiled function (or, with ``is_script``, of a script's
    top level), or None."""
    ext = info.extent
    if not ext:
        return None
    src, start, end = ext[0], ext[1], ext[2]
    comments = scan_comments(src)
    if not comments:
        return None
    found = None
    if is_script:
        found = _script_block(src, comments, info)
    else:
        def_start = getattr(info, "def_start", None)
        if def_start is not None:
            found = _parse(_preceding(src, comments, def_start, _PROXIMITY))
        if found is None:
            open_pos = start + 1 if src[start:start + 1] == "{" else start
            found = _opening(src, comments, open_pos)
        if found is None:
            close = end - 1 if src[end - 1:end] == "}" else end
            found = _parse(_preceding(src, comments, close, _line_of(src, close)))
    if found is not None:
        _parameter_comments(src, comments, info, found)
    return found


def _parse(block: list[Comment]) -> CommentHelp | None:
    return parse_block(comment_lines(block)) if block else None


def _opening(src, comments, pos) -> CommentHelp | None:
    for _ in range(len(comments) + 1):
        block, pos = _following(src, comments, pos)
        if not block:
            return None
        parsed = _parse(block)
        if parsed is not None:
            return parsed
    return None


def _script_block(src, comments, info) -> CommentHelp | None:
    from ..parser import ast as A
    pos = 0
    for _ in range(len(comments) + 1):
        block, pos = _following(src, comments, pos)
        if not block:
            break
        parsed = _parse(block)
        if parsed is None:
            continue
        end_block = info.ast.end_block
        first = end_block.statements[0] if end_block and end_block.statements else None
        if isinstance(first, A.FunctionDefinition) and \
                _line_of(src, first.start) - block[-1].end_line <= _PROXIMITY:
            break
        return parsed
    return _parse(_preceding(src, comments, len(src.rstrip()), _line_of(src, len(src))))


def _parameter_comments(src, comments, info, h: CommentHelp) -> None:
    for p in info.params_ast or []:
        key = p.variable.name.upper()
        if key in h.parameters:
            continue
        lines: list[str] = []
        lines += comment_lines(_preceding(src, comments, p.start, _PROXIMITY))
        lines += comment_lines([c for c in comments if p.start <= c.start < p.end])
        after, _ = _following(src, comments, p.end)
        after = [c for c in after if c.start_line == _line_of(src, p.end)] or []
        lines += comment_lines(after)
        if lines:
            text, _ = _section(["."] + lines, 0)
            if text.strip():
                h.parameters[key] = text
