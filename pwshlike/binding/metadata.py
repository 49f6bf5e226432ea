"""Parameter metadata shared by script functions and Python cmdlets.

Mandatory, position and pipeline behaviour are per parameter *set*, as in PowerShell;
a parameter in no named set belongs to all sets (``__AllParameterSets``).
"""
from __future__ import annotations

ALL_SETS = "__AllParameterSets"


class SetMeta:
    __slots__ = (
        "by_property_name",
        "from_pipeline",
        "help_message",
        "mandatory",
        "position",
        "remaining",
    )

    def __init__(self, position=None, mandatory=False, from_pipeline=False,
                 by_property_name=False, remaining=False, help_message=None) -> None:
        self.position = position
        self.mandatory = mandatory
        self.from_pipeline = from_pipeline
        self.by_property_name = by_property_name
        self.remaining = remaining
        self.help_message = help_message


class ParameterMeta:
    __slots__ = (
        "_type",
        "accepted_values",
        "aliases",
        "allow_empty",
        "allow_null",
        "default_fn",
        "default_value",
        "is_common",
        "is_switch",
        "name",
        "sets",
        "type_name",
        "validators",
    )

    def __init__(self, name: str, type_name: str | None = None, aliases=(), sets=None,
                 validators=(), default_fn=None, accepted_values=None,
                 default_value=None) -> None:
        self.name = name
        self.type_name = type_name
        self._type = None
        self.aliases = list(aliases)
        self.sets: dict[str, SetMeta] = sets or {ALL_SETS: SetMeta()}
        self.validators = list(validators)
        self.default_fn = default_fn
        low = (type_name or "").lower()
        self.is_switch = low in ("switch", "switchparameter",
                                 "system.management.automation.switchparameter")
        self.allow_null = False
        self.allow_empty = False
        self.accepted_values = accepted_values
        self.default_value = default_value
        self.is_common = False

    @property
    def type(self):
        if self._type is None and self.type_name:
            from ..runtime.types import resolve_type
            self._type = resolve_type(self.type_name)
        return self._type

    def in_set(self, set_name: str) -> SetMeta | None:
        return self.sets.get(set_name) or self.sets.get(ALL_SETS)

    @property
    def any_set(self) -> SetMeta:
        return next(iter(self.sets.values()))


class CommandMeta:
    def __init__(self, name: str, params: list[ParameterMeta], default_set: str | None = None,
                 advanced: bool = False, supports_should_process: bool = False,
                 positional_binding: bool = True) -> None:
        self.name = name
        self.params = params
        self.default_set = default_set
        self.advanced = advanced
        self.supports_should_process = supports_should_process
        self.positional_binding = positional_binding
        self.by_name: dict[str, ParameterMeta] = {}
        for p in params:
            self.by_name[p.name.lower()] = p
        self.aliases: dict[str, ParameterMeta] = {}
        for p in params:
            for a in p.aliases:
                self.aliases[a.lower()] = p
        names = []
        for p in params:
            for s in p.sets:
                if s != ALL_SETS and s not in names:
                    names.append(s)
        self.set_names = names
        self.has_pipeline = any(s.from_pipeline or s.by_property_name
                                for p in params for s in p.sets.values())
        self.simple = not advanced and not any(
            s.position is not None or s.mandatory or s.from_pipeline or s.remaining
            for p in params for s in p.sets.values()) and not names

    def resolve(self, name: str):
        """Exact name/alias, else a unique prefix; returns a ParameterMeta, None, or a list
        of candidates when ambiguous."""
        low = name.lower()
        p = self.by_name.get(low) or self.aliases.get(low)
        if p is not None:
            return p
        cands = []
        for pname, p in self.by_name.items():
            if pname.startswith(low) and p not in cands:
                cands.append(p)
        for alias, p in self.aliases.items():
            if alias.startswith(low) and p not in cands:
                cands.append(p)
        if len(cands) == 1:
            return cands[0]
        if not cands:
            return None
        declared = [c for c in cands if not getattr(c, "is_common", False)]
        if len(declared) == 1:
            return declared[0]
        return cands
