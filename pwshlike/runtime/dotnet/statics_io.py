"""[System.IO.Path], [System.IO.File], [System.IO.Directory] and the hash algorithms of
System.Security.Cryptography.

As in .NET, relative paths are relative to the process's working directory (not $PWD), and
paths follow Unix rules: '/' is the only separator.
"""
from __future__ import annotations

import datetime as _dt
import os
import re

from ..convert import to_str
from ..typenames import Char
from ..types import StaticProperty
from .common import (
    a_bool,
    a_int,
    a_list,
    a_str,
    arg_null,
    byte_array,
    char_array,
    net_error,
    static,
    string_array,
    to_bytes,
)


def const(value) -> StaticProperty:
    return StaticProperty(lambda: value)


# --- Path ----------------------------------------------------------------------------------------
def _p(v, pname: str = "path") -> str | None:
    return None if v is None else a_str(v, pname)


def _paths(args: tuple, pname: str) -> list[str]:
    items = a_list(args[0]) if len(args) == 1 and isinstance(args[0], list) else list(args)
    out = []
    for i, x in enumerate(items):
        if x is None:
            raise arg_null(f"{pname}{i + 1}" if len(args) > 1 else "paths")
        out.append(a_str(x))
    return out


def path_combine(*args) -> str:
    result = ""
    for p in _paths(args, "path"):
        if not p:
            continue
        if p.startswith("/") or not result:
            result = p
        elif result.endswith("/"):
            result += p
        else:
            result += "/" + p
    return result


def path_join(*args) -> str:
    result = ""
    for p in ("" if x is None else a_str(x) for x in (
            a_list(args[0]) if len(args) == 1 and isinstance(args[0], list) else args)):
        if not p:
            continue
        if result and not result.endswith("/") and not p.startswith("/"):
            result += "/"
        result += p
    return result


def get_file_name(path):
    p = _p(path)
    return None if p is None else p[p.rfind("/") + 1:]


def get_extension(path):
    p = _p(path)
    if p is None:
        return None
    name = p[p.rfind("/") + 1:]
    i = name.rfind(".")
    return "" if i < 0 or i == len(name) - 1 else name[i:]


def get_file_name_without_extension(path):
    name = get_file_name(path)
    if name is None:
        return None
    i = name.rfind(".")
    return name if i < 0 else name[:i]


def get_directory_name(path):
    p = _p(path)
    if p is None or not p.strip():
        return None
    root = 1 if p.startswith("/") else 0
    end = p.rfind("/")
    if end < root:
        return None if root and len(p.rstrip("/")) == 0 else ("" if end < 0 else "/")
    while end > root and p[end - 1] == "/":
        end -= 1
    return re.sub("/+", "/", p[:end]) or "/"


def change_extension(path, ext):
    p = _p(path)
    if p is None:
        return None
    name_start = p.rfind("/") + 1
    i = p.rfind(".")
    base = p[:i] if i >= name_start else p
    if ext is None:
        return base
    e = a_str(ext, "extension")
    if e == "":
        return base + "."
    return base + (e if e.startswith(".") else "." + e)


def get_full_path(path, base=None):
    if path is None:
        raise arg_null("path")
    p = a_str(path)
    if not p:
        raise net_error("ArgumentException", "The value cannot be an empty string.", "path")
    start = a_str(base, "basePath") if base is not None else os.getcwd()
    full = os.path.normpath(os.path.join(start, p))
    if full.startswith("//"):
        full = "/" + full.lstrip("/")
    return full + "/" if p.endswith("/") and full != "/" else full


def get_temp_path() -> str:
    t = os.environ.get("TMPDIR") or "/tmp/"
    return t if t.endswith("/") else t + "/"


def get_temp_file_name() -> str:
    import tempfile
    fd, name = tempfile.mkstemp(prefix="tmp", suffix=".tmp", dir=get_temp_path())
    os.close(fd)
    return name


def get_random_file_name() -> str:
    import secrets
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    s = "".join(secrets.choice(alphabet) for _ in range(11))
    return s[:8] + "." + s[8:]


def get_relative_path(relative_to, path):
    a, b = get_full_path(relative_to), get_full_path(path)
    return os.path.relpath(b, a)


PATH_STATICS = {
    "directoryseparatorchar": const(Char("/")),
    "altdirectoryseparatorchar": const(Char("/")),
    "pathseparator": const(Char(":")), "volumeseparatorchar": const(Char("/")),
    "combine": static("Combine", None)(path_combine),
    "join": static("Join", None)(path_join),
    "getfilename": static("GetFileName", 1)(get_file_name),
    "getfilenamewithoutextension": static("GetFileNameWithoutExtension", 1)(
        get_file_name_without_extension),
    "getextension": static("GetExtension", 1)(get_extension),
    "getdirectoryname": static("GetDirectoryName", 1)(get_directory_name),
    "changeextension": static("ChangeExtension", 2)(change_extension),
    "getfullpath": static("GetFullPath", (1, 2))(get_full_path),
    "gettemppath": static("GetTempPath", 0)(get_temp_path),
    "gettempfilename": static("GetTempFileName", 0)(get_temp_file_name),
    "getrandomfilename": static("GetRandomFileName", 0)(get_random_file_name),
    "ispathrooted": static("IsPathRooted", 1)(lambda p: bool(_p(p)) and _p(p).startswith("/")),
    "ispathfullyqualified": static("IsPathFullyQualified", 1)(
        lambda p: bool(_p(p)) and _p(p).startswith("/")),
    "getpathroot": static("GetPathRoot", 1)(
        lambda p: None if _p(p) is None else ("/" if _p(p).startswith("/") else "")),
    "hasextension": static("HasExtension", 1)(lambda p: bool(get_extension(p))),
    "endsindirectoryseparator": static("EndsInDirectorySeparator", 1)(
        lambda p: bool(_p(p)) and _p(p).endswith("/")),
    "trimendingdirectoryseparator": static("TrimEndingDirectorySeparator", 1)(
        lambda p: _p(p) if not _p(p) or _p(p) == "/" else _p(p).rstrip("/") or "/"),
    "getrelativepath": static("GetRelativePath", 2)(get_relative_path),
    "exists": static("Exists", 1)(lambda p: bool(_p(p)) and os.path.exists(_p(p))),
    "getinvalidfilenamechars": static("GetInvalidFileNameChars", 0)(
        lambda: char_array("\x00/")),
    "getinvalidpathchars": static("GetInvalidPathChars", 0)(lambda: char_array("\x00")),
}


# --- File ------------------------------------------------------------------------------------------
def _full(path, pname: str = "path") -> str:
    if path is None:
        raise arg_null(pname)
    p = a_str(path, pname)
    if not p:
        raise net_error("ArgumentException", "The value cannot be an empty string.", pname)
    return os.path.abspath(p)


def io_error(e: OSError, full: str, directory: bool = False) -> Exception:
    if isinstance(e, FileNotFoundError):
        parent = os.path.dirname(full)
        if directory or (parent and not os.path.isdir(parent)):
            return net_error("DirectoryNotFoundException",
                             f"Could not find a part of the path '{full}'.")
        return net_error("FileNotFoundException", f"Could not find file '{full}'.")
    if isinstance(e, (PermissionError, IsADirectoryError)):
        return net_error("UnauthorizedAccessException", f"Access to the path '{full}' is denied.")
    if isinstance(e, FileExistsError):
        return net_error("IOException", f"The file '{full}' already exists.")
    if isinstance(e, NotADirectoryError):
        return net_error("IOException", f"Not a directory : '{full}'")
    return net_error("IOException", e.strerror or str(e))


def _read(path) -> tuple[str, bytes]:
    full = _full(path)
    try:
        with open(full, "rb") as f:
            return full, f.read()
    except OSError as e:
        raise io_error(e, full) from None


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode_text(data: bytes, encoding=None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    if encoding is not None:
        from .statics_text import get_encoding
        return get_encoding(encoding).decode(data)
    return data.decode("utf-8", "replace")


def _encode(text: str, encoding, with_bom: bool) -> bytes:
    if encoding is None:
        return text.encode("utf-8", "replace")
    from .statics_text import get_encoding
    enc = get_encoding(encoding)
    return (enc._bom if with_bom else b"") + enc.encode(text)


def _write(path, data: bytes, append: bool = False) -> None:
    full = _full(path)
    try:
        with open(full, "ab" if append else "wb") as f:
            f.write(data)
    except OSError as e:
        raise io_error(e, full) from None


def _lines(text: str) -> list[str]:
    parts = re.split(r"\r\n|\r|\n", text)
    if parts and parts[-1] == "":
        parts.pop()
    return parts


def _joined_lines(lines) -> str:
    return "".join(("" if x is None else to_str(x)) + "\n" for x in a_list(lines))


def _append_text(path, text, encoding=None):
    exists = os.path.exists(_full(path))
    _write(path, _encode("" if text is None else to_str(text), encoding, not exists), True)


def _copy(src, dst, overwrite=False):
    import shutil
    s, d = _full(src, "sourceFileName"), _full(dst, "destFileName")
    if os.path.isdir(d):
        raise net_error("IOException", f"The target file '{d}' is a directory, not a file.")
    if os.path.exists(d) and not a_bool(overwrite):
        raise net_error("IOException", f"The file '{d}' already exists.")
    try:
        shutil.copyfile(s, d)
    except OSError as e:
        raise io_error(e, s if not os.path.exists(s) else d) from None


def _move(src, dst, overwrite=False, directory: bool = False):
    s, d = _full(src, "sourceFileName"), _full(dst, "destFileName")
    if os.path.exists(d) and not a_bool(overwrite):
        raise net_error("IOException", f"Cannot create '{d}' because a file or directory with "
                        "the same name already exists." if directory else
                        f"The file '{d}' already exists.")
    try:
        os.replace(s, d) if not directory else os.rename(s, d)
    except OSError as e:
        raise io_error(e, s, directory) from None


def _delete_file(path):
    full = _full(path)
    try:
        os.remove(full)
    except FileNotFoundError:
        if not os.path.isdir(os.path.dirname(full)):
            raise net_error("DirectoryNotFoundException",
                            f"Could not find a part of the path '{full}'.") from None
    except OSError as e:
        raise io_error(e, full) from None


def _mtime(path, utc: bool = False, which: str = "st_mtime"):
    full = _full(path)
    try:
        ts = getattr(os.stat(full), which)
    except OSError:
        d = _dt.datetime(1601, 1, 1, tzinfo=_dt.UTC)
        return d if utc else d.astimezone().replace(tzinfo=None)
    d = _dt.datetime.fromtimestamp(ts, _dt.UTC)
    return d if utc else d.astimezone().replace(tzinfo=None)


def _set_mtime(path, when):
    from .common import ps_type
    full = _full(path)
    d = ps_type("System.DateTime").convert(when)
    ts = d.timestamp()
    try:
        os.utime(full, (ts, ts))
    except OSError as e:
        raise io_error(e, full) from None


FILE_STATICS = {
    "readalltext": static("ReadAllText", (1, 2))(
        lambda p, enc=None: decode_text(_read(p)[1], enc)),
    "readalllines": static("ReadAllLines", (1, 2))(
        lambda p, enc=None: string_array(_lines(decode_text(_read(p)[1], enc)))),
    "readlines": static("ReadLines", (1, 2))(
        lambda p, enc=None: string_array(_lines(decode_text(_read(p)[1], enc)))),
    "readallbytes": static("ReadAllBytes", 1)(lambda p: byte_array(_read(p)[1])),
    "writealltext": static("WriteAllText", (2, 3))(
        lambda p, t, enc=None: _write(p, _encode("" if t is None else to_str(t), enc, True))),
    "writealllines": static("WriteAllLines", (2, 3))(
        lambda p, lines, enc=None: _write(p, _encode(_joined_lines(lines), enc, True))),
    "appendalltext": static("AppendAllText", (2, 3))(_append_text),
    "appendalllines": static("AppendAllLines", (2, 3))(
        lambda p, lines, enc=None: _append_text(p, _joined_lines(lines), enc)),
    "writeallbytes": static("WriteAllBytes", 2)(lambda p, b: _write(p, to_bytes(b))),
    "exists": static("Exists", 1)(
        lambda p: p is not None and bool(a_str(p)) and os.path.isfile(a_str(p))),
    "delete": static("Delete", 1)(_delete_file),
    "copy": static("Copy", (2, 3))(_copy),
    "move": static("Move", (2, 3))(_move),
    "getlastwritetime": static("GetLastWriteTime", 1)(_mtime),
    "getlastwritetimeutc": static("GetLastWriteTimeUtc", 1)(lambda p: _mtime(p, True)),
    "getcreationtime": static("GetCreationTime", 1)(lambda p: _mtime(p, False, "st_ctime")),
    "getlastaccesstime": static("GetLastAccessTime", 1)(lambda p: _mtime(p, False, "st_atime")),
    "setlastwritetime": static("SetLastWriteTime", 2)(_set_mtime),
}


# --- Directory -------------------------------------------------------------------------------------
class DirectoryInfo:
    """A minimal System.IO.DirectoryInfo (CreateDirectory's and GetParent's result)."""
    dotnet_class = True
    dotnet_fullname = "System.IO.DirectoryInfo"
    ps_properties = ("Name", "FullName", "Exists", "Parent")
    __slots__ = ("_full", "_original")

    def __init__(self, path: str) -> None:
        self._original = path
        self._full = get_full_path(path)

    @property
    def FullName(self) -> str:
        return self._full

    @property
    def Name(self) -> str:
        stripped = self._full.rstrip("/")
        return stripped[stripped.rfind("/") + 1:] if stripped else "/"

    @property
    def Exists(self) -> bool:
        return os.path.isdir(self._full)

    @property
    def Parent(self):
        parent = get_directory_name(self._full.rstrip("/") or "/")
        return None if parent is None else DirectoryInfo(parent)

    @property
    def Root(self):
        return DirectoryInfo("/")

    def ToString(self) -> str:
        return self._original

    def __str__(self) -> str:
        return self._original


def _create_directory(path):
    full = _full(path)
    try:
        os.makedirs(full, exist_ok=True)
    except FileExistsError:
        raise net_error("IOException", f"The file '{full}' already exists.") from None
    except OSError as e:
        raise io_error(e, full, True) from None
    return DirectoryInfo(a_str(path))


def _entries(path, pattern="*", option=None, kind: str = "all"):
    import fnmatch
    base = a_str(path, "path") if path is not None else None
    if base is None:
        raise arg_null("path")
    full = _full(base)
    if not os.path.isdir(full):
        raise net_error("DirectoryNotFoundException",
                        f"Could not find a part of the path '{full}'.")
    pat = "*" if pattern is None else a_str(pattern, "searchPattern")
    recursive = False
    if option is not None:
        from .enums import SearchOption
        recursive = int(SearchOption.convert(option)) == 1
    out = []
    for root, dirs, files in os.walk(full):
        dirs.sort()
        rel = os.path.relpath(root, full)
        prefix = base if rel == "." else path_combine(base, rel)
        names = []
        if kind in ("all", "dirs"):
            names += [d for d in dirs]
        if kind in ("all", "files"):
            names += files
        for n in sorted(names):
            if fnmatch.fnmatchcase(n, pat):
                out.append(path_combine(prefix, n))
        if not recursive:
            break
    return string_array(out)


def _delete_directory(path, recursive=False):
    import shutil
    full = _full(path)
    if not os.path.isdir(full):
        raise net_error("DirectoryNotFoundException",
                        f"Could not find a part of the path '{full}'.")
    try:
        if a_bool(recursive):
            shutil.rmtree(full)
        else:
            os.rmdir(full)
    except OSError as e:
        if os.listdir(full):
            raise net_error("IOException", f"Directory not empty : '{full}'") from None
        raise io_error(e, full, True) from None


def _set_current_directory(path):
    full = _full(path)
    try:
        os.chdir(full)
    except OSError:
        raise net_error("DirectoryNotFoundException",
                        f"Could not find a part of the path '{full}'.") from None


def _get_parent(path):
    full = _full(path)
    parent = get_directory_name(full.rstrip("/") or "/")
    return None if parent is None else DirectoryInfo(parent)


DIRECTORY_STATICS = {
    "exists": static("Exists", 1)(
        lambda p: p is not None and bool(a_str(p)) and os.path.isdir(a_str(p))),
    "createdirectory": static("CreateDirectory", (1, 2))(lambda p, *r: _create_directory(p)),
    "delete": static("Delete", (1, 2))(_delete_directory),
    "getfiles": static("GetFiles", (1, 2, 3))(
        lambda p, pat=None, opt=None: _entries(p, pat, opt, "files")),
    "getdirectories": static("GetDirectories", (1, 2, 3))(
        lambda p, pat=None, opt=None: _entries(p, pat, opt, "dirs")),
    "getfilesystementries": static("GetFileSystemEntries", (1, 2, 3))(
        lambda p, pat=None, opt=None: _entries(p, pat, opt, "all")),
    "enumeratefiles": static("EnumerateFiles", (1, 2, 3))(
        lambda p, pat=None, opt=None: _entries(p, pat, opt, "files")),
    "enumeratedirectories": static("EnumerateDirectories", (1, 2, 3))(
        lambda p, pat=None, opt=None: _entries(p, pat, opt, "dirs")),
    "enumeratefilesystementries": static("EnumerateFileSystemEntries", (1, 2, 3))(
        lambda p, pat=None, opt=None: _entries(p, pat, opt, "all")),
    "getcurrentdirectory": static("GetCurrentDirectory", 0)(os.getcwd),
    "setcurrentdirectory": static("SetCurrentDirectory", 1)(_set_current_directory),
    "move": static("Move", 2)(lambda s, d: _move(s, d, False, True)),
    "getparent": static("GetParent", 1)(_get_parent),
    "getlastwritetime": static("GetLastWriteTime", 1)(_mtime),
}


# --- cryptography ---------------------------------------------------------------------------------
_HASHES = {"sha1": ("SHA1", 160), "sha256": ("SHA256", 256), "sha384": ("SHA384", 384),
           "sha512": ("SHA512", 512), "md5": ("MD5", 128)}


class HashAlgorithm:
    """SHA1/SHA256/SHA384/SHA512/MD5 (``Create()``) and HMAC* (``new(key)``)."""
    dotnet_class = True
    __slots__ = ("_algo", "_hash", "_key")

    def __init__(self, algo: str, key: bytes | None = None) -> None:
        self._algo, self._key, self._hash = algo, key, None

    @property
    def type_fullname(self) -> str:
        name = _HASHES[self._algo][0]
        if self._key is not None:
            return f"System.Security.Cryptography.HMAC{name}"
        return f"System.Security.Cryptography.{name}+Implementation"

    def _digest(self, data: bytes) -> bytes:
        import hashlib
        import hmac
        if self._key is not None:
            return hmac.new(self._key, data, self._algo).digest()
        return hashlib.new(self._algo, data).digest()

    def ComputeHash(self, data, offset=None, count=None) -> list:
        if data is None:
            raise arg_null("buffer")
        if hasattr(data, "read"):
            b = data.read()
        else:
            b = to_bytes(data, "buffer")
        if offset is not None:
            o, n = a_int(offset, "offset"), a_int(count, "count")
            b = b[o:o + n]
        self._hash = self._digest(b)
        return byte_array(self._hash)

    @property
    def Hash(self):
        return None if self._hash is None else byte_array(self._hash)

    @property
    def HashSize(self) -> int:
        return _HASHES[self._algo][1]

    @property
    def Key(self):
        return None if self._key is None else byte_array(self._key)

    @Key.setter
    def Key(self, value) -> None:
        self._key = to_bytes(value, "value")

    def Initialize(self) -> None:
        self._hash = None

    def Clear(self) -> None:
        self._hash = None

    def Dispose(self) -> None:
        self._hash = None

    def ToString(self) -> str:
        return self.type_fullname


def _hash_statics(algo: str) -> dict:
    bits = _HASHES[algo][1]
    return {
        "create": static("Create", (0, 1))(lambda *a: HashAlgorithm(algo)),
        "hashdata": static("HashData", 1)(lambda b: HashAlgorithm(algo).ComputeHash(b)),
        "hashsizeinbits": const(bits), "hashsizeinbytes": const(bits // 8),
        "new": static(".ctor", 0)(lambda: HashAlgorithm(algo)),
    }


def _hmac_statics(algo: str) -> dict:
    def new(key=None):
        import secrets
        return HashAlgorithm(algo, to_bytes(key, "key") if key is not None else
                             secrets.token_bytes(64))
    return {
        "new": static(".ctor", (0, 1))(new),
        "hashdata": static("HashData", 2)(
            lambda k, b: HashAlgorithm(algo, to_bytes(k, "key")).ComputeHash(b)),
    }


def _hash_create(name=None):
    key = "sha1" if name is None else a_str(name, "hashName").lower().replace("-", "").replace(
        "system.security.cryptography.", "")
    if key not in _HASHES:
        return None
    return HashAlgorithm(key)


class RandomNumberGenerator:
    dotnet_class = True
    dotnet_fullname = "System.Security.Cryptography.RandomNumberGenerator"
    __slots__ = ()

    def GetBytes(self, data, *rest) -> None:
        import secrets
        if data is None:
            raise arg_null("data")
        from .. import numeric as N
        for i in range(len(data)):
            data[i] = N.Byte(secrets.randbelow(256))

    def GetNonZeroBytes(self, data) -> None:
        import secrets

        from .. import numeric as N
        for i in range(len(data)):
            data[i] = N.Byte(secrets.randbelow(255) + 1)

    def Dispose(self) -> None:
        return None


def _rng_int(a, b=None):
    import secrets
    lo, hi = (0, a_int(a, "toExclusive")) if b is None else (a_int(a, "fromInclusive"),
                                                              a_int(b, "toExclusive"))
    if lo >= hi:
        from .common import arg_range
        raise arg_range("toExclusive" if b is None else "fromInclusive",
                        "Range of random number does not contain at least one possibility.")
    return lo + secrets.randbelow(hi - lo)


CRYPTO_STATICS = {
    f"system.security.cryptography.{k}": _hash_statics(k) for k in _HASHES}
CRYPTO_STATICS.update({
    f"system.security.cryptography.hmac{k}": _hmac_statics(k) for k in _HASHES})
CRYPTO_STATICS["system.security.cryptography.hashalgorithm"] = {
    "create": static("Create", (0, 1))(_hash_create)}
CRYPTO_STATICS["system.security.cryptography.randomnumbergenerator"] = {
    "create": static("Create", 0)(RandomNumberGenerator),
    "getbytes": static("GetBytes", 1)(
        lambda n: byte_array(__import__("secrets").token_bytes(a_int(n, "count")))),
    "getint32": static("GetInt32", (1, 2))(_rng_int),
}
