"""Load command specs (``help/specs/<Verb-Noun>.yaml``) into CommandMeta for the binder.

Specs are read lazily, one file per command, the first time the command runs; listing
the directory is all that start-up costs.  The schema is documented in help/README.md.
"""
from __future__ import annotations

import os
from pathlib import Path

from .metadata import (
    ALL_SETS,
    COMMON_PARAMETERS,  # noqa: F401 - re-exported for older callers
    SHOULD_PROCESS_PARAMETERS,  # noqa: F401
    CommandMeta,
    ParameterMeta,
    SetMeta,
    common_parameters,
)


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
        pm.allow_empty_string = bool(p.get("allow_empty_string") or p.get("allow_empty"))
        pm.allow_empty_collection = bool(p.get("allow_empty_collection") or p.get("allow_empty"))
        params.append(pm)
    should_process = bool(spec.get("supports_should_process"))
    params.extend(common_parameters(should_process))
    return CommandMeta(spec["name"], params, spec.get("default_parameter_set"), advanced=True,
                       supports_should_process=should_process,
                       confirm_impact=spec.get("confirm_impact") or "Medium",
                       fq_name=spec.get("fq_name") or _default_fq_name(spec["name"]))


def _default_fq_name(name: str) -> str:
    """Microsoft.PowerShell.Commands.<Verb><Noun>Command, the pattern pwsh's cmdlets use."""
    return "Microsoft.PowerShell.Commands." + name.replace("-", "") + "Command"
