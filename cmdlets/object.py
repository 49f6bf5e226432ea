"""New-Object, Tee-Object and Join-String."""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import MethodException, exception_class, runtime_error
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.values import Hashtable, PSCustomObject

from ._props import no_input, param, parse_properties

_INVALID_OP = exception_class("System.InvalidOperationException")


class NewObjectCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.NewObjectCommand"

    def process_record(self) -> None:
        if self.parameter_set_name == "Com":
            self.throw_terminating_error(self.error_record(
                "COM objects are not available in pwshlike.", "CannotLoadComObjectType",
                "InvalidType", self.ComObject, _INVALID_OP))
        from pwshlike.runtime.types import resolve_type
        name = to_str(self.TypeName)
        try:
            t = resolve_type(name)
        except Exception:  # noqa: BLE001 - reported as New-Object does
            from pwshlike.errors import PSInvalidCastException
            self.throw_terminating_error(self.error_record(
                f'Cannot find type [{name}]: verify that the assembly containing this type is '
                "loaded.", "TypeNotFound", "InvalidType", name, PSInvalidCastException))
        args = [] if self.ArgumentList is None else (
            list(self.ArgumentList) if isinstance(self.ArgumentList, list) else
            [self.ArgumentList])
        if t.fullname in ("System.Management.Automation.PSCustomObject", "System.Object",
                          "System.Management.Automation.PSObject") and not args:
            obj = PSCustomObject()
        elif getattr(t, "ctor", None) is None:
            raise runtime_error(MethodException, "ConstructorInvokedThrowException",
                                f'Cannot find an overload for "{t.Name}" and the argument '
                                f'count: "{len(args)}".', "InvalidOperation")
        else:
            try:
                obj = t.ctor(*args)
            except TypeError:
                raise runtime_error(MethodException, "ConstructorInvokedThrowException",
                                    f'Cannot find an overload for "{t.Name}" and the argument '
                                    f'count: "{len(args)}".', "InvalidOperation") from None
        if isinstance(self.Property, Hashtable):
            from pwshlike.runtime.members import set_member
            for k, v in self.Property.items():
                if isinstance(obj, PSCustomObject):
                    obj.set_property(to_str(k), v)
                else:
                    set_member(obj, k, v)
        self.write_object(obj)


class TeeObjectCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.TeeObjectCommand"

    def begin_processing(self) -> None:
        self.items: list = []

    def process_record(self) -> None:
        if no_input(self):
            return
        self.items.append(self.InputObject)
        self.write_object(self.InputObject)

    def end_processing(self) -> None:
        if self.parameter_set_name == "Variable":
            from pwshlike.runtime.helpers import setvar_scoped
            name = to_str(self.Variable)
            scope, _, bare = name.rpartition(":")
            value = self.items[0] if len(self.items) == 1 else list(self.items)
            setvar_scoped(self.ctx, self.current_scope, scope.lower() or "local", bare, value)
            return
        path = to_str(self.FilePath if self.parameter_set_name == "File" else self.LiteralPath)
        from .format import write_formatted
        write_formatted(self, path, self.items, append=bool(self.Append),
                        encoding=param(self, "Encoding"))


class JoinStringCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.JoinStringCommand"

    def begin_processing(self) -> None:
        self.parts: list[str] = []
        self.expr = parse_properties(self, self.Property, named=False)[:1] \
            if self.is_bound("Property") else []
        sep = param(self, "Separator")
        if sep is None:
            sep = "," if self.UseCulture else ""
        self.sep = to_str(sep)
        self.quote = "'" if self.SingleQuote else '"' if self.DoubleQuote else None
        self.fmt = param(self, "FormatString")

    def process_record(self) -> None:
        if no_input(self) or self.InputObject is None:
            return
        items = self.InputObject if isinstance(self.InputObject, list) else [self.InputObject]
        for item in items:
            self._add(item)

    def _add(self, value) -> None:
        if self.expr:
            value = self.expr[0].value(self, value)
        text = to_str(value)
        if self.quote is not None:
            text = self.quote + text + self.quote
        elif self.fmt is not None:
            from pwshlike.runtime.text_operators import format_op
            text = format_op(to_str(self.fmt), [value])
        self.parts.append(text)

    def end_processing(self) -> None:
        prefix = to_str(param(self, "OutputPrefix") or "")
        suffix = to_str(param(self, "OutputSuffix") or "")
        self.write_object(prefix + self.sep.join(self.parts) + suffix)
