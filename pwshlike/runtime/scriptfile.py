"""Script files as commands: ``./deploy.ps1 -Env prod``, ``& $path``, ``. ./lib.ps1``.

A ``.ps1`` path resolves to an :class:`ExternalScriptInfo` (pwsh's ExternalScript command
type).  Run by path, the script gets a new *script* scope (a child of the caller's
scope, so ``$script:x`` inside it is its own); dot-sourced, it runs in the caller's scope
and what it defines stays there.  ``exit`` in a script ends that script only: the code
becomes ``$LASTEXITCODE`` of the caller.
"""
from __future__ import annotations

import os

from ..providers.session import CommandInfo
from .commands import FunctionProcessor
from .context import ExitSignal, Scope

_COMPILED: dict[str, tuple[tuple, object]] = {}     # path -> ((mtime, size), ScriptBlockInfo)


class ExternalScriptInfo(CommandInfo):
    """A script file found by path or on PATH (``Get-Command ./x.ps1`` returns one)."""

    dotnet_fullname = "System.Management.Automation.ExternalScriptInfo"
    CommandType = "ExternalScript"

    def __init__(self, path: str) -> None:
        super().__init__(os.path.basename(path))
        self.path = path
        self.name = self.Name
        self.Path = path
        self.Source = path
        self.Definition = path

    def compile(self):
        """The script's compiled top level, recompiled when the file changes."""
        return compile_file(self.path)

    def _spec(self):
        from ..helpdocs.script_spec import function_spec, function_syntax
        spec = function_spec(self.Name, self.compile())
        return spec, function_syntax(spec), spec["advanced"]

    @property
    def ScriptBlock(self):
        from .scriptblock import ScriptBlock
        return ScriptBlock(self.compile())

    @property
    def ScriptContents(self) -> str:
        return read_script_text(self.path)

    def ToString(self) -> str:
        return self.path


def read_script_text(path: str) -> str:
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def compile_file(path: str):
    """Parse and compile a script file; a syntax error becomes a ParseException."""
    from .. import parse
    from ..compiler.codegen import compile_script
    from ..errors import ParseError
    try:
        st = os.stat(path)
    except OSError:
        raise _not_found(path) from None
    key = (st.st_mtime_ns, st.st_size)
    hit = _COMPILED.get(path)
    if hit is not None and hit[0] == key:
        return hit[1]
    text = read_script_text(path)
    try:
        ast = parse(text, path)
    except ParseError as e:
        raise parse_exception(e) from None
    info = compile_script(ast, text, path)
    _COMPILED[path] = (key, info)
    return info


def parse_exception(e):
    """A ParseError as the runtime error pwsh reports for a script that does not parse."""
    from ..errors import ParseException, runtime_error
    first = e.errors[0]
    exc = runtime_error(ParseException, first.error_id, first.message, "ParserError")
    exc.ps_extent = first.extent
    return exc


def _not_found(path: str):
    from ..errors import CommandNotFoundException, runtime_error
    return runtime_error(CommandNotFoundException, "CommandNotFoundException",
                         f"The term '{path}' is not recognized as a name of a cmdlet, function, "
                         "script file, or executable program.\nCheck the spelling of the name, or "
                         "if a path was included, verify that the path is correct and try again.",
                         "ObjectNotFound", path)


def _is_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.startswith((".", "~"))


def find_script(name: str, location: str) -> str | None:
    """The ``.ps1`` file a command name stands for: a path (``./x.ps1``, ``./x``) relative to
    the session location, or a ``.ps1`` file in a PATH folder."""
    low = name.lower()
    if _is_path(name):
        path = os.path.abspath(os.path.join(location, os.path.expanduser(
            name.replace("\\", "/") if os.sep == "/" else name)))
        if low.endswith(".ps1") and os.path.isfile(path):
            return path
        if not low.endswith(".ps1") and os.path.isfile(path + ".ps1"):
            return path + ".ps1"
        return None
    file = name if low.endswith(".ps1") else name + ".ps1"
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if folder:
            path = os.path.join(folder, file)
            if os.path.isfile(path):
                return path
    return None


class ScriptProcessor(FunctionProcessor):
    """Runs a script file: its param block binds the arguments, ``exit`` ends it."""

    def __init__(self, ctx, script: ExternalScriptInfo, caller: Scope, args, out, site,
                 dot_source: bool) -> None:
        info = script.compile()
        if info.ast.requirements is not None or info.ast.usings:
            from .requirements import prepare_script
            prepare_script(ctx, info.ast, script.path)
        self.script = script
        self.saved = None
        if dot_source:
            scope = caller
            self.saved = {k: caller.vars.get(k) for k in ("psscriptroot", "pscommandpath")}
        else:
            scope = Scope(caller, is_script=True)
        scope.vars["psscriptroot"] = os.path.dirname(script.path)
        scope.vars["pscommandpath"] = script.path
        super().__init__(ctx, info, scope, args, out, script.path, dot_source=True, site=site)
        self.exited = False
        self.had_error = False

    def _guard(self, fn, *a) -> None:
        if self.exited:
            return
        try:
            fn(*a)
        except ExitSignal as e:
            self.exited = True
            code = _exit_code(e.code)
            self.ctx.global_scope.vars["lastexitcode"] = code
            self.had_error = code != 0
            self._restore()

    def begin(self, pipeline_expected: bool) -> None:
        self._guard(super().begin, pipeline_expected)

    def process(self, item) -> None:
        self._guard(super().process, item)

    def end(self) -> None:
        try:
            self._guard(super().end)
        finally:
            self._restore()

    def _restore(self) -> None:
        if self.saved is not None:
            for k, v in self.saved.items():
                if v is None:
                    self.parent.vars.pop(k, None)
                else:
                    self.parent.vars[k] = v
            self.saved = None


def _exit_code(v) -> int:
    if v is None:
        return 0
    from ..errors import DotNetException
    from .types import to_int32
    try:
        return to_int32(v)
    except DotNetException:
        return 0
