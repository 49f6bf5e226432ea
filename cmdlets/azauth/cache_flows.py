"""Get-AzToken with -TokenCache: sign in into a named cache, or get a token from one.

MSAL's PublicClientApplication does the work (as MSAL.NET does in AzAuth): interactive
and device-code sign-ins write the account and its refresh token to the named cache, and
the Cache set takes a token silently (from the cache, or by redeeming the refresh token).
The client id and tenant default to those recorded with the cache, so a later call needs
only the cache name.  azure-identity is not imported on this path.
"""
from __future__ import annotations

import time

from . import messages as M
from .cache import (
    MsalResult,
    NamedCache,
    account_entries,
    authority_host,
    public_app,
    result_or_error,
)
from .credentials import DEVELOPER_CLIENT_ID, full_scopes
from .errors import AzAuthError, token_error
from .token import AzToken, make_token


def get_token(cmdlet, req) -> AzToken:
    cache = NamedCache(req.cache_name)
    create = req.set_name in ("Interactive", "DeviceCode")
    msal_cache, protection = cache.open(req.unprotected, create=create)
    cmdlet.write_verbose(M.VERBOSE["cache_file"].format(path=cache.path, protection=protection))
    record = cache.read_record()
    client_id = req.client_id or record.get("clientId") or DEVELOPER_CLIENT_ID
    scopes = full_scopes(req.resource, req.scopes)
    try:
        if req.set_name == "Cache":
            result = _silent(cmdlet, req, cache, record, client_id, msal_cache, scopes)
        else:
            if req.set_name == "Interactive":
                from .flows import browser_problem
                problem = browser_problem()
                if problem:
                    raise AzAuthError("no_browser", reason=problem)
            tenant = req.tenant_id or "organizations"
            app = public_app(client_id, tenant, msal_cache)
            if req.set_name == "Interactive":
                cmdlet.write_verbose(M.VERBOSE["interactive"])
                raw = app.acquire_token_interactive(
                    scopes, prompt="select_account", timeout=req.timeout,
                    claims_challenge=req.claims)
            else:
                raw = _device_flow(cmdlet, req, app, scopes)
            raw = result_or_error(raw, req.set_name)
            cache.save_record(protection, client_id, authority_host(),
                              account_entries(app, client_id, tenant))
            claims = raw.get("id_token_claims") or {}
            result = MsalResult(raw, claims.get("preferred_username") or claims.get("upn"))
    except (AzAuthError, KeyboardInterrupt):
        raise
    except Exception as e:  # noqa: BLE001 - network and library failures
        if "timeout" in str(e).lower() and req.set_name != "Cache":
            raise AzAuthError("timeout", seconds=req.timeout,
                              set_error=M.SET_ERRORS[req.set_name][0]) from None
        raise token_error(req.set_name, e) from None
    return make_token(result.token, result.expires_on, result.scopes or scopes,
                      req.tenant_id, result.username)


def _silent(cmdlet, req, cache, record, client_id, msal_cache, scopes) -> MsalResult:
    from .cache import accounts_in
    entries = accounts_in(msal_cache)
    if req.username:
        cmdlet.write_verbose(M.VERBOSE["cache_account"].format(username=req.username,
                                                               name=req.cache_name))
        wanted = [a for a in entries if (a.get("username") or "").lower() ==
                  req.username.lower() or a.get("home_account_id") == req.username]
        if not wanted:
            raise AzAuthError("account_not_found", username=req.username)
    else:
        cmdlet.write_verbose(M.VERBOSE["cache_single"].format(name=req.cache_name))
        if not entries:
            raise AzAuthError("no_accounts")
        if len({a.get("home_account_id") for a in entries}) > 1:
            raise AzAuthError("multiple_accounts")
        wanted = entries
    entry = wanted[0]
    tenant = req.tenant_id or _recorded_tenant(record, entry) or "organizations"
    app = public_app(client_id, tenant, msal_cache)
    account = next((a for a in app.get_accounts()
                    if a.get("home_account_id") == entry.get("home_account_id")), None)
    if account is None:
        raise AzAuthError("account_not_found", username=req.username or entry.get("username"))
    raw = app.acquire_token_silent_with_error(scopes, account, claims_challenge=req.claims)
    if raw and "access_token" not in raw and raw.get("error") == "invalid_grant":
        from .errors import describe
        raise AzAuthError("silent_failed", reason="The refresh token was rejected: " +
                          describe(Exception(raw.get("error_description") or "")))
    raw = result_or_error(raw, "Cache")
    return MsalResult(raw, account.get("username"))


def _recorded_tenant(record: dict, entry: dict) -> str | None:
    for a in record.get("accounts") or []:
        if a.get("homeAccountId") == entry.get("home_account_id"):
            tenant = a.get("authorityTenant")
            if tenant and tenant not in ("organizations", "common"):
                return tenant
            return a.get("tenantId")
    return None


def _device_flow(cmdlet, req, app, scopes) -> dict:
    cmdlet.write_verbose(M.VERBOSE["device_code"])
    flow = app.initiate_device_flow(scopes=scopes, claims_challenge=req.claims)
    if "user_code" not in flow:
        return flow
    cmdlet.write_warning(M.WARNINGS["device_code"].format(uri=flow["verification_uri"],
                                                          code=flow["user_code"]))
    deadline = time.monotonic() + req.timeout
    result = app.acquire_token_by_device_flow(
        flow, exit_condition=lambda _flow: time.monotonic() > deadline,
        claims_challenge=req.claims)
    if result.get("error") in ("authorization_pending", "slow_down") and \
            time.monotonic() > deadline:
        raise AzAuthError("timeout", seconds=req.timeout,
                          set_error=M.SET_ERRORS["DeviceCode"][0])
    return result
