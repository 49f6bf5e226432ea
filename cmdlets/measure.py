"""Measure-Object (statistics and text counts), Measure-Command (time a script block) and
Compare-Object (set differences)."""
from __future__ import annotations

import datetime
import math
import time

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import exception_class
from pwshlike.runtime.convert import is_numeric, to_str
from pwshlike.runtime.values import PSCustomObject

from . import _order
from ._props import PropertyExpr, block_text, items_of, no_input, parse_properties

_ARG = exception_class("System.Management.Automation.PSArgumentException")
_INVALID_OP = exception_class("System.Management.Automation.PSInvalidOperationException")


class GenericMeasureInfo:
    dotnet_fullname = "Microsoft.PowerShell.Commands.GenericMeasureInfo"
    ps_properties = ("Count", "Average", "Sum", "Maximum", "Minimum", "StandardDeviation",
                     "Property")

    def __init__(self) -> None:
        self.Count = 0
        self.Average = self.Sum = self.Maximum = self.Minimum = None
        self.StandardDeviation = None
        self.Property = None

    def ToString(self) -> str:
        return self.dotnet_fullname


class TextMeasureInfo:
    dotnet_fullname = "Microsoft.PowerShell.Commands.TextMeasureInfo"
    ps_properties = ("Lines", "Words", "Characters", "Property")

    def __init__(self) -> None:
        self.Lines = self.Words = self.Characters = None
        self.Property = None

    def ToString(self) -> str:
        return self.dotnet_fullname


class _Stats:
    """Running statistics of one measured property."""

    def __init__(self) -> None:
        self.count = 0
        self.numbers: list[float] = []
        self.max = self.min = None
        self.lines = self.words = self.chars = 0


class MeasureObjectCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.MeasureObjectCommand"

    def begin_processing(self) -> None:
        self.text = self.parameter_set_name == "TextMeasure"
        all_stats = bool(getattr(self, "AllStats", False))
        self.want = {k: all_stats or bool(getattr(self, k, False))
                     for k in ("Sum", "Average", "Maximum", "Minimum", "StandardDeviation")}
        self.exprs = parse_properties(self, self.Property, named=False)
        self.stats: dict[str, _Stats] = {}
        self.order: list[str] = []
        self.objects = 0

    def _stat(self, name: str) -> _Stats:
        s = self.stats.get(name.lower())
        if s is None:
            s = self.stats[name.lower()] = _Stats()
            self.order.append(name)
        return s

    def process_record(self) -> None:
        if no_input(self) or self.InputObject is None:
            return
        item = self.InputObject
        self.objects += 1
        if not self.exprs:
            self._measure(self._stat(""), item)
            return
        for e in self.exprs:
            got = e.resolve(self, item)
            if e.is_block:
                got = [(block_text(e.source), got[0][1])] if got else []
            for name, value in got:
                if value is None and not self.text:
                    continue
                self._measure(self._stat(name), value)

    def _measure(self, s: _Stats, value) -> None:
        s.count += 1
        if self.text:
            text = "" if value is None else to_str(value)
            s.lines += _count_lines(text)
            s.words += len(text.split())
            s.chars += sum(1 for c in text if not c.isspace()) if self.IgnoreWhiteSpace \
                else len(text)
            return
        w = self.want
        if w["Sum"] or w["Average"] or w["StandardDeviation"]:
            s.numbers.append(self._number(value))
        if w["Maximum"] or w["Minimum"]:
            v = value
            if (is_numeric(v) and not isinstance(v, bool)) or \
                    (isinstance(v, str) and _numeric_text(v)):
                v = self._number(value)
            if s.max is None or _order.compare(v, s.max) > 0:
                s.max = v
            if s.min is None or _order.compare(v, s.min) < 0:
                s.min = v

    def _number(self, value) -> float:
        from pwshlike.runtime.convert import to_number
        try:
            n = to_number(value)
            return float(n)
        except Exception:  # noqa: BLE001 - reported as pwsh does
            rec = self.error_record(f'Input object "{to_str(value)}" is not numeric.',
                                    "NonNumericInputObject", "InvalidType", value, _INVALID_OP)
            self.throw_terminating_error(rec)
            raise _Stop from None

    def end_processing(self) -> None:
        if self.exprs:
            for e in self.exprs:
                if e.is_block or self._matched(e):
                    continue
                name = to_str(e.source)
                self.write_error(self.error_record(
                    f'The property "{name}" cannot be found in the input for any objects.',
                    "GenericMeasurePropertyNotFound" if not self.text
                    else "TextMeasurePropertyNotFound", "InvalidArgument", None, _ARG))
        names = self.order if self.exprs else [""]
        for name in names:
            s = self.stats.get(name.lower()) or _Stats()
            self.write_object(self._result(name, s))

    def _matched(self, e: PropertyExpr) -> bool:
        from ._props import match_names
        return bool(match_names(to_str(e.source), self.order))

    def _result(self, name: str, s: _Stats):
        if self.text:
            r = TextMeasureInfo()
            r.Property = name or None
            if self.Line:
                r.Lines = s.lines
            if self.Word:
                r.Words = s.words
            if self.Character:
                r.Characters = s.chars
            if not (self.Line or self.Word or self.Character):
                r.Lines, r.Words, r.Characters = s.lines, s.words, s.chars
            return r
        r = GenericMeasureInfo()
        r.Count = s.count
        r.Property = name or None
        nums = s.numbers
        if self.want["Sum"]:
            r.Sum = math.fsum(nums)
        if self.want["Average"] and nums:
            r.Average = math.fsum(nums) / len(nums)
        if self.want["StandardDeviation"] and len(nums) > 1:
            mean = math.fsum(nums) / len(nums)
            r.StandardDeviation = math.sqrt(math.fsum((x - mean) ** 2 for x in nums) /
                                            (len(nums) - 1))
        elif self.want["StandardDeviation"]:
            r.StandardDeviation = 0.0 if nums else None
        if self.want["Maximum"]:
            r.Maximum = s.max
        if self.want["Minimum"]:
            r.Minimum = s.min
        return r


class MeasureCommandCommand(Cmdlet):
    """Runs -Expression dot-sourced in the caller's scope, once per input object (``$_``),
    discarding its output, and writes the total time spent in it as one TimeSpan."""

    fq_name = "Microsoft.PowerShell.Commands.MeasureCommandCommand"
    allow_null_parameters = ("InputObject",)

    def begin_processing(self) -> None:
        from pwshlike.runtime.helpers import NULLSINK

        from .foreach import block_runner
        self._elapsed_ns = 0
        self._vars = self.current_scope.vars
        self._saved_underscore = self._vars.get("_", _MISSING)
        self._run = block_runner(self.ctx, self.Expression, self.current_scope, NULLSINK)

    def process_record(self) -> None:
        # without input pwsh leaves $_ alone (AutomationNull is not assigned)
        item = self.InputObject if self.is_bound("InputObject") else \
            self._vars.get("_", None)
        start = time.perf_counter_ns()
        try:
            self._run(item)
        finally:
            self._elapsed_ns += time.perf_counter_ns() - start

    def end_processing(self) -> None:
        if self._saved_underscore is _MISSING:
            self._vars.pop("_", None)
        else:
            self._vars["_"] = self._saved_underscore
        self.write_object(datetime.timedelta(microseconds=self._elapsed_ns // 1000))


_MISSING = object()


class _Stop(Exception):
    pass


def _numeric_text(s: str) -> bool:
    from pwshlike.runtime.convert import parse_number_string
    return parse_number_string(s.strip()) is not None


def _count_lines(text: str) -> int:
    if not text:
        return 0
    return len(text.split("\n")) - (1 if text.endswith("\n") else 0)


# --- Compare-Object ------------------------------------------------------------------------------
class CompareObjectCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.CompareObjectCommand"
    allow_empty_parameters = ("ReferenceObject", "DifferenceObject")

    def begin_processing(self) -> None:
        self.exprs = parse_properties(self, self.Property, named=True)
        self.cs = bool(self.CaseSensitive)
        self.refs = [(self._keys(r), r) for r in items_of(self.ReferenceObject)]
        self.diffs: list = []

    def _keys(self, obj) -> list:
        if not self.exprs:
            return [obj]
        return [e.value(self, obj) for e in self.exprs]

    def process_record(self) -> None:
        if self.is_bound("DifferenceObject"):
            self.diffs.extend(items_of(self.DifferenceObject))

    def end_processing(self) -> None:
        unmatched = list(self.refs)
        include_equal = bool(self.IncludeEqual) or bool(self.ExcludeDifferent)
        for d in self.diffs:
            keys = self._keys(d)
            hit = next((i for i, (k, _) in enumerate(unmatched)
                        if all(_order.equal(a, b, self.cs) for a, b in zip(k, keys,
                                                                          strict=True))), None)
            if hit is not None:
                ref = unmatched.pop(hit)
                if include_equal:
                    self._emit(ref[1], ref[0], "==")
            elif not self.ExcludeDifferent:
                self._emit(d, keys, "=>")
        if not self.ExcludeDifferent:
            for keys, r in unmatched:
                self._emit(r, keys, "<=")

    def _emit(self, obj, keys: list, side: str) -> None:
        if self.PassThru:
            if isinstance(obj, PSCustomObject):
                obj.set_property("SideIndicator", side)
            self.write_object(obj)
            return
        if self.exprs:
            props = [(e.label or to_str(e.source), k) for e, k in zip(self.exprs, keys,
                                                                      strict=True)]
        else:
            props = [("InputObject", obj)]
        self.write_object(PSCustomObject(props + [("SideIndicator", side)]))
