"""``python -m pwshlike.helpdocs build|check|show``.

build   regenerate help/specs/*.yaml from help/*.md
check   exit 1 when a committed spec differs from what its page generates
show    print the spec one page generates (any PlatyPS page, e.g. a module's docs)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build, spec_text
from .platyps import HelpFormatError
from .spec import SpecError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pwshlike.helpdocs",
                                     description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "check"):
        p = sub.add_parser(name)
        p.add_argument("--help-dir", type=Path, default=None,
                       help="folder of markdown pages (default: the source tree's help/)")
    show = sub.add_parser("show")
    show.add_argument("page", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "show":
            text, warnings = spec_text(args.page)
            sys.stdout.write(text)
            for w in warnings:
                sys.stderr.write(f"warning: {w}\n")
            return 0
        from ..binding.specs import help_dir
        problems = build(args.help_dir or help_dir(), check_only=args.command == "check")
    except (HelpFormatError, SpecError, OSError) as e:
        sys.stderr.write(f"error: {e}\n")
        return 1
    for p in problems:
        sys.stderr.write(p + "\n")
    failed = [p for p in problems if ": warning: " not in p]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
