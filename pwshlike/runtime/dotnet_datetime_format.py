"""DateTime and TimeSpan formatting in .NET's invariant culture (split from dotnet_format).

DateTimeKind is inferred from the Python object, because PowerShell output depends on it
('K', 'o', 'zzz', 'U'): a naive datetime is *Unspecified*; an aware one whose tzinfo is UTC
(``datetime.UTC`` or a zone named 'UTC') is *Utc*; any other aware one is *Local* with its own
UTC offset.  As in .NET, 'zzz' on an Unspecified value uses this machine's local offset.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from .dotnet_format import MSG_BAD_QUOTE, MSG_INVALID_STRING, DotNetFormatError

__all__ = ["datetime_to_string", "format_datetime", "format_timespan", "timespan_to_string"]

_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

# Invariant-culture expansions of the single-letter standard formats.
_LONG_DATE = "dddd, dd MMMM yyyy"
_STANDARD = {
    "d": "MM/dd/yyyy",
    "D": _LONG_DATE,
    "f": _LONG_DATE + " HH:mm",
    "F": _LONG_DATE + " HH:mm:ss",
    "g": "MM/dd/yyyy HH:mm",
    "G": "MM/dd/yyyy HH:mm:ss",
    "m": "MMMM dd",
    "M": "MMMM dd",
    "t": "HH:mm",
    "T": "HH:mm:ss",
    "y": "yyyy MMMM",
    "Y": "yyyy MMMM",
}
_TICKS_PER_SECOND = 10_000_000
_TICKS_PER_DAY = 86_400 * _TICKS_PER_SECOND


def _invalid() -> DotNetFormatError:
    return DotNetFormatError(MSG_INVALID_STRING)


# --------------------------------------------------------------------------------------------
# DateTime
# --------------------------------------------------------------------------------------------


def datetime_to_string(dt: datetime) -> str:
    """DateTime.ToString() (invariant 'G'): 'MM/dd/yyyy HH:mm:ss'."""
    return (f"{dt.month:02d}/{dt.day:02d}/{dt.year:04d} "
            f"{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}")


def _kind(dt: datetime) -> str:
    if dt.tzinfo is None or dt.utcoffset() is None:
        return "unspecified"
    if dt.utcoffset() == timedelta(0) and (dt.tzinfo is UTC or dt.tzname() == "UTC"):
        return "utc"
    return "local"


def _local_offset(dt: datetime) -> timedelta:
    """This machine's UTC offset at `dt` (naive = local wall time), like TimeZoneInfo.Local."""
    try:
        off = dt.replace(tzinfo=None).astimezone().utcoffset()
    except (OverflowError, ValueError, OSError):
        off = datetime.now().astimezone().utcoffset()
    return off or timedelta(0)


def _offset_of(dt: datetime, time_only: bool) -> timedelta:
    kind = _kind(dt)
    if kind == "local":
        return dt.utcoffset() or timedelta(0)
    if time_only and dt.year == 1 and dt.month == 1 and dt.day == 1:
        return datetime.now().astimezone().utcoffset() or timedelta(0)
    if kind == "utc":
        return timedelta(0)
    return _local_offset(dt)


def _hh_mm(off: timedelta, tokens: int = 3) -> str:
    total = int(off.total_seconds())
    sign = "-" if total < 0 else "+"
    total = abs(total)
    hours = total // 3600 % 24
    minutes = total // 60 % 60
    if tokens <= 1:
        return f"{sign}{hours}"
    if tokens == 2:
        return f"{sign}{hours:02d}"
    return f"{sign}{hours:02d}:{minutes:02d}"


def _round_trip_zone(dt: datetime) -> str:
    kind = _kind(dt)
    if kind == "utc":
        return "Z"
    if kind == "local":
        return _hh_mm(dt.utcoffset() or timedelta(0))
    return ""


def format_datetime(dt: datetime, spec: str) -> str:
    """DateTime.ToString(spec, InvariantCulture): standard (one letter) or custom patterns."""
    if not spec:
        return datetime_to_string(dt)
    if len(spec) == 1:
        c = spec
        if c in "oO":
            return (f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:"
                    f"{dt.second:02d}.{dt.microsecond * 10:07d}{_round_trip_zone(dt)}")
        if c in "rR":  # no conversion to UTC for a DateTime (only DateTimeOffset converts)
            return (f"{_DAYS[dt.isoweekday() % 7][:3]}, {dt.day:02d} {_MONTHS[dt.month - 1][:3]}"
                    f" {dt.year:04d} {dt.hour:02d}:{dt.minute:02d}:{dt.second:02d} GMT")
        if c == "s":
            return (f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T"
                    f"{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}")
        if c == "u":
            return (f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d} "
                    f"{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}Z")
        if c == "U":  # ToUniversalTime(): Unspecified is treated as local time
            try:
                src = dt if dt.tzinfo is not None else dt.astimezone()
                dt = src.astimezone(UTC)
            except (OverflowError, ValueError, OSError):
                dt = (dt - _offset_of(dt, False)).replace(tzinfo=UTC)
            return _custom_datetime(dt, "dddd, dd MMMM yyyy HH:mm:ss")
        pattern = _STANDARD.get(c)
        if pattern is None:
            raise _invalid()
        spec = pattern
    return _custom_datetime(dt, spec)


def _repeat(fmt: str, i: int) -> int:
    ch = fmt[i]
    j = i + 1
    while j < len(fmt) and fmt[j] == ch:
        j += 1
    return j - i


def _quoted(fmt: str, i: int, out: list[str]) -> int:
    """Copy a quoted literal (backslash escapes allowed inside); return chars consumed."""
    quote = fmt[i]
    j = i + 1
    while j < len(fmt):
        ch = fmt[j]
        j += 1
        if ch == quote:
            return j - i
        if ch == "\\":
            if j >= len(fmt):
                raise _invalid()
            out.append(fmt[j])
            j += 1
        else:
            out.append(ch)
    raise DotNetFormatError(MSG_BAD_QUOTE.format(quote))


def _custom_datetime(dt: datetime, fmt: str) -> str:
    out: list[str] = []
    _datetime_into(dt, fmt, out)
    return "".join(out)


def _datetime_into(dt: datetime, fmt: str, out: list[str]) -> None:
    time_only = True
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        tl = 1
        if ch == "g":
            tl = _repeat(fmt, i)
            out.append("A.D.")
        elif ch in "hHms":
            tl = _repeat(fmt, i)
            if ch == "h":
                v = dt.hour % 12 or 12
            elif ch == "H":
                v = dt.hour
            elif ch == "m":
                v = dt.minute
            else:
                v = dt.second
            out.append(str(v).rjust(min(tl, 2), "0"))
        elif ch in "fF":
            tl = _repeat(fmt, i)
            if tl > 7:
                raise _invalid()
            frac = dt.microsecond * 10 // 10 ** (7 - tl)
            if ch == "f":
                out.append(str(frac).rjust(tl, "0"))
            else:
                text = str(frac).rjust(tl, "0").rstrip("0")
                if text:
                    out.append(text)
                elif out and out[-1].endswith("."):
                    out[-1] = out[-1][:-1]
        elif ch == "t":
            tl = _repeat(fmt, i)
            ampm = "AM" if dt.hour < 12 else "PM"
            out.append(ampm[0] if tl == 1 else ampm)
        elif ch == "d":
            tl = _repeat(fmt, i)
            if tl <= 2:
                out.append(str(dt.day).rjust(tl, "0"))
            else:
                name = _DAYS[dt.isoweekday() % 7]
                out.append(name[:3] if tl == 3 else name)
            time_only = False
        elif ch == "M":
            tl = _repeat(fmt, i)
            if tl <= 2:
                out.append(str(dt.month).rjust(tl, "0"))
            else:
                name = _MONTHS[dt.month - 1]
                out.append(name[:3] if tl == 3 else name)
            time_only = False
        elif ch == "y":
            tl = _repeat(fmt, i)
            year = dt.year % 100 if tl <= 2 else dt.year
            out.append(str(year).rjust(tl, "0"))
            time_only = False
        elif ch == "z":
            tl = _repeat(fmt, i)
            out.append(_hh_mm(_offset_of(dt, time_only), tl))
        elif ch == "K":
            out.append(_round_trip_zone(dt))
        elif ch == ":":
            out.append(":")
        elif ch == "/":
            out.append("/")
        elif ch in "'\"":
            tl = _quoted(fmt, i, out)
        elif ch == "%":
            if i + 1 >= n or fmt[i + 1] == "%":
                raise _invalid()
            _datetime_into(dt, fmt[i + 1], out)
            tl = 2
        elif ch == "\\":
            if i + 1 >= n:
                raise _invalid()
            out.append(fmt[i + 1])
            tl = 2
        else:
            out.append(ch)
        i += tl


# --------------------------------------------------------------------------------------------
# TimeSpan
# --------------------------------------------------------------------------------------------


def _ticks(td: timedelta) -> int:
    return ((td.days * 86_400 + td.seconds) * 1_000_000 + td.microseconds) * 10


def _parts(ticks: int) -> tuple[int, int, int, int, int]:
    t = abs(ticks)
    total_seconds, fraction = divmod(t, _TICKS_PER_SECOND)
    return (total_seconds // 86_400, total_seconds // 3600 % 24, total_seconds // 60 % 60,
            total_seconds % 60, fraction)


def timespan_to_string(td: timedelta) -> str:
    """TimeSpan.ToString() / 'c': '[-][d.]hh:mm:ss[.fffffff]'."""
    ticks = _ticks(td)
    days, hours, minutes, seconds, fraction = _parts(ticks)
    out = "-" if ticks < 0 else ""
    if days:
        out += f"{days}."
    out += f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    if fraction:
        out += f".{fraction:07d}"
    return out


def format_timespan(td: timedelta, spec: str) -> str:
    """TimeSpan.ToString(spec, InvariantCulture): 'c'/'t'/'T', 'g', 'G' or a custom pattern."""
    if not spec or spec in ("c", "t", "T"):
        return timespan_to_string(td)
    ticks = _ticks(td)
    days, hours, minutes, seconds, fraction = _parts(ticks)
    sign = "-" if ticks < 0 else ""
    if spec == "g":
        out = sign + (f"{days}:" if days else "") + f"{hours}:{minutes:02d}:{seconds:02d}"
        if fraction:
            out += "." + f"{fraction:07d}".rstrip("0")
        return out
    if spec == "G":
        return f"{sign}{days}:{hours:02d}:{minutes:02d}:{seconds:02d}.{fraction:07d}"
    if len(spec) == 1:
        raise _invalid()
    out: list[str] = []
    _timespan_into(days, hours, minutes, seconds, fraction, spec, out)
    return "".join(out)


def _timespan_into(days: int, hours: int, minutes: int, seconds: int, fraction: int,
                   fmt: str, out: list[str]) -> None:
    # Custom TimeSpan patterns never print a sign; every unknown character is an error.
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch in "hms":
            tl = _repeat(fmt, i)
            if tl > 2:
                raise _invalid()
            v = hours if ch == "h" else (minutes if ch == "m" else seconds)
            out.append(str(v).rjust(tl, "0"))
        elif ch in "fF":
            tl = _repeat(fmt, i)
            if tl > 7:
                raise _invalid()
            text = str(fraction // 10 ** (7 - tl)).rjust(tl, "0")
            out.append(text if ch == "f" else text.rstrip("0"))
        elif ch == "d":
            tl = _repeat(fmt, i)
            if tl > 8:
                raise _invalid()
            out.append(str(days).rjust(tl, "0"))
        elif ch in "'\"":
            tl = _quoted(fmt, i, out)
        elif ch == "%":
            if i + 1 >= n or fmt[i + 1] == "%":
                raise _invalid()
            _timespan_into(days, hours, minutes, seconds, fraction, fmt[i + 1], out)
            tl = 2
        elif ch == "\\":
            if i + 1 >= n:
                raise _invalid()
            out.append(fmt[i + 1])
            tl = 2
        else:
            raise _invalid()
        i += tl
