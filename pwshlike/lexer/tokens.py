"""Token kinds, the Token record, and the character classes the tokenizer relies on.

Kinds are plain strings: cheap to compare, readable in a debugger and in tests.
"""
from __future__ import annotations

# --- token kinds -------------------------------------------------------------
EOF_ = "EOF"
NEWLINE = "NEWLINE"
SEMI = ";"
LPAREN, RPAREN = "(", ")"
LCURLY, RCURLY = "{", "}"
LBRACKET, RBRACKET = "[", "]"
AT_PAREN, AT_CURLY, DOLLAR_PAREN = "@(", "@{", "$("
COMMA, DOT, DOTDOT, COLONCOLON = ",", ".", "..", "::"
PIPE, AND_AND, OR_OR, AMP = "|", "&&", "||", "&"
NUMBER = "NUMBER"
STRING = "STRING"            # value: str (verbatim) ; expandable flag set for "..."
VARIABLE = "VARIABLE"        # value: VariablePath
SPLAT = "SPLAT"              # @name ; value: VariablePath
PARAMETER = "PARAMETER"      # -Name / -Name: ; value: name, used_colon flag
GENERIC = "GENERIC"          # bare word; value: text with escapes removed (parts for expandable)
OPERATOR = "OP"              # value: operator text, lower-case ('-eq', '+', '=', '??=', ...)
REDIRECTION = "REDIR"        # value: (from_stream, append, to_stream_or_None)
LABEL = "LABEL"              # :name at statement start
MINUSMINUS_END = "--"        # end-of-parameters marker in command mode
STOP_PARSING = "--%"         # value: verbatim rest of line

# --- character classes -------------------------------------------------------
DASHES = frozenset("-\u2013\u2014\u2015")
SINGLE_QUOTES = frozenset("'\u2018\u2019\u201a\u201b")
DOUBLE_QUOTES = frozenset('"\u201c\u201d\u201e')
QUOTES = SINGLE_QUOTES | DOUBLE_QUOTES
NEWLINE_CHARS = frozenset("\r\n")
SPACE_CHARS = frozenset(" \t\f\v\u00a0\u0085\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                        "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
# Characters that end a bare word in command mode (ForceStartNewToken in pwsh).
COMMAND_TERMINATORS = frozenset("{}();,|&") | SPACE_CHARS | NEWLINE_CHARS

# Operators written as -word; the value is the canonical lower-case name.
_CMP = ["eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch",
        "replace", "contains", "notcontains", "in", "notin", "split"]
DASH_OPERATORS = frozenset(
    [f"-{p}{c}" for c in _CMP for p in ("", "i", "c")]
    + ["-join", "-is", "-isnot", "-as", "-and", "-or", "-xor", "-not", "-band", "-bor",
       "-bxor", "-bnot", "-shl", "-shr", "-f"]
)
UNARY_DASH_OPERATORS = frozenset(["-not", "-bnot", "-split", "-isplit", "-csplit", "-join"])

ASSIGNMENT_OPERATORS = frozenset(["=", "+=", "-=", "*=", "/=", "%=", "??="])

STATEMENT_KEYWORDS = frozenset(
    ["if", "switch", "foreach", "for", "while", "do", "function", "filter", "workflow", "return", "throw", "exit", "break", "continue", "trap", "try", "data", "class", "enum", "using", "param", "begin", "process", "end", "clean", "dynamicparam", "configuration"]
)
ALL_KEYWORDS = STATEMENT_KEYWORDS | frozenset(
    ["elseif", "else", "until", "in", "catch", "finally", "hidden", "static", "inlinescript", "parallel", "sequence"])


class Token:
    """One token with its source offsets; ``value`` holds the decoded payload."""

    __slots__ = (
        "end",
        "errs",
        "expandable",
        "kind",
        "parts",
        "start",
        "text",
        "used_colon",
        "value",
    )

    def __init__(self, kind: str, value: object, start: int, end: int, text: str = "") -> None:
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end
        self.text = text
        self.used_colon = False
        self.expandable = False
        self.parts = None
        self.errs = None

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.value!r}, {self.start}:{self.end})"


class VariablePath:
    """A variable reference: ``$script:x`` → scope 'script', name 'x'; ``$env:PATH`` → drive 'env'."""

    __slots__ = ("braced", "name", "scope")

    SCOPES = ("global", "local", "private", "script", "using", "workflow")

    def __init__(self, text: str, braced: bool = False) -> None:
        self.braced = braced
        self.scope = None
        self.name = text
        if ":" in text and not text.startswith(":"):
            prefix, rest = text.split(":", 1)
            low = prefix.lower()
            if low in self.SCOPES or low in ("env", "variable", "function", "alias") or (
                    len(prefix) > 0 and rest != ""):
                self.scope = low
                self.name = rest

    @property
    def key(self) -> str:
        """The case-insensitive name used for storage ('psitem' and '_' are one variable)."""
        low = self.name.lower()
        return "_" if low == "psitem" else low

    def __repr__(self) -> str:
        return f"${self.scope + ':' if self.scope else ''}{self.name}"
