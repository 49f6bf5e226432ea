"""Set-StrictMode: turn the strict-mode rules on or off for the caller's scope.

The rules themselves are enforced by the engine (``pwshlike.runtime.strict``); this
cmdlet only records the version on the scope it runs in, as pwsh does.
"""
from __future__ import annotations

from typing import ClassVar

from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime.convert import to_str

from ._session import exc

LATEST = "7.4"      # what -Version Latest means: the PowerShell version pwshlike follows

# PSVersionInfo.IsValidPSVersion: the minor versions each major release had
_VALID_MINORS = {1: (0,), 2: (0,), 3: (0,), 4: (0,), 5: (0, 1), 6: (0, 1, 2),
                 7: (0, 1, 2, 3, 4)}

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


class SetStrictModeCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.SetStrictModeCommand"
    argument_transformations: ClassVar[dict] = {"Version": version_argument}

    def end_processing(self) -> None:
        from pwshlike.runtime.strict import enable
        if self.parameter_set_name == "Off":
            # -Off:$false leaves the scope to inherit its parent's setting, as in pwsh
            enable(self.ctx, self.current_scope, 0 if self.Off else None)
            return
        version = self.Version
        if version.Minor not in _VALID_MINORS.get(version.Major, ()):
            self.throw_terminating_error(self.error_record(
                "Cannot validate argument on parameter 'Version'. "
                + INVALID_VERSION.format(to_str(version)), "ParameterArgumentValidationError",
                "InvalidData", version, exc("ParameterBindingValidationException")))
        enable(self.ctx, self.current_scope, version.Major)
