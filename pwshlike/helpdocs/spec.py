"""CommandHelp → the YAML spec the binder reads (schema: help/README.md).

Parameter sets are made explicit here: ``(All)`` expands to every set the page names,
and a command whose only set is ``(All)``/``__AllParameterSets`` gets the single set
``__AllParameterSets``.  Parameters keep the order the SYNTAX blocks show them in, which
is the declaration order PowerShell renders syntax from (the PARAMETERS section is
alphabetical).
"""
from __future__ import annotations

import re
from itertools import pairwise

from .model import ALL_SETS, ALL_SETS_MONIKER, CommandHelp, ParameterHelp

_SYNTAX_PARAM = re.compile(r"-([A-Za-z_][\w-]*)")


class SpecError(ValueError):
    """The page's metadata is inconsistent (unknown set, two parameters at one position...)."""


def set_names(h: CommandHelp) -> list[str]:
    names = [s.set_name for s in h.syntax if s.set_name != ALL_SETS]
    for p in h.parameters:
        for name in p.sets:
            if name != ALL_SETS_MONIKER and name not in names:
                h.warnings.append(f"-{p.name} names parameter set {name!r}, which SYNTAX lacks")
                names.append(name)
    return names or [ALL_SETS]


def spec_from_help(h: CommandHelp, source: str | None = None) -> dict:
    sets = set_names(h)
    default = next((s.set_name for s in h.syntax if s.is_default), None)
    if default is not None and default not in sets:
        raise SpecError(f"default parameter set {default!r} is not one of {sets}")
    fm = h.front_matter
    spec: dict = {"name": h.name, "synopsis": " ".join(h.synopsis.split())}
    if fm.get("pwshlike class"):
        spec["class"] = fm["pwshlike class"]
    if fm.get("pwshlike fq name"):
        spec["fq_name"] = fm["pwshlike fq name"]
    spec["default_parameter_set"] = default
    spec["supports_should_process"] = h.supports_should_process
    if fm.get("pwshlike confirm impact"):
        spec["confirm_impact"] = fm["pwshlike confirm impact"]
    if source:
        spec["source"] = {"file": source, "schema": h.schema}
    spec["parameters"] = [_parameter(p, sets) for p in _ordered(h)]
    _validate(spec, sets)
    return spec


def _ordered(h: CommandHelp) -> list[ParameterHelp]:
    """Parameters in an order consistent with every SYNTAX block (a topological sort of
    "comes before" pairs, ties broken by first appearance), then any the blocks omit."""
    by_name = {p.name.lower(): p for p in h.parameters}
    first_seen: dict[str, int] = {}
    after: dict[str, set[str]] = {}
    for block in h.syntax:
        names = [n.lower() for n in _SYNTAX_PARAM.findall(block.text) if n.lower() in by_name]
        for n in names:
            first_seen.setdefault(n, len(first_seen))
            after.setdefault(n, set())
        for a, b in pairwise(names):
            after[a].add(b)
    waiting = {n: 0 for n in first_seen}
    for targets in after.values():
        for b in targets:
            waiting[b] += 1
    order: list[str] = []
    ready = sorted((n for n, k in waiting.items() if k == 0), key=first_seen.get)
    while ready:
        n = ready.pop(0)
        order.append(n)
        for b in after[n]:
            waiting[b] -= 1
            if waiting[b] == 0:
                ready.append(b)
        ready.sort(key=first_seen.get)
    if len(order) < len(first_seen):          # the blocks disagree: keep first appearance
        order = sorted(first_seen, key=first_seen.get)
    order += [p.name.lower() for p in h.parameters if p.name.lower() not in order]
    return [by_name[n] for n in order]


def _parameter(p: ParameterHelp, sets: list[str]) -> dict:
    out: dict = {"name": p.name, "type": p.type or "Object"}
    if p.aliases:
        out["aliases"] = list(p.aliases)
    if p.accepted_values:
        out["accepted_values"] = list(p.accepted_values)
    if p.default_value is not None:
        out["default_value"] = p.default_value
    if p.supports_wildcards:
        out["supports_wildcards"] = True
    if p.help_message:
        out["help_message"] = p.help_message
    if p.dont_show:
        out["dont_show"] = True
    per_set: dict = {}
    for name, b in (p.sets or {ALL_SETS_MONIKER: None}).items():
        targets = sets if name in (ALL_SETS_MONIKER, ALL_SETS) else [name]
        for target in targets:
            entry: dict = {}
            if b is not None:
                if b.position is not None:
                    entry["position"] = b.position
                for key, flag in (("mandatory", b.mandatory),
                                  ("value_from_pipeline", b.by_value),
                                  ("value_from_pipeline_by_property_name", b.by_property_name),
                                  ("value_from_remaining_arguments", b.remaining)):
                    if flag:
                        entry[key] = True
            per_set[target] = entry
    out["sets"] = {s: per_set[s] for s in sets if s in per_set}
    return out


def _validate(spec: dict, sets: list[str]) -> None:
    seen: dict[str, str] = {}
    for p in spec["parameters"]:
        for name in [p["name"], *p.get("aliases", [])]:
            low = name.lower()
            if low in seen:
                raise SpecError(f"{name!r} names both -{seen[low]} and -{p['name']}")
            seen[low] = p["name"]
    for s in sets:
        positions: dict[int, str] = {}
        for p in spec["parameters"]:
            pos = p["sets"].get(s, {}).get("position")
            if pos is None:
                continue
            if pos in positions:
                raise SpecError(f"-{positions[pos]} and -{p['name']} share position {pos} in "
                                f"parameter set {s}")
            positions[pos] = p["name"]
