"""Statements → generated Python: pipelines and commands, assignment, control flow, loops,
switch, try/trap, function/class/enum definitions.

A mixin of :class:`pwshlike.compiler.codegen.Compiler`; expressions are in
:mod:`.expressions`.
"""
from __future__ import annotations

from ..lexer.tokens import VariablePath
from ..parser import ast as A
from .direct import compile_direct

_COMPOUND = {"+=": "_add", "-=": "_sub", "*=": "_mul", "/=": "_div", "%=": "_mod"}


class StatementCompiler:
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
            e = first.expression
            if len(elements) > 1 and _is_range(e) and not first.redirections:
                # 1..N feeding commands is enumerated lazily, as pwsh does: never materialised
                input_code = f"_range_lazy({self.expr(e.left)}, {self.expr(e.right)})"
            else:
                input_code = self.expr(e)
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
        if _is_method_call_syntax(elements):
            args_code = f"_paren_call_args(S, {args_code})"
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
            key = target.path.key
            return f"(L[{key!r}] if {key!r} in L else _local_miss(ctx, S, {key!r}, " \
                   f"{target.path.name!r}))"
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
            f.line(f"if not (S.constraints or S.options): L[{key!r}] = {value}", node)
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
            if _is_range(e):
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
                # $_ is the error inside the catch block only (pwsh restores it after)
                saved = f.temp()
                f.line(f"{saved} = _enter_catch(ctx, S, _e)")
                f.line("try:")
                f.level += 1
                f.line("pass")
                self.statements(c.body.statements, c.body.traps)
                f.level -= 1
                f.line("finally:")
                f.line(f"    _leave_catch(S, {saved})")
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
        self.u.consts[info].def_start = st.start     # where comment-based help may precede it
        if not st.is_filter:
            params = st.body.param_block.parameters if st.body.param_block is not None else \
                st.parameters
            direct = compile_direct(self.u, params, st.body, st.name, info)
            if direct is not None:
                self.u.lines.append(f"{info}.direct = {direct}")
                self.u.lines.append(f"{info}.direct_arity = {len(params or [])}")
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


def hoist_type_definitions(stmts: list) -> list:
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


def _is_method_call_syntax(elements) -> bool:
    """``f(1,2)``: a command name followed, with no space between, by one parenthesised
    list.  It passes one array argument, but Set-StrictMode 2 rejects it (pwsh checks when
    the command runs, as the setting may change)."""
    if len(elements) != 2 or not isinstance(elements[1], A.Paren):
        return False
    pipeline = elements[1].pipeline
    return elements[0].end == elements[1].start and isinstance(pipeline, A.Pipeline) and \
        len(pipeline.elements) == 1 and isinstance(pipeline.elements[0], A.CommandExpression) \
        and isinstance(pipeline.elements[0].expression, A.ArrayLiteral)


def _is_range(e) -> bool:
    """``a..b``: enumerated lazily where only its items are wanted."""
    return isinstance(e, A.Binary) and e.operator == ".."
