"""Client authentication on the token endpoint: secrets, certificate-signed assertions and
federated (workload identity) assertions.

Kept apart from the grant handlers because every grant type shares it and because it is
where the emulator has to be strict: a test suite that wants to see "bad secret" or
"expired assertion" errors needs the same checks Entra ID makes, in the same order.
"""
from __future__ import annotations

import base64
import hmac
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote_plus

import jwt

from . import errors
from .config import Application, Certificate, FederatedCredential, b64url

JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
_ASSERTION_ALGORITHMS = ["RS256", "PS256", "ES256"]
_CLOCK_SKEW = 300


def client_secret_from(form: Mapping[str, str], headers: Mapping[str, str]) -> str | None:
    """The secret from the form or from HTTP Basic authentication (RFC 6749 §2.3.1)."""
    if form.get("client_secret"):
        return form["client_secret"]
    auth = headers.get("Authorization") or ""
    if auth[:6].lower() == "basic ":
        try:
            decoded = base64.b64decode(auth[6:].strip()).decode()
        except (ValueError, UnicodeDecodeError):
            return None
        _, _, secret = decoded.partition(":")
        return unquote_plus(secret) or None
    return None


def authenticate_client(app: Application, form: Mapping[str, str], headers: Mapping[str, str],
                        *, audiences: set[str], now: float, emulator_key: Any,
                        required: bool) -> str:
    """Check the client's credential; return the method used ('secret', 'certificate',
    'federated' or 'none').  ``required`` is False for public-client user flows."""
    secret = client_secret_from(form, headers)
    assertion = form.get("client_assertion")
    if app.public_client:
        if secret or assertion:
            raise errors.public_client_only(app.client_id)
        if required:
            raise errors.OAuthError(400, "unauthorized_client", 7000218,
                                    "The request body must contain the following parameter: "
                                    "'client_assertion' or 'client_secret'.")
        return "none"
    if secret is not None:
        if not any(hmac.compare_digest(secret.encode(), s.encode()) for s in app.secrets):
            raise errors.invalid_secret(app.client_id)
        return "secret"
    if assertion:
        if form.get("client_assertion_type") != JWT_BEARER:
            raise errors.invalid_request(
                "The client_assertion_type must be "
                "'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'.", 50027)
        return _check_assertion(app, assertion, audiences, now, emulator_key)
    raise errors.missing_client_credential()


def _check_assertion(app: Application, assertion: str, audiences: set[str], now: float,
                     emulator_key: Any) -> str:
    try:
        header = jwt.get_unverified_header(assertion)
        claims = jwt.decode(assertion, options={"verify_signature": False})
    except jwt.PyJWTError:
        raise errors.assertion_invalid("The assertion is not a well-formed JWT.") from None
    if claims.get("iss") == app.client_id and claims.get("sub") == app.client_id:
        _check_certificate_assertion(app, assertion, header, claims, audiences, now)
        return "certificate"
    _check_federated_assertion(app, assertion, claims, now, emulator_key)
    return "federated"


def _check_times(claims: Mapping[str, Any], now: float) -> None:
    exp = claims.get("exp")
    if not isinstance(exp, (int, float)):
        raise errors.assertion_time_invalid("The assertion has no 'exp' claim.")
    if now > exp:
        raise errors.assertion_time_invalid(f"Current time: {int(now)}, assertion valid to: "
                                            f"{int(exp)}.")
    nbf = claims.get("nbf")
    if isinstance(nbf, (int, float)) and nbf > now + _CLOCK_SKEW:
        raise errors.assertion_time_invalid(f"Current time: {int(now)}, assertion valid from: "
                                            f"{int(nbf)}.")


def _verify_signature(assertion: str, key: Any, what: str) -> None:
    try:
        jwt.decode(assertion, key, algorithms=_ASSERTION_ALGORITHMS,
                   options={"verify_aud": False, "verify_exp": False, "verify_nbf": False,
                            "verify_iat": False, "verify_iss": False})
    except jwt.PyJWTError:
        raise errors.assertion_invalid(f"The {what} signature is invalid.") from None


def _norm_b64(value: Any) -> str | None:
    """Thumbprints arrive base64url with or without padding (MSAL pads): compare unpadded."""
    if not isinstance(value, str) or not value:
        return None
    return value.replace("+", "-").replace("/", "_").rstrip("=")


def _registered_certificate(app: Application, header: Mapping[str, Any]) -> Certificate | None:
    by_sha1 = _norm_b64(header.get("x5t"))
    by_sha256 = _norm_b64(header.get("x5t#S256"))
    for cert in app.certificates:
        if by_sha1 and b64url(cert.sha1) == by_sha1:
            return cert
        if by_sha256 and cert.sha256 and b64url(cert.sha256) == by_sha256:
            return cert
    return None


def _check_certificate_assertion(app: Application, assertion: str, header: Mapping[str, Any],
                                 claims: Mapping[str, Any], audiences: set[str],
                                 now: float) -> None:
    cert = _registered_certificate(app, header)
    if cert is None:
        shown = header.get("x5t") or header.get("x5t#S256") or "(none)"
        raise errors.assertion_invalid(
            "Client assertion contains an invalid signature. [Reason - The key was not found., "
            f"Thumbprint of key used by client: '{shown}'; application '{app.client_id}']")
    key = cert.public_key
    if key is None:
        # Registered by thumbprint only: use the chain the client sent (x5c) if its leaf is
        # that certificate; without x5c the signature cannot be checked (documented).
        chain = header.get("x5c") or []
        if chain:
            from .config import certificate_from_bytes
            try:
                leaf = certificate_from_bytes(base64.b64decode(chain[0]))
            except ValueError:
                raise errors.assertion_invalid("The x5c certificate is unreadable.") from None
            if leaf.sha1 != cert.sha1:
                raise errors.assertion_invalid("The x5c certificate does not match x5t.")
            key = leaf.public_key
    if key is not None:
        _verify_signature(assertion, key, "client assertion")
    aud = claims.get("aud")
    aud_values = aud if isinstance(aud, list) else [aud]
    if not any(isinstance(a, str) and a.rstrip("/") in audiences for a in aud_values):
        raise errors.assertion_invalid(
            f"The audience '{aud}' of the client assertion is not the token endpoint.")
    _check_times(claims, now)


def _check_federated_assertion(app: Application, assertion: str, claims: Mapping[str, Any],
                               now: float, emulator_key: Any) -> None:
    issuer = str(claims.get("iss", ""))
    subject = str(claims.get("sub", ""))
    aud = claims.get("aud")
    aud_values = [a for a in (aud if isinstance(aud, list) else [aud]) if isinstance(a, str)]
    match: FederatedCredential | None = None
    for fc in app.federated_credentials:
        if fc.issuer == issuer and fc.subject == subject and set(aud_values) & set(fc.audiences):
            match = fc
            break
    if match is None:
        raise errors.federated_mismatch(issuer, subject, ",".join(aud_values))
    _check_times(claims, now)
    if match.signing_key is not None:
        key = emulator_key if match.signing_key == "emulator" else match.signing_key
        _verify_signature(assertion, key, "federated assertion")


def token_endpoint_audiences(hosts: tuple[str, ...], port: int, tenant_segments: set[str]
                             ) -> set[str]:
    """Every spelling of the token endpoint URL a client assertion may name as ``aud``."""
    out: set[str] = set()
    for host in hosts:
        for segment in tenant_segments:
            out.add(f"https://{host}:{port}/{segment}/oauth2/v2.0/token")
            out.add(f"https://{host}:{port}/{segment}/v2.0")
    return out

