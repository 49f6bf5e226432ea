"""Command resolution and pipelines.

A name resolves as in pwsh: alias, function, cmdlet, then an executable on PATH.  Each
command in a pipeline is a processor with begin/process/end; a processor's output sink
feeds the next processor's ``process``, so records stream through the pipeline.
"""
from __future__ import annotations

from ..errors import (
    CommandNotFoundException,
    DotNetException,
    ErrorRecord,
    Extent,
    InvocationInfo,
    ensure_error_record,
    runtime_error,
)
from .context import ReturnSignal, Scope
from .convert import to_str
from .enumerate import enumerate_value
from .functions import FunctionProcessor
from .helpers import NOINPUT
from .invoke import InputEnumerator, new_function_scope
from .processor import Downstream, Processor, StopUpstreamCommands
from .values import Hashtable


class CallSite:
    """Compile-time facts about one command invocation in the source."""

    __slots__ = (
        "_extent",
        "extent_tuple",
        "invocation",
        "key",
        "name",
        "positional_only",
        "redirections",
    )

    def __init__(self, name, invocation, extent_tuple, redirections=None,
                 positional_only: bool = False) -> None:
        self.name = name
        self.invocation = invocation
        self.extent_tuple = extent_tuple
        self.redirections = redirections
        self._extent = None
        self.key = name.lower() if name else None
        # a static name called with positional arguments only, no redirection, not dot-sourced:
        # a simple function can then be run without the binder (see call())
        self.positional_only = positional_only and invocation != "." and not redirections

    @property
    def extent(self) -> Extent:
        if self._extent is None:
            src, s, e, f = self.extent_tuple
            self._extent = Extent(src, s, e, f)
        return self._extent


class DynamicSite(CallSite):
    __slots__ = ("target",)


def dynamic_site(site: CallSite, target) -> CallSite:
    d = DynamicSite(site.name, site.invocation, site.extent_tuple, site.redirections)
    d.target = target
    return d


def with_redirections(site: CallSite, redirs) -> CallSite:
    cls = type(site)
    d = cls(site.name, site.invocation, site.extent_tuple, redirs)
    if isinstance(site, DynamicSite):
        d.target = site.target
    return d





# --- invocation -------------------------------------------------------------------------------------------
def _command_not_found(name: str, site: CallSite):
    e = runtime_error(CommandNotFoundException, "CommandNotFoundException",
                      f"The term '{name}' is not recognized as a name of a cmdlet, function, "
                      "script file, or executable program.\nCheck the spelling of the name, or if a "
                      "path was included, verify that the path is correct and try again.",
                      "ObjectNotFound", name)
    e.ps_extent = site.extent
    return e


def make_processor(ctx, S: Scope, site: CallSite, args, out) -> Processor:
    dot = site.invocation == "."
    if isinstance(site, DynamicSite):
        target = site.target
        from .scriptblock import ScriptBlock
        if isinstance(target, ScriptBlock):
            return FunctionProcessor(ctx, target.info, S, args, out,
                                     target.info.name or "<ScriptBlock>", dot, site)
        info = getattr(target, "command_info", None)
        if info is not None:
            return ctx.processor_for(info, S, args, out, site, dot)
        name = to_str(target)
    else:
        name = site.name
    info = ctx.resolve_command(name, S)
    if info is None:
        raise _command_not_found(name, site)
    return ctx.processor_for(info, S, args, out, site, dot)


def call(ctx, S: Scope, site: CallSite, args, out) -> None:
    """One command, no pipeline input."""
    if site.positional_only:
        info = S.functions.get(site.key)
        if info is not None and site.key not in ctx.aliases and info.module_scope is None:
            if info.direct is not None:
                result = _try_direct(ctx, S, info, args)
                if result is not None:
                    out.extend(result)
                    return None
            params = info.simple_params
            if params is not None:
                return _call_simple_function(ctx, S, site, info, params, args, out)
    if site.redirections:
        return _call_redirected(ctx, S, site, args, out)
    proc = make_processor(ctx, S, site, args, out)
    _run_single(ctx, proc, site)


class Deopt(Exception):
    """A direct (second-tier) call cannot go on; the ordinary path runs the call instead."""


def direct_value(ctx, functions: dict, key: str, args: tuple):
    """``(name args)`` inside a direct function: the callee's direct form, or Deopt."""
    info = functions.get(key)
    fn = getattr(info, "direct", None)
    if fn is None or len(args) != info.direct_arity or key in ctx.aliases or \
            info.module_scope is not None:
        raise Deopt
    return unwrap_output(fn(ctx, functions, *args))


def unwrap_output(out: list):
    """A command's output as a value: one item as itself, none as $null, more as an array."""
    n = len(out)
    if n == 1:
        return out[0]
    return None if n == 0 else out


def _try_direct(ctx, S: Scope, info, args):
    """The function's output from its direct form, or None to take the ordinary path.  A
    direct call has no side effects, so abandoning it on any error loses nothing: the
    ordinary path reproduces the error with pwsh's exact behaviour."""
    if len(args) != info.direct_arity:
        return None
    try:
        out = info.direct(ctx, S.functions, *[a[1] for a in args])
    except Exception:  # noqa: BLE001 - Deopt, or an error the ordinary path will report
        return None
    ctx.last_ok = True
    return out


def call_value(ctx, S: Scope, site: CallSite, args):
    """``(command args)`` as a value: its output unwrapped as a pipeline value."""
    info = S.functions.get(site.key) if site.positional_only else None
    if info is not None and info.direct is not None and site.key not in ctx.aliases and \
            info.module_scope is None:
        out = _try_direct(ctx, S, info, args)
        if out is not None:
            n = len(out)
            if n == 1:
                return out[0]
            return None if n == 0 else out
    out = []
    params = info.simple_params if info is not None and site.key not in ctx.aliases and \
        info.module_scope is None else None
    if params is not None:
        _call_simple_function(ctx, S, site, info, params, args, out)
    else:
        call(ctx, S, site, args, out)
    n = len(out)
    if n == 1:
        return out[0]
    return None if n == 0 else out


def _call_simple_function(ctx, S: Scope, site: CallSite, info, params, args, out) -> None:
    """What FunctionProcessor does for a plain function called with positional arguments,
    without the binder: parameters take the arguments in declaration order, the rest go to
    ``$args``.  Recursive helpers (``fib``) live on this path, so it stays lean."""
    if ctx.depth >= ctx.max_depth:
        new_function_scope(ctx, S)      # raises the call-depth error
    ctx.depth += 1
    F = Scope(S)
    F.command_name = info.name
    v = F.vars
    n = len(args)
    bound = Hashtable()
    by_key = bound._d     # keys are already folded: fill the table directly
    for i, (key, name, default_fn) in enumerate(params):
        if i < n:
            v[key] = value = args[i][1]
            by_key[key] = [name, value]
        else:
            v[key] = None if default_fn is None else default_fn(ctx, F)
    v["args"] = [a[1] for a in args[len(params):]] if n > len(params) else []
    v["psboundparameters"] = bound
    v["input"] = InputEnumerator()
    prev = ctx.current_scope
    ctx.current_scope = F
    try:
        info.end(ctx, F, out)
    except ReturnSignal:
        pass
    except DotNetException as e:
        _annotate(e, site)
        ctx.last_ok = False
        raise
    finally:
        ctx.current_scope = prev
        ctx.depth -= 1
    ctx.last_ok = True


def _run_single(ctx, proc, site) -> None:
    """One command without pipeline input: begin, end, then dispose."""
    try:
        try:
            proc.begin(False)
            proc.end()
        except StopUpstreamCommands as stop:
            if stop.requester is not proc:      # a pipeline further out asked for it
                raise
        ctx.last_ok = not getattr(proc, "had_error", False)
    except DotNetException as e:
        _annotate(e, site, proc)
        _collect_error(proc, e, site)
        ctx.last_ok = False
        _dispose(ctx, (proc,), quiet=True)
        raise
    except BaseException:
        _dispose(ctx, (proc,), quiet=True)
        raise
    _dispose(ctx, (proc,))


def _collect_error(proc, e, site) -> None:
    """A terminating error leaving a command also goes to its -ErrorVariable."""
    rt = getattr(proc, "runtime", None)
    if rt is None or not rt.streams.error_vars:
        return
    rec = ensure_error_record(e, site.extent if site is not None else None)
    rt._append_vars(rt.streams.error_vars, rec)


def _annotate(e, site, proc=None) -> None:
    """Give an error leaving a command its position: the script statement that failed inside
    a function, else the command's own call site (errors raised by cmdlets)."""
    if getattr(e, "ps_extent", None) is None:
        from .scriptblock import extent_from_traceback
        e.ps_extent = extent_from_traceback(e.__traceback__) or site.extent
    cmd = getattr(e, "command_name", None)
    if cmd and e.error_record is None:
        rec = ensure_error_record(e, site.extent)
        rec.FullyQualifiedErrorId = f"{rec.error_id},{_fq_command(proc, cmd, e)}"
        rec.InvocationInfo = InvocationInfo(site.extent, cmd)


def _fq_command(proc, cmd: str, e=None) -> str:
    fq = getattr(e, "fq_command", None)
    if fq:
        return fq
    cls = getattr(proc, "cmdlet_class", None)
    if cls is not None:
        return getattr(cls, "fq_name", None) or cmd
    return cmd


def run_pipeline(ctx, S: Scope, input_value, stages, out) -> None:
    procs = []
    feeds = []      # feeds[i]: the sink that gives records to procs[i] (None for the first)
    files = []
    sink = out
    n = len(stages)
    try:
        for site, args in reversed(stages):
            proc = make_processor(ctx, S, site, args, sink)
            proc.site = site
            proc.pipeline_position = n - len(procs)
            proc.pipeline_length = n
            if site.redirections:
                from .redirection import apply_redirections
                files.extend(apply_redirections(ctx, proc, site.redirections))
            procs.append(proc)
            sink = Downstream(proc)
            feeds.append(sink)
        procs.reverse()
        feeds.reverse()
        feeds[0] = None
        _run_procs(ctx, procs, feeds, input_value, stages)
    finally:
        for f in files:
            f.close()


def _run_procs(ctx, procs, feeds, input_value, stages) -> None:
    """Begin every command, feed the input to the first, end every command, dispose.

    A command that asks to stop the commands before it (StopUpstreamCommands) ends the
    feeding or the end phase early: the commands up to and including it are not ended,
    those after it are, as pwsh's PipelineProcessor.DoCompleteCore does."""
    has_input = input_value is not NOINPUT
    try:
        try:
            procs[0].begin(has_input)
            for feed in feeds[1:]:
                feed.begin()
            if has_input:
                first = procs[0]
                items = enumerate_value(input_value) if input_value is not None else None
                if items is None:
                    first.process(input_value)
                else:
                    for item in items:
                        first.process(item)
            start = 0
        except StopUpstreamCommands as stop:
            start = _after_requester(procs, stop)
        _end_from(procs, feeds, start)
        ctx.last_ok = not any(getattr(p, "had_error", False) for p in procs)
    except DotNetException as e:
        site = getattr(e, "ps_site", None)
        failing = None
        if getattr(e, "command_name", None):
            failing = next((p for p in procs if p.name == e.command_name), None)
        if site is None:
            site = failing.site if failing is not None and failing.site is not None \
                else stages[0][0]
        _annotate(e, site, failing)
        for p in procs:
            _collect_error(p, e, p.site)
        ctx.last_ok = False
        _dispose(ctx, procs, quiet=True)
        raise
    except BaseException:
        _dispose(ctx, procs, quiet=True)
        raise
    _dispose(ctx, procs)


def _end_from(procs, feeds, i: int) -> None:
    """End procs[i:] in order.  One that has not begun yet (nothing reached it before the
    commands upstream were stopped) begins first."""
    n = len(procs)
    while i < n:
        try:
            feed = feeds[i]
            if feed is not None:
                feed.begin()
            procs[i].end()
            i += 1
        except StopUpstreamCommands as stop:
            i = _after_requester(procs, stop)


def _after_requester(procs, stop: StopUpstreamCommands) -> int:
    """The index after the command that asked to stop; a request from a command of some
    enclosing pipeline goes on out to it."""
    requester = stop.requester
    for i, p in enumerate(procs):
        if p is requester:
            return i + 1
    raise stop


def _dispose(ctx, procs, quiet: bool = False) -> None:
    """Dispose of every command.  An error doing so is raised after all are disposed,
    unless ``quiet`` (an error is already ending the pipeline, and that one is reported)."""
    error = None
    for p in procs:
        try:
            p.dispose()
        except Exception as e:  # noqa: BLE001 - the others must still be disposed
            if error is None:
                error = e
    if error is not None and not quiet:
        raise error


def _call_redirected(ctx, S, site, args, out) -> None:
    from .redirection import run_with_redirections
    run_with_redirections(ctx, S, site, args, out)


def redirect_expression(ctx, S, value, redirs):
    from .redirection import redirect_value
    return redirect_value(ctx, S, value, redirs)


def write_error_from(ctx, proc, record: ErrorRecord, site=None) -> None:
    """A non-terminating error from a command: honour -ErrorAction / $ErrorActionPreference."""
    rt = getattr(proc, "runtime", None)
    if rt is None:
        from .command_runtime import CommandRuntime
        rt = CommandRuntime(ctx, proc, None, ctx.current_scope)
    rt.write_error(record)


__all__ = [
    "CallSite",
    "Downstream",
    "FunctionProcessor",
    "Processor",
    "ReturnSignal",
    "call",
    "run_pipeline",
]
