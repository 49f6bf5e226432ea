"""[array], [object], [hashtable]/[ordered] constructors, [System.Diagnostics.Stopwatch],
[System.Threading.Thread], [System.Random] and [System.Net.Dns]."""
from __future__ import annotations

import bisect
import datetime as _dt
import functools
import time

from .. import numeric as N
from ..convert import to_bool
from ..types import StaticProperty
from ..values import CaseSensitiveHashtable, GenericList, Hashtable, TypedArray
from .common import (
    a_int,
    arg_null,
    arg_range,
    call_delegate,
    dotnet_compare,
    dotnet_equals,
    net_error,
    static,
)
from .statics_numbers import set_ref


def const(value) -> StaticProperty:
    return StaticProperty(lambda: value)


# --- [array] ---------------------------------------------------------------------------------------
def _arr(v, pname: str = "array") -> list:
    if v is None:
        raise arg_null(pname)
    if not isinstance(v, list):
        raise net_error("ArgumentException", "Object must be an array.", pname)
    return v


def _same_kind(a: list, items) -> list:
    if isinstance(a, TypedArray):
        return TypedArray(items, a.element_type)
    if isinstance(a, GenericList):
        return GenericList(items, a.element_type, a.fullname)
    return list(items)


def _range(a: list, index, length) -> tuple[int, int]:
    i = 0 if index is None else a_int(index, "index")
    n = len(a) - i if length is None else a_int(length, "length")
    if i < 0 or n < 0 or i + n > len(a):
        raise net_error("ArgumentException", "Offset and length were out of bounds for the "
                        "array or count is greater than the number of elements from index to "
                        "the end of the source collection.")
    return i, n


def _index_of(arr, value, start=None, count=None):
    a = _arr(arr)
    i, n = _range(a, start, count)
    for k in range(i, i + n):
        if dotnet_equals(a[k], value):
            return k
    return -1


def _last_index_of(arr, value):
    a = _arr(arr)
    for k in range(len(a) - 1, -1, -1):
        if dotnet_equals(a[k], value):
            return k
    return -1


def _reverse(arr, index=None, length=None):
    a = _arr(arr)
    i, n = _range(a, index, length)
    a[i:i + n] = a[i:i + n][::-1]


def _sort(arr, *rest):
    a = _arr(arr)
    if rest and isinstance(rest[0], list):      # Sort(keys, items)
        items = rest[0]
        pairs = sorted(zip(a, items, strict=False),
                       key=functools.cmp_to_key(lambda x, y: dotnet_compare(x[0], y[0])))
        a[:] = [p[0] for p in pairs]
        items[:len(pairs)] = [p[1] for p in pairs]
        return
    if rest and not isinstance(rest[0], int):
        cmp = rest[0]
        a.sort(key=functools.cmp_to_key(lambda x, y: int(call_delegate(cmp, x, y))))
        return
    i, n = _range(a, *(rest[:2] if len(rest) >= 2 else (None, None)))
    a[i:i + n] = sorted(a[i:i + n], key=functools.cmp_to_key(dotnet_compare))


def _resize(ref, size):
    n = a_int(size, "newSize")
    if n < 0:
        raise arg_range("newSize", "Non-negative number required.")
    old = ref.Value if hasattr(ref, "Value") else None
    old = [] if old is None else old
    et = getattr(old, "element_type", None)
    default = None
    if et is not None:
        try:
            default = et.convert(None)
        except Exception:  # noqa: BLE001 - no default for the element type
            default = None
    new = _same_kind(old, list(old[:n]) + [default] * max(0, n - len(old)))
    set_ref(ref, new, 1)


def _copy(src, *rest):
    s = _arr(src, "sourceArray")
    if len(rest) == 2:
        d, si, di, n = rest[0], 0, 0, a_int(rest[1], "length")
    else:
        si, d, di, n = a_int(rest[0], "sourceIndex"), rest[1], a_int(rest[2],
                                                                    "destinationIndex"), \
            a_int(rest[3], "length")
    d = _arr(d, "destinationArray")
    if si < 0 or di < 0 or n < 0 or si + n > len(s) or di + n > len(d):
        raise net_error("ArgumentException", "Source array was not long enough. Check the "
                        "source index, length, and the array's lower bounds.", "sourceArray")
    et = getattr(d, "element_type", None)
    for k in range(n):
        v = s[si + k]
        d[di + k] = et.convert(v) if et is not None and et.fullname != "System.Object" else v


def _clear(arr, index=None, length=None):
    a = _arr(arr)
    i, n = _range(a, index, length)
    et = getattr(a, "element_type", None)
    default = None
    if et is not None and et.fullname != "System.Object":
        try:
            default = et.convert(None)
        except Exception:  # noqa: BLE001 - reference types default to null
            default = None
    for k in range(i, i + n):
        a[k] = default


def _create_instance(t, *lengths):
    from ..types import PSType, make_array_type, resolve_type
    if not isinstance(t, PSType):
        t = resolve_type(str(t))
    n = a_int(lengths[0], "length") if lengths else 0
    if n < 0:
        raise arg_range("length", "Non-negative number required.")
    try:
        default = t.convert(None) if t.is_value_type else None
    except Exception:  # noqa: BLE001 - no default value
        default = None
    arr_t = make_array_type(t)
    return arr_t.convert([default] * n) if n else arr_t.convert([])


def _binary_search(arr, value):
    a = _arr(arr)
    keys = [functools.cmp_to_key(dotnet_compare)(x) for x in a]
    k = functools.cmp_to_key(dotnet_compare)(value)
    i = bisect.bisect_left(keys, k)
    if i < len(a) and dotnet_compare(a[i], value) == 0:
        return i
    return ~i


def _pred(arr, pred):
    return [(i, x) for i, x in enumerate(_arr(arr)) if to_bool(call_delegate(pred, x))]


ARRAY_STATICS = {
    "indexof": static("IndexOf", (2, 3, 4))(_index_of),
    "lastindexof": static("LastIndexOf", (2, 3, 4))(lambda a, v, *r: _last_index_of(a, v)),
    "reverse": static("Reverse", (1, 3))(_reverse),
    "sort": static("Sort", (1, 2, 3, 4))(_sort),
    "resize": static("Resize", 2)(_resize),
    "copy": static("Copy", (3, 5))(_copy),
    "clear": static("Clear", (1, 3))(_clear),
    "createinstance": static("CreateInstance", (2, 3, 4))(_create_instance),
    "binarysearch": static("BinarySearch", 2)(_binary_search),
    "exists": static("Exists", 2)(lambda a, p: bool(_pred(a, p))),
    "find": static("Find", 2)(lambda a, p: next((x for _, x in _pred(a, p)), None)),
    "findall": static("FindAll", 2)(lambda a, p: _same_kind(_arr(a), [x for _, x in _pred(a, p)])),
    "findindex": static("FindIndex", 2)(lambda a, p: next((i for i, _ in _pred(a, p)), -1)),
    "findlast": static("FindLast", 2)(
        lambda a, p: next((x for _, x in reversed(_pred(a, p))), None)),
    "trueforall": static("TrueForAll", 2)(lambda a, p: len(_pred(a, p)) == len(_arr(a))),
    "foreach": static("ForEach", 2)(
        lambda a, f: [call_delegate(f, x) for x in _arr(a)] and None),
    "empty": static("Empty", 0)(list),
    "asreadonly": static("AsReadOnly", 1)(lambda a: list(_arr(a))),
}


# --- [object] / collections ------------------------------------------------------------------
OBJECT_STATICS = {
    "referenceequals": static("ReferenceEquals", 2)(
        lambda a, b: a is b and not isinstance(a, (int, float, str))),
    "equals": static("Equals", 2)(dotnet_equals),
}


def _hashtable_new(*args):
    """[hashtable]::new(...) compares keys with .NET's default, case-sensitive comparer."""
    src = args[0] if args and isinstance(args[0], Hashtable) else None
    return CaseSensitiveHashtable(src.items() if src is not None else None)


HASHTABLE_STATICS = {"new": static(".ctor", (0, 1, 2, 3))(_hashtable_new)}
ORDERED_STATICS = {"new": static(".ctor", (0, 1, 2))(lambda *a: Hashtable(ordered=True))}


# --- Tuple ------------------------------------------------------------------------------------
class Tuple:
    """System.Tuple`N: read-only Item1..ItemN; PowerShell indexes it like an array (ITuple),
    negative indexes counting from the end."""

    dotnet_class = True
    __slots__ = ("_items",)

    def __init__(self, *items) -> None:
        self._items = tuple(items)

    @property
    def type_fullname(self) -> str:
        from ..typenames import type_name_of
        args = ",".join(type_name_of(v) for v in self._items)
        return f"System.Tuple`{len(self._items)}[{args}]"

    @property
    def Length(self) -> int:
        return len(self._items)

    def ps_getitem(self, index):
        if isinstance(index, list):
            return [self.ps_getitem(i) for i in index]
        i = a_int(index, "index")
        n = len(self._items)
        if i < 0:
            i += n
        return self._items[i] if 0 <= i < n else None

    def ToString(self) -> str:
        from ..convert import to_str
        return "(" + ", ".join(to_str(v) for v in self._items) + ")"



def _tuple_item(k: int):
    return property(lambda self: self._items[k - 1] if k <= len(self._items) else None)


for _k in range(1, 9):
    setattr(Tuple, f"Item{_k}", _tuple_item(_k))


def _tuple_create(*items):
    if not 1 <= len(items) <= 8:
        raise net_error("ArgumentException", "Tuple.Create takes from 1 to 8 items.")
    return Tuple(*items)


TUPLE_STATICS = {"create": static("Create", tuple(range(1, 9)))(_tuple_create)}


# --- Stopwatch ----------------------------------------------------------------------------------
class Stopwatch:
    dotnet_class = True
    dotnet_fullname = "System.Diagnostics.Stopwatch"
    ps_properties = ("IsRunning", "Elapsed", "ElapsedMilliseconds", "ElapsedTicks")
    __slots__ = ("_elapsed", "_start")

    def __init__(self) -> None:
        self._elapsed = 0
        self._start: int | None = None

    def _ns(self) -> int:
        run = time.perf_counter_ns() - self._start if self._start is not None else 0
        return self._elapsed + run

    def Start(self) -> None:
        if self._start is None:
            self._start = time.perf_counter_ns()

    def Stop(self) -> None:
        if self._start is not None:
            self._elapsed += time.perf_counter_ns() - self._start
            self._start = None

    def Reset(self) -> None:
        self._elapsed, self._start = 0, None

    def Restart(self) -> None:
        self._elapsed, self._start = 0, time.perf_counter_ns()

    @property
    def IsRunning(self) -> bool:
        return self._start is not None

    @property
    def Elapsed(self) -> _dt.timedelta:
        return _dt.timedelta(microseconds=self._ns() // 1000)

    @property
    def ElapsedMilliseconds(self) -> int:
        return N.Int64(self._ns() // 1_000_000)

    @property
    def ElapsedTicks(self) -> int:
        return N.Int64(self._ns() // 100)

    def ToString(self) -> str:
        return self.dotnet_fullname


def _start_new() -> Stopwatch:
    s = Stopwatch()
    s.Start()
    return s


STOPWATCH_STATICS = {
    "startnew": static("StartNew", 0)(_start_new),
    "gettimestamp": static("GetTimestamp", 0)(lambda: N.Int64(time.perf_counter_ns() // 100)),
    "frequency": const(N.Int64(10_000_000)),
    "ishighresolution": const(True),
    "new": static(".ctor", 0)(Stopwatch),
}


# --- Thread ----------------------------------------------------------------------------------------
def _sleep(v):
    if isinstance(v, _dt.timedelta):
        secs = v.total_seconds()
    else:
        secs = a_int(v, "millisecondsTimeout") / 1000
    if secs < 0 and secs != -0.001:
        raise arg_range("millisecondsTimeout", "Number must be either non-negative and less "
                        "than or equal to Int32.MaxValue or -1.")
    time.sleep(max(secs, 0))


THREAD_STATICS = {"sleep": static("Sleep", 1)(_sleep)}


# --- Random --------------------------------------------------------------------------------------
class Random:
    dotnet_class = True
    dotnet_fullname = "System.Random"
    __slots__ = ("_r",)

    def __init__(self, seed=None) -> None:
        import random
        self._r = random.Random(None if seed is None else a_int(seed, "Seed"))

    def Next(self, a=None, b=None) -> int:
        if a is None:
            return self._r.randrange(0, 2 ** 31 - 1)
        lo, hi = (0, a_int(a, "maxValue")) if b is None else (a_int(a, "minValue"),
                                                              a_int(b, "maxValue"))
        if b is None and hi < 0:
            raise arg_range("maxValue", f"'{hi}' must be a non-negative value.")
        if hi < lo:
            raise arg_range("minValue", "'minValue' cannot be greater than maxValue.")
        return lo if hi == lo else self._r.randrange(lo, hi)

    def NextInt64(self, a=None, b=None) -> int:
        if a is None:
            return N.Int64(self._r.randrange(0, 2 ** 63 - 1))
        lo, hi = (0, int(a)) if b is None else (int(a), int(b))
        return N.Int64(lo if hi <= lo else self._r.randrange(lo, hi))

    def NextDouble(self) -> float:
        return self._r.random()

    def NextSingle(self) -> float:
        return N.to_single(self._r.random())

    def NextBytes(self, buffer) -> None:
        if buffer is None:
            raise arg_null("buffer")
        for i in range(len(buffer)):
            buffer[i] = N.Byte(self._r.randrange(256))

    def ToString(self) -> str:
        return self.dotnet_fullname


_SHARED = Random()
RANDOM_STATICS = {
    "shared": const(_SHARED),
    "new": static(".ctor", (0, 1))(Random),
}


# --- Dns -------------------------------------------------------------------------------------------
def _host_name() -> str:
    import socket
    return socket.gethostname()


DNS_STATICS = {"gethostname": static("GetHostName", 0)(_host_name)}



# --- ServicePointManager -------------------------------------------------------------------
# Scripts written for Windows PowerShell set these before calling Invoke-RestMethod
# ("[Net.ServicePointManager]::SecurityProtocol = 'Tls12'"). PowerShell 7's web cmdlets use
# HttpClient, which ignores them, and so do ours: the values are kept (a script may read
# them back) and TLS version choice and certificate validation stay with the TLS library.
_SERVICE_POINT: dict[str, object] = {
    "securityprotocol": 0, "servercertificatevalidationcallback": None,
    "expect100continue": True, "defaultconnectionlimit": 2, "checkcertificaterevocationlist": False,
}


def _service_point_prop(key: str, convert=None) -> StaticProperty:
    from .statics_system import SettableStaticProperty

    def get():
        value = _SERVICE_POINT[key]
        return convert(value) if convert is not None else value

    def put(value) -> None:
        _SERVICE_POINT[key] = convert(value) if convert is not None else value
    return SettableStaticProperty(get, put)


def _security_protocol(value):
    from .enums import SecurityProtocolType
    return SecurityProtocolType.convert(value)


SERVICE_POINT_STATICS = {
    "securityprotocol": _service_point_prop("securityprotocol", _security_protocol),
    "servercertificatevalidationcallback": _service_point_prop(
        "servercertificatevalidationcallback"),
    "expect100continue": _service_point_prop("expect100continue", to_bool),
    "defaultconnectionlimit": _service_point_prop("defaultconnectionlimit", int),
    "checkcertificaterevocationlist": _service_point_prop("checkcertificaterevocationlist",
                                                          to_bool),
}
