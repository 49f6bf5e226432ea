"""Import-Module, Export-ModuleMember, Get-Module, Remove-Module: script modules.

The loading itself (module scope, exports, manifests) is in ``pwshlike.runtime.modules``;
these classes are the command-line face of it and produce pwsh's errors.
"""
from __future__ import annotations

import os

from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime import modules as M
from pwshlike.runtime.convert import to_str

from ._session import as_list, exc, has_wildcard, wildcard


def _version_tuple(text) -> tuple:
    parts = []
    for p in to_str(text).split("."):
        try:
            parts.append(int(p))
        except ValueError:
            parts.append(0)
    while len(parts) < 4:
        parts.append(0)
    return tuple(parts)


class ImportModuleCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ImportModuleCommand"

    def process_record(self) -> None:
        if self.parameter_set_name == "ModuleInfo":
            for m in self.ModuleInfo if isinstance(self.ModuleInfo, list) else [self.ModuleInfo]:
                self._import(m.Path, m.Name)
            return
        for name in as_list(self.Name):
            path = M.find_module(name, self.ctx.location)
            if path is None:
                self._not_found(name)
                continue
            self._import(path, name)

    # --- where the members go ---------------------------------------------------------------------------
    def _target(self):
        scope = self.current_scope
        if self.Global or to_str(self.Scope or "").lower() == "global":
            return self.ctx.global_scope
        if to_str(self.Scope or "").lower() == "local":
            return scope
        # called from a module's code: the members go to that module
        if getattr(scope.script, "module", None) is not None:
            return scope.script
        return self.ctx.global_scope

    # --- loading ----------------------------------------------------------------------------------------------
    def _import(self, path: str, requested: str) -> None:
        ctx = self.ctx
        existing = next((m for m in ctx.modules if m.Path == path), None)
        if existing is not None and not self.Force:
            self._publish(existing)
            return
        if existing is not None:
            M.remove_module(ctx, existing)
        module = self._load(path, requested)
        if module is None:
            return
        ctx.modules.append(module)
        self._publish(module)

    def _publish(self, module) -> None:
        for name in module.functions:
            self.write_verbose(f"Importing function '{M.prefixed(name, to_str(self.Prefix or ''))}'.")
        skip = None
        if self.NoClobber:
            def skip(name: str) -> bool:
                low = name.lower()
                return self._target().functions.get(low) is not None or low in self.ctx.cmdlets
        M.import_members(self.ctx, module, self._target(), to_str(self.Prefix or ""),
                         _patterns(self.Function), _patterns(self.Variable),
                         _patterns(self.Alias), skip)
        if self.PassThru:
            self.write_object(module)

    def _load(self, path: str, requested: str):
        ctx = self.ctx
        name = os.path.splitext(os.path.basename(path))[0]
        self.write_verbose(f"Loading module from path '{path}'.")
        if path.lower().endswith(".psd1"):
            try:
                manifest = M.read_manifest(ctx, path)
            except M.ManifestError as e:
                self.throw_terminating_error(self.error_record(
                    str(e), "Modules_InvalidManifest", "InvalidOperation", path,
                    exc("InvalidOperationException")))
            version = to_str(manifest.get("moduleversion") or "0.0")
            if not self._version_ok(name, version):
                return None
            if not self._required(manifest.get("requiredmodules"), path):
                return None
            root = manifest.get("rootmodule") or manifest.get("moduletoprocess")
            if root:
                root_path = os.path.join(os.path.dirname(path), to_str(root))
                if not os.path.splitext(root_path)[1] and os.path.isfile(root_path + ".psm1"):
                    root_path += ".psm1"
                if not os.path.isfile(root_path):
                    self._not_found(to_str(root))
                    return None
                module = M.PSModuleInfo(name, root_path, version, "Script")
                M.run_module_script(ctx, module, root_path, self._proc.out, self._args())
            else:
                module = M.PSModuleInfo(name, path, version, "Manifest")
            module.manifest = manifest
            module.Path = path if not root else module.Path
            module.Description = to_str(manifest.get("description") or "")
            module.Author = to_str(manifest.get("author") or "")
            module.Guid = manifest.get("guid")
            module.PrivateData = manifest.get("privatedata")
            M.apply_manifest_filters(module, manifest)
            return module
        if not self._version_ok(name, "0.0"):
            return None
        module = M.PSModuleInfo(name, path)
        M.run_module_script(ctx, module, path, self._proc.out, self._args())
        return module

    def _args(self) -> list:
        a = self.ArgumentList
        if a is None:
            return []
        return list(a) if isinstance(a, list) else [a]

    def _version_ok(self, name: str, version: str) -> bool:
        have = _version_tuple(version)
        checks = ((self.MinimumVersion, lambda want: have >= want),
                  (self.RequiredVersion, lambda want: have == want),
                  (self.MaximumVersion, lambda want: have <= want))
        for value, ok in checks:
            if value is not None and not ok(_version_tuple(value)):
                wanted = to_str(value)
                self.write_error(self.error_record(
                    f"The specified module '{name}' with version '{wanted}' was not loaded "
                    "because no valid module file was found in any module directory.",
                    "Modules_ModuleWithVersionNotFound", "ResourceUnavailable", name,
                    exc("FileNotFoundException")))
                return False
        return True

    def _required(self, required, manifest_path: str) -> bool:
        from pwshlike.runtime.values import Hashtable
        for item in required if isinstance(required, list) else ([required] if required else []):
            req = to_str(item.get("ModuleName") if isinstance(item, Hashtable) else item)
            if any(m.Name.lower() == req.lower() for m in self.ctx.modules):
                continue
            path = M.find_module(req, os.path.dirname(manifest_path))
            if path is None:
                self.write_error(self.error_record(
                    f"The required module '{req}' is not loaded. Load the module or remove the "
                    f"module from 'RequiredModules' in the file '{manifest_path}'.",
                    "Modules_InvalidManifest", "ResourceUnavailable", manifest_path,
                    exc("InvalidOperationException")))
                return False
            module = self._load(path, req)
            if module is None:
                return False
            self.ctx.modules.append(module)
            M.import_members(self.ctx, module, self.ctx.global_scope)
        return True

    def _not_found(self, name: str) -> None:
        self.write_error(self.error_record(
            f"The specified module '{name}' was not loaded because no valid module file was "
            "found in any module directory.", "Modules_ModuleNotFound", "ResourceUnavailable",
            name, exc("FileNotFoundException")))


def _patterns(value) -> list[str] | None:
    return None if value is None else as_list(value)


class ExportModuleMemberCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ExportModuleMemberCommand"

    def process_record(self) -> None:
        if not self.ctx.module_stack:
            self.throw_terminating_error(self.error_record(
                "The Export-ModuleMember cmdlet can only be called from inside a module.",
                "Modules_CanOnlyExecuteExportModuleMemberInsideAModule", "PermissionDenied",
                None, exc("InvalidOperationException")))
        module = self.ctx.module_stack[-1]
        for kind, value in (("functions", self.Function), ("variables", self.Variable),
                            ("aliases", self.Alias)):
            attr = "export_" + kind
            current = getattr(module, attr) or []
            setattr(module, attr, current + as_list(value))


class GetModuleCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetModuleCommand"

    def process_record(self) -> None:
        patterns = as_list(self.Name) or ["*"]
        rxs = [wildcard(p) for p in patterns]
        if self.ListAvailable:
            for base, path in M.available_modules():
                name = os.path.splitext(os.path.basename(path))[0]
                if any(rx.fullmatch(name) for rx in rxs):
                    self.write_object(_available_info(self.ctx, base, path))
            return
        for m in list(self.ctx.modules):
            if any(rx.fullmatch(m.Name) for rx in rxs):
                self.write_object(m)


def _available_info(ctx, base: str, path: str):
    """A PSModuleInfo for a module file that is not loaded: version and exports from its
    manifest, else the functions its ``.psm1`` defines at top level."""
    name = os.path.splitext(os.path.basename(path))[0]
    info = M.AvailableModuleInfo(name, path)
    info.list_dir = base
    script = path
    if path.lower().endswith(".psd1"):
        try:
            manifest = M.read_manifest(ctx, path)
        except Exception:  # noqa: BLE001 - a broken manifest is still listed
            manifest = {}
        info.Version = to_str(manifest.get("moduleversion") or "0.0")
        root = manifest.get("rootmodule") or manifest.get("moduletoprocess")
        info.ModuleType = "Script" if root else "Manifest"
        info.Description = to_str(manifest.get("description") or "")
        listed = M._patterns(manifest.get("functionstoexport"))
        script = os.path.join(os.path.dirname(path), to_str(root)) if root else None
        if listed is not None and not any(has_wildcard(x) for x in listed):
            for f in listed:
                info.functions[f] = None
            return info
    if script and os.path.isfile(script):
        for f in _top_level_functions(script):
            info.functions[f] = None
    return info


def _top_level_functions(path: str) -> list[str]:
    from pwshlike import parse
    from pwshlike.errors import ParseError
    from pwshlike.parser import ast as A
    try:
        with open(path, encoding="utf-8-sig") as f:
            tree = parse(f.read(), path)
    except (OSError, ParseError):
        return []
    block = tree.end_block
    return [st.name for st in (block.statements if block else [])
            if isinstance(st, A.FunctionDefinition)]


class RemoveModuleCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.RemoveModuleCommand"

    def process_record(self) -> None:
        ctx = self.ctx
        if self.parameter_set_name == "ModuleInfo":
            items = self.ModuleInfo if isinstance(self.ModuleInfo, list) else [self.ModuleInfo]
            targets = [m for m in items if m in ctx.modules]
        else:
            targets = []
            for pattern in as_list(self.Name):
                rx = wildcard(pattern)
                hits = [m for m in ctx.modules if rx.fullmatch(m.Name) and m not in targets]
                if not hits and not has_wildcard(pattern):
                    self.write_error(self.error_record(
                        "No modules were removed. Verify that the specification of modules to "
                        "remove is correct and those modules exist in the runspace.",
                        "Modules_NoModulesRemoved", "ResourceUnavailable", pattern,
                        exc("InvalidOperationException")))
                targets.extend(hits)
        for m in targets:
            if self.should_process(f"{m.Name} (Path: '{m.Path}')", "Remove-Module"):
                M.remove_module(ctx, m)
