"""The aliases and built-in functions every session starts with: pwsh 7's defaults on Linux.

Data, not code.  pwsh leaves out the aliases that would hide a Unix command (``ls``,
``cp``, ``mv``, ``rm``, ``cat``, ``sort``, ``tee``, ``diff``, ``ps``, ``kill``, ``man``,
``mount``, ``sleep``, ``write``, ``clear``, ``compare``, ``start``, ``ac``, ``rmdir``...),
so those names reach the native programs.  Aliases of commands pwshlike does not have are
kept: they say "not recognized" for the command, as pwsh would for a missing module.

Set-Alias/New-Alias change the session's own copy.
"""
from __future__ import annotations

_READONLY = "ReadOnly"
_ALLSCOPE = "AllScope"
_READONLY_ALLSCOPE = "ReadOnly, AllScope"

# (alias, command, options)
DEFAULT_ALIASES: tuple[tuple[str, str, str], ...] = (
    ("foreach", "ForEach-Object", _READONLY_ALLSCOPE), ("%", "ForEach-Object", _READONLY_ALLSCOPE),
    ("where", "Where-Object", _READONLY_ALLSCOPE), ("?", "Where-Object", _READONLY_ALLSCOPE),
    ("clc", "Clear-Content", _READONLY), ("cli", "Clear-Item", _READONLY),
    ("clp", "Clear-ItemProperty", _READONLY), ("clv", "Clear-Variable", _READONLY),
    ("cpi", "Copy-Item", _READONLY), ("cvpa", "Convert-Path", _READONLY),
    ("dbp", "Disable-PSBreakpoint", _READONLY), ("ebp", "Enable-PSBreakpoint", _READONLY),
    ("epal", "Export-Alias", _READONLY), ("epcsv", "Export-Csv", _READONLY),
    ("fl", "Format-List", _READONLY), ("ft", "Format-Table", _READONLY),
    ("fw", "Format-Wide", _READONLY), ("gal", "Get-Alias", _READONLY),
    ("gbp", "Get-PSBreakpoint", _READONLY), ("gc", "Get-Content", _READONLY),
    ("gci", "Get-ChildItem", _READONLY), ("gcm", "Get-Command", _READONLY),
    ("gdr", "Get-PSDrive", _READONLY), ("gcs", "Get-PSCallStack", _READONLY),
    ("ghy", "Get-History", _READONLY), ("gi", "Get-Item", _READONLY),
    ("gl", "Get-Location", _READONLY), ("gm", "Get-Member", _READONLY),
    ("gmo", "Get-Module", _READONLY), ("gp", "Get-ItemProperty", _READONLY),
    ("gpv", "Get-ItemPropertyValue", _READONLY), ("gps", "Get-Process", _READONLY),
    ("group", "Group-Object", _READONLY), ("gu", "Get-Unique", _READONLY),
    ("gv", "Get-Variable", _READONLY), ("iex", "Invoke-Expression", _READONLY),
    ("ihy", "Invoke-History", _READONLY), ("ii", "Invoke-Item", _READONLY),
    ("ipmo", "Import-Module", _READONLY), ("ipal", "Import-Alias", _READONLY),
    ("ipcsv", "Import-Csv", _READONLY), ("measure", "Measure-Object", _READONLY),
    ("mi", "Move-Item", _READONLY), ("mp", "Move-ItemProperty", _READONLY),
    ("nal", "New-Alias", _READONLY), ("ndr", "New-PSDrive", _READONLY),
    ("ni", "New-Item", _READONLY), ("nv", "New-Variable", _READONLY),
    ("nmo", "New-Module", _READONLY), ("oh", "Out-Host", _READONLY),
    ("rbp", "Remove-PSBreakpoint", _READONLY), ("rdr", "Remove-PSDrive", _READONLY),
    ("ri", "Remove-Item", _READONLY), ("rni", "Rename-Item", _READONLY),
    ("rnp", "Rename-ItemProperty", _READONLY), ("rp", "Remove-ItemProperty", _READONLY),
    ("rmo", "Remove-Module", _READONLY), ("rv", "Remove-Variable", _READONLY),
    ("gerr", "Get-Error", _READONLY), ("rvpa", "Resolve-Path", _READONLY),
    ("sal", "Set-Alias", _READONLY), ("sbp", "Set-PSBreakpoint", _READONLY),
    ("select", "Select-Object", _READONLY_ALLSCOPE), ("si", "Set-Item", _READONLY),
    ("sl", "Set-Location", _READONLY), ("sp", "Set-ItemProperty", _READONLY),
    ("saps", "Start-Process", _READONLY), ("spps", "Stop-Process", _READONLY),
    ("sv", "Set-Variable", _READONLY), ("irm", "Invoke-RestMethod", _READONLY),
    ("iwr", "Invoke-WebRequest", _READONLY),
    ("cd", "Set-Location", _ALLSCOPE), ("dir", "Get-ChildItem", _ALLSCOPE),
    ("echo", "Write-Output", _ALLSCOPE), ("fc", "Format-Custom", _READONLY),
    ("pwd", "Get-Location", "None"), ("type", "Get-Content", "None"),
    ("h", "Get-History", "None"), ("history", "Get-History", "None"),
    ("md", "mkdir", _ALLSCOPE), ("popd", "Pop-Location", _ALLSCOPE),
    ("pushd", "Push-Location", _ALLSCOPE), ("r", "Invoke-History", "None"),
    ("cls", "Clear-Host", "None"), ("chdir", "Set-Location", "None"),
    ("copy", "Copy-Item", _ALLSCOPE), ("del", "Remove-Item", _ALLSCOPE),
    ("erase", "Remove-Item", "None"), ("move", "Move-Item", _ALLSCOPE),
    ("rd", "Remove-Item", "None"), ("ren", "Rename-Item", "None"),
    ("set", "Set-Variable", "None"), ("icm", "Invoke-Command", "None"),
    ("clhy", "Clear-History", _READONLY), ("gjb", "Get-Job", "None"),
    ("rcjb", "Receive-Job", "None"), ("rjb", "Remove-Job", "None"),
    ("sajb", "Start-Job", "None"), ("spjb", "Stop-Job", "None"), ("wjb", "Wait-Job", "None"),
    ("nsn", "New-PSSession", "None"), ("gsn", "Get-PSSession", "None"),
    ("rsn", "Remove-PSSession", "None"), ("etsn", "Enter-PSSession", "None"),
    ("rcsn", "Receive-PSSession", _READONLY), ("exsn", "Exit-PSSession", "None"),
    ("sls", "Select-String", "None"),
)

ALIASES = {name: command for name, command, _ in DEFAULT_ALIASES}

# Functions every session defines (compiled the first time they are called).
BUILTIN_FUNCTIONS = {
    "cd..": "Set-Location ..",
    "cd\\": "Set-Location \\",
    "cd~": "Set-Location ~",
    "help": "[CmdletBinding()] param([Parameter(Position = 0)][string] $Name, "
            "[string] $Path, [string[]] $Category, [switch] $Full, [switch] $Detailed, "
            "[switch] $Examples, [string[]] $Parameter, [switch] $Online, "
            "[string[]] $Component, [string[]] $Functionality, [string[]] $Role) "
            "Get-Help @PSBoundParameters",
    "Pause": "$null = Read-Host 'Press Enter to continue...'",
}
