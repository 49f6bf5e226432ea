"""Parameter set → azure-identity credential, and the NonInteractive chain.

Everything here imports azure-identity, so only a Get-AzToken call that needs it loads it
(the named-cache path in cache.py uses MSAL alone).  The authority comes from
``AZURE_AUTHORITY_HOST`` (azure-identity reads it); ``PWSHLIKE_DISABLE_INSTANCE_DISCOVERY=1``
adds ``disable_instance_discovery=True`` to every MSAL-based credential, since
azure-identity has no variable for it and a local authority fails discovery otherwise.
TLS verification is never turned off: extra CAs come from ``REQUESTS_CA_BUNDLE``.
"""
from __future__ import annotations

import hashlib
import os
import weakref
from collections.abc import Callable

from . import messages as M
from .errors import AzAuthError, describe

DEVELOPER_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"   # Azure CLI's public client

# per session: the saved interactive credential and reused client credentials (-Force clears)
_SESSIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class SessionCredentials:
    def __init__(self) -> None:
        self.interactive = None          # credential from the last -Interactive/-DeviceCode
        self.reused: dict[tuple, object] = {}

    def clear(self) -> None:
        self.interactive = None
        self.reused.clear()


def session_state(ctx) -> SessionCredentials:
    state = _SESSIONS.get(ctx)
    if state is None:
        state = _SESSIONS[ctx] = SessionCredentials()
    return state


def discovery_disabled() -> bool:
    return os.environ.get("PWSHLIKE_DISABLE_INSTANCE_DISCOVERY", "").strip().lower() in (
        "1", "true", "yes")


def msal_options() -> dict:
    """Keyword arguments every MSAL-based azure-identity credential gets."""
    return {"disable_instance_discovery": True} if discovery_disabled() else {}


def full_scopes(resource: str, scopes: list[str]) -> list[str]:
    """AzAuth's rule: '<resource without trailing slash>/<scope>' for every scope."""
    base = resource.rstrip("/")
    return [f"{base}/{s}" for s in scopes]


def request_kwargs(claims: str | None, tenant_id: str | None) -> dict:
    kw = {}
    if claims:
        kw["claims"] = claims
    if tenant_id:
        kw["tenant_id"] = tenant_id
    return kw


def _key(*parts) -> tuple:
    """A dictionary key that holds no secret in clear (secrets are hashed)."""
    return tuple(hashlib.sha256(p.encode()).hexdigest() if isinstance(p, _Secret) else p
                 for p in parts)


class _Secret(str):
    """Marks a string as a secret for :func:`_key`."""


def _reuse(state: SessionCredentials, key: tuple, make: Callable[[], object]):
    cred = state.reused.get(key)
    if cred is None:
        cred = state.reused[key] = make()
    return cred


# --- one credential per parameter set -----------------------------------------------------------
def client_secret(state, tenant_id: str, client_id: str, secret: str):
    from azure.identity import ClientSecretCredential
    return _reuse(state, _key("secret", tenant_id, client_id, _Secret(secret)),
                  lambda: ClientSecretCredential(tenant_id, client_id, secret, **msal_options()))


def client_certificate(tenant_id: str, client_id: str, pem: bytes):
    from azure.identity import CertificateCredential
    return CertificateCredential(tenant_id, client_id, certificate_data=pem, **msal_options())


def client_certificate_path(tenant_id: str, client_id: str, path: str):
    from azure.identity import CertificateCredential
    return CertificateCredential(tenant_id, client_id, certificate_path=path, **msal_options())


def workload_identity(tenant_id: str, client_id: str, external_token: str):
    from azure.identity import ClientAssertionCredential
    return ClientAssertionCredential(tenant_id, client_id, lambda: external_token,
                                     **msal_options())


def managed_identity(state, client_id: str | None, timeout: float = 1):
    """AzAuth gives the endpoint one second and no retries (its -TimeoutSeconds default)."""
    from azure.identity import ManagedIdentityCredential
    kw = {"connection_timeout": timeout, "read_timeout": max(timeout, 5), "retry_total": 0}
    if client_id:
        kw["client_id"] = client_id
    return _reuse(state, _key("mi", client_id, timeout),
                  lambda: ManagedIdentityCredential(**kw))


def interactive_browser(tenant_id: str | None, client_id: str | None, timeout: int):
    from azure.identity import InteractiveBrowserCredential
    return InteractiveBrowserCredential(
        tenant_id=tenant_id or "organizations", client_id=client_id or DEVELOPER_CLIENT_ID,
        timeout=timeout, disable_automatic_authentication=True, **msal_options())


def device_code(tenant_id: str | None, client_id: str | None, timeout: int,
                prompt: Callable[[str, str, object], None]):
    from azure.identity import DeviceCodeCredential
    return DeviceCodeCredential(
        client_id or DEVELOPER_CLIENT_ID, tenant_id=tenant_id or "organizations",
        timeout=timeout, prompt_callback=prompt, disable_automatic_authentication=True,
        **msal_options())


# --- the NonInteractive chain -----------------------------------------------------------------------
class _Unavailable(Exception):
    """A source that cannot be tried here at all."""


def _saved(state):
    if state.interactive is None:
        raise _Unavailable("no interactive sign-in was made in this session")
    return state.interactive


def _environment(state, tenant_id):
    from azure.identity import EnvironmentCredential
    return EnvironmentCredential(**msal_options())


def _azure_powershell(state, tenant_id):
    from azure.identity import AzurePowerShellCredential
    return AzurePowerShellCredential(tenant_id=tenant_id or "")


def _azure_cli(state, tenant_id):
    from azure.identity import AzureCliCredential
    return AzureCliCredential(tenant_id=tenant_id or "")


def _vscode(state, tenant_id):
    from azure.identity import VisualStudioCodeCredential
    kw = {"tenant_id": tenant_id} if tenant_id else {}
    return VisualStudioCodeCredential(**kw)


def _visual_studio(state, tenant_id):
    raise _Unavailable("the Python Azure Identity library has no Visual Studio credential")


def _shared_cache(state, tenant_id):
    from azure.identity import SharedTokenCacheCredential
    kw = {"tenant_id": tenant_id} if tenant_id else {}
    return SharedTokenCacheCredential(**kw, **msal_options())


def _managed_identity(state, tenant_id):
    return managed_identity(state, None, 1)


_FACTORIES = {
    "SavedInteractiveCredential": lambda state, tenant_id: _saved(state),
    "EnvironmentCredential": _environment,
    "AzurePowerShellCredential": _azure_powershell,
    "AzureCliCredential": _azure_cli,
    "VisualStudioCodeCredential": _vscode,
    "VisualStudioCredential": _visual_studio,
    "SharedTokenCacheCredential": _shared_cache,
    "ManagedIdentityCredential": _managed_identity,
}


def chain_token(state, scopes: list[str], claims: str | None, tenant_id: str | None,
                verbose: Callable[[str], None]):
    """Try each source in order.  A source that is unavailable (not signed in, tool not
    installed, no identity endpoint) passes on to the next; one that is available but
    fails (a wrong secret in AZURE_CLIENT_SECRET) stops the chain, as azure-identity's
    ChainedTokenCredential does.  Returns (source name, AccessToken)."""
    from azure.core.exceptions import ClientAuthenticationError
    from azure.identity import AuthenticationRequiredError, CredentialUnavailableError

    verbose(M.VERBOSE["sources"].format(
        sources="\n".join(f"{name} ({what})" for name, what in M.SOURCES)))
    reasons: list[str] = []
    for name, _what in M.SOURCES:
        try:
            cred = _FACTORIES[name](state, tenant_id)
            kw = request_kwargs(claims, tenant_id if name != "ManagedIdentityCredential"
                                else None)
            if name == "ManagedIdentityCredential" and len(scopes) != 1:
                raise _Unavailable("a managed identity token has exactly one scope")
            token = cred.get_token(*scopes, **kw)
        except (_Unavailable, CredentialUnavailableError, AuthenticationRequiredError) as e:
            reason = _one_line(describe(e))
            reasons.append(f"{name}: {reason}")
            verbose(M.VERBOSE["source_failed"].format(source=name, reason=reason))
            continue
        except ClientAuthenticationError as e:
            reason = _one_line(describe(e))
            reasons.append(f"{name}: {reason}")
            if _aad(e):       # reached Entra ID and was refused: stop, as the chain does
                raise _chain_failed(reasons, stopped=True) from None
            verbose(M.VERBOSE["source_failed"].format(source=name, reason=reason))
            continue
        except Exception as e:  # noqa: BLE001 - a broken source must not end the chain with a traceback
            reason = _one_line(describe(e))
            reasons.append(f"{name}: {reason}")
            verbose(M.VERBOSE["source_failed"].format(source=name, reason=reason))
            continue
        verbose(M.VERBOSE["source_ok"].format(source=name))
        return name, token
    raise _chain_failed(reasons, stopped=False)


def _aad(e) -> bool:
    from .errors import aad_error
    return aad_error(e) is not None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _chain_failed(reasons: list[str], stopped: bool) -> AzAuthError:
    error_id, category = M.SET_ERRORS["NonInteractive"]
    head = ("Could not get a token! A source was available but failed:" if stopped else
            "Could not get a token! No source could give one:")
    return AzAuthError(error_id, head + "\n" + "\n".join("- " + r for r in reasons), category)


class SavedInteractive:
    """The session's interactive credential, used silently by later NonInteractive calls:
    when its tokens cannot be renewed without the user it reports itself unavailable
    instead of opening a browser."""

    def __init__(self, credential) -> None:
        self._cred = credential

    def get_token(self, *scopes, **kwargs):
        from azure.identity import AuthenticationRequiredError, CredentialUnavailableError
        try:
            return self._cred.get_token(*scopes, **kwargs)
        except AuthenticationRequiredError:
            raise CredentialUnavailableError(
                "the saved sign-in cannot give this token without signing in again") from None
