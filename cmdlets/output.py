"""Out-Null, Out-Host and Out-Default: the commands that end a pipeline.

Out-Host and Out-Default format what reaches them exactly as the console formats the end
of a top-level pipeline (pwshlike.host.output.OutDefault) and pass nothing on.
"""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet


class OutNullCommand(Cmdlet):
    def process_record(self) -> None:
        pass


class OutDefaultCommand(Cmdlet):
    def begin_processing(self) -> None:
        from pwshlike.host.output import OutDefault
        # -Transcript: the output is meant for the transcript only, and there is none
        self.sink = None if self._transcript_only() else OutDefault(self.ctx)

    def _transcript_only(self) -> bool:
        return bool(getattr(self, "Transcript", False))

    def process_record(self) -> None:
        if self.sink is not None and self.InputObject is not None:
            self.sink.append(self.InputObject)

    def end_processing(self) -> None:
        if self.sink is not None:
            self.sink.flush()


class OutHostCommand(OutDefaultCommand):
    """Out-Host: as Out-Default; -Paging is accepted, and the output is not paged."""

    fq_name = "Microsoft.PowerShell.Commands.OutHostCommand"
