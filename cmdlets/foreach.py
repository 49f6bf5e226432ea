"""ForEach-Object: script blocks per input object, member access by name, and -Parallel.

The script block set follows pwsh's assignment of blocks: the scripts are -Begin (if
given), then -Process, then -RemainingScripts; with more than one script the first is the
begin block, and with more than two (and no -End) the last is the end block.  Blocks run
dot-sourced in the caller's scope, as pwsh runs them, so assignments stay visible.
"""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import InvalidOperationException, exception_class
from pwshlike.runtime.context import ReturnSignal
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.helpers import emit
from pwshlike.runtime.invoke import invoke_scriptblock
from pwshlike.runtime.values import Hashtable

_MISSING = object()
PSArgumentException = exception_class("System.Management.Automation.PSArgumentException")


def block_runner(ctx, sb, scope, out):
    """A function running ``sb`` dot-sourced in ``scope`` with ``$_`` set to its argument.

    Built once per pipeline: a plain ``{ ... }`` block (end block only, no parameters) is
    called directly, without a command processor per item, which keeps ForEach-Object and
    Where-Object cheap per record."""
    info = sb.info
    variables = scope.vars
    if info.is_simple and info.simple_params == () and "$input" not in (info.text or "").lower():
        code = info.end

        def run_plain(item) -> None:
            variables["_"] = item
            prev = ctx.current_scope
            ctx.current_scope = scope
            try:
                code(ctx, scope, out)
            except ReturnSignal:
                pass
            finally:
                ctx.current_scope = prev
        return run_plain

    def run_full(item) -> None:
        variables["_"] = item
        invoke_scriptblock(ctx, sb, [], None, collect=True, dollar_underscore=item,
                           dot_source=True, parent_scope=scope, out=out)
    return run_full


def _scripts(value) -> list:
    if value is None:
        return [None]
    return list(value) if isinstance(value, list) else [value]


class ForEachObjectCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ForEachObjectCommand"
    allow_null_parameters = ("Process", "RemainingScripts")
    allow_empty_parameters = ("Process", "RemainingScripts")
    _restore = None         # (the caller's $_ when the command began,)
    _parallel = None

    # --- begin ---------------------------------------------------------------------------------
    def begin_processing(self) -> None:
        set_name = self.parameter_set_name
        self._restore = (self.current_scope.vars.get("_", _MISSING),)
        if set_name == "ParallelParameterSet":
            from .parallel import ParallelRunner
            self._parallel = ParallelRunner(self)
            return
        if set_name == "PropertyAndMethodSet":
            self._member = to_str(self.MemberName)
            self._args = None if self.ArgumentList is None else (
                list(self.ArgumentList) if isinstance(self.ArgumentList, list)
                else [self.ArgumentList])
            return
        bound = self.bound_parameters
        if bound.get("WhatIf") or bound.get("Confirm"):
            self.throw_terminating_error(self.error_record(
                "The -WhatIf and -Confirm parameters are not supported for script blocks.",
                "NoShouldProcessForScriptBlockSet", "InvalidOperation", None,
                InvalidOperationException))
        scripts = [self.Begin] if self.is_bound("Begin") else []
        scripts += _scripts(self.Process)
        if self.is_bound("RemainingScripts"):
            scripts += _scripts(self.RemainingScripts)
        start = 1 if len(scripts) > 1 else 0
        end = len(scripts)
        end_script = self.End
        if not self.is_bound("End") and len(scripts) > 2:
            end -= 1
            end_script = scripts[end]
        ctx, scope, out = self.ctx, self.current_scope, self._proc.out
        self._process = [block_runner(ctx, sb, scope, out) for sb in scripts[start:end]
                         if sb is not None]
        self._end = block_runner(ctx, end_script, scope, out) if end_script is not None \
            else None
        if end >= 2 and scripts[0] is not None:
            block_runner(ctx, scripts[0], scope, out)(None)

    # --- per record ----------------------------------------------------------------------------
    def process_record(self) -> None:
        set_name = self.parameter_set_name
        if set_name == "ScriptBlockSet":
            item = self.InputObject
            for run in self._process:
                run(item)
        elif set_name == "PropertyAndMethodSet":
            self._member_record(self.InputObject)
        else:
            self._parallel.add(self.InputObject)

    def end_processing(self) -> None:
        set_name = self.parameter_set_name
        if set_name == "ScriptBlockSet" and self._end is not None:
            self._end(None)
        elif set_name == "ParallelParameterSet":
            self._parallel.finish()

    def dispose(self) -> None:
        """However the pipeline ended (also stopped by Select-Object -First downstream, or
        by an error): give the caller back its $_ and let -Parallel workers go."""
        if self._parallel is not None:
            self._parallel.stop()
        if self._restore is not None:
            saved = self._restore[0]
            self._restore = None
            if saved is _MISSING:
                self.current_scope.vars.pop("_", None)
            else:
                self.current_scope.vars["_"] = saved

    # --- -MemberName ---------------------------------------------------------------------------
    def _member_record(self, item) -> None:
        name = self._member
        if item is None:
            if self._args:
                self.write_error(self._name_error(
                    "You cannot call a method on a null-valued expression.",
                    "InvokeMethodOnNull", item))
            else:
                self.write_object(None)
            return
        if self._args:
            self._call(item, name, self._args, "MethodNotFound",
                       f'Input name "{name}" cannot be resolved to a method.')
            return
        if isinstance(item, Hashtable) and name in item:
            emit(self._proc.out, item[name])
            return
        if _has_wildcard(name):
            matches = _matching_members(item, name)
            if len(matches) > 1:
                self.write_error(self._name_error(
                    f'Input name "{name}" is ambiguous. It can be resolved to multiple matched '
                    f"members. Possible matches include:{''.join(' ' + m for m in matches)}.",
                    "AmbiguousPropertyOrMethodName", item))
                return
            if not matches:
                self.write_object(None)
                return
            name = matches[0]
        from pwshlike.runtime.members import get_member
        value = get_member(item, name)
        if value is not None and not _is_python_method(value):
            emit(self._proc.out, value)
            return
        self._call(item, name, [], None, None)

    def _call(self, item, name: str, args: list, missing_id, missing_message) -> None:
        from pwshlike.errors import DotNetException
        from pwshlike.runtime.members import invoke_method
        try:
            result = invoke_method(self.ctx, item, name, args)
        except DotNetException as e:
            if _error_id(e) == "MethodNotFound":
                if missing_id is None:      # neither property nor method: $null, as pwsh
                    self.write_object(None)
                else:
                    self.write_error(self._name_error(missing_message, missing_id, item))
                return
            rec = self.error_record(getattr(e, "Message", str(e)), "MethodInvocationError",
                                    "InvalidOperation", item)
            rec.Exception = e
            self.write_error(rec)
            return
        if result is not None:
            emit(self._proc.out, result)

    def _name_error(self, message: str, error_id: str, target):
        return self.error_record(message, error_id, "InvalidArgument", target,
                                 PSArgumentException)


def _error_id(e) -> str:
    rec = getattr(e, "error_record", None)
    fq = getattr(rec, "FullyQualifiedErrorId", None) or getattr(e, "error_id", None) or ""
    return fq.split(",", 1)[0]


def _is_python_method(value) -> bool:
    import types
    return isinstance(value, (types.MethodType, types.BuiltinMethodType))


def _has_wildcard(name: str) -> bool:
    return any(c in name for c in "*?[")


def _matching_members(item, pattern: str) -> list[str]:
    from pwshlike.runtime.members import property_list
    from pwshlike.runtime.regex import compile_wildcard
    rx = compile_wildcard(pattern)
    names = [n for n, _ in property_list(item)]
    return [n for n in names if rx.fullmatch(n)]
