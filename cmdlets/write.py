"""Write-Output, Write-Host, Write-Error and the message-stream cmdlets.

Where each stream's records end up (console, redirection, -XxxVariable) and how the
preferences apply is the cmdlet runtime's business (``Cmdlet.write_*``); these classes
build the records pwsh builds.
"""
from __future__ import annotations

import sys

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import (
    ErrorDetails,
    ErrorRecord,
    InvocationInfo,
    WriteErrorException,
    ensure_error_record,
    runtime_error,
)
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.enumerate import enumerate_value
from pwshlike.runtime.values import Hashtable


class WriteOutputCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WriteOutputCommand"
    allow_null_parameters = ("InputObject",)
    allow_empty_parameters = ("InputObject",)

    def process_record(self) -> None:
        value = self.InputObject
        if value is None:
            self.write_object(None)
        else:
            self.write_object(value, enumerate_collection=not self.NoEnumerate)


# --- Write-Host ----------------------------------------------------------------------------------
_ANSI_FOREGROUND = {"Black": 30, "DarkBlue": 34, "DarkGreen": 32, "DarkCyan": 36, "DarkRed": 31,
                    "DarkMagenta": 35, "DarkYellow": 33, "Gray": 37, "DarkGray": 90,
                    "Blue": 94, "Green": 92, "Cyan": 96, "Red": 91, "Magenta": 95,
                    "Yellow": 93, "White": 97}


def host_text(value, separator) -> str | None:
    """pwsh's Write-Host rendering of one value: strings as they are, collections
    flattened with the separator between elements, anything else through ToString."""
    if value is None:
        return None
    if isinstance(value, str):
        return value or None
    if isinstance(value, Hashtable):      # a dictionary enumerates its entries
        items = ["System.Collections.DictionaryEntry"] * len(value)
    else:
        items = enumerate_value(value)
    if items is not None:
        sep = "" if separator is None else to_str(separator)
        return sep.join(host_text(e, separator) or "" for e in items)
    return to_str(value) or None


class WriteHostCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WriteHostCommand"

    def process_record(self) -> None:
        separator = self.Separator if self.is_bound("Separator") else " "
        text = host_text(self.Object, separator) or ""
        fg = to_str(self.ForegroundColor) if self.ForegroundColor is not None else None
        bg = to_str(self.BackgroundColor) if self.BackgroundColor is not None else None
        if (fg or bg) and text and _is_terminal(self.ctx.host):
            codes = []
            if fg:
                codes.append(str(_ANSI_FOREGROUND[fg]))
            if bg:
                codes.append(str(_ANSI_FOREGROUND[bg] + 10))
            text = f"\x1b[{';'.join(codes)}m{text}\x1b[0m"
        self.write_host(text, newline=not self.NoNewline)


def _is_terminal(host) -> bool:
    stream = getattr(host, "stdout", None) or sys.stdout
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


# --- Write-Error ---------------------------------------------------------------------------------
class WriteErrorCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WriteErrorCommand"
    allow_null_parameters = ("Message",)
    allow_empty_parameters = ("Message",)

    def process_record(self) -> None:
        if self.ErrorRecord is not None:
            record = _copy_record(self.ErrorRecord)
        else:
            record = self._new_record()
        if self.RecommendedAction:
            if record.ErrorDetails is None:
                record.ErrorDetails = ErrorDetails(record.ToString())
            record.ErrorDetails.RecommendedAction = to_str(self.RecommendedAction)
        info = record.CategoryInfo
        info.Activity = to_str(self.CategoryActivity) if self.CategoryActivity else "Write-Error"
        if self.CategoryReason:
            info.Reason = to_str(self.CategoryReason)
        if self.CategoryTargetName:
            info.TargetName = to_str(self.CategoryTargetName)
        if self.CategoryTargetType:
            info.TargetType = to_str(self.CategoryTargetType)
        self.write_error(record)

    def _new_record(self) -> ErrorRecord:
        message = to_str(self.Message) if self.Message is not None else ""
        exc = self.Exception
        if exc is None:
            exc = runtime_error(WriteErrorException, "", message)
            exc.error_id = None
        error_id = to_str(self.ErrorId) if self.ErrorId else _type_full_name(exc)
        category = to_str(self.Category) if self.Category is not None else "NotSpecified"
        record = ErrorRecord(exc, error_id, category, self.TargetObject,
                             self._invocation_info())
        caller = self._caller_name()
        record.FullyQualifiedErrorId = f"{error_id},{caller}" if caller else error_id
        if self.Exception is not None and message:
            record.ErrorDetails = ErrorDetails(message)
        try:
            exc.error_record = record
        except AttributeError:
            pass
        return record

    def _invocation_info(self):
        site = self._proc.site
        return InvocationInfo(site.extent if site else None, self._proc.name)

    def _caller_name(self) -> str:
        """Name of the function or script running Write-Error ($MyInvocation.MyCommand),
        which pwsh appends to the FullyQualifiedErrorId; empty at the top level."""
        scope = self.current_scope
        while scope is not None:
            if scope.command_name is not None:
                return scope.command_name
            scope = scope.parent
        return ""


def _type_full_name(exc) -> str:
    name = getattr(exc, "dotnet_fullname", None)
    if name:
        return name
    from pwshlike.runtime.typenames import type_name_of
    return type_name_of(exc)


def _copy_record(source) -> ErrorRecord:
    """Write-Error -ErrorRecord writes a copy (pwsh's copy constructor)."""
    if not isinstance(source, ErrorRecord):
        return ensure_error_record(source)
    record = ErrorRecord(source.Exception, source.error_id, source.CategoryInfo.Category,
                         source.TargetObject, source.InvocationInfo)
    record.FullyQualifiedErrorId = source.FullyQualifiedErrorId
    info, old = record.CategoryInfo, source.CategoryInfo
    info.Activity, info.Reason = old.Activity, old.Reason
    info.TargetName, info.TargetType = old.TargetName, old.TargetType
    if source.ErrorDetails is not None:
        record.ErrorDetails = ErrorDetails(source.ErrorDetails.Message)
        record.ErrorDetails.RecommendedAction = source.ErrorDetails.RecommendedAction
    record.ScriptStackTrace = source.ScriptStackTrace
    return record


# --- the message streams ---------------------------------------------------------------------------
class WriteWarningCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WriteWarningCommand"
    allow_empty_parameters = ("Message",)

    def process_record(self) -> None:
        self.write_warning(to_str(self.Message))


class WriteVerboseCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WriteVerboseCommand"
    allow_empty_parameters = ("Message",)

    def process_record(self) -> None:
        self.write_verbose(to_str(self.Message))


class WriteDebugCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WriteDebugCommand"
    allow_empty_parameters = ("Message",)

    def process_record(self) -> None:
        self.write_debug(to_str(self.Message))


class WriteInformationCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WriteInformationCommand"
    allow_null_parameters = ("MessageData",)

    def process_record(self) -> None:
        tags = self.Tags
        if tags is not None and not isinstance(tags, list):
            tags = [tags]
        self.write_information(self.MessageData, [to_str(t) for t in tags] if tags else None)
