"""Get-AzToken end to end: the real azure-identity / MSAL against the emulator, over
loopback TLS with verification on, one test (or more) per parameter set."""
from __future__ import annotations

import datetime as dt
import os

import pytest
from azauth_helpers import (
    APP_ID,
    FED_ISSUER,
    FED_SUBJECT,
    SECRET,
    TENANT_ID,
    approve_in_background,
    new_engine,
    run,
)


def _one(r):
    assert r.errors == [], r.messages
    (token,) = r.out
    return token


def _check_token(emu, token, audience: str) -> dict:
    claims = emu.signer.verify(token.Token, audience=audience)
    assert str(token) == token.Token
    assert token.ExpiresOn.dt.tzinfo is not None
    assert token.ExpiresOn.dt.utcoffset() == dt.timedelta(0)
    assert token.ExpiresOn.dt > dt.datetime.now(dt.UTC)
    assert token.TenantId == claims["tid"]
    assert list(token.Claims["aud"]) == [audience]
    return claims


def test_client_secret(emu, azenv):
    r = run("Get-AzToken https://management.azure.com/ -TenantId $t -ClientId $c -ClientSecret $s",
            t=TENANT_ID, c=APP_ID, s=SECRET)
    token = _one(r)
    claims = _check_token(emu, token, "https://management.azure.com")
    assert claims["appid"] == APP_ID
    assert token.Scopes == ["https://management.azure.com/.default"]   # app-only: requested
    assert token.Identity == claims["oid"]


def test_client_secret_bearer_string_and_tenant_alias(emu, azenv):
    r = run('$t = Get-AzToken -Tenant contoso.test -ClientId $c -ClientSecret $s; "Bearer $t"',
            c=APP_ID, s=SECRET)
    assert r.errors == []
    assert r.out[0].startswith("Bearer eyJ")


def test_client_certificate_object_from_get_pfxcertificate(emu, azenv, client_cert, tmp_path):
    pfx = tmp_path / "app.pfx"
    pfx.write_bytes(client_cert.pfx(b"pfx-pass"))
    from pwshlike.security import SecureString
    r = run("$cert = Get-PfxCertificate $p -Password $pw\n"
            "$cert.HasPrivateKey; $cert.Thumbprint\n"
            "Get-AzToken -TenantId $t -ClientId $c -ClientCertificate $cert",
            p=str(pfx), pw=SecureString("pfx-pass"), t=TENANT_ID, c=APP_ID)
    assert r.errors == [], r.messages
    has_key, thumb, token = r.out
    assert has_key is True and thumb == client_cert.thumbprint.upper()
    assert _check_token(emu, token, "https://graph.microsoft.com")["appid"] == APP_ID


@pytest.mark.parametrize("kind", ["pem", "pfx"])
def test_client_certificate_path(emu, azenv, client_cert, tmp_path, kind):
    path = tmp_path / f"app.{kind}"
    path.write_bytes(client_cert.combined_pem if kind == "pem" else client_cert.pfx(None))
    r = run("Set-Location $d; Get-AzToken -TenantId $t -ClientId $c -ClientCertificatePath $p",
            d=str(tmp_path), p=f"./app.{kind}", t=TENANT_ID, c=APP_ID)
    assert _check_token(emu, _one(r), "https://graph.microsoft.com")["appid"] == APP_ID


def test_workload_identity(emu, azenv):
    external = emu.issue_federated_token(FED_SUBJECT, issuer=FED_ISSUER)
    r = run("Get-AzToken https://management.azure.com -WorkloadIdentity -ExternalToken $x "
            "-TenantId $t -ClientId $c", x=external, t=TENANT_ID, c=APP_ID)
    claims = _check_token(emu, _one(r), "https://management.azure.com")
    assert claims["appid"] == APP_ID


def test_managed_identity_system_and_user_assigned(emu, azenv):
    azenv.setenv("IDENTITY_ENDPOINT", emu.identity_endpoint)
    azenv.setenv("IDENTITY_HEADER", emu.identity_header)
    r = run("Get-AzToken https://management.azure.com -ManagedIdentity")
    claims = _check_token(emu, _one(r), "https://management.azure.com")
    assert claims["oid"] == emu.config.managed_identity().object_id
    uami = "4e5f6a7b-8c9d-4e0f-9a2b-3c4d5e6f7a8b"
    r = run("Get-AzToken https://vault.azure.net -ManagedIdentity -ClientId $c", c=uami)
    assert _one(r).Claims["appid"] == [uami]


def test_managed_identity_needs_one_scope(emu, azenv):
    azenv.setenv("IDENTITY_ENDPOINT", emu.identity_endpoint)
    azenv.setenv("IDENTITY_HEADER", emu.identity_header)
    r = run("Get-AzToken -ManagedIdentity -Scope a, b")
    assert r.out == [] and r.error_ids == [
        "ManagedIdentityTokenError,PipeHow.AzAuth.Cmdlets.GetAzToken"]


def test_non_interactive_uses_environment_variables(emu, azenv):
    for name, value in emu.env().items():
        if name.startswith("AZURE_"):
            azenv.setenv(name, value)
    r = run("Get-AzToken -Verbose")
    token = _one(r)
    assert _check_token(emu, token, "https://graph.microsoft.com")["appid"] == APP_ID
    assert "Got a token from EnvironmentCredential." in r.stdout
    assert token.Token not in r.stderr + r.stdout and SECRET not in r.stderr + r.stdout


def test_non_interactive_falls_through_to_managed_identity(emu, azenv):
    azenv.setenv("IDENTITY_ENDPOINT", emu.identity_endpoint)
    azenv.setenv("IDENTITY_HEADER", emu.identity_header)
    azenv.setenv("PATH", "/nonexistent")         # no az, pwsh: those sources are unavailable
    r = run("Get-AzToken https://management.azure.com -Verbose")
    _check_token(emu, _one(r), "https://management.azure.com")
    assert "Got a token from ManagedIdentityCredential." in r.stdout


def test_non_interactive_all_sources_fail_lists_each(emu, azenv):
    azenv.setenv("IDENTITY_ENDPOINT", "http://127.0.0.1:9/msi/token")   # nothing listens
    azenv.setenv("IDENTITY_HEADER", "x")
    azenv.setenv("PATH", "/nonexistent")
    r = run("Get-AzToken")
    assert r.out == []
    assert r.error_ids == ["NonInteractiveTokenError,PipeHow.AzAuth.Cmdlets.GetAzToken"]
    msg = r.messages[0]
    for source in ("EnvironmentCredential", "AzurePowerShellCredential", "AzureCliCredential",
                   "VisualStudioCodeCredential", "VisualStudioCredential",
                   "SharedTokenCacheCredential", "ManagedIdentityCredential"):
        assert f"- {source}: " in msg, source
    assert "Traceback" not in r.stderr


def test_non_interactive_wrong_secret_stops_the_chain(emu, azenv):
    azenv.setenv("AZURE_TENANT_ID", TENANT_ID)
    azenv.setenv("AZURE_CLIENT_ID", APP_ID)
    azenv.setenv("AZURE_CLIENT_SECRET", "not-the-secret")
    r = run("Get-AzToken")
    assert "AADSTS7000215" in r.messages[0] and "not-the-secret" not in r.messages[0]


def test_device_code_prints_warning_and_completes(emu, azenv):
    approve_in_background(emu, "bob@contoso.test")
    r = run("Get-AzToken -DeviceCode -TenantId $t -TimeoutSeconds 30", t=TENANT_ID)
    token = _one(r)
    claims = _check_token(emu, token, "https://graph.microsoft.com")
    assert token.Identity == "bob@contoso.test" == claims["upn"]
    assert "WARNING: To sign in, use a web browser to open the page " \
           f"{emu.authority}/devicelogin and enter the code " in r.stdout


def test_device_code_timeout(emu, azenv):
    r = run("Get-AzToken -DeviceCode -TenantId $t -TimeoutSeconds 2", t=TENANT_ID)
    assert r.out == []
    assert r.messages == [("Login timed out after 2 seconds, configured by the TimeoutSeconds "
                          "parameter.")]
    assert r.error_ids == ["DeviceCodeTokenError,PipeHow.AzAuth.Cmdlets.GetAzToken"]


def test_interactive_with_fake_browser_then_saved_for_non_interactive(emu, fake_browser):
    emu.set_signed_in_user("bob@contoso.test")
    engine = new_engine()
    r = run("Get-AzToken -Interactive -TenantId $t -TimeoutSeconds 30", engine, t=TENANT_ID)
    token = _one(r)
    assert token.Identity == "bob@contoso.test"
    assert emu.calls("authorize")
    authorize_calls = len(emu.calls("authorize"))
    # the same session, non-interactively: the saved sign-in answers first, silently
    r = run("Get-AzToken https://management.azure.com -Verbose", engine)
    token = _one(r)
    assert token.Identity == "bob@contoso.test"
    assert "Got a token from SavedInteractiveCredential." in r.stdout
    assert len(emu.calls("authorize")) == authorize_calls
    # -Force forgets it
    r = run("Get-AzToken -Force -Verbose", engine)
    assert "SavedInteractiveCredential did not give a token" in r.stdout


def test_interactive_timeout(emu, idle_browser):
    r = run("Get-AzToken -Interactive -TimeoutSeconds 1")
    assert r.messages == [("Login timed out after 1 seconds, configured by the TimeoutSeconds "
                          "parameter.")]
    assert r.error_ids == ["InteractiveTokenError,PipeHow.AzAuth.Cmdlets.GetAzToken"]


def test_interactive_without_browser_suggests_device_code(emu, azenv):
    azenv.delenv("DISPLAY", raising=False)
    azenv.delenv("WAYLAND_DISPLAY", raising=False)
    azenv.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
    before = len(emu.calls("authorize"))
    r = run("Get-AzToken -Interactive")
    assert r.error_ids == ["InteractiveTokenError,PipeHow.AzAuth.Cmdlets.GetAzToken"]
    assert "SSH session" in r.messages[0] and "-DeviceCode" in r.messages[0]
    assert len(emu.calls("authorize")) == before


def test_claims_challenge_is_sent(emu, azenv):
    challenge = '{"access_token":{"xms_cc":{"values":["cp1"]}}}'
    r = run("Get-AzToken -TenantId $t -ClientId $c -ClientSecret $s -Claim $x",
            t=TENANT_ID, c=APP_ID, s=SECRET, x=challenge)
    _one(r)


def test_scopes_built_from_resource_without_trailing_slash(emu, azenv):
    r = run("Get-AzToken -ResourceUrl api://my-api/ -Scope .default -TenantId $t -ClientId $c "
            "-ClientSecret $s", t=TENANT_ID, c=APP_ID, s=SECRET)
    assert _one(r).Scopes == ["api://my-api/.default"]


def test_ctrl_c_cancels_an_interactive_wait(emu, azenv, tmp_path):
    """SIGINT while waiting for the browser ends the process at once, without a traceback."""
    import signal
    import subprocess
    import sys
    import time

    from azauth_helpers import ROOT
    marker = tmp_path / "browser-opened"
    browser = tmp_path / "marker-browser"
    browser.write_text(f"#!/bin/sh\ntouch '{marker}'\nexit 0\n")
    browser.chmod(0o700)
    env = dict(os.environ, BROWSER=str(browser), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "pwshlike", "-c",
                             "Get-AzToken -Interactive -TimeoutSeconds 60; 'after'"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=str(ROOT))
    try:
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert marker.exists(), proc.communicate(timeout=5)
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert time.monotonic() - started < 5
    assert proc.returncode == 130
    assert "Traceback" not in err and "after" not in out
