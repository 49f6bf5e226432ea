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

The package is split by stage: ``model`` (constants, adapter protocol, views),
``cells`` (display width, wrapping), ``values`` (cell text), ``layout`` (column widths,
table and list writers), ``documents`` (views over a stream); this module holds the
public entry points.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .cells import display_width
from .documents import (
    _NO_GROUP,
    _default_alignment,
    _Document,
    _ListDocument,
    _open_default_document,
    _screen_columns,
    _TableDocument,
    _WideDocument,
)
from .model import (
    CENTER,
    DICTIONARY_NAME_WIDTH,
    ELLIPSIS,
    FORMAT_ENUMERATION_LIMIT,
    LEFT,
    MAX_TABLE_COLUMNS,
    PROPERTY_COUNT_FOR_TABLE,
    RIGHT,
    DeferredFormat,
    FormatAdapter,
    FormattedOutput,
    TableColumn,
    TableView,
    _DictEntry,
)
from .values import (
    _expand_top_level,
    _has_wildcard,
    _is_out_of_band_scalar,
    _lookup,
    _match_names,
    _raw_lines,
    collection_cell,
)

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

