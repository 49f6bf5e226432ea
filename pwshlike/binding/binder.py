"""The parameter binder: PowerShell's algorithm (reference notes §1.12).

For one invocation: hashtable splats move after the explicit arguments; names are paired
with their values; the named pass binds with conversion; the positional pass takes the
unnamed arguments in position order, trying (default set, no conversion), (valid sets, no
conversion), (default set, conversion), (valid sets, conversion); the parameter sets are
narrowed; left-over arguments go to a ValueFromRemainingArguments parameter, to ``$args``
(plain functions) or fail; the set is chosen and mandatory parameters are prompted for or
reported.  Pipeline input is bound per record in four passes (by value, by property name;
each first without conversion).

Every failure is a ParameterBindingException-style error with pwsh's error id; the
FullyQualifiedErrorId is ``<ErrorId>,<command>`` (the cmdlet's .NET type name or the
function's name).
"""
from __future__ import annotations

from ..errors import (
    DotNetException,
    MetadataException,
    ParameterBindingArgumentTransformationException,
    ParameterBindingException,
    ParameterBindingValidationException,
    runtime_error,
)
from ..runtime.convert import to_str
from ..runtime.enumerate import enumerate_value
from ..runtime.helpers import ENDPARAMS, NOARG, SPLAT, VERBATIM
from ..runtime.values import (
    GenericList,
    Hashtable,
    ParameterToken,
    PSCustomObject,
    SwitchParameter,
)
from .coercion import ValueBinder, net_str
from .metadata import ALL_MASK, CommandMeta, ParameterMeta, SetMeta
from .validation import is_null

AMBIGUOUS_SET_MSG = ("Parameter set cannot be resolved using the specified named parameters. One "
                     "or more parameters issued cannot be used together or an insufficient number "
                     "of parameters were provided.")


class Arg:
    """One argument of the invocation (CommandParameterInternal)."""

    __slots__ = ("name", "splat", "text", "value")

    def __init__(self, name, value, text=None, splat=False) -> None:
        self.name = name        # parameter name without the dash, or None when positional
        self.value = value      # NOARG when a name has no value (yet)
        self.text = text        # '-Name' / '-Name:' for names; a literal's spelling otherwise
        self.splat = splat      # from a hashtable splat

    @property
    def param_text(self) -> str:
        return self.text or ("-" + self.name)

    def __repr__(self) -> str:
        return f"Arg({self.name!r}, {self.value!r})"


class Binding:
    """The outcome of binding one invocation; pipeline records update it in place."""

    __slots__ = (
        "args",
        "bound",
        "explicit",
        "mask",
        "meta",
        "pipeline_names",
        "positional",
        "pre_mask",
        "set_name",
    )

    def __init__(self, meta: CommandMeta) -> None:
        self.meta = meta
        self.bound: dict[str, object] = {}      # parameter name → value, in binding order
        self.mask = ALL_MASK
        self.pre_mask = ALL_MASK
        self.set_name = meta.set_name_of(ALL_MASK)
        self.args: list = []                    # $args of a plain function
        self.explicit: set[str] = set()         # bound from the command line
        self.positional: set[str] = set()
        self.pipeline_names: list[str] = []     # bound from the current pipeline record

    # older callers
    @property
    def unbound_args(self) -> list:
        return self.args

    @property
    def candidate_sets(self):
        return None if self.mask == ALL_MASK else self.mask


def expand_arguments(args) -> list[Arg]:
    """The call's argument tuples as Args: splats expanded, ``--`` applied, hashtable-splatted
    names moved after the explicit arguments (so explicit ones win)."""
    out: list[Arg] = []
    splatted: list[Arg] = []
    end_of_params = False
    for name, value, text in args:
        if name is SPLAT:
            if isinstance(value, Hashtable):
                for k, v in value.items():
                    key = to_str(k)
                    splatted.append(Arg(key, v, "-" + key + ":", True))
            elif value is not None:
                items = enumerate_value(value)
                for v in (items if items is not None else [value]):
                    if isinstance(v, ParameterToken):      # a -Name kept in $args
                        out.append(Arg(v.parameter_name, NOARG, str(v)))
                    else:
                        out.append(Arg(None, v))
            continue
        if name is ENDPARAMS:
            end_of_params = True
            continue
        if name is None or end_of_params:
            out.append(Arg(None, value, None if text is VERBATIM else text))
        else:
            out.append(Arg(name, value, text))
    out.extend(splatted)
    return out


class Binder(ValueBinder):
    def __init__(self, ctx, meta: CommandMeta, cmd_name: str, is_script: bool,
                 scope=None, fq_name: str | None = None, pipeline_position: int = 1) -> None:
        self.ctx = ctx
        self.meta = meta
        self.cmd = cmd_name
        self.is_script = is_script
        self.scope = scope
        self.fq = fq_name or meta.fq_name or cmd_name
        self.pipeline_position = pipeline_position

    # --- errors ----------------------------------------------------------------------------------
    def error(self, error_id: str, message: str, cls=ParameterBindingException,
              category: str = "InvalidArgument", target=None, inner=None) -> DotNetException:
        e = runtime_error(cls, error_id, message, category, target)
        e.command_name = self.cmd
        e.fq_command = self.fq
        if inner is not None:
            e.InnerException = inner
        return e

    def _ambiguous_set(self, category: str = "InvalidArgument"):
        return self.error("AmbiguousParameterSet", AMBIGUOUS_SET_MSG, category=category)

    def _missing_argument(self, p: ParameterMeta):
        return self.error("MissingArgument",
                          f"Missing an argument for parameter '{p.name}'. Specify a parameter of "
                          f"type '{p.type_fullname}' and try again.")

    def _resolve(self, name: str) -> ParameterMeta | None:
        p = self.meta.resolve(name)
        if isinstance(p, list):
            names = "".join(" -" + c.name for c in p)
            raise self.error("AmbiguousParameter",
                             f"Parameter cannot be processed because the parameter name '{name}' "
                             f"is ambiguous. Possible matches include:{names}.")
        return p

    # --- the command line ------------------------------------------------------------------------
    def bind_arguments(self, args: list, pipeline_expected: bool) -> Binding:
        meta = self.meta
        if meta.metadata_error is not None:
            me = meta.metadata_error
            raise self.error(me.error_id, me.message, MetadataException, "MetadataError")
        b = Binding(meta)
        items = self._reparse(expand_arguments(args))
        unbound = self._bind_named(b, items)
        unbound, positional_exc = self._bind_positional(b, unbound)
        if not meta.advanced:
            # a plain function: what is left goes to $args
            b.args = self._leftovers_to_args(unbound)
            b.pre_mask = b.mask
            return b
        self._validate_sets(b, True, False)
        unbound = self._bind_remaining(b, unbound)
        self._verify_processed(unbound, positional_exc)
        if not pipeline_expected:
            count = self._validate_sets(b, False, True)
        else:
            count = self._validate_sets(b, True, False)
            if count > 1:
                filtered = self._sets_taking_pipeline(b)
                if filtered != b.mask:
                    b.mask = filtered
                    count = self._validate_sets(b, True, False)
        self._handle_mandatory(b, pipeline_expected)
        if not pipeline_expected:
            self._verify_set_selected(b)
        b.pre_mask = b.mask
        return b

    def _reparse(self, items: list[Arg]) -> list[Arg]:
        """Pair each ``-Name`` without a value with the argument after it (§1.3)."""
        out: list[Arg] = []
        i = 0
        n = len(items)
        while i < n:
            a = items[i]
            i += 1
            if a.name is None or a.value is not NOARG:
                out.append(a)
                continue
            p = self._resolve(a.name)
            if p is None:
                out.append(a)
                continue
            if p.is_switch:
                out.append(Arg(a.name, SwitchParameter(True), a.text, a.splat))
                continue
            if i >= n:
                raise self._missing_argument(p)
            nxt = items[i]
            if nxt.name is not None:
                if nxt.value is not NOARG or self._resolve(nxt.name) is not None:
                    raise self._missing_argument(p)
                out.append(Arg(a.name, nxt.param_text, a.text, a.splat))
            else:
                out.append(Arg(a.name, nxt.value, nxt.text, a.splat))
            i += 1
        return out

    def _bind_named(self, b: Binding, items: list[Arg]) -> list[Arg]:
        out = []
        explicit_named = None
        for a in items:
            if a.name is None:
                out.append(a)
                continue
            p = self._resolve(a.name)
            if p is None:
                out.append(a)
                continue
            if a.splat:
                if explicit_named is None:
                    explicit_named = set(b.bound)
                if p.name in explicit_named:
                    continue
            if p.name in b.bound:
                raise self.error(
                    "ParameterAlreadyBound",
                    f"Cannot bind parameter because parameter '{a.name}' is specified more than "
                    "once. To provide multiple values to parameters that can accept multiple "
                    'values, use the array syntax. For example, "-parameter value1,value2,value3".')
            self.bind_parameter(b, p, a.value, True, _literal_text(a))
            b.explicit.add(p.name)
        return out

    # --- positional binding ------------------------------------------------------------------------
    def _positions(self, b: Binding) -> dict:
        """position → {parameter: [per-set data]} over unbound, positional, non-remaining
        parameters of the valid sets (EvaluateUnboundPositionalParameters)."""
        result: dict[int, dict[ParameterMeta, list[SetMeta]]] = {}
        for p in self.meta.params:
            if p.name in b.bound or not p.in_sets(b.mask):
                continue
            for sd in p.data_for(b.mask):
                if sd.remaining or sd.position is None:
                    continue
                entry = result.setdefault(sd.position, {})
                for other, datas in entry.items():
                    if other is p:
                        continue
                    for od in datas:
                        if od.flag & sd.flag or od.flag == sd.flag:
                            raise self.error("AmbiguousPositionalParameterNoName",
                                             "Cannot bind positional parameters because no names "
                                             "were given.")
                entry.setdefault(p, []).append(sd)
        return dict(sorted(result.items()))

    def _bind_positional(self, b: Binding, items: list[Arg]):
        if not any(a.name is None for a in items):
            return items, None
        positions = self._positions(b)
        if not positions:
            return items, None
        result: list[Arg] = []
        exc = None
        idx = 0
        n = len(items)
        valid = b.mask
        default = self.meta.default_flag
        for params in positions.values():
            if not params:
                continue
            arg = None
            while idx < n:
                a = items[idx]
                idx += 1
                if a.name is None:
                    arg = a
                    break
                result.append(a)
                if idx < n and items[idx].name is None:
                    result.append(items[idx])
                    idx += 1
            if arg is None:
                break
            use_default = bool(default and valid & default)
            attempts = []
            if use_default:
                attempts.append((default, False))
            attempts.append((valid, False))
            if use_default:
                attempts.append((default, True))
            attempts.append((valid, True))
            ok = False
            for mask, coerce in attempts:
                ok, exc = self._bind_positional_in_set(b, params, arg, mask, coerce)
                if ok:
                    break
            if not ok:
                result.append(arg)
            elif valid != b.mask:
                valid = b.mask
                for entry in positions.values():
                    for p in list(entry):
                        datas = [sd for sd in entry[p] if sd.flag & valid or sd.in_all]
                        if datas:
                            entry[p] = datas
                        else:
                            del entry[p]
        result.extend(items[idx:])
        return result, exc

    def _bind_positional_in_set(self, b, params, arg: Arg, mask: int, coerce: bool):
        result = False
        exc = None
        for p, datas in list(params.items()):
            if p.name in b.bound:
                continue
            for sd in datas:
                if not (mask & sd.flag) and not sd.in_all:
                    continue
                try:
                    ok = self.bind_parameter(b, p, arg.value, coerce, _literal_text(arg))
                except (ParameterBindingArgumentTransformationException,
                        ParameterBindingValidationException):
                    raise
                except ParameterBindingException as e:
                    ok = False
                    exc = e
                if ok:
                    result = True
                    b.positional.add(p.name)
                    b.explicit.add(p.name)
                    break
        return result, exc

    # --- what is left ----------------------------------------------------------------------------
    def _bind_remaining(self, b: Binding, unbound: list[Arg]) -> list[Arg]:
        if not unbound:
            return unbound
        target = None
        for p in self.meta.params:
            if p.name in b.bound:
                continue
            sd = p.set_data(b.mask)
            if sd is None or not sd.remaining:
                continue
            if target is not None:
                raise self._ambiguous_set("MetadataError")
            target = p
        if target is None:
            return unbound
        values = []
        for a in unbound:
            if a.name is not None:
                values.append(a.param_text)
            if a.value is not NOARG and type(a.value).__name__ != "AutomationNull":
                values.append(a.value)
        if len(values) == 1 and enumerate_value(values[0]) is not None:
            value = values[0]
        else:
            value = GenericList(values, None, "System.Collections.Generic.List[System.Object]")
        self.bind_parameter(b, target, value, True)
        b.explicit.add(target.name)
        return []

    def _verify_processed(self, unbound: list[Arg], positional_exc) -> None:
        if not unbound:
            return
        a = unbound[0]
        if a.name is not None:
            raise self.error("NamedParameterNotFound",
                             f"A parameter cannot be found that matches parameter name "
                             f"'{a.name}'.")
        if positional_exc is not None:
            raise positional_exc
        raise self.error("PositionalParameterNotFound",
                         f"A positional parameter cannot be found that accepts argument "
                         f"'{net_str(a.value)}'.", target=a.value)

    @staticmethod
    def _leftovers_to_args(unbound: list[Arg]) -> list:
        out = []
        for a in unbound:
            if a.name is not None:
                out.append(ParameterToken(a.param_text))
                if a.value is not NOARG:
                    out.append(a.value)
            else:
                out.append(a.value)
        return out

    # --- parameter sets ------------------------------------------------------------------------------
    def _takes_pipeline_unbound(self, b: Binding, mask: int) -> bool:
        for p in self.meta.pipeline_params:
            if p.name in b.bound:
                continue
            for sd in p.data_for(mask):
                if sd.takes_pipeline:
                    return True
        return False

    def _validate_sets(self, b: Binding, pre_pipeline: bool, set_default: bool) -> int:
        """ValidateParameterSets (§1.6): returns the number of valid sets, narrowing to the
        default set or resolving by unbound mandatory parameters where pwsh does."""
        meta = self.meta
        mask = b.mask
        count = meta.valid_count(mask)
        default = meta.default_flag
        if count == 0 and mask != ALL_MASK:
            raise self._ambiguous_set()
        if count > 1:
            if (not pre_pipeline and mask == default) or (default and mask & default):
                b.set_name = meta.set_name_of(default)
                if set_default:
                    b.mask = default
                    count = 1
            elif pre_pipeline and self._takes_pipeline_unbound(b, mask):
                pass
            else:
                count = self._resolve_by_mandatory(b)
                if count != 1:
                    raise self._ambiguous_set()
            return count
        if mask == ALL_MASK:
            count = meta.set_count if meta.set_count > 0 else 1
            if pre_pipeline and self._takes_pipeline_unbound(b, mask):
                pass
            elif default:
                if set_default:
                    b.mask = default
                    count = 1
            elif count > 1:
                count = self._resolve_by_mandatory(b)
                if count != 1:
                    raise self._ambiguous_set()
        b.set_name = meta.set_name_of(b.mask)
        return count

    def _resolve_by_mandatory(self, b: Binding) -> int:
        remaining = b.mask
        every = 0
        for p in self.meta.params:
            for sd in p.sets.values():
                every |= sd.flag
        remaining &= every
        for p in self.meta.params:
            if p.name in b.bound:
                continue
            for sd in p.sets.values():
                if sd.mandatory:
                    remaining &= ~sd.flag
        if remaining and remaining & (remaining - 1) == 0:
            b.mask = remaining
            b.set_name = self.meta.set_name_of(remaining)
            return 1
        return -1

    def _sets_taking_pipeline(self, b: Binding) -> int:
        taking = 0
        for p in self.meta.pipeline_params:
            if p.name in b.bound:
                continue
            for sd in p.data_for(b.mask):
                if sd.takes_pipeline:
                    if sd.in_all:
                        return b.mask
                    taking |= sd.flag
        return b.mask & taking if taking else b.mask

    def _verify_set_selected(self, b: Binding) -> None:
        meta = self.meta
        if meta.set_count > 1 and b.mask == ALL_MASK:
            if not meta.default_flag:
                raise self._ambiguous_set()
            b.mask = meta.default_flag
        b.set_name = meta.set_name_of(b.mask)

    # --- mandatory parameters -------------------------------------------------------------------------
    def missing_mandatory(self, b: Binding, pipeline_expected: bool = False) -> list[ParameterMeta]:
        """Unbound parameters mandatory in the current sets.  While pipeline input is still
        expected, those the pipeline may supply are not missing yet, nor are parameters
        mandatory in only some of several remaining sets."""
        meta = self.meta
        mask = b.mask
        several = pipeline_expected and meta.valid_count(mask) > 1
        set_bits = [1 << i for i in range(meta.set_count) if (1 << i) & mask] \
            if several else []
        missing = []
        bound = b.bound
        for p, entries in meta.mandatory_in(mask):
            if p.name in bound:
                continue
            if several:
                def needed(bit, p=p):
                    sd = p.set_data(bit)
                    return sd is not None and sd.mandatory and not sd.takes_pipeline
                if set_bits and all(needed(bit) for bit in set_bits):
                    missing.append(p)
                continue
            for sd in entries:
                if not (pipeline_expected and sd.takes_pipeline):
                    missing.append(p)
                    break
        return missing

    def _handle_mandatory(self, b: Binding, pipeline_expected: bool) -> None:
        missing = self.missing_mandatory(b, pipeline_expected)
        if not missing:
            return
        values = None
        if self.ctx is not None and self.ctx.can_prompt():
            from .prompt import prompt_for_parameters
            values = prompt_for_parameters(self.ctx, self.cmd, self.pipeline_position,
                                           missing, b.mask)
        if not values:
            names = "".join(" " + p.name for p in missing)
            raise self.error("MissingMandatoryParameter",
                             "Cannot process command because of one or more missing mandatory "
                             f"parameters:{names}.")
        for p in missing:
            if p.name in values:
                self.bind_parameter(b, p, values[p.name], True)
                b.explicit.add(p.name)

    # --- pipeline input ------------------------------------------------------------------------------
    def bind_pipeline(self, b: Binding, item) -> bool:
        """Bind one pipeline record (BindPipelineParametersPrivate).  Returns False when
        nothing could be bound; raises ParameterBindingException for this record."""
        self.restore_pipeline(b)
        b.mask = b.pre_mask
        valid = b.mask
        result = False
        meta = self.meta
        states = (0, 1, 2, 3) if meta.by_value and meta.by_property else \
            (0, 2) if meta.by_value else (1, 3) if meta.by_property else ()
        try:
            for state in states:
                if self._bind_state(b, item, state, valid):
                    self._validate_sets(b, True, True)
                    valid = b.mask
                    result = True
            self._validate_sets(b, False, True)
            self._verify_set_selected(b)
        except ParameterBindingException:
            self.restore_pipeline(b)
            raise
        if not result:
            self.restore_pipeline(b)
        return result

    def restore_pipeline(self, b: Binding) -> None:
        for name in b.pipeline_names:
            b.bound.pop(name, None)
        b.pipeline_names = []

    def _bind_state(self, b: Binding, item, state: int, valid: int) -> bool:
        default = self.meta.default_flag
        bound = False
        if default and valid & default:
            bound = self._bind_state_in_sets(b, item, state, default)
            if not bound:
                valid &= ~default
        if not bound:
            bound = self._bind_state_in_sets(b, item, state, valid)
        return bound

    def _bind_state_in_sets(self, b: Binding, item, state: int, mask: int) -> bool:
        by_value = state in (0, 2)
        coerce = state >= 2
        any_bound = False
        for p in reversed(self.meta.pipeline_params):
            if p.name in b.bound or not p.in_sets(mask):
                continue
            for sd in p.data_for(mask):
                ok = False
                if by_value and sd.from_pipeline:
                    ok = self._bind_from_value(b, p, item, coerce)
                elif not by_value and sd.by_property_name and not is_null(item):
                    found, value = _input_property(item, p)
                    if found:
                        ok = self._bind_from_property(b, p, value, coerce)
                if ok:
                    b.pipeline_names.append(p.name)
                    any_bound = True
                    break
        return any_bound

    def _bind_from_value(self, b, p, item, coerce) -> bool:
        try:
            return self.bind_parameter(b, p, item, coerce)
        except ParameterBindingArgumentTransformationException as e:
            if getattr(e, "from_cast", False):
                return False
            raise
        except ParameterBindingValidationException:
            raise
        except ParameterBindingException:
            return False

    def _bind_from_property(self, b, p, value, coerce) -> bool:
        try:
            return self.bind_parameter(b, p, value, coerce)
        except (ParameterBindingArgumentTransformationException,
                ParameterBindingValidationException):
            raise
        except ParameterBindingException:
            return False

    def pipeline_errors(self, b: Binding, item):
        """After a record bound: the InputObjectMissingMandatory error, or None."""
        missing = self.missing_mandatory(b, False)
        if not missing:
            return None
        names = "".join(" " + p.name for p in missing)
        return self.error("InputObjectMissingMandatory",
                          "The input object cannot be bound because it did not contain the "
                          f"information required to bind all mandatory parameters: {names}",
                          target=item)

    def input_not_bound(self, item):
        return self.error("InputObjectNotBound",
                          "The input object cannot be bound to any parameters for the command "
                          "either because the command does not take pipeline input or the input "
                          "and its properties do not match any of the parameters that take "
                          "pipeline input.", target=item)


def _literal_text(a: Arg):
    """A positional literal's spelling (``0x10`` bound to a string stays ``0x10``)."""
    return a.text if a.name is None else None


def _input_property(item, p: ParameterMeta):
    """ByPropertyName: the input's property named like the parameter, else like an alias."""
    names = [p.name, *p.aliases]
    if isinstance(item, PSCustomObject):
        for n in names:
            e = item._props.get(n.lower())
            if e is not None:
                return True, e[1]
        return False, None
    if isinstance(item, (str, int, float, bool)):
        if isinstance(item, str) and any(n.lower() == "length" for n in names):
            return True, len(item)
        return False, None
    from ..runtime.members import property_list
    try:
        props = property_list(item)
    except Exception:  # noqa: BLE001 - an odd object simply has no matching property
        return False, None
    lowered = {}
    for n, v in props:
        lowered.setdefault(n.lower(), v)
    for n in names:
        if n.lower() in lowered:
            return True, lowered[n.lower()]
    return False, None
