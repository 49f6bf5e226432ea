"""Unit tests of pwshlike's own behaviour around the session and host cmdlets, where there
is no pwsh output to compare with: Add-Type's refusals, Clear-Host on a terminal,
$Host.SetShouldExit, Start-Process's argument splitting, Set-StrictMode's -Version
transformation and the strict-mode state shared by sessions in one process."""
from __future__ import annotations

import io

import pytest

from cmdlets.process import split_arguments
from cmdlets.strictmode import version_argument
from pwshlike.engine import Engine, Host
from pwshlike.testing import run_script


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(script: str, stdout=None) -> tuple[str, int]:
    out = stdout if stdout is not None else io.StringIO()
    engine = Engine(Host(out, io.StringIO()))
    code = engine.run_text(script)
    return out.getvalue(), code


# --- Start-Process: .NET's ParseArgumentsIntoList -------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("", []),
    ("  a  b\tc ", ["a", "b", "c"]),
    ('"two words" x', ["two words", "x"]),
    ('a"b c"d', ["ab cd"]),
    (r'a\"b', ['a"b']),
    (r'a\\"b c"', [r"a\b c"]),
    (r"c:\dir\ x", ["c:\\dir\\", "x"]),
    ('"say ""hi"""', ['say "hi"']),
    ('""', [""]),
])
def test_split_arguments_follows_dotnet(text: str, expected: list[str]) -> None:
    assert split_arguments(text) == expected


# --- Set-StrictMode -Version -----------------------------------------------------------------
@pytest.mark.parametrize(("value", "text", "expected"), [
    ("Latest", None, "7.4"), ("latest", None, "7.4"), ("3", None, "3.0"), (2, None, "2.0"),
    (2.0, "2.0", "2.0"), (5.1, "5.1", "5.1"), ("1.0", None, "1.0"), ("x", None, "x"),
])
def test_version_argument(value, text, expected) -> None:
    assert version_argument(value, text) == expected


def test_strict_mode_of_one_session_does_not_reach_a_later_one() -> None:
    first = run_script("Set-StrictMode -Version Latest\n$h = @{}\ntry { $h.x } catch { 'strict' }")
    assert first.stdout.strip() == "strict"
    later = run_script("$h = @{}\n$null -eq $h.x\n$a = @(1)\n$null -eq $a[5]")
    assert later.stdout.split() == ["True", "True"]


def test_engine_reads_of_missing_members_never_raise_under_strict_mode() -> None:
    # Select-Object reads members through the engine's own path: a missing one is $null
    r = run_script("Set-StrictMode -Version Latest\n"
                   "$o = [pscustomobject]@{a=1} | Select-Object -Property a, b\n"
                   "$o.a; $null -eq $o.b")
    assert r.stdout.split() == ["1", "True"]


# --- Add-Type ----------------------------------------------------------------------------------
@pytest.mark.parametrize("script", [
    "Add-Type -TypeDefinition 'public class Greeter {}'",
    "Add-Type -Name Native -MemberDefinition '[DllImport(\"libc\")] public static extern int getpid();'",
])
def test_add_type_cannot_compile_source(script: str) -> None:
    r = run_script(f"try {{ {script} }} catch {{ $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; "
                   "$_.Exception.Message }")
    lines = r.stdout.splitlines()
    assert lines[0] == "CannotDefineNewType,Microsoft.PowerShell.Commands.AddTypeCommand"
    assert lines[1] == "NotImplemented"
    assert "cannot compile .NET source code" in lines[2]


def test_add_type_path_to_source_or_assembly(tmp_path) -> None:
    (tmp_path / "Helper.cs").write_text("public class Helper {}")
    (tmp_path / "Lib.dll").write_bytes(b"MZ")
    (tmp_path / "notes.txt").write_text("x")
    r = run_script(f"Set-Location '{tmp_path}'\n"
                   "foreach ($p in 'Helper.cs', 'Lib.dll', 'notes.txt', 'missing.cs') {\n"
                   "  try { Add-Type -Path $p } catch { $_.FullyQualifiedErrorId.Split(',')[0] } }\n"
                   "try { Add-Type -AssemblyName Lib } catch { $_.FullyQualifiedErrorId.Split(',')[0] }")
    assert r.stdout.split() == ["CannotDefineNewType", "ErrorLoadingAssembly",
                                "EXTENSION_NOT_SUPPORTED", "PathNotFound", "ErrorLoadingAssembly"]


def test_add_type_passthru_of_a_known_assembly_writes_nothing() -> None:
    r = run_script("(Add-Type -AssemblyName System.Web -PassThru | Measure-Object).Count")
    assert r.stdout.strip() == "0"


# --- Clear-Host, $Host -------------------------------------------------------------------------
def test_clear_host_clears_a_terminal_only() -> None:
    term = FakeTerminal()
    _run("Clear-Host; cls", term)
    assert term.getvalue() == "\x1b[H\x1b[2J\x1b[3J" * 2
    out, _ = _run("Clear-Host; 'after'")
    assert out == "after\n"


def test_window_title_is_set_on_a_terminal_only() -> None:
    term = FakeTerminal()
    _run("$Host.UI.RawUI.WindowTitle = 'build'; $Host.UI.RawUI.WindowTitle", term)
    assert term.getvalue() == "\x1b]0;build\x07build\n"
    out, _ = _run("$Host.UI.RawUI.WindowTitle = 'build'; $Host.UI.RawUI.WindowTitle")
    assert out == "build\n"


def test_set_should_exit_is_the_exit_code_unless_the_script_exits() -> None:
    out, code = _run("$Host.SetShouldExit(3); 'still running'")
    assert (out, code) == ("still running\n", 3)
    _, code = _run("$Host.SetShouldExit(3); exit 5")
    assert code == 5


def test_set_should_exit_ends_an_interactive_session_after_the_input() -> None:
    engine = Engine(Host(io.StringIO(), io.StringIO()))
    assert engine.run_prompt_input("'x'") is None
    assert engine.run_prompt_input("$Host.SetShouldExit(4)") == 4


def test_host_ui_error_line_goes_to_stderr() -> None:
    out, err = io.StringIO(), io.StringIO()
    Engine(Host(out, err)).run_text("$Host.UI.WriteErrorLine('bad')")
    assert (out.getvalue(), err.getvalue()) == ("", "bad\n")


# --- Start-Process -----------------------------------------------------------------------------
def test_start_process_credential_is_not_supported() -> None:
    r = run_script("$c = [pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force))\n"
                   "try { Start-Process sh -Credential $c } catch { $_.FullyQualifiedErrorId }")
    assert r.stdout.strip() == "NotSupportedException,Microsoft.PowerShell.Commands.StartProcessCommand"
