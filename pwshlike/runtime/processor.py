"""What every command in a pipeline is: a processor with begin/process/end, and the sink
that feeds one processor's output to the next."""
from __future__ import annotations


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


class Downstream:
    """Output sink that forwards every record to the next processor."""

    __slots__ = ("proc",)

    def __init__(self, proc: Processor) -> None:
        self.proc = proc

    def append(self, item) -> None:
        self.proc.process(item)

    def extend(self, items) -> None:
        p = self.proc.process
        for i in items:
            p(i)
