"""-Path / -LiteralPath resolution for the cmdlets that read files (Select-String,
Get-FileHash, Import-PowerShellDataFile, Test-Json), with the errors pwsh gives there.

pwsh resolves these paths through two SessionState calls whose error behaviour differs from
the item cmdlets' (:class:`pwshlike.providers.resolve.Resolver`), so each cmdlet decides
what a missing path means: :func:`provider_paths` raises :class:`PathMissing` and leaves the
error record to the caller.  :func:`resolve_single_file` is pwsh's ``PathUtils.ResolveFilePath``
(one file per path, terminating errors otherwise).
"""
from __future__ import annotations

from pwshlike.providers import (
    FILESYSTEM,
    PROVIDER_FULL_NAMES,
    DriveNotFound,
    has_wildcard,
    split_path,
    unescape,
)

from ._session import exc


class PathMissing(Exception):
    """A -Path without wildcards names nothing (pwsh's ItemNotFoundException)."""

    def __init__(self, full: str) -> None:
        super().__init__(full)
        self.full = full


def provider_paths(cmdlet, path: str, literal: bool) -> tuple[str, list[str]]:
    """(provider, provider paths) of one path argument.

    ``-Path`` (GetResolvedProviderPathFromPSPath): wildcards are expanded (no match: an empty
    list), a path without wildcards must exist or :class:`PathMissing` is raised.
    ``-LiteralPath`` (GetUnresolvedProviderPathFromPSPath): the path as typed, not checked.
    An unknown drive is a terminating DriveNotFound error either way."""
    import os

    from pwshlike.providers.resolve import glob_fs
    try:
        pp = split_path(cmdlet.ctx.location, path)
    except DriveNotFound as e:
        cmdlet.throw_terminating_error(cmdlet.error_record(
            f"Cannot find drive. A drive with the name '{e.name}' does not exist.",
            "DriveNotFound", "ObjectNotFound", e.name, exc("DriveNotFoundException")))
    if pp.provider != FILESYSTEM:
        return pp.provider, [pp.path]
    if literal:
        return FILESYSTEM, [pp.path]
    if has_wildcard(path):
        return FILESYSTEM, glob_fs(pp.path)
    full = unescape(pp.path)
    if not os.path.lexists(full):
        raise PathMissing(full)
    return FILESYSTEM, [full]


def provider_full_name(provider: str) -> str:
    return PROVIDER_FULL_NAMES.get(provider, provider)


def path_not_found(cmdlet, path: str, error_id: str = "PathNotFound",
                   category: str = "ObjectNotFound", exception: str = "ItemNotFoundException"):
    """The record of pwsh's "Cannot find path '...' because it does not exist." error."""
    return cmdlet.error_record(f"Cannot find path '{path}' because it does not exist.",
                               error_id, category, path, exc(exception))


def resolve_single_file(cmdlet, path: str, literal: bool) -> str:
    """``PathUtils.ResolveFilePath``: the one file a path names (it may not exist).  A path
    of another provider, a wildcard matching several files or none stop the command."""
    try:
        provider, found = provider_paths(cmdlet, path, literal)
    except PathMissing as e:
        return e.full
    if provider != FILESYSTEM:
        cmdlet.throw_terminating_error(cmdlet.error_record(
            "Cannot open file because the current provider "
            f"({provider_full_name(provider)}) cannot open a file.",
            "ReadWriteFileNotFileSystemProvider", "InvalidArgument", None,
            exc("PSInvalidOperationException")))
    if len(found) > 1:
        cmdlet.throw_terminating_error(cmdlet.error_record(
            "Cannot perform operation because the path resolved to more than one file. This "
            "command cannot operate on multiple files.", "ReadWriteMultipleFilesNotSupported",
            "InvalidArgument", None, exc("PSInvalidOperationException")))
    if not found:
        cmdlet.throw_terminating_error(cmdlet.error_record(
            f"Cannot perform operation because the wildcard path {path} did not resolve to a "
            "file.", "FileOpenFailure", "OpenError", path, exc("FileNotFoundException")))
    return found[0]
