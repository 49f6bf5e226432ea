"""Wall time of a cached ``Get-AzToken -TokenCache`` in a fresh pwshlike process, next to
``pwshlike -c exit``.  Not a test: run it by hand.

    python bench/aztoken_cache.py [--repeat 10]

It starts the identity emulator on 127.0.0.1 (temporary state, TLS with its own CA), signs
in once with the device code flow into an unprotected named cache under a temporary HOME,
then times fresh processes that take a token from that cache (served from the cache file:
no token request, only MSAL's authority discovery GET).  Prints the median and best times.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TENANT = "8f2c1d34-5b6a-4c7e-9d01-2a3b4c5d6e7f"
CACHED = ("$t = Get-AzToken https://management.azure.com -TokenCache bench "
          "-UseUnprotectedTokenCache -WarningAction SilentlyContinue; $t.Identity")


def timed(script: str, env: dict, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "pwshlike", "-c", script], env=env,
                              capture_output=True, text=True, timeout=120, cwd=str(ROOT),
                              check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"failed: {script}\n{proc.stderr}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    from pwshlike.emulator import running_emulator
    with tempfile.TemporaryDirectory() as home, running_emulator() as emu:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("AZURE_", "IDENTITY_", "MSI_", "IMDS_"))}
        env.update({k: v for k, v in emu.env().items()
                    if k not in ("AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_TENANT_ID")})
        env.update(HOME=home, PYTHONPATH=str(ROOT))

        def approve():
            pending = emu.wait_for_device_code(timeout=30)
            if pending is not None:
                emu.approve_device_code(pending.user_code, "bob@contoso.test")
        threading.Thread(target=approve, daemon=True).start()
        timed(f"Get-AzToken https://management.azure.com -DeviceCode -TenantId {TENANT} "
              "-TokenCache bench -UseUnprotectedTokenCache -WarningAction SilentlyContinue "
              "| Out-Null", env, 1)
        timed(CACHED, env, 1)                       # warm the OS file cache
        exit_times = timed("exit", env, args.repeat)
        cached_times = timed(CACHED, env, args.repeat)
        token_calls = len(emu.calls("token"))
    for label, values in (("pwshlike -c exit", exit_times),
                          ("Get-AzToken -TokenCache (cached)", cached_times)):
        print(f"{label:36s} median {statistics.median(values):.3f}s  best {min(values):.3f}s")
    print(f"token endpoint requests during the whole run: {token_calls}")


if __name__ == "__main__":
    main()
