"""Get-Content, Set-Content, Add-Content and Clear-Content.

Files are read as pwsh's StreamReader reads them: a byte-order mark, when present, picks
the encoding (and is dropped); otherwise ``-Encoding`` (default UTF-8) decodes.  Lines end
at ``\\r\\n``, ``\\n`` or ``\\r``.  Writing follows pwsh 7 on Linux: UTF-8 without a BOM,
``\\n`` after each value, the encoding's preamble at the start of a new or emptied file.
Session drives (``Env:``, ``Variable:``, ``Function:``, ``Alias:``) read and set values.
"""
from __future__ import annotations

import os
import re

from pwshlike.cmdlet import Cmdlet
from pwshlike.providers import FILESYSTEM, has_wildcard, unescape
from pwshlike.providers.fsops import dotnet_message
from pwshlike.providers.resolve import Resolver
from pwshlike.runtime.convert import to_str

from ._session import NameFilter, exc, wildcard
from .item import path_args

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"),
         (b"\xfe\xff", "utf-16-be"))
_LINE_END = re.compile(r"\r\n|\r|\n")
NEWLINE = "\n"


def decode(data: bytes, encoding=None) -> str:
    """Bytes to text: a BOM wins, else the given encoding, else UTF-8."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    if encoding is not None:
        return encoding.decode(data)
    return data.decode("utf-8", "replace")


def split_lines(text: str) -> list[str]:
    """StreamReader.ReadLine's lines: a final line end does not start another line."""
    if not text:
        return []
    parts = _LINE_END.split(text)
    if parts and parts[-1] == "" and _LINE_END.search(text[-2:]):
        parts.pop()
    return parts


def split_delimited(text: str, delimiter: str) -> list[str]:
    """-Delimiter: each chunk keeps the delimiter that ends it."""
    if not delimiter:
        return [text] if text else []
    out, start = [], 0
    while True:
        i = text.find(delimiter, start)
        if i < 0:
            break
        out.append(text[start:i + len(delimiter)])
        start = i + len(delimiter)
    if start < len(text):
        out.append(text[start:])
    return out


def _encoding(cmdlet):
    """The bound -Encoding (an Encoding object after binding), or None."""
    return cmdlet.Encoding if cmdlet.is_bound("Encoding") else None


class _ContentCmdlet(Cmdlet):
    def report_os(self, e: OSError, path: str, prefix: str) -> None:
        name, msg = dotnet_message(e, path)
        suffix = {"FileNotFoundException": "FileNotFoundError",
                  "DirectoryNotFoundException": "DirectoryNotFoundError",
                  "UnauthorizedAccessException": "UnauthorizedAccessError"}.get(name, "IOError")
        category = "ObjectNotFound" if "NotFound" in name else (
            "PermissionDenied" if "Unauthorized" in name else "WriteError")
        self.write_error(self.error_record(msg, prefix + suffix, category, path, exc(name)))

    def directory_error(self, path: str, prefix: str) -> None:
        self.write_error(self.error_record(
            f"Unable to get content because it is a directory: '{path}'. Please use "
            "'Get-ChildItem' instead." if prefix == "GetContentReader" else
            f"Access to the path '{path}' is denied.", prefix + "UnauthorizedAccessError",
            "PermissionDenied", path, exc("UnauthorizedAccessException")))

    def existing(self):
        """Existing items for -Path/-LiteralPath, through -Filter/-Include/-Exclude."""
        paths, literal = path_args(self)
        keep = NameFilter(self.Include, self.Exclude)
        flt = wildcard(str(self.Filter)) if self.Filter is not None else None
        for path in paths:
            for pp in Resolver(self, literal, force=bool(getattr(self, "Force", False))
                               ).existing(path):
                name = os.path.basename(pp.path) if pp.provider == FILESYSTEM else pp.path
                if keep(name) and (flt is None or flt.fullmatch(name)):
                    yield pp

    def session_drive(self, pp):
        from pwshlike.providers.session import SESSION_DRIVES
        return SESSION_DRIVES[pp.provider]


# --- Get-Content -----------------------------------------------------------------------------------
class GetContentCommand(_ContentCmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetContentCommand"

    def process_record(self) -> None:
        total = int(self.TotalCount) if self.TotalCount is not None else -1
        tail = int(self.Tail) if self.Tail is not None else -1
        if total != -1 and tail != -1:
            self.write_error(self.error_record(
                "The parameters TotalCount and Tail cannot be used together. Please specify "
                "only one parameter.", "TailAndHeadCannotCoexist", "InvalidOperation", None,
                exc("InvalidOperationException")))
            return
        if total == 0:
            return
        if self.AsByteStream and self.is_bound("Delimiter"):
            self.write_error(self.error_record(
                "A delimiter cannot be specified when reading the stream one byte at a time.",
                "GetContentReaderArgumentError", "InvalidArgument", None,
                exc("ArgumentException")))
            return
        if self.AsByteStream and self.is_bound("Encoding"):
            self.write_warning("Encoding not used when '-AsByteStream' specified.")
        for pp in self.existing():
            if pp.provider != FILESYSTEM:
                self._session(pp)
                continue
            if os.path.isdir(pp.path):
                self.directory_error(pp.path, "GetContentReader")
                continue
            try:
                with open(pp.path, "rb") as f:
                    data = f.read()
            except OSError as e:
                self.report_os(e, pp.path, "GetContentReader")
                continue
            self._emit(self._items(data), total, tail)

    def _items(self, data: bytes) -> list:
        if self.AsByteStream:
            from pwshlike.runtime.dotnet.common import byte_array
            if self.Raw:
                return [byte_array(data)] if data else []
            return list(byte_array(data))
        text = decode(data, _encoding(self))
        if self.Raw:
            return [text] if text else []
        if self.is_bound("Delimiter") and self.Delimiter is not None:
            return split_delimited(text, to_str(self.Delimiter))
        return split_lines(text)

    def _emit(self, items: list, total: int, tail: int) -> None:
        if tail >= 0:
            items = items[len(items) - tail:] if tail else []
        if total > 0:
            items = items[:total]
        count = int(self.ReadCount) if self.ReadCount is not None else 1
        if count == 1:
            for item in items:
                self.write_object(item)
            return
        if not items:
            return
        if count <= 0:
            self.write_object(list(items))
            return
        for i in range(0, len(items), count):
            self.write_object(list(items[i:i + count]))

    def _session(self, pp) -> None:
        drive = self.session_drive(pp)
        item = drive.get(self.ctx, self._proc.scope, pp.path)
        if item is not None:
            self.write_object(drive.value_of(item))


# --- Set-Content / Add-Content ------------------------------------------------------------------
class _WriteContent(_ContentCmdlet):
    """Shared by Set-Content (truncate on first write) and Add-Content (append)."""

    append = False
    action = "Set Content"
    writer_prefix = "GetContentWriter"

    def begin_processing(self) -> None:
        self._opened: dict[str, bool] = {}     # paths written by this command so far
        self._failed: set[str] = set()

    def _targets(self) -> list:
        """Paths to write: existing matches for wildcards, else the path itself (the file is
        created)."""
        paths, literal = path_args(self)
        out = []
        keep = NameFilter(self.Include, self.Exclude)
        for path in paths:
            r = Resolver(self, literal, force=bool(self.Force))
            if not literal and has_wildcard(path):
                out += [pp for pp in r.existing(path) if keep(os.path.basename(pp.path))]
                continue
            pp = r.split(path)
            if pp is None:
                continue
            if pp.provider == FILESYSTEM and not literal:
                pp.path = unescape(pp.path)
            if pp.provider == FILESYSTEM and os.path.lexists(pp.path) and \
                    not keep(os.path.basename(pp.path)):
                continue
            out.append(pp)
        return out

    def _values(self) -> list:
        v = self.Value
        if v is None:
            return []
        return list(v) if isinstance(v, (list, tuple)) else [v]

    def process_record(self) -> None:
        values = self._values()
        for pp in self._targets():
            if pp.provider != FILESYSTEM:
                self._session(pp, values)
                continue
            self._write_file(pp.path, values)

    def _encode(self, values: list) -> bytes:
        if self.AsByteStream:
            from pwshlike.runtime.dotnet.common import to_bytes
            try:
                return to_bytes(values)
            except Exception:  # noqa: BLE001 - pwsh's own message for non-byte content
                self.throw_terminating_error(self.error_record(
                    "Cannot proceed with byte encoding. When using byte encoding the content "
                    "must be of type byte.", "ByteEncodingError", "InvalidArgument", None,
                    exc("ArgumentException")))
        sep = "" if self.NoNewline else NEWLINE
        text = sep.join(to_str(v) for v in values) + (sep if values else "")
        enc = _encoding(self)
        return enc.encode(text) if enc is not None else text.encode("utf-8")

    def _write_file(self, full: str, values: list) -> None:
        if full in self._failed:
            return
        if os.path.isdir(full):
            self.directory_error(full, self.writer_prefix)
            self._failed.add(full)
            return
        first = full not in self._opened
        if first and not self.should_process(f"Path: {full}", self.action):
            self._failed.add(full)
            return
        data = self._encode(values)
        truncate = first and not self.append
        try:
            if self.Force and os.path.exists(full) and not os.access(full, os.W_OK):
                os.chmod(full, os.stat(full).st_mode | 0o200)
            empty = truncate or not os.path.exists(full) or os.path.getsize(full) == 0
            with open(full, "wb" if truncate else "ab") as f:
                if empty and not self.AsByteStream:
                    enc = _encoding(self)
                    if enc is not None:
                        f.write(bytes(enc.GetPreamble()))
                f.write(data)
        except OSError as e:
            self.report_os(e, full, self.writer_prefix)
            self._failed.add(full)
            return
        self._opened[full] = True
        if self.PassThru:
            for v in values:
                self.write_object(v)

    def _session(self, pp, values: list) -> None:
        drive = self.session_drive(pp)
        if self.append:
            self.write_error(self.error_record(
                f"Add-Content is not supported on the {pp.drive}: drive in pwshlike.",
                "NotSupported", "NotImplemented", pp.path, exc("PSNotSupportedException")))
            return
        if not pp.path or not self.should_process(f"Path: {pp.drive}:\\{pp.path}", self.action):
            return
        value = values[0] if len(values) == 1 else list(values)
        drive.set(self.ctx, self._proc.scope, pp.path, value)
        if self.PassThru:
            for v in values:
                self.write_object(v)


class SetContentCommand(_WriteContent):
    fq_name = "Microsoft.PowerShell.Commands.SetContentCommand"
    action = "Set Content"

    def end_processing(self) -> None:
        # 'Set-Content f -Value @()' and an empty pipeline still leave an empty file
        if self._opened or self._failed:
            return
        for pp in self._targets():
            if pp.provider == FILESYSTEM:
                self._write_file(pp.path, [])


class AddContentCommand(_WriteContent):
    fq_name = "Microsoft.PowerShell.Commands.AddContentCommand"
    append = True
    action = "Add Content"


# --- Clear-Content -------------------------------------------------------------------------------
class ClearContentCommand(_ContentCmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ClearContentCommand"

    def process_record(self) -> None:
        for pp in self.existing():
            if pp.provider != FILESYSTEM:
                if self.should_process(f"Item: {pp.drive}:\\{pp.path}", "Clear Content"):
                    self.session_drive(pp).set(self.ctx, self._proc.scope, pp.path, "")
                continue
            if os.path.isdir(pp.path):
                self.write_error(self.error_record(
                    f"Access to the path '{pp.path}' is denied.",
                    "ClearContentUnauthorizedAccessError", "PermissionDenied", pp.path,
                    exc("UnauthorizedAccessException")))
                continue
            if not self.should_process(f"Item: {pp.path}", "Clear Content"):
                continue
            try:
                if self.Force and not os.access(pp.path, os.W_OK):
                    os.chmod(pp.path, os.stat(pp.path).st_mode | 0o200)
                with open(pp.path, "r+b") as f:
                    f.truncate(0)
            except OSError as e:
                self.report_os(e, pp.path, "ClearContent")
