"""Script functions and script blocks as commands: FunctionProcessor (binding through the
Binder, named blocks, $input, $PSCmdlet, $MyInvocation) and ScriptCmdletInfo.

Plain functions called with positional arguments skip all of this: see
``commands._call_simple_function``.
"""
from __future__ import annotations

from ..errors import (
    DotNetException,
    ErrorRecord,
    InvocationInfo,
    ensure_error_record,
    runtime_error,
)
from .context import Scope
from .convert import to_str
from .helpers import NULLSINK, emit
from .invoke import InputEnumerator, new_function_scope, run_block
from .processor import Processor
from .values import Hashtable


class CommandView:
    """``$MyInvocation.MyCommand`` / ``$PSCmdlet.MyInvocation.MyCommand``: name and kind."""

    dotnet_fullname = "System.Management.Automation.FunctionInfo"

    def __init__(self, name: str, kind: str = "Function", definition: str = "") -> None:
        self.Name = name
        self.CommandType = kind
        self.Definition = definition

    def ToString(self) -> str:
        return self.Name

    def __str__(self) -> str:
        return self.Name


def make_invocation_info(proc, bound=None, unbound=None, expecting_input=False):
    """``$MyInvocation`` for a command: where it was called, its name and arguments."""
    site = getattr(proc, "site", None)
    inv = InvocationInfo(site.extent if site is not None else None,
                         CommandView(proc.name or ""))
    inv.InvocationName = (site.name if site is not None and site.name else proc.name) or ""
    inv.BoundParameters = bound if bound is not None else Hashtable()
    inv.UnboundArguments = unbound if unbound is not None else []
    inv.ExpectingInput = expecting_input
    inv.PipelinePosition = getattr(proc, "pipeline_position", 1)
    inv.PipelineLength = getattr(proc, "pipeline_length", 1)
    return inv


def _type_default(p):
    """The value an unbound typed script parameter starts with (pwsh's
    TryGetDefaultParameterValue): '' for strings, $false, an off switch, 0 for numbers."""
    from .values import SwitchParameter
    if p.is_switch:
        return SwitchParameter(False)
    t = p.type
    if t is None:
        return None
    name = t.fullname
    if name == "System.String":
        return ""
    if name == "System.Boolean":
        return False
    if getattr(t, "enum_members", None) is None and name in _NUMERIC_TYPES:
        try:
            return t.convert(0)
        except DotNetException:
            return 0
    return None


_NUMERIC_TYPES = frozenset({
    "System.Int32", "System.Int64", "System.Int16", "System.Byte", "System.SByte",
    "System.UInt16", "System.UInt32", "System.UInt64", "System.Double", "System.Single",
    "System.Decimal", "System.Numerics.BigInteger"})


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
        self.streams = ctx.streams
        self.runtime = None
        self.had_error = False
        self.pipeline_position = 1
        self.pipeline_length = 1
        self._defaults: dict = {}
        self._bound_table = None
        self._last_pipeline: list = []
        self.ran = False            # a named block has run: the clean block will too
        self.disposed = False

    @property
    def expected(self) -> bool:
        return self.expecting_input

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
        prev_streams = ctx.streams
        ctx.streams = self.streams
        try:
            self._bind(S, pipeline_expected)
        except BaseException:
            ctx.streams = prev_streams
            if self.pushed:
                ctx.depth -= 1
                self.pushed = False
            self.restore_automatics()
            raise
        if not self.dot_source:
            S.command_name = info.name or ""     # "" for a script block: it has no name
        if info.reads_myinvocation:
            S.vars["myinvocation"] = self.invocation_info()
        if self.this is not None:
            S.vars["this"] = self.this
        if self.preset_underscore is not None:
            S.vars["_"] = self.preset_underscore
        self.input = InputEnumerator()
        S.vars["input"] = self.input
        ctx.streams = self.streams
        prev = ctx.current_scope
        ctx.current_scope = S
        try:
            if info.begin is not None:
                self.ran = True
                self._run(info.begin, S, self.out)
        finally:
            ctx.current_scope = prev
            ctx.streams = prev_streams

    def _bind(self, S, pipeline_expected: bool) -> None:
        ctx = self.ctx
        info = self.info
        meta = None if info.simple_params == () else info.metadata
        if meta is None or not (meta.params or meta.advanced):
            if self.args:
                from ..binding.binder import Binder, expand_arguments
                S.vars["args"] = Binder._leftovers_to_args(expand_arguments(self.args))
            else:
                S.vars["args"] = []
            return
        Binder, CommandRuntime = _binding_classes()
        name = "" if self.name == "<ScriptBlock>" else self.name   # a script block has no name
        self.binder = Binder(ctx, meta, name, True, S, name, self.pipeline_position)
        b = self.binder.bind_arguments(self.args, pipeline_expected)
        self.binding = b
        if meta.advanced:
            rt = CommandRuntime(ctx, self, meta, S)
            self.runtime = rt
            rt.apply_common(b.bound, self.parent, S)
        v = S.vars
        bound = b.bound
        defaults = self._defaults
        plan = _param_plan(meta)
        for p, key, type_default, convert in plan:
            if p.name in bound:
                v[key] = bound[p.name]
        for p, key, type_default, convert in plan:
            default = type_default
            if p.default_fn is not None:
                default = p.default_fn(ctx, S)
                if convert:
                    default = _convert_default(p, default)
            defaults[key] = default
            if p.name not in bound:
                v[key] = default
        if meta.has_constraints:
            self._constrain(S, meta)
        v["args"] = b.args
        table = Hashtable(bound.items())
        self._bound_table = table
        v["psboundparameters"] = table
        if meta.advanced:
            v["pscmdlet"] = ScriptCmdletInfo(self, b)

    def _constrain(self, S, meta) -> None:
        for p in meta.params:
            if p.is_common:
                continue
            if (p.type_name and not p.is_switch) or p.validators:
                vals = self.binder.validators(p) if p.validators else []
                if S.constraints is None:
                    S.constraints = {}
                S.constraints[p.name.lower()] = (p.type, vals)

    def _bind_record(self, item) -> bool:
        """Bind one pipeline record of an advanced function; False skips the record (the
        binding error has been written as a non-terminating error)."""
        from ..errors import ParameterBindingException
        b = self.binding
        binder = self.binder
        v = self.scope.vars
        table = self._bound_table
        for name in self._last_pipeline:
            v[name.lower()] = self._defaults.get(name.lower())
            if name in table:
                del table[name]
        self._last_pipeline = []
        try:
            ok = binder.bind_pipeline(b, item)
            err = None if ok else binder.input_not_bound(item)
            if err is None:
                err = binder.pipeline_errors(b, item)
        except ParameterBindingException as e:
            err = e
        if err is not None:
            binder.restore_pipeline(b)
            self.runtime.write_error(binding_error_record(err, self.site, self.name, item))
            return False
        for name in b.pipeline_names:
            v[name.lower()] = b.bound[name]
            table[name] = b.bound[name]
        self._last_pipeline = list(b.pipeline_names)
        return True

    def process(self, item) -> None:
        info = self.info
        ctx = self.ctx
        S = self.scope
        prev_streams = ctx.streams
        ctx.streams = self.streams
        try:
            if self.runtime is not None and not self._bind_record(item):
                return
            if info.process is None:
                self.input.append(item)
                return
            S.vars["_"] = item
            self.input.set_only(item)
            self.ran = True
            prev = ctx.current_scope
            ctx.current_scope = S
            try:
                self._run(info.process, S, self.out)
            finally:
                ctx.current_scope = prev
        finally:
            ctx.streams = prev_streams

    def end(self) -> None:
        ctx = self.ctx
        S = self.scope
        info = self.info
        prev_streams = ctx.streams
        ctx.streams = self.streams
        prev = ctx.current_scope
        try:
            if info.process is not None:
                if not self.expecting_input:
                    # without pipeline input the process block still runs once (about_Functions)
                    ctx.current_scope = S
                    self.ran = True
                    self._run(info.process, S, self.out)
                self.input.clear()
            if info.end is not None:
                ctx.current_scope = S
                self.ran = True
                self._run(info.end, S, self.out)
        finally:
            ctx.current_scope = prev
            ctx.streams = prev_streams
            self.dispose()

    def dispose(self) -> None:
        """Run the clean block (whatever happened, if another named block ran; its output
        is discarded: about_Functions_Advanced_Methods), then leave the function's scope.
        ``end`` ends with this; the pipeline calls it for a command it stopped or that an
        error cut short."""
        if self.disposed or self.scope is None:
            return
        self.disposed = True
        ctx = self.ctx
        prev_streams, prev = ctx.streams, ctx.current_scope
        try:
            if self.info.clean is not None and self.ran:
                ctx.streams = self.streams
                ctx.current_scope = self.scope
                self._run(self.info.clean, self.scope, NULLSINK)
        finally:
            ctx.current_scope = prev
            ctx.streams = prev_streams
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
            if getattr(e, "ps_escalated", False) and self.runtime is not None:
                e.ps_escalated = False
            raise

    def invocation_info(self) -> InvocationInfo:
        """``$MyInvocation`` for this call."""
        b = self.binding
        return make_invocation_info(self, self._bound_table,
                                    list(b.args) if b is not None else
                                    self.scope.vars.get("args") if self.scope else [],
                                    self.expecting_input)

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
_CLASSES: list = []


def _binding_classes():
    """The binder and runtime classes, imported on first use (plain functions never need
    them)."""
    if not _CLASSES:
        from ..binding.binder import Binder
        from .command_runtime import CommandRuntime
        _CLASSES.extend((Binder, CommandRuntime))
    return _CLASSES


def _param_plan(meta) -> list:
    """Per declared parameter of a script: (meta, variable key, typed default, convert the
    default?) — worked out once per function."""
    plan = getattr(meta, "_function_plan", None)
    if plan is None:
        plan = [(p, p.name.lower(), _type_default(p),
                 p.type is not None and not p.is_switch)
                for p in meta.params if not p.is_common]
        meta._function_plan = plan
        meta.has_constraints = any((p.type_name and not p.is_switch) or p.validators
                                   for p in meta.params if not p.is_common)
    return plan


def binding_error_record(e, site, name: str, target=None) -> ErrorRecord:
    """The ErrorRecord of a binding error: ``<ErrorId>,<command>`` and the call's position."""
    rec = ensure_error_record(e, site.extent if site is not None else None)
    fq = getattr(e, "fq_command", None) or name
    if fq and "," not in rec.FullyQualifiedErrorId:
        rec.FullyQualifiedErrorId = f"{rec.error_id},{fq}"
    rec.InvocationInfo = InvocationInfo(site.extent if site is not None else None, name)
    if target is not None and rec.TargetObject is None:
        rec.TargetObject = target
    return rec


def _convert_default(p, value):
    try:
        return p.type.convert(value)
    except DotNetException:
        return value


class ScriptCmdletInfo:
    """``$PSCmdlet`` inside an advanced function."""

    dotnet_fullname = "System.Management.Automation.PSScriptCmdlet"

    def __init__(self, proc: FunctionProcessor, binding) -> None:
        self._proc = proc
        self._binding = binding

    @property
    def _rt(self):
        return self._proc.runtime

    def ps_invoke_method(self, ctx, name, args):
        """Method calls from script.  Errors the command runtime raises to stop the command
        (ThrowTerminatingError, -ErrorAction Stop) propagate as they are; others are wrapped
        as .NET method errors are ("Exception calling ...")."""
        from .members import _member_name, _wrap_method_error, method_not_found
        attr = _member_name(self, name.lower())
        fn = getattr(self, attr, None) if attr is not None else None
        if fn is None or not callable(fn):
            raise method_not_found(self, name)
        try:
            return fn(*args)
        except DotNetException as e:
            if getattr(e, "ps_unwrapped", False) or type(e).__name__ in (
                    "MethodInvocationException", "PipelineStoppedException"):
                raise
            raise _wrap_method_error(name, args, e) from None
        except TypeError:
            from ..errors import RuntimeException
            raise runtime_error(RuntimeException, "MethodCountCouldNotFindBest",
                                f'Cannot find an overload for "{name}" and the argument count: '
                                f'"{len(args)}".', "InvalidOperation") from None

    @property
    def ParameterSetName(self) -> str:
        return self._binding.set_name

    @property
    def MyInvocation(self):
        return self._proc.invocation_info()

    @property
    def CommandRuntime(self):
        return self._rt

    @property
    def Host(self):
        return self._proc.ctx.host

    @property
    def SessionState(self):
        return None

    @property
    def Stopping(self) -> bool:
        return False

    @property
    def CommandOrigin(self) -> str:
        return "Runspace"

    def ShouldProcess(self, *args) -> bool:
        rt = self._rt
        ref = None
        if len(args) <= 2:
            target = args[0] if args else ""
            action = args[1] if len(args) > 1 else None
            description = rt.should_process_message(target, action)
            ok, _ = rt.should_process(description)
            return ok
        description, warning, caption = (to_str(a) if a is not None else None
                                         for a in args[:3])
        if len(args) > 3:
            ref = args[3]
        ok, reason = rt.should_process(description, warning, caption)
        if ref is not None and hasattr(ref, "Value"):
            ref.Value = reason
        return ok

    def ShouldContinue(self, *args) -> bool:
        """ShouldContinue(query, caption[, hasSecurityImpact][, [ref]yesToAll, [ref]noToAll])."""
        query = to_str(args[0]) if args else ""
        caption = to_str(args[1]) if len(args) > 1 else ""
        rest = list(args[2:])
        security = False
        if len(rest) == 3:
            security = bool(rest.pop(0))
        refs = rest if len(rest) == 2 and all(hasattr(r, "Value") for r in rest) else None
        if refs is not None:
            if refs[1].Value:
                return False
            if refs[0].Value:
                return True
        answer = self._rt.should_continue(query, caption, security, refs is not None)
        if refs is not None:
            if answer == "yestoall":
                refs[0].Value = True
            elif answer == "notoall":
                refs[1].Value = True
        return answer in ("yes", "yestoall")

    def WriteError(self, record) -> None:
        self._rt.write_error(record)

    def WriteObject(self, obj, enumerate_collection=False) -> None:
        if enumerate_collection:
            emit(self._proc.out, obj)
        else:
            self._proc.out.append(obj)

    def WriteVerbose(self, text) -> None:
        self._rt.write_verbose(to_str(text))

    def WriteWarning(self, text) -> None:
        self._rt.write_warning(to_str(text))

    def WriteDebug(self, text) -> None:
        self._rt.write_debug(to_str(text))

    def WriteInformation(self, data, tags=None) -> None:
        from .enumerate import as_list
        self._rt.write_information(data, [to_str(t) for t in as_list(tags)])

    def WriteHost(self, text, *args) -> None:
        self._rt.write_host(to_str(text))

    def WriteProgress(self, record) -> None:
        self._rt.write_progress(record)

    def ThrowTerminatingError(self, record) -> None:
        self._rt.throw_terminating_error(record)

    def GetVariableValue(self, name, default=None):
        v = self._proc.scope.lookup(to_str(name).lower())
        from .context import MISSING
        return default if v is MISSING else v

    def ToString(self) -> str:
        return self._proc.name
