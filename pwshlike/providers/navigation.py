"""Walking folders the way pwsh's FileSystem provider does for Get-ChildItem.

pwsh lists a folder as its sub-folders first, then its files, each group sorted by name
without regard to case; dot names are hidden unless ``-Force`` (or ``-Hidden``) is given.
A recursive listing writes a whole folder before descending into its sub-folders
(``Dir``), except when ``-Include``/``-Exclude`` are in play: then each child is written
and, if it is a folder, descended into at once (``ProcessPathItems``).  Both orders are
kept here because scripts and tests see them.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .resolve import _wildcard


@dataclass
class Listing:
    """What to list: the options of Get-ChildItem that shape a folder walk."""

    filter: str | None = None              # -Filter (a simple wildcard)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    files_only: bool = False               # -File
    dirs_only: bool = False                # -Directory
    hidden_only: bool = False              # -Hidden
    force: bool = False                    # -Force: show hidden items
    follow_symlinks: bool = False          # -FollowSymlink
    warn: Callable[[str], None] | None = None

    def __post_init__(self) -> None:
        self._filter_rx = _wildcard(self.filter) if self.filter else None
        self._include = [_wildcard(p) for p in self.include]
        self._exclude = [_wildcard(p) for p in self.exclude]

    # --- name tests -----------------------------------------------------------------------------
    def filter_ok(self, name: str) -> bool:
        return self._filter_rx is None or bool(self._filter_rx.fullmatch(name))

    def include_ok(self, name: str) -> bool:
        if self._include and not any(rx.fullmatch(name) for rx in self._include):
            return False
        return not any(rx.fullmatch(name) for rx in self._exclude)

    def shows_hidden(self) -> bool:
        return self.force or self.hidden_only

    def kind_ok(self, full: str) -> bool:
        """-File / -Directory / -Hidden, as pwsh's attribute switches test an item."""
        is_dir = os.path.isdir(full)
        if self.files_only and is_dir or self.dirs_only and not is_dir:
            return False
        return not (self.hidden_only and not is_hidden(full))


def is_hidden(full: str) -> bool:
    return os.path.basename(full.rstrip("/")).startswith(".")


def sorted_children(folder: str) -> tuple[list[str], list[str]]:
    """(sub-folders, files) of a folder, each sorted like pwsh (case-insensitive)."""
    dirs, files = [], []
    with os.scandir(folder) as it:
        for entry in it:
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            (dirs if is_dir else files).append(entry.name)
    key = str.lower
    return sorted(dirs, key=key), sorted(files, key=key)


def _is_link(full: str) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(full).st_mode)
    except OSError:
        return False


class Walker:
    """Yields (full path, path relative to the walk's root) in pwsh's order."""

    def __init__(self, opts: Listing, on_error: Callable[[OSError, str], None]) -> None:
        self.opts = opts
        self.on_error = on_error
        self._visited: set[tuple[int, int]] = set()

    def _children(self, folder: str) -> tuple[list[str], list[str]] | None:
        try:
            return sorted_children(folder)
        except OSError as e:
            self.on_error(e, folder)
            return None

    def _may_descend(self, full: str) -> bool:
        """Hidden folders are skipped without -Force; links to folders are followed only
        with -FollowSymlink, and then each real folder only once."""
        if is_hidden(full) and not self.opts.shows_hidden():
            return False
        if _is_link(full) and not self.opts.follow_symlinks:
            return False
        if self.opts.follow_symlinks:
            try:
                st = os.stat(full)
            except OSError:
                return False
            key = (st.st_dev, st.st_ino)
            if key in self._visited:
                if self.opts.warn is not None:
                    self.opts.warn(f"Skip already-visited directory {full}.")
                return False
            self._visited.add(key)
        return True

    def listing(self, folder: str, recurse: bool, depth: int, rel: str = "") -> Iterator[
            tuple[str, str]]:
        """pwsh's ``Dir``: the folder's matching items, then each sub-folder in turn."""
        if self.opts.follow_symlinks and not rel:
            try:
                st = os.stat(folder)
                self._visited.add((st.st_dev, st.st_ino))
            except OSError:
                pass
        kids = self._children(folder)
        if kids is None:
            return
        dirs, files = kids
        o = self.opts
        for name in dirs + files:
            full = os.path.join(folder, name)
            if not o.filter_ok(name):
                continue
            if is_hidden(full) and not o.shows_hidden():
                continue
            if o.kind_ok(full):
                yield full, rel + name
        if recurse and depth > 0:
            for name in dirs:
                full = os.path.join(folder, name)
                if self._may_descend(full):
                    yield from self.listing(full, True, depth - 1, rel + name + "/")

    def matching(self, folder: str, recurse: bool, depth: int, rel: str = "") -> Iterator[
            tuple[str, str]]:
        """pwsh's ``ProcessPathItems``: children that pass -Include/-Exclude, each folder
        descended into right after it is considered."""
        kids = self._children(folder)
        if kids is None:
            return
        dirs, files = kids
        o = self.opts
        for i, name in enumerate(dirs + files):
            full = os.path.join(folder, name)
            hidden = is_hidden(full) and not o.shows_hidden()
            if not hidden and o.include_ok(name) and o.filter_ok(name) and o.kind_ok(full):
                yield full, rel + name
            if recurse and depth > 0 and i < len(dirs) and not hidden and \
                    self._may_descend(full):
                yield from self.matching(full, True, depth - 1, rel + name + "/")
