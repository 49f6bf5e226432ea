"""Helpers the AzAuth tests import (a uniquely named module: every test folder has its
own conftest, so ``from conftest import`` would pick whichever loaded first)."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

APP_ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
TENANT_ID = "8f2c1d34-5b6a-4c7e-9d01-2a3b4c5d6e7f"
SECRET = "emulator-client-secret"
FED_ISSUER = "https://token.actions.githubusercontent.com"
FED_SUBJECT = "repo:contoso/app:ref:refs/heads/main"



class Run:
    """What a script produced in-process: output objects, host text, error records."""

    def __init__(self, out, stdout: str, stderr: str, errors: list) -> None:
        self.out = out
        self.stdout = stdout
        self.stderr = stderr
        self.errors = errors

    @property
    def error_ids(self) -> list[str]:
        return [e.FullyQualifiedErrorId for e in self.errors]

    @property
    def messages(self) -> list[str]:
        return [str(e.Exception.Message) for e in self.errors]


def run(script: str, engine=None, **variables) -> Run:
    from pwshlike.engine import Engine, Host
    out, err = io.StringIO(), io.StringIO()
    if engine is None:
        engine = Engine(Host(out, err))
    else:
        engine.ctx.host.stdout, engine.ctx.host.stderr = out, err
    result = engine.invoke(script, **variables)
    errors = list(engine.ctx.global_scope.vars.get("error") or [])
    errors.reverse()
    return Run(result, out.getvalue(), err.getvalue(), errors)


def new_engine():
    from pwshlike.engine import Engine, Host
    return Engine(Host(io.StringIO(), io.StringIO()))


def run_process(script: str, env: dict | None = None, timeout: float = 60):
    """A fresh ``python -m pwshlike -c`` with the worktree on PYTHONPATH."""
    full = dict(os.environ if env is None else env)
    full["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "pwshlike", "-c", script], env=full,
                          capture_output=True, text=True, timeout=timeout, cwd=str(ROOT),
                          check=False)


def approve_in_background(emu, upn: str = "bob@contoso.test", timeout: float = 20):
    """Approve the next device code as ``upn`` from another thread (the 'user')."""
    def approve():
        pending = emu.wait_for_device_code(timeout=timeout)
        if pending is not None:
            emu.approve_device_code(pending.user_code, upn)
    t = threading.Thread(target=approve, daemon=True)
    t.start()
    return t
