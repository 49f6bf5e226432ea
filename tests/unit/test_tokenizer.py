"""Tokenizer: token kinds, decoded values, offsets and numeric literal types, per mode.

Expected values follow about_Numeric_Literals, about_Quoting_Rules, about_Special_Characters,
about_Variables and about_Parsing (PowerShell 7.4).
"""
from __future__ import annotations

import decimal

import pytest

from pwshlike.lexer import tokens as T
from pwshlike.lexer.tokenizer import CMD, EXPR, Tokenizer
from pwshlike.runtime import numeric as N
from pwshlike.runtime.typenames import type_name_of


def scan(src: str, mode: str = EXPR):
    """All tokens of ``src`` in one mode (EOF excluded) plus the recorded errors."""
    errors: list = []
    tz = Tokenizer(src, errors)
    out = []
    pos = 0
    while True:
        tok = tz.next_token(pos, mode)
        if tok.kind == T.EOF_:
            return out, errors
        out.append(tok)
        pos = tok.end


def one(src: str, mode: str = EXPR):
    toks, errors = scan(src, mode)
    assert len(toks) == 1, toks
    return toks[0], errors


def number(src: str):
    tok, errors = one(src)
    assert tok.kind == T.NUMBER, tok
    assert errors == []
    return tok.value


def kinds(src: str, mode: str = EXPR) -> list[str]:
    return [t.kind for t in scan(src, mode)[0]]


# --- numbers: value and .NET type -------------------------------------------------------------
@pytest.mark.parametrize(("src", "value", "type_name"), [
    ("100", 100, "System.Int32"),
    ("100u", 100, "System.UInt32"),
    ("100D", 100, "System.Decimal"),
    ("100l", 100, "System.Int64"),
    ("100uL", 100, "System.UInt64"),
    ("100us", 100, "System.UInt16"),
    ("100uy", 100, "System.Byte"),
    ("100y", 100, "System.SByte"),
    ("100s", 100, "System.Int16"),
    ("1e2", 100.0, "System.Double"),
    ("0x1e2", 482, "System.Int32"),
    ("0x1e2L", 482, "System.Int64"),
    ("0x1e2D", 7725, "System.Int32"),      # 'D' is a hex digit here
    ("482D", 482, "System.Decimal"),
    ("482gb", 517543559168, "System.Int64"),
    ("0x1e2lgb", 517543559168, "System.Int64"),
    ("0b1011011", 91, "System.Int32"),
    ("0xFFFFFFFF", -1, "System.Int32"),
    ("0xFFFFFFFFu", 4294967295, "System.UInt32"),
    ("0x80000000", -2147483648, "System.Int32"),
    ("0x7FFFFFFF", 2147483647, "System.Int32"),
    ("0x100000000", 4294967296, "System.Int64"),
    ("0x10Gb", 17179869184, "System.Int64"),
    ("0x12Lpb", 20266198323167232, "System.Int64"),
    ("1kb", 1024, "System.Int32"),
    ("1KB", 1024, "System.Int32"),
    ("2mb", 2097152, "System.Int32"),
    ("1gb", 1073741824, "System.Int32"),
    ("1tb", 1099511627776, "System.Int64"),
    ("1pb", 1125899906842624, "System.Int64"),
    ("2147483647", 2147483647, "System.Int32"),
    ("2147483648", 2147483648, "System.Int64"),
    ("9223372036854775807", 9223372036854775807, "System.Int64"),
    ("9223372036854775808", 9223372036854775808, "System.Decimal"),
])
def test_integer_literal_types(src, value, type_name):
    v = number(src)
    assert v == value
    assert type_name_of(v) == type_name


def test_bigint_literals():
    assert type(number("100n")) is N.BigInteger and number("100n") == 100
    v = number("482ngb")
    assert type(v) is N.BigInteger and v == 517543559168
    big = number("111111111111111111111111111111111111111111111111111111n")
    assert big == 111111111111111111111111111111111111111111111111111111


def test_bigint_literal_type_name():
    assert type_name_of(number("100n")) == "System.Numerics.BigInteger"


def test_real_literal_with_trailing_dot_and_exponent():
    assert number("1.e2") == 100.0


def test_real_literals():
    assert number(".5") == 0.5 and type(number(".5")) is float
    assert number("1.5") == 1.5
    assert number("1e3") == 1000.0 and type(number("1e3")) is float
    assert number("1E-2") == 0.01
    assert number("1.5mb") == 1572864.0 and type(number("1.5mb")) is float
    assert number("1.4e23tb") == pytest.approx(1.5393162788864e35)
    assert number("1e400") == float("inf")      # doubles overflow to infinity


def test_decimal_literals_keep_scale():
    v = number("1.30Dmb")
    assert isinstance(v, decimal.Decimal)
    assert str(v) == "1363148.80"             # trailing zeros are significant
    assert number("1.5d") == decimal.Decimal("1.5")


def test_large_decimal_integer_becomes_double_beyond_decimal_range():
    v = number("100000000000000000000000000000")
    assert type(v) is float and v == 1e29


def test_sixteen_digit_hex_literal_is_int64():
    assert type_name_of(number("0xFFFFFFFFFFFFFFFF")) == "System.Int64"
    assert number("0xFFFFFFFFFFFFFFFF") == -1
    assert type_name_of(number("0x0000000000000001")) == "System.Int64"


def test_hex_literal_with_short_suffix_is_signed():
    v = number("0xFFFFs")
    assert v == -1 and type_name_of(v) == "System.Int16"


def test_real_literal_with_long_suffix():
    assert number("1.2L") == 1 and type_name_of(number("1.2L")) == "System.Int64"
    assert number("1.2345e1L") == 12
    assert number("1.2345e-5L") == 0


def test_malformed_literal_with_valid_syntax_is_bad_numeric_constant():
    tok, errors = one("1usgb")
    assert tok.kind == T.NUMBER
    assert [e[0] for e in errors] == ["BadNumericConstant"]
    assert errors[0][2:4] == (0, 5)
    tok, errors = one("256uy")
    assert [e[0] for e in errors] == ["BadNumericConstant"]


def test_bad_numeric_constant_message():
    _, errors = one("1usgb")
    assert errors[0][1] == "The numeric constant 1usgb is not valid."


def test_malformed_literal_with_invalid_syntax_is_a_bare_word():
    for src in ("1gbus", "100gbL", "7z"):
        tok, errors = one(src, CMD)
        assert (tok.kind, tok.value, errors) == (T.GENERIC, src, [])


def test_number_token_positions_and_text():
    toks, _ = scan("  0x1F + 10")
    assert [(t.kind, t.value, t.start, t.end, t.text) for t in toks] == [
        (T.NUMBER, 31, 2, 6, "0x1F"), (T.OPERATOR, "+", 7, 8, "+"), (T.NUMBER, 10, 9, 11, "10")]


def test_sign_is_part_of_a_number_only_in_command_mode():
    assert [(t.kind, t.value) for t in scan("-1", CMD)[0]] == [(T.NUMBER, -1)]
    assert [(t.kind, t.value) for t in scan("-1", EXPR)[0]] == [(T.OPERATOR, "-"), (T.NUMBER, 1)]


def test_numeric_types_are_the_runtime_classes():
    assert type(number("1l")) is N.Int64
    assert type(number("1u")) is N.UInt32
    assert type(number("1ul")) is N.UInt64
    assert type(number("1n")) is N.BigInteger
    assert type(number("1y")) is N.SByte
    assert type(number("1uy")) is N.Byte
    assert type(number("1")) is int


# --- strings --------------------------------------------------------------------------------------
def test_single_quoted_string_is_verbatim_with_doubled_quotes():
    tok, errors = one("'it''s $x `n'")
    assert (tok.kind, tok.value, tok.expandable, errors) == (T.STRING, "it's $x `n", False, [])
    assert (tok.start, tok.end) == (0, 13)


def test_double_quoted_escapes():
    tok, _ = one('"a`tb`nc`u{1F600}`0`a`e"')
    assert tok.value == "a\tb\nc\U0001F600\0\a\x1b"
    assert one('"say ""hi"""')[0].value == 'say "hi"'
    assert one('"a`"b"')[0].value == 'a"b'
    assert one('"cost: `$5"')[0].value == "cost: $5"
    assert one('"`q"')[0].value == "q"     # unknown escape: the character itself


def test_unicode_escape_errors():
    _, errors = one('"`u{110000}"')
    assert [e[0] for e in errors] == ["InvalidUnicodeEscapeSequenceValue"]
    _, errors = one('"`u{}"')
    assert [e[0] for e in errors] == ["InvalidUnicodeEscapeSequence"]


def test_expandable_string_parts_locate_each_hole():
    src = '"$a and $(1+2) ${b c}!"'
    tok, _ = one(src)
    assert tok.expandable and tok.value is None
    assert tok.parts == [("var", 1, 3), " and ", ("sub", 8, 14), " ", ("var", 15, 21), "!"]
    assert src[8:14] == "$(1+2)" and src[15:21] == "${b c}"


def test_subexpression_hole_skips_nested_strings_and_parens():
    src = '"x $(")" + (1)) y"'
    tok, errors = one(src)
    assert errors == []
    assert tok.parts == ["x ", ("sub", 3, 15), " y"]


def test_dollar_without_name_is_literal_in_string():
    tok, _ = one('"$ 5 and $"')
    assert (tok.expandable, tok.value) == (False, "$ 5 and $")


def test_unterminated_strings_are_incomplete():
    for src, quote in (('"abc', '"'), ("'abc", "'")):
        tok, errors = one(src)
        assert tok.kind == T.STRING and tok.end == 4
        assert errors == [("TerminatorExpectedAtEndOfString",
                           f"The string is missing the terminator: {quote}.", 0, 4, True)]


def test_verbatim_here_string():
    src = "@'\nline1\n  $x `n\n'@"
    tok, errors = one(src)
    assert errors == []
    assert (tok.kind, tok.value, tok.start, tok.end) == (T.STRING, "line1\n  $x `n", 0, len(src))


def test_here_string_crlf_is_normalised_and_blank_body():
    assert one("@'\r\na\r\nb\r\n'@")[0].value == "a\nb"
    assert one("@'\n'@")[0].value == ""


def test_expandable_here_string():
    tok, _ = one('@"\nv=$x "q"\n"@')
    assert tok.expandable
    assert tok.parts == ["v=", ("var", 5, 7), ' "q"']


def test_here_string_header_errors():
    toks, errors = scan("@'abc\n'@")
    assert toks[0].kind == T.STRING
    assert errors[0][:1] == ("UnexpectedCharactersAfterHereStringHeader",)
    assert errors[0][2:4] == (0, 2)
    _tok, errors = one("@'\nnever closed")
    assert errors == [("TerminatorExpectedAtEndOfString",
                       "The string is missing the terminator: '@.", 0, 15, True)]


def test_smart_quotes_delimit_strings():
    assert one("\u2018smart\u2019")[0].value == "smart"
    assert one("\u201cdq\u201d")[0].value == "dq"
    assert one("'it\u2019\u2019s'")[0].value == "it\u2019s"


# --- variables -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("src", "scope", "name", "end"), [
    ("$a", None, "a", 2),
    ("$_", None, "_", 2),
    ("$?", None, "?", 2),
    ("$$", None, "$", 2),
    ("$^", None, "^", 2),
    ("${a b}", None, "a b", 6),
    ("$env:PATH", "env", "PATH", 9),
    ("$script:x", "script", "x", 9),
    ("$Global:y", "global", "y", 9),
    ("${env:ProgramFiles(x86)}", "env", "ProgramFiles(x86)", 24),
])
def test_variable_tokens(src, scope, name, end):
    tok, errors = one(src)
    assert errors == []
    assert tok.kind == T.VARIABLE
    assert (tok.value.scope, tok.value.name, tok.start, tok.end) == (scope, name, 0, end)


def test_variable_key_is_case_insensitive_and_psitem_is_underscore():
    assert one("$FOO")[0].value.key == "foo"
    assert one("$PSItem")[0].value.key == "_"


def test_question_mark_is_a_variable_name_character():
    # about_Operators: ${a}?.b is needed because $a?.b names the variable 'a?'
    toks, _ = scan("$x?.y")
    assert toks[0].value.name == "x?"
    assert [t.kind for t in toks] == [T.VARIABLE, T.DOT, T.GENERIC]


def test_variable_followed_by_static_member():
    assert kinds("$a::b") == [T.VARIABLE, T.COLONCOLON, T.GENERIC]


def test_splat_token():
    tok, _ = one("@args", CMD)
    assert (tok.kind, tok.value.name, tok.start, tok.end) == (T.SPLAT, "args", 0, 5)
    assert one("@x")[0].kind == T.SPLAT


def test_bad_variable_reference():
    _toks, errors = scan("$ ")
    assert errors[0][0] == "InvalidVariableReference"
    _, errors = one("${abc")
    assert errors == [("IncompleteDollarVariableReference",
                       "Variable reference is not valid. The '}' is missing.", 0, 5, True)]


# --- operators in expression mode --------------------------------------------------------------------
def test_dash_operators_are_lower_cased_and_keep_source_text():
    toks, _ = scan("$a -EQ 1 -cLike 'x' -iMatch 'y'")
    ops = [(t.value, t.text) for t in toks if t.kind == T.OPERATOR]
    assert ops == [("-eq", "-EQ"), ("-clike", "-cLike"), ("-imatch", "-iMatch")]


def test_dash_variants_are_operators():
    for dash in ("\u2013", "\u2014", "\u2015"):
        toks, errors = scan(f"$a {dash}eq 1")
        assert errors == []
        assert (toks[1].kind, toks[1].value, toks[1].text) == (T.OPERATOR, "-eq", f"{dash}eq")


def test_unknown_dash_word_in_expression_mode_is_an_error():
    _, errors = scan("1 -bogus 2")
    assert errors[0][:1] == ("UnexpectedToken",)
    assert errors[0][2:4] == (2, 8)


def test_assignment_and_punctuation_operators():
    toks, _ = scan("$a += 1; $b ??= 2; $c++")
    assert [t.value for t in toks if t.kind == T.OPERATOR] == ["+=", "??=", "++"]
    assert kinds("@(1)") == [T.AT_PAREN, T.NUMBER, T.RPAREN]
    assert kinds("$(1)") == [T.DOLLAR_PAREN, T.NUMBER, T.RPAREN]
    assert kinds("@{}") == [T.AT_CURLY, T.RCURLY]
    assert kinds("1..2") == [T.NUMBER, T.DOTDOT, T.NUMBER]
    assert kinds("a && b || c", CMD) == [T.GENERIC, T.AND_AND, T.GENERIC, T.OR_OR, T.GENERIC]


def test_redirection_tokens():
    toks, _ = scan("x *>> log > out *>&1", CMD)
    assert [(t.kind, t.value) for t in toks] == [
        (T.GENERIC, "x"), (T.REDIRECTION, ("*", True, None)), (T.GENERIC, "log"),
        (T.REDIRECTION, ("1", False, None)), (T.GENERIC, "out"),
        (T.REDIRECTION, ("*", False, "1"))]
    _, errors = scan("x < y", CMD)
    assert errors[0][0] == "RedirectionNotSupported"


def test_numbered_stream_redirection_in_command_mode():
    toks, _ = scan("x 2>&1 2> err.txt 6>&1", CMD)
    assert [(t.kind, t.value) for t in toks] == [
        (T.GENERIC, "x"), (T.REDIRECTION, ("2", False, "1")),
        (T.REDIRECTION, ("2", False, None)), (T.GENERIC, "err.txt"),
        (T.REDIRECTION, ("6", False, "1"))]


# --- command mode ----------------------------------------------------------------------------------
def test_command_mode_parameters():
    toks, errors = scan("Get-Item -Path:C:\\x -Recurse -- -foo", CMD)
    assert errors == []
    assert [(t.kind, t.value, t.start, t.end, t.used_colon) for t in toks] == [
        (T.GENERIC, "Get-Item", 0, 8, False),
        (T.PARAMETER, "Path", 9, 15, True),
        (T.GENERIC, "C:\\x", 15, 19, False),
        (T.PARAMETER, "Recurse", 20, 28, False),
        (T.MINUSMINUS_END, "--", 29, 31, False),
        (T.PARAMETER, "foo", 32, 36, False),
    ]


def test_operator_word_is_a_parameter_in_command_mode():
    tok, _ = one("-eq", CMD)
    assert (tok.kind, tok.value) == (T.PARAMETER, "eq")
    tok, _ = one("\u2013Name", CMD)
    assert (tok.kind, tok.value, tok.text) == (T.PARAMETER, "Name", "\u2013Name")


def test_stop_parsing_token_takes_rest_of_line_verbatim():
    toks, _ = scan("echo --% a $b 'c' | d", CMD)
    assert [(t.kind, t.value) for t in toks] == [
        (T.GENERIC, "echo"), (T.STOP_PARSING, "a $b 'c'"), (T.PIPE, "|"), (T.GENERIC, "d")]


def test_generic_tokens():
    assert one("a.txt", CMD)[0].value == "a.txt"
    assert one("http://x.com/a?b=1", CMD)[0].value == "http://x.com/a?b=1"
    assert one("x>out.txt", CMD)[0].value == "x>out.txt"   # '>' does not end a bare word
    assert one("a`tb", CMD)[0].value == "a\tb"
    assert one("'a'b", CMD)[0].value == "ab"               # quoted text glued to a word


def test_generic_token_with_variable_is_expandable():
    tok, _ = one("foo$bar.txt", CMD)
    assert (tok.kind, tok.expandable) == (T.GENERIC, True)
    assert tok.parts == ["foo", ("var", 3, 7), ".txt"]


def test_comma_and_braces_end_bare_words():
    assert [(t.kind, t.value) for t in scan("a,b", CMD)[0]] == [
        (T.GENERIC, "a"), (T.COMMA, ","), (T.GENERIC, "b")]
    assert kinds("a{b}", CMD) == [T.GENERIC, T.LCURLY, T.GENERIC, T.RCURLY]


# --- trivia -----------------------------------------------------------------------------------------
def test_comments_are_skipped():
    toks, _ = scan("1 + 2 # comment")
    assert [t.value for t in toks] == [1, "+", 2]
    toks, _ = scan("<# block\n comment #> 3")
    assert [(t.value, t.start) for t in toks] == [(3, 21)]


def test_unterminated_block_comment_is_incomplete():
    _, errors = scan("<# abc")
    assert errors == [("MissingEndOfBlockComment",
                       "The '#>' block comment terminator is missing.", 0, 6, True)]


def test_backtick_line_continuation():
    toks, _ = scan("1 + `\n2")
    assert [(t.value, t.start) for t in toks] == [(1, 0), ("+", 2), (2, 6)]
    assert kinds("a `\r\n b", CMD) == [T.GENERIC, T.GENERIC]


def test_newline_tokens():
    toks, _ = scan("1\r\n2\n")
    assert [(t.kind, t.start, t.end) for t in toks] == [
        (T.NUMBER, 0, 1), (T.NEWLINE, 1, 3), (T.NUMBER, 3, 4), (T.NEWLINE, 4, 5)]


def test_unicode_spaces_are_whitespace():
    toks, _ = scan("1\u00a0+\u20032")
    assert [t.value for t in toks] == [1, "+", 2]
