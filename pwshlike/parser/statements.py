"""Statements: control flow, functions, try/trap, class and enum definitions.

A mixin of :class:`pwshlike.parser.parser.Parser`; token access and error recording live
there, pipelines and expressions in :mod:`.expressions`.
"""
from __future__ import annotations

from ..lexer import tokens as T
from ..lexer.tokenizer import CMD, EXPR
from . import ast as A
from .grammar import LOOP_KEYWORDS, PIPE_END, SWITCH_MODES, StatementAbort


class StatementParser:
    # --- statements ------------------------------------------------------------------------------
    def parse_statement_list(self) -> tuple[list, list]:
        stmts, traps = [], []
        while True:
            self.skip_newlines_and_semis()
            tok = self.peek(EXPR)
            if tok.kind in (T.RCURLY, T.RPAREN, T.EOF_):
                return stmts, traps
            err_count = len(self.errors)
            try:
                stmt = self.parse_statement()
            except StatementAbort:
                self.recover(err_count)
                continue
            if isinstance(stmt, A.Trap):
                traps.append(stmt)
            elif stmt is not None:
                stmts.append(stmt)

    def recover(self, err_count: int) -> None:
        """Resume after an error: at a ``;`` where the statement stopped, else on the next
        line (at EOF on incomplete input), so later errors are reported too."""
        if any(e[4] for e in self.errors[err_count:]):
            self.pos = len(self.src)
            return
        n = len(self.src)
        p = self.pos
        while p < n and self.src[p] in " \t":
            p += 1
        if p < n and self.src[p] == ";":
            self.pos = p + 1
            return
        start = self.pos
        while self.pos < n and self.src[self.pos] not in "\r\n":
            self.pos += 1
        if self.pos == start and self.pos < n and self.src[self.pos] not in "\r\n":
            self.pos += 1
        if self.pos < n and self.src[self.pos] in ")}" and self.pos == start:
            self.pos += 1

    def parse_statement(self):
        tok = self.peek(EXPR)
        start = tok.start
        label = None
        if tok.kind == T.OPERATOR and tok.value == ":" and self.pos + 1 < len(self.src) and (
                self.src[tok.end].isalnum() or self.src[tok.end] == "_"):
            end = tok.end
            while end < len(self.src) and (self.src[end].isalnum() or self.src[end] == "_"):
                end += 1
            label = self.src[tok.end:end]
            self.pos = end
            self.pos = self.tz.skip_trivia(self.pos, newlines=True)
            tok = self.peek(EXPR)
            if not self.is_word(tok, *LOOP_KEYWORDS):
                return self.parse_pipeline_chain()
        if tok.kind == T.LBRACKET and label is None:
            defn = self.try_attributed_type_definition(start)
            if defn is not None:
                return defn
        if tok.kind == T.GENERIC and not tok.expandable:
            word = tok.value.lower()
            handler = _KEYWORD_HANDLERS.get(word)
            if handler is not None:
                self.advance(tok)
                if word in LOOP_KEYWORDS:
                    return handler(self, start, label)
                return handler(self, start)
        return self.parse_pipeline_chain()

    def parse_block(self, keyword: str) -> A.StatementBlock:
        self.skip_newlines()
        tok = self.peek(EXPR)
        if tok.kind != T.LCURLY:
            if keyword in ("for", "while", "do"):
                self.error("MissingLoopStatement", f"Missing statement body in {keyword} loop.",
                           tok.start, tok.start, tok.kind == T.EOF_)
            if keyword == "foreach":
                self.error("MissingForeachStatement",
                           "Missing statement body in foreach loop.", tok.start, tok.start,
                           tok.kind == T.EOF_)
            self.error("MissingStatementBlock" if keyword != "try" else "MissingTryStatementBlock",
                       f"Missing statement block after '{keyword}'.", tok.start, tok.start,
                       tok.kind == T.EOF_)
        self.advance(tok)
        stmts, traps = self.parse_statement_list()
        self.expect_close_curly(tok.start)
        return A.StatementBlock(tok.start, self.pos, stmts, traps)

    def parse_condition(self, keyword: str) -> A.Node:
        self.skip_newlines()
        tok = self.peek(EXPR)
        if tok.kind != T.LPAREN:
            self.error("MissingOpenParenthesisInIfStatement" if keyword == "if" else
                       "MissingOpenParenthesisAfterKeyword",
                       f"Missing '(' after '{keyword}' in {keyword} statement.", tok.start,
                       tok.start, tok.kind == T.EOF_)
        self.advance(tok)
        self.skip_newlines()
        if self.peek(EXPR).kind == T.RPAREN:
            self.error("IfStatementMissingCondition" if keyword == "if" else
                       "MissingExpressionAfterKeyword",
                       f"Missing condition in {keyword} statement after '{keyword} ('.",
                       self.pos, self.pos)
        cond = self.parse_pipeline_chain()
        self.skip_newlines()
        close = self.peek(EXPR)
        if close.kind != T.RPAREN:
            self.error("MissingEndParenthesisAfterStatement",
                       f"Missing closing ')' after expression in '{keyword}' statement.",
                       close.start, close.start, close.kind == T.EOF_)
        self.advance(close)
        return cond

    def parse_if(self, start: int):
        clauses = []
        cond = self.parse_condition("if")
        clauses.append((cond, self.parse_block("if")))
        else_block = None
        while True:
            save = self.pos
            self.skip_newlines()
            tok = self.peek(EXPR)
            if self.is_word(tok, "elseif"):
                self.advance(tok)
                cond = self.parse_condition("elseif")
                clauses.append((cond, self.parse_block("elseif")))
            elif self.is_word(tok, "else"):
                self.advance(tok)
                else_block = self.parse_block("else")
                break
            else:
                self.pos = save
                break
        return A.If(start, self.pos, clauses, else_block)

    def parse_switch(self, start: int, label):
        flags = {}
        condition = None
        while True:
            self.skip_newlines()
            tok = self.peek(CMD)
            if tok.kind == T.PARAMETER:
                name = tok.value.lower()
                self.advance(tok)
                for full in ("regex", "wildcard", "exact", "casesensitive", "file", "parallel"):
                    if full.startswith(name):
                        if full in SWITCH_MODES:   # -Regex/-Wildcard/-Exact: the last one wins
                            for mode in SWITCH_MODES:
                                flags.pop(mode, None)
                        flags[full] = True
                        if full == "file":
                            self.skip_newlines()
                            condition = self.parse_command_argument(allow_comma=False)
                        break
                else:
                    self.error("InvalidSwitchFlag", f"'{tok.value}' is not a valid switch flag.",
                               tok.start, tok.end)
                continue
            break
        if condition is None:
            tok = self.peek(EXPR)
            if tok.kind != T.LPAREN:
                self.error("PipelineValueRequired", "Missing expression after 'switch'.",
                           tok.start, tok.start, tok.kind == T.EOF_)
            self.advance(tok)
            self.skip_newlines()
            condition = self.parse_pipeline_chain()
            self.skip_newlines()
            self.expect(T.RPAREN, "MissingEndParenthesisInSwitchStatement",
                        "Missing ')' in switch statement.")
        self.skip_newlines()
        lc = self.expect(T.LCURLY, "MissingCurlyBraceInSwitchStatement",
                         "Missing '{' in switch statement.")
        clauses, default = [], None
        while True:
            self.skip_newlines_and_semis()
            if self.closes(T.RCURLY, lc.start, CMD):
                break
            tok = self.peek(CMD)
            if self.is_word(tok, "default"):
                self.advance(tok)
                if default is not None:
                    self.error("MultipleSwitchDefaultClauses",
                               "The switch statement can have only one default clause.",
                               tok.start, tok.end)
                default = self.parse_block("default")
                continue
            pattern = self.parse_command_argument(allow_comma=False)
            body = self.parse_block("switch")
            clauses.append((pattern, body))
        return A.Switch(start, self.pos, label, flags, condition, clauses, default)

    def parse_foreach(self, start: int, label):
        self.skip_newlines()
        tok = self.peek(CMD)
        if tok.kind == T.PARAMETER and "parallel".startswith(tok.value.lower()):
            self.advance(tok)
            self.skip_newlines()
        lp = self.peek(EXPR)
        if lp.kind != T.LPAREN:
            self.error("MissingOpenParenthesisAfterKeyword",
                       "Missing opening '(' after keyword 'foreach'.", lp.start, lp.start,
                       lp.kind == T.EOF_)
        self.advance(lp)
        self.skip_newlines()
        var = self.peek(EXPR)
        if var.kind != T.VARIABLE:
            self.error("MissingVariableNameAfterForeach",
                       "Missing variable name after foreach.", var.start, var.start,
                       var.kind == T.EOF_)
        self.advance(var)
        self.skip_newlines()
        kw = self.peek(EXPR)
        if not self.is_word(kw, "in"):
            self.error("MissingInInForeach", "Missing 'in' after variable in foreach loop.",
                       kw.start, kw.start, kw.kind == T.EOF_)
        self.advance(kw)
        self.skip_newlines()
        iterable = self.parse_pipeline_chain()
        self.skip_newlines()
        self.expect(T.RPAREN, "MissingEndParenthesisAfterForeach",
                    "Missing closing ')' after expression in 'foreach' statement.")
        body = self.parse_block("foreach")
        return A.ForEach(start, self.pos, label, var.value, iterable, body)

    def parse_for(self, start: int, label):
        self.skip_newlines()
        self.expect(T.LPAREN, "MissingOpenParenthesisAfterKeyword",
                    "Missing opening '(' after keyword 'for'.")
        parts = []
        for i in range(3):
            self.pos = self.tz.skip_trivia(self.pos, newlines=True)
            tok = self.peek(EXPR)
            if tok.kind in (T.SEMI, T.RPAREN):
                parts.append(None)
            else:
                parts.append(self.parse_pipeline_chain())
            self.pos = self.tz.skip_trivia(self.pos, newlines=False)
            tok = self.peek(EXPR)
            if i < 2 and tok.kind in (T.SEMI, T.NEWLINE):
                self.advance(tok)
            elif tok.kind == T.RPAREN:
                while len(parts) < 3:
                    parts.append(None)
                break
        self.skip_newlines()
        self.expect(T.RPAREN, "MissingEndParenthesisAfterStatement",
                    "Missing closing ')' after expression in 'for' statement.")
        body = self.parse_block("for")
        return A.For(start, self.pos, label, parts[0], parts[1], parts[2], body)

    def parse_while(self, start: int, label):
        cond = self.parse_condition("while")
        body = self.parse_block("while")
        return A.While(start, self.pos, label, cond, body)

    def parse_do(self, start: int, label):
        body = self.parse_block("do")
        self.skip_newlines()
        tok = self.peek(EXPR)
        if not self.is_word(tok, "while", "until"):
            self.error("MissingWhileOrUntilInDoWhile",
                       "Missing 'while' or 'until' in do loop.", tok.start, tok.start,
                       tok.kind == T.EOF_)
        self.advance(tok)
        until = tok.value.lower() == "until"
        cond = self.parse_condition(tok.value.lower())
        return A.DoLoop(start, self.pos, label, body, cond, until)

    def _optional_pipeline(self):
        self.pos = self.tz.skip_trivia(self.pos)
        tok = self.peek(EXPR)
        if tok.kind in PIPE_END and tok.kind != T.PIPE:
            return None
        return self.parse_pipeline_chain()

    def _keyword_with_pipeline(self, node_class, start):
        """return/exit/throw: the statement's extent ends after its (optional) pipeline."""
        keyword_end = self.pos
        pipeline = self._optional_pipeline()
        return node_class(start, pipeline.end if pipeline is not None else keyword_end, pipeline)

    def parse_return(self, start):
        return self._keyword_with_pipeline(A.Return, start)

    def parse_exit(self, start):
        return self._keyword_with_pipeline(A.Exit, start)

    def parse_throw(self, start):
        return self._keyword_with_pipeline(A.Throw, start)

    def _label_operand(self):
        self.pos = self.tz.skip_trivia(self.pos)
        tok = self.peek(CMD)
        if tok.kind in PIPE_END:
            return None
        return self.parse_command_argument(allow_comma=False)

    def parse_break(self, start):
        label = self._label_operand()
        return A.Break(start, self.pos, label)

    def parse_continue(self, start):
        label = self._label_operand()
        return A.Continue(start, self.pos, label)

    def parse_try(self, start):
        body = self.parse_block("try")
        catches = []
        finally_block = None
        while True:
            save = self.pos
            self.skip_newlines()
            tok = self.peek(EXPR)
            if self.is_word(tok, "catch"):
                self.advance(tok)
                types = []
                while True:
                    self.skip_newlines()
                    if self.peek(EXPR).kind == T.LBRACKET:
                        self.advance(self.peek(EXPR))
                        name, ts = self.scan_type_name_text()
                        types.append(self.finish_type_name(name, ts))
                        self.skip_newlines()
                        if self.peek(EXPR).kind == T.COMMA:
                            self.advance(self.peek(EXPR))
                            continue
                    break
                block = self.parse_block("catch")
                catches.append(A.Catch(tok.start, self.pos, types, block))
            elif self.is_word(tok, "finally"):
                self.advance(tok)
                finally_block = self.parse_block("finally")
                break
            else:
                self.pos = save
                break
        if not catches and finally_block is None:
            self.error("MissingCatchOrFinally", "The Try statement is missing its Catch or "
                       "Finally block.", self.pos, self.pos, self.pos >= len(self.src.rstrip()))
        return A.Try(start, self.pos, body, catches, finally_block)

    def parse_trap(self, start):
        self.skip_newlines()
        type_name = None
        if self.peek(EXPR).kind == T.LBRACKET:
            self.advance(self.peek(EXPR))
            name, ts = self.scan_type_name_text()
            type_name = self.finish_type_name(name, ts)
        body = self.parse_block("trap")
        return A.Trap(start, self.pos, type_name, body)

    def parse_function(self, start, is_filter=False):
        self.pos = self.tz.skip_trivia(self.pos)
        tok = self.peek(CMD)
        if tok.kind not in (T.GENERIC, T.STRING) or tok.expandable:
            self.error("MissingNameAfterKeyword", "Missing name after function keyword.",
                       tok.start, tok.start, tok.kind == T.EOF_)
        self.advance(tok)
        name = tok.value
        self.skip_newlines()
        params = None
        tok = self.peek(EXPR)
        if tok.kind == T.LPAREN:
            self.advance(tok)
            params = self.parse_parameter_list(tok.start)
            self.skip_newlines()
            tok = self.peek(EXPR)
        if tok.kind != T.LCURLY:
            self.error("MissingFunctionBody", "Function declaration not valid: the function "
                       "body is missing.", tok.start, tok.start, tok.kind == T.EOF_)
        self.advance(tok)
        body = self.parse_script_block_body(tok.start, is_filter=is_filter)
        self.expect_close_curly(tok.start)
        body.end = self.pos
        return A.FunctionDefinition(start, self.pos, name, is_filter, params, body)

    def parse_filter(self, start):
        return self.parse_function(start, is_filter=True)

    def parse_using(self):
        tok = self.advance(self.peek(EXPR))
        self.pos = self.tz.skip_trivia(self.pos)
        kind_tok = self.peek(CMD)
        self.advance(kind_tok)
        self.pos = self.tz.skip_trivia(self.pos)
        name_tok = self.peek(CMD)
        if name_tok.kind in PIPE_END:
            self.error("MissingUsingItemName", "The using statement requires a name.",
                       name_tok.start, name_tok.start)
        self.advance(name_tok)
        return A.Using(tok.start, self.pos, str(kind_tok.value).lower(),
                       name_tok.value if isinstance(name_tok.value, str) else name_tok.text)

    def parse_using_statement(self, start):
        self.error("UsingMustBeAtStartOfScript",
                   "The 'using' statement must appear before any other statements in a script.",
                   start, self.pos, abort=True)


    def parse_enum(self, start):
        self.pos = self.tz.skip_trivia(self.pos)
        name_tok = self.peek(EXPR)
        if name_tok.kind != T.GENERIC:
            self.error("MissingNameAfterKeyword", "Missing name after enum keyword.",
                       name_tok.start, name_tok.start, name_tok.kind == T.EOF_)
        self.advance(name_tok)
        base = None
        self.skip_newlines()
        if self.peek(EXPR).kind == T.OPERATOR and self.peek(EXPR).value == ":":
            self.advance(self.peek(EXPR))
            self.skip_newlines()
            btok = self.advance(self.peek(EXPR))
            base = btok.value
            self.skip_newlines()
        lc = self.expect(T.LCURLY, "MissingTypeBody", "Missing '{' in enum definition.")
        members = []
        while True:
            self.skip_newlines_and_semis()
            tok = self.peek(EXPR)
            if tok.kind == T.RCURLY:
                self.advance(tok)
                break
            if tok.kind != T.GENERIC:
                self.error("MissingEndCurlyBrace",
                           "Missing closing '}' in statement block or type definition.",
                           lc.start, lc.start + 1, tok.kind == T.EOF_)
            self.advance(tok)
            value = None
            self.pos = self.tz.skip_trivia(self.pos)
            eq = self.peek(EXPR)
            if eq.kind == T.OPERATOR and eq.value == "=":
                self.advance(eq)
                value = self.parse_expression()
            members.append((tok.value, value))
        return A.EnumDefinition(start, self.pos, name_tok.value, base, members, False)

    def parse_class(self, start):
        self.pos = self.tz.skip_trivia(self.pos)
        name_tok = self.peek(EXPR)
        if name_tok.kind != T.GENERIC:
            self.error("MissingNameAfterKeyword", "Missing name after class keyword.",
                       name_tok.start, name_tok.start, name_tok.kind == T.EOF_)
        self.advance(name_tok)
        bases = []
        self.skip_newlines()
        if self.peek(EXPR).kind == T.OPERATOR and self.peek(EXPR).value == ":":
            self.advance(self.peek(EXPR))
            while True:
                self.skip_newlines()
                name, name_start = self.scan_type_name_text()
                if self.adjacent("["):
                    # generic interface: IEquatable[Object]
                    depth, p = 0, self.pos
                    while p < len(self.src):
                        depth += {"[": 1, "]": -1}.get(self.src[p], 0)
                        p += 1
                        if depth == 0:
                            break
                    self.pos = p
                    name = self.src[name_start:p]
                bases.append(name)
                self.skip_newlines()
                if self.peek(EXPR).kind == T.COMMA:
                    self.advance(self.peek(EXPR))
                    continue
                break
        lc = self.expect(T.LCURLY, "MissingTypeBody", "Missing '{' in class definition.")
        props, methods = [], []
        while True:
            self.skip_newlines_and_semis()
            if self.closes(T.RCURLY, lc.start):
                break
            tok = self.peek(EXPR)
            mstart = tok.start
            is_static = is_hidden = False
            type_name = None
            attributes = []
            while True:
                tok = self.peek(EXPR)
                if self.is_word(tok, "static"):
                    is_static = True
                    self.advance(tok)
                elif self.is_word(tok, "hidden"):
                    is_hidden = True
                    self.advance(tok)
                elif tok.kind == T.LBRACKET:
                    attr = self.parse_attribute()
                    if isinstance(attr, A.TypeConstraint):
                        type_name = attr.type_name
                    else:
                        attributes.append(attr)
                else:
                    break
                self.skip_newlines()
            tok = self.peek(EXPR)
            if tok.kind == T.VARIABLE:
                self.advance(tok)
                default = None
                self.pos = self.tz.skip_trivia(self.pos)
                eq = self.peek(EXPR)
                if eq.kind == T.OPERATOR and eq.value == "=":
                    self.advance(eq)
                    self.skip_newlines()
                    default = self.parse_expression()
                props.append(A.ClassProperty(mstart, self.pos, tok.value.name, type_name, default,
                                             is_static, is_hidden, attributes))
            elif tok.kind == T.GENERIC:
                self.advance(tok)
                self.skip_newlines()
                lp = self.expect(T.LPAREN, "MissingMethodParameterList",
                                 "Missing '(' in method definition.")
                params = self.parse_parameter_list(lp.start)
                self.skip_newlines()
                base_args = None
                if self.peek(EXPR).kind == T.OPERATOR and self.peek(EXPR).value == ":":
                    base_args = self.parse_base_call()
                bl = self.expect(T.LCURLY, "MissingFunctionBody",
                                 "Missing method body.")
                body = self.parse_script_block_body(bl.start)
                self.expect_close_curly(bl.start)
                is_ctor = tok.value.lower() == name_tok.value.lower()
                methods.append(A.ClassMethod(mstart, self.pos, tok.value, type_name, params, body,
                                             is_static, is_ctor, base_args, tok.start))
            else:
                self.error("MissingEndCurlyBrace",
                           "Missing closing '}' in statement block or type definition.",
                           lc.start, lc.start + 1, tok.kind == T.EOF_)
        cls = A.ClassDefinition(start, self.pos, name_tok.value, bases, props, methods)
        from .class_checks import check_class
        for error in check_class(cls):
            self.error(*error, abort=False)
        return cls

    def parse_base_call(self) -> list:
        """``: base(args)`` after a constructor's parameter list; returns the argument
        expressions (evaluated in the constructor's scope before its body runs)."""
        self.advance(self.peek(EXPR))
        self.skip_newlines()
        tok = self.peek(EXPR)
        if not self.is_word(tok, "base"):
            self.error("MissingBaseCtorCall", "Missing 'base' keyword in base constructor call.",
                       tok.start, tok.end, tok.kind == T.EOF_)
        self.advance(tok)
        self.skip_newlines()
        lp = self.expect(T.LPAREN, "MissingMethodParameterList",
                         "Missing '(' in base constructor call.")
        args = []
        while True:
            self.skip_newlines()
            if self.closes(T.RPAREN, lp.start, method_call=True):
                break
            tok = self.peek(EXPR)
            args.append(self.parse_expression(comma=False))
            self.skip_newlines()
            tok = self.peek(EXPR)
            if tok.kind == T.COMMA:
                self.advance(tok)
            elif tok.kind != T.RPAREN:
                self.error("MissingEndParenthesisInMethodCall",
                           "Missing closing ')' after expression in method call.",
                           tok.start, tok.start, tok.kind == T.EOF_)
        self.skip_newlines()
        return args

    def parse_data(self, start):
        self.skip_newlines()
        body = self.parse_block("data")
        return A.DataStatement(start, self.pos, None, body)

    def parse_unsupported_keyword(self, start):
        word = self.src[start:self.pos]
        self.error("ReservedKeywordNotAllowed",
                   f"The '{word}' keyword is not supported in this version of the language.",
                   start, self.pos)


_KEYWORD_HANDLERS = {
    "if": StatementParser.parse_if, "switch": StatementParser.parse_switch, "foreach": StatementParser.parse_foreach,
    "for": StatementParser.parse_for, "while": StatementParser.parse_while, "do": StatementParser.parse_do,
    "return": StatementParser.parse_return, "exit": StatementParser.parse_exit, "throw": StatementParser.parse_throw,
    "break": StatementParser.parse_break, "continue": StatementParser.parse_continue, "try": StatementParser.parse_try,
    "trap": StatementParser.parse_trap, "function": StatementParser.parse_function,
    "filter": StatementParser.parse_filter, "enum": StatementParser.parse_enum, "class": StatementParser.parse_class,
    "using": StatementParser.parse_using_statement, "data": StatementParser.parse_data,
    "workflow": StatementParser.parse_unsupported_keyword,
    "configuration": StatementParser.parse_unsupported_keyword,
}
