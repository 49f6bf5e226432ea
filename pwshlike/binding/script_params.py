"""Parameter metadata for script blocks and functions, from their ``param()`` AST.

A script block is *advanced* (bound like a cmdlet, with the common parameters) when its
param block carries ``[CmdletBinding()]`` or any parameter carries ``[Parameter()]``.
When no parameter states a Position or a ParameterSetName (and PositionalBinding is not
turned off), the non-switch parameters are positional in declaration order.
"""
from __future__ import annotations

from ..parser import ast as A
from .metadata import ALL_SETS, CommandMeta, ParameterMeta, SetMeta, common_parameters

_CMDLET_BINDING = ("cmdletbinding", "cmdletbindingattribute",
                   "system.management.automation.cmdletbindingattribute")
_PARAMETER = ("parameter", "parameterattribute", "system.management.automation.parameterattribute")


def _const(node):
    """Attribute arguments are constants in practice: literals, $true/$false, strings."""
    if node is None:
        return True
    if isinstance(node, (A.Constant, A.StringConstant)):
        return node.value
    if isinstance(node, A.Variable):
        key = node.path.key
        return {"true": True, "false": False, "null": None}.get(key, key)
    if isinstance(node, A.Unary) and node.operator == "-" and isinstance(node.operand, A.Constant):
        return -node.operand.value
    if isinstance(node, A.ArrayLiteral):
        return [_const(e) for e in node.elements]
    return node


def _bool(v) -> bool:
    from ..runtime.convert import to_bool
    return to_bool(v)


def _type_text(tn) -> str:
    name = tn.name
    if tn.namespaces:
        from ..runtime.types import lookup_type
        if lookup_type(name) is None:
            name = next((f"{ns}.{name}" for ns in tn.namespaces
                         if lookup_type(f"{ns}.{name}") is not None), name)
    if tn.generic_args:
        name += "[" + ",".join(_type_text(a) for a in tn.generic_args) + "]"
    return name + "[]" * tn.array_rank


def _flat_strings(values) -> list[str]:
    out = []
    for v in values:
        if isinstance(v, list):
            out.extend(_flat_strings(v))
        elif v is not None:
            out.append(str(v))
    return out


def _binding_attribute(body):
    if body.param_block is None:
        return None
    for attr in body.param_block.attributes:
        if isinstance(attr, A.Attribute) and attr.type_name.lower() in _CMDLET_BINDING:
            return attr
    return None


def metadata_from_ast(info) -> CommandMeta:
    params: list[ParameterMeta] = []
    default_set = None
    supports_sp = False
    positional_binding = True
    confirm_impact = "Medium"
    binding_attr = _binding_attribute(info.ast)
    advanced = binding_attr is not None
    if binding_attr is not None:
        for n, v in binding_attr.named:
            low = n.lower()
            val = _const(v)
            if low == "defaultparametersetname":
                default_set = str(val) if val is not None else None
            elif low == "supportsshouldprocess":
                supports_sp = _bool(val)
            elif low == "positionalbinding":
                positional_binding = _bool(val)
            elif low == "confirmimpact":
                confirm_impact = str(val)
    custom_positions = False
    for p in info.params_ast or []:
        type_name = None
        aliases: list[str] = []
        sets: dict[str, SetMeta] = {}
        validators = []
        allow_null = allow_empty_string = allow_empty_collection = False
        for attr in p.attributes:
            if isinstance(attr, A.TypeConstraint):
                if type_name is None:
                    type_name = _type_text(attr.type_name)
                continue
            low = attr.type_name.lower()
            if low in _PARAMETER:
                advanced = True
                sm = SetMeta()
                set_name = ALL_SETS
                for n, v in attr.named:
                    key = n.lower()
                    val = _const(v)
                    if key == "mandatory":
                        sm.mandatory = _bool(val)
                    elif key == "position":
                        sm.position = int(val)
                        custom_positions = True
                    elif key == "parametersetname":
                        set_name = str(val)
                        if set_name.lower() != ALL_SETS.lower():
                            custom_positions = True
                    elif key == "valuefrompipeline":
                        sm.from_pipeline = _bool(val)
                    elif key == "valuefrompipelinebypropertyname":
                        sm.by_property_name = _bool(val)
                    elif key == "valuefromremainingarguments":
                        sm.remaining = _bool(val)
                    elif key == "helpmessage":
                        sm.help_message = None if val is None else str(val)
                sets[set_name] = sm
            elif low in ("alias", "aliasattribute"):
                aliases.extend(_flat_strings(_const(a) for a in attr.positional))
            elif low in ("allownull", "allownullattribute"):
                allow_null = True
            elif low in ("allowemptystring", "allowemptystringattribute"):
                allow_empty_string = True
            elif low in ("allowemptycollection", "allowemptycollectionattribute"):
                allow_empty_collection = True
            elif _is_validation_attribute(attr.type_name):
                validators.append(attr)
        if not sets:
            sets = {ALL_SETS: SetMeta()}
        pm = ParameterMeta(p.variable.name, type_name, aliases, sets, [], None)
        pm.validators = validators          # attribute nodes; evaluated on first bind
        pm.allow_null = allow_null
        pm.allow_empty_string = allow_empty_string
        pm.allow_empty_collection = allow_empty_collection
        pm.default_fn = info.defaults.get(p.variable.key)
        params.append(pm)
    if positional_binding and not custom_positions:
        position = 0
        for pm in params:
            if pm.is_switch:
                continue
            first = next(iter(pm.sets.values()))
            first.position = position
            position += 1
    if advanced:
        params.extend(common_parameters(supports_sp))
    name = info.name or ""
    meta = CommandMeta(name, params, default_set, advanced, supports_sp, positional_binding,
                       confirm_impact, fq_name=name or None, is_script=True)
    return meta


def _is_validation_attribute(name: str) -> bool:
    """Loaded only when a parameter has attributes: most functions have none."""
    from .validation import is_validation_attribute
    return is_validation_attribute(name)
