"""Get-Date, New-TimeSpan and Start-Sleep."""
from __future__ import annotations

import datetime
import time

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import exception_class
from pwshlike.runtime.convert import to_str

from ._props import param

_ARG_RANGE = exception_class("System.ArgumentOutOfRangeException")

# -Format names pwsh treats specially (they are not .NET format strings).
_FILE_FORMATS = {
    "filedate": ("%Y%m%d", False), "filedateuniversal": ("%Y%m%dZ", True),
    "filedatetime": ("%Y%m%dT%H%M%S{f4}", False),
    "filedatetimeuniversal": ("%Y%m%dT%H%M%S{f4}Z", True),
}
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _utc(d: datetime.datetime) -> datetime.datetime:
    from pwshlike.runtime.dotnet.dates import to_utc
    return to_utc(d)


def uformat(d: datetime.datetime, fmt: str) -> str:
    """pwsh's -UFormat: Unix date(1) specifiers, as Get-Date implements them."""
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c != "%" or i + 1 >= len(fmt):
            out.append(c)
            i += 1
            continue
        spec = fmt[i + 1]
        i += 2
        out.append(_uspec(d, spec))
    return "".join(out)


def _uspec(d: datetime.datetime, s: str) -> str:
    h12 = d.hour % 12 or 12
    iso = d.isocalendar()
    simple = {
        "a": _DAYS[d.weekday()][:3], "A": _DAYS[d.weekday()], "b": _MONTHS[d.month - 1][:3],
        "B": _MONTHS[d.month - 1], "h": _MONTHS[d.month - 1][:3],
        "C": f"{d.year // 100:02d}", "d": f"{d.day:02d}", "e": f"{d.day:>2}",
        "D": f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
        "F": f"{d.year:04d}-{d.month:02d}-{d.day:02d}", "g": f"{iso[0] % 100:02d}",
        "G": f"{iso[0]}", "H": f"{d.hour:02d}", "I": f"{h12:02d}",
        "j": f"{d.timetuple().tm_yday:03d}", "k": f"{d.hour:>2}", "l": f"{h12:>2}",
        "m": f"{d.month:02d}", "M": f"{d.minute:02d}", "n": "\n", "t": "\t",
        "p": "AM" if d.hour < 12 else "PM", "R": f"{d.hour:02d}:{d.minute:02d}",
        "S": f"{d.second:02d}", "T": f"{d.hour:02d}:{d.minute:02d}:{d.second:02d}",
        "X": f"{d.hour:02d}:{d.minute:02d}:{d.second:02d}",
        "x": f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
        "u": str(d.isoweekday()), "w": str(d.isoweekday() % 7), "V": f"{iso[1]:02d}",
        "y": f"{d.year % 100:02d}", "Y": f"{d.year}", "%": "%",
        "U": d.strftime("%U"), "W": d.strftime("%W"),
    }
    if s in simple:
        return simple[s]
    if s == "c":
        return (f"{_DAYS[d.weekday()][:3]} {_MONTHS[d.month - 1][:3]} {d.day:2} "
                f"{d.hour:02d}:{d.minute:02d}:{d.second:02d} {d.year}")
    if s == "r":
        return f"{h12:02d}:{d.minute:02d}:{d.second:02d} {'AM' if d.hour < 12 else 'PM'}"
    if s == "s":
        base = d if d.tzinfo is not None else d.astimezone()
        return str(int(base.timestamp()))
    if s in ("Z", "z"):
        base = d if d.tzinfo is not None else d.astimezone()
        off = int((base.utcoffset() or datetime.timedelta(0)).total_seconds() // 60)
        sign = "-" if off < 0 else "+"
        return f"{sign}{abs(off) // 60:02d}" if s == "Z" else \
            f"{sign}{abs(off) // 60:02d}{abs(off) % 60:02d}"
    return s


class GetDateCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetDateCommand"

    def process_record(self) -> None:
        from pwshlike.runtime.types import to_datetime
        if self.is_bound("UnixTimeSeconds"):
            secs = int(self.UnixTimeSeconds)
            epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
            d = (epoch + datetime.timedelta(seconds=secs)).astimezone().replace(tzinfo=None)
        elif self.is_bound("Date") and self.Date is not None:
            d = to_datetime(self.Date)
        else:
            d = datetime.datetime.now()
        d = self._adjust(d)
        if self.AsUTC:
            d = _utc(d)
        if self.is_bound("UFormat"):
            self.write_object(uformat(d, to_str(self.UFormat)))
            return
        fmt = param(self, "Format")
        if fmt is not None:
            self.write_object(self._format(d, to_str(fmt)))
            return
        self.write_object(d)

    def _adjust(self, d: datetime.datetime) -> datetime.datetime:
        changes = {}
        limits = {"Year": (1, 9999), "Month": (1, 12), "Day": (1, 31), "Hour": (0, 23),
                  "Minute": (0, 59), "Second": (0, 59), "Millisecond": (0, 999)}
        for name, (lo, hi) in limits.items():
            if not self.is_bound(name):
                continue
            v = int(self.bound_parameters[name])
            if not lo <= v <= hi:
                self.throw_terminating_error(self.error_record(
                    f"Cannot validate argument on parameter '{name}'. The {v} argument is "
                    f"{'greater than the maximum' if v > hi else 'less than the minimum'} "
                    f"allowed range of {hi if v > hi else lo}. Supply an argument that is "
                    f"{'less than or equal to' if v > hi else 'greater than or equal to'} "
                    f"{hi if v > hi else lo} and then try the command again.",
                    "ParameterArgumentValidationError", "InvalidData", v, _ARG_RANGE))
            changes[name] = v
        if not changes:
            return d
        day = changes.pop("Day", None)
        ms = changes.pop("Millisecond", None)
        kw = {k.lower(): v for k, v in changes.items()}
        try:
            d = d.replace(**kw)
            if day is not None:
                import calendar
                last = calendar.monthrange(d.year, d.month)[1]
                d = d.replace(day=1) + datetime.timedelta(days=day - 1) if day > last \
                    else d.replace(day=day)
            if ms is not None:
                d = d.replace(microsecond=ms * 1000 + d.microsecond % 1000)
        except ValueError:
            d = d.replace(day=1, **kw) if "month" in kw or "year" in kw else d
        return d

    def _format(self, d: datetime.datetime, fmt: str) -> str:
        special = _FILE_FORMATS.get(fmt.lower())
        if special is not None:
            pattern, universal = special
            if universal:
                d = _utc(d)
            return d.strftime(pattern.replace("{f4}", f"{d.microsecond // 100:04d}"))
        from pwshlike.runtime.dotnet_format import format_value
        return format_value(d, fmt)


class NewTimeSpanCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.NewTimeSpanCommand"

    def process_record(self) -> None:
        if self.parameter_set_name == "Time":
            total = datetime.timedelta(
                days=int(param(self, "Days", 0) or 0), hours=int(param(self, "Hours", 0) or 0),
                minutes=int(param(self, "Minutes", 0) or 0),
                seconds=int(param(self, "Seconds", 0) or 0),
                milliseconds=int(param(self, "Milliseconds", 0) or 0))
            self.write_object(total)
            return
        from pwshlike.runtime.types import to_datetime
        now = datetime.datetime.now()
        start = to_datetime(self.Start) if self.is_bound("Start") else now
        end = to_datetime(self.End) if self.is_bound("End") else now
        if (start.tzinfo is None) != (end.tzinfo is None):
            start, end = _utc(start), _utc(end)
        self.write_object(end - start)


class StartSleepCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.StartSleepCommand"

    def process_record(self) -> None:
        if self.parameter_set_name == "FromTimeSpan":
            seconds = self.Duration.total_seconds()
        elif self.parameter_set_name == "Milliseconds":
            seconds = int(self.Milliseconds) / 1000
        else:
            seconds = float(self.Seconds)
        if seconds < 0:
            self.throw_terminating_error(self.error_record(
                "Cannot validate argument: the sleep time cannot be negative.",
                "ParameterArgumentValidationError", "InvalidData", seconds, _ARG_RANGE))
        time.sleep(seconds)
