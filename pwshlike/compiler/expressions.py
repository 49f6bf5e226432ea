"""Expressions → generated Python: constants, variables, operators (with inline Int32
paths), members, indexing, casts, literals.

A mixin of :class:`pwshlike.compiler.codegen.Compiler`; statements are in
:mod:`.statements`.
"""
from __future__ import annotations

from ..lexer.tokens import VariablePath
from ..parser import ast as A

_COMPARE = {"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "contains", "notcontains",
            "in", "notin", "replace", "split", "match", "notmatch"}
_SIMPLE_BINARY = {"+": "_add", "-": "_sub", "*": "_mul", "/": "_div", "%": "_mod",
                  "-band": "_band", "-bor": "_bor", "-bxor": "_bxor", "-shl": "_shl",
                  "-shr": "_shr", "-join": "_join", "-f": "_format", "..": "_range",
                  "-is": "_is", "-isnot": "_isnot", "-as": "_as", "-xor": "_xor"}
_INT_COMPARE = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
_SPECIAL_VARS = {"true": "True", "false": "False", "null": "None"}


class ExpressionCompiler:
    # --- expressions --------------------------------------------------------------------------------------
    def expr(self, e) -> str:
        return getattr(self, "ex_" + type(e).__name__)(e)

    def ex_Constant(self, e: A.Constant) -> str:
        v = e.value
        if type(v) is int:
            return repr(v)
        if type(v) is float and v - v == 0:     # finite: NaN and infinities have no literal
            return repr(v)
        return self.u.const(v)

    def ex_StringConstant(self, e: A.StringConstant) -> str:
        return repr(e.value)

    def ex_ExpandableString(self, e: A.ExpandableString) -> str:
        parts = []
        self.in_string += 1     # Set-StrictMode 1 lets variables in strings be unset
        try:
            for p in e.parts:
                if isinstance(p, str):
                    parts.append(repr(p))
                else:
                    parts.append(f"_str({self.expr(p)})")
        finally:
            self.in_string -= 1
        if not parts:
            return "''"
        return "''.join((" + ", ".join(parts) + ",))"

    def variable(self, path: VariablePath) -> str:
        key = path.key
        if path.scope is None:
            special = _SPECIAL_VARS.get(key)
            if special is not None:
                return special
            if key == "?":
                return "ctx.last_ok"
            return f"(L[{key!r}] if {key!r} in L else _lookup(ctx, S, {self._read_args(path)}))"
        if self.in_string:
            return f"_getvar_scoped(ctx, S, {path.scope!r}, {path.name!r}, True)"
        return f"_getvar_scoped(ctx, S, {path.scope!r}, {path.name!r})"

    def _read_args(self, path: VariablePath) -> str:
        """The arguments of ``_lookup`` after ``ctx, S``: the key, then -- only when needed --
        the name as written (for Set-StrictMode's message) and whether it is in a string."""
        key = path.key
        text = None if path.name == key else path.name
        if self.in_string:
            return f"{key!r}, {text!r}, True"
        return f"{key!r}, {text!r}" if text is not None else repr(key)

    def ex_Variable(self, e: A.Variable) -> str:
        if e.splat:
            return self.variable(e.path)
        return self.variable(e.path)

    def ex_Binary(self, e: A.Binary) -> str:
        op = e.operator
        a = self.expr(e.left)
        if op == "-and":
            return f"(_bool({a}) and _bool({self.expr(e.right)}))"
        if op == "-or":
            return f"(_bool({a}) or _bool({self.expr(e.right)}))"
        if op == "??":
            t = self.fn.temp()
            return f"({t} if ({t} := {a}) is not None else {self.expr(e.right)})"
        b = self.expr(e.right)
        helper = _SIMPLE_BINARY.get(op)
        if helper is not None:
            if op in ("+", "-") and _is_int_constant(e.right):
                return self._int_arith(op, a, e.right.value, helper)
            return f"{helper}({a}, {b})"
        body = op[1:]
        cs = False
        if body[0] in "ic" and body[1:] in _COMPARE:
            cs = body[0] == "c"
            body = body[1:]
        ci = "False" if cs else "True"
        if body in ("match", "notmatch"):
            return f"_{body}({a}, {b}, {ci}, L)"
        if body == "in":
            body = "in_"
        call = f"_cmp_{body}({{}}, {{}}, {ci})"
        if body in _INT_COMPARE:
            return self._int_compare(_INT_COMPARE[body], e, a, b, call)
        return call.format(a, b)

    # Inline paths for Int32 operands: the common case in loops and recursive helpers skips a
    # call into the operator module; anything else falls back to it with the same operands.
    def _int_compare(self, py_op: str, e: A.Binary, a: str, b: str, call: str,
                     truth: bool = False) -> str:
        if _is_constant(e.left) or (_is_constant(e.right) and not _is_int_constant(e.right)):
            slow = call.format(a, b)
            return f"_bool({slow})" if truth else slow
        t1 = self.fn.temp()
        if _is_int_constant(e.right):
            t2, guard = b, f"type({t1} := {a}) is int"
        else:
            t2 = self.fn.temp()
            guard = f"(type({t1} := {a}) is int) & (type({t2} := {b}) is int)"
        slow = call.format(t1, t2)
        if truth:
            slow = f"_bool({slow})"
        return f"({t1} {py_op} {t2} if {guard} else {slow})"

    def _int_arith(self, op: str, a: str, k: int, helper: str) -> str:
        t = self.fn.temp()
        lo, hi = (-2 ** 31, 2 ** 31 - 1 - k) if (op == "+") == (k >= 0) else \
            (-2 ** 31 + abs(k), 2 ** 31 - 1)
        return f"({t} {op} {k} if type({t} := {a}) is int and {lo} <= {t} <= {hi} " \
               f"else {helper}({t}, {k}))"

    def truth(self, e) -> str:
        """A condition as a Python bool (``if``, ``while``, ``for``)."""
        if isinstance(e, A.Pipeline) and len(e.elements) == 1 and isinstance(
                e.elements[0], A.CommandExpression) and not e.elements[0].redirections:
            x = e.elements[0].expression
            if isinstance(x, A.Binary):
                body = x.operator[1:]
                if body[:1] in "ic" and body[1:] in _INT_COMPARE:
                    body = body[1:]
                if body in _INT_COMPARE:
                    ci = "False" if x.operator[1:2] == "c" else "True"
                    return self._int_compare(_INT_COMPARE[body], x, self.expr(x.left),
                                             self.expr(x.right),
                                             f"_cmp_{body}({{}}, {{}}, {ci})", truth=True)
        return f"_bool({self.condition(e)})"

    def ex_Unary(self, e: A.Unary) -> str:
        op = e.operator
        if op in ("++", "--"):
            return self.incdec(e, want_value=True)
        x = self.expr(e.operand)
        if op == "-not":
            return f"(not _bool({x}))"
        if op == "-":
            if isinstance(e.operand, A.Constant) and type(e.operand.value) is int:
                return repr(-e.operand.value)
            return f"_neg({x})"
        if op == "+":
            return f"_plus({x})"
        if op == ",":
            return f"[{x}]"
        if op == "-bnot":
            return f"_bnot({x})"
        if op in ("-split", "-isplit", "-csplit"):
            return f"_unary_split({x})"
        if op == "-join":
            return f"_unary_join({x})"
        raise NotImplementedError(op)

    def incdec(self, e: A.Unary, want_value: bool) -> str:
        delta = 1 if e.operator == "++" else -1
        t = e.operand
        post = bool(e.postfix)
        if isinstance(t, A.Variable):
            return f"_incdec_var(ctx, S, {t.path.scope!r}, {t.path.name!r}, {delta}, {post})"
        if isinstance(t, A.Member):
            fn = "_incdec_static" if t.static else "_incdec_member"
            return f"{fn}({self.expr(t.target)}, {self.member_name(t.member)}, " \
                   f"{delta}, {post})"
        if isinstance(t, A.Index):
            return f"_incdec_index({self.expr(t.target)}, {self.expr(t.index)}, {delta}, {post})"
        return f"_invalid_assignment({self.u.const(e)})"

    def ex_Convert(self, e: A.Convert) -> str:
        tname = e.type_name.name.lower()
        if not e.type_name.generic_args and not e.type_name.array_rank:
            if tname in ("pscustomobject", "system.management.automation.pscustomobject") and \
                    isinstance(e.operand, A.Hashtable):
                return f"_pscustom({self.ex_Hashtable(e.operand, ordered=True)})"
            if tname == "ordered" and isinstance(e.operand, A.Hashtable):
                return self.ex_Hashtable(e.operand, ordered=True)
            if tname == "ref":
                if isinstance(e.operand, A.Variable):
                    p = e.operand.path
                    return f"_make_ref(ctx, S, {p.scope!r}, {p.name!r})"
                return f"_ref_value({self.expr(e.operand)})"
            if tname == "void":
                return f"_void({self.expr(e.operand)})"
            if tname == "psobject" and isinstance(e.operand, A.Paren):
                return f"_psobject_wrap({self.expr(e.operand)})"
        k = self.u.const(_TypeRef(e.type_name))
        return f"_convert({self.expr(e.operand)}, {k})"

    def ex_TypeExpression(self, e: A.TypeExpression) -> str:
        return f"{self.u.const(_TypeRef(e.type_name))}.get()"

    def ex_AttributedExpression(self, e: A.AttributedExpression) -> str:
        return self.expr(e.operand)

    def member_name(self, m) -> str:
        if isinstance(m, A.StringConstant):
            return repr(m.value)
        return self.expr(m)

    def ex_Member(self, e: A.Member) -> str:
        target = self.expr(e.target)
        name = self.member_name(e.member)
        fn = "_gets" if e.static else "_getm"
        if e.null_conditional:
            t = self.fn.temp()
            return f"(None if ({t} := {target}) is None else {fn}({t}, {name}))"
        return f"{fn}({target}, {name})"

    def ex_InvokeMember(self, e: A.InvokeMember) -> str:
        name = self.member_name(e.member)
        args = "[" + ", ".join(self.expr(a) for a in e.arguments) + "]"
        cast = _cast_target(e.target)
        if cast is not None and not e.static and not e.null_conditional:
            # ([Base]$this).Method(): a script class's base implementation (about_Classes_Inheritance)
            k = self.u.const(_TypeRef(cast.type_name))
            return f"_invm_as(ctx, {k}.get(), {self.expr(cast.operand)}, {name}, {args})"
        target = self.expr(e.target)
        fn = "_invs" if e.static else "_invm"
        if e.null_conditional:
            t = self.fn.temp()
            return f"(None if ({t} := {target}) is None else {fn}(ctx, S, {t}, {name}, {args}))"
        return f"{fn}(ctx, S, {target}, {name}, {args})"

    def ex_Index(self, e: A.Index) -> str:
        target = self.expr(e.target)
        index = self.expr(e.index)
        # an index cast to [object] selects a dictionary's key indexer (see get_index_by_key)
        fn = "_idx_key" if isinstance(e.index, A.Convert) and \
            e.index.type_name.name.lower() in ("object", "system.object", "psobject") else "_idx"
        if e.null_conditional:
            t = self.fn.temp()
            return f"(None if ({t} := {target}) is None else {fn}({t}, {index}))"
        return f"{fn}({target}, {index})"

    def ex_ArrayLiteral(self, e: A.ArrayLiteral) -> str:
        return "[" + ", ".join(self.expr(x) for x in e.elements) + "]"

    def _block_value_function(self, block: A.StatementBlock) -> str:
        return self.compile_statements_function(block.statements, block.traps, "sub",
                                                in_block=False)

    def ex_ArrayExpression(self, e: A.ArrayExpression) -> str:
        stmts = e.block.statements
        if len(stmts) == 1 and not e.block.traps and isinstance(stmts[0], A.Pipeline) and len(
                stmts[0].elements) == 1 and isinstance(stmts[0].elements[0], A.CommandExpression) \
                and not stmts[0].elements[0].redirections:
            return f"_as_array({self.expr(stmts[0].elements[0].expression)})"
        name = self._block_value_function(e.block)
        return f"_collect_list(ctx, S, {name})"

    def ex_SubExpression(self, e: A.SubExpression) -> str:
        stmts = e.block.statements
        if len(stmts) == 1 and not e.block.traps and isinstance(stmts[0], A.Pipeline) and len(
                stmts[0].elements) == 1 and isinstance(stmts[0].elements[0], A.CommandExpression) \
                and not stmts[0].elements[0].redirections and not isinstance(
                    stmts[0].elements[0].expression, A.InvokeMember):
            return f"_unwrap_value({self.expr(stmts[0].elements[0].expression)})"
        name = self._block_value_function(e.block)
        return f"_collect(ctx, S, {name})"

    def ex_Paren(self, e: A.Paren) -> str:
        st = e.pipeline
        if isinstance(st, A.Pipeline) and len(st.elements) == 1 and isinstance(
                st.elements[0], A.CommandExpression) and not st.elements[0].redirections:
            return self.expr(st.elements[0].expression)
        if isinstance(st, A.Assignment):
            return self.assignment_expr(st)
        if isinstance(st, A.Pipeline) and len(st.elements) == 1 and isinstance(
                st.elements[0], A.Command):
            site, args = self.command_stage(st.elements[0])
            return f"_call_value(ctx, S, {site}, {args})"
        name = self.compile_statements_function([st], [], "par", in_block=False)
        return f"_collect(ctx, S, {name})"

    def ex_Hashtable(self, e: A.Hashtable, ordered: bool = False) -> str:
        pairs = []
        for k, v in e.pairs:
            pairs.append(f"({self.expr(k)}, {self.statement_value(v)})")
        return f"_hashtable([{', '.join(pairs)}], {ordered})"

    def ex_ScriptBlockExpression(self, e: A.ScriptBlockExpression) -> str:
        info = self.scriptblock_info(e.body, braced=True)
        return f"_new_scriptblock(ctx, S, {info})"

    def ex_Ternary(self, e: A.Ternary) -> str:
        return f"({self.expr(e.if_true)} if _bool({self.expr(e.condition)}) else " \
               f"{self.expr(e.if_false)})"


class _TypeRef:
    """A type literal resolved on first use (types can be defined by the script itself)."""

    __slots__ = ("_type", "node")

    def __init__(self, node) -> None:
        self.node = node
        self._type = None

    def get(self):
        t = self._type
        if t is None:
            from ..runtime.types import resolve_type_node
            t = resolve_type_node(self.node)
            if not getattr(t, "is_user_type", False):
                self._type = t
        return t


def _cast_target(node):
    """The Convert node of a parenthesized cast used as a method-call target, else None."""
    if isinstance(node, A.Paren):
        st = node.pipeline
        if isinstance(st, A.Pipeline) and len(st.elements) == 1 and isinstance(
                st.elements[0], A.CommandExpression) and not st.elements[0].redirections:
            node = st.elements[0].expression
        else:
            return None
    if isinstance(node, A.Convert) and isinstance(node.operand, A.Variable) and \
            not node.type_name.generic_args and not node.type_name.array_rank and \
            node.type_name.name.lower() not in _SPECIAL_CASTS:
        return node
    return None


# casts ex_Convert compiles specially; a method call on them keeps that path
_SPECIAL_CASTS = {"ref", "void", "ordered", "psobject", "pscustomobject",
                  "system.management.automation.pscustomobject"}


def _is_constant(node) -> bool:
    return isinstance(node, (A.Constant, A.StringConstant))


def _is_int_constant(node) -> bool:
    return isinstance(node, A.Constant) and type(node.value) is int and abs(node.value) < 2 ** 31
