"""Named token caches: sign in into one, reuse it silently from a second real process,
list and clear it; protection rules and file modes; several processes at once."""
from __future__ import annotations

import json
import os
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from azauth_helpers import TENANT_ID, approve_in_background, run, run_process

UNPROTECTED = "-UseUnprotectedTokenCache -WarningAction SilentlyContinue"


def _fill(emu, name: str, upn: str = "bob@contoso.test"):
    approve_in_background(emu, upn)
    r = run(f"Get-AzToken -DeviceCode -TenantId $t -TokenCache {name} {UNPROTECTED} "
            "-TimeoutSeconds 30", t=TENANT_ID)
    assert r.errors == [], r.messages
    return r.out[0]


@pytest.fixture
def no_keyring(monkeypatch):
    """This machine's situation made certain: no encrypted storage available."""
    import msal_extensions

    def unavailable(location):
        raise ImportError("Unable to import module 'gi' (no libsecret here)")
    monkeypatch.setattr(msal_extensions, "build_encrypted_persistence", unavailable)


def test_device_code_fills_cache_and_second_process_reads_it_silently(emu, azenv):
    token = _fill(emu, "work")
    assert token.Identity == "bob@contoso.test"
    home = os.environ["HOME"]
    folder = os.path.join(home, ".IdentityService", "work")
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    for f in ("work", "work.accounts.json"):
        assert stat.S_IMODE(os.stat(os.path.join(folder, f)).st_mode) == 0o600
    record = json.loads(Path(folder, "work.accounts.json").read_text())
    assert record["protection"] == "Unprotected"
    assert [a["username"] for a in record["accounts"]] == ["bob@contoso.test"]
    assert "secret" not in json.dumps(record).lower() and token.Token not in json.dumps(record)

    devicecode_calls = len(emu.calls("devicecode"))
    proc = run_process(
        "$t = Get-AzToken https://management.azure.com -TokenCache work "
        "-UseUnprotectedTokenCache -WarningAction SilentlyContinue; "
        "$t.Identity; $t.Claims['aud']")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["bob@contoso.test", "https://management.azure.com"]
    assert len(emu.calls("devicecode")) == devicecode_calls          # no new sign-in
    assert "Traceback" not in proc.stderr


def test_second_process_with_username_and_cached_token(emu, azenv):
    _fill(emu, "named", "alice@contoso.test")
    before = len(emu.calls("token"))
    proc = run_process("(Get-AzToken -TokenCache named -Username alice@contoso.test "
                       f"{UNPROTECTED}).Identity")
    assert proc.returncode == 0 and proc.stdout.strip() == "alice@contoso.test", proc.stderr
    assert len(emu.calls("token")) == before          # the access token came from the file


def test_cache_errors(emu, azenv):
    r = run(f"Get-AzToken -TokenCache missing {UNPROTECTED}")
    assert r.error_ids == ["CacheTokenError,PipeHow.AzAuth.Cmdlets.GetAzToken"]
    assert "does not exist" in r.messages[0]
    _fill(emu, "two", "alice@contoso.test")
    _fill(emu, "two", "bob@contoso.test")
    r = run(f"Get-AzToken -TokenCache two {UNPROTECTED}")
    assert r.messages == ["Multiple accounts found in the token cache, please specify -Username!"]
    r = run(f"Get-AzToken -TokenCache two -Username carol@contoso.test {UNPROTECTED}")
    assert r.messages == [("The specified account 'carol@contoso.test' was not found in the "
                          "cache.")]
    r = run(f"(Get-AzToken -TokenCache two -Username bob@contoso.test {UNPROTECTED}).Identity")
    assert r.out == ["bob@contoso.test"]


def test_unprotected_cache_needs_the_switch_every_time(emu, azenv):
    _fill(emu, "plain")
    r = run("Get-AzToken -TokenCache plain")
    assert "stored unprotected; add -UseUnprotectedTokenCache" in r.messages[0]
    r = run("Get-AzToken -TokenCache plain -UseUnprotectedTokenCache")
    assert "WARNING: Unprotected token caches store tokens as plain text" in r.stdout


def test_refuses_without_encrypted_storage(emu, azenv, no_keyring):
    r = run("Get-AzToken -DeviceCode -TokenCache safe -TenantId $t", t=TENANT_ID)
    assert r.error_ids == ["PlatformNotSupported,PipeHow.AzAuth.Cmdlets.GetAzToken"]
    assert "-UseUnprotectedTokenCache" in r.messages[0] and "gi" in r.messages[0]
    assert emu.wait_for_device_code(timeout=0.2) is None      # refused before signing in
    assert not os.path.exists(os.path.join(os.environ["HOME"], ".IdentityService", "safe",
                                           "safe"))


def test_revoked_refresh_token_is_a_clear_error(emu, azenv):
    _fill(emu, "revoked")
    emu.store.revoke_refresh_tokens()
    r = run(f"Get-AzToken https://management.azure.com -TokenCache revoked {UNPROTECTED}")
    assert r.error_ids == ["CacheTokenError,PipeHow.AzAuth.Cmdlets.GetAzToken"]
    assert "AADSTS" in r.messages[0]


def test_interactive_into_cache(emu, fake_browser):
    emu.set_signed_in_user("alice@contoso.test")
    r = run(f"Get-AzToken -Interactive -TokenCache web -TenantId $t {UNPROTECTED} "
            "-TimeoutSeconds 30", t=TENANT_ID)
    assert r.errors == [], r.messages
    assert r.out[0].Identity == "alice@contoso.test"
    r = run(f"(Get-AzToken -TokenCache web {UNPROTECTED}).Identity")
    assert r.out == ["alice@contoso.test"]


def test_get_and_clear_token_cache(emu, azenv):
    _fill(emu, "listme")
    r = run("Get-AzTokenCache")
    (info,) = r.out
    assert info.Name == "listme" and info.Protection == "Unprotected"
    assert info.Accounts == ["bob@contoso.test"] and info.AccountCount == 1
    r = run("Get-AzTokenCache list* -IncludeDetails")
    assert r.out[0].CacheDetailsChecked is True and r.out[0].Accounts == ["bob@contoso.test"]
    assert run("Get-AzTokenCache nothing*").out == []

    r = run("Clear-AzTokenCache listme -Verbose")
    assert r.errors == [] and "Removed 1 account(s)" in r.stdout
    r = run(f"Get-AzToken -TokenCache listme {UNPROTECTED}")
    assert r.messages == ["No accounts found in the specified token cache."]

    r = run("Clear-AzTokenCache -TokenCache listme -Force")
    assert "Will attempt to delete all files" in r.stdout
    assert run("Get-AzTokenCache").out == []
    r = run("Clear-AzTokenCache -TokenCache listme -Force")
    assert "The token cache 'listme' does not exist." in r.stdout


@pytest.mark.parametrize("name", ["../etc", "a/b", "x:y", "*", ".."])
def test_bad_cache_names_are_refused(azenv, name):
    r = run("Clear-AzTokenCache -TokenCache $n -Force", n=name)
    assert r.error_ids == ["InvalidTokenCacheName,PipeHow.AzAuth.Cmdlets.ClearAzTokenCache"]
    r = run("Get-AzToken -TokenCache $n -UseUnprotectedTokenCache", n=name)
    assert r.error_ids == ["InvalidTokenCacheName,PipeHow.AzAuth.Cmdlets.GetAzToken"]


def test_force_refuses_a_folder_that_is_not_a_cache(azenv):
    folder = os.path.join(os.environ["HOME"], ".IdentityService", "big")
    os.makedirs(folder)
    for i in range(11):
        open(os.path.join(folder, f"f{i}"), "w").close()
    r = run("Clear-AzTokenCache big -Force")
    assert r.error_ids == ["ClearAzTokenCacheError,PipeHow.AzAuth.Cmdlets.ClearAzTokenCache"]
    assert os.path.isdir(folder)


def test_concurrent_processes_share_one_cache(emu, azenv):
    """Four processes renew tokens for different resources at once: every one succeeds and
    the cache stays valid JSON holding all their access tokens."""
    _fill(emu, "shared")
    resources = [f"api://resource-{i}" for i in range(4)]

    def one(resource):
        return run_process(f"(Get-AzToken {resource} -TokenCache shared {UNPROTECTED})"
                           ".Claims['aud']", timeout=90)

    with ThreadPoolExecutor(max_workers=4) as pool:
        procs = list(pool.map(one, resources, timeout=120))
    assert [p.stdout.strip() for p in procs] == resources, [p.stderr for p in procs]
    path = os.path.join(os.environ["HOME"], ".IdentityService", "shared", "shared")
    data = json.loads(Path(path).read_text())
    targets = " ".join(at["target"] for at in data["AccessToken"].values())
    for resource in resources:
        assert resource in targets


def test_no_token_or_secret_in_verbose_or_debug_output(emu, azenv):
    approve_in_background(emu)
    r = run("$DebugPreference = 'Continue'; Get-AzToken -DeviceCode -TenantId $t -TokenCache vd "
            "-UseUnprotectedTokenCache -TimeoutSeconds 30 -Verbose -Debug", t=TENANT_ID)
    token = r.out[0].Token
    r2 = run("Get-AzToken -TokenCache vd -UseUnprotectedTokenCache -Verbose -Debug")
    r3 = run("Get-AzToken -TenantId $t -ClientId $c -ClientSecret $s -Verbose -Debug",
             t=TENANT_ID, c="0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", s="emulator-client-secret")
    for result, secret in ((r, token), (r2, r2.out[0].Token), (r3, r3.out[0].Token),
                           (r3, "emulator-client-secret")):
        assert "VERBOSE:" in result.stdout
        assert secret not in result.stderr and secret not in result.stdout
