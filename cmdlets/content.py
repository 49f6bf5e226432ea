"""Get-Content, Set-Content, Add-Content and Clear-Content.

Files are read as pwsh's StreamReader reads them: a byte-order mark, when present, picks
the encoding (and is dropped); otherwise ``-Encoding`` (default UTF-8) decodes.  Lines end
at ``\\r\\n``, ``\\n`` or ``\\r``.  Writing follows pwsh 7 on Linux: UTF-8 without a BOM,
``\\n`` after each value, the encoding's preamble at the start of a new or emptied file.
Session drives (``Env:``, ``Variable:``, ``Function:``, ``Alias:``) read and set values.
"""
from __future__ import annotations

import codecs
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

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
_CHUNK = 1 << 16
NEWLINE = "\n"


def decoded_chunks(f, encoding=None) -> Iterator[str]:
    """The text of the binary file ``f``, piece by piece: a byte-order mark, when present,
    picks the encoding (and is dropped), else ``encoding``, else UTF-8.  Reading stops when
    the reader stops asking (Select-Object -First downstream)."""
    head = b""
    while len(head) < 4:                # enough for any byte-order mark
        chunk = f.read1(_CHUNK)
        if not chunk:
            break
        head += chunk
    for bom, codec in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):]
            dec = codecs.getincrementaldecoder(codec)("replace").decode
            break
    else:
        dec = encoding.incremental_decoder() if encoding is not None else \
            codecs.getincrementaldecoder("utf-8")("replace").decode
    yield dec(head, False)
    while chunk := f.read1(_CHUNK):
        yield dec(chunk, False)
    yield dec(b"", True)


def decode(data: bytes, encoding=None) -> str:
    """A whole file's bytes as text, decoded as :func:`decoded_chunks` decodes."""
    import io
    return "".join(decoded_chunks(io.BufferedReader(io.BytesIO(data)), encoding))


def split_lines(text: str) -> list[str]:
    """StreamReader.ReadLine's lines of a whole text."""
    return list(stream_lines((text,)))


def stream_lines(texts: Iterable[str]) -> Iterator[str]:
    """StreamReader.ReadLine's lines of text arriving in pieces, each as soon as its end is
    read: lines end at \\r\\n, \\n or \\r, and a final line end does not start another
    line."""
    pending: list[str] = []     # the line being read, not ended yet
    for text in texts:
        if "\n" not in text and "\r" not in text and not (pending and pending[-1].endswith("\r")):
            if text:
                pending.append(text)    # no line ends here: joined once one comes
            continue
        data = "".join(pending) + text
        # a '\r' last may be the first half of '\r\n': it waits for the next piece
        held = "\r" if data[-1] == "\r" else ""
        lines = _LINE_END.split(data[:-1] if held else data)
        pending = [lines.pop() + held]      # the line not ended yet (maybe "")
        yield from lines
    last = "".join(pending)
    if last:
        yield last[:-1] if last[-1] == "\r" else last


def stream_delimited(texts: Iterable[str], delimiter: str) -> Iterator[str]:
    """-Delimiter: chunks of text arriving in pieces, each keeping the delimiter that ends
    it."""
    if not delimiter:
        text = "".join(texts)
        if text:
            yield text
        return
    pending = ""
    for text in texts:
        start = 0
        search = max(0, len(pending) - len(delimiter) + 1)    # where a new match can start
        pending += text
        while (i := pending.find(delimiter, search)) >= 0:
            yield pending[start:i + len(delimiter)]
            start = search = i + len(delimiter)
        pending = pending[start:]
    if pending:
        yield pending


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
                f = open(pp.path, "rb")     # noqa: SIM115 - closed below, also when stopped
            except OSError as e:
                self.report_os(e, pp.path, "GetContentReader")
                continue
            with f:
                self._emit(self._items(f), total, tail)

    def _items(self, f) -> Iterator:
        """The file's items as they are read: lines, -Delimiter chunks or bytes; one item
        with -Raw."""
        if self.AsByteStream:
            from pwshlike.runtime.dotnet.common import byte_array
            if self.Raw:
                data = f.read()
                return iter([byte_array(data)] if data else [])
            return (b for chunk in iter(lambda: f.read1(_CHUNK), b"")
                    for b in byte_array(chunk))
        texts = decoded_chunks(f, _encoding(self))
        if self.Raw:
            text = "".join(texts)
            return iter([text] if text else [])
        if self.is_bound("Delimiter") and self.Delimiter is not None:
            return stream_delimited(texts, to_str(self.Delimiter))
        return stream_lines(texts)

    def _emit(self, items: Iterator, total: int, tail: int) -> None:
        """Write the items, no more than -TotalCount (reading no further) or the last -Tail,
        one by one or in -ReadCount arrays."""
        if tail >= 0:
            items = iter(deque(items, maxlen=tail) if tail else ())
        if total > 0:
            items = islice(items, total)
        count = int(self.ReadCount) if self.ReadCount is not None else 1
        if count == 1:
            write = self.write_object
            for item in items:
                write(item)
            return
        if count <= 0:
            batch = list(items)
            if batch:
                self.write_object(batch)
            return
        batch = []
        for item in items:
            batch.append(item)
            if len(batch) == count:
                self.write_object(batch)
                batch = []
        if batch:
            self.write_object(batch)

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
