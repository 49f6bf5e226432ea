"""The parameter binder: named, positional, remaining and pipeline arguments.

Follows PowerShell's order (about_Parameter_Binding): splats after explicit arguments,
name/value re-pairing, named pass, positional pass by position order (default set
first), remaining arguments, parameter-set choice, mandatory check; pipeline input is
bound per record.  Failures are ParameterBindingException error records with pwsh's ids.
"""
from __future__ import annotations

from ..errors import (
    DotNetException,
    ParameterBindingArgumentTransformationException,
    ParameterBindingException,
    ParameterBindingValidationException,
    runtime_error,
)
from ..runtime.convert import to_str
from ..runtime.helpers import ENDPARAMS, NOARG, SPLAT, VERBATIM
from ..runtime.values import Hashtable, ParameterToken, SwitchParameter
from .metadata import ALL_SETS, CommandMeta, ParameterMeta


class Binding:
    """Outcome of binding one invocation."""

    __slots__ = ("bound", "candidate_sets", "explicit", "meta", "set_name", "unbound_args")

    def __init__(self, meta: CommandMeta) -> None:
        self.meta = meta
        self.bound: dict[str, object] = {}      # parameter name → value
        self.set_name = ALL_SETS
        self.unbound_args: list = []            # for $args of simple functions
        self.candidate_sets: set | None = None
        self.explicit: set[str] = set()


def _err(cls, error_id: str, message: str, cmd: str, category: str = "InvalidArgument",
         target=None):
    e = runtime_error(cls, error_id, message, category, target)
    e.command_name = cmd
    return e


class Binder:
    def __init__(self, ctx, meta: CommandMeta, cmd_name: str, is_script: bool,
                 scope=None) -> None:
        self.ctx = ctx
        self.meta = meta
        self.cmd = cmd_name
        self.is_script = is_script
        self.scope = scope

    # --- public --------------------------------------------------------------------------------
    def bind_arguments(self, args: list, pipeline_expected: bool) -> Binding:
        meta = self.meta
        b = Binding(meta)
        items = self._expand(args)
        leftovers = []
        # named pass (pairs already re-paired)
        for item in items:
            if item[0] == "named":
                _, name, value, _text, from_splat = item
                p = meta.resolve(name)
                if isinstance(p, list):
                    raise _err(ParameterBindingException, "AmbiguousParameter",
                               f"Parameter cannot be processed because the parameter name "
                               f"'{name}' is ambiguous. Possible matches include: "
                               f"{' '.join('-' + c.name for c in p)}.", self.cmd)
                if p is None:
                    leftovers.append(item)
                    continue
                if p.name in b.bound:
                    if from_splat:
                        continue
                    raise _err(ParameterBindingException, "ParameterAlreadyBound",
                               f"Cannot bind parameter because parameter '{p.name}' is specified "
                               "more than once. To provide multiple values to parameters that "
                               "can accept multiple values, use the array syntax. For example, "
                               '"-parameter value1,value2,value3".', self.cmd)
                self._bind(b, p, value)
                b.explicit.add(p.name)
            else:
                leftovers.append(item)
        # positional pass
        positional = [it for it in leftovers if it[0] == "pos"]
        if positional and meta.positional_binding:
            order = self._positional_order(b)
            used = 0
            for i, p in enumerate(order):
                if used >= len(positional):
                    break
                if p.name in b.bound:
                    continue
                if not self._param_in_candidates(b, p):
                    continue
                item = positional[used]
                p = self._bind_positional(b, p, order[i + 1:], item)
                b.explicit.add(p.name)
                used += 1
                item_id = id(item)
                leftovers = [it for it in leftovers if id(it) != item_id]
        # remaining arguments
        if leftovers:
            remaining = [p for p in meta.params if p.name not in b.bound and any(
                s.remaining for s in p.sets.values()) and self._param_in_candidates(b, p)]
            if remaining:
                values = []
                for it in leftovers:
                    if it[0] == "pos":
                        values.append(it[1])
                    else:
                        values.append(it[3] or "-" + it[1])
                        if it[2] is not NOARG:
                            values.append(it[2])
                if len(values) == 1 and isinstance(values[0], list):
                    values = values[0]
                self._bind(b, remaining[0], values)
                leftovers = []
        if leftovers:
            if meta.advanced:
                first = leftovers[0]
                if first[0] == "named":
                    raise _err(ParameterBindingException, "NamedParameterNotFound",
                               f"A parameter cannot be found that matches parameter name "
                               f"'{first[1]}'.", self.cmd)
                raise _err(ParameterBindingException, "PositionalParameterNotFound",
                           f"A positional parameter cannot be found that accepts argument "
                           f"'{to_str(first[1])}'.", self.cmd)
            for it in leftovers:
                if it[0] == "pos":
                    b.unbound_args.append(it[1])
                else:
                    b.unbound_args.append(it[3] or "-" + it[1])
                    if it[2] is not NOARG:
                        b.unbound_args.append(it[2])
        self._choose_set(b, pipeline_expected)
        self._check_mandatory(b, pipeline_expected)
        return b

    def bind_pipeline_item(self, b: Binding, item, explicit_only: set) -> bool:
        """Bind one pipeline record: ByValue then ByPropertyName. Returns False if unbound."""
        from ..runtime.members import get_member
        bound_any = False
        for p in self.meta.params:
            if p.name in explicit_only:
                continue
            sm = p.in_set(b.set_name) if b.set_name != ALL_SETS else p.any_set
            if sm is None:
                continue
            if sm.from_pipeline:
                try:
                    self._bind(b, p, item)
                    bound_any = True
                    continue
                except DotNetException:
                    if not sm.by_property_name:
                        raise
            if sm.by_property_name and item is not None:
                for name in [p.name, *p.aliases]:
                    v = get_member(item, name)
                    if v is not None:
                        self._bind(b, p, v)
                        bound_any = True
                        break
        return bound_any

    # --- steps ------------------------------------------------------------------------------------
    def _expand(self, args) -> list:
        """Splats expanded (hashtable splats after explicit arguments) and names paired with
        their values: ('named', name, value, text, from_splat) or ('pos', value, text)."""
        raw = []
        splatted = []
        end_of_params = False
        for name, value, text in args:
            if name is SPLAT:
                if isinstance(value, Hashtable):
                    for k, v in value.items():
                        splatted.append(("named", to_str(k), _splat_value(v), None, True))
                elif isinstance(value, list):
                    for v in value:
                        if isinstance(v, ParameterToken):   # @args passing on a -Name
                            raw.append(("named", v.parameter_name, NOARG, str(v), False))
                        else:
                            raw.append(("pos", v, None))
                elif value is not None:
                    raw.append(("pos", value, None))
                continue
            if name is ENDPARAMS:
                end_of_params = True
                continue
            if name is None or end_of_params:
                if text is VERBATIM:
                    text = None
                raw.append(("pos", value, text))
            else:
                raw.append(("named", name, value, text, False))
        raw.extend(splatted)
        out = []
        i = 0
        while i < len(raw):
            it = raw[i]
            if it[0] == "named" and it[2] is NOARG:
                p = self.meta.resolve(it[1])
                if isinstance(p, ParameterMeta) and not p.is_switch:
                    nxt = raw[i + 1] if i + 1 < len(raw) else None
                    if nxt is None or nxt[0] != "pos":
                        tname = p.type.fullname if p.type is not None else "System.Object"
                        raise _err(ParameterBindingException, "MissingArgument",
                                   f"Missing an argument for parameter '{p.name}'. Specify a "
                                   f"parameter of type '{tname}' and try again.", self.cmd)
                    out.append(("named", it[1], nxt[1], it[3], it[4]))
                    i += 2
                    continue
            out.append(it)
            i += 1
        return out

    def _positional_order(self, b: Binding) -> list[ParameterMeta]:
        meta = self.meta
        explicit = any(s.position is not None for p in meta.params for s in p.sets.values())
        if not explicit:
            return [p for p in meta.params if not any(s.remaining for s in p.sets.values())
                    and not p.is_switch]
        ranked = []
        default = meta.default_set
        for idx, p in enumerate(meta.params):
            best = None
            for set_name, sm in p.sets.items():
                if sm.position is None or sm.remaining:
                    continue
                if b.candidate_sets is not None and set_name != ALL_SETS and \
                        set_name not in b.candidate_sets:
                    continue
                pref = 0 if (set_name == default or set_name == ALL_SETS) else 1
                key = (sm.position, pref, idx)
                if best is None or key < best:
                    best = key
            if best is not None:
                ranked.append((best, p))
        ranked.sort(key=lambda x: x[0])
        return [p for _, p in ranked]

    def _bind_positional(self, b: Binding, first: ParameterMeta, rest: list, item
                         ) -> ParameterMeta:
        """Bind one positional argument.  When parameters of other sets share the position
        (ForEach-Object's -Process/-MemberName, Where-Object's -Property/-FilterScript), pwsh
        prefers one whose type takes the value as it is, then tries each with conversion."""
        position = self._position_of(b, first)
        rivals = [first] + [p for p in rest if p.name not in b.bound and
                            self._param_in_candidates(b, p) and
                            self._position_of(b, p) == position]
        if len(rivals) > 1:
            exact = next((p for p in rivals if _fits(p, item[1])), None)
            if exact is not None:
                rivals = [exact]
        error = None
        for p in rivals:
            try:
                self._bind(b, p, item[1], text=item[2])
                return p
            except ParameterBindingException as e:
                error = error or e
        raise error

    def _position_of(self, b: Binding, p: ParameterMeta):
        return min((s.position for name, s in p.sets.items() if s.position is not None and (
            b.candidate_sets is None or name == ALL_SETS or name in b.candidate_sets)),
            default=None)

    def _param_in_candidates(self, b: Binding, p: ParameterMeta) -> bool:
        if b.candidate_sets is None or ALL_SETS in p.sets:
            return True
        return any(s in b.candidate_sets for s in p.sets)

    def _narrow(self, b: Binding, p: ParameterMeta) -> None:
        if ALL_SETS in p.sets or not self.meta.set_names:
            return
        sets = set(p.sets)
        b.candidate_sets = sets if b.candidate_sets is None else b.candidate_sets & sets

    def _choose_set(self, b: Binding, pipeline_expected: bool) -> None:
        meta = self.meta
        if not meta.set_names:
            b.set_name = meta.default_set or ALL_SETS
            return
        cands = b.candidate_sets
        if cands is not None and not cands:
            raise _err(ParameterBindingException, "AmbiguousParameterSet",
                       "Parameter set cannot be resolved using the specified named parameters. One "
                       "or more parameters issued cannot be used together or an insufficient number "
                       "of parameters were provided.", self.cmd)
        pool = list(cands) if cands is not None else list(meta.set_names)
        if pipeline_expected and len(pool) > 1:
            # piped input can only bind in a set with a pipeline parameter (Get-Random's
            # default number set has none, its list set has -InputObject)
            piped = [s for s in pool if any(
                (sm := p.sets.get(s)) is not None and (sm.from_pipeline or sm.by_property_name)
                for p in meta.params)]
            if piped and meta.default_set not in piped:
                pool = piped
        if len(pool) == 1:
            b.set_name = pool[0]
            return
        if meta.default_set in pool:
            b.set_name = meta.default_set
            return
        complete = [s for s in pool if not any(
            p.name not in b.bound and p.sets.get(s) is not None and p.sets[s].mandatory
            for p in meta.params)]
        if len(complete) == 1:
            b.set_name = complete[0]
            return
        if pipeline_expected:
            b.set_name = pool[0]
            return
        raise _err(ParameterBindingException, "AmbiguousParameterSet",
                   "Parameter set cannot be resolved using the specified named parameters. One or "
                   "more parameters issued cannot be used together or an insufficient number of "
                   "parameters were provided.", self.cmd)

    def missing_mandatory(self, b: Binding, pipeline_expected: bool) -> list[ParameterMeta]:
        missing = []
        for p in self.meta.params:
            if p.name in b.bound:
                continue
            sm = p.sets.get(b.set_name) or p.sets.get(ALL_SETS)
            if sm is None or not sm.mandatory:
                continue
            if pipeline_expected and (sm.from_pipeline or sm.by_property_name):
                continue
            missing.append(p)
        return missing

    def _check_mandatory(self, b: Binding, pipeline_expected: bool) -> None:
        missing = self.missing_mandatory(b, pipeline_expected)
        if not missing:
            return
        prompt = getattr(self.ctx, "prompt_for_parameters", None)
        if prompt is not None and self.ctx.can_prompt():
            values = prompt(self.cmd, missing)
            for p, v in zip(missing, values, strict=False):
                self._bind(b, p, v)
            missing = self.missing_mandatory(b, pipeline_expected)
            if not missing:
                return
        names = " ".join(p.name for p in missing)
        raise _err(ParameterBindingException, "MissingMandatoryParameter",
                   f"Cannot process command because of one or more missing mandatory parameters: "
                   f"{names}.", self.cmd)

    # --- one value ----------------------------------------------------------------------------------
    def _bind(self, b: Binding, p: ParameterMeta, value, text=None) -> None:
        b.bound[p.name] = self.coerce(p, value, text)
        self._narrow(b, p)

    def coerce(self, p: ParameterMeta, value, text=None):
        if p.is_switch:
            if value is NOARG:
                return SwitchParameter(True)
            if isinstance(value, SwitchParameter):
                return value
            if isinstance(value, (bool, int, float)):
                return SwitchParameter(bool(value))
            raise self._convert_error(p, value, "System.Management.Automation.SwitchParameter")
        if value is NOARG:
            raise _err(ParameterBindingException, "MissingArgument",
                       f"Missing an argument for parameter '{p.name}'.", self.cmd)
        t = p.type
        if t is not None and t.fullname not in ("System.Object",
                                                "System.Management.Automation.PSObject"):
            if isinstance(value, list) and not t.fullname.endswith("]") and len(value) != 1 and \
                    t.fullname not in ("System.Collections.Hashtable",) and not (
                        self.is_script and not self.meta.advanced and t.fullname == "System.String"):
                # (a plain function's [string] parameter takes an array joined with $OFS)
                raise self._convert_error(p, value, t.fullname, collection=True)
            if text is not None and t.fullname == "System.String" and not isinstance(value, str):
                value = text
            if t.fullname == "System.Boolean" and not isinstance(value, (bool, int, float)):
                raise self._convert_error(p, value, t.fullname)
            try:
                value = t.convert(value[0] if isinstance(value, list) and len(value) == 1 and
                                  not t.fullname.endswith("]") else value)
            except DotNetException as e:
                raise self._convert_error(p, value, t.fullname, inner=e) from None
        self._validate(p, value)
        return value

    def _convert_error(self, p, value, tname, inner=None, collection=False):
        if self.is_script:
            detail = (f"Cannot convert value to type {tname}." if collection else
                      getattr(inner, "Message", None) or
                      f'Cannot convert value "{to_str(value)}" to type "{tname}".')
            return _err(ParameterBindingArgumentTransformationException,
                        "ParameterArgumentTransformationError",
                        f"Cannot process argument transformation on parameter '{p.name}'. {detail}",
                        self.cmd, "InvalidData", value)
        detail = getattr(inner, "Message", None) or (
            f'Cannot convert the "{to_str(value)}" value of type "{_tn(value)}" to type '
            f'"{tname}".')
        return _err(ParameterBindingException, "CannotConvertArgumentNoMessage",
                    f"Cannot bind parameter '{p.name}'. {detail}", self.cmd, "InvalidArgument",
                    value)

    def _validate(self, p: ParameterMeta, value) -> None:
        sm = p.any_set
        mandatory = any(s.mandatory for s in p.sets.values())
        del sm
        if mandatory and not p.allow_null:
            err = None
            if value is None:
                err = ("ParameterArgumentValidationErrorNullNotAllowed",
                       f"Cannot bind argument to parameter '{p.name}' because it is null.")
            elif value == "" and isinstance(value, str) and not p.allow_empty:
                err = ("ParameterArgumentValidationErrorEmptyStringNotAllowed",
                       (f"Cannot bind argument to parameter '{p.name}' because it is an empty "
                       "string."))
            elif isinstance(value, list) and not value and not p.allow_empty:
                err = ("ParameterArgumentValidationErrorEmptyArrayNotAllowed",
                       (f"Cannot bind argument to parameter '{p.name}' because it is an empty "
                       "array."))
            if err:
                raise _err(ParameterBindingValidationException, err[0], err[1], self.cmd,
                           "InvalidData", value)
        validators = self._validators(p)
        for v in validators:
            if not v.check(self.ctx, value):
                raise _err(ParameterBindingValidationException, "ParameterArgumentValidationError",
                           f"Cannot validate argument on parameter '{p.name}'. {v.message(value)}",
                           self.cmd, "InvalidData", value)
        if p.accepted_values:
            from .validation import ValidateSet
            vs = ValidateSet(p.accepted_values)
            if value is not None and not vs.check(self.ctx, value):
                raise _err(ParameterBindingValidationException, "ParameterArgumentValidationError",
                           f"Cannot validate argument on parameter '{p.name}'. {vs.message(value)}",
                           self.cmd, "InvalidData", value)

    def _validators(self, p: ParameterMeta) -> list:
        vals = p.validators
        if vals and not hasattr(vals[0], "check"):
            from .validation import validators_from_attributes
            p.validators = vals = validators_from_attributes(self.ctx, self.scope or
                                                             self.ctx.global_scope, vals)
        return vals


def _fits(p: ParameterMeta, value) -> bool:
    """True when the value already has the parameter's type (no conversion needed)."""
    t = p.type
    if t is None or t.fullname in ("System.Object", "System.Management.Automation.PSObject"):
        return True
    if t.element_type is not None and not isinstance(value, list):
        return t.element_type.is_instance(value)
    return t.is_instance(value)


def _tn(v) -> str:
    from ..runtime.typenames import type_name_of
    return type_name_of(v)


def _splat_value(v):
    """A splatted $true for a switch means present; other values pass through."""
    return v
