"""Static members of .NET types (``[math]::Round``, ``[int]::MaxValue``) and the types that
exist only here ([Console], [Environment], [System.IO.Path], enums, ...).

``STATIC_MEMBERS``: lower-case type full name → lower-case member name → either a
``types.StaticProperty`` (a property: its ``getter()`` gives the value; a
``SettableStaticProperty`` also has ``setter(value)``) or a function ``fn(*args)`` (a method,
which checks its argument count and wraps .NET exceptions in MethodInvocationException).
A PSType's own ``statics`` dict (enum members) is consulted after the table.
"""
from __future__ import annotations

from collections.abc import Callable

from ...errors import (
    DotNetException,
    RuntimeException,
    exception_class,
    exception_when_setting,
    runtime_error,
)
from ..types import ACCELERATORS, PSType, StaticProperty, lookup_type
from . import (
    enums,
    regexmatch,
    statics_io,
    statics_math,
    statics_misc,
    statics_numbers,
    statics_system,
    statics_text,
    statics_uri,
    streams,
)
from .common import static
from .dates import DateTimeOffset
from .statics_system import SettableStaticProperty


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING = _Missing()

STATIC_MEMBERS: dict[str, dict[str, object]] = statics_numbers.build()
STATIC_MEMBERS.update({
    "system.string": statics_text.STRING_STATICS,
    "system.text.regularexpressions.regex": regexmatch.REGEX_STATICS,
    "system.math": statics_math.MATH_STATICS,
    "system.convert": statics_math.CONVERT_STATICS,
    "system.bitconverter": statics_math.BITCONVERTER_STATICS,
    "system.datetime": statics_system.DATETIME_STATICS,
    "system.timespan": statics_system.TIMESPAN_STATICS,
    "system.guid": statics_system.GUID_STATICS,
    "system.datetimeoffset": statics_system.DTO_STATICS,
    "system.environment": statics_system.ENVIRONMENT_STATICS,
    "system.console": statics_system.CONSOLE_STATICS,
    "system.io.path": statics_io.PATH_STATICS,
    "system.io.file": statics_io.FILE_STATICS,
    "system.io.directory": statics_io.DIRECTORY_STATICS,
    "system.text.encoding": statics_text.ENCODING_STATICS,
    "system.text.stringbuilder": {
        "new": static(".ctor", (0, 1, 2))(statics_text.StringBuilder)},
    "system.uri": statics_uri.URI_STATICS,
    "system.version": statics_uri.VERSION_STATICS,
    "system.globalization.cultureinfo": statics_uri.CULTURE_STATICS,
    "system.net.webutility": statics_text.WEBUTILITY_STATICS,
    "system.web.httputility": statics_text.HTTPUTILITY_STATICS,
    "system.array": statics_misc.ARRAY_STATICS,
    "system.object": statics_misc.OBJECT_STATICS,
    "system.collections.hashtable": statics_misc.HASHTABLE_STATICS,
    "system.collections.specialized.ordereddictionary": statics_misc.ORDERED_STATICS,
    "system.diagnostics.stopwatch": statics_misc.STOPWATCH_STATICS,
    "system.tuple": statics_misc.TUPLE_STATICS,
    "system.threading.thread": statics_misc.THREAD_STATICS,
    "system.random": statics_misc.RANDOM_STATICS,
    "system.net.dns": statics_misc.DNS_STATICS,
    "system.net.servicepointmanager": statics_misc.SERVICE_POINT_STATICS,
    "system.io.memorystream": streams.MEMORYSTREAM_STATICS,
})
STATIC_MEMBERS.update(statics_io.CRYPTO_STATICS)
for _name, _ctor in statics_text.ENCODING_CTORS.items():
    STATIC_MEMBERS[_name] = {"new": static(".ctor", (0, 1, 2, 3))(_ctor)}


# --- types that exist only here --------------------------------------------------------------
def _static_class(fullname: str) -> PSType:
    return PSType(fullname, check=lambda v: False)


def _instance_class(fullname: str, cls, convert=None, ctor=None) -> PSType:
    def conv(v, cls=cls, fullname=fullname):
        if v is None or isinstance(v, cls):
            return v
        if convert is not None:
            return convert(v)
        from ..types import cast_error
        raise cast_error(v, fullname)
    return PSType(fullname, check=lambda v, cls=cls: isinstance(v, cls), convert=conv,
                  ctor=ctor)


def _table_ctor(fullname: str):
    entry = STATIC_MEMBERS.get(fullname.lower(), {}).get("new")
    return entry


def _cast_with_message(fullname: str, fn):
    def conv(v):
        try:
            return fn(v)
        except Exception as e:
            if isinstance(e, RuntimeException) and getattr(e, "error_id", "").startswith(
                    "InvalidCast"):
                raise
            from ..types import cast_error
            message = getattr(e, "Message", None) or str(e)
            raise cast_error(v, fullname, message) from None
    return conv


_STATIC_ONLY = (
    "System.Console", "System.Environment", "System.Convert", "System.BitConverter",
    "System.IO.Path", "System.IO.File", "System.IO.Directory", "System.Net.WebUtility",
    "System.Web.HttpUtility", "System.Threading.Thread", "System.Net.Dns",
    "System.Net.ServicePointManager",
    "System.Security.Cryptography.HashAlgorithm",
)


def _make_types() -> dict[str, Callable[[], PSType]]:
    st = statics_text
    su = statics_uri
    sm = statics_misc
    factories: dict[str, Callable[[], PSType]] = {
        name.lower(): (lambda name=name: _static_class(name)) for name in _STATIC_ONLY}
    factories.update({
        "system.text.encoding": lambda: _instance_class(
            "System.Text.Encoding", st.Encoding, st.get_encoding),
        "system.text.stringbuilder": lambda: _instance_class(
            "System.Text.StringBuilder", st.StringBuilder,
            ctor=_table_ctor("system.text.stringbuilder")),
        "system.uri": lambda: _instance_class(
            "System.Uri", su.Uri, _cast_with_message("System.Uri", su.uri_convert),
            ctor=_table_ctor("system.uri")),
        "system.version": lambda: _instance_class(
            "System.Version", su.Version,
            _cast_with_message("System.Version", su.version_convert),
            ctor=_table_ctor("system.version")),
        "system.globalization.cultureinfo": lambda: _instance_class(
            "System.Globalization.CultureInfo", su.CultureInfo,
            _cast_with_message("System.Globalization.CultureInfo", su.culture_convert),
            ctor=_table_ctor("system.globalization.cultureinfo")),
        "system.datetimeoffset": lambda: _instance_class(
            "System.DateTimeOffset", DateTimeOffset,
            _cast_with_message("System.DateTimeOffset", statics_system._dto_convert),
            ctor=_table_ctor("system.datetimeoffset")),
        "system.diagnostics.stopwatch": lambda: _instance_class(
            "System.Diagnostics.Stopwatch", sm.Stopwatch, ctor=sm.Stopwatch),
        "system.tuple": lambda: _instance_class("System.Tuple", sm.Tuple),
        "system.random": lambda: _instance_class("System.Random", sm.Random,
                                                 ctor=_table_ctor("system.random")),
        "system.security.cryptography.randomnumbergenerator": lambda: _instance_class(
            "System.Security.Cryptography.RandomNumberGenerator",
            statics_io.RandomNumberGenerator),
        "system.io.directoryinfo": lambda: _instance_class(
            "System.IO.DirectoryInfo", statics_io.DirectoryInfo,
            _cast_with_message("System.IO.DirectoryInfo", statics_io.DirectoryInfo),
            ctor=statics_io.DirectoryInfo),
        "system.io.stream": lambda: _instance_class("System.IO.Stream", streams.Stream),
        "system.io.memorystream": lambda: _instance_class(
            "System.IO.MemoryStream", streams.MemoryStream,
            ctor=_table_ctor("system.io.memorystream")),
        "system.text.regularexpressions.match": lambda: _instance_class(
            "System.Text.RegularExpressions.Match", regexmatch.RegexMatch),
        "system.text.regularexpressions.group": lambda: _instance_class(
            "System.Text.RegularExpressions.Group", regexmatch.Group),
    })
    for name in statics_text.ENCODING_CTORS:
        full = {"system.text.utf8encoding": "System.Text.UTF8Encoding",
                "system.text.asciiencoding": "System.Text.ASCIIEncoding",
                "system.text.unicodeencoding": "System.Text.UnicodeEncoding",
                "system.text.utf32encoding": "System.Text.UTF32Encoding"}[name]
        factories[name] = (lambda full=full, name=name: _instance_class(
            full, st.Encoding, ctor=_table_ctor(name)))
    for key in statics_io.CRYPTO_STATICS:
        if key in factories:
            continue
        full = "System.Security.Cryptography." + {
            "sha1": "SHA1", "sha256": "SHA256", "sha384": "SHA384", "sha512": "SHA512",
            "md5": "MD5", "hmacsha1": "HMACSHA1", "hmacsha256": "HMACSHA256",
            "hmacsha384": "HMACSHA384", "hmacsha512": "HMACSHA512", "hmacmd5": "HMACMD5",
        }[key.rsplit(".", 1)[-1]]
        factories[key] = (lambda full=full, key=key: _instance_class(
            full, statics_io.HashAlgorithm, ctor=_table_ctor(key)))
    return factories


_FACTORIES = _make_types()
_RESOLVED: dict[str, PSType | None] = {}
_EXTRA_ALIASES = {
    "environment+specialfolder": "system.environment+specialfolder",
    "environment.specialfolder": "system.environment+specialfolder",
    "stringbuilder": None,          # not an accelerator in pwsh
}


def _resolve(full: str) -> PSType | None:
    t = enums.ENUM_TYPES.get(full)
    if t is not None:
        return t
    f = _FACTORIES.get(full)
    return f() if f is not None else None


def lookup_static_type(lower_name: str) -> PSType | None:
    """A type known only to this module, by full name, name without 'System.', or accelerator
    (case-insensitive); resolved types are cached."""
    low = lower_name.lower().strip()
    if low in _RESOLVED:
        return _RESOLVED[low]
    candidates = [low, "system." + low]
    acc = ACCELERATORS.get(low)
    if acc is not None:
        candidates.insert(0, acc.lower())
    extra = _EXTRA_ALIASES.get(low, "")
    if extra:
        candidates.insert(0, extra)
    t = None
    for c in candidates:
        t = _RESOLVED.get(c) or _resolve(c)
        if t is not None:
            _RESOLVED[c] = t
            break
    _RESOLVED[low] = t
    return t


# --- member access -------------------------------------------------------------------------------
def _entry(t: PSType, low: str):
    table = STATIC_MEMBERS.get(t.fullname.lower())
    entry = table.get(low) if table else None
    if entry is None:
        entry = t.statics.get(low) if t.statics else None
    if entry is None and isinstance(t, enums.EnumType):
        entry = statics_numbers.ENUM_STATICS.get(low)
    if entry is None and t.fullname.endswith("[]"):
        entry = statics_misc.ARRAY_STATICS.get(low)
    return entry


def get_static_member(t: PSType, name: str):
    """The value of static property ``name`` (or the method function, for ``[math]::Round``
    without parentheses); ``MISSING`` when the type has no such member."""
    entry = _entry(t, name.lower())
    if entry is None:
        return MISSING
    if isinstance(entry, StaticProperty):
        return entry.getter()
    return entry


def has_static_member(t: PSType, name: str) -> bool:
    return _entry(t, name.lower()) is not None


def invoke_static(t: PSType, name: str, args: list):
    """Call static method ``name``; MethodNotFound (RuntimeException) when there is none."""
    low = name.lower()
    entry = _entry(t, low)
    if entry is None or isinstance(entry, StaticProperty):
        if low == "new" and t.ctor is not None:
            return t.ctor(*args)
        raise runtime_error(RuntimeException, "MethodNotFound",
                            f"Method invocation failed because [{t.fullname}] does not "
                            f"contain a method named '{name}'.", "InvalidOperation")
    return entry(*args)


def set_static_member(t: PSType, name: str, value) -> None:
    """Assign a settable static property (``[Console]::ForegroundColor = 'Red'``)."""
    entry = _entry(t, name.lower())
    if isinstance(entry, SettableStaticProperty):
        try:
            entry.setter(value)
        except DotNetException as e:
            raise exception_when_setting(name, e) from None
        return
    if entry is None:
        raise runtime_error(RuntimeException, "PropertyNotFound",
                            f"The property '{name}' cannot be found on this object. Verify "
                            "that the property exists and can be set.", "InvalidOperation")
    raise runtime_error(exception_class("System.Management.Automation.SetValueException"),
                        "PropertyAssignmentException",
                        f"'{name}' is a ReadOnly property.", "InvalidOperation")


def static_member_names(t: PSType) -> list[str]:
    """Lower-case names of the static members of ``t`` (Get-Member -Static, completion)."""
    names = dict.fromkeys(STATIC_MEMBERS.get(t.fullname.lower(), {}))
    names.update(dict.fromkeys(t.statics or {}))
    if isinstance(t, enums.EnumType):
        names.update(dict.fromkeys(statics_numbers.ENUM_STATICS))
    return list(names)


# Constructors for built-in types registered in types.py that have none there.
_BUILTIN_CTORS = ("system.string", "system.datetime", "system.timespan", "system.guid",
                  "system.collections.hashtable",
                  "system.collections.specialized.ordereddictionary")


def _attach_ctors() -> None:
    for name in _BUILTIN_CTORS:
        t = lookup_type(name)
        entry = STATIC_MEMBERS.get(name, {}).get("new")
        if t is not None and t.ctor is None and entry is not None:
            t.ctor = entry


_attach_ctors()
