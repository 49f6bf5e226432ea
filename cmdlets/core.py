"""ForEach-Object, Where-Object, Invoke-Command, Invoke-Expression."""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime.convert import to_bool, to_str
from pwshlike.runtime.invoke import invoke_scriptblock


class ForEachObjectCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ForEachObjectCommand"

    def begin_processing(self) -> None:
        blocks = self.Process if isinstance(self.Process, list) else (
            [self.Process] if self.Process is not None else [])
        self.process_blocks = blocks
        if self.Begin is not None:
            self._run(self.Begin, None)

    def _run(self, sb, item) -> None:
        invoke_scriptblock(self.ctx, sb, [], None, collect=True, dollar_underscore=item,
                           dot_source=True, parent_scope=self._proc.scope, out=self._proc.out)

    def process_record(self) -> None:
        item = self.InputObject
        if self.MemberName is not None:
            from pwshlike.runtime.members import get_member, invoke_method
            name = to_str(self.MemberName)
            if self.ArgumentList is not None:
                r = invoke_method(self.ctx, item, name, list(self.ArgumentList))
            else:
                r = get_member(item, name)
            if r is not None:
                self.write_object(r, enumerate_collection=True)
            return
        for sb in self.process_blocks:
            self._run(sb, item)

    def end_processing(self) -> None:
        if self.End is not None:
            self._run(self.End, None)


class WhereObjectCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WhereObjectCommand"

    def process_record(self) -> None:
        item = self.InputObject
        if self.FilterScript is not None:
            out = invoke_scriptblock(self.ctx, self.FilterScript, [], None, collect=True,
                                     dollar_underscore=item, dot_source=True,
                                     parent_scope=self._proc.scope)
            if to_bool(out[0] if len(out) == 1 else out):
                self.write_object(item)
            return
        from pwshlike.runtime import operators as O
        from pwshlike.runtime.members import get_member
        value = get_member(item, to_str(self.Property)) if self.Property else item
        for op in ("EQ", "NE", "GT", "GE", "LT", "LE", "Like", "NotLike", "Match", "NotMatch",
                   "Contains", "NotContains", "In", "NotIn"):
            flag = getattr(self, op, None)
            if flag:
                fn = getattr(O, {"In": "in_", "NotIn": "notin"}.get(op, op.lower()))
                if op in ("Match", "NotMatch"):
                    ok = fn(value, self.Value, True, {})
                else:
                    ok = fn(value, self.Value, True)
                if to_bool(ok):
                    self.write_object(item)
                return
        if to_bool(value):
            self.write_object(item)


class InvokeCommandCommand(Cmdlet):
    def process_record(self) -> None:
        args = self.ArgumentList
        if args is None:
            args = []
        elif not isinstance(args, list):
            args = [args]
        invoke_scriptblock(self.ctx, self.ScriptBlock, list(args), None, collect=True,
                           parent_scope=self._proc.scope, out=self._proc.out)


class InvokeExpressionCommand(Cmdlet):
    def process_record(self) -> None:
        from pwshlike import parse
        from pwshlike.compiler.codegen import compile_script
        from pwshlike.runtime.invoke import run_block
        text = to_str(self.Command)
        info = compile_script(parse(text), text, None)
        run_block(self.ctx, info.end, self._proc.scope, self._proc.out)
