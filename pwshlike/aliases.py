"""The aliases every session starts with (pwsh's defaults on Linux): alias -> command.

Data, not code: Set-Alias/New-Alias add to the session's own copy.
"""
from __future__ import annotations

ALIASES = {
    "foreach": "ForEach-Object", "%": "ForEach-Object", "where": "Where-Object",
    "?": "Where-Object", "select": "Select-Object", "sort": "Sort-Object",
    "group": "Group-Object", "measure": "Measure-Object", "echo": "Write-Output",
    "write": "Write-Output", "iex": "Invoke-Expression", "icm": "Invoke-Command",
    "gv": "Get-Variable", "sv": "Set-Variable", "set": "Set-Variable", "ft": "Format-Table",
    "fl": "Format-List", "fw": "Format-Wide", "oh": "Out-Host", "gm": "Get-Member",
    "gci": "Get-ChildItem", "ls": "Get-ChildItem", "dir": "Get-ChildItem", "cd": "Set-Location",
    "sl": "Set-Location", "pwd": "Get-Location", "gl": "Get-Location", "cat": "Get-Content",
    "gc": "Get-Content", "type": "Get-Content", "cls": "Clear-Host", "clear": "Clear-Host",
    "irm": "Invoke-RestMethod", "iwr": "Invoke-WebRequest", "gcm": "Get-Command",
    "man": "Get-Help", "help": "Get-Help", "rm": "Remove-Item", "del": "Remove-Item",
    "copy": "Copy-Item", "cp": "Copy-Item", "move": "Move-Item", "mv": "Move-Item",
    "ni": "New-Item", "mkdir": "New-Item", "tee": "Tee-Object", "sleep": "Start-Sleep",
    "epcsv": "Export-Csv", "ipcsv": "Import-Csv", "gal": "Get-Alias", "gi": "Get-Item",
    "compare": "Compare-Object", "diff": "Compare-Object", "rvpa": "Resolve-Path",
}
