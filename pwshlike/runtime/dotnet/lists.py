"""Collection members: arrays (Object[] and typed arrays), List[T]/ArrayList and the other
generic collections built on ``GenericList`` (Queue, Stack, HashSet, ...), Hashtable and
DictionaryEntry.
"""
from __future__ import annotations

import functools

from ...errors import DotNetException
from ..convert import to_bool
from ..values import DictionaryEntry, GenericList, TypedArray
from .common import (
    a_int,
    a_list,
    arg_null,
    arg_range,
    call_delegate,
    conv,
    dotnet_compare,
    dotnet_equals,
    method,
    net_error,
)

_FIXED = "Collection was of a fixed size."
_INDEX_LT = "Index was out of range. Must be non-negative and less than the size of the " \
            "collection."


def _element(lst, v, pname: str = "item"):
    et = getattr(lst, "element_type", None)
    if et is None or et.fullname == "System.Object":
        return v
    return conv(v, pname, et.fullname, et.convert)


def _index_of(lst, v, start: int = 0, end: int | None = None) -> int:
    end = len(lst) if end is None else end
    for i in range(start, end):
        if dotnet_equals(lst[i], v):
            return i
    return -1


def _typed_value(lst, v):
    """For a typed collection, the argument converted to its element type (or a marker)."""
    et = getattr(lst, "element_type", None)
    if et is None or et.fullname == "System.Object":
        return v
    try:
        return et.convert(v)
    except DotNetException:
        return _NoMatch


class _NoMatch:
    pass


# --- arrays -------------------------------------------------------------------------------------
@method("Add", 1)
def a_add(a, item):
    raise net_error("NotSupportedException", _FIXED)


@method("Remove", 1)
def a_remove(a, item):
    raise net_error("NotSupportedException", _FIXED)


@method("Insert", 2)
def a_insert(a, index, item):
    raise net_error("NotSupportedException", _FIXED)


@method("RemoveAt", 1)
def a_removeat(a, index):
    raise net_error("NotSupportedException", _FIXED)


@method("Contains", 1)
def a_contains(a, item):
    item = _typed_value(a, item)
    return item is not _NoMatch and _index_of(a, item) >= 0


@method("IndexOf", (1, 2, 3))
def a_indexof(a, item, start=None, count=None):
    item = _typed_value(a, item)
    if item is _NoMatch:
        return -1
    s = 0 if start is None else a_int(start, "startIndex")
    if s < 0 or s > len(a):
        raise arg_range("startIndex", _INDEX_LT)
    e = len(a) if count is None else s + a_int(count, "count")
    if e > len(a) or e < s:
        raise arg_range("count", "Count must be positive and count must refer to a location "
                        "within the string/array/collection.")
    return _index_of(a, item, s, e)


@method("LastIndexOf", 1)
def a_lastindexof(a, item):
    item = _typed_value(a, item)
    for i in range(len(a) - 1, -1, -1):
        if dotnet_equals(a[i], item):
            return i
    return -1


def _copy(a):
    if isinstance(a, GenericList):
        return GenericList(a, a.element_type, a.fullname)
    if isinstance(a, TypedArray):
        return TypedArray(a, a.element_type)
    return list(a)


@method("Clone", 0)
def a_clone(a):
    return _copy(a)


@method("CopyTo", (1, 2))
def a_copyto(a, target, index=0):
    if target is None:
        raise arg_null("destinationArray")
    i = a_int(index, "index")
    if not isinstance(target, list):
        raise net_error("ArgumentException", "Destination array was not long enough.")
    if i < 0 or i + len(a) > len(target):
        raise net_error("ArgumentException",
                        "Destination array was not long enough. Check the destination index, "
                        "length, and the array's lower bounds.", "destinationArray")
    for k, v in enumerate(a):
        target[i + k] = _element(target, v)


def _array_index(a, index) -> int:
    i = a_int(index, "index")
    if i < 0 or i >= len(a):
        raise net_error("IndexOutOfRangeException")
    return i


@method("GetValue", 1)
def a_getvalue(a, index):
    return a[_array_index(a, index)]


@method("SetValue", 2)
def a_setvalue(a, value, index):
    a[_array_index(a, index)] = _element(a, value, "value")


@method("Get", 1)
def a_get(a, index):
    return a[_array_index(a, index)]


@method("Set", 2)
def a_set(a, index, value):
    a[_array_index(a, index)] = _element(a, value, "value")


def _dimension(d) -> None:
    if a_int(d, "dimension") != 0:
        raise net_error("IndexOutOfRangeException")


@method("GetLength", 1)
def a_getlength(a, d):
    _dimension(d)
    return len(a)


@method("GetUpperBound", 1)
def a_getupperbound(a, d):
    _dimension(d)
    return len(a) - 1


@method("GetLowerBound", 1)
def a_getlowerbound(a, d):
    _dimension(d)
    return 0


def _default(et):
    if et is None or et.fullname == "System.Object":
        return None
    try:
        return et.convert(None)
    except DotNetException:
        return None


@method("Clear", (0, 2))
def a_clear(a, index=None, length=None):
    d = _default(getattr(a, "element_type", None))
    lo = 0 if index is None else a_int(index, "index")
    hi = len(a) if length is None else lo + a_int(length, "length")
    if lo < 0 or hi > len(a) or hi < lo:
        raise net_error("IndexOutOfRangeException")
    for i in range(lo, hi):
        a[i] = d


@method("GetEnumerator", 0)
def a_getenumerator(a):
    return a


@method("Initialize", 0)
def a_initialize(a):
    return None


ARRAY_METHODS = {
    "add": a_add, "remove": a_remove, "insert": a_insert, "removeat": a_removeat,
    "contains": a_contains, "indexof": a_indexof, "lastindexof": a_lastindexof,
    "clone": a_clone, "copyto": a_copyto, "getvalue": a_getvalue, "setvalue": a_setvalue,
    "get": a_get, "set": a_set, "getlength": a_getlength, "getupperbound": a_getupperbound,
    "getlowerbound": a_getlowerbound, "clear": a_clear, "getenumerator": a_getenumerator,
    "initialize": a_initialize,
}
ARRAY_PROPERTIES = {
    "count": len, "length": len, "longlength": lambda a: _int64(len(a)), "rank": lambda a: 1,
    "isreadonly": lambda a: False, "isfixedsize": lambda a: True,
    "issynchronized": lambda a: False, "syncroot": lambda a: a,
}


def _int64(n: int) -> int:
    from ..numeric import Int64
    return Int64(n)


# --- List[T] / ArrayList --------------------------------------------------------------------
def kind(lst) -> str:
    """'list', 'arraylist', 'queue', 'stack', 'hashset', 'sortedset', 'linkedlist'."""
    full = getattr(lst, "fullname", "") or ""
    if full == "System.Collections.ArrayList":
        return "arraylist"
    return full.split("[", 1)[0].rsplit(".", 1)[-1].lower()


def _is_arraylist(lst) -> bool:
    return getattr(lst, "fullname", None) == "System.Collections.ArrayList"


@method("Add", 1)
def l_add(lst, item):
    k = kind(lst)
    item = _element(lst, item)
    if k in ("hashset", "sortedset"):
        return _set_add(lst, item)
    lst.append(item)
    if k == "arraylist":
        return len(lst) - 1
    return None


@method("AddRange", 1)
def l_addrange(lst, items):
    if items is None:
        raise arg_null("collection" if not _is_arraylist(lst) else "c")
    lst.extend([_element(lst, x) for x in a_list(items)])


def _insert_index(lst, index) -> int:
    i = a_int(index, "index")
    if i < 0 or i > len(lst):
        raise arg_range("index", "Index must be within the bounds of the List.")
    return i


@method("Insert", 2)
def l_insert(lst, index, item):
    i = _insert_index(lst, index)
    lst.insert(i, _element(lst, item))


@method("InsertRange", 2)
def l_insertrange(lst, index, items):
    i = _insert_index(lst, index)
    if items is None:
        raise arg_null("collection")
    lst[i:i] = [_element(lst, x) for x in a_list(items)]


@method("Remove", 1)
def l_remove(lst, item):
    item = _typed_value(lst, item)
    i = -1 if item is _NoMatch else _index_of(lst, item)
    if i >= 0:
        del lst[i]
    if _is_arraylist(lst):
        return None
    return i >= 0


def _list_index(lst, index) -> int:
    i = a_int(index, "index")
    if i < 0 or i >= len(lst):
        raise arg_range("index", _INDEX_LT)
    return i


@method("RemoveAt", 1)
def l_removeat(lst, index):
    del lst[_list_index(lst, index)]


def _range(lst, index, count) -> tuple[int, int]:
    i, c = a_int(index, "index"), a_int(count, "count")
    if i < 0:
        raise arg_range("index", "Non-negative number required.")
    if c < 0:
        raise arg_range("count", "Non-negative number required.")
    if len(lst) - i < c:
        raise net_error("ArgumentException", "Offset and length were out of bounds for the "
                        "array or count is greater than the number of elements from index to "
                        "the end of the source collection.")
    return i, c


@method("RemoveRange", 2)
def l_removerange(lst, index, count):
    i, c = _range(lst, index, count)
    del lst[i:i + c]


@method("GetRange", 2)
def l_getrange(lst, index, count):
    i, c = _range(lst, index, count)
    return GenericList(lst[i:i + c], lst.element_type, lst.fullname)


@method("RemoveAll", 1)
def l_removeall(lst, pred):
    keep = [x for x in lst if not to_bool(call_delegate(pred, x))]
    removed = len(lst) - len(keep)
    lst[:] = keep
    return removed


@method("Clear", 0)
def l_clear(lst):
    del lst[:]


@method("Reverse", (0, 2))
def l_reverse(lst, index=None, count=None):
    if index is None:
        lst.reverse()
        return
    i, c = _range(lst, index, count)
    lst[i:i + c] = lst[i:i + c][::-1]


@method("Sort", (0, 1))
def l_sort(lst, comparison=None):
    if comparison is None:
        lst.sort(key=functools.cmp_to_key(dotnet_compare))
    else:
        from ..convert import to_number
        lst.sort(key=functools.cmp_to_key(
            lambda x, y: int(to_number(call_delegate(comparison, x, y)))))


@method("ToArray", 0)
def l_toarray(lst):
    et = lst.element_type
    if _is_arraylist(lst) or et is None or et.fullname == "System.Object":
        return list(lst)
    return TypedArray(lst, et)


def _find(lst, pred):
    for i, x in enumerate(lst):
        if to_bool(call_delegate(pred, x)):
            return i
    return -1


@method("Find", 1)
def l_find(lst, pred):
    i = _find(lst, pred)
    return lst[i] if i >= 0 else _default(lst.element_type)


@method("FindIndex", 1)
def l_findindex(lst, pred):
    return _find(lst, pred)


@method("FindLast", 1)
def l_findlast(lst, pred):
    for x in reversed(lst):
        if to_bool(call_delegate(pred, x)):
            return x
    return _default(lst.element_type)


@method("FindAll", 1)
def l_findall(lst, pred):
    return GenericList([x for x in lst if to_bool(call_delegate(pred, x))], lst.element_type,
                       lst.fullname)


@method("Exists", 1)
def l_exists(lst, pred):
    return _find(lst, pred) >= 0


@method("TrueForAll", 1)
def l_trueforall(lst, pred):
    return all(to_bool(call_delegate(pred, x)) for x in lst)


@method("Item", 1)
def l_item(lst, index):
    return lst[_list_index(lst, index)]


@method("set_Item", 2)
def l_set_item(lst, index, value):
    lst[_list_index(lst, index)] = _element(lst, value, "value")


@method("TrimExcess", 0)
def l_trimexcess(lst):
    return None


@method("EnsureCapacity", 1)
def l_ensurecapacity(lst, n):
    return max(a_int(n, "capacity"), len(lst))


LIST_METHODS = {
    "add": l_add, "addrange": l_addrange, "insert": l_insert, "insertrange": l_insertrange,
    "remove": l_remove, "removeat": l_removeat, "removerange": l_removerange,
    "getrange": l_getrange, "removeall": l_removeall, "clear": l_clear, "reverse": l_reverse,
    "sort": l_sort, "toarray": l_toarray, "find": l_find, "findindex": l_findindex,
    "findlast": l_findlast, "findall": l_findall, "exists": l_exists,
    "trueforall": l_trueforall, "item": l_item, "get_item": l_item, "set_item": l_set_item,
    "trimexcess": l_trimexcess, "ensurecapacity": l_ensurecapacity,
}
LIST_PROPERTIES = {
    "count": len, "capacity": lambda lst: max(len(lst), 4) if lst else 0,
    "isreadonly": lambda lst: False, "isfixedsize": lambda lst: False,
    "issynchronized": lambda lst: False, "syncroot": lambda lst: lst,
}


# --- Queue / Stack / HashSet / SortedSet / LinkedList ---------------------------------------
def _empty(what: str):
    return net_error("InvalidOperationException", f"{what} empty.")


@method("Enqueue", 1)
def q_enqueue(q, item):
    q.append(_element(q, item))


@method("Dequeue", 0)
def q_dequeue(q):
    if not q:
        raise _empty("Queue")
    return q.pop(0)


@method("Peek", 0)
def q_peek(q):
    if not q:
        raise _empty("Queue" if kind(q) == "queue" else "Stack")
    return q[0]


def _try_take(q, ref, pop: bool) -> bool:
    if not q:
        ref.Value = _default(q.element_type)
        return False
    ref.Value = q.pop(0) if pop else q[0]
    return True


@method("TryDequeue", 1)
def q_trydequeue(q, ref):
    return _try_take(q, ref, True)


@method("TryPeek", 1)
def q_trypeek(q, ref):
    return _try_take(q, ref, False)


@method("Push", 1)
def st_push(st, item):
    st.insert(0, _element(st, item))


@method("Pop", 0)
def st_pop(st):
    if not st:
        raise _empty("Stack")
    return st.pop(0)


@method("ToArray", 0)
def q_toarray(q):
    return l_toarray(q)


def _set_add(s, item) -> bool:
    if _index_of(s, item) >= 0:
        return False
    s.append(item)
    if kind(s) == "sortedset":
        s.sort(key=functools.cmp_to_key(dotnet_compare))
    return True


def _other(s, items) -> list:
    if items is None:
        raise arg_null("other")
    return [_element(s, x, "other") for x in a_list(items)]


@method("UnionWith", 1)
def hs_unionwith(s, items):
    for x in _other(s, items):
        _set_add(s, x)


@method("IntersectWith", 1)
def hs_intersectwith(s, items):
    other = _other(s, items)
    s[:] = [x for x in s if _index_of(other, x) >= 0]


@method("ExceptWith", 1)
def hs_exceptwith(s, items):
    other = _other(s, items)
    s[:] = [x for x in s if _index_of(other, x) < 0]


@method("SymmetricExceptWith", 1)
def hs_symmetricexceptwith(s, items):
    other = _other(s, items)
    keep = [x for x in s if _index_of(other, x) < 0]
    keep += [x for x in other if _index_of(s, x) < 0]
    s[:] = keep


def _subset(a, b) -> bool:
    return all(_index_of(b, x) >= 0 for x in a)


@method("IsSubsetOf", 1)
def hs_issubsetof(s, items):
    return _subset(s, _other(s, items))


@method("IsSupersetOf", 1)
def hs_issupersetof(s, items):
    return _subset(_other(s, items), s)


@method("Overlaps", 1)
def hs_overlaps(s, items):
    return any(_index_of(s, x) >= 0 for x in _other(s, items))


@method("SetEquals", 1)
def hs_setequals(s, items):
    other = _other(s, items)
    return _subset(s, other) and _subset(other, s)


@method("AddLast", 1)
def ll_addlast(s, item):
    s.append(_element(s, item))


@method("AddFirst", 1)
def ll_addfirst(s, item):
    s.insert(0, _element(s, item))


@method("RemoveFirst", 0)
def ll_removefirst(s):
    if not s:
        raise net_error("InvalidOperationException", "The LinkedList is empty.")
    del s[0]


@method("RemoveLast", 0)
def ll_removelast(s):
    if not s:
        raise net_error("InvalidOperationException", "The LinkedList is empty.")
    del s[-1]


_SET_METHODS = {
    "unionwith": hs_unionwith, "intersectwith": hs_intersectwith,
    "exceptwith": hs_exceptwith, "symmetricexceptwith": hs_symmetricexceptwith,
    "issubsetof": hs_issubsetof, "issupersetof": hs_issupersetof, "overlaps": hs_overlaps,
    "setequals": hs_setequals,
}
KIND_METHODS = {
    "queue": {"enqueue": q_enqueue, "dequeue": q_dequeue, "peek": q_peek,
              "trydequeue": q_trydequeue, "trypeek": q_trypeek, "toarray": q_toarray},
    "stack": {"push": st_push, "pop": st_pop, "peek": q_peek, "trypop": q_trydequeue,
              "trypeek": q_trypeek, "toarray": q_toarray},
    "hashset": _SET_METHODS,
    "sortedset": _SET_METHODS,
    "linkedlist": {"addlast": ll_addlast, "addfirst": ll_addfirst,
                   "removefirst": ll_removefirst, "removelast": ll_removelast},
}
KIND_PROPERTIES = {
    "sortedset": {"min": lambda s: s[0] if s else None, "max": lambda s: s[-1] if s else None},
    "linkedlist": {"first": lambda s: s[0] if s else None,
                   "last": lambda s: s[-1] if s else None},
}


# --- Hashtable ----------------------------------------------------------------------------------
def _key(key):
    if key is None:
        raise net_error("ArgumentNullException", "Key cannot be null.", "key")
    return key


@method("Add", 2)
def h_add(h, key, value):
    h.add(key, value)


@method("Remove", 1)
def h_remove(h, key):
    del h[_key(key)]


@method("ContainsKey", 1)
def h_containskey(h, key):
    return _key(key) in h


@method("Contains", 1)
def h_contains(h, key):
    return _key(key) in h


@method("ContainsValue", 1)
def h_containsvalue(h, value):
    return any(dotnet_equals(v, value) for v in h.values())


@method("Clear", 0)
def h_clear(h):
    for k in list(h):
        del h[k]


@method("Clone", 0)
def h_clone(h):
    return h.copy()


@method("GetEnumerator", 0)
def h_getenumerator(h):
    return [DictionaryEntry(k, v) for k, v in h.items()]


@method("Item", 1)
def h_item(h, key):
    return h[_key(key)]


@method("set_Item", 2)
def h_set_item(h, key, value):
    h[_key(key)] = value


@method("TryGetValue", 2)
def h_trygetvalue(h, key, ref):
    found = _key(key) in h
    ref.Value = h[key] if found else None
    return found


def _rebuild(h, items) -> None:
    h_clear(h)
    for k, v in items:
        h[k] = v


@method("Insert", 3)
def h_insert(h, index, key, value):
    i = a_int(index, "index")
    items = h.items()
    if i < 0 or i > len(items):
        raise arg_range("index")
    if _key(key) in h:
        raise net_error("ArgumentException", "An item with the same key has already been "
                        f"added. Key: {key}")
    items.insert(i, (key, value))
    _rebuild(h, items)


@method("RemoveAt", 1)
def h_removeat(h, index):
    i = a_int(index, "index")
    items = h.items()
    if i < 0 or i >= len(items):
        raise arg_range("index")
    del items[i]
    _rebuild(h, items)


@method("CopyTo", 2)
def h_copyto(h, target, index):
    i = a_int(index, "index")
    for k, entry in enumerate(h_getenumerator(h)):
        target[i + k] = entry


HASHTABLE_METHODS = {
    "add": h_add, "remove": h_remove, "containskey": h_containskey, "contains": h_contains,
    "containsvalue": h_containsvalue, "clear": h_clear, "clone": h_clone,
    "getenumerator": h_getenumerator, "item": h_item, "get_item": h_item,
    "set_item": h_set_item, "trygetvalue": h_trygetvalue, "insert": h_insert,
    "removeat": h_removeat, "copyto": h_copyto,
}
HASHTABLE_PROPERTIES = {
    "count": len, "keys": lambda h: h.keys(), "values": lambda h: h.values(),
    "isreadonly": lambda h: False, "isfixedsize": lambda h: False,
    "issynchronized": lambda h: False, "syncroot": lambda h: h,
}

DICTIONARY_ENTRY_PROPERTIES = {
    "key": lambda e: e.Key, "value": lambda e: e.Value, "name": lambda e: e.Key,
}

TABLES = {
    "array": (ARRAY_METHODS, ARRAY_PROPERTIES),
    "list": (LIST_METHODS, LIST_PROPERTIES),
    "hashtable": (HASHTABLE_METHODS, HASHTABLE_PROPERTIES),
    "entry": ({}, DICTIONARY_ENTRY_PROPERTIES),
}

