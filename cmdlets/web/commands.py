"""Invoke-WebRequest and Invoke-RestMethod: what each makes of a successful response."""
from __future__ import annotations

from .client import WebRequestCmdlet
from .content import decode, media_type, rest_value
from .response import WebResponseObject


class InvokeWebRequestCommand(WebRequestCmdlet):
    """Returns the response itself: status, headers, the content as text (or bytes)."""

    fq_name = "Microsoft.PowerShell.Commands.InvokeWebRequestCommand"

    def process_response(self, resp, raw: bytes) -> None:
        self.write_object(WebResponseObject(resp, raw))


class InvokeRestMethodCommand(WebRequestCmdlet):
    """Returns the content, converted: JSON to objects (arrays unrolled), XML to a document,
    anything else as text."""

    fq_name = "Microsoft.PowerShell.Commands.InvokeRestMethodCommand"

    def process_response(self, resp, raw: bytes) -> None:
        ctype = resp.headers.get("Content-Type")
        text, encoding = decode(raw, ctype)
        if media_type(ctype):
            self.write_verbose(f"Content encoding: {encoding}")
        value = rest_value(text, ctype)
        self.write_object(value, enumerate_collection=isinstance(value, list))
