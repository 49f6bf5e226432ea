"""Sort-Object and Group-Object (order and bucket objects by property values) and Get-Unique
(drop neighbours that are equal)."""
from __future__ import annotations

import functools

from pwshlike.cmdlet import Cmdlet
from pwshlike.host.formatting import RIGHT, TableColumn, TableView
from pwshlike.runtime.convert import to_bool, to_str
from pwshlike.runtime.values import Hashtable

from . import _order
from ._props import (
    PropertyExpr,
    has_wildcard,
    match_names,
    names_of,
    no_input,
    param,
    parse_properties,
)

_MISSING = object()     # an object without the sort property: always sorted last


def _expand_wildcards(exprs: list[PropertyExpr], first) -> list[PropertyExpr]:
    """A wildcard name sorts/groups by every matching property of the first object."""
    out = []
    for e in exprs:
        if not e.is_block and has_wildcard(to_str(e.source)):
            names = match_names(to_str(e.source), names_of(first)) if first is not None else []
            out.extend(PropertyExpr(n, None, e.extras) for n in names)
        else:
            out.append(e)
    return out


def _key(cmdlet, exprs: list[PropertyExpr], item) -> list:
    if not exprs:
        return [item]
    values = []
    for e in exprs:
        got = e.resolve(cmdlet, item)
        values.append(got[0][1] if got else _MISSING)
    return values


class SortObjectCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.SortObjectCommand"

    def begin_processing(self) -> None:
        self.items: list = []
        self.exprs = parse_properties(self, self.Property, ("ascending", "descending"),
                                      named=False)

    def process_record(self) -> None:
        if not no_input(self):
            self.items.append(self.InputObject)

    def end_processing(self) -> None:
        if not self.items:
            return
        exprs = _expand_wildcards(self.exprs, self.items[0])
        descending = [self._descending(e) for e in exprs] or [bool(self.Descending)]
        cs = bool(self.CaseSensitive)
        keyed = [(_key(self, exprs, item), item) for item in self.items]

        def cmp(a, b) -> int:
            for i, (x, y) in enumerate(zip(a[0], b[0], strict=True)):
                if x is _MISSING or y is _MISSING:
                    c = (x is _MISSING) - (y is _MISSING)
                    if c:
                        return c
                    continue
                c = _order.compare(x, y, cs)
                if c:
                    return -c if descending[i] else c
            return 0
        keyed.sort(key=functools.cmp_to_key(cmp))
        if self.Unique:
            kept: list = []
            for k in keyed:
                if not kept or cmp(kept[-1], k) != 0:
                    kept.append(k)
            keyed = kept
        top, bottom = param(self, "Top"), param(self, "Bottom")
        if top is not None:
            keyed = keyed[:int(top)]
        elif bottom is not None:
            keyed = keyed[max(0, len(keyed) - int(bottom)):]
        for _, item in keyed:
            self.write_object(item)

    def _descending(self, e: PropertyExpr) -> bool:
        if "descending" in e.extras:
            return to_bool(e.extras["descending"])
        if "ascending" in e.extras:
            return not to_bool(e.extras["ascending"])
        return bool(self.Descending)


class GroupInfo:
    """Microsoft.PowerShell.Commands.GroupInfo: one bucket of Group-Object."""

    dotnet_fullname = "Microsoft.PowerShell.Commands.GroupInfo"
    ps_properties = ("Values", "Count", "Group", "Name")
    ps_table_view = TableView(
        columns=(TableColumn("Count", "Count", width=5, alignment=RIGHT),
                 TableColumn("Name", "Name", width=25), TableColumn("Group", "Group")),
        type_keys=frozenset({"Microsoft.PowerShell.Commands.GroupInfo"}))

    def __init__(self, values: list, first) -> None:
        self.Values = values
        self.Group: list = [first]
        self.Name = ", ".join("" if v is None else to_str(v) for v in values)

    @property
    def Count(self) -> int:
        return len(self.Group)

    def ToString(self) -> str:
        return "Microsoft.PowerShell.Commands.GroupInfo"


class GroupInfoNoElement(GroupInfo):
    dotnet_fullname = "Microsoft.PowerShell.Commands.GroupInfoNoElement"
    ps_properties = ("Values", "Count", "Group", "Name")
    ps_table_view = TableView(
        columns=(TableColumn("Count", "Count", width=5, alignment=RIGHT),
                 TableColumn("Name", "Name")),
        type_keys=frozenset({"Microsoft.PowerShell.Commands.GroupInfoNoElement"}))

    def __init__(self, group: GroupInfo) -> None:
        self.Values = group.Values
        self.Name = group.Name
        self._count = len(group.Group)
        self.Group: list = []

    @property
    def Count(self) -> int:
        return self._count

    def ToString(self) -> str:
        return "Microsoft.PowerShell.Commands.GroupInfoNoElement"


class GroupObjectCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GroupObjectCommand"

    def begin_processing(self) -> None:
        self.items: list = []
        self.exprs = parse_properties(self, self.Property, named=False)

    def process_record(self) -> None:
        if not no_input(self):
            self.items.append(self.InputObject)

    def end_processing(self) -> None:
        if not self.items:
            return
        exprs = _expand_wildcards(self.exprs, self.items[0])
        cs = bool(self.CaseSensitive)
        groups: list[GroupInfo] = []
        index: dict = {}
        for item in self.items:
            values = [None if v is _MISSING else v for v in _key(self, exprs, item)]
            if not exprs:
                values = [item]
            fast = tuple(_fast_key(v, cs) for v in values)
            g = index.get(fast) if fast is not None and None not in fast else None
            if g is None:
                g = next((x for x in groups
                          if len(x.Values) == len(values) and
                          all(_order.equal(a, b, cs) for a, b in zip(x.Values, values,
                                                                      strict=True))), None)
                if g is None:
                    g = GroupInfo(values, item)
                    groups.append(g)
                    if None not in fast:
                        index[fast] = g
                    continue
            g.Group.append(item)
        groups.sort(key=functools.cmp_to_key(
            lambda a, b: _order.compare_keys(a.Values, b.Values, cs)))
        if self.AsHashTable:
            table = Hashtable()
            for g in groups:
                if self.AsString or len(g.Values) != 1:
                    key = g.Name
                else:
                    key = g.Values[0]
                table[key] = g.Group
            self.write_object(table)
            return
        for g in groups:
            self.write_object(GroupInfoNoElement(g) if self.NoElement else g)


class GetUniqueCommand(Cmdlet):
    """Writes each input object unless it equals the last object written: only neighbours
    are compared, so the input should be sorted (pwsh's GetUniqueCommand)."""

    fq_name = "Microsoft.PowerShell.Commands.GetUniqueCommand"
    allow_null_parameters = ("InputObject",)

    def begin_processing(self) -> None:
        self._last = None          # pwsh starts over after writing $null, as we do
        self._last_text: str | None = None

    def process_record(self) -> None:
        if not self.is_bound("InputObject"):
            return
        item = self.InputObject
        if self._last is not None and not self._differs(item):
            return
        self.write_object(item)
        self._last = item

    def _differs(self, item) -> bool:
        if self.OnType:
            return _first_type_name(item) != _first_type_name(self._last)
        if self.AsString:
            text = to_str(item)
            if self._last_text is None:
                self._last_text = to_str(self._last)
            last = self._last_text
            if (text.casefold() == last.casefold()) if self.CaseInsensitive else text == last:
                return False
            self._last_text = text
            return True
        return _order.compare(item, self._last, not self.CaseInsensitive) != 0


def _first_type_name(obj) -> str:
    from pwshlike.runtime.members import PSObjectView
    return PSObjectView(obj).TypeNames[0]


def _fast_key(v, cs: bool):
    """A hashable stand-in for values whose equality is plain (strings, numbers), else None."""
    if isinstance(v, str):
        return ("s", v if cs else v.casefold())
    if isinstance(v, bool):
        return ("b", v)
    if isinstance(v, int) and not hasattr(type(v), "enum_type"):
        return ("n", v)
    return None
