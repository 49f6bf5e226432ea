"""Parameter metadata shared by script functions and Python cmdlets.

Mandatory-ness, position and pipeline behaviour belong to a parameter *set*, as in
PowerShell.  Sets are bit flags: the default set is bit 0, the others follow in the order
they are first met walking the parameters.  A parameter declared for ``__AllParameterSets``
(no set name) is "in all sets" and narrows nothing when bound.
"""
from __future__ import annotations

ALL_SETS = "__AllParameterSets"
ALL_MASK = 0xFFFFFFFF          # "every set, not yet narrowed" (uint.MaxValue in pwsh)
MAX_SETS = 32


class SetMeta:
    """What a parameter does in one parameter set."""

    __slots__ = (
        "by_property_name",
        "flag",
        "from_pipeline",
        "help_message",
        "in_all",
        "mandatory",
        "name",
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
        self.name = ALL_SETS
        self.flag = 0
        self.in_all = True

    @property
    def takes_pipeline(self) -> bool:
        return self.from_pipeline or self.by_property_name


class ParameterMeta:
    """One parameter: name, aliases, type, validation and its per-set data."""

    __slots__ = (
        "_coll",
        "_data_cache",
        "_type",
        "accepted_values",
        "aliases",
        "allow_empty_collection",
        "allow_empty_string",
        "allow_null",
        "default_fn",
        "default_value",
        "flags",
        "in_all",
        "is_common",
        "is_switch",
        "mandatory_any",
        "name",
        "pipeline_any",
        "remaining_any",
        "sets",
        "transform",
        "type_name",
        "validators",
    )

    def __init__(self, name: str, type_name: str | None = None, aliases=(), sets=None,
                 validators=(), default_fn=None, accepted_values=None,
                 default_value=None) -> None:
        self.name = name
        self.type_name = type_name
        self._type = None
        self._coll = None
        self._data_cache: dict[int, list] | None = None
        self.aliases = list(aliases)
        self.sets: dict[str, SetMeta] = sets or {ALL_SETS: SetMeta()}
        self.validators = list(validators)
        self.default_fn = default_fn
        low = (type_name or "").lower()
        self.is_switch = low in ("switch", "switchparameter",
                                 "system.management.automation.switchparameter")
        self.allow_null = False
        self.transform = None       # a cmdlet's argument transformation: fn(value, text)
        self.allow_empty_string = False
        self.allow_empty_collection = False
        self.accepted_values = accepted_values
        self.default_value = default_value
        self.is_common = False
        self.flags = 0
        self.in_all = True
        self.mandatory_any = self.pipeline_any = self.remaining_any = None

    # compatibility: one flag for both "allow empty" attributes
    @property
    def allow_empty(self) -> bool:
        return self.allow_empty_string or self.allow_empty_collection

    @allow_empty.setter
    def allow_empty(self, value: bool) -> None:
        self.allow_empty_string = self.allow_empty_collection = bool(value)

    @property
    def type(self):
        """The PSType of the parameter (None when untyped, i.e. [object])."""
        if self._type is None and self.type_name:
            from ..runtime.types import resolve_type
            self._type = resolve_type(self.type_name)
        return self._type

    @property
    def type_fullname(self) -> str:
        t = self.type
        return t.fullname if t is not None else "System.Object"

    @property
    def collection(self):
        """``(kind, element PSType or None)`` when the type is a collection pwsh encodes
        arguments into (array or list), else ``None``.  kind is 'array' or 'list'."""
        if self._coll is None:
            self._coll = _collection_info(self.type) or ()
        return self._coll or None

    @property
    def mandatory_somewhere(self) -> bool:
        if self.mandatory_any is None:
            self.mandatory_any = any(s.mandatory for s in self.sets.values())
        return self.mandatory_any

    @property
    def pipeline_somewhere(self) -> bool:
        if self.pipeline_any is None:
            self.pipeline_any = any(s.from_pipeline or s.by_property_name
                                    for s in self.sets.values())
        return self.pipeline_any

    @property
    def remaining_somewhere(self) -> bool:
        if self.remaining_any is None:
            self.remaining_any = any(s.remaining for s in self.sets.values())
        return self.remaining_any

    def data_for(self, mask: int) -> list[SetMeta]:
        """Per-set data of the sets in ``mask`` (plus the all-sets entry); the binder asks
        again for every pipeline object, so each mask's answer is kept (read-only)."""
        cache = self._data_cache
        if cache is None:
            cache = self._data_cache = {}
        found = cache.get(mask)
        if found is None:
            found = cache[mask] = [s for s in self.sets.values() if s.in_all or s.flag & mask]
        return found

    def set_data(self, mask: int) -> SetMeta | None:
        """The first per-set entry matching ``mask``, else the all-sets entry."""
        fallback = None
        for s in self.sets.values():
            if s.flag & mask:
                return s
            if s.in_all:
                fallback = s
        return fallback

    def in_sets(self, mask: int) -> bool:
        return self.in_all or bool(self.flags & mask)

    # kept for older callers
    def in_set(self, set_name: str) -> SetMeta | None:
        return self.sets.get(set_name) or self.sets.get(ALL_SETS)

    @property
    def any_set(self) -> SetMeta:
        return next(iter(self.sets.values()))

    def __repr__(self) -> str:
        return f"<ParameterMeta -{self.name}>"


def _collection_info(t):
    if t is None:
        return None
    name = t.fullname
    if name.endswith("[]"):
        return ("array", t.element_type)
    if name in ("System.Array",):
        return ("array", None)
    low = name.lower()
    if low in ("system.collections.arraylist", "system.collections.ilist"):
        return ("list", None)
    if low.startswith(("system.collections.generic.list[", "system.collections.generic.ilist[",
                       "system.collections.generic.icollection[")):
        args = getattr(t, "generic_args", ())
        return ("list", args[0] if args else None)
    return None


class MetadataError(Exception):
    """A command whose parameters cannot be compiled (duplicate names, too many sets)."""

    def __init__(self, error_id: str, message: str) -> None:
        super().__init__(message)
        self.error_id = error_id
        self.message = message


class CommandMeta:
    """All parameters of a command, compiled for the binder (§1.12 step 0)."""

    def __init__(self, name: str, params: list[ParameterMeta], default_set: str | None = None,
                 advanced: bool = False, supports_should_process: bool = False,
                 positional_binding: bool = True, confirm_impact: str = "Medium",
                 fq_name: str | None = None, is_script: bool = False) -> None:
        self.name = name
        self.params = params
        self.default_set = default_set or None
        self.advanced = advanced
        self.supports_should_process = supports_should_process
        self.positional_binding = positional_binding
        self.confirm_impact = confirm_impact or "Medium"
        self.fq_name = fq_name
        self.is_script = is_script
        self.metadata_error: MetadataError | None = None
        self._compile()

    def _compile(self) -> None:
        # names and aliases
        self.by_name: dict[str, ParameterMeta] = {}
        self.aliases: dict[str, ParameterMeta] = {}
        for p in self.params:
            low = p.name.lower()
            if low in self.by_name:
                self._metadata_error(
                    "ParameterNameAlreadyExistsForCommand",
                    f"A parameter with the name '{p.name}' was defined multiple times for the "
                    "command.")
                continue
            self.by_name[low] = p
        for p in self.params:
            for a in p.aliases:
                low = a.lower()
                if low in self.by_name and self.by_name[low] is not p:
                    self._metadata_error(
                        "ParameterNameConflictsWithAlias",
                        f"The parameter '{self.by_name[low].name}' cannot be specified because "
                        f"it conflicts with the parameter alias of the same name for parameter "
                        f"'{p.name}'.")
                    continue
                if low in self.aliases and self.aliases[low] is not p:
                    self._metadata_error(
                        "AliasParameterNameAlreadyExistsForCommand",
                        f"The parameter alias '{a}' is defined for both parameter "
                        f"'{self.aliases[low].name}' and parameter '{p.name}'.")
                    continue
                self.aliases[low] = p
        # parameter sets as bits, the default set first
        names: list[str] = []
        if self.default_set and self.default_set.lower() != ALL_SETS.lower():
            names.append(self.default_set)
        lowered = {n.lower(): i for i, n in enumerate(names)}
        for p in self.params:
            flags = 0
            in_all = False
            for set_name, sm in p.sets.items():
                if set_name.lower() == ALL_SETS.lower():
                    sm.name, sm.flag, sm.in_all = ALL_SETS, 0, True
                    in_all = True
                    continue
                i = lowered.get(set_name.lower())
                if i is None:
                    i = len(names)
                    names.append(set_name)
                    lowered[set_name.lower()] = i
                sm.name, sm.flag, sm.in_all = names[i], 1 << i, False
                flags |= 1 << i
            p.flags = flags
            p.in_all = in_all
        if len(names) > MAX_SETS:
            self._metadata_error("ParsingTooManyParameterSets",
                                 "Cannot get or run the command. The maximum number of parameter "
                                 "sets for this command has been exceeded.")
            names = names[:MAX_SETS]
        self.set_names = names
        self.default_flag = 1 if self.default_set and names and \
            names[0].lower() == self.default_set.lower() else 0
        self.all_flags = (1 << len(names)) - 1
        self.pipeline_params = [p for p in self.params if p.pipeline_somewhere]
        self.by_value = any(s.from_pipeline for p in self.pipeline_params for s in p.sets.values())
        self.by_property = any(s.by_property_name for p in self.pipeline_params
                               for s in p.sets.values())
        self._set_name_cache: dict[int, str] = {}
        self.mandatory_params = [p for p in self.params if p.mandatory_somewhere]
        self._mandatory_in: dict[int, list] = {}
        self.has_pipeline = bool(self.pipeline_params)
        self.simple = not self.advanced and not names and not any(
            s.position is not None or s.mandatory or s.from_pipeline or s.remaining
            for p in self.params for s in p.sets.values())

    def mandatory_in(self, mask: int) -> list[tuple[ParameterMeta, list[SetMeta]]]:
        """The parameters mandatory in some set of ``mask``, each with those sets' entries.

        Asked for every pipeline object, so it is worked out once per mask: a command like
        Where-Object has a mandatory switch in each of its 31 sets."""
        found = self._mandatory_in.get(mask)
        if found is None:
            found = []
            for p in self.mandatory_params:
                entries = [sd for sd in p.data_for(mask) if sd.mandatory]
                if entries:
                    found.append((p, entries))
            self._mandatory_in[mask] = found
        return found

    def _metadata_error(self, error_id: str, message: str) -> None:
        if self.metadata_error is None:
            self.metadata_error = MetadataError(error_id, message)

    # --- lookups -------------------------------------------------------------------------------
    def resolve(self, name: str):
        """§1.2: exact name or alias, else a unique case-insensitive prefix of names and
        aliases.  Returns the ParameterMeta, None (no match) or the list of candidates when
        ambiguous (one declared parameter beats common ones)."""
        low = name.lower()
        p = self.by_name.get(low)
        if p is not None:
            return p
        p = self.aliases.get(low)
        if p is not None:
            return p
        cands: list[ParameterMeta] = []
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
        declared = [c for c in cands if not c.is_common]
        if len(declared) == 1:
            return declared[0]
        return cands

    def set_name_of(self, mask: int) -> str:
        """GetParameterSetName: the default (or ``__AllParameterSets``) for "all", the set's
        name for a single bit, '' for several bits."""
        name = self._set_name_cache.get(mask)
        if name is None:
            name = self._set_name_cache[mask] = self._set_name(mask)
        return name

    def _set_name(self, mask: int) -> str:
        default = self.default_set or ALL_SETS
        if mask in (ALL_MASK, 0):
            return default
        low_bit = mask & -mask
        if mask != low_bit:
            return ""
        index = low_bit.bit_length() - 1
        return self.set_names[index] if index < len(self.set_names) else ""

    def valid_count(self, mask: int) -> int:
        if mask == ALL_MASK:
            return 1
        return mask.bit_count()

    @property
    def set_count(self) -> int:
        return len(self.set_names)


# --- common parameters ---------------------------------------------------------------------------------
ACTION_PREFERENCE = "System.Management.Automation.ActionPreference"
COMMON_PARAMETERS = [
    ("Verbose", "switch", ["vb"]), ("Debug", "switch", ["db"]),
    ("ErrorAction", ACTION_PREFERENCE, ["ea"]),
    ("WarningAction", ACTION_PREFERENCE, ["wa"]),
    ("InformationAction", ACTION_PREFERENCE, ["infa"]),
    ("ProgressAction", ACTION_PREFERENCE, ["proga"]),
    ("ErrorVariable", "System.String", ["ev"]), ("WarningVariable", "System.String", ["wv"]),
    ("InformationVariable", "System.String", ["iv"]), ("OutVariable", "System.String", ["ov"]),
    ("OutBuffer", "System.Int32", ["ob"]), ("PipelineVariable", "System.String", ["pv"]),
]
SHOULD_PROCESS_PARAMETERS = [("WhatIf", "switch", ["wi"]), ("Confirm", "switch", ["cf"])]
COMMON_NAMES = frozenset(n.lower() for n, _, _ in COMMON_PARAMETERS + SHOULD_PROCESS_PARAMETERS)


def common_parameters(with_should_process: bool) -> list[ParameterMeta]:
    """Fresh ParameterMeta objects for the common parameters (and -WhatIf/-Confirm)."""
    out = []
    entries = COMMON_PARAMETERS + (SHOULD_PROCESS_PARAMETERS if with_should_process else [])
    for name, type_name, aliases in entries:
        p = ParameterMeta(name, type_name, aliases)
        p.is_common = True
        out.append(p)
    return out
