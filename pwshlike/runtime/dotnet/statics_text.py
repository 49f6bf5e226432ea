"""[string] statics, System.Text.Encoding, StringBuilder, WebUtility and HttpUtility."""
from __future__ import annotations

from ..convert import to_str
from ..typenames import Char
from ..types import StaticProperty
from .common import (
    a_bool,
    a_char,
    a_int,
    a_list,
    a_str,
    arg_null,
    arg_range,
    byte_array,
    compare_strings,
    comparison_mode,
    format_error,
    is_comparison_arg,
    net_error,
    static,
    to_bytes,
)


def const(value) -> StaticProperty:
    return StaticProperty(lambda: value)


# --- [string] ------------------------------------------------------------------------------------
def _items(values: tuple) -> list:
    if len(values) == 1 and isinstance(values[0], list):
        return values[0]
    return list(values)


def _join(sep, *values):
    s = "" if sep is None else a_str(sep, "separator")
    if len(values) == 3 and isinstance(values[0], list) and all(
            isinstance(v, int) for v in values[1:]):
        start, count = a_int(values[1], "startIndex"), a_int(values[2], "count")
        items = values[0]
        if start < 0 or count < 0 or start + count > len(items):
            raise arg_range("startIndex", "Index was out of range. Must be non-negative and "
                            "less than the size of the collection.")
        items = items[start:start + count]
    else:
        items = _items(values)
    return s.join("" if x is None else to_str(x) for x in items)


def _is_provider(v) -> bool:
    return type(v).__name__ == "CultureInfo"


def string_format(fmt, *args):
    from ..dotnet_format import DotNetFormatError, format_composite
    if _is_provider(fmt) and args:
        fmt, args = args[0], args[1:]
    if fmt is None:
        raise arg_null("format")
    try:
        return format_composite(a_str(fmt, "format"), _items(args), to_str)
    except DotNetFormatError as e:
        raise format_error(e.message) from None


def _compare(a, b, *rest):
    if len(rest) >= 3:      # Compare(strA, indexA, strB, indexB, length[, ...])
        ia, sb, ib, n = a_int(b, "indexA"), rest[0], a_int(rest[1], "indexB"), a_int(
            rest[2], "length")
        sa, sb = a_str(a, "strA"), a_str(sb, "strB")
        a = None if sa is None else sa[ia:ia + n]
        b = None if sb is None else sb[ib:ib + n]
        rest = rest[3:]
    else:
        a, b = a_str(a, "strA"), a_str(b, "strB")
    ordinal, ic = False, False
    if rest:
        if is_comparison_arg(rest[0]):
            ordinal, ic = comparison_mode(rest[0])
        else:
            ic = a_bool(rest[0])
    r = compare_strings(a, b, ic, ordinal)
    return r if ordinal else (r > 0) - (r < 0)


def _equals(a, b, cmp=None):
    a, b = a_str(a, "a"), a_str(b, "b")
    if a is None or b is None:
        return a is b
    if cmp is None:
        return a == b
    ordinal, ic = comparison_mode(cmp)
    return compare_strings(a, b, ic, ordinal) == 0


def _new_string(value, *rest):
    if isinstance(value, list):
        s = "".join(a_char(c, "value") for c in value)
        if len(rest) == 2:
            start, n = a_int(rest[0], "startIndex"), a_int(rest[1], "length")
            if start < 0 or n < 0 or start + n > len(s):
                raise arg_range("startIndex", "Index was out of range. Must be non-negative "
                                "and less than the size of the collection.")
            s = s[start:start + n]
        return s
    if len(rest) == 1:
        n = a_int(rest[0], "count")
        if n < 0:
            raise arg_range("count", "Non-negative number required.")
        return a_char(value, "c") * n
    if value is None:
        return ""
    return a_str(value)


STRING_STATICS = {
    "empty": const(""),
    "join": static("Join", None)(lambda sep=None, *v: _join(sep, *v)),
    "isnullorempty": static("IsNullOrEmpty", 1)(lambda s: s is None or a_str(s) == ""),
    "isnullorwhitespace": static("IsNullOrWhiteSpace", 1)(
        lambda s: s is None or a_str(s).strip(_ws()) == ""),
    "format": static("Format", None)(string_format),
    "concat": static("Concat", None)(
        lambda *v: "".join("" if x is None else to_str(x) for x in _items(v))),
    "compare": static("Compare", (2, 3, 4, 5, 6, 7))(_compare),
    "compareordinal": static("CompareOrdinal", (2, 5))(
        lambda *a: _compare(*a, "Ordinal")),
    "equals": static("Equals", (2, 3))(_equals),
    "new": static(".ctor", (1, 2, 3))(_new_string),
    "copy": static("Copy", 1)(lambda s: a_str(s)),
    "intern": static("Intern", 1)(lambda s: a_str(s)),
}


def _ws() -> str:
    from .strings import WHITESPACE
    return WHITESPACE


# --- encodings ---------------------------------------------------------------------------------------
class Encoding:
    """System.Text.Encoding for UTF-8/16/32, ASCII and Latin-1."""

    dotnet_class = True
    __slots__ = ("_bom", "_codec", "_full", "_name", "_page", "_web")

    def __init__(self, web: str, name: str, page: int, codec: str, full: str,
                 bom: bytes = b"") -> None:
        self._web, self._name, self._page, self._codec, self._full, self._bom = (
            web, name, page, codec, full, bom)

    @property
    def type_fullname(self) -> str:
        return self._full

    @property
    def python_codec(self) -> str:
        return self._codec

    def __repr__(self) -> str:
        return f"<Encoding {self._web}>"

    def __eq__(self, other) -> bool:
        return isinstance(other, Encoding) and (self._page, self._bom) == (other._page,
                                                                            other._bom)

    def __hash__(self) -> int:
        return hash(self._page)

    def encode(self, s: str) -> bytes:
        if self._codec == "ascii":
            return s.encode("ascii", "replace")
        if self._codec == "latin-1":
            return s.encode("latin-1", "replace")
        return s.encode(self._codec, "replace")

    def decode(self, b: bytes) -> str:
        if self._codec == "ascii":
            return "".join(chr(x) if x < 128 else "?" for x in b)
        return b.decode(self._codec, "replace")

    def incremental_decoder(self):
        """``decode`` piece by piece, for text read in chunks: a callable
        ``(data, final) -> str`` that keeps a character split between chunks for the next."""
        if self._codec == "ascii":
            return lambda data, final=False: self.decode(data)
        import codecs
        return codecs.getincrementaldecoder(self._codec)("replace").decode

    @property
    def WebName(self) -> str:
        return self._web

    @property
    def BodyName(self) -> str:
        return self._web

    @property
    def HeaderName(self) -> str:
        return self._web

    @property
    def EncodingName(self) -> str:
        return self._name

    @property
    def CodePage(self) -> int:
        return self._page

    @property
    def WindowsCodePage(self) -> int:
        return {65001: 1200, 20127: 1252, 28591: 1252}.get(self._page, 1200)

    @property
    def IsSingleByte(self) -> bool:
        return self._codec in ("ascii", "latin-1")

    @property
    def Preamble(self) -> list:
        return byte_array(self._bom)

    def GetPreamble(self) -> list:
        return byte_array(self._bom)

    def _text(self, value, rest) -> str:
        if value is None:
            raise arg_null("s" if not isinstance(value, list) else "chars")
        if isinstance(value, list):
            s = "".join(a_char(c, "chars") for c in value)
        else:
            s = a_str(value, "s")
        if len(rest) >= 2:
            i, n = a_int(rest[0], "index"), a_int(rest[1], "count")
            if i < 0 or n < 0 or i + n > len(s):
                raise arg_range("index", "Index and count must refer to a location within the "
                                "buffer.")
            s = s[i:i + n]
        return s

    def _data(self, value, rest) -> bytes:
        b = to_bytes(value, "bytes")
        if len(rest) >= 2:
            i, n = a_int(rest[0], "index"), a_int(rest[1], "count")
            if i < 0 or n < 0 or i + n > len(b):
                raise arg_range("index", "Index and count must refer to a location within the "
                                "buffer.")
            b = b[i:i + n]
        return b

    def GetBytes(self, value, *rest) -> list:
        return byte_array(self.encode(self._text(value, rest)))

    def GetByteCount(self, value, *rest) -> int:
        return len(self.encode(self._text(value, rest)))

    def GetString(self, data, *rest) -> str:
        return self.decode(self._data(data, rest))

    def GetChars(self, data, *rest) -> list:
        from .common import char_array
        return char_array(self.decode(self._data(data, rest)))

    def GetCharCount(self, data, *rest) -> int:
        return len(self.decode(self._data(data, rest)))

    def GetMaxByteCount(self, n) -> int:
        return (a_int(n, "charCount") + 1) * {"utf-8": 3, "utf-32-le": 4, "utf-32-be": 4}.get(
            self._codec, 2 if "16" in self._codec else 1)

    def Clone(self) -> Encoding:
        return Encoding(self._web, self._name, self._page, self._codec, self._full, self._bom)

    def ToString(self) -> str:
        return self._full


_UTF8 = "System.Text.UTF8Encoding+UTF8EncodingSealed"
ENCODINGS = {
    "utf8": Encoding("utf-8", "Unicode (UTF-8)", 65001, "utf-8", _UTF8, b"\xef\xbb\xbf"),
    "default": Encoding("utf-8", "Unicode (UTF-8)", 65001, "utf-8", _UTF8),
    "ascii": Encoding("us-ascii", "US-ASCII", 20127, "ascii",
                      "System.Text.ASCIIEncoding+ASCIIEncodingSealed"),
    "unicode": Encoding("utf-16", "Unicode", 1200, "utf-16-le", "System.Text.UnicodeEncoding",
                        b"\xff\xfe"),
    "bigendianunicode": Encoding("utf-16BE", "Unicode (Big-Endian)", 1201, "utf-16-be",
                                 "System.Text.UnicodeEncoding", b"\xfe\xff"),
    "utf32": Encoding("utf-32", "Unicode (UTF-32)", 12000, "utf-32-le",
                      "System.Text.UTF32Encoding", b"\xff\xfe\x00\x00"),
    "latin1": Encoding("iso-8859-1", "Western European (ISO)", 28591, "latin-1",
                       "System.Text.Latin1Encoding"),
    "bigendianutf32": Encoding("utf-32BE", "Unicode (UTF-32 Big-Endian)", 12001, "utf-32-be",
                               "System.Text.UTF32Encoding", b"\x00\x00\xfe\xff"),
    "utf7": Encoding("utf-7", "Unicode (UTF-7)", 65000, "utf-7", "System.Text.UTF7Encoding"),
}
_ENCODING_NAMES = {
    "utf-8": "utf8", "utf8": "utf8", "65001": "utf8", "us-ascii": "ascii", "ascii": "ascii",
    "20127": "ascii", "utf-16": "unicode", "unicode": "unicode", "utf-16le": "unicode",
    "1200": "unicode", "utf-16be": "bigendianunicode", "unicodefffe": "bigendianunicode",
    "1201": "bigendianunicode", "utf-32": "utf32", "utf-32le": "utf32", "12000": "utf32",
    "iso-8859-1": "latin1", "latin1": "latin1", "28591": "latin1",
    "utf-32be": "bigendianutf32", "bigendianutf32": "bigendianutf32", "12001": "bigendianutf32",
    "bigendianunicode": "bigendianunicode",
    "utf-7": "utf7", "utf7": "utf7", "65000": "utf7",
}


# pwsh's -Encoding names (ArgumentToEncodingTransformation) that .NET itself lacks
_PWSH_ENCODING_NAMES = {"utf8bom": "utf8", "utf8nobom": "default", "oem": "default",
                        "default": "default", "utf32": "utf32"}


def _code_page(key: str) -> Encoding | None:
    """Another code page by number or name (``1251``, ``windows-1252``, ``cp437``), as
    pwsh has with the code-pages encoding provider registered."""
    import codecs
    for name in ((f"cp{key}",) if key.isdigit() else (key, key.replace("windows-", "cp"))):
        try:
            info = codecs.lookup(name)
        except LookupError:
            continue
        page = int(key) if key.isdigit() else int("".join(c for c in info.name if
                                                          c.isdigit()) or 0)
        web = f"windows-{page}" if info.name.startswith("cp125") else info.name
        return Encoding(web, web, page, info.name, "System.Text.SBCSCodePageEncoding")
    return None


def get_encoding(name) -> Encoding:
    if isinstance(name, Encoding):
        return name
    key = to_str(name).strip().lower()
    if key in _PWSH_ENCODING_NAMES:
        return ENCODINGS[_PWSH_ENCODING_NAMES[key]]
    enc = _ENCODING_NAMES.get(key)
    if enc is None:
        extra = _code_page(key)
        if extra is not None:
            return extra
        if isinstance(name, int):
            raise net_error("NotSupportedException", f"No data is available for encoding "
                            f"{name}. For information on defining a custom encoding, see the "
                            "documentation for the Encoding.RegisterProvider method.")
        raise net_error("ArgumentException", f"'{name}' is not a supported encoding name. For "
                        "information on defining a custom encoding, see the documentation for "
                        "the Encoding.RegisterProvider method.", "name")
    return ENCODINGS["default" if enc == "utf8" else enc]


ENCODING_STATICS = {name: const(enc) for name, enc in ENCODINGS.items()}
ENCODING_STATICS["getencoding"] = static("GetEncoding", (1, 3))(
    lambda name, *rest: get_encoding(name))
ENCODING_STATICS["convert"] = static("Convert", (3, 5))(
    lambda src, dst, data, *rest: byte_array(get_encoding(dst).encode(
        get_encoding(src).GetString(data, *rest))))


def _utf8_ctor(bom=False, throw=False):
    return ENCODINGS["utf8"].Clone() if a_bool(bom) else ENCODINGS["default"].Clone()


def _unicode_ctor(big_endian=False, bom=True, throw=False):
    enc = ENCODINGS["bigendianunicode" if a_bool(big_endian) else "unicode"].Clone()
    if not a_bool(bom):
        enc._bom = b""
    return enc


ENCODING_CTORS = {
    "system.text.utf8encoding": _utf8_ctor,
    "system.text.asciiencoding": lambda: ENCODINGS["ascii"].Clone(),
    "system.text.unicodeencoding": _unicode_ctor,
    "system.text.utf32encoding": lambda big_endian=False, bom=True: ENCODINGS["utf32"].Clone(),
}


# --- StringBuilder -------------------------------------------------------------------------------
class StringBuilder:
    """System.Text.StringBuilder (chunks joined on demand)."""

    dotnet_class = True
    dotnet_fullname = "System.Text.StringBuilder"
    ps_properties = ("Capacity", "MaxCapacity", "Length")
    __slots__ = ("_cap", "_chunks", "_len")

    def __init__(self, value=None, capacity=None) -> None:
        self._chunks: list[str] = []
        self._len = 0
        self._cap = 16
        if isinstance(value, int) and not isinstance(value, bool) and capacity is None:
            if value < 0:
                raise arg_range("capacity", "'capacity' must be greater than zero.")
            self._cap = int(value)
        else:
            if capacity is not None:
                self._cap = a_int(capacity, "capacity")
            if value is not None:
                self._add(a_str(value, "value"))

    def _str(self) -> str:
        if len(self._chunks) > 1:
            self._chunks = ["".join(self._chunks)]
        return self._chunks[0] if self._chunks else ""

    def _set(self, s: str) -> None:
        self._chunks = [s] if s else []
        self._len = len(s)
        self._grow()

    def _grow(self) -> None:
        while self._cap < self._len:
            self._cap += max(self._len - self._cap, min(self._cap, 8000))

    def _add(self, s: str) -> StringBuilder:
        if s:
            self._chunks.append(s)
            self._len += len(s)
            self._grow()
        return self

    def __str__(self) -> str:
        return self._str()

    def __repr__(self) -> str:
        return f"StringBuilder({self._str()!r})"

    @staticmethod
    def _text(value) -> str:
        if value is None:
            return ""
        if isinstance(value, list):
            if all(isinstance(c, Char) for c in value):
                return "".join(value)
            from ..typenames import type_name_of
            return type_name_of(value)
        if isinstance(value, StringBuilder):
            return value._str()
        return to_str(value)

    def Append(self, value=None, *rest) -> StringBuilder:
        if len(rest) == 1:
            n = a_int(rest[0], "repeatCount")
            if n < 0:
                raise arg_range("repeatCount", "Count cannot be less than zero.")
            return self._add(self._text(value) * n)
        if len(rest) == 2:
            s = self._text(value)
            i, n = a_int(rest[0], "startIndex"), a_int(rest[1], "count")
            if i < 0 or n < 0 or i + n > len(s):
                raise arg_range("startIndex", "Index was out of range. Must be non-negative "
                                "and less than the size of the collection.")
            return self._add(s[i:i + n])
        return self._add(self._text(value))

    def AppendLine(self, value=None) -> StringBuilder:
        return self._add(self._text(value) + "\n")

    def AppendFormat(self, fmt, *args) -> StringBuilder:
        return self._add(string_format(fmt, *args))

    def AppendJoin(self, sep, *values) -> StringBuilder:
        return self._add(_join(sep, *values))

    def Insert(self, index, value, count=1) -> StringBuilder:
        i = a_int(index, "index")
        s = self._str()
        if i < 0 or i > len(s):
            raise arg_range("index", "Index was out of range. Must be non-negative and less "
                            "than the size of the collection.")
        self._set(s[:i] + self._text(value) * a_int(count, "count") + s[i:])
        return self

    def Replace(self, old, new, start=None, count=None) -> StringBuilder:
        if old is None:
            raise arg_null("oldValue")
        o = a_str(old, "oldValue")
        if o == "":
            raise net_error("ArgumentException", "String cannot be of zero length.", "oldValue")
        n = a_str(new, "newValue") or ""
        s = self._str()
        if start is None:
            self._set(s.replace(o, n))
        else:
            i, c = a_int(start, "startIndex"), a_int(count, "count")
            if i < 0 or c < 0 or i + c > len(s):
                raise arg_range("startIndex", "Index was out of range. Must be non-negative "
                                "and less than the size of the collection.")
            self._set(s[:i] + s[i:i + c].replace(o, n) + s[i + c:])
        return self

    def Remove(self, start, length) -> StringBuilder:
        i, n = a_int(start, "startIndex"), a_int(length, "length")
        s = self._str()
        if n < 0:
            raise arg_range("length", "Length cannot be less than zero.")
        if i < 0:
            raise arg_range("startIndex", "StartIndex cannot be less than zero.")
        if n > len(s) - i:
            raise arg_range("length", "Index was out of range. Must be non-negative and less "
                            "than the size of the collection.")
        self._set(s[:i] + s[i + n:])
        return self

    def Clear(self) -> StringBuilder:
        self._chunks, self._len = [], 0
        return self

    def ToString(self, start=None, length=None) -> str:
        s = self._str()
        if start is None:
            return s
        i, n = a_int(start, "startIndex"), a_int(length, "length")
        if i < 0 or n < 0 or i + n > len(s):
            raise arg_range("startIndex", "Index was out of range. Must be non-negative and "
                            "less than the size of the collection.")
        return s[i:i + n]

    def Chars(self, index) -> Char:
        i = a_int(index, "index")
        s = self._str()
        if i < 0 or i >= len(s):
            raise net_error("IndexOutOfRangeException")
        return Char(s[i])

    def EnsureCapacity(self, capacity) -> int:
        self._cap = max(self._cap, a_int(capacity, "capacity"))
        return self._cap

    def Equals(self, other) -> bool:
        return isinstance(other, StringBuilder) and other._str() == self._str()

    @property
    def Length(self) -> int:
        return self._len

    @Length.setter
    def Length(self, value) -> None:
        n = a_int(value, "value")
        if n < 0:
            raise arg_range("value", "Length cannot be less than zero.")
        s = self._str()
        self._set(s[:n] + "\x00" * (n - len(s)))

    @property
    def Capacity(self) -> int:
        return self._cap

    @Capacity.setter
    def Capacity(self, value) -> None:
        n = a_int(value, "value")
        if n < self._len:
            raise arg_range("value", "capacity was less than the current size.")
        self._cap = n

    @property
    def MaxCapacity(self) -> int:
        return 2147483647


# --- WebUtility / HttpUtility ------------------------------------------------------------------
_URL_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!*()")


def url_encode(s, lower: bool) -> str | None:
    if s is None:
        return None
    out = []
    for c in a_str(s):
        if c in _URL_SAFE:
            out.append(c)
        elif c == " ":
            out.append("+")
        else:
            for b in c.encode("utf-8", "replace"):
                out.append(f"%{b:02x}" if lower else f"%{b:02X}")
    return "".join(out)


def url_decode(s, unicode_escapes: bool = False) -> str | None:
    if s is None:
        return None
    import re
    text = a_str(s).replace("+", " ")
    if unicode_escapes:
        text = re.sub(r"%[uU]([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), text)
    from urllib.parse import unquote
    return unquote(text, errors="replace")


def html_encode(s) -> str | None:
    if s is None:
        return None
    out = []
    for c in a_str(s):
        o = ord(c)
        if c == "&":
            out.append("&amp;")
        elif c == "<":
            out.append("&lt;")
        elif c == ">":
            out.append("&gt;")
        elif c == '"':
            out.append("&quot;")
        elif c == "'":
            out.append("&#39;")
        elif 160 <= o <= 255 or o > 0xFFFF:
            out.append(f"&#{o};")
        else:
            out.append(c)
    return "".join(out)


def html_decode(s) -> str | None:
    if s is None:
        return None
    import html
    return html.unescape(a_str(s))


def _js_encode(s, quotes=False) -> str:
    text = "" if s is None else a_str(s)
    out = []
    for c in text:
        o = ord(c)
        if c in "\\\"":
            out.append("\\" + c)
        elif c in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[c])
        elif c in "'<>&" or o < 32 or o in (0x85, 0x2028, 0x2029):
            out.append(f"\\u{o:04x}")
        else:
            out.append(c)
    r = "".join(out)
    return f'"{r}"' if a_bool(quotes) else r


def _url_path_encode(s) -> str | None:
    if s is None:
        return None
    from urllib.parse import quote
    return quote(a_str(s), safe="/:?#[]@!$&'()*+,;=-._~%")


WEBUTILITY_STATICS = {
    "urlencode": static("UrlEncode", 1)(lambda s: url_encode(s, False)),
    "urldecode": static("UrlDecode", 1)(lambda s: url_decode(s)),
    "htmlencode": static("HtmlEncode", 1)(html_encode),
    "htmldecode": static("HtmlDecode", 1)(html_decode),
}
HTTPUTILITY_STATICS = {
    "urlencode": static("UrlEncode", (1, 2))(lambda s, enc=None: url_encode(s, True)),
    "urldecode": static("UrlDecode", (1, 2))(lambda s, enc=None: url_decode(s, True)),
    "htmlencode": static("HtmlEncode", 1)(html_encode),
    "htmldecode": static("HtmlDecode", 1)(html_decode),
    "htmlattributeencode": static("HtmlAttributeEncode", 1)(
        lambda s: None if s is None else a_str(s).replace("&", "&amp;").replace(
            '"', "&quot;").replace("'", "&#39;").replace("<", "&lt;")),
    "urlpathencode": static("UrlPathEncode", 1)(_url_path_encode),
    "javascriptstringencode": static("JavaScriptStringEncode", (1, 2))(_js_encode),
}

__all__ = ["ENCODINGS", "ENCODING_CTORS", "ENCODING_STATICS", "HTTPUTILITY_STATICS",
           "STRING_STATICS", "WEBUTILITY_STATICS", "Encoding", "StringBuilder", "a_list",
           "get_encoding", "string_format"]
