"""Parser: AST shapes, operator precedence, source extents, and parse errors with pwsh ids.

Precedence follows pwsh's parser (token.cs: logical < bitwise < comparison < ?? < additive <
multiplicative < -f < ..; unary operators and the comma bind tighter than any binary operator).
Error ids are the ParserStrings resource names pwsh reports in FullyQualifiedErrorId.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import pwshlike
from pwshlike import ParseError
from pwshlike.parser import ast as A


def stmts(src: str) -> list:
    return pwshlike.parse(src).end_block.statements


def stmt(src: str):
    s = stmts(src)
    assert len(s) == 1, s
    return s[0]


def expr(src: str):
    """The expression of a one-statement, one-element expression pipeline."""
    p = stmt(src)
    assert isinstance(p, A.Pipeline) and len(p.elements) == 1, p
    ce = p.elements[0]
    assert isinstance(ce, A.CommandExpression), ce
    return ce.expression


def text(src: str, node) -> str:
    return src[node.start:node.end]


def shape(e) -> object:
    """A compact rendering of an expression tree for precedence assertions."""
    if isinstance(e, A.Binary):
        return (e.operator, shape(e.left), shape(e.right))
    if isinstance(e, A.Unary):
        return (e.operator, shape(e.operand))
    if isinstance(e, A.Constant):
        return e.value
    if isinstance(e, A.StringConstant):
        return e.value
    if isinstance(e, A.Variable):
        return "$" + e.path.name
    if isinstance(e, A.ArrayLiteral):
        return [shape(x) for x in e.elements]
    if isinstance(e, A.Ternary):
        return ("?:", shape(e.condition), shape(e.if_true), shape(e.if_false))
    if isinstance(e, A.Convert):
        return ("cast", e.type_name.name, shape(e.operand))
    if isinstance(e, A.Paren):
        return shape(e.pipeline.elements[0].expression)
    return type(e).__name__


def errors_of(src: str) -> list:
    with pytest.raises(ParseError) as ei:
        pwshlike.parse(src)
    return ei.value.errors


def ids(src: str) -> list[str]:
    return [e.error_id for e in errors_of(src)]


# --- precedence ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("src", "tree"), [
    ("1 + 2 * 3", ("+", 1, ("*", 2, 3))),
    ("1 * 2 + 3", ("+", ("*", 1, 2), 3)),
    ("1 - 2 - 3", ("-", ("-", 1, 2), 3)),                 # left associative
    ("10 / 5 % 3", ("%", ("/", 10, 5), 3)),
    ("-not $a -and $b", ("-and", ("-not", "$a"), "$b")),
    ("!$a -or $b", ("-or", ("-not", "$a"), "$b")),
    ("$a -or $b -and $c", ("-and", ("-or", "$a", "$b"), "$c")),   # one logical level
    ("1 + 2 -eq 3", ("-eq", ("+", 1, 2), 3)),
    ("1 -band 3 -eq 1", ("-band", 1, ("-eq", 3, 1))),     # bitwise below comparison
    ("1 -shl 2 + 1", ("-shl", 1, ("+", 2, 1))),           # -shl is comparison level
    ("'{0}' -f 1 + 1", ("+", ("-f", "{0}", 1), 1)),
    ("'{0}{1}' -f 1..2", ("-f", "{0}{1}", ("..", 1, 2))),  # .. binds tighter than -f
    ("1..2 + 3", ("+", ("..", 1, 2), 3)),
    ("$a ?? $b + 1", ("??", "$a", ("+", "$b", 1))),
    ("$a ?? $b -eq 1", ("-eq", ("??", "$a", "$b"), 1)),
    ("$a ?? $b ?? 3", ("??", ("??", "$a", "$b"), 3)),
    ("1, 2 + 3", ("+", [1, 2], 3)),                       # comma binds tighter than +
    ("-1 + 2", ("+", ("-", 1), 2)),
    ("-split 'a b' -join ','", ("-join", ("-split", "a b"), ",")),
    ("$x -is [int] -and $y", ("-and", ("-is", "$x", "TypeExpression"), "$y")),
    ("[int]'5' + 1", ("+", ("cast", "int", "5"), 1)),
    ("$a ? 1 : 2", ("?:", "$a", 1, 2)),
    ("$a -gt 1 ? 'y' : 'n'", ("?:", ("-gt", "$a", 1), "y", "n")),
    ("$a ? $b ? 1 : 2 : 3", ("?:", "$a", ("?:", "$b", 1, 2), 3)),
])
def test_precedence(src, tree):
    assert shape(expr(src)) == tree


def test_case_sensitive_operator_names_are_kept():
    assert expr("'a' -CEQ 'A'").operator == "-ceq"
    assert expr("'a' -ieq 'A'").operator == "-ieq"


# --- expressions ----------------------------------------------------------------------------------
def test_binary_extents():
    src = "1 + 2 * 3"
    e = expr(src)
    assert (e.start, e.end) == (0, 9)
    assert text(src, e.right) == "2 * 3"
    assert text(src, e.right.right) == "3"


def test_constant_node_keeps_literal_text():
    e = expr("0x10")
    assert (e.value, e.text) == (16, "0x10")


def test_string_nodes():
    assert (expr("'a'").value, expr("'a'").quote) == ("a", "'")
    e = expr('"x$y"')
    assert isinstance(e, A.ExpandableString) and e.quote == '"'
    assert e.parts[0] == "x" and isinstance(e.parts[1], A.Variable)
    assert e.parts[1].path.name == "y"
    src = '"a $(1 + 2) b"'
    e = expr(src)
    sub = e.parts[1]
    assert isinstance(sub, A.SubExpression)
    assert text(src, sub) == "$(1 + 2)"
    assert shape(sub.block.statements[0].elements[0].expression) == ("+", 1, 2)


def test_here_string_node():
    e = expr("@'\nabc\n'@")
    assert (type(e), e.value, e.quote) == (A.StringConstant, "abc", "here")


def test_member_and_method_nodes():
    src = "$a.b.C(1, 2)[0]"
    e = expr(src)
    assert isinstance(e, A.Index) and e.index.value == 0
    call = e.target
    assert isinstance(call, A.InvokeMember)
    assert call.member.value == "C" and [a.value for a in call.arguments] == [1, 2]
    assert text(src, call) == "$a.b.C(1, 2)"
    assert isinstance(call.target, A.Member) and call.target.member.value == "b"


def test_static_and_null_conditional_members():
    e = expr("[math]::Pi")
    assert isinstance(e, A.Member) and e.static and isinstance(e.target, A.TypeExpression)
    e = expr("${a}?.b")
    assert isinstance(e, A.Member) and e.null_conditional
    e = expr("${a}?[0]")
    assert isinstance(e, A.Index) and e.null_conditional


def test_type_names():
    e = expr("[System.Collections.Generic.Dictionary[string, int[]]]")
    tn = e.type_name
    assert tn.name == "System.Collections.Generic.Dictionary"
    assert [a.name for a in tn.generic_args] == ["string", "int"]
    assert tn.generic_args[1].array_rank == 1
    assert expr("[int[]]").type_name.array_rank == 1


def test_hashtable_and_array_nodes():
    src = "@{ a = 1; 'b c' = 2 }"
    e = expr(src)
    assert isinstance(e, A.Hashtable) and (e.start, e.end) == (0, len(src))
    assert [k.value for k, _ in e.pairs] == ["a", "b c"]
    assert isinstance(expr("@(1; 2)"), A.ArrayExpression)
    assert shape(expr("1, 2, 3")) == [1, 2, 3]
    assert shape(expr(",1")) == (",", 1)


def test_scriptblock_expression_text():
    src = "{ param($x) $x + 1 }"
    e = expr(src)
    assert isinstance(e, A.ScriptBlockExpression)
    assert e.text == " param($x) $x + 1 "
    assert [p.variable.name for p in e.body.param_block.parameters] == ["x"]


def test_postfix_increment():
    e = expr("$i++")
    assert (e.operator, e.postfix, shape(e.operand)) == ("++", True, "$i")
    e = expr("++$i")
    assert (e.operator, e.postfix) == ("++", False)


# --- statements -----------------------------------------------------------------------------------
def test_assignment():
    src = "$x = 1 + 2"
    a = stmt(src)
    assert isinstance(a, A.Assignment) and a.operator == "="
    assert a.target.path.name == "x"
    assert shape(a.value.elements[0].expression) == ("+", 1, 2)
    assert (a.start, a.end) == (0, len(src))


def test_compound_and_multiple_assignment():
    assert stmt("$x += 1").operator == "+="
    assert stmt("$x ??= 1").operator == "??="
    a = stmt("$a, $b = 1, 2")
    assert shape(a.target) == ["$a", "$b"]
    a = stmt("[int]$x = '5'")
    assert shape(a.target) == ("cast", "int", "$x")


def test_assignment_value_can_be_a_statement():
    a = stmt("$x = if ($y) { 1 } else { 2 }")
    assert isinstance(a.value, A.If) and a.value.else_block is not None


def test_command_with_arguments():
    src = "Get-ChildItem -Path . -Recurse:$false *.txt"
    cmd = stmt(src).elements[0]
    assert isinstance(cmd, A.Command) and cmd.invocation is None
    name, path, dot, recurse, pattern = cmd.elements
    assert (name.value, name.quote) == ("Get-ChildItem", "bare")
    assert (path.name, path.argument, path.used_colon) == ("Path", None, False)
    assert dot.value == "."
    assert (recurse.name, recurse.used_colon, recurse.argument.path.name) == (
        "Recurse", True, "false")
    assert pattern.value == "*.txt"
    assert text(src, name) == "Get-ChildItem" and text(src, pattern) == "*.txt"


def test_pipeline_elements():
    src = "1..3 | ForEach-Object { $_ * 2 } | Sort-Object -Descending"
    p = stmt(src)
    assert isinstance(p, A.Pipeline) and len(p.elements) == 3
    assert isinstance(p.elements[0], A.CommandExpression)
    assert [type(e) for e in p.elements[1:]] == [A.Command, A.Command]
    assert isinstance(p.elements[1].elements[1], A.ScriptBlockExpression)
    assert (p.start, p.end) == (0, len(src))


def test_pipeline_continues_on_next_line_starting_with_pipe():
    p = stmt("Get-Item x\n  | Select-Object Name")
    assert len(p.elements) == 2


def test_call_and_dot_invocation():
    cmd = stmt("& $sb 1").elements[0]
    assert cmd.invocation == "&" and cmd.elements[0].path.name == "sb"
    cmd = stmt(". ./x.ps1").elements[0]
    assert cmd.invocation == "." and cmd.elements[0].value == "./x.ps1"


def test_splat_and_end_of_parameters_and_stop_parsing():
    els = stmt("f @args -- -x").elements[0].elements
    assert isinstance(els[1], A.Variable) and els[1].splat
    assert isinstance(els[2], A.EndOfParameters)
    assert (type(els[3]), els[3].value) == (A.StringConstant, "-x")
    els = stmt("git --% log $x").elements[0].elements
    assert (type(els[1]), els[1].text) == (A.StopParsingArgument, "log $x")


def test_command_arguments_array():
    els = stmt("f a,b c").elements[0].elements
    assert shape(els[1]) == ["a", "b"] and els[2].value == "c"


def test_redirection_on_expression():
    ce = stmt("1 > out.txt").elements[0]
    assert ce.redirections[0].from_stream == "1" and ce.redirections[0].target.value == "out.txt"


def test_pipeline_chain():
    c = stmt("a && b || c")
    assert isinstance(c, A.PipelineChain) and c.operator == "||"
    assert isinstance(c.left, A.PipelineChain) and c.left.operator == "&&"


def test_background_operator():
    assert stmt("Start-Sleep 1 &").background is True


def test_script_with_param_and_named_blocks():
    src = "[CmdletBinding()]\nparam([Parameter(Mandatory)][int]$A = 5, $B)\nbegin { 1 }\n" \
          "process { $_ }\nend { 2 }"
    sb = pwshlike.parse(src)
    assert [a.type_name for a in sb.param_block.attributes] == ["CmdletBinding"]
    a, b = sb.param_block.parameters
    assert (a.variable.name, a.default.value) == ("A", 5)
    attr, tc = a.attributes
    assert (attr.type_name, attr.named) == ("Parameter", [("Mandatory", None)])
    assert tc.type_name.name == "int"
    assert (b.variable.name, b.default, b.attributes) == ("B", None, [])
    assert [blk.name for blk in (sb.begin_block, sb.process_block, sb.end_block)] == [
        "begin", "process", "end"]
    assert not sb.end_block.unnamed
    assert text(src, sb.process_block) == "process { $_ }"


def test_unnamed_block_is_end_block():
    sb = pwshlike.parse("1; 2")
    assert sb.end_block.unnamed and len(sb.end_block.statements) == 2
    assert sb.begin_block is None and sb.process_block is None


def test_function_definitions():
    src = "function Get-X ($a, $b = 2) { $a + $b }"
    f = stmt(src)
    assert isinstance(f, A.FunctionDefinition)
    assert (f.name, f.is_filter) == ("Get-X", False)
    assert [p.variable.name for p in f.parameters] == ["a", "b"]
    assert (f.start, f.end) == (0, len(src))
    f = stmt("filter Only-Even { if ($_ % 2 -eq 0) { $_ } }")
    assert f.is_filter and f.body.process_block is not None and f.body.end_block is None


def test_if_elseif_else():
    n = stmt("if ($a) { 1 } elseif ($b) { 2 } else { 3 }")
    assert [shape(c.elements[0].expression) for c, _ in n.clauses] == ["$a", "$b"]
    assert n.else_block.statements[0].elements[0].expression.value == 3


def test_try_catch_finally():
    src = "try { 1 } catch [System.IO.IOException], [ArgumentException] { 2 } finally { 3 }"
    t = stmt(src)
    assert isinstance(t, A.Try) and (t.start, t.end) == (0, len(src))
    (c,) = t.catches
    assert [tn.name for tn in c.types] == ["System.IO.IOException", "ArgumentException"]
    assert text(src, t.finally_block) == "{ 3 }"
    t = stmt("try { } catch { }")
    assert t.catches[0].types == [] and t.finally_block is None


def test_catch_clause_extent_covers_body():
    src = "try { 1 } catch [ArgumentException] { 2 }"
    c = stmt(src).catches[0]
    assert text(src, c) == "catch [ArgumentException] { 2 }"


def test_switch():
    s = stmt("switch -regex -casesensitive ($x) { '^a' { 1 } 5 { 2 } default { 3 } }")
    assert s.flags == {"regex": True, "casesensitive": True}
    assert [shape(p) for p, _ in s.clauses] == ["^a", 5]
    assert s.default is not None
    s = stmt("switch -Wildcard -file log.txt { 'a*' { } }")
    assert s.flags == {"wildcard": True, "file": True} and s.condition.value == "log.txt"


def test_loops_with_labels():
    f = stmt(":outer foreach ($i in 1..3) { break outer }")
    assert isinstance(f, A.ForEach) and f.label == "outer" and f.variable.name == "i"
    brk = f.body.statements[0]
    assert isinstance(brk, A.Break) and brk.label.value == "outer"
    w = stmt(":w while ($true) { continue w }")
    assert w.label == "w" and w.body.statements[0].label.value == "w"
    fl = stmt("for ($i = 0; $i -lt 3; $i++) { }")
    assert isinstance(fl.init, A.Assignment) and fl.label is None
    assert shape(fl.condition.elements[0].expression) == ("-lt", "$i", 3)
    d = stmt("do { } until ($x)")
    assert isinstance(d, A.DoLoop) and d.until is True
    assert stmt("do { } while ($x)").until is False
    assert stmt("for (;;) { }").condition is None


def test_flow_statements():
    assert stmt("return").pipeline is None
    assert shape(stmt("return 1 + 1").pipeline.elements[0].expression) == ("+", 1, 1)
    assert stmt("throw 'x'").pipeline.elements[0].expression.value == "x"
    assert stmt("exit 3").pipeline.elements[0].expression.value == 3
    assert stmt("break").label is None


def test_trap_is_collected_separately():
    sb = pwshlike.parse("trap { continue }\n1")
    assert len(sb.end_block.traps) == 1 and len(sb.end_block.statements) == 1


def test_class_and_enum():
    c = stmt("class P : Base { [int]$X = 1; static [string] Name() { return 'p' } P() { } }")
    assert isinstance(c, A.ClassDefinition) and c.base_types == ["Base"]
    assert [(p.name, p.type_name.name) for p in c.properties] == [("X", "int")]
    assert [(m.name, m.is_static, m.is_constructor) for m in c.methods] == [
        ("Name", True, False), ("P", False, True)]
    e = stmt("enum Color { Red; Green = 5 }")
    assert e.name == "Color" and [n for n, _ in e.members] == ["Red", "Green"]


# --- positions ------------------------------------------------------------------------------------
def test_statement_extents_across_lines():
    src = "$a = 1\n\n  if ($a) {\n    'x'\n  }\n"
    a, i = stmts(src)
    assert text(src, a) == "$a = 1"
    assert text(src, i) == "if ($a) {\n    'x'\n  }"
    from pwshlike.errors import line_col
    assert line_col(src, i.start) == (3, 3)
    inner = i.clauses[0][1].statements[0].elements[0].expression
    assert line_col(src, inner.start) == (4, 5)


def test_extents_exclude_trailing_whitespace():
    src = "{ 1 }"
    p = expr(src).body.end_block.statements[0]
    assert text(src, p) == "1"
    src = "Get-Item -Force:$true x | Out-Null"
    cmd = stmt(src).elements[0]
    assert text(src, cmd) == "Get-Item -Force:$true x"
    assert text(src, cmd.elements[1]) == "-Force:$true"


# --- parse errors ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("src", "error_id", "start", "incomplete"), [
    ("if ($a) {", "MissingEndCurlyBrace", 8, True),
    ('"abc', "TerminatorExpectedAtEndOfString", 0, True),
    ("@'\nabc", "TerminatorExpectedAtEndOfString", 0, True),
    ("$x = ", "ExpectedValueExpression", 5, True),
    ("1 +", "ExpectedValueExpression", 3, True),
    ("try { 1 }", "MissingCatchOrFinally", 9, True),
    ("foo |", "EmptyPipeElement", 4, True),
    ("-not", "MissingExpressionAfterOperator", 0, True),
    ("1,", "MissingExpressionAfterToken", 1, True),
    ("function f {", "MissingEndCurlyBrace", 11, True),
    ("if (1) { } else", "MissingStatementBlock", 15, True),
    ("$a.", "MissingPropertyName", 2, True),
    ("${abc", "IncompleteDollarVariableReference", 0, True),
    ("<# abc", "MissingEndOfBlockComment", 0, True),
    ("do { } ", "MissingWhileOrUntilInDoWhile", 7, True),
    ("a && ", "EmptyPipelineChainElement", 2, True),
    ("1 ? 2", "MissingColonInTernaryExpression", 5, True),
    ("f -x: ", "ParameterRequiresArgument", 2, True),
    ("[int", "EndSquareBracketExpectedAtEndOfType", 4, True),
    ("foreach ($x) {}", "MissingInInForeach", 11, False),
    ("while () {}", "MissingExpressionAfterKeyword", 7, False),
    ("1 2", "UnexpectedToken", 2, False),
    (")", "UnexpectedToken", 0, False),
    ("function (", "MissingNameAfterKeyword", 9, False),
    ("1usgb", "BadNumericConstant", 0, False),
    ("1 = 2", "InvalidLeftHandSide", 0, False),
    ("1 | $x", "ExpressionsMustBeFirstInPipeline", 4, False),
    ("@{ a 1 }", "MissingEqualsInHashLiteral", 5, False),
])
def test_parse_error_ids_and_positions(src, error_id, start, incomplete):
    errs = errors_of(src)
    assert errs[0].error_id == error_id
    assert errs[0].start == start
    assert errs[0].incomplete is incomplete


def test_parse_error_messages():
    (e,) = errors_of("$x = ")
    assert e.message == "You must provide a value expression following the '=' operator."
    (e,) = errors_of("try { 1 }")
    assert e.message == "The Try statement is missing its Catch or Finally block."
    (e,) = errors_of("if ($a) {")
    assert e.message == "Missing closing '}' in statement block or type definition."


def test_parse_error_line_and_column():
    (e,) = errors_of("$a = 1\n$b = 2 +")
    assert (e.error_id, e.line, e.column) == ("ExpectedValueExpression", 2, 9)
    assert e.extent.line_text == "$b = 2 +"
    (e,) = errors_of("\n\n  foreach ($x) {}")
    assert (e.line, e.column) == (3, 14)


def test_missing_operand_error_is_placed_after_the_operator():
    (e,) = errors_of("$a = 1\n$b = 2 +\n")
    assert (e.error_id, e.line, e.column) == ("ExpectedValueExpression", 2, 9)


def test_every_error_is_reported():
    errs = errors_of("1 +;\n'x' 'y'\n$z = 3 4")
    assert [(e.error_id, e.line) for e in errs] == [
        ("ExpectedValueExpression", 1), ("UnexpectedToken", 2), ("UnexpectedToken", 3)]


def test_parse_error_exception_summary():
    with pytest.raises(ParseError) as ei:
        pwshlike.parse("1 +;\n2 3")
    e = ei.value
    assert e.error_id == "ExpectedValueExpression"
    assert str(e) == ("You must provide a value expression following the '+' operator. "
                      "(ExpectedValueExpression, line 1, column 4) and 1 more")


def test_incomplete_flag_for_open_constructs():
    for src in ("{", "if ($x) {", "'abc", '"abc', "@'\nabc", '@"\nabc', "$(", "foo |", "@(1,"):
        with pytest.raises(ParseError) as ei:
            pwshlike.parse(src)
        assert ei.value.incomplete, src
    for src in ("1 2", "}", "foreach ($x) {}"):
        with pytest.raises(ParseError) as ei:
            pwshlike.parse(src)
        assert not ei.value.incomplete, src


def test_parse_error_filename():
    with pytest.raises(ParseError) as ei:
        pwshlike.parse("1 +", "a.ps1")
    assert ei.value.errors[0].extent.filename == "a.ps1"


def test_valid_scripts_parse():
    for src in ("", "\n\n", "# only a comment", "$a = 1; $b = 2;", "{}", "@{}", "@()",
                "function f { }", "f -x:1", "$x[0].y.z()", "'a' * 3"):
        pwshlike.parse(src)


def test_unterminated_param_block_is_a_parse_error():
    with pytest.raises(ParseError) as ei:
        pwshlike.parse("param(")
    assert ei.value.errors[0].error_id == "MissingEndParenthesisInFunctionParameterList"
    assert ei.value.incomplete


def test_every_error_on_one_line_is_reported():
    assert ids("$a = 1 +; $b = (2") == ["ExpectedValueExpression",
                                         "MissingEndParenthesisInExpression"]


def test_missing_array_index_expression():
    assert ids("$a[") == ["MissingArrayIndexExpression"]


def test_unclosed_hash_literal_message():
    (e,) = errors_of("$x = @{a=1")
    assert e.error_id == "MissingEndCurlyBrace"
    assert e.message == "Missing closing '}' in statement block or type definition."


def test_superscript_digit_is_not_a_number():
    cmd = stmt("\u00b9").elements[0]
    assert isinstance(cmd, A.Command) and cmd.elements[0].value == "\u00b9"


# --- properties ------------------------------------------------------------------------------------
_PIECES = list("$@{}()[]'\"`#<>-+*/%=,.;:|&!?0123456789abx \n\t") + [
    "if", "else", "function", "try", "catch", "finally", "switch", "foreach", "in", "-eq",
    "@'\n", "\n'@", '@"\n', '\n"@', "--%", "$(", "${", "::", "..", "??", "-f", "begin",
    "process", "filter", "class", "enum", "while", "do", "until", "trap", "return", "throw",
    ":lbl ", "[int]", "-not", "2>&1", "-x:"]
_SCRIPTS = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


def _walk(node):
    yield node
    for c in node.children():
        yield from _walk(c)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SCRIPTS)
def test_parse_raises_only_parse_error_and_extents_stay_in_source(src):
    # 'param' is left out: test_unterminated_param_block_is_a_parse_error covers that bug
    assume("param" not in src)
    try:
        tree = pwshlike.parse(src)
    except ParseError as e:
        assert e.errors
        for err in e.errors:
            assert 0 <= err.start <= err.end <= len(src)
            assert err.line >= 1 and err.column >= 1
        return
    for n in _walk(tree):
        assert 0 <= n.start <= n.end <= len(src), n


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_parse_arbitrary_text(src):
    assume("param" not in src.lower())
    # non-decimal Unicode digits crash the number scanner: see test_superscript_digit_...
    assume(not any(c.isdigit() and not c.isdecimal() for c in src))
    try:
        pwshlike.parse(src)
    except ParseError as e:
        assert all(0 <= err.start <= err.end <= len(src) for err in e.errors)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=2**31 - 1), st.integers(min_value=0, max_value=2**31 - 1))
def test_integer_addition_parses_to_constants(a, b):
    src = f"{a} + {b}"
    e = expr(src)
    assert shape(e) == ("+", a, b)
    assert text(src, e.left) == str(a) and text(src, e.right) == str(b)
