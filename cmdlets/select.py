"""Select-Object: pick properties (plain, wildcard, calculated), expand one, slice the stream."""
from __future__ import annotations

from collections import deque

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import exception_class
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.typenames import type_name_of
from pwshlike.runtime.values import PSCustomObject

from . import _order
from ._props import (
    has_wildcard,
    items_of,
    lookup,
    match_names,
    names_of,
    no_input,
    param,
    parse_properties,
)

_ARG = exception_class("System.Management.Automation.PSArgumentException")


class SelectObjectCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.SelectObjectCommand"

    def begin_processing(self) -> None:
        self.exprs = parse_properties(self, self.Property)
        self.exclude = [to_str(x) for x in items_of(self.ExcludeProperty)]
        if self.exclude and not self.exprs and not self.is_bound("ExpandProperty"):
            self.exprs = parse_properties(self, "*")
        self.first = param(self, "First")
        self.last = param(self, "Last")
        self.skip = param(self, "Skip", 0) or 0
        self.skip_last = param(self, "SkipLast")
        self.index = sorted({int(i) for i in items_of(param(self, "Index"))}) \
            if self.is_bound("Index") else None
        self.skip_index = {int(i) for i in items_of(param(self, "SkipIndex"))} \
            if self.is_bound("SkipIndex") else None
        self.unique = bool(self.Unique)
        self.case_sensitive = not bool(self.CaseInsensitive)
        self.seen = 0                   # input objects counted
        self.emitted = 0                # objects passed by -First
        self.last_buf: deque = deque(maxlen=self.last) if self.last else deque()
        self.held: deque = deque()      # -SkipLast
        self.unique_list: list = []

    # --- slicing -------------------------------------------------------------------------------
    def process_record(self) -> None:
        if no_input(self):
            return
        item = self.InputObject
        pos = self.seen
        self.seen += 1
        if self.index is not None:
            if pos in self.index:
                self._output(item)
            if not self.index or pos >= self.index[-1]:
                self._stop()
            return
        if self.skip_index is not None:
            if pos not in self.skip_index:
                self._output(item)
            return
        if self.skip_last is not None:
            self.held.append(item)
            if len(self.held) > self.skip_last:
                self._output(self.held.popleft())
            return
        if pos < self.skip:
            return
        if self.first is None and self.last is None:
            self._output(item)
            return
        if self.first is not None and self.emitted < self.first:
            self.emitted += 1
            self._output(item)
            if self.emitted == self.first and not self.last:
                self._stop()
            return
        if self.last:
            self.last_buf.append(item)

    def _stop(self) -> None:
        """Every requested object has been seen: end now and stop the commands upstream, as
        pwsh does unless -Wait (the rest of the input could change nothing)."""
        if self.Wait:
            return
        self.end_processing()
        self.stop_upstream()

    def end_processing(self) -> None:
        for item in self.last_buf:
            self._output(item)
        for item in self.unique_list:
            self.write_object(item)

    # --- one object ----------------------------------------------------------------------------
    def _output(self, item) -> None:
        for result in self._select(item):
            if self.unique:
                if not any(_order.equal(result, u, self.case_sensitive)
                           for u in self.unique_list):
                    self.unique_list.append(result)
            else:
                self.write_object(result)

    def _select(self, item) -> list:
        selected = None
        if self.exprs:
            selected = self._selected_properties(item)
        if self.is_bound("ExpandProperty"):
            return self._expand(item, selected)
        if selected is None:
            return [item]
        obj = PSCustomObject(selected)
        obj.type_names = ["Selected." + type_name_of(item)]
        return [obj]

    def _selected_properties(self, item) -> list[tuple[str, object]]:
        pairs: list[tuple[str, object]] = []
        for e in self.exprs:
            got = e.resolve(self, item)
            if not got and not e.is_block and not has_wildcard(to_str(e.source)):
                got = [(e.label or to_str(e.source), None)]
            for name, value in got:
                if any(match_names(x, [name]) for x in self.exclude):
                    continue
                if any(n.lower() == name.lower() for n, _ in pairs):
                    if e.label is not None or not has_wildcard(to_str(e.source)):
                        self._already_exists(name, item)
                    continue
                pairs.append((name, value))
        return pairs

    def _already_exists(self, name: str, item) -> None:
        self.write_error(self.error_record(
            f'The property cannot be processed because the property "{name}" already exists.',
            "AlreadyExistingUserSpecifiedPropertyNoExpand", "InvalidOperation", item,
            _ARG))

    def _expand(self, item, selected) -> list:
        pattern = to_str(self.ExpandProperty)
        names = match_names(pattern, names_of(item)) if has_wildcard(pattern) else [pattern]
        found = [(n, *lookup(item, n)) for n in names]
        found = [(n, v) for n, ok, v in found if ok]
        if not found:
            self.write_error(self.error_record(
                f'Property "{pattern}" cannot be found.', "ExpandPropertyNotFound",
                "InvalidArgument", item, _ARG))
            return []
        if len(found) > 1:
            self.write_error(self.error_record(
                "Multiple properties cannot be expanded.", "MutlipleExpandProperties",
                "InvalidArgument", item, _ARG))
            return []
        results = items_of(found[0][1])
        if selected:
            for r in results:
                if not isinstance(r, PSCustomObject):
                    continue
                for name, value in selected:
                    if not r.add_property(name, value):
                        self.write_error(self.error_record(
                            f'The property cannot be processed because the property "{name}" '
                            "already exists.", "AlreadyExistingUserSpecifiedPropertyExpand",
                            "InvalidOperation", r, _ARG))
        return results
