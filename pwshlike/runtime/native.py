"""Native executables: found on PATH (or by path), run with arguments as pwsh 7.3+ passes
them; stdout lines flow into the pipeline, stderr to the error stream."""
from __future__ import annotations

import os
import shutil
import subprocess

from .commands import Processor
from .convert import to_str


def find_native(name: str, location: str | None = None) -> str | None:
    """The program a name runs: a path (relative to the session ``location``) or a PATH hit."""
    if os.sep in name or name.startswith("."):
        path = os.path.abspath(os.path.join(location or os.getcwd(), os.path.expanduser(name)))
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
        return None
    return shutil.which(name)


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
        self.had_error = False

    def begin(self, pipeline_expected: bool) -> None:
        pass

    def process(self, item) -> None:
        self.input.append(item)

    def end(self) -> None:
        argv = [self.path]
        for name, value, text in self.args:
            if name is None:
                if isinstance(value, list):
                    argv.extend(to_str(v) for v in value)
                else:
                    argv.append(text if text and not isinstance(text, str) is False and
                                isinstance(value, (int, float)) else to_str(value))
            elif isinstance(name, str):
                argv.append(text or "-" + name)
                if value is not None and value.__class__.__name__ != "_Marker":
                    argv.append(to_str(value))
        stdin = None
        if self.input:
            stdin = ("\n".join(to_str(i) for i in self.input) + "\n").encode()
        try:
            proc = subprocess.run(argv, input=stdin, capture_output=True, check=False,
                                  cwd=getattr(self.ctx, "location", None))
        except OSError as e:
            from ..errors import RuntimeException, runtime_error
            raise runtime_error(RuntimeException, "NativeCommandFailed",
                                f"Program '{self.name}' failed to run: {e}", "ResourceUnavailable")
        text = proc.stdout.decode("utf-8", "replace")
        for line in text.splitlines():
            self.out.append(line)
        if proc.stderr:
            self.ctx.host.stderr.write(proc.stderr.decode("utf-8", "replace"))
        self.ctx.global_scope.vars["lastexitcode"] = proc.returncode
        self.had_error = proc.returncode != 0
