"""Stopping a pipeline early (pwsh's StopUpstreamCommandsException) as the engine and a
Python cmdlet see it: Cmdlet.stop_upstream and dispose, native commands reaped, files read
only as far as needed, scope depth restored; and ranges that stay lazy.

The spec cases in tests/spec/pipeline.ps1 cover what a script sees."""

from __future__ import annotations

import io
import os
import shutil
import threading
import time

import pytest

from pwshlike.binding.specs import meta_from_spec
from pwshlike.cmdlet import Cmdlet
from pwshlike.engine import Engine, Host
from pwshlike.errors import DotNetException
from pwshlike.runtime.cmdlet_processor import CmdletInfo
from pwshlike.runtime.operators import range_op, range_values

DISPOSED: list[str] = []


class TakeUntilCommand(Cmdlet):
    """Writes its input until the marker, then stops the commands before it."""

    def process_record(self) -> None:
        self.write_object(self.InputObject)
        if self.InputObject == "stop":
            self.stop_upstream()

    def end_processing(self) -> None:
        self.write_object("take end")

    def dispose(self) -> None:
        DISPOSED.append("take")


SPEC = {
    "name": "Take-Until",
    "class": "tests:TakeUntilCommand",
    "default_parameter_set": "Default",
    "parameters": [
        {"name": "InputObject", "type": "System.Object",
         "sets": {"Default": {"position": 0, "value_from_pipeline": True}}},
    ],
}


def engine() -> tuple[Engine, io.StringIO, io.StringIO]:
    out, err = io.StringIO(), io.StringIO()
    e = Engine(Host(out, err, stdin=io.StringIO("")))
    info = CmdletInfo("Take-Until")
    info._spec = SPEC
    info._meta = meta_from_spec(SPEC)
    info._cls = TakeUntilCommand
    e.ctx.cmdlets["take-until"] = info
    return e, out, err


def run(script: str) -> tuple[str, str, Engine]:
    e, out, err = engine()
    e.run_text(script)
    return out.getvalue(), err.getvalue(), e


def test_a_python_cmdlet_stops_its_upstream_and_is_disposed():
    DISPOSED.clear()
    out, err, _ = run("$n = 0\n"
                      "'a', 'stop', 'b' | ForEach-Object { $n++; $_ } | Take-Until | "
                      "ForEach-Object { \"got $_\" } -End { 'down end' }\n"
                      "\"n=$n $?\"")
    # its own end_processing is not called; the commands after it end normally
    assert out.splitlines() == ["got a", "got stop", "down end", "n=2 True"]
    assert err == ""
    assert DISPOSED == ["take"]


def test_a_stop_from_an_inner_pipeline_goes_out_to_its_own_pipeline():
    out, _, _ = run("$n = 0\n"
                    "1..3 | ForEach-Object { 'x', 'stop', 'y' | ForEach-Object { $n++; $_ } } | "
                    "Take-Until\n\"n=$n\"")
    assert out.splitlines() == ["x", "stop", "n=2"]


def test_dispose_runs_when_an_error_ends_the_pipeline():
    DISPOSED.clear()
    out, err, _ = run("try { 'a' | Take-Until | ForEach-Object { throw 'boom' } } "
                      "catch { \"caught $_\" }")
    assert out.splitlines() == ["caught boom"]
    assert err == ""
    assert DISPOSED == ["take"]


def test_scope_depth_is_restored_after_stopped_and_failed_pipelines():
    e, _, _ = engine()
    e.run_text("function f { process { $_ } }\n"
               "function g { begin { throw 'begin failed' } }\n"
               "1..5 | f | Select-Object -First 1 | Out-Null\n"
               "try { 1..3 | f | ForEach-Object { throw 'x' } } catch { }\n"
               "try { g } catch { }\n"
               "& { while ($true) { 1 } } | f | Select-Object -First 1 | Out-Null\n")
    assert e.ctx.depth == 0


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs sh")
def test_a_native_command_upstream_is_killed_and_reaped():
    out, err, _ = run("sh -c 'echo $$; while :; do echo y; done' | Select-Object -First 2")
    pid_text, second = out.splitlines()
    assert second == "y"
    assert err == ""
    with pytest.raises(ProcessLookupError):     # gone: not running, not a zombie either
        os.kill(int(pid_text), 0)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_get_content_reads_no_further_than_asked(tmp_path):
    """The writer keeps the pipe open: reading the whole 'file' would wait for it."""
    fifo = tmp_path / "lines"
    os.mkfifo(fifo)
    done = threading.Event()

    def writer() -> None:
        with open(fifo, "w") as f:
            f.write("first\nsecond\n")
            f.flush()
            done.wait(10)

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    start = time.monotonic()
    try:
        out, err, _ = run(f"Get-Content -LiteralPath '{fifo}' | Select-Object -First 1")
    finally:
        done.set()
        t.join(5)
    assert out.splitlines() == ["first"]
    assert err == ""
    assert time.monotonic() - start < 5


def test_get_content_streams_lines_as_the_whole_file_would_split(tmp_path):
    path = tmp_path / "f.txt"
    # a '\r\n' across the 64 KiB read boundary, a UTF-8 character across it, a lone '\r'
    data = ("x" * 65535 + "\r\n" + "y" * 65534 + "é" + "\rz\n").encode("utf-8")
    path.write_bytes(data)
    out, _, _ = run(f"$l = Get-Content -LiteralPath '{path}'\n"
                    "$l.Count; $l[0].Length; $l[1].Length; $l[2]\n"
                    f"(Get-Content -LiteralPath '{path}' -Raw).Length")
    assert out.splitlines() == ["3", "65535", "65535", "z", str(len(data.decode("utf-8")))]


def test_ranges_stay_lazy_unless_materialised():
    r = range_values(1, 2_000_000_000)
    assert isinstance(r, range) and len(r) == 2_000_000_000
    assert list(range_values(3, 1)) == [3, 2, 1]
    with pytest.raises(DotNetException, match="The range is too large"):
        range_op(1, 60_000_000)
    assert len(range_op(1, 50_000_001)) == 50_000_001
