"""Constants, the adapter protocol and the view/output records shared by the layout code.

Part of :mod:`pwshlike.host.formatting`; the rules are summarised there."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

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
    * ``custom_view(obj) -> Callable[[obj], str] | None`` -- for an object that format
      data shows through a custom control (``System.DateTime``'s long date and time,
      ``MatchInfo``'s ``path:line:text``), the function giving its text; it opens a custom
      document (blank line before and after).
    * ``has_list_view(obj) -> bool`` -- True when format data gives the object's type a
      list view (``System.TimeSpan``): the list then applies to that type only, and other
      objects print out of band.
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


