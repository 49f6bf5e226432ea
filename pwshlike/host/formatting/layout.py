"""Column widths and the table and list writers.

Part of :mod:`pwshlike.host.formatting`; the rules are summarised there."""

from __future__ import annotations

from collections.abc import Sequence

from .cells import (
    _fit_count,
    _generate_lines,
    _plain,
    _split_lines,
    _truncate_at_newline,
    _vt_substring,
    display_width,
)
from .model import _LIST_SEPARATOR, _MIN_SCREEN_COLUMNS, _RESET, _SEPARATOR, CENTER, ELLIPSIS, RIGHT

# -------------------------------------------------------------------- column widths


def _current_table_width(widths: Sequence[int], sep: int) -> int:
    visible = [w for w in widths if w > 0]
    return sum(visible) + sep * (len(visible) - 1)


def _calculate_column_widths(
    widths: Sequence[int], table_width: int, min_width: int = 1, sep: int = 1
) -> list[int]:
    """``ColumnWidthManager.CalculateColumnWidths``: share out and trim column widths.

    Unspecified (0) widths share the free space round-robin; if the table is too wide,
    the right-most visible column is shrunk, or hidden (-1) when it cannot keep
    ``min_width`` characters, until the table fits.
    """
    w = list(widths)
    if _assign_column_widths(w, table_width, min_width, sep):
        return w
    while True:
        excess = _current_table_width(w, sep) - table_width
        if excess <= 0:
            return w
        last = len(w) - 1
        for k, width in enumerate(w):
            if width < 0:
                last = k - 1
                break
        if last < 0:
            return w
        shrunk = w[last] - excess
        w[last] = -1 if shrunk < min_width else shrunk


def _assign_column_widths(w: list[int], table_width: int, min_width: int, sep: int) -> bool:
    if all(x > 0 for x in w):
        return sum(w) + sep * (len(w) - 1) <= table_width
    fixed = [x > 0 for x in w]
    for k, x in enumerate(w):
        if x == 0:
            w[k] = min_width
    available = table_width - _current_table_width(w, sep)
    if available < 0:
        return False
    while available > 0:
        for k in range(len(w)):
            if fixed[k]:
                continue
            w[k] += 1
            available -= 1
            if available == 0:
                break
    return True


def _best_items_per_row(string_len: int, screen_columns: int) -> int:
    """``TableWriter.ComputeWideViewBestItemsPerRowFit``."""
    if string_len <= 0 or screen_columns < 1 or string_len >= screen_columns:
        return 1
    columns = 1
    while True:
        nxt = columns + 1
        if string_len * nxt + (nxt - 1) * len(_SEPARATOR) >= screen_columns:
            return columns
        columns = nxt


# --------------------------------------------------------------------- table writer


def _row_field(val: str | None, width: int, align: str | None, add_padding: bool) -> str:
    """One cell fitted to its column (``TableWriter.GenerateRowField``)."""
    s = _truncate_at_newline(val)
    length = display_width(s)
    if length < width:
        pad = width - length
        if align == RIGHT:
            s = " " * pad + s
        elif align == CENTER:
            left = pad // 2
            s = " " * left + s + (" " * (pad - left) if add_padding else "")
        elif add_padding:
            s += " " * pad
    elif length > width:
        plain = _plain(s)
        keep = width - len(ELLIPSIS)
        if keep > 0:
            if align == RIGHT:
                start = len(plain) - _fit_count(plain, keep, from_head=False)
                s = _vt_substring(s, start, prepend=ELLIPSIS)
            else:
                s = _vt_substring(s, 0, _fit_count(plain, keep), append=ELLIPSIS)
        elif align == RIGHT:
            s = _vt_substring(s, len(plain) - _fit_count(plain, width, from_head=False))
        else:
            s = _vt_substring(s, 0, _fit_count(plain, width))
    if display_width(s) == width:
        return s
    # a double-cell character was cut: one cell short
    if align == RIGHT:
        return " " + s
    if add_padding:
        return s + " "
    return s


class _TableWriter:
    """Header and rows of one table (``TableWriter``), plain-text rendering."""

    def __init__(
        self,
        labels: Sequence[str],
        widths: Sequence[int],
        alignments: Sequence[str | None],
        screen_columns: int,
        hide_header: bool = False,
    ) -> None:
        self.labels = list(labels)
        self.alignments = list(alignments)
        self.hide_header = hide_header
        self.disabled = screen_columns < _MIN_SCREEN_COLUMNS or not labels
        self.widths: list[int] = []
        if self.disabled:
            return
        self.widths = _calculate_column_widths(widths, screen_columns)
        if not any(w >= 1 for w in self.widths):
            self.disabled = True

    def header_lines(self) -> list[str]:
        if self.disabled or self.hide_header:
            return []
        lines = self.multi_line_row(self.labels)
        dashes: list[str] = []
        for label, width in zip(self.labels, self.widths):
            if width <= 0:
                dashes.append("")
                continue
            count = width
            if label:
                count = min(count, display_width(label))
            dashes.append("-" * count)
        lines.append(self.single_line_row(dashes))
        return lines

    def row_lines(self, values: Sequence[str], multi_line: bool = False) -> list[str]:
        if self.disabled:
            return []
        if multi_line:
            return self.multi_line_row(values)
        return [self.single_line_row(values)]

    def single_line_row(self, values: Sequence[str]) -> str:
        """``TableWriter.GenerateRow``: one line, cells truncated to their column."""
        out: list[str] = []
        last = len(self.widths) - 1
        for k, width in enumerate(self.widths):
            if width <= 0:
                continue
            if k > 0:
                out.append(_SEPARATOR)
            field = _row_field(
                values[k] if k < len(values) else "",
                width,
                self.alignments[k],
                add_padding=k != last,
            )
            out.append(field)
            if "\x1b" in field and not field.rstrip().endswith(_RESET):
                out.append(_RESET)
        return "".join(out)

    def multi_line_row(self, values: Sequence[str]) -> list[str]:
        """``TableWriter.GenerateTableRow``: cells wrapped over several lines."""
        valid = [k for k, w in enumerate(self.widths) if w > 0]
        if not valid:
            return []
        columns: list[list[str]] = []
        for idx, k in enumerate(valid):
            width = self.widths[k]
            align = self.alignments[k]
            add_padding = idx != len(valid) - 1
            cell = values[k] if k < len(values) else ""
            lines = _generate_lines(cell, width, width)
            if add_padding or align in (RIGHT, CENTER):
                lines = [
                    _row_field(line, width, align, add_padding)
                    if display_width(line) < width
                    else line
                    for line in lines
                ]
            if idx > 0:
                lines = [_SEPARATOR + line for line in lines]
            columns.append(lines)
        rows = max(len(c) for c in columns)
        last_with_content = [0] * rows
        for row in range(rows):
            for col, lines in enumerate(columns):
                if len(lines) > row:
                    last_with_content[row] = col
        for col, lines in enumerate(columns):
            blanks = 0
            if col < len(columns) - 1:
                blanks = self.widths[valid[col]] + (len(_SEPARATOR) if col > 0 else 0)
            for row in range(len(lines), rows):
                lines.append("" if col > last_with_content[row] else " " * blanks)
        result: list[str] = []
        for row in range(rows):
            parts: list[str] = []
            for col, lines in enumerate(columns):
                value = lines[row]
                if col == last_with_content[row] and rows > 1:
                    value = value.rstrip()
                parts.append(value)
            result.append("".join(parts))
        return result


# ----------------------------------------------------------------------- list writer


def _list_entry_lines(
    names: Sequence[str], values: Sequence[str], screen_columns: int
) -> list[str]:
    """``ListWriter``: ``Name : Value`` lines with names padded to the longest name."""
    if not names:
        return []
    if screen_columns - len(_LIST_SEPARATOR) - 1 - 1 < 0:
        return []
    max_label = screen_columns - len(_LIST_SEPARATOR) - 1
    label_width = min(max(display_width(n) for n in names), max_label)
    labels: list[str] = []
    for name in names:
        cells = display_width(name)
        if cells < label_width:
            label = name + " " * (label_width - cells)
        elif cells > label_width:
            label = _vt_substring(name, 0, _fit_count(_plain(name), label_width))
        else:
            label = name
        labels.append(label + _LIST_SEPARATOR)
    head_width = label_width + len(_LIST_SEPARATOR)
    field_width = screen_columns - head_width
    padding = " " * head_width
    out: list[str] = []
    for k, label in enumerate(labels):
        value = values[k] if k < len(values) else ""
        for i, line in enumerate(_split_lines(value or "")):
            prefix = label if i == 0 else padding
            for j, chunk in enumerate(_generate_lines(line, field_width, field_width)):
                text = (prefix if j == 0 else padding) + chunk
                if "\x1b" in chunk and not chunk.rstrip().endswith(_RESET):
                    text += _RESET
                out.append(text)
    return out


