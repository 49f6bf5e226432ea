"""Compiler: a script compiles once to Python code objects, runs many times, and maps runtime
errors back to the PowerShell source position of the failing statement."""
from __future__ import annotations

import io

import pytest

import pwshlike
from pwshlike.compiler import codegen
from pwshlike.compiler.codegen import compile_script
from pwshlike.engine import Engine, Host
from pwshlike.errors import DivideByZeroException, PSInvalidCastException, RuntimeException
from pwshlike.parser import ast as A
from pwshlike.runtime.scriptblock import _UNITS, ScriptBlockInfo, extent_from_traceback


def compile_text(src: str, filename: str | None = "test.ps1") -> ScriptBlockInfo:
    return compile_script(pwshlike.parse(src, filename), src, filename)


def run(info: ScriptBlockInfo, engine: Engine | None = None, **variables) -> list:
    """Run a compiled top-level script block in a session's global scope."""
    return (engine or Engine()).run_compiled(info, **variables)


def unit_of(info: ScriptBlockInfo):
    return _UNITS[info.end.__code__.co_filename]


def error_position(src: str, **variables) -> tuple[type, int, int, str]:
    info = compile_text(src)
    with pytest.raises(Exception) as ei:
        run(info, **variables)
    ext = extent_from_traceback(ei.value.__traceback__)
    assert ext is not None
    return type(ei.value), ext.line, ext.column, ext.text


# --- compile once, run ----------------------------------------------------------------------------
def test_compile_returns_scriptblock_info_with_code():
    info = compile_text("1 + 1")
    assert isinstance(info, ScriptBlockInfo)
    assert callable(info.end)
    assert info.begin is None and info.process is None
    assert info.text == "1 + 1"
    assert info.extent == ("1 + 1", 0, 5, "test.ps1")
    assert run(info) == [2]


def test_engine_invoke_runs_scripts():
    assert Engine().invoke("1 + 2 * 3") == [7]
    assert Engine().invoke("'a', 'b' | ForEach-Object { $_.ToUpper() }") == ["A", "B"]
    assert Engine().invoke("$x * 2", x=21) == [42]


def test_compiled_once_runs_twice_with_different_variables():
    info = compile_text("$t = 0\nforeach ($i in 1..$n) { $t += $i * $k }\n$t")
    assert run(info, n=4, k=1) == [10]
    assert run(info, n=3, k=10) == [60]
    assert run(info, n=0, k=5) == [5]      # 1..0 counts down: 1*5 + 0*5


def test_same_compiled_code_in_one_session_sees_updated_state():
    info = compile_text("$count = $count + 1\n$count")
    eng = Engine()
    assert run(info, eng, count=0) == [1]
    assert run(info, eng) == [2]
    assert run(info, eng) == [3]


def test_functions_defined_by_compiled_script():
    info = compile_text("function f($x) { $x + 1 }\nf 41\nf -x 1")
    assert run(info) == [42, 2]
    assert run(info) == [42, 2]


def test_named_blocks_are_compiled_separately():
    info = compile_text("begin { 'b' } process { 'p' } end { 'e' }")
    assert callable(info.begin) and callable(info.process) and callable(info.end)
    assert info.begin is not info.end


def test_running_does_not_compile_again(monkeypatch):
    src = ("function sq($x) { $x * $x }\n$sb = { param($a) $a + 1 }\n"
           "(1..3 | ForEach-Object { sq $_ }) + (& $sb 9)")
    info = compile_text(src)

    def no_compile(*a, **k):
        raise AssertionError("compiled at run time")

    monkeypatch.setattr(codegen.Compiler, "statement", no_compile)
    monkeypatch.setattr(codegen.Compiler, "expr", no_compile)
    monkeypatch.setattr(codegen, "compile_script", no_compile)
    assert run(info) == [1, 4, 9, 10]
    assert run(info) == [1, 4, 9, 10]


def test_generated_code_does_not_read_the_ast():
    src = "$a = 40 + 2\n'answer: ' + $a"
    tree = pwshlike.parse(src)
    info = compile_script(tree, src, None)
    # rewrite the tree after compiling: the compiled code must not notice
    assign, concat = tree.end_block.statements
    assign.value.elements[0].expression.left.value = 1000
    concat.elements[0].expression.left.value = "changed: "
    tree.end_block.statements.clear()
    assert run(info) == ["answer: 42"]


def test_constants_are_baked_into_the_code_not_the_pool():
    info = compile_text("$x = 12345; 'lit'; 1.5")
    unit = unit_of(info)
    code = "\n".join(unit.lines)
    assert "12345" in code and "'lit'" in code and "1.5" in code
    assert not any(isinstance(v, A.Node) for v in unit.consts.values())


def test_each_script_block_literal_is_compiled_at_compile_time():
    info = compile_text("$sb = { 1 }; $sb2 = { 2 }")
    infos = [v for v in unit_of(info).consts.values() if isinstance(v, ScriptBlockInfo)]
    # the two literals plus the top level, all with code already bound
    assert len(infos) == 3
    assert all(callable(i.end) for i in infos)


def test_scriptblock_value_keeps_source_text():
    (sb,) = run(compile_text("{ param($a) $a }"))
    assert sb.ToString() == " param($a) $a "


# --- line map: errors point at PowerShell source -------------------------------------------------
def test_linemap_maps_generated_lines_to_statements():
    src = "$a = 1\n$b = 2\n$a + $b"
    info = compile_text(src)
    unit = unit_of(info)
    spans = sorted(set(unit.linemap.values()))
    assert [src[s:e] for s, e in spans] == ["$a = 1", "$b = 2", "$a + $b"]


def test_runtime_error_position_is_the_failing_statement():
    src = "$a = 1\n$b = 2\n  1/0\n'after'"
    cls, line, col, text = error_position(src)
    assert cls is RuntimeException          # pwsh wraps the DivideByZeroException
    assert (line, col, text) == (3, 3, "1/0")


def test_error_position_inside_loop_body():
    src = "foreach ($i in 1..3) {\n    'ok'\n    [int]'x' + $i\n}"
    cls, line, col, text = error_position(src)
    assert cls is PSInvalidCastException
    assert (line, col, text) == (3, 5, "[int]'x' + $i")


def test_error_position_inside_function_called_later():
    src = "function bad {\n  param($v)\n  $v.NoSuchMethod()\n}\n\nbad 1"
    cls, line, col, text = error_position(src)
    assert issubclass(cls, RuntimeException)
    assert (line, col, text) == (3, 3, "$v.NoSuchMethod()")


def test_error_position_depends_on_data_not_compilation():
    src = "$r = 10 / $d\n$r"
    info = compile_text(src)
    assert run(info, d=5) == [2]
    with pytest.raises(RuntimeException) as ei:
        run(info, d=0)
    assert isinstance(ei.value.InnerException, DivideByZeroException)
    ext = extent_from_traceback(ei.value.__traceback__)
    assert (ext.line, ext.column, ext.filename) == (1, 1, "test.ps1")


def test_error_record_from_script_has_invocation_position():
    out, err = io.StringIO(), io.StringIO()
    eng = Engine(Host(out, err))
    status = eng.run_text("'a'\n\n    $null.Foo()\n'b'", "s.ps1", dot_source=False)
    # a statement-terminating error: the script goes on, and -File exits 0 (about_Pwsh)
    assert status == 0
    assert out.getvalue() == "a\nb\n"
    rec = eng.ctx.global_scope.vars["error"][0]
    assert rec.FullyQualifiedErrorId == "InvokeMethodOnNull"
    info = rec.InvocationInfo
    assert (info.ScriptLineNumber, info.OffsetInLine, info.ScriptName) == (3, 5, "s.ps1")
    assert info.Line == "    $null.Foo()\n"


def test_non_terminating_error_does_not_stop_compiled_script():
    out, err = io.StringIO(), io.StringIO()
    eng = Engine(Host(out, err))
    eng.run_text("Write-Error 'soft'\n'still here'", None)
    assert out.getvalue() == "still here\n"
    assert "soft" in err.getvalue()


# --- compiled control flow -------------------------------------------------------------------------
@pytest.mark.parametrize(("src", "expected"), [
    ((":o foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { continue o }; "
     "\"$i$j\" } }"), ["11", "21", "31"]),
    (":o foreach ($i in 1..3) { foreach ($j in 1..3) { if ($i -eq 2) { break o }; $j } }",
     [1, 2, 3]),
    ("$i = 0; while ($true) { $i++; if ($i -ge 3) { break } }; $i", [3]),
    ("$i = 0; do { $i++ } until ($i -eq 4); $i", [4]),
    ("for ($i = 0; $i -lt 3; $i++) { $i * 10 }", [0, 10, 20]),
    ("switch (1, 2, 3) { 2 { 'two'; continue } { $_ -gt 1 } { \"big $_\" } }",
     ["two", "big 3"]),
    ("try { throw 'x' } catch { \"caught $_\" } finally { 'fin' }", ["caught x", "fin"]),
    ("function f { 1; return 2; 3 }; f", [1, 2]),
    ("$x = if ($false) { 1 } elseif ($true) { 2 } else { 3 }; $x", [2]),
    ("trap { 'trapped'; continue }; 1/0; 'next'", ["trapped", "next"]),
])
def test_compiled_flow(src, expected):
    assert run(compile_text(src)) == expected


# --- the direct tier (compiler/direct.py) ----------------------------------------------------------
@pytest.mark.parametrize(("definition", "direct"), [
    ("function f($n) { if ($n -lt 2) { $n } else { (f ($n - 1)) + (f ($n - 2)) } }", True),
    ("function f($a, $b) { if ($a -gt $b) { return $a }; $b }", True),
    ("function f { 'constant' }", True),
    ("function f($n) { $x = $n; $x }", False),            # assignment
    ("function f($n = 1) { $n }", False),                  # default value
    ("function f($n) { $args }", False),                   # automatic variable
    ("function f($n) { $script:n }", False),               # another scope
    ("function f($n) { Write-Output $n }", False),         # a command statement
    ("function f($n) { $n.ToString() }", False),           # a method call
    ("function f($n) { begin { } end { $n } }", False),    # named blocks
    ("filter f { $_ }", False),
    ("function f { [CmdletBinding()] param($n) $n }", False),
])
def test_which_functions_get_a_direct_form(definition, direct):
    engine = Engine()
    engine.invoke(definition)
    info = engine.ctx.global_scope.functions["f"]
    assert (info.direct is not None) == direct


def test_direct_form_runs_without_a_scope():
    engine = Engine()
    engine.invoke("function f($n) { if ($n -lt 2) { $n } else { (f ($n - 1)) + (f ($n - 2)) } }")
    info = engine.ctx.global_scope.functions["f"]
    assert info.direct(engine.ctx, engine.ctx.global_scope.functions, 15) == [610]
    assert info.direct_arity == 1


@pytest.mark.parametrize(("definition", "direct"), [
    ("function f([int]$n) { $n * 2 }", True),
    ("function f([string]$s, $t) { $s + $t }", True),
    ("function f([int[]]$n) { $n }", False),
    ("function f([ValidateRange(1, 5)][int]$n) { $n }", False),
    ("function f([hashtable]$h) { $h }", False),
])
def test_typed_parameters_and_the_direct_form(definition, direct):
    engine = Engine()
    engine.invoke(definition)
    assert (engine.ctx.global_scope.functions["f"].direct is not None) == direct
