"""Out-Default: objects reaching the end of a top-level pipeline are formatted and printed.

Output is formatted in batches so a run of same-shaped objects shares one table, as pwsh
does; scalars are written straight through.
"""
from __future__ import annotations

from ..runtime import numeric as N
from ..runtime.convert import to_str
from ..runtime.typenames import type_name_of
from ..runtime.values import DictionaryEntry, Hashtable, PSCustomObject

_SCALARS = (str, int, float, bool)
# the properties, in order, of the list view pwsh's format data gives System.TimeSpan
_TIMESPAN_VIEW = ("Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays",
                  "TotalHours", "TotalMinutes", "TotalSeconds", "TotalMilliseconds")


def _long_date_time(value) -> str:
    """pwsh's DateTime view: the culture's long date and long time (en-US here)."""
    from ..runtime.dotnet_datetime_format import format_datetime
    return format_datetime(value, "dddd, MMMM d, yyyy h:mm:ss tt")


class Adapter:
    """The formatting engine's view of our runtime values."""

    def properties(self, obj):
        if obj is None or isinstance(obj, _SCALARS) or N.is_decimal(obj) or \
                N.is_datetime(obj) or hasattr(type(obj), "enum_type"):
            return None
        if N.is_timespan(obj):
            from ..runtime.members import get_member
            return [(name, get_member(obj, name)) for name in _TIMESPAN_VIEW]
        if isinstance(obj, PSCustomObject):
            return obj.properties()
        if type(obj).__name__ in ("ScriptBlock", "PSType"):
            return None
        if hasattr(obj, "ToString") and not hasattr(type(obj), "ps_properties") and \
                type(obj).__module__.startswith("pwshlike.errors"):
            return None
        from ..runtime.members import property_list
        props = property_list(obj)
        return props or None

    def to_string(self, value) -> str:
        return to_str(value)

    def has_list_view(self, obj) -> bool:
        return N.is_timespan(obj)

    def table_view(self, obj):
        """A format-data table view: an output class declares its own with ``ps_table_view``,
        a TableView or a function that builds one when first needed."""
        hook = getattr(type(obj), "ps_table_view", None)
        if callable(hook):
            hook = hook()
        if hook is not None:
            return hook
        if isinstance(obj, DictionaryEntry):
            from .formatting.model import _DICTIONARY_VIEW
            return _DICTIONARY_VIEW
        return None

    def custom_view(self, obj):
        """A custom-control view: an output class declares it as ``ps_custom_view``, a
        method giving the object's display text; DateTime's is its long date and time."""
        if N.is_datetime(obj):
            return _long_date_time
        return getattr(type(obj), "ps_custom_view", None)

    def type_key(self, obj) -> str:
        if isinstance(obj, PSCustomObject):
            return "pscustomobject:" + ",".join(obj.property_names())
        return type_name_of(obj)

    def is_dictionary(self, obj) -> bool:
        return isinstance(obj, Hashtable)

    def dictionary_items(self, obj):
        return obj.items()

    def is_collection(self, value) -> bool:
        return isinstance(value, list)

    def iter_collection(self, value):
        return iter(value)


ADAPTER = Adapter()


class _ShownAs:
    """An object with a custom view, its text taken when it reached Out-Default."""

    __slots__ = ("text", "type_fullname")

    def __init__(self, obj) -> None:
        self.text = type(obj).ps_custom_view(obj)
        self.type_fullname = type_name_of(obj)

    def ps_custom_view(self) -> str:
        return self.text


def format_lines(objects, width: int = 120) -> list[str]:
    from .formatting import out_default_lines
    return out_default_lines(objects, ADAPTER, width)


class OutDefault:
    """Sink for the host: scalars print at once; objects are buffered until flush()."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.pending: list = []

    def append(self, item) -> None:
        from ..errors import ErrorRecord
        if isinstance(item, ErrorRecord):
            self.flush()
            self.ctx.write_error_record(item)
            return
        stream = getattr(type(item), "ps_stream", None)
        if stream is not None:
            # a warning/verbose/debug/information record merged into the output (3>&1):
            # shown the way the host shows that stream
            from ..runtime.streams import render_to_host
            self.flush()
            render_to_host(self.ctx, stream, item)
            return
        if item is None:
            return
        if isinstance(item, str) and not self.pending:
            self.ctx.host.write(item + "\n")
            return
        if isinstance(item, (int, float, bool)) and not self.pending and \
                not hasattr(type(item), "enum_type"):
            self.ctx.host.write(to_str(item) + "\n")
            return
        if getattr(type(item), "ps_custom_view", None) is not None:
            # pwsh evaluates a custom view when the object arrives (MatchInfo's path is
            # relative to the location of that moment); the layout of the batch waits
            item = _ShownAs(item)
        self.pending.append(item)
        if len(self.pending) > 1000:
            self.flush()

    def extend(self, items) -> None:
        for i in items:
            self.append(i)

    def flush(self) -> None:
        if not self.pending:
            return
        items, self.pending = self.pending, []
        lines = format_lines(items, self.ctx.host.width)
        if lines:
            self.ctx.host.write("\n".join(lines) + "\n")
