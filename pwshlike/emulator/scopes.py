"""Scope parsing: which resource a request is for and what goes in ``scp``.

Entra ID v2.0 requests name scopes as ``{resource}/{permission}``; a token is for exactly
one resource, and OIDC scopes (openid, profile, offline_access, email) ride along without
naming a resource.  Getting this right matters because the token's ``aud`` is the
resource and MSAL caches tokens under the scope string the server echoes back.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import errors

OIDC_SCOPES = frozenset({"openid", "profile", "offline_access", "email"})
GRAPH = "https://graph.microsoft.com"


@dataclass(frozen=True)
class ScopeRequest:
    resource: str                 # token audience, e.g. https://graph.microsoft.com
    permissions: tuple[str, ...]  # short names ('User.Read'), or ('.default',)
    requested: tuple[str, ...]    # the non-OIDC scopes as sent (echoed back as "scope")
    oidc: frozenset[str]          # OIDC scopes that were requested

    @property
    def is_default(self) -> bool:
        return self.permissions == (".default",)


def parse_scopes(scope: str | None, *, require_default: bool = False) -> ScopeRequest:
    """Split a space-separated scope parameter; raise AADSTS errors Entra ID would raise."""
    if not scope or not scope.split():
        raise errors.missing_parameter("scope")
    items = scope.split()
    oidc = frozenset(s for s in items if s in OIDC_SCOPES)
    rest = tuple(dict.fromkeys(s for s in items if s not in OIDC_SCOPES))
    if not rest:
        # only OIDC scopes: Entra ID issues a Graph token for them
        return ScopeRequest(GRAPH, ("User.Read",), (), oidc)
    resources: dict[str, list[str]] = {}
    for item in rest:
        resource, permission = _split(item)
        resources.setdefault(resource, []).append(permission)
    if len(resources) > 1:
        raise errors.invalid_scope(
            "The scope '" + " ".join(rest) + "' is not valid: a single request can only ask "
            "for scopes of one resource.", 28000)
    resource, permissions = next(iter(resources.items()))
    if require_default and permissions != [".default"]:
        raise errors.invalid_scope(
            f"The provided value for scope {' '.join(rest)} is not valid. Client credential "
            "flows must have a scope value with /.default suffixed to the resource identifier "
            "(application ID URI).", 1002012)
    if ".default" in permissions and len(permissions) > 1:
        raise errors.invalid_scope(
            "Scopes with '.default' cannot be combined with other scopes of the same resource.",
            70011)
    return ScopeRequest(resource, tuple(permissions), rest, oidc)


def _split(item: str) -> tuple[str, str]:
    """'https://graph.microsoft.com/User.Read' -> (resource, 'User.Read'); bare names are Graph."""
    if "/" not in item or item.endswith("/"):
        if "://" in item or item.startswith("api:"):
            return item.rstrip("/"), ".default"
        return GRAPH, item
    resource, _, permission = item.rpartition("/")
    if resource.endswith((":/", ":")):      # 'api://guid' without a path
        return item, ".default"
    return resource, permission
