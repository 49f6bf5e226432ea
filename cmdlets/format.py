"""Format-Table, Format-List, Format-Wide, Out-String and Out-File.

Format-* write one ``DeferredFormat`` object: the layout is done when it is printed, at the
width of whatever prints it (Out-Default, Out-String -Width, Out-File -Width), as pwsh's
format objects are rendered by the Out-* command that receives them.
"""
from __future__ import annotations

import os

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import exception_class
from pwshlike.host.formatting import CENTER, LEFT, RIGHT, DeferredFormat, TableColumn
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.values import PSCustomObject

from ._props import (
    PropertyExpr,
    has_wildcard,
    match_names,
    names_of,
    no_input,
    param,
    parse_properties,
)

_IO = exception_class("System.IO.IOException")
_ALIGN = {"left": LEFT, "right": RIGHT, "center": CENTER}

ENCODINGS = {
    "utf8": "utf-8", "utf8nobom": "utf-8", "utf8bom": "utf-8-sig", "ascii": "ascii",
    "unicode": "utf-16", "bigendianunicode": "utf-16-be", "utf32": "utf-32",
    "bigendianutf32": "utf-32-be", "oem": "utf-8", "default": "utf-8", "latin1": "latin-1",
    "utf7": "utf-7", "byte": "latin-1", "string": "utf-16",
}


def _adapter():
    from pwshlike.host.output import ADAPTER
    return ADAPTER


def _format_value(value, fmt) -> object:
    if fmt is None:
        return value
    from pwshlike.runtime.text_operators import format_op
    return format_op("{0:" + to_str(fmt) + "}", [value])


class _FormatBase(Cmdlet):
    extras = ("formatstring",)

    def begin_processing(self) -> None:
        self.items: list = []
        self.exprs = parse_properties(self, self.Property, self.extras) \
            if self.is_bound("Property") else []

    def process_record(self) -> None:
        if not no_input(self) and self.InputObject is not None:
            self.items.append(self.InputObject)

    def _expand(self, first) -> list[PropertyExpr]:
        out = []
        for e in self.exprs:
            if not e.is_block and has_wildcard(to_str(e.source)):
                out.extend(PropertyExpr(n, None, e.extras)
                           for n in match_names(to_str(e.source), names_of(first)))
            else:
                out.append(e)
        return out

    def _row(self, exprs, obj) -> list[tuple[str, object]]:
        row = []
        for e in exprs:
            got = e.resolve(self, obj)
            label = e.label or to_str(e.source)
            value = got[0][1] if got else None
            row.append((label, _format_value(value, e.extras.get("formatstring"))))
        return row

    def _is_scalar(self, obj) -> bool:
        return _adapter().properties(obj) is None and not _adapter().is_dictionary(obj)

    def end_processing(self) -> None:
        if self.items:
            # values are taken now, as pwsh's format objects hold them; only the layout waits
            self.items = [PSCustomObject(o.properties()) if type(o) is PSCustomObject else o
                          for o in self.items]
            self.write_object(DeferredFormat(self.layout))

    def layout(self, width: int) -> list[str]:
        raise NotImplementedError


class FormatTableCommand(_FormatBase):
    fq_name = "Microsoft.PowerShell.Commands.FormatTableCommand"
    extras = ("formatstring", "width", "alignment")

    def layout(self, width: int) -> list[str]:
        from pwshlike.host.formatting import format_table_lines, out_default_lines
        adapter = _adapter()
        objs = [o for o in self.items if not self._is_scalar(o)]
        if not objs:
            return out_default_lines(self.items, adapter, width)
        if not self.exprs and adapter.is_dictionary(objs[0]):
            return out_default_lines(self.items, adapter, width)
        group = param(self, "GroupBy")
        if group is None:
            return self._table(objs, width, None)
        gexpr = parse_properties(self, group, ("formatstring",))[0]
        lines: list[str] = []
        start = 0
        label = gexpr.label or to_str(gexpr.source)
        keys = [to_str(gexpr.value(self, o)) for o in objs]
        for i in range(1, len(objs) + 1):
            if i == len(objs) or keys[i] != keys[start]:
                table = self._table(objs[start:i], width, None)
                lines += ["", f"   {label}: {keys[start]}", *table[:-1]]
                start = i
        lines.append("")
        return lines
        del format_table_lines

    def _table(self, objs: list, width: int, _group) -> list[str]:
        from pwshlike.host.formatting import format_table_lines
        adapter = _adapter()
        if self.exprs:
            exprs = self._expand(objs[0])
            rows = [self._row(exprs, o) for o in objs]
            columns = [TableColumn(label, label, int(e.extras.get("width") or 0),
                                   _ALIGN.get(to_str(e.extras.get("alignment")).lower())
                                   if e.extras.get("alignment") is not None else None)
                       for e, (label, _) in zip(exprs, rows[0], strict=True)]
        else:
            rows = [adapter.properties(o) or [] for o in objs]
            columns = None
        return format_table_lines(rows, adapter, width, autosize=bool(self.AutoSize),
                                  properties=columns, hide_header=bool(self.HideTableHeaders),
                                  wrap=bool(self.Wrap))


class FormatListCommand(_FormatBase):
    fq_name = "Microsoft.PowerShell.Commands.FormatListCommand"

    def layout(self, width: int) -> list[str]:
        from pwshlike.host.formatting import format_list_lines
        objs = self.items
        names = None
        if self.exprs:
            if all(not e.is_block and e.label is None and not e.extras for e in self.exprs):
                names = [to_str(e.source) for e in self.exprs]
            else:
                objs = []
                for o in self.items:
                    if self._is_scalar(o):
                        objs.append(o)
                        continue
                    objs.append(PSCustomObject(self._row(self._expand(o), o)))
        return format_list_lines(objs, _adapter(), names, width)


class FormatWideCommand(_FormatBase):
    fq_name = "Microsoft.PowerShell.Commands.FormatWideCommand"

    def begin_processing(self) -> None:
        self.items = []
        self.exprs = parse_properties(self, self.Property, ("formatstring",), named=False) \
            if self.is_bound("Property") else []

    def layout(self, width: int) -> list[str]:
        from pwshlike.host.formatting import format_wide_lines
        objs = self.items
        prop = None
        if self.exprs:
            e = self.exprs[0]
            if e.is_block or e.extras:
                objs = [o if self._is_scalar(o) else
                        PSCustomObject([("Value", _format_value(
                            e.value(self, o), e.extras.get("formatstring")))])
                        for o in self.items]
                prop = "Value"
            else:
                prop = to_str(e.source)
        column = param(self, "Column")
        return format_wide_lines(objs, _adapter(), int(column) if column else None, width,
                                 property=prop, autosize=bool(self.AutoSize))


# --- Out-String / Out-File -------------------------------------------------------------------
def render_lines(items: list, width: int) -> list[str]:
    from pwshlike.host.formatting import out_default_lines
    return out_default_lines(items, _adapter(), width)


class OutStringCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.OutStringCommand"

    def begin_processing(self) -> None:
        self.items: list = []
        self.width = int(param(self, "Width") or self.ctx.host.width)

    def process_record(self) -> None:
        if no_input(self) or self.InputObject is None:
            return
        self.items.append(self.InputObject)

    def end_processing(self) -> None:
        lines = render_lines(self.items, self.width)
        if self.Stream:
            # the whole input is laid out at once, so a table keeps one header (pwsh streams
            # the lines as they are produced; the text is the same)
            for line in lines:
                self.write_object(line)
        elif self.NoNewline:
            self.write_object("".join(lines))
        else:
            self.write_object("".join(line + "\n" for line in lines))


def encoding_name(encoding) -> str:
    if encoding is None:
        return "utf-8"
    name = to_str(encoding).lower().replace("-", "")
    return ENCODINGS.get(name, to_str(encoding))


def write_formatted(cmdlet: Cmdlet, path: str, items: list, *, append: bool = False,
                    encoding=None, width: int | None = None, no_newline: bool = False,
                    no_clobber: bool = False) -> None:
    """Write objects to a file as the console would show them (Out-File, Tee-Object)."""
    full = cmdlet.ctx.resolve_path(path)
    if no_clobber and not append and os.path.exists(full):
        cmdlet.throw_terminating_error(cmdlet.error_record(
            f"The file '{full}' already exists.", "NoClobber", "ResourceExists", full, _IO))
    lines = render_lines(items, width or cmdlet.ctx.host.width)
    text = "".join(lines) if no_newline else "".join(line + "\n" for line in lines)
    codec = encoding_name(encoding)
    if append and codec in ("utf-8-sig", "utf-16") and os.path.exists(full) and \
            os.path.getsize(full) > 0:
        codec = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le"}[codec]
    try:
        with open(full, "a" if append else "w", encoding=codec, newline="") as f:
            f.write(text)
    except FileNotFoundError:
        cmdlet.throw_terminating_error(cmdlet.error_record(
            f"Could not find a part of the path '{full}'.", "FileOpenFailure",
            "OpenError", full, exception_class("System.IO.DirectoryNotFoundException")))
    except IsADirectoryError:
        cmdlet.throw_terminating_error(cmdlet.error_record(
            f"Access to the path '{full}' is denied.", "FileOpenFailure", "OpenError", full,
            exception_class("System.UnauthorizedAccessException")))
    except LookupError:
        cmdlet.throw_terminating_error(cmdlet.error_record(
            f"'{to_str(encoding)}' is not a supported encoding name.", "FileOpenFailure",
            "InvalidArgument", encoding, exception_class("System.ArgumentException")))


class OutFileCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.OutFileCommand"

    def begin_processing(self) -> None:
        self.items: list = []

    def process_record(self) -> None:
        if not no_input(self) and self.InputObject is not None:
            self.items.append(self.InputObject)

    def end_processing(self) -> None:
        path = to_str(self.FilePath if self.parameter_set_name == "ByPath" else self.LiteralPath)
        if not self.should_process(path):
            return
        width = param(self, "Width")
        write_formatted(self, path, self.items, append=bool(self.Append),
                        encoding=param(self, "Encoding"), width=int(width) if width else None,
                        no_newline=bool(self.NoNewline), no_clobber=bool(self.NoClobber))
