"""A minimal prompt loop (the full REPL is a separate piece of work).

Each input runs once it parses; an input that is merely incomplete (an open brace, string
or here-string) continues on the next line with a ``>> `` prompt, as pwsh's console does.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable


def prompt_loop(engine, read_line: Callable[[str], str] = input) -> int:
    """Read, run and print until end of input or ``exit``; returns the process exit code.

    ``read_line`` is ``input`` at a terminal; tests pass their own to drive the loop."""
    from .. import parse
    from ..errors import ParseError
    buf: list[str] = []
    while True:
        try:
            location = getattr(engine.ctx, "location", None) or os.getcwd()
            line = read_line(">> " if buf else f"PS {location}> ")
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
        try:
            code = engine.run_prompt_input(text)
        except KeyboardInterrupt:
            sys.stdout.write("\n")
            continue
        if code is not None:
            return code
