"""One function per way of getting a token, chosen by Get-AzToken's parameter set.

Sets backed by azure-identity build a credential (credentials.py) and call ``get_token``;
a named cache (-TokenCache) goes to MSAL directly, as AzAuth does, so that the account
and refresh token land in the named cache and a later process can use them silently.
Verbose lines name what is being tried, never a secret.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from . import credentials as C
from . import messages as M
from .errors import AzAuthError, quiet_library_logs, token_error
from .token import AzToken, make_token


@dataclass
class TokenRequest:
    set_name: str
    resource: str
    scopes: list[str]
    tenant_id: str | None = None
    client_id: str | None = None
    claims: str | None = None
    timeout: int = 120
    cache_name: str | None = None
    unprotected: bool = False
    username: str | None = None
    client_secret: str | None = None
    certificate: object = None
    certificate_path: str | None = None
    external_token: str | None = None

    @property
    def full_scopes(self) -> list[str]:
        return C.full_scopes(self.resource, self.scopes)


def get_token(cmdlet, req: TokenRequest) -> AzToken:
    quiet_library_logs()
    cmdlet.write_verbose(M.VERBOSE["getting"].format(resource=req.resource,
                                                     scopes=", ".join(req.scopes)))
    if req.unprotected:
        cmdlet.write_warning(M.WARNINGS["unprotected"])
    if req.cache_name:
        from . import cache_flows
        return cache_flows.get_token(cmdlet, req)
    handler = _HANDLERS.get(req.set_name)
    if handler is None:
        raise AzAuthError("InvalidParameters", "Invalid parameter combination!", "WriteError")
    try:
        return handler(cmdlet, req)
    except AzAuthError:
        raise
    except KeyboardInterrupt:
        raise
    except Exception as e:  # noqa: BLE001 - mapped to the set's error record
        raise _mapped(req, e) from None


def _mapped(req: TokenRequest, e: Exception) -> AzAuthError:
    text = str(e)
    if "Timed out" in text and req.set_name in ("Interactive", "DeviceCode"):
        error_id = M.SET_ERRORS[req.set_name][0]
        return AzAuthError("timeout", seconds=req.timeout, set_error=error_id)
    return token_error(req.set_name, e)


def _azure_token(req: TokenRequest, access_token, tenant_id: str | None = None) -> AzToken:
    return make_token(access_token.token, access_token.expires_on, req.full_scopes,
                      tenant_id or req.tenant_id)


def non_interactive(cmdlet, req: TokenRequest) -> AzToken:
    state = C.session_state(cmdlet.ctx)
    _source, token = C.chain_token(state, req.full_scopes, req.claims, req.tenant_id,
                                   cmdlet.write_verbose)
    return _azure_token(req, token)


def managed_identity(cmdlet, req: TokenRequest) -> AzToken:
    cmdlet.write_verbose(M.VERBOSE["managed_identity"])
    if len(req.full_scopes) != 1:
        raise AzAuthError(M.SET_ERRORS["ManagedIdentity"][0],
                          "A managed identity token is for exactly one scope; give one -Scope.",
                          "InvalidArgument")
    cred = C.managed_identity(C.session_state(cmdlet.ctx), req.client_id)
    kw = {"claims": req.claims} if req.claims else {}
    return _azure_token(req, cred.get_token(req.full_scopes[0], **kw))


def client_secret(cmdlet, req: TokenRequest) -> AzToken:
    cmdlet.write_verbose(M.VERBOSE["client_secret"].format(client_id=req.client_id))
    cred = C.client_secret(C.session_state(cmdlet.ctx), req.tenant_id, req.client_id,
                           req.client_secret)
    return _azure_token(req, cred.get_token(*req.full_scopes, **C.request_kwargs(req.claims,
                                                                                 None)))


def client_certificate(cmdlet, req: TokenRequest) -> AzToken:
    from pwshlike.x509 import X509Certificate2
    cert = req.certificate
    if not isinstance(cert, X509Certificate2):
        raise AzAuthError("InvalidCertificate", "-ClientCertificate needs a certificate object, "
                          "for example from Get-PfxCertificate.", "InvalidArgument")
    if not cert.HasPrivateKey:
        raise AzAuthError("cert_no_key", subject=cert.Subject)
    cmdlet.write_verbose(M.VERBOSE["client_certificate"].format(
        thumbprint=cert.Thumbprint, client_id=req.client_id))
    cred = C.client_certificate(req.tenant_id, req.client_id, cert.private_pem())
    return _azure_token(req, cred.get_token(*req.full_scopes, **C.request_kwargs(req.claims,
                                                                                 None)))


def client_certificate_path(cmdlet, req: TokenRequest) -> AzToken:
    raw = req.certificate_path or ""
    if not (raw.endswith((".pfx", ".pem"))):
        raise AzAuthError("cert_extension")
    path = cmdlet.ctx.resolve_path(raw)
    if not os.path.isfile(path):
        raise AzAuthError("cert_missing", path=path)
    from pwshlike.x509 import CertificateLoadError, load_certificate
    try:
        with open(path, "rb") as f:
            cert = load_certificate(f.read())
    except (OSError, CertificateLoadError) as e:
        raise AzAuthError("cert_unreadable", path=path, reason=str(e)) from None
    if not cert.HasPrivateKey:
        raise AzAuthError("cert_no_key", subject=cert.Subject)
    cmdlet.write_verbose(M.VERBOSE["client_certificate"].format(
        thumbprint=cert.Thumbprint, client_id=req.client_id))
    cred = C.client_certificate(req.tenant_id, req.client_id, cert.private_pem())
    return _azure_token(req, cred.get_token(*req.full_scopes, **C.request_kwargs(req.claims,
                                                                                 None)))


def workload_identity(cmdlet, req: TokenRequest) -> AzToken:
    cmdlet.write_verbose(M.VERBOSE["workload_identity"].format(client_id=req.client_id))
    cred = C.workload_identity(req.tenant_id, req.client_id, req.external_token)
    return _azure_token(req, cred.get_token(*req.full_scopes, **C.request_kwargs(req.claims,
                                                                                 None)))


def interactive(cmdlet, req: TokenRequest) -> AzToken:
    problem = browser_problem()
    if problem:
        raise AzAuthError("no_browser", reason=problem)
    cmdlet.write_verbose(M.VERBOSE["interactive"])
    cred = C.interactive_browser(req.tenant_id, req.client_id, req.timeout)
    return _sign_in(cmdlet, req, cred)


def device_code(cmdlet, req: TokenRequest) -> AzToken:
    cmdlet.write_verbose(M.VERBOSE["device_code"])

    def prompt(uri: str, code: str, _expires) -> None:
        cmdlet.write_warning(M.WARNINGS["device_code"].format(uri=uri, code=code))
    cred = C.device_code(req.tenant_id, req.client_id, req.timeout, prompt)
    return _sign_in(cmdlet, req, cred)


def _sign_in(cmdlet, req: TokenRequest, cred) -> AzToken:
    """Sign in once (``authenticate``), then take the token silently from the credential,
    which is kept for later NonInteractive calls in this session."""
    kw = {"claims": req.claims} if req.claims else {}
    cred.authenticate(scopes=req.full_scopes, **kw)
    token = cred.get_token(*req.full_scopes, **kw)
    C.session_state(cmdlet.ctx).interactive = C.SavedInteractive(cred)
    return _azure_token(req, token)


def browser_problem() -> str | None:
    """Why no browser can be opened here, or None.  A console browser would take over the
    terminal and a missing display makes webbrowser hang or fail late, so decide early."""
    if os.environ.get("BROWSER"):
        return None
    if sys.platform in ("darwin", "win32"):
        return None
    release = os.uname().release.lower() if hasattr(os, "uname") else ""
    if "microsoft" in release:          # WSL opens the Windows browser
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        ssh = os.environ.get("SSH_CONNECTION") or os.environ.get("SSH_TTY")
        return "this is an SSH session without a display" if ssh else \
            "no DISPLAY or WAYLAND_DISPLAY is set"
    import webbrowser
    try:
        webbrowser.get()
    except webbrowser.Error:
        return "no web browser program was found"
    return None


_HANDLERS = {
    "NonInteractive": non_interactive,
    "ManagedIdentity": managed_identity,
    "ClientSecret": client_secret,
    "ClientCertificate": client_certificate,
    "ClientCertificatePath": client_certificate_path,
    "WorkloadIdentity": workload_identity,
    "Interactive": interactive,
    "DeviceCode": device_code,
}
