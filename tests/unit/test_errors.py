"""Error model (errors.py) and error rendering (host/errorview.py): exception hierarchy, error
records, positions, and ConciseView / NormalView text."""
from __future__ import annotations

import pytest

import pwshlike
from pwshlike import errors as E
from pwshlike.errors import ErrorRecord, Extent, InvocationInfo, ensure_error_record
from pwshlike.host.errorview import render_error, render_parse_error
from pwshlike.testing import run_script


def record_of(script: str) -> ErrorRecord:
    """The ErrorRecord a catch block sees for the script's error."""
    eng = pwshlike.Engine()
    (rec,) = eng.invoke(f"try {{ {script} }} catch {{ $_ }}")
    return rec


# --- hierarchy ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("child", "parent"), [
    ("System.DivideByZeroException", "System.ArithmeticException"),
    ("System.OverflowException", "System.ArithmeticException"),
    ("System.ArithmeticException", "System.SystemException"),
    ("System.SystemException", "System.Exception"),
    ("System.ArgumentNullException", "System.ArgumentException"),
    ("System.ArgumentOutOfRangeException", "System.ArgumentException"),
    ("System.IO.FileNotFoundException", "System.IO.IOException"),
    ("System.ObjectDisposedException", "System.InvalidOperationException"),
    ("System.Management.Automation.RuntimeException", "System.SystemException"),
    ("System.Management.Automation.CommandNotFoundException",
     "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.ParameterBindingException",
     "System.Management.Automation.RuntimeException"),
    ("System.Management.Automation.PSInvalidCastException", "System.InvalidCastException"),
    ("System.Management.Automation.MethodInvocationException",
     "System.Management.Automation.MethodException"),
    ("System.Management.Automation.ItemNotFoundException",
     "System.Management.Automation.SessionStateException"),
    ("System.Management.Automation.IncompleteParseException",
     "System.Management.Automation.ParseException"),
])
def test_exception_hierarchy(child, parent):
    c, p = E.exception_class(child), E.exception_class(parent)
    assert issubclass(c, p)
    assert c.dotnet_fullname == child


def test_unrelated_exceptions_are_not_subclasses():
    assert not issubclass(E.DivideByZeroException, E.ArgumentException)
    assert not issubclass(E.PSInvalidCastException, E.RuntimeException)   # an InvalidCast


def test_exception_class_lookup_by_short_name():
    assert E.exception_class("DivideByZeroException") is E.DivideByZeroException
    assert E.exception_class("system.io.ioexception").dotnet_fullname == "System.IO.IOException"
    with pytest.raises(KeyError):
        E.exception_class("NoSuchException")


def test_exception_members():
    inner = E.FormatException("bad format")
    e = E.MethodInvocationException("outer", inner)
    assert e.Message == "outer" and e.InnerException is inner
    assert e.GetBaseException() is inner
    assert e.ToString() == "System.Management.Automation.MethodInvocationException: outer"
    assert E.DivideByZeroException().Message == (
        "Exception of type 'System.DivideByZeroException' was thrown.")


def test_default_categories():
    assert E.ArgumentException.default_category == "InvalidArgument"
    assert E.CommandNotFoundException.default_category == "ObjectNotFound"
    assert E.ParseException.default_category == "ParserError"
    assert E.DivideByZeroException.default_category == "NotSpecified"


# --- error records ------------------------------------------------------------------------------------
def test_error_record_fields():
    src = "$x = 1\n  Get-Thing -Name a\n"
    ext = Extent(src, 9, 26, "/tmp/s.ps1")
    exc = E.ItemNotFoundException("Cannot find item a.", error_id="PathNotFound",
                                  category="ObjectNotFound", target="a")
    rec = ErrorRecord(exc, "PathNotFound", "ObjectNotFound", "a", InvocationInfo(ext, "Get-Thing"),
                      command_name="Get-Thing")
    assert rec.FullyQualifiedErrorId == "PathNotFound,Get-Thing"
    assert rec.CategoryInfo.ToString() == (
        "ObjectNotFound: (a:String) [Get-Thing], ItemNotFoundException")
    assert rec.ToString() == "Cannot find item a."
    info = rec.InvocationInfo
    assert (info.ScriptLineNumber, info.OffsetInLine, info.ScriptName) == (2, 3, "/tmp/s.ps1")
    assert info.Line == "  Get-Thing -Name a\n"
    assert info.PositionMessage == ("At /tmp/s.ps1:2 char:3\n+   Get-Thing -Name a\n"
                                    "+   ~~~~~~~~~~~~~~~~~")


def test_position_message_without_file():
    ext = Extent("1/0", 0, 3)
    assert InvocationInfo(ext).PositionMessage == "At line:1 char:1\n+ 1/0\n+ ~~~"


def test_ensure_error_record_defaults():
    rec = ensure_error_record(E.DivideByZeroException("Attempted to divide by zero."))
    assert rec.FullyQualifiedErrorId == "DivideByZeroException"
    assert rec.CategoryInfo.Category == "NotSpecified"
    assert ensure_error_record(rec.Exception) is rec            # cached on the exception
    rec = ensure_error_record(E.RuntimeException("x"))
    assert rec.FullyQualifiedErrorId == "RuntimeException"


def test_error_details_override_message():
    rec = ensure_error_record(E.RuntimeException("raw"))
    rec.ErrorDetails = E.ErrorDetails("friendly")
    assert rec.ToString() == "friendly"


# --- records produced by running code -----------------------------------------------------------------
def test_throw_string_record():
    rec = record_of("throw 'boom'")
    assert rec.FullyQualifiedErrorId == "boom"
    assert rec.CategoryInfo.Category == "OperationStopped"
    assert rec.Exception.dotnet_fullname == "System.Management.Automation.RuntimeException"
    assert rec.Exception.Message == "boom"
    assert rec.TargetObject == "boom"


def test_bare_throw_is_script_halted():
    rec = record_of("throw")
    assert (rec.FullyQualifiedErrorId, rec.Exception.Message) == ("ScriptHalted", "ScriptHalted")


def test_throw_exception_object_keeps_type():
    rec = record_of("throw [System.IO.FileNotFoundException]::new('nf')")
    assert isinstance(rec.Exception, E.exception_class("System.IO.FileNotFoundException"))
    assert rec.Exception.Message == "nf"


def test_catch_by_base_type():
    out = pwshlike.Engine().invoke(
        "try { 1/0 } catch [System.ArgumentException] { 'arg' } "
        "catch [System.ArithmeticException] { 'arith' }")
    assert out == ["arith"]
    out = pwshlike.Engine().invoke(
        "try { [int]'x' } catch [System.InvalidCastException] { $_.FullyQualifiedErrorId }")
    assert out == ["InvalidCastFromStringToInteger"]


def test_divide_by_zero_record():
    rec = record_of("1/0")
    assert rec.FullyQualifiedErrorId == "RuntimeException"
    assert rec.ToString() == "Attempted to divide by zero."
    assert rec.CategoryInfo.Category == "NotSpecified"


def test_divide_by_zero_category_info():
    assert record_of("1/0").CategoryInfo.ToString() == "NotSpecified: (:) [], RuntimeException"


def test_command_not_found_record():
    rec = record_of("Get-NoSuchThing")
    assert rec.FullyQualifiedErrorId == "CommandNotFoundException"
    assert rec.CategoryInfo.ToString() == (
        "ObjectNotFound: (Get-NoSuchThing:String) [], CommandNotFoundException")
    assert rec.ToString() == (
        "The term 'Get-NoSuchThing' is not recognized as a name of a cmdlet, function, script "
        "file, or executable program.\nCheck the spelling of the name, or if a path was "
        "included, verify that the path is correct and try again.")


def test_method_on_null_record():
    rec = record_of("$null.Foo()")
    assert rec.FullyQualifiedErrorId == "InvokeMethodOnNull"
    assert rec.ToString() == "You cannot call a method on a null-valued expression."
    assert rec.CategoryInfo.Category == "InvalidOperation"


def test_run_script_error_ids():
    assert run_script("throw 'x'").error_id == "x"
    assert run_script("[int]'abc'").error_id == "InvalidCastFromStringToInteger"
    assert run_script("1/0").error_id == "RuntimeException"
    r = run_script("1 +")
    assert (r.status, r.error_id) == (1, "ParseError: ExpectedValueExpression")


# --- rendering ---------------------------------------------------------------------------------------
def test_concise_view_with_source_line_and_caret():
    r = run_script("$a = 1\n  1/0\n")
    assert r.status == 0                   # statement-terminating; -File exits 0
    assert r.stderr == ("RuntimeException: script.ps1:2\n"
                        "Line |\n"
                        "   2 |    1/0\n"
                        "     |    ~~~\n"
                        "     | Attempted to divide by zero.\n")


def test_concise_view_for_cast_error():
    r = run_script("[int]'abc'")
    assert r.stderr == ("InvalidArgument: script.ps1:1\n"
                        "Line |\n"
                        "   1 |  [int]'abc'\n"
                        "     |  ~~~~~~~~~~\n"
                        "     | Cannot convert value \"abc\" to type \"System.Int32\". Error: "
                        "\"The input string 'abc' was not in a correct format.\"\n")


def test_concise_view_command_prefix():
    src = "x\n  Write-Error 'soft'"
    ext = Extent(src, 4, 20, "t.ps1")
    rec = ErrorRecord(E.WriteErrorException("soft"), "Microsoft.PowerShell.Commands.WriteErrorException",
                      "NotSpecified", None, InvocationInfo(ext, "Write-Error"),
                      command_name="Write-Error")
    assert render_error(rec) == ("Write-Error: t.ps1:2\n"
                                 "Line |\n"
                                 "   2 |    Write-Error 'soft'\n"
                                 "     |    ~~~~~~~~~~~~~~~~\n"
                                 "     | soft")


def test_concise_view_without_position_is_reason_and_message():
    # pwsh's view: "<reason>: <message>"; NotSpecified is no reason, the exception type is
    rec = ensure_error_record(E.RuntimeException("plain"))
    assert render_error(rec) == "RuntimeException: plain"


def test_normal_view():
    src = "1/0"
    rec = ErrorRecord(E.DivideByZeroException("Attempted to divide by zero."), "RuntimeException",
                      "NotSpecified", None, InvocationInfo(Extent(src, 0, 3)))
    assert render_error(rec, "NormalView").splitlines() == [
        "Attempted to divide by zero.",
        "At line:1 char:1",
        "+ 1/0",
        "+ ~~~",
        "    + CategoryInfo          : NotSpecified: (:) [], DivideByZeroException",
        "    + FullyQualifiedErrorId : RuntimeException",
    ]


def test_parse_error_rendering():
    with pytest.raises(pwshlike.ParseError) as ei:
        pwshlike.parse("$x = 1 +\n", "p.ps1")
    text = render_parse_error(ei.value)
    assert text.startswith("ParserError: p.ps1:")
    assert "You must provide a value expression following the '+' operator." in text


def _run_text(src: str, filename: str | None) -> tuple[int, str]:
    import io

    from pwshlike.engine import Engine, Host
    out, err = io.StringIO(), io.StringIO()
    status = Engine(Host(out, err)).run_text(src, filename)
    return status, err.getvalue()


def test_parse_error_rendering_for_a_file():
    status, err = _run_text("$a = 1\nif ($x) {", "p.ps1")
    assert status == 1
    assert err == ("ParserError: p.ps1:2\n"
                   "Line |\n"
                   "   2 |  if ($x) {\n"
                   "     |          ~\n"
                   "     | Missing closing '}' in statement block or type definition.\n")


def test_parse_error_rendering_without_file():
    _, err = _run_text("if ($x) {", None)
    assert err == ("ParserError: \n"
                   "Line |\n"
                   "   1 |  if ($x) {\n"
                   "     |          ~\n"
                   "     | Missing closing '}' in statement block or type definition.\n")


def test_concise_view_for_throw():
    r = run_script("throw 'boom'")
    assert r.stderr == ("Exception: script.ps1:1\n"
                        "Line |\n"
                        "   1 |  throw 'boom'\n"
                        "     |  ~~~~~~~~~~~~\n"
                        "     | boom\n")


def test_caret_width_excludes_trailing_space():
    r = run_script("function f { 1/0 }; f")
    assert "     |               ~~~\n" in r.stderr
