"""ConvertTo-Csv, ConvertFrom-Csv, Export-Csv, Import-Csv."""
from __future__ import annotations

import os

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import exception_class
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.typenames import type_name_of
from pwshlike.runtime.values import Hashtable, PSCustomObject

from ._props import items_of, names_of, no_input, param

_IO = exception_class("System.IO.IOException")
_INVALID_OP = exception_class("System.InvalidOperationException")
_ARG = exception_class("System.Management.Automation.PSArgumentException")


def _delimiter(cmdlet) -> str:
    d = param(cmdlet, "Delimiter")
    if d is not None:
        return to_str(d)[:1] or ","
    return ","   # -UseCulture: the invariant list separator


def _row_pairs(obj) -> list[tuple[str, object]]:
    if isinstance(obj, Hashtable):
        return [(to_str(k), v) for k, v in obj.items()]
    if isinstance(obj, PSCustomObject):
        return obj.properties()
    from ._props import lookup
    return [(n, lookup(obj, n)[1]) for n in names_of(obj)]


def _csv_type_name(obj) -> str:
    if isinstance(obj, PSCustomObject) and obj.type_names:
        return obj.type_names[0]
    return type_name_of(obj)


class CsvWriter:
    """Turns objects into CSV lines: the header comes from the first object."""

    def __init__(self, cmdlet, header: list[str] | None = None) -> None:
        self.cmdlet = cmdlet
        self.delim = _delimiter(cmdlet)
        self.mode = to_str(param(cmdlet, "UseQuotes", "Always")).lower()
        quote_fields = param(cmdlet, "QuoteFields")
        self.quote_fields = {to_str(f).lower() for f in items_of(quote_fields)} \
            if quote_fields is not None else None
        self.header = header
        self.type_info = bool(param(cmdlet, "IncludeTypeInformation")) and \
            not bool(param(cmdlet, "NoTypeInformation"))
        self.no_header = bool(param(cmdlet, "NoHeader"))

    def field(self, name: str, text: str | None) -> str:
        if text is None:            # a null value (or missing property) is an empty field
            return ""
        if self.quote_fields is not None:
            quote = name.lower() in self.quote_fields
        elif self.mode == "never":
            quote = False
        elif self.mode == "asneeded":
            quote = any(c in text for c in (self.delim, '"', "\n"))
        else:
            quote = True
        return '"' + text.replace('"', '""') + '"' if quote else text

    def lines(self, obj) -> list[str]:
        out = []
        pairs = _row_pairs(obj)
        if self.header is None:
            self.header = [n for n, _ in pairs]
            if self.type_info:
                out.append("#TYPE " + _csv_type_name(obj))
            if not self.no_header:
                out.append(self.delim.join(self.field(n, n) for n in self.header))
        values = {n.lower(): v for n, v in pairs}
        out.append(self.delim.join(
            self.field(n, None if values.get(n.lower()) is None else to_str(values[n.lower()]))
            for n in self.header))
        return out


class ConvertToCsvCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ConvertToCsvCommand"

    def begin_processing(self) -> None:
        self.writer = CsvWriter(self)

    def process_record(self) -> None:
        if no_input(self) or self.InputObject is None:
            return
        for line in self.writer.lines(self.InputObject):
            self.write_object(line)


class ExportCsvCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ExportCsvCommand"
    allow_null_parameters = ("InputObject",)

    def begin_processing(self) -> None:
        path = to_str(self.Path if self.is_bound("Path") else self.LiteralPath)
        self.full = self.ctx.resolve_path(path)
        from .format import encoding_name
        self.encoding = encoding_name(param(self, "Encoding"))
        header = None
        exists = os.path.exists(self.full)
        if self.Append and exists and os.path.getsize(self.full) > 0:
            with open(self.full, encoding=self.encoding, newline="") as f:
                rows = _parse_rows(f.read(), _delimiter(self))
            rows = [r for r in rows if not (r and r[0].startswith("#TYPE"))]
            header = rows[0] if rows else None
        elif self.NoClobber and exists and not self.Append:
            self.throw_terminating_error(self.error_record(
                f"The file '{self.full}' already exists.", "NoClobber", "ResourceExists",
                self.full, _IO))
        self.writer = CsvWriter(self, header)
        self.lines: list[str] = []
        self.append_mode = header is not None or bool(self.Append)

    def process_record(self) -> None:
        if no_input(self) or self.InputObject is None:
            return
        obj = self.InputObject
        if self.writer.header is not None and self.append_mode and not self.Force:
            names = {n.lower() for n, _ in _row_pairs(obj)}
            missing = [h for h in self.writer.header if h.lower() not in names]
            if missing:
                self.write_error(self.error_record(
                    f'Cannot append CSV content to the following file: {self.full}. The '
                    f'appended object does not have a property that corresponds to the following '
                    f'column: {missing[0]}. To continue with mismatched properties, add the '
                    '-Force parameter, and then retry the command.', "CannotAppendCsvWithMismatchedPropertyNames",
                    "InvalidData", obj, _INVALID_OP))
                return
        self.lines.extend(self.writer.lines(obj))

    def end_processing(self) -> None:
        if not self.should_process(self.full):
            return
        mode = "a" if self.append_mode else "w"
        try:
            with open(self.full, mode, encoding=self.encoding, newline="") as f:
                f.write("".join(line + os.linesep for line in self.lines))
        except OSError as e:
            self.throw_terminating_error(self.error_record(
                f"Could not find a part of the path '{self.full}'." if isinstance(
                    e, FileNotFoundError) else str(e), "FileOpenFailure", "OpenError",
                self.full, _IO))


def _parse_rows(text: str, delim: str) -> list[list[str]]:
    import csv
    import io
    return list(csv.reader(io.StringIO(text), delimiter=delim, quotechar='"',
                           skipinitialspace=False))


def objects_from_csv(cmdlet, text: str, delim: str, header) -> list:
    """CSV text → custom objects whose property values are strings (missing ones $null)."""
    rows = [r for r in _parse_rows(text, delim) if r]
    type_name = None
    if rows and rows[0] and rows[0][0].startswith("#TYPE"):
        type_name = rows[0][0][5:].strip()
        rows = rows[1:]
    if header is None:
        if not rows:
            return []
        names, rows = rows[0], rows[1:]
    else:
        names = [to_str(h) for h in items_of(header)]
    names = [n if n else f"H{i + 1}" for i, n in enumerate(names)]
    seen: set[str] = set()
    for n in names:
        if n.lower() in seen:
            cmdlet.throw_terminating_error(cmdlet.error_record(
                f'The member "{n}" is already present.', "AlreadyPresentPSMemberInfoInternal"
                "Collection`1Add", "InvalidArgument", n, _ARG))
        seen.add(n.lower())
    out = []
    for r in rows:
        obj = PSCustomObject([(n, r[i] if i < len(r) else None) for i, n in enumerate(names)])
        if type_name:
            obj.type_names = ["CSV:" + type_name]
        out.append(obj)
    return out


class ConvertFromCsvCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ConvertFromCsvCommand"

    def begin_processing(self) -> None:
        self.header = param(self, "Header")
        self.pending: list[str] = []

    def process_record(self) -> None:
        if no_input(self) or self.InputObject is None:
            return
        for line in items_of(self.InputObject):
            self.pending.append(to_str(line))

    def end_processing(self) -> None:
        text = "\n".join(self.pending)
        for obj in objects_from_csv(self, text, _delimiter(self), self.header):
            self.write_object(obj)


class ImportCsvCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ImportCsvCommand"

    def process_record(self) -> None:
        paths = items_of(self.Path if self.is_bound("Path") else self.LiteralPath)
        from .format import encoding_name
        encoding = encoding_name(param(self, "Encoding"))
        for p in paths:
            full = self.ctx.resolve_path(to_str(p))
            try:
                with open(full, encoding=encoding, newline="") as f:
                    text = f.read()
            except FileNotFoundError:
                self.write_error(self.error_record(
                    f"Could not find file '{full}'.", "FileOpenFailure", "OpenError", full,
                    exception_class("System.IO.FileNotFoundException")))
                continue
            text = text.removeprefix("\ufeff")
            for obj in objects_from_csv(self, text, _delimiter(self), param(self, "Header")):
                self.write_object(obj)
