"""Mode-aware scanner for PowerShell source.

The parser drives the mode: in *expression* mode ``-eq`` is an operator and ``7z`` is a
bad number; in *command* mode ``-eq`` is a parameter and ``7z`` is a bare word.  Tokens
are scanned on demand at an offset, so the parser can re-scan the same text in the
other mode when a grammar rule needs it.
"""
from __future__ import annotations

from . import tokens as T
from .numbers import ASCII_DIGITS, scan_number
from .tokens import Token, VariablePath

EXPR, CMD = "expr", "cmd"

_BACKTICK_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n",
                     "r": "\r", "t": "\t", "v": "\v"}

_SIMPLE_OPS = [  # longest first
    "??=", "...", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "..", "::", "??",
    "?.", "?[", "2>&1", "=", "+", "-", "*", "/", "%", ",", ".", "!", "?", ":", "|", "&",
    ";", "(", ")", "{", "}", "[", "]",
]


def _first_on_line(src: str, pos: int) -> bool:
    """Whether only blanks precede ``pos`` on its line (where a #requires must stand)."""
    line_start = max(src.rfind("\n", 0, pos), src.rfind("\r", 0, pos)) + 1
    return not src[line_start:pos].strip()


class ScanError(Exception):
    """Raised for errors the tokenizer cannot recover from locally (recorded by the parser)."""


class Tokenizer:
    """Scans tokens from ``source``; ``errors`` collects (error_id, message, start, end, incomplete)."""

    def __init__(self, source: str, errors: list) -> None:
        self.src = source
        self.n = len(source)
        self.errors = errors
        # '#requires' comments seen so far: start offset -> end offset (trivia is re-skipped
        # when the parser looks ahead, hence a dict)
        self.requires_comments: dict[int, int] = {}

    # --- errors -------------------------------------------------------------
    def error(self, error_id: str, message: str, start: int, end: int,
              incomplete: bool = False) -> None:
        self.errors.append((error_id, message, start, end, incomplete))

    # --- whitespace and comments ---------------------------------------------
    def skip_trivia(self, pos: int, newlines: bool = False) -> int:
        """Skip spaces, comments and line continuations (and newlines when asked)."""
        src, n = self.src, self.n
        while pos < n:
            c = src[pos]
            if c in T.SPACE_CHARS:
                pos += 1
            elif c == "`" and pos + 1 < n and src[pos + 1] in T.NEWLINE_CHARS:
                pos += 2
                if src[pos - 1] == "\r" and pos < n and src[pos] == "\n":
                    pos += 1
            elif c == "#":
                start = pos
                while pos < n and src[pos] not in T.NEWLINE_CHARS:
                    pos += 1
                if src[start + 1:start + 9].lower() == "requires" and _first_on_line(src, start):
                    self.requires_comments[start] = pos
            elif c == "<" and src.startswith("<#", pos):
                end = src.find("#>", pos + 2)
                if end < 0:
                    self.error("MissingEndOfBlockComment",
                               "The '#>' block comment terminator is missing.", pos, n, True)
                    return n
                pos = end + 2
            elif newlines and c in T.NEWLINE_CHARS:
                pos += 1
            else:
                break
        return pos

    # --- main entry ------------------------------------------------------------
    def next_token(self, pos: int, mode: str) -> Token:
        src, n = self.src, self.n
        pos = self.skip_trivia(pos)
        if pos >= n:
            return Token(T.EOF_, None, n, n)
        c = src[pos]
        if c in T.NEWLINE_CHARS:
            end = pos + 1
            if c == "\r" and end < n and src[end] == "\n":
                end += 1
            return Token(T.NEWLINE, None, pos, end)
        nxt = src[pos + 1] if pos + 1 < n else ""
        if c == "$":
            return self.scan_dollar(pos, mode)
        if c == "@":
            if nxt == "(":
                return Token(T.AT_PAREN, "@(", pos, pos + 2)
            if nxt == "{":
                return Token(T.AT_CURLY, "@{", pos, pos + 2)
            if nxt in T.QUOTES:
                return self.scan_here_string(pos)
            if nxt.isalnum() or nxt in "_?:{":
                tok = self.scan_dollar(pos, mode)
                if tok.kind == T.VARIABLE:
                    tok.kind = T.SPLAT
                return tok
            if mode == CMD:
                return self.scan_generic(pos)
            self.error("UnrecognizedToken", "Unrecognized token in source text.", pos, pos + 1)
            return Token(T.OPERATOR, "@", pos, pos + 1)
        if c in T.SINGLE_QUOTES:
            return self.maybe_generic(self.scan_verbatim_string(pos), mode)
        if c in T.DOUBLE_QUOTES:
            return self.maybe_generic(self.scan_expandable_string(pos), mode)
        if c in "123456" and nxt == ">":
            tok = self.scan_redirection(pos)       # 2>&1, 3>$null: a stream number, not 2
            if tok is not None:
                return tok
        if c in ASCII_DIGITS or (c == "." and nxt in ASCII_DIGITS):
            tok = self.scan_number_token(pos, mode)
            if tok is not None:
                return tok
            return self.scan_generic(pos)
        if c in T.DASHES:
            return self.scan_dash(pos, mode)
        if mode == CMD:
            return self.scan_command_token(pos)
        return self.scan_expression_token(pos)

    def maybe_generic(self, tok: Token, mode: str) -> Token:
        """In command mode a quoted string glued to more text is one bare-word argument."""
        if mode == CMD and tok.end < self.n and self.src[tok.end] not in T.COMMAND_TERMINATORS \
                and not self.src.startswith("`\n", tok.end):
            return self.scan_generic(tok.start)
        return tok

    # --- operators and punctuation in expression mode ---------------------------------
    def scan_expression_token(self, pos: int) -> Token:
        src = self.src
        c = src[pos]
        if c.isalpha() or c == "_":
            end = pos + 1
            while end < self.n and (src[end].isalnum() or src[end] in "_-"):
                end += 1
            # identifiers in expression mode: keywords, member names, hashtable keys
            while src[end - 1] == "-":
                end -= 1
            word = src[pos:end]
            return Token(T.GENERIC, word, pos, end, word)
        if c in "><" or (c in "23456*" and pos + 1 < self.n and src[pos + 1] == ">"):
            tok = self.scan_redirection(pos)
            if tok is not None:
                return tok
        for op in _SIMPLE_OPS:
            if src.startswith(op, pos):
                if op == "2>&1":
                    continue
                kind = op if op in ("(", ")", "{", "}", "[", "]", ",", ";", "|", "&", "&&", "||",
                                    "::", "..", ".") else T.OPERATOR
                return Token(kind, op, pos, pos + len(op), op)
        self.error("UnexpectedToken", f"Unexpected token '{c}' in expression or statement.",
                   pos, pos + 1)
        return Token(T.GENERIC, c, pos, pos + 1, c)

    # --- command mode -----------------------------------------------------------------
    def scan_command_token(self, pos: int) -> Token:
        src = self.src
        c = src[pos]
        if c in "(){}[];,|&" and c != "[":
            if c == "&" and src.startswith("&&", pos):
                return Token(T.AND_AND, "&&", pos, pos + 2)
            if c == "|" and src.startswith("||", pos):
                return Token(T.OR_OR, "||", pos, pos + 2)
            return Token(c, c, pos, pos + 1, c)
        if c in "><" or (c in "123456*" and pos + 1 < self.n and src[pos + 1] == ">"):
            tok = self.scan_redirection(pos)
            if tok is not None:
                return tok
        return self.scan_generic(pos)

    def scan_redirection(self, pos: int) -> Token | None:
        src = self.src
        stream = "1"
        p = pos
        if src[p] in "123456*":
            stream = src[p]
            p += 1
        if p >= self.n or src[p] not in "><":
            return None
        if src[p] == "<":
            self.error("RedirectionNotSupported",
                       "The '<' operator is reserved for future use.", pos, p + 1)
            return Token(T.REDIRECTION, (stream, False, None), pos, p + 1)
        p += 1
        append = False
        if p < self.n and src[p] == ">":
            append = True
            p += 1
        if not append and src.startswith("&", p) and p + 1 < self.n and src[p + 1] in "123456":
            return Token(T.REDIRECTION, (stream, False, src[p + 1]), pos, p + 2)
        return Token(T.REDIRECTION, (stream, append, None), pos, p)

    def scan_dash(self, pos: int, mode: str) -> Token:
        src, n = self.src, self.n
        nxt = src[pos + 1] if pos + 1 < n else ""
        if nxt in T.DASHES:
            if mode == CMD:
                after = src[pos + 2] if pos + 2 < n else ""
                if after == "%":
                    end = pos + 3
                    stop = end
                    while stop < n and src[stop] not in "\r\n|":
                        stop += 1
                    return Token(T.STOP_PARSING, src[end:stop].strip(), pos, stop)
                if after == "" or after in T.COMMAND_TERMINATORS:
                    return Token(T.MINUSMINUS_END, "--", pos, pos + 2)
                return self.scan_generic(pos)
            if pos + 2 < n and src[pos + 2] == "=":
                return Token(T.OPERATOR, "--", pos, pos + 2)
            return Token(T.OPERATOR, "--", pos, pos + 2, "--")
        if nxt.isalpha() or nxt in "_?":
            end = pos + 1
            if mode == CMD:
                while end < n and src[end] not in T.COMMAND_TERMINATORS and src[end] not in ".[:" \
                        and src[end] not in T.QUOTES:
                    end += 1
                if end < n and src[end] in T.QUOTES:
                    return self.scan_generic(pos)
                tok = Token(T.PARAMETER, src[pos + 1:end], pos, end, src[pos:end])
                if end < n and src[end] == ":":
                    tok.used_colon = True
                    tok.end = end + 1
                return tok
            while end < n and (src[end].isalnum() or src[end] == "_"):
                end += 1
            word = "-" + src[pos + 1:end].lower()
            if word in T.DASH_OPERATORS:
                return Token(T.OPERATOR, word, pos, end, src[pos:end])
            self.error("UnexpectedToken",
                       f"Unexpected token '{src[pos:end]}' in expression or statement.",
                       pos, end)
            return Token(T.OPERATOR, word, pos, end, src[pos:end])
        if mode == CMD:
            if nxt in ASCII_DIGITS or nxt == ".":
                tok = self.scan_number_token(pos, mode)
                if tok is not None:
                    return tok
            if nxt == "" or nxt in T.COMMAND_TERMINATORS:
                return Token(T.GENERIC, "-", pos, pos + 1, "-")
            return self.scan_generic(pos)
        if nxt == "=":
            return Token(T.OPERATOR, "-=", pos, pos + 2, "-=")
        return Token(T.OPERATOR, "-", pos, pos + 1, "-")

    # --- numbers -------------------------------------------------------------------------
    def scan_number_token(self, pos: int, mode: str) -> Token | None:
        """A number, or None when the text is not a number (command mode: a bare word)."""
        result = scan_number(self.src, pos, allow_sign=(mode == CMD))
        if result is None:
            return None
        value, end = result
        if end < self.n:
            c = self.src[end]
            ok_follow = c in T.COMMAND_TERMINATORS or c in T.NEWLINE_CHARS
            if mode == EXPR:
                ok_follow = ok_follow or not (c.isalnum() or c in "_$@\"'`") or c in "." \
                    and not self.src[end + 1:end + 2].isalpha()
                if c == "." and self.src[end + 1:end + 2] == ".":
                    ok_follow = True
            elif c in "])" or (c == "." and self.src[end + 1:end + 2] == "."):
                ok_follow = True
            if not ok_follow:
                return None
        if isinstance(value, Exception):
            self.error("BadNumericConstant", f"The numeric constant {self.src[pos:end]} is not "
                       "valid.", pos, end)
            value = 0
        return Token(T.NUMBER, value, pos, end, self.src[pos:end])

    # --- variables -----------------------------------------------------------------------
    def scan_dollar(self, pos: int, mode: str) -> Token:
        src, n = self.src, self.n
        p = pos + 1
        if p < n and src[p] == "(" and src[pos] == "$":
            return Token(T.DOLLAR_PAREN, "$(", pos, pos + 2)
        if p < n and src[p] == "{":
            end = p + 1
            chars = []
            while end < n and src[end] != "}":
                if src[end] == "`" and end + 1 < n:
                    end += 1
                chars.append(src[end])
                end += 1
            if end >= n:
                self.error("IncompleteDollarVariableReference",
                           "Variable reference is not valid. The '}' is missing.", pos, n, True)
                return Token(T.VARIABLE, VariablePath("".join(chars), True), pos, n)
            return Token(T.VARIABLE, VariablePath("".join(chars), True), pos, end + 1,
                         src[pos:end + 1])
        if p < n and src[p] in "$?^":
            return Token(T.VARIABLE, VariablePath(src[p]), pos, p + 1, src[pos:p + 1])
        end = p
        while end < n:
            ch = src[end]
            if ch.isalnum() or ch == "_" or ch == "?" and end > p or ch == ":" and end > p and end + 1 < n and src[end + 1] != ":" and (
                    src[end + 1].isalnum() or src[end + 1] in "_{"):
                end += 1
            else:
                break
        if end == p:
            if mode == CMD:
                return self.scan_generic(pos)
            self.error("InvalidVariableReference",
                       "Variable reference is not valid. '$' was not followed by a valid "
                       "variable name character. Consider using ${} to delimit the name.",
                       pos, pos + 1)
            return Token(T.VARIABLE, VariablePath("$"), pos, pos + 1)
        name = src[p:end]
        if mode == CMD and end < n and src[end] not in T.COMMAND_TERMINATORS \
                and src[end] not in ".[" and src[pos] == "$" and not src.startswith("::", end):
            return self.scan_generic(pos)
        return Token(T.VARIABLE, VariablePath(name), pos, end, src[pos:end])

    # --- strings -------------------------------------------------------------------------
    def scan_verbatim_string(self, pos: int) -> Token:
        src, n = self.src, self.n
        p = pos + 1
        out = []
        while p < n:
            c = src[p]
            if c in T.SINGLE_QUOTES:
                if p + 1 < n and src[p + 1] in T.SINGLE_QUOTES:
                    out.append(c)
                    p += 2
                    continue
                return Token(T.STRING, "".join(out), pos, p + 1, src[pos:p + 1])
            out.append(c)
            p += 1
        self.error("TerminatorExpectedAtEndOfString",
                   "The string is missing the terminator: '.", pos, n, True)
        return Token(T.STRING, "".join(out), pos, n)

    def find_subexpression_end(self, pos: int) -> int:
        """Offset just past the ')' closing the ``$(`` whose '(' is at ``pos - 1``.

        Nested strings, here-strings and comments are skipped so their parentheses don't count.
        """
        src, n = self.src, self.n
        depth = 1
        p = pos
        while p < n:
            c = src[p]
            if c in "({":
                depth += 1
            elif c in ")}":
                depth -= 1
                if depth == 0:
                    return p + 1
            elif c in T.SINGLE_QUOTES:
                p = self.scan_verbatim_string(p).end
                continue
            elif c in T.DOUBLE_QUOTES:
                p = self.scan_expandable_string(p).end
                continue
            elif c == "@" and p + 1 < n and src[p + 1] in T.QUOTES:
                p = self.scan_here_string(p).end
                continue
            elif c == "`":
                p += 2
                continue
            elif c == "#" and (p == pos or src[p - 1] in T.SPACE_CHARS or src[p - 1] in "\r\n;"):
                while p < n and src[p] not in "\r\n":
                    p += 1
                continue
            elif c == "<" and src.startswith("<#", p):
                end = src.find("#>", p)
                p = n if end < 0 else end + 2
                continue
            p += 1
        return -1

    def scan_expandable_string(self, pos: int) -> Token:
        """A double-quoted string; ``parts`` lists literal text and ('$', start, end) holes."""
        src, n = self.src, self.n
        p = pos + 1
        parts: list = []
        buf: list[str] = []
        while p < n:
            c = src[p]
            if c in T.DOUBLE_QUOTES:
                if p + 1 < n and src[p + 1] in T.DOUBLE_QUOTES:
                    buf.append(c)
                    p += 2
                    continue
                tok = self._finish_expandable(parts, buf, pos, p + 1)
                return tok
            if c == "`":
                p = self._escape(p, buf)
                continue
            if c == "$":
                hole = self._scan_hole(p)
                if hole is not None:
                    if buf:
                        parts.append("".join(buf))
                        buf = []
                    parts.append(hole)
                    p = hole[2]
                    continue
            buf.append(c)
            p += 1
        self.error("TerminatorExpectedAtEndOfString",
                   'The string is missing the terminator: ".', pos, n, True)
        return self._finish_expandable(parts, buf, pos, n)

    def _finish_expandable(self, parts: list, buf: list, start: int, end: int) -> Token:
        if buf:
            parts.append("".join(buf))
        tok = Token(T.STRING, "", start, end, self.src[start:end])
        if any(not isinstance(p, str) for p in parts):
            tok.expandable = True
            tok.parts = parts
            tok.value = None
        else:
            tok.value = "".join(parts)
        return tok

    def _escape(self, p: int, buf: list) -> int:
        """Decode the backtick escape at ``p``; returns the offset after it."""
        src, n = self.src, self.n
        if p + 1 >= n:
            buf.append("`")
            return p + 1
        e = src[p + 1]
        if e == "u" and p + 2 < n and src[p + 2] == "{":
            close = src.find("}", p + 3)
            digits = src[p + 3:close] if close > 0 else ""
            if close < 0 or not digits or len(digits) > 6 or any(
                    ch not in "0123456789abcdefABCDEF" for ch in digits):
                self.error("InvalidUnicodeEscapeSequence",
                           "The Unicode escape sequence is not valid. A valid sequence is `u{ "
                           "followed by 1 to 6 hex digits and a closing '}'.", p, p + 3)
                return p + 3
            code = int(digits, 16)
            if code > 0x10FFFF:
                self.error("InvalidUnicodeEscapeSequenceValue",
                           "The Unicode escape sequence value is out of range. The maximum "
                           "value is 0x10FFFF.", p, close + 1)
                return close + 1
            buf.append(chr(code))
            return close + 1
        buf.append(_BACKTICK_ESCAPES.get(e, e))
        if e == "\r" and p + 2 < n and src[p + 2] == "\n":
            buf.append("\n")
            return p + 3
        return p + 2

    def _scan_hole(self, p: int):
        """A ``$x``/``${x}``/``$(...)`` inside an expandable string: ('var'|'sub', start, end)."""
        src, n = self.src, self.n
        if p + 1 >= n:
            return None
        c = src[p + 1]
        if c == "(":
            end = self.find_subexpression_end(p + 2)
            if end < 0:
                self.error("IncompleteDollarSubexpressionReference",
                           "Missing closing ')' in subexpression.", p, n, True)
                return ("sub", p, n)
            return ("sub", p, end)
        if c == "{":
            close = src.find("}", p + 2)
            if close < 0:
                return None
            return ("var", p, close + 1)
        if c.isalnum() or c in "_?^$:":
            tok = self.scan_dollar(p, EXPR)
            if tok.end == p + 1:
                return None
            return ("var", p, tok.end)
        return None

    def scan_here_string(self, pos: int) -> Token:
        src, n = self.src, self.n
        quote = src[pos + 1]
        expandable = quote in T.DOUBLE_QUOTES
        p = pos + 2
        while p < n and src[p] in T.SPACE_CHARS:
            p += 1
        if p >= n or src[p] not in T.NEWLINE_CHARS:
            if p >= n:
                self.error("TerminatorExpectedAtEndOfString",
                           "The string is missing the terminator: " + quote + "@.", pos, n, True)
                return Token(T.STRING, "", pos, n)
            self.error("UnexpectedCharactersAfterHereStringHeader",
                       "No characters are allowed after a here-string header but before the "
                       "end of the line.", pos, p)
            return Token(T.STRING, "", pos, p)
        p += 2 if src.startswith("\r\n", p) else 1
        body_start = p
        closers = T.DOUBLE_QUOTES if expandable else T.SINGLE_QUOTES
        # find a line starting with quote + '@'
        line = p
        while line <= n:
            if line + 1 < n and src[line] in closers and src[line + 1] == "@":
                body_end = line
                if body_end > body_start:
                    body_end -= 1
                    if body_end > body_start and src[body_end] == "\n" and src[body_end - 1] == "\r":
                        body_end -= 1
                    elif src[body_end] not in "\r\n":
                        body_end += 1
                else:
                    body_end = body_start
                end = line + 2
                return self._here_body(pos, body_start, max(body_start, body_end), end,
                                       expandable)
            nl = src.find("\n", line)
            if nl < 0:
                break
            line = nl + 1
        self.error("TerminatorExpectedAtEndOfString",
                   f"The string is missing the terminator: {quote}@.", pos, n, True)
        return self._here_body(pos, body_start, n, n, expandable)

    def _here_body(self, pos: int, start: int, end: int, tok_end: int, expandable: bool) -> Token:
        text = self.src[start:end].replace("\r\n", "\n")
        if not expandable:
            return Token(T.STRING, text, pos, tok_end, self.src[pos:tok_end])
        parts: list = []
        buf: list[str] = []
        p = start
        src = self.src
        while p < end:
            c = src[p]
            if c == "`":
                p = self._escape(p, buf)
                continue
            if c == "$":
                hole = self._scan_hole(p)
                if hole is not None and hole[2] <= tok_end:
                    if buf:
                        parts.append("".join(buf))
                        buf = []
                    parts.append(hole)
                    p = hole[2]
                    continue
            if c == "\r" and p + 1 < end and src[p + 1] == "\n":
                p += 1
                continue
            buf.append(c)
            p += 1
        return self._finish_expandable(parts, buf, pos, tok_end)

    # --- bare words (generic tokens) --------------------------------------------------------
    def scan_generic(self, pos: int) -> Token:
        """A command-mode bare word; quotes and ``$var`` inside it are expanded in place."""
        src, n = self.src, self.n
        p = pos
        parts: list = []
        buf: list[str] = []
        while p < n:
            c = src[p]
            if c in T.COMMAND_TERMINATORS:
                if c == "&" and p == pos:
                    pass
                else:
                    break
            if c == "`":
                if p + 1 < n and src[p + 1] in T.NEWLINE_CHARS:
                    break
                p = self._escape(p, buf)
                continue
            if c in T.SINGLE_QUOTES:
                tok = self.scan_verbatim_string(p)
                buf.append(tok.value)
                p = tok.end
                continue
            if c in T.DOUBLE_QUOTES:
                tok = self.scan_expandable_string(p)
                if tok.expandable:
                    if buf:
                        parts.append("".join(buf))
                        buf = []
                    parts.extend(tok.parts)
                else:
                    buf.append(tok.value)
                p = tok.end
                continue
            if c == "$" and p + 1 < n:
                hole = self._scan_hole(p)
                if hole is not None:
                    if buf:
                        parts.append("".join(buf))
                        buf = []
                    parts.append(hole)
                    p = hole[2]
                    continue
            buf.append(c)
            p += 1
        if p == pos:
            # a lone terminator character that isn't punctuation in this context
            p = pos + 1
            buf.append(src[pos])
        tok = self._finish_expandable(parts, buf, pos, p)
        tok.kind = T.GENERIC
        tok.text = src[pos:p]
        return tok


def decimal_context():
    """Decimal arithmetic with .NET System.Decimal's 28-29 significant digits."""
    import decimal
    return decimal.Context(prec=29)
