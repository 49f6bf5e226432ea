"""The ``pwshlike`` command line, with pwsh's options.

Kept free of heavy imports: ``pwshlike -c exit`` loads only the tokenizer, parser,
compiler and the runtime pieces the script touches.
"""
from __future__ import annotations

import os
import sys

USAGE = """Usage: pwshlike [-NoProfile] [-NonInteractive] [-NoLogo] [-Version] [-Help]
                [-Command <text> | -Command - | -File <path> [args] | <path> [args]]

Runs PowerShell scripts and commands.  With no script and a terminal, starts a prompt.
"""

_FLAGS = ("noprofile", "noninteractive", "nologo", "version", "help", "command", "file",
          "executionpolicy", "inputformat", "outputformat", "noexit", "workingdirectory", "?")


def _match(arg: str) -> str | None:
    if not arg.startswith(("-", "/")) or arg in ("-", "--"):
        return None
    body = arg.lstrip("-/").lower()
    if body in ("c",):
        return "command"
    if body in ("f",):
        return "file"
    if body in ("h", "?"):
        return "help"
    if body in ("v",):
        return "version"
    for flag in _FLAGS:
        if flag.startswith(body):
            return flag
    return None


_interrupted = False


def run() -> None:
    """The ``pwshlike`` command (and ``python -m pwshlike``): exit with main()'s status.

    After Ctrl-C the process ends at once: a library may still have a worker thread
    waiting (the sign-in redirect listener of an interactive token request), and a normal
    interpreter exit would wait for it."""
    code = main()
    if _interrupted:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    noninteractive = False
    command = None
    file = None
    script_args: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        flag = _match(arg)
        if flag is None:
            file = arg
            script_args = argv[i + 1:]
            break
        if flag == "help":
            sys.stdout.write(USAGE)
            return 0
        if flag == "version":
            from . import __version__
            sys.stdout.write(f"pwshlike {__version__}\n")
            return 0
        if flag == "noninteractive":
            noninteractive = True
        elif flag == "command":
            rest = argv[i + 1:]
            command = " ".join(rest) if rest else ""
            if rest == ["-"]:
                command = sys.stdin.read()
            break
        elif flag == "file":
            if i + 1 >= len(argv):
                sys.stderr.write("The argument -File requires a file path.\n")
                return 64
            file = argv[i + 1]
            script_args = argv[i + 2:]
            break
        elif flag in ("executionpolicy", "inputformat", "outputformat", "workingdirectory"):
            i += 1
        i += 1
    from .engine import Engine, Host
    interactive = sys.stdin.isatty() and not noninteractive
    engine = Engine(Host(interactive=interactive, no_input=noninteractive),
                    noninteractive=not interactive)
    try:
        if command is not None:
            return engine.run_text(command)
        if file is not None:
            if file == "-":
                return engine.run_text(sys.stdin.read())
            try:
                with open(file, encoding="utf-8-sig") as f:
                    text = f.read()
            except OSError:
                sys.stderr.write(f"The argument '{file}' is not recognized as the name of a "
                                 "script file. Check the spelling of the name, or if a path was "
                                 "included, verify that the path is correct and try again.\n")
                return 64
            return engine.run_text(text, os.path.abspath(file), script_args, dot_source=False)
        if sys.stdin.isatty():
            from .host.prompt import prompt_loop
            return prompt_loop(engine)
        return engine.run_text(sys.stdin.read())
    except KeyboardInterrupt:
        global _interrupted
        _interrupted = True
        sys.stderr.write("\n")
        return 130
    finally:
        try:
            sys.stdout.flush()
        except (BrokenPipeError, ValueError):
            pass
