"""Redirection operators on commands and expressions: ``> file``, ``>> file``, ``2>&1``,
``2>$null``, ``*>$null``."""
from __future__ import annotations

import io

from .convert import to_str


def _targets(ctx, redirs):
    return [(stream, append, to, target) for stream, append, to, target in redirs]


def run_with_redirections(ctx, S, site, args, out) -> None:
    from .commands import CallSite, call
    plain = CallSite(site.name, site.invocation, site.extent_tuple)
    if hasattr(site, "target"):
        from .commands import dynamic_site
        plain = dynamic_site(plain, site.target)
    collected: list = []
    sink = out
    files = []
    merge_errors = False
    silence_errors = False
    for stream, append, to, target in _targets(ctx, site.redirections):
        if to is not None:
            if stream == "2" and to == "1":
                merge_errors = True
            continue
        if target is None and stream in ("1", "*"):
            sink = _NullOut()
            if stream == "*":
                silence_errors = True
        elif target is None and stream == "2":
            silence_errors = True
        elif stream in ("1", "*"):
            files.append((to_str(target), append))
            sink = collected
    host = ctx.host
    err_buf = io.StringIO()
    if merge_errors or silence_errors:
        saved = host.stderr
        host.stderr = err_buf
    # native commands turn stderr lines into error records only while it is redirected
    stack = ctx.__dict__.setdefault("native_error_redirect", [])
    err_file = next(((to_str(t), a) for s, a, to, t in site.redirections
                     if s == "2" and to is None and t is not None), None)
    target = ("merge",) if merge_errors else ("null",) if silence_errors else \
        ("file", ctx.resolve_path(err_file[0]), err_file[1]) if err_file else None
    if target is not None and target[0] == "file" and not target[2]:
        open(target[1], "w", encoding="utf-8").close()
    stack.append(target)
    try:
        call(ctx, S, plain, args, sink)
    finally:
        stack.pop()
        if merge_errors or silence_errors:
            host.stderr = saved
    if merge_errors and err_buf.getvalue():
        errors = ctx.global_scope.vars.get("error") or []
        if errors:
            out.append(errors[0])
    for path, append in files:
        from ..host.output import format_lines
        with open(ctx.resolve_path(path), "a" if append else "w", encoding="utf-8") as f:
            f.writelines(line + "\n" for line in format_lines(collected))


class _NullOut:
    def append(self, item) -> None:
        pass

    def extend(self, items) -> None:
        for _ in items:
            pass


def redirect_value(ctx, S, value, redirs):
    for stream, append, to, target in redirs:
        if to is None and stream in ("1", "*"):
            if target is None:
                return _Discard
            from ..host.output import format_lines
            items = value if isinstance(value, list) else [value]
            with open(ctx.resolve_path(to_str(target)), "a" if append else "w",
                      encoding="utf-8") as f:
                f.writelines(line + "\n" for line in format_lines(items))
            return _Discard
    return value


class _DiscardType(list):
    pass


_Discard = _DiscardType()
