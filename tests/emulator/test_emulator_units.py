"""Unit tests: configuration loading, scope parsing, JWTs verified through the JWKS
endpoint, state-directory permissions, and pwshlike start-up staying emulator-free."""
from __future__ import annotations

import json
import ssl
import stat
import subprocess
import sys
from pathlib import Path

import jwt
import pytest
import requests
from emu_ids import APP_ID, CLI_CLIENT_ID, GRAPH_DEFAULT, TENANT_ID

from pwshlike.emulator.config import ConfigError, default_config_data, load_config
from pwshlike.emulator.errors import OAuthError
from pwshlike.emulator.scopes import parse_scopes
from pwshlike.emulator.tokens import TokenSigner

ROOT = Path(__file__).resolve().parents[2]


# --- config ------------------------------------------------------------------------------

def test_default_config():
    config = load_config()
    assert config.default_tenant.id == TENANT_ID
    assert config.tenant("CONTOSO.test") is config.default_tenant
    assert config.app(APP_ID.upper()).secrets == ("emulator-client-secret",)
    assert config.app(CLI_CLIENT_ID).public_client
    assert config.default_user.upn == "alice@contoso.test"
    assert config.managed_identity().system_assigned
    assert "emulator-client-secret" not in repr(config.app(APP_ID))


def test_yaml_and_json_files(tmp_path, client_cert):
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "app.pem").write_bytes(client_cert.cert_pem)
    yaml_file = tmp_path / "emu.yaml"
    yaml_file.write_text(f"""
tenants: [{{id: {TENANT_ID}, domains: [example.test]}}]
users: [{{upn: Dana@Example.test}}]
apps:
  - client_id: {APP_ID}
    secrets: [s1]
    certificates: [{{path: certs/app.pem}}, {{thumbprint: "{'ab:' * 19}ab"}}]
""")
    config = load_config(yaml_file)
    app = config.app(APP_ID)
    assert app.certificates[0].thumbprint == client_cert.thumbprint
    assert app.certificates[1].public_key is None
    user = config.user("dana@example.test")
    assert user.tenant == TENANT_ID and user.oid == load_config(yaml_file).users[0].oid
    json_file = tmp_path / "emu.json"
    json_file.write_text(json.dumps(default_config_data()))
    assert load_config(json_file).apps == load_config().apps


@pytest.mark.parametrize("mutate,message", [
    (lambda d: d.update(extra=1), "unknown key"),
    (lambda d: d["apps"][0].update(client_id="not-a-guid"), "apps[0].client_id"),
    (lambda d: d["users"][0].update(tenant="nowhere.test"), "users[0].tenant"),
    (lambda d: d["apps"].append(dict(d["apps"][0])), "duplicate client_id"),
    (lambda d: d.update(tenants=[]), "at least one tenant"),
    (lambda d: d["settings"].update(token_lifetime_seconds=-1), "positive integer"),
    (lambda d: d["settings"].update(default_user="nobody@x.test"), "default_user"),
    (lambda d: d["apps"][0].update(certificates=[{"thumbprint": "abc"}]), "40 hex digits"),
    (lambda d: d["apps"][0].update(certificates=[{"pem": "junk"}]), "not a PEM"),
])
def test_config_errors(mutate, message):
    data = default_config_data()
    mutate(data)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config(data)


# --- scopes ------------------------------------------------------------------------------

def test_parse_scopes():
    s = parse_scopes("https://graph.microsoft.com/.default offline_access openid profile")
    assert s.resource == "https://graph.microsoft.com" and s.is_default
    assert s.oidc == {"offline_access", "openid", "profile"}
    s = parse_scopes("User.Read Mail.Send")
    assert s.resource == "https://graph.microsoft.com" and s.permissions == ("User.Read",
                                                                             "Mail.Send")
    assert parse_scopes("api://my-api/.default").resource == "api://my-api"
    assert parse_scopes("openid").requested == ()
    for bad in ("", "https://a.test/.default https://b.test/.default",
                "https://a.test/.default https://a.test/X"):
        with pytest.raises(OAuthError):
            parse_scopes(bad)


# --- tokens ------------------------------------------------------------------------------

def test_access_token_verifies_with_published_jwks(emu):
    session = requests.Session()
    session.trust_env = False
    r = session.post(emu.token_url(), timeout=10, verify=str(emu.ca_cert), data={
        "grant_type": "client_credentials", "client_id": APP_ID,
        "client_secret": "emulator-client-secret", "scope": GRAPH_DEFAULT})
    token = r.json()["access_token"]
    config = session.get(f"{emu.authority}/{TENANT_ID}/v2.0/.well-known/openid-configuration",
                         verify=str(emu.ca_cert), timeout=10).json()
    jwks_client = jwt.PyJWKClient(config["jwks_uri"],
                                  ssl_context=ssl.create_default_context(cafile=emu.ca_cert))
    key = jwks_client.get_signing_key_from_jwt(token)
    assert jwt.get_unverified_header(token)["kid"] == key.key_id == emu.signer.kid
    claims = jwt.decode(token, key.key, algorithms=["RS256"],
                        audience="https://graph.microsoft.com", issuer=config["issuer"])
    for claim in ("iss", "aud", "tid", "oid", "sub", "appid", "azp", "iat", "nbf", "exp"):
        assert claim in claims
    assert claims["exp"] - claims["iat"] == 3599


def test_user_tokens_carry_nonce_and_client_info(emu):
    entra = emu.entra
    config = emu.config
    body = entra.user_tokens(config.app(CLI_CLIENT_ID), config.user("alice@contoso.test"),
                             parse_scopes(f"{GRAPH_DEFAULT} openid offline_access profile"),
                             True, nonce="abc")
    id_claims = emu.signer.verify(body["id_token"], audience=CLI_CLIENT_ID)
    assert id_claims["nonce"] == "abc" and id_claims["preferred_username"] == "alice@contoso.test"
    at = emu.signer.verify(body["access_token"], audience="https://graph.microsoft.com")
    assert at["upn"] == "alice@contoso.test" and at["scp"] == "User.Read"
    info = json.loads(jwt.utils.base64url_decode(body["client_info"]))
    assert info == {"uid": at["oid"], "utid": TENANT_ID}
    assert body["refresh_token"] and body["scope"] == f"{GRAPH_DEFAULT} openid profile"


def test_signer_key_persists(tmp_path):
    path = tmp_path / "key.pem"
    first = TokenSigner.load_or_create(path)
    assert TokenSigner.load_or_create(path).kid == first.kid
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_state_dir_is_private(emu):
    assert stat.S_IMODE(emu.state_dir.stat().st_mode) == 0o700
    for name in ("ca.key", "server.key", "signing-key.pem", "state.json", "env.sh", "env.ps1"):
        assert stat.S_IMODE((emu.state_dir / name).stat().st_mode) == 0o600, name
    bundle = emu.ca_bundle.read_text()
    assert bundle.count("BEGIN CERTIFICATE") > 1 and emu.ca_cert.read_text() in bundle


def test_env_script(emu):
    posix = emu.env_script("posix")
    pwsh = emu.env_script("pwsh")
    assert f"export AZURE_AUTHORITY_HOST={emu.authority}" in posix
    assert f"$env:AZURE_AUTHORITY_HOST = '{emu.authority}'" in pwsh
    for text in (posix, pwsh):
        assert "PWSHLIKE_DISABLE_INSTANCE_DISCOVERY" in text and "IDENTITY_HEADER" in text


def test_pwshlike_startup_does_not_import_emulator():
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "pwshlike", "-c", "exit"],
                            check=False, cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr[-500:]
    assert "pwshlike" in result.stderr and "emulator" not in result.stderr
