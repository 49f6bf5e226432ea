"""Recursive-descent parser for PowerShell 7.

Structure follows pwsh's own parser: statement → pipeline chain → pipeline → command or
expression, with the tokenizer switched between expression and command mode by the rule
being parsed.  Errors are collected (with pwsh's error ids) rather than raised at once, so
a script reports all of them; ``incomplete`` marks input that merely stops too early.
"""
from __future__ import annotations

from ..errors import ParseError, ParseErrorInfo
from ..lexer import tokens as T
from ..lexer.numbers import ASCII_DIGITS
from ..lexer.tokenizer import CMD, EXPR, Tokenizer
from . import ast as A

_COMPARISON = {op for op in T.DASH_OPERATORS if op not in (
    "-and", "-or", "-xor", "-band", "-bor", "-bxor", "-not", "-bnot", "-f")}
BINARY_PRECEDENCE = {"-and": 1, "-or": 1, "-xor": 1, "-band": 2, "-bor": 2, "-bxor": 2,
                     "??": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6, "-f": 7, "..": 8}
BINARY_PRECEDENCE.update({op: 3 for op in _COMPARISON})

_PIPE_END = {T.NEWLINE, T.SEMI, T.RPAREN, T.RCURLY, T.EOF_, T.PIPE, T.AND_AND, T.OR_OR}
_UNARY_OPS = {"!", "-not", "-bnot", "-split", "-isplit", "-csplit", "-join", "-", "+", "++",
              "--", ","}
_LOOP_KEYWORDS = {"foreach", "for", "while", "do", "switch"}


_SWITCH_MODES = ("regex", "wildcard", "exact")

class _Abort(Exception):
    """Unwinds a statement after an error so parsing can resume at the next one."""


class Parser:
    def __init__(self, source: str, filename: str | None = None) -> None:
        self.src = source
        self.filename = filename
        self.errors: list = []
        self.tz = Tokenizer(source, self.errors)
        self.pos = 0
        self._cache_key = None
        self._cache_tok = None

    # --- token access -------------------------------------------------------------------
    def peek(self, mode: str = EXPR) -> T.Token:
        key = (self.pos, mode)
        if self._cache_key == key:
            return self._cache_tok
        n_err = len(self.errors)
        tok = self.tz.next_token(self.pos, mode)
        # errors from a look-ahead scan are only kept once the token is consumed
        tok_errors = self.errors[n_err:]
        del self.errors[n_err:]
        tok.errs = tok_errors if tok_errors else None  # type: ignore[attr-defined]
        self._cache_key, self._cache_tok = key, tok
        return tok

    def advance(self, tok: T.Token) -> T.Token:
        errs = tok.errs
        if errs:
            self.errors.extend(errs)
            tok.errs = None
        self.pos = tok.end
        return tok

    def skip_newlines(self) -> None:
        self.pos = self.tz.skip_trivia(self.pos, newlines=True)

    def skip_newlines_and_semis(self) -> None:
        while True:
            self.skip_newlines()
            if self.pos < len(self.src) and self.src[self.pos] == ";":
                self.pos += 1
            else:
                return

    def error(self, error_id: str, message: str, start: int, end: int | None = None,
              incomplete: bool = False, abort: bool = True) -> None:
        self.errors.append((error_id, message, start, end if end is not None else start,
                            incomplete))
        if abort:
            raise _Abort()

    def expect(self, kind: str, error_id: str, message: str, mode: str = EXPR) -> T.Token:
        tok = self.peek(mode)
        if tok.kind != kind:
            self.error(error_id, message, tok.start, tok.start, tok.kind == T.EOF_)
        return self.advance(tok)

    def adjacent(self, chars: str) -> bool:
        return self.pos < len(self.src) and self.src[self.pos] in chars

    def is_word(self, tok: T.Token, *words: str) -> bool:
        return tok.kind == T.GENERIC and not tok.expandable and isinstance(tok.value, str) \
            and tok.value.lower() in words

    # --- entry points ------------------------------------------------------------------------
    def parse_script(self) -> A.ScriptBlock:
        try:
            sb = self.parse_script_block_body(0, top_level=True)
        except _Abort:          # an error outside any statement (e.g. in the param block)
            sb = None
        tok = self.peek(CMD)
        if sb is not None and tok.kind != T.EOF_:
            self.errors.append(("UnexpectedToken",
                                (f"Unexpected token '{self.src[tok.start:tok.end]}' in "
                                 "expression or statement."), tok.start, tok.end, False))
        if self.errors:
            raise ParseError([ParseErrorInfo(e[0], e[1], e[2], e[3], e[4], self.src,
                                             self.filename) for e in self.errors])
        return sb

    # --- script blocks ---------------------------------------------------------------------
    def parse_script_block_body(self, start: int, top_level: bool = False,
                                is_filter: bool = False) -> A.ScriptBlock:
        """Param block, then named blocks or a statement list, up to '}' or EOF."""
        self.skip_newlines_and_semis()
        usings = []
        while True:
            tok = self.peek(EXPR)
            if self.is_word(tok, "using"):
                usings.append(self.parse_using())
                self.skip_newlines_and_semis()
            else:
                break
        param_block = self.try_param_block()
        self.skip_newlines_and_semis()
        tok = self.peek(EXPR)
        blocks = {"begin": None, "process": None, "end": None, "clean": None,
                  "dynamicparam": None}
        if self.is_word(tok, *blocks) and self._named_block_follows(tok):
            while True:
                self.skip_newlines_and_semis()
                tok = self.peek(EXPR)
                if not (self.is_word(tok, *blocks) and self._named_block_follows(tok)):
                    break
                name = tok.value.lower()
                self.advance(tok)
                self.skip_newlines()
                lc = self.expect(T.LCURLY, "MissingNamedStatementBlock",
                                 f"Missing opening '{{' after '{name}'.")
                stmts, traps = self.parse_statement_list()
                self.expect_close_curly(lc.start)
                blocks[name] = A.NamedBlock(tok.start, self.pos, name, stmts, traps, False)
        else:
            stmts, traps = self.parse_statement_list()
            blocks["process" if is_filter else "end"] = A.NamedBlock(
                start, self.pos, "process" if is_filter else "end", stmts, traps, True)
        attrs = param_block.attributes if param_block else []
        return A.ScriptBlock(start, self.pos, param_block, blocks["dynamicparam"],
                             blocks["begin"], blocks["process"], blocks["end"], blocks["clean"],
                             usings, attrs, is_filter)

    def _named_block_follows(self, tok: T.Token) -> bool:
        p = self.tz.skip_trivia(tok.end, newlines=True)
        return p < len(self.src) and self.src[p] == "{"

    def expect_close_curly(self, open_pos: int) -> None:
        self.skip_newlines_and_semis()
        tok = self.peek(EXPR)
        if tok.kind != T.RCURLY:
            self.error("MissingEndCurlyBrace",
                       "Missing closing '}' in statement block or type definition.",
                       open_pos, open_pos + 1, tok.kind == T.EOF_)
        self.advance(tok)

    def try_attributed_type_definition(self, start: int):
        """``[Flags()] enum E {...}`` (attributes before ``enum`` or ``class``); None, with the
        position restored, when the brackets start anything else."""
        save_pos, save_err = self.pos, len(self.errors)
        attrs = []
        try:
            while self.peek(EXPR).kind == T.LBRACKET:
                attr = self.parse_attribute()
                if not isinstance(attr, A.Attribute):
                    raise _Abort()
                attrs.append(attr)
                self.skip_newlines()
            tok = self.peek(EXPR)
            if not (self.is_word(tok, "enum") or self.is_word(tok, "class")):
                raise _Abort()
        except _Abort:
            self.pos = save_pos
            del self.errors[save_err:]
            return None
        self.advance(tok)
        if tok.value.lower() == "class":
            return self.parse_class(start)
        defn = self.parse_enum(start)
        defn.is_flags = any(a.type_name.lower() in ("flags", "flagsattribute", "system.flags",
                                                     "system.flagsattribute") for a in attrs)
        return defn

    def try_param_block(self) -> A.ParamBlock | None:
        save_pos, save_err = self.pos, len(self.errors)
        attrs = []
        start = self.pos
        try:
            while self.peek(EXPR).kind == T.LBRACKET:
                attr = self.parse_attribute()
                if attr is None:
                    raise _Abort()
                attrs.append(attr)
                self.skip_newlines()
            tok = self.peek(EXPR)
            if not self.is_word(tok, "param"):
                raise _Abort()
        except _Abort:
            self.pos = save_pos
            del self.errors[save_err:]
            return None
        self.advance(tok)
        self.skip_newlines()
        lp = self.expect(T.LPAREN, "MissingParameterList", "Missing '(' after 'param'.")
        params = self.parse_parameter_list(lp.start)
        return A.ParamBlock(start, self.pos, attrs, params)

    def parse_parameter_list(self, open_pos: int) -> list:
        params = []
        while True:
            self.skip_newlines()
            tok = self.peek(EXPR)
            if tok.kind == T.RPAREN:
                self.advance(tok)
                return params
            if tok.kind == T.EOF_:
                self.error("MissingEndParenthesisInFunctionParameterList",
                           "Missing ')' in function parameter list.", open_pos, open_pos + 1,
                           True)
            pstart = tok.start
            attrs = []
            while self.peek(EXPR).kind == T.LBRACKET:
                attr = self.parse_attribute()
                attrs.append(attr)
                self.skip_newlines()
            tok = self.peek(EXPR)
            if tok.kind != T.VARIABLE:
                self.error("InvalidFunctionParameter",
                           "Function parameter list is not valid: a variable name was expected.",
                           tok.start, tok.end, tok.kind == T.EOF_)
            self.advance(tok)
            default = None
            self.skip_newlines()
            eq = self.peek(EXPR)
            if eq.kind == T.OPERATOR and eq.value == "=":
                self.advance(eq)
                self.skip_newlines()
                default = self.parse_expression(comma=False)
            params.append(A.Parameter(pstart, self.pos, tok.value, attrs, default))
            self.skip_newlines()
            tok = self.peek(EXPR)
            if tok.kind == T.COMMA:
                self.advance(tok)
            elif tok.kind != T.RPAREN:
                self.error("MissingEndParenthesisInFunctionParameterList",
                           "Missing ')' in function parameter list.", tok.start, tok.start,
                           tok.kind == T.EOF_)

    def parse_attribute(self):
        """``[Name(args)]`` → Attribute, ``[type]`` → TypeConstraint."""
        lb = self.advance(self.peek(EXPR))
        name, tstart = self.scan_type_name_text()
        self.pos = self.tz.skip_trivia(self.pos)
        if self.adjacent("("):
            self.pos += 1
            positional, named = [], []
            while True:
                self.skip_newlines()
                tok = self.peek(EXPR)
                if tok.kind == T.RPAREN:
                    self.advance(tok)
                    break
                if tok.kind == T.GENERIC:
                    save = self.pos
                    self.advance(tok)
                    self.skip_newlines()
                    nxt = self.peek(EXPR)
                    if nxt.kind == T.OPERATOR and nxt.value == "=":
                        self.advance(nxt)
                        self.skip_newlines()
                        named.append((tok.value, self.parse_expression(comma=False)))
                    elif nxt.kind in (T.COMMA, T.RPAREN):
                        named.append((tok.value, None))
                    else:
                        self.pos = save
                        positional.append(self.parse_expression(comma=False))
                else:
                    positional.append(self.parse_expression(comma=False))
                self.skip_newlines()
                tok = self.peek(EXPR)
                if tok.kind == T.COMMA:
                    self.advance(tok)
                elif tok.kind != T.RPAREN:
                    self.error("MissingEndParenthesisInExpression",
                               "Missing closing ')' in expression.", tok.start, tok.start,
                               tok.kind == T.EOF_)
            self.pos = self.tz.skip_trivia(self.pos)
            if not self.adjacent("]"):
                self.error("EndSquareBracketExpectedAtEndOfAttribute",
                           "Missing ']' at end of attribute or type literal.", self.pos,
                           self.pos, self.pos >= len(self.src))
            self.pos += 1
            return A.Attribute(lb.start, self.pos, name, positional, named)
        tn = self.finish_type_name(name, tstart)
        return A.TypeConstraint(lb.start, self.pos, tn)

    # --- type names ----------------------------------------------------------------------------
    def scan_type_name_text(self) -> tuple[str, int]:
        src, n = self.src, len(self.src)
        self.pos = self.tz.skip_trivia(self.pos)
        start = p = self.pos
        while p < n and (src[p].isalnum() or src[p] in "._`+"):
            p += 1
        if p == start:
            self.error("MissingTypename", "Missing type name after '['.", start, start,
                       p >= n)
        self.pos = p
        return src[start:p], start

    def finish_type_name(self, name: str, start: int) -> A.TypeName:
        """After the bare name: generic arguments ``[a,b]``, array ranks ``[]``, then ``]``."""
        generic_args = []
        rank = 0
        while self.adjacent("["):
            save = self.pos
            self.pos += 1
            self.pos = self.tz.skip_trivia(self.pos)
            if self.adjacent("]"):
                self.pos += 1
                rank += 1           # int[][]: an array of arrays
                continue
            if self.adjacent(","):
                commas = 0
                while self.adjacent(","):
                    self.pos += 1
                    commas += 1
                if self.adjacent("]"):
                    self.pos += 1
                    # a rectangular array [T[,]]: its rank goes into the name ("string[,]")
                    name = name + "[]" * rank + "[" + "," * commas + "]"
                    rank = 0
                    continue
            if generic_args or rank:
                self.pos = save
                break
            while True:
                self.pos = self.tz.skip_trivia(self.pos, newlines=True)
                if self.adjacent("["):
                    self.pos += 1
                    inner_name, istart = self.scan_type_name_text()
                    generic_args.append(self.finish_type_name(inner_name, istart))
                else:
                    inner_name, istart = self.scan_type_name_text()
                    generic_args.append(self._type_name_no_close(inner_name, istart))
                self.pos = self.tz.skip_trivia(self.pos, newlines=True)
                if self.adjacent(","):
                    self.pos += 1
                    continue
                if self.adjacent("]"):
                    self.pos += 1
                    break
                self.error("EndSquareBracketExpectedAtEndOfType",
                           "Missing ']' at end of type token.", self.pos, self.pos,
                           self.pos >= len(self.src))
        self.pos = self.tz.skip_trivia(self.pos)
        if not self.adjacent("]"):
            self.error("EndSquareBracketExpectedAtEndOfType",
                       "Missing ']' at end of type token.", self.pos, self.pos,
                       self.pos >= len(self.src))
        self.pos += 1
        return A.TypeName(start, self.pos, name, generic_args, rank)

    def _type_name_no_close(self, name: str, start: int) -> A.TypeName:
        rank = 0
        while self.src.startswith("[]", self.pos):
            self.pos += 2
            rank = 1
        return A.TypeName(start, self.pos, name, [], rank)

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
            except _Abort:
                self.recover(err_count)
                continue
            if isinstance(stmt, A.Trap):
                traps.append(stmt)
            elif stmt is not None:
                stmts.append(stmt)

    def recover(self, err_count: int) -> None:
        """Skip to the end of the line after an error (stop at EOF on incomplete input)."""
        if any(e[4] for e in self.errors[err_count:]):
            self.pos = len(self.src)
            return
        n = len(self.src)
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
            if not self.is_word(tok, *_LOOP_KEYWORDS):
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
                if word in _LOOP_KEYWORDS:
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
                        if full in _SWITCH_MODES:   # -Regex/-Wildcard/-Exact: the last one wins
                            for mode in _SWITCH_MODES:
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
            tok = self.peek(CMD)
            if tok.kind == T.RCURLY:
                self.advance(tok)
                break
            if tok.kind == T.EOF_:
                self.error("MissingEndCurlyBrace",
                           "Missing closing '}' in statement block or type definition.",
                           lc.start, lc.start + 1, True)
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
        if tok.kind in _PIPE_END and tok.kind != T.PIPE:
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
        if tok.kind in _PIPE_END:
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
                catches.append(A.Catch(tok.start, self.pos, types, self.parse_block("catch")))
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
        if name_tok.kind in _PIPE_END:
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
            tok = self.peek(EXPR)
            if tok.kind == T.RCURLY:
                self.advance(tok)
                break
            if tok.kind == T.EOF_:
                self.error("MissingEndCurlyBrace",
                           "Missing closing '}' in statement block or type definition.",
                           lc.start, lc.start + 1, True)
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
            tok = self.peek(EXPR)
            if tok.kind == T.RPAREN:
                self.advance(tok)
                break
            if tok.kind == T.EOF_:
                self.error("MissingEndParenthesisInMethodCall",
                           "Missing closing ')' after expression in method call.",
                           lp.start, lp.start + 1, True)
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

    # --- pipelines -------------------------------------------------------------------------------
    def parse_pipeline_chain(self):
        left = self.parse_pipeline()
        while True:
            self.pos = self.tz.skip_trivia(self.pos)
            tok = self.peek(EXPR)
            if tok.kind in (T.AND_AND, T.OR_OR):
                self.advance(tok)
                self.skip_newlines()
                nxt = self.peek(EXPR)
                if nxt.kind in _PIPE_END:
                    self.error("EmptyPipelineChainElement",
                               f"A pipeline chain operator '{tok.kind}' must be followed by a "
                               "pipeline.", tok.start, tok.end, nxt.kind == T.EOF_)
                right = self.parse_pipeline()
                left = A.PipelineChain(left.start, self.pos, left, tok.kind, right, False)
                continue
            if tok.kind == T.AMP:
                self.advance(tok)
                if isinstance(left, A.Pipeline):
                    left.background = True
            return left

    def _expression_start(self, tok: T.Token) -> bool:
        k = tok.kind
        if k in (T.VARIABLE, T.NUMBER, T.STRING, T.LPAREN, T.DOLLAR_PAREN, T.AT_PAREN,
                 T.AT_CURLY, T.LCURLY, T.LBRACKET):
            return True
        if k == T.OPERATOR and tok.value in _UNARY_OPS:
            if tok.value in ("-", "+", "--", "++") and tok.value in ("-", "--"):
                return True
            return True
        return k == T.COMMA

    def parse_pipeline(self):
        start = self.pos
        tok = self.peek(EXPR)
        elements = []
        if self._expression_start(tok):
            expr = self.parse_expression()
            self.pos = self.tz.skip_trivia(self.pos)
            op = self.peek(EXPR)
            if op.kind == T.OPERATOR and op.value in T.ASSIGNMENT_OPERATORS:
                self.advance(op)
                self.skip_newlines()
                vt = self.peek(EXPR)
                if vt.kind in _PIPE_END and vt.kind != T.PIPE:
                    self.error("ExpectedValueExpression",
                               f"You must provide a value expression following the '{op.value}' "
                               "operator.", vt.start, vt.start, vt.kind == T.EOF_)
                value = self.parse_statement()
                self._check_assignable(expr, multiple_ok=op.value == "=")
                return A.Assignment(start, self.pos, expr, op.value, value)
            redirs = self.parse_redirections()
            elements.append(A.CommandExpression(expr.start, self.pos, expr, redirs))
        else:
            elements.append(self.parse_command())
        while True:
            self.pos = self.tz.skip_trivia(self.pos)
            tok = self.peek(EXPR)
            if tok.kind == T.NEWLINE:
                # a '|' at the start of the next line continues the pipeline
                p = self.tz.skip_trivia(self.pos, newlines=True)
                if self.src.startswith("|", p) and not self.src.startswith("||", p):
                    self.pos = p
                    tok = self.peek(EXPR)
            if tok.kind != T.PIPE:
                if tok.kind not in _PIPE_END and tok.kind != T.AMP:
                    self.error("UnexpectedToken",
                               f"Unexpected token '{self.src[tok.start:tok.end]}' in expression "
                               "or statement.", tok.start, tok.end)
                break
            self.advance(tok)
            self.skip_newlines()
            nxt = self.peek(CMD)
            if nxt.kind in _PIPE_END or nxt.kind == T.AMP:
                self.error("EmptyPipeElement", "An empty pipe element is not allowed.",
                           tok.start, tok.end, nxt.kind == T.EOF_)
            ex = self.peek(EXPR)
            if ex.kind in (T.VARIABLE, T.NUMBER, T.STRING, T.LPAREN, T.DOLLAR_PAREN,
                           T.AT_PAREN, T.AT_CURLY) and nxt.kind != T.GENERIC:
                self.error("ExpressionsMustBeFirstInPipeline",
                           "Expressions are only allowed as the first element of a pipeline.",
                           ex.start, ex.end)
            elements.append(self.parse_command())
        return A.Pipeline(start, self.pos, elements, False)


    def _check_assignable(self, expr, multiple_ok: bool = True) -> None:
        """Only '=' assigns to several targets at once ($a, $b = 1, 2)."""
        target = expr
        while isinstance(target, (A.Convert, A.AttributedExpression)):
            target = target.operand
        if isinstance(target, A.ArrayLiteral) and multiple_ok:
            for e in target.elements:
                self._check_assignable(e)
            return
        if not isinstance(target, (A.Variable, A.Member, A.Index)):
            self.error("InvalidLeftHandSide", "The assignment expression is not valid. The input "
                       "to an assignment operator must be an object that is able to accept "
                       "assignments, such as a variable or a property.", expr.start, expr.end)

    def parse_redirections(self) -> list:
        redirs = []
        while True:
            self.pos = self.tz.skip_trivia(self.pos)
            tok = self.peek(CMD)
            if tok.kind != T.REDIRECTION:
                return redirs
            redirs.append(self.parse_redirection(tok))

    def parse_redirection(self, tok) -> A.Redirection:
        self.advance(tok)
        stream, append, to_stream = tok.value
        target = None
        if to_stream is None:
            self.pos = self.tz.skip_trivia(self.pos)
            nxt = self.peek(CMD)
            if nxt.kind in _PIPE_END:
                self.error("MissingFileSpecification", "Missing file specification after "
                           "redirection operator.", tok.start, tok.end, nxt.kind == T.EOF_)
            target = self.parse_command_argument(allow_comma=False)
        return A.Redirection(tok.start, self.pos, stream, append, to_stream, target)

    # --- commands ------------------------------------------------------------------------------
    def parse_command(self) -> A.Command:
        start = self.pos
        tok = self.peek(CMD)
        invocation = None
        if tok.kind == T.AMP:
            invocation = "&"
            self.advance(tok)
            self.pos = self.tz.skip_trivia(self.pos)
        elif tok.kind == T.GENERIC and tok.text == "." and not tok.expandable:
            invocation = "."
            self.advance(tok)
            self.pos = self.tz.skip_trivia(self.pos)
        elements = []
        redirs = []
        end_of_params = False
        first = True
        while True:
            self.pos = self.tz.skip_trivia(self.pos)
            tok = self.peek(CMD)
            k = tok.kind
            if k in _PIPE_END or k == T.AMP:
                break
            if k == T.REDIRECTION:
                redirs.append(self.parse_redirection(tok))
                continue
            if first:
                first = False
                if k == T.PARAMETER:
                    self.advance(tok)
                    elements.append(A.StringConstant(tok.start, tok.end, tok.text, "bare"))
                    continue
                elements.append(self.parse_command_argument(allow_comma=False, is_name=True))
                continue
            if k == T.PARAMETER and not end_of_params:
                self.advance(tok)
                arg = None
                if tok.used_colon:
                    self.pos = self.tz.skip_trivia(self.pos)
                    nxt = self.peek(CMD)
                    if nxt.kind in _PIPE_END:
                        self.error("ParameterRequiresArgument",
                                   f"The parameter '{tok.value}' requires an argument.",
                                   tok.start, tok.end, nxt.kind == T.EOF_)
                    arg = self.parse_command_argument()
                elements.append(A.CommandParameter(tok.start, self.pos, tok.value, arg,
                                                   tok.text, tok.used_colon))
                continue
            if k == T.MINUSMINUS_END and not end_of_params:
                self.advance(tok)
                end_of_params = True
                elements.append(A.EndOfParameters(tok.start, tok.end))
                continue
            if k == T.STOP_PARSING:
                self.advance(tok)
                elements.append(A.StopParsingArgument(tok.start, tok.end, tok.value))
                continue
            if k == T.SPLAT:
                self.advance(tok)
                elements.append(A.Variable(tok.start, tok.end, tok.value, True))
                continue
            if k in (T.PARAMETER, T.MINUSMINUS_END):
                self.advance(tok)
                elements.append(A.StringConstant(tok.start, tok.end, tok.text or "--", "bare"))
                continue
            elements.append(self.parse_command_argument())
        if not elements:
            self.error("MissingExpression" if invocation else "EmptyPipeElement",
                       "An expression was expected after '" + (invocation or "|") + "'.",
                       start, self.pos, self.peek(CMD).kind == T.EOF_)
        return A.Command(start, self.pos, elements, invocation, redirs)

    def parse_command_argument(self, allow_comma: bool = True, is_name: bool = False):
        """One argument in command mode; ``a,b,c`` becomes an array literal."""
        first = self.parse_command_primary(is_name)
        if not allow_comma:
            return first
        items = [first]
        while True:
            self.pos = self.tz.skip_trivia(self.pos)
            tok = self.peek(CMD)
            if tok.kind != T.COMMA:
                break
            self.advance(tok)
            self.skip_newlines()
            nxt = self.peek(CMD)
            if nxt.kind in _PIPE_END:
                self.error("MissingExpression", "Missing argument in parameter list.",
                           tok.start, tok.end, nxt.kind == T.EOF_)
            items.append(self.parse_command_primary(False))
        if len(items) == 1:
            return first
        return A.ArrayLiteral(first.start, self.pos, items)

    def parse_command_primary(self, is_name: bool = False):
        tok = self.peek(CMD)
        k = tok.kind
        if k == T.GENERIC:
            self.advance(tok)
            if tok.expandable:
                return A.ExpandableString(tok.start, tok.end, self.expand_parts(tok.parts),
                                          "bare")
            return A.StringConstant(tok.start, tok.end, tok.value, "bare")
        if k == T.NUMBER:
            self.advance(tok)
            return self.parse_postfix(A.Constant(tok.start, tok.end, tok.value, tok.text))
        if k in (T.VARIABLE, T.STRING, T.LPAREN, T.DOLLAR_PAREN, T.AT_PAREN, T.AT_CURLY,
                 T.LCURLY):
            return self.parse_postfix(self.parse_primary(CMD))
        if k == T.LBRACKET:
            tok2 = self.tz.scan_generic(tok.start)
            self.advance(tok2)
            return A.StringConstant(tok2.start, tok2.end, tok2.value, "bare")
        if k == T.COMMA:
            self.error("MissingArgument" if not is_name else "MissingExpression",
                       "Missing argument in parameter list.", tok.start, tok.end)
        self.error("UnexpectedToken", f"Unexpected token '{self.src[tok.start:tok.end]}' in "
                   "expression or statement.", tok.start, tok.end, tok.kind == T.EOF_)

    # --- expressions ---------------------------------------------------------------------------
    def parse_expression(self, comma: bool = True):
        cond = self.parse_binary(1, comma)
        self.pos = self.tz.skip_trivia(self.pos)
        tok = self.peek(EXPR)
        if tok.kind == T.OPERATOR and tok.value == "?":
            self.advance(tok)
            self.skip_newlines()
            if not self._expression_start(self.peek(EXPR)):
                nt = self.peek(EXPR)
                self.error("ExpectedValueExpression",
                           "You must provide a value expression following the '?' operator.",
                           nt.start, nt.start, nt.kind == T.EOF_)
            a = self.parse_expression(comma)
            self.skip_newlines()
            colon = self.peek(EXPR)
            if not (colon.kind == T.OPERATOR and colon.value == ":"):
                self.error("MissingColonInTernaryExpression",
                           "Missing ':' in ternary expression.", colon.start, colon.start,
                           colon.kind == T.EOF_)
            self.advance(colon)
            self.skip_newlines()
            if not self._expression_start(self.peek(EXPR)):
                nt = self.peek(EXPR)
                self.error("ExpectedValueExpression",
                           "You must provide a value expression following the ':' operator.",
                           nt.start, nt.start, nt.kind == T.EOF_)
            b = self.parse_expression(comma)
            return A.Ternary(cond.start, self.pos, cond, a, b)
        return cond

    def parse_binary(self, min_prec: int, comma: bool):
        left = self.parse_array(comma)
        while True:
            self.pos = self.tz.skip_trivia(self.pos)
            tok = self.peek(EXPR)
            if tok.kind == T.OPERATOR or tok.kind == T.DOTDOT:
                op = tok.value
                prec = BINARY_PRECEDENCE.get(op)
                if prec is None or prec < min_prec:
                    return left
                self.advance(tok)
                self.skip_newlines()
                nt = self.peek(EXPR)
                if not self._expression_start(nt):
                    self.error("ExpectedValueExpression",
                               f"You must provide a value expression following the "
                               f"'{tok.text or op}' operator.", nt.start, nt.start,
                               nt.kind == T.EOF_)
                right = self.parse_binary(prec + 1, comma)
                left = A.Binary(left.start, self.pos, op, left, right)
            else:
                return left

    def parse_array(self, comma: bool):
        first = self.parse_unary()
        if not comma:
            return first
        self.pos = self.tz.skip_trivia(self.pos)
        if self.peek(EXPR).kind != T.COMMA:
            return first
        items = [first]
        while True:
            self.pos = self.tz.skip_trivia(self.pos)
            tok = self.peek(EXPR)
            if tok.kind != T.COMMA:
                break
            self.advance(tok)
            self.skip_newlines()
            nt = self.peek(EXPR)
            if not self._expression_start(nt):
                self.error("MissingExpressionAfterToken",
                           "Missing expression after ','.", tok.start, tok.end,
                           nt.kind == T.EOF_)
            items.append(self.parse_unary())
        return A.ArrayLiteral(first.start, self.pos, items)

    def parse_unary(self):
        tok = self.peek(EXPR)
        k = tok.kind
        if k == T.OPERATOR and tok.value in _UNARY_OPS or k == T.COMMA:
            op = tok.value if k == T.OPERATOR else ","
            if op == "!":
                op = "-not"
            self.advance(tok)
            self.skip_newlines()
            nt = self.peek(EXPR)
            if not self._expression_start(nt):
                self.error("MissingExpressionAfterOperator",
                           f"Missing expression after unary operator '{tok.text or op}'.",
                           tok.start, tok.end, nt.kind == T.EOF_)
            operand = self.parse_unary()
            return A.Unary(tok.start, self.pos, op, operand, False)
        if k == T.LBRACKET:
            return self.parse_type_prefix()
        return self.parse_postfix(self.parse_primary(EXPR))

    def parse_type_prefix(self):
        lb = self.peek(EXPR)
        save = self.pos
        attr = self.parse_attribute()
        if isinstance(attr, A.Attribute):
            self.skip_newlines()
            operand = self.parse_unary()
            return A.AttributedExpression(lb.start, self.pos, attr, operand)
        tn = attr.type_name
        if self.adjacent(".:[") and (self.src.startswith("::", self.pos) or self.adjacent(".")):
            return self.parse_postfix(A.TypeExpression(lb.start, self.pos, tn))
        p = self.tz.skip_trivia(self.pos)
        save2 = self.pos
        self.pos = p
        nt = self.peek(EXPR)
        if self._expression_start(nt) and nt.kind != T.COMMA and not (
                nt.kind == T.OPERATOR and nt.value in ("-", "+") and p != save2 and
                p + 1 < len(self.src) and self.src[p + 1] in " \t"):
            operand = self.parse_unary()
            if tn.name.lower() == "ordered" and not tn.generic_args and not tn.array_rank \
                    and not isinstance(operand, A.Hashtable):
                self.error("OrderedAttributeOnlyOnHashLiteralNode",
                           "The ordered attribute can be specified only on a hash literal node.",
                           lb.start, self.pos)
            return A.Convert(lb.start, self.pos, tn, operand)
        self.pos = save2
        del save
        return self.parse_postfix(A.TypeExpression(lb.start, self.pos, tn))

    def parse_primary(self, mode: str):
        tok = self.peek(mode)
        k = tok.kind
        if k == T.VARIABLE:
            self.advance(tok)
            return A.Variable(tok.start, tok.end, tok.value, False)
        if k == T.NUMBER:
            self.advance(tok)
            return A.Constant(tok.start, tok.end, tok.value, tok.text)
        if k == T.STRING:
            self.advance(tok)
            quote = "here" if self.src[tok.start] == "@" else (
                "'" if self.src[tok.start] in T.SINGLE_QUOTES else '"')
            if tok.expandable:
                return A.ExpandableString(tok.start, tok.end, self.expand_parts(tok.parts), quote)
            return A.StringConstant(tok.start, tok.end, tok.value, quote)
        if k == T.LPAREN:
            self.advance(tok)
            self.skip_newlines()
            inner = self.peek(EXPR)
            if inner.kind == T.RPAREN:
                self.error("ExpectedExpression", "An expression was expected after '('.",
                           inner.start, inner.end)
            if inner.kind == T.EOF_:
                self.error("MissingEndParenthesisInExpression",
                           "Missing closing ')' in expression.", tok.start, tok.end, True)
            stmt = self.parse_statement()
            self.skip_newlines()
            close = self.peek(EXPR)
            if close.kind != T.RPAREN:
                self.error("MissingEndParenthesisInExpression",
                           "Missing closing ')' in expression.", close.start, close.start,
                           close.kind == T.EOF_)
            self.advance(close)
            return A.Paren(tok.start, self.pos, stmt)
        if k in (T.DOLLAR_PAREN, T.AT_PAREN):
            self.advance(tok)
            stmts, traps = self.parse_statement_list()
            close = self.peek(EXPR)
            if close.kind != T.RPAREN:
                self.error("MissingEndParenthesisInSubexpression",
                           "Missing closing ')' in subexpression.", tok.start, tok.end,
                           close.kind == T.EOF_)
            self.advance(close)
            block = A.StatementBlock(tok.start, self.pos, stmts, traps)
            cls = A.SubExpression if k == T.DOLLAR_PAREN else A.ArrayExpression
            return cls(tok.start, self.pos, block)
        if k == T.AT_CURLY:
            return self.parse_hashtable()
        if k == T.LCURLY:
            self.advance(tok)
            body = self.parse_script_block_body(tok.start)
            self.expect_close_curly(tok.start)
            body.end = self.pos
            return A.ScriptBlockExpression(tok.start, self.pos, body,
                                           self.src[tok.start + 1:self.pos - 1])
        if k == T.LBRACKET:
            return self.parse_type_prefix()
        self.error("ExpectedValueExpression" if k != T.EOF_ else "ExpectedExpression",
                   f"Unexpected token '{self.src[tok.start:tok.end]}' in expression or "
                   "statement." if k != T.EOF_ else "An expression was expected.",
                   tok.start, tok.end, k == T.EOF_)

    def parse_hashtable(self):
        open_tok = self.advance(self.peek(EXPR))
        pairs = []
        while True:
            self.skip_newlines_and_semis()
            tok = self.peek(EXPR)
            if tok.kind == T.RCURLY:
                self.advance(tok)
                break
            if tok.kind == T.EOF_:
                self.error("MissingEndCurlyBrace", "Missing closing '}' in statement block or "
                           "type definition.", open_tok.start, open_tok.end, True)
            if tok.kind == T.GENERIC:
                self.advance(tok)
                key = A.StringConstant(tok.start, tok.end, tok.value, "bare")
            else:
                key = self.parse_unary()
            self.pos = self.tz.skip_trivia(self.pos)
            eq = self.peek(EXPR)
            if not (eq.kind == T.OPERATOR and eq.value == "="):
                self.error("MissingEqualsInHashLiteral",
                           "Missing '=' operator after key in hash literal.", eq.start,
                           eq.start, eq.kind == T.EOF_)
            self.advance(eq)
            self.skip_newlines()
            vt = self.peek(EXPR)
            if vt.kind in (T.RCURLY, T.SEMI, T.EOF_):
                self.error("MissingStatementInHashLiteral",
                           "Missing statement after '=' in hash literal.", vt.start, vt.start,
                           vt.kind == T.EOF_)
            value = self.parse_statement()
            pairs.append((key, value))
            self.pos = self.tz.skip_trivia(self.pos)
            sep = self.peek(EXPR)
            if sep.kind not in (T.NEWLINE, T.SEMI, T.RCURLY):
                self.error("MissingEndCurlyBrace" if sep.kind == T.EOF_ else
                           "MissingStatementTerminatorInHashLiteral" if False else
                           "UnexpectedToken",
                           "Unexpected token in hash literal.", sep.start, sep.end,
                           sep.kind == T.EOF_)
        return A.Hashtable(open_tok.start, self.pos, pairs)

    def expand_parts(self, parts) -> list:
        """Turn tokenizer holes ('var'|'sub', start, end) into expression nodes."""
        out = []
        save = self.pos
        save_cache = self._cache_key, self._cache_tok
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            kind, start, end = part
            if kind == "var":
                tok = self.tz.scan_dollar(start, EXPR)
                out.append(A.Variable(start, tok.end, tok.value, False))
            else:
                self.pos = start + 2
                self._cache_key = None
                stmts, traps = self.parse_statement_list()
                close = self.peek(EXPR)
                if close.kind != T.RPAREN:
                    self.error("MissingEndParenthesisInSubexpression",
                               "Missing closing ')' in subexpression.", start, start + 2,
                               close.kind == T.EOF_)
                block = A.StatementBlock(start, end, stmts, traps)
                out.append(A.SubExpression(start, end, block))
        self.pos = save
        self._cache_key, self._cache_tok = save_cache
        return out

    # --- postfix: members, indexes, invocations ------------------------------------------------
    def parse_postfix(self, expr):
        src = self.src
        while self.pos < len(src):
            c = src[self.pos]
            if c == "." and not src.startswith("..", self.pos):
                expr = self.parse_member(expr, self.pos + 1, False, False)
            elif c == ":" and src.startswith("::", self.pos):
                expr = self.parse_member(expr, self.pos + 2, True, False)
            elif c == "?" and src.startswith("?.", self.pos):
                expr = self.parse_member(expr, self.pos + 2, False, True)
            elif c == "[" or (c == "?" and src.startswith("?[", self.pos)):
                nullc = c == "?"
                open_pos = self.pos
                self.pos += 2 if nullc else 1
                self.skip_newlines()
                if self.peek(EXPR).kind == T.RBRACKET:
                    self.error("MissingArrayIndexExpression", "Array index expression is "
                               "missing or not valid.", open_pos, self.pos)
                index = self.parse_expression()
                self.skip_newlines()
                close = self.peek(EXPR)
                if close.kind != T.RBRACKET:
                    self.error("MissingEndSquareBracket", "Missing ']' after array index "
                               "expression.", open_pos, open_pos + 1, close.kind == T.EOF_)
                self.advance(close)
                if isinstance(index, A.Pipeline) and len(index.elements) == 1 and isinstance(
                        index.elements[0], A.CommandExpression):
                    index = index.elements[0].expression
                expr = A.Index(expr.start, self.pos, expr, index, nullc)
            elif c in "+-" and src.startswith(("++", "--"), self.pos) and isinstance(
                    expr, (A.Variable, A.Member, A.Index)):
                op = src[self.pos:self.pos + 2]
                self.pos += 2
                expr = A.Unary(expr.start, self.pos, op, expr, True)
            else:
                break
        return expr

    def parse_member(self, target, name_pos: int, static: bool, nullc: bool):
        src = self.src
        self.pos = name_pos
        if static:
            # '::' may be followed by white space ([int]:: $name, about_Operators)
            while self.pos < len(src) and src[self.pos] in T.SPACE_CHARS:
                self.pos += 1
        if self.pos >= len(src) or src[self.pos] in T.SPACE_CHARS or src[self.pos] in "\r\n":
            self.error("MissingPropertyName", "Missing property name after reference "
                       "operator.", name_pos - 1, name_pos, self.pos >= len(src))
        c = src[self.pos]
        if c.isalpha() or c == "_":
            p = self.pos
            while p < len(src) and (src[p].isalnum() or src[p] == "_"):
                p += 1
            member = A.StringConstant(self.pos, p, src[self.pos:p], "bare")
            self.pos = p
        elif c in ASCII_DIGITS:
            tok = self.peek(EXPR)
            self.advance(tok)
            member = A.Constant(tok.start, tok.end, tok.value, tok.text)
        else:
            tok = self.peek(EXPR)
            if tok.kind in (T.VARIABLE, T.STRING, T.LPAREN, T.DOLLAR_PAREN):
                member = self.parse_primary(EXPR)
            else:
                self.error("MissingPropertyName", "Missing property name after reference "
                           "operator.", name_pos - 1, name_pos)
        if self.adjacent("("):
            open_pos = self.pos
            self.pos += 1
            args = []
            while True:
                self.skip_newlines()
                tok = self.peek(EXPR)
                if tok.kind == T.RPAREN:
                    self.advance(tok)
                    break
                if tok.kind == T.EOF_:
                    self.error("MissingEndParenthesisInMethodCall",
                               "Missing closing ')' after expression in method call.",
                               open_pos, open_pos + 1, True)
                args.append(self.parse_expression(comma=False))
                self.skip_newlines()
                tok = self.peek(EXPR)
                if tok.kind == T.COMMA:
                    self.advance(tok)
                elif tok.kind != T.RPAREN:
                    self.error("MissingEndParenthesisInMethodCall",
                               "Missing closing ')' after expression in method call.",
                               tok.start, tok.start, tok.kind == T.EOF_)
            return A.InvokeMember(target.start, self.pos, target, member, args, static, nullc)
        if self.adjacent("{"):
            sb = self.parse_primary(EXPR)
            return A.InvokeMember(target.start, self.pos, target, member, [sb], static, nullc)
        return A.Member(target.start, self.pos, target, member, static, nullc)


_KEYWORD_HANDLERS = {
    "if": Parser.parse_if, "switch": Parser.parse_switch, "foreach": Parser.parse_foreach,
    "for": Parser.parse_for, "while": Parser.parse_while, "do": Parser.parse_do,
    "return": Parser.parse_return, "exit": Parser.parse_exit, "throw": Parser.parse_throw,
    "break": Parser.parse_break, "continue": Parser.parse_continue, "try": Parser.parse_try,
    "trap": Parser.parse_trap, "function": Parser.parse_function,
    "filter": Parser.parse_filter, "enum": Parser.parse_enum, "class": Parser.parse_class,
    "using": Parser.parse_using_statement, "data": Parser.parse_data,
    "workflow": Parser.parse_unsupported_keyword,
    "configuration": Parser.parse_unsupported_keyword,
}


def parse(source: str, filename: str | None = None) -> A.ScriptBlock:
    """Parse a whole script; raises ParseError listing every error found."""
    return Parser(source, filename).parse_script()
