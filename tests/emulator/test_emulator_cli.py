"""The command line: start, print the environment, approve a device code, stop on SIGTERM."""
from __future__ import annotations

import os
import queue
import shlex
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests
from emu_ids import CLI_CLIENT_ID, GRAPH_DEFAULT

ROOT = Path(__file__).resolve().parents[2]


def _env():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AZURE_", "IDENTITY_"))}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _run(*args, timeout=30):
    return subprocess.run([sys.executable, "-m", "pwshlike.emulator", *args], cwd=ROOT,
                          env=_env(), capture_output=True, text=True, timeout=timeout,
                          check=False)


def test_cli_serve_approve_and_stop(tmp_path):
    state = tmp_path / "state"
    proc = subprocess.Popen([sys.executable, "-m", "pwshlike.emulator", "--state-dir", str(state),
                             "--quiet"], cwd=ROOT, env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str | None] = queue.Queue()

    def pump():
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)
    threading.Thread(target=pump, daemon=True).start()
    try:
        printed: list[str] = []
        deadline = time.monotonic() + 30
        while not any(line.startswith("# Emulator running") for line in printed):
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            assert line is not None, proc.stderr.read()
            printed.append(line)
        env = {}
        for line in printed:
            if line.startswith("export "):
                name, _, value = line[len("export "):].strip().partition("=")
                env[name] = shlex.split(value)[0]
        assert any(line.startswith("$env:AZURE_AUTHORITY_HOST = ") for line in printed)
        assert env["PWSHLIKE_DISABLE_INSTANCE_DISCOVERY"] == "1"
        assert env["NO_PROXY"] == "127.0.0.1,localhost"

        session = requests.Session()
        session.trust_env = False
        session.verify = env["REQUESTS_CA_BUNDLE"]          # the bundle the user would set
        token_url = f"{env['AZURE_AUTHORITY_HOST']}/{env['AZURE_TENANT_ID']}/oauth2/v2.0/token"
        r = session.post(token_url, timeout=10, data={
            "grant_type": "client_credentials", "client_id": env["AZURE_CLIENT_ID"],
            "client_secret": env["AZURE_CLIENT_SECRET"], "scope": GRAPH_DEFAULT})
        assert r.status_code == 200, r.text
        mi = session.get(env["IDENTITY_ENDPOINT"], timeout=10,
                         params={"api-version": "2019-08-01", "resource": "https://vault.azure.net"},
                         headers={"X-IDENTITY-HEADER": env["IDENTITY_HEADER"]})
        assert mi.json()["resource"] == "https://vault.azure.net"

        flow = session.post(token_url.replace("/token", "/devicecode"), timeout=10, data={
            "client_id": CLI_CLIENT_ID, "scope": GRAPH_DEFAULT}).json()
        approved = _run("approve", "--state-dir", str(state), "--upn", "bob@contoso.test")
        assert approved.returncode == 0, approved.stderr
        assert flow["user_code"] in approved.stdout
        r = session.post(token_url, timeout=10, data={
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
            "client_id": CLI_CLIENT_ID, "device_code": flow["device_code"]})
        assert r.status_code == 200, r.text
        again = _run("approve", "--state-dir", str(state))
        assert again.returncode == 1 and "no pending device code" in again.stderr

        shown = _run("env", "--shell", "pwsh", "--state-dir", str(state))
        assert "$env:IDENTITY_ENDPOINT" in shown.stdout
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr.read()


def test_cli_show_config_and_bad_config(tmp_path):
    shown = _run("show-config")
    assert shown.returncode == 0 and "tenants:" in shown.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("tenants: [{id: nope}]\n")
    result = _run("--config", str(bad), "--state-dir", str(tmp_path / "s"))
    assert result.returncode == 2 and "tenants[0].id" in result.stderr
    assert "Traceback" not in result.stderr
