"""What a CommandInfo says about its parameters: ``.Parameters``, ``.ParameterSets`` and
``.Syntax``, made from the command's spec (cmdlets: help/specs; functions and scripts:
``helpdocs.script_spec``)."""
from __future__ import annotations

from ..binding.specs import COMMON_PARAMETERS, SHOULD_PROCESS_PARAMETERS
from ..helpdocs.script_spec import ALL_SETS, display_spec, short_type_name


class ParameterMetadata:
    """``System.Management.Automation.ParameterMetadata``: one entry of ``.Parameters``."""

    dotnet_fullname = "System.Management.Automation.ParameterMetadata"
    ps_properties = ("Name", "ParameterType", "ParameterSets", "IsDynamic", "Aliases",
                     "Attributes", "SwitchParameter")

    def __init__(self, name: str, type_name: str | None, aliases, sets: dict) -> None:
        self.Name = name
        self.ParameterType = short_type_name(type_name)
        self.Aliases = list(aliases or [])
        self.ParameterSets = sets
        self.IsDynamic = False
        self.Attributes: list = []
        self.SwitchParameter = self.ParameterType == "switch"

    def ToString(self) -> str:
        return self.Name


class CommandParameterInfo:
    """One parameter within one parameter set."""

    dotnet_fullname = "System.Management.Automation.CommandParameterInfo"
    ps_properties = ("Name", "ParameterType", "IsMandatory", "IsDynamic", "Position",
                     "ValueFromPipeline", "ValueFromPipelineByPropertyName",
                     "ValueFromRemainingArguments", "HelpMessage", "Aliases", "Attributes")

    def __init__(self, p: dict, binding: dict) -> None:
        self.Name = p["name"]
        self.ParameterType = short_type_name(p.get("type"))
        self.IsMandatory = bool(binding.get("mandatory"))
        self.IsDynamic = False
        pos = binding.get("position")
        self.Position = -2147483648 if pos is None else pos
        self.ValueFromPipeline = bool(binding.get("value_from_pipeline"))
        self.ValueFromPipelineByPropertyName = bool(
            binding.get("value_from_pipeline_by_property_name"))
        self.ValueFromRemainingArguments = bool(binding.get("value_from_remaining_arguments"))
        self.HelpMessage = p.get("help_message")
        self.Aliases = list(p.get("aliases") or [])
        self.Attributes: list = []

    def ToString(self) -> str:
        return self.Name


class CommandParameterSetInfo:
    dotnet_fullname = "System.Management.Automation.CommandParameterSetInfo"
    ps_properties = ("Name", "IsDefault", "Parameters")

    def __init__(self, name: str, is_default: bool, parameters: list, text: str) -> None:
        self.Name = name
        self.IsDefault = is_default
        self.Parameters = parameters
        self._text = text

    def ToString(self) -> str:
        return self._text

    def __str__(self) -> str:
        return self._text


def _common(spec: dict, with_common: bool) -> list[dict]:
    if not with_common:
        return []
    entries = COMMON_PARAMETERS + (SHOULD_PROCESS_PARAMETERS if
                                   spec.get("supports_should_process") else [])
    out = []
    for name, type_name, aliases in entries:
        t = "System.Management.Automation.SwitchParameter" if type_name == "switch" else \
            type_name
        out.append({"name": name, "type": t, "aliases": aliases, "sets": {ALL_SETS: {}}})
    return out


def parameters_of(spec: dict, with_common: bool = True):
    """``.Parameters``: name → ParameterMetadata, declared parameters first."""
    from .values import Hashtable
    table = Hashtable()
    for p in (spec.get("parameters") or []) + _common(spec, with_common):
        table[p["name"]] = ParameterMetadata(p["name"], p.get("type"), p.get("aliases"),
                                             dict(p.get("sets") or {ALL_SETS: {}}))
    return table


def parameter_sets_of(spec: dict, lines: list[tuple[str, str]], with_common: bool = True):
    """``.ParameterSets``, in ``lines`` order (the default set first)."""
    default = spec.get("default_parameter_set")
    out = []
    params = (spec.get("parameters") or []) + _common(spec, with_common)
    for set_name, line in lines:
        members = []
        for p in params:
            sets = p.get("sets") or {ALL_SETS: {}}
            binding = sets.get(set_name, sets.get(ALL_SETS))
            if binding is not None or set_name not in sets and ALL_SETS in sets:
                members.append(CommandParameterInfo(p, binding or {}))
        text = line.split(" ", 1)[1] if " " in line else ""
        out.append(CommandParameterSetInfo(set_name, set_name == default or len(lines) == 1,
                                           members, text))
    return out


def syntax_text(lines: list[tuple[str, str]]) -> str:
    """``.Syntax``: each set's line after a blank line, as pwsh builds it."""
    return "".join(f"\n{line}\n" for _, line in lines)


def cmdlet_syntax(spec: dict) -> list[tuple[str, str]]:
    from ..helpdocs.syntax import all_syntax
    return all_syntax(display_spec(spec))
