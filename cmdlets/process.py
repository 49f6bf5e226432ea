"""Start-Process and Get-Process, as pwsh runs them on Linux.

Start-Process follows pwsh's Unix code path: the arguments are joined with spaces and split
again by .NET's rules (:func:`split_arguments`), a program that is not found is handed to
``xdg-open`` when nothing else was asked of it, and redirected output is copied line by line,
dropping empty lines (pwsh's data-received handlers skip them).  Get-Process lists /proc.
The Process objects are :class:`cmdlets._procinfo.Process`.
"""
from __future__ import annotations

import os
import threading

from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime.convert import to_str

from . import _procinfo as P
from ._session import as_list, exc, has_wildcard, wildcard

# ProcessResources.resx
INVALID_INPUT = ('This command cannot be run because either the parameter "{0}" has a value '
                 "that is not valid or cannot be used with this command. Give a valid input and "
                 "Run your command again.")
DUPLICATE_ENTRY = ('This command cannot be run because "{0}" and "{1}" are same. Give different '
                   "inputs and Run your command again.")
NOT_ON_THIS_EDITION = ("The parameter '{0}' is not supported for the cmdlet '{1}' on this edition "
                       "of PowerShell.")
INVALID_START = "This command cannot be run due to the error: {0}"
START_ERROR = "An error occurred trying to start process '{0}' with working directory '{1}'. {2}"
NO_NAME = 'Cannot find a process with the name "{0}". Verify the process name and call the cmdlet again.'
NO_NAME_USE_ID = ('Cannot find a process with the name "{0}". Try running with -Id to search by '
                  "Id of processes.")
NO_ID = "Cannot find a process with the process identifier {0}."
NO_MODULES = 'Cannot enumerate the modules of the "{0}" process.'
NO_FILE_VERSION = 'Cannot enumerate the file version information of the "{0}" process.'
NO_MODULES_OR_VERSION = ('Cannot enumerate the modules and the file version information of the '
                         '"{0}" process.')

# the parameters that put Start-Process in its Default set (no ShellExecute)
DEFAULT_SET_PARAMETERS = ("Credential", "LoadUserProfile", "NoNewWindow", "RedirectStandardError",
                          "RedirectStandardInput", "RedirectStandardOutput", "UseNewEnvironment",
                          "Environment")


def split_arguments(text: str) -> list[str]:
    """.NET's ParseArgumentsIntoList (Process.Unix): split on spaces and tabs outside double
    quotes; ``\\"`` is a literal quote, backslashes before a quote pair up, ``""`` inside
    quotes is a quote."""
    args: list[str] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i] in " \t":
            i += 1
        if i == n:
            break
        current: list[str] = []
        in_quotes = False
        while i < n:
            backslashes = 0
            while i < n and text[i] == "\\":
                i += 1
                backslashes += 1
            if backslashes:
                if i >= n or text[i] != '"':
                    current.append("\\" * backslashes)
                else:
                    current.append("\\" * (backslashes // 2))
                    if backslashes % 2:
                        current.append('"')
                        i += 1
                continue
            c = text[i]
            if c == '"':
                if in_quotes and i + 1 < n and text[i + 1] == '"':
                    current.append('"')
                    i += 1
                else:
                    in_quotes = not in_quotes
                i += 1
                continue
            if c in " \t" and not in_quotes:
                break
            current.append(c)
            i += 1
        args.append("".join(current))
    return args


def _copy_lines(source, path: str) -> None:
    """pwsh's Unix output handlers: each non-empty line, then a line end, flushed."""
    with open(path, "a", encoding="utf-8", newline="\n") as out:
        for line in source:
            line = line.rstrip("\n")
            if line:
                out.write(line + "\n")
                out.flush()
    source.close()


def _feed_input(stdin, text: str) -> None:
    """-RedirectStandardInput: the whole file and a line end, then end of input."""
    try:
        stdin.write(text + "\n")
        stdin.close()
    except (BrokenPipeError, OSError):
        pass


class StartProcessCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.StartProcessCommand"

    def end_processing(self) -> None:
        # pwsh does all of this in BeginProcessing (there is no pipeline input)
        for name in ("Verb", "WindowStyle"):
            if self.is_bound(name):
                self._fail(NOT_ON_THIS_EDITION.format("-" + name, "Start-Process"),
                           "NotSupportedException", "NotImplemented",
                           "System.NotSupportedException")
        if self.is_bound("Credential"):
            self._fail(NOT_ON_THIS_EDITION.format("-Credential", "Start-Process"),
                       "NotSupportedException", "NotImplemented", "System.NotSupportedException")
        from pwshlike.runtime.native import find_native
        file_path = to_str(self.FilePath)
        program = find_native(file_path, self.ctx.location)
        args = " ".join(to_str(a) for a in self.ArgumentList) if self.ArgumentList else ""
        shell_execute = program is None and self.ArgumentList is None and not any(
            self.is_bound(p) for p in DEFAULT_SET_PARAMETERS)
        cwd = self._working_directory()
        if cwd is False:
            return
        redirects = self._redirections()
        if redirects is None:
            return
        target = f"{program or file_path} {args.strip()}"
        if not self.should_process(target):
            return
        if shell_execute:
            popen, copying = self._open_with_desktop(file_path, cwd), []
        else:
            popen, copying = self._start([program or file_path, *split_arguments(args)], cwd,
                                         redirects)
        if self.PassThru:
            self.write_object(P.Process(popen.pid, popen))
        if self.Wait:
            popen.wait()
            for t in copying:       # the redirected output is complete when -Wait returns
                t.join()

    # --- checks -------------------------------------------------------------------------------
    def _working_directory(self):
        """The folder to start in: -WorkingDirectory (an error, and False, if it is not a
        folder) or the session location while it exists."""
        if self.WorkingDirectory is not None:
            path = self.ctx.resolve_path(to_str(self.WorkingDirectory))
            if not os.path.isdir(path):
                self.write_error(self.error_record(
                    INVALID_INPUT.format("WorkingDirectory"), "DirectoryNotFoundException",
                    "InvalidOperation", None, exc("System.IO.DirectoryNotFoundException")))
                return False
            return path
        return self.ctx.location if os.path.isdir(self.ctx.location) else None

    def _redirections(self) -> dict | None:
        """The resolved -RedirectStandard* paths, or None after writing pwsh's error."""
        paths = {}
        for stream in ("Input", "Output", "Error"):
            value = getattr(self, "RedirectStandard" + stream)
            if value is not None:
                paths[stream] = self.ctx.resolve_path(to_str(value))
        if "Input" in paths and not os.path.isfile(paths["Input"]):
            self.write_error(self.error_record(
                INVALID_INPUT.format(f"RedirectStandardInput '{to_str(self.RedirectStandardInput)}'"),
                "FileNotFoundException", "InvalidOperation", None,
                exc("System.IO.FileNotFoundException")))
            return None
        for a, b in (("Input", "Output"), ("Input", "Error"), ("Output", "Error")):
            if a in paths and b in paths and paths[a].lower() == paths[b].lower():
                self.write_error(self.error_record(
                    DUPLICATE_ENTRY.format("RedirectStandard" + a, "RedirectStandard" + b),
                    "InvalidOperationException", "InvalidOperation", None,
                    exc("System.InvalidOperationException")))
                return None
        return paths

    # --- starting -----------------------------------------------------------------------------
    def _environment(self) -> dict:
        """The child's environment: ours (none with -UseNewEnvironment, as the machine and user
        variables .NET would load exist only on Windows), then -Environment; $null removes."""
        env = {} if self.UseNewEnvironment else dict(os.environ)
        if self.Environment is not None:
            for key, value in self.Environment.items():
                name = to_str(key)
                env.pop(name, None)
                if value is not None:
                    env[name] = to_str(value)
        return env

    def _start(self, argv: list[str], cwd, redirects: dict):
        """Run the program (the redirections copied by threads, which it returns too)."""
        import subprocess
        self._flush_console()
        streams = {}
        for stream in ("Output", "Error"):
            if stream in redirects:
                open(redirects[stream], "w").close()     # FileMode.Create, before the start
                streams[stream] = subprocess.PIPE
        try:
            popen = subprocess.Popen(
                argv, cwd=cwd, env=self._environment(),
                stdin=subprocess.PIPE if "Input" in redirects else None,
                stdout=streams.get("Output"), stderr=streams.get("Error"),
                text=True, encoding="utf-8", errors="replace")
        except OSError as e:
            # an exception pwsh does not catch: its type name is the error id
            self._fail(START_ERROR.format(argv[0], cwd or "", e.strerror or str(e)),
                       "System.ComponentModel.Win32Exception", "NotSpecified",
                       "System.ComponentModel.Win32Exception")
        pumps = []
        for stream, source in (("Output", popen.stdout), ("Error", popen.stderr)):
            if source is not None:
                pumps.append(threading.Thread(target=_copy_lines, args=(source, redirects[stream]),
                                              daemon=True, name=f"Start-Process {stream}"))
        if "Input" in redirects:
            with open(redirects["Input"], encoding="utf-8-sig") as f:
                text = f.read()
            pumps.append(threading.Thread(target=_feed_input, args=(popen.stdin, text),
                                          daemon=True, name="Start-Process Input"))
        for t in pumps:
            t.start()
        return popen, pumps

    def _open_with_desktop(self, file_path: str, cwd):
        """ShellExecute on Linux: .NET opens what is not a program with ``xdg-open``."""
        import shutil
        import subprocess
        opener = shutil.which("xdg-open")
        if opener is None:
            message = START_ERROR.format(file_path, cwd or "", "No such file or directory")
            self._fail(INVALID_START.format(message), "InvalidOperationException",
                       "InvalidOperation", "System.InvalidOperationException")
        self._flush_console()
        return subprocess.Popen([opener, file_path], cwd=cwd)

    def _flush_console(self) -> None:
        """Output written so far goes out before the child's own."""
        try:
            self.ctx.host.stdout.flush()
        except (AttributeError, OSError, ValueError):
            pass

    def _fail(self, message: str, error_id: str, category: str, exception: str):
        self.throw_terminating_error(self.error_record(message, error_id, category, None,
                                                       exc(exception)))


class ProcessWithUserName(P.Process):
    """What -IncludeUserName writes: the process with a ``UserName`` note property."""

    PROPERTIES = ("UserName", *P.Process.PROPERTIES)

    @staticmethod
    def ps_table_view():
        return P.user_name_view()

    @property
    def UserName(self) -> str | None:
        try:
            import pwd
            return pwd.getpwuid(os.stat(f"{P.PROC}/{self.Id}").st_uid).pw_name
        except (OSError, KeyError):
            return None


class GetProcessCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetProcessCommand"

    def process_record(self) -> None:
        name = self.parameter_set_name
        if name.startswith("Id"):
            found = self._by_id()
        elif name.startswith("InputObject"):
            found = [p for p in (self.InputObject or []) if isinstance(p, P.Process)]
        else:
            found = self._by_name()
        seen = set()
        unique = []
        for p in found:
            key = (p.ProcessName, p.Id)
            if key not in seen:
                seen.add(key)
                unique.append(p)
        unique.sort(key=lambda p: (p.ProcessName.upper(), p.Id))   # OrdinalIgnoreCase
        for p in unique:
            self._write(p)

    def _by_name(self) -> list:
        everything = P.processes()
        if self.Name is None:
            return everything
        found = []
        for pattern in as_list(self.Name):
            rx = wildcard(pattern)
            matches = [p for p in everything if rx.fullmatch(p.ProcessName)]
            found.extend(matches)
            if not matches and not has_wildcard(pattern):
                use_id = pattern.isdigit()
                self._not_found(NO_NAME_USE_ID if use_id else NO_NAME, pattern,
                                "RecommendIdTagForGivenName" if use_id else
                                "NoProcessFoundForGivenName", pattern)
        return found

    def _by_id(self) -> list:
        found = []
        for pid in self.Id or []:
            pid = int(pid)
            p = P.Process(pid)
            if pid <= 0 or not p.ProcessName:
                self._not_found(NO_ID, pid, "NoProcessFoundForGivenId", pid)
                continue
            found.append(p)
        return found

    def _write(self, p) -> None:
        if self.Module or self.FileVersionInfo:
            # pwshlike reads no module lists or file versions: pwsh's error when it cannot
            if self.Module and self.FileVersionInfo:
                message, error_id = NO_MODULES_OR_VERSION, "CouldNotEnumerateModuleFileVer"
            elif self.Module:
                message, error_id = NO_MODULES, "CouldNotEnumerateModules"
            else:
                message, error_id = NO_FILE_VERSION, "CouldNotEnumerateFileVer"
            self.write_error(self.error_record(message.format(p.ProcessName), error_id,
                                               "PermissionDenied", p,
                                               exc("ProcessCommandException")))
            return
        if self.IncludeUserName:
            p = ProcessWithUserName(p.Id)
        self.write_object(p)

    def _not_found(self, template: str, value, error_id: str, target) -> None:
        self.write_error(self.error_record(template.format(value), error_id, "ObjectNotFound",
                                           target, exc("ProcessCommandException")))
