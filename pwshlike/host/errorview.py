"""Console rendering of errors: pwsh's ConciseView (default) and NormalView."""
from __future__ import annotations

from ..errors import ErrorRecord, ParseError


def _caret_block(ext, message: str) -> str:
    line_no = ext.line
    text = ext.line_text
    col = ext.column
    span = ext.text.split("\n")[0]
    width = max(1, min(len(span), max(1, len(text) - col + 1)))
    num = str(line_no)
    pad = " " * max(4, len(num) + 1)
    lines = [
        "Line |",
        f"{num.rjust(4)} | {' ' + text}",
        f"{pad[:-len('')] if False else ' ' * 4} | {' ' * col}{'~' * width}",
    ]
    for mline in message.split("\n"):
        lines.append(f"{' ' * 4} | {mline}")
    return "\n".join(lines)


def render_error(rec: ErrorRecord, view: str = "conciseview") -> str:
    message = rec.ToString()
    info = rec.InvocationInfo
    ext = info.extent if info is not None else None
    if view.lower() == "normalview":
        out = [message]
        if ext is not None:
            out.append(info.PositionMessage)
        cat = rec.CategoryInfo
        out.append(f"    + CategoryInfo          : {cat.Category}: ({cat.TargetName}:"
                   f"{cat.TargetType}) [{cat.Activity}], {cat.Reason}")
        out.append(f"    + FullyQualifiedErrorId : {rec.FullyQualifiedErrorId}")
        return "\n".join(out)
    if ext is None:
        return message
    where = ext.filename or ""
    head = f"{where}:{ext.line}" if where else f"Line {ext.line}"
    cmd = getattr(info, "MyCommand", None)
    prefix = f"{cmd}: " if cmd else ""
    if where:
        return f"{prefix}{head}\n" + _caret_block(ext, message)
    return f"{prefix}\n" + _caret_block(ext, message) if prefix else _caret_block(ext, message)


def render_parse_error(e: ParseError) -> str:
    parts = []
    for err in e.errors:
        ext = err.extent
        where = f"{ext.filename}:{ext.line}" if ext.filename else f"Line {ext.line}"
        parts.append(f"ParserError: {where}\n" + _caret_block(ext, err.message))
    return "\n".join(parts)
