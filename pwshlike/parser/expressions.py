"""Pipelines, commands and expressions (operator precedence, primaries, postfix), and type
names.

A mixin of :class:`pwshlike.parser.parser.Parser`; token access and error recording live
there, statements in :mod:`.statements`.
"""
from __future__ import annotations

from ..lexer import tokens as T
from ..lexer.numbers import ASCII_DIGITS
from ..lexer.tokenizer import CMD, EXPR
from . import ast as A
from .grammar import BINARY_PRECEDENCE, PIPE_END, UNARY_OPS


class ExpressionParser:
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
        return A.TypeName(start, self.pos, name, generic_args, rank, self.using_namespaces)

    def _type_name_no_close(self, name: str, start: int) -> A.TypeName:
        rank = 0
        while self.src.startswith("[]", self.pos):
            self.pos += 2
            rank = 1
        return A.TypeName(start, self.pos, name, [], rank, self.using_namespaces)

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
                if nxt.kind in PIPE_END:
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
        if k == T.OPERATOR and tok.value in UNARY_OPS:
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
                if vt.kind in PIPE_END and vt.kind != T.PIPE:
                    self.error("ExpectedValueExpression",
                               f"You must provide a value expression following the '{op.value}' "
                               "operator.", vt.start, vt.start, vt.kind == T.EOF_)
                value = self.parse_statement()
                self._check_assignable(expr, multiple_ok=op.value == "=")
                return A.Assignment(start, self.pos, expr, op.value, value)
            redirs = self.parse_redirections()
            elements.append(A.CommandExpression(expr.start, self.end_pos(expr.start), expr,
                                                redirs))
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
                if tok.kind not in PIPE_END and tok.kind != T.AMP:
                    self.error("UnexpectedToken",
                               f"Unexpected token '{self.src[tok.start:tok.end]}' in expression "
                               "or statement.", tok.start, tok.end)
                break
            self.advance(tok)
            self.skip_newlines()
            nxt = self.peek(CMD)
            if nxt.kind in PIPE_END or nxt.kind == T.AMP and not self._invocation_follows(nxt):
                self.error("EmptyPipeElement", "An empty pipe element is not allowed.",
                           tok.start, tok.end, nxt.kind == T.EOF_)
            ex = self.peek(EXPR)
            if ex.kind in (T.VARIABLE, T.NUMBER, T.STRING, T.LPAREN, T.DOLLAR_PAREN,
                           T.AT_PAREN, T.AT_CURLY) and nxt.kind != T.GENERIC:
                self.error("ExpressionsMustBeFirstInPipeline",
                           "Expressions are only allowed as the first element of a pipeline.",
                           ex.start, ex.end)
            elements.append(self.parse_command())
        return A.Pipeline(start, self.end_pos(start), elements, False)


    def _invocation_follows(self, amp: T.Token) -> bool:
        """``| & cmd``: the call operator starting a command, not a lone background ``&``."""
        n_err = len(self.errors)
        after = self.tz.next_token(self.tz.skip_trivia(amp.end), CMD)
        del self.errors[n_err:]         # a look-ahead: its errors count once it is parsed
        return after.kind not in PIPE_END and after.kind != T.AMP

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
            if nxt.kind in PIPE_END:
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
            if k in PIPE_END or k == T.AMP:
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
                    if nxt.kind in PIPE_END:
                        self.error("ParameterRequiresArgument",
                                   f"The parameter '{tok.value}' requires an argument.",
                                   tok.start, tok.end, nxt.kind == T.EOF_)
                    arg = self.parse_command_argument()
                elements.append(A.CommandParameter(tok.start, self.end_pos(tok.start), tok.value,
                                                   arg, tok.text, tok.used_colon))
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
        return A.Command(start, self.end_pos(start), elements, invocation, redirs)

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
            if nxt.kind in PIPE_END:
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
                    # reported just after the operator, as pwsh does
                    self.error("ExpectedValueExpression",
                               f"You must provide a value expression following the "
                               f"'{tok.text or op}' operator.", tok.end, tok.end,
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
        if k == T.OPERATOR and tok.value in UNARY_OPS or k == T.COMMA:
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
            if sep.kind == T.EOF_:
                self.error("MissingEndCurlyBrace",
                           "Missing closing '}' in statement block or type definition.",
                           sep.start, sep.end, True)
            if sep.kind not in (T.NEWLINE, T.SEMI, T.RCURLY):
                self.error("UnexpectedToken", "Unexpected token in hash literal.", sep.start,
                           sep.end)
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
                if self.peek(EXPR).kind in (T.RBRACKET, T.EOF_):
                    self.error("MissingArrayIndexExpression", "Array index expression is "
                               "missing or not valid.", open_pos, self.pos,
                               self.peek(EXPR).kind == T.EOF_)
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
                if self.closes(T.RPAREN, open_pos, method_call=True):
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
            return A.InvokeMember(target.start, self.pos, target, member, args, static, nullc)
        if self.adjacent("{"):
            sb = self.parse_primary(EXPR)
            return A.InvokeMember(target.start, self.pos, target, member, [sb], static, nullc)
        return A.Member(target.start, self.pos, target, member, static, nullc)

