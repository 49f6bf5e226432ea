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


class LoopEnumerator:
    """``$foreach`` / ``$switch``: the enumerator that drives the running loop.

    The loop itself steps it, so a ``MoveNext()`` in the body skips an item and ``Reset()``
    starts the loop over (about_Automatic_Variables).  Items read so far are buffered so a
    lazy source (a range) can be rewound without being materialised up front.
    """

    __slots__ = ("_current", "_it", "_pos", "_seen")

    def __init__(self, items) -> None:
        self._it = iter(items)
        self._seen: list = []
        self._pos = 0
        self._current = None

    def MoveNext(self) -> bool:
        pos = self._pos
        if pos < len(self._seen):
            self._current = self._seen[pos]
        else:
            try:
                self._current = next(self._it)
            except StopIteration:
                self._current = None
                return False
            self._seen.append(self._current)
        self._pos = pos + 1
        return True

    @property
    def Current(self):
        return self._current

    def Reset(self) -> None:
        self._pos = 0
        self._current = None

    def ps_enumerate(self) -> list:
        """Reading the enumerator as a value takes the rest of its items."""
        rest = []
        while self.MoveNext():
            rest.append(self._current)
        return rest
