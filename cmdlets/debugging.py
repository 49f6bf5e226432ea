"""Get-PSCallStack: the running script blocks, innermost first."""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet


class GetPSCallStackCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetPSCallStackCommand"

    def end_processing(self) -> None:
        from pwshlike.runtime.callstack import current_frames
        for frame in current_frames():
            self.write_object(frame)
