"""A minimal prompt loop (the full REPL is a separate piece of work)."""
from __future__ import annotations

import os
import sys


def prompt_loop(engine) -> int:
    from .. import parse
    from ..errors import ParseError
    buf: list[str] = []
    while True:
        try:
            location = getattr(engine.ctx, "location", None) or os.getcwd()
            line = input(">> " if buf else f"PS {location}> ")
        except EOFError:
            sys.stdout.write("\n")
            return 0
        except KeyboardInterrupt:
            sys.stdout.write("\n")
            buf = []
            continue
        buf.append(line)
        text = "\n".join(buf)
        try:
            parse(text)
        except ParseError as e:
            if e.incomplete and line.strip():
                continue
        buf = []
        if text.strip().lower() == "exit":
            return 0
        try:
            engine.run_text(text)
        except KeyboardInterrupt:
            sys.stdout.write("\n")
