"""Types the session cmdlets bind to and scripts name ([pscredential], [securestring],
ScopedItemOptions, TestPathType, CommandTypes ...), made on first lookup.

``runtime.types.lookup_type`` falls back here, so none of this is imported at start-up.
"""
from __future__ import annotations

_MADE: dict = {}


def _identity_type(fullname: str, check=None):
    from .runtime.types import PSType
    return PSType(fullname, check=check, convert=lambda v: v)


def _enum(fullname: str, members: dict, flags: bool = False):
    from .runtime.dotnet.enums import define_enum
    return define_enum(fullname, members, flags)


def _securestring():
    from .runtime.types import PSType
    from .security import SecureString

    def convert(v):
        # like pwsh, the message names the value's type only: it may be a secret
        if isinstance(v, SecureString) or v is None:
            return v
        from .errors import PSInvalidCastException, runtime_error
        from .runtime.typenames import type_name_of
        tn = type_name_of(v)
        raise runtime_error(PSInvalidCastException, "ConvertToFinalInvalidCastException",
                            f'Cannot convert the "{tn}" value of type "{tn}" to type '
                            '"System.Security.SecureString".', "InvalidArgument")
    return PSType("System.Security.SecureString", check=lambda v: isinstance(v, SecureString),
                  convert=convert, ctor=lambda *a: SecureString())


def _pscredential():
    from .runtime.types import PSType, cast_error
    from .security import PSCredential

    def convert(v):
        if isinstance(v, PSCredential):
            return v
        raise cast_error(v, t)
    t = PSType("System.Management.Automation.PSCredential",
               check=lambda v: isinstance(v, PSCredential), convert=convert,
               ctor=lambda user, password: PSCredential(user, password))
    return t


def _x509certificate2():
    from .runtime.types import PSType, cast_error
    from .x509 import FULLNAME, CertificateLoadError, X509Certificate2, load_certificate

    def convert(v):
        if isinstance(v, X509Certificate2):
            return v
        if isinstance(v, str):      # pwsh converts a path through the (string) constructor
            try:
                with open(v, "rb") as f:
                    return load_certificate(f.read())
            except (OSError, CertificateLoadError):
                pass
        raise cast_error(v, t)
    t = PSType(FULLNAME, check=lambda v: isinstance(v, X509Certificate2), convert=convert)
    return t


def _nullable_datetime():
    from .runtime.types import PSType, to_datetime
    return PSType("System.Nullable`1[[System.DateTime]]",
                  convert=lambda v: None if v is None else to_datetime(v))


_FACTORIES = {
    "system.security.securestring": _securestring,
    "securestring": _securestring,
    "system.management.automation.pscredential": _pscredential,
    "pscredential": _pscredential,
    "system.management.automation.scopeditemoptions": lambda: _enum(
        "System.Management.Automation.ScopedItemOptions",
        {"None": 0, "ReadOnly": 1, "Constant": 2, "Private": 4, "AllScope": 8,
         "Unspecified": 16}, flags=True),
    "system.management.automation.sessionstateentryvisibility": lambda: _enum(
        "System.Management.Automation.SessionStateEntryVisibility",
        {"Public": 0, "Private": 1}),
    "microsoft.powershell.commands.testpathtype": lambda: _enum(
        "Microsoft.PowerShell.Commands.TestPathType", {"Any": 0, "Container": 1, "Leaf": 2}),
    "system.management.automation.commandtypes": lambda: _enum(
        "System.Management.Automation.CommandTypes",
        {"Alias": 1, "Function": 2, "Filter": 4, "Cmdlet": 8, "ExternalScript": 16,
         "Application": 32, "Script": 64, "Configuration": 256, "All": 383}, flags=True),
    "microsoft.powershell.executionpolicy": lambda: _enum(
        "Microsoft.PowerShell.ExecutionPolicy",
        {"Unrestricted": 0, "RemoteSigned": 1, "AllSigned": 2, "Restricted": 3, "Bypass": 4,
         "Undefined": 5, "Default": 3}),
    "microsoft.powershell.executionpolicyscope": lambda: _enum(
        "Microsoft.PowerShell.ExecutionPolicyScope",
        {"Process": 0, "CurrentUser": 1, "LocalMachine": 2, "UserPolicy": 3,
         "MachinePolicy": 4}),
    "microsoft.powershell.commands.language": lambda: _enum(
        "Microsoft.PowerShell.Commands.Language", {"CSharp": 0}),
    "microsoft.powershell.commands.outputassemblytype": lambda: _enum(
        "Microsoft.PowerShell.Commands.OutputAssemblyType",
        {"Library": 0, "ConsoleApplication": 1, "WindowsApplication": 2}),
    "system.diagnostics.processwindowstyle": lambda: _enum(
        "System.Diagnostics.ProcessWindowStyle",
        {"Normal": 0, "Hidden": 1, "Minimized": 2, "Maximized": 3}),
    "system.diagnostics.process": lambda: _identity_type(
        "System.Diagnostics.Process",
        check=lambda v: getattr(type(v), "dotnet_fullname", None) == "System.Diagnostics.Process"),
    "system.nullable`1[[system.datetime]]": _nullable_datetime,
    "system.security.cryptography.x509certificates.x509certificate2": _x509certificate2,
    "x509certificate2": _x509certificate2,
    "system.management.automation.psmoduleinfo": lambda: _identity_type(
        "System.Management.Automation.PSModuleInfo",
        check=lambda v: type(v).__name__ == "PSModuleInfo"),
    "microsoft.powershell.commands.modulespecification": lambda: _identity_type(
        "Microsoft.PowerShell.Commands.ModuleSpecification"),
    "system.management.automation.pstypename": lambda: _identity_type(
        "System.Management.Automation.PSTypeName"),
    "system.reflection.assembly": lambda: _identity_type("System.Reflection.Assembly"),
    "system.management.automation.flagsexpression`1[system.io.fileattributes]":
        lambda: _identity_type("System.Management.Automation.FlagsExpression`1"
                               "[System.IO.FileAttributes]"),
}


def lookup_session_type(lower_name: str):
    """The type for a lower-case name, or None."""
    t = _MADE.get(lower_name)
    if t is None:
        factory = _FACTORIES.get(lower_name)
        if factory is None:
            return None
        t = factory()
        _MADE[lower_name] = t
        from .runtime.types import register
        register(t)
    return t
