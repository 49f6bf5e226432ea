"""The session: scopes, command table, streams and the public ``Engine`` API."""
from __future__ import annotations

import os
import sys

from . import PS_COMPATIBLE_VERSIONS, PS_VERSION
from .aliases import BUILTIN_FUNCTIONS, DEFAULT_ALIASES
from .errors import DotNetException, ErrorRecord, ParseError, ensure_error_record
from .runtime.context import MISSING, STRICT_SEEN, ExitSignal, FlowControl, Scope
from .runtime.convert import to_str
from .runtime.values import GenericList, Hashtable


class Host:
    """Where text goes: stdout for output, Write-Host and the warning/verbose/debug lines,
    stderr for errors; ``read_line`` reads prompt answers (``stdin`` may be any text stream,
    so prompts can be tested without a terminal)."""

    def __init__(self, stdout=None, stderr=None, interactive: bool = False, stdin=None,
                 no_input: bool = False) -> None:
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.stdin = stdin              # None: the process's stdin, looked up when read
        self.interactive = interactive
        self.no_input = no_input        # -NonInteractive: Read-Host and prompts fail
        self.width = 120

    def read_line(self, secret: bool = False) -> str | None:
        """One line of input without its line end (None at end of input).  A secret typed
        at a terminal is not echoed."""
        src = self.stdin if self.stdin is not None else sys.stdin
        try:
            self.stdout.flush()
        except (ValueError, OSError):
            pass
        if secret and self.stdin is None and src.isatty():
            import getpass
            try:
                return getpass.getpass("")
            except EOFError:
                return None
        line = src.readline()
        if not line:
            return None
        return line.removesuffix("\n").removesuffix("\r")

    @property
    def style(self):
        """``$PSStyle`` (made when first used: most scripts never touch it)."""
        style = self.__dict__.get("_style")
        if style is None:
            from .host.psstyle import PSStyle
            style = self._style = PSStyle()
        return style

    def write(self, text: str) -> None:
        if "\x1b" in text and not self.style.keeps_ansi(self.stdout):
            from .host.psstyle import strip_ansi
            text = strip_ansi(text)
        try:
            self.stdout.write(text)
        except BrokenPipeError:
            self._output_closed()

    def write_line(self, text: str = "") -> None:
        self.write(text + "\n")

    def _output_closed(self):
        """Point the closed stdout at /dev/null (so the final flush is quiet), then stop."""
        from .runtime.context import OutputClosed
        try:
            fd = self.stdout.fileno()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, fd)
            os.close(devnull)
        except (AttributeError, OSError, ValueError):
            pass
        raise OutputClosed

    def write_error_line(self, text: str) -> None:
        self.stderr.write(text + "\n")


class ExecutionContext:
    def __init__(self, host: Host | None = None, noninteractive: bool = True) -> None:
        self.host = host or Host()
        self.noninteractive = noninteractive
        self.global_scope = Scope(None)
        self.current_scope = self.global_scope
        self.last_ok = True
        self.should_exit_code = None      # $Host.SetShouldExit(n): the session's exit code
        self.catch_depth = 0      # enclosing try/catch and trap blocks now running
        self.depth = 0
        self.max_depth = 900
        self.aliases = {name.lower(): command for name, command, _ in DEFAULT_ALIASES}
        # alias key -> {"name", "options", "description", "module"}; rarely read
        self.alias_meta = {name.lower(): {"name": name, "options": options}
                           for name, _, options in DEFAULT_ALIASES}
        self.location = _initial_location()     # the FileSystem location ($PWD)
        self.location_stacks: dict[str, list] = {}
        self.default_stack = "default"
        self.location_history: list[str] = []   # Set-Location - / +
        self.location_future: list[str] = []
        self.modules: list = []                 # imported PSModuleInfo, in import order
        self.module_stack: list = []            # modules being loaded (Export-ModuleMember)
        self._cmdlets = None
        from .runtime.streams import DEFAULT_STREAMS
        self.streams = DEFAULT_STREAMS      # where the running command's other streams go
        self._init_variables()
        from .runtime import convert
        convert.OFS_SOURCE[0] = self._ofs
        if STRICT_SEEN[0]:
            # this thread's member and index reads now obey this session's strict mode
            from .runtime.strict import bind
            bind(self)

    def _ofs(self):
        v = self.current_scope.lookup("ofs")
        return None if v is MISSING else v

    # --- variables ------------------------------------------------------------------------------------
    def _init_variables(self) -> None:
        v = self.global_scope.vars
        v.update({
            "erroractionpreference": "Continue", "warningpreference": "Continue",
            "verbosepreference": "SilentlyContinue", "debugpreference": "SilentlyContinue",
            "informationpreference": "SilentlyContinue", "progresspreference": "Continue",
            "confirmpreference": "High", "whatifpreference": False,
            "errorview": "ConciseView", "ofs": " ", "formatenumerationlimit": 4,
            "maximumhistorycount": 4096, "nestedpromptlevel": 0,
            "error": GenericList(fullname="System.Collections.ArrayList"),
            "lastexitcode": None, "home": os.path.expanduser("~"), "pid": os.getpid(),
            "iscoreclr": True, "islinux": sys.platform.startswith("linux"),
            "ismacos": sys.platform == "darwin", "iswindows": sys.platform == "win32",
            "psculture": "en-US", "psuiculture": "en-US", "pshome": os.path.dirname(__file__),
            "psnativecommandargumentpassing": "Standard",
            "psversiontable": Hashtable([
                ("PSVersion", PS_VERSION), ("PSEdition", "Core"), ("GitCommitId", "pwshlike"),
                ("OS", _os_description()),
                ("Platform", "Unix" if os.name == "posix" else "Win32NT"),
                ("PSCompatibleVersions", list(PS_COMPATIBLE_VERSIONS)),
                ("PSRemotingProtocolVersion", "2.3"), ("SerializationVersion", "1.1.0.1"),
                ("WSManStackVersion", "3.0")], ordered=False),
        })

    def automatic_variable(self, name: str, S):
        if name == "pwd":
            from .providers import PathInfo
            return PathInfo(self.location)
        if name == "host":
            from .host.pshost import host_object
            return host_object(self)
        if name == "psstyle":
            return self.host.style
        if name == "executioncontext":
            return self
        return None

    def provider_get(self, drive: str, name: str):
        """``$alias:name`` and other drive-qualified variables (``$env:`` is compiled apart)."""
        from .providers import DRIVES
        from .providers.session import SESSION_DRIVES
        entry = DRIVES.get(drive.lower())
        if entry is None or entry[1] not in SESSION_DRIVES:
            return None
        d = SESSION_DRIVES[entry[1]]
        item = d.get(self, self.current_scope, name)
        return None if item is None else d.value_of(item)

    def set_alias(self, name: str, command: str, options: str = "None",
                  description: str = "", module: str = "") -> None:
        self.aliases[name.lower()] = command
        self.alias_meta[name.lower()] = {"name": name, "options": options,
                                         "description": description, "module": module}

    def provider_set(self, drive: str, name: str, value) -> None:
        from .errors import RuntimeException, runtime_error
        raise runtime_error(RuntimeException, "DriveNotFound",
                            f"Cannot find drive. A drive with the name '{drive}' does not exist.",
                            "ObjectNotFound", drive)

    def pref(self, name: str) -> str:
        v = self.current_scope.lookup(name)
        if v is MISSING:
            v = self.global_scope.vars.get(name)
        return to_str(v).lower()

    def error_action(self, proc) -> str:
        rt = getattr(proc, "runtime", None)
        if rt is not None:
            return rt.error_preference()
        return self.pref("erroractionpreference")

    # --- commands -----------------------------------------------------------------------------------------
    @property
    def cmdlets(self) -> dict:
        if self._cmdlets is None:
            from .binding.specs import list_spec_names
            from .runtime.cmdlet_processor import CmdletInfo
            self._cmdlets = {n.lower(): CmdletInfo(n) for n in list_spec_names()}
        return self._cmdlets

    def define_function(self, S, name: str, info) -> None:
        module = getattr(S.script, "module", None)
        if module is not None:
            # defined by a module's code: it runs in the module's scope wherever it is called
            info.module = module
            info.module_scope = module.scope
        low = name.lower()
        for prefix in ("global:", "script:", "local:", "private:"):
            if low.startswith(prefix):
                target = self.global_scope if prefix == "global:" else (
                    S.script if prefix == "script:" else S)
                target.define_function(name[len(prefix):], info)
                return
        S.define_function(name, info)

    def define_function_value(self, S, name: str, value) -> None:
        from .runtime.scriptblock import ScriptBlock
        if isinstance(value, ScriptBlock):
            S.define_function(name, value.info)

    def resolve_command(self, name: str, S):
        low = name.lower()
        seen = 0
        while low in self.aliases and seen < 10:
            low = self.aliases[low].lower()
            seen += 1
        fn = S.functions.get(low)
        if fn is None and low in _BUILTIN_FUNCTION_KEYS:
            fn = self._builtin_function(low)
        if fn is not None:
            return ("function", fn, name)
        info = self.cmdlets.get(low)
        if info is not None:
            return ("cmdlet", info, info.name)
        if "\\" in low and low.split("\\")[-1] in self.cmdlets:
            info = self.cmdlets[low.split("\\")[-1]]
            return ("cmdlet", info, info.name)
        from .runtime.native import find_native
        from .runtime.scriptfile import ExternalScriptInfo, find_script
        if low.endswith(".ps1"):
            script = find_script(name, self.location)
            if script is not None:
                return ("script", ExternalScriptInfo(script), name)
        path = find_native(name, self.location)
        if path is not None:
            return ("native", path, name)
        script = find_script(name, self.location)
        if script is not None:
            return ("script", ExternalScriptInfo(script), name)
        return None

    def _builtin_function(self, low: str):
        """Compile a default function (``help``, ``cd..``) on first use into the global scope."""
        from . import parse
        from .compiler.codegen import compile_script
        name = _BUILTIN_FUNCTION_KEYS[low]
        text = BUILTIN_FUNCTIONS[name]
        info = compile_script(parse(text), text, None)
        info.name = name
        self.global_scope.define_function(name, info)
        return info

    def processor_for(self, resolved, S, args, out, site, dot: bool):
        from .runtime.cmdlet_processor import CmdletInfo, CmdletProcessor
        from .runtime.commands import FunctionProcessor
        if isinstance(resolved, CmdletInfo):
            resolved = ("cmdlet", resolved, resolved.name)
        elif not isinstance(resolved, tuple):
            resolved = self._as_resolved(resolved, S)
        kind, target, name = resolved
        if kind == "function":
            # a module's function runs in its module's scope, not its caller's
            parent = getattr(target, "module_scope", None) or S
            return FunctionProcessor(self, target, parent, args, out, target.name or name, dot,
                                     site)
        if kind == "cmdlet":
            return CmdletProcessor(self, target, S, args, out, site)
        if kind == "script":
            from .runtime.scriptfile import ScriptProcessor
            return ScriptProcessor(self, target, S, args, out, site, dot)
        from .runtime.native import NativeProcessor
        return NativeProcessor(self, target, name, S, args, out, site)

    def _as_resolved(self, info, S) -> tuple:
        """A CommandInfo value (``& (Get-Command x)``) as resolve_command's (kind, target,
        name)."""
        kind = getattr(info, "CommandType", "")
        if kind == "Alias":
            return self.resolve_command(info.Definition, S) or ("function", None, info.Name)
        if kind == "Cmdlet":
            return ("cmdlet", info.info, info.Name)
        if kind == "Application":
            return ("native", info.Path, info.Name)
        if kind == "ExternalScript":
            return ("script", info, info.Name)
        return ("function", info.info, info.Name)

    def resolve_path(self, path: str) -> str:
        """A FileSystem path made absolute against the session location (not the process
        working folder: Set-Location changes only the session's)."""
        from .providers import fs_full_path
        return fs_full_path(self.location, path)

    def can_prompt(self) -> bool:
        return not self.noninteractive and self.host.interactive

    def should_process(self, proc, args) -> bool:
        """Older entry point: ShouldProcess(target[, action]) for a processor."""
        rt = getattr(proc, "runtime", None)
        if rt is None:
            return True
        target = args[0] if args else ""
        action = args[1] if len(args) > 1 and args[1] else None
        return rt.should_process(rt.should_process_message(target, action))[0]

    # --- streams and errors -----------------------------------------------------------------------------
    def record_error(self, rec: ErrorRecord) -> None:
        errors = self.global_scope.vars.get("error")
        if isinstance(errors, list):
            if errors and errors[0] is rec:
                return
            errors.insert(0, rec)
            del errors[256:]

    def write_error_record(self, rec: ErrorRecord) -> None:
        from .host.errorview import render_error
        try:
            self.host.stdout.flush()
        except (ValueError, OSError):
            pass
        self.host.stderr.write(render_error(rec, self.pref("errorview")) + "\n")

    def write_stream(self, stream: str, text, proc=None) -> None:
        """Write a warning/verbose/debug/information message for ``proc`` (or the current
        scope's preferences when there is no command)."""
        rt = getattr(proc, "runtime", None)
        if rt is None:
            from .runtime.command_runtime import CommandRuntime

            class _Anon:
                name = ""
                site = None
                had_error = False
                streams = self.streams
            rt = CommandRuntime(self, _Anon(), None, self.current_scope)
        {"warning": rt.write_warning, "verbose": rt.write_verbose, "debug": rt.write_debug,
         "information": rt.write_information}[stream](text)


class Engine:
    """Run PowerShell scripts from Python: ``Engine().invoke("1 + 1")`` → ``[2]``."""

    def __init__(self, host: Host | None = None, noninteractive: bool = True) -> None:
        self.ctx = ExecutionContext(host, noninteractive)

    def invoke(self, script: str, **variables) -> list:
        """Run ``script`` and return its output objects (raises on a terminating error)."""
        from . import parse
        from .compiler.codegen import compile_script
        return self.run_compiled(compile_script(parse(script), script, None), **variables)

    def run_compiled(self, info, **variables) -> list:
        """Run a compiled top-level script block in the global scope; errors reach the
        caller as from inside a ``try``."""
        from .runtime.invoke import run_block
        S = self.ctx.global_scope
        for k, v in variables.items():
            S.vars[k.lower()] = v
        out: list = []
        prev = self.ctx.current_scope
        self.ctx.current_scope = S
        self.ctx.catch_depth += 1
        try:
            run_block(self.ctx, info.end, S, out)
        finally:
            self.ctx.current_scope = prev
            self.ctx.catch_depth -= 1
        return out

    def run_text(self, text: str, filename: str | None = None, args=None,
                 dot_source: bool = True) -> int:
        """Run a script as the CLI does: output to the host, errors rendered; returns exit code."""
        return self._run_text(text, filename, args, dot_source)[0]

    def run_prompt_input(self, text: str) -> int | None:
        """Run one input of the interactive prompt in the global scope.

        Returns the exit code when the input ran ``exit`` (the session ends), else None:
        unlike a script, an error at the prompt does not end the session."""
        code, exited = self._run_text(text, None, None, True)
        return code if exited else None

    def _run_text(self, text: str, filename: str | None, args,
                  dot_source: bool) -> tuple[int, bool]:
        """Returns (exit code, whether ``exit`` ran)."""
        from . import parse
        from .compiler.codegen import compile_script
        from .host.output import OutDefault
        ctx = self.ctx
        try:
            ast = parse(text, filename)
        except ParseError as e:
            from .host.errorview import render_parse_error
            ctx.host.stderr.write(render_parse_error(e) + "\n")
            return 1, False
        info = compile_script(ast, text, filename)
        if ast.requirements is not None or ast.usings:
            from .runtime.requirements import prepare_script
            try:
                prepare_script(ctx, ast, filename)
            except DotNetException as e:
                rec = ensure_error_record(e, None)
                ctx.record_error(rec)
                from .host.errorview import render_error
                ctx.host.stderr.write(render_error(rec, ctx.pref("errorview")) + "\n")
                return 1, False
        S = ctx.global_scope if dot_source else Scope(ctx.global_scope, is_script=True)
        if filename:
            S.vars["pscommandpath"] = os.path.abspath(filename)
            S.vars["psscriptroot"] = os.path.dirname(os.path.abspath(filename))
        out = OutDefault(ctx)
        from .runtime.commands import FunctionProcessor
        # the script runs in S itself (the global scope, or its own script scope), so that
        # $script:x names the variables it sets
        proc = FunctionProcessor(ctx, info, S, script_arguments(args or []), out,
                                 os.path.basename(filename) if filename else "<script>",
                                 dot_source=True)
        code = 0
        exited = False
        try:
            try:
                proc.begin(False)
                proc.end()
            finally:
                out.flush()
        except ExitSignal as e:
            code = _exit_code(e.code)
            exited = True
        except Exception as e:  # noqa: BLE001 - no Python traceback may reach the user
            from .host.errorview import render_error
            from .runtime.helpers import as_ps_error
            from .runtime.scriptblock import extent_from_traceback
            tb = e.__traceback__
            e = as_ps_error(ctx, e)
            ext = getattr(e, "ps_extent", None) or extent_from_traceback(tb)
            rec = ensure_error_record(e, ext)
            ctx.record_error(rec)
            ctx.host.stderr.write(render_error(rec, ctx.pref("errorview")) + "\n")
            code = 1
        except FlowControl:
            code = 0
        except RecursionError:
            ctx.host.stderr.write("The script failed due to call depth overflow.\n")
            code = 1
        if code == 0 and not ctx.last_ok and filename is None:
            code = 1
        if ctx.should_exit_code is not None and not exited:
            # $Host.SetShouldExit(n): the session ends with n (at a prompt too) once this ends
            code, exited = ctx.should_exit_code, True
        return code, exited


_BUILTIN_FUNCTION_KEYS = {k.lower(): k for k in BUILTIN_FUNCTIONS}


def _initial_location() -> str:
    try:
        return os.getcwd()
    except OSError:      # the folder we started in was removed
        return os.path.expanduser("~")


def script_arguments(args: list[str]) -> list[tuple]:
    """``pwsh -File script.ps1 -Name value -Switch:$false rest``: words that look like
    parameters bind by name, as they would in a command; ``$true``/``$false`` after a colon
    are booleans (pwsh's one conversion for -File arguments); the rest are strings."""
    if not args:
        return []
    import re

    from .runtime.helpers import ENDPARAMS, NOARG
    out: list[tuple] = []
    ended = False
    for a in args:
        m = None if ended else re.fullmatch(r"-([A-Za-z_][\w-]*)(:(.*))?", a, re.DOTALL)
        if a == "--" and not ended:
            ended = True
            out.append((ENDPARAMS, None, None))
        elif m is None:
            out.append((None, a, a))
        elif m.group(2) is None:
            out.append((m.group(1), NOARG, a))
        else:
            value = m.group(3)
            out.append((m.group(1), {"$true": True, "$false": False}.get(value.lower(), value), a))
    return out


def _os_description() -> str:
    """``$PSVersionTable.OS``: system name and release (os.uname avoids importing platform)."""
    if hasattr(os, "uname"):
        u = os.uname()
        return f"{u.sysname} {u.release}"
    import platform
    return f"{platform.system()} {platform.release()}"


def _exit_code(v) -> int:
    if v is None:
        return 0
    try:
        from .runtime.types import to_int32
        return to_int32(v) & 0xFF if os.name == "posix" else to_int32(v)
    except DotNetException:
        return 0
