"""AADSTS-style OAuth errors.

Clients such as MSAL and azure-identity surface ``error_description`` to the user and
some code paths branch on ``error`` (``authorization_pending``, ``invalid_grant``), so
the emulator answers with the same JSON shape and the same AADSTS numbers Entra ID uses.
Descriptions never include secrets: only identifiers (client id, tenant, user name).
"""
from __future__ import annotations

import datetime as _dt
import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass
class OAuthError(Exception):
    """An error answer of the identity endpoints (raised by handlers, rendered by the server)."""

    status: int
    error: str
    code: int | None
    message: str
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:  # pragma: no cover - for logs only
        return f"{self.error} AADSTS{self.code}" if self.code else self.error

    def body(self, correlation_id: str | None = None, now: _dt.datetime | None = None,
             error_uri_base: str | None = None) -> dict[str, Any]:
        """The JSON body Entra ID would send (trace/correlation ids and a timestamp included)."""
        now = now or _dt.datetime.now(_dt.UTC)
        stamp = now.strftime("%Y-%m-%d %H:%M:%SZ")
        trace_id = str(uuid.uuid4())
        correlation_id = correlation_id or str(uuid.uuid4())
        if self.code is not None:
            description = (f"AADSTS{self.code}: {self.message} Trace ID: {trace_id} "
                           f"Correlation ID: {correlation_id} Timestamp: {stamp}")
        else:
            description = self.message
        body: dict[str, Any] = {
            "error": self.error,
            "error_description": description,
            "error_codes": [self.code] if self.code is not None else [],
            "timestamp": stamp,
            "trace_id": trace_id,
            "correlation_id": correlation_id,
        }
        if self.code is not None and error_uri_base:
            body["error_uri"] = f"{error_uri_base}/error?code={self.code}"
        return body


# --- the catalogue: one function per AADSTS code the emulator produces ---------------------

def invalid_request(message: str, code: int = 900144) -> OAuthError:
    return OAuthError(400, "invalid_request", code, message)


def missing_parameter(name: str) -> OAuthError:
    return invalid_request(f"The request body must contain the following parameter: '{name}'.")


def unknown_tenant(tenant: str) -> OAuthError:
    return OAuthError(400, "invalid_request", 90002,
                      f"Tenant '{tenant}' not found. Check to make sure you have the correct tenant "
                      "ID and are signing into the correct cloud. Check with your subscription "
                      "administrator, this may happen if there are no active subscriptions for "
                      "the tenant.")


def unknown_tenant_discovery(tenant: str) -> OAuthError:
    err = unknown_tenant(tenant)
    err.error = "invalid_tenant"
    return err


def unknown_application(client_id: str, tenant_label: str) -> OAuthError:
    return OAuthError(400, "unauthorized_client", 700016,
                      f"Application with identifier '{client_id}' was not found in the directory "
                      f"'{tenant_label}'. This can happen if the application has not been installed "
                      "by the administrator of the tenant or consented to by any user in the "
                      "tenant. You may have sent your authentication request to the wrong tenant.")


def invalid_secret(client_id: str) -> OAuthError:
    return OAuthError(401, "invalid_client", 7000215,
                      "Invalid client secret provided. Ensure the secret being sent in the request "
                      "is the client secret value, not the client secret ID, for a secret added to "
                      f"app '{client_id}'.")


def missing_client_credential() -> OAuthError:
    return OAuthError(401, "invalid_client", 7000218,
                      "The request body must contain the following parameter: 'client_assertion' "
                      "or 'client_secret'.")


def assertion_time_invalid(detail: str) -> OAuthError:
    return OAuthError(401, "invalid_client", 700024,
                      f"Client assertion is not within its valid time range. {detail}")


def assertion_invalid(detail: str) -> OAuthError:
    return OAuthError(401, "invalid_client", 700027, f"Client assertion failed validation. {detail}")


def federated_mismatch(issuer: str, subject: str, audience: str) -> OAuthError:
    return OAuthError(400, "invalid_client", 70021,
                      "No matching federated identity record found for presented assertion. "
                      f"Assertion Issuer: '{issuer}'. Assertion Subject: '{subject}'. "
                      f"Assertion Audience: '{audience}'.")


def invalid_refresh_token() -> OAuthError:
    return OAuthError(400, "invalid_grant", 9002313,
                      "Invalid request. Request is malformed or invalid. The refresh token is "
                      "unknown, expired or was issued to another client.")


def invalid_grant(message: str, code: int = 70000) -> OAuthError:
    return OAuthError(400, "invalid_grant", code, message)


def pkce_mismatch() -> OAuthError:
    return invalid_grant("The code_verifier does not match the code_challenge supplied in the "
                         "authorization request for PKCE.", 501481)


def authorization_pending() -> OAuthError:
    return OAuthError(400, "authorization_pending", 70016,
                      "OAuth 2.0 device flow error. Authorization is pending. Continue polling.")


def device_code_expired() -> OAuthError:
    return OAuthError(400, "expired_token", 70020,
                      "The provided value for the input parameter 'device_code' is not valid. "
                      "This device code has expired.")


def device_code_declined() -> OAuthError:
    return OAuthError(400, "authorization_declined", 70000,
                      "The user declined the device code sign-in request.")


def bad_device_code() -> OAuthError:
    return OAuthError(400, "invalid_grant", 70000,
                      "The provided value for the input parameter 'device_code' is not valid.")


def unsupported_grant_type(grant_type: str) -> OAuthError:
    return OAuthError(400, "unsupported_grant_type", 70003,
                      f"The app requested an unsupported grant type '{grant_type}'.")


def invalid_scope(message: str, code: int = 70011) -> OAuthError:
    return OAuthError(400, "invalid_scope", code, message)


def unknown_user(upn: str, tenant_label: str) -> OAuthError:
    return OAuthError(400, "invalid_grant", 50034,
                      f"The user account {upn} does not exist in the {tenant_label} directory. "
                      "To sign into this application, the account must be added to the directory.")


def bad_password() -> OAuthError:
    return OAuthError(400, "invalid_grant", 50126,
                      "Error validating credentials due to invalid username or password.")


def public_client_only(client_id: str) -> OAuthError:
    return OAuthError(400, "unauthorized_client", 700025,
                      f"Client is public so neither 'client_assertion' nor 'client_secret' should "
                      f"be presented. Application '{client_id}'.")


def server_error() -> OAuthError:
    return OAuthError(500, "server_error", 50000,
                      "There was an error issuing a token or an issue with our sign-in service.")


def temporarily_unavailable(status: int) -> OAuthError:
    return OAuthError(status, "temporarily_unavailable", 50196,
                      "The server is temporarily unavailable (fault injected by the emulator).")


def throttled(retry_after: int) -> OAuthError:
    return OAuthError(429, "temporarily_unavailable", 50196,
                      "The server is busy; retry later (fault injected by the emulator).",
                      headers={"Retry-After": str(retry_after)})
