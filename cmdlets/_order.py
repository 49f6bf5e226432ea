"""Ordering and equality of property values, as Sort/Group/Compare/Select -Unique see them.

pwsh's ObjectCommandComparer: ``$null`` sorts first; otherwise the right value is
converted to the left one's type (LanguagePrimitives.Compare) and, when that fails,
both are compared as strings.  Strings compare culture-aware: case is ignored unless
``-CaseSensitive``, and then lower case sorts before upper case ("a" < "A" < "b").
"""
from __future__ import annotations

import functools

from pwshlike.runtime.convert import to_str
from pwshlike.runtime.values import Hashtable, PSCustomObject


def _str_cmp(x: str, y: str, case_sensitive: bool) -> int:
    fx, fy = x.casefold(), y.casefold()
    if fx != fy:
        return (fx > fy) - (fx < fy)
    if not case_sensitive:
        return 0
    sx, sy = x.swapcase(), y.swapcase()
    return (sx > sy) - (sx < sy)


def compare(a, b, case_sensitive: bool = False) -> int:
    """-1/0/1 for two property values."""
    if a is None or b is None:
        if a is None and b is None:
            return 0
        return -1 if a is None else 1
    if isinstance(a, list) or isinstance(b, list):
        return _str_cmp(to_str(a), to_str(b), case_sensitive)
    if isinstance(a, str) and isinstance(b, str):
        return _str_cmp(a, b, case_sensitive)
    if isinstance(a, (PSCustomObject, Hashtable)) or isinstance(b, (PSCustomObject, Hashtable)):
        return _str_cmp(to_str(a), to_str(b), case_sensitive)
    from pwshlike.runtime.operators import compare_values
    try:
        if isinstance(a, str):
            return _str_cmp(a, to_str(b), case_sensitive)
        return compare_values(a, b, not case_sensitive)
    except Exception:  # noqa: BLE001 - not comparable as typed: compare as strings
        return _str_cmp(to_str(a), to_str(b), case_sensitive)


def compare_keys(xs: list, ys: list, case_sensitive: bool = False,
                 descending: list[bool] | None = None) -> int:
    for i, (x, y) in enumerate(zip(xs, ys, strict=False)):
        c = compare(x, y, case_sensitive)
        if c:
            return -c if descending and descending[i] else c
    return 0


def equal(a, b, case_sensitive: bool = False) -> bool:
    if isinstance(a, PSCustomObject) and isinstance(b, PSCustomObject):
        pa, pb = a.properties(), b.properties()
        return len(pa) == len(pb) and all(
            na.lower() == nb.lower() and equal(va, vb, case_sensitive)
            for (na, va), (nb, vb) in zip(pa, pb, strict=True))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(equal(x, y, case_sensitive)
                                        for x, y in zip(a, b, strict=True))
    if isinstance(a, (PSCustomObject, Hashtable)) or isinstance(b, (PSCustomObject, Hashtable)):
        return a is b
    return compare(a, b, case_sensitive) == 0


def key_function(case_sensitive: bool = False, descending: list[bool] | None = None):
    return functools.cmp_to_key(
        lambda x, y: compare_keys(x, y, case_sensitive, descending))
