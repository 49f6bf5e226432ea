"""Load command specs (``help/specs/<Verb-Noun>.yaml``) into CommandMeta for the binder.

Specs are read lazily, one file per command, the first time the command runs; listing
the directory is all that start-up costs.  The schema is documented in help/README.md.
"""
from __future__ import annotations

import os
from pathlib import Path

from .metadata import ALL_SETS, CommandMeta, ParameterMeta, SetMeta

COMMON_PARAMETERS = [
    ("Verbose", "switch", ["vb"]), ("Debug", "switch", ["db"]),
    ("ErrorAction", "System.Management.Automation.ActionPreference", ["ea"]),
    ("WarningAction", "System.Management.Automation.ActionPreference", ["wa"]),
    ("InformationAction", "System.Management.Automation.ActionPreference", ["infa"]),
    ("ProgressAction", "System.Management.Automation.ActionPreference", ["proga"]),
    ("ErrorVariable", "System.String", ["ev"]), ("WarningVariable", "System.String", ["wv"]),
    ("InformationVariable", "System.String", ["iv"]), ("OutVariable", "System.String", ["ov"]),
    ("OutBuffer", "System.Int32", ["ob"]), ("PipelineVariable", "System.String", ["pv"]),
]
SHOULD_PROCESS_PARAMETERS = [("WhatIf", "switch", ["wi"]), ("Confirm", "switch", ["cf"])]


def help_dir() -> Path:
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_help"
    if packaged.is_dir():
        return packaged
    return here.parent / "help"


def spec_dir() -> Path:
    return help_dir() / "specs"


def list_spec_names() -> list[str]:
    try:
        return [f[:-5] for f in os.listdir(spec_dir()) if f.endswith(".yaml")]
    except OSError:
        return []


_INDEX: dict | None = None


def _index() -> dict:
    """``specs/index.json``: every spec in one JSON document, written by the same build as the
    YAML files (a test keeps them equal); loading it needs no YAML parser."""
    global _INDEX
    if _INDEX is None:
        import json
        try:
            with open(spec_dir() / "index.json", encoding="utf-8") as f:
                _INDEX = json.load(f)
        except OSError:
            _INDEX = {}
    return _INDEX


def load_spec(name: str) -> dict:
    spec = _index().get(name)
    if spec is not None:
        return spec
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(spec_dir() / f"{name}.yaml", encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)


def _common(params, with_should_process: bool) -> None:
    entries = COMMON_PARAMETERS + (SHOULD_PROCESS_PARAMETERS if with_should_process else [])
    for name, type_name, aliases in entries:
        p = ParameterMeta(name, type_name if type_name != "System.Management.Automation."
                          "ActionPreference" else None, aliases)
        p.is_common = True  # type: ignore[attr-defined]
        if type_name.endswith("ActionPreference"):
            p.accepted_values = ["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore",
                                 "Suspend", "Break"]
        params.append(p)


def meta_from_spec(spec: dict) -> CommandMeta:
    params = []
    for p in spec.get("parameters") or []:
        sets = {}
        for set_name, s in (p.get("sets") or {ALL_SETS: {}}).items():
            s = s or {}
            sets[set_name] = SetMeta(
                position=s.get("position"), mandatory=bool(s.get("mandatory")),
                from_pipeline=bool(s.get("value_from_pipeline")),
                by_property_name=bool(s.get("value_from_pipeline_by_property_name")),
                remaining=bool(s.get("value_from_remaining_arguments")),
                help_message=s.get("help_message"))
        pm = ParameterMeta(p["name"], p.get("type"), p.get("aliases") or [], sets,
                           accepted_values=p.get("accepted_values"),
                           default_value=p.get("default_value"))
        pm.allow_null = bool(p.get("allow_null"))
        pm.allow_empty = bool(p.get("allow_empty"))
        params.append(pm)
    _common(params, bool(spec.get("supports_should_process")))
    meta = CommandMeta(spec["name"], params, spec.get("default_parameter_set"), advanced=True,
                       supports_should_process=bool(spec.get("supports_should_process")))
    return meta
