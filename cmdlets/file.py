"""Get-FileHash (hashes of files and streams) and New-TemporaryFile."""
from __future__ import annotations

import os

from pwshlike.cmdlet import Cmdlet
from pwshlike.host.formatting import LEFT, TableColumn, TableView
from pwshlike.providers import FILESYSTEM

from ._files import PathMissing, path_not_found, provider_paths
from ._session import as_list, exc

# -Algorithm name -> hashlib name
HASH_ALGORITHMS = {"SHA1": "sha1", "SHA256": "sha256", "SHA384": "sha384", "SHA512": "sha512",
                   "MD5": "md5"}
_CHUNK = 1 << 20


class FileHashInfo:
    """Microsoft.PowerShell.Commands.FileHashInfo, shown as pwsh's table (15/70/rest)."""

    dotnet_fullname = "Microsoft.PowerShell.Commands.FileHashInfo"
    ps_properties = ("Algorithm", "Hash", "Path")
    ps_table_view = TableView(
        columns=(TableColumn("Algorithm", width=15, alignment=LEFT),
                 TableColumn("Hash", width=70, alignment=LEFT), TableColumn("Path")),
        type_keys=frozenset({"Microsoft.PowerShell.Commands.FileHashInfo"}))

    def __init__(self, algorithm: str, hash_: str, path: str) -> None:
        self.Algorithm = algorithm
        self.Hash = hash_
        self.Path = path

    def ToString(self) -> str:
        return "@{" + f"Algorithm={self.Algorithm}; Hash={self.Hash}; Path={self.Path}" + "}"


def hash_stream(algorithm: str, stream) -> str:
    """Upper-case hex digest of what ``stream.read`` gives until the end."""
    import hashlib
    h = hashlib.new(HASH_ALGORITHMS[algorithm])
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return h.hexdigest().upper()
        h.update(chunk)


class GetFileHashCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetFileHashCommand"

    def begin_processing(self) -> None:
        self.algorithm = str(self.Algorithm).upper() if self.Algorithm is not None else "SHA256"

    def process_record(self) -> None:
        literal = self.is_bound("LiteralPath")
        if not literal and not self.is_bound("Path"):
            return
        for path in as_list(self.LiteralPath if literal else self.Path):
            try:
                provider, found = provider_paths(self, path, literal)
            except PathMissing as e:
                self.write_error(path_not_found(self, e.full, "FileNotFound"))
                continue
            for full in found:
                self._hash_file(full if provider == FILESYSTEM else path)

    def end_processing(self) -> None:
        if self.is_bound("InputStream"):
            stream = self.InputStream
            self.write_object(FileHashInfo(self.algorithm, hash_stream(self.algorithm, stream),
                                           ""))

    def _hash_file(self, full: str) -> None:
        from pwshlike.providers.fsops import dotnet_message
        if os.path.isdir(full):
            self.write_error(self.error_record(
                f"Access to the path '{full}' is denied.", "UnauthorizedAccessError",
                "InvalidData", full, exc("UnauthorizedAccessException")))
            return
        try:
            with open(full, "rb") as f:
                digest = hash_stream(self.algorithm, f)
        except OSError as e:
            name, message = dotnet_message(e, full)
            error_id, category = {
                "FileNotFoundException": ("FileNotFound", "ObjectNotFound"),
                "DirectoryNotFoundException": ("FileNotFound", "ObjectNotFound"),
                "UnauthorizedAccessException": ("UnauthorizedAccessError", "InvalidData"),
            }.get(name, ("FileReadError", "ReadError"))
            self.write_error(self.error_record(message, error_id, category, full, exc(name)))
            return
        self.write_object(FileHashInfo(self.algorithm, digest, full))


class NewTemporaryFileCommand(Cmdlet):
    """Creates ``tmp<random>.tmp`` in the temporary folder and writes its FileInfo."""

    fq_name = "Microsoft.PowerShell.Commands.NewTemporaryFileCommand"

    def end_processing(self) -> None:
        from pwshlike.providers.filesystem import item_for
        from pwshlike.runtime.dotnet.statics_io import get_temp_file_name, get_temp_path
        folder = get_temp_path()
        if not self.should_process(folder):
            return
        try:
            path = get_temp_file_name()
        except OSError as e:
            self.throw_terminating_error(self.error_record(
                f"{e.strerror or e} : '{folder}'", "NewTemporaryFileWriteError", "WriteError",
                folder, exc("IOException")))
        self.write_object(item_for(path))
