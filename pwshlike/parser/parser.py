"""Recursive-descent parser for PowerShell 7.

Structure follows pwsh's own parser: statement → pipeline chain → pipeline → command or
expression, with the tokenizer switched between expression and command mode by the rule
being parsed.  Errors are collected (with pwsh's error ids) rather than raised at once, so
a script reports all of them; ``incomplete`` marks input that merely stops too early.

The grammar is split by layer: this module holds token access, error recording, the entry
point and script blocks/param blocks; :mod:`.statements` and :mod:`.expressions` hold the
rest as mixins of :class:`Parser`.
"""
from __future__ import annotations

from ..errors import ParseError, ParseErrorInfo
from ..lexer import tokens as T
from ..lexer.tokenizer import CMD, EXPR, Tokenizer
from . import ast as A
from .expressions import ExpressionParser
from .grammar import StatementAbort
from .statements import StatementParser


class Parser(StatementParser, ExpressionParser):
    def __init__(self, source: str, filename: str | None = None) -> None:
        self.src = source
        self.filename = filename
        self.errors: list = []
        self.tz = Tokenizer(source, self.errors)
        self.pos = 0
        self._cache_key = None
        self._cache_tok = None
        self.using_namespaces: tuple[str, ...] = ()

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

    def end_pos(self, start: int) -> int:
        """Where a node that ends here ends: before the blanks already skipped after it."""
        end = self.pos
        while end > start and self.src[end - 1] in " \t":
            end -= 1
        return end

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
            raise StatementAbort()

    def expect(self, kind: str, error_id: str, message: str, mode: str = EXPR) -> T.Token:
        tok = self.peek(mode)
        if tok.kind != kind:
            self.error(error_id, message, tok.start, tok.start, tok.kind == T.EOF_)
        return self.advance(tok)

    def closes(self, kind: str, open_pos: int, mode: str = EXPR,
               method_call: bool = False) -> bool:
        """In a bracketed list: True, having consumed it, at the closing ``}``/``)``; at the
        end of the input, the incomplete-input error for the opener at ``open_pos``."""
        tok = self.peek(mode)
        if tok.kind == kind:
            self.advance(tok)
            return True
        if tok.kind == T.EOF_:
            if kind == T.RCURLY:
                self.error("MissingEndCurlyBrace", "Missing closing '}' in statement block or "
                           "type definition.", open_pos, open_pos + 1, True)
            elif method_call:
                self.error("MissingEndParenthesisInMethodCall", "Missing closing ')' after "
                           "expression in method call.", open_pos, open_pos + 1, True)
        return False

    def adjacent(self, chars: str) -> bool:
        return self.pos < len(self.src) and self.src[self.pos] in chars

    def is_word(self, tok: T.Token, *words: str) -> bool:
        return tok.kind == T.GENERIC and not tok.expandable and isinstance(tok.value, str) \
            and tok.value.lower() in words

    # --- entry points ------------------------------------------------------------------------
    def parse_script(self) -> A.ScriptBlock:
        try:
            sb = self.parse_script_block_body(0, top_level=True)
        except StatementAbort:          # an error outside any statement (e.g. in the param block)
            sb = None
        tok = self.peek(CMD)
        if sb is not None and tok.kind != T.EOF_:
            self.errors.append(("UnexpectedToken",
                                (f"Unexpected token '{self.src[tok.start:tok.end]}' in "
                                 "expression or statement."), tok.start, tok.end, False))
        if sb is not None and self.tz.requires_comments:
            from .requires import RequiresFormatError, read_requirements
            try:
                sb.requirements = read_requirements(self.src, self.tz.requires_comments)
            except RequiresFormatError as e:
                self.errors.append(("ScriptRequiresInvalidFormat", str(e), e.start, e.end, False))
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
        if top_level:
            self.using_namespaces = tuple(u.name for u in usings if u.kind == "namespace")
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
                             usings, attrs, is_filter, None)

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
                    raise StatementAbort()
                attrs.append(attr)
                self.skip_newlines()
            tok = self.peek(EXPR)
            if not (self.is_word(tok, "enum") or self.is_word(tok, "class")):
                raise StatementAbort()
        except StatementAbort:
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
                    raise StatementAbort()
                attrs.append(attr)
                self.skip_newlines()
            tok = self.peek(EXPR)
            if not self.is_word(tok, "param"):
                raise StatementAbort()
        except StatementAbort:
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


def parse(source: str, filename: str | None = None) -> A.ScriptBlock:
    """Parse a whole script; raises ParseError listing every error found."""
    return Parser(source, filename).parse_script()
