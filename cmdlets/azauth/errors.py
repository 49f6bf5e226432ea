"""Turning azure-identity, MSAL and network failures into one clear line for an error record.

The libraries' messages are long (trace ids, correlation ids, advice about authority
formats) and nest the useful part in chained exceptions; an AADSTS code may sit two
exceptions deep.  ``describe`` finds the Entra ID error code and description, or the
network cause, so the user reads "AADSTS7000215: Invalid client secret provided..." and
not a traceback.  Messages from these libraries never contain tokens or secrets, but the
text is still passed through :func:`scrub` in case a server echoes a form back.
"""
from __future__ import annotations

import re

from . import messages as M

_AADSTS = re.compile(r"(AADSTS\d+):\s*(.*?)(?=\s*(?:Trace ID:|Correlation ID:|Timestamp:|\"|$))",
                     re.DOTALL)
_CONNECT = re.compile(r"(HTTPS?)Connection\(host='([^']+)', port=(\d+)\): (.*)", re.DOTALL)
_SECRETISH = re.compile(
    r"((?:client_secret|client_assertion|refresh_token|access_token|code|password|"
    r"device_code|assertion)[\"']?\s*[=:]\s*[\"']?)[^\s&\"',}]+", re.IGNORECASE)
_JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]*")


class AzAuthError(Exception):
    """A failure already put into words: the cmdlet writes it as an error record."""

    def __init__(self, key_or_id: str, message: str | None = None, category: str = "NotSpecified",
                 **fmt) -> None:
        if message is None:
            error_id, category, template = M.ERRORS[key_or_id]
            if "{set_error}" in error_id:
                error_id = error_id.format(set_error=fmt.get("set_error", "AzAuthError"))
            message = template.format(**fmt)
        else:
            error_id = key_or_id
        super().__init__(message)
        self.error_id = error_id
        self.category = category
        self.message = message


def scrub(text: str) -> str:
    """Remove anything that looks like a token or a secret form field from library text."""
    text = _JWT.sub("<redacted>", text)
    return _SECRETISH.sub(lambda m: m.group(1) + "<redacted>", text)


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def aad_error(exc: BaseException) -> tuple[str, str] | None:
    """(AADSTS code, description) found anywhere in the exception chain, else None."""
    for e in _chain(exc):
        for text in (str(e), str(getattr(e, "message", "") or "")):
            m = _AADSTS.search(text.replace("\\\"", "\""))
            if m:
                return m.group(1), " ".join(m.group(2).split()).rstrip(" .") + "."
    return None


def network_error(exc: BaseException) -> str | None:
    """'Cannot connect to host:port (connection refused).' for transport failures."""
    for e in _chain(exc):
        name = type(e).__name__
        text = str(e)
        m = _CONNECT.search(text)
        if m:
            host, port, rest = m.group(2), m.group(3), m.group(4).lower()
            if "refused" in rest:
                why = "the connection was refused"
            elif "resolve" in rest or "name or service" in rest:
                why = "the host name could not be resolved"
            elif "timed out" in rest or "timeout" in rest:
                why = "the connection timed out"
            elif "certificate" in rest or "ssl" in rest:
                why = "its TLS certificate is not trusted (" + _first_line(m.group(4)) + ")"
            else:
                why = _first_line(m.group(4))
            return f"Cannot connect to {host}:{port}: {why}."
        if name in ("ServiceResponseTimeoutError", "ReadTimeout", "ConnectTimeout",
                    "ServiceRequestTimeoutError", "Timeout"):
            return "The identity endpoint did not answer in time."
        if name in ("SSLError",) or "CERTIFICATE_VERIFY_FAILED" in text:
            return "The server's TLS certificate is not trusted (set REQUESTS_CA_BUNDLE to a " \
                   "bundle that includes its CA)."
    return None


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


_PREFIXES = ("Authentication failed: ", "Authentication failed:")


def describe(exc: BaseException) -> str:
    """The useful part of a library exception, in one or two sentences."""
    found = aad_error(exc)
    if found is not None:
        return f"{found[0]}: {found[1]}"
    net = network_error(exc)
    if net is not None:
        return net
    text = str(getattr(exc, "message", None) or exc) or type(exc).__name__
    for prefix in _PREFIXES:
        text = text.removeprefix(prefix)
    if text.startswith("Unable to get authority configuration for "):
        url = text.split(" ")[5].rstrip(".")
        return f"Unable to get the authority configuration for {url}: check the tenant and " \
               "AZURE_AUTHORITY_HOST."
    text = " ".join(text.split())
    return scrub(text)


def token_error(set_name: str, exc: BaseException) -> AzAuthError:
    """The error record contents for a failed request in parameter set ``set_name``."""
    error_id, category = M.SET_ERRORS.get(set_name, ("AzAuthError", "NotSpecified"))
    if isinstance(exc, AzAuthError):
        return exc
    return AzAuthError(error_id, "Could not get a token! " + describe(exc), category)


def quiet_library_logs() -> None:
    """azure-identity logs every failure at WARNING; with no handler configured Python's
    last-resort handler would print those lines on stderr next to our error record."""
    import logging
    for name in ("azure", "msal", "msal_extensions", "portalocker"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
        logger.propagate = False
