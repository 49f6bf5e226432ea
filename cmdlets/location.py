"""Get-Location, Set-Location, Push-Location, Pop-Location and the path cmdlets
(Test-Path, Join-Path, Split-Path, Resolve-Path, Convert-Path).

The session location is ``ctx.location`` (a folder: locations on the session drives are
not supported); ``$PWD`` reads it and relative paths in every cmdlet resolve against it.
Native programs are started in it.
"""
from __future__ import annotations

import os

from pwshlike.cmdlet import Cmdlet
from pwshlike.providers import FILESYSTEM, PathInfo, has_wildcard, split_path, unescape
from pwshlike.providers.resolve import Resolver, display_path

from ._session import as_list, exc

_HISTORY_LIMIT = 20


def _paths(cmdlet) -> tuple[list[str], bool]:
    """The -Path or -LiteralPath values and whether they are literal."""
    literal = getattr(cmdlet, "LiteralPath", None)
    if literal is not None and cmdlet.is_bound("LiteralPath"):
        return as_list(literal), True
    return as_list(getattr(cmdlet, "Path", None)), False


class GetLocationCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetLocationCommand"

    def process_record(self) -> None:
        ctx = self.ctx
        if self.Stack or self.is_bound("StackName"):
            names = as_list(self.StackName) or [ctx.default_stack]
            for name in names:
                stack = ctx.location_stacks.get(name)
                if stack is None and name != ctx.default_stack:
                    self.write_error(self.error_record(
                        f"Cannot find location stack '{name}'. It does not exist or it is not "
                        "a container.", "Argument", "InvalidArgument", name,
                        exc("PSArgumentException")))
                    continue
                self.write_object([PathInfo(p) for p in reversed(stack or [])],
                                  enumerate_collection=True)
            return
        self.write_object(PathInfo(ctx.location))


class SetLocationCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.SetLocationCommand"

    def process_record(self) -> None:
        ctx = self.ctx
        if self.parameter_set_name == "Stack":
            name = str(self.StackName) if self.StackName is not None else "default"
            ctx.default_stack = name
            ctx.location_stacks.setdefault(name, [])
            return
        paths, literal = _paths(self)
        path = paths[0] if paths else "~"
        if not literal and path in ("-", "+"):
            self._history(path)
        else:
            target = resolve_container(self, path, literal)
            if target is None:
                return
            if target != ctx.location:
                ctx.location_history.append(ctx.location)
                del ctx.location_history[:-_HISTORY_LIMIT]
                ctx.location_future.clear()
            ctx.location = target
        if self.PassThru:
            self.write_object(PathInfo(ctx.location))

    def _history(self, which: str) -> None:
        ctx = self.ctx
        back = which == "-"
        source = ctx.location_history if back else ctx.location_future
        if not source:
            word = "backward" if back else "forward"
            self.throw_terminating_error(self.error_record(
                f"There is no location history left to navigate {word}s.",
                "InvalidOperation", "InvalidOperation", which,
                exc("InvalidOperationException")))
        target = source.pop()
        (ctx.location_future if back else ctx.location_history).append(ctx.location)
        ctx.location = target


def resolve_container(cmdlet, path: str, literal: bool) -> str | None:
    """The folder a Set-Location/Push-Location path names, or None after an error."""
    r = Resolver(cmdlet, literal)
    pp = r.split(path)
    if pp is None:
        return None
    if pp.provider != FILESYSTEM:
        cmdlet.write_error(cmdlet.error_record(
            f"Cannot set the location to '{path}': pwshlike keeps the location on the "
            "FileSystem drive.", "NotSupported", "NotImplemented", path,
            exc("PSNotSupportedException")))
        return None
    found = r.existing(path)
    if not found:
        if not literal and has_wildcard(path):
            r.not_found(pp.path)
        return None
    dirs = [p.path for p in found if os.path.isdir(p.path)]
    if len(found) > 1:
        cmdlet.write_error(cmdlet.error_record(
            f"Cannot set the location because path '{path}' resolved to multiple containers. "
            "You can only set the location to a single container at a time.",
            "Argument", "InvalidArgument", path, exc("PSArgumentException")))
        return None
    if not dirs:
        r.not_found(found[0].path)
        return None
    return dirs[0]


class PushLocationCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.PushLocationCommand"

    def process_record(self) -> None:
        ctx = self.ctx
        name = str(self.StackName) if self.StackName is not None else ctx.default_stack
        paths, literal = _paths(self)
        target = None
        if paths:
            target = resolve_container(self, paths[0], literal)
            if target is None:
                return
        ctx.location_stacks.setdefault(name, []).append(ctx.location)
        if target is not None:
            ctx.location = target
        if self.PassThru:
            self.write_object(PathInfo(ctx.location))


class PopLocationCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.PopLocationCommand"

    def process_record(self) -> None:
        ctx = self.ctx
        name = str(self.StackName) if self.StackName is not None else ctx.default_stack
        stack = ctx.location_stacks.get(name)
        if stack is None and name != ctx.default_stack:
            self.write_error(self.error_record(
                f"Cannot find location stack '{name}'. It does not exist or it is not a "
                "container.", "Argument", "InvalidArgument", name, exc("PSArgumentException")))
            return
        if not stack:
            return
        target = stack.pop()
        if os.path.isdir(target):
            ctx.location = target
        if self.PassThru:
            self.write_object(PathInfo(ctx.location))


class TestPathCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.TestPathCommand"

    def process_record(self) -> None:
        paths, literal = _paths(self)
        kind = str(self.PathType) if self.PathType is not None else "Any"
        for path in paths:
            self.write_object(self._test(path, literal, kind))

    def _test(self, path: str, literal: bool, kind: str) -> bool:
        if path == "":
            return False
        if self.IsValid:
            try:
                split_path(self.ctx.location, path)
            except Exception:  # noqa: BLE001 - any unusable path is simply not valid
                return False
            return "\0" not in path
        r = Resolver(self, literal, force=True)
        if not r.exists(path):
            return False
        pp = r.split(path)
        if pp.provider != FILESYSTEM:
            container = pp.path == ""
            return kind == "Any" or (kind == "Container") == container
        full = pp.path if literal else unescape(pp.path)
        candidates = [full]
        if not literal and has_wildcard(path):
            from pwshlike.providers.resolve import glob_fs
            candidates = glob_fs(pp.path, True)
        ok = []
        for c in candidates:
            is_dir = os.path.isdir(c)
            if kind == "Container" and not is_dir or kind == "Leaf" and is_dir:
                continue
            if not self._filtered(c):
                continue
            ok.append(c)
        return bool(ok)

    def _filtered(self, full: str) -> bool:
        from ._session import NameFilter
        name = os.path.basename(full)
        if not NameFilter(self.Include, self.Exclude)(name):
            return False
        if self.Filter is not None:
            from ._session import wildcard
            if not wildcard(str(self.Filter)).fullmatch(name):
                return False
        if self.OlderThan is not None or self.NewerThan is not None:
            from pwshlike.providers.filesystem import item_for
            when = item_for(full).LastWriteTime
            if self.OlderThan is not None and not when < self.OlderThan:
                return False
            if self.NewerThan is not None and not when > self.NewerThan:
                return False
        return True


def join(base: str, child: str) -> str:
    """Join two path parts with one '/' (backslashes become slashes, as on Unix pwsh)."""
    base = base.replace("\\", "/")
    child = child.replace("\\", "/")
    if not base:
        return child
    if not child:
        return base
    if base.endswith(":"):
        return base.rstrip("/") + "/" + child.lstrip("/")
    return base.rstrip("/") + "/" + child.lstrip("/")


class JoinPathCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.JoinPathCommand"

    def process_record(self) -> None:
        children = [str(self.ChildPath or "")] + as_list(self.AdditionalChildPath)
        for base in as_list(self.Path):
            result = base
            for child in children:
                result = join(result, child)
            if self.Resolve:
                for pp in Resolver(self, False).existing(result):
                    self.write_object(display_path(pp))
            else:
                self.write_object(result)


class SplitPathCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.SplitPathCommand"

    def process_record(self) -> None:
        paths, literal = _paths(self)
        for path in paths:
            if self.Resolve:
                for pp in Resolver(self, literal).existing(path):
                    self._split(display_path(pp))
            else:
                self._split(path)

    def _split(self, path: str) -> None:
        s = self.parameter_set_name
        qualifier, rest = _qualifier(path)
        if s == "IsAbsoluteSet":
            self.write_object(bool(qualifier) or path.replace("\\", "/").startswith("/"))
        elif s == "QualifierSet":
            if not qualifier:
                self.write_error(self.error_record(
                    f"Cannot parse path because path '{path}' does not have a qualifier "
                    "specified.", "ParsePathFormatError", "InvalidArgument", path,
                    exc("PSArgumentException")))
                return
            self.write_object(qualifier)
        elif s == "NoQualifierSet":
            self.write_object(rest)
        elif s in ("LeafSet", "LeafBaseSet", "ExtensionSet"):
            leaf = _leaf(rest)
            if s == "LeafSet":
                self.write_object(leaf)
                return
            dot = leaf.rfind(".")
            if s == "ExtensionSet":
                self.write_object(leaf[dot:] if dot >= 0 else "")
            else:
                self.write_object(leaf[:dot] if dot > 0 else leaf)
        else:
            self.write_object(_parent(qualifier, rest))


def _qualifier(path: str) -> tuple[str, str]:
    head, sep, tail = path.partition(":")
    if sep and head and "/" not in head and "\\" not in head:
        return head + ":", tail
    return "", path


def _leaf(path: str) -> str:
    p = path.replace("\\", "/").rstrip("/")
    return p.rsplit("/", 1)[-1] if p else ""


def _parent(qualifier: str, rest: str) -> str:
    p = rest.replace("\\", "/")
    stripped = p.rstrip("/")
    if not stripped:
        return ""
    cut = stripped.rfind("/")
    if cut < 0:
        return qualifier
    parent = stripped[:cut] or "/"
    if qualifier and parent == "/":
        parent = "/"
    return qualifier + parent


class ResolvePathCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ResolvePathCommand"

    def process_record(self) -> None:
        paths, literal = _paths(self)
        base = self.ctx.location
        if self.RelativeBasePath is not None:
            base = self.ctx.resolve_path(str(self.RelativeBasePath))
        for path in paths:
            for pp in Resolver(self, literal, force=True).existing(path):
                if self.Relative and pp.provider == FILESYSTEM:
                    rel = os.path.relpath(pp.path, base)
                    self.write_object(rel if rel.startswith("..") else "./" + rel
                                      if rel != "." else "./")
                elif pp.provider == FILESYSTEM:
                    self.write_object(PathInfo(pp.path))
                else:
                    self.write_object(PathInfo(display_path(pp), pp.provider, pp.drive))


class ConvertPathCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ConvertPathCommand"

    def process_record(self) -> None:
        paths, literal = _paths(self)
        for path in paths:
            for pp in Resolver(self, literal, force=True).existing(path):
                if pp.provider != FILESYSTEM:
                    self.write_error(self.error_record(
                        f"Cannot process path '{path}' because the target represents a "
                        "non-FileSystem provider.", "ConvertPathNotFileSystem",
                        "InvalidArgument", path, exc("PSArgumentException")))
                    continue
                self.write_object(pp.path)
