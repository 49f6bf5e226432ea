"""Request bodies and response content, as the pwsh web cmdlets shape them.

Bodies: a dictionary becomes a form-encoded body (or the query string of a GET), text is
sent UTF-8 encoded, bytes as they are; ``-Form`` becomes multipart/form-data; ``-InFile``
streams a file.  Responses: text is decoded with the charset the server names (UTF-8
otherwise); Invoke-RestMethod turns JSON into PSCustomObjects and XML into a navigable
document, and falls back to the text.
"""
from __future__ import annotations

import json
import os
from urllib.parse import urlencode

from pwshlike.runtime.convert import to_str
from pwshlike.runtime.values import Hashtable, PSCustomObject

FORM_URLENCODED = "application/x-www-form-urlencoded"


# --- request side ------------------------------------------------------------------------------
def is_dictionary(v) -> bool:
    return isinstance(v, (Hashtable, dict))


def dict_items(v) -> list[tuple[str, object]]:
    return [(to_str(k), val) for k, val in v.items()]


def query_string(body) -> str:
    """A dictionary body as ``a=1&b=x+y`` (repeated keys for collection values)."""
    pairs = []
    for k, v in dict_items(body):
        for item in (v if isinstance(v, list) else [v]):
            pairs.append((k, "" if item is None else to_str(item)))
    return urlencode(pairs)


def as_bytes(v) -> bytes | None:
    """A [byte[]] value as bytes, or None when ``v`` is not a byte array."""
    if isinstance(v, (bytes, bytearray)):
        return bytes(v)
    et = getattr(v, "element_type", None)
    if isinstance(v, list) and et is not None and getattr(et, "fullname", "") == "System.Byte":
        return bytes(int(b) for b in v)
    return None


def charset_of(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value:
            return value.strip().strip('"')
    return None


def encode_text(text: str, content_type: str | None) -> bytes:
    """Text in the charset ``content_type`` names; UTF-8 when it names none or an unknown one."""
    cs = charset_of(content_type)
    if cs:
        try:
            return text.encode(cs)
        except (LookupError, UnicodeEncodeError):
            pass
    return text.encode("utf-8")


def body_payload(body, method: str, content_type: str | None) -> tuple[bytes | None, str | None]:
    """The bytes to send for ``-Body`` and the content type they imply."""
    if body is None:
        return None, content_type
    raw = as_bytes(body)
    if raw is not None:
        return raw, content_type
    if is_dictionary(body):
        return query_string(body).encode("ascii"), content_type or FORM_URLENCODED
    if isinstance(body, XmlNode):
        body = body.outer_xml()
    text = to_str(body)
    if content_type is None and method in ("POST",):
        content_type = FORM_URLENCODED
    return encode_text(text, content_type), content_type


def form_fields(form) -> tuple[list, list]:
    """``-Form``: multipart parts for requests (text fields as filename-less parts, so the
    body is multipart/form-data even without files, as in pwsh) and the files opened."""
    parts, handles = [], []
    for key, value in dict_items(form):
        for item in (value if isinstance(value, list) else [value]):
            path = _file_path(item)
            if path is not None:
                handle = open(path, "rb")  # noqa: SIM115 - closed by the caller after sending
                handles.append(handle)
                parts.append((key, (os.path.basename(path), handle, "application/octet-stream")))
            else:
                parts.append((key, (None, "" if item is None else to_str(item))))
    return parts, handles


def _file_path(item) -> str | None:
    """A System.IO.FileInfo from the file-system cmdlets (anything with FullName that is one)."""
    from pwshlike.runtime.typenames import type_name_of
    if type_name_of(item) == "System.IO.FileInfo":
        full = getattr(item, "FullName", None)
        if isinstance(full, str):
            return full
    return None


# --- response side -----------------------------------------------------------------------------
_TEXT_TYPES = ("text/", "application/json", "application/xml", "application/javascript",
               "application/xhtml+xml", "application/x-www-form-urlencoded")


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def is_text(content_type: str | None) -> bool:
    """Content pwsh treats as text (everything else stays bytes in Invoke-WebRequest)."""
    m = media_type(content_type)
    if not m:
        return True
    return m.startswith(_TEXT_TYPES) or m.endswith(("+json", "+xml")) or "json" in m or \
        "xml" in m


def decode(raw: bytes, content_type: str | None) -> tuple[str, str]:
    """Response text and the encoding used: the declared charset, a BOM, else UTF-8."""
    cs = charset_of(content_type)
    if cs:
        try:
            return raw.decode(cs), cs
        except (LookupError, UnicodeDecodeError):
            pass
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace"), "utf-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace"), "utf-16"
    return raw.decode("utf-8", "replace"), "utf-8"


def rest_value(text: str, content_type: str | None):
    """Invoke-RestMethod's result: JSON or XML by content type, else whichever parses."""
    m = media_type(content_type)
    if "json" in m:
        ok, value = try_json(text)
        return value if ok else text
    if "xml" in m:
        ok, value = try_xml(text)
        return value if ok else text
    for attempt in (try_json, try_xml):
        ok, value = attempt(text)
        if ok:
            return value
    return text


def try_json(text: str) -> tuple[bool, object]:
    if not text.strip():
        return True, None
    try:
        return True, json.loads(text, object_pairs_hook=PSCustomObject,
                                parse_int=_json_int)
    except (ValueError, RecursionError):
        return False, None


def _json_int(s: str):
    """JSON integers are Int32, Int64 or BigInteger as pwsh's reader makes them."""
    from pwshlike.runtime import numeric as N
    v = int(s)
    if N.INT32_MIN <= v <= N.INT32_MAX:
        return v
    if -(2 ** 63) <= v < 2 ** 63:
        return N.Int64(v)
    return N.BigInteger(v) if hasattr(N, "BigInteger") else v


# --- XML ----------------------------------------------------------------------------------------
def try_xml(text: str) -> tuple[bool, object]:
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith("<"):
        return False, None
    import xml.etree.ElementTree as ET
    try:
        parser = ET.XMLParser()
        # no DTDs: their entities are how XML bombs work
        if "<!DOCTYPE" in stripped[:1024].upper() or "<!ENTITY" in stripped.upper():
            return False, None
        root = ET.fromstring(stripped, parser=parser)
    except ET.ParseError:
        return False, None
    return True, XmlDocument(root)


class XmlNode(PSCustomObject):
    """An XML element whose attributes and child elements are its properties, as pwsh's
    XML adapter shows them: a child with only text reads as that text."""

    __slots__ = ("element", "type_fullname")

    def __init__(self, element, type_fullname: str = "System.Xml.XmlElement") -> None:
        super().__init__()
        self.element = element
        self.type_fullname = type_fullname

    def outer_xml(self) -> str:
        import xml.etree.ElementTree as ET
        return ET.tostring(self.element, encoding="unicode")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else to_str(tag)


def _element_value(el):
    if len(el) == 0 and not el.attrib:
        return el.text or ""
    node = XmlNode(el)
    for k, v in el.attrib.items():
        node.set_property(_local(k), v)
    groups: dict[str, list] = {}
    for child in el:
        groups.setdefault(_local(child.tag), []).append(_element_value(child))
    for name, values in groups.items():
        node.set_property(name, values[0] if len(values) == 1 else values)
    if el.text and el.text.strip() and len(el):
        node.set_property("#text", el.text.strip())
    elif el.text and el.attrib and not len(el):
        node.set_property("#text", el.text)
    return node


class XmlDocument(XmlNode):
    def __init__(self, root) -> None:
        super().__init__(root, "System.Xml.XmlDocument")
        self.set_property(_local(root.tag), _element_value(root))

    def outer_xml(self) -> str:
        return super().outer_xml()
