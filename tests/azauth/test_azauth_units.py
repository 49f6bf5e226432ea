"""AzAuth pieces without the emulator: the page against the AzAuth seed, the token object,
error mapping (requests-mock stands in for Entra ID), certificates, start-up cost."""
from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from azauth_helpers import ROOT, run

from cmdlets.azauth import errors as E
from cmdlets.azauth.token import decode_claims, make_token
from pwshlike.helpdocs.platyps import read_help
from pwshlike.helpdocs.spec import spec_from_help
from pwshlike.helpdocs.syntax import syntax_block

SEEDS = ROOT.parent / "shared" / "seeds"
FQ = "PipeHow.AzAuth.Cmdlets.GetAzToken"

# Our page differs from the AzAuth 2.x seed on purpose in two ways (see its NOTES):
# -Username is optional in the Cache set (as in AzAuth >= 2.7.1), and
# -UseUnprotectedTokenCache (AzAuth >= 2.8) follows -TokenCache wherever that appears.
_DEVIATIONS = {"-Username <String>": "[-Username <String>]"}
_AFTER_TOKEN_CACHE = "[-UseUnprotectedTokenCache]"


def _expected_from_seed(words: list[str]) -> list[str]:
    text = " ".join(words)
    for old, new in _DEVIATIONS.items():
        text = text.replace(old, new)
    for marker in ("-TokenCache <String>]", "-TokenCache <String>"):
        if marker in text:
            text = text.replace(marker, marker + " " + _AFTER_TOKEN_CACHE, 1)
            break
    return text.split()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_page_syntax_matches_the_seed_syntax_per_set():
    seed_text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    seed = read_help(seed_text)
    ours = read_help((ROOT / "help" / "Get-AzToken.md").read_text(encoding="utf-8"))
    spec = spec_from_help(ours)
    assert [b.set_name for b in ours.syntax] == [b.set_name for b in seed.syntax]
    assert spec["default_parameter_set"] == "NonInteractive"
    for block in seed.syntax:
        rendered = syntax_block(spec, block.set_name).split()
        assert rendered == _expected_from_seed(block.text.split()), block.set_name
    by_name = {p["name"]: p for p in spec["parameters"]}
    assert by_name["Resource"]["aliases"] == ["ResourceId", "ResourceUrl"]
    assert by_name["Resource"]["default_value"] == "https://graph.microsoft.com"
    assert by_name["Scope"]["default_value"] == ".default"
    assert by_name["TimeoutSeconds"]["default_value"] == "120"


def _jwt(payload: dict) -> str:
    def b64(d):
        return base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()
    return f"{b64({'alg': 'none'})}.{b64(payload)}.sig"


def test_token_object_identity_scopes_claims():
    tok = make_token(_jwt({"upn": "u@x", "email": "e@x", "oid": "o", "tid": "t",
                           "scp": "User.Read Mail.Read", "roles": ["a", "b"], "exp": 5,
                           "flag": True}), 1_900_000_000, ["https://graph.microsoft.com/.default"])
    assert (tok.Identity, tok.TenantId, tok.Scopes) == ("u@x", "t", ["User.Read", "Mail.Read"])
    assert list(tok.Claims["roles"]) == ["a", "b"] and tok.Claims["exp"] == ["5"]
    assert tok.Claims["flag"] == ["true"] and tok.Claims["missing"] is None
    assert tok.ExpiresOn.dt.isoformat() == "2030-03-17T17:46:40+00:00"
    assert make_token(_jwt({"email": "e@x", "oid": "o"}), 0, []).Identity == "e@x"
    assert make_token(_jwt({"oid": "o"}), 0, ["s"], "req-tenant").TenantId == "req-tenant"
    assert decode_claims("not-a-jwt") == {} and decode_claims("a.@@@.c") == {}
    assert tok.Token not in repr(tok)


def test_token_in_a_string_and_its_display():
    r = run('$t = [pscustomobject]@{}; $x = $tok; "Bearer $x"; $x.GetType().FullName',
            tok=make_token(_jwt({"oid": "o"}), 0, []))
    assert r.out[0].startswith("Bearer eyJ") and r.out[1] == "PipeHow.AzAuth.AzToken"


class TestErrorMapping:
    """requests-mock answers for Entra ID; the cmdlet must show one clear line."""

    AUTH = "https://login.example.test"

    @pytest.fixture
    def entra(self, clean_env):
        requests_mock = pytest.importorskip("requests_mock")
        clean_env.setenv("AZURE_AUTHORITY_HOST", self.AUTH)
        clean_env.setenv("PWSHLIKE_DISABLE_INSTANCE_DISCOVERY", "1")
        with requests_mock.Mocker() as m:
            m.get(f"{self.AUTH}/t1/v2.0/.well-known/openid-configuration", json={
                "authorization_endpoint": f"{self.AUTH}/t1/oauth2/v2.0/authorize",
                "token_endpoint": f"{self.AUTH}/t1/oauth2/v2.0/token",
                "issuer": f"{self.AUTH}/t1/v2.0"})
            yield m

    def _secret_call(self):
        return run("Get-AzToken -TenantId t1 -ClientId c1 -ClientSecret 'sup3r-s3cret'")

    def test_bad_secret_shows_the_aadsts_code(self, entra):
        entra.post(f"{self.AUTH}/t1/oauth2/v2.0/token", status_code=401, json={
            "error": "invalid_client", "error_codes": [7000215],
            "error_description": "AADSTS7000215: Invalid client secret provided. Trace ID: 1 "
                                 "Correlation ID: 2 Timestamp: 2026-01-01 00:00:00Z"})
        r = self._secret_call()
        assert r.messages == [("Could not get a token! AADSTS7000215: Invalid client secret "
                              "provided.")]
        assert r.error_ids == [f"ClientSecretTokenError,{FQ}"]
        assert str(r.errors[0].CategoryInfo.Category) == "AuthenticationError"
        assert "sup3r-s3cret" not in r.stderr and "Traceback" not in r.stderr

    def test_unknown_tenant(self, entra):
        entra.get(f"{self.AUTH}/t2/v2.0/.well-known/openid-configuration", status_code=400,
                  json={"error": "invalid_tenant", "error_description":
                        "AADSTS90002: Tenant 't2' not found. Trace ID: x"})
        r = run("Get-AzToken -TenantId t2 -ClientId c1 -ClientSecret s")
        assert r.messages == ["Could not get a token! AADSTS90002: Tenant 't2' not found."]

    def test_network_down(self, entra):
        import requests
        entra.post(f"{self.AUTH}/t1/oauth2/v2.0/token",
                   exc=requests.exceptions.ConnectionError(
                       "HTTPSConnection(host='login.example.test', port=443): Failed to "
                       "establish a new connection: [Errno 111] Connection refused"))
        r = self._secret_call()
        assert r.messages == [("Could not get a token! Cannot connect to login.example.test:443: "
                              "the connection was refused.")]

    def test_timeout(self, entra):
        import requests
        entra.post(f"{self.AUTH}/t1/oauth2/v2.0/token",
                   exc=requests.exceptions.ReadTimeout("read timed out"))
        r = self._secret_call()
        assert len(r.messages) == 1 and "did not answer in time" in r.messages[0]

    def test_error_action_stop_throws(self, entra):
        entra.post(f"{self.AUTH}/t1/oauth2/v2.0/token", status_code=400, json={
            "error": "unauthorized_client", "error_description": "AADSTS700016: App not found."})
        r = run("try { Get-AzToken -TenantId t1 -ClientId c1 -ClientSecret s -ErrorAction Stop;"
                " 'not here' } catch { 'caught: ' + $_.FullyQualifiedErrorId }")
        assert r.out == [f"caught: ClientSecretTokenError,{FQ}"]


def test_describe_scrubs_tokens_and_secrets():
    jwt = _jwt({"oid": "o"})
    text = E.describe(Exception(f"failed: client_secret=abc123&x=1 token {jwt}"))
    assert "abc123" not in text and jwt not in text


def test_certificate_path_errors(clean_env, tmp_path):
    r = run("Get-AzToken -TenantId t -ClientId c -ClientCertificatePath ./cert.crt")
    assert r.messages == ["Only .pfx and .pem files are supported!"]
    r = run("Get-AzToken -TenantId t -ClientId c -ClientCertificatePath $p",
            p=str(tmp_path / "none.pem"))
    assert r.messages == [f"File '{tmp_path / 'none.pem'}' does not exist."]
    (tmp_path / "bad.pem").write_text("not a certificate")
    r = run("Get-AzToken -TenantId t -ClientId c -ClientCertificatePath $p",
            p=str(tmp_path / "bad.pem"))
    assert r.error_ids == [f"InvalidCertificate,{FQ}"]


def test_get_pfx_certificate(clean_env, tmp_path):
    from pwshlike.emulator.certs import make_client_certificate
    from pwshlike.security import SecureString
    cert = make_client_certificate("pfx-test")
    (tmp_path / "c.pfx").write_bytes(cert.pfx(b"pw"))
    (tmp_path / "c.pem").write_bytes(cert.cert_pem)
    r = run("Get-PfxCertificate $p -Password $pw | ForEach-Object { $_.Subject; $_.HasPrivateKey;"
            " $_.Thumbprint; $_.NotAfter.GetType().FullName }",
            p=str(tmp_path / "c.pfx"), pw=SecureString("pw"))
    assert r.out == ["CN=pfx-test", True, cert.thumbprint.upper(), "System.DateTime"]
    assert run("(Get-PfxCertificate $p).HasPrivateKey", p=str(tmp_path / "c.pem")).out == [False]
    r = run("Get-PfxCertificate $p -Password $pw", p=str(tmp_path / "c.pfx"),
            pw=SecureString("wrong"))
    assert r.out == [] and "password is not correct" in r.messages[0]
    assert "wrong" not in r.stderr


def test_unprotected_switch_needs_a_cache(clean_env):
    r = run("Get-AzToken -Interactive -UseUnprotectedTokenCache")
    assert r.messages == [("The -UseUnprotectedTokenCache switch must be used together with "
                          "-TokenCache!")]


def test_exit_does_not_import_identity_libraries():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "pwshlike", "-c", "exit"],
                          env=env, capture_output=True, text=True, timeout=60, cwd=str(ROOT),
                          check=False)
    loaded = {line.split("|")[-1].strip() for line in proc.stderr.splitlines()
              if line.startswith("import time:")}
    for name in ("msal", "msal_extensions", "azure", "cryptography", "cmdlets.azauth",
                 "pwshlike.x509", "jwt"):
        assert name not in loaded, name


def test_cache_path_does_not_import_azure_identity(clean_env):
    """The named-cache path is MSAL only (checked in a fresh interpreter)."""
    code = ("import sys, io\nfrom pwshlike.engine import Engine, Host\n"
            "e = Engine(Host(io.StringIO(), io.StringIO()))\n"
            "e.invoke('Get-AzToken -TokenCache nothing -UseUnprotectedTokenCache')\n"
            "print('azure.identity' in sys.modules, 'msal' in sys.modules)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, cwd=str(ROOT), env=dict(os.environ, PYTHONPATH=str(ROOT)),
                          check=False)
    assert proc.stdout.split() == ["False", "True"], proc.stderr


def test_help_mentions_the_skipped_source():
    page = (Path(ROOT) / "help" / "Get-AzToken.md").read_text()
    assert "Visual Studio: skipped" in page
