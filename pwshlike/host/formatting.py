"""Console layout of objects, as PowerShell 7 prints them (Out-Default and Format-*).

This module reproduces the text that pwsh 7.x writes to the console when pipeline
output reaches ``Out-Default`` (implicitly or after ``Format-Table``/``Format-List``/
``Format-Wide``).  It knows nothing about pwshlike's object model: everything it needs
to know about a value is asked through a :class:`FormatAdapter` that the engine passes in.

The rules implemented here were read from PowerShell's own formatting code
(``src/System.Management.Automation/FormatAndOutput``: ``BaseFormattingCommand.cs``,
``BaseOutputtingCommand.cs``, ``OutputQueue.cs``, ``TableWriter.cs``,
``ColumnWidthManager.cs``, ``ListWriter.cs``, ``ComplexWriter.cs``,
``FormatViewGenerator_*.cs``, ``FormatViewManager.cs``, ``Utilities/MshObjectUtil.cs``,
``out-console/ConsoleLineOutput.cs``) and checked against printed examples in the
PowerShell documentation and issue tracker.  The summary:

* ``width`` everywhere is the console (buffer) width.  The console line output reports
  one column less (``ConsoleLineOutput.ColumnNumber`` subtracts 1 so the last console
  column is never written), so layouts use ``width - 1`` columns.
* Scalars (``FormatAdapter.properties`` returns ``None``) and objects without any
  property are "out of band": their string form is written as is, with no blank lines,
  wherever they occur -- before, inside or after a table.
* The first non-scalar object opens a *document* and picks its view; the document lasts
  until the end of the stream.  A ``FormatStart`` writes one blank line; the end of the
  document writes one blank line, except after a list (each list entry is already
  followed by a blank line).
* Views built from an object's properties (no format data: PSCustomObject & co.) accept
  *every* later object, whatever its type: a table keeps the first object's columns and
  later objects with other properties get empty cells (PowerShell issues #3233, #4552,
  #19140, "By Design").  ``FormatAdapter.type_key`` only matters for views that come from
  format data -- the built-in ``DictionaryEntry`` table (hashtables) or a
  :class:`TableView` supplied by the adapter: an object they do not apply to is written
  out of band as a list, framed by blank lines.
* An object picks a table when it has at most 4 properties (``PropertyCountForTable``),
  a list otherwise; a table built from properties shows at most 10 columns.
* Hashtables and ordered dictionaries are enumerated into ``DictionaryEntry`` rows of the
  ``Name``/``Value`` table whose ``Name`` column has the fixed width 30 and whose
  ``Value`` column takes the rest of the line (``DotNetTypes.format.ps1xml``).
* Column widths of a table built from properties are "autosized": each column is as wide
  as its header or its widest cell over all the rows of the group (pwsh caches the rows
  that arrive within 300 ms -- here, all of them).  If the total does not fit, the
  right-most column is shrunk, or dropped when it cannot keep one character.
* Header underline: as many dashes as the header text, capped by the column width.
* Alignment of a column is decided by the *first* object's value: numbers, booleans,
  chars and enums are right aligned (header and dashes included), everything else left.
* Cells are cut at their first line break (``"line1…"``) and, when longer than the
  column, truncated with the one-character ellipsis ``…`` (U+2026): ``"abc…"`` for a
  left aligned column, ``"…xyz"`` for a right aligned one.  Columns are separated by one
  space, the last column is not padded (unless right aligned); padding of an earlier
  column is kept even if the following cells are empty.
* In a default table, ``double``/``float``/``decimal`` values are shown with the "F"
  format (two decimals, ``2.00``) since pwsh 7.3 (PR #17650, issue #19463).
* Collections inside a cell or list value print as ``{1, 2, 3, 4…}``: at most
  ``$FormatEnumerationLimit`` (4) items, ``$null`` for null items.
* Lists: ``Name : Value`` with names padded to the longest name of *that* object; long
  values are word wrapped at the console width and continuation lines are indented.

Output is plain text (``$PSStyle.OutputRendering = PlainText``): the ANSI decorations pwsh
adds to table headers and list labels on a VT terminal are not produced.
"""

from __future__ import annotations

import enum
import fnmatch
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from fractions import Fraction
from typing import Any, Protocol

__all__ = [
    "CENTER",
    "DICTIONARY_NAME_WIDTH",
    "ELLIPSIS",
    "FORMAT_ENUMERATION_LIMIT",
    "LEFT",
    "MAX_TABLE_COLUMNS",
    "PROPERTY_COUNT_FOR_TABLE",
    "RIGHT",
    "DeferredFormat",
    "FormatAdapter",
    "FormattedOutput",
    "TableColumn",
    "TableView",
    "collection_cell",
    "display_width",
    "format_list_lines",
    "format_table_lines",
    "format_wide_lines",
    "out_default_lines",
]

#: The ellipsis pwsh 7 uses when it truncates (``PSObjectHelper.Ellipsis``).
ELLIPSIS = "\u2026"
#: Default value of ``$FormatEnumerationLimit``.
FORMAT_ENUMERATION_LIMIT = 4
#: Objects with at most this many properties get a table, others a list.
PROPERTY_COUNT_FOR_TABLE = 4
#: A table built from an object's own properties shows at most this many columns.
MAX_TABLE_COLUMNS = 10
#: Width of the ``Name`` column of the hashtable (``DictionaryEntry``) table view.
DICTIONARY_NAME_WIDTH = 30

LEFT = "left"
CENTER = "center"
RIGHT = "right"

_RESET = "\x1b[0m"
_SEPARATOR = " "
_LIST_SEPARATOR = " : "
_MIN_SCREEN_COLUMNS = 5
_SOFT_HYPHEN = "\u00ad"
_HARD_HYPHEN = "\u2011"
_NO_BREAK_SPACE = "\u00a0"
_DICTIONARY_ENTRY_TYPE = "System.Collections.DictionaryEntry"
_NO_GROUP = object()

# CSI sequences (colors, cursor) and OSC sequences (hyperlinks): zero display width.
_VT_RE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\))")


# --------------------------------------------------------------------------- adapter


class FormatAdapter(Protocol):
    """What the layout engine needs to know about the engine's values.

    Optional hooks, used when the adapter defines them (looked up with ``getattr``):

    * ``is_numeric(value) -> bool`` -- True when pwsh right-aligns the value in a default
      table: .NET scalar types other than string (numbers, bool, char, enums...).  The
      default recognises ``bool``, ``int``, ``float``, ``Decimal``, ``Fraction`` and
      ``enum.Enum``.
    * ``table_cell_text(value) -> str | None`` -- text of a non-collection value in a
      default table cell; return ``None`` to fall back to the default (floats and
      decimals in the "F" format, everything else through ``to_string``).
    * ``element_to_string(item) -> str`` -- how one element of a collection is shown
      inside ``{...}`` (pwsh's ``GetObjectName``); default ``$null`` for None, else
      ``to_string``.
    * ``has_custom_view(obj) -> bool`` -- True for a scalar that pwsh formats through a
      custom view rather than out of band (``System.DateTime``): it opens a document
      (blank line before and after) and prints its ``to_string``.
    * ``table_view(obj) -> TableView | None`` -- a table view from format data for the
      object's type (like ``Get-Process``'s), applied to objects whose ``type_key`` is in
      ``TableView.type_keys``.
    """

    def properties(self, obj: object) -> list[tuple[str, object]] | None:
        """The object's displayable properties in order, or None for a scalar (string,
        number, bool, date...) that prints as one line via to_string."""
        ...

    def to_string(self, value: object) -> str:
        """PowerShell's string conversion of a value (collections are rendered here, by
        :func:`collection_cell`, not by this call)."""
        ...

    def type_key(self, obj: object) -> str:
        """Identity of the object's type (e.g. the .NET type name), used to decide
        whether a view from format data applies to it."""
        ...

    def is_dictionary(self, obj: object) -> bool:
        """True for hashtables/ordered dictionaries: they format as a Name/Value table
        of their entries."""
        ...

    def dictionary_items(self, obj: object) -> list[tuple[object, object]]:
        """The (key, value) entries of a dictionary, in enumeration order."""
        ...

    def is_collection(self, value: object) -> bool:
        """True for a list/array value (never for strings or dictionaries)."""
        ...

    def iter_collection(self, value: object) -> Iterable[object]:
        """The elements of a collection."""
        ...


@dataclass(frozen=True)
class TableColumn:
    """One column of a table: a header label and the property (or function) it shows.

    ``width`` 0 lets pwsh decide; ``alignment`` is ``LEFT``/``CENTER``/``RIGHT`` or
    ``None`` (left for views, computed from the first object for property tables).
    ``value`` defaults to the label; a callable receives the object (for
    :func:`format_table_lines`, the row as a ``dict`` of its properties).
    """

    label: str
    value: str | Callable[[Any], object] | None = None
    width: int = 0
    alignment: str | None = None

    @property
    def source(self) -> str | Callable[[Any], object]:
        return self.label if self.value is None else self.value


@dataclass(frozen=True)
class TableView:
    """A table view from format data (``<TableControl>`` in a ``.format.ps1xml``).

    It applies to the objects whose ``type_key`` is in ``type_keys``; cells are rendered
    without the table number format (views use their own formatting).
    """

    columns: tuple[TableColumn, ...]
    type_keys: frozenset[str]
    autosize: bool = False
    wrap: bool = False
    hide_header: bool = False
    #: Format-Table -GroupBy: a "   Label: value" line inside the table when the value changes
    group_by: TableColumn | None = None
    #: Out-Default groups: objects whose ``heading_by(obj)`` differs from the previous one
    #: start a new table under ``heading_label + key`` (``    Directory: /tmp``)
    heading_by: Callable[[Any], object] | None = None
    heading_label: str = ""


@dataclass(frozen=True)
class FormattedOutput:
    """Lines already laid out by a Format-* command, passed through Out-Default as is.

    Reaching :func:`out_default_lines` it closes the document in progress (pwsh ends the
    current format sequence when a new ``FormatStartData`` arrives) and is printed verbatim.
    """

    lines: tuple[str, ...]


@dataclass(frozen=True)
class DeferredFormat:
    """Format-* output laid out when it is printed, at the width of the command printing it
    (Out-Default, Out-String -Width, Out-File -Width): ``render(width) -> lines``."""

    render: Callable[[int], list[str]]


class _DictEntry:
    """A ``System.Collections.DictionaryEntry``: what formatting sees of a hashtable."""

    __slots__ = ("key", "value")

    def __init__(self, key: object, value: object) -> None:
        self.key = key
        self.value = value

    def properties(self) -> list[tuple[str, object]]:
        # ``Name`` is the ETS alias of ``Key`` (types.ps1xml).
        return [("Name", self.key), ("Key", self.key), ("Value", self.value)]


_DICTIONARY_VIEW = TableView(
    columns=(
        TableColumn("Name", "Name", width=DICTIONARY_NAME_WIDTH),
        TableColumn("Value", "Value"),
    ),
    type_keys=frozenset({_DICTIONARY_ENTRY_TYPE}),
)


# --------------------------------------------------------------------- display cells


def _char_cells(ch: str) -> int:
    """Console cells of one character (pwsh's ``CharLengthInBufferCells``)."""
    c = ord(ch)
    if c < 0x1100:
        return 1
    if c > 0xFFFF:
        return 2  # a surrogate pair in .NET: two chars, one cell each
    wide = (
        c <= 0x115F
        or c in (0x2329, 0x232A)
        or (0x2E80 <= c <= 0xA4CF and c != 0x303F)
        or 0xAC00 <= c <= 0xD7A3
        or 0xF900 <= c <= 0xFAFF
        or 0xFE10 <= c <= 0xFE19
        or 0xFE30 <= c <= 0xFE6F
        or 0xFF00 <= c <= 0xFF60
        or 0xFFE0 <= c <= 0xFFE6
    )
    return 2 if wide else 1


def _plain(s: str) -> str:
    return _VT_RE.sub("", s) if "\x1b" in s else s


def display_width(s: str | None) -> int:
    """Number of console cells the string takes (VT escape sequences take none)."""
    if not s:
        return 0
    s = _plain(s)
    if s.isascii():
        return len(s)
    return sum(_char_cells(ch) for ch in s)


def _fit_count(plain: str, cells: int, *, from_head: bool = True, offset: int = 0) -> int:
    """How many characters of ``plain`` (from the head or the tail) fit in ``cells``."""
    filled = 0
    count = 0
    seq: Iterable[str] = plain[offset:] if from_head else reversed(plain[offset:])
    for ch in seq:
        w = _char_cells(ch)
        if filled + w > cells:
            break
        filled += w
        count += 1
        if filled == cells:
            break
    return count


def _vt_substring(
    s: str, start: int, length: int | None = None, prepend: str = "", append: str = ""
) -> str:
    """Substring counted in visible characters, keeping VT sequences (``VtSubstring``)."""
    if "\x1b" not in s:
        end = None if length is None else start + length
        return prepend + s[start:end] + append
    out: list[str] = []
    copying = start == 0
    first = True
    copied = 0
    skipped = 0
    pos = 0
    has_esc = False
    while pos < len(s):
        m = _VT_RE.match(s, pos) if s[pos] == "\x1b" else None
        if m:
            has_esc = True
            out.append(m.group())
            pos = m.end()
            continue
        ch = s[pos]
        pos += 1
        if copying:
            if first:
                out.append(prepend)
                first = False
            out.append(ch)
            copied += 1
        else:
            skipped += 1
            if skipped == start:
                copying = True
            continue
        if length is not None and copied == length:
            break
    result = "".join(out)
    if has_esc:
        if result.endswith(_RESET):
            result = result[: -len(_RESET)] + append + _RESET
        else:
            result = result + append + _RESET
    else:
        result += append
    return result


# ------------------------------------------------------------------- string helpers


def _split_lines(s: str | None) -> list[str]:
    """Split on ``\\n`` and drop ``\\r`` (``StringManipulationHelper.SplitLines``)."""
    if not s:
        return [s or ""]
    return s.replace("\r", "").split("\n")


def _truncate_at_newline(s: str | None) -> str:
    """A table cell shows only its first line, followed by ``…`` if there were more."""
    if not s:
        return ""
    cut = len(s)
    for sep in ("\n", "\r"):
        i = s.find(sep)
        if 0 <= i < cut:
            cut = i
    if cut == len(s):
        return s
    return s[:cut] + ELLIPSIS


def _get_words(line: str) -> list[tuple[str, str]]:
    """Words and the delimiter that ended each (``StringManipulationHelper.GetWords``)."""
    words: list[tuple[str, str]] = []
    buf: list[str] = []
    for ch in line:
        if ch in (" ", "\t", _SOFT_HYPHEN):
            words.append(("".join(buf), ch))
            buf = []
        elif ch in (_HARD_HYPHEN, _NO_BREAK_SPACE):
            words.append(("".join(buf), ""))
            buf = []
        else:
            buf.append(ch)
    words.append(("".join(buf), ""))
    return words


def _generate_lines(val: str | None, first_len: int, following_len: int) -> list[str]:
    """Word-wrap a value to a width (``GenerateLinesWithWordWrap``, English cultures)."""
    if not val:
        return [val or ""]
    result: list[str] = []
    for line in _split_lines(val):
        if display_width(line) <= first_len:
            result.append(line)
            continue
        spaces_left = first_len
        line_width = first_len
        first_line = True
        single: list[str] = []
        for word, delim in _get_words(line):
            to_add = word
            if delim == _SOFT_HYPHEN:
                if display_width(word) + 1 == spaces_left:
                    to_add += "-"
            elif delim:
                to_add += delim
            word_width = display_width(to_add)
            if line_width == 0:
                if first_line:
                    first_line = False
                    line_width = following_len
                if line_width == 0:
                    break
                spaces_left = line_width
            if word_width > line_width:
                # the word alone does not fit on a line: split it by characters
                for ch in _plain(to_add):
                    ch_width = _char_cells(ch)
                    if ch_width > line_width:
                        ch, ch_width = "?", 1
                    if ch_width > spaces_left:
                        result.append("".join(single))
                        single = [ch]
                        if first_line:
                            first_line = False
                            line_width = following_len
                        spaces_left = line_width - ch_width
                    else:
                        single.append(ch)
                        spaces_left -= ch_width
            elif word_width > spaces_left:
                result.append("".join(single))
                single = [to_add]
                if first_line:
                    first_line = False
                    line_width = following_len
                spaces_left = line_width - word_width
            else:
                single.append(to_add)
                spaces_left -= word_width
        result.append("".join(single))
    return result


# ------------------------------------------------------------------- value rendering


def _hook(adapter: object, name: str) -> Callable[..., Any] | None:
    fn = getattr(adapter, name, None)
    return fn if callable(fn) else None


def _is_numeric(value: object, adapter: object) -> bool:
    hook = _hook(adapter, "is_numeric")
    if hook is not None:
        return bool(hook(value))
    if isinstance(value, str):
        return False
    return isinstance(value, (bool, int, float, Decimal, Fraction, enum.Enum))


def _format_f(value: float | Decimal) -> str:
    """.NET's ``ToString("F")``: fixed point, two decimals, midpoint away from zero."""
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "\u221e" if value > 0 else "-\u221e"
    with localcontext(Context(prec=1000)):
        dec = value if isinstance(value, Decimal) else Decimal(value)
        if not dec.is_finite():
            return str(value)
        return format(dec.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), "f")


def _element_text(item: object, adapter: FormatAdapter) -> str:
    """One element inside ``{...}`` (pwsh's ``GetObjectName``)."""
    if isinstance(item, _DictEntry):
        return f"[{_entry_part_text(item.key, adapter)}, {_entry_part_text(item.value, adapter)}]"
    hook = _hook(adapter, "element_to_string")
    if hook is not None:
        return str(hook(item))
    if item is None:
        return "$null"
    return adapter.to_string(item)


def _entry_part_text(value: object, adapter: FormatAdapter) -> str:
    return "" if value is None else adapter.to_string(value)


def _is_enumerable(value: object, adapter: FormatAdapter) -> bool:
    if value is None or isinstance(value, (str, _DictEntry)):
        return False
    return bool(adapter.is_dictionary(value) or adapter.is_collection(value))


def collection_cell(
    value: object, adapter: FormatAdapter, limit: int = FORMAT_ENUMERATION_LIMIT
) -> str:
    """How pwsh shows a collection in a table cell or list entry: ``{1, 2, 3, 4…}``.

    At most ``limit`` (``$FormatEnumerationLimit``, default 4) elements are shown; when
    there are more, the ellipsis ``…`` follows the last one shown (a negative limit shows
    all).  Null elements print as ``$null``; dictionary entries as ``[key, value]`` (as
    in the about_Hash_Tables examples); other elements through ``to_string``.
    """
    items: Iterable[object]
    if adapter.is_dictionary(value):
        items = (_DictEntry(k, v) for k, v in adapter.dictionary_items(value))
    else:
        items = adapter.iter_collection(value)
    parts: list[str] = []
    truncated = False
    for item in items:
        if 0 <= limit == len(parts):
            truncated = True
            break
        parts.append(_element_text(item, adapter))
    return "{" + ", ".join(parts) + (ELLIPSIS if truncated else "") + "}"


def _value_text(
    value: object,
    adapter: FormatAdapter,
    *,
    table: bool = False,
    limit: int = FORMAT_ENUMERATION_LIMIT,
) -> str:
    """The text of a property value in a cell/list entry (``PSObjectHelper.FormatField``)."""
    if value is None:
        return ""
    if _is_enumerable(value, adapter):
        return collection_cell(value, adapter, limit)
    if isinstance(value, _DictEntry):
        return _element_text(value, adapter)
    if table:
        hook = _hook(adapter, "table_cell_text")
        if hook is not None:
            text = hook(value)
            if text is not None:
                return str(text)
        if isinstance(value, (float, Decimal)):
            return _format_f(value)
    return adapter.to_string(value)


def _object_properties(obj: object, adapter: FormatAdapter) -> list[tuple[str, object]]:
    if isinstance(obj, _DictEntry):
        return obj.properties()
    return list(adapter.properties(obj) or [])


def _lookup(props: Sequence[tuple[str, object]], name: str) -> tuple[bool, object]:
    folded = name.casefold()
    for prop_name, value in props:
        if prop_name.casefold() == folded:
            return True, value
    return False, None


def _has_wildcard(name: str) -> bool:
    return any(ch in name for ch in "*?[")


def _match_names(pattern: str, names: Sequence[str]) -> list[str]:
    if not _has_wildcard(pattern):
        folded = pattern.casefold()
        return [n for n in names if n.casefold() == folded][:1]
    pat = pattern.casefold()
    return [n for n in names if fnmatch.fnmatchcase(n.casefold(), pat)]


def _type_key(obj: object, adapter: FormatAdapter) -> str:
    if isinstance(obj, _DictEntry):
        return _DICTIONARY_ENTRY_TYPE
    return adapter.type_key(obj)


def _raw_lines(obj: object, adapter: FormatAdapter) -> list[str]:
    """Out-of-band scalar: its string, one console line per line of text."""
    return _split_lines(adapter.to_string(obj))


def _is_out_of_band_scalar(obj: object, adapter: FormatAdapter) -> bool:
    """Scalars and property-less objects print as their string, outside any view."""
    if isinstance(obj, _DictEntry):
        return False
    props = adapter.properties(obj)
    if props is None:
        hook = _hook(adapter, "has_custom_view")
        return not (hook is not None and hook(obj))
    return len(props) == 0


def _expand_top_level(obj: object, adapter: FormatAdapter) -> list[object]:
    """format-default enumerates collections and dictionaries (one level)."""
    if obj is None or isinstance(obj, (str, _DictEntry)):
        return [obj]
    if adapter.is_dictionary(obj):
        return [_DictEntry(k, v) for k, v in adapter.dictionary_items(obj)]
    if adapter.is_collection(obj):
        return list(adapter.iter_collection(obj))
    return [obj]


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
            self.add_raw(_raw_lines(obj, self.adapter))
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
    ) -> None:
        super().__init__(adapter, screen_columns)
        self.properties = list(properties) if properties else None
        self.dictionary_view = dictionary_view

    def accepts(self, obj: object) -> bool:
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
    """A custom (complex) view such as ``System.DateTime``'s: one line per object."""

    def __init__(self, adapter: FormatAdapter, screen_columns: int, type_key: str) -> None:
        super().__init__(adapter, screen_columns)
        self.type_key = type_key

    def accepts(self, obj: object) -> bool:
        return _type_key(obj, self.adapter) == self.type_key

    def add(self, obj: object) -> None:
        self.events.append(("raw", _raw_lines(obj, self.adapter)))

    def body(self) -> list[str]:
        return [line for _, payload in self.events for line in payload]


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
    hook = _hook(adapter, "table_view")
    if hook is not None:
        view = hook(obj)
        if view is not None:
            return _view_document(view, adapter, screen_columns)
    props = adapter.properties(obj)
    if props is None:  # scalar with a custom view (has_custom_view)
        return _CustomDocument(adapter, screen_columns, _type_key(obj, adapter))
    if len(props) > PROPERTY_COUNT_FOR_TABLE:
        return _ListDocument(adapter, screen_columns)
    columns = [TableColumn(name, name) for name, _ in props[:MAX_TABLE_COLUMNS]]
    aligns = [_default_alignment(value, adapter) for _, value in props[:MAX_TABLE_COLUMNS]]
    return _TableDocument(adapter, screen_columns, columns, aligns)


def _screen_columns(width: int) -> int:
    """Usable columns: the console line output never writes the last console column."""
    return width - 1


# ------------------------------------------------------------------------ public API


def out_default_lines(
    objects: Iterable[object], adapter: FormatAdapter, width: int = 120
) -> list[str]:
    """The console lines pwsh prints for a stream of pipeline output reaching Out-Default.

    * ``None`` is skipped; scalars and property-less objects print as their string
      (out of band: no blank lines, even in the middle of a table).
    * Collections and dictionaries are enumerated one level (as format-default does);
      dictionary entries form the ``Name``/``Value`` table (``Name`` 30 wide).
    * The first other object opens the document: a table when it has at most 4
      properties, a list otherwise.  The document keeps its view for the rest of the
      stream: a table keeps its columns (objects of another shape get empty cells) and a
      list shows each object's own properties.  Objects that a format-data view (the
      dictionary table, an adapter :class:`TableView`) does not apply to are printed out
      of band as a list between blank lines.
    * Blank lines: one before the document, one after a table / custom view; a list
      entry is followed by one blank line and nothing more is added at the end.
    * :class:`FormattedOutput` items (Format-* output) close the current document and
      are printed verbatim.

    ``width`` is the console width; pwsh lays out in ``width - 1`` columns.
    """
    screen = _screen_columns(width)
    lines: list[str] = []
    doc: _Document | None = None
    first_group = True
    for top in objects:
        if isinstance(top, (FormattedOutput, DeferredFormat)):
            if doc is not None:
                lines.extend(doc.render())
                doc = None
            lines.extend(top.lines if isinstance(top, FormattedOutput) else top.render(width))
            continue
        for obj in _expand_top_level(top, adapter):
            if obj is None:
                continue
            if _is_out_of_band_scalar(obj, adapter):
                raw = _raw_lines(obj, adapter)
                if doc is None:
                    lines.extend(raw)
                else:
                    doc.add_raw(raw)
                continue
            if doc is not None and doc.group_key is not _NO_GROUP and doc.accepts(obj) and \
                    doc.view.heading_by(obj) != doc.group_key:
                lines.extend(doc.render())
                doc = None
                first_group = False
            if doc is None:
                doc = _open_default_document(obj, adapter, screen)
                view = getattr(doc, "view", None)
                if view is not None and view.heading_by is not None and doc.accepts(obj):
                    doc.group_key = view.heading_by(obj)
                    doc.group_first = first_group
            if doc.accepts(obj):
                doc.add(obj)
            else:
                doc.add_out_of_band(obj)
    if doc is not None:
        lines.extend(doc.render())
    return lines


def format_table_lines(
    rows: list[list[tuple[str, object]]],
    adapter: FormatAdapter,
    width: int = 120,
    autosize: bool = False,
    properties: Sequence[str | TableColumn] | None = None,
    *,
    hide_header: bool = False,
    wrap: bool = False,
) -> list[str]:
    """What ``... | Format-Table`` prints on the console for objects given as property rows.

    ``rows`` holds each object's ``(name, value)`` properties.  Without ``properties``
    the columns are the first row's properties (at most 10); with ``properties`` each
    entry is a property name (wildcards expand against the first row; a name the first
    row lacks still makes a column) or a :class:`TableColumn` (label, value, width,
    alignment -- a callable value gets the row as a ``dict``).  Column alignment comes
    from the first row's values; widths come from the headers and all the cells (pwsh
    autosizes these tables; an explicit width is only honoured when the first column has
    one and ``autosize`` is off).  ``hide_header`` is ``-HideTableHeaders``, ``wrap`` is
    ``-Wrap``.  The table is framed by one blank line before and after; no rows, no
    output.
    """
    if not rows:
        return []
    first = rows[0]
    columns: list[TableColumn] = []
    if properties is None:
        columns = [TableColumn(name, name) for name, _ in first[:MAX_TABLE_COLUMNS]]
    else:
        first_names = [n for n, _ in first]
        for spec in properties:
            if isinstance(spec, TableColumn):
                columns.append(spec)
            elif _has_wildcard(spec):
                columns.extend(TableColumn(n, n) for n in _match_names(spec, first_names))
            else:
                found = _match_names(spec, first_names)
                name = found[0] if found else spec
                columns.append(TableColumn(name, name))
    first_dict = _RowDict(first)
    aligns: list[str | None] = []
    for col in columns:
        if col.alignment is not None:
            aligns.append(col.alignment)
            continue
        source = col.source
        value = source(first_dict) if callable(source) else _lookup(first, source)[1]
        aligns.append(_default_alignment(value, adapter))
    doc = _TableDocument(
        adapter,
        _screen_columns(width),
        columns,
        aligns,
        autosize=autosize,
        hide_header=hide_header,
        wrap=wrap,
    )
    for row in rows:
        doc.add_values(_RowDict(row), row)
    return doc.render()


class _RowDict(dict):  # type: ignore[type-arg]
    """A property row as a case-insensitive mapping (for calculated columns)."""

    def __init__(self, row: Sequence[tuple[str, object]]) -> None:
        super().__init__((name.casefold(), value) for name, value in row)

    def __getitem__(self, key: object) -> object:
        return super().__getitem__(key.casefold() if isinstance(key, str) else key)

    def get(self, key: object, default: object = None) -> object:  # type: ignore[override]
        return super().get(key.casefold() if isinstance(key, str) else key, default)


def format_list_lines(
    objects: list[object],
    adapter: FormatAdapter,
    properties: Sequence[str] | None = None,
    width: int = 120,
) -> list[str]:
    """What ``... | Format-List`` prints on the console.

    Each object is a block of ``Name : Value`` lines (names padded to the longest name of
    that object, long values word-wrapped at ``width - 1`` with indented continuation
    lines) followed by one blank line; the first block is preceded by a blank line.
    ``properties`` selects and orders properties (wildcards allowed; a property an object
    lacks is left out).  Dictionaries list their entries as ``Name``/``Value``; scalars
    print as their string (out of band), like pwsh without ``-Force``.
    """
    screen = _screen_columns(width)
    lines: list[str] = []
    doc: _ListDocument | None = None
    for top in objects:
        for obj in _expand_top_level(top, adapter):
            if obj is None:
                continue
            if _is_out_of_band_scalar(obj, adapter) or (
                not isinstance(obj, _DictEntry) and adapter.properties(obj) is None
            ):
                raw = _raw_lines(obj, adapter)
                if doc is None:
                    lines.extend(raw)
                else:
                    doc.add_raw(raw)
                continue
            if doc is None:
                doc = _ListDocument(
                    adapter,
                    screen,
                    properties,
                    dictionary_view=isinstance(obj, _DictEntry) and not properties,
                )
            if doc.accepts(obj):
                doc.add(obj)
            else:
                doc.add_out_of_band(obj)
    if doc is not None:
        lines.extend(doc.render())
    return lines


def format_wide_lines(
    objects: Iterable[object],
    adapter: FormatAdapter,
    column: int | None = None,
    width: int = 120,
    *,
    property: str | None = None,
    autosize: bool = False,
) -> list[str]:
    """What ``... | Format-Wide`` prints on the console.

    One value per object -- ``property`` if given, else the object's display name (first
    property matching ``name``, ``id``, ``key``, ``*key``, ``*name``, ``*id``), else its
    first property -- laid out ``column`` per row (``-Column``; default 2).  Columns share
    the ``width - 1`` console columns equally (the left ones get the odd cells); with
    ``autosize`` the number of columns is the most that fit the longest value.  Values
    too long for their column are truncated with ``…``.  Framed by blank lines; scalars
    print as their string (out of band).
    """
    screen = _screen_columns(width)
    lines: list[str] = []
    doc: _WideDocument | None = None
    for top in objects:
        for obj in _expand_top_level(top, adapter):
            if obj is None:
                continue
            if _is_out_of_band_scalar(obj, adapter) or (
                not isinstance(obj, _DictEntry) and adapter.properties(obj) is None
            ):
                raw = _raw_lines(obj, adapter)
                if doc is None:
                    lines.extend(raw)
                else:
                    doc.add_raw(raw)
                continue
            if doc is None:
                doc = _WideDocument(adapter, screen, column, property, autosize)
            doc.add(obj)
    if doc is not None:
        lines.extend(doc.render())
    return lines
