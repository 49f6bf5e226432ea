"""A parameter's metadata block, in either PlatyPS layout, as per-set bindings.

Legacy pages (schema 2.0.0) write ``Key: value`` text that only looks like YAML
(``Default value: $Global:X`` is not valid YAML) and may give one block per group of
sets; PlatyPS 2024-05-01 writes real YAML with a ``ParameterSets`` list.
"""
from __future__ import annotations

import re

from .model import ALL_SETS_MONIKER, ParameterHelp, SetBinding

_V1_KEYS = {
    "type", "parameter sets", "aliases", "accepted values", "applicable", "required",
    "position", "default value", "accept pipeline input", "accept wildcard characters",
}
_PER_SET_FLAG = re.compile(r"(true|false)\s*\(([^)]*)\)", re.IGNORECASE)


class MetadataError(ValueError):
    """A metadata block this converter cannot make sense of."""


def apply_block(param: ParameterHelp, text: str, warnings: list[str]) -> None:
    """Merge one metadata block into ``param``: type and lists, plus a binding per set."""
    fields = None if _looks_v2(text) else _v1_fields(text)
    if fields is not None:
        _apply_v1(param, fields, warnings)
    else:
        _apply_v2(param, text, warnings)


def _looks_v2(text: str) -> bool:
    """PlatyPS 2 blocks carry a ``ParameterSets:`` list (legacy ones ``Parameter Sets:``)."""
    return any(line.split(":", 1)[0].strip().lower() == "parametersets"
               for line in text.splitlines())


# --- legacy ``Key: value`` text ---------------------------------------------------------------
def _v1_fields(text: str) -> dict[str, str] | None:
    fields: dict[str, str] = {}
    unknown = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            return None
        key = key.strip().lower()
        if key in _V1_KEYS:
            fields[key] = value.strip()
        else:
            unknown.append(key)
    if not fields:
        return None
    if unknown:
        raise MetadataError(f"unknown metadata keys: {', '.join(unknown)}")
    return fields


def _apply_v1(param: ParameterHelp, f: dict[str, str], warnings: list[str]) -> None:
    _set_type(param, f.get("type") or None, warnings)
    if f.get("aliases"):
        _merge(param.aliases, _split_list(f["aliases"]))
    if f.get("accepted values"):
        _merge(param.accepted_values, _split_list(f["accepted values"]))
    default = f.get("default value", "")
    if default and default.lower() != "none" and param.default_value is None:
        param.default_value = default
    if f.get("accept wildcard characters", "").lower() == "true":
        param.supports_wildcards = True
    sets = _split_list(f.get("parameter sets", "")) or [ALL_SETS_MONIKER]
    required = _per_set_flags(f.get("required", "false"), sets)
    position = _position(f.get("position", "named"))
    by_value, by_name = _pipeline(f.get("accept pipeline input", "false"))
    for s in sets:
        _add_set(param, s, SetBinding(position=position, mandatory=required[s],
                                      by_value=by_value, by_property_name=by_name))


def _per_set_flags(text: str, sets: list[str]) -> dict[str, bool]:
    """``True``, ``False`` or ``True (A, B), False (C)``."""
    found = _PER_SET_FLAG.findall(text)
    if not found:
        value = _bool(text)
        return {s: value for s in sets}
    out = {s: False for s in sets}
    for flag, names in found:
        for name in _split_list(names):
            out[name] = flag.lower() == "true"
    return out


def _pipeline(text: str) -> tuple[bool, bool]:
    """Every spelling of ``Accept pipeline input`` seen in the wild → (ByValue, ByPropertyName).

    ``True (ByValue)``, ``True (ByPropertyName, ByValue)``, ``ByValue (False), ByName (True)``;
    a bare ``True`` means by value.
    """
    low = text.lower()
    if "byvalue (" in low or "byname (" in low or "bypropertyname (" in low:
        flags = dict(re.findall(r"(byvalue|byname|bypropertyname)\s*\((true|false)\)", low))
        return (flags.get("byvalue") == "true",
                "true" in (flags.get("byname"), flags.get("bypropertyname")))
    if not low.startswith("true"):
        return False, False
    qualifier = low[4:]
    if "by" not in qualifier:
        return True, False
    return "byvalue" in qualifier, "bypropertyname" in qualifier or "byname" in qualifier


# --- PlatyPS 2024-05-01 YAML ------------------------------------------------------------------
def _apply_v2(param: ParameterHelp, text: str, warnings: list[str]) -> None:
    import yaml
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise MetadataError(f"metadata block is neither legacy text nor YAML: {e}") from None
    if not isinstance(data, dict):
        raise MetadataError("metadata block is not a mapping")
    data = {str(k).lower(): v for k, v in data.items()}
    _set_type(param, _text(data.get("type")), warnings)
    _merge(param.aliases, _yaml_list(data.get("aliases")))
    _merge(param.accepted_values, _yaml_list(data.get("acceptedvalues")))
    default = data.get("defaultvalue")
    if default is not None and str(default).strip().lower() != "none":
        param.default_value = str(default)
    param.supports_wildcards = bool(data.get("supportswildcards"))
    param.dont_show = bool(data.get("dontshow"))
    param.help_message = _text(data.get("helpmessage")) or None
    for entry in data.get("parametersets") or [{"Name": ALL_SETS_MONIKER}]:
        e = {str(k).lower(): v for k, v in (entry or {}).items()}
        name = _text(e.get("name")) or ALL_SETS_MONIKER
        _add_set(param, name, SetBinding(
            position=_position(_text(e.get("position")) or "named"),
            mandatory=bool(e.get("isrequired")),
            by_value=bool(e.get("valuefrompipeline")),
            by_property_name=bool(e.get("valuefrompipelinebypropertyname")),
            remaining=bool(e.get("valuefromremainingarguments"))))


# --- shared -----------------------------------------------------------------------------------
def _set_type(param: ParameterHelp, type_text: str | None, warnings: list[str]) -> None:
    if not type_text:
        return
    if param.type is None:
        param.type = type_text
    elif param.type.lower() != type_text.lower():
        raise MetadataError(f"-{param.name} has type {param.type} in one block and "
                            f"{type_text} in another")


def _add_set(param: ParameterHelp, set_name: str, binding: SetBinding) -> None:
    if set_name in param.sets:
        raise MetadataError(f"-{param.name} is described twice for parameter set {set_name}")
    param.sets[set_name] = binding


def _position(text: str) -> int | None:
    text = text.strip()
    if not text or text.lower() == "named":
        return None
    try:
        return int(text)
    except ValueError:
        raise MetadataError(f"position {text!r} is neither a number nor Named") from None


def _bool(text: str) -> bool:
    return text.strip().lower() == "true"


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _yaml_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return _split_list(value)
    return [str(v) for v in value if str(v).strip()]


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _merge(target: list[str], items: list[str]) -> None:
    for item in items:
        if item not in target:
            target.append(item)
