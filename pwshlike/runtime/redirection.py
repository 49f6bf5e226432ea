"""Redirection operators on commands and expressions.

``> file`` / ``>> file`` (output), ``n> file`` / ``n>> file`` for stream n (2 error, 3
warning, 4 verbose, 5 debug, 6 information), ``*>`` for all of them, ``n>$null`` to drop a
stream and ``n>&1`` to merge it into the command's output.  A redirection applies to
everything the command writes, including what the commands inside a function write.
"""
from __future__ import annotations

from .convert import to_str
from .streams import DISCARD, FileSink


def apply_redirections(ctx, proc, redirs) -> list:
    """Point ``proc``'s output and streams where its redirections say; returns the file
    sinks to close when the command is done."""
    streams = proc.streams.derive() if getattr(proc, "streams", None) is not None else \
        ctx.streams.derive()
    files: dict[str, FileSink] = {}
    merges = []
    out_target = None
    for stream, append, to, target in redirs:
        if to is not None:
            merges.append(stream)
            continue
        if target is None:
            sink = DISCARD
        else:
            path = ctx.resolve_path(to_str(target))
            sink = files.get(path)
            if sink is None:
                sink = files[path] = FileSink(ctx, path, append)
        if stream in ("1", "*"):
            out_target = sink
        if stream != "1":
            streams.set(stream, sink)
    if out_target is not None:
        proc.out = out_target
    for stream in merges:
        streams.set(stream, proc.out)
    proc.streams = streams
    if not hasattr(proc, "runtime"):
        _native_stderr(ctx, proc, streams)
    return list(files.values())


def _native_stderr(ctx, proc, streams) -> None:
    """A native command reads where its stderr goes from ``ctx.native_error_redirect``
    while it runs (see native.py)."""
    from .streams import native_target
    target = native_target(streams.error)
    end = proc.end

    def redirected_end():
        stack = ctx.__dict__.setdefault("native_error_redirect", [])
        stack.append(target)
        try:
            end()
        finally:
            stack.pop()
    proc.end = redirected_end


def run_with_redirections(ctx, S, site, args, out) -> None:
    from .commands import _run_single, make_processor
    proc = make_processor(ctx, S, site, args, out)
    files = apply_redirections(ctx, proc, site.redirections)
    try:
        _run_single(ctx, proc, site)
    finally:
        for f in files:
            f.close()


def redirect_value(ctx, S, value, redirs):
    """Redirections on an expression (``$x > file``): its value is already computed, so only
    the output redirection matters."""
    for stream, append, to, target in redirs:
        if to is None and stream in ("1", "*"):
            if target is None:
                return _Discard
            items = value if isinstance(value, list) else [value]
            sink = FileSink(ctx, ctx.resolve_path(to_str(target)), append)
            sink.extend(items)
            sink.close()
            return _Discard
    return value


class _DiscardType(list):
    pass


_Discard = _DiscardType()
