"""Fixtures: one emulator per test session (free ports, temp state dir) and a clean client
environment per test, so azure-identity only ever talks to 127.0.0.1 with TLS verified."""
from __future__ import annotations

import os
import webbrowser
from pathlib import Path

import pytest
from emu_ids import THUMB_APP_ID

from pwshlike.emulator.certs import make_client_certificate
from pwshlike.emulator.config import default_config_data
from pwshlike.emulator.server import Emulator

_CLEARED_PREFIXES = ("AZURE_", "IDENTITY_", "MSI_", "IMDS_", "PWSHLIKE_")


@pytest.fixture(scope="session")
def client_cert():
    return make_client_certificate("emulator-tests")


@pytest.fixture(scope="session")
def other_cert():
    """A certificate nobody registered."""
    return make_client_certificate("unregistered")


@pytest.fixture(scope="session")
def emu(tmp_path_factory, client_cert):
    data = default_config_data()
    app = data["apps"][0]
    app["certificates"] = [{"pem": client_cert.cert_pem.decode()}]
    data["apps"].append({"name": "thumbprint-only", "client_id": THUMB_APP_ID,
                         "tenant": "contoso.test",
                         "certificates": [{"thumbprint": client_cert.thumbprint}]})
    emulator = Emulator(data, state_dir=tmp_path_factory.mktemp("emu") / "state")
    emulator.start()
    yield emulator
    assert emulator.stop(timeout=5), "emulator threads did not stop in time"


@pytest.fixture(autouse=True)
def _reset_emulator(request):
    yield
    if "emu" in request.fixturenames:
        emulator = request.getfixturevalue("emu")
        emulator.reset()


@pytest.fixture
def azenv(emu, monkeypatch, tmp_path):
    """A client environment: no inherited Azure variables, emulator CA trusted, no proxy,
    HOME in a temp dir (persistent caches land there)."""
    for name in list(os.environ):
        if name.upper().startswith(_CLEARED_PREFIXES):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(emu.ca_bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(emu.ca_bundle))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    return monkeypatch


@pytest.fixture
def msal_kwargs(emu):
    """What every MSAL-based credential needs to talk to the emulator."""
    return {"authority": emu.authority, "disable_instance_discovery": True,
            "connection_verify": str(emu.ca_cert), "retry_backoff_factor": 0.05}


@pytest.fixture
def fake_browser(emu, azenv, tmp_path):
    """A BROWSER script that fetches the authorize URL (trusting the test CA) and exits."""
    import sys
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
    # webbrowser reads BROWSER once per process; make it look again.
    azenv.setattr(webbrowser, "_tryorder", None)
    azenv.setattr(webbrowser, "_browsers", {})
    return Path(script)
