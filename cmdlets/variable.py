"""Get-Variable, Set-Variable, New-Variable, Remove-Variable, Clear-Variable.

Variables live in pwshlike's scopes under lower-case keys; their options (ReadOnly,
Constant) in ``Scope.options`` (which assignment checks) and descriptions in
``Scope.descriptions``.  ``-Scope`` is Global, Local, Script, Private or a number of
levels up from the caller.
"""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.providers.session import PSVariable, scope_by_name, visible_variables

from ._session import NameFilter, as_list, exc, has_wildcard, options_text, wildcard

# display names of the variables a session starts with (scope keys are lower case)
_CANONICAL = {n.lower(): n for n in (
    "ErrorActionPreference", "WarningPreference", "VerbosePreference", "DebugPreference",
    "InformationPreference", "ProgressPreference", "ConfirmPreference", "WhatIfPreference",
    "ErrorView", "OFS", "FormatEnumerationLimit", "MaximumHistoryCount", "NestedPromptLevel",
    "Error", "LASTEXITCODE", "HOME", "PID", "IsCoreCLR", "IsLinux", "IsMacOS", "IsWindows",
    "PSCulture", "PSUICulture", "PSHOME", "PSNativeCommandArgumentPassing", "PSVersionTable",
    "PSCommandPath", "PSScriptRoot", "PSBoundParameters", "MyInvocation", "args", "input",
    "PSItem", "true", "false", "null")}
_CONSTANT_MESSAGE = ("Existing variable {0} cannot be made constant. Variables can be made "
                     "constant only at creation time.")


def display_name(key: str, given: str | None = None) -> str:
    if given and not has_wildcard(given):
        return given
    return _CANONICAL.get(key, key)


def set_options(scope, key: str, options: str) -> None:
    """Record ReadOnly/Constant (assignment refuses to overwrite those) and Private."""
    flags = {o.strip() for o in options.split(",")}
    if flags & {"ReadOnly", "Constant"}:
        if scope.options is None:
            scope.options = {}
        if scope.constraints is None:
            scope.constraints = {}     # sends plain assignments through the checked path
        scope.options[key] = "Constant" if "Constant" in flags else (
            "ReadOnly" if flags == {"ReadOnly"} else options)
    elif scope.options and key in scope.options:
        del scope.options[key]
    if "Private" in flags:
        if scope.private is None:
            scope.private = set()
        scope.private.add(key)


def set_description(scope, key: str, text: str) -> None:
    d = getattr(scope, "descriptions", None)
    if d is None:
        d = scope.descriptions = {}
    d[key] = text


def option_of(scope, key: str) -> str:
    return (scope.options or {}).get(key, "None")


class _VariableCommand(Cmdlet):
    """Shared parts: the target scope and the not-found / read-only errors."""

    def target_scope(self):
        if self.is_bound("Scope") and self.Scope is not None:
            return scope_by_name(self.ctx, self._proc.scope, self.Scope)
        return None

    def candidates(self, scope) -> dict:
        """key -> owning scope: every variable visible (no -Scope) or in one scope."""
        if scope is None:
            return visible_variables(self._proc.scope)
        return {k: scope for k in scope.vars}

    def not_found(self, name: str) -> None:
        self.write_error(self.error_record(
            f"Cannot find a variable with the name '{name}'.", "VariableNotFound",
            "ObjectNotFound", name, exc("ItemNotFoundException")))

    def not_writable(self, name: str) -> None:
        self.write_error(self.error_record(
            f"Cannot overwrite variable {name} because it is read-only or constant.",
            "VariableNotWritable", "WriteError", name,
            exc("SessionStateUnauthorizedAccessException")))

    def matches(self, names, scope):
        """(pattern, [(key, owner)]) for each -Name pattern, sorted by name."""
        found = self.candidates(scope)
        keep = NameFilter(getattr(self, "Include", None), getattr(self, "Exclude", None))
        for pattern in names:
            rx = wildcard(pattern)
            hits = sorted((k for k in found if rx.fullmatch(k) and keep(k)), key=str.lower)
            yield pattern, [(k, found[k]) for k in hits]


class GetVariableCommand(_VariableCommand):
    fq_name = "Microsoft.PowerShell.Commands.GetVariableCommand"

    def process_record(self) -> None:
        names = as_list(self.Name) or ["*"]
        for pattern, hits in self.matches(names, self.target_scope()):
            if not hits and not has_wildcard(pattern):
                self.not_found(pattern)
                continue
            for key, owner in hits:
                if self.ValueOnly:
                    self.write_object(owner.vars.get(key))
                else:
                    self.write_object(PSVariable(owner, key, display_name(key, pattern)))


class SetVariableCommand(_VariableCommand):
    fq_name = "Microsoft.PowerShell.Commands.SetVariableCommand"

    def begin_processing(self) -> None:
        self.piped: list = []

    def process_record(self) -> None:
        if self._proc.expected and self.is_bound("Value") and "Value" not in \
                self._proc.binding.explicit:
            self.piped.append(self.Value)     # values from the pipeline are set at the end
            return
        self._set(self.is_bound("Value"), self.Value)

    def end_processing(self) -> None:
        if self.piped:
            self._set(True, self.piped[0] if len(self.piped) == 1 else list(self.piped))

    def _set(self, has_value: bool, value) -> None:
        scope = self.target_scope() or self._proc.scope
        keep = NameFilter(self.Include, self.Exclude)
        for name in as_list(self.Name):
            if has_wildcard(name):
                keys = [k for k in scope.vars if wildcard(name).fullmatch(k) and keep(k)]
            else:
                keys = [name.lower()] if keep(name) else []
            for key in keys:
                self._set_one(scope, key, display_name(key, name), has_value, value)

    def _set_one(self, scope, key: str, name: str, has_value: bool, value) -> None:
        exists = key in scope.vars
        option = option_of(scope, key)
        if exists and (option == "Constant" or (option != "None" and not self.Force)):
            self.not_writable(name)
            return
        if not self.should_process(f"Name: {name} Value: {_short(value)}", "Set variable"):
            return
        if self.Option is not None:
            text = options_text(self.Option)
            if exists and "Constant" in text:
                self.write_error(self.error_record(
                    _CONSTANT_MESSAGE.format(name), "VariableCannotBeMadeConstant",
                    "InvalidOperation", name, exc("SessionStateUnauthorizedAccessException")))
                return
        if has_value or not exists:
            scope.vars[key] = value if has_value else None
        if self.Option is not None:
            set_options(scope, key, options_text(self.Option))
        if self.Description is not None:
            set_description(scope, key, str(self.Description))
        if self.PassThru:
            self.write_object(PSVariable(scope, key, name))


class NewVariableCommand(_VariableCommand):
    fq_name = "Microsoft.PowerShell.Commands.NewVariableCommand"

    def process_record(self) -> None:
        scope = self.target_scope() or self._proc.scope
        name = str(self.Name)
        key = name.lower()
        if key in scope.vars:
            option = option_of(scope, key)
            if not self.Force or option == "Constant":
                if self.Force:
                    self.not_writable(name)
                else:
                    self.write_error(self.error_record(
                        f"A variable with name '{name}' already exists.",
                        "VariableAlreadyExists", "ResourceExists", name,
                        exc("SessionStateException")))
                return
        if not self.should_process(f"Name: {name} Value: {_short(self.Value)}",
                                   "New variable"):
            return
        scope.vars[key] = self.Value
        if scope.options and key in scope.options:
            del scope.options[key]
        if self.Option is not None:
            set_options(scope, key, options_text(self.Option))
        if self.Description is not None:
            set_description(scope, key, str(self.Description))
        if self.PassThru:
            self.write_object(PSVariable(scope, key, name))


class RemoveVariableCommand(_VariableCommand):
    fq_name = "Microsoft.PowerShell.Commands.RemoveVariableCommand"

    def process_record(self) -> None:
        scope = self.target_scope()
        for pattern, hits in self.matches(as_list(self.Name), scope):
            if not hits and not has_wildcard(pattern):
                self.not_found(pattern)
                continue
            for key, owner in hits:
                name = display_name(key, pattern)
                option = option_of(owner, key)
                if option == "Constant" or (option != "None" and not self.Force):
                    self.write_error(self.error_record(
                        f"Cannot remove variable {name} because it is constant or read-only. "
                        "If the variable is read-only, try the operation again specifying the "
                        "Force option.", "VariableNotRemovable", "WriteError", name,
                        exc("SessionStateUnauthorizedAccessException")))
                    continue
                if self.should_process(f"Name: {name}", "Remove variable"):
                    owner.vars.pop(key, None)
                    if owner.options:
                        owner.options.pop(key, None)


class ClearVariableCommand(_VariableCommand):
    fq_name = "Microsoft.PowerShell.Commands.ClearVariableCommand"

    def process_record(self) -> None:
        scope = self.target_scope()
        for pattern, hits in self.matches(as_list(self.Name), scope):
            if not hits and not has_wildcard(pattern):
                self.not_found(pattern)
                continue
            for key, owner in hits:
                name = display_name(key, pattern)
                option = option_of(owner, key)
                if option == "Constant" or (option != "None" and not self.Force):
                    self.not_writable(name)
                    continue
                if self.should_process(f"Name: {name}", "Clear variable"):
                    owner.vars[key] = None
                    if self.PassThru:
                        self.write_object(PSVariable(owner, key, name))


def _short(value) -> str:
    from pwshlike.runtime.convert import to_str
    return to_str(value)
