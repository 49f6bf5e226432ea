"""Benchmark pwshlike against CPython on the same small workloads.

Each workload bench/workloads/NAME.ps1 is run with the pwshlike executable
(``SHELL -File NAME.ps1``) and its twin NAME.py with this Python
(``sys.executable NAME.py``). Each side runs --repeat times and the best wall
time counts. Both sides must print the same thing; a difference is flagged.

A "startup" row times ``SHELL -c exit`` against ``python -c pass``
(--startup-repeat runs each, median).

Usage:
    python bench/run.py --shell .venv/bin/pwshlike [--repeat 3] [--json out.json]

Exit status: 0 when every run worked and every output matched, 1 otherwise,
2 when the shell cannot be found.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

WORKLOAD_DIR = Path(__file__).resolve().parent / "workloads"
# Each name has NAME.ps1 and its Python twin NAME.py in WORKLOAD_DIR.
WORKLOADS = ("sum", "strings", "fib")

# Goals, as "pwshlike may be at most this many times slower than CPython".
LOOP_TARGET = 5.0
STARTUP_TARGET = 2.5


@dataclass
class Result:
    workload: str
    pwshlike_s: float | None = None
    python_s: float | None = None
    ratio: float | None = None
    target: float | None = None
    within_target: bool | None = None
    outputs_match: bool | None = None
    pwshlike_output: str = ""
    python_output: str = ""
    errors: list[str] = field(default_factory=list)


@dataclass
class Run:
    seconds: float
    output: str
    error: str | None


def normalize(text: str) -> str:
    """Output as compared: LF line ends, no trailing spaces or blank lines."""
    lines = text.replace("\r\n", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


# Both sides run as an installed program does: with cached bytecode.  An inherited
# PYTHONDONTWRITEBYTECODE would make every pwshlike run recompile its modules from source
# (the standard library ships compiled, so only our side would pay).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(cmd: list[str], timeout: float) -> Run:
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd,
            env=CHILD_ENV,
            check=False,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return Run(time.perf_counter() - start, "", f"timed out after {timeout:g}s")
    seconds = time.perf_counter() - start
    error = None
    if proc.returncode != 0:
        stderr = proc.stderr.strip().splitlines()
        error = f"exit status {proc.returncode}" + (f": {stderr[-1]}" if stderr else "")
    return Run(seconds, normalize(proc.stdout), error)


def measure_pair(pw_cmd: list[str], py_cmd: list[str], repeat: int,
                 timeout: float) -> tuple[list[Run], list[Run], list[str]]:
    """Run both sides `repeat` times, alternating, so a busy machine slows both alike."""
    pw_runs: list[Run] = []
    py_runs: list[Run] = []
    problems: list[str] = []
    for _ in range(repeat):
        for cmd, runs in ((pw_cmd, pw_runs), (py_cmd, py_runs)):
            if runs and runs[-1].error:
                continue  # a failing workload will not get better by repeating it
            run = run_once(cmd, timeout)
            runs.append(run)
            if run.error:
                problems.append(f"{cmd[0]}: {run.error}")
            elif run.output != runs[0].output:
                problems.append(f"{cmd[0]}: output changed between repetitions")
    return pw_runs, py_runs, problems


def compare(
    name: str,
    pw_cmd: list[str],
    py_cmd: list[str],
    repeat: int,
    timeout: float,
    target: float,
    pick=min,
) -> Result:
    result = Result(workload=name, target=target)
    pw_runs, py_runs, result.errors = measure_pair(pw_cmd, py_cmd, repeat, timeout)
    result.pwshlike_output = pw_runs[0].output
    result.python_output = py_runs[0].output
    if not any(r.error for r in pw_runs):
        result.pwshlike_s = pick(r.seconds for r in pw_runs)
    if not any(r.error for r in py_runs):
        result.python_s = pick(r.seconds for r in py_runs)
    if result.pwshlike_s is not None and result.python_s is not None:
        result.outputs_match = result.pwshlike_output == result.python_output
    if result.pwshlike_s is not None and result.python_s:
        result.ratio = result.pwshlike_s / result.python_s
        result.within_target = result.ratio <= target
    return result


def find_shell(shell: str) -> str | None:
    if os.sep in shell or (os.altsep and os.altsep in shell):
        path = Path(shell)
        return str(path.absolute()) if path.is_file() and os.access(path, os.X_OK) else None
    return shutil.which(shell)


def fmt_seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_table(results: list[Result]) -> None:
    header = ("workload", "pwshlike s", "python s", "ratio", "target", "status")
    rows = []
    for r in results:
        if r.outputs_match is None:
            status = "FAILED"
        elif not r.outputs_match or r.errors:  # errors here: output changed between runs
            status = "MISMATCH"
        elif r.within_target:
            status = "ok"
        else:
            status = "slow"
        rows.append(
            (
                r.workload,
                fmt_seconds(r.pwshlike_s),
                fmt_seconds(r.python_s),
                "-" if r.ratio is None else f"{r.ratio:.2f}x",
                f"<= {r.target:g}x",
                status,
            )
        )
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells) -> str:
        first = f"{cells[0]:<{widths[0]}}"
        rest = (f"{cell:>{width}}" for cell, width in zip(cells[1:], widths[1:]))
        return "  ".join([first, *rest])

    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))

    for r in results:
        for problem in r.errors:
            print(f"{r.workload}: {problem}")
        if r.outputs_match is False:
            print(f"{r.workload}: outputs differ")
            print(f"  pwshlike: {r.pwshlike_output!r}")
            print(f"  python:   {r.python_output!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Time pwshlike against CPython.")
    ap.add_argument(
        "--shell",
        default="pwshlike",
        help="pwshlike executable, a path or a name on PATH (default: pwshlike)",
    )
    ap.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs per workload and side; the best time counts (default: 3)",
    )
    ap.add_argument(
        "--startup-repeat",
        type=int,
        default=15,
        help="runs for the startup row; the median counts (default: 15)",
    )
    ap.add_argument(
        "--only", metavar="NAMES", help="comma-separated workloads to run, e.g. sum,fib or startup"
    )
    ap.add_argument(
        "--timeout",
        type=float,
        default=600,
        help="seconds before one run is abandoned (default: 600)",
    )
    ap.add_argument("--json", metavar="FILE", type=Path, help="also write the results to FILE")
    args = ap.parse_args(argv)
    if args.repeat < 1 or args.startup_repeat < 1:
        ap.error("repetition counts must be at least 1")

    shell = find_shell(args.shell)
    if shell is None:
        print(f"pwshlike executable not found: {args.shell} (use --shell PATH)", file=sys.stderr)
        return 2

    names = ["startup", *WORKLOADS]
    if args.only:
        wanted = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = sorted(set(wanted) - set(names))
        if unknown:
            ap.error(f"unknown workload(s): {', '.join(unknown)}; known: {', '.join(names)}")
        names = [n for n in names if n in wanted]

    print(f"pwshlike: {shell}")
    print(f"python:   {sys.executable} ({platform.python_version()})")
    print(f"best of {args.repeat} runs; startup: median of {args.startup_repeat}\n")

    results = []
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        if name == "startup":
            result = compare(
                name,
                [shell, "-c", "exit"],
                [sys.executable, "-c", "pass"],
                args.startup_repeat,
                args.timeout,
                STARTUP_TARGET,
                pick=statistics.median,
            )
        else:
            ps1 = WORKLOAD_DIR / f"{name}.ps1"
            result = compare(
                name,
                [shell, "-File", str(ps1)],
                [sys.executable, str(ps1.with_suffix(".py"))],
                args.repeat,
                args.timeout,
                LOOP_TARGET,
            )
        results.append(result)

    print_table(results)

    if args.json:
        report = {
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "shell": shell,
            "python": sys.executable,
            "python_version": platform.python_version(),
            "platform": platform.platform(),
            "repeat": args.repeat,
            "startup_repeat": args.startup_repeat,
            "results": [asdict(r) for r in results],
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nresults written to {args.json}")

    failed = any(r.errors or not r.outputs_match for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
