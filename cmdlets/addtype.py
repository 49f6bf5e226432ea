"""Add-Type: pwshlike cannot compile C# or load .NET assemblies, but scripts name the
assemblies whose types it already provides (``Add-Type -AssemblyName System.Web``) and
those names succeed.

Every failure follows pwsh's order of checks and is a terminating error record of the
command: an unknown assembly name is pwsh's own ``PathNotFound`` (it looks for
``<name>.dll`` in the current location), an assembly file that exists is
``ErrorLoadingAssembly``, source code is ``CannotDefineNewType``.
"""
from __future__ import annotations

import os

from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime.convert import to_str

from ._session import exc

# Assemblies whose types pwshlike provides (or that scripts load before using only such
# types), by simple name, lower case.  Data: extend it as pwshlike grows new .NET types.
KNOWN_ASSEMBLIES = frozenset(name.lower() for name in (
    "mscorlib", "netstandard", "System", "System.Core", "System.Runtime",
    "System.Runtime.Extensions", "System.Collections", "System.Collections.Specialized",
    "System.Linq", "System.Console", "System.Globalization", "System.IO", "System.IO.FileSystem",
    "System.Numerics", "System.Runtime.Numerics", "System.Text.Encoding",
    "System.Text.Encoding.Extensions", "System.Text.RegularExpressions", "System.Threading",
    "System.Threading.Thread", "System.Web", "System.Web.HttpUtility", "System.Net",
    "System.Net.Http", "System.Net.Primitives", "System.Net.NameResolution",
    "System.Net.ServicePoint", "System.Security", "System.Security.Cryptography",
    "System.Security.Cryptography.Algorithms", "System.Security.Cryptography.Csp",
    "System.Security.Cryptography.Primitives", "System.Security.Cryptography.X509Certificates",
    "System.Management.Automation", "Microsoft.PowerShell.Commands.Utility",
    "Microsoft.PowerShell.Commands.Management", "Microsoft.PowerShell.Security",
))

# pwsh's messages (AddTypeStrings.resx, ParserStrings.resx), then pwshlike's own
ASSEMBLY_TYPE_NOT_SUPPORTED = ("Both the assembly types 'ConsoleApplication' and "
                               "'WindowsApplication' are not currently supported.")
OUTPUT_TYPE_REQUIRES_ASSEMBLY = ("Cannot add type. The OutputType parameter requires that the "
                                 "OutputAssembly parameter be specified.")
EXTENSION_NOT_SUPPORTED = 'Cannot add type. The "{0}" extension is not supported.'
MULTIPLE_EXTENSIONS = "Cannot add type. Input files must all have the same file extension."
CANNOT_LOAD = "Cannot load assembly '{0}'. pwshlike cannot load .NET assemblies."
CANNOT_COMPILE = ("Cannot add type. pwshlike cannot compile .NET source code; only the "
                  "assemblies whose types it provides can be named with -AssemblyName.")
PATH_NOT_FOUND = "Cannot find path '{0}' because it does not exist."


def simple_name(assembly: str) -> str:
    """``System.Web, Version=4.0.0.0, ...`` -> ``System.Web`` (an AssemblyName's Name)."""
    return assembly.split(",", 1)[0].strip()


class AddTypeCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.AddTypeCommand"

    def begin_processing(self) -> None:
        if self.is_bound("OutputType") and str(self.OutputType) != "Library":
            self._fail(ASSEMBLY_TYPE_NOT_SUPPORTED, "AssemblyTypeNotSupported", "NotImplemented",
                       self.OutputType, "PSNotSupportedException")

    def end_processing(self) -> None:
        if self.is_bound("OutputType") and not self.OutputAssembly:
            self._fail(OUTPUT_TYPE_REQUIRES_ASSEMBLY, "OUTPUTTYPE_REQUIRES_ASSEMBLY",
                       "InvalidArgument", self.OutputType, "System.Exception")
        name = self.parameter_set_name
        if name == "FromAssemblyName":
            for assembly in self.AssemblyName or []:
                self._load_by_name(to_str(assembly))
        elif name in ("FromPath", "FromLiteralPath"):
            paths = self._files(name == "FromLiteralPath")
            if paths and paths[0].lower().endswith(".dll"):
                self._fail(CANNOT_LOAD.format(paths[0]), "ErrorLoadingAssembly",
                           "InvalidOperation", paths[0], "System.Exception")
            self._cannot_compile()
        else:
            self._cannot_compile()

    # --- assemblies -------------------------------------------------------------------------
    def _load_by_name(self, assembly: str) -> None:
        """What pwsh's LoadAssemblies does for one name, with our known names in place of
        the runtime's assemblies."""
        if "/" in assembly or "\\" in assembly:
            path = self.ctx.resolve_path(assembly)
            if not os.path.exists(path):
                self._fail(f"Cannot load assembly '{assembly}'.", "ErrorLoadingAssembly",
                           "InvalidOperation", assembly, "System.Exception")
            self._fail(CANNOT_LOAD.format(path), "ErrorLoadingAssembly", "InvalidOperation",
                       assembly, "System.Exception")
        if simple_name(assembly).lower() in KNOWN_ASSEMBLIES:
            return
        dll = assembly if assembly.lower().endswith(".dll") else simple_name(assembly) + ".dll"
        path = self.ctx.resolve_path(dll)
        if not os.path.isfile(path):
            self._fail(PATH_NOT_FOUND.format(path), "PathNotFound", "ObjectNotFound", path,
                       "ItemNotFoundException")
        self._fail(CANNOT_LOAD.format(path), "ErrorLoadingAssembly", "InvalidOperation",
                   assembly, "System.Exception")

    # --- files and source -------------------------------------------------------------------
    def _files(self, literal: bool) -> list[str]:
        """-Path/-LiteralPath resolved, with pwsh's extension checks (.cs or .dll, one kind)."""
        from pwshlike.providers import has_wildcard, unescape
        from pwshlike.providers.resolve import glob_fs
        paths: list[str] = []
        for p in (self.LiteralPath if literal else self.Path) or []:
            full = self.ctx.resolve_path(to_str(p))
            if not literal and has_wildcard(full):
                found = glob_fs(full)
                paths.extend(found or [full])
                continue
            full = full if literal else unescape(full)
            if not os.path.exists(full):
                self._fail(PATH_NOT_FOUND.format(full), "PathNotFound", "ObjectNotFound", full,
                           "ItemNotFoundException")
            paths.append(full)
        kinds = set()
        for path in paths:
            ext = os.path.splitext(path)[1].upper()
            if ext not in (".CS", ".DLL"):
                self._fail(EXTENSION_NOT_SUPPORTED.format(ext), "EXTENSION_NOT_SUPPORTED",
                           "InvalidArgument", ext, "System.Exception")
            kinds.add(ext)
            if len(kinds) > 1:
                self._fail(MULTIPLE_EXTENSIONS, "MULTIPLE_EXTENSION_NOT_SUPPORTED",
                           "InvalidArgument", ext, "System.Exception")
        return paths

    def _cannot_compile(self) -> None:
        self._fail(CANNOT_COMPILE, "CannotDefineNewType", "NotImplemented", None,
                   "PSNotSupportedException")

    def _fail(self, message: str, error_id: str, category: str, target, exception: str):
        self.throw_terminating_error(self.error_record(message, error_id, category, target,
                                                       exc(exception)))
