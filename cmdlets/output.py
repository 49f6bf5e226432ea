"""Write-* and Out-* cmdlets."""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import WriteErrorException
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.enumerate import enumerate_value


class WriteOutputCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WriteOutputCommand"

    def process_record(self) -> None:
        value = self.InputObject
        if value is None and not self.is_bound("InputObject"):
            return
        if isinstance(value, list) and len(value) == 1 and not self.NoEnumerate:
            value = value[0]
        self.write_object(value, enumerate_collection=not self.NoEnumerate)


class WriteHostCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WriteHostCommand"

    def process_record(self) -> None:
        value = self.Object
        sep = to_str(self.Separator) if self.Separator is not None else " "
        if value is None:
            text = ""
        elif isinstance(value, list):
            text = sep.join(_host_str(v, sep) for v in value)
        else:
            text = _host_str(value, sep)
        self.write_host(text, newline=not self.NoNewline)


def _host_str(v, sep: str) -> str:
    items = enumerate_value(v) if not isinstance(v, str) else None
    if items is not None:
        return sep.join(to_str(i) for i in items)
    return to_str(v)


class WriteErrorCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WriteErrorCommand"

    def process_record(self) -> None:
        if self.ErrorRecord is not None:
            self.write_error(self.ErrorRecord)
            return
        exc = self.Exception
        message = to_str(self.Message) if self.Message is not None else (
            getattr(exc, "Message", None) or "")
        error_id = to_str(self.ErrorId) if self.ErrorId else (
            "Microsoft.PowerShell.Commands.WriteErrorException")
        category = to_str(self.Category) if self.Category else "NotSpecified"
        rec = self.error_record(message, error_id, category, self.TargetObject,
                                WriteErrorException)
        rec.FullyQualifiedErrorId = error_id if self.ErrorId else \
            "Microsoft.PowerShell.Commands.WriteErrorException"
        self.write_error(rec)


class WriteWarningCommand(Cmdlet):
    def process_record(self) -> None:
        self.write_warning(to_str(self.Message))


class WriteVerboseCommand(Cmdlet):
    def process_record(self) -> None:
        self.write_verbose(to_str(self.Message))


class WriteDebugCommand(Cmdlet):
    def process_record(self) -> None:
        self.write_debug(to_str(self.Message))


class WriteInformationCommand(Cmdlet):
    def process_record(self) -> None:
        self.write_information(self.MessageData)


class OutNullCommand(Cmdlet):
    def process_record(self) -> None:
        pass


class OutDefaultCommand(Cmdlet):
    def begin_processing(self) -> None:
        from pwshlike.host.output import OutDefault
        self.sink = OutDefault(self.ctx)

    def process_record(self) -> None:
        if self.InputObject is not None:
            self.sink.append(self.InputObject)

    def end_processing(self) -> None:
        self.sink.flush()


OutHostCommand = OutDefaultCommand
