"""What every command in a pipeline is: a processor with begin/process/end, the sink that
feeds one processor's output to the next, and the signal a command raises to stop the
commands before it."""
from __future__ import annotations

from .context import FlowControl


class Processor:
    out = None
    expects_input = False
    name = ""

    def begin(self, pipeline_expected: bool) -> None:
        pass

    def process(self, item) -> None:
        pass

    def end(self) -> None:
        pass

    def dispose(self) -> None:
        """Called once the pipeline is done with this command, however it ended (pwsh's
        DisposeCommands): also after ``end`` never ran because the command was stopped or
        an error ended the pipeline, so release here what ``end`` would have released."""


class StopUpstreamCommands(FlowControl):
    """pwsh's StopUpstreamCommandsException: ``requester`` (a command that has all the input
    it needs, e.g. Select-Object -First) ends the commands before it in its pipeline.

    Raised from inside the requester's ``process``, it unwinds through the upstream
    commands (their loops and script blocks are abandoned; ``finally`` blocks run, ``catch``
    blocks never see it, being flow control) to the pipeline that holds the requester.
    That pipeline does not call ``end`` on the upstream commands nor on the requester (which
    ends itself before raising), runs ``end`` of the commands after it, then disposes of
    every command.  No error is written and ``$?`` stays true."""

    def __init__(self, requester: Processor) -> None:
        self.requester = requester


class Downstream:
    """Output sink that forwards every record to the next processor.

    The next processor begins when the pipeline begins it or, if earlier, when the first
    record reaches it (a ``begin`` block upstream writing output), as pwsh's command
    processors run BeginProcessing on their first record.  Once it has begun, ``append``
    is the processor's own ``process``: no extra call per record."""

    __slots__ = ("append", "begun", "proc")

    def __init__(self, proc: Processor) -> None:
        self.proc = proc
        self.begun = False
        self.append = self._first_record

    def begin(self) -> None:
        """Begin the processor (with pipeline input expected) unless it already has."""
        if not self.begun:
            self.begun = True
            self.proc.begin(True)
            self.append = self.proc.process

    def _first_record(self, item) -> None:
        self.begin()
        self.proc.process(item)

    def extend(self, items) -> None:
        for i in items:
            self.append(i)
