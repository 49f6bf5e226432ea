"""Set-StrictMode: turn the strict-mode rules on or off for the caller's scope.

The rules themselves are enforced by the engine (``pwshlike.runtime.strict``); this
cmdlet only records the version on the scope it runs in, as pwsh does.
"""
from __future__ import annotations

from typing import ClassVar

from pwshlike import PS_COMPATIBLE_VERSIONS, PS_VERSION
from pwshlike.binding.validation import ValidationError, Validator
from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime.convert import to_str

# what -Version Latest means: the PowerShell version pwshlike follows
LATEST = ".".join(PS_VERSION.split(".")[:2])

INVALID_VERSION = ('The "{0}" argument does not contain a valid PowerShell version. Supply a '
                   "valid version number and then try the command again.")


def version_argument(value, text=None):
    """pwsh's ArgumentToPSVersionTransformation: ``Latest`` is the current version and a
    whole number (``3``, ``'3'``) is that major version; anything else converts to
    [version] as it is (``2.0`` keeps its spelling)."""
    if isinstance(value, str):
        if value.strip().lower() == "latest":
            return LATEST
        if "." not in value:
            try:
                return f"{int(value.strip())}.0"
            except ValueError:
                return value
        return value
    if isinstance(value, float) and text:
        return text
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value}.0"
    return value


class ValidatePSVersion(Validator):
    """pwsh's [ValidateVersion]: a released PowerShell version (PSVersionInfo.IsValidPSVersion,
    the versions $PSVersionTable.PSCompatibleVersions lists)."""

    name = "ValidateVersion"

    def validate(self, ctx, value) -> None:
        major, minor = getattr(value, "Major", None), getattr(value, "Minor", None)
        if f"{major}.{minor}" not in PS_COMPATIBLE_VERSIONS:
            raise ValidationError(INVALID_VERSION.format(to_str(value)), "InvalidPSVersion")


class SetStrictModeCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.SetStrictModeCommand"
    argument_transformations: ClassVar[dict] = {"Version": version_argument}
    parameter_validators: ClassVar[dict] = {"Version": (ValidatePSVersion(),)}

    def end_processing(self) -> None:
        from pwshlike.runtime.strict import enable
        if self.parameter_set_name == "Off":
            # -Off:$false leaves the scope to inherit its parent's setting, as in pwsh
            enable(self.ctx, self.current_scope, 0 if self.Off else None)
            return
        enable(self.ctx, self.current_scope, self.Version.Major)
