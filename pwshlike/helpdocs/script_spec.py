"""Specs for script functions and scripts, and the type names pwsh shows in syntax.

Get-Command -Syntax and Get-Help render every command's syntax with
``helpdocs.syntax``; for a function the spec is made here from its ``param()`` block, with
pwsh's rule for positions: when no parameter names a ``Position`` (and
``PositionalBinding`` is on), the non-switch parameters are positional in declaration order.
"""
from __future__ import annotations

import copy

ALL_SETS = "__AllParameterSets"

# How pwsh writes a parameter type in generated syntax: the type accelerator when there is
# one, else the name without its namespace.
_SHORT_NAMES = {
    "system.string": "string", "system.int32": "int", "system.int64": "long",
    "system.int16": "short", "system.uint16": "ushort", "system.uint32": "uint",
    "system.uint64": "ulong", "system.byte": "byte", "system.sbyte": "sbyte",
    "system.boolean": "bool", "system.double": "double", "system.single": "float",
    "system.decimal": "decimal", "system.char": "char", "system.object": "Object",
    "system.management.automation.psobject": "psobject",
    "system.management.automation.scriptblock": "scriptblock",
    "system.collections.hashtable": "hashtable", "system.datetime": "datetime",
    "system.timespan": "timespan", "system.guid": "guid",
    "system.text.regularexpressions.regex": "regex", "system.version": "version",
    "system.uri": "uri", "system.xml.xmldocument": "xml",
    "system.security.securestring": "securestring",
    "system.management.automation.pscredential": "pscredential",
    "system.net.ipaddress": "ipaddress",
    "system.management.automation.psmoduleinfo": "psmoduleinfo",
    "system.management.automation.switchparameter": "switch",
}
_ACCELERATOR_KEYS = {
    "int": "system.int32", "long": "system.int64", "bool": "system.boolean",
    "string": "system.string", "object": "system.object", "psobject":
    "system.management.automation.psobject", "scriptblock":
    "system.management.automation.scriptblock", "hashtable": "system.collections.hashtable",
    "switch": "system.management.automation.switchparameter", "double": "system.double",
    "datetime": "system.datetime", "char": "system.char", "byte": "system.byte",
    "float": "system.single", "decimal": "system.decimal", "pscredential":
    "system.management.automation.pscredential", "version": "system.version",
    "securestring": "system.security.securestring",
}


def short_type_name(type_name: str | None) -> str:
    """``System.String[]`` → ``string[]``; ``System.Management.Automation.CommandTypes`` →
    ``CommandTypes``; no type → ``Object``."""
    if not type_name:
        return "Object"
    base = type_name
    suffix = ""
    while base.endswith("[]"):
        base, suffix = base[:-2], suffix + "[]"
    low = base.lower()
    low = _ACCELERATOR_KEYS.get(low, low)
    if low in _SHORT_NAMES:
        return _SHORT_NAMES[low] + suffix
    if not low.startswith("system.") and "." not in low:
        resolved = f"system.{low}"
        if resolved in _SHORT_NAMES:
            return _SHORT_NAMES[resolved] + suffix
    return base.rsplit(".", 1)[-1] + suffix


def display_spec(spec: dict) -> dict:
    """A copy of a spec with pwsh's short type names (for Get-Command -Syntax)."""
    out = copy.deepcopy(spec)
    for p in out.get("parameters") or []:
        t = p.get("type")
        if t and "switchparameter" not in t.lower():
            p["type"] = short_type_name(t)
    return out


def function_spec(name: str, info) -> dict:
    """A spec dict (the help/specs schema) for a script function or script block."""
    meta = info.metadata
    params_ast = info.params_ast or []
    declared = [p for p in meta.params if not p.is_common]    # common ones: [<CommonParameters>]
    explicit = any(s.position is not None for p in declared for s in p.sets.values())
    auto = not explicit and getattr(meta, "positional_binding", True)
    named_sets = list(meta.set_names)
    params = []
    position = 0
    for index, p in enumerate(declared):
        type_name = "System.Management.Automation.SwitchParameter" if p.is_switch else (
            p.type_name or "System.Object")
        sets = {}
        for set_name, s in p.sets.items():
            entry = {}
            pos = s.position
            if pos is None and auto and not p.is_switch:
                pos = position
            if pos is not None:
                entry["position"] = pos
            if s.mandatory:
                entry["mandatory"] = True
            if s.from_pipeline:
                entry["value_from_pipeline"] = True
            if s.by_property_name:
                entry["value_from_pipeline_by_property_name"] = True
            if s.remaining:
                entry["value_from_remaining_arguments"] = True
            if set_name == ALL_SETS and named_sets:
                for n in named_sets:
                    sets.setdefault(n, dict(entry))
            else:
                sets[set_name] = entry
        if auto and not p.is_switch:
            position += 1
        entry = {"name": p.name, "type": type_name, "sets": sets}
        if p.aliases:
            entry["aliases"] = list(p.aliases)
        default = _default_text(params_ast, index, info.extent[0] if info.extent else None)
        if default is not None:
            entry["default_value"] = default
        params.append(entry)
    return {"name": name, "parameters": params, "default_parameter_set": meta.default_set,
            "supports_should_process": bool(meta.supports_should_process),
            "advanced": bool(meta.advanced)}


def _default_text(params_ast, index: int, src: str | None) -> str | None:
    """The default value as written in the source (Get-Help's "Default value")."""
    if index >= len(params_ast) or not src:
        return None
    node = params_ast[index].default
    return None if node is None else src[node.start:node.end]


def function_syntax(spec: dict) -> list[tuple[str, str]]:
    """(set, syntax line) per set, as pwsh prints a function's: ``[<CommonParameters>]`` only
    for an advanced function."""
    from .syntax import all_syntax
    lines = all_syntax(display_spec(spec))
    if spec.get("advanced"):
        return lines
    return [(s, line.replace(" [<CommonParameters>]", "")) for s, line in lines]
