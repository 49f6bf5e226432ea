"""DateTime, TimeSpan and DateTimeOffset members.

DateTimeKind: an aware datetime whose zone is UTC is *Utc*, another aware one *Local*, a naive
one *Unspecified* (as ``dotnet_datetime_format`` prints them).  Conversions treat a naive value
as local time (what .NET does for Local, and for Unspecified in ToUniversalTime).
"""
from __future__ import annotations

import datetime as _dt
import math

from ...errors import DotNetException
from .. import numeric as N
from ..convert import to_str
from .common import a_double, a_int, a_long, arg_range, method, net_error, ps_type
from .enums import DateTimeKind, DayOfWeek
from .scalars import dotnet_format

TICKS_PER_SECOND = 10_000_000
TICKS_PER_DAY = 86_400 * TICKS_PER_SECOND
MIN_TICKS, MAX_TICKS = -(2 ** 63), 2 ** 63 - 1
EPOCH0 = _dt.datetime(1, 1, 1)
UTC = _dt.UTC
_FILETIME_EPOCH_TICKS = 504911232000000000      # 1601-01-01
_UNREPRESENTABLE = "The added or subtracted value results in an un-representable DateTime."
_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


# --- ticks -----------------------------------------------------------------------------------
def td_ticks(td: _dt.timedelta) -> int:
    return ((td.days * 86_400 + td.seconds) * 1_000_000 + td.microseconds) * 10


def ticks_td(ticks: int) -> _dt.timedelta:
    us = ticks // 10 if ticks >= 0 else -((-ticks) // 10)
    try:
        return _dt.timedelta(microseconds=us)
    except OverflowError:
        raise net_error("OverflowException",
                        "TimeSpan overflowed because the duration is too long.") from None


def dt_ticks(d: _dt.datetime) -> int:
    return td_ticks(d.replace(tzinfo=None) - EPOCH0)


def ticks_dt(ticks: int, param: str = "ticks") -> _dt.datetime:
    if ticks < 0 or ticks > dt_ticks(_dt.datetime.max) + 9:
        raise arg_range(param, "Ticks must be between DateTime.MinValue.Ticks and "
                        "DateTime.MaxValue.Ticks.")
    return EPOCH0 + _dt.timedelta(microseconds=ticks // 10)


def is_utc(d: _dt.datetime) -> bool:
    return d.tzinfo is not None and d.utcoffset() == _dt.timedelta(0) and (
        d.tzinfo is UTC or d.tzname() == "UTC")


def kind_of(d: _dt.datetime):
    if d.tzinfo is None:
        return DateTimeKind.enum_members["Unspecified"]
    return DateTimeKind.enum_members["Utc" if is_utc(d) else "Local"]


def to_utc(d: _dt.datetime) -> _dt.datetime:
    """ToUniversalTime(): naive values are local time."""
    if is_utc(d):
        return d
    try:
        return d.astimezone(UTC)
    except (OverflowError, ValueError, OSError):
        return d.replace(tzinfo=UTC)


def to_local(d: _dt.datetime) -> _dt.datetime:
    """ToLocalTime(): a naive (local) result; naive values are already local."""
    if d.tzinfo is None:
        return d
    try:
        return d.astimezone().replace(tzinfo=None)
    except (OverflowError, ValueError, OSError):
        return d.replace(tzinfo=None)


def _add(d: _dt.datetime, delta: _dt.timedelta, param: str = "value") -> _dt.datetime:
    try:
        return d + delta
    except OverflowError:
        raise arg_range(param, _UNREPRESENTABLE) from None


def _delta(**kw) -> _dt.timedelta:
    try:
        return _dt.timedelta(**kw)
    except OverflowError:
        raise arg_range("value", _UNREPRESENTABLE) from None


def add_months(d: _dt.datetime, months: int) -> _dt.datetime:
    if months < -120000 or months > 120000:
        raise arg_range("months", "Months value must be between +/-120000.")
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    if y < 1 or y > 9999:
        raise arg_range("months", _UNREPRESENTABLE)
    import calendar
    day = min(d.day, calendar.monthrange(y, m + 1)[1])
    return d.replace(year=y, month=m + 1, day=day)


# --- DateTime --------------------------------------------------------------------------------
def _adder(name: str, unit: str, conv=a_double):
    @method(name, 1)
    def add(d, value):
        return _add(d, _delta(**{unit: conv(value, "value")}))
    return add


@method("AddTicks", 1)
def d_addticks(d, value):
    return _add(d, ticks_td(a_long(value, "value")))


@method("AddMonths", 1)
def d_addmonths(d, months):
    return add_months(d, a_int(months, "months"))


@method("AddYears", 1)
def d_addyears(d, years):
    y = a_int(years, "years")
    if y < -10000 or y > 10000:
        raise arg_range("years", "Years value must be between +/-10000.")
    return add_months(d, y * 12)


def _timespan(v, pname: str = "value") -> _dt.timedelta:
    from .common import conv
    return conv(v, pname, "System.TimeSpan", ps_type("System.TimeSpan").convert)


@method("Add", 1)
def d_add(d, value):
    return _add(d, _timespan(value))


@method("Subtract", 1)
def d_subtract(d, value):
    if isinstance(value, _dt.datetime):
        return d.replace(tzinfo=None) - value.replace(tzinfo=None)
    if isinstance(value, str):
        try:
            other = ps_type("System.DateTime").convert(value)
        except DotNetException:
            other = None
        if other is not None:
            return d.replace(tzinfo=None) - other.replace(tzinfo=None)
    return _add(d, -_timespan(value))


@method("ToString", (0, 1, 2))
def d_tostring(d, fmt=None, provider=None):
    if fmt is not None and not isinstance(fmt, str):
        fmt = None
    if not fmt:
        return to_str(d)
    return dotnet_format(d, fmt)


@method("ToUniversalTime", 0)
def d_touniversaltime(d):
    return to_utc(d)


@method("ToLocalTime", 0)
def d_tolocaltime(d):
    return to_local(d)


def _hour12(h: int) -> int:
    return h % 12 or 12


@method("ToShortDateString", 0)
def d_toshortdatestring(d):
    return f"{d.month}/{d.day}/{d.year:04d}"


@method("ToLongDateString", 0)
def d_tolongdatestring(d):
    return f"{_DAYS[(d.weekday() + 1) % 7]}, {_MONTHS[d.month - 1]} {d.day}, {d.year:04d}"


@method("ToShortTimeString", 0)
def d_toshorttimestring(d):
    return f"{_hour12(d.hour)}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}"


@method("ToLongTimeString", 0)
def d_tolongtimestring(d):
    return f"{_hour12(d.hour)}:{d.minute:02d}:{d.second:02d} {'AM' if d.hour < 12 else 'PM'}"


def _filetime(ticks: int) -> int:
    ft = ticks - _FILETIME_EPOCH_TICKS
    if ft < 0:
        raise arg_range("fileTime", "Not a valid Win32 FileTime.")
    return N.Int64(ft)


@method("ToFileTime", 0)
def d_tofiletime(d):
    return _filetime(dt_ticks(to_utc(d)))


@method("ToFileTimeUtc", 0)
def d_tofiletimeutc(d):
    return _filetime(dt_ticks(to_utc(d) if d.tzinfo is not None else d))


@method("ToOADate", 0)
def d_tooadate(d):
    delta = d.replace(tzinfo=None) - _dt.datetime(1899, 12, 30)
    return delta.days + delta.seconds / 86400 + delta.microseconds / 86400e6


@method("ToBinary", 0)
def d_tobinary(d):
    v = dt_ticks(d) | (int(kind_of(d)) << 62)
    return N.Int64(v - (1 << 64) if v >= 1 << 63 else v)


def _naive(d: _dt.datetime) -> _dt.datetime:
    return d.replace(tzinfo=None)


@method("CompareTo", 1)
def d_compareto(d, other):
    if other is None:
        return 1
    o = _naive(ps_type("System.DateTime").convert(other))
    a = _naive(d)
    return (a > o) - (a < o)


@method("Equals", 1)
def d_equals(d, other):
    return isinstance(other, _dt.datetime) and _naive(d) == _naive(other)


@method("IsDaylightSavingTime", 0)
def d_isdaylightsavingtime(d):
    if d.tzinfo is not None:
        return False
    import time
    try:
        return bool(time.localtime(d.timestamp()).tm_isdst > 0)
    except (OverflowError, ValueError, OSError):
        return False


@method("GetHashCode", 0)
def d_gethashcode(d):
    t = dt_ticks(d)
    h = (t ^ (t >> 32)) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


DATETIME_METHODS = {
    "adddays": _adder("AddDays", "days"), "addhours": _adder("AddHours", "hours"),
    "addminutes": _adder("AddMinutes", "minutes"), "addseconds": _adder("AddSeconds", "seconds"),
    "addmilliseconds": _adder("AddMilliseconds", "milliseconds"),
    "addmicroseconds": _adder("AddMicroseconds", "microseconds"),
    "addticks": d_addticks, "addmonths": d_addmonths, "addyears": d_addyears, "add": d_add,
    "subtract": d_subtract, "tostring": d_tostring, "touniversaltime": d_touniversaltime,
    "tolocaltime": d_tolocaltime, "toshortdatestring": d_toshortdatestring,
    "tolongdatestring": d_tolongdatestring, "toshorttimestring": d_toshorttimestring,
    "tolongtimestring": d_tolongtimestring, "tofiletime": d_tofiletime,
    "tofiletimeutc": d_tofiletimeutc, "tooadate": d_tooadate, "tobinary": d_tobinary,
    "compareto": d_compareto, "equals": d_equals,
    "isdaylightsavingtime": d_isdaylightsavingtime, "gethashcode": d_gethashcode,
}


def day_of_week(d: _dt.date):
    return DayOfWeek.enum_class((d.weekday() + 1) % 7)


DATETIME_PROPERTIES = {
    "year": lambda d: d.year, "month": lambda d: d.month, "day": lambda d: d.day,
    "hour": lambda d: d.hour, "minute": lambda d: d.minute, "second": lambda d: d.second,
    "millisecond": lambda d: d.microsecond // 1000,
    "microsecond": lambda d: d.microsecond % 1000, "nanosecond": lambda d: 0,
    "ticks": lambda d: N.Int64(dt_ticks(d)), "dayofweek": day_of_week,
    "dayofyear": lambda d: d.timetuple().tm_yday,
    "date": lambda d: d.replace(hour=0, minute=0, second=0, microsecond=0),
    "timeofday": lambda d: _dt.timedelta(hours=d.hour, minutes=d.minute, seconds=d.second,
                                         microseconds=d.microsecond),
    "kind": kind_of,
}


# --- TimeSpan --------------------------------------------------------------------------------
def _checked(ticks: int) -> _dt.timedelta:
    if ticks < MIN_TICKS or ticks > MAX_TICKS:
        raise net_error("OverflowException",
                        "TimeSpan overflowed because the duration is too long.")
    return ticks_td(ticks)


def _component(td: _dt.timedelta, unit: int, modulo: int | None) -> int:
    t = td_ticks(td)
    a = abs(t) // unit
    if modulo:
        a %= modulo
    return -a if t < 0 else a


@method("Add", 1)
def t_add(td, other):
    return _checked(td_ticks(td) + td_ticks(_timespan(other, "ts")))


@method("Subtract", 1)
def t_subtract(td, other):
    return _checked(td_ticks(td) - td_ticks(_timespan(other, "ts")))


@method("Negate", 0)
def t_negate(td):
    if td_ticks(td) == MIN_TICKS:
        raise net_error("OverflowException", "Negating the minimum value of a twos complement "
                        "number is invalid.")
    return -td


@method("Duration", 0)
def t_duration(td):
    return abs(td)


@method("Multiply", 1)
def t_multiply(td, factor):
    f = a_double(factor, "factor")
    if math.isnan(f):
        raise net_error("ArgumentException", "TimeSpan does not accept floating point Not-a-"
                        "Number values.", "factor")
    return _checked(round(td_ticks(td) * f))


@method("Divide", 1)
def t_divide(td, divisor):
    if isinstance(divisor, _dt.timedelta):
        return td_ticks(td) / td_ticks(divisor) if td_ticks(divisor) else float("nan")
    f = a_double(divisor, "divisor")
    if f == 0:
        raise net_error("OverflowException",
                        "TimeSpan overflowed because the duration is too long.")
    return _checked(round(td_ticks(td) / f))


@method("ToString", (0, 1, 2))
def t_tostring(td, fmt=None, provider=None):
    if fmt is not None and not isinstance(fmt, str):
        fmt = None
    if not fmt:
        return to_str(td)
    return dotnet_format(td, fmt)


@method("CompareTo", 1)
def t_compareto(td, other):
    if other is None:
        return 1
    o = _timespan(other)
    return (td > o) - (td < o)


@method("Equals", 1)
def t_equals(td, other):
    return isinstance(other, _dt.timedelta) and td == other


@method("GetHashCode", 0)
def t_gethashcode(td):
    t = td_ticks(td)
    h = (t ^ (t >> 32)) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


TIMESPAN_METHODS = {
    "add": t_add, "subtract": t_subtract, "negate": t_negate, "duration": t_duration,
    "multiply": t_multiply, "divide": t_divide, "tostring": t_tostring,
    "compareto": t_compareto, "equals": t_equals, "gethashcode": t_gethashcode,
}
TIMESPAN_PROPERTIES = {
    "days": lambda t: _component(t, TICKS_PER_DAY, None),
    "hours": lambda t: _component(t, 3600 * TICKS_PER_SECOND, 24),
    "minutes": lambda t: _component(t, 60 * TICKS_PER_SECOND, 60),
    "seconds": lambda t: _component(t, TICKS_PER_SECOND, 60),
    "milliseconds": lambda t: _component(t, 10_000, 1000),
    "microseconds": lambda t: _component(t, 10, 1000),
    "nanoseconds": lambda t: _component(t, 1, 10) * 100,
    "ticks": lambda t: N.Int64(td_ticks(t)),
    "totaldays": lambda t: td_ticks(t) / TICKS_PER_DAY,
    "totalhours": lambda t: td_ticks(t) / (3600 * TICKS_PER_SECOND),
    "totalminutes": lambda t: td_ticks(t) / (60 * TICKS_PER_SECOND),
    "totalseconds": lambda t: td_ticks(t) / TICKS_PER_SECOND,
    "totalmilliseconds": lambda t: td_ticks(t) / 10_000,
    "totalmicroseconds": lambda t: td_ticks(t) / 10,
    "totalnanoseconds": lambda t: float(td_ticks(t) * 100),
}


# --- DateTimeOffset --------------------------------------------------------------------------
def offset_zone(offset: _dt.timedelta) -> _dt.timezone:
    total = int(offset.total_seconds()) // 60
    sign = "-" if total < 0 else "+"
    name = f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
    return _dt.timezone(offset, name)


def local_offset(d: _dt.datetime) -> _dt.timedelta:
    try:
        return d.astimezone().utcoffset() or _dt.timedelta(0)
    except (OverflowError, ValueError, OSError):
        return _dt.datetime.now().astimezone().utcoffset() or _dt.timedelta(0)


class DateTimeOffset:
    """System.DateTimeOffset: a wall-clock time with its UTC offset (``dt`` is aware)."""

    __slots__ = ("dt",)
    dotnet_fullname = "System.DateTimeOffset"
    dotnet_class = True

    def __init__(self, d: _dt.datetime, offset: _dt.timedelta | None = None) -> None:
        if offset is None:
            if d.tzinfo is None:
                offset = local_offset(d)
            else:
                offset = d.utcoffset() or _dt.timedelta(0)
                d = d.replace(tzinfo=None)
        elif d.tzinfo is not None:
            d = d.replace(tzinfo=None)
        if offset.total_seconds() % 60 or abs(offset) > _dt.timedelta(hours=14):
            raise arg_range("offset", "Offset must be within plus or minus 14 hours.")
        self.dt = d.replace(tzinfo=offset_zone(offset))

    @classmethod
    def from_utc(cls, d: _dt.datetime, offset: _dt.timedelta | None = None) -> DateTimeOffset:
        return cls((d.replace(tzinfo=UTC)).astimezone(offset_zone(offset or _dt.timedelta(0))))

    # comparisons use the UTC instant, as .NET does
    def __eq__(self, other) -> bool:
        return isinstance(other, DateTimeOffset) and self.dt == other.dt

    def __lt__(self, other) -> bool:
        return self.dt < _dto(other).dt

    def __le__(self, other) -> bool:
        return self.dt <= _dto(other).dt

    def __gt__(self, other) -> bool:
        return self.dt > _dto(other).dt

    def __ge__(self, other) -> bool:
        return self.dt >= _dto(other).dt

    def __hash__(self) -> int:
        return hash(self.dt)

    def __repr__(self) -> str:
        return f"DateTimeOffset({self.ToString()!r})"

    def __str__(self) -> str:
        return self.ToString()

    @property
    def DateTime(self) -> _dt.datetime:
        return self.dt.replace(tzinfo=None)

    @property
    def UtcDateTime(self) -> _dt.datetime:
        return self.dt.astimezone(UTC)

    @property
    def LocalDateTime(self) -> _dt.datetime:
        return to_local(self.dt)

    @property
    def Offset(self) -> _dt.timedelta:
        return self.dt.utcoffset()

    @property
    def TotalOffsetMinutes(self) -> int:
        return int(self.Offset.total_seconds()) // 60

    @property
    def Year(self) -> int:
        return self.dt.year

    @property
    def Month(self) -> int:
        return self.dt.month

    @property
    def Day(self) -> int:
        return self.dt.day

    @property
    def Hour(self) -> int:
        return self.dt.hour

    @property
    def Minute(self) -> int:
        return self.dt.minute

    @property
    def Second(self) -> int:
        return self.dt.second

    @property
    def Millisecond(self) -> int:
        return self.dt.microsecond // 1000

    @property
    def Ticks(self) -> int:
        return N.Int64(dt_ticks(self.dt))

    @property
    def UtcTicks(self) -> int:
        return N.Int64(dt_ticks(self.dt.astimezone(UTC)))

    @property
    def DayOfWeek(self):
        return day_of_week(self.dt)

    @property
    def DayOfYear(self) -> int:
        return self.dt.timetuple().tm_yday

    @property
    def Date(self) -> _dt.datetime:
        return self.DateTime.replace(hour=0, minute=0, second=0, microsecond=0)

    @property
    def TimeOfDay(self) -> _dt.timedelta:
        return DATETIME_PROPERTIES["timeofday"](self.dt)

    def ToUnixTimeSeconds(self) -> int:
        return N.Int64(td_ticks(self.dt - _dt.datetime(1970, 1, 1, tzinfo=UTC))
                       // TICKS_PER_SECOND)

    def ToUnixTimeMilliseconds(self) -> int:
        return N.Int64(td_ticks(self.dt - _dt.datetime(1970, 1, 1, tzinfo=UTC)) // 10_000)

    def ToString(self, fmt=None, provider=None) -> str:
        if fmt is not None and not isinstance(fmt, str):
            fmt = None
        if fmt in ("o", "O"):
            return dotnet_format(self.DateTime, "yyyy-MM-ddTHH:mm:ss.fffffff") + \
                self.dt.tzname()
        if fmt in ("r", "R", "u"):
            return dotnet_format(self.dt.astimezone(UTC), fmt)
        return dotnet_format(self.dt, fmt or "MM/dd/yyyy HH:mm:ss zzz")

    def ToUniversalTime(self) -> DateTimeOffset:
        return DateTimeOffset(self.dt.astimezone(UTC).replace(tzinfo=None), _dt.timedelta(0))

    def ToLocalTime(self) -> DateTimeOffset:
        return DateTimeOffset(to_local(self.dt))

    def ToOffset(self, offset) -> DateTimeOffset:
        return DateTimeOffset.from_utc(self.dt.astimezone(UTC).replace(tzinfo=None),
                                       _timespan(offset, "offset"))

    def _shift(self, delta: _dt.timedelta) -> DateTimeOffset:
        return DateTimeOffset(_add(self.DateTime, delta), self.Offset)

    def AddDays(self, v) -> DateTimeOffset:
        return self._shift(_delta(days=a_double(v)))

    def AddHours(self, v) -> DateTimeOffset:
        return self._shift(_delta(hours=a_double(v)))

    def AddMinutes(self, v) -> DateTimeOffset:
        return self._shift(_delta(minutes=a_double(v)))

    def AddSeconds(self, v) -> DateTimeOffset:
        return self._shift(_delta(seconds=a_double(v)))

    def AddMilliseconds(self, v) -> DateTimeOffset:
        return self._shift(_delta(milliseconds=a_double(v)))

    def AddTicks(self, v) -> DateTimeOffset:
        return self._shift(ticks_td(a_long(v)))

    def AddMonths(self, v) -> DateTimeOffset:
        return DateTimeOffset(add_months(self.DateTime, a_int(v, "months")), self.Offset)

    def AddYears(self, v) -> DateTimeOffset:
        return DateTimeOffset(add_months(self.DateTime, 12 * a_int(v, "years")), self.Offset)

    def Add(self, ts) -> DateTimeOffset:
        return self._shift(_timespan(ts))

    def Subtract(self, other):
        if isinstance(other, (DateTimeOffset, _dt.datetime)):
            return self.dt - _dto(other).dt
        return self._shift(-_timespan(other))

    def CompareTo(self, other) -> int:
        o = _dto(other)
        return (self.dt > o.dt) - (self.dt < o.dt)

    def Equals(self, other) -> bool:
        return isinstance(other, DateTimeOffset) and self.dt == other.dt

    def EqualsExact(self, other) -> bool:
        return self.Equals(other) and self.Offset == other.Offset

    def ToFileTime(self) -> int:
        return _filetime(dt_ticks(self.dt.astimezone(UTC)))


def _dto(v) -> DateTimeOffset:
    if isinstance(v, DateTimeOffset):
        return v
    if isinstance(v, _dt.datetime):
        return DateTimeOffset(v)
    if isinstance(v, str):
        return parse_dto(v)
    raise net_error("ArgumentException", "Object must be of type DateTimeOffset.")


def parse_dto(s: str) -> DateTimeOffset:
    text = s.strip()
    iso = text[:-1] + "+00:00" if text.endswith("Z") else text
    try:
        d = _dt.datetime.fromisoformat(iso)
    except ValueError:
        import re
        m = re.fullmatch(r"(.*?)\s*([+-]\d{1,2}):?(\d{2})", text)
        if m:
            from ..types import parse_datetime
            base = parse_datetime(m.group(1))
            if base is not None:
                sign = -1 if m.group(2).startswith("-") else 1
                off = _dt.timedelta(hours=abs(int(m.group(2))), minutes=int(m.group(3)))
                return DateTimeOffset(base, sign * off)
        from ..types import parse_datetime
        d = parse_datetime(text)
        if d is None:
            raise net_error("FormatException", f"String '{s}' was not recognized as a valid "
                            "DateTime.") from None
    return DateTimeOffset(d)
