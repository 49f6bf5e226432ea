"""-Path / -LiteralPath resolution for cmdlets: wildcards, drives, and pwsh's errors."""
from __future__ import annotations

import os

from . import FILESYSTEM, DriveNotFound, ProviderPath, has_wildcard, split_path, unescape


def _wildcard(pattern: str):
    from ..runtime.regex import compile_wildcard
    return compile_wildcard(pattern)


def glob_fs(full: str, force: bool = False) -> list[str]:
    """Expand wildcards in an absolute path, component by component (sorted, like pwsh).
    Hidden (dot) names match only with ``force`` or a pattern that starts with a dot."""
    parts = full.split("/")[1:]
    current = ["/"]
    for part in parts:
        nxt = []
        if not has_wildcard(part):
            name = unescape(part)
            nxt = [os.path.join(c, name) for c in current if os.path.lexists(os.path.join(c, name))]
        else:
            rx = _wildcard(part)
            for c in current:
                try:
                    names = sorted(os.listdir(c), key=str.lower)
                except OSError:
                    continue
                for n in names:
                    if n.startswith(".") and not force and not part.startswith("."):
                        continue
                    if rx.fullmatch(n):
                        nxt.append(os.path.join(c, n))
        current = nxt
        if not current:
            break
    return current


class Resolver:
    """Turns a cmdlet's path arguments into ProviderPaths, writing pwsh's errors."""

    def __init__(self, cmdlet, literal: bool, force: bool = False) -> None:
        self.cmdlet = cmdlet
        self.ctx = cmdlet.ctx
        self.literal = literal
        self.force = force

    def split(self, path: str) -> ProviderPath | None:
        try:
            return split_path(self.ctx.location, path)
        except DriveNotFound as e:
            self.drive_not_found(e.name)
            return None

    def drive_not_found(self, name: str) -> None:
        from ..errors import exception_class
        c = self.cmdlet
        c.write_error(c.error_record(
            f"Cannot find drive. A drive with the name '{name}' does not exist.",
            "DriveNotFound", "ObjectNotFound", name, exception_class("DriveNotFoundException")))

    def not_found(self, full: str) -> None:
        from ..errors import exception_class
        c = self.cmdlet
        c.write_error(c.error_record(
            f"Cannot find path '{full}' because it does not exist.", "PathNotFound",
            "ObjectNotFound", full, exception_class("ItemNotFoundException")))

    def existing(self, path: str) -> list[ProviderPath]:
        """Existing items the path names (wildcards expanded unless literal); errors for a
        literal path that does not exist."""
        pp = self.split(path)
        if pp is None:
            return []
        wild = not self.literal and has_wildcard(path)
        if pp.provider == FILESYSTEM:
            if wild:
                return [ProviderPath(FILESYSTEM, p, pp.drive) for p in glob_fs(pp.path, self.force)]
            full = pp.path if self.literal else unescape(pp.path)
            if not os.path.lexists(full):
                self.not_found(full)
                return []
            return [ProviderPath(FILESYSTEM, full, pp.drive)]
        from .session import SESSION_DRIVES
        drive = SESSION_DRIVES[pp.provider]
        scope = self.cmdlet._proc.scope
        if pp.path == "":
            return [pp]
        if wild:
            rx = _wildcard(pp.path)
            return [ProviderPath(pp.provider, n, pp.drive)
                    for n in drive.names(self.ctx, scope) if rx.fullmatch(n)]
        name = pp.path if self.literal else unescape(pp.path)
        if drive.get(self.ctx, scope, name) is None:
            self.not_found(f"{pp.drive}:\\{name}")
            return []
        return [ProviderPath(pp.provider, name, pp.drive)]

    def exists(self, path: str) -> bool:
        try:
            pp = split_path(self.ctx.location, path)
        except DriveNotFound:
            return False
        if pp.provider == FILESYSTEM:
            if not self.literal and has_wildcard(path):
                return bool(glob_fs(pp.path, True))
            return os.path.lexists(pp.path if self.literal else unescape(pp.path))
        from .session import SESSION_DRIVES
        if pp.path == "":
            return True
        drive = SESSION_DRIVES[pp.provider]
        scope = self.cmdlet._proc.scope
        if not self.literal and has_wildcard(pp.path):
            rx = _wildcard(pp.path)
            return any(rx.fullmatch(n) for n in drive.names(self.ctx, scope))
        return drive.get(self.ctx, scope, pp.path) is not None


def display_path(pp: ProviderPath) -> str:
    """How pwsh shows a resolved path: file paths as is, session items as ``Env:/NAME``."""
    if pp.provider == FILESYSTEM:
        return pp.path
    return f"{pp.drive}:/{pp.path}" if pp.path else f"{pp.drive}:/"
