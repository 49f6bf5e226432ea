"""[datetime], [timespan], [guid], [DateTimeOffset], [Environment] and [Console]."""
from __future__ import annotations

import datetime as _dt
import math
import os
import re
import sys
import uuid

from .. import numeric as N
from ..convert import to_str
from ..types import StaticProperty
from .common import (
    a_double,
    a_int,
    a_long,
    a_str,
    arg_null,
    arg_range,
    format_error,
    net_error,
    ps_type,
    static,
    to_bytes,
)
from .dates import (
    TICKS_PER_DAY,
    TICKS_PER_SECOND,
    UTC,
    DateTimeOffset,
    _dto,
    parse_dto,
    ticks_dt,
    ticks_td,
    to_utc,
)
from .enums import DateTimeKind
from .statics_numbers import const, try_parse


class SettableStaticProperty(StaticProperty):
    """A static property that scripts may assign (``[Console]::ForegroundColor = 'Red'``)."""
    __slots__ = ("setter",)

    def __init__(self, getter, setter) -> None:
        super().__init__(getter)
        self.setter = setter


# --- DateTime --------------------------------------------------------------------------------
def _bad_date(s) -> Exception:
    return format_error(f"String '{s}' was not recognized as a valid DateTime.")


def parse_datetime_strict(s) -> _dt.datetime:
    if s is None:
        raise arg_null("s")
    from ..types import parse_datetime
    text = a_str(s, "s")
    d = parse_datetime(text)
    if d is None:
        raise _bad_date(text)
    return d


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_DAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
_STANDARD = {
    "d": "MM/dd/yyyy", "D": "dddd, dd MMMM yyyy", "f": "dddd, dd MMMM yyyy HH:mm",
    "F": "dddd, dd MMMM yyyy HH:mm:ss", "g": "MM/dd/yyyy HH:mm", "G": "MM/dd/yyyy HH:mm:ss",
    "m": "MMMM dd", "M": "MMMM dd", "t": "HH:mm", "T": "HH:mm:ss", "y": "yyyy MMMM",
    "Y": "yyyy MMMM", "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    "O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'", "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    "R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
}
_NAMES = {"MMM": "|".join(m[:3] for m in _MONTHS), "MMMM": "|".join(_MONTHS),
          "ddd": "|".join(d[:3] for d in _DAYS), "dddd": "|".join(_DAYS)}


def _format_regex(fmt: str, inner_ws: bool) -> str:
    """A .NET custom date format as a regex with named groups."""
    if len(fmt) == 1:
        if fmt not in _STANDARD:
            raise format_error("Input string was not in a correct format.")
        fmt = _STANDARD[fmt]
    out, i, n = [], 0, len(fmt)
    used: set[str] = set()

    def group(name: str, rx: str) -> str:
        if name in used:
            return f"(?:{rx})"
        used.add(name)
        return f"(?P<{name}>{rx})"
    while i < n:
        c = fmt[i]
        j = i
        while j < n and fmt[j] == c:
            j += 1
        k = j - i
        if c == "y":
            out.append(group("y2" if k <= 2 else "y", r"\d{1,2}" if k <= 2 else
                             (rf"\d{{{k},4}}" if k < 4 else rf"\d{{{k}}}")))
        elif c == "M":
            out.append(group("M", r"\d{1,2}" if k == 1 else r"\d{2}") if k <= 2 else
                       group("Mn", _NAMES["MMM" if k == 3 else "MMMM"]))
        elif c == "d":
            out.append(group("d", r"\d{1,2}" if k == 1 else r"\d{2}") if k <= 2 else
                       group("dn", _NAMES["ddd" if k == 3 else "dddd"]))
        elif c in "hHms":
            out.append(group(c, r"\d{1,2}" if k == 1 else r"\d{2}"))
        elif c == "f":
            out.append(group("f", rf"\d{{{k}}}"))
        elif c == "F":
            out.append(group("f", rf"\d{{0,{k}}}"))
        elif c == "t":
            out.append(group("t", "[AP]" if k == 1 else "[AP]M"))
        elif c == "z":
            out.append(group("z", [r"[+-]\d{1,2}", r"[+-]\d{2}", r"[+-]\d{2}:?\d{2}"][min(k, 3)
                                                                                     - 1]))
        elif c == "K":
            out.append(group("z", r"Z|[+-]\d{2}:?\d{2}|"))
            j = i + 1
        elif c in "'\"":
            end = fmt.find(c, i + 1)
            if end < 0:
                raise format_error(f"Cannot find a matching quote character for the character "
                                   f"'{c}'.")
            out.append(re.escape(fmt[i + 1:end]))
            j = end + 1
        elif c == "\\" and i + 1 < n:
            out.append(re.escape(fmt[i + 1]))
            j = i + 2
        elif c == "%" and i + 1 < n:
            j = i + 1
        elif c.isspace() and inner_ws:
            out.append(r"\s*")
        else:
            out.append(re.escape(fmt[i:j]))
        i = j
    return "".join(out)


def _styles(v) -> int:
    if v is None:
        return 0
    from .enums import DateTimeStyles
    return int(DateTimeStyles.convert(v))


def parse_exact_one(text: str, fmt: str, styles: int) -> _dt.datetime | None:
    rx = _format_regex(fmt, bool(styles & 4))
    body = text
    if styles & 1:
        body = body.lstrip()
    if styles & 2:
        body = body.rstrip()
    m = re.fullmatch(rx, body, re.IGNORECASE)
    if not m:
        return None
    g = m.groupdict()
    today = _dt.date.today()
    has_date = any(g.get(k) for k in ("y", "y2", "M", "Mn", "d"))
    year = int(g["y"]) if g.get("y") else None
    if year is None and g.get("y2"):
        y2 = int(g["y2"])
        year = 2000 + y2 if y2 <= 49 else 1900 + y2
    month = int(g["M"]) if g.get("M") else (
        [x[:len(g["Mn"])] for x in _MONTHS].index(g["Mn"].lower()) + 1
        if g.get("Mn") and len(g["Mn"]) == 3 else
        (_MONTHS.index(g["Mn"].lower()) + 1 if g.get("Mn") else None))
    day = int(g["d"]) if g.get("d") else None
    if not has_date:
        year, month, day = (1, 1, 1) if styles & 8 else (today.year, today.month, today.day)
    hour = int(g["H"]) if g.get("H") else 0
    if g.get("h"):
        hour = int(g["h"]) % 12
        if hour > 11:
            return None
    if g.get("t") and g["t"].upper().startswith("P"):
        hour = hour % 12 + 12
    elif g.get("t") and g.get("H") and hour > 12:
        return None
    frac = (g.get("f") or "").ljust(7, "0")[:7]
    try:
        d = _dt.datetime(year or today.year, month or 1, day or 1, hour,
                         int(g.get("m") or 0), int(g.get("s") or 0), int(frac) // 10)
    except ValueError:
        return None
    if g.get("dn"):
        name = g["dn"].lower()
        idx = [x[:len(name)] for x in _DAYS].index(name) if len(name) == 3 else \
            _DAYS.index(name)
        if (d.weekday() + 1) % 7 != idx:
            return None
    return _apply_zone(d, g.get("z"), styles)


def _apply_zone(d: _dt.datetime, zone: str | None, styles: int) -> _dt.datetime:
    if zone:
        if zone.upper() == "Z":
            off = _dt.timedelta(0)
        else:
            digits = zone[1:].replace(":", "")
            hh, mm = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
            off = _dt.timedelta(hours=int(hh), minutes=int(mm)) * (-1 if zone[0] == "-" else 1)
        utc = (d - off).replace(tzinfo=UTC)
    elif styles & 64:                       # AssumeUniversal
        utc = d.replace(tzinfo=UTC)
    else:
        return to_utc(d) if styles & 16 else d
    if styles & 16 or (styles & 128 and zone and zone.upper() == "Z"):
        return utc
    return utc.astimezone().replace(tzinfo=None)


def parse_exact(s, formats, provider=None, styles=None) -> _dt.datetime:
    if s is None:
        raise arg_null("s")
    if formats is None:
        raise arg_null("format")
    text = a_str(s, "s")
    st = _styles(styles)
    for f in (formats if isinstance(formats, list) else [formats]):
        d = parse_exact_one(text, a_str(f, "format"), st)
        if d is not None:
            return d
    raise _bad_date(text)


def _datetime_new(*args):
    """DateTime(ticks[, kind]) / (y, m, d[, h, mi, s[, ms]][, kind])."""
    from .common import is_enum
    rest = list(args)
    kind = None
    last = rest[-1] if rest else None
    if len(rest) in (2, 4, 7, 8) and (is_enum(last, "System.DateTimeKind") or (
            isinstance(last, str) and not last.strip().lstrip("+-").isdigit())):
        kind = rest.pop()
    if len(rest) == 1:
        d = ticks_dt(a_long(rest[0], "ticks"))
        return d if kind is None else _specify(d, kind)
    if len(rest) not in (3, 6, 7):
        from .common import overload_error
        raise overload_error("new", len(args))
    v = [a_int(x, "value") for x in rest]
    if not (1 <= v[0] <= 9999 and 1 <= v[1] <= 12 and 1 <= v[2] <= 31):
        raise arg_range(None, "Year, Month, and Day parameters describe an un-representable "
                        "DateTime.")
    if len(v) > 3 and not (0 <= v[3] < 24 and 0 <= v[4] < 60 and 0 <= v[5] < 60):
        raise arg_range(None, "Hour, Minute, and Second parameters describe an "
                        "un-representable DateTime.")
    ms = v[6] if len(v) > 6 else 0
    if not 0 <= ms < 1000:
        raise arg_range("millisecond", "Valid values are between 0 and 999, inclusive.")
    try:
        d = _dt.datetime(v[0], v[1], v[2], *(v[3:6] or [0, 0, 0]), ms * 1000)
    except ValueError:
        raise arg_range(None, "Year, Month, and Day parameters describe an un-representable "
                        "DateTime.") from None
    return d if kind is None else _specify(d, kind)


def _specify(d, kind):
    k = int(DateTimeKind.convert(kind))
    naive = d.replace(tzinfo=None)
    if k == 1:
        return naive.replace(tzinfo=UTC)
    if k == 2:
        from .dates import local_offset, offset_zone
        return naive.replace(tzinfo=offset_zone(local_offset(naive)))
    return naive


def _from_filetime(ft, utc: bool):
    t = a_long(ft, "fileTime")
    if t < 0:
        raise arg_range("fileTime", "Not a valid Win32 FileTime.")
    d = ticks_dt(t + 504911232000000000).replace(tzinfo=UTC)
    return d if utc else d.astimezone().replace(tzinfo=None)


def _days_in_month(y, m):
    import calendar
    year, month = a_int(y, "year"), a_int(m, "month")
    if not 1 <= month <= 12:
        raise arg_range("month", "Month must be between one and twelve.")
    if not 1 <= year <= 9999:
        raise arg_range("year", "Year must be between 1 and 9999.")
    return calendar.monthrange(year, month)[1]


def _naive_cmp(a, b):
    x = ps_type("System.DateTime").convert(a).replace(tzinfo=None)
    y = ps_type("System.DateTime").convert(b).replace(tzinfo=None)
    return (x > y) - (x < y)


DATETIME_STATICS = {
    "now": StaticProperty(lambda: _dt.datetime.now()),
    "utcnow": StaticProperty(lambda: _dt.datetime.now(UTC)),
    "today": StaticProperty(lambda: _dt.datetime.combine(_dt.date.today(), _dt.time())),
    "minvalue": const(_dt.datetime(1, 1, 1)), "maxvalue": const(_dt.datetime.max),
    "unixepoch": const(_dt.datetime(1970, 1, 1, tzinfo=UTC)),
    "parse": static("Parse", (1, 2, 3))(lambda s, *r: parse_datetime_strict(s)),
    "tryparse": static("TryParse", (2, 4))(
        lambda *a: try_parse(lambda s, *r: parse_datetime_strict(s), a,
                             _dt.datetime(1, 1, 1))),
    "parseexact": static("ParseExact", (3, 4))(parse_exact),
    "tryparseexact": static("TryParseExact", 5)(
        lambda *a: try_parse(parse_exact, a, _dt.datetime(1, 1, 1))),
    "daysinmonth": static("DaysInMonth", 2)(_days_in_month),
    "isleapyear": static("IsLeapYear", 1)(
        lambda y: __import__("calendar").isleap(a_int(y, "year"))),
    "specifykind": static("SpecifyKind", 2)(_specify),
    "fromfiletime": static("FromFileTime", 1)(lambda t: _from_filetime(t, False)),
    "fromfiletimeutc": static("FromFileTimeUtc", 1)(lambda t: _from_filetime(t, True)),
    "fromoadate": static("FromOADate", 1)(
        lambda d: _dt.datetime(1899, 12, 30) + _dt.timedelta(days=a_double(d, "d"))),
    "compare": static("Compare", 2)(_naive_cmp),
    "equals": static("Equals", 2)(lambda a, b: _naive_cmp(a, b) == 0),
    "new": static(".ctor", (1, 2, 3, 4, 6, 7, 8))(_datetime_new),
}


# --- TimeSpan ----------------------------------------------------------------------------------------
_TS_RE = re.compile(r"\s*(-)?(?:(\d+)\.)?(\d+):(\d+)(?::(\d+))?(?:\.(\d+))?\s*")
_TS_DAYS_RE = re.compile(r"\s*(-)?(\d+):(\d+):(\d+):(\d+)(?:\.(\d+))?\s*")


def parse_timespan(s) -> _dt.timedelta:
    if s is None:
        raise arg_null("input")
    text = a_str(s, "input")
    m = re.fullmatch(r"\s*(-)?(\d+)\s*", text)
    if m:
        days = int(m.group(2))
        if days > 10675199:
            raise _ts_overflow(text)
        return _dt.timedelta(days=-days if m.group(1) else days)
    m = _TS_DAYS_RE.fullmatch(text) or _TS_RE.fullmatch(text)
    if not m or (m.re is _TS_RE and m.group(6) and not m.group(5)):
        raise format_error(f"String '{text}' was not recognized as a valid TimeSpan.")
    sign, d, h, mi, sec, frac = m.groups()
    if int(h) > 23 or int(mi) > 59 or (sec and int(sec) > 59) or (frac and len(frac) > 7):
        raise _ts_overflow(text)
    ticks = ((int(d or 0) * 24 + int(h)) * 60 + int(mi)) * 60 + int(sec or 0)
    ticks = ticks * TICKS_PER_SECOND + int((frac or "0").ljust(7, "0"))
    return ticks_td(-ticks if sign else ticks)


def _ts_overflow(text: str) -> Exception:
    return net_error("OverflowException", f"The TimeSpan string '{text}' could not be parsed "
                     "because at least one of the numeric components is out of range or "
                     "contains too many digits.")


def _from_unit(name: str, ticks_per: int):
    def make(v):
        x = a_double(v, "value")
        if math.isnan(x):
            raise net_error("ArgumentException", "TimeSpan does not accept floating point "
                            "Not-a-Number values.")
        t = round(x * ticks_per)
        if abs(t) > 2 ** 63 - 1:
            raise net_error("OverflowException",
                            "TimeSpan overflowed because the duration is too long.")
        return ticks_td(t)
    return static(name, 1)(make)


def _timespan_new(*args):
    v = [a_long(x, "value") for x in args]
    if len(v) == 1:
        return ticks_td(v[0])
    if len(v) == 3:
        v = [0, *v]
    d, h, m, s = v[:4]
    ms = v[4] if len(v) > 4 else 0
    us = v[5] if len(v) > 5 else 0
    ticks = ((((d * 24 + h) * 60 + m) * 60 + s) * 1000 + ms) * 10_000 + us * 10
    if abs(ticks) > 2 ** 63 - 1:
        raise arg_range(None, "TimeSpan overflowed because the duration is too long.")
    return ticks_td(ticks)


TIMESPAN_STATICS = {
    "zero": const(_dt.timedelta(0)),
    "maxvalue": const(ticks_td(2 ** 63 - 1)), "minvalue": const(ticks_td(-(2 ** 63))),
    "tickspermillisecond": const(N.Int64(10_000)),
    "tickspersecond": const(N.Int64(TICKS_PER_SECOND)),
    "ticksperminute": const(N.Int64(60 * TICKS_PER_SECOND)),
    "ticksperhour": const(N.Int64(3600 * TICKS_PER_SECOND)),
    "ticksperday": const(N.Int64(TICKS_PER_DAY)),
    "fromdays": _from_unit("FromDays", TICKS_PER_DAY),
    "fromhours": _from_unit("FromHours", 3600 * TICKS_PER_SECOND),
    "fromminutes": _from_unit("FromMinutes", 60 * TICKS_PER_SECOND),
    "fromseconds": _from_unit("FromSeconds", TICKS_PER_SECOND),
    "frommilliseconds": _from_unit("FromMilliseconds", 10_000),
    "frommicroseconds": _from_unit("FromMicroseconds", 10),
    "fromticks": static("FromTicks", 1)(lambda t: ticks_td(a_long(t, "value"))),
    "parse": static("Parse", (1, 2))(lambda s, *r: parse_timespan(s)),
    "tryparse": static("TryParse", (2, 3))(
        lambda *a: try_parse(lambda s, *r: parse_timespan(s), a, _dt.timedelta(0))),
    "compare": static("Compare", 2)(
        lambda a, b: (ps_type("System.TimeSpan").convert(a) > ps_type(
            "System.TimeSpan").convert(b)) - (ps_type("System.TimeSpan").convert(
                a) < ps_type("System.TimeSpan").convert(b))),
    "new": static(".ctor", (0, 1, 3, 4, 5, 6))(
        lambda *a: _timespan_new(*a) if a else _dt.timedelta(0)),
}


# --- Guid ----------------------------------------------------------------------------------------
_GUID_RE = re.compile(r"[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                      r"[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def parse_guid(s) -> uuid.UUID:
    if s is None:
        raise arg_null("input")
    text = a_str(s, "input").strip()
    inner = text[1:-1] if text[:1] + text[-1:] in ("{}", "()") else text
    if not _GUID_RE.fullmatch(inner) or (inner is not text and "-" not in inner):
        raise format_error("Unrecognized Guid format.")
    return uuid.UUID(inner)


def _guid_new(value=None):
    if value is None:
        return uuid.UUID(int=0)
    if isinstance(value, list):
        b = to_bytes(value, "b")
        if len(b) != 16:
            raise net_error("ArgumentException", "Byte array for Guid must be exactly 16 bytes "
                            "long.", "b")
        return uuid.UUID(bytes_le=b)
    return parse_guid(value)


GUID_STATICS = {
    "newguid": static("NewGuid", 0)(uuid.uuid4),
    "empty": const(uuid.UUID(int=0)),
    "parse": static("Parse", (1, 2))(lambda s, *r: parse_guid(s)),
    "parseexact": static("ParseExact", 2)(lambda s, f: parse_guid(s)),
    "tryparse": static("TryParse", (2, 3))(
        lambda *a: try_parse(lambda s, *r: parse_guid(s), a, uuid.UUID(int=0))),
    "new": static(".ctor", (0, 1))(_guid_new),
}


# --- DateTimeOffset ----------------------------------------------------------------------------------
def _dto_new(*args):
    if len(args) == 1:
        return _dto(args[0]) if not isinstance(args[0], int) else DateTimeOffset(
            ticks_dt(a_long(args[0])), _dt.timedelta(0))
    if len(args) == 2:
        off = ps_type("System.TimeSpan").convert(args[1])
        if isinstance(args[0], int):
            return DateTimeOffset(ticks_dt(a_long(args[0])), off)
        d = ps_type("System.DateTime").convert(args[0])
        return DateTimeOffset(d.replace(tzinfo=None), off)
    off = ps_type("System.TimeSpan").convert(args[-1])
    return DateTimeOffset(_datetime_new(*args[:-1]), off)


def _from_unix(v, scale: int, pname: str, lo: int, hi: int):
    n = a_long(v, pname)
    if not lo <= n <= hi:
        raise arg_range(pname, f"Valid values are between {lo} and {hi}, inclusive.")
    return DateTimeOffset(_dt.datetime(1970, 1, 1) + _dt.timedelta(microseconds=n * scale),
                          _dt.timedelta(0))


def _dto_convert(v):
    if v is None or isinstance(v, DateTimeOffset):
        return v
    return _dto(v)


DTO_STATICS = {
    "now": StaticProperty(lambda: DateTimeOffset(_dt.datetime.now())),
    "utcnow": StaticProperty(lambda: DateTimeOffset(_dt.datetime.now(UTC).replace(tzinfo=None),
                                                       _dt.timedelta(0))),
    "minvalue": const(DateTimeOffset(_dt.datetime(1, 1, 1), _dt.timedelta(0))),
    "maxvalue": const(DateTimeOffset(_dt.datetime.max, _dt.timedelta(0))),
    "unixepoch": const(DateTimeOffset(_dt.datetime(1970, 1, 1), _dt.timedelta(0))),
    "fromunixtimeseconds": static("FromUnixTimeSeconds", 1)(
        lambda v: _from_unix(v, 1_000_000, "seconds", -62135596800, 253402300799)),
    "fromunixtimemilliseconds": static("FromUnixTimeMilliseconds", 1)(
        lambda v: _from_unix(v, 1000, "milliseconds", -62135596800000, 253402300799999)),
    "parse": static("Parse", (1, 2, 3))(lambda s, *r: parse_dto(a_str(s, "input"))),
    "tryparse": static("TryParse", (2, 4))(
        lambda *a: try_parse(lambda s, *r: parse_dto(a_str(s, "input")), a, None)),
    "fromfiletime": static("FromFileTime", 1)(
        lambda t: DateTimeOffset(_from_filetime(t, False))),
    "new": static(".ctor", (1, 2, 7, 8))(_dto_new),
}


# --- Environment ---------------------------------------------------------------------------------
def _home() -> str:
    return os.path.expanduser("~")


def _xdg(var: str, default: str) -> str:
    return os.environ.get(var) or os.path.join(_home(), default)


_FOLDERS = {
    "userprofile": _home, "personal": _home, "mydocuments": _home,
    "applicationdata": lambda: _xdg("XDG_CONFIG_HOME", ".config"),
    "localapplicationdata": lambda: _xdg("XDG_DATA_HOME", ".local/share"),
    "desktop": lambda: os.path.join(_home(), "Desktop"),
    "desktopdirectory": lambda: os.path.join(_home(), "Desktop"),
    "mymusic": lambda: os.path.join(_home(), "Music"),
    "myvideos": lambda: os.path.join(_home(), "Videos"),
    "mypictures": lambda: os.path.join(_home(), "Pictures"),
    "templates": lambda: os.path.join(_home(), "Templates"),
    "fonts": lambda: os.path.join(_home(), ".fonts"),
    "commonapplicationdata": lambda: "/usr/share",
    "commontemplates": lambda: "/usr/share/templates",
}


def _folder_path(folder, option=None) -> str:
    from .enums import SpecialFolder
    v = SpecialFolder.convert(folder)
    return _FOLDERS.get(SpecialFolder.name_of(v).lower(), lambda: "")()


def _get_env(name, target=None):
    if name is None:
        raise arg_null("variable")
    return os.environ.get(a_str(name, "variable"))


def _set_env(name, value, target=None):
    if name is None:
        raise arg_null("variable")
    key = a_str(name, "variable")
    if not key or "=" in key or "\x00" in key:
        raise net_error("ArgumentException", "Environment variable name or value is too long "
                        "or contains invalid characters.", "variable")
    if value is None or to_str(value) == "":
        os.environ.pop(key, None)
    else:
        os.environ[key] = to_str(value)


def _get_envs(target=None):
    from ..values import Hashtable
    return Hashtable(dict(os.environ).items())


def _expand_env(s):
    if s is None:
        raise arg_null("name")
    return re.sub(r"%([^%]+)%", lambda m: os.environ.get(m.group(1), m.group(0)), a_str(s))


class OperatingSystem:
    dotnet_class = True
    dotnet_fullname = "System.OperatingSystem"
    ps_properties = ("Platform", "ServicePack", "Version", "VersionString")
    __slots__ = ()

    @property
    def Platform(self) -> str:
        return "Unix" if os.name == "posix" else "Win32NT"

    @property
    def ServicePack(self) -> str:
        return ""

    @property
    def Version(self):
        import platform

        from .statics_uri import Version
        nums = [int(x) for x in re.findall(r"\d+", platform.release())[:3]] or [0, 0]
        while len(nums) < 4:
            nums.append(0)
        return Version(*nums)

    @property
    def VersionString(self) -> str:
        return f"{self.Platform} {self.Version.ToString()}"

    def ToString(self) -> str:
        return self.VersionString


def _tick_count() -> int:
    import time
    ms = int(time.monotonic() * 1000)
    return ((ms + 2 ** 31) % 2 ** 32) - 2 ** 31


def _machine() -> str:
    import socket
    return socket.gethostname().split(".")[0]


def _user() -> str:
    import getpass
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "")


def _set_cwd(v) -> None:
    os.chdir(a_str(v, "value"))


ENVIRONMENT_STATICS = {
    "newline": const("\n"),
    "machinename": StaticProperty(_machine),
    "username": StaticProperty(_user),
    "userdomainname": StaticProperty(_machine),
    "osversion": StaticProperty(OperatingSystem),
    "processorcount": StaticProperty(lambda: os.cpu_count() or 1),
    "currentdirectory": SettableStaticProperty(os.getcwd, _set_cwd),
    "is64bitprocess": const(sys.maxsize > 2 ** 32),
    "is64bitoperatingsystem": const(sys.maxsize > 2 ** 32),
    "tickcount": StaticProperty(_tick_count),
    "tickcount64": StaticProperty(lambda: N.Int64(int(__import__("time").monotonic() * 1000))),
    "processid": StaticProperty(os.getpid),
    "processpath": StaticProperty(lambda: sys.executable),
    "userinteractive": const(True),
    "systemdirectory": const(""),
    "hasshutdownstarted": const(False),
    "currentmanagedthreadid": const(1),
    "stacktrace": StaticProperty(lambda: ""),
    "systempagesize": const(4096),
    "version": StaticProperty(lambda: __import__(
        "pwshlike.runtime.dotnet.statics_uri", fromlist=["Version"]).Version(8, 0, 0, 0)),
    "getenvironmentvariable": static("GetEnvironmentVariable", (1, 2))(_get_env),
    "setenvironmentvariable": static("SetEnvironmentVariable", (2, 3))(_set_env),
    "getenvironmentvariables": static("GetEnvironmentVariables", (0, 1))(_get_envs),
    "expandenvironmentvariables": static("ExpandEnvironmentVariables", 1)(_expand_env),
    "getfolderpath": static("GetFolderPath", (1, 2))(_folder_path),
    "getcommandlineargs": static("GetCommandLineArgs", 0)(
        lambda: __import__("pwshlike.runtime.dotnet.common", fromlist=["x"]).string_array(
            sys.argv)),
    "getlogicaldrives": static("GetLogicalDrives", 0)(
        lambda: __import__("pwshlike.runtime.dotnet.common", fromlist=["x"]).string_array(
            ["/"])),
}


# --- Console ---------------------------------------------------------------------------------------
CONSOLE_STREAMS: dict[str, object] = {}       # 'out'/'err'/'in' overrides (else sys.*)
_CONSOLE_STATE = {"foreground": -1, "background": -1, "title": "", "cursorvisible": True}


def _stream(which: str):
    s = CONSOLE_STREAMS.get(which)
    if s is not None:
        return s
    return {"out": sys.stdout, "err": sys.stderr, "in": sys.stdin}[which]


def console_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        from ..typenames import Char, type_name_of
        if value and all(isinstance(c, Char) for c in value):
            return "".join(value)
        return type_name_of(value)
    return to_str(value)


def _console_format(args: tuple) -> str:
    if len(args) > 1 and isinstance(args[0], str):
        from .statics_text import string_format
        return string_format(args[0], *args[1:])
    return console_text(args[0]) if args else ""


class ConsoleWriter:
    """Console.Out / Console.Error (a TextWriter)."""
    dotnet_class = True
    dotnet_fullname = "System.IO.TextWriter"
    __slots__ = ("_which",)

    def __init__(self, which: str) -> None:
        self._which = which

    def Write(self, *args) -> None:
        s = _stream(self._which)
        s.write(_console_format(args))

    def WriteLine(self, *args) -> None:
        s = _stream(self._which)
        s.write(_console_format(args) + "\n")

    def Flush(self) -> None:
        _stream(self._which).flush()

    @property
    def NewLine(self) -> str:
        return "\n"

    @property
    def Encoding(self):
        from .statics_text import ENCODINGS
        return ENCODINGS["default"]


def _read_line():
    line = _stream("in").readline()
    if line == "":
        return None
    return line.removesuffix("\n")


def _read_char() -> int:
    c = _stream("in").read(1)
    return ord(c) if c else -1


def _color_prop(key: str):
    from .enums import ConsoleColor

    def get():
        v = _CONSOLE_STATE[key]
        return ConsoleColor.enum_class(7 if key == "foreground" else 0) if v < 0 else \
            ConsoleColor.enum_class(v)

    def put(value):
        _CONSOLE_STATE[key] = int(ConsoleColor.convert(value))
    return SettableStaticProperty(get, put)


def _term_size(index: int) -> int:
    import shutil
    return shutil.get_terminal_size((120, 50))[index]


def _isatty(which: str) -> bool:
    try:
        return not _stream(which).isatty()
    except (AttributeError, ValueError):
        return True


def _encoding_prop(which: str):
    """[Console]::OutputEncoding / InputEncoding: settable, and applied to the process's
    stdout/stdin text streams (scripts set UTF-8 before printing non-ASCII text)."""
    from .statics_text import ENCODINGS, get_encoding
    key = which + "encoding"

    def get():
        return _CONSOLE_STATE.get(key) or ENCODINGS["default"]

    def put(value) -> None:
        if value is None:
            raise arg_null("value")
        encoding = get_encoding(value)
        _CONSOLE_STATE[key] = encoding
        stream = sys.stdout if which == "out" else sys.stdin
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding=encoding.python_codec)
            except (ValueError, OSError, LookupError):
                pass
    return SettableStaticProperty(get, put)


def _state_prop(key: str):
    return SettableStaticProperty(lambda: _CONSOLE_STATE[key],
                                  lambda v: _CONSOLE_STATE.__setitem__(key, v))


CONSOLE_STATICS = {
    "writeline": static("WriteLine", None)(lambda *a: ConsoleWriter("out").WriteLine(*a)),
    "write": static("Write", None)(lambda *a: ConsoleWriter("out").Write(*a)),
    "readline": static("ReadLine", 0)(_read_line),
    "read": static("Read", 0)(_read_char),
    "out": StaticProperty(lambda: ConsoleWriter("out")),
    "error": StaticProperty(lambda: ConsoleWriter("err")),
    "foregroundcolor": _color_prop("foreground"),
    "backgroundcolor": _color_prop("background"),
    "resetcolor": static("ResetColor", 0)(
        lambda: _CONSOLE_STATE.update(foreground=-1, background=-1)),
    "clear": static("Clear", 0)(lambda: _stream("out").write("\x1b[2J\x1b[H")),
    "beep": static("Beep", (0, 2))(lambda *a: None),
    "windowwidth": StaticProperty(lambda: _term_size(0)),
    "windowheight": StaticProperty(lambda: _term_size(1)),
    "bufferwidth": StaticProperty(lambda: _term_size(0)),
    "bufferheight": StaticProperty(lambda: _term_size(1)),
    "largestwindowwidth": StaticProperty(lambda: _term_size(0)),
    "largestwindowheight": StaticProperty(lambda: _term_size(1)),
    "cursorleft": const(0), "cursortop": const(0),
    "cursorvisible": _state_prop("cursorvisible"),
    "title": _state_prop("title"),
    "keyavailable": const(False),
    "capslock": const(False), "numberlock": const(False),
    "treatcontrolcasinput": const(False),
    "isoutputredirected": StaticProperty(lambda: _isatty("out")),
    "iserrorredirected": StaticProperty(lambda: _isatty("err")),
    "isinputredirected": StaticProperty(lambda: _isatty("in")),
    "outputencoding": _encoding_prop("out"),
    "inputencoding": _encoding_prop("in"),
}

