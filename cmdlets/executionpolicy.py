"""Get-ExecutionPolicy and Set-ExecutionPolicy, as pwsh has them on Linux and macOS.

Execution policies exist only on Windows.  Elsewhere pwsh reports ``Unrestricted`` for
every scope and cannot change a policy: Set-ExecutionPolicy checks its arguments, asks
ShouldProcess, then fails with the .NET PlatformNotSupportedException.
"""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import ErrorDetails
from pwshlike.runtime.values import PSCustomObject

from ._session import exc

# SecuritySupport.ExecutionPolicyScopePreferences: the order -List reports
SCOPES = ("MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine")
POLICY_OFF_WINDOWS = "Unrestricted"
GROUP_POLICY_SCOPES = ("MachinePolicy", "UserPolicy")

LIST_AND_SCOPE = "Cannot get execution policy. Specify only the List or Scope parameters."
CANT_SET_GROUP_POLICY = ("Cannot set execution policy. Execution policies at the MachinePolicy "
                         "or UserPolicy scopes must be set through Group Policy.")
NOT_SUPPORTED = "Operation is not supported on this platform."


def _enum(type_name: str, member: str):
    from pwshlike.runtime.types import resolve_type
    return resolve_type(type_name).convert(member)


def _policy(name: str):
    return _enum("Microsoft.PowerShell.ExecutionPolicy", name)


def _scope(name: str):
    return _enum("Microsoft.PowerShell.ExecutionPolicyScope", name)


class GetExecutionPolicyCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetExecutionPolicyCommand"

    def end_processing(self) -> None:
        # pwsh answers in BeginProcessing; here output written there would reach commands
        # whose own begin has not run yet
        if self.List and self.is_bound("Scope"):
            rec = self.error_record("Operation is not valid due to the current state of the "
                                    "object.", "ListAndScopeSpecified", "InvalidOperation",
                                    None, exc("System.InvalidOperationException"))
            rec.ErrorDetails = ErrorDetails(LIST_AND_SCOPE)
            self.throw_terminating_error(rec)
        if self.List:
            for scope in SCOPES:
                policy = _policy(POLICY_OFF_WINDOWS)
                self.write_object(PSCustomObject([("Scope", _scope(scope)),
                                                  ("ExecutionPolicy", policy)]))
            return
        self.write_object(_policy(POLICY_OFF_WINDOWS))


class SetExecutionPolicyCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.SetExecutionPolicyCommand"

    def begin_processing(self) -> None:
        if str(self.Scope) in GROUP_POLICY_SCOPES:
            rec = self.error_record("Operation is not valid due to the current state of the "
                                    "object.", "CantSetGroupPolicy", "InvalidOperation", None,
                                    exc("System.InvalidOperationException"))
            rec.ErrorDetails = ErrorDetails(CANT_SET_GROUP_POLICY)
            self.throw_terminating_error(rec)

    def process_record(self) -> None:
        if not self.should_process(str(self.ExecutionPolicy)):
            return
        # what SecuritySupport.SetExecutionPolicy throws on every platform but Windows; the
        # exception escapes the cmdlet, so its type name is the error id
        rec = self.error_record(NOT_SUPPORTED, "System.PlatformNotSupportedException",
                                "NotSpecified", None, exc("System.PlatformNotSupportedException"))
        self.throw_terminating_error(rec)
