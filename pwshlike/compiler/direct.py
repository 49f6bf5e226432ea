"""A second, optimistic tier for small pure functions (``fib``, ``square``, ``max2``).

A plain function whose body only computes values from its own parameters — expression
statements, ``if``/``elseif``/``else``, ``return``, arithmetic and comparison operators,
and ``(name args)`` calls with positional arguments — cannot observe its own scope,
``$args``, ``$PSBoundParameters`` or ``$input``, and changes nothing but its output.  Such
a function also gets a *direct* Python function ``(ctx, functions, p1, p2, ...)`` that
keeps the parameters in Python locals and returns the output list, with no scope and no
call bookkeeping.

The direct tier is only ever an attempt: calling a function that has no direct form (or
is shadowed by an alias, or is called with another number of arguments) raises
:class:`pwshlike.runtime.commands.Deopt`, and any error at all abandons the attempt too.  Because a direct call
has no side effects, the caller then simply runs the call again on the ordinary path,
which produces pwsh's exact behaviour — output, errors, positions, ``$?`` — itself.
"""
from __future__ import annotations

from ..parser import ast as A

_ARITHMETIC = {"+": "_add", "-": "_sub", "*": "_mul", "/": "_div", "%": "_mod"}
_COMPARISONS = {"eq", "ne", "lt", "le", "gt", "ge"}
_PY_COMPARE = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
_CONSTANT_VARIABLES = {"true": "True", "false": "False", "null": "None"}
_AUTOMATIC = {"_", "args", "input", "psboundparameters", "myinvocation", "pscmdlet", "this",
              "foreach", "switch", "matches", "error", "true", "false", "null"}


class _NotDirect(Exception):
    """The function uses something the direct tier does not compile."""


def compile_direct(unit, params, body: A.ScriptBlock, name: str, info_const: str) -> str | None:
    """Append the direct form of function ``name`` (its ScriptBlockInfo is the unit constant
    ``info_const``) to ``unit``; its Python name, or None when the function is not eligible
    (see the module docstring)."""
    if body.param_block is not None and body.param_block.attributes:
        return None
    if body.begin_block or body.process_block or body.clean_block or body.dynamicparam:
        return None
    end = body.end_block
    if end is None or end.traps:
        return None
    names = []
    guards = []
    for i, p in enumerate(params or []):
        if p.default is not None or p.variable.scope is not None or \
                p.variable.key in _AUTOMATIC:
            return None
        guard = _type_guard(p.attributes, f"v_{i}")
        if guard is None:
            return None
        if guard:
            guards.append(guard)
        names.append(p.variable.key)
    if len(set(names)) != len(names):
        return None
    fn_name = f"_direct{len(unit.lines)}"
    writer = _DirectWriter(names, name.lower(), fn_name, info_const)
    try:
        writer.statements(end.statements, 1)
    except _NotDirect:
        return None
    args = "".join(f", v_{i}" for i in range(len(names)))
    unit.lines.append(f"def {fn_name}(ctx, F{args}):")
    for guard in guards:
        unit.lines.append(f"    if not ({guard}):")
        unit.lines.append("        raise _Deopt")
    unit.lines.append("    out = []")
    for level, text in writer.lines:
        unit.lines.append("    " * level + text)
    unit.lines.append("    return out")
    unit.lines.append("")
    return fn_name


class _DirectWriter:
    def __init__(self, params: list[str], key: str, fn_name: str, info_const: str) -> None:
        self.locals = {key: f"v_{i}" for i, key in enumerate(params)}
        self.lines: list[tuple[int, str]] = []
        self.key, self.fn_name, self.info_const = key, fn_name, info_const
        self.temps = 0

    # --- statements ---------------------------------------------------------------------------
    def statements(self, stmts, level: int) -> None:
        if not stmts:
            self.lines.append((level, "pass"))
        for st in stmts:
            self.statement(st, level)

    def statement(self, st, level: int) -> None:
        if isinstance(st, A.Pipeline):
            value = self.pipeline_value(st)
            if value in self.locals.values():
                # a parameter's value: an Int32 or string is written as it is
                line = f"out.append({value}) if type({value}) in (int, str) else _emit(out, {value})"
                self.lines.append((level, line))
            else:
                self.lines.append((level, f"_emit(out, {value})"))
        elif isinstance(st, A.If):
            for i, (cond, block) in enumerate(st.clauses):
                if block.traps:
                    raise _NotDirect
                kw = "if" if i == 0 else "elif"
                self.lines.append((level, f"{kw} {self.truth(cond)}:"))
                self.statements(block.statements, level + 1)
            if st.else_block is not None:
                if st.else_block.traps:
                    raise _NotDirect
                self.lines.append((level, "else:"))
                self.statements(st.else_block.statements, level + 1)
        elif isinstance(st, A.Return):
            if st.pipeline is not None:
                self.lines.append((level, f"_emit(out, {self.pipeline_value(st.pipeline)})"))
            self.lines.append((level, "return out"))
        else:
            raise _NotDirect

    def truth(self, st) -> str:
        """A condition as a Python bool; an Int32 comparison needs no conversion."""
        value = self.pipeline_value(st)
        e = st.elements[0].expression
        fast = self.int_comparison(e) if isinstance(e, A.Binary) else None
        if fast is not None:
            return f"({fast} if type({self.expr(e.left)}) is int else _bool({value}))"
        return f"_bool({value})"

    def int_comparison(self, e: A.Binary) -> str | None:
        """``param -lt 2`` as a Python comparison, for when the parameter holds an Int32."""
        body = _comparison(e.operator)
        k = _small_int(e.right)
        a = self.expr(e.left)
        if body is None or k is None or a not in self.locals.values():
            return None
        return f"({a} {_PY_COMPARE[body]} {k})"

    def pipeline_value(self, st) -> str:
        """A pipeline that is one expression (no commands, no redirection)."""
        if not (isinstance(st, A.Pipeline) and len(st.elements) == 1 and not st.background):
            raise _NotDirect
        el = st.elements[0]
        if not isinstance(el, A.CommandExpression) or el.redirections:
            raise _NotDirect
        return self.expr(el.expression)

    # --- expressions --------------------------------------------------------------------------
    def expr(self, e) -> str:
        if isinstance(e, A.Constant):
            return repr(e.value) if type(e.value) in (int, float) else _raise()
        if isinstance(e, A.StringConstant) and e.quote != "here":
            return repr(e.value) if type(e.value) is str else _raise()
        if isinstance(e, A.Variable) and not e.splat and e.path.scope is None:
            key = e.path.key
            if key in self.locals:
                return self.locals[key]
            if key in _CONSTANT_VARIABLES:
                return _CONSTANT_VARIABLES[key]
            raise _NotDirect
        if isinstance(e, A.Binary):
            return self.binary(e)
        if isinstance(e, A.Unary) and not e.postfix:
            x = self.expr(e.operand)
            if e.operator == "-":
                return f"_neg({x})"
            if e.operator in ("!", "-not"):
                return f"(not _bool({x}))"
            raise _NotDirect
        if isinstance(e, A.Paren):
            return self.paren(e.pipeline)
        raise _NotDirect

    def binary(self, e: A.Binary) -> str:
        op = e.operator
        a, b = self.expr(e.left), self.expr(e.right)
        k = _small_int(e.right)
        if op in ("+", "-") and k is not None and a in self.locals.values():
            # an Int32 parameter plus or minus a small constant stays inline
            lo, hi = (-2 ** 31, 2 ** 31 - 1 - k) if (op == "+") == (k >= 0) else \
                (-2 ** 31 + abs(k), 2 ** 31 - 1)
            return (f"({a} {op} {k} if type({a}) is int and {lo} <= {a} <= {hi} "
                    f"else {_ARITHMETIC[op]}({a}, {k}))")
        if op in _ARITHMETIC:
            return f"{_ARITHMETIC[op]}({a}, {b})"
        if op == "-and":
            return f"(_bool({a}) and _bool({b}))"
        if op == "-or":
            return f"(_bool({a}) or _bool({b}))"
        body = _comparison(op)
        if body is None:
            raise _NotDirect
        ci = "False" if op[1:2].lower() == "c" else "True"
        return f"_cmp_{body}({a}, {b}, {ci})"

    def paren(self, st) -> str:
        if not (isinstance(st, A.Pipeline) and len(st.elements) == 1):
            raise _NotDirect
        el = st.elements[0]
        if isinstance(el, A.CommandExpression):
            return self.pipeline_value(st)
        if not isinstance(el, A.Command) or el.invocation is not None or el.redirections:
            raise _NotDirect
        name = el.elements[0]
        if not isinstance(name, A.StringConstant) or name.quote != "bare":
            raise _NotDirect
        args = [self.expr(a) for a in el.elements[1:]]
        key = name.value.lower()
        packed = "(" + "".join(f"{a}, " for a in args) + ")"
        general = f"_direct_value(ctx, F, {key!r}, {packed})"
        if key != self.key or len(args) != len(self.locals):
            return general
        # a call to itself (recursion): straight into this Python function while the name
        # still means this function
        self.temps += 1
        o = f"_o{self.temps}"
        direct = f"{self.fn_name}(ctx, F, {', '.join(args)})"
        return (f"(({o}[0] if len({o} := {direct}) == 1 else _unwrap_output({o})) "
                f"if F.get({key!r}) is {self.info_const} and {key!r} not in ctx.aliases "
                f"else {general})")


# A typed parameter whose argument already has exactly the type binds to itself; any other
# argument needs the binder's conversion, so the direct attempt stops there.
_EXACT_TYPES = {
    "int": "type({v}) is int and -2147483648 <= {v} <= 2147483647",
    "int32": "type({v}) is int and -2147483648 <= {v} <= 2147483647",
    "system.int32": "type({v}) is int and -2147483648 <= {v} <= 2147483647",
    "string": "type({v}) is str", "system.string": "type({v}) is str",
    "double": "type({v}) is float", "system.double": "type({v}) is float",
}


def _type_guard(attributes, var: str) -> str | None:
    """"" for an untyped parameter, the guard for one plain type constraint, None otherwise."""
    if not attributes:
        return ""
    if len(attributes) != 1 or not isinstance(attributes[0], A.TypeConstraint):
        return None
    tn = attributes[0].type_name
    if tn.generic_args or tn.array_rank:
        return None
    template = _EXACT_TYPES.get(tn.name.lower())
    return template.format(v=var) if template else None


def _comparison(op: str) -> str | None:
    """``-lt``, ``-ilt``, ``-clt`` → ``lt``; None for other operators."""
    body = op[1:].lower()
    if body[:1] in "ic" and body[1:] in _COMPARISONS:
        body = body[1:]
    return body if body in _COMPARISONS else None


def _small_int(node) -> int | None:
    if isinstance(node, A.Constant) and type(node.value) is int and abs(node.value) < 2 ** 31:
        return node.value
    return None


def _raise():
    raise _NotDirect
