"""Parameter metadata for script blocks and functions, from their ``param()`` AST."""
from __future__ import annotations

from ..parser import ast as A
from .metadata import ALL_SETS, CommandMeta, ParameterMeta, SetMeta


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
    return node


def _type_text(tn) -> str:
    name = tn.name
    if tn.generic_args:
        name += "[" + ",".join(_type_text(a) for a in tn.generic_args) + "]"
    return name + "[]" * tn.array_rank


def metadata_from_ast(info) -> CommandMeta:
    params = []
    advanced = False
    default_set = None
    supports_sp = False
    positional_binding = True
    body = info.ast
    if body.param_block is not None:
        for attr in body.param_block.attributes:
            if isinstance(attr, A.Attribute) and attr.type_name.lower() in ("cmdletbinding",
                                                                           "cmdletbindingattribute"):
                advanced = True
                for n, v in attr.named:
                    low = n.lower()
                    if low == "defaultparametersetname":
                        default_set = _const(v)
                    elif low == "supportsshouldprocess":
                        supports_sp = bool(_const(v))
                    elif low == "positionalbinding":
                        positional_binding = bool(_const(v))
    for index, p in enumerate(info.params_ast or []):
        type_name = None
        aliases = []
        sets: dict[str, SetMeta] = {}
        validators = []
        allow_null = allow_empty = False
        for attr in p.attributes:
            if isinstance(attr, A.TypeConstraint):
                type_name = _type_text(attr.type_name)
                continue
            low = attr.type_name.lower()
            if low in ("parameter", "parameterattribute"):
                advanced = True
                sm = SetMeta()
                set_name = ALL_SETS
                for v in attr.positional:
                    del v
                for n, v in attr.named:
                    key = n.lower()
                    val = _const(v)
                    if key == "mandatory":
                        sm.mandatory = bool(val)
                    elif key == "position":
                        sm.position = int(val)
                    elif key == "parametersetname":
                        set_name = str(val)
                    elif key == "valuefrompipeline":
                        sm.from_pipeline = bool(val)
                    elif key == "valuefrompipelinebypropertyname":
                        sm.by_property_name = bool(val)
                    elif key == "valuefromremainingarguments":
                        sm.remaining = bool(val)
                    elif key == "helpmessage":
                        sm.help_message = val
                sets[set_name] = sm
            elif low in ("alias", "aliasattribute"):
                aliases.extend(str(_const(a)) for a in attr.positional)
            elif low in ("allownull",):
                allow_null = True
            elif low in ("allowemptystring", "allowemptycollection"):
                allow_empty = True
            else:
                validators.append(attr)
        if not sets:
            sets = {ALL_SETS: SetMeta()}
        pm = ParameterMeta(p.variable.name, type_name, aliases, sets, [], None)
        pm.validators = validators          # attribute nodes; evaluated on first bind
        pm.allow_null = allow_null
        pm.allow_empty = allow_empty
        pm.default_fn = info.defaults.get(p.variable.key)
        params.append(pm)
    meta = CommandMeta(info.name or "", params, default_set, advanced, supports_sp,
                       positional_binding)
    if positional_binding and not meta.set_names:
        # parameters without an explicit Position are positional in declaration order
        # only for simple (non-advanced) functions and when none declares a position
        pass
    meta.is_script = True
    return meta
