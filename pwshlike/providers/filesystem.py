"""File and folder items (System.IO.FileInfo / DirectoryInfo as pwsh decorates them).

The objects carry pwsh's extra properties (``PSPath``, ``PSParentPath``, ``Mode``,
``UnixMode``, ``BaseName`` ...) and the Unix table view pwsh 7.4+ uses for
``Get-ChildItem`` on Linux, grouped by parent folder under a ``Directory:`` heading.
"""
from __future__ import annotations

import datetime
import functools
import os
import stat

_FS_PREFIX = "Microsoft.PowerShell.Core\\FileSystem::"


class FileSystemInfo:
    """Shared behaviour of files and folders; the item is read from disk when made."""

    dotnet_class = True
    is_container = False

    def __init__(self, full_path: str, st: os.stat_result | None = None) -> None:
        self._full = full_path
        try:
            self._st = st or os.lstat(full_path)
        except OSError:
            self._st = None

    # --- names -----------------------------------------------------------------------------------
    @property
    def FullName(self) -> str:
        return self._full

    @property
    def Name(self) -> str:
        return os.path.basename(self._full.rstrip("/")) or "/"

    @property
    def Extension(self) -> str:
        name = self.Name
        dot = name.rfind(".")
        return name[dot:] if dot > 0 or (dot == 0 and self.is_container is False and
                                          len(name) > 1) else ""

    @property
    def BaseName(self) -> str:
        name = self.Name
        ext = self.Extension
        return name[: len(name) - len(ext)] if ext and not self.is_container else name

    @property
    def Exists(self) -> bool:
        return self._st is not None

    @property
    def PSIsContainer(self) -> bool:
        return self.is_container

    @property
    def PSPath(self) -> str:
        return _FS_PREFIX + self._full

    @property
    def PSParentPath(self) -> str:
        parent = os.path.dirname(self._full.rstrip("/"))
        return _FS_PREFIX + parent if self._full != "/" else ""

    @property
    def PSChildName(self) -> str:
        return self.Name

    @property
    def PSProvider(self) -> str:
        return "Microsoft.PowerShell.Core\\FileSystem"

    @property
    def PSDrive(self) -> str:
        return "/"

    # --- times and attributes --------------------------------------------------------------------
    def _time(self, field: str):
        if self._st is None:
            return datetime.datetime(1601, 1, 1)
        return datetime.datetime.fromtimestamp(getattr(self._st, field))

    @property
    def LastWriteTime(self):
        return self._time("st_mtime")

    @property
    def LastAccessTime(self):
        return self._time("st_atime")

    @property
    def CreationTime(self):
        st = self._st
        if st is not None and hasattr(st, "st_birthtime"):
            return datetime.datetime.fromtimestamp(st.st_birthtime)
        return self._time("st_mtime")

    @property
    def LastWriteTimeUtc(self):
        return self.LastWriteTime.astimezone(datetime.UTC).replace(tzinfo=None)

    @property
    def _is_link(self) -> bool:
        return self._st is not None and stat.S_ISLNK(self._st.st_mode)

    @property
    def Attributes(self) -> str:
        names = []
        if self.Name.startswith("."):
            names.append("Hidden")
        if self.is_container:
            names.append("Directory")
        if self._is_link:
            names.append("ReparsePoint")
        if not os.access(self._full, os.W_OK) and os.path.exists(self._full):
            names.insert(0, "ReadOnly")
        return ", ".join(names) or "Normal"

    def _mode(self, hard_links: bool) -> str:
        attrs = self.Attributes
        link = self._is_link or (hard_links and not self.is_container and self._st is not None
                                 and self._st.st_nlink > 1)
        return "".join(("l" if link else ("d" if self.is_container else "-"), "-",
                        "r" if "ReadOnly" in attrs else "-",
                        "h" if "Hidden" in attrs else "-", "-"))

    @property
    def Mode(self) -> str:
        return self._mode(True)

    @property
    def ModeWithoutHardLink(self) -> str:
        return self._mode(False)

    @property
    def UnixMode(self) -> str:
        return stat.filemode(self._st.st_mode) if self._st is not None else ""

    @property
    def User(self) -> str:
        return _user(self._st.st_uid) if self._st is not None else ""

    @property
    def Group(self) -> str:
        return _group(self._st.st_gid) if self._st is not None else ""

    @property
    def Size(self) -> int:
        return self._st.st_size if self._st is not None else 0

    @property
    def LinkType(self):
        if self._is_link:
            return "SymbolicLink"
        if not self.is_container and self._st is not None and self._st.st_nlink > 1:
            return "HardLink"
        return None

    @property
    def Target(self):
        return os.readlink(self._full) if self._is_link else None

    @property
    def NameString(self) -> str:
        return f"{self.Name} -> {self.Target}" if self._is_link else self.Name

    @staticmethod
    def ps_table_view():
        return children_view()

    # --- methods ------------------------------------------------------------------------------------
    def ToString(self) -> str:
        return self._full

    def __str__(self) -> str:
        return self._full

    def Refresh(self) -> None:
        try:
            self._st = os.lstat(self._full)
        except OSError:
            self._st = None

    def __eq__(self, other) -> bool:
        return isinstance(other, FileSystemInfo) and other._full == self._full

    def __hash__(self) -> int:
        return hash(self._full)


class FileInfo(FileSystemInfo):
    dotnet_fullname = "System.IO.FileInfo"
    ps_properties = ("PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider",
                     "PSIsContainer", "Mode", "ModeWithoutHardLink", "BaseName", "Target",
                     "LinkType", "Length", "DirectoryName", "Directory", "IsReadOnly",
                     "FullName", "Extension", "Name", "Exists", "CreationTime",
                     "LastAccessTime", "LastWriteTime", "LastWriteTimeUtc", "Attributes",
                     "UnixMode", "User", "Group", "Size")

    @property
    def Length(self) -> int:
        return self._st.st_size if self._st is not None else 0

    @property
    def DirectoryName(self) -> str:
        return os.path.dirname(self._full)

    @property
    def Directory(self):
        return DirectoryInfo(os.path.dirname(self._full))

    @property
    def IsReadOnly(self) -> bool:
        return "ReadOnly" in self.Attributes

    def Delete(self) -> None:
        os.remove(self._full)


class DirectoryInfo(FileSystemInfo):
    dotnet_fullname = "System.IO.DirectoryInfo"
    is_container = True
    ps_properties = ("PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider",
                     "PSIsContainer", "Mode", "ModeWithoutHardLink", "BaseName", "Target",
                     "LinkType", "Parent", "Root", "FullName", "Extension", "Name", "Exists",
                     "CreationTime", "LastAccessTime", "LastWriteTime", "LastWriteTimeUtc",
                     "Attributes", "UnixMode", "User", "Group", "Size")

    @property
    def Parent(self):
        if self._full == "/":
            return None
        return DirectoryInfo(os.path.dirname(self._full.rstrip("/")) or "/")

    @property
    def Root(self):
        return DirectoryInfo("/")

    def Delete(self, recursive=False) -> None:
        if recursive:
            import shutil
            shutil.rmtree(self._full)
        else:
            os.rmdir(self._full)


def item_for(full_path: str) -> FileSystemInfo | None:
    """The FileInfo or DirectoryInfo at ``full_path`` (links to folders are folders), or None."""
    try:
        st = os.lstat(full_path)
    except OSError:
        return None
    if stat.S_ISDIR(st.st_mode) or (stat.S_ISLNK(st.st_mode) and os.path.isdir(full_path)):
        return DirectoryInfo(full_path, st)
    return FileInfo(full_path, st)


def _user(uid: int) -> str:
    try:
        import pwd
        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def _group(gid: int) -> str:
    try:
        import grp
        return grp.getgrgid(gid).gr_name
    except (ImportError, KeyError):
        return str(gid)


def _parent_of(item) -> str:
    return getattr(item, "PSParentPath", "").replace(_FS_PREFIX, "")


@functools.cache
def children_view():
    """pwsh 7.4's ``childrenWithUnixStat`` table (FileSystem.format.ps1xml on Unix)."""
    from ..host.formatting import LEFT, RIGHT, TableColumn, TableView
    return TableView(
        columns=(
            TableColumn("UnixMode", "UnixMode", width=10, alignment=LEFT),
            TableColumn("User", "User", width=10, alignment=RIGHT),
            TableColumn("Group", "Group", width=10, alignment=LEFT),
            TableColumn("LastWriteTime", lambda o: o.LastWriteTime.strftime(
                "%-m/%-d/%Y %H:%M"), width=16, alignment=RIGHT),
            TableColumn("Size", lambda o: str(o.Size), width=12, alignment=RIGHT),
            TableColumn("Name", "NameString", alignment=LEFT),
        ),
        type_keys=frozenset({FileInfo.dotnet_fullname, DirectoryInfo.dotnet_fullname}),
        wrap=True,
        heading_by=_parent_of,
        heading_label="    Directory: ",
    )
