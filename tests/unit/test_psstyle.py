"""$PSStyle: the sequences it gives, and OutputRendering deciding what the host prints."""
from __future__ import annotations

import io

import pytest

from pwshlike.engine import Engine, Host


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def printed(script: str, stdout=None) -> str:
    out = stdout if stdout is not None else io.StringIO()
    Engine(Host(out, io.StringIO())).run_text(script)
    return out.getvalue()


DECORATED = '"$($PSStyle.Foreground.BrightRed)x$($PSStyle.Reset)"'


def test_host_rendering_keeps_sequences_only_for_a_terminal(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert printed(DECORATED) == "x\n"
    assert printed(DECORATED, Terminal()) == "\x1b[91mx\x1b[0m\n"


@pytest.mark.parametrize("mode, expected", [("Ansi", "\x1b[91mx\x1b[0m\n"), ("PlainText", "x\n")])
def test_explicit_rendering_modes(mode, expected):
    assert printed(f"$PSStyle.OutputRendering = '{mode}'; {DECORATED}", Terminal()) == expected


@pytest.mark.parametrize("variable, value", [("NO_COLOR", "1"), ("TERM", "dumb")])
def test_no_color_and_dumb_terminals_default_to_plain_text(monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    assert printed("$PSStyle.OutputRendering; " + DECORATED, Terminal()) == "PlainText\nx\n"


def test_sequences_and_rgb_helpers():
    engine = Engine(Host(io.StringIO(), io.StringIO()))
    values = engine.invoke(
        "$PSStyle.Bold; $PSStyle.Foreground.Green; $PSStyle.Background.BrightBlack; "
        "$PSStyle.Foreground.FromRgb(0x102030); $PSStyle.Background.FromRgb(1, 2, 3); "
        "$PSStyle.FormatHyperlink('docs', 'https://example.com'); "
        "$PSStyle.Formatting.TableHeader; [string]$PSStyle.Progress.View")
    assert values == ["\x1b[1m", "\x1b[32m", "\x1b[100m", "\x1b[38;2;16;32;48m",
                      "\x1b[48;2;1;2;3m", "\x1b]8;;https://example.com\x1b\\docs\x1b]8;;\x1b\\",
                      "\x1b[32;1m", "Minimal"]


def test_an_unknown_rendering_mode_is_exception_when_setting():
    engine = Engine(Host(io.StringIO(), io.StringIO()))
    values = engine.invoke("try { $PSStyle.OutputRendering = 'Loud' } catch { "
                           "$_.FullyQualifiedErrorId; $_.Exception.GetType().Name }; "
                           "[string]$PSStyle.OutputRendering")
    assert values[:2] == ["ExceptionWhenSetting", "SetValueInvocationException"]
    assert values[2] in ("Host", "PlainText")
