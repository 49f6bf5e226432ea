"""The .NET types the web cmdlets' parameters and results use.

The enums (WebRequestMethod, WebAuthenticationType, HttpStatusCode) are registered so
``-Method Post`` binds and ``[int]$r.StatusCode`` works.  SecureString and PSCredential
are pwshlike.security's; the helpers below read their clear text for the request only.
"""
from __future__ import annotations

from http import HTTPStatus

from pwshlike.runtime.dotnet.enums import ENUM_TYPES, define_enum
from pwshlike.runtime.types import PSType, lookup_type, register

WEB_REQUEST_METHODS = ["Default", "Get", "Head", "Post", "Put", "Delete", "Trace", "Options",
                       "Merge", "Patch"]


def _enum(fullname: str, members):
    return ENUM_TYPES.get(fullname.lower()) or define_enum(fullname, members)


WebRequestMethod = _enum("Microsoft.PowerShell.Commands.WebRequestMethod", WEB_REQUEST_METHODS)
WebAuthenticationType = _enum("Microsoft.PowerShell.Commands.WebAuthenticationType",
                              ["None", "Basic", "Bearer", "OAuth"])
WebSslProtocol = _enum("Microsoft.PowerShell.Commands.WebSslProtocol",
                       {"Default": 0, "Tls": 1, "Tls11": 2, "Tls12": 4, "Tls13": 8})

# .NET names the status codes in PascalCase; a few differ from the RFC reason phrases
_STATUS_NAMES = {
    302: "Found", 413: "RequestEntityTooLarge", 414: "RequestUriTooLong",
    416: "RequestedRangeNotSatisfiable", 418: "418", 422: "UnprocessableEntity",
}


def _status_members() -> dict[str, int]:
    members = {}
    for s in HTTPStatus:
        name = _STATUS_NAMES.get(s.value) or "".join(
            w.capitalize() for w in s.name.split("_"))
        if name.isdigit():
            continue
        members.setdefault(name, s.value)
    members.setdefault("Ambiguous", 300)
    members.setdefault("Moved", 301)
    members.setdefault("Redirect", 302)
    return members


HttpStatusCode = _enum("System.Net.HttpStatusCode", _status_members())


def status_code(value: int):
    """``value`` as a System.Net.HttpStatusCode (a plain int when the code has no name)."""
    try:
        return HttpStatusCode.convert(value)
    except Exception:  # noqa: BLE001 - undefined codes stay numbers, as .NET shows them
        return value


# --- secrets -------------------------------------------------------------------------------------
def plain_text(secret) -> str:
    """The clear text of a SecureString made here or elsewhere in the session."""
    if secret is None:
        return ""
    if isinstance(secret, str):
        return secret
    for name in ("reveal", "plain_text", "GetPlainText"):
        fn = getattr(secret, name, None)
        if callable(fn):
            return fn()
    text = getattr(secret, "_text", None) or getattr(secret, "_value", None)
    return text if isinstance(text, str) else ""


def credential_parts(cred) -> tuple[str, str]:
    """User name and clear-text password of a PSCredential."""
    net = getattr(cred, "GetNetworkCredential", None)
    if callable(net):
        n = net()
        user = getattr(n, "UserName", "") or ""
        domain = getattr(n, "Domain", "") or ""
        return (f"{domain}\\{user}" if domain else user), getattr(n, "Password", "") or ""
    return getattr(cred, "UserName", "") or "", plain_text(getattr(cred, "Password", None))


def _register_secret_types() -> None:
    for name in ("System.Security.Cryptography.X509Certificates.X509Certificate",
                 "System.Net.Sockets.UnixDomainSocketEndPoint",
                 "Microsoft.PowerShell.Commands.WebRequestSession"):
        if lookup_type(name) is None:
            register(PSType(name))


_register_secret_types()
