"""How a value becomes cell or list text: numbers, collections, nested objects, property lookup.

Part of :mod:`pwshlike.host.formatting`; the rules are summarised there."""

from __future__ import annotations

import enum
import fnmatch
import math
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from fractions import Fraction
from typing import Any

from .cells import _split_lines
from .model import (
    _DICTIONARY_ENTRY_TYPE,
    ELLIPSIS,
    FORMAT_ENUMERATION_LIMIT,
    FormatAdapter,
    _DictEntry,
)

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
    custom = _hook(adapter, "custom_view")
    if custom is not None and custom(obj) is not None:
        return False
    props = adapter.properties(obj)
    return props is None or len(props) == 0


def _expand_top_level(obj: object, adapter: FormatAdapter) -> list[object]:
    """format-default enumerates collections and dictionaries (one level)."""
    if obj is None or isinstance(obj, (str, _DictEntry)):
        return [obj]
    if adapter.is_dictionary(obj):
        return [_DictEntry(k, v) for k, v in adapter.dictionary_items(obj)]
    if adapter.is_collection(obj):
        return list(adapter.iter_collection(obj))
    return [obj]


