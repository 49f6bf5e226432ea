"""ConvertTo-Json and ConvertFrom-Json, with pwsh 7's layout, depth rules and date parsing, and
Test-Json."""
from __future__ import annotations

import datetime
import decimal
import math
import re
import uuid

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import exception_class
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.values import Hashtable, PSCustomObject

from ._props import no_input, param

_ARG = exception_class("System.ArgumentException")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
            "\f": "\\f"}
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x85\u2028\u2029]')


def json_string(s: str) -> str:
    """A JSON string literal escaped as Newtonsoft.Json does by default."""
    def esc(m: re.Match) -> str:
        c = m.group(0)
        return _ESCAPES.get(c) or f"\\u{ord(c):04x}"
    return '"' + _NEEDS_ESCAPE.sub(esc, s) + '"'


def _number(v) -> str:
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return json_string(to_str(v))
        text = to_str(v)
        return text if any(c in text for c in ".Ee") else text + ".0"
    if isinstance(v, decimal.Decimal):
        text = to_str(v)
        return text if "." in text or "E" in text else text + ".0"
    return str(int(v))


def _date(d: datetime.datetime) -> str:
    text = d.strftime("%Y-%m-%dT%H:%M:%S")
    frac = f"{d.microsecond:06d}0".rstrip("0")
    if frac:
        text += "." + frac
    if d.tzinfo is not None:
        off = d.utcoffset() or datetime.timedelta(0)
        from pwshlike.runtime.dotnet.dates import is_utc
        if is_utc(d):
            text += "Z"
        else:
            minutes = int(off.total_seconds() // 60)
            sign = "-" if minutes < 0 else "+"
            text += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return json_string(text)


class _Writer:
    def __init__(self, max_depth: int, compress: bool, enums_as_strings: bool) -> None:
        self.max_depth = max_depth
        self.compress = compress
        self.enums_as_strings = enums_as_strings
        self.truncated = False

    def value(self, v, depth: int, indent: int) -> str:
        if v is None:
            return "null"
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, str):
            return json_string(v)
        if hasattr(type(v), "enum_type"):
            return json_string(to_str(v)) if self.enums_as_strings else str(int(v))
        if isinstance(v, (int, float, decimal.Decimal)):
            return _number(v)
        if isinstance(v, datetime.datetime):
            return _date(v)
        if isinstance(v, uuid.UUID):
            return json_string(str(v))
        if type(v).__name__ == "ScriptBlock":
            return json_string(to_str(v))
        if depth > self.max_depth:
            self.truncated = True
            return json_string(to_str(v))
        if isinstance(v, Hashtable):
            return self.obj([(to_str(k), x) for k, x in v.items()], depth, indent)
        if isinstance(v, PSCustomObject):
            return self.obj(v.properties(), depth, indent)
        if isinstance(v, (list, tuple)):
            return self.array(list(v), depth, indent)
        if isinstance(v, datetime.timedelta):
            from pwshlike.runtime.dotnet.methods import display_properties
            return self.obj(display_properties(v), depth, indent)
        from pwshlike.runtime.members import property_list
        props = property_list(v)
        if not props:
            return json_string(to_str(v))
        return self.obj(props, depth, indent)

    def obj(self, pairs: list, depth: int, indent: int) -> str:
        if not pairs:
            return "{}"
        parts = [json_string(k) + (":" if self.compress else ": ") +
                 self.value(x, depth + 1, indent + 1) for k, x in pairs]
        return self._wrap("{", "}", parts, indent)

    def array(self, items: list, depth: int, indent: int) -> str:
        if not items:
            return "[]"
        return self._wrap("[", "]", [self.value(x, depth + 1, indent + 1) for x in items],
                          indent)

    def _wrap(self, open_: str, close: str, parts: list[str], indent: int) -> str:
        if self.compress:
            return open_ + ",".join(parts) + close
        pad = "  " * (indent + 1)
        return (open_ + "\n" + ",\n".join(pad + p for p in parts) + "\n" + "  " * indent +
                close)


class ConvertToJsonCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ConvertToJsonCommand"
    allow_null_parameters = ("InputObject",)
    allow_empty_parameters = ("InputObject",)

    def begin_processing(self) -> None:
        self.items: list = []
        depth = param(self, "Depth", 2)
        self.depth = int(depth)
        if not 0 <= self.depth <= 100:
            self.throw_terminating_error(self.error_record(
                f"Cannot validate argument on parameter 'Depth'. The {self.depth} argument is "
                "greater than the maximum allowed range of 100. Supply an argument that is less "
                "than or equal to 100 and then try the command again." if self.depth > 100 else
                f"Cannot validate argument on parameter 'Depth'. The {self.depth} argument is "
                "less than the minimum allowed range of 0. Supply an argument that is greater "
                "than or equal to 0 and then try the command again.",
                "ParameterArgumentValidationError", "InvalidData", self.depth,
                exception_class("System.Management.Automation.ParameterBindingValidationException")))

    def process_record(self) -> None:
        if not no_input(self):
            self.items.append(self.InputObject)

    def end_processing(self) -> None:
        if not self.items:
            return
        value = self.items if (len(self.items) > 1 or self.AsArray) else self.items[0]
        w = _Writer(self.depth, bool(self.Compress), bool(self.EnumsAsStrings))
        text = w.value(value, 0, 0)
        if w.truncated:
            self.write_warning(f"Resulting JSON is truncated as serialization has exceeded the "
                               f"set depth of {self.depth}.")
        self.write_object(text)


# --- ConvertFrom-Json ------------------------------------------------------------------------
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,7})?"
                       r"(Z|[+-]\d{2}:\d{2})?$")


def parse_json_date(s: str):
    """An ISO 8601 date string → DateTime as Newtonsoft reads it (Z → UTC, an offset →
    converted to local time, none → unspecified), else None."""
    m = _ISO_DATE.match(s)
    if m is None:
        return None
    y, mo, d, h, mi, sec = (int(x) for x in m.groups()[:6])
    frac = m.group(7)
    micro = int((frac[1:] + "000000")[:6]) if frac else 0
    try:
        base = datetime.datetime(y, mo, d, h, mi, sec, micro)
    except ValueError:
        return None
    zone = m.group(8)
    if zone is None:
        return base
    if zone == "Z":
        return base.replace(tzinfo=datetime.UTC)
    sign = -1 if zone[0] == "-" else 1
    off = datetime.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])) * sign
    aware = base.replace(tzinfo=datetime.timezone(off))
    from pwshlike.runtime.dotnet.dates import to_local
    return to_local(aware)


class _CaseSensitiveTable(Hashtable):
    """-AsHashtable: keys that differ only in case are distinct keys."""

    def __init__(self, pairs) -> None:
        super().__init__(ordered=True)
        for k, v in pairs:
            self._d[k] = [k, v]

    def __getitem__(self, key):
        e = self._d.get(key)
        return None if e is None else e[1]

    def __setitem__(self, key, value) -> None:
        self._d[key] = [key, value]

    def __contains__(self, key) -> bool:
        return key in self._d

    def __delitem__(self, key) -> None:
        self._d.pop(key, None)

    def get(self, key, default=None):
        e = self._d.get(key)
        return default if e is None else e[1]

    @property
    def type_fullname(self) -> str:
        return "System.Management.Automation.OrderedHashtable"


class _JsonError(Exception):
    pass


class ConvertFromJsonCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ConvertFromJsonCommand"

    def begin_processing(self) -> None:
        self.parts: list[str] = []

    def process_record(self) -> None:
        if not no_input(self) and self.InputObject is not None:
            self.parts.append(to_str(self.InputObject))

    def end_processing(self) -> None:
        if not self.parts:
            return
        if len(self.parts) > 1:
            try:
                values = [self._parse(p) for p in self.parts if p.strip()]
            except _JsonError:
                values = None
            if values is not None:
                for v in values:
                    self._write(v)
                return
        text = "\n".join(self.parts)
        if not text.strip():
            return
        try:
            self._write(self._parse(text))
        except _JsonError as e:
            self.throw_terminating_error(self.error_record(
                f"Conversion from JSON failed with error: {e}", "System.ArgumentException",
                "NotSpecified", text, _ARG))

    def _write(self, value) -> None:
        if isinstance(value, list) and not self.NoEnumerate:
            self.write_object(value, enumerate_collection=True)
        else:
            self.write_object(value)

    def _parse(self, text: str):
        import json
        as_hash = bool(self.AsHashtable)
        max_depth = int(param(self, "Depth", 1024))

        def hook(pairs):
            if as_hash:
                return _CaseSensitiveTable(pairs)
            obj = PSCustomObject()
            for k, v in pairs:
                if obj.has_property(k):
                    existing = obj.property_names()[
                        [n.lower() for n in obj.property_names()].index(k.lower())]
                    if existing == k:
                        obj.set_property(k, v)
                        continue
                    raise _JsonError(
                        "Cannot convert the JSON string because it contains keys with different "
                        "casing. Please use the -AsHashTable switch instead. The key that was "
                        f"attempted to be added to the existing key '{existing}' was '{k}'.")
                obj.set_property(k, v)
            return obj
        try:
            data = json.loads(text, object_pairs_hook=hook, parse_int=_int,
                              parse_constant=_constant)
        except json.JSONDecodeError as e:
            raise _JsonError(f"{e.msg}. Path '', line {e.lineno}, position {e.colno}.") from None
        except RecursionError:
            raise _JsonError("The JSON nesting is too deep.") from None
        data = _dates(data)
        if _depth(data) > max_depth:
            raise _JsonError(f"The reader's MaxDepth of {max_depth} has been exceeded.")
        return data


def _int(text: str):
    from pwshlike.runtime import numeric as N
    v = int(text)
    if N.INT64_MIN <= v <= N.INT64_MAX:
        return N.Int64(v)
    return N.BigInteger(v)


def _constant(name: str):
    raise _JsonError(f"Unexpected character encountered while parsing value: {name[0]}")


def _dates(v):
    if isinstance(v, str):
        d = parse_json_date(v)
        return v if d is None else d
    if isinstance(v, list):
        return [_dates(x) for x in v]
    if isinstance(v, PSCustomObject):
        for name, x in v.properties():
            v.set_property(name, _dates(x))
    elif isinstance(v, Hashtable):
        for k, e in v._d.items():
            e[1] = _dates(e[1])
            del k
    return v


def _depth(v) -> int:
    if isinstance(v, list):
        return 1 + max((_depth(x) for x in v), default=0)
    if isinstance(v, PSCustomObject):
        return 1 + max((_depth(x) for _, x in v.properties()), default=0)
    if isinstance(v, Hashtable):
        return 1 + max((_depth(x) for x in v.values()), default=0)
    return 0


# --- Test-Json -----------------------------------------------------------------------------------
JSON_MAX_DEPTH = 64      # System.Text.Json's default, which pwsh 7.4's Test-Json parses with


class TestJsonCommand(Cmdlet):
    """Writes whether -Json (or the file -Path names) is one well-formed JSON value, after a
    non-terminating InvalidJson error when it is not.  Schema validation is not available
    (it needs a JSON Schema library pwshlike does not depend on)."""

    fq_name = "Microsoft.PowerShell.Commands.TestJsonCommand"

    def begin_processing(self) -> None:
        if self.is_bound("Schema") or self.is_bound("SchemaFile"):
            self.throw_terminating_error(self.error_record(
                "Test-Json cannot validate against a JSON schema in pwshlike: schema validation "
                "needs a JSON Schema library, which pwshlike does not include. Check the "
                "document's shape in script instead (for example with ConvertFrom-Json).",
                "SchemaValidationNotSupported", "NotImplemented", None,
                exception_class("System.Management.Automation.PSNotSupportedException")))

    def process_record(self) -> None:
        text = self.Json if self.Json is not None else self._read_file()
        valid = is_json(text)
        if not valid:
            self.write_error(self.error_record(
                "Cannot parse the JSON.", "InvalidJson", "InvalidData", self.Json,
                exception_class("System.Exception")))
        self.write_object(valid)

    def _read_file(self) -> str:
        import os

        from ._files import path_not_found, resolve_single_file
        from .content import decode
        literal = self.is_bound("LiteralPath")
        path = to_str(self.LiteralPath if literal else self.Path)
        resolved = resolve_single_file(self, path, literal)
        if not os.path.isfile(resolved):
            self.throw_terminating_error(path_not_found(self, path))
        with open(resolved, "rb") as f:
            return decode(f.read())


def is_json(text: str) -> bool:
    """True for exactly one strict JSON value: no NaN/Infinity, nesting at most 64 deep."""
    import json
    try:
        value = json.loads(text, parse_constant=_constant)
    except (ValueError, _JsonError, RecursionError):
        return False
    return _container_depth(value) <= JSON_MAX_DEPTH


def _container_depth(value) -> int:
    """How deeply arrays and objects nest: a scalar 0, ``[1]`` 1, ``[{"a": []}]`` 3."""
    depth, level = 0, [value]
    while True:
        containers = [v for v in level if isinstance(v, (list, dict))]
        if not containers:
            return depth
        depth += 1
        level = [x for c in containers for x in (c if isinstance(c, list) else c.values())]
