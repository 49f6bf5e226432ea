"""Parse every .ps1 file in a folder with pwshlike.parse and report the result.

Usage:
    python bench/parse_corpus.py [FOLDER]        (default: /tmp/corpus)

For each file it prints OK, or the ParseError's errors (line:column, error id,
message). The last line is "N parsed, M failed". The exit status is 0 when every
file parsed, 1 when some failed, 2 when there was nothing to do.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
import traceback
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

try:
    import pwshlike
except ImportError:  # not installed: use the checkout this script lives in
    sys.path.insert(0, str(REPO_ROOT))
    import pwshlike


def read_script(path: Path) -> str:
    """Read a script the way PowerShell does: UTF-8, byte order mark dropped.

    Line ends are left as they are (no newline translation), so CRLF files
    reach the parser with their CRLFs.
    """
    return path.read_bytes().decode("utf-8-sig", errors="replace")


def describe_error(err: object) -> str:
    line = getattr(err, "line", "?")
    column = getattr(err, "column", "?")
    error_id = getattr(err, "error_id", "?")
    message = getattr(err, "message", str(err))
    return f"{line}:{column} {error_id}: {message}"


def parse_file(path: Path) -> list[str]:
    """Return an empty list when the file parses, else one entry per problem."""
    text = read_script(path)
    try:
        pwshlike.parse(text)
    except pwshlike.ParseError as exc:
        errors = list(getattr(exc, "errors", None) or [])
        if not errors:
            return [f"ParseError without .errors: {exc}"]
        return [describe_error(err) for err in errors]
    # A crash in the parser counts as a failure of this file, not the end of the run.
    except Exception:  # noqa: BLE001
        return ["parser crashed:\n" + traceback.format_exc().rstrip()]
    return []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "folder",
        nargs="?",
        default="/tmp/corpus",
        type=Path,
        help="folder holding .ps1 files (default: /tmp/corpus)",
    )
    args = ap.parse_args(argv)

    if not hasattr(pwshlike, "parse") or not hasattr(pwshlike, "ParseError"):
        print("pwshlike.parse / pwshlike.ParseError are not available yet", file=sys.stderr)
        return 2

    files = sorted(args.folder.glob("*.ps1"))
    if not files:
        print(f"no .ps1 files in {args.folder}", file=sys.stderr)
        return 2

    width = max(len(f.name) for f in files)
    parsed = failed = 0
    for path in files:
        start = time.perf_counter()
        problems = parse_file(path)
        elapsed_ms = (time.perf_counter() - start) * 1000
        if problems:
            failed += 1
            print(f"FAIL {path.name:<{width}}  ({len(problems)} error(s), {elapsed_ms:.0f} ms)")
            for problem in problems:
                print(textwrap.indent(problem, " " * 7))
        else:
            parsed += 1
            print(f"OK   {path.name:<{width}}  ({elapsed_ms:.0f} ms)")

    print(f"{parsed} parsed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
