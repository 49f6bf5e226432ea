"""Output documents: a table, list, wide or custom view that lasts until the stream ends.

Part of :mod:`pwshlike.host.formatting`; the rules are summarised there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .cells import _split_lines, display_width
from .layout import _best_items_per_row, _list_entry_lines, _TableWriter
from .model import (
    _DICTIONARY_VIEW,
    LEFT,
    MAX_TABLE_COLUMNS,
    PROPERTY_COUNT_FOR_TABLE,
    RIGHT,
    FormatAdapter,
    TableColumn,
    TableView,
    _DictEntry,
)
from .values import (
    _hook,
    _is_numeric,
    _lookup,
    _match_names,
    _object_properties,
    _raw_lines,
    _type_key,
    _value_text,
)

# ------------------------------------------------------------------------ documents


_NO_GROUP = object()


class _Document:
    """One format sequence (FormatStart ... FormatEnd) in Out-Default.

    Payload rows and out-of-band lines are kept in arrival order; the layout is done at
    the end because table column widths depend on all the rows of the group.
    """

    blank_at_end = True
    group_key: object = _NO_GROUP
    group_first = True

    def __init__(self, adapter: FormatAdapter, screen_columns: int) -> None:
        self.adapter = adapter
        self.screen_columns = screen_columns
        self.events: list[tuple[str, Any]] = []

    def accepts(self, obj: object) -> bool:
        return True

    def add(self, obj: object) -> None:
        raise NotImplementedError

    def add_raw(self, lines: list[str]) -> None:
        self.events.append(("raw", lines))

    def add_out_of_band(self, obj: object) -> None:
        """An object the view does not apply to: a list framed by blank lines."""
        props = _object_properties(obj, self.adapter)
        if not props:
            self.add_raw(_custom_or_raw_lines(obj, self.adapter))
            return
        names = [n for n, _ in props]
        values = [_value_text(v, self.adapter) for _, v in props]
        self.add_raw(["", *_list_entry_lines(names, values, self.screen_columns), ""])

    def body(self) -> list[str]:
        raise NotImplementedError

    def render(self) -> list[str]:
        if self.group_key is not _NO_GROUP:
            # a group heading: one blank line before the first, one after each table
            label = self.view.heading_label + self.adapter.to_string(self.group_key)
            lines = [*([""] if self.group_first else []), label, "", *self.body(), ""]
            return lines
        lines = ["", *self.body()]
        if self.blank_at_end:
            lines.append("")
        return lines


class _TableDocument(_Document):
    def __init__(
        self,
        adapter: FormatAdapter,
        screen_columns: int,
        columns: Sequence[TableColumn],
        alignments: Sequence[str | None],
        *,
        view: TableView | None = None,
        autosize: bool = False,
        hide_header: bool = False,
        wrap: bool = False,
        number_format: bool = True,
    ) -> None:
        super().__init__(adapter, screen_columns)
        self.columns = list(columns)
        self.alignments = list(alignments)
        self.view = view
        self.autosize = autosize
        self.hide_header = hide_header
        self.wrap = wrap
        self.number_format = number_format
        self.group_by = view.group_by if view is not None else None
        self._group: object = _NO_GROUP

    def accepts(self, obj: object) -> bool:
        if self.view is None:
            return True  # views built from properties apply to every object
        return _type_key(obj, self.adapter) in self.view.type_keys

    def add(self, obj: object) -> None:
        props = _object_properties(obj, self.adapter)
        self.add_values(obj, props)

    def add_values(self, obj: object, props: Sequence[tuple[str, object]]) -> None:
        if self.group_by is not None:
            source = self.group_by.source
            key = source(obj) if callable(source) else _lookup(props, source)[1]
            text = _value_text(key, self.adapter, table=False)
            if text != self._group:
                self._group = text
                self.events.append(("group", f"   {self.group_by.label}: {text}"))
        values: list[str] = []
        for col in self.columns:
            source = col.source
            if callable(source):
                value = source(obj)
            else:
                _, value = _lookup(props, source)
            values.append(_value_text(value, self.adapter, table=self.number_format))
        self.events.append(("row", values))

    def widths(self, events: Sequence[tuple[str, Any]] | None = None) -> list[int]:
        events = self.events if events is None else events
        specified = [c.width for c in self.columns]
        if not self.columns:
            return specified
        if not (self.autosize or specified[0] == 0):
            return specified
        # autosize hint: header text or widest cell of the group
        widths = [display_width(c.label) for c in self.columns]
        for kind, values in events:
            if kind != "row":
                continue
            for k, text in enumerate(values):
                widths[k] = max(widths[k], display_width(text))
        return widths

    def body(self) -> list[str]:
        """The table; with a group-by column each group is its own table under a
        ``   Label: value`` line, its widths computed from its own rows."""
        segments: list[tuple[str | None, list[tuple[str, Any]]]] = [(None, [])]
        for event in self.events:
            if event[0] == "group":
                segments.append((event[1], []))
            else:
                segments[-1][1].append(event)
        lines: list[str] = []
        for label, events in segments:
            if label is None and not events:
                continue
            if label is not None:
                if lines:
                    lines.append("")
                lines.extend([label, ""])
            writer = _TableWriter(
                [c.label for c in self.columns],
                self.widths(events),
                self.alignments,
                self.screen_columns,
                self.hide_header,
            )
            lines.extend(writer.header_lines())
            for kind, payload in events:
                if kind == "row":
                    lines.extend(writer.row_lines(payload, multi_line=self.wrap))
                else:
                    lines.extend(payload)
        return lines


class _ListDocument(_Document):
    blank_at_end = False  # every entry is already followed by a blank line

    def __init__(
        self,
        adapter: FormatAdapter,
        screen_columns: int,
        properties: Sequence[str] | None = None,
        dictionary_view: bool = False,
        type_key: str | None = None,
    ) -> None:
        super().__init__(adapter, screen_columns)
        self.properties = list(properties) if properties else None
        self.dictionary_view = dictionary_view
        self.type_key = type_key        # a format-data list view: applies to this type only

    def accepts(self, obj: object) -> bool:
        if self.type_key is not None:
            return _type_key(obj, self.adapter) == self.type_key
        return not self.dictionary_view or isinstance(obj, _DictEntry)

    def add(self, obj: object) -> None:
        if self.dictionary_view and isinstance(obj, _DictEntry):
            props: list[tuple[str, object]] = [("Name", obj.key), ("Value", obj.value)]
        else:
            props = _object_properties(obj, self.adapter)
            if self.properties is not None:
                names = [n for n, _ in props]
                selected: list[tuple[str, object]] = []
                for pattern in self.properties:
                    for name in _match_names(pattern, names):
                        selected.append((name, _lookup(props, name)[1]))
                props = selected
        names = [n for n, _ in props]
        values = [_value_text(v, self.adapter) for _, v in props]
        self.events.append(("entry", (names, values)))

    def body(self) -> list[str]:
        lines: list[str] = []
        for kind, payload in self.events:
            if kind == "entry":
                names, values = payload
                lines.extend(_list_entry_lines(names, values, self.screen_columns))
                lines.append("")
            else:
                lines.extend(payload)
        return lines


class _CustomDocument(_Document):
    """A custom (complex) view such as ``System.DateTime``'s: one line per object, or the
    lines of the text ``render(obj)`` gives (format data's custom control, e.g. MatchInfo)."""

    def __init__(self, adapter: FormatAdapter, screen_columns: int, type_key: str,
                 render: Callable[[object], str] | None = None) -> None:
        super().__init__(adapter, screen_columns)
        self.type_key = type_key
        self.render_text = render

    def accepts(self, obj: object) -> bool:
        return _type_key(obj, self.adapter) == self.type_key

    def add(self, obj: object) -> None:
        if self.render_text is None:
            self.events.append(("raw", _raw_lines(obj, self.adapter)))
        else:
            self.events.append(("raw", _split_lines(self.render_text(obj))))

    def body(self) -> list[str]:
        return [line for _, payload in self.events for line in payload]


def _custom_or_raw_lines(obj: object, adapter: FormatAdapter) -> list[str]:
    custom = _hook(adapter, "custom_view")
    render = custom(obj) if custom is not None else None
    return _split_lines(render(obj)) if render is not None else _raw_lines(obj, adapter)


class _WideDocument(_Document):
    def __init__(
        self,
        adapter: FormatAdapter,
        screen_columns: int,
        columns: int | None,
        prop: str | None,
        autosize: bool,
    ) -> None:
        super().__init__(adapter, screen_columns)
        self.columns = columns or 0
        self.prop = prop
        self.autosize = autosize

    def add(self, obj: object) -> None:
        props = _object_properties(obj, self.adapter)
        value: object = None
        if self.prop is not None:
            matches = _match_names(self.prop, [n for n, _ in props])
            if matches:
                value = _lookup(props, matches[0])[1]
        else:
            name = _display_name_property(props)
            if name is not None:
                value = _lookup(props, name)[1]
            elif props:
                value = props[0][1]
        self.events.append(("item", _value_text(value, self.adapter)))

    def body(self) -> list[str]:
        items_per_row = 2
        max_len = 0
        if self.autosize:
            max_len = max(
                (display_width(p) for k, p in self.events if k == "item" and p), default=0
            )
        if max_len > 0:
            items_per_row = _best_items_per_row(max_len, self.screen_columns)
        elif self.columns > 0 and not self.autosize:
            items_per_row = self.columns
        writer = _TableWriter(
            [""] * items_per_row,
            [0] * items_per_row,
            [LEFT] * items_per_row,
            self.screen_columns,
        )
        lines: list[str] = []
        buffer: list[str] = []
        for kind, payload in self.events:
            if kind == "item":
                buffer.append(payload)
                if len(buffer) == items_per_row:
                    lines.extend(writer.row_lines(buffer))
                    buffer = []
            else:
                lines.extend(payload)
        if buffer:
            lines.extend(writer.row_lines(buffer + [""] * (items_per_row - len(buffer))))
        return lines


_DISPLAY_NAME_PATTERNS = ("name", "id", "key", "*key", "*name", "*id")


def _display_name_property(props: Sequence[tuple[str, object]]) -> str | None:
    """``PSObjectHelper.GetDisplayNameExpression``'s well-known name patterns."""
    names = [n for n, _ in props]
    for pattern in _DISPLAY_NAME_PATTERNS:
        found = _match_names(pattern, names)
        if found:
            return found[0]
    return None


def _default_alignment(value: object, adapter: FormatAdapter) -> str:
    """``ComputeDefaultAlignment``: right for non-string .NET scalars, else left."""
    if value is None or isinstance(value, str):
        return LEFT
    return RIGHT if _is_numeric(value, adapter) else LEFT


def _view_document(view: TableView, adapter: FormatAdapter, screen_columns: int) -> _TableDocument:
    return _TableDocument(
        adapter,
        screen_columns,
        view.columns,
        [c.alignment for c in view.columns],
        view=view,
        autosize=view.autosize,
        hide_header=view.hide_header,
        wrap=view.wrap,
        number_format=False,
    )


def _open_default_document(obj: object, adapter: FormatAdapter, screen_columns: int) -> _Document:
    """Pick the view of the first object of an Out-Default stream."""
    if isinstance(obj, _DictEntry):
        return _view_document(_DICTIONARY_VIEW, adapter, screen_columns)
    custom = _hook(adapter, "custom_view")
    if custom is not None and custom(obj) is not None:
        return _CustomDocument(adapter, screen_columns, _type_key(obj, adapter), custom(obj))
    hook = _hook(adapter, "table_view")
    if hook is not None:
        view = hook(obj)
        if view is not None:
            return _view_document(view, adapter, screen_columns)
    props = adapter.properties(obj) or []
    list_view = _hook(adapter, "has_list_view")
    if list_view is not None and list_view(obj):
        return _ListDocument(adapter, screen_columns, type_key=_type_key(obj, adapter))
    if len(props) > PROPERTY_COUNT_FOR_TABLE:
        return _ListDocument(adapter, screen_columns)
    columns = [TableColumn(name, name) for name, _ in props[:MAX_TABLE_COLUMNS]]
    aligns = [_default_alignment(value, adapter) for _, value in props[:MAX_TABLE_COLUMNS]]
    return _TableDocument(adapter, screen_columns, columns, aligns)


def _screen_columns(width: int) -> int:
    """Usable columns: the console line output never writes the last console column."""
    return width - 1


