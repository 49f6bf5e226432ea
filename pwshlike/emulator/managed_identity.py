"""Managed identity endpoints (plain HTTP on 127.0.0.1).

Two shapes are served because azure-identity picks one from the environment:
App Service (``IDENTITY_ENDPOINT`` + ``IDENTITY_HEADER``, api-version 2019-08-01) is the
one the emulator prints, and the IMDS path (``AZURE_POD_IDENTITY_AUTHORITY_HOST``) is there
for code that talks to IMDS directly.  The secret header is what stops other local
processes from minting tokens, so it is compared in constant time and never logged.
"""
from __future__ import annotations

import hmac
from collections.abc import Callable

from .config import EmulatorConfig, ManagedIdentity
from .httpd import Request, Response, json_response
from .tokens import TokenSigner, access_token_claims

APP_SERVICE_PATH = "/msi/token"
IMDS_PATH = "/metadata/identity/oauth2/token"


class ManagedIdentityService:
    def __init__(self, config: EmulatorConfig, signer: TokenSigner, clock: Callable[[], float],
                 identity_header: str, issuer_base: str) -> None:
        self.config = config
        self.signer = signer
        self.clock = clock
        self.identity_header = identity_header
        self.issuer_base = issuer_base

    def app_service(self, request: Request) -> Response:
        supplied = request.header("X-IDENTITY-HEADER") or ""
        if not hmac.compare_digest(supplied.encode(), self.identity_header.encode()):
            return _error(401, "The X-IDENTITY-HEADER header is missing or incorrect.")
        if request.query.get("api-version") != "2019-08-01":
            return _error(400, "Unsupported api-version; the emulator serves 2019-08-01.")
        q = request.query
        mi = self.config.managed_identity(client_id=q.get("client_id"),
                                          object_id=q.get("principal_id") or q.get("object_id"),
                                          resource_id=q.get("mi_res_id"))
        return self._token(q.get("resource"), mi, app_service=True)

    def imds(self, request: Request) -> Response:
        if (request.header("Metadata") or "").lower() != "true":
            return json_response({"error": "invalid_request",
                                  "error_description": "Required metadata header not specified"},
                                 400)
        q = request.query
        mi = self.config.managed_identity(client_id=q.get("client_id"),
                                          object_id=q.get("object_id"),
                                          resource_id=q.get("msi_res_id") or q.get("mi_res_id"))
        return self._token(q.get("resource"), mi, app_service=False)

    def _token(self, resource: str | None, mi: ManagedIdentity | None,
               app_service: bool) -> Response:
        if not resource:
            return _error(400, "The 'resource' query parameter is required.")
        if mi is None:
            return _error(400, "No User Assigned or Delegated Managed Identity found for "
                               "specified ClientId/ResourceId/PrincipalId.")
        now = int(self.clock())
        lifetime = self.config.settings.token_lifetime_seconds
        extra = {"xms_mirid": mi.resource_id} if mi.resource_id else None
        claims = access_token_claims(issuer=f"{self.issuer_base}/{mi.tenant}/v2.0",
                                     tenant_id=mi.tenant, audience=resource,
                                     app_id=mi.client_id, now=now, lifetime=lifetime,
                                     subject_oid=mi.object_id, extra=extra)
        body = {"access_token": self.signer.sign(claims), "expires_on": str(now + lifetime),
                "resource": resource, "token_type": "Bearer", "client_id": mi.client_id}
        if not app_service:
            body.update(expires_in=str(lifetime), ext_expires_in=str(lifetime),
                        not_before=str(now - 300))
        return json_response(body)


def _error(status: int, message: str) -> Response:
    return json_response({"statusCode": status, "message": message,
                          "error": "invalid_request", "error_description": message}, status)
