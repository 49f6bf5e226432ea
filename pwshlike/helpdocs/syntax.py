"""Syntax lines from a spec, as PlatyPS writes them and Get-Command -Syntax prints them.

Per set: positional parameters by position, then named ones in declaration order, then
``[-WhatIf] [-Confirm]`` and ``[<CommonParameters>]``.  A mandatory value parameter is
``-Name <Type>``, an optional one ``[-Name <Type>]``, a positional one ``[-Name] <Type>``;
switches are always ``[-Name]``.
"""
from __future__ import annotations

ALL_SETS = "__AllParameterSets"
PLATYPS_WIDTH = 110        # PlatyPS wraps SYNTAX blocks before a parameter that would pass it


def parameter_sets(spec: dict) -> list[str]:
    names: list[str] = []
    for p in spec.get("parameters") or []:
        for s in p.get("sets") or {ALL_SETS: {}}:
            if s not in names:
                names.append(s)
    return names or [ALL_SETS]


def syntax_parts(spec: dict, set_name: str) -> list[str]:
    params = [p for p in spec.get("parameters") or []
              if set_name in (p.get("sets") or {ALL_SETS: {}}) and not p.get("dont_show")]
    sets = [(p, (p.get("sets") or {ALL_SETS: {}})[set_name] or {}) for p in params]
    positional = sorted((x for x in sets if x[1].get("position") is not None),
                        key=lambda x: x[1]["position"])
    named = [x for x in sets if x[1].get("position") is None]
    parts = [_part(p, s) for p, s in positional + named]
    if spec.get("supports_should_process"):
        parts += ["[-WhatIf]", "[-Confirm]"]
    parts.append("[<CommonParameters>]")
    return parts


def _part(p: dict, s: dict) -> str:
    name = p["name"]
    type_name = p.get("type") or "Object"
    if type_name.lower() in ("switchparameter", "switch",
                             "system.management.automation.switchparameter"):
        return f"[-{name}]"
    text = f"-{name}" if s.get("position") is None else f"[-{name}]"
    text = f"{text} <{type_name}>"
    return text if s.get("mandatory") else f"[{text}]"


def syntax_line(spec: dict, set_name: str) -> str:
    """One set's syntax on one line (Get-Command -Syntax)."""
    return " ".join([spec["name"], *syntax_parts(spec, set_name)])


def syntax_block(spec: dict, set_name: str, width: int = PLATYPS_WIDTH) -> str:
    """One set's syntax wrapped as PlatyPS writes it: a new line, indented by one space,
    before any parameter that would take the current line past ``width``."""
    lines = [spec["name"]]
    for part in syntax_parts(spec, set_name):
        if len(lines[-1]) + len(part) > width:
            lines.append("")
        lines[-1] += " " + part
    return "\n".join(lines)


def all_syntax(spec: dict) -> list[tuple[str, str]]:
    """(set name, one-line syntax) for every set; the default set first, as pwsh lists it."""
    sets = parameter_sets(spec)
    default = spec.get("default_parameter_set")
    if default in sets:
        sets.remove(default)
        sets.insert(0, default)
    return [(s, syntax_line(spec, s)) for s in sets]
