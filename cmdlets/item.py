"""Get-Item, Get-ChildItem, New-Item, Remove-Item, Copy-Item, Move-Item, Rename-Item and
Get-ItemProperty over the FileSystem provider and the session drives (``Env:``,
``Variable:``, ``Alias:``, ``Function:``).

Paths resolve against the session location (``ctx.location``) through
:mod:`pwshlike.providers.resolve`, which writes pwsh's ``PathNotFound`` and
``DriveNotFound`` errors.  Folder walks are in :mod:`pwshlike.providers.navigation`, file
changes in :mod:`pwshlike.providers.fsops`.
"""
from __future__ import annotations

import os
from dataclasses import replace

from pwshlike.cmdlet import Cmdlet
from pwshlike.providers import FILESYSTEM, ProviderPath, has_wildcard, split_path, unescape
from pwshlike.providers.filesystem import item_for
from pwshlike.providers.navigation import Walker
from pwshlike.providers.resolve import Resolver, glob_fs

from ._session import as_list, exc

_UNLIMITED = 2 ** 32 - 1


def path_args(cmdlet) -> tuple[list[str], bool]:
    """The -Path or -LiteralPath values and whether they are literal."""
    if cmdlet.is_bound("LiteralPath"):
        return as_list(cmdlet.LiteralPath), True
    return as_list(getattr(cmdlet, "Path", None)), False


class ItemCmdlet(Cmdlet):
    """Shared helpers: session drives, item objects, error records for file errors."""

    def drive(self, provider: str):
        from pwshlike.providers.session import SESSION_DRIVES
        return SESSION_DRIVES[provider]

    def item(self, pp: ProviderPath):
        if pp.provider == FILESYSTEM:
            return item_for(pp.path)
        return self.drive(pp.provider).get(self.ctx, self._proc.scope, pp.path)

    def report(self, error_id: str, message: str, category: str, target, exc_name: str) -> None:
        self.write_error(self.error_record(message, error_id, category, target, exc(exc_name)))

    def name_filter(self):
        from ._session import NameFilter
        return NameFilter(getattr(self, "Include", None), getattr(self, "Exclude", None))

    def filter_ok(self, name: str) -> bool:
        flt = getattr(self, "Filter", None)
        if flt is None:
            return True
        from ._session import wildcard
        return bool(wildcard(str(flt)).fullmatch(name))

    def resolved(self, force: bool = False) -> list[ProviderPath]:
        """Every existing item -Path/-LiteralPath names, through -Filter/-Include/-Exclude."""
        paths, literal = path_args(self)
        keep = self.name_filter()
        out = []
        for path in paths:
            for pp in Resolver(self, literal, force=force).existing(path):
                name = os.path.basename(pp.path.rstrip("/")) if pp.provider == FILESYSTEM \
                    else pp.path
                if pp.path and (not keep(name) or not self.filter_ok(name)):
                    continue
                out.append(pp)
        return out


# --- Get-Item ----------------------------------------------------------------------------------------
class GetItemCommand(ItemCmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetItemCommand"

    def process_record(self) -> None:
        for pp in self.resolved(force=bool(self.Force)):
            if pp.provider != FILESYSTEM and pp.path == "":
                for name in self.drive(pp.provider).names(self.ctx, self._proc.scope):
                    self.write_object(self.item(ProviderPath(pp.provider, name, pp.drive)))
                continue
            obj = self.item(pp)
            if obj is not None:
                self.write_object(obj)


# --- Get-ChildItem -----------------------------------------------------------------------------------
class GetChildItemCommand(ItemCmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetChildItemCommand"

    def process_record(self) -> None:
        from pwshlike.providers.navigation import Listing
        paths, literal = path_args(self)
        if not paths:
            paths = ["."] if not literal else [self.ctx.location]
        recurse = bool(self.Recurse) or self.is_bound("Depth")
        depth = int(self.Depth) if self.is_bound("Depth") else _UNLIMITED
        self._opts = Listing(
            filter=str(self.Filter) if self.Filter is not None else None,
            include=as_list(self.Include), exclude=as_list(self.Exclude),
            files_only=bool(self.File), dirs_only=bool(self.Directory),
            hidden_only=bool(self.Hidden), force=bool(self.Force),
            follow_symlinks=bool(self.FollowSymlink), warn=self.write_warning)
        self._readonly = bool(self.ReadOnly)
        for path in paths:
            self._one(path, literal, recurse, depth)

    def _walk_error(self, e: OSError, folder: str) -> None:
        from pwshlike.providers.fsops import dotnet_message
        name, msg = dotnet_message(e, folder)
        error_id = "DirUnauthorizedAccessError" if name.startswith("Unauthorized") else \
            "DirIOError"
        self.report(error_id, msg, "PermissionDenied" if "Unauth" in name else "ReadError",
                    folder, name)

    def _emit(self, full: str, rel: str) -> None:
        if self._readonly and os.access(full, os.W_OK):
            return
        self.write_object(rel if self.Name else item_for(full))

    def _one(self, path: str, literal: bool, recurse: bool, depth: int) -> None:
        r = Resolver(self, literal, force=self._opts.shows_hidden())
        pp = r.split(path)
        if pp is None:
            return
        if pp.provider != FILESYSTEM:
            self._session(pp, path, literal, r)
            return
        o = self._opts
        include, exclude = o.include, o.exclude
        wild = not literal and has_wildcard(path)
        target = pp.path
        if recurse and not literal and not path.endswith(("/", "\\")):
            leaf = os.path.basename(target)
            if leaf == "*" and (o.files_only or o.dirs_only):
                target = os.path.dirname(target)
                wild = has_wildcard(target)
            elif not include and not os.path.isdir(target if wild else unescape(target)):
                # 'dir *.txt -Recurse': the leaf becomes an -Include under its parent
                if leaf != "*":
                    o = replace(o, include=[leaf])
                    include = o.include
                target = os.path.dirname(target)
                wild = has_wildcard(target)
        walk = Walker(o, self._walk_error)
        if wild or include or exclude:
            found = glob_fs(target, o.shows_hidden()) if wild else (
                [unescape(target) if not literal else target]
                if os.path.lexists(unescape(target) if not literal else target) else None)
            if found is None:
                r.not_found(unescape(target) if not literal else target)
                return
            if not recurse:       # the globbed names are filtered by -Include/-Exclude too
                found = [f for f in found if o.include_ok(os.path.basename(f))]
            found = [f for f in found if o.filter_ok(os.path.basename(f)) or os.path.isdir(f)]
            use_matching = bool(recurse and wild and not include) or bool(include or exclude)
            for full in found:
                if use_matching:
                    if os.path.isdir(full):
                        for f, rel in walk.matching(full, recurse, depth):
                            self._emit(f, rel)
                    elif o.include_ok(os.path.basename(full)) and o.kind_ok(full):
                        self._emit(full, os.path.basename(full))
                elif recurse and os.path.isdir(full):
                    for f, rel in walk.listing(full, recurse, depth):
                        self._emit(f, rel)
                elif o.kind_ok(full) and o.filter_ok(os.path.basename(full)):
                    self._emit(full, os.path.basename(full))
            return
        full = target if literal else unescape(target)
        if not os.path.lexists(full):
            r.not_found(full)
            return
        if os.path.isdir(full):
            for f, rel in walk.listing(full, recurse, depth):
                self._emit(f, rel)
        elif o.filter_ok(os.path.basename(full)) and o.kind_ok(full):
            self._emit(full, os.path.basename(full))

    def _session(self, pp: ProviderPath, path: str, literal: bool, r: Resolver) -> None:
        drive = self.drive(pp.provider)
        scope = self._proc.scope
        keep = self.name_filter()
        if pp.path == "":
            names = drive.names(self.ctx, scope)
        else:
            names = [p.path for p in r.existing(path)]
        for name in names:
            if not keep(name) or not self.filter_ok(name):
                continue
            obj = drive.get(self.ctx, scope, name)
            if obj is not None:
                self.write_object(name if self.Name else obj)


# --- New-Item ----------------------------------------------------------------------------------------
_ITEM_TYPES = ("directory", "file", "symboliclink", "junction", "hardlink")


class NewItemCommand(ItemCmdlet):
    fq_name = "Microsoft.PowerShell.Commands.NewItemCommand"

    def process_record(self) -> None:
        paths = as_list(self.Path)
        if self.parameter_set_name == "nameSet":
            paths = [os.path.join(p, str(self.Name)) if p else str(self.Name)
                     for p in (paths or [""])]
            if not as_list(self.Path):
                paths = [str(self.Name)]
        for path in paths:
            try:
                pp = split_path(self.ctx.location, path)
            except Exception:  # noqa: BLE001 - an unknown drive is reported like pwsh does
                from pwshlike.providers import DriveNotFound
                try:
                    split_path(self.ctx.location, path)
                except DriveNotFound as e:
                    Resolver(self, True).drive_not_found(e.name)
                continue
            if pp.provider == FILESYSTEM:
                self._file_system(pp.path)
            else:
                self._session(pp)

    def _item_type(self) -> str | None:
        text = str(self.ItemType).strip().lower() if self.ItemType is not None else ""
        if not text:
            return "file"
        for name in _ITEM_TYPES:
            if name.startswith(text):
                return name
        self.write_error(self.error_record(
            'The type is not a known type for the file system. Only "file","directory" or '
            '"symboliclink" can be specified.', "Argument", "InvalidArgument", self.ItemType,
            exc("PSArgumentException")))
        return None

    def _file_system(self, full: str) -> None:
        kind = self._item_type()
        if kind is None:
            return
        force = bool(self.Force)
        if kind == "directory":
            if not self.should_process(f"Destination: {full}", "Create Directory"):
                return
            from pwshlike.providers.fsops import make_directory
            if make_directory(full, force, self.report):
                self.write_object(item_for(full))
            return
        if force and not os.path.isdir(os.path.dirname(full)):
            from pwshlike.providers.fsops import make_directory
            if not make_directory(os.path.dirname(full), True, self.report):
                return
        if kind in ("symboliclink", "hardlink", "junction"):
            self._link(full, kind)
            return
        if not self.should_process(f"Destination: {full}", "Create File"):
            return
        if os.path.isdir(full):
            self.report("NewItemIOError", f"Access to the path '{full}' is denied.",
                        "PermissionDenied", full, "UnauthorizedAccessException")
            return
        try:
            with open(full, "w" if force else "x", encoding="utf-8", newline="") as f:
                if self.Value is not None:
                    from pwshlike.runtime.convert import to_str
                    f.write(to_str(self.Value))
        except OSError as e:
            from pwshlike.providers.fsops import dotnet_message
            name, msg = dotnet_message(e, full)
            self.report("NewItemIOError", msg, "WriteError", full, name)
            return
        self.write_object(item_for(full))

    def _link(self, full: str, kind: str) -> None:
        from pwshlike.runtime.convert import to_str
        if kind == "junction":
            self.report("NewItemJunctionNotSupported", "Junctions are only supported on "
                        "Windows.", "InvalidOperation", full, "PSNotSupportedException")
            return
        if self.Value is None:
            self.report("ArgumentNull", "Value cannot be null. (Parameter 'content')",
                        "InvalidArgument", full, "PSArgumentNullException")
            return
        target = to_str(self.Value)
        resolved = split_path(self.ctx.location, target).path
        if not os.path.lexists(resolved):
            self.report("ItemNotFound", f"Could not find item {resolved}.", "ObjectNotFound",
                        resolved, "ItemNotFoundException")
            return
        if resolved == full:
            self.report("TargetIsSameAsLink", "The target and path cannot be the same.",
                        "InvalidArgument", full, "IOException")
            return
        action = "Create Symbolic Link" if kind == "symboliclink" else "Create Hard Link"
        if not self.should_process(f"Destination: {full}", action):
            return
        if os.path.lexists(full):
            if not self.Force or (os.path.isdir(full) and not os.path.islink(full) and
                                  os.listdir(full)):
                self.report("SymLinkExists" if kind == "symboliclink" else "HardLinkExists",
                            f"Cannot create link because the path already exists: {full}.",
                            "ResourceExists", full, "IOException")
                return
            if os.path.isdir(full) and not os.path.islink(full):
                os.rmdir(full)
            else:
                os.remove(full)
        try:
            if kind == "symboliclink":
                # pwsh keeps a relative target relative to the link
                os.symlink(target if not os.path.isabs(target.replace("\\", "/"))
                           else resolved, full)
            else:
                os.link(resolved, full)
        except OSError as e:
            from pwshlike.providers.fsops import dotnet_message
            name, msg = dotnet_message(e, full)
            self.report("NewItemIOError", msg, "WriteError", full, name)
            return
        self.write_object(item_for(full))

    def _session(self, pp: ProviderPath) -> None:
        drive = self.drive(pp.provider)
        scope = self._proc.scope
        if self.Value is None and pp.provider != "Function":
            self.report("NewItemValueNotSpecified", "Value cannot be null. (Parameter 'value')",
                        "InvalidArgument", pp.path, "PSArgumentNullException")
            return
        if drive.get(self.ctx, scope, pp.path) is not None and not self.Force:
            self.report("Argument", f"The item at path '{pp.path}' already exists.",
                        "InvalidArgument", pp.path, "PSArgumentException")
            return
        if not self.should_process(f"Item: {pp.path} Type: {self.ItemType or ''} Value: "
                                   f"{'' if self.Value is None else self.Value}", "New Item"):
            return
        drive.set(self.ctx, scope, pp.path, self.Value)
        obj = drive.get(self.ctx, scope, pp.path)
        if obj is not None:
            self.write_object(obj)


# --- Remove-Item -------------------------------------------------------------------------------------
class RemoveItemCommand(ItemCmdlet):
    fq_name = "Microsoft.PowerShell.Commands.RemoveItemCommand"

    def process_record(self) -> None:
        from pwshlike.providers.fsops import remove_tree
        force = bool(self.Force)
        for pp in self.resolved(force=force):
            if pp.provider != FILESYSTEM:
                self._session(pp)
                continue
            full = pp.path
            loc = self.ctx.location
            if loc == full or loc.startswith(full.rstrip("/") + "/"):
                self.report("InvalidOperation", f"Cannot remove the item at '{full}' because "
                            "it is in use.", "InvalidOperation", full,
                            "PSInvalidOperationException")
                continue
            is_dir = os.path.isdir(full) and not os.path.islink(full)
            if is_dir and not self.Recurse and _has_children(full) and \
                    not self._confirm_children(full):
                continue
            action = "Remove Directory" if is_dir else "Remove File"
            if not self.should_process(full, action):
                continue
            remove_tree(full, force, self.report)

    def _confirm_children(self, full: str) -> bool:
        from .host import should_continue
        return should_continue(
            self, f"The item at {full} has children and the Recurse parameter was not "
            "specified. If you continue, all children will be removed with the item. Are you "
            "sure you want to continue?", "Confirm")

    def _session(self, pp: ProviderPath) -> None:
        if pp.path == "":
            return
        drive = self.drive(pp.provider)
        if pp.provider == "Variable":
            from pwshlike.providers.session import variable_option
            owner = self._proc.scope.find_owner(pp.path.lower())
            option = variable_option(owner, pp.path.lower()) if owner is not None else "None"
            if option != "None" and ("Constant" in option or not self.Force):
                self.report("VariableNotRemovable", f"Cannot remove variable {pp.path} because "
                            "it is constant or read-only. If the variable is read-only, try "
                            "the operation again specifying the Force option.", "WriteError",
                            pp.path, "SessionStateUnauthorizedAccessException")
                return
        if self.should_process(f"Item: {pp.path}", "Remove Item"):
            drive.remove(self.ctx, self._proc.scope, pp.path)


def _has_children(folder: str) -> bool:
    try:
        with os.scandir(folder) as it:
            return any(True for _ in it)
    except OSError:
        return False


# --- Copy-Item / Move-Item / Rename-Item ---------------------------------------------------------
class CopyItemCommand(ItemCmdlet):
    fq_name = "Microsoft.PowerShell.Commands.CopyItemCommand"

    def process_record(self) -> None:
        dest_arg = str(self.Destination) if self.Destination is not None else "."
        for pp in self.resolved(force=True):
            if pp.provider != FILESYSTEM:
                self._session(pp, dest_arg)
                continue
            try:
                dest = split_path(self.ctx.location, dest_arg).path
            except Exception:  # noqa: BLE001 - reported as a bad drive below
                Resolver(self, True).split(dest_arg)
                return
            if os.path.isdir(pp.path) and not os.path.islink(pp.path):
                self._copy_dir(pp.path, dest)
            else:
                self._copy_file(pp.path, dest)

    def _copy_file(self, src: str, dest: str) -> None:
        from pwshlike.providers.fsops import copy_file
        target = os.path.join(dest, os.path.basename(src)) if os.path.isdir(dest) else dest
        if not self.should_process(f"Item: {src} Destination: {target}", "Copy File"):
            return
        done = copy_file(src, dest, bool(self.Force), self.report)
        if done is not None and self.PassThru:
            self.write_object(item_for(done))

    def _copy_dir(self, src: str, dest: str) -> None:
        from pwshlike.providers.fsops import make_directory
        if os.path.isdir(dest):
            dest = os.path.join(dest, os.path.basename(src.rstrip("/")))
        real_src = os.path.realpath(src)
        if self.Recurse and (os.path.realpath(dest) + "/").startswith(real_src + "/"):
            self.report("CopyError", "Destination path cannot be a subdirectory of the source "
                        f"or the source itself: {dest}.", "WriteError", dest, "IOException")
            return
        if not self.should_process(f"Item: {src} Destination: {dest}", "Copy Directory"):
            return
        if make_directory(dest, bool(self.Force), self.report) and self.PassThru:
            self.write_object(item_for(dest))
        if not self.Recurse or not os.path.isdir(dest):
            return
        keep = self.name_filter()
        try:
            names = sorted(os.listdir(src), key=str.lower)
        except OSError:
            return
        for name in names:
            full = os.path.join(src, name)
            if os.path.isdir(full) and not os.path.islink(full):
                if keep(name) or not self.Include:
                    self._copy_dir(full, dest)
            elif keep(name) and self.filter_ok(name):
                self._copy_file(full, os.path.join(dest, name))

    def _session(self, pp: ProviderPath, dest_arg: str) -> None:
        drive = self.drive(pp.provider)
        scope = self._proc.scope
        target = split_path(self.ctx.location, dest_arg)
        name = target.path if target.provider == pp.provider else dest_arg
        item = drive.get(self.ctx, scope, pp.path)
        if item is None or not name:
            return
        if self.should_process(f"Item: {pp.path} Destination: {name}", "Copy Item"):
            drive.set(self.ctx, scope, name, drive.value_of(item))
            if self.PassThru:
                self.write_object(drive.get(self.ctx, scope, name))


class MoveItemCommand(ItemCmdlet):
    fq_name = "Microsoft.PowerShell.Commands.MoveItemCommand"

    def process_record(self) -> None:
        from pwshlike.providers.fsops import move
        dest_arg = str(self.Destination) if self.Destination is not None else "."
        for pp in self.resolved(force=True):
            if pp.provider != FILESYSTEM:
                self.report("NotSupported", "Move-Item works on the FileSystem provider only in "
                            "pwshlike.", "NotImplemented", pp.path, "PSNotSupportedException")
                continue
            try:
                dest = split_path(self.ctx.location, dest_arg).path
            except Exception:  # noqa: BLE001 - reported as a bad drive
                Resolver(self, True).split(dest_arg)
                return
            src = pp.path
            loc = self.ctx.location
            if loc == src or loc.startswith(src.rstrip("/") + "/"):
                self.report("InvalidOperation", f"Cannot move the item at '{src}' because it "
                            "is in use.", "InvalidOperation", src, "PSInvalidOperationException")
                continue
            action = "Move Directory" if os.path.isdir(src) else "Move File"
            shown = os.path.join(dest, os.path.basename(src)) if os.path.isdir(dest) else dest
            if not self.should_process(f"Item: {src} Destination: {shown}", action):
                continue
            done = move(src, dest, bool(self.Force), self.report)
            if done is not None and self.PassThru:
                self.write_object(item_for(done))


class RenameItemCommand(ItemCmdlet):
    fq_name = "Microsoft.PowerShell.Commands.RenameItemCommand"

    def process_record(self) -> None:
        new_name = str(self.NewName)
        for pp in self.resolved(force=True)[:1]:
            if pp.provider != FILESYSTEM:
                self._session(pp, new_name)
                continue
            src = pp.path
            parent = os.path.dirname(src)
            if "/" in new_name.replace("\\", "/"):
                target = split_path(self.ctx.location, new_name).path
                if os.path.dirname(target) != parent:
                    self.report("Argument", "Cannot rename the specified target, because it "
                                "represents a path or device name.", "InvalidArgument",
                                new_name, "PSArgumentException")
                    continue
                new_name = os.path.basename(target)
            dest = os.path.join(parent, new_name)
            action = "Rename Directory" if os.path.isdir(src) else "Rename File"
            if not self.should_process(f"Item: {src} Destination: {dest}", action):
                continue
            if os.path.lexists(dest) and os.path.normcase(dest) != os.path.normcase(src):
                self.report("RenameItemIOError", "Cannot create a file when that file already "
                            "exists.", "WriteError", src, "IOException")
                continue
            try:
                os.rename(src, dest)
            except OSError as e:
                from pwshlike.providers.fsops import dotnet_message
                name, msg = dotnet_message(e, src)
                self.report("RenameItemIOError", msg, "WriteError", src, name)
                continue
            if self.PassThru:
                self.write_object(item_for(dest))

    def _session(self, pp: ProviderPath, new_name: str) -> None:
        drive = self.drive(pp.provider)
        scope = self._proc.scope
        item = drive.get(self.ctx, scope, pp.path)
        if item is None:
            return
        if drive.get(self.ctx, scope, new_name) is not None and not self.Force:
            self.report("Argument", f"The item at path '{new_name}' already exists.",
                        "InvalidArgument", new_name, "PSArgumentException")
            return
        if self.should_process(f"Item: {pp.path} Destination: {new_name}", "Rename Item"):
            value = drive.value_of(item)
            drive.remove(self.ctx, scope, pp.path)
            drive.set(self.ctx, scope, new_name, value)
            if self.PassThru:
                self.write_object(drive.get(self.ctx, scope, new_name))


# --- Get-ItemProperty --------------------------------------------------------------------------------
class GetItemPropertyCommand(ItemCmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetItemPropertyCommand"

    def process_record(self) -> None:
        from pwshlike.runtime.values import PSCustomObject
        wanted = as_list(self.Name)
        for pp in self.resolved(force=True):
            obj = self.item(pp)
            if obj is None:
                continue
            if not wanted:
                self.write_object(obj)
                continue
            props = []
            names = list(getattr(obj, "ps_properties", ()) or ())
            from ._session import wildcard
            for pattern in wanted:
                rx = wildcard(pattern)
                hits = [n for n in names if rx.fullmatch(n)]
                if not hits and not has_wildcard(pattern):
                    self.report("System.Management.Automation.PSArgumentException",
                            f"Property {pattern} does not exist at "
                                f"path {pp.path}.", "InvalidArgument", pattern,
                                "PSArgumentException")
                props += [h for h in hits if h not in props]
            if props:
                self.write_object(PSCustomObject([(n, getattr(obj, n)) for n in props]))
