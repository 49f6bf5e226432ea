"""Get-Culture and Get-UICulture: the session's cultures, and cultures by name.

pwshlike's session culture and UI culture are both ``en-US`` (``$PSCulture``,
``$PSUICulture``); the CultureInfo objects come from the .NET type layer
(``pwshlike.runtime.dotnet.statics_uri``).
"""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import DotNetException
from pwshlike.runtime.convert import to_str

from ._session import as_list, exc

NOT_A_CULTURE = ('The argument "{0}" does not belong to the set of culture names this system '
                 "supports. Supply an argument that is in the set and then try the command "
                 "again.")


def _cultures():
    from pwshlike.runtime.dotnet import statics_uri
    return statics_uri


class GetCultureCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetCultureCommand"

    def process_record(self) -> None:
        c = _cultures()
        current = c.CURRENT_CULTURE
        if self.parameter_set_name == "ListAvailable":
            for name in c.KNOWN_CULTURE_NAMES:
                self.write_object(c.CultureInfo(name))
            return
        if self.parameter_set_name != "Name" or self.Name is None:
            self.write_object(current)
            return
        for name in as_list(self.Name):
            if name.lower() == current.Name.lower():
                self.write_object(current)
                continue
            try:
                self.write_object(c.CultureInfo(name))
            except DotNetException:
                # pwsh's [ValidateSet] of the system's culture names rejects it
                self.throw_terminating_error(self.error_record(
                    f"Cannot validate argument on parameter 'Name'. "
                    f"{NOT_A_CULTURE.format(to_str(name))}",
                    "ParameterArgumentValidationError", "InvalidData", name,
                    exc("ParameterBindingValidationException")))


class GetUICultureCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetUICultureCommand"

    def end_processing(self) -> None:
        self.write_object(_cultures().CURRENT_CULTURE)
