"""File-system changes behind New-Item, Remove-Item, Copy-Item, Move-Item and Rename-Item,
and .NET's wording for the OS errors they meet.

Each operation reports problems through a ``report(error_id, message, category, target,
exception_name)`` callback so that the cmdlet can write pwsh's error record and carry on
with the next item, as the FileSystem provider does.
"""
from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable

Report = Callable[[str, str, str, str, str], None]


def dotnet_message(e: OSError, path: str) -> tuple[str, str]:
    """(.NET exception name, message) for an OS error, as System.IO words them."""
    code = e.errno
    if code == errno.ENOENT:
        if os.path.isdir(os.path.dirname(path) or "/"):
            return "FileNotFoundException", f"Could not find file '{path}'."
        return "DirectoryNotFoundException", f"Could not find a part of the path '{path}'."
    if code in (errno.EACCES, errno.EPERM):
        return "UnauthorizedAccessException", f"Access to the path '{path}' is denied."
    if code == errno.EEXIST:
        return "IOException", f"The file '{path}' already exists."
    if code == errno.ENOTEMPTY:
        return "IOException", f"Directory not empty : '{path}'"
    return "IOException", f"{e.strerror or e} : '{path}'"


def is_container(path: str) -> bool:
    return os.path.isdir(path)


def remove_tree(path: str, force: bool, report: Report) -> None:
    """Remove a file, a link, or a folder and everything in it (children first)."""
    if os.path.islink(path) or not os.path.isdir(path):
        _remove_leaf(path, force, report)
        return
    try:
        names = os.listdir(path)
    except OSError as e:
        exc, msg = dotnet_message(e, path)
        report("RemoveFileSystemItemIOError", msg, "WriteError", path, exc)
        return
    for name in names:
        remove_tree(os.path.join(path, name), force, report)
    try:
        os.rmdir(path)
    except OSError as e:
        if e.errno == errno.ENOTEMPTY:
            report("DirectoryNotEmpty", f"Directory {path} cannot be removed because it is "
                   "not empty.", "WriteError", path, "IOException")
        else:
            exc, msg = dotnet_message(e, path)
            report("RemoveFileSystemItemIOError", msg, "WriteError", path, exc)


def _remove_leaf(path: str, force: bool, report: Report) -> None:
    """A file is removed only with -Force when it is hidden or read-only (pwsh's rule)."""
    name = os.path.basename(path)
    readonly = not os.path.islink(path) and not os.access(path, os.W_OK)
    if not force and (name.startswith(".") or readonly):
        report("RemoveFileSystemItemUnAuthorizedAccess",
               f"Cannot remove item {path}: You do not have sufficient access rights to "
               "perform this operation or the item is hidden, system, or read only.",
               "PermissionDenied", path, "IOException")
        return
    try:
        if force and readonly:
            os.chmod(path, os.stat(path).st_mode | 0o200)
        os.remove(path)
    except OSError as e:
        exc, msg = dotnet_message(e, path)
        report("RemoveFileSystemItemIOError", msg, "WriteError", path, exc)


def copy_file(src: str, dst: str, force: bool, report: Report) -> str | None:
    """Copy one file over ``dst`` (Copy-Item overwrites; -Force also overwrites a read-only
    target).  Returns the destination, or None after reporting an error."""
    if os.path.isdir(dst) and not os.path.islink(dst):
        dst = os.path.join(dst, os.path.basename(src))
    try:
        if os.path.exists(dst) and os.path.samefile(src, dst):
            report("CopyError", f"Cannot overwrite the item {dst} with itself.", "WriteError",
                   dst, "IOException")
            return None
        if force and os.path.exists(dst) and not os.access(dst, os.W_OK):
            os.chmod(dst, os.stat(dst).st_mode | 0o200)
        shutil.copy2(src, dst, follow_symlinks=True)
        return dst
    except OSError as e:
        exc, msg = dotnet_message(e, dst if e.filename == dst else src)
        report("CopyFileInfoItemIOError", msg, "WriteError", src, exc)
        return None


def make_directory(path: str, force: bool, report: Report) -> bool:
    """Create a folder (and its parents); an existing one is an error unless -Force."""
    if os.path.lexists(path):
        if os.path.isdir(path) and force:
            return True
        if os.path.isdir(path):
            report("DirectoryExist", f"An item with the specified name {path} already exists.",
                   "ResourceExists", path, "IOException")
            return False
    try:
        os.makedirs(path, exist_ok=True)
        return True
    except OSError as e:
        exc, msg = dotnet_message(e, path)
        report("CreateDirectoryIOError", msg, "WriteError", path, exc)
        return False


def move(src: str, dst: str, force: bool, report: Report) -> str | None:
    """Move a file or folder.  Into an existing folder it goes inside it; an existing file
    is replaced only with -Force.  Returns the new path, or None after an error."""
    if os.path.isdir(dst) and not os.path.islink(dst):
        dst = os.path.join(dst, os.path.basename(src.rstrip("/")))
    is_dir = os.path.isdir(src) and not os.path.islink(src)
    if is_dir:
        real_src = os.path.realpath(src)
        real_dst = os.path.realpath(dst)
        if real_dst == real_src or real_dst.startswith(real_src + "/"):
            report("MoveItemArgumentError", "Destination path cannot be a subdirectory of the "
                   f"source or the source itself: {dst}.", "InvalidArgument", dst,
                   "IOException")
            return None
    if os.path.lexists(dst) and (not force or os.path.isdir(dst)):
        report("MoveFileInfoItemIOError" if not is_dir else "MoveDirectoryItemIOError",
               "Cannot create a file when that file already exists.", "WriteError", src,
               "IOException")
        return None
    try:
        if os.path.lexists(dst):
            os.remove(dst)
        shutil.move(src, dst)
        return dst
    except OSError as e:
        exc, msg = dotnet_message(e, src)
        report("MoveFileInfoItemIOError", msg, "WriteError", src, exc)
        return None
