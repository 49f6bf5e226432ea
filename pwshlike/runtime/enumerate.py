"""What PowerShell enumerates: arrays and lists unroll into the pipeline; strings,
hashtables and scalars do not."""
from __future__ import annotations

from .values import Hashtable


def enumerate_value(v: object):
    """An iterable of the items of a collection, or None for a scalar."""
    if isinstance(v, list):
        return v
    if v is None or isinstance(v, (str, Hashtable, int, float)):
        return None
    if isinstance(v, (tuple, range)):
        return v
    it = getattr(v, "ps_enumerate", None)
    if it is not None:
        return it()
    if hasattr(v, "__next__"):
        return v
    return None


def as_list(v: object) -> list:
    """The value as a list: collections unrolled, $null → [], a scalar → [scalar]."""
    if isinstance(v, list):
        return v
    if v is None:
        return []
    items = enumerate_value(v)
    return [v] if items is None else list(items)
