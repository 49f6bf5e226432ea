"""ConvertFrom-StringData and Import-PowerShellDataFile: hashtables from data text, with no
code run."""
from __future__ import annotations

import os

from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.values import Hashtable

from ._files import path_not_found, resolve_single_file
from ._session import as_list, exc


# --- ConvertFrom-StringData --------------------------------------------------------------------
class ConvertFromStringDataCommand(Cmdlet):
    """One hashtable per input string of ``name=value`` lines; values are unescaped as
    ``Regex.Unescape`` does (pwsh's ConvertFromStringDataCommand)."""

    fq_name = "Microsoft.PowerShell.Commands.ConvertFromStringDataCommand"
    allow_empty_parameters = ("StringData",)

    def process_record(self) -> None:
        from pwshlike.runtime.dotnet.regexmatch import regex_unescape
        text = to_str(self.StringData) if self.StringData is not None else ""
        delimiter = to_str(self.Delimiter) if self.is_bound("Delimiter") else "="
        result = Hashtable()
        for raw in text.split("\n"):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            index = line.find(delimiter)
            if index <= 0:
                self._invalid(f"Data line '{line}' is not in 'name=value' format. ")
            name = line[:index].strip()
            if name in result:
                self._invalid(f"Data item '{name}' in line '{line}' is already defined. ")
            try:
                result[name] = regex_unescape(line[index + 1:].strip())
            except Exception as e:   # noqa: BLE001 - .NET's RegexParseException, as pwsh lets it out
                self.throw_terminating_error(self.error_record(
                    getattr(e, "Message", str(e)),
                    "System.Text.RegularExpressions.RegexParseException", "NotSpecified", None,
                    exc("RegexParseException")))
        self.write_object(result)

    def _invalid(self, message: str):
        self.throw_terminating_error(self.error_record(
            message, "InvalidOperation", "InvalidOperation", None,
            exc("PSInvalidOperationException")))


# --- Import-PowerShellDataFile -------------------------------------------------------------------
class ImportPowerShellDataFileCommand(Cmdlet):
    """The first hashtable literal of each data file, evaluated by
    :mod:`pwshlike.runtime.safevalue` (never run)."""

    fq_name = "Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand"

    def process_record(self) -> None:
        literal = self.is_bound("LiteralPath")
        for path in as_list(self.LiteralPath if literal else self.Path):
            resolved = resolve_single_file(self, path, literal)
            if not os.path.isfile(resolved):
                self.write_error(path_not_found(self, path, category="InvalidArgument",
                                                exception="ArgumentException"))
                continue
            self._import(resolved)

    def _import(self, path: str) -> None:
        from pwshlike import parse
        from pwshlike.errors import ParseError
        from pwshlike.runtime.safevalue import UnsafeValue, first_hashtable, safe_value
        from pwshlike.runtime.scriptfile import read_script_text
        try:
            text = read_script_text(path)
            tree = parse(text, path)
        except (ParseError, UnicodeDecodeError):
            self._invalid(path, "CouldNotParseAsPowerShellDataFile")
            return
        table = first_hashtable(tree)
        if table is None:
            self._invalid(path, "CouldNotParseAsPowerShellDataFileNoHashtableRoot")
            return
        try:
            value = safe_value(table, text, self.ctx, skip_limits=bool(self.SkipLimitCheck))
        except UnsafeValue:
            self.throw_terminating_error(self.error_record(
                "Cannot generate a PowerShell object for a ScriptBlock evaluating dynamic "
                f"expressions. Dynamic expression: {text[table.start:table.end]}.",
                "System.InvalidOperationException", "NotSpecified", None,
                exc("InvalidOperationException")))
        self.write_object(value)

    def _invalid(self, path: str, error_id: str) -> None:
        self.write_error(self.error_record(
            f"The file '{path}' could not be parsed as a PowerShell Data File.", error_id,
            "InvalidData", path, exc("InvalidOperationException")))
