"""What the web cmdlets hand back: Invoke-WebRequest's response object and the
HttpResponseMessage an HTTP error carries in ``$_.Exception.Response``."""
from __future__ import annotations

from pwshlike.runtime.values import Hashtable

from .content import decode, is_text
from .webtypes import status_code


def header_table(raw_headers) -> Hashtable:
    """Response headers as pwsh gives them: name -> string[] (repeated headers kept)."""
    table = Hashtable(ordered=True)
    items = raw_headers.items() if hasattr(raw_headers, "items") else raw_headers
    merged: dict[str, list] = {}
    names: dict[str, str] = {}
    for k, v in items:
        low = k.lower()
        names.setdefault(low, k)
        merged.setdefault(low, []).append(v)
    for low, values in merged.items():
        table[names[low]] = values
    return table


def raw_header_pairs(resp) -> list[tuple[str, str]]:
    """Every header line of a requests response (urllib3 keeps repeats)."""
    raw = getattr(resp, "raw", None)
    headers = getattr(raw, "headers", None)
    if headers is not None and hasattr(headers, "items"):
        try:
            return list(headers.items())
        except (TypeError, AttributeError):
            return list(resp.headers.items())      # mocked responses: simpler header objects
    return list(resp.headers.items())


def http_version(resp) -> str:
    v = getattr(getattr(resp, "raw", None), "version", None)
    return {10: "1.0", 11: "1.1", 20: "2.0", 2: "2.0"}.get(v, "1.1")


class HttpResponseMessage:
    """System.Net.Http.HttpResponseMessage, as ``$_.Exception.Response`` shows it."""

    dotnet_fullname = "System.Net.Http.HttpResponseMessage"
    ps_properties = ("Version", "Content", "StatusCode", "ReasonPhrase", "Headers",
                     "TrailingHeaders", "RequestMessage", "IsSuccessStatusCode")

    def __init__(self, resp, request_message) -> None:
        self.Version = http_version(resp)
        self.StatusCode = status_code(resp.status_code)
        self.ReasonPhrase = resp.reason or ""
        self.Headers = header_table(raw_header_pairs(resp))
        self.TrailingHeaders = Hashtable()
        self.RequestMessage = request_message
        self.IsSuccessStatusCode = 200 <= resp.status_code <= 299
        self.Content = resp.content

    def ToString(self) -> str:
        return (f"StatusCode: {int(self.StatusCode)}, ReasonPhrase: '{self.ReasonPhrase}', "
                f"Version: {self.Version}")

    def EnsureSuccessStatusCode(self):
        return self


class HttpRequestMessage:
    """The request, with any Authorization header value replaced (pwsh redacts it too)."""

    dotnet_fullname = "System.Net.Http.HttpRequestMessage"
    ps_properties = ("Method", "RequestUri", "Version", "Headers")

    def __init__(self, method: str, url: str, headers) -> None:
        self.Method = method
        self.RequestUri = url
        self.Version = "1.1"
        self.Headers = Hashtable(ordered=True)
        for k, v in (headers or {}).items():
            self.Headers[k] = "***" if k.lower() in ("authorization", "proxy-authorization") \
                else v

    def ToString(self) -> str:
        return f"Method: {self.Method}, RequestUri: '{self.RequestUri}', Version: {self.Version}"


class WebResponseObject:
    """Invoke-WebRequest's result (BasicHtmlWebResponseObject for text content)."""

    ps_properties = ("StatusCode", "StatusDescription", "Content", "RawContent", "Headers",
                     "Images", "InputFields", "Links", "RawContentLength", "RelationLink")

    def __init__(self, resp, raw: bytes) -> None:
        ctype = resp.headers.get("Content-Type")
        self.StatusCode = resp.status_code
        self.StatusDescription = resp.reason or ""
        pairs = raw_header_pairs(resp)
        self.Headers = header_table(pairs)
        self.RawContentLength = len(raw)
        self.RelationLink = Hashtable()
        self.Images: list = []
        self.InputFields: list = []
        self.Links: list = []
        self.BaseResponse = HttpResponseMessage(resp, None)
        self.is_text = is_text(ctype)
        if self.is_text:
            self.Content, self.Encoding = decode(raw, ctype)
            body = self.Content
        else:
            self.Content = raw
            self.Encoding = None
            body = ""
        head = [f"HTTP/{http_version(resp)} {resp.status_code} {self.StatusDescription}"]
        head += [f"{k}: {v}" for k, v in pairs]
        self.RawContent = "\r\n".join(head) + "\r\n\r\n" + body
        self.type_fullname = ("Microsoft.PowerShell.Commands.BasicHtmlWebResponseObject"
                              if self.is_text else
                              "Microsoft.PowerShell.Commands.WebResponseObject")

    @property
    def RawContentStream(self):
        import io
        return io.BytesIO(self.Content.encode("utf-8") if isinstance(self.Content, str)
                          else self.Content)

    def ToString(self) -> str:
        return self.Content if isinstance(self.Content, str) else self.RawContent
