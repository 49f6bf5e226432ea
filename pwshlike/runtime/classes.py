"""``enum`` and ``class`` definitions from scripts.

A PowerShell class becomes a ``ClassType`` (its PSType: properties, method overloads,
constructors, statics) plus a Python class whose instances are the objects scripts create.
Method bodies were compiled once, with the script, into ScriptBlockInfo code; calling a
method runs that code in a new scope whose parent is the defining script's scope (methods see
script and global variables, never their caller's locals), with ``$this`` and the parameters
set.  Only ``return`` gives a method its value: everything else written to the pipeline
inside a method is discarded (about_Classes_Methods).
"""
from __future__ import annotations

from ..errors import (
    DotNetException,
    RuntimeException,
    exception_class,
    exception_when_setting,
    runtime_error,
)
from .context import MISSING, NullSink, ReturnSignal, Scope
from .types import PSType, cast_error, register_user_type, resolve_type_node


class ClassInfo:
    """The compiled class statement's AST, carried as a constant into generated code."""

    def __init__(self, ast) -> None:
        self.ast = ast


class MethodReturn(ReturnSignal):
    """``return <value>`` inside a class method, raised from nested generated functions."""

    def __init__(self, value) -> None:
        self.value = value


def define_enum(ctx, name: str, members, flags: bool = False,
                base_type: str | None = None) -> None:
    """An ``enum`` statement: members count up from the previous value; ``[Flags()]`` and an
    underlying integral type (``enum E : byte``) as about_Enum describes."""
    from .dotnet.enums import make_enum
    underlying = "System.Int32"
    if base_type:
        from .types import resolve_type
        underlying = resolve_type(base_type).fullname
    values = {}
    nxt = 0
    for mname, value in members:
        v = int(value) if value is not None else nxt
        values[mname] = v
        nxt = v + 1
    t = make_enum(name, values, flags, underlying)
    register_user_type(t)


# --- definition --------------------------------------------------------------------------------
def define_class(ctx, S, info, methods, props) -> None:
    """Create the class from its compiled parts and register the type name.

    ``methods``: (ClassMethod ast, ScriptBlockInfo, base-arguments function or None);
    ``props``: (ClassProperty ast, default-value function or None).
    """
    ast = info.ast
    base = None
    interfaces = []
    from .types import lookup_type, type_not_found
    for i, name in enumerate(ast.base_types):
        t = lookup_type(name)
        if isinstance(t, ClassType) and i == 0:
            base = t
            continue
        if _is_interface_name(name):
            # .NET interfaces are recorded, not checked: the methods they name are ordinary
            # methods here (Equals, CompareTo, ... are found by name when called)
            interfaces.append(name)
            continue
        if t is None:
            raise type_not_found(name)
        if t.fullname != "System.Object":
            raise runtime_error(RuntimeException, "BaseTypeNotSupported",
                                f"Class '{ast.name}' cannot derive from [{t.fullname}]: only "
                                "script classes are supported as base classes.",
                                "NotImplemented")
    cls = ClassType(ctx, ast.name, base, S.script)
    cls.interfaces = interfaces
    for p_ast, default_fn in props:
        attrs = p_ast.attributes
        validators = []
        if attrs:
            from ..binding.validation import validators_from_attributes
            validators = validators_from_attributes(ctx, S, attrs)
        cls.add_property(PropertyDef(p_ast.name, p_ast.type_name, default_fn, p_ast.is_static,
                                     p_ast.is_hidden, validators))
    for m_ast, m_info, base_fn in methods:
        m = MethodDef(m_ast.name, m_ast.return_type, m_ast.parameters or [], m_info,
                      m_ast.is_static, base_fn, cls)
        if m_ast.is_constructor and m_ast.is_static:
            cls.static_ctor = m
        elif m_ast.is_constructor:
            cls.ctors.append(m)
        else:
            cls.add_method(m)
    cls.finish(ctx)
    register_user_type(cls)


def _is_interface_name(name: str) -> bool:
    """.NET's naming rule for interfaces: 'I' then a capital (IComparable, IEquatable[T])."""
    short = name.split("[", 1)[0].rsplit(".", 1)[-1]
    return len(short) > 1 and short[0] == "I" and short[1].isupper()


class PropertyDef:
    __slots__ = (
        "_type",
        "default_fn",
        "hidden",
        "key",
        "name",
        "static",
        "type_node",
        "validators",
    )

    def __init__(self, name, type_node, default_fn, static, hidden, validators) -> None:
        self.name = name
        self.key = name.lower()
        self.type_node = type_node
        self.default_fn = default_fn
        self.static = static
        self.hidden = hidden
        self.validators = validators
        self._type = MISSING

    @property
    def type(self) -> PSType | None:
        """The declared type, resolved on first use (it may name a class defined later)."""
        t = self._type
        if t is MISSING:
            t = self._type = _resolve(self.type_node)
        return t

    def coerce(self, ctx, value, setting: bool = True):
        """Convert and validate a value assigned to the property; pwsh's ExceptionWhenSetting
        error when it does not fit."""
        t = self.type
        try:
            if t is not None:
                value = t.convert(value)
            for v in self.validators:
                if not v.check(ctx, value):
                    raise runtime_error(exception_class("ValidationMetadataException"),
                                        "ValidateFailure", v.message(value), "InvalidData")
        except DotNetException as e:
            if not setting:
                raise
            raise exception_when_setting(self.name, e) from None
        return value

    def initial_value(self, ctx, scope):
        if self.default_fn is not None:
            return self.coerce(ctx, self.default_fn(ctx, Scope(scope)), setting=False)
        t = self.type
        return _default_of(t) if t is not None else None


def _resolve(type_node) -> PSType | None:
    if type_node is None:
        return None
    t = resolve_type_node(type_node)
    return None if t.fullname == "System.Object" else t


def _default_of(t: PSType):
    """The .NET default of a value type (0, $false, ...); $null for reference types."""
    if not t.is_value_type:
        return None
    enum_class = getattr(t, "enum_class", None)
    if enum_class is not None:
        return enum_class(0)
    try:
        return t.convert(0)
    except Exception:  # noqa: BLE001 - value types without a conversion from 0
        return None


class MethodDef:
    """One method or constructor: its compiled body and parameter types."""

    __slots__ = (
        "_return_type",
        "_types",
        "base_fn",
        "info",
        "name",
        "owner",
        "param_nodes",
        "params",
        "return_node",
        "static",
    )

    def __init__(self, name, return_node, params, info, static, base_fn, owner) -> None:
        self.name = name
        self.return_node = return_node
        self.param_nodes = params
        self.params = [p.variable.key for p in params]
        self.info = info
        self.static = static
        self.base_fn = base_fn
        self.owner = owner
        self._types = None
        self._return_type = MISSING

    @property
    def types(self) -> list:
        """Declared parameter types (None for untyped), resolved on first call."""
        if self._types is None:
            out = []
            for p in self.param_nodes:
                tn = None
                for a in p.attributes:
                    if type(a).__name__ == "TypeConstraint":
                        tn = a.type_name
                out.append(_resolve(tn))
            self._types = out
        return self._types

    @property
    def return_type(self) -> PSType | None:
        t = self._return_type
        if t is MISSING:
            t = self._return_type = _resolve(self.return_node)
        return t

    @property
    def is_void(self) -> bool:
        n = self.return_node
        return n is None or n.name.lower() in ("void", "system.void")

    def invoke(self, ctx, this, args: list, scope_fn=None):
        """Run the body; returns the value of its ``return`` converted to the output type."""
        cls = self.owner
        from .invoke import new_function_scope
        S = new_function_scope(ctx, cls.scope)
        prev = ctx.current_scope
        ctx.current_scope = S
        ctx.class_method_depth = getattr(ctx, "class_method_depth", 0) + 1
        try:
            v = S.vars
            if this is not None:
                v["this"] = this
            constraints = None
            for key, t, a in zip(self.params, self.types, args, strict=True):
                if t is not None:
                    a = _convert_argument(t, a, self.name)
                    if constraints is None:
                        constraints = {}
                    constraints[key] = (t, [])
                v[key] = a
            if constraints:
                S.constraints = constraints
            if scope_fn is not None:
                scope_fn(S)
            try:
                result = self.info.end(ctx, S, _NULL_OUT) if self.info.end else None
            except MethodReturn as r:
                result = r.value
            except ReturnSignal:
                result = None
        finally:
            ctx.current_scope = prev
            ctx.depth -= 1
            ctx.class_method_depth -= 1
        if self.is_void:
            return None
        t = self.return_type
        if t is not None:
            try:
                return t.convert(result)
            except DotNetException as e:
                raise _method_exception(self.name, args, e) from None
        return result


_NULL_OUT = NullSink()        # where a method's pipeline output goes: nowhere


def _convert_argument(t: PSType, value, method: str):
    try:
        return t.convert(value)
    except DotNetException as e:
        msg = getattr(e, "Message", None) or str(e)
        raise runtime_error(exception_class("MethodException"), "MethodArgumentConversionInvalidCastArgument",
                            f'Cannot convert argument "{value!s}", with value: "{_shown(value)}", '
                            f'for "{method}" to type "{t.fullname}": "{msg}"',
                            "NotSpecified") from None


def _shown(value) -> str:
    from .convert import to_str
    return to_str(value)


def _method_exception(name, args, e):
    from ..errors import MethodInvocationException
    msg = getattr(e, "Message", None) or str(e)
    return MethodInvocationException(
        f'Exception calling "{name}" with "{len(args)}" argument(s): "{msg}"', e,
        error_id=type(e).__name__, category="NotSpecified")


def _no_overload(name: str, count: int):
    return runtime_error(RuntimeException, "MethodCountCouldNotFindBest",
                         f'Cannot find an overload for "{name}" and the argument count: '
                         f'"{count}".', "InvalidOperation")


def _score(m: MethodDef, args: list) -> int | None:
    """How well arguments fit a overload: exact type matches count most; None when an argument
    cannot be converted at all."""
    score = 0
    for t, a in zip(m.types, args, strict=True):
        if t is None:
            continue
        if t.is_instance(a):
            score += 2
            continue
        try:
            t.convert(a)
        except Exception:  # noqa: BLE001 - this overload does not take the argument
            return None
        score += 1
    return score


def select_overload(overloads: list, args: list, name: str) -> MethodDef:
    """The overload PowerShell would pick: matching argument count, then best type fit."""
    same = [m for m in overloads if len(m.params) == len(args)]
    if len(same) == 1:
        return same[0]
    if not same:
        raise _no_overload(name, len(args))
    best, best_score = None, -1
    for m in same:
        s = _score(m, args)
        if s is not None and s > best_score:
            best, best_score = m, s
    if best is None:
        return same[0]   # let the argument conversion report why it does not fit
    return best


# --- the type ------------------------------------------------------------------------------------
class ClassType(PSType):
    """The PSType of a script class."""

    is_user_type = True

    def __init__(self, ctx, name: str, base: ClassType | None, scope) -> None:
        super().__init__(name)
        self.ctx = ctx
        self.base = base
        self.scope = scope
        self.ctors: list[MethodDef] = []
        self.own_methods: dict[str, list[MethodDef]] = {}
        self.own_props: dict[str, PropertyDef] = {}
        # with inherited members, filled by finish()
        self.methods: dict[str, list[MethodDef]] = {}
        self.static_methods: dict[str, list[MethodDef]] = {}
        self.props: dict[str, PropertyDef] = {}
        self.static_values: dict[str, object] = {}
        self.static_owner: dict[str, ClassType] = {}
        self.interfaces: list[str] = []
        self.statics_ready = False
        self.static_ctor: MethodDef | None = None
        bases = (base.pyclass,) if base is not None else (ClassInstance,)
        self.pyclass = type("PSClass_" + name, bases, {"__slots__": (), "ps_class": self,
                                                       "dotnet_fullname": name})

    # .NET-visible members of the type object
    @property
    def BaseType(self):
        if self.base is not None:
            return self.base
        from .types import resolve_type
        return resolve_type("System.Object")

    # building
    def add_property(self, p: PropertyDef) -> None:
        self.own_props[p.key] = p

    def add_method(self, m: MethodDef) -> None:
        self.own_methods.setdefault(m.name.lower(), []).append(m)

    def finish(self, ctx) -> None:
        from .dotnet.statics_system import SettableStaticProperty
        base = self.base
        if base is not None:
            self.props = {k: p for k, p in base.props.items()}
            self.methods = {k: list(v) for k, v in base.methods.items()}
            self.static_methods = {k: list(v) for k, v in base.static_methods.items()}
            self.static_owner = dict(base.static_owner)
        for key, p in self.own_props.items():
            if p.static:
                self.static_owner[key] = self
            else:
                self.props[key] = p
        for low, overloads in self.own_methods.items():
            for m in overloads:
                table = self.static_methods if m.static else self.methods
                current = table.setdefault(low, [])
                # an override replaces the inherited overload with the same parameter count
                # and types; other overloads stay visible
                replaced = False
                for i, old in enumerate(current):
                    if old.owner is not self and len(old.params) == len(m.params) and \
                            [n_text(x) for x in old.param_nodes] == \
                            [n_text(x) for x in m.param_nodes]:
                        current[i] = m
                        replaced = True
                        break
                if not replaced:
                    current.append(m)
        for key, owner in self.static_owner.items():
            p = owner.own_props[key]
            self.statics[key] = SettableStaticProperty(
                lambda owner=owner, key=key: owner._get_static(key),
                lambda value, owner=owner, p=p: owner._set_static(p, value))

    def ensure_statics(self) -> None:
        """Run the static property initializers, once, on first use of the type (as .NET runs
        a static constructor): script code above the class may set what they read."""
        if self.statics_ready:
            return
        self.statics_ready = True
        if self.base is not None:
            self.base.ensure_statics()
        for key, p in self.own_props.items():
            if p.static:
                self.static_values[key] = p.initial_value(self.ctx, self.scope)
        if self.static_ctor is not None:
            self.static_ctor.invoke(self.ctx, None, [])

    def _get_static(self, key: str):
        self.ensure_statics()
        return self.static_values[key]

    def _set_static(self, p: PropertyDef, value) -> None:
        self.ensure_statics()
        self.static_values[p.key] = p.coerce(self.ctx, value)

    # behaviour as a PSType
    def is_instance(self, v: object) -> bool:
        return isinstance(v, self.pyclass)

    def convert(self, v: object):
        if v is None or isinstance(v, self.pyclass):
            return v
        from .values import Hashtable, PSCustomObject
        if isinstance(v, (Hashtable, PSCustomObject)):
            return self._from_properties(v)
        one_arg = [c for c in self.ctors if len(c.params) == 1]
        if one_arg:
            try:
                return self.construct([v])
            except DotNetException as e:
                detail = getattr(e, "Message", None) or str(e)
                raise cast_error(v, self, detail) from None
        from .convert import to_str
        from .typenames import type_name_of
        raise runtime_error(exception_class("PSInvalidCastException"),
                            "ConvertToFinalInvalidCastException",
                            f'Cannot convert the "{to_str(v)}" value of type "{type_name_of(v)}" '
                            f'to type "{self.fullname}".', "InvalidArgument", v)

    def _from_properties(self, v):
        """``[Class]@{...}``: the default constructor, then each key set as a property."""
        from .values import Hashtable
        pairs = v.items() if isinstance(v, Hashtable) else v.properties()
        if self.ctors and not any(not c.params for c in self.ctors):
            raise cast_error(v, self, f'Cannot create object of type "{self.fullname}". '
                             "The type does not have a parameterless constructor.")
        obj = self.construct([])
        for k, value in pairs:
            from .convert import to_str
            key = to_str(k)
            p = self.props.get(key.lower())
            if p is None:
                avail = ", ".join(f"[{q.name} <{q.type.fullname if q.type else 'System.Object'}>]"
                                  for q in self.props.values())
                word = "property is" if len(self.props) == 1 else "properties are"
                raise cast_error(v, self, f'Cannot create object of type "{self.fullname}". '
                                 f"The {key} property was not found for the {self.fullname} "
                                 f"object. The available {word}: {avail}")
            try:
                obj._v[p.key] = p.coerce(self.ctx, value)
            except DotNetException as e:
                detail = getattr(e, "Message", None) or str(e)
                raise cast_error(v, self, f'Cannot create object of type "{self.fullname}". '
                                 f"{detail}") from None
        return obj

    # construction
    def construct(self, args: list):
        if not self.statics_ready:
            self.ensure_statics()
        obj = object.__new__(self.pyclass)
        obj._v = {}
        self._initialize(obj, args)
        return obj

    def _initialize(self, obj, args: list) -> None:
        """Run this class's constructor on ``obj``: base constructor first, then the property
        initializers, then the body (about_Classes_Constructors)."""
        ctx = self.ctx
        if not self.ctors:
            if args:
                raise _no_overload("new", len(args))
            if self.base is not None:
                self.base._initialize(obj, [])
            self._init_properties(obj)
            return
        ctor = select_overload(self.ctors, args, "new")

        def before_body(S):
            base_args = ctor.base_fn(ctx, S) if ctor.base_fn is not None else []
            if self.base is not None:
                self.base._initialize(obj, base_args)
            self._init_properties(obj)
        ctor.invoke(ctx, obj, args, before_body)

    def _init_properties(self, obj) -> None:
        values = obj._v
        for key, p in self.own_props.items():
            if not p.static:
                values[key] = p.initial_value(self.ctx, self.scope)

    # members
    def find_overloads(self, low: str) -> list | None:
        return self.methods.get(low)

    def ps_invoke_static(self, ctx, name: str, args: list):
        low = name.lower()
        if not self.statics_ready:
            self.ensure_statics()
        if low == "new":
            return self.construct(list(args))
        overloads = self.static_methods.get(low)
        if overloads is not None:
            m = select_overload(overloads, list(args), name)
            return m.invoke(ctx, None, list(args))
        raise runtime_error(RuntimeException, "MethodNotFound",
                            f"Method invocation failed because [{self.fullname}] does not "
                            f"contain a method named '{name}'.", "InvalidOperation")

    def invoke_as(self, ctx, obj, name: str, args: list):
        """``([Base]$this).Method()``: the method as this class defines it (not an override)."""
        overloads = self.methods.get(name.lower())
        if overloads is None:
            from .members import invoke_method
            return invoke_method(ctx, obj, name, args)
        return select_overload(overloads, args, name).invoke(ctx, obj, args)


def n_text(param) -> str:
    """A parameter's declared type name, for matching overrides to the methods they replace."""
    for a in param.attributes:
        if type(a).__name__ == "TypeConstraint":
            return a.type_name.name.lower()
    return ""


class ClassInstance:
    """Base of the Python class made for each script class; ``_v`` holds property values by
    lower-case name."""

    __slots__ = ("_v",)
    ps_class: ClassType

    # member access (hooks called by runtime.members)
    def ps_get_member(self, low: str):
        v = self._v
        if low in v:
            return v[low]
        return MISSING

    def ps_set_member(self, name: str, value) -> bool:
        p = type(self).ps_class.props.get(name.lower())
        if p is None:
            return False
        self._v[p.key] = p.coerce(type(self).ps_class.ctx, value)
        return True

    def ps_property_list(self) -> list:
        """Public (non-hidden) properties for formatting and Select-Object."""
        cls = type(self).ps_class
        return [(p.name, self._v.get(k)) for k, p in _display_order(cls) if not p.hidden]

    def ps_invoke_method(self, ctx, name: str, args: list):
        cls = type(self).ps_class
        low = name.lower()
        overloads = cls.methods.get(low)
        if overloads is not None:
            m = select_overload(overloads, list(args), name)
            return m.invoke(ctx, self, list(args))
        if low == "tostring" and not args:
            return cls.fullname
        if low == "equals" and len(args) == 1:
            return self is args[0]
        if low == "gethashcode" and not args:
            return object.__hash__(self) & 0x7FFFFFFF
        from .members import method_not_found
        raise method_not_found(self, name)

    # .NET object behaviour used by conversions and operators
    def ToString(self) -> str:
        cls = type(self).ps_class
        overloads = cls.methods.get("tostring")
        if overloads:
            for m in overloads:
                if not m.params:
                    from .convert import to_str
                    return to_str(m.invoke(cls.ctx, self, []))
        return cls.fullname

    def __eq__(self, other) -> bool:
        cls = type(self).ps_class
        for m in cls.methods.get("equals", ()):
            if len(m.params) == 1:
                from .convert import to_bool
                return to_bool(m.invoke(cls.ctx, self, [other]))
        return self is other

    def __hash__(self) -> int:
        return object.__hash__(self)


def _display_order(cls: ClassType) -> list:
    """Properties as .NET reflection lists them: the derived class's own first, then inherited."""
    chain = []
    c = cls
    while c is not None:
        chain.append(c)
        c = c.base
    out = []
    seen = set()
    for c in chain:
        for k, p in c.own_props.items():
            if not p.static and k not in seen:
                seen.add(k)
                out.append((k, p))
    return out


def invoke_as_type(ctx, t, obj, name, args: list):
    """Generated code for ``([Type]$x).Method(...)``: a script class calls its own (base)
    implementation; anything else converts and calls normally."""
    from .members import invoke_method
    if isinstance(t, ClassType) and isinstance(obj, t.pyclass):
        return t.invoke_as(ctx, obj, name, args)
    return invoke_method(ctx, t.convert(obj), name, args)
