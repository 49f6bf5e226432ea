"""Get-Random and New-Guid."""
from __future__ import annotations

import random
import uuid

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import exception_class
from pwshlike.runtime import numeric as N
from pwshlike.runtime.convert import to_number, to_str

from ._props import items_of, no_input, param

_ARG = exception_class("System.ArgumentException")
_INT32_MAX = 2 ** 31 - 1


def _generator(ctx) -> random.Random:
    """The session's generator, created once (so -SetSeed affects later calls)."""
    gen = getattr(ctx, "_pwshlike_random", None)
    if gen is None:
        gen = random.Random()
        ctx._pwshlike_random = gen
    return gen


class GetRandomCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetRandomCommand"
    allow_null_parameters = ("InputObject",)
    allow_empty_parameters = ("InputObject",)

    def begin_processing(self) -> None:
        self.rng = _generator(self.ctx)
        if self.is_bound("SetSeed"):
            self.rng.seed(int(self.SetSeed))
        self.items: list = []

    def process_record(self) -> None:
        if self.parameter_set_name in ("RandomListItemParameterSet", "ShuffleParameterSet"):
            if not no_input(self):
                value = self.InputObject
                self.items.extend(value if isinstance(value, list) else items_of(value))
            return

    def end_processing(self) -> None:
        if self.parameter_set_name == "ShuffleParameterSet":
            items = list(self.items)
            self.rng.shuffle(items)
            for i in items:
                self.write_object(i)
            return
        if self.parameter_set_name == "RandomListItemParameterSet":
            count = int(param(self, "Count", 1))
            picks = self.rng.sample(self.items, min(count, len(self.items)))
            for i in picks:
                self.write_object(i)
            return
        count = int(param(self, "Count", 1))
        for _ in range(max(count, 1)):
            self.write_object(self._number())

    def _number(self):
        lo = param(self, "Minimum")
        hi = param(self, "Maximum")
        lo_n = to_number(lo) if lo is not None else None
        hi_n = to_number(hi) if hi is not None else None
        if isinstance(lo_n, str) or isinstance(hi_n, str):
            lo_n, hi_n = float(lo_n or 0), float(hi_n or 0)
        is_float = any(isinstance(x, float) or N.is_decimal(x) for x in (lo_n, hi_n)
                       if x is not None)
        if is_float:
            a = float(lo_n) if lo_n is not None else 0.0
            b = float(hi_n) if hi_n is not None else 1.7976931348623157e308
            self._check(a, b)
            return a + (b - a) * self.rng.random()
        a = int(lo_n) if lo_n is not None else 0
        b = int(hi_n) if hi_n is not None else _INT32_MAX
        self._check(a, b)
        return self.rng.randrange(a, b)

    def _check(self, a, b) -> None:
        if a >= b:
            self.throw_terminating_error(self.error_record(
                f"The Minimum value ({to_str(a)}) cannot be greater than or equal to the Maximum "
                f"value ({to_str(b)}).", "MinGreaterThanOrEqualMax", "InvalidArgument", None,
                _ARG))


class NewGuidCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.NewGuidCommand"

    def process_record(self) -> None:
        self.write_object(uuid.uuid4())
