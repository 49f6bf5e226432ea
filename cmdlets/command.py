"""Get-Command: the commands the session can run, as CommandInfo objects.

A name without wildcards is looked up as the shell runs it (alias, function, cmdlet, then
a script or program on PATH) and only the first hit is returned unless ``-All``; patterns
collect every match, sorted by command type and then name, as pwsh sorts them.
"""
from __future__ import annotations

import os

from pwshlike.cmdlet import Cmdlet
from pwshlike.providers.session import AliasInfo, ApplicationInfo, CmdletInfo, FunctionInfo

from ._session import as_list, exc, has_wildcard, wildcard

# pwsh's CommandTypes values: the sort order of the results
TYPE_ORDER = {"Alias": 1, "Function": 2, "Filter": 4, "Cmdlet": 8, "ExternalScript": 16,
              "Application": 32, "Script": 64, "Configuration": 256}
ALL_TYPES = set(TYPE_ORDER)
DEFAULT_LISTED = {"Alias", "Function", "Filter", "Cmdlet", "Configuration"}


class GetCommandCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetCommandCommand"

    def begin_processing(self) -> None:
        self.results: list = []
        self.names: list[str] = []

    def process_record(self) -> None:
        self.names.extend(as_list(self.Name))

    def end_processing(self) -> None:
        types = self._types()
        modules = [wildcard(m) for m in as_list(self.Module)]
        found: list = []
        sort = True
        if self.names:
            sort = any(has_wildcard(n) for n in self.names)
            for name in self.names:
                module_part, sep, plain = name.rpartition("\\")
                hits = self._by_name(plain if sep else name, types)
                if sep:
                    rx = wildcard(module_part)
                    hits = [c for c in hits if rx.fullmatch(c.Source or "")]
                hits = [c for c in hits if self._wanted(c, modules) and c not in found]
                if not hits and not has_wildcard(name):
                    self._not_found(name)
                found.extend(hits)
        else:
            found = [c for c in self._listed(types & DEFAULT_LISTED) if self._wanted(c, modules)]
        if sort:
            found.sort(key=lambda c: (TYPE_ORDER.get(c.CommandType, 999), c.Name.lower()))
        if self.is_bound("TotalCount") and self.TotalCount is not None and self.TotalCount >= 0:
            found = found[:int(self.TotalCount)]
        for c in found:
            if self.Syntax:
                text = self._syntax(c)
                if text:
                    self.write_object(text)
            else:
                self.write_object(c)

    # --- filters ------------------------------------------------------------------------------------------
    def _types(self) -> set[str]:
        if self.CommandType is None:
            return ALL_TYPES if self.names else DEFAULT_LISTED
        wanted: set[str] = set()
        for t in _type_names(self.CommandType):
            if t.lower() == "all":
                wanted |= ALL_TYPES
            else:
                wanted |= {k for k in ALL_TYPES if k.lower() == t.lower()}
        return wanted

    def _wanted(self, c, modules) -> bool:
        if modules and not any(rx.fullmatch(c.Source or "") for rx in modules):
            return False
        if c.CommandType == "Application" and modules:
            return False
        verbs, nouns = as_list(self.Verb), as_list(self.Noun)
        if verbs or nouns:
            verb, dash, noun = c.Name.partition("-")
            if not dash or c.CommandType == "Application":
                return False
            if verbs and not any(wildcard(v).fullmatch(verb) for v in verbs):
                return False
            if nouns and not any(wildcard(n).fullmatch(noun) for n in nouns):
                return False
        if self.ParameterName is not None:
            params = c.Parameters
            if not params:
                return False
            names = []
            for key in params:
                names.append(str(key))
                names.extend(params[key].Aliases)
            pats = [wildcard(p) for p in as_list(self.ParameterName)]
            if not any(rx.fullmatch(n) for rx in pats for n in names):
                return False
        return True

    # --- the session's commands -----------------------------------------------------------------------
    def _aliases(self):
        ctx = self.ctx
        for key in ctx.aliases:
            name = ctx.alias_meta.get(key, {}).get("name", key)
            yield AliasInfo(ctx, name, ctx.aliases[key])

    def _functions(self):
        from pwshlike.engine import _BUILTIN_FUNCTION_KEYS
        table = self.current_scope.functions
        seen = set()
        items = list(dict.items(table))
        fallback = getattr(table, "fallback", None)
        if fallback is not None:
            items += list(fallback.functions.items())
        for key, info in items:
            if key in seen:
                continue
            seen.add(key)
            yield FunctionInfo(function_name(key, info), info)
        for key in _BUILTIN_FUNCTION_KEYS:
            if key not in seen:
                yield FunctionInfo(_BUILTIN_FUNCTION_KEYS[key], self.ctx._builtin_function(key))

    def _cmdlets(self):
        for info in self.ctx.cmdlets.values():
            yield CmdletInfo(info)

    def _listed(self, types: set[str]) -> list:
        out: list = []
        if "Alias" in types:
            out.extend(self._aliases())
        if types & {"Function", "Filter"}:
            out.extend(f for f in self._functions() if f.CommandType in types)
        if "Cmdlet" in types:
            out.extend(self._cmdlets())
        return out

    def _by_name(self, name: str, types: set[str]) -> list:
        """Commands called ``name`` (a pattern or a plain name), in run order."""
        if has_wildcard(name):
            rx = wildcard(name)
            hits = [c for c in self._listed(types) if rx.fullmatch(c.Name)]
            if not self.ListImported:
                hits.extend(self._path_matches(rx, types))
            return hits
        low = name.lower()
        hits: list = []
        if "Alias" in types and low in self.ctx.aliases:
            meta = self.ctx.alias_meta.get(low, {})
            hits.append(AliasInfo(self.ctx, meta.get("name", name), self.ctx.aliases[low]))
        if types & {"Function", "Filter"}:
            hits.extend(f for f in self._functions() if f.Name.lower() == low and
                        f.CommandType in types)
        if "Cmdlet" in types and low in self.ctx.cmdlets:
            hits.append(CmdletInfo(self.ctx.cmdlets[low]))
        if not self.ListImported:
            hits.extend(self._on_path(name, types))
        return hits if self.All else hits[:1]

    def _on_path(self, name: str, types: set[str]) -> list:
        from pwshlike.runtime.native import find_native
        from pwshlike.runtime.scriptfile import ExternalScriptInfo, find_script
        hits: list = []
        if "ExternalScript" in types:
            script = find_script(name, self.ctx.location)
            if script is not None and (name.lower().endswith(".ps1") or "/" in name):
                hits.append(ExternalScriptInfo(script))
        if "Application" in types:
            if "/" in name or name.startswith("."):
                path = find_native(name, self.ctx.location)
                if path is not None:
                    hits.append(ApplicationInfo(os.path.basename(path), path))
            else:
                for folder in _path_folders():
                    path = os.path.join(folder, name)
                    if os.path.isfile(path) and os.access(path, os.X_OK):
                        hits.append(ApplicationInfo(name, path))
                        if not self.All:
                            break
        if "ExternalScript" in types and not hits and not name.lower().endswith(".ps1"):
            script = find_script(name, self.ctx.location)
            if script is not None:
                hits.append(ExternalScriptInfo(script))
        return hits

    def _path_matches(self, rx, types: set[str]) -> list:
        """Programs and scripts in the PATH folders whose names match a pattern."""
        from pwshlike.runtime.scriptfile import ExternalScriptInfo
        hits: list = []
        seen: set[str] = set()
        for folder in _path_folders():
            try:
                entries = sorted(os.listdir(folder))
            except OSError:
                continue
            for entry in entries:
                if not rx.fullmatch(entry) or (entry in seen and not self.All):
                    continue
                path = os.path.join(folder, entry)
                if entry.lower().endswith(".ps1"):
                    if "ExternalScript" in types and os.path.isfile(path):
                        hits.append(ExternalScriptInfo(path))
                        seen.add(entry)
                elif "Application" in types and os.path.isfile(path) and \
                        os.access(path, os.X_OK):
                    hits.append(ApplicationInfo(entry, path))
                    seen.add(entry)
        return hits

    # --- output -------------------------------------------------------------------------------------------
    def _syntax(self, c) -> str:
        if c.CommandType == "Application":
            return c.Path
        if c.CommandType == "Alias":
            target = c.ResolvedCommand
            if target is None:
                return ""
            if target.CommandType == "Application":
                return target.Path
            body = target.Syntax.replace(target.Name, c.Name)
            return f"{c.Name} (alias) -> {target.Name}\n{body}"
        return c.Syntax

    def _not_found(self, name: str) -> None:
        self.write_error(self.error_record(
            f"The term '{name}' is not recognized as a name of a cmdlet, function, script file, "
            "or executable program.\nCheck the spelling of the name, or if a path was included, "
            "verify that the path is correct and try again.", "CommandNotFoundException",
            "ObjectNotFound", name, exc("CommandNotFoundException")))


def function_name(key: str, info) -> str:
    """A function table entry's name as defined or imported (``-Prefix`` renames)."""
    name = getattr(info, "name", None) or key
    if name.lower() != key and info.module is not None:
        return info.module.display_names.get(key, key)
    return name


def _type_names(value) -> list[str]:
    from pwshlike.runtime.convert import to_str
    items = value if isinstance(value, list) else [value]
    out = []
    for v in items:
        out.extend(part.strip() for part in to_str(v).split(",") if part.strip())
    return out


def _path_folders() -> list[str]:
    seen = []
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if folder and folder not in seen:
            seen.append(folder)
    return seen
