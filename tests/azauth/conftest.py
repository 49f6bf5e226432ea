"""Fixtures for the AzAuth cmdlet tests: one emulator per session, a clean Azure
environment per test (HOME in a temp dir, only the emulator's variables set, its CA
trusted through REQUESTS_CA_BUNDLE) and fake browsers; helpers are in azauth_helpers.py.
Nothing reaches beyond 127.0.0.1; TLS is verified everywhere."""
from __future__ import annotations

import os
import sys
import webbrowser

import pytest

from pwshlike.emulator.certs import make_client_certificate
from pwshlike.emulator.config import default_config_data
from pwshlike.emulator.server import Emulator

_CLEARED_PREFIXES = ("AZURE_", "IDENTITY_", "MSI_", "IMDS_", "PWSHLIKE_")


@pytest.fixture(scope="session")
def client_cert():
    return make_client_certificate("azauth-tests")


@pytest.fixture(scope="session")
def emu(tmp_path_factory, client_cert):
    data = default_config_data()
    data["apps"][0]["certificates"] = [{"pem": client_cert.cert_pem.decode()}]
    emulator = Emulator(data, state_dir=tmp_path_factory.mktemp("azauth-emu") / "state")
    emulator.start()
    yield emulator
    assert emulator.stop(timeout=5), "emulator threads did not stop in time"


@pytest.fixture(autouse=True)
def _reset(request):
    yield
    if "emu" in request.fixturenames:
        request.getfixturevalue("emu").reset()


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    """No inherited Azure/identity variables, HOME in a temp dir, no proxy."""
    for name in list(os.environ):
        if name.upper().startswith(_CLEARED_PREFIXES) or name in ("BROWSER",):
            monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    return monkeypatch


@pytest.fixture
def azenv(emu, clean_env):
    """The client side of the emulator: authority, CA bundle, instance discovery off.
    Credentials (AZURE_CLIENT_ID/SECRET, IDENTITY_ENDPOINT) are left for tests to add."""
    clean_env.setenv("AZURE_AUTHORITY_HOST", emu.authority)
    clean_env.setenv("REQUESTS_CA_BUNDLE", str(emu.ca_bundle))
    clean_env.setenv("SSL_CERT_FILE", str(emu.ca_bundle))
    clean_env.setenv("PWSHLIKE_DISABLE_INSTANCE_DISCOVERY", "1")
    return clean_env


@pytest.fixture
def fake_browser(emu, azenv, tmp_path):
    """A BROWSER program that follows the authorize URL (trusting only the test CA)."""
    script = tmp_path / "fake-browser"
    script.write_text(
        f"#!{sys.executable}\n"
        "import ssl, sys, urllib.request\n"
        f"ctx = ssl.create_default_context(cafile={str(emu.ca_cert)!r})\n"
        "opener = urllib.request.build_opener(urllib.request.ProxyHandler({}),\n"
        "                                     urllib.request.HTTPSHandler(context=ctx))\n"
        "opener.open(sys.argv[1], timeout=10).read()\n")
    script.chmod(0o700)
    azenv.setenv("BROWSER", str(script))
    azenv.setattr(webbrowser, "_tryorder", None)
    azenv.setattr(webbrowser, "_browsers", {})
    return script


@pytest.fixture
def idle_browser(azenv, tmp_path):
    """A BROWSER program that opens nothing (the user never signs in)."""
    script = tmp_path / "idle-browser"
    script.write_text("#!/bin/sh\nexit 0\n")
    script.chmod(0o700)
    azenv.setenv("BROWSER", str(script))
    azenv.setattr(webbrowser, "_tryorder", None)
    azenv.setattr(webbrowser, "_browsers", {})
    return script
