"""Script modules: ``.psm1`` files (with an optional ``.psd1`` manifest) and their scopes.

A module runs in its own *module scope*, a script scope whose parent is the global
scope: its functions see the module's variables (``$script:x`` is the module scope), not
their caller's.  Every function the module defines remembers that scope
(``info.module_scope``) and runs in a child of it wherever it is called from.  What the
importer sees is decided by ``Export-ModuleMember`` (else: every function, no variable, no
alias), filtered by the manifest's ``*ToExport`` lists and Import-Module's ``-Function``.
"""
from __future__ import annotations

import functools
import os

from .context import Scope

MODULE_EXTENSIONS = (".psd1", ".psm1")


class ModuleFunctions(dict):
    """A module scope's function table: the module's own functions, then (looked up live)
    the global ones, so module code also finds functions defined after the import."""

    def __init__(self, fallback: Scope) -> None:
        super().__init__()
        self.fallback = fallback

    def get(self, key, default=None):
        v = dict.get(self, key)
        if v is not None:
            return v
        return self.fallback.functions.get(key, default)

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or key in self.fallback.functions


class PSModuleInfo:
    """An imported (or available) module, as Get-Module lists it."""

    dotnet_fullname = "System.Management.Automation.PSModuleInfo"
    ps_properties = ("Name", "Path", "Description", "ModuleType", "Version", "ModuleBase",
                     "ExportedFunctions", "ExportedCmdlets", "ExportedVariables",
                     "ExportedAliases", "ExportedCommands", "RequiredModules", "PrivateData")

    def __init__(self, name: str, path: str, version: str = "0.0",
                 module_type: str = "Script") -> None:
        self.Name = name
        self.Path = path
        self.ModuleBase = os.path.dirname(path)
        self.Version = version
        self.ModuleType = module_type
        self.Description = ""
        self.Author = ""
        self.Guid = None
        self.PrivateData = None
        self.RequiredModules: list = []
        self.manifest: dict | None = None
        self.scope: Scope | None = None
        self.PreRelease = ""
        # set by Export-ModuleMember while the module loads (None: not called)
        self.export_functions: list[str] | None = None
        self.export_variables: list[str] | None = None
        self.export_aliases: list[str] | None = None
        self.functions: dict[str, object] = {}      # exported name -> ScriptBlockInfo
        self.variables: dict[str, object] = {}
        self.aliases: dict[str, str] = {}
        self.own_aliases: list[str] = []            # every alias the module body made
        self.imported_into: list[tuple[Scope, list[str]]] = []
        self.display_names: dict[str, str] = {}     # lower-case imported name -> as imported

    @staticmethod
    def ps_table_view():
        return _module_view()

    @property
    def ExportedFunctions(self):
        from ..providers.session import FunctionInfo
        from .values import Hashtable
        return Hashtable([(n, FunctionInfo(n, f)) for n, f in self.functions.items()])

    @property
    def ExportedCmdlets(self):
        from .values import Hashtable
        return Hashtable()

    @property
    def ExportedVariables(self):
        from .values import Hashtable
        return Hashtable(list(self.variables.items()))

    @property
    def ExportedAliases(self):
        from .values import Hashtable
        return Hashtable(list(self.aliases.items()))

    @property
    def ExportedCommands(self):
        from ..providers.session import FunctionInfo
        from .values import Hashtable
        items = [(n, FunctionInfo(n, f)) for n, f in self.functions.items()]
        items += [(n, d) for n, d in self.aliases.items()]
        return Hashtable(sorted(items, key=lambda kv: kv[0].lower()))

    def command_names(self) -> list[str]:
        return sorted([*self.functions, *self.aliases], key=str.lower)

    def ToString(self) -> str:
        return self.Name

    def __str__(self) -> str:
        return self.Name


class AvailableModuleInfo(PSModuleInfo):
    """A module found by ``Get-Module -ListAvailable``: listed under its folder."""

    list_dir = ""

    @staticmethod
    def ps_table_view():
        return _module_view(grouped=True)


@functools.cache
def _module_view(grouped: bool = False):
    from ..host.formatting import TableColumn, TableView
    columns = (TableColumn("ModuleType", "ModuleType", width=10),
               TableColumn("Version", "Version", width=10),
               TableColumn("PreRelease", "PreRelease", width=10),
               TableColumn("Name", "Name", width=35),
               TableColumn("ExportedCommands",
                           lambda m: "{" + ", ".join(m.command_names()) + "}"))
    if not grouped:
        return TableView(columns=columns, type_keys=frozenset({PSModuleInfo.dotnet_fullname}))
    return TableView(columns=columns, type_keys=frozenset({PSModuleInfo.dotnet_fullname}),
                     group_by=lambda m: m.list_dir, group_label="    Directory: ")


# --- finding modules ------------------------------------------------------------------------------------
def module_paths() -> list[str]:
    return [p for p in os.environ.get("PSModulePath", "").split(os.pathsep) if p]


def _is_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.startswith((".", "~")) or name.lower().endswith(MODULE_EXTENSIONS)


def _module_file_in(folder: str, name: str) -> str | None:
    """``<folder>/<name>.psd1`` or ``.psm1``, else the newest ``<folder>/<version>/...``."""
    for ext in MODULE_EXTENSIONS:
        p = os.path.join(folder, name + ext)
        if os.path.isfile(p):
            return p
    try:
        versions = [d for d in os.listdir(folder) if _version_key(d) is not None and
                    os.path.isdir(os.path.join(folder, d))]
    except OSError:
        return None
    for v in sorted(versions, key=_version_key, reverse=True):
        found = _module_file_in(os.path.join(folder, v), name)
        if found:
            return found
    return None


def _version_key(text: str):
    parts = text.split(".")
    if not parts or not all(p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def find_module(name: str, location: str) -> str | None:
    """The module file a name or path stands for, or None."""
    if _is_path(name):
        path = os.path.abspath(os.path.join(location, os.path.expanduser(name)))
        if os.path.isfile(path) and path.lower().endswith(MODULE_EXTENSIONS):
            return path
        if os.path.isdir(path):
            return _module_file_in(path, os.path.basename(path.rstrip(os.sep)))
        for ext in MODULE_EXTENSIONS:
            if os.path.isfile(path + ext):
                return path + ext
        return None
    for base in module_paths():
        folder = os.path.join(base, name)
        if os.path.isdir(folder):
            found = _module_file_in(folder, name)
            if found:
                return found
        for ext in MODULE_EXTENSIONS:
            p = os.path.join(base, name + ext)
            if os.path.isfile(p):
                return p
    return None


def available_modules() -> list[tuple[str, str]]:
    """(PSModulePath folder, module file) for every module Get-Module -ListAvailable shows."""
    out = []
    for base in module_paths():
        try:
            names = sorted(os.listdir(base), key=str.lower)
        except OSError:
            continue
        for n in names:
            folder = os.path.join(base, n)
            if os.path.isdir(folder):
                found = _module_file_in(folder, n)
                if found:
                    out.append((base, found))
    return out


# --- manifests -------------------------------------------------------------------------------------------
def read_manifest(ctx, path: str) -> dict:
    """A ``.psd1`` file's hashtable, keys folded to lower case.  The file is evaluated as a
    PowerShell expression in a throwaway scope (pwsh restricts it to the data language)."""
    from .. import parse
    from ..compiler.codegen import compile_script
    from ..errors import ParseError
    from .invoke import run_block
    from .scriptfile import parse_exception, read_script_text
    from .values import Hashtable
    text = read_script_text(path)
    try:
        info = compile_script(parse(text, path), text, path)
    except ParseError as e:
        raise parse_exception(e) from None
    out: list = []
    run_block(ctx, info.end, Scope(ctx.global_scope), out)
    if len(out) != 1 or not isinstance(out[0], Hashtable):
        raise ManifestError(f"The module manifest '{path}' could not be processed because it "
                            "is not a valid PowerShell restricted language file. Remove the "
                            "elements that are not permitted by the restricted language:")
    return {str(k).lower(): v for k, v in out[0].items()}


class ManifestError(Exception):
    """The manifest is not a hashtable data file."""


def _patterns(value) -> list[str] | None:
    if value is None:
        return None
    from .convert import to_str
    items = value if isinstance(value, list) else [value]
    return [to_str(v) for v in items]


def _match(name: str, patterns: list[str] | None, default: bool) -> bool:
    if patterns is None:
        return default
    from .regex import compile_wildcard
    return any(compile_wildcard(p).fullmatch(name) for p in patterns)


# --- loading -----------------------------------------------------------------------------------------------
def new_module_scope(ctx, module: PSModuleInfo) -> Scope:
    scope = Scope(ctx.global_scope, is_script=True)
    scope.functions = ModuleFunctions(ctx.global_scope)
    scope.owns_functions = True
    scope.module = module           # read by define_function to tag the module's functions
    scope.vars["psscriptroot"] = module.ModuleBase
    scope.vars["pscommandpath"] = module.Path
    module.scope = scope
    return scope


def run_module_script(ctx, module: PSModuleInfo, path: str, out, args=()) -> None:
    """Run a ``.psm1`` in a fresh module scope and work out what it exports."""
    from .commands import FunctionProcessor
    from .scriptfile import compile_file
    info = compile_file(path)
    scope = new_module_scope(ctx, module)
    aliases_before = dict(ctx.aliases)
    ctx.module_stack.append(module)
    try:
        proc = FunctionProcessor(ctx, info, scope, [(None, a, None) for a in args], out,
                                 module.Name, dot_source=True)
        proc.begin(False)
        proc.end()
    finally:
        ctx.module_stack.pop()
    module.own_aliases = [k for k, v in ctx.aliases.items()
                          if aliases_before.get(k) != v]
    funcs = dict.items(scope.functions)
    for key, fn in funcs:
        name = getattr(fn, "name", None) or key
        if _match(name, module.export_functions, True):
            module.functions[name] = fn
    for key, value in scope.vars.items():
        if key in ("psscriptroot", "pscommandpath", "args", "input", "psboundparameters"):
            continue
        if _match(key, module.export_variables, False):
            module.variables[key] = value
    for key in module.own_aliases:
        name = ctx.alias_meta.get(key, {}).get("name", key)
        if _match(name, module.export_aliases, True):
            module.aliases[name] = ctx.aliases[key]
            ctx.alias_meta.setdefault(key, {})["module"] = module.Name
        else:
            # a module's private alias is not the session's
            ctx.aliases.pop(key, None)
            ctx.alias_meta.pop(key, None)
            if key in aliases_before:
                ctx.aliases[key] = aliases_before[key]


def apply_manifest_filters(module: PSModuleInfo, manifest: dict) -> None:
    for key, table in (("functionstoexport", module.functions),
                       ("variablestoexport", module.variables),
                       ("aliasestoexport", module.aliases)):
        patterns = _patterns(manifest.get(key)) if key in manifest else None
        if patterns is None:
            continue
        for name in list(table):
            if not _match(name, patterns, True):
                del table[name]


def prefixed(name: str, prefix: str) -> str:
    """``Get-Thing`` with prefix ``My`` → ``Get-MyThing`` (pwsh's -Prefix)."""
    if not prefix:
        return name
    verb, dash, noun = name.partition("-")
    return f"{verb}-{prefix}{noun}" if dash else prefix + name


def import_members(ctx, module: PSModuleInfo, target: Scope, prefix: str = "",
                   function_filter: list[str] | None = None,
                   variable_filter: list[str] | None = None,
                   alias_filter: list[str] | None = None, skip=None) -> None:
    """Make the module's exports visible in ``target`` (the importer's scope); ``skip(name)``
    true leaves a function out (-NoClobber)."""
    names = []
    for name, fn in module.functions.items():
        if _match(name, function_filter, True):
            new = prefixed(name, prefix)
            if skip is not None and skip(new):
                continue
            target.define_function(new, fn)
            module.display_names[new.lower()] = new
            names.append(new)
    for name, value in module.variables.items():
        if _match(name, variable_filter, True):
            target.vars[name.lower()] = value
    for name, definition in module.aliases.items():
        if _match(name, alias_filter, True):
            ctx.set_alias(prefixed(name, prefix), definition, module=module.Name)
    module.imported_into.append((target, names))


def remove_module(ctx, module: PSModuleInfo) -> None:
    """Undo an import: its functions, variables and aliases leave the importers' scopes."""
    for scope, names in module.imported_into:
        for n in names:
            s = scope
            while s is not None:
                if s.functions.get(n.lower()) in module.functions.values():
                    if not s.owns_functions:
                        s.functions = dict(s.functions)
                        s.owns_functions = True
                    s.functions.pop(n.lower(), None)
                s = s.parent
        for v in module.variables:
            if scope.vars.get(v.lower()) is module.variables[v]:
                scope.vars.pop(v.lower(), None)
    for name in module.aliases:
        meta = ctx.alias_meta.get(name.lower(), {})
        if meta.get("module") == module.Name:
            ctx.aliases.pop(name.lower(), None)
            ctx.alias_meta.pop(name.lower(), None)
    module.imported_into = []
    if module in ctx.modules:
        ctx.modules.remove(module)
