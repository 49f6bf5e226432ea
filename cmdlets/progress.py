"""Write-Progress and the one-line progress display on standard error.

pwsh draws a progress pane at the top of the console.  pwshlike draws the most recently
updated activity as one line at the cursor on stderr, redrawn in place ("\\r" and erase to
end of line) and erased when the activity completes, and draws nothing at all unless
stderr is a terminal.  Records still go through the cmdlet runtime (``write_progress``)
so that -ProgressAction Stop/Inquire behave as for any stream.
"""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import ParameterBindingValidationException, exception_class
from pwshlike.runtime.convert import to_str

ArgumentException = exception_class("System.ArgumentException")

# parameter -> (lowest, highest) allowed, pwsh's [ValidateRange] on these parameters
_RANGES = {"Id": (0, None), "PercentComplete": (-1, 100), "ParentId": (-1, None)}
_BAR_WIDTH = 30


class ProgressState:
    """The activities a session is showing, by id, and the line last drawn."""

    def __init__(self) -> None:
        self.activities: dict[int, dict] = {}
        self.drawn = False

    def update(self, stream, record: dict) -> None:
        if record["completed"]:
            self.activities.pop(record["id"], None)
            for child in [k for k, v in self.activities.items() if v["parent"] == record["id"]]:
                self.activities.pop(child, None)
        else:
            self.activities.pop(record["id"], None)
            self.activities[record["id"]] = record       # most recent last
        if self.activities:
            latest = next(reversed(self.activities.values()))
            self._draw(stream, render_line(latest, _terminal_width(stream)))
        elif self.drawn:
            self._draw(stream, "")

    def _draw(self, stream, line: str) -> None:
        try:
            stream.write("\r\x1b[2K" + line + "\r")
            stream.flush()
        except (OSError, ValueError):
            return
        self.drawn = bool(line)


def render_line(record: dict, width: int) -> str:
    """``Activity [=====     ] 42% Status (CurrentOperation) 12s`` cut to the width."""
    parts = [record["activity"]]
    percent = record["percent"]
    if percent is not None and percent >= 0:
        done = round(_BAR_WIDTH * percent / 100)
        parts.append(f"[{'=' * done}{' ' * (_BAR_WIDTH - done)}] {percent}%")
    if record["status"]:
        parts.append(record["status"])
    if record["operation"]:
        parts.append(f"({record['operation']})")
    if record["seconds"] is not None and record["seconds"] >= 0:
        parts.append(f"{record['seconds']}s left")
    line = " ".join(p for p in parts if p)
    return line if len(line) < width else line[:max(width - 2, 0)] + "…"


def _terminal_width(stream) -> int:
    import os
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 80


def _is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


class WriteProgressCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WriteProgressCommand"

    def begin_processing(self) -> None:
        for name, (low, high) in _RANGES.items():
            value = getattr(self, name, None)
            if value is None or not self.is_bound(name):
                continue
            value = int(value)
            if value < low:
                self._range_error(name, value, f"is less than the minimum allowed range of {low}."
                                  f" Supply an argument that is greater than or equal to {low}")
            if high is not None and value > high:
                self._range_error(name, value, f"is greater than the maximum allowed range of "
                                  f"{high}. Supply an argument that is less than or equal to "
                                  f"{high}")

    def _range_error(self, name: str, value: int, detail: str) -> None:
        self.throw_terminating_error(self.error_record(
            f"Cannot validate argument on parameter '{name}'. The {value} argument {detail} "
            "and then try the command again.", "ParameterArgumentValidationError",
            "InvalidData", value, ParameterBindingValidationException))

    def process_record(self) -> None:
        activity = to_str(self.Activity) if self.Activity is not None else ""
        completed = bool(self.Completed)
        if not activity and not completed:
            self.throw_terminating_error(self.error_record(
                "Missing value for mandatory parameter. (Parameter 'Activity')",
                "MissingActivity", "InvalidArgument", None, ArgumentException))
        status = to_str(self.Status) if self.is_bound("Status") else "Processing"
        percent = int(self.PercentComplete) if self.is_bound("PercentComplete") else -1
        record = {
            "id": int(self.Id) if self.is_bound("Id") else 0,
            "parent": int(self.ParentId) if self.is_bound("ParentId") else -1,
            "activity": activity, "status": status, "percent": percent,
            "operation": to_str(self.CurrentOperation) if self.CurrentOperation else "",
            "seconds": int(self.SecondsRemaining) if self.is_bound("SecondsRemaining") else -1,
            "completed": completed,
        }
        if self._preference() in ("silentlycontinue", "ignore"):
            return
        self.write_progress(activity, status, percent)
        stream = getattr(self.ctx.host, "stderr", None)
        if stream is None or not _is_terminal(stream):
            return
        state = getattr(self.ctx, "progress_state", None)
        if state is None:
            state = ProgressState()
            self.ctx.progress_state = state
        state.update(stream, record)

    def _preference(self) -> str:
        value = self.bound_parameters.get("ProgressAction")
        if value is None:
            from pwshlike.runtime.helpers import lookup
            value = lookup(self.ctx, self.current_scope, "progresspreference")
        return to_str(value).lower() if value is not None else "continue"
