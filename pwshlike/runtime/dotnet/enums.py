""".NET enums: an ``int`` subclass per enum type whose ``enum_type`` is its PSType.

``make_enum(fullname, members, flags)`` builds one; the standard enums scripts use
(ConsoleColor, DayOfWeek, StringSplitOptions, ...) are defined below and registered in
``ENUM_TYPES`` (lower-case full name → EnumType).  Conversion follows PowerShell: from
integers (which must be defined values, or combinations of them for [Flags]), from names
(case-insensitive), from 'A, B' for flags, and from another enum's value.
"""
from __future__ import annotations

import re

from ...errors import PSInvalidCastException, runtime_error
from ..types import PSType, StaticProperty, cast_error


class EnumValue(int):
    """Base of the value classes; each subclass has ``enum_type`` (its EnumType)."""
    __slots__ = ()

    def __repr__(self) -> str:
        et = type(self).enum_type  # type: ignore[attr-defined]
        return f"[{et.fullname}]::{et.name_of(self)}"

    def __str__(self) -> str:
        return type(self).enum_type.name_of(self)  # type: ignore[attr-defined]

    def __format__(self, spec: str) -> str:
        return format(int(self), spec) if spec else str(self)


_NUMERIC = re.compile(r"[+-]?\d+")


class EnumType(PSType):
    """The PSType of an enum: members, name lookup, formatting and conversion."""

    def __init__(self, fullname: str, members: dict[str, int], flags: bool = False,
                 underlying: str = "System.Int32") -> None:
        short = re.split(r"[.+]", fullname)[-1]
        cls = type(short, (EnumValue,), {"__slots__": (), "enum_type": None,
                                          "__module__": __name__})
        super().__init__(fullname, check=lambda v, cls=cls: type(v) is cls,
                         convert=self._convert_value, is_value_type=True)
        cls.enum_type = self
        self.enum_class = cls
        self.flags = flags
        self.underlying = underlying
        self.enum_members: dict[str, EnumValue] = {}
        self._by_lower: dict[str, EnumValue] = {}
        self._by_value: dict[int, str] = {}
        for name, value in members.items():
            v = cls(value)
            self.enum_members[name] = v
            self._by_lower[name.lower()] = v
            self._by_value.setdefault(int(value), name)
        order = list(members)
        self.sorted_names = sorted(order, key=lambda n: (int(members[n]) & 0xFFFFFFFFFFFFFFFF,
                                                         order.index(n)))
        self._all_bits = 0
        for value in members.values():
            self._all_bits |= int(value)
        for name, v in self.enum_members.items():
            self.statics[name.lower()] = StaticProperty(lambda v=v: v)

    # .NET-visible members of the type object
    @property
    def Name(self) -> str:
        return self.enum_class.__name__

    @property
    def BaseType(self):
        from ..types import resolve_type
        return resolve_type("System.Enum")

    def GetEnumNames(self) -> list:
        from .common import string_array
        return string_array(self.sorted_names)

    def GetEnumValues(self) -> list:
        return self.values_array()

    def GetEnumName(self, value):
        """The (first defined) name of ``value``, or None."""
        try:
            v = int(value) if isinstance(value, int) else int(self.convert(value))
        except Exception:  # noqa: BLE001 - not a value of this enum
            return None
        return self._by_value.get(v)

    def IsEnumDefined(self, value) -> bool:
        if isinstance(value, str):
            return value in self.enum_members
        return int(value) in self._by_value

    def GetEnumUnderlyingType(self):
        from ..types import resolve_type
        return resolve_type(self.underlying)

    # behaviour
    def member(self, name: str) -> EnumValue | None:
        return self._by_lower.get(name.strip().lower())

    def values_array(self) -> list:
        from ..values import TypedArray
        return TypedArray((self.enum_members[n] for n in self.sorted_names), self)

    def is_defined(self, value: int) -> bool:
        return int(value) in self._by_value

    def name_of(self, value) -> str:
        """Enum.ToString(): the member name, 'A, B' for flags, else the number."""
        v = int(value)
        name = self._by_value.get(v)
        if name is not None:
            return name
        if self.flags and v > 0:
            return self._flag_names(v) or str(v)
        return str(v)

    def _flag_names(self, v: int) -> str | None:
        parts = []
        rest = v
        for value in sorted(self._by_value, reverse=True):
            if value != 0 and rest & value == value:
                parts.append(self._by_value[value])
                rest -= value
                if rest == 0:
                    break
        if rest != 0:
            return None
        return ", ".join(reversed(parts))

    def format(self, value, spec: str | None) -> str:
        """Enum.ToString(format): G (name), D (number), X (hex), F (flags style)."""
        v = int(value)
        s = (spec or "G").strip()
        if s in ("G", "g"):
            return self.name_of(v)
        if s in ("D", "d"):
            return str(v)
        if s in ("X", "x"):
            width = {"System.Int64": 16, "System.UInt64": 16, "System.Int16": 4,
                     "System.UInt16": 4, "System.Byte": 2, "System.SByte": 2}.get(
                         self.underlying, 8)
            return format(v & ((1 << (4 * width)) - 1), f"0{width}X")
        if s in ("F", "f"):
            name = self._by_value.get(v)
            if name is not None:
                return name
            return (self._flag_names(v) if v > 0 else None) or str(v)
        from .common import format_error
        raise format_error("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", "
                           "\"f\", \"D\" or \"d\".")

    def from_int(self, v: int, original=None) -> EnumValue:
        if v in self._by_value or (self.flags and v & ~self._all_bits == 0 and v >= 0):
            return self.enum_class(v)
        shown = v if original is None else original
        raise runtime_error(
            PSInvalidCastException, "RuntimeException",
            f'Cannot convert value "{shown}" to type "{self.fullname}" due to enumeration '
            "values that are not valid. Specify one of the following enumeration values and "
            f'try again. The possible enumeration values are "{",".join(self.sorted_names)}".',
            "InvalidArgument", original)

    def _name_error(self, text: str, original) -> Exception:
        names = ", ".join(self.sorted_names)
        return cast_error(original, self,
                          f"Unable to match the identifier name {text} to a valid enumerator "
                          "name. Specify one of the following enumerator names and try again:"
                          f"\n{names}")

    def parse(self, text: str, ignore_case: bool = True, original=None) -> EnumValue:
        """Enum.Parse: names (case-insensitively by default), numbers, 'A, B' for flags."""
        original = text if original is None else original
        s = text.strip()
        if _NUMERIC.fullmatch(s):
            return self.from_int(int(s), original)
        parts = [p.strip() for p in s.split(",")] if "," in s else [s]
        if len(parts) > 1 and not self.flags:
            raise self._name_error(text, original)
        total = 0
        for p in parts:
            v = self._by_lower.get(p.lower())
            if v is not None and not ignore_case and self._by_value.get(int(v)) != p and \
                    p not in self.enum_members:
                v = None
            if v is None:
                raise self._name_error(text if len(parts) == 1 else p, original)
            total |= int(v)
        return self.enum_class(total)

    def _convert_value(self, v):
        cls = self.enum_class
        if type(v) is cls:
            return v
        if v is None:
            raise cast_error(v, self)
        if isinstance(v, str):
            return self.parse(v, True, v)
        if isinstance(v, bool):
            return self.from_int(int(v), v)
        if isinstance(v, int):
            return self.from_int(int(v), v)
        if isinstance(v, float) and v.is_integer():
            return self.from_int(int(v), v)
        if hasattr(v, "is_finite") and v.is_finite() and v == int(v):   # Decimal
            return self.from_int(int(v), v)
        if isinstance(v, list):
            if len(v) == 1:
                return self._convert_value(v[0])
            if self.flags and v:
                total = 0
                for item in v:
                    total |= int(self._convert_value(item))
                return cls(total)
        raise cast_error(v, self)


ENUM_TYPES: dict[str, EnumType] = {}


def make_enum(fullname: str, members: dict[str, int], flags: bool = False,
              underlying: str = "System.Int32") -> EnumType:
    """Create an enum type (not registered anywhere)."""
    return EnumType(fullname, members, flags, underlying)


def define_enum(fullname: str, members, flags: bool = False) -> EnumType:
    """Create an enum and register it in ENUM_TYPES; ``members`` may be a list (0, 1, ...)."""
    if not isinstance(members, dict):
        members = {n: i for i, n in enumerate(members)}
    t = make_enum(fullname, members, flags)
    ENUM_TYPES[fullname.lower()] = t
    return t


def enum_method_tostring(v, fmt=None, *_provider) -> str:
    et = type(v).enum_type
    if fmt is not None and not isinstance(fmt, str):
        fmt = None
    return et.format(v, fmt)


# --- the standard enums ------------------------------------------------------------------------
ConsoleColor = define_enum("System.ConsoleColor", [
    "Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow",
    "Gray", "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White"])
DayOfWeek = define_enum("System.DayOfWeek", [
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"])
StringSplitOptions = define_enum("System.StringSplitOptions",
                                 {"None": 0, "RemoveEmptyEntries": 1, "TrimEntries": 2},
                                 flags=True)
StringComparison = define_enum("System.StringComparison", [
    "CurrentCulture", "CurrentCultureIgnoreCase", "InvariantCulture",
    "InvariantCultureIgnoreCase", "Ordinal", "OrdinalIgnoreCase"])
MidpointRounding = define_enum("System.MidpointRounding", [
    "ToEven", "AwayFromZero", "ToZero", "ToNegativeInfinity", "ToPositiveInfinity"])
DateTimeKind = define_enum("System.DateTimeKind", ["Unspecified", "Utc", "Local"])
RegexOptions = define_enum("System.Text.RegularExpressions.RegexOptions", {
    "None": 0, "IgnoreCase": 1, "Multiline": 2, "ExplicitCapture": 4, "Compiled": 8,
    "Singleline": 16, "IgnorePatternWhitespace": 32, "RightToLeft": 64, "ECMAScript": 256,
    "CultureInvariant": 512, "NonBacktracking": 1024}, flags=True)
FileMode = define_enum("System.IO.FileMode", {
    "CreateNew": 1, "Create": 2, "Open": 3, "OpenOrCreate": 4, "Truncate": 5, "Append": 6})
FileAccess = define_enum("System.IO.FileAccess", {"Read": 1, "Write": 2, "ReadWrite": 3},
                         flags=True)
SearchOption = define_enum("System.IO.SearchOption", ["TopDirectoryOnly", "AllDirectories"])
Base64FormattingOptions = define_enum("System.Base64FormattingOptions",
                                      {"None": 0, "InsertLineBreaks": 1}, flags=True)
UriKind = define_enum("System.UriKind", ["RelativeOrAbsolute", "Absolute", "Relative"])
UriPartial = define_enum("System.UriPartial", ["Scheme", "Authority", "Path", "Query"])
NormalizationForm = define_enum("System.Text.NormalizationForm",
                                {"FormC": 1, "FormD": 2, "FormKC": 5, "FormKD": 6})
DateTimeStyles = define_enum("System.Globalization.DateTimeStyles", {
    "None": 0, "AllowLeadingWhite": 1, "AllowTrailingWhite": 2, "AllowInnerWhite": 4,
    "AllowWhiteSpaces": 7, "NoCurrentDateDefault": 8, "AdjustToUniversal": 16,
    "AssumeLocal": 32, "AssumeUniversal": 64, "RoundtripKind": 128}, flags=True)
NumberStyles = define_enum("System.Globalization.NumberStyles", {
    "None": 0, "AllowLeadingWhite": 1, "AllowTrailingWhite": 2, "AllowLeadingSign": 4,
    "Integer": 7, "AllowTrailingSign": 8, "AllowParentheses": 16, "AllowDecimalPoint": 32,
    "AllowThousands": 64, "Number": 111, "AllowExponent": 128, "Float": 167,
    "AllowCurrencySymbol": 256, "Currency": 383, "Any": 511, "AllowHexSpecifier": 512,
    "HexNumber": 515, "AllowBinarySpecifier": 1024, "BinaryNumber": 1027}, flags=True)
OutputRendering = define_enum("System.Management.Automation.OutputRendering",
                              ["Host", "PlainText", "Ansi"])
ProgressView = define_enum("System.Management.Automation.ProgressView", ["Minimal", "Classic"])
SecurityProtocolType = define_enum("System.Net.SecurityProtocolType", {
    "SystemDefault": 0, "Ssl3": 48, "Tls": 192, "Tls11": 768, "Tls12": 3072, "Tls13": 12288},
    flags=True)
SpecialFolder = define_enum("System.Environment+SpecialFolder", {
    "Desktop": 0, "Programs": 2, "Personal": 5, "MyDocuments": 5, "Favorites": 6,
    "Startup": 7, "Recent": 8, "SendTo": 9, "StartMenu": 11, "MyMusic": 13, "MyVideos": 14,
    "DesktopDirectory": 16, "MyComputer": 17, "NetworkShortcuts": 19, "Fonts": 20,
    "Templates": 21, "CommonStartMenu": 22, "CommonPrograms": 23, "CommonStartup": 24,
    "CommonDesktopDirectory": 25, "ApplicationData": 26, "PrinterShortcuts": 27,
    "LocalApplicationData": 28, "InternetCache": 32, "Cookies": 33, "History": 34,
    "CommonApplicationData": 35, "Windows": 36, "System": 37, "ProgramFiles": 38,
    "MyPictures": 39, "UserProfile": 40, "SystemX86": 41, "ProgramFilesX86": 42,
    "CommonProgramFiles": 43, "CommonProgramFilesX86": 44, "CommonTemplates": 45,
    "CommonDocuments": 46, "CommonAdminTools": 47, "AdminTools": 48, "CommonMusic": 53,
    "CommonPictures": 54, "CommonVideos": 55, "Resources": 56, "LocalizedResources": 57,
    "CommonOemLinks": 58, "CDBurning": 59})
ENUM_TYPES["system.environment.specialfolder"] = SpecialFolder
ActionPreference = define_enum("System.Management.Automation.ActionPreference", {
    "SilentlyContinue": 0, "Stop": 1, "Continue": 2, "Inquire": 3, "Ignore": 4, "Suspend": 5,
    "Break": 6})
ConfirmImpact = define_enum("System.Management.Automation.ConfirmImpact",
                            ["None", "Low", "Medium", "High"])
ErrorCategory = define_enum("System.Management.Automation.ErrorCategory", [
    "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected",
    "InvalidArgument", "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType",
    "MetadataError", "NotImplemented", "NotInstalled", "ObjectNotFound", "OperationStopped",
    "OperationTimeout", "SyntaxError", "ParserError", "PermissionDenied", "ResourceBusy",
    "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError", "FromStdErr",
    "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError",
    "LimitsExceeded", "QuotaExceeded", "NotEnabled"])
