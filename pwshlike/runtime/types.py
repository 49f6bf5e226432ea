"""Type literals: ``[int]``, ``[System.Collections.Generic.List[string]]``, casts and ``-is``.

A PSType pairs a .NET type name with the Python check and conversion that stand for it.
Accelerators and the built-in types are registered from tables; static members
(``[math]::Round``) come from ``dotnet.statics``.
"""
from __future__ import annotations

import datetime
import decimal
import math
import re
import uuid

from ..errors import (
    EXCEPTION_CLASSES,
    DotNetException,
    PSInvalidCastException,
    RuntimeException,
    runtime_error,
)
from . import numeric as N
from .convert import parse_number_string, to_bool, to_str
from .typenames import Char, type_name_of
from .values import GenericList, Hashtable, PSCustomObject, PSReference, SwitchParameter, TypedArray


class StaticProperty:
    """A static property in a static member table (``[int]::MaxValue``)."""
    __slots__ = ("getter",)

    def __init__(self, getter) -> None:
        self.getter = getter


class PSType:
    """A .NET type as PowerShell code sees it."""

    dotnet_fullname = "System.RuntimeType"

    def __init__(self, fullname: str, check=None, convert=None, statics=None,
                 element_type: PSType | None = None, generic_args=(), ctor=None,
                 is_value_type: bool = False) -> None:
        self.fullname = fullname
        self._check = check
        self._convert = convert
        self.statics = statics if statics is not None else {}
        self.element_type = element_type
        self.generic_args = tuple(generic_args)
        self.ctor = ctor
        self.is_value_type = is_value_type
        self.enum_members: dict | None = None

    # .NET-visible members
    @property
    def Name(self) -> str:
        base = self.fullname.split("[", 1)[0].rsplit(".", 1)[-1]
        if self.generic_args:
            return f"{base}`{len(self.generic_args)}"
        if self.fullname.endswith("]") and self.fullname[self.fullname.rfind("["):].strip(
                "[,]") == "":
            # an array type: the element's name plus this rank's brackets
            suffix = self.fullname[self.fullname.rfind("["):]
            return (self.element_type.Name if self.element_type else base) + suffix
        if "[" in self.fullname and "`" not in base:
            # a generic type known only by its full name (GetType() of a List[int])
            depth, count = 0, 1
            for ch in self.fullname[len(self.fullname.split("[", 1)[0]):]:
                depth += 1 if ch == "[" else -1 if ch == "]" else 0
                if ch == "," and depth == 1:
                    count += 1
            return f"{base}`{count}"
        return base

    @property
    def FullName(self) -> str:
        return self.fullname

    @property
    def Namespace(self) -> str:
        return self.fullname.split("[", 1)[0].rsplit(".", 1)[0]

    @property
    def IsEnum(self) -> bool:
        return self.enum_members is not None

    @property
    def IsArray(self) -> bool:
        return self.fullname.endswith("[]")

    @property
    def IsValueType(self) -> bool:
        return self.is_value_type

    @property
    def BaseType(self):
        return None

    def ToString(self) -> str:
        return self.fullname

    def GetType(self):
        return resolve_type("System.RuntimeType")

    def __repr__(self) -> str:
        return f"[{self.fullname}]"

    def __eq__(self, other) -> bool:
        return isinstance(other, PSType) and other.fullname.lower() == self.fullname.lower()

    def __hash__(self) -> int:
        return hash(self.fullname.lower())

    # behaviour
    def is_instance(self, v: object) -> bool:
        if self._check is not None:
            return self._check(v)
        return v is not None and type_name_of(v).lower() == self.fullname.lower()

    def convert(self, v: object):
        if self._convert is None:
            if self.is_instance(v):
                return v
            raise cast_error(v, self)
        return self._convert(v)


def cast_error(v: object, t: PSType | str, detail: str | None = None,
               error_id: str | None = None) -> DotNetException:
    tname = t.fullname if isinstance(t, PSType) else t
    shown = type_name_of(v) if isinstance(v, list) else to_str(v)   # .NET ToString()
    if detail is None:
        msg = (f'Cannot convert the "{shown}" value of type "{type_name_of(v)}" to type '
               f'"{tname}".') if not isinstance(v, str) else \
            f'Cannot convert value "{shown}" to type "{tname}". Error: "The input string ' \
            f"'{shown}' was not in a correct format.\""
    else:
        msg = f'Cannot convert value "{shown}" to type "{tname}". Error: "{detail}"'
    if v is None:
        msg = f'Cannot convert null to type "{tname}".'
    if error_id is None:
        error_id = "InvalidCastFromStringToInteger" if isinstance(v, str) else \
            "ConvertToFinalInvalidCastException"
    return runtime_error(PSInvalidCastException, error_id, msg, "InvalidArgument", v)


# .NET's OverflowException text per integer type ("…too small for an unsigned byte.")
_OVERFLOW_NAMES = {
    "System.Byte": "an unsigned byte", "System.SByte": "a signed byte",
    "System.Int16": "an Int16", "System.UInt16": "a UInt16", "System.Int32": "an Int32",
    "System.UInt32": "a UInt32", "System.Int64": "an Int64", "System.UInt64": "a UInt64",
}


def _overflow(v, tname: str) -> DotNetException:
    """A value outside an integer type's range: from another number pwsh reports the .NET
    conversion's failure (InvalidCastIConvertible); from a string, the parse's."""
    what = _OVERFLOW_NAMES.get(tname, "an " + tname.rsplit(".", 1)[-1])
    return cast_error(v, tname, f"Value was either too large or too small for {what}.",
                      None if isinstance(v, str) else "InvalidCastIConvertible")


# --- numeric conversions ------------------------------------------------------------------------
def _round_half_even(x) -> int:
    if isinstance(x, decimal.Decimal):
        return int(x.to_integral_value(rounding=decimal.ROUND_HALF_EVEN))
    return round(x)


def _to_integer(v, cls, tname: str) -> int:
    t = type(v)
    if t is int:
        r = v
    elif t is bool:
        r = int(v)
    elif v is None:
        r = 0
    elif isinstance(v, int):
        r = int(v)
    elif isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            raise _overflow(v, tname)
        # BigInteger's explicit conversion truncates; the fixed-size integers round
        r = int(v) if cls is N.BigInteger else _round_half_even(v)
    elif isinstance(v, decimal.Decimal):
        r = int(v) if cls is N.BigInteger else _round_half_even(v)
    elif isinstance(v, str):
        if isinstance(v, Char):
            r = ord(v)
        elif cls is N.BigInteger and v.strip().lstrip("+-").isdigit() and v.strip().isascii():
            r = int(v.strip())      # BigInteger.Parse: exact however many digits
        else:
            n = parse_number_string(v)
            if n is None:
                raise cast_error(v, tname, f"The input string '{v}' was not in a correct "
                                 "format.")
            if isinstance(n, float) and (math.isnan(n) or math.isinf(n)):
                raise cast_error(v, tname)
            r = _round_half_even(n) if not isinstance(n, int) else int(n)
    elif isinstance(v, SwitchParameter):
        r = int(v.IsPresent)
    elif isinstance(v, list) and len(v) == 1:
        return _to_integer(v[0], cls, tname)
    else:
        raise cast_error(v, tname)
    lo, hi = cls.min_value, cls.max_value
    if lo is not None and not (lo <= r <= hi):
        raise _overflow(v, tname)
    return cls(r) if cls is not int and cls is not _Int32Bounds else r


class _Int32Bounds:
    min_value, max_value = N.INT32_MIN, N.INT32_MAX


def to_int32(v) -> int:
    r = _to_integer(v, _Int32Bounds, "System.Int32")
    return int(r)


def to_double(v) -> float:
    t = type(v)
    if t is float:
        return v
    if t is int or t is bool:
        return float(v)
    if v is None:
        return 0.0
    if isinstance(v, (int, float, decimal.Decimal)):
        return float(v)
    if isinstance(v, str):
        n = parse_number_string(v)
        if n is None:
            raise cast_error(v, "System.Double")
        return float(n)
    if isinstance(v, list) and len(v) == 1:
        return to_double(v[0])
    raise cast_error(v, "System.Double")


def to_decimal(v) -> decimal.Decimal:
    if isinstance(v, decimal.Decimal):
        return v
    if isinstance(v, bool):
        return decimal.Decimal(int(v))
    if isinstance(v, int):
        return decimal.Decimal(int(v))
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v) or abs(v) > 7.9e28:
            raise cast_error(v, "System.Decimal", "Value was either too large or too small "
                             "for a Decimal.")
        if abs(v) < 1e-28:
            return decimal.Decimal(0)
        # .NET converts a double to decimal with at most 15 significant digits
        d = decimal.Decimal(format(v, ".15g"))
        if d.as_tuple().exponent > 0:
            d = d.quantize(decimal.Decimal(1))
        return d
    if v is None:
        return decimal.Decimal(0)
    if isinstance(v, str):
        try:
            return decimal.Decimal(v.strip())
        except decimal.InvalidOperation:
            n = parse_number_string(v)
            if n is None:
                raise cast_error(v, "System.Decimal") from None
            return to_decimal(n)
    raise cast_error(v, "System.Decimal")


def to_char(v) -> Char:
    if isinstance(v, str):
        if len(v) == 1:
            return Char(v)
        raise cast_error(v, "System.Char", "String must be exactly one character long.")
    if isinstance(v, int) and not isinstance(v, bool):
        return Char(chr(v))
    raise cast_error(v, "System.Char")


def to_bool_cast(v) -> bool:
    return to_bool(v)


# --- date parsing ----------------------------------------------------------------------------------------
_DATE_FORMATS = [
    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d", "%Y/%m/%d %H:%M:%S",
    "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y", "%b %d, %Y", "%B %d, %Y",
    "%d %b %Y %H:%M:%S", "%a, %d %b %Y %H:%M:%S GMT", "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p", "%H:%M:%S", "%H:%M", "%Y-%m", "%m/%d/%y",
]


def parse_datetime(s: str) -> datetime.datetime | None:
    """DateTime.Parse with the invariant culture (month/day/year, ISO 8601, RFC 1123)."""
    text = s.strip()
    if not text:
        return None
    iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
    if "T" in iso or (len(iso) >= 10 and iso[4] == "-"):
        try:
            d = datetime.datetime.fromisoformat(iso)
            if d.tzinfo is not None:
                d = d.astimezone(datetime.UTC) if text.endswith("Z") else \
                    d.astimezone().replace(tzinfo=None)
                if text.endswith("Z"):
                    d = d.astimezone().replace(tzinfo=None)
            return d
        except ValueError:
            pass
    for fmt in _DATE_FORMATS:
        try:
            d = datetime.datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt in ("%H:%M:%S", "%H:%M"):
            today = datetime.date.today()
            d = d.replace(year=today.year, month=today.month, day=today.day)
        return d
    return None


def to_datetime(v) -> datetime.datetime:
    if isinstance(v, datetime.datetime):
        return v
    if isinstance(v, str):
        d = parse_datetime(v)
        if d is None:
            raise cast_error(v, "System.DateTime", f"String '{v}' was not recognized as a "
                             "valid DateTime.")
        return d
    if isinstance(v, int) and not isinstance(v, bool):
        return datetime.datetime(1, 1, 1) + datetime.timedelta(microseconds=int(v) // 10)
    raise cast_error(v, "System.DateTime")


def to_timespan(v) -> datetime.timedelta:
    if isinstance(v, datetime.timedelta):
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        return datetime.timedelta(microseconds=int(v) // 10)
    if isinstance(v, str):
        m = re.fullmatch(r"\s*(-)?(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?\s*", v)
        if m:
            sign, d, h, mi, s, frac = m.groups()
            td = datetime.timedelta(days=int(d or 0), hours=int(h), minutes=int(mi),
                                    seconds=int(s or 0),
                                    microseconds=int((frac or "0").ljust(6, "0")[:6]))
            return -td if sign else td
        if re.fullmatch(r"\s*-?\d+\s*", v):
            return datetime.timedelta(days=int(v))
    raise cast_error(v, "System.TimeSpan")


# --- collections -----------------------------------------------------------------------------------------
def _as_list(v) -> list:
    if v is None:
        return []
    if isinstance(v, list):
        return v
    if isinstance(v, (tuple, range)):
        return list(v)
    from .enumerate import enumerate_value
    items = enumerate_value(v)
    return items if items is not None else [v]


def make_array_type(element: PSType | None) -> PSType:
    if element is None or element.fullname == "System.Object":
        return _REGISTRY["system.object[]"]

    def check(v, element=element):
        return isinstance(v, TypedArray) and v.element_type == element

    def convert(v, element=element):
        if v is None:
            return None
        items = _as_list(v)
        return TypedArray((element.convert(x) for x in items), element)

    def ctor(*args, element=element):
        """[T[]]::new(n): n default values of T."""
        if len(args) != 1:
            raise runtime_error(RuntimeException, "MethodCountCouldNotFindBest",
                                f'Cannot find an overload for "new" and the argument count: '
                                f'"{len(args)}".', "InvalidOperation")
        try:
            default = element.convert(None) if element.is_value_type else None
        except DotNetException:
            default = None
        return TypedArray([default] * to_int32(args[0]), element)
    return PSType(element.fullname + "[]", check, convert, element_type=element, ctor=ctor)


def make_multidim_type(element: PSType, rank: int) -> PSType:
    """[T[,]]: a rectangular array type of the given rank; ::new(d1, d2, ...) makes one."""
    from .values import MultiDimArray
    fullname = f"{element.fullname}[{',' * (rank - 1)}]"

    def check(v):
        return isinstance(v, MultiDimArray) and v.element_type == element and \
            len(v.dims) == rank

    def convert(v):
        if v is None or check(v):
            return v
        raise cast_error(v, fullname)

    def ctor(*dims):
        if len(dims) != rank:
            raise runtime_error(RuntimeException, "MethodCountCouldNotFindBest",
                                f'Cannot find an overload for "new" and the argument count: '
                                f'"{len(dims)}".', "InvalidOperation")
        try:
            default = element.convert(None) if element.is_value_type else None
        except DotNetException:
            default = None
        return MultiDimArray([to_int32(d) for d in dims], element, default)
    return PSType(fullname, check, convert, element_type=element, ctor=ctor)


def _object_array(v):
    if v is None:
        return None
    items = _as_list(v)
    return list(items) if not (type(items) is list and items is not v) else items


def make_generic(base: str, args: list[PSType]) -> PSType:
    low = base.lower()
    short = low.rsplit(".", 1)[-1]
    argnames = ",".join(a.fullname for a in args)
    if short in ("list", "hashset", "queue", "stack", "sortedset", "linkedlist"):
        full = f"System.Collections.Generic.{base.rsplit('.', 1)[-1]}[{argnames}]"
        element = args[0] if args else None

        def convert(v, element=element, full=full):
            if v is None:
                return None
            items = _as_list(v)
            return GenericList((element.convert(x) if element else x for x in items), element,
                               full)

        def ctor(*a, element=element, full=full):
            if a and not isinstance(a[0], int):
                return convert(a[0])
            return GenericList((), element, full)
        return PSType(full, lambda v, full=full: getattr(v, "fullname", None) == full,
                      convert, element_type=element, generic_args=args, ctor=ctor)
    if short in ("dictionary", "sorteddictionary", "concurrentdictionary"):
        full = f"System.Collections.Generic.Dictionary[{argnames}]"

        def ctor(*a):
            h = Hashtable()
            return h
        return PSType(full, lambda v: isinstance(v, Hashtable), lambda v: Hashtable(
            v.items() if isinstance(v, Hashtable) else v), generic_args=args, ctor=ctor)
    if short == "nullable":
        inner = args[0]
        return PSType(inner.fullname, inner.is_instance,
                      lambda v, inner=inner: None if v is None else inner.convert(v))
    raise KeyError(base)


# --- registry ------------------------------------------------------------------------------------------------
_REGISTRY: dict[str, PSType] = {}
ACCELERATORS = {
    "int": "System.Int32", "int32": "System.Int32", "long": "System.Int64",
    "int64": "System.Int64", "short": "System.Int16", "int16": "System.Int16",
    "byte": "System.Byte", "sbyte": "System.SByte", "uint16": "System.UInt16",
    "ushort": "System.UInt16", "uint32": "System.UInt32", "uint": "System.UInt32",
    "uint64": "System.UInt64", "ulong": "System.UInt64", "bigint": "System.Numerics.BigInteger",
    "double": "System.Double", "float": "System.Single", "single": "System.Single",
    "decimal": "System.Decimal", "string": "System.String", "char": "System.Char",
    "bool": "System.Boolean", "boolean": "System.Boolean", "object": "System.Object",
    "psobject": "System.Management.Automation.PSObject",
    "pscustomobject": "System.Management.Automation.PSCustomObject",
    "hashtable": "System.Collections.Hashtable", "array": "System.Array",
    "datetime": "System.DateTime", "timespan": "System.TimeSpan", "guid": "System.Guid",
    "regex": "System.Text.RegularExpressions.Regex", "scriptblock":
    "System.Management.Automation.ScriptBlock", "switch":
    "System.Management.Automation.SwitchParameter", "ref": "System.Management.Automation.PSReference",
    "type": "System.Type", "void": "System.Void", "math": "System.Math",
    "ordered": "System.Collections.Specialized.OrderedDictionary",
    "arraylist": "System.Collections.ArrayList", "exception": "System.Exception",
    "errorrecord": "System.Management.Automation.ErrorRecord",
    "version": "System.Version", "uri": "System.Uri", "xml": "System.Xml.XmlDocument",
    "securestring": "System.Security.SecureString", "text.stringbuilder":
    "System.Text.StringBuilder", "datetimeoffset": "System.DateTimeOffset",
    "runtimetype": "System.RuntimeType", "enum": "System.Enum", "valuetype": "System.ValueType",
    "nullable": "System.Nullable", "cultureinfo": "System.Globalization.CultureInfo",
    "pscredential": "System.Management.Automation.PSCredential",
    "ipaddress": "System.Net.IPAddress", "mailaddress": "System.Net.Mail.MailAddress",
    "semver": "System.Management.Automation.SemanticVersion",
    "wildcardpattern": "System.Management.Automation.WildcardPattern",
    "powershell": "System.Management.Automation.PowerShell",
}


def register(t: PSType, *aliases: str) -> PSType:
    _REGISTRY[t.fullname.lower()] = t
    for a in aliases:
        _REGISTRY[a.lower()] = t
    return t


def _int_check(cls):
    if cls is None:
        return lambda v: type(v) is int and N.INT32_MIN <= v <= N.INT32_MAX
    if cls is N.Int64:
        return lambda v: type(v) is N.Int64 or (type(v) is int and not (
            N.INT32_MIN <= v <= N.INT32_MAX))
    return lambda v: type(v) is cls


def _register_builtins() -> None:
    r = register
    r(PSType("System.Object", lambda v: v is not None, lambda v: v))
    r(PSType("System.Object[]", lambda v: isinstance(v, list) and not isinstance(
        v, (TypedArray, GenericList)), _object_array, element_type=None,
        ctor=lambda n: [None] * to_int32(n)))
    r(PSType("System.Array", lambda v: isinstance(v, list) and not isinstance(v, GenericList),
             _object_array))
    r(PSType("System.Int32", _int_check(None), to_int32, is_value_type=True))
    for cls in (N.Int64, N.Int16, N.Byte, N.SByte, N.UInt16, N.UInt32, N.UInt64, N.BigInteger):
        name = "System.Numerics.BigInteger" if cls is N.BigInteger else f"System.{cls.dotnet_name}"
        r(PSType(name, _int_check(cls),
                 lambda v, cls=cls, name=name: _to_integer(v, cls, name), is_value_type=True))
    r(PSType("System.Double", lambda v: type(v) is float, to_double, is_value_type=True))
    r(PSType("System.Single", lambda v: type(v) is N.Single,
             lambda v: N.to_single(to_double(v)), is_value_type=True))
    r(PSType("System.Decimal", lambda v: isinstance(v, decimal.Decimal), to_decimal,
             is_value_type=True))
    r(PSType("System.String", lambda v: isinstance(v, str) and not isinstance(v, Char),
             lambda v: None if v is None else to_str(v)))
    r(PSType("System.Char", lambda v: isinstance(v, Char), to_char, is_value_type=True))
    r(PSType("System.Boolean", lambda v: type(v) is bool, to_bool_cast, is_value_type=True))
    r(PSType("System.DateTime", lambda v: isinstance(v, datetime.datetime), to_datetime,
             is_value_type=True))
    r(PSType("System.TimeSpan", lambda v: isinstance(v, datetime.timedelta), to_timespan,
             is_value_type=True))
    r(PSType("System.Guid", lambda v: isinstance(v, uuid.UUID),
             lambda v: v if isinstance(v, uuid.UUID) else _to_guid(v), is_value_type=True))
    r(PSType("System.Collections.Hashtable", lambda v: isinstance(v, Hashtable) and not v.ordered,
             _to_hashtable))
    r(PSType("System.Collections.Specialized.OrderedDictionary",
             lambda v: isinstance(v, Hashtable) and v.ordered,
             lambda v: _to_hashtable(v, ordered=True)))
    r(PSType("System.Collections.IDictionary", lambda v: isinstance(v, Hashtable), _to_hashtable))
    r(PSType("System.Collections.IList", lambda v: isinstance(v, list), _object_array))
    r(PSType("System.Collections.ICollection", lambda v: isinstance(v, (list, Hashtable)), None))
    r(PSType("System.Collections.IEnumerable",
             lambda v: isinstance(v, (list, Hashtable, str)), None))
    r(PSType("System.Collections.ArrayList",
             lambda v: getattr(v, "fullname", None) == "System.Collections.ArrayList",
             lambda v: GenericList(_as_list(v)),
             ctor=lambda *a: GenericList(_as_list(a[0]) if a and not isinstance(a[0], int)
                                         else ())))
    r(PSType("System.Management.Automation.PSObject", lambda v: v is not None, lambda v: v))
    r(PSType("System.Management.Automation.PSCustomObject",
             lambda v: isinstance(v, PSCustomObject), _to_pscustomobject))
    r(PSType("System.Management.Automation.SwitchParameter",
             lambda v: isinstance(v, SwitchParameter),
             lambda v: v if isinstance(v, SwitchParameter) else SwitchParameter(to_bool(v))))
    r(PSType("System.Management.Automation.PSReference", lambda v: isinstance(v, PSReference),
             lambda v: v if isinstance(v, PSReference) else PSReference.to_value(v)))
    r(PSType("System.Text.RegularExpressions.Regex", lambda v: isinstance(v, re.Pattern),
             lambda v: v if isinstance(v, re.Pattern) else _to_regex(v),
             ctor=lambda *a: _to_regex(*a)))
    r(PSType("System.Void", lambda v: False, lambda v: None))
    r(PSType("System.Type", lambda v: isinstance(v, PSType), _to_type))
    r(PSType("System.RuntimeType", lambda v: isinstance(v, PSType), _to_type))
    r(PSType("System.Enum", lambda v: hasattr(type(v), "enum_type"), None))
    r(PSType("System.ValueType", lambda v: isinstance(v, (int, float, decimal.Decimal,
                                                           datetime.datetime)), None))
    r(PSType("System.Math"))
    sb_type = PSType("System.Management.Automation.ScriptBlock",
                     lambda v: type(v).__name__ == "ScriptBlock", None)
    sb_type.ps_invoke_static = _scriptblock_static
    r(sb_type)
    r(PSType("System.Management.Automation.ErrorRecord",
             lambda v: type(v).__name__ == "ErrorRecord", None, ctor=_new_error_record))
    r(PSType("System.Nullable"))
    for full, cls in list(EXCEPTION_CLASSES.items()):
        _register_exception(cls)


def _scriptblock_static(ctx, name: str, args):
    """``[scriptblock]::Create(text)``: the text compiled as a script block of this session."""
    if name.lower() != "create":
        from .dotnet import statics
        return statics.invoke_static(lookup_type("scriptblock"), name, list(args))
    from .dotnet.common import invocation_error, overload_error
    if len(args) != 1:
        raise overload_error("Create", len(args))
    from .. import parse
    from ..compiler.codegen import compile_script
    from ..errors import ParseError
    from .convert import to_str
    from .scriptblock import ScriptBlock
    text = "" if args[0] is None else to_str(args[0])
    try:
        info = compile_script(parse(text), text, None)
    except ParseError as e:
        from .scriptfile import parse_exception
        raise invocation_error("Create", 1, parse_exception(e)) from None
    return ScriptBlock(info, ctx)


def _new_error_record(exception, error_id=None, category=None, target=None):
    """[ErrorRecord]::new(exception, errorId, category, targetObject)."""
    from ..errors import ErrorRecord
    if isinstance(exception, ErrorRecord):       # ErrorRecord(ErrorRecord, Exception)
        rec = ErrorRecord(error_id if isinstance(error_id, BaseException) else exception.Exception,
                          exception.error_id, exception.CategoryInfo.Category,
                          exception.TargetObject, exception.InvocationInfo)
        rec.FullyQualifiedErrorId = exception.FullyQualifiedErrorId
        return rec
    rec = ErrorRecord(exception, to_str(error_id) if error_id is not None else "",
                      to_str(category) if category is not None else "NotSpecified", target)
    if isinstance(exception, BaseException) and getattr(exception, "error_record", 1) is None:
        exception.error_record = rec
    return rec


def _register_exception(cls) -> PSType:
    def ctor(*args, cls=cls):
        message = to_str(args[0]) if args else None
        inner = args[1] if len(args) > 1 and isinstance(args[1], BaseException) else None
        return cls(message, inner)
    t = PSType(cls.dotnet_fullname, lambda v, cls=cls: isinstance(v, cls),
               lambda v, cls=cls: v if isinstance(v, cls) else cls(to_str(v)), ctor=ctor)
    t.exception_class = cls
    return register(t)


def _new_error_record(exception, error_id, category, target=None):
    """ErrorRecord(Exception, string errorId, ErrorCategory, object targetObject)."""
    from ..errors import ErrorRecord
    from .dotnet.enums import ErrorCategory
    if not isinstance(exception, BaseException):
        raise cast_error(exception, "System.Exception")
    cat = ErrorCategory.name_of(ErrorCategory.convert(category))
    return ErrorRecord(exception, to_str(error_id), cat, target)


def _to_guid(v):
    try:
        return uuid.UUID(to_str(v).strip("{}() "))
    except ValueError:
        raise cast_error(v, "System.Guid", "Unrecognized Guid format.") from None


def _to_hashtable(v, ordered: bool = False):
    if isinstance(v, Hashtable):
        if ordered and not v.ordered:
            raise cast_error(v, "System.Collections.Specialized.OrderedDictionary")
        if v.ordered and not ordered:
            # an OrderedDictionary is no Hashtable: the cast copies its entries into one
            return Hashtable(v.items())
        return v
    if isinstance(v, PSCustomObject):
        return Hashtable(v.properties(), ordered=ordered)
    if v is None:
        return None
    raise cast_error(v, "System.Collections.Hashtable")


def _to_pscustomobject(v):
    if isinstance(v, Hashtable):
        return PSCustomObject(v.items())
    return v


def _to_regex(pattern, options=None):
    from .regex import compile_regex
    return compile_regex(to_str(pattern), options)


def _to_type(v):
    if isinstance(v, PSType):
        return v
    if isinstance(v, str):
        return resolve_type(v)
    raise cast_error(v, "System.Type")


_register_builtins()
_USER_TYPES: dict[str, PSType] = {}


def register_user_type(t: PSType) -> None:
    _USER_TYPES[t.fullname.lower()] = t


def type_not_found(name: str) -> DotNetException:
    return runtime_error(RuntimeException, "TypeNotFound", f"Unable to find type [{name}].",
                         "InvalidOperation", name)


def lookup_type(name: str) -> PSType | None:
    """Find a type by full name, accelerator, or name without 'System.'."""
    low = name.lower()
    t = _USER_TYPES.get(low) or _REGISTRY.get(low)
    if t is not None:
        return t
    acc = ACCELERATORS.get(low)
    if acc is not None:
        t = _REGISTRY.get(acc.lower())
        if t is not None:
            return t
    for prefix in ("system.", "system.management.automation.", "system.collections.",
                   "system.collections.generic.", "microsoft.powershell.commands."):
        t = _REGISTRY.get(prefix + low)
        if t is not None:
            return t
    try:
        from .dotnet import statics
    except ImportError:
        return None
    t = statics.lookup_static_type(low)
    if t is not None:
        return t
    from ..session_types import lookup_session_type
    return lookup_session_type(low)


def resolve_type(name: str, generic_args: list | None = None, rank: int = 0,
                 namespaces: tuple[str, ...] = ()) -> PSType:
    """The PSType for a type literal; raises TypeNotFound.

    ``namespaces`` are the script's ``using namespace`` names: a name that is not a type on
    its own is tried in each of them, in order."""
    if namespaces and not generic_args and lookup_type(name) is None:
        for ns in namespaces:
            if lookup_type(f"{ns}.{name}") is not None:
                name = f"{ns}.{name}"
                break
    if generic_args:
        args = [a if isinstance(a, PSType) else resolve_type(a) for a in generic_args]
        try:
            t = make_generic(name, args)
        except KeyError:
            raise type_not_found(f"{name}[{','.join(a.fullname for a in args)}]") from None
    else:
        t = lookup_type(name)
        if t is None:
            if name.endswith("[]"):
                return make_array_type(resolve_type(name[:-2]))
            if name.endswith(",]") and "[" in name:
                base, _, commas = name[:-1].rpartition("[")
                if commas.strip(",") == "":
                    return make_multidim_type(resolve_type(base), len(commas) + 1)
            raise type_not_found(name)
    for _ in range(rank):
        t = make_array_type(t)
    return t


def resolve_type_node(node) -> PSType:
    """Resolve an AST TypeName (generic arguments and array ranks included)."""
    args = [resolve_type_node(a) for a in node.generic_args] if node.generic_args else None
    return resolve_type(node.name, args, node.array_rank, node.namespaces)


def convert_to(value, t: PSType):
    return t.convert(value)


def is_instance(value, t: PSType) -> bool:
    if t.fullname == "System.Object":
        return value is not None
    return t.is_instance(value)
