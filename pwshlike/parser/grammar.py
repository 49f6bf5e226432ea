"""Token sets, operator precedence and the error unwinding shared by the parser's parts."""
from __future__ import annotations

from ..lexer import tokens as T

_COMPARISON = {op for op in T.DASH_OPERATORS if op not in (
    "-and", "-or", "-xor", "-band", "-bor", "-bxor", "-not", "-bnot", "-f")}
BINARY_PRECEDENCE = {"-and": 1, "-or": 1, "-xor": 1, "-band": 2, "-bor": 2, "-bxor": 2,
                     "??": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6, "-f": 7, "..": 8}
BINARY_PRECEDENCE.update({op: 3 for op in _COMPARISON})

PIPE_END = {T.NEWLINE, T.SEMI, T.RPAREN, T.RCURLY, T.EOF_, T.PIPE, T.AND_AND, T.OR_OR}
UNARY_OPS = {"!", "-not", "-bnot", "-split", "-isplit", "-csplit", "-join", "-", "+", "++",
              "--", ","}
LOOP_KEYWORDS = {"foreach", "for", "while", "do", "switch"}


SWITCH_MODES = ("regex", "wildcard", "exact")


class StatementAbort(Exception):
    """Unwinds a statement after an error so parsing can resume at the next one."""
