"""AADSTS error bodies, fault injection, the admin endpoint and the no-traceback rule."""
from __future__ import annotations

import base64
import hashlib
import logging
import time

import pytest
import requests
from azure.core.exceptions import ClientAuthenticationError
from azure.identity import ClientSecretCredential, ManagedIdentityCredential
from emu_ids import APP_ID, ARM_DEFAULT, CLI_CLIENT_ID, GRAPH_DEFAULT, TENANT_ID

from pwshlike.emulator.faults import FaultError, FaultInjector, FaultRule
from pwshlike.emulator.server import ADMIN_HEADER

SECRET = "emulator-client-secret"


@pytest.fixture
def http(emu):
    """A requests session that trusts only the test CA and ignores proxies."""
    session = requests.Session()
    session.verify = str(emu.ca_cert)
    session.trust_env = False
    yield session
    session.close()


def post_token(http, emu, tenant=TENANT_ID, **form):
    return http.post(emu.token_url(tenant), data=form, timeout=10)


# --- error bodies ------------------------------------------------------------------------

def assert_aadsts(response, status, error, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == error
    assert body["error_codes"] == [code]
    assert body["error_description"].startswith(f"AADSTS{code}: ")
    for key in ("timestamp", "trace_id", "correlation_id"):
        assert body[key]
    return body


def test_bad_secret_body(emu, http):
    r = post_token(http, emu, grant_type="client_credentials", client_id=APP_ID,
                   client_secret="nope", scope=GRAPH_DEFAULT)
    body = assert_aadsts(r, 401, "invalid_client", 7000215)
    assert "nope" not in r.text
    assert body["error_uri"].endswith("code=7000215")


def test_secret_via_basic_auth(emu, http):
    r = http.post(emu.token_url(), data={"grant_type": "client_credentials",
                                         "scope": GRAPH_DEFAULT, "client_id": APP_ID},
                  auth=(APP_ID, SECRET), timeout=10)
    assert r.status_code == 200 and r.json()["token_type"] == "Bearer"


def test_correlation_id_is_echoed(emu, http):
    r = http.post(emu.token_url(), data={"grant_type": "client_credentials", "client_id": APP_ID},
                  headers={"client-request-id": "abc-123"}, timeout=10)
    assert r.json()["correlation_id"] == "abc-123"


@pytest.mark.parametrize("form,status,error,code", [
    ({"grant_type": "client_credentials", "client_id": "11111111-2222-4333-8444-555555555555",
      "client_secret": "x", "scope": GRAPH_DEFAULT}, 400, "unauthorized_client", 700016),
    ({"grant_type": "client_credentials", "client_id": APP_ID}, 401, "invalid_client", 7000218),
    ({"grant_type": "client_credentials", "client_id": APP_ID, "client_secret": SECRET},
     400, "invalid_request", 900144),
    ({"grant_type": "client_credentials", "client_id": APP_ID, "client_secret": SECRET,
      "scope": "https://graph.microsoft.com/User.Read"}, 400, "invalid_scope", 1002012),
    ({"grant_type": "client_credentials", "client_id": APP_ID, "client_secret": SECRET,
      "scope": f"{GRAPH_DEFAULT} {ARM_DEFAULT}"}, 400, "invalid_scope", 28000),
    ({"grant_type": "refresh_token", "client_id": CLI_CLIENT_ID, "refresh_token": "bogus",
      "scope": GRAPH_DEFAULT}, 400, "invalid_grant", 9002313),
    ({"grant_type": "authorization_code", "client_id": CLI_CLIENT_ID, "code": "bogus",
      "redirect_uri": "http://localhost:8400"}, 400, "invalid_grant", 70000),
    ({"grant_type": "password", "client_id": CLI_CLIENT_ID, "username": "bob@contoso.test",
      "password": "wrong", "scope": GRAPH_DEFAULT}, 400, "invalid_grant", 50126),
    ({"grant_type": "magic", "client_id": APP_ID}, 400, "unsupported_grant_type", 70003),
    ({"grant_type": "client_credentials", "client_id": CLI_CLIENT_ID,
      "client_secret": "x", "scope": GRAPH_DEFAULT}, 400, "unauthorized_client", 700025),
])
def test_token_errors(emu, http, form, status, error, code):
    assert_aadsts(post_token(http, emu, **form), status, error, code)


def test_unknown_tenant(emu, http):
    r = http.get(f"{emu.authority}/nowhere.test/v2.0/.well-known/openid-configuration",
                 timeout=10)
    assert_aadsts(r, 400, "invalid_tenant", 90002)
    r = post_token(http, emu, tenant="nowhere.test", grant_type="client_credentials",
                   client_id=APP_ID, client_secret=SECRET, scope=GRAPH_DEFAULT)
    assert_aadsts(r, 400, "invalid_request", 90002)


def test_password_grant(emu, http):
    r = post_token(http, emu, grant_type="password", client_id=CLI_CLIENT_ID,
                   username="bob@contoso.test", password="emulator-password",
                   scope=f"{GRAPH_DEFAULT} openid offline_access")
    assert r.status_code == 200 and {"refresh_token", "id_token"} <= set(r.json())


def test_device_code_pending_then_expired(emu, http):
    r = http.post(f"{emu.authority}/organizations/oauth2/v2.0/devicecode",
                  data={"client_id": CLI_CLIENT_ID, "scope": f"{GRAPH_DEFAULT} offline_access"},
                  timeout=10)
    flow = r.json()
    assert flow["interval"] == 1 and flow["user_code"] in flow["message"]
    poll = {"grant_type": "urn:ietf:params:oauth:grant-type:device_code",
            "client_id": CLI_CLIENT_ID, "device_code": flow["device_code"]}
    assert_aadsts(post_token(http, emu, tenant="organizations", **poll), 400,
                  "authorization_pending", 70016)
    emu.advance_clock(flow["expires_in"] + 1)
    assert_aadsts(post_token(http, emu, tenant="organizations", **poll), 400,
                  "expired_token", 70020)


def test_device_code_declined_and_html_approval(emu, http):
    flow = http.post(f"{emu.authority}/{TENANT_ID}/oauth2/v2.0/devicecode",
                     data={"client_id": CLI_CLIENT_ID, "scope": GRAPH_DEFAULT}, timeout=10).json()
    poll = {"grant_type": "urn:ietf:params:oauth:grant-type:device_code",
            "client_id": CLI_CLIENT_ID, "device_code": flow["device_code"]}
    # a human at the sign-in page: wrong password first, then right
    page = http.get(f"{emu.authority}/devicelogin", timeout=10)
    assert page.status_code == 200 and "user_code" in page.text
    bad = http.post(f"{emu.authority}/devicelogin", timeout=10, data={
        "user_code": flow["user_code"], "upn": "bob@contoso.test", "password": "x",
        "action": "approve"})
    assert bad.status_code == 400
    ok = http.post(f"{emu.authority}/devicelogin", timeout=10, data={
        "user_code": flow["user_code"], "upn": "bob@contoso.test",
        "password": "emulator-password", "action": "approve"})
    assert ok.status_code == 200 and "bob@contoso.test" in ok.text
    r = post_token(http, emu, **poll)
    assert r.status_code == 200
    assert_aadsts(post_token(http, emu, **poll), 400, "invalid_grant", 70000)   # used up

    flow = http.post(f"{emu.authority}/{TENANT_ID}/oauth2/v2.0/devicecode",
                     data={"client_id": CLI_CLIENT_ID, "scope": GRAPH_DEFAULT}, timeout=10).json()
    emu.decline_device_code(flow["user_code"])
    assert_aadsts(post_token(http, emu, grant_type=poll["grant_type"], client_id=CLI_CLIENT_ID,
                             device_code=flow["device_code"]), 400, "authorization_declined",
                  70000)


def test_authorization_code_pkce(emu, http):
    """Drive /authorize with a local receiver; check PKCE, redirect and single use."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer
    from urllib.parse import parse_qs

    received: dict = {}
    got = threading.Event()

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            received.update({k: v[0] for k, v in parse_qs(body).items()})
            self.send_response(200)
            self.end_headers()
            got.set()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    redirect = f"http://127.0.0.1:{server.server_port}"
    verifier = "v" * 50
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()
                                         ).rstrip(b"=").decode()
    r = http.get(f"{emu.authority}/{TENANT_ID}/oauth2/v2.0/authorize", timeout=10, params={
        "client_id": CLI_CLIENT_ID, "response_type": "code", "redirect_uri": redirect,
        "scope": f"{GRAPH_DEFAULT} openid offline_access", "state": "st", "nonce": "n0",
        "code_challenge": challenge, "code_challenge_method": "S256",
        "response_mode": "form_post", "client_info": "1"})
    assert r.status_code == 200
    assert got.wait(10)
    thread.join(5)
    server.server_close()
    assert received["state"] == "st" and received["client_info"]
    form = {"grant_type": "authorization_code", "client_id": CLI_CLIENT_ID,
            "code": received["code"], "redirect_uri": redirect,
            "scope": f"{GRAPH_DEFAULT} openid offline_access"}
    assert_aadsts(post_token(http, emu, **form, code_verifier="w" * 50), 400, "invalid_grant",
                  501481)
    # a failed redemption still used the code up (as Entra ID does)
    assert_aadsts(post_token(http, emu, **form, code_verifier=verifier), 400, "invalid_grant",
                  54005)


def test_authorize_refuses_non_loopback_redirect(emu, http):
    r = http.get(f"{emu.authority}/{TENANT_ID}/oauth2/v2.0/authorize", timeout=10, params={
        "client_id": CLI_CLIENT_ID, "response_type": "code", "scope": GRAPH_DEFAULT,
        "redirect_uri": "https://evil.example/cb"})
    assert r.status_code == 400 and "AADSTS50011" in r.text


def test_internal_error_is_json_without_traceback(emu, http, monkeypatch, caplog):
    def boom():
        raise RuntimeError("leaked-secret-value")
    monkeypatch.setattr(emu.signer, "jwks", boom)
    with caplog.at_level(logging.INFO, logger="pwshlike.emulator"):
        r = http.get(f"{emu.authority}/{TENANT_ID}/discovery/v2.0/keys", timeout=10)
    assert_aadsts(r, 500, "server_error", 50000)
    assert "Traceback" not in r.text and "leaked-secret-value" not in r.text
    assert "RuntimeError" in caplog.text and "leaked-secret-value" not in caplog.text


def test_request_log_redacts_secrets(emu, azenv, msal_kwargs, caplog):
    with caplog.at_level(logging.INFO, logger="pwshlike.emulator"):
        token = ClientSecretCredential(TENANT_ID, APP_ID, SECRET, **msal_kwargs
                                       ).get_token(GRAPH_DEFAULT).token
    assert "grant_type=client_credentials" in caplog.text
    assert SECRET not in caplog.text and token not in caplog.text


# --- fault injection ---------------------------------------------------------------------

def test_throttle_then_success(emu, azenv, msal_kwargs):
    emu.add_fault("token", "throttle", retry_after=1, count=1)
    start = time.monotonic()
    cred = ClientSecretCredential(TENANT_ID, APP_ID, SECRET, **msal_kwargs)
    assert cred.get_token(GRAPH_DEFAULT).token
    assert time.monotonic() - start >= 0.9                     # Retry-After was honoured
    assert [c.status for c in emu.calls("token")][-2:] == [429, 200]


def test_500_is_retried(emu, azenv, msal_kwargs):
    emu.add_fault("token", "status", status=500, count=1)
    cred = ClientSecretCredential(TENANT_ID, APP_ID, SECRET, **msal_kwargs)
    assert cred.get_token(GRAPH_DEFAULT).token
    assert [c.status for c in emu.calls("token")][-2:] == [500, 200]


def test_persistent_503_fails_cleanly(emu, azenv, msal_kwargs):
    emu.add_fault("token", "status", status=503, count=5)
    kwargs = {**msal_kwargs, "retry_total": 0}
    with pytest.raises(ClientAuthenticationError):
        ClientSecretCredential(TENANT_ID, APP_ID, SECRET, **kwargs).get_token(GRAPH_DEFAULT)


def test_malformed_body(emu, azenv, msal_kwargs):
    emu.add_fault("token", "malformed", count=1)
    cred = ClientSecretCredential(TENANT_ID, APP_ID, SECRET, **msal_kwargs)
    with pytest.raises(ClientAuthenticationError, match="JSON is invalid"):
        cred.get_token(GRAPH_DEFAULT)
    assert cred.get_token(GRAPH_DEFAULT).token        # one bad answer only


def test_connection_drop(emu, azenv, msal_kwargs):
    emu.add_fault("token", "drop", count=1)
    kwargs = {**msal_kwargs, "retry_total": 0}
    with pytest.raises(ClientAuthenticationError):
        ClientSecretCredential(TENANT_ID, APP_ID, SECRET, **kwargs).get_token(GRAPH_DEFAULT)
    assert emu.calls("token")[-1].status == 0
    # the next request is served normally
    assert ClientSecretCredential(TENANT_ID, APP_ID, SECRET, **kwargs).get_token(GRAPH_DEFAULT)


def test_delay(emu, azenv, msal_kwargs):
    emu.add_fault("token", "delay", delay_ms=300, count=1)
    start = time.monotonic()
    ClientSecretCredential(TENANT_ID, APP_ID, SECRET, **msal_kwargs).get_token(GRAPH_DEFAULT)
    assert time.monotonic() - start >= 0.3


def test_managed_identity_500_then_success(emu, azenv):
    azenv.setenv("IDENTITY_ENDPOINT", emu.identity_endpoint)
    azenv.setenv("IDENTITY_HEADER", emu.identity_header)
    emu.add_fault("managed-identity", "status", status=500, count=1)
    cred = ManagedIdentityCredential(retry_backoff_factor=0.05)
    assert cred.get_token(ARM_DEFAULT).token
    assert [c.status for c in emu.calls("managed-identity")][-2:] == [500, 200]


def test_fraction_rules_are_deterministic():
    def run():
        injector = FaultInjector()
        injector.add(endpoint="token", kind="status", fraction=0.5, count=100, seed=7)
        return [injector.draw("token")[1] is not None for _ in range(20)]
    first = run()
    assert first == run() and 0 < sum(first) < 20


def test_fault_rules_are_bounded():
    for bad in ({"kind": "delay", "delay_ms": 10**9}, {"count": 0}, {"kind": "nope"},
                {"endpoint": "nowhere"}, {"fraction": 2.0}, {"status": 200}, {"bogus": 1}):
        with pytest.raises(FaultError):
            FaultRule.from_dict(bad)
    injector = FaultInjector()
    injector.add(endpoint="token", kind="status", count=2)
    assert [injector.draw("token")[1] is not None for _ in range(3)] == [True, True, False]
    assert injector.rules() == []


def test_admin_endpoint(emu, http):
    url = f"{emu.authority}/_emulator"
    assert http.get(f"{url}/health", timeout=10).json()["status"] == "ok"
    assert http.get(f"{url}/state", timeout=10).status_code == 401
    headers = {ADMIN_HEADER: emu.admin_key}
    r = http.post(f"{url}/faults", json={"endpoint": "keys", "kind": "status", "status": 502},
                  headers=headers, timeout=10)
    assert r.status_code == 200
    assert http.get(f"{emu.authority}/{TENANT_ID}/discovery/v2.0/keys",
                    timeout=10).status_code == 502
    assert http.get(f"{emu.authority}/{TENANT_ID}/discovery/v2.0/keys",
                    timeout=10).status_code == 200
    bad = http.post(f"{url}/faults", json={"kind": "explode"}, headers=headers, timeout=10)
    assert bad.status_code == 400 and "unknown kind" in bad.json()["error_description"]
    flow = http.post(f"{emu.authority}/{TENANT_ID}/oauth2/v2.0/devicecode", timeout=10,
                     data={"client_id": CLI_CLIENT_ID, "scope": GRAPH_DEFAULT}).json()
    state = http.get(f"{url}/state", headers=headers, timeout=10).json()
    assert flow["user_code"] in [d["user_code"] for d in state["pending_device_codes"]]
    r = http.post(f"{url}/device/approve", json={"user_code": flow["user_code"]},
                  headers=headers, timeout=10)
    assert r.json() == {"approved": flow["user_code"]}
    assert http.post(f"{url}/device/approve", json={}, headers=headers,
                     timeout=10).status_code == 400          # nothing pending any more


def test_garbage_requests_get_json(emu):
    import socket
    import ssl
    ctx = ssl.create_default_context(cafile=str(emu.ca_cert))
    for head in (b"POST /x/oauth2/v2.0/token HTTP/1.1\r\nHost: a\r\nContent-Length: zz\r\n\r\n",
                 b"GET /nothing/here HTTP/1.1\r\nHost: a\r\n\r\n"):
        with socket.create_connection(("127.0.0.1", emu.port), timeout=10) as raw, \
                ctx.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            tls.sendall(head)
            reply = b""
            while chunk := tls.recv(65536):
                reply += chunk
        status_line, _, rest = reply.partition(b"\r\n")
        assert status_line.split()[1] in (b"400", b"404"), status_line
        assert b"application/json" in rest and b"Traceback" not in reply
