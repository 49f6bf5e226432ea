"""Unit tests of the core cmdlets' helpers: the progress line, $using: discovery and the
Write-Progress display on a (fake) terminal."""
from __future__ import annotations

import io

from cmdlets.progress import ProgressState, render_line
from pwshlike.engine import Engine, Host


def _record(**kw) -> dict:
    base = {"id": 0, "parent": -1, "activity": "Copying", "status": "Processing",
            "percent": -1, "operation": "", "seconds": -1, "completed": False}
    base.update(kw)
    return base


def test_render_line_with_bar_status_operation_and_time() -> None:
    line = render_line(_record(percent=50, status="1 of 2", operation="a.txt", seconds=3), 200)
    assert line == ("Copying [" + "=" * 15 + " " * 15 + "] 50% 1 of 2 (a.txt) 3s left")


def test_render_line_without_percentage_has_no_bar_and_is_cut_to_width() -> None:
    assert render_line(_record(), 200) == "Copying Processing"
    assert render_line(_record(activity="x" * 50), 20) == "x" * 18 + "…"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_state_redraws_in_place_and_erases_on_completion() -> None:
    term = FakeTerminal()
    state = ProgressState()
    state.update(term, _record(percent=10))
    state.update(term, _record(percent=20))
    state.update(term, _record(completed=True))
    writes = term.getvalue().split("\r\x1b[2K")[1:]
    assert writes[0].startswith("Copying [===") and writes[0].endswith("\r")
    assert " 20% " in writes[1]
    assert writes[2] == "\r"
    assert not state.activities and not state.drawn


def test_completing_a_parent_removes_its_children() -> None:
    term = FakeTerminal()
    state = ProgressState()
    state.update(term, _record(id=1))
    state.update(term, _record(id=2, parent=1, activity="child"))
    state.update(term, _record(id=1, completed=True))
    assert state.activities == {}


def test_write_progress_draws_on_a_terminal_stderr_only() -> None:
    out, err = io.StringIO(), FakeTerminal()
    Engine(Host(out, err)).invoke(
        "Write-Progress -Activity Copy -PercentComplete 40; Write-Progress -Activity Copy "
        "-Completed")
    assert out.getvalue() == ""
    assert "Copy [" in err.getvalue() and err.getvalue().endswith("\r\x1b[2K\r")


def test_write_progress_honours_progress_preference() -> None:
    err = FakeTerminal()
    Engine(Host(io.StringIO(), err)).invoke(
        "$ProgressPreference = 'SilentlyContinue'; Write-Progress -Activity Copy")
    assert err.getvalue() == ""


def test_using_names_lists_each_using_variable_once() -> None:
    from cmdlets.parallel import using_names
    engine = Engine(Host(io.StringIO(), io.StringIO()))
    [sb] = engine.invoke("{ $using:A + $using:b + $using:a + $c }")
    assert using_names(sb) == ["a", "b"]


def test_write_host_colour_only_on_a_terminal() -> None:
    term = FakeTerminal()
    Engine(Host(term, io.StringIO())).invoke("Write-Host hi -ForegroundColor Red")
    assert term.getvalue() == "\x1b[91mhi\x1b[0m\n"
    plain = io.StringIO()
    Engine(Host(plain, io.StringIO())).invoke("Write-Host hi -ForegroundColor Red")
    assert plain.getvalue() == "hi\n"
