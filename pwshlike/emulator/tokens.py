"""Signed tokens: the emulator's RS256 key, its JWKS, and the claim sets it issues.

The tokens are real JWTs (signed, with a ``kid`` that the JWKS endpoint publishes) so code
that validates tokens — not just code that forwards them — can be tested offline.  Claim
names follow Entra ID's v2.0 tokens; ``appid`` (a v1.0 name) is included as well because
tools commonly read it.
"""
from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from .certs import write_private
from .config import User, b64url


class TokenSigner:
    """Holds the private signing key; signs tokens and publishes the public half as JWKS."""

    def __init__(self, key: rsa.RSAPrivateKey) -> None:
        self._key = key
        self.public_key = key.public_key()
        jwk = RSAAlgorithm.to_jwk(self.public_key, as_dict=True)
        # RFC 7638 thumbprint: stable across restarts for the same key.
        canonical = json.dumps({k: jwk[k] for k in ("e", "kty", "n")}, separators=(",", ":"),
                               sort_keys=True)
        self.kid = b64url(hashlib.sha256(canonical.encode()).digest())
        self._jwk = {**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}

    @classmethod
    def generate(cls) -> TokenSigner:
        return cls(rsa.generate_private_key(public_exponent=65537, key_size=2048))

    @classmethod
    def load_or_create(cls, path: Path) -> TokenSigner:
        """Reuse the key in ``path`` (tokens from a previous run keep verifying) or make one."""
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
            if isinstance(key, rsa.RSAPrivateKey):
                return cls(key)
        except (OSError, ValueError):
            pass
        signer = cls.generate()
        write_private(path, signer._key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
        return signer

    def sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self._key, algorithm="RS256",
                          headers={"kid": self.kid, "typ": "JWT"})

    def jwks(self) -> dict[str, Any]:
        return {"keys": [dict(self._jwk)]}

    def verify(self, token: str, *, audience: str | None = None, **options: Any) -> dict[str, Any]:
        """Decode and verify a token this signer issued (handy in tests)."""
        return jwt.decode(token, self.public_key, algorithms=["RS256"], audience=audience,
                          options={"verify_aud": audience is not None, **options})


def _times(now: int, lifetime: int) -> dict[str, int]:
    return {"iat": now, "nbf": now - 300, "exp": now + lifetime}


def access_token_claims(*, issuer: str, tenant_id: str, audience: str, app_id: str, now: int,
                        lifetime: int, user: User | None = None, subject_oid: str | None = None,
                        scp: str | None = None, roles: tuple[str, ...] = (),
                        extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Claims of an access token; ``user`` set means delegated (``scp``), else app-only."""
    claims: dict[str, Any] = {
        "aud": audience, "iss": issuer, **_times(now, lifetime),
        "tid": tenant_id, "azp": app_id, "appid": app_id, "ver": "2.0",
        "uti": b64url(uuid.uuid4().bytes), "rh": "0.emulator.",
    }
    if user is not None:
        claims.update(oid=user.oid, sub=_pairwise(user.oid, app_id), upn=user.upn,
                      preferred_username=user.upn, unique_name=user.upn, name=user.name,
                      idtyp="user", scp=scp or "user_impersonation")
    else:
        oid = subject_oid or app_id
        claims.update(oid=oid, sub=oid, idtyp="app")
        if roles:
            claims["roles"] = list(roles)
    if extra:
        claims.update(extra)
    return claims


def id_token_claims(*, issuer: str, tenant_id: str, client_id: str, user: User, now: int,
                    lifetime: int, nonce: str | None = None) -> dict[str, Any]:
    """Claims of an id_token (audience is the client); carries ``nonce`` when one was sent."""
    claims: dict[str, Any] = {
        "aud": client_id, "iss": issuer, **_times(now, lifetime), "tid": tenant_id,
        "oid": user.oid, "sub": _pairwise(user.oid, client_id), "name": user.name,
        "preferred_username": user.upn, "upn": user.upn, "ver": "2.0",
    }
    if nonce:
        claims["nonce"] = nonce
    return claims


def client_info(uid: str, utid: str) -> str:
    """The ``client_info`` MSAL uses to key its cache: base64url JSON ``{"uid","utid"}``."""
    return b64url(json.dumps({"uid": uid, "utid": utid}, separators=(",", ":")).encode())


def _pairwise(oid: str, app_id: str) -> str:
    """Entra ID's ``sub`` differs per application; derive one deterministically."""
    return b64url(hashlib.sha256(f"{oid}:{app_id}".encode()).digest())[:43]
