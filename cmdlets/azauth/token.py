"""The AzToken object Get-AzToken returns, and reading a JWT's claims without checking it.

AzAuth decodes the token only to describe it (who, which tenant, which scopes); the
resource server is the one that verifies signatures, so no key material is needed here and
no JWT library is imported.  Nothing in this module ever prints the token: ``ToString()``
returns it on purpose (that is what ``"Bearer $token"`` relies on), but ``__repr__`` does
not, so a stray debug print or traceback cannot leak it.
"""
from __future__ import annotations

import base64
import datetime as _dt
import json

from pwshlike.runtime.values import Hashtable


class ClaimList(list):
    """PipeHow.AzAuth.ClaimList: every value of one claim, as strings (arrays such as
    ``roles`` or ``groups`` give several).  It is a list so the pipeline unrolls it."""

    type_fullname = "PipeHow.AzAuth.ClaimList"

    def ToString(self) -> str:
        return ", ".join(self)


class ClaimsDictionary(Hashtable):
    """PipeHow.AzAuth.ClaimsDictionary: claim name → ClaimList.  A missing claim reads as
    $null (the .NET indexer returns null rather than throwing).  It is a (read-only)
    Hashtable so that indexing, ``.Keys``/``.Count`` and the console's
    ``{[aud, …], [iss, …]…}`` display work as for any dictionary."""

    def __init__(self, claims: dict | None = None) -> None:
        super().__init__(ordered=True)
        for key, value in (claims or {}).items():
            values = value if isinstance(value, list) else [value]
            entry = Hashtable.get(self, key)
            if entry is None:
                entry = ClaimList()
                Hashtable.__setitem__(self, key, entry)
            entry.extend(_claim_text(v) for v in values)

    @property
    def type_fullname(self) -> str:
        return "PipeHow.AzAuth.ClaimsDictionary"

    def __setitem__(self, key, value) -> None:
        raise TypeError("ClaimsDictionary is read-only")

    def add(self, key, value) -> None:
        raise TypeError("ClaimsDictionary is read-only")

    def ToString(self) -> str:
        return ", ".join(f"[{k}: {v.ToString()}]" for k, v in self.items())

    def __repr__(self) -> str:
        return f"ClaimsDictionary({self.keys()})"


def _claim_text(value) -> str:
    """Claim values as .NET's JwtSecurityTokenHandler gives them: strings as they are,
    booleans and numbers as JSON text, objects as compact JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return json.dumps(value, separators=(",", ":"))


class AzToken:
    """PipeHow.AzAuth.AzToken.  Properties in AzAuth's declaration order (Format-List
    shows them so); the string form is the raw token."""

    dotnet_fullname = "PipeHow.AzAuth.AzToken"
    ps_properties = ("Token", "ExpiresOn", "Identity", "TenantId", "Scopes", "Claims")

    def __init__(self, token: str, expires_on, identity: str | None, tenant_id: str | None,
                 scopes: list[str], claims: ClaimsDictionary) -> None:
        self.Token = token
        self.ExpiresOn = expires_on
        self.Identity = identity
        self.TenantId = tenant_id
        self.Scopes = list(scopes)
        self.Claims = claims

    def ToString(self) -> str:
        return self.Token

    def __str__(self) -> str:
        return self.Token

    def __repr__(self) -> str:
        return f"AzToken(Identity={self.Identity!r}, TenantId={self.TenantId!r}, " \
               f"Scopes={self.Scopes!r})"


def decode_claims(token: str) -> dict:
    """The payload of a JWT, unverified; {} when the token is not a JWT (some resources,
    such as personal Microsoft accounts, get opaque tokens)."""
    parts = token.split(".")
    if len(parts) != 3:
        return {}
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        data = json.loads(base64.urlsafe_b64decode(payload.encode("ascii")))
    except (ValueError, UnicodeError):
        return {}
    return data if isinstance(data, dict) else {}


def expires_at(epoch_seconds: float):
    """ExpiresOn as a UTC DateTimeOffset (pwshlike's System.DateTimeOffset; its ``dt`` is
    a timezone-aware datetime)."""
    from pwshlike.runtime.dotnet.dates import DateTimeOffset
    moment = _dt.datetime.fromtimestamp(int(epoch_seconds), _dt.UTC)
    return DateTimeOffset(moment)


def make_token(token: str, expires_on: float, requested_scopes: list[str],
               tenant_id: str | None = None, username: str | None = None) -> AzToken:
    """Build the AzToken as AzAuth does: identity from upn → email → oid (else the cache
    account's name), tenant from ``tid`` (else the requested tenant), scopes from ``scp``
    (else the requested ones, as for app-only tokens)."""
    payload = decode_claims(token)
    identity = payload.get("upn") or payload.get("email") or payload.get("oid") or username
    scp = payload.get("scp")
    scopes = scp.split(" ") if isinstance(scp, str) and scp else list(requested_scopes)
    return AzToken(token, expires_at(expires_on), identity,
                   payload.get("tid") or tenant_id, scopes, ClaimsDictionary(payload))
