"""Command line: ``python -m pwshlike.emulator [serve|approve|env|show-config] ...``.

``serve`` (the default) starts both servers, writes the state directory and prints the
environment to set — as POSIX ``export`` lines and PowerShell ``$env:`` lines — so a user
can paste it into another shell (or ``source``/dot-source the env files it writes).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import signal
import ssl
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

from .config import ConfigError, default_config_text, load_config
from .server import ADMIN_HEADER, ADMIN_PREFIX, Emulator, default_state_dir

COMMANDS = ("serve", "approve", "decline", "env", "show-config")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pwshlike.emulator",
                                description="Local Entra ID / managed identity emulator.")
    sub = p.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="start the emulator (default)")
    serve.add_argument("--config", help="YAML or JSON directory file (default: built-in)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=0, help="HTTPS port (0: pick a free one)")
    serve.add_argument("--mi-port", type=int, default=0,
                       help="managed identity HTTP port (0: pick a free one)")
    serve.add_argument("--auto-approve", action="store_true",
                       help="approve every device code as the default user")
    serve.add_argument("--shell", choices=("posix", "pwsh", "both"), default="both",
                       help="which environment lines to print")
    serve.add_argument("--quiet", action="store_true", help="do not log requests")
    for name in ("approve", "decline"):
        cmd = sub.add_parser(name, help=f"{name} a pending device code")
        cmd.add_argument("user_code", nargs="?", help="the code (default: the newest one)")
        if name == "approve":
            cmd.add_argument("--upn", help="who signs in (default: the default user)")
    env = sub.add_parser("env", help="print the environment of the running emulator")
    env.add_argument("--shell", choices=("posix", "pwsh"), default="posix")
    sub.add_parser("show-config", help="print the built-in configuration (a starting point)")
    for cmd in (serve, env, *(sub.choices[n] for n in ("approve", "decline"))):
        cmd.add_argument("--state-dir", type=Path, default=None,
                         help=f"state directory (default: {default_state_dir()})")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS + ("-h", "--help"):
        argv.insert(0, "serve")
    args = _parser().parse_args(argv)
    if args.command == "show-config":
        sys.stdout.write(default_config_text())
        return 0
    state_dir = args.state_dir or default_state_dir()
    if args.command == "serve":
        return _serve(args, state_dir)
    if args.command == "env":
        path = state_dir / ("env.ps1" if args.shell == "pwsh" else "env.sh")
        try:
            sys.stdout.write(path.read_text())
        except OSError:
            print(f"no running emulator found in {state_dir}", file=sys.stderr)
            return 1
        return 0
    body = {"user_code": args.user_code}
    if args.command == "approve":
        body["upn"] = args.upn
    return _admin_call(state_dir, f"device/{args.command}", body)


def _serve(args: argparse.Namespace, state_dir: Path) -> int:
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(asctime)s %(message)s", stream=sys.stderr)
    try:
        config = load_config(args.config)
    except (ConfigError, OSError, ValueError) as exc:
        print(f"pwshlike-emulator: {exc}", file=sys.stderr)
        return 2
    if args.auto_approve:
        config = dataclasses.replace(config, settings=dataclasses.replace(
            config.settings, auto_approve_device_codes=True))
    emulator = Emulator(config, state_dir=state_dir, host=args.host, port=args.port,
                        mi_port=args.mi_port)
    try:
        emulator.start()
    except OSError as exc:
        print(f"pwshlike-emulator: cannot listen: {exc}", file=sys.stderr)
        return 1
    stop = threading.Event()
    # Both handled explicitly: a shell starts background jobs with SIGINT ignored.
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    out = sys.stdout
    if args.shell in ("posix", "both"):
        out.write("# POSIX shells (or: source " + str(state_dir / "env.sh") + ")\n")
        out.write(emulator.env_script("posix"))
    if args.shell in ("pwsh", "both"):
        out.write("# PowerShell / pwshlike (or: . " + str(state_dir / "env.ps1") + ")\n")
        out.write(emulator.env_script("pwsh"))
    out.write(f"# Emulator running at {emulator.authority}; press Ctrl-C to stop.\n")
    out.flush()
    try:
        while not stop.wait(0.5):
            pass
    finally:
        emulator.stop()
    return 0


def _admin_call(state_dir: Path, operation: str, body: dict) -> int:
    try:
        state = json.loads((state_dir / "state.json").read_text())
    except (OSError, ValueError):
        print(f"no running emulator found in {state_dir}", file=sys.stderr)
        return 1
    context = ssl.create_default_context(cafile=state["ca_cert"])
    request = urllib.request.Request(
        f"{state['authority']}{ADMIN_PREFIX}/{operation}", method="POST",
        data=json.dumps(body).encode(),
        headers={ADMIN_HEADER: state["admin_key"], "Content-Type": "application/json"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                         urllib.request.HTTPSHandler(context=context))
    try:
        with opener.open(request, timeout=10) as response:
            print(json.loads(response.read()))
            return 0
    except urllib.error.HTTPError as exc:
        detail = json.loads(exc.read() or b"{}").get("error_description", exc.reason)
        print(f"pwshlike-emulator: {detail}", file=sys.stderr)
    except OSError as exc:
        print(f"pwshlike-emulator: emulator not reachable: {exc}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
