"""Entra ID (v2.0) endpoints: discovery, keys, token, device code, authorize, device login.

Each handler takes a parsed Request and returns a Response or raises OAuthError; the server
turns errors into AADSTS JSON.  The behaviour follows what MSAL and azure-identity rely on
(see the package README): discovery document keys, ``authorization_pending`` while a device
code waits, the id_token ``nonce`` echo, ``client_info`` for MSAL's account cache, and a
form POST of the code to the loopback redirect URI.
"""
from __future__ import annotations

import hashlib
import hmac
import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from . import errors
from .client_auth import authenticate_client, token_endpoint_audiences
from .config import META_TENANTS, Application, EmulatorConfig, Tenant, User, b64url
from .httpd import Request, Response, html_response, json_response
from .scopes import GRAPH, ScopeRequest, parse_scopes
from .store import AuthCode, DeviceCode, GrantStore, RefreshGrant
from .tokens import TokenSigner, access_token_claims, client_info, id_token_claims

DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
_LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")

Deliver = Callable[[str, str, dict[str, str]], None]   # (method, url, params)


@dataclass
class Endpoints:
    """Where the emulator is reachable (known once the server socket is bound)."""

    base_url: str                  # https://127.0.0.1:PORT
    hosts: tuple[str, ...]         # host names clients may use (127.0.0.1, localhost)
    port: int


class EntraService:
    """The Entra ID side of the emulator: pure request -> response logic, no sockets."""

    def __init__(self, config: EmulatorConfig, signer: TokenSigner, store: GrantStore,
                 clock: Callable[[], float], endpoints: Endpoints, deliver: Deliver) -> None:
        self.config = config
        self.signer = signer
        self.store = store
        self.clock = clock
        self.endpoints = endpoints
        self.deliver = deliver
        self.signed_in_user: str | None = None    # runtime override of settings.default_user

    # --- helpers --------------------------------------------------------------------------
    @property
    def base(self) -> str:
        return self.endpoints.base_url

    def now(self) -> int:
        return int(self.clock())

    def issuer(self, tenant_id: str) -> str:
        return f"{self.base}/{tenant_id}/v2.0"

    def _tenant(self, segment: str) -> Tenant | None:
        """The tenant a path names; None for common/organizations/consumers; 90002 if unknown."""
        if segment.lower() in META_TENANTS:
            return None
        tenant = self.config.tenant(segment)
        if tenant is None:
            raise errors.unknown_tenant(segment)
        return tenant

    def _app(self, client_id: str | None, tenant: Tenant | None, segment: str) -> Application:
        if not client_id:
            raise errors.missing_parameter("client_id")
        app = self.config.app(client_id)
        if app is None or (tenant is not None and not app.in_tenant(tenant.id)):
            label = tenant.name if tenant else segment
            raise errors.unknown_application(client_id, label)
        return app

    def _authenticate(self, app: Application, request: Request, segment: str,
                      tenant: Tenant | None, required: bool) -> str:
        segments = {segment}
        if tenant is not None:
            segments |= {tenant.id, *tenant.domains}
        audiences = token_endpoint_audiences(self.endpoints.hosts, self.endpoints.port,
                                             segments)
        return authenticate_client(app, request.form, request.headers, audiences=audiences,
                                   now=self.clock(), emulator_key=self.signer.public_key,
                                   required=required)

    def _user_tenant_check(self, user: User, tenant: Tenant | None) -> None:
        if tenant is not None and user.tenant != tenant.id:
            raise errors.unknown_user(user.upn, tenant.name)

    # --- discovery and keys ---------------------------------------------------------------
    def openid_configuration(self, request: Request, tenant: str) -> Response:
        known = self._discovery_tenant(tenant)
        issuer_tid = known.id if known else "{tenantid}"
        root = f"{self.base}/{tenant}"
        return json_response({
            "issuer": self.issuer(issuer_tid),
            "authorization_endpoint": f"{root}/oauth2/v2.0/authorize",
            "token_endpoint": f"{root}/oauth2/v2.0/token",
            "device_authorization_endpoint": f"{root}/oauth2/v2.0/devicecode",
            "jwks_uri": f"{root}/discovery/v2.0/keys",
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt",
                                                      "client_secret_basic"],
            "response_modes_supported": ["query", "fragment", "form_post"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nbf", "name", "nonce",
                                 "oid", "preferred_username", "tid", "ver"],
            "grant_types_supported": ["authorization_code", "client_credentials",
                                      "refresh_token", DEVICE_CODE_GRANT, "password"],
            "code_challenge_methods_supported": ["S256", "plain"],
            "request_uri_parameter_supported": False,
            "tenant_region_scope": "EU",
            "cloud_instance_name": "emulator.pwshlike.invalid",
            "cloud_graph_host_name": "graph.windows.net",
            "msgraph_host": "graph.microsoft.com",
        })

    def _discovery_tenant(self, segment: str) -> Tenant | None:
        try:
            return self._tenant(segment)
        except errors.OAuthError:
            raise errors.unknown_tenant_discovery(segment) from None

    def keys(self, request: Request, tenant: str) -> Response:
        self._discovery_tenant(tenant)
        return json_response(self.signer.jwks())

    # --- token endpoint -------------------------------------------------------------------
    def token(self, request: Request, tenant: str) -> Response:
        if request.method != "POST":
            raise errors.invalid_request("The token endpoint only accepts POST.", 900561)
        form = request.form
        grant = form.get("grant_type")
        if not grant:
            raise errors.missing_parameter("grant_type")
        handlers = {
            "client_credentials": self._client_credentials,
            "refresh_token": self._refresh_token,
            DEVICE_CODE_GRANT: self._device_code_grant,
            "authorization_code": self._authorization_code,
            "password": self._password,
        }
        handler = handlers.get(grant)
        if handler is None:
            raise errors.unsupported_grant_type(grant)
        known = self._tenant(tenant)
        app = self._app(form.get("client_id"), known, tenant)
        return json_response(handler(request, tenant, known, app))

    def _client_credentials(self, request: Request, segment: str, tenant: Tenant | None,
                            app: Application) -> dict[str, Any]:
        self._authenticate(app, request, segment, tenant, required=True)
        scopes = parse_scopes(request.form.get("scope"), require_default=True)
        tenant_id = tenant.id if tenant else (app.tenant or self.config.default_tenant.id)
        lifetime = self.config.settings.token_lifetime_seconds
        claims = access_token_claims(
            issuer=self.issuer(tenant_id), tenant_id=tenant_id, audience=scopes.resource,
            app_id=app.client_id, now=self.now(), lifetime=lifetime,
            subject_oid=app.object_id, roles=app.roles.get(scopes.resource.rstrip("/"), ()))
        return {"token_type": "Bearer", "expires_in": lifetime, "ext_expires_in": lifetime,
                "access_token": self.signer.sign(claims)}

    def _refresh_token(self, request: Request, segment: str, tenant: Tenant | None,
                       app: Application) -> dict[str, Any]:
        self._authenticate(app, request, segment, tenant, required=not app.public_client)
        token = request.form.get("refresh_token")
        if not token:
            raise errors.missing_parameter("refresh_token")
        grant = self.store.refresh_grant(token, app.client_id)
        user = self.config.user_by_oid(grant.user_oid)
        if user is None:
            raise errors.invalid_refresh_token()
        self._user_tenant_check(user, tenant)
        scopes = parse_scopes(request.form.get("scope") or "openid profile offline_access")
        return self.user_tokens(app, user, scopes, request.form.get("client_info") == "1")

    def _device_code_grant(self, request: Request, segment: str, tenant: Tenant | None,
                           app: Application) -> dict[str, Any]:
        self._authenticate(app, request, segment, tenant, required=False)
        code = request.form.get("device_code") or request.form.get("code")
        if not code:
            raise errors.missing_parameter("device_code")
        record = self.store.poll_device_code(code, app.client_id)
        user = self.config.user_by_oid(record.user_oid or "")
        if user is None:
            raise errors.bad_device_code()
        scopes = parse_scopes(record.scope)
        return self.user_tokens(app, user, scopes, request.form.get("client_info") == "1")

    def _authorization_code(self, request: Request, segment: str, tenant: Tenant | None,
                            app: Application) -> dict[str, Any]:
        self._authenticate(app, request, segment, tenant, required=not app.public_client)
        form = request.form
        code = form.get("code")
        if not code:
            raise errors.missing_parameter("code")
        record = self.store.redeem_auth_code(code)
        if record.client_id != app.client_id:
            raise errors.invalid_grant("The authorization code was issued to another client.")
        if form.get("redirect_uri") != record.redirect_uri:
            raise errors.invalid_grant("The redirect_uri of the token request does not match "
                                       "the one of the authorization request.", 50148)
        if record.code_challenge:
            verifier = form.get("code_verifier")
            if not verifier:
                raise errors.missing_parameter("code_verifier")
            if record.code_challenge_method == "plain":
                computed = verifier
            else:
                computed = b64url(hashlib.sha256(verifier.encode("ascii", "replace")).digest())
            if not hmac.compare_digest(computed, record.code_challenge):
                raise errors.pkce_mismatch()
        user = self.config.user_by_oid(record.user_oid)
        if user is None:
            raise errors.invalid_grant("The user of the authorization code no longer exists.")
        scopes = parse_scopes(form.get("scope") or record.scope)
        return self.user_tokens(app, user, scopes, form.get("client_info") == "1",
                                nonce=record.nonce)

    def _password(self, request: Request, segment: str, tenant: Tenant | None,
                  app: Application) -> dict[str, Any]:
        self._authenticate(app, request, segment, tenant, required=not app.public_client)
        form = request.form
        username = form.get("username")
        if not username:
            raise errors.missing_parameter("username")
        user = self.config.user(username)
        if user is None:
            raise errors.unknown_user(username, tenant.name if tenant else segment)
        self._user_tenant_check(user, tenant)
        password = form.get("password") or ""
        if user.password is None or not hmac.compare_digest(password.encode(),
                                                            user.password.encode()):
            raise errors.bad_password()
        scopes = parse_scopes(form.get("scope"))
        return self.user_tokens(app, user, scopes, form.get("client_info") == "1")

    def user_tokens(self, app: Application, user: User, scopes: ScopeRequest,
                    want_client_info: bool, nonce: str | None = None) -> dict[str, Any]:
        """The token response of every user flow (access, refresh and id tokens)."""
        settings = self.config.settings
        now = self.now()
        lifetime = settings.token_lifetime_seconds
        resource = scopes.resource.rstrip("/")
        if scopes.is_default:
            fallback = "User.Read" if resource == GRAPH else "user_impersonation"
            scp = " ".join(app.delegated_scopes.get(resource, ()) or (fallback,))
        else:
            scp = " ".join(scopes.permissions)
        issuer = self.issuer(user.tenant)
        claims = access_token_claims(issuer=issuer, tenant_id=user.tenant,
                                     audience=scopes.resource, app_id=app.client_id, now=now,
                                     lifetime=lifetime, user=user, scp=scp)
        granted = " ".join(scopes.requested + tuple(sorted(scopes.oidc - {"offline_access"})))
        body: dict[str, Any] = {
            "token_type": "Bearer", "scope": granted or "openid profile",
            "expires_in": lifetime, "ext_expires_in": lifetime,
            "access_token": self.signer.sign(claims),
        }
        if "offline_access" in scopes.oidc:
            body["refresh_token"] = self.store.new_refresh_token(RefreshGrant(
                app.client_id, user.tenant, user.oid,
                now + settings.refresh_token_lifetime_seconds))
        if "openid" in scopes.oidc:
            body["id_token"] = self.signer.sign(id_token_claims(
                issuer=issuer, tenant_id=user.tenant, client_id=app.client_id, user=user,
                now=now, lifetime=lifetime, nonce=nonce))
        if want_client_info:
            body["client_info"] = client_info(user.oid, user.tenant)
        return body

    # --- device code ----------------------------------------------------------------------
    def devicecode(self, request: Request, tenant: str) -> Response:
        form = request.form
        known = self._tenant(tenant)
        app = self._app(form.get("client_id"), known, tenant)
        parse_scopes(form.get("scope"))          # validate now, as Entra ID does
        settings = self.config.settings
        record = DeviceCode(client_id=app.client_id, tenant_segment=tenant,
                            scope=form["scope"], user_code="",
                            expires_at=self.clock() + settings.device_code_lifetime_seconds,
                            interval=settings.device_code_interval_seconds)
        device_code = self.store.new_device_code(record)
        if settings.auto_approve_device_codes and self.config.default_user is not None:
            self.store.decide_device_code(record.user_code, self.config.default_user.oid)
        uri = f"{self.base}/devicelogin"
        return json_response({
            "device_code": device_code, "user_code": record.user_code,
            "verification_uri": uri,
            "expires_in": settings.device_code_lifetime_seconds,
            "interval": settings.device_code_interval_seconds,
            "message": f"To sign in, use a web browser to open the page {uri} and enter the "
                       f"code {record.user_code} to authenticate.",
        })

    def approve_device_code(self, user_code: str | None = None, upn: str | None = None,
                            password: str | None = None, check_password: bool = False
                            ) -> DeviceCode:
        """Sign a user in on a pending device code (the most recent if no code is given)."""
        user = self.config.user(upn) if upn else self._interactive_user()
        if user is None:
            raise LookupError(f"no user '{upn}'")
        if check_password and user.password is not None and not hmac.compare_digest(
                (password or "").encode(), user.password.encode()):
            raise PermissionError("wrong password")
        return self.store.decide_device_code(user_code, user.oid)

    def devicelogin(self, request: Request) -> Response:
        """A minimal sign-in page for a human completing a device code in a browser."""
        if request.method == "GET":
            return html_response(_page("Sign in with a device code", _DEVICE_FORM))
        form = request.form
        code = form.get("user_code", "").strip()
        if form.get("action") == "decline":
            try:
                self.store.decide_device_code(code or None, None)
            except LookupError:
                return html_response(_page("Unknown code", "<p>No pending request has that "
                                           "code.</p>" + _DEVICE_FORM), 400)
            return html_response(_page("Declined", "<p>The sign-in request was declined.</p>"))
        try:
            record = self.approve_device_code(code or None, form.get("upn") or None,
                                              form.get("password"), check_password=True)
        except LookupError as exc:
            return html_response(_page("Cannot sign in", f"<p>{html.escape(str(exc))}.</p>"
                                       + _DEVICE_FORM), 400)
        except PermissionError:
            return html_response(_page("Cannot sign in", "<p>Wrong user name or password.</p>"
                                       + _DEVICE_FORM), 400)
        user = self.config.user_by_oid(record.user_oid or "")
        who = html.escape(user.upn if user else "")
        return html_response(_page("Signed in", f"<p>You signed in as {who}. You can close "
                                   "this window and return to your application.</p>"))

    def _interactive_user(self) -> User | None:
        if self.signed_in_user:
            return self.config.user(self.signed_in_user)
        return self.config.default_user

    # --- authorize ------------------------------------------------------------------------
    def authorize(self, request: Request, tenant: str) -> Response:
        """Sign the default (or login_hint) user in at once and send the code to redirect_uri.

        Answers the browser immediately; the code travels on a separate connection because
        the client's loopback receiver is waiting for it while the browser is still open."""
        query = request.query
        redirect_uri = query.get("redirect_uri", "")
        parts = urlsplit(redirect_uri)
        if parts.scheme != "http" or parts.hostname not in _LOOPBACK_HOSTS:
            return _error_page(errors.invalid_request(
                f"The redirect URI '{redirect_uri}' is not a loopback http:// address; the "
                "emulator only delivers codes to local applications.", 50011))
        try:
            known = self._tenant(tenant)
            app = self._app(query.get("client_id"), known, tenant)
        except errors.OAuthError as exc:
            return _error_page(exc)
        mode = query.get("response_mode") or "query"
        method = "POST" if mode == "form_post" else "GET"
        state = query.get("state")
        params: dict[str, str] = {}
        try:
            if query.get("response_type") != "code":
                raise errors.OAuthError(400, "unsupported_response_type", 700054,
                                        "The emulator supports response_type=code only.")
            scopes = query.get("scope") or ""
            parse_scopes(scopes)
            hint = query.get("login_hint")
            user = self.config.user(hint) if hint else self._interactive_user()
            if user is None:
                raise errors.unknown_user(hint or "(none)", known.name if known else tenant)
            self._user_tenant_check(user, known)
            method_ = query.get("code_challenge_method") or ("S256" if query.get(
                "code_challenge") else None)
            code = self.store.new_auth_code(AuthCode(
                client_id=app.client_id, tenant_id=user.tenant, user_oid=user.oid,
                redirect_uri=redirect_uri, scope=scopes, nonce=query.get("nonce"),
                code_challenge=query.get("code_challenge"), code_challenge_method=method_,
                expires_at=self.clock() + self.config.settings.auth_code_lifetime_seconds))
            params["code"] = code
            if query.get("client_info") == "1":
                params["client_info"] = client_info(user.oid, user.tenant)
            who = f"You signed in as {html.escape(user.upn)}."
        except errors.OAuthError as exc:
            params["error"] = exc.error
            params["error_description"] = f"AADSTS{exc.code}: {exc.message}"
            who = "Sign-in failed; the application has been told why."
        if state is not None:
            params["state"] = state
        self.deliver(method, redirect_uri, params)
        return html_response(_page("Signed in", f"<p>{who} The application has received the "
                                   "result; you can close this window.</p>"))


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)} - "
            "pwshlike identity emulator</title></head><body><h1>"
            f"{html.escape(title)}</h1>{body}</body></html>")


def _error_page(exc: errors.OAuthError) -> Response:
    text = html.escape(f"AADSTS{exc.code}: {exc.message}" if exc.code else exc.message)
    return html_response(_page("Sign-in error", f"<p>{text}</p>"), exc.status)


_DEVICE_FORM = """
<form method="post" action="devicelogin">
  <p><label>Code <input name="user_code" autocomplete="off" autofocus></label></p>
  <p><label>User <input name="upn" placeholder="default user"></label></p>
  <p><label>Password (if the user has one) <input name="password" type="password"></label></p>
  <p><button name="action" value="approve">Sign in</button>
     <button name="action" value="decline">Decline</button></p>
</form>"""
