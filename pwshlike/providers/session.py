"""Session items: variables, aliases, functions and commands as objects, and the drives
(``Env:``, ``Variable:``, ``Alias:``, ``Function:``) that list them.

These are the objects ``Get-Variable``, ``Get-Alias``, ``Get-Command`` and
``Get-ChildItem Alias:`` return, with pwsh's table views (``PSVariable``: Name/Value;
``CommandInfo``: CommandType/Name/Version/Source).
"""
from __future__ import annotations

import functools
import os

from ..runtime.context import MISSING
from ..runtime.values import DictionaryEntry
from . import ALIAS, ENVIRONMENT, FUNCTION, VARIABLE

BUILTIN_VERSION = "7.0.0.0"


# --- variables ---------------------------------------------------------------------------------------
class PSVariable:
    """System.Management.Automation.PSVariable: a live view of one scope's variable."""

    dotnet_fullname = "System.Management.Automation.PSVariable"
    ps_properties = ("Name", "Description", "Value", "Visibility", "Module", "ModuleName",
                     "Options", "Attributes")

    def __init__(self, scope, key: str, name: str | None = None) -> None:
        self._scope = scope
        self._key = key
        self.Name = name or key

    @staticmethod
    def ps_table_view():
        return _variable_view()

    @property
    def Value(self):
        v = self._scope.vars.get(self._key, MISSING)
        return None if v is MISSING else v

    @Value.setter
    def Value(self, value) -> None:
        if variable_option(self._scope, self._key) != "None":
            from ..errors import SessionStateUnauthorizedAccessException, runtime_error
            raise runtime_error(SessionStateUnauthorizedAccessException, "VariableNotWritable",
                                f"Cannot overwrite variable {self.Name} because it is "
                                "read-only or constant.", "WriteError", self.Name)
        self._scope.vars[self._key] = value

    @property
    def Description(self) -> str:
        return (getattr(self._scope, "descriptions", None) or {}).get(self._key, "")

    @property
    def Options(self) -> str:
        return variable_option(self._scope, self._key)

    @property
    def Visibility(self) -> str:
        return "Public"

    @property
    def Module(self):
        return None

    @property
    def ModuleName(self) -> str:
        return ""

    @property
    def Attributes(self) -> list:
        return []

    def ToString(self) -> str:
        return self.Name


def variable_option(scope, key: str) -> str:
    return (scope.options or {}).get(key, "None")


def visible_variables(scope) -> dict:
    """key -> (owning scope, key) for every variable visible from ``scope``, nearest first."""
    seen: dict = {}
    s = scope
    first = True
    while s is not None:
        for key in s.vars:
            if key in seen:
                continue
            if not first and s.private and key in s.private:
                continue
            seen[key] = s
        s = s.parent
        first = False
    return seen


def scope_by_name(ctx, scope, name) -> object:
    """``-Scope Global|Local|Script|Private|<n>`` relative to ``scope``."""
    from ..runtime.convert import to_str
    text = to_str(name).strip().lower()
    if text == "global":
        return ctx.global_scope
    if text == "script":
        return scope.script
    if text in ("local", "private"):
        return scope
    try:
        depth = int(text)
    except ValueError:
        depth = -1
    target = scope.ancestor(depth) if depth >= 0 else None
    if target is None:
        from ..errors import PSArgumentException, runtime_error
        if depth >= 0:
            raise runtime_error(PSArgumentException, "ArgumentOutOfRange",
                                f"The scope number '{depth}' exceeds the number of active scopes. "
                                f"(Parameter 'scopeID')\nActual value was {depth}.",
                                "InvalidArgument", name)
        raise runtime_error(PSArgumentException, "Argument",
                            f"The scope {to_str(name)} could not be found.", "InvalidArgument",
                            name)
    return target


@functools.cache
def _variable_view():
    from ..host.formatting import TableColumn, TableView
    return TableView(columns=(TableColumn("Name", "Name", width=30), TableColumn("Value")),
                     type_keys=frozenset({PSVariable.dotnet_fullname}))


# --- commands -----------------------------------------------------------------------------------------
class CommandInfo:
    """Shared shape of what Get-Command returns (pwsh's CommandInfo subclasses)."""

    dotnet_fullname = "System.Management.Automation.CommandInfo"
    ps_properties = ("CommandType", "Name", "Version", "Source")
    CommandType = ""
    Version = ""
    Source = ""
    Definition = ""

    def __init__(self, name: str) -> None:
        self.Name = name

    @staticmethod
    def ps_table_view():
        return _command_view()

    @property
    def DisplayName(self) -> str:
        return self.Name

    @property
    def ModuleName(self) -> str:
        return self.Source

    @property
    def Module(self):
        return None

    def ToString(self) -> str:
        return self.Name

    def __str__(self) -> str:
        return self.Name


class AliasInfo(CommandInfo):
    dotnet_fullname = "System.Management.Automation.AliasInfo"
    CommandType = "Alias"
    ps_properties = ("HelpUri", "ResolvedCommandName", "DisplayName", "ReferencedCommand",
                     "ResolvedCommand", "Definition", "Options", "Description", "OutputType",
                     "Name", "CommandType", "Source", "Version", "Visibility", "ModuleName",
                     "Module", "RemotingCapability", "Parameters", "ParameterSets")

    def __init__(self, ctx, name: str, definition: str) -> None:
        super().__init__(name)
        self._ctx = ctx
        self.Definition = definition
        meta = ctx.alias_meta.get(name.lower(), {})
        self.Options = meta.get("options", "None")
        self.Description = meta.get("description", "")
        self.Source = meta.get("module", "")
        self.HelpUri = ""
        self.OutputType = []
        self.Visibility = "Public"
        self.RemotingCapability = "PowerShell"
        self.Parameters = None
        self.ParameterSets = None

    @property
    def DisplayName(self) -> str:
        return f"{self.Name} -> {self.Definition}"

    @property
    def ResolvedCommand(self):
        return resolve_command_info(self._ctx, self.Definition, self._ctx.global_scope)

    @property
    def ReferencedCommand(self):
        return self.ResolvedCommand

    @property
    def ResolvedCommandName(self):
        c = self.ResolvedCommand
        return c.Name if c is not None else None


class FunctionInfo(CommandInfo):
    dotnet_fullname = "System.Management.Automation.FunctionInfo"
    def __init__(self, name: str, info) -> None:
        super().__init__(name)
        self.info = info
        module = getattr(info, "module", None)
        self.Source = module.Name if module is not None else ""
        self.Version = module.Version if module is not None else ""

    @property
    def CommandType(self) -> str:
        return "Filter" if getattr(self.info, "is_filter", False) else "Function"

    @property
    def Definition(self) -> str:
        text = getattr(self.info, "text", "") or ""
        text = text.strip()
        if text.startswith("{") and text.endswith("}"):
            text = text[1:-1]
        return text

    @property
    def ScriptBlock(self):
        from ..runtime.scriptblock import ScriptBlock
        return ScriptBlock(self.info)

    @property
    def Module(self):
        return getattr(self.info, "module", None)


class CmdletInfo(CommandInfo):
    dotnet_fullname = "System.Management.Automation.CmdletInfo"
    CommandType = "Cmdlet"

    def __init__(self, info) -> None:
        super().__init__(info.name)
        self.info = info
        self.Version = BUILTIN_VERSION
        self.Source = cmdlet_module(info.name)

    @property
    def Verb(self) -> str:
        return self.Name.partition("-")[0]

    @property
    def Noun(self) -> str:
        return self.Name.partition("-")[2]

    @property
    def Definition(self) -> str:
        from ..helpdocs.syntax import all_syntax
        return "\n" + "\n\n".join(line for _, line in all_syntax(self.info.spec)) + "\n"

    @property
    def ImplementingType(self) -> str:
        return self.info.spec.get("fq_name") or ""


class ApplicationInfo(CommandInfo):
    dotnet_fullname = "System.Management.Automation.ApplicationInfo"
    CommandType = "Application"
    Version = "0.0.0.0"

    def __init__(self, name: str, path: str) -> None:
        super().__init__(name)
        self.Path = path
        self.Source = path
        self.Definition = path
        self.Extension = os.path.splitext(path)[1]


@functools.cache
def cmdlet_module(name: str) -> str:
    """The module a built-in cmdlet belongs to: its help page's ``Module Name``."""
    from ..binding.specs import help_dir
    try:
        with open(help_dir() / f"{name}.md", encoding="utf-8") as f:
            for _ in range(12):
                line = f.readline()
                if line.startswith("Module Name:"):
                    return line.partition(":")[2].strip()
    except OSError:
        pass
    return ""


@functools.cache
def _command_view():
    from ..host.formatting import TableColumn, TableView
    return TableView(
        columns=(TableColumn("CommandType", "CommandType", width=15),
                 TableColumn("Name", lambda o: o.DisplayName, width=50),
                 TableColumn("Version", "Version", width=10),
                 TableColumn("Source", "Source")),
        type_keys=frozenset({"System.Management.Automation.AliasInfo",
                             "System.Management.Automation.FunctionInfo",
                             "System.Management.Automation.CmdletInfo",
                             "System.Management.Automation.ApplicationInfo",
                             "System.Management.Automation.CommandInfo"}))


def resolve_command_info(ctx, name: str, scope):
    """The CommandInfo a name runs (aliases followed), or None."""
    low = name.lower()
    if low in ctx.aliases:
        target = ctx.aliases[low]
        return resolve_command_info(ctx, target, scope) if target.lower() != low else None
    fn = scope.functions.get(low)
    if fn is not None:
        return FunctionInfo(getattr(fn, "name", None) or name, fn)
    info = ctx.cmdlets.get(low)
    if info is not None:
        return CmdletInfo(info)
    from ..runtime.native import find_native
    path = find_native(name)
    if path is not None:
        return ApplicationInfo(os.path.basename(path), path)
    return None


# --- drives -----------------------------------------------------------------------------------------------
class SessionDrive:
    """A flat drive whose items live in a session dictionary."""

    provider = ""

    def names(self, ctx, scope) -> list[str]:
        raise NotImplementedError

    def get(self, ctx, scope, name: str):
        raise NotImplementedError

    def set(self, ctx, scope, name: str, value) -> None:
        raise NotImplementedError

    def remove(self, ctx, scope, name: str) -> None:
        raise NotImplementedError

    def value_of(self, item):
        """What Get-Content returns for the item."""
        return getattr(item, "Value", item)


class EnvironmentDrive(SessionDrive):
    provider = ENVIRONMENT

    def names(self, ctx, scope) -> list[str]:
        return sorted(os.environ, key=str.lower)

    def get(self, ctx, scope, name: str):
        for key in (name, *[k for k in os.environ if k.lower() == name.lower()]):
            if key in os.environ:
                return DictionaryEntry(key, os.environ[key])
        return None

    def set(self, ctx, scope, name: str, value) -> None:
        from ..runtime.context import env_set
        env_set(name, value)

    def remove(self, ctx, scope, name: str) -> None:
        os.environ.pop(name, None)


class VariableDrive(SessionDrive):
    provider = VARIABLE

    def names(self, ctx, scope) -> list[str]:
        return sorted(visible_variables(scope), key=str.lower)

    def get(self, ctx, scope, name: str):
        key = name.lower()
        owner = scope.find_owner(key)
        return None if owner is None else PSVariable(owner, key, name)

    def set(self, ctx, scope, name: str, value) -> None:
        from ..runtime.helpers import setvar
        setvar(ctx, scope, name.lower(), value)

    def remove(self, ctx, scope, name: str) -> None:
        owner = scope.find_owner(name.lower())
        if owner is not None:
            owner.vars.pop(name.lower(), None)


class AliasDrive(SessionDrive):
    provider = ALIAS

    def names(self, ctx, scope) -> list[str]:
        return sorted((ctx.alias_meta.get(k, {}).get("name", k) for k in ctx.aliases),
                      key=str.lower)

    def get(self, ctx, scope, name: str):
        d = ctx.aliases.get(name.lower())
        if d is None:
            return None
        return AliasInfo(ctx, ctx.alias_meta.get(name.lower(), {}).get("name", name), d)

    def set(self, ctx, scope, name: str, value) -> None:
        from ..runtime.convert import to_str
        ctx.set_alias(name, to_str(value))

    def remove(self, ctx, scope, name: str) -> None:
        ctx.aliases.pop(name.lower(), None)
        ctx.alias_meta.pop(name.lower(), None)

    def value_of(self, item):
        return item.Definition


class FunctionDrive(SessionDrive):
    provider = FUNCTION

    def names(self, ctx, scope) -> list[str]:
        return sorted((getattr(f, "name", None) or k for k, f in scope.functions.items()),
                      key=str.lower)

    def get(self, ctx, scope, name: str):
        fn = scope.functions.get(name.lower())
        return None if fn is None else FunctionInfo(getattr(fn, "name", None) or name, fn)

    def set(self, ctx, scope, name: str, value) -> None:
        ctx.define_function_value(scope, name, value)

    def remove(self, ctx, scope, name: str) -> None:
        s = scope     # tables are shared copy-on-write: pop from each one that has it
        while s is not None:
            s.functions.pop(name.lower(), None)
            s = s.parent

    def value_of(self, item):
        return item.ScriptBlock


SESSION_DRIVES = {ENVIRONMENT: EnvironmentDrive(), VARIABLE: VariableDrive(),
                  ALIAS: AliasDrive(), FUNCTION: FunctionDrive()}
