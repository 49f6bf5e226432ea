"""Native executables: found on PATH (or by path), run with arguments as pwsh 7.3+ passes
them ($PSNativeCommandArgumentPassing = 'Standard': one argv element per argument, empty
strings kept, $null dropped, `-name:value` joined, text after `--%` split on spaces).

Output streams while the program runs: stdout lines (UTF-8) flow into the pipeline as
strings; stderr goes straight to the console unless the error stream is redirected
(``2>&1``, ``2>$null``, ``2> file``), when each line becomes a NativeCommandError record
as in pwsh 7.4.  $LASTEXITCODE and $? follow the exit code, and with
$PSNativeCommandUseErrorActionPreference a non-zero exit is a NativeCommandExitException.
"""
from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import sys
import threading

from .convert import to_str
from .processor import Processor


def find_native(name: str, location: str | None = None) -> str | None:
    """The program a name runs: a path (relative to the session ``location``) or a PATH hit."""
    if os.sep in name or name.startswith("."):
        path = os.path.abspath(os.path.join(location or os.getcwd(), os.path.expanduser(name)))
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
        return None
    return shutil.which(name)


# --- arguments ----------------------------------------------------------------------------------
def native_argv(args) -> list[str]:
    """The argv elements the compiled arguments stand for (after the program path)."""
    from .helpers import ENDPARAMS, NOARG, SPLAT, VERBATIM
    from .values import Hashtable
    argv: list[str] = []
    for name, value, text in args:
        if name is SPLAT:
            if isinstance(value, Hashtable):
                for k, v in value.items():
                    argv.append(f"-{to_str(k)}" if v is True else f"-{to_str(k)}:{to_str(v)}")
            else:
                _add_value(argv, value, None)
        elif name is ENDPARAMS:
            argv.append("--")
        elif text is VERBATIM:
            argv.extend(_expand_env(to_str(value)).split())
        elif name is None:
            _add_value(argv, value, text)
        else:
            flag = text or "-" + name
            if value is NOARG or value.__class__.__name__ == "_Marker":
                argv.append(flag)
            else:
                parts: list[str] = []
                _add_value(parts, value, None)
                if parts:
                    argv.append(flag + ":" + parts[0])
                    argv.extend(parts[1:])
                else:
                    argv.append(flag + ":")
    return argv


def _add_value(argv: list, value, text) -> None:
    if value is None:
        return                      # $null is not passed; '' is
    if isinstance(value, (bytes, bytearray)):
        argv.append(to_str(list(value)))
        return
    if isinstance(value, list):
        for v in value:
            if v is not None:
                argv.append(to_str(v))
        return
    if isinstance(text, str) and isinstance(value, (int, float)) and not isinstance(value, bool):
        argv.append(text)           # a number literal is passed as written (0x10, 1.50)
        return
    argv.append(to_str(value))


_ENV_REF = re.compile(r"%([^%\s]+)%")


def _expand_env(text: str) -> str:
    """``--%`` text expands %NAME% environment references (as .NET does on every OS)."""
    return _ENV_REF.sub(lambda m: os.environ.get(m.group(1), m.group(0)), text)


def _stdin_text(items: list) -> bytes:
    """Piped objects as pwsh sends them: their formatted text, one line each, UTF-8."""
    lines: list[str] = []
    for item in items:
        if isinstance(item, str):
            lines.append(item)
            continue
        try:
            from ..host.output import format_lines
            lines.extend(format_lines([item]))
        except Exception:  # noqa: BLE001 - fall back to the plain string form
            lines.append(to_str(item))
    return "".join(line + "\n" for line in lines).encode("utf-8")


# --- stderr redirection (set by redirection.py for the duration of a redirected call) ---------
def error_redirect(ctx):
    """None when stderr goes to the console, else ('merge'|'null'|'file', path, append)."""
    stack = getattr(ctx, "native_error_redirect", None)
    for target in reversed(stack or ()):
        if target is not None:
            return target
    # inside a command whose error stream is redirected (a function called with 2>&1)
    from .streams import native_target
    streams = getattr(ctx, "streams", None)
    return native_target(streams.error) if streams is not None else None


class NativeProcessor(Processor):
    def __init__(self, ctx, path, name, scope, args, out, site) -> None:
        self.ctx = ctx
        self.path = path
        self.name = name
        self.scope = scope
        self.args = args
        self.out = out
        self.site = site
        self.input: list = []
        self.had_input = False
        self.had_error = False
        self.stderr_lines = 0

    def begin(self, pipeline_expected: bool) -> None:
        self.had_input = pipeline_expected

    def process(self, item) -> None:
        self.input.append(item)

    def end(self) -> None:
        argv = [self.path, *native_argv(self.args)]
        redirect = error_redirect(self.ctx)
        console_err = redirect is None and self.ctx.host.stderr in (sys.stderr, sys.__stderr__)
        try:
            self.ctx.host.stdout.flush()
        except (AttributeError, ValueError, OSError):
            pass
        try:
            proc = subprocess.Popen(
                argv, stdin=subprocess.PIPE if self.had_input else None,
                stdout=subprocess.PIPE, stderr=None if console_err else subprocess.PIPE,
                cwd=getattr(self.ctx, "location", None))
        except OSError as e:
            from ..errors import RuntimeException, runtime_error
            raise runtime_error(
                RuntimeException, "NativeCommandFailed",
                f"An error occurred trying to start process '{self.path}' with working "
                f"directory '{getattr(self.ctx, 'location', None) or os.getcwd()}'. "
                f"{e.strerror or e}", "ResourceUnavailable",
                self.name) from None
        try:
            self._pump(proc, redirect)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        code = proc.wait()
        self.ctx.global_scope.vars["lastexitcode"] = code
        self.had_error = code != 0
        if code != 0:
            self._exit_error(code)

    def _pump(self, proc, redirect) -> None:
        """Feed stdin and move stdout/stderr lines as they arrive, in arrival order."""
        lines: queue.Queue = queue.Queue()
        readers = []
        for stream, kind in ((proc.stdout, "out"), (proc.stderr, "err")):
            if stream is not None:
                t = threading.Thread(target=_read_lines, args=(stream, kind, lines), daemon=True)
                t.start()
                readers.append(t)
        if proc.stdin is not None:
            data = _stdin_text(self.input)
            threading.Thread(target=_feed, args=(proc.stdin, data), daemon=True).start()
        open_streams = len(readers)
        while open_streams:
            kind, line = lines.get()
            if line is None:
                open_streams -= 1
            elif kind == "out":
                self.out.append(line)
            else:
                self._stderr_line(line, redirect)

    def _stderr_line(self, line: str, redirect) -> None:
        if redirect is None:
            self.ctx.host.stderr.write(line + "\n")
            return
        mode = redirect[0]
        if mode == "null":
            return
        if mode == "file":
            with open(redirect[1], "a", encoding="utf-8") as f:
                f.write(line + "\n")
            return
        rec = self._error_record(line)
        self.ctx.record_error(rec)
        self.out.append(rec)

    def _error_record(self, line: str):
        from ..errors import ErrorRecord, InvocationInfo
        cls = _exception("System.Management.Automation.RemoteException",
                         "System.Management.Automation.RuntimeException")
        error_id = "NativeCommandError" if self.stderr_lines == 0 else \
            "NativeCommandErrorMessage"
        self.stderr_lines += 1
        exc = cls(line, error_id=error_id, category="NotSpecified", target=line)
        rec = ErrorRecord(exc, error_id, "NotSpecified", line,
                          InvocationInfo(self.site.extent if self.site else None, self.name))
        exc.error_record = rec
        return rec

    def _exit_error(self, code: int) -> None:
        from .context import MISSING
        pref = self.scope.lookup("psnativecommanduseerroractionpreference") \
            if self.scope is not None else MISSING
        if pref is MISSING:
            pref = self.ctx.global_scope.vars.get("psnativecommanduseerroractionpreference")
        if not pref:
            return
        from ..errors import ErrorRecord, InvocationInfo
        from .commands import write_error_from
        cls = _exception("System.Management.Automation.NativeCommandExitException",
                         "System.Management.Automation.RuntimeException")
        program = os.path.basename(self.name)
        exc = cls(f'Program "{program}" ended with non-zero exit code: {code}.',
                  error_id="ProgramExitedWithNonZeroCode", category="NotSpecified",
                  target=None)
        exc.ExitCode = code
        exc.Path = self.path
        rec = ErrorRecord(exc, "ProgramExitedWithNonZeroCode", "NotSpecified", None,
                          InvocationInfo(self.site.extent if self.site else None, self.name))
        exc.error_record = rec
        write_error_from(self.ctx, self, rec, self.site)


def _exception(fullname: str, parent: str):
    """An exception type the shared table may not list yet (made once, then registered)."""
    from ..errors import EXCEPTION_CLASSES
    low = fullname.lower()
    cls = EXCEPTION_CLASSES.get(low)
    if cls is None:
        cls = type(fullname.rsplit(".", 1)[-1], (EXCEPTION_CLASSES[parent.lower()],),
                   {"dotnet_fullname": fullname})
        EXCEPTION_CLASSES[low] = cls
        from .types import _register_exception
        _register_exception(cls)
    return cls


def _read_lines(stream, kind: str, lines: queue.Queue) -> None:
    try:
        for raw in iter(stream.readline, b""):
            lines.put((kind, raw.decode("utf-8", "replace").rstrip("\r\n")))
    finally:
        stream.close()
        lines.put((kind, None))


def _feed(stdin, data: bytes) -> None:
    try:
        stdin.write(data)
    except (BrokenPipeError, OSError):
        pass
    finally:
        try:
            stdin.close()
        except OSError:
            pass
