"""Paths and drives: how a path a user types names an item of some provider.

pwsh resolves every ``-Path`` through its providers.  pwshlike keeps a small version of
that model: the FileSystem provider (the ``/`` drive, ``~`` and ``Temp:``) and the
session drives ``Env:``, ``Variable:``, ``Alias:`` and ``Function:``, whose items live in
dictionaries (see :mod:`.session`).  A path resolves to a :class:`ProviderPath`: which
provider, and the provider's own path (an absolute file path, or an item name).
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

FILESYSTEM = "FileSystem"
ENVIRONMENT = "Environment"
VARIABLE = "Variable"
ALIAS = "Alias"
FUNCTION = "Function"

PROVIDER_FULL_NAMES = {
    FILESYSTEM: "Microsoft.PowerShell.Core\\FileSystem",
    ENVIRONMENT: "Microsoft.PowerShell.Core\\Environment",
    VARIABLE: "Microsoft.PowerShell.Core\\Variable",
    ALIAS: "Microsoft.PowerShell.Core\\Alias",
    FUNCTION: "Microsoft.PowerShell.Core\\Function",
}
# drive name (lower case) -> (display name, provider)
DRIVES = {
    "env": ("Env", ENVIRONMENT), "variable": ("Variable", VARIABLE),
    "alias": ("Alias", ALIAS), "function": ("Function", FUNCTION),
    "temp": ("Temp", FILESYSTEM),
}
_DRIVE_RE = re.compile(r"^([A-Za-z_][\w.-]*):(.*)$", re.DOTALL)
_PROVIDER_RE = re.compile(r"^(?:Microsoft\.PowerShell\.Core\\)?(\w+)::(.*)$", re.DOTALL | re.IGNORECASE)
_WILDCARD_CHARS = set("*?[")


@dataclass
class ProviderPath:
    provider: str          # FILESYSTEM, ENVIRONMENT, ...
    path: str              # absolute file path, or the item name ('' for the drive root)
    drive: str             # display name of the drive: '/', 'Env', 'Temp', ...


class DriveNotFound(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def has_wildcard(path: str) -> bool:
    """True when the path has an unescaped wildcard character."""
    escaped = False
    for ch in path:
        if escaped:
            escaped = False
        elif ch == "`":
            escaped = True
        elif ch in _WILDCARD_CHARS:
            return True
    return False


def unescape(path: str) -> str:
    """Remove wildcard escapes (`` `[ `` -> ``[``) from a path given to -Path."""
    return re.sub(r"`(.)", r"\1", path)


def split_path(location: str, path: str) -> ProviderPath:
    """Resolve ``path`` (relative to the FileSystem ``location``) to a provider and its
    provider path.  Raises DriveNotFound for ``name:`` with an unknown drive name."""
    m = _PROVIDER_RE.match(path)
    if m:
        provider = m.group(1).lower()
        for name in (FILESYSTEM, ENVIRONMENT, VARIABLE, ALIAS, FUNCTION):
            if name.lower() == provider:
                if name == FILESYSTEM:
                    return ProviderPath(FILESYSTEM, fs_full_path(location, m.group(2)), "/")
                return ProviderPath(name, m.group(2).lstrip("\\/"), DRIVES[
                    {ENVIRONMENT: "env"}.get(name, name.lower())][0])
        raise DriveNotFound(m.group(1))
    m = _DRIVE_RE.match(path)
    if m and "/" not in m.group(1):
        key = m.group(1).lower()
        entry = DRIVES.get(key)
        if entry is None:
            raise DriveNotFound(m.group(1))
        display, provider = entry
        rest = m.group(2)
        if provider == FILESYSTEM:
            import tempfile
            return ProviderPath(FILESYSTEM, fs_full_path(tempfile.gettempdir(),
                                                         rest.lstrip("\\/") or "."), display)
        return ProviderPath(provider, rest.replace("\\", "/").strip("/"), display)
    return ProviderPath(FILESYSTEM, fs_full_path(location, path), "/")


def fs_full_path(location: str, path: str) -> str:
    """An absolute, normalised file path: ``~`` is the home folder, ``\\`` is ``/``."""
    p = path.replace("\\", "/")
    if p == "~" or p.startswith("~/"):
        p = os.path.expanduser("~") + p[1:]
    if not p.startswith("/"):
        p = os.path.join(location, p)
    full = os.path.normpath(p)
    if full.startswith("//"):
        full = "/" + full.lstrip("/")
    return full


class PathInfo:
    """System.Management.Automation.PathInfo: what Get-Location and Resolve-Path return."""

    dotnet_fullname = "System.Management.Automation.PathInfo"
    ps_properties = ("Drive", "Provider", "ProviderPath", "Path")

    @staticmethod
    def ps_table_view():
        return path_info_view()

    def __init__(self, path: str, provider: str = FILESYSTEM, drive: str | None = "/") -> None:
        self.Path = path
        self.ProviderPath = path
        self.Provider = PROVIDER_FULL_NAMES.get(provider, provider)
        self.Drive = drive

    def ToString(self) -> str:
        return self.Path

    def __str__(self) -> str:
        return self.Path

    def __eq__(self, other) -> bool:
        return isinstance(other, PathInfo) and other.Path == self.Path

    def __hash__(self) -> int:
        return hash(self.Path)


@functools.cache
def path_info_view():
    """pwsh's ``PathInfo`` table: one ``Path`` column."""
    from ..host.formatting import TableColumn, TableView
    return TableView(columns=(TableColumn("Path", "Path"),),
                     type_keys=frozenset({PathInfo.dotnet_fullname}))
