"""Invoke-Command (local script blocks) and Invoke-Expression."""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import (
    InvocationInfo,
    ParseException,
    ensure_error_record,
    exception_class,
    runtime_error,
)
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.invoke import invoke_scriptblock

PSNotSupportedException = exception_class("System.Management.Automation.PSNotSupportedException")

# Invoke-Command parameters that only make sense with remoting (every set but InProcess)
_LOCAL_PARAMETERS = {"ScriptBlock", "ArgumentList", "InputObject", "NoNewScope"}


class InvokeCommandCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.InvokeCommandCommand"

    def begin_processing(self) -> None:
        remote = [name for name in self.bound_parameters if name not in _LOCAL_PARAMETERS and
                  self._is_declared(name)]
        if remote:
            name = remote[0]
            self.throw_terminating_error(self.error_record(
                f"The -{name} parameter of Invoke-Command is for running commands on other "
                "computers, in sessions or as jobs, and pwshlike does not support remoting. "
                "Run the script block locally with -ScriptBlock, -ArgumentList, -InputObject "
                "and -NoNewScope.", "RemotingNotSupported", "NotImplemented", name,
                PSNotSupportedException))
        self._input: list = []

    def _is_declared(self, name: str) -> bool:
        meta = getattr(self._proc.info, "meta", None)
        p = meta.by_name.get(name.lower()) if meta is not None else None
        return p is not None and not getattr(p, "is_common", False)

    def process_record(self) -> None:
        if self.expecting_pipeline():
            self._input.append(self.InputObject)
        elif self.is_bound("InputObject"):
            self._input = [self.InputObject]

    def expecting_pipeline(self) -> bool:
        return bool(getattr(self._proc, "expected", False))

    def end_processing(self) -> None:
        args = self.ArgumentList
        if args is None:
            args = []
        elif not isinstance(args, list):
            args = [args]
        given_input = self.expecting_pipeline() or self.is_bound("InputObject")
        invoke_scriptblock(self.ctx, self.ScriptBlock, list(args),
                           self._input if given_input else None, collect=True,
                           dot_source=bool(self.NoNewScope), parent_scope=self.current_scope,
                           out=self._proc.out)


class InvokeExpressionCommand(Cmdlet):
    """Parses the string and runs it in the caller's scope, as if it were typed there.

    The text is compiled as its own source (named by nothing), so parse and runtime
    errors show the position inside the string."""

    fq_name = "Microsoft.PowerShell.Commands.InvokeExpressionCommand"

    def process_record(self) -> None:
        from pwshlike import parse
        from pwshlike.compiler.codegen import compile_script
        from pwshlike.errors import ParseError
        from pwshlike.runtime.invoke import run_block
        text = to_str(self.Command)
        try:
            info = compile_script(parse(text), text, None)
        except ParseError as e:
            self.throw_terminating_error(self._parse_error(e))
        scope = self.current_scope
        ctx = self.ctx
        prev = ctx.current_scope
        ctx.current_scope = scope
        try:
            for block in (info.begin, info.process, info.end):
                run_block(ctx, block, scope, self._proc.out)
        finally:
            ctx.current_scope = prev

    def _parse_error(self, e):
        """The string's first syntax error as pwsh reports it: a ParseException whose
        position is inside the string."""
        first = e.errors[0]
        exc = runtime_error(ParseException, first.error_id, first.message, "ParserError")
        record = ensure_error_record(exc, first.extent)
        record.InvocationInfo = InvocationInfo(first.extent, self._proc.name)
        record.FullyQualifiedErrorId = f"{first.error_id},{self.fq_name}"
        return record
