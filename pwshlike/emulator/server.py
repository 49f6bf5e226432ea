"""The Emulator: wires config, keys, services and the two servers together.

This is the one object tests and the command line drive.  It owns the lifecycle (start on
free ports, stop with bounded joins), the state directory (certificates, keys, env files,
all owner-only), and the control surface: device-code approval, fault rules, a clock that
tests can move forward, and the environment a client needs to reach it.
"""
from __future__ import annotations

import contextlib
import hmac
import json
import logging
import os
import secrets
import shlex
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlencode

from . import errors
from .certs import TLSFiles, ensure_tls_files, make_private_dir, write_private
from .config import Application, EmulatorConfig, load_config
from .entra import Endpoints, EntraService
from .faults import FaultError, FaultInjector, FaultRule
from .httpd import (
    EmulatorHTTPServer,
    Request,
    Response,
    Router,
    ServerThread,
    describe,
    json_response,
)
from .managed_identity import APP_SERVICE_PATH, IMDS_PATH, ManagedIdentityService
from .store import DeviceCode, GrantStore
from .tokens import TokenSigner

log = logging.getLogger("pwshlike.emulator")

ADMIN_PREFIX = "/_emulator"
ADMIN_HEADER = "X-Emulator-Admin-Key"
#: The variable pwshlike's Get-AzToken reads to pass disable_instance_discovery=True.
DISABLE_DISCOVERY_VAR = "PWSHLIKE_DISABLE_INSTANCE_DISCOVERY"
_T = r"(?P<tenant>[A-Za-z0-9._-]+)"


@dataclass(frozen=True)
class LoggedRequest:
    endpoint: str
    method: str
    path: str
    status: int


def default_state_dir() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local",
                                                            "state")
    return Path(base) / "pwshlike" / "emulator"


class Emulator:
    """A local Entra ID + managed identity emulator.

    Use as a context manager (``with Emulator(state_dir=tmp) as emu: ...``) or call
    ``start()``/``stop()``.  Port 0 picks free ports.  ``config`` is an EmulatorConfig, a
    path to YAML/JSON, a mapping, or None for the built-in directory.
    """

    def __init__(self, config: EmulatorConfig | str | Path | Mapping[str, Any] | None = None,
                 *, state_dir: str | Path | None = None, host: str = "127.0.0.1",
                 port: int = 0, mi_port: int = 0, identity_header: str | None = None) -> None:
        self.config = config if isinstance(config, EmulatorConfig) else load_config(config)
        self.state_dir = Path(state_dir) if state_dir else default_state_dir()
        self.host = host
        self._want_ports = (port, mi_port)
        self.identity_header = identity_header or secrets.token_urlsafe(24)
        self.admin_key = secrets.token_urlsafe(24)
        self.faults = FaultInjector()
        self.requests: deque[LoggedRequest] = deque(maxlen=2000)
        self._clock_offset = 0.0
        self.store = GrantStore(self.clock)
        self._threads: list[ServerThread] = []
        self._deliveries: set[threading.Thread] = set()
        self._deliveries_lock = threading.Lock()
        self._stopping = threading.Event()
        self.tls: TLSFiles | None = None
        self.signer: TokenSigner | None = None
        self.entra: EntraService | None = None
        self.managed_identity: ManagedIdentityService | None = None
        self.port = 0
        self.mi_port = 0

    # --- lifecycle ------------------------------------------------------------------------
    def start(self) -> Emulator:
        """Create the state directory, bind both servers, and start serving."""
        if self._threads:
            raise RuntimeError("the emulator is already running")
        make_private_dir(self.state_dir)
        self.tls = ensure_tls_files(self.state_dir)
        self.signer = TokenSigner.load_or_create(self.state_dir / "signing-key.pem")
        https = EmulatorHTTPServer((self.host, self._want_ports[0]), self._app("entra"),
                                   self.tls.server_context())
        try:
            mi = EmulatorHTTPServer((self.host, self._want_ports[1]), self._app("mi"))
        except OSError:
            https.server_close()
            raise
        self.port, self.mi_port = https.port, mi.port
        endpoints = Endpoints(self.authority, ("127.0.0.1", "localhost"), self.port)
        self.entra = EntraService(self.config, self.signer, self.store, self.clock, endpoints,
                                  self._deliver)
        self.managed_identity = ManagedIdentityService(self.config, self.signer, self.clock,
                                                       self.identity_header, self.authority)
        self._entra_routes, self._mi_routes = self._routes()
        self._stopping.clear()
        self._threads = [ServerThread(https, "emulator-https"), ServerThread(mi, "emulator-mi")]
        for thread in self._threads:
            thread.start()
        self._write_state()
        log.info("identity emulator listening on %s (managed identity %s)", self.authority,
                 self.identity_endpoint)
        return self

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop both servers and wait (bounded) for pending code deliveries; True if clean."""
        self._stopping.set()
        clean = True
        for thread in self._threads:
            clean = thread.stop(timeout) and clean
        self._threads = []
        with self._deliveries_lock:
            pending = list(self._deliveries)
        deadline = time.monotonic() + timeout
        for thread in pending:
            thread.join(max(0.0, deadline - time.monotonic()))
            clean = clean and not thread.is_alive()
        return clean

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return bool(self._threads)

    # --- clock ----------------------------------------------------------------------------
    def clock(self) -> float:
        """Epoch seconds as the emulator sees them (real time plus ``advance_clock``)."""
        return time.time() + self._clock_offset

    def advance_clock(self, seconds: float) -> None:
        """Move the emulator's clock forward, e.g. to expire a device code in a test."""
        self._clock_offset += seconds

    # --- addresses and client environment -------------------------------------------------
    @property
    def authority(self) -> str:
        """The authority host URL (``https://127.0.0.1:PORT``): AZURE_AUTHORITY_HOST."""
        return f"https://{self._url_host}:{self.port}"

    @property
    def _url_host(self) -> str:
        return f"[{self.host}]" if ":" in self.host else self.host

    @property
    def identity_endpoint(self) -> str:
        return f"http://{self._url_host}:{self.mi_port}{APP_SERVICE_PATH}"

    @property
    def imds_host(self) -> str:
        """For AZURE_POD_IDENTITY_AUTHORITY_HOST (IMDS-style managed identity)."""
        return f"http://{self._url_host}:{self.mi_port}"

    @property
    def ca_cert(self) -> Path:
        """The test CA alone (for ``connection_verify=``)."""
        assert self.tls is not None, "start the emulator first"
        return self.tls.ca_cert

    @property
    def ca_bundle(self) -> Path:
        """Public roots + the test CA (safe for REQUESTS_CA_BUNDLE / SSL_CERT_FILE)."""
        assert self.tls is not None, "start the emulator first"
        return self.tls.ca_bundle

    @property
    def tenant_id(self) -> str:
        return self.config.default_tenant.id

    @property
    def default_app(self) -> Application | None:
        """The first confidential application with a secret (the one env vars name)."""
        return next((a for a in self.config.apps if a.secrets and not a.public_client), None)

    def token_url(self, tenant: str | None = None) -> str:
        return f"{self.authority}/{tenant or self.tenant_id}/oauth2/v2.0/token"

    def env(self, *, secrets_too: bool = True) -> dict[str, str]:
        """The environment a client process should use to reach this emulator."""
        env = {
            "AZURE_AUTHORITY_HOST": self.authority,
            "REQUESTS_CA_BUNDLE": str(self.ca_bundle),
            "SSL_CERT_FILE": str(self.ca_bundle),
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
            DISABLE_DISCOVERY_VAR: "1",
            "IDENTITY_ENDPOINT": self.identity_endpoint,
            "AZURE_TENANT_ID": self.tenant_id,
        }
        app = self.default_app
        if app is not None:
            env["AZURE_CLIENT_ID"] = app.client_id
            if secrets_too:
                env["AZURE_CLIENT_SECRET"] = app.secrets[0]
        if secrets_too:
            env["IDENTITY_HEADER"] = self.identity_header
        return env

    def env_script(self, shell: str = "posix") -> str:
        """``export`` lines (posix) or ``$env:`` lines (pwsh) for ``env()``."""
        lines = []
        for name, value in self.env().items():
            if shell == "pwsh":
                lines.append(f"$env:{name} = '{value.replace(chr(39), chr(39) * 2)}'")
            else:
                lines.append(f"export {name}={shlex.quote(value)}")
        return "\n".join(lines) + "\n"

    def _write_state(self) -> None:
        state = {"pid": os.getpid(), "authority": self.authority,
                 "identity_endpoint": self.identity_endpoint, "imds_host": self.imds_host,
                 "identity_header": self.identity_header, "admin_key": self.admin_key,
                 "ca_cert": str(self.ca_cert), "ca_bundle": str(self.ca_bundle),
                 "tenant_id": self.tenant_id}
        write_private(self.state_dir / "state.json", json.dumps(state, indent=2).encode())
        write_private(self.state_dir / "env.sh", self.env_script("posix").encode())
        write_private(self.state_dir / "env.ps1", self.env_script("pwsh").encode())

    # --- control (Python API) -------------------------------------------------------------
    def _require_entra(self) -> EntraService:
        if self.entra is None:
            raise RuntimeError("start the emulator first")
        return self.entra

    def approve_device_code(self, user_code: str | None = None,
                            upn: str | None = None) -> DeviceCode:
        """Approve a pending device code as ``upn`` (default user if None; most recent code
        if ``user_code`` is None).  LookupError if nothing is pending."""
        return self._require_entra().approve_device_code(user_code, upn)

    def decline_device_code(self, user_code: str | None = None) -> DeviceCode:
        return self.store.decide_device_code(user_code, None)

    def wait_for_device_code(self, timeout: float = 10.0) -> DeviceCode | None:
        """Block until a client has requested a device code (bounded by ``timeout``)."""
        return self.store.wait_for_device_code(timeout)

    def set_signed_in_user(self, upn: str | None) -> None:
        """Who the authorize endpoint signs in when no login_hint is sent (None: default)."""
        if upn is not None and self.config.user(upn) is None:
            raise LookupError(f"no user '{upn}'")
        self._require_entra().signed_in_user = upn

    def reset(self) -> None:
        """Back to a fresh state between tests: no faults, default user, real time, no
        device codes.  (Issued refresh tokens stay valid, as they would in Entra ID.)"""
        self.faults.clear()
        self._clock_offset = 0.0
        self.store.clear_device_codes()
        if self.entra is not None:
            self.entra.signed_in_user = None

    def add_fault(self, endpoint: str = "*", kind: str = "status", **fields: Any) -> FaultRule:
        """Shorthand for ``faults.add`` (see FaultRule for the fields)."""
        return self.faults.add(endpoint=endpoint, kind=kind, **fields)

    def issue_federated_token(self, subject: str, *, issuer: str, audience: str =
                              "api://AzureADTokenExchange", lifetime: int = 600,
                              **claims: Any) -> str:
        """An external (e.g. GitHub/Kubernetes) OIDC token signed with the emulator's key,
        which federated credentials with ``signing_key: emulator`` accept."""
        assert self.signer is not None, "start the emulator first"
        now = int(self.clock())
        return self.signer.sign({"iss": issuer, "sub": subject, "aud": audience, "iat": now,
                                 "nbf": now - 60, "exp": now + lifetime, **claims})

    def calls(self, endpoint: str | None = None) -> list[LoggedRequest]:
        """Requests served so far (optionally for one endpoint name)."""
        return [r for r in list(self.requests) if endpoint is None or r.endpoint == endpoint]

    # --- request processing ---------------------------------------------------------------
    def _routes(self) -> tuple[Router, Router]:
        entra = self.entra
        mi = self.managed_identity
        assert entra is not None and mi is not None
        r = Router()
        r.add("GET", rf"/{_T}/v2\.0/\.well-known/openid-configuration", "openid-configuration",
              entra.openid_configuration)
        r.add("GET", rf"/{_T}/discovery/v2\.0/keys", "keys", entra.keys)
        r.add("POST", rf"/{_T}/oauth2/v2\.0/token", "token", entra.token)
        r.add("POST", rf"/{_T}/oauth2/v2\.0/devicecode", "devicecode", entra.devicecode)
        r.add("GET", rf"/{_T}/oauth2/v2\.0/authorize", "authorize", entra.authorize)
        r.add("GET", r"/devicelogin", "devicelogin", entra.devicelogin)
        r.add("POST", r"/devicelogin", "devicelogin", entra.devicelogin)
        r.add("GET", ADMIN_PREFIX + r"/health", "admin", self._admin_health)
        for method in ("GET", "POST", "DELETE"):
            r.add(method, ADMIN_PREFIX + r"/(?P<what>[a-z/-]+)", "admin", self._admin)
        m = Router()
        m.add("GET", APP_SERVICE_PATH, "managed-identity", mi.app_service)
        m.add("GET", IMDS_PATH, "managed-identity", mi.imds)
        return r, m

    def _app(self, which: str) -> Callable[[Request], Response]:
        def app(request: Request) -> Response:
            router = self._entra_routes if which == "entra" else self._mi_routes
            response, endpoint = self._handle(router, request)
            self.requests.append(LoggedRequest(endpoint, request.method, request.path,
                                               0 if response.drop else response.status))
            log.info("%s -> %s", describe(request), "dropped" if response.drop
                     else response.status)
            return response
        return app

    def _handle(self, router: Router, request: Request) -> tuple[Response, str]:
        correlation = request.header("client-request-id")
        try:
            found = router.match(request.method, request.path)
            if not found:
                status = 405 if found is False else 404
                return json_response({"error": "not_found" if status == 404 else
                                      "method_not_allowed",
                                      "error_description": f"No {request.method} endpoint at "
                                      f"{request.path}."}, status), "unknown"
            name, handler, groups = found
            if name != "admin":
                faulted = self._apply_faults(name, correlation)
                if faulted is not None:
                    return faulted, name
            try:
                return handler(request, **groups), name
            except errors.OAuthError as exc:
                return self._oauth_error(exc, correlation), name
        except Exception as exc:  # noqa: BLE001 - the client must never see a traceback
            # Only the type and frame locations are logged: the exception text and the source
            # lines a formatted traceback shows may quote request data or secrets.
            frames = "\n".join(f"  {f.filename}:{f.lineno} in {f.name}"
                               for f in traceback.extract_tb(exc.__traceback__))
            log.error("internal error %s handling %s %s\n%s", type(exc).__name__,
                      request.method, request.path, frames)
            return self._oauth_error(errors.server_error(), correlation), "error"

    def _oauth_error(self, exc: errors.OAuthError, correlation: str | None) -> Response:
        return json_response(exc.body(correlation, error_uri_base=self.authority), exc.status,
                             exc.headers)

    def _apply_faults(self, endpoint: str, correlation: str | None) -> Response | None:
        delay_ms, rule = self.faults.draw(endpoint)
        if delay_ms:
            self._stopping.wait(delay_ms / 1000)
        if rule is None:
            return None
        if rule.kind == "drop":
            return Response(drop=True)
        if rule.kind == "malformed":
            return Response(200, b'{"token_type": "Bearer", "access_token": "ey')
        if rule.kind == "throttle":
            return self._oauth_error(errors.throttled(rule.retry_after), correlation)
        return self._oauth_error(errors.temporarily_unavailable(rule.status), correlation)

    # --- auth code delivery ---------------------------------------------------------------
    def _deliver(self, method: str, url: str, params: dict[str, str]) -> None:
        """Send the authorize result to the client's loopback receiver on another thread."""
        thread = threading.Thread(target=self._deliver_now, args=(method, url, params),
                                  name="emulator-redirect", daemon=True)
        with self._deliveries_lock:
            self._deliveries.add(thread)
        thread.start()

    def _deliver_now(self, method: str, url: str, params: dict[str, str]) -> None:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        data = urlencode(params)
        if method == "POST":
            req = urllib.request.Request(url, data=data.encode(), method="POST", headers={
                "Content-Type": "application/x-www-form-urlencoded"})
        else:
            req = urllib.request.Request(url + ("&" if "?" in url else "?") + data)
        try:
            for attempt in range(3):
                try:
                    with opener.open(req, timeout=5) as resp:
                        resp.read()
                    return
                except urllib.error.HTTPError as exc:
                    log.warning("redirect receiver answered %s", exc.code)
                    return
                except OSError as exc:
                    if attempt == 2 or self._stopping.wait(0.2):
                        log.warning("could not deliver the authorization result to the "
                                    "redirect URI: %s", type(exc).__name__)
                        return
        finally:
            with self._deliveries_lock:
                self._deliveries.discard(threading.current_thread())

    # --- admin endpoint -------------------------------------------------------------------
    def _admin_health(self, request: Request) -> Response:
        return json_response({"status": "ok", "authority": self.authority})

    def _admin(self, request: Request, what: str) -> Response:
        supplied = request.header(ADMIN_HEADER) or ""
        if not hmac.compare_digest(supplied.encode(), self.admin_key.encode()):
            return json_response({"error": "unauthorized",
                                  "error_description": f"The {ADMIN_HEADER} header is missing "
                                  "or wrong (see state.json in the state directory)."}, 401)
        try:
            body = request.json() if request.body else {}
        except ValueError:
            return json_response({"error": "invalid_request",
                                  "error_description": "Body is not JSON."}, 400)
        if not isinstance(body, dict):
            body = {}
        key = (request.method, what.rstrip("/"))
        try:
            if key == ("GET", "state"):
                return json_response(self._admin_state())
            if key == ("POST", "device/approve"):
                record = self.approve_device_code(body.get("user_code"), body.get("upn"))
                return json_response({"approved": record.user_code})
            if key == ("POST", "device/decline"):
                record = self.decline_device_code(body.get("user_code"))
                return json_response({"declined": record.user_code})
            if key == ("GET", "faults"):
                return json_response({"faults": self.faults.rules()})
            if key == ("POST", "faults"):
                rule = self.faults.add(FaultRule.from_dict(body))
                return json_response({"added": rule.to_dict()})
            if key == ("DELETE", "faults"):
                self.faults.clear()
                return json_response({"faults": []})
            if key == ("POST", "clock"):
                self.advance_clock(float(body.get("advance_seconds", 0)))
                return json_response({"offset_seconds": self._clock_offset})
            if key == ("POST", "signed-in-user"):
                self.set_signed_in_user(body.get("upn"))
                return json_response({"signed_in_user": body.get("upn")})
        except (LookupError, FaultError, ValueError, TypeError) as exc:
            return json_response({"error": "invalid_request", "error_description": str(exc)},
                                 400)
        return json_response({"error": "not_found", "error_description":
                              f"No admin operation {request.method} {what}."}, 404)

    def _admin_state(self) -> dict[str, Any]:
        now = self.clock()
        return {"authority": self.authority, "identity_endpoint": self.identity_endpoint,
                "pending_device_codes": [
                    {"user_code": d.user_code, "client_id": d.client_id, "scope": d.scope,
                     "expires_in": int(d.expires_at - now)}
                    for d in self.store.pending_device_codes()],
                "faults": self.faults.rules(), "clock_offset_seconds": self._clock_offset}


@contextlib.contextmanager
def running_emulator(config: EmulatorConfig | str | Path | Mapping[str, Any] | None = None,
                     state_dir: str | Path | None = None, **kwargs: Any) -> Iterator[Emulator]:
    """Start an emulator on free ports (in a temporary state dir unless one is given)."""
    with contextlib.ExitStack() as stack:
        if state_dir is None:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="pwshlike-emu-"))
            state_dir = Path(tmp) / "state"
        emulator = Emulator(config, state_dir=state_dir, **kwargs)
        with emulator:
            yield emulator
