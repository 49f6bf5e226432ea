"""Console rendering of errors: pwsh's ConciseView (the default) and NormalView.

ConciseView, as pwsh's own error view script defines it: ``<reason>: <message>``, where
the reason is ``Exception`` for ``throw``, else the failing command, else the error's
category (``NotSpecified`` counts as none) or its exception type.  Errors from a script
file, from a line after the first, and parse errors add the file and line and a ``Line |``
block with the source line and a run of ``~`` under the failing part; there the message
goes on one line, wrapped at the window width.
"""
from __future__ import annotations

from ..errors import ErrorRecord, ParseError

WINDOW_WIDTH = 120            # pwsh's width when there is no console to ask
_BAR_PREFIX = "     | "


def _caret_block(ext) -> list[str]:
    num = str(ext.line)
    pad = " " * max(0, 4 - len(num))
    header_pad = " " * max(0, len(num) - 4)
    width = max(1, min(len(ext.text.split("\n")[0].rstrip()), len(ext.line_text) - ext.column + 1))
    return [f"{header_pad}Line |",
            f"{pad}{num} |  {ext.line_text}",
            f"{header_pad}{_BAR_PREFIX} {' ' * (ext.column - 1)}{'~' * width}"]


def _truncate(text: str, length: int) -> str:
    """Cut to ``length`` characters, then back to the last whitespace."""
    if len(text) <= length:
        return text
    head = text[:length]
    cut = max(head.rfind(" "), head.rfind("\t"))
    return head[:cut] if cut > 0 else head


def _wrapped(message: str, prefix: str) -> list[str]:
    text = prefix + message.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    if len(text) <= WINDOW_WIDTH:
        return [text]
    first = _truncate(text, WINDOW_WIDTH)
    lines = [first]
    remaining = text[len(first):].strip()
    while len(remaining) + len(prefix) > WINDOW_WIDTH:
        piece = _truncate(prefix + remaining, WINDOW_WIDTH)
        if len(piece) <= len(prefix):
            break
        lines.append(piece)
        remaining = remaining[len(piece) - len(prefix):].strip()
    lines.append(prefix + remaining)
    return lines


def _reason(rec: ErrorRecord) -> str:
    if getattr(rec.Exception, "was_thrown_from_throw", False):
        return "Exception"
    info = rec.InvocationInfo
    command = getattr(info, "MyCommand", None) if info is not None else None
    if command:
        return str(command)
    cat = rec.CategoryInfo
    if cat.Activity:
        return cat.Activity
    if info is not None and info.InvocationName:
        return info.InvocationName
    if cat.Category and cat.Category != "NotSpecified":
        return cat.Category
    return cat.Reason or "Error"


def _message(rec: ErrorRecord) -> str:
    details = rec.ErrorDetails
    if details is not None and getattr(details, "Message", None):
        return details.Message
    return getattr(rec.Exception, "Message", None) or rec.ToString()


def _concise(reason: str, ext, message: str, is_parse: bool) -> str:
    filename = ext.filename if ext is not None else None
    detail = ext is not None and (is_parse or bool(filename) or ext.line > 1) and \
        not (filename or "").endswith(".psm1")
    if not detail:
        return f"{reason}: {message}"
    lines = [f"{reason}: {filename}:{ext.line}" if filename else f"{reason}: ", *_caret_block(ext)]
    if filename or is_parse:
        lines += _wrapped(message, _BAR_PREFIX)
    else:
        lines += [_BAR_PREFIX + part for part in message.split("\n")]
    return "\n".join(lines)


def render_error(rec: ErrorRecord, view: str = "conciseview") -> str:
    info = rec.InvocationInfo
    ext = info.extent if info is not None else None
    if view.lower() == "normalview":
        out = [_message(rec)]
        if ext is not None:
            out.append(info.PositionMessage)
        cat = rec.CategoryInfo
        out.append(f"    + CategoryInfo          : {cat.Category}: ({cat.TargetName}:"
                   f"{cat.TargetType}) [{cat.Activity}], {cat.Reason}")
        out.append(f"    + FullyQualifiedErrorId : {rec.FullyQualifiedErrorId}")
        return "\n".join(out)
    return _concise(_reason(rec), ext, _message(rec),
                    rec.CategoryInfo.Category == "ParserError")


def render_parse_error(e: ParseError) -> str:
    return "\n".join(_concise("ParserError", err.extent, err.message, True) for err in e.errors)
