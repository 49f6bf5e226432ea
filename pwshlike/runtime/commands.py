"""Command resolution and pipelines.

A name resolves as in pwsh: alias, function, cmdlet, then an executable on PATH.  Each
command in a pipeline is a processor with begin/process/end; a processor's output sink
feeds the next processor's ``process``, so records stream through the pipeline.
"""
from __future__ import annotations

from ..errors import (
    ActionPreferenceStopException,
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
from .helpers import NOINPUT, NULLSINK, emit
from .invoke import InputEnumerator, bound_to_variables, new_function_scope, run_block
from .values import Hashtable, ParameterToken


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


# --- processors -----------------------------------------------------------------------------------------------
class Processor:
    out = None
    expects_input = False
    name = ""

    def begin(self, pipeline_expected: bool) -> None:
        pass

    def process(self, item) -> None:
        pass

    def end(self) -> None:
        pass


class Downstream:
    """Output sink that forwards every record to the next processor."""

    __slots__ = ("proc",)

    def __init__(self, proc: Processor) -> None:
        self.proc = proc

    def append(self, item) -> None:
        self.proc.process(item)

    def extend(self, items) -> None:
        p = self.proc.process
        for i in items:
            p(i)


class FunctionProcessor(Processor):
    """A script function or script block in a pipeline."""

    def __init__(self, ctx, info, parent: Scope, args, out, name: str,
                 dot_source: bool = False, site=None) -> None:
        self.ctx = ctx
        self.info = info
        self.parent = parent
        self.args = args
        self.out = out
        self.name = name
        self.dot_source = dot_source
        self.site = site
        self.scope = None
        self.input = None
        self.preset_underscore = None
        self.this = None
        self.binding = None
        self.binder = None
        self.pushed = False
        self.saved_automatics = None
        self.expecting_input = False

    def begin(self, pipeline_expected: bool) -> None:
        ctx = self.ctx
        info = self.info
        self.expecting_input = pipeline_expected
        if self.dot_source:
            S = self.parent
            # a dot-sourced block sets the caller's automatic variables only while it runs
            v = S.vars
            self.saved_automatics = {k: v.get(k, _MISSING) for k in _DOTTED_AUTOMATICS}
        else:
            S = new_function_scope(ctx, self.parent)
            self.pushed = True
        self.scope = S
        meta = None if info.simple_params == () else info.metadata
        if meta is not None and (meta.params or meta.advanced):
            from ..binding.binder import Binder
            self.binder = Binder(ctx, meta, self.name, True, S)
            b = self.binder.bind_arguments(self.args, pipeline_expected)
            self.binding = b
            bound_to_variables(S, b, meta)
            self._apply_defaults(S, b, meta)
            self._constrain(S, meta)
            S.vars["args"] = b.unbound_args
            S.vars["psboundparameters"] = Hashtable(b.bound.items())
            if meta.advanced:
                S.vars["pscmdlet"] = ScriptCmdletInfo(self, b)
        else:
            S.vars["args"] = _args_list(self.args)
        if info.reads_myinvocation:
            S.vars["myinvocation"] = self.invocation_info()
        if self.this is not None:
            S.vars["this"] = self.this
        if self.preset_underscore is not None:
            S.vars["_"] = self.preset_underscore
        self.input = InputEnumerator()
        S.vars["input"] = self.input
        prev = ctx.current_scope
        ctx.current_scope = S
        try:
            self._run(info.begin, S, self.out)
        finally:
            ctx.current_scope = prev

    def _apply_defaults(self, S, b, meta) -> None:
        for p in meta.params:
            if p.name not in b.bound and p.default_fn is not None:
                S.vars[p.name.lower()] = p.default_fn(self.ctx, S) if not p.type else \
                    _convert_default(p, p.default_fn(self.ctx, S))

    def _constrain(self, S, meta) -> None:
        for p in meta.params:
            if (p.type_name and not p.is_switch) or p.validators:
                vals = self.binder._validators(p) if p.validators else []
                if S.constraints is None:
                    S.constraints = {}
                S.constraints[p.name.lower()] = (p.type, vals)

    def process(self, item) -> None:
        info = self.info
        ctx = self.ctx
        S = self.scope
        if info.process is None:
            self.input.append(item)
            return
        S.vars["_"] = item
        if self.binder is not None and self.binding is not None and self.info.metadata.has_pipeline:
            ok = self.binder.bind_pipeline_item(self.binding, item, self.binding.explicit)
            if ok:
                for name, value in self.binding.bound.items():
                    S.vars[name.lower()] = value
        self.input.set_only(item)
        prev = ctx.current_scope
        ctx.current_scope = S
        try:
            self._run(info.process, S, self.out)
        finally:
            ctx.current_scope = prev

    def end(self) -> None:
        ctx = self.ctx
        S = self.scope
        info = self.info
        if info.process is not None:
            if not self.expecting_input:
                # without pipeline input the process block still runs once (about_Functions)
                self._process_once()
            self.input.clear()
        prev = ctx.current_scope
        ctx.current_scope = S
        try:
            self._run(info.end, S, self.out)
        finally:
            try:
                if info.clean is not None:
                    # clean runs last, whatever happened; its output is discarded
                    # (about_Functions_Advanced_Methods)
                    ctx.current_scope = S
                    self._run(info.clean, S, NULLSINK)
            finally:
                ctx.current_scope = prev
            if self.pushed:
                ctx.depth -= 1
                self.pushed = False
            self.restore_automatics()

    def _run(self, fn, S, out) -> None:
        """Run one named block.  An error that $ErrorActionPreference = 'Stop' escalated
        ends a plain function's caller too, but leaving an advanced function it is that
        command's statement-terminating error, as a cmdlet's would be."""
        try:
            run_block(self.ctx, fn, S, out)
        except DotNetException as e:
            if getattr(e, "ps_escalated", False) and self.binding is not None and \
                    self.info.metadata.advanced:
                e.ps_escalated = False
            raise

    def _process_once(self) -> None:
        ctx = self.ctx
        prev = ctx.current_scope
        ctx.current_scope = self.scope
        try:
            self._run(self.info.process, self.scope, self.out)
        finally:
            ctx.current_scope = prev

    def invocation_info(self) -> InvocationInfo:
        """``$MyInvocation`` for this call."""
        inv = InvocationInfo(self.site.extent if self.site else None, self.name)
        inv.ExpectingInput = self.expecting_input
        if self.binding is not None:
            inv.BoundParameters = dict(self.binding.bound)
            inv.UnboundArguments = list(self.binding.unbound_args)
        return inv

    def restore_automatics(self) -> None:
        """Put back the caller's ``$_``, ``$input``, ``$args``... after a dot-sourced run."""
        saved = self.saved_automatics
        if saved is None:
            return
        self.saved_automatics = None
        v = self.scope.vars
        for k, old in saved.items():
            if old is _MISSING:
                v.pop(k, None)
            else:
                v[k] = old


_MISSING = object()
# set by a script block run: dot-sourcing saves and restores them in the caller's scope
_DOTTED_AUTOMATICS = ("_", "args", "input", "this", "psboundparameters", "pscmdlet")


def _convert_default(p, value):
    try:
        return p.type.convert(value)
    except DotNetException:
        return value


def _args_list(args) -> list:
    """``$args`` of a function without parameters: values in order, a ``-Name`` argument as
    a ParameterToken (followed by its ``-Name:value`` value)."""
    out = []
    for name, value, text in _flatten_args(args):
        if name is None:
            out.append(value)
            continue
        token = text or "-" + name
        if value is None:
            out.append(ParameterToken(token))
        else:
            out.append(ParameterToken(token + ":"))    # -Name:value
            out.append(value)
    return out


def _flatten_args(args):
    from .helpers import ENDPARAMS, SPLAT
    out = []
    for name, value, text in args:
        if name is SPLAT:
            if isinstance(value, Hashtable):
                for k, v in value.items():
                    out.append((to_str(k), v, None))
            elif isinstance(value, list):
                out.extend((None, v, None) for v in value)
            else:
                out.append((None, value, None))
        elif name is ENDPARAMS:
            continue
        else:
            if name is not None and value is not None and value.__class__.__name__ == "_Marker":
                out.append((name, None, text))
                continue
            out.append((name, value, text))
    return [(n, v, t) if n is not None else (None, v, t) for n, v, t in out]


class ScriptCmdletInfo:
    """``$PSCmdlet`` inside an advanced function."""

    def __init__(self, proc: FunctionProcessor, binding) -> None:
        self._proc = proc
        self._binding = binding

    @property
    def ParameterSetName(self) -> str:
        return self._binding.set_name

    @property
    def MyInvocation(self):
        return self._proc.invocation_info()

    def ShouldProcess(self, *args) -> bool:
        return self._proc.ctx.should_process(self._proc, args)

    def ShouldContinue(self, *args) -> bool:
        return True

    def WriteError(self, record) -> None:
        """A non-terminating error: honours the error preference, and the call fails ($?)."""
        write_error_from(self._proc.ctx, self._proc, record, self._proc.site)

    def WriteObject(self, obj, enumerate_collection=False) -> None:
        if enumerate_collection:
            emit(self._proc.out, obj)
        else:
            self._proc.out.append(obj)

    def WriteVerbose(self, text) -> None:
        self._proc.ctx.write_stream("verbose", to_str(text))

    def WriteWarning(self, text) -> None:
        self._proc.ctx.write_stream("warning", to_str(text))

    def WriteDebug(self, text) -> None:
        self._proc.ctx.write_stream("debug", to_str(text))

    def ThrowTerminatingError(self, record) -> None:
        exc = record.Exception
        if isinstance(exc, DotNetException):
            exc.error_record = record
            exc.ps_unwrapped = True     # the command's own error, not a method failure
        raise exc

    @property
    def SessionState(self):
        return None


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
            params = info.simple_params
            if params is not None:
                return _call_simple_function(ctx, S, site, info, params, args, out)
    if site.redirections:
        return _call_redirected(ctx, S, site, args, out)
    proc = make_processor(ctx, S, site, args, out)
    _run_single(ctx, proc, site)


def call_value(ctx, S: Scope, site: CallSite, args):
    """``(command args)`` as a value: its output unwrapped as a pipeline value."""
    out = []
    info = S.functions.get(site.key) if site.positional_only else None
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
    try:
        proc.begin(False)
        proc.end()
        ctx.last_ok = not getattr(proc, "had_error", False)
    except DotNetException as e:
        _annotate(e, site, proc)
        ctx.last_ok = False
        raise


def _annotate(e, site, proc=None) -> None:
    """Give an error leaving a command its position: the script statement that failed inside
    a function, else the command's own call site (errors raised by cmdlets)."""
    if getattr(e, "ps_extent", None) is None:
        from .scriptblock import extent_from_traceback
        e.ps_extent = extent_from_traceback(e.__traceback__) or site.extent
    cmd = getattr(e, "command_name", None)
    if cmd and e.error_record is None:
        rec = ensure_error_record(e, site.extent)
        rec.FullyQualifiedErrorId = f"{rec.error_id},{_fq_command(proc, cmd)}"
        rec.InvocationInfo = InvocationInfo(site.extent, cmd)


def _fq_command(proc, cmd: str) -> str:
    cls = getattr(proc, "cmdlet_class", None)
    if cls is not None:
        return getattr(cls, "fq_name", None) or cmd
    return cmd


def run_pipeline(ctx, S: Scope, input_value, stages, out) -> None:
    procs = []
    sink = out
    for site, args in reversed(stages):
        proc = make_processor(ctx, S, site, args, sink)
        proc.site = site
        procs.append(proc)
        sink = Downstream(proc)
    procs.reverse()
    first = procs[0]
    has_input = input_value is not NOINPUT
    try:
        for i, p in enumerate(procs):
            p.begin(pipeline_expected=(i > 0 or has_input))
        if has_input:
            items = enumerate_value(input_value) if input_value is not None else None
            if items is None:
                first.process(input_value)
            else:
                for item in items:
                    first.process(item)
        for p in procs:
            p.end()
        ctx.last_ok = not any(getattr(p, "had_error", False) for p in procs)
    except DotNetException as e:
        site = getattr(e, "ps_site", None)
        _annotate(e, stages[0][0] if site is None else site)
        ctx.last_ok = False
        raise
    except StopPipeline:
        for p in procs:
            if getattr(p, "pushed", False):
                ctx.depth -= 1
                p.pushed = False
        ctx.last_ok = True


class StopPipeline(Exception):
    """Raised by Select-Object -First to end its upstream early."""


def _call_redirected(ctx, S, site, args, out) -> None:
    from .redirection import run_with_redirections
    run_with_redirections(ctx, S, site, args, out)


def redirect_expression(ctx, S, value, redirs):
    from .redirection import redirect_value
    return redirect_value(ctx, S, value, redirs)


def write_error_from(ctx, proc, record: ErrorRecord, site=None) -> None:
    """A non-terminating error from a command: honour -ErrorAction / $ErrorActionPreference."""
    pref = ctx.error_action(proc)
    if pref == "stop":
        exc = record.Exception
        if site is not None and getattr(exc, "ps_extent", None) is None:
            exc.ps_extent = site.extent
        raise ActionPreferenceStopException(
            getattr(exc, "Message", str(exc)), error_id=record.error_id) if False else exc
    proc.had_error = True
    if pref != "ignore":
        ctx.record_error(record)
    if pref in ("continue", "inquire") and not getattr(ctx, "class_method_depth", 0):
        # a class method's error stream is not passed through (about_Classes_Methods)
        ctx.write_error_record(record)


__all__ = [
    "CallSite",
    "Downstream",
    "FunctionProcessor",
    "Processor",
    "ReturnSignal",
    "call",
    "run_pipeline",
]
