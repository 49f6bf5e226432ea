"""The PowerShell call stack, read off the Python stack (``Get-PSCallStack``,
``$_.ScriptStackTrace``).

Nothing is pushed or popped per call: every compiled block is a Python function whose code
object is registered here with the script block it belongs to, and the generated code's
line map turns a Python line into a PowerShell position.  Walking the Python frames from
the innermost outwards therefore yields one PowerShell frame per running script block, at
the position it is executing (helper functions the compiler generated for a block count
as part of that block).
"""
from __future__ import annotations

import functools
import os
import sys

from .scriptblock import _UNITS, CODE_OWNERS


class CallStackFrame:
    """One frame of ``Get-PSCallStack`` (System.Management.Automation.CallStackFrame)."""

    dotnet_fullname = "System.Management.Automation.CallStackFrame"

    def __init__(self, command: str, function_name: str, script_name: str | None,
                 line: int, position=None) -> None:
        self.Command = command
        self.FunctionName = function_name
        self.ScriptName = script_name
        self.ScriptLineNumber = line
        self.Position = position
        self.Arguments = "{}"

    @property
    def Location(self) -> str:
        if not self.ScriptName:
            return "<No file>"
        return f"{os.path.basename(self.ScriptName)}: line {self.ScriptLineNumber}"

    def GetScriptLocation(self) -> str:
        return self.Location

    def ToString(self) -> str:
        return f"at {self.FunctionName}, {self.ScriptName or '<No file>'}: line " \
               f"{self.ScriptLineNumber}"

    def __str__(self) -> str:
        return self.ToString()

    @staticmethod
    def ps_table_view():
        return _table_view()


def capture(frame, linenos: dict) -> list[tuple]:
    """The raw PowerShell frames above ``frame``: (ScriptBlockInfo, unit, Python line).

    Cheap enough for every error record; :func:`frames` turns them into CallStackFrames
    only when someone looks."""
    out = []
    pending = None
    while frame is not None:
        code = frame.f_code
        unit = _UNITS.get(code.co_filename)
        if unit is not None:
            if pending is None:
                pending = (unit, linenos.get(id(frame), frame.f_lineno))
            info = CODE_OWNERS.get(code)
            if info is not None:
                out.append((info, *pending))
                pending = None
        frame = frame.f_back
    return out


def frames(raw: list[tuple]) -> list[CallStackFrame]:
    from ..errors import Extent
    out = []
    for info, unit, line in raw:
        while line > 0 and line not in unit.linemap:
            line -= 1
        extent = None
        if line > 0:
            start, end = unit.linemap[line]
            extent = Extent(unit.src, start, end, unit.filename)
        out.append(_frame_for(info, extent))
    if out and out[-1].ScriptName:
        # a script file was started by the host's own (file-less) command
        out.append(CallStackFrame("<ScriptBlock>", "<ScriptBlock>", None, 1))
    return out


def _frame_for(info, extent) -> CallStackFrame:
    script = info.extent[3]
    line = extent.line if extent is not None else 0
    if info.name:
        return CallStackFrame(info.name, info.name, script, line, extent)
    command = os.path.basename(script) if script and info.is_script_file else "<ScriptBlock>"
    return CallStackFrame(command, "<ScriptBlock>", script, line, extent)


def current_frames() -> list[CallStackFrame]:
    """The PowerShell frames of the running code, innermost first."""
    return frames(capture(sys._getframe(1), {}))


def capture_for(exc: BaseException) -> list[tuple]:
    """The raw frames where ``exc`` was raised (its traceback, then the callers); where the
    caller stands when it has not been raised."""
    tb = exc.__traceback__
    if tb is None:
        return capture(sys._getframe(2), {})
    linenos = {}
    while True:
        linenos[id(tb.tb_frame)] = tb.tb_lineno
        if tb.tb_next is None:
            break
        tb = tb.tb_next
    return capture(tb.tb_frame, linenos)


def stack_trace(raw: list[tuple]) -> str:
    """``$_.ScriptStackTrace``: one ``at <function>, <file>: line <n>`` line per frame."""
    return "\n".join(f.ToString() for f in frames(raw))


@functools.cache
def _table_view():
    from ..host.formatting.model import TableColumn, TableView
    return TableView(type_keys=frozenset({CallStackFrame.dotnet_fullname}), columns=(
        TableColumn("Command"), TableColumn("Arguments"), TableColumn("Location")))
