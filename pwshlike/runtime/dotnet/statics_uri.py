"""System.Uri, System.Version and System.Globalization.CultureInfo/TextInfo."""
from __future__ import annotations

import functools
import re

from ..convert import to_str
from ..types import StaticProperty
from .common import a_int, a_str, arg_null, format_error, net_error, static


def const(value) -> StaticProperty:
    return StaticProperty(lambda: value)


# --- Uri -------------------------------------------------------------------------------------------
DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21, "ws": 80, "wss": 443, "gopher": 70,
                 "nntp": 119, "news": 119, "telnet": 23, "ldap": 389, "mailto": 25}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):(.*)", re.DOTALL)
_RELATIVE = "This operation is not supported for a relative URI."
_UNSAFE_PATH = re.compile(r"[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]")
_UNSAFE_QUERY = re.compile(r"[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]")


def _escape(s: str, rx: re.Pattern) -> str:
    return rx.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), s)


def _remove_dots(path: str) -> str:
    if "." not in path:
        return path
    out: list[str] = []
    for seg in path.split("/"):
        if seg == "..":
            if len(out) > 1:
                out.pop()
        elif seg != ".":
            out.append(seg)
    result = "/".join(out)
    if path.endswith(("/.", "/..")):
        result += "/"
    return result if result.startswith("/") else "/" + result


def uri_error(msg: str = "The format of the URI could not be determined."):
    from ...errors import exception_class
    cls = exception_class("System.FormatException")
    return cls(f"Invalid URI: {msg}", error_id="UriFormatException")


class Uri:
    """System.Uri (absolute or relative)."""

    dotnet_class = True
    dotnet_fullname = "System.Uri"
    ps_properties = (
        "AbsolutePath", "AbsoluteUri", "LocalPath", "Authority", "HostNameType",
        "IsDefaultPort", "IsFile", "IsLoopback", "PathAndQuery", "Segments", "IsUnc", "Host",
        "Port", "Query", "Fragment", "Scheme", "OriginalString", "DnsSafeHost", "IdnHost",
        "IsAbsoluteUri", "UserEscaped", "UserInfo")
    __slots__ = ("_absolute", "_fragment", "_host", "_original", "_path", "_port", "_query",
                 "_scheme", "_userinfo")

    def __init__(self, text: str, kind: int = 1) -> None:
        """kind: 0 RelativeOrAbsolute, 1 Absolute, 2 Relative (UriKind)."""
        self._original = text
        s = text.strip()
        self._scheme = self._host = self._userinfo = ""
        self._port = -1
        self._path = self._query = self._fragment = ""
        m = _SCHEME.fullmatch(s)
        if s.startswith("/") and not s.startswith("//") and kind != 2:
            self._absolute = True
            self._scheme, self._path = "file", _escape(_remove_dots(s), _UNSAFE_PATH)
            return
        if not m or len(m.group(1)) < 2:
            if kind == 1:
                raise uri_error()
            self._absolute = False
            return
        if kind == 2:
            raise uri_error("A relative URI cannot be created because the 'uriString' "
                            "parameter represents an absolute URI.")
        self._absolute = True
        self._scheme = m.group(1).lower()
        rest = m.group(2)
        if "#" in rest:
            rest, frag = rest.split("#", 1)
            self._fragment = "#" + _escape(frag, _UNSAFE_QUERY)
        if "?" in rest:
            rest, q = rest.split("?", 1)
            self._query = "?" + _escape(q, _UNSAFE_QUERY)
        if rest.startswith("//"):
            rest = rest[2:]
            slash = rest.find("/")
            auth, path = (rest, "") if slash < 0 else (rest[:slash], rest[slash:])
            if "@" in auth:
                self._userinfo, auth = auth.rsplit("@", 1)
            hm = re.fullmatch(r"(\[[^\]]*\]|[^:]*)(?::(\d*))?", auth)
            if not hm:
                raise uri_error("Invalid port specified.")
            self._host = hm.group(1).lower()
            if hm.group(2):
                port = int(hm.group(2))
                if port > 65535:
                    raise uri_error("Invalid port specified.")
                self._port = port
            else:
                self._port = DEFAULT_PORTS.get(self._scheme, -1)
            if not self._host and self._scheme not in ("file",):
                raise uri_error("The hostname could not be parsed.")
            self._path = _escape(_remove_dots(path or "/"), _UNSAFE_PATH)
        else:
            self._path = _escape(rest, _UNSAFE_PATH)

    # helpers
    def _need_absolute(self) -> None:
        if not self._absolute:
            raise net_error("InvalidOperationException", _RELATIVE)

    def _authority(self) -> str:
        port = "" if self._port in (-1, DEFAULT_PORTS.get(self._scheme, -1)) else \
            f":{self._port}"
        return self._host + port

    def _absolute_uri(self) -> str:
        if self._scheme in ("mailto", "urn", "news", "data") and not self._host:
            return f"{self._scheme}:{self._path}{self._query}{self._fragment}"
        user = self._userinfo + "@" if self._userinfo else ""
        return (f"{self._scheme}://{user}{self._authority()}{self._path}{self._query}"
                f"{self._fragment}")

    def __eq__(self, other) -> bool:
        if isinstance(other, str):
            try:
                other = Uri(other, 0)
            except Exception:  # noqa: BLE001 - not a URI: not equal
                return False
        if not isinstance(other, Uri):
            return False
        if self._absolute and other._absolute:
            a, b = self._absolute_uri(), other._absolute_uri()
            return a.split("#")[0] == b.split("#")[0]
        return self._original == other._original

    def __hash__(self) -> int:
        return hash(self._absolute_uri() if self._absolute else self._original)

    def __str__(self) -> str:
        return self.ToString()

    def __repr__(self) -> str:
        return f"Uri({self._original!r})"

    # .NET members
    def ToString(self) -> str:
        if not self._absolute:
            return self._original
        from urllib.parse import unquote
        return unquote(self._absolute_uri())

    def Equals(self, other) -> bool:
        return self == other

    def GetLeftPart(self, part) -> str:
        self._need_absolute()
        from .enums import UriPartial
        p = int(UriPartial.convert(part))
        user = self._userinfo + "@" if self._userinfo else ""
        base = f"{self._scheme}://"
        if p == 0:
            return base
        base += user + self._authority()
        if p == 1:
            return base
        base += self._path
        return base if p == 2 else base + self._query

    def IsBaseOf(self, other) -> bool:
        o = other if isinstance(other, Uri) else Uri(to_str(other), 0)
        if not o._absolute:
            return True
        prefix = self._absolute_uri().split("?")[0].split("#")[0]
        prefix = prefix[:prefix.rfind("/") + 1]
        return o._absolute_uri().startswith(prefix)

    def MakeRelativeUri(self, other) -> Uri:
        import posixpath
        o = other if isinstance(other, Uri) else Uri(to_str(other))
        if (o._scheme, o._authority()) != (self._scheme, self._authority()):
            return o
        base = self._path[:self._path.rfind("/") + 1] or "/"
        rel = posixpath.relpath(o._path, base)
        if o._path.endswith("/") and not rel.endswith("/"):
            rel += "/"
        return Uri(("" if rel == "." else rel) + o._query + o._fragment, 2)

    @property
    def OriginalString(self) -> str:
        return self._original

    @property
    def IsAbsoluteUri(self) -> bool:
        return self._absolute

    @property
    def UserEscaped(self) -> bool:
        return False

    @property
    def AbsoluteUri(self) -> str:
        self._need_absolute()
        return self._absolute_uri()

    @property
    def AbsolutePath(self) -> str:
        self._need_absolute()
        return self._path

    @property
    def LocalPath(self) -> str:
        self._need_absolute()
        from urllib.parse import unquote
        if self._scheme == "file" and self._host:
            return f"//{self._host}{unquote(self._path)}"
        return unquote(self._path)

    @property
    def PathAndQuery(self) -> str:
        self._need_absolute()
        return self._path + self._query

    @property
    def Authority(self) -> str:
        self._need_absolute()
        return self._authority()

    @property
    def Host(self) -> str:
        self._need_absolute()
        return self._host

    @property
    def DnsSafeHost(self) -> str:
        self._need_absolute()
        return self._host.strip("[]")

    @property
    def IdnHost(self) -> str:
        return self.DnsSafeHost

    @property
    def HostNameType(self) -> str:
        self._need_absolute()
        h = self._host
        if not h:
            return "Basic"
        if h.startswith("["):
            return "IPv6"
        if re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", h):
            return "IPv4"
        return "Dns"

    @property
    def Port(self) -> int:
        self._need_absolute()
        return self._port

    @property
    def IsDefaultPort(self) -> bool:
        self._need_absolute()
        return self._port == DEFAULT_PORTS.get(self._scheme, -1)

    @property
    def Query(self) -> str:
        self._need_absolute()
        return self._query

    @property
    def Fragment(self) -> str:
        self._need_absolute()
        return self._fragment

    @property
    def Scheme(self) -> str:
        self._need_absolute()
        return self._scheme

    @property
    def UserInfo(self) -> str:
        self._need_absolute()
        return self._userinfo

    @property
    def Segments(self) -> list:
        self._need_absolute()
        from .common import string_array
        parts = re.findall(r"[^/]*/|[^/]+$", self._path)
        return string_array(p for p in parts if p)

    @property
    def IsFile(self) -> bool:
        self._need_absolute()
        return self._scheme == "file"

    @property
    def IsUnc(self) -> bool:
        self._need_absolute()
        return self._scheme == "file" and bool(self._host)

    @property
    def IsLoopback(self) -> bool:
        self._need_absolute()
        h = self._host
        return h in ("localhost", "[::1]", "") or h.startswith("127.")


def _uri_kind(kind) -> int:
    from .enums import UriKind
    return int(UriKind.convert(kind))


def uri_new(value, kind=None):
    """Uri(string[, UriKind]) or Uri(baseUri, relative)."""
    if value is None:
        raise arg_null("uriString")
    if isinstance(value, Uri) and kind is not None and not _is_kind(kind):
        return uri_join(value, kind)
    if isinstance(value, Uri):
        return value
    return Uri(a_str(value, "uriString"), 1 if kind is None else _uri_kind(kind))


def _is_kind(v) -> bool:
    from .common import is_enum
    return is_enum(v, "System.UriKind") or (isinstance(v, int) and not isinstance(v, bool))


def uri_join(base, relative) -> Uri:
    from urllib.parse import urljoin
    b = base if isinstance(base, Uri) else Uri(to_str(base))
    rel = relative.OriginalString if isinstance(relative, Uri) else to_str(relative)
    return Uri(urljoin(b.AbsoluteUri, rel))


def uri_convert(v):
    if isinstance(v, Uri) or v is None:
        return v
    return Uri(to_str(v), 0)


def escape_data_string(s) -> str:
    if s is None:
        raise arg_null("stringToEscape")
    from urllib.parse import quote
    return quote(a_str(s), safe="-._~")


def unescape_data_string(s) -> str:
    if s is None:
        raise arg_null("stringToUnescape")
    from urllib.parse import unquote
    return unquote(a_str(s), errors="surrogateescape")


def escape_uri_string(s) -> str:
    if s is None:
        raise arg_null("stringToEscape")
    from urllib.parse import quote
    return quote(a_str(s), safe="-._~:/?#[]@!$&'()*+,;=")


def _try_create(*args):
    from .statics_numbers import set_ref
    ref = args[-1]
    try:
        if len(args) == 3 and isinstance(args[0], Uri) and not _is_kind(args[1]):
            u = uri_join(args[0], args[1])
        else:
            u = Uri(a_str(args[0]), _uri_kind(args[1]))
        ok = True
    except Exception:  # noqa: BLE001 - TryCreate reports failure as $false
        u, ok = None, False
    set_ref(ref, u, len(args))
    return ok


def _well_formed(s, kind):
    try:
        u = Uri(a_str(s), _uri_kind(kind))
    except Exception:  # noqa: BLE001 - not well formed
        return False
    return " " not in a_str(s) and (u.IsAbsoluteUri or _uri_kind(kind) != 1)


URI_STATICS = {
    "escapedatastring": static("EscapeDataString", 1)(escape_data_string),
    "unescapedatastring": static("UnescapeDataString", 1)(unescape_data_string),
    "escapeuristring": static("EscapeUriString", 1)(escape_uri_string),
    "iswellformeduristring": static("IsWellFormedUriString", 2)(_well_formed),
    "trycreate": static("TryCreate", 3)(_try_create),
    "schemedelimiter": const("://"),
    "urischemehttp": const("http"), "urischemehttps": const("https"),
    "urischemefile": const("file"), "urischemeftp": const("ftp"),
    "urischememailto": const("mailto"),
    "new": static(".ctor", (1, 2))(uri_new),
}


# --- Version -----------------------------------------------------------------------------------------
class Version:
    """System.Version: Major.Minor[.Build[.Revision]] (absent parts are -1)."""

    dotnet_class = True
    dotnet_fullname = "System.Version"
    ps_properties = ("Major", "Minor", "Build", "Revision", "MajorRevision",
                             "MinorRevision")
    __slots__ = ("Build", "Major", "Minor", "Revision")

    def __init__(self, major: int = 0, minor: int = 0, build: int = -1,
                 revision: int = -1) -> None:
        for name, v in (("major", major), ("minor", minor)):
            if v < 0:
                from .common import arg_range
                raise arg_range(name, "Version's parameters must be greater than or equal to "
                                "zero.")
        self.Major, self.Minor, self.Build, self.Revision = major, minor, build, revision

    @classmethod
    def parse(cls, s) -> Version:
        if s is None:
            raise arg_null("input")
        text = a_str(s, "input").strip()
        parts = text.split(".")
        if not 2 <= len(parts) <= 4:
            raise net_error("ArgumentException", "Version string portion was too short or too "
                            "long.", "input")
        nums = []
        for p in parts:
            if not re.fullmatch(r"\s*\+?\d+\s*", p):
                if re.fullmatch(r"\s*-\d+\s*", p):
                    from .common import arg_range
                    raise arg_range("version", "Version's parameters must be greater than or "
                                    "equal to zero.")
                raise format_error(f"The input string '{p}' was not in a correct format.")
            n = int(p)
            if n > 2147483647:
                raise net_error("OverflowException", "Value was either too large or too small "
                                "for an Int32.")
            nums.append(n)
        return cls(*nums)

    def _key(self) -> tuple:
        return (self.Major, self.Minor, self.Build, self.Revision)

    def __eq__(self, other) -> bool:
        return isinstance(other, Version) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other) -> bool:
        return self._key() < _version(other)._key()

    def __le__(self, other) -> bool:
        return self._key() <= _version(other)._key()

    def __gt__(self, other) -> bool:
        return self._key() > _version(other)._key()

    def __ge__(self, other) -> bool:
        return self._key() >= _version(other)._key()

    def __str__(self) -> str:
        return self.ToString()

    def __repr__(self) -> str:
        return f"Version({self.ToString()!r})"

    def ToString(self, field_count=None) -> str:
        parts = [p for p in self._key() if p >= 0]
        if field_count is not None:
            n = a_int(field_count, "fieldCount")
            if n < 0 or n > len(parts):
                from .common import arg_range
                raise arg_range("fieldCount", f"Argument must be between 0 and {len(parts)}.")
            parts = parts[:n]
        return ".".join(str(p) for p in parts)

    def CompareTo(self, other) -> int:
        if other is None:
            return 1
        a, b = self._key(), _version(other)._key()
        return (a > b) - (a < b)

    def Equals(self, other) -> bool:
        return self == other

    def Clone(self) -> Version:
        return Version(*self._key())

    @property
    def MajorRevision(self) -> int:
        return self.Revision >> 16 if self.Revision >= 0 else -1

    @property
    def MinorRevision(self) -> int:
        return self.Revision & 0xFFFF if self.Revision >= 0 else -1


def _version(v) -> Version:
    if isinstance(v, Version):
        return v
    return Version.parse(to_str(v))


def version_new(*args):
    if not args:
        return Version()
    if len(args) == 1:
        return Version.parse(args[0])
    return Version(*(a_int(a, "version") for a in args))


def version_convert(v):
    if v is None or isinstance(v, Version):
        return v
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return Version.parse(to_str(v) if "." in to_str(v) else to_str(v) + ".0")
    return Version.parse(to_str(v))


def _version_tryparse(s, ref):
    from .statics_numbers import try_parse
    return try_parse(Version.parse, (s, ref), None)


VERSION_STATICS = {
    "parse": static("Parse", 1)(Version.parse),
    "tryparse": static("TryParse", 2)(_version_tryparse),
    "new": static(".ctor", (0, 1, 2, 3, 4))(version_new),
}


# --- CultureInfo / TextInfo -----------------------------------------------------------------------
class TextInfo:
    dotnet_class = True
    dotnet_fullname = "System.Globalization.TextInfo"
    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    @property
    def CultureName(self) -> str:
        return self._name

    @property
    def ListSeparator(self) -> str:
        return ","

    @property
    def IsRightToLeft(self) -> bool:
        return False

    def ToTitleCase(self, s) -> str:
        if s is None:
            raise arg_null("str")

        def word(m):
            w = m.group(0)
            if w.isupper():
                return w
            return w[0].upper() + w[1:].lower()
        return re.sub(r"[^\W_]+(?:['\u2019][^\W_]+)*", word, a_str(s))

    def ToUpper(self, s):
        return a_str(s).upper() if isinstance(s, str) else s

    def ToLower(self, s):
        return a_str(s).lower() if isinstance(s, str) else s

    def ToString(self) -> str:
        return f"TextInfo - {self._name}"


# the cultures pwshlike has display names for (Get-Culture -ListAvailable lists these)
_KNOWN_CULTURES = {"": ("Invariant Language (Invariant Country)", 127),
                   "en-US": ("English (United States)", 1033),
                   "en-GB": ("English (United Kingdom)", 2057),
                   "de-DE": ("German (Germany)", 1031), "fr-FR": ("French (France)", 1036)}
KNOWN_CULTURE_NAMES = tuple(_KNOWN_CULTURES)
_CULTURE_NAMES = {k.lower(): v[0] for k, v in _KNOWN_CULTURES.items()}
_CULTURE_LCIDS = {k.lower(): v[1] for k, v in _KNOWN_CULTURES.items()}
LOCALE_CUSTOM_UNSPECIFIED = 4096        # the LCID .NET gives cultures without one


@functools.cache
def _culture_view():
    """pwsh's CultureInfo table: LCID and Name 16 wide, then DisplayName."""
    from ...host.formatting import TableColumn, TableView
    return TableView(columns=(TableColumn("LCID", "LCID", width=16),
                              TableColumn("Name", "Name", width=16),
                              TableColumn("DisplayName", "DisplayName")),
                     type_keys=frozenset({"System.Globalization.CultureInfo"}))


class CultureInfo:
    dotnet_class = True
    dotnet_fullname = "System.Globalization.CultureInfo"
    ps_properties = ("LCID", "Name", "DisplayName", "EnglishName", "TwoLetterISOLanguageName",
                     "IsNeutralCulture", "TextInfo")
    __slots__ = ("_name",)

    @staticmethod
    def ps_table_view():
        return _culture_view()

    def __init__(self, name: str = "") -> None:
        if not re.fullmatch(r"(?:[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)?", name):
            raise net_error("ArgumentException", f"Culture is not supported. (Parameter "
                            f"'name')\n{name} is an invalid culture identifier.")
        parts = name.split("-")
        if len(parts) > 1:
            parts[1] = parts[1].upper()
        self._name = "-".join([parts[0].lower(), *parts[1:]]) if name else ""

    def __eq__(self, other) -> bool:
        return isinstance(other, CultureInfo) and other._name == self._name

    def __hash__(self) -> int:
        return hash(self._name)

    def __str__(self) -> str:
        return self._name

    @property
    def Name(self) -> str:
        return self._name

    @property
    def DisplayName(self) -> str:
        return _CULTURE_NAMES.get(self._name.lower(), self._name)

    @property
    def EnglishName(self) -> str:
        return self.DisplayName

    @property
    def TwoLetterISOLanguageName(self) -> str:
        return self._name.split("-")[0] if self._name else "iv"

    @property
    def LCID(self) -> int:
        return _CULTURE_LCIDS.get(self._name.lower(), LOCALE_CUSTOM_UNSPECIFIED)

    @property
    def IsNeutralCulture(self) -> bool:
        return bool(self._name) and "-" not in self._name

    @property
    def TextInfo(self) -> TextInfo:
        return TextInfo(self._name)

    def ToString(self) -> str:
        return self._name

    def Equals(self, other) -> bool:
        return self == other


INVARIANT_CULTURE = CultureInfo("")
CURRENT_CULTURE = CultureInfo("en-US")


def culture_convert(v):
    if v is None or isinstance(v, CultureInfo):
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        return {127: INVARIANT_CULTURE, 1033: CURRENT_CULTURE}.get(v) or CultureInfo("en-US")
    return CultureInfo(to_str(v))


CULTURE_STATICS = {
    "invariantculture": const(INVARIANT_CULTURE),
    "currentculture": StaticProperty(lambda: CURRENT_CULTURE),
    "currentuiculture": StaticProperty(lambda: CURRENT_CULTURE),
    "defaultthreadcurrentculture": const(None),
    "getcultureinfo": static("GetCultureInfo", (1, 2))(lambda n, *r: culture_convert(n)),
    "new": static(".ctor", (1, 2))(lambda n, *r: culture_convert(n)),
}
