"""HelpTopic builders: from a PlatyPS page, from comment-based help, from parameters alone.

pwsh shows MAML help (our pages) with the types as the page writes them and positions
from 0; comment-based help with .NET type names (``Int32``) and positions from 1; the
view of a command without help with the short names of ``Get-Command -Syntax``.
"""
from __future__ import annotations

import re

from .render_text import HelpExample, HelpParameter, HelpTopic
from .script_spec import function_spec, function_syntax, short_type_name

ALL_SETS = "__AllParameterSets"
_SWITCH = ("switchparameter", "system.management.automation.switchparameter", "switch")


def _is_switch(type_name: str | None) -> bool:
    return (type_name or "").lower() in _SWITCH


def dotnet_type_name(type_name: str | None) -> str:
    """The .NET short name pwsh's comment-based help shows: ``int`` → ``Int32``."""
    if not type_name:
        return "Object"
    from ..runtime.types import ACCELERATORS
    base = type_name
    suffix = ""
    while base.endswith("[]"):
        base, suffix = base[:-2], suffix + "[]"
    full = ACCELERATORS.get(base.lower(), base)
    return full.rsplit(".", 1)[-1] + suffix


# --- PlatyPS pages ---------------------------------------------------------------------------------------
def _pipeline_text(by_value: bool, by_name: bool, capital: bool) -> str:
    t = "True" if capital else "true"
    if by_value and by_name:
        return f"{t} (ByPropertyName, ByValue)" if capital else f"{t} (ByValue, ByPropertyName)"
    if by_value:
        return f"{t} (ByValue)"
    if by_name:
        return f"{t} (ByPropertyName)"
    return "False" if capital else "false"


def _example_parts(body: str) -> tuple[str, str]:
    """An example's markdown as (code of its first fence, the remarks after it)."""
    m = re.search(r"```[^\n]*\n(.*?)```", body, re.DOTALL)
    if m is None:
        return "", body
    return m.group(1).rstrip("\n"), (body[:m.start()] + body[m.end():]).strip()


def from_page(h, spec: dict, module: str = "") -> HelpTopic:
    from .syntax import all_syntax
    t = HelpTopic(h.name, "Cmdlet", module or h.front_matter.get("Module Name", ""))
    t.synopsis = h.synopsis
    t.description = h.description
    t.syntax = [line for _, line in all_syntax(spec)]
    for p in h.parameters:
        binding = next(iter(p.sets.values()), None)
        pos = "named" if binding is None or binding.position is None else str(binding.position)
        t.parameters.append(HelpParameter(
            p.name, p.type or "Object", p.description,
            "true" if any(b.mandatory for b in p.sets.values()) else "false", pos,
            p.default_value or "None",
            _pipeline_text(any(b.by_value for b in p.sets.values()),
                           any(b.by_property_name for b in p.sets.values()), True),
            ", ".join(p.aliases) or "none", "true" if p.supports_wildcards else "false",
            _is_switch(p.type)))
    t.common_parameters = h.common_parameters
    t.inputs = [(a, b) for a, b in h.inputs]
    t.outputs = [(a, b) for a, b in h.outputs]
    t.notes = h.notes
    for ex in h.examples:
        code, remarks = _example_parts(ex.body)
        t.examples.append(HelpExample(ex.title, code, remarks))
    t.links = [label for label, uri in h.related_links
               if not uri.lower().startswith(("http:", "https:"))]
    web = [uri for _, uri in h.related_links if uri.lower().startswith(("http:", "https:"))]
    t.online_uri = h.front_matter.get("HelpUri") or h.front_matter.get("online version") or (
        web[0] if web else "")
    t.aliases = list(h.aliases)
    return t


# --- comment-based help ----------------------------------------------------------------------------------
def _comment_syntax(spec: dict) -> list[str]:
    from .syntax import all_syntax
    shown = dict(spec, parameters=[
        dict(p, type=p["type"] if _is_switch(p["type"]) else dotnet_type_name(p["type"]))
        for p in spec["parameters"]])
    lines = [line for _, line in all_syntax(shown)]
    if not spec.get("advanced"):
        lines = [x.replace(" [<CommonParameters>]", "") for x in lines]
    return lines


def _example(text: str, n: int) -> HelpExample:
    """Split as pwsh does: up to the first ``>`` is the prompt (``PS > `` when the first line
    has none), the rest of the first line is the code, the other lines are remarks."""
    first, _, rest = text.partition("\n")
    if ">" in first:
        prompt, _, code = first.partition(">")
        prompt = prompt.strip() + ">"
        prompt += " " if code.startswith(" ") else ""
        code = code.strip()
    else:
        prompt, code = "PS > ", first.strip()
    return HelpExample(f"EXAMPLE {n}", code, rest.rstrip("\n"), prompt)


def from_comment(name: str, info, ch, category: str = "Function",
                 module: str = "") -> HelpTopic:
    spec = function_spec(name, info)
    t = HelpTopic(name, category, module)
    t.synopsis = ch.synopsis.strip()
    t.description = ch.description.rstrip()
    t.syntax = _comment_syntax(spec)
    for p in spec["parameters"]:
        binding = next(iter(p["sets"].values()), {}) or {}
        pos = binding.get("position")
        t.parameters.append(HelpParameter(
            p["name"], "SwitchParameter" if _is_switch(p["type"]) else
            dotnet_type_name(p["type"]), ch.parameters.get(p["name"].upper(), "").rstrip(),
            "true" if binding.get("mandatory") else "false",
            "named" if pos is None else str(pos + 1), p.get("default_value") or "",
            _pipeline_text(bool(binding.get("value_from_pipeline")),
                           bool(binding.get("value_from_pipeline_by_property_name")), False),
            ", ".join(p.get("aliases") or []), "false", _is_switch(p["type"])))
    t.common_parameters = bool(spec.get("advanced"))
    t.inputs = [(x.strip(), "") for x in ch.inputs]
    t.outputs = [(x.strip(), "") for x in ch.outputs]
    t.notes = ch.notes.rstrip()
    t.examples = [_example(x, i + 1) for i, x in enumerate(ch.examples)]
    t.links = [x for x in ch.links if x]
    first = t.links[0] if t.links else ""
    if first.lower().startswith(("http:", "https:")):
        t.online_uri = first
    t.component, t.role, t.functionality = ch.component, ch.role, ch.functionality
    return t


# --- no help ------------------------------------------------------------------------------------------------
def plain(name: str, info, category: str, aliases: list[str], module: str = "") -> HelpTopic:
    spec = function_spec(name, info)
    t = HelpTopic(name, category, module, has_help=False)
    t.syntax = [line for _, line in function_syntax(spec)]
    for p in spec["parameters"]:
        binding = next(iter(p["sets"].values()), {}) or {}
        pos = binding.get("position")
        t.parameters.append(HelpParameter(
            p["name"], short_type_name(p["type"]), "",
            "true" if binding.get("mandatory") else "false",
            "named" if pos is None else str(pos), p.get("default_value") or "",
            _pipeline_text(bool(binding.get("value_from_pipeline")),
                           bool(binding.get("value_from_pipeline_by_property_name")), False),
            ", ".join(p.get("aliases") or []) or "None", "false", _is_switch(p["type"])))
    t.aliases = aliases
    return t
