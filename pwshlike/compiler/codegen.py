"""Compile the AST to Python source, then to code objects, once per script.

Each PowerShell script block becomes a Python function ``(ctx, S, out)``: ``S`` is the
dynamic scope, ``out`` the output sink.  Loops become Python loops, variables dict
lookups, operators direct calls into ``runtime.operators``.  Each generated line that
starts a PowerShell statement is mapped back to that statement's source extent so
runtime errors point at the script, never at generated code.
"""
from __future__ import annotations

import itertools

from ..lexer.tokens import VariablePath
from ..parser import ast as A

_counter = itertools.count()

_COMPARE = {"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "contains", "notcontains",
            "in", "notin", "replace", "split", "match", "notmatch"}
_SIMPLE_BINARY = {"+": "_add", "-": "_sub", "*": "_mul", "/": "_div", "%": "_mod",
                  "-band": "_band", "-bor": "_bor", "-bxor": "_bxor", "-shl": "_shl",
                  "-shr": "_shr", "-join": "_join", "-f": "_format", "..": "_range",
                  "-is": "_is", "-isnot": "_isnot", "-as": "_as", "-xor": "_xor"}
_INT_COMPARE = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
_COMPOUND = {"+=": "_add", "-=": "_sub", "*=": "_mul", "/=": "_div", "%=": "_mod"}
_SPECIAL_VARS = {"true": "True", "false": "False", "null": "None"}


class CompileUnit:
    """Generated source for one script plus its constant pool and line map."""

    def __init__(self, src: str, filename: str | None) -> None:
        self.src = src
        self.filename = filename
        self.lines: list[str] = []
        self.consts: dict[str, object] = {}
        self.linemap: dict[int, tuple[int, int]] = {}
        self.uid = next(_counter)

    def const(self, value) -> str:
        name = f"_K{len(self.consts)}"
        self.consts[name] = value
        return name


class FunctionBuilder:
    """Emits the body of one generated Python function."""

    def __init__(self, unit: CompileUnit, name: str, params: str = "ctx, S, out",
                 in_block: bool = True) -> None:
        self.unit = unit
        self.name = name
        self.body: list[tuple[int, str, tuple | None]] = []
        self.level = 1
        self.params = params
        self.tmp = 0
        self.loops: list[str] = []   # kinds of the Python loops we are directly inside
        self.loop_enum_saved: list[str] = []   # temps holding $foreach/$switch to restore
        self.in_block = in_block   # True: a return may use Python 'return'
        self.helpers: list[FunctionBuilder] = []

    def line(self, text: str, node: A.Node | None = None) -> None:
        self.body.append((self.level, text, (node.start, node.end) if node is not None else None))

    def temp(self) -> str:
        self.tmp += 1
        return f"_t{self.tmp}"

    def finish(self) -> None:
        u = self.unit
        u.lines.append(f"def {self.name}({self.params}):")
        u.lines.append("    L = S.vars")
        if not self.body:
            u.lines.append("    pass")
        for level, text, ext in self.body:
            u.lines.append("    " * level + text)
            if ext is not None:
                u.linemap[len(u.lines)] = ext
        u.lines.append("")


class Compiler:
    def __init__(self, unit: CompileUnit) -> None:
        self.u = unit
        self.fn: FunctionBuilder | None = None
        self.fn_count = 0
        self.in_method = False   # compiling a class method body: 'return' gives its value
        self.track_status = False   # does the script block being compiled read $?

    # --- functions ------------------------------------------------------------------------------------
    def new_function(self, prefix: str, params: str = "ctx, S, out",
                     in_block: bool = True) -> FunctionBuilder:
        self.fn_count += 1
        return FunctionBuilder(self.u, f"_{prefix}{self.fn_count}", params, in_block)

    def compile_statements_function(self, stmts, traps, prefix: str, in_block: bool = True,
                                    params: str = "ctx, S, out") -> str:
        fb = self.new_function(prefix, params, in_block)
        saved = self.fn
        self.fn = fb
        try:
            self.statements(stmts, traps)
        finally:
            self.fn = saved
        fb.finish()
        return fb.name

    def compile_scriptblock(self, sb: A.ScriptBlock) -> dict:
        """Compile every named block of a script block; returns their function names."""
        names = {}
        saved = self.track_status
        # only code that reads $? pays for expression statements resetting it
        self.track_status = A.mentions_variable(sb, "?")
        try:
            for block_name in ("begin", "process", "end", "clean"):
                block = getattr(sb, block_name + "_block")
                if block is not None:
                    names[block_name] = self.compile_statements_function(
                        _hoist_type_definitions(block.statements), block.traps, block_name)
        finally:
            self.track_status = saved
        return names

    # --- statements ---------------------------------------------------------------------------------
    def statements(self, stmts, traps=()) -> None:
        """Each statement is guarded: an error ends that statement only, unless the error
        preference, a throw, an enclosing try or a trap says otherwise (statement_error)."""
        f = self.fn
        if traps:
            # while this block runs, errors of the commands it calls come back to its traps
            trap_info = self.compile_traps(traps)
            f.line("ctx.catch_depth += 1")
            f.line("try:")
            f.level += 1
            for st in stmts:
                f.line("try:", st)
                f.level += 1
                self.statement(st)
                f.level -= 1
                f.line("except Exception as _e:")
                f.line(f"    _trap(ctx, S, out, _e, {trap_info})")
            if not stmts:
                f.line("pass")
            f.level -= 1
            f.line("finally:")
            f.line("    ctx.catch_depth -= 1")
            return
        for st in stmts:
            if isinstance(st, _UNGUARDED_STATEMENTS):
                self.statement(st)
                continue
            f.line("try:", st)
            f.level += 1
            self.statement(st)
            if self.track_status and _is_expression_statement(st):
                f.line("ctx.last_ok = True")    # a statement that ran without error
            f.level -= 1
            f.line("except Exception as _e:")
            f.line("    _stmt_error(ctx, S, _e)")
        if not stmts:
            f.line("pass")

    def compile_traps(self, traps) -> str:
        items = []
        for t in traps:
            fname = self.compile_statements_function(t.body.statements, t.body.traps, "trap",
                                                     in_block=False)
            items.append((t.type_name, fname))
        rendered = ", ".join(
            f"({self.u.const(tn) if tn is not None else 'None'}, {fn})" for tn, fn in items)
        return f"({rendered},)"

    def statement(self, st) -> None:
        method = getattr(self, "st_" + type(st).__name__)
        method(st)

    def st_Pipeline(self, st: A.Pipeline) -> None:
        if len(st.elements) == 1 and isinstance(st.elements[0], A.CommandExpression) \
                and not st.elements[0].redirections:
            expr = st.elements[0].expression
            if isinstance(expr, A.Unary) and expr.operator in ("++", "--"):
                self.fn.line(self.incdec(expr, want_value=False), st)
                return
            if isinstance(expr, A.Convert) and expr.type_name.name.lower() == "void":
                self.fn.line(self.expr(expr.operand), st)
                return
            if isinstance(expr, A.InvokeMember):
                self.fn.line(f"_emit_result(out, {self.expr(expr)})", st)
                return
            self.fn.line(f"_emit(out, {self.expr(expr)})", st)
            return
        self.fn.line(self.pipeline_call(st, "out"), st)

    def pipeline_call(self, st: A.Pipeline, out: str) -> str:
        first = st.elements[0]
        stages = []
        input_code = "_NOINPUT"
        elements = st.elements
        if isinstance(first, A.CommandExpression):
            input_code = self.expr(first.expression)
            if first.redirections:
                input_code = f"_redirect_expr(ctx, S, {input_code}, " \
                             f"{self.redirections(first.redirections)})"
            elements = elements[1:]
            if not elements:
                return f"_emit({out}, {input_code})"
        for cmd in elements:
            stages.append(self.command_stage(cmd))
        if len(stages) == 1 and input_code == "_NOINPUT":
            site, args = stages[0]
            return f"_call(ctx, S, {site}, {args}, {out})"
        return f"_pipeline(ctx, S, {input_code}, [{', '.join(f'({s}, {a})' for s, a in stages)}]," \
               f" {out})"

    def command_stage(self, cmd: A.Command) -> tuple[str, str]:
        from ..runtime.commands import CallSite
        elements = cmd.elements
        name_node = elements[0]
        static_name = None
        name_code = "None"
        if isinstance(name_node, A.StringConstant) and cmd.invocation is None or isinstance(name_node, A.StringConstant):
            static_name = name_node.value
        else:
            name_code = self.expr(name_node)
        args = []
        positional_only = static_name is not None
        for el in elements[1:]:
            positional_only = positional_only and not isinstance(
                el, (A.CommandParameter, A.EndOfParameters, A.StopParsingArgument)) and not (
                isinstance(el, A.Variable) and el.splat)
            if isinstance(el, A.CommandParameter):
                if el.argument is not None:
                    args.append(f"({el.name!r}, {self.expr(el.argument)}, {el.text!r})")
                else:
                    args.append(f"({el.name!r}, _NOARG, {el.text!r})")
            elif isinstance(el, A.Variable) and el.splat:
                args.append(f"(_SPLAT, {self.variable(el.path)}, None)")
            elif isinstance(el, A.EndOfParameters):
                args.append("(_ENDPARAMS, None, None)")
            elif isinstance(el, A.StopParsingArgument):
                args.append(f"(None, {el.text!r}, _VERBATIM)")
            else:
                text = el.text if isinstance(el, A.Constant) else None
                args.append(f"(None, {self.expr(el)}, {text!r})")
        redirs = self.redirections(cmd.redirections) if cmd.redirections else "None"
        site = CallSite(static_name, cmd.invocation, (self.u.src, cmd.start, cmd.end,
                                                       self.u.filename), None, positional_only)
        site_name = self.u.const(site)
        if name_code != "None":
            site_name = f"_dyn_site({site_name}, {name_code})"
        args_code = "[" + ", ".join(args) + "]"
        if redirs != "None":
            site_name = f"_with_redirs({site_name}, {redirs})"
        return site_name, args_code

    def redirections(self, redirs) -> str:
        items = []
        for r in redirs:
            target = self.expr(r.target) if r.target is not None else "None"
            items.append(f"({r.from_stream!r}, {r.append!r}, {r.to_stream!r}, {target})")
        return "[" + ", ".join(items) + "]"

    def st_PipelineChain(self, st: A.PipelineChain) -> None:
        self.statement(st.left)
        cond = "ctx.last_ok" if st.operator == "&&" else "not ctx.last_ok"
        self.fn.line(f"if {cond}:", st)
        self.fn.level += 1
        self.statement(st.right)
        self.fn.level -= 1

    def st_Assignment(self, st: A.Assignment) -> None:
        value = self.statement_value(st.value)
        self.assign(st.target, st.operator, value, st)

    def statement_value(self, st) -> str:
        """The value a statement produces when assigned: expression value or collected output."""
        if isinstance(st, A.Pipeline) and len(st.elements) == 1 and isinstance(
                st.elements[0], A.CommandExpression) and not st.elements[0].redirections:
            return self.expr(st.elements[0].expression)
        if isinstance(st, A.Assignment):
            return self.assignment_expr(st)
        name = self.compile_statements_function([st], [], "val", in_block=False)
        return f"_collect(ctx, S, {name})"

    def assignment_expr(self, st: A.Assignment) -> str:
        """An assignment used as a value: ``($x = 1)`` yields the assigned value."""
        fb = self.new_function("asg", "ctx, S", in_block=False)
        saved = self.fn
        self.fn = fb
        try:
            value = self.statement_value(st.value)
            self.assign(st.target, st.operator, value, st, result=True)
        finally:
            self.fn = saved
        fb.finish()
        return f"{fb.name}(ctx, S)"

    def assign(self, target, op: str, value: str, node, result: bool = False) -> None:
        f = self.fn
        if op != "=":
            if op == "??=":
                cur = self._compound_read(target)
                v = f.temp()
                f.line(f"{v} = {cur}", node)
                f.line(f"if {v} is None:")
                f.level += 1
                self.assign(target, "=", value, node, result)
                f.level -= 1
                if result:
                    f.line("else:")
                    f.line(f"    return {v}")
                return
            helper = _COMPOUND[op]
            if isinstance(target, A.Index):
                obj, idx = f.temp(), f.temp()
                v = f.temp()
                f.line(f"{v} = {value}", node)
                f.line(f"{obj} = {self.expr(target.target)}")
                f.line(f"{idx} = {self.expr(target.index)}")
                f.line(f"_setidx({obj}, {idx}, {helper}(_idx({obj}, {idx}), {v}))")
                if result:
                    f.line(f"return _idx({obj}, {idx})")
                return
            if isinstance(target, A.Member):
                obj = f.temp()
                v = f.temp()
                f.line(f"{v} = {value}", node)
                f.line(f"{obj} = {self.expr(target.target)}")
                m = self.member_name(target.member)
                get, put = ("_gets", "_sets") if target.static else ("_getm", "_setm")
                f.line(f"{put}({obj}, {m}, {helper}({get}({obj}, {m}), {v}))")
                if result:
                    f.line(f"return {get}({obj}, {m})")
                return
            value = f"{helper}({self._compound_read(target)}, {value})"
        if isinstance(target, A.Variable):
            self.set_variable(target.path, value, node, result)
            return
        if isinstance(target, (A.Convert, A.AttributedExpression)):
            types, attrs, var = [], [], target
            while isinstance(var, (A.Convert, A.AttributedExpression)):
                if isinstance(var, A.Convert):
                    types.append(var.type_name)
                else:
                    attrs.append(var.attribute)
                var = var.operand
            if not isinstance(var, A.Variable):
                f.line(f"_invalid_assignment({self.u.const(node)})", node)
                return
            k = self.u.const((types[0] if types else None, attrs))
            v = f.temp()
            f.line(f"{v} = _declare(ctx, S, {var.path.key!r}, {var.path.scope!r}, {k}, {value})",
                   node)
            if result:
                f.line(f"return {v}")
            return
        if isinstance(target, A.Member):
            v = f.temp()
            f.line(f"{v} = {value}", node)
            if target.static:
                f.line(f"_sets({self.expr(target.target)}, {self.member_name(target.member)}, {v})")
            else:
                f.line(f"_setm({self.expr(target.target)}, {self.member_name(target.member)}, {v})")
            if result:
                f.line(f"return {v}")
            return
        if isinstance(target, A.Index):
            v = f.temp()
            f.line(f"{v} = {value}", node)
            f.line(f"_setidx({self.expr(target.target)}, {self.expr(target.index)}, {v})")
            if result:
                f.line(f"return {v}")
            return
        if isinstance(target, A.ArrayLiteral):
            v = f.temp()
            f.line(f"{v} = _split_for_multi({value}, {len(target.elements)})", node)
            for i, el in enumerate(target.elements):
                self.assign(el, "=", f"{v}[{i}]", node)
            if result:
                f.line(f"return {v}")
            return
        f.line(f"_invalid_assignment({self.u.const(node)})", node)

    def _compound_read(self, target) -> str:
        """The current value a compound assignment starts from.  A plain variable is read
        from the current scope only: compound assignment does not use dynamic scoping
        (about_Assignment_Operators), so `& { $x += 1 }` starts a new local $x."""
        if isinstance(target, A.Variable) and target.path.scope is None and \
                target.path.key not in ("_", "args", "input", "this"):
            return f"L.get({target.path.key!r})"
        return self.expr(target)

    def set_variable(self, path: VariablePath, value: str, node, result: bool = False) -> None:
        f = self.fn
        key = path.key
        scope = path.scope
        if scope in (None, "local", "global", "script") and key in _CONSTANT_AUTOMATICS:
            f.line(f"_not_writable({path.name!r})", node)
            return
        if scope is None and key not in ("_",):
            if result:
                v = f.temp()
                f.line(f"{v} = {value}", node)
                value = v
            f.line(f"if S.constraints is None: L[{key!r}] = {value}", node)
            f.line(f"else: _setvar(ctx, S, {key!r}, {value})")
            if result:
                f.line(f"return {value}")
            return
        v = f.temp()
        f.line(f"{v} = {value}", node)
        f.line(f"_setvar_scoped(ctx, S, {scope!r}, {path.name!r}, {v})")
        if result:
            f.line(f"return {v}")

    def st_If(self, st: A.If) -> None:
        f = self.fn
        for i, (cond, block) in enumerate(st.clauses):
            kw = "if" if i == 0 else "elif"
            f.line(f"{kw} {self.truth(cond)}:", cond)
            f.level += 1
            self.statements(block.statements, block.traps)
            f.level -= 1
        if st.else_block is not None:
            f.line("else:")
            f.level += 1
            self.statements(st.else_block.statements, st.else_block.traps)
            f.level -= 1

    def condition(self, st) -> str:
        return self.statement_value(st)

    def _loop_body(self, body, label, node, continue_code: str | None = None,
                   kind: str = "loop") -> None:
        f = self.fn
        f.line("try:")
        f.level += 1
        f.loops.append(kind)
        self.statements(body.statements, body.traps)
        f.loops.pop()
        f.level -= 1
        label = label.lower() if label else None
        f.line("except _Break as _b:")
        f.line(f"    if _b.label is None or _b.label == {label!r}: break")
        f.line("    raise")
        f.line("except _Continue as _c:")
        f.line(f"    if _c.label is not None and _c.label != {label!r}: raise")
        if continue_code:
            f.line(f"    {continue_code}")

    def st_ForEach(self, st: A.ForEach) -> None:
        f = self.fn
        it = f.temp()
        iterable = self.foreach_iterable(st.iterable)
        enum = self.open_loop_enumerator("foreach", st.body, f"_foreach_iter({iterable})", st)
        if enum is None:
            f.line(f"for {it} in _foreach_iter({iterable}):", st)
        else:
            f.line(f"while {enum}.MoveNext():")
        f.level += 1
        if enum is not None:
            f.line(f"{it} = {enum}.Current")
        key = st.variable.key
        if st.variable.scope is None:
            f.line(f"L[{key!r}] = {it}")
        else:
            f.line(f"_setvar_scoped(ctx, S, {st.variable.scope!r}, {st.variable.name!r}, {it})")
        self._loop_body(st.body, st.label, st)
        f.level -= 1
        if enum is not None:
            self.close_loop_enumerator("foreach")

    def open_loop_enumerator(self, key: str, body, items: str, node) -> str | None:
        """When the loop body reads ``$foreach``/``$switch``, drive the loop with a visible
        enumerator (MoveNext/Current/Reset act on the loop) and open a try whose finally
        restores the variable; else None and the loop stays a plain Python ``for``."""
        if not A.mentions_variable(body, key):
            return None
        f = self.fn
        enum, saved = f.temp(), f.temp()
        f.line(f"{enum} = _loop_enum({items})", node)
        f.line(f"{saved} = L.get({key!r}, _NOARG)")
        f.line(f"L[{key!r}] = {enum}")
        f.line("try:")
        f.level += 1
        f.loop_enum_saved.append(saved)
        return enum

    def close_loop_enumerator(self, key: str) -> None:
        f = self.fn
        saved = f.loop_enum_saved.pop()
        f.level -= 1
        f.line("finally:")
        f.line(f"    _restore_local(L, {key!r}, {saved})")

    def foreach_iterable(self, st) -> str:
        if isinstance(st, A.Pipeline) and len(st.elements) == 1 and isinstance(
                st.elements[0], A.CommandExpression):
            e = st.elements[0].expression
            if isinstance(e, A.Binary) and e.operator == "..":
                return f"_range_lazy({self.expr(e.left)}, {self.expr(e.right)})"
            if isinstance(e, A.Paren) and isinstance(e.pipeline, A.Pipeline):
                return self.foreach_iterable(e.pipeline)
        return self.statement_value(st)

    def st_For(self, st: A.For) -> None:
        f = self.fn
        if st.init is not None:
            # the initializer's output is discarded, like the iterator's (about_For)
            name = self.compile_statements_function([st.init], [], "init", in_block=False)
            f.line(f"{name}(ctx, S, _NULLSINK)", st.init)
        cond = "True" if st.condition is None else self.truth(st.condition)
        f.line(f"while {cond}:", st)
        f.level += 1
        iter_code = None
        if st.iterator is not None:
            name = self.compile_statements_function([st.iterator], [], "iter",
                                                    in_block=False)
            iter_code = f"{name}(ctx, S, _NULLSINK)"
        self._loop_body(st.body, st.label, st, continue_code=None, kind="for")
        if iter_code:
            f.line(iter_code)
        f.level -= 1

    def st_While(self, st: A.While) -> None:
        f = self.fn
        f.line(f"while {self.truth(st.condition)}:", st)
        f.level += 1
        self._loop_body(st.body, st.label, st)
        f.level -= 1

    def st_DoLoop(self, st: A.DoLoop) -> None:
        f = self.fn
        f.line("while True:", st)
        f.level += 1
        # kind "for": a continue must still reach the condition below
        self._loop_body(st.body, st.label, st, kind="for")
        cond = self.truth(st.condition)
        f.line(f"if {'' if st.until else 'not '}{cond}: break")
        f.level -= 1

    def st_Switch(self, st: A.Switch) -> None:
        f = self.fn
        flags = st.flags
        mode = "regex" if flags.get("regex") else "wildcard" if flags.get("wildcard") else "exact"
        cs = bool(flags.get("casesensitive"))
        if flags.get("file"):
            items = f"_switch_file(ctx, {self.expr(st.condition)})"
        else:
            items = f"_switch_items({self.statement_value(st.condition)})"
        it = f.temp()
        matched = f.temp()
        enum = self.open_loop_enumerator("switch", [st.clauses, st.default], items, st)
        if enum is None:
            f.line(f"for {it} in {items}:", st)
        else:
            f.line(f"while {enum}.MoveNext():")
        f.level += 1
        if enum is not None:
            f.line(f"{it} = {enum}.Current")
        f.line(f"L['_'] = {it}")
        f.line(f"{matched} = False")
        f.line("try:")
        f.level += 1
        f.loops.append("switch")
        for pattern, body in st.clauses:
            if isinstance(pattern, A.ScriptBlockExpression):
                test = f"_switch_sb(ctx, S, {self.expr(pattern)}, {it})"
            else:
                test = f"_switch_test({mode!r}, {cs}, {it}, {self.expr(pattern)}, L)"
            f.line(f"if {test}:", pattern)
            f.level += 1
            f.line(f"{matched} = True")
            self.statements(body.statements, body.traps)
            f.level -= 1
        if st.default is not None:
            f.line(f"if not {matched}:")
            f.level += 1
            self.statements(st.default.statements, st.default.traps)
            f.level -= 1
        f.loops.pop()
        f.level -= 1
        label = st.label.lower() if st.label else None
        f.line("except _Break as _b:")
        f.line(f"    if _b.label is None or _b.label == {label!r}: break")
        f.line("    raise")
        f.line("except _Continue as _c:")
        f.line(f"    if _c.label is not None and _c.label != {label!r}: raise")
        f.level -= 1
        if enum is not None:
            self.close_loop_enumerator("switch")

    def _label(self, label) -> str:
        if label is None:
            return "None"
        if isinstance(label, A.StringConstant):
            return repr(label.value.lower())
        return f"_str({self.expr(label)}).lower()"

    def st_Break(self, st: A.Break) -> None:
        if st.label is None and self.fn.loops:
            self.fn.line("break", st)
        else:
            self.fn.line(f"raise _Break({self._label(st.label)})", st)

    def st_Continue(self, st: A.Continue) -> None:
        if st.label is None and self.fn.loops and self.fn.loops[-1] != "for":
            self.fn.line("continue", st)
        else:
            self.fn.line(f"raise _Continue({self._label(st.label)})", st)

    def st_Return(self, st: A.Return) -> None:
        if self.in_method:
            value = self.statement_value(st.pipeline) if st.pipeline is not None else "None"
            if self.fn.in_block:
                self.fn.line(f"return {value}", st)
            else:
                self.fn.line(f"raise _MethodReturn({value})", st)
            return
        if st.pipeline is not None:
            self.statement(st.pipeline)
        if self.fn.in_block:
            self.fn.line("return", st)
        else:
            self.fn.line("raise _Return()", st)

    def st_Exit(self, st: A.Exit) -> None:
        code = self.statement_value(st.pipeline) if st.pipeline is not None else "None"
        self.fn.line(f"raise _Exit({code})", st)

    def st_Throw(self, st: A.Throw) -> None:
        value = self.statement_value(st.pipeline) if st.pipeline is not None else "_NOARG"
        self.fn.line(f"raise _throw(ctx, S, {value})", st)

    def st_Try(self, st: A.Try) -> None:
        f = self.fn
        if st.catches:
            # errors inside the try body, also in the commands it calls, go to its catches
            f.line("ctx.catch_depth += 1", st)
        f.line("try:", st)
        f.level += 1
        if st.catches:
            f.line("try:")
            f.level += 1
        self.statements(st.body.statements, st.body.traps)
        if st.catches:
            f.level -= 1
            f.line("finally:")
            f.line("    ctx.catch_depth -= 1")
        f.level -= 1
        if st.catches:
            f.line("except Exception as _e:")
            f.level += 1
            f.line("_e = _as_ps_error(ctx, _e)")
            first = True
            for c in st.catches:
                if c.types:
                    k = self.u.const(c.types)
                    f.line(f"{'if' if first else 'elif'} _catch_matches(_e, {k}):")
                else:
                    f.line("if True:" if first else "else:")
                f.level += 1
                f.line("_enter_catch(ctx, S, _e)")
                self.statements(c.body.statements, c.body.traps)
                f.level -= 1
                first = False
                if not c.types:
                    break
            else:
                f.line("else:")
                f.line("    raise _e")
            f.level -= 1
        if st.finally_block is not None:
            f.line("finally:")
            f.level += 1
            self.statements(st.finally_block.statements, st.finally_block.traps)
            f.level -= 1

    def st_Trap(self, st) -> None:
        pass

    def st_FunctionDefinition(self, st: A.FunctionDefinition) -> None:
        info = self.scriptblock_info(st.body, st.parameters, st.name, st.is_filter, braced=True)
        self.fn.line(f"_define_function(ctx, S, {st.name!r}, {info})", st)

    def scriptblock_info(self, body: A.ScriptBlock, extra_params=None, name=None,
                         is_filter=False, method: bool = False, braced: bool = False) -> str:
        """Compile a script block once; ``braced``: its extent includes the ``{ }``, which
        its text (ToString, ``${function:f}``) leaves out, as pwsh does."""
        from ..runtime.scriptblock import ScriptBlockInfo
        saved_method, self.in_method = self.in_method, method
        try:
            names = self.compile_scriptblock(body)
        finally:
            self.in_method = saved_method
        params = None
        if body.param_block is not None:
            params = body.param_block.parameters
        elif extra_params is not None:
            params = extra_params
        param_defaults = {}
        for p in params or []:
            if p.default is not None:
                fb = self.new_function("dflt", "ctx, S", in_block=False)
                saved = self.fn
                self.fn = fb
                fb.line(f"return {self.expr(p.default)}", p.default)
                self.fn = saved
                fb.finish()
                param_defaults[p.variable.key] = fb.name
        text = self.u.src[body.start + 1:body.end - 1] if braced else \
            self.u.src[body.start:body.end]
        info = ScriptBlockInfo(body, params, name, is_filter, text,
                               (self.u.src, body.start, body.end, self.u.filename))
        k = self.u.const(info)
        self.u.lines.append(
            f"{k}.bind_code({', '.join(f'{b}={n}' for b, n in names.items())}"
            f"{', ' if names else ''}defaults={{{', '.join(f'{d!r}: {n}' for d, n in param_defaults.items())}}})")
        return k

    def st_EnumDefinition(self, st: A.EnumDefinition) -> None:
        members = []
        for name, value in st.members:
            members.append(f"({name!r}, {self.expr(value) if value is not None else 'None'})")
        self.fn.line(f"_define_enum(ctx, {st.name!r}, [{', '.join(members)}], {st.is_flags!r}, "
                     f"{st.base_type!r})", st)

    def st_ClassDefinition(self, st: A.ClassDefinition) -> None:
        from ..runtime.classes import ClassInfo
        methods = []
        for m in st.methods:
            info = self.scriptblock_info(m.body, m.parameters, m.name, method=True)
            base = "None"
            if m.base_args is not None:
                # ': base(...)' arguments, evaluated in the constructor's scope
                fb = self.new_function("base", "ctx, S", in_block=False)
                saved = self.fn
                self.fn = fb
                fb.line(f"return [{', '.join(self.expr(a) for a in m.base_args)}]", m)
                self.fn = saved
                fb.finish()
                base = fb.name
            methods.append((m, info, base))
        props = []
        for p in st.properties:
            d = "None"
            if p.default is not None:
                fb = self.new_function("pdef", "ctx, S", in_block=False)
                saved = self.fn
                self.fn = fb
                fb.line(f"return {self.expr(p.default)}", p.default)
                self.fn = saved
                fb.finish()
                d = fb.name
            props.append((p, d))
        k = self.u.const(ClassInfo(st))
        meth = ", ".join(f"({self.u.const(m)}, {i}, {b})" for m, i, b in methods)
        prop = ", ".join(f"({self.u.const(p)}, {d})" for p, d in props)
        self.fn.line(f"_define_class(ctx, S, {k}, [{meth}], [{prop}])", st)

    def st_Using(self, st) -> None:
        self.fn.line("pass", st)

    def st_DataStatement(self, st) -> None:
        self.statements(st.body.statements, st.body.traps)

    def st_StatementBlock(self, st) -> None:
        self.statements(st.statements, st.traps)

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
        for p in e.parts:
            if isinstance(p, str):
                parts.append(repr(p))
            else:
                parts.append(f"_str({self.expr(p)})")
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
            return f"(L[{key!r}] if {key!r} in L else _lookup(ctx, S, {key!r}))"
        return f"_getvar_scoped(ctx, S, {path.scope!r}, {path.name!r})"

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


def _is_expression_statement(st) -> bool:
    """An expression or an assignment of one: no command sets $? for it."""
    if isinstance(st, A.Assignment):
        st = st.value
    return isinstance(st, A.Pipeline) and len(st.elements) == 1 and isinstance(
        st.elements[0], A.CommandExpression)


# automatic variables that are constants in every scope (about_Automatic_Variables)
_CONSTANT_AUTOMATICS = frozenset((
    "true", "false", "pid", "host", "home", "pshome", "shellid", "psversiontable",
    "executioncontext", "iscoreclr", "islinux", "ismacos", "iswindows"))

# statements that cannot fail, left without an error guard
_UNGUARDED_STATEMENTS = (A.FunctionDefinition, A.Trap, A.Break, A.Continue)


def compile_script(sb: A.ScriptBlock, src: str, filename: str | None = None):
    """Compile a parsed script; returns the ScriptBlockInfo for its top level."""
    unit = CompileUnit(src, filename)
    comp = Compiler(unit)
    info_name = comp.scriptblock_info(sb)
    from ..runtime.scriptblock import load_unit
    ns = load_unit(unit)
    return ns[info_name]


def _hoist_type_definitions(stmts: list) -> list:
    """Enum and class definitions first, base classes before the classes deriving from them:
    PowerShell defines a script's types when it is parsed, so code above a class can use it."""
    defs = [st for st in stmts if isinstance(st, (A.ClassDefinition, A.EnumDefinition))]
    if not defs:
        return stmts
    ordered = [d for d in defs if isinstance(d, A.EnumDefinition)]
    classes = {d.name.lower(): d for d in defs if isinstance(d, A.ClassDefinition)}
    placed: set[str] = set()

    def place(name: str, seen: tuple = ()) -> None:
        cls = classes.get(name)
        if cls is None or name in placed or name in seen:
            return
        for base in cls.base_types[:1]:
            place(base.lower(), (*seen, name))
        placed.add(name)
        ordered.append(cls)
    for name in classes:
        place(name)
    return ordered + [st for st in stmts if st not in defs]


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

