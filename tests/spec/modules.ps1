# Script modules: Import-Module, Export-ModuleMember, Get-Module, Remove-Module.
# Each case writes its module files into a temp folder and removes it.

#### a module's functions see the module scope, not the caller's
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-mod1-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/Counter.psm1", @'
$script:count = 0
$label = 'count'
function Step-Counter { $script:count++; "${label}: $script:count" }
function Get-Label { $label }
'@)
$label = 'caller'
Import-Module "$dir/Counter.psm1"
Step-Counter
Step-Counter
Get-Label
"caller sees: $label"
"count outside: $count"
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
count: 1
count: 2
count
caller sees: caller
count outside: 
## END

#### Export-ModuleMember limits what is exported; private helpers still work inside
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-mod2-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/Tools.psm1", @'
$Greeting = 'Hi'
function helper { "[$args]" }
function Get-Greeting($Name) { helper "$Greeting $Name" }
Set-Alias ggr Get-Greeting
Export-ModuleMember -Function Get-Greeting -Variable Greeting -Alias ggr
'@)
Import-Module "$dir/Tools.psm1"
Get-Greeting Ann
ggr Bob
$Greeting
[bool](Get-Command helper -ErrorAction SilentlyContinue)
(Get-Module Tools).ExportedCommands.Keys -join ','
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
[Hi Ann]
[Hi Bob]
Hi
False
Get-Greeting,ggr
## END

#### without Export-ModuleMember every function is exported and no variable
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-mod3-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/All.psm1", @'
$hidden = 'secret'
function One { 1 }
function Two { 2 }
'@)
Import-Module "$dir/All.psm1"
(One) + (Two)
$null -eq $hidden
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
3
True
## END

#### PSScriptRoot and PSCommandPath inside a module
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-mod4-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/Where.psm1", @'
function Get-Where { (Split-Path $PSCommandPath -Leaf), ($PSScriptRoot -eq (Split-Path $PSCommandPath)) }
'@)
Import-Module "$dir/Where.psm1"
Get-Where
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
Where.psm1
True
## END

#### manifest, PSModulePath lookup, Get-Module and Remove-Module
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-mod5-$PID"
$null = [System.IO.Directory]::CreateDirectory("$dir/Greet")
[System.IO.File]::WriteAllText("$dir/Greet/Greet.psm1", @'
function Get-Hello { 'hello' }
function Get-Bye { 'bye' }
'@)
[System.IO.File]::WriteAllText("$dir/Greet/Greet.psd1", @'
@{
    RootModule = 'Greet.psm1'
    ModuleVersion = '1.2.0'
    FunctionsToExport = @('Get-Hello')
}
'@)
$saved = $env:PSModulePath
$env:PSModulePath = $dir
try {
    $m = Import-Module Greet -PassThru
    "$($m.Name) $($m.Version) $($m.ModuleType)"
    Get-Hello
    [bool](Get-Command Get-Bye -ErrorAction SilentlyContinue)
    Get-Module
    (Get-Module -ListAvailable).Name
    Remove-Module Greet
    @(Get-Module).Count
    [bool](Get-Command Get-Hello -ErrorAction SilentlyContinue)
} finally {
    $env:PSModulePath = $saved
    [System.IO.Directory]::Delete($dir, $true)
}
## STDOUT:
Greet 1.2.0 Script
hello
False

ModuleType Version    PreRelease Name                                ExportedCommands
---------- -------    ---------- ----                                ----------------
Script     1.2.0                 Greet                               {Get-Hello}
Greet
0
False
## END

#### Import-Module -Prefix and -Function
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-mod6-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/Pre.psm1", @'
function Get-Item2 { 'item' }
function Set-Item2 { 'set' }
'@)
Import-Module "$dir/Pre.psm1" -Prefix My -Function Get-*
Get-MyItem2
[bool](Get-Command Set-MyItem2 -ErrorAction SilentlyContinue)
(Get-Command Get-MyItem2).Source
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
item
False
Pre
## END

#### Import-Module -Force reloads; without it the module is not run again
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-mod7-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/Once.psm1", "'loading'; function Get-One { 1 }")
Import-Module "$dir/Once.psm1"
Import-Module "$dir/Once.psm1"
Import-Module "$dir/Once.psm1" -Force
Get-One
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
loading
loading
1
## END

#### Import-Module of a missing module
$saved = $env:PSModulePath
$env:PSModulePath = ''
try { Import-Module NoSuchModuleHere -ErrorAction Stop }
catch { $_.FullyQualifiedErrorId; $_.Exception.Message; $_.CategoryInfo.Category }
finally { $env:PSModulePath = $saved }
## STDOUT:
Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand
The specified module 'NoSuchModuleHere' was not loaded because no valid module file was found in any module directory.
ResourceUnavailable
## END

#### Export-ModuleMember outside a module is an error
Export-ModuleMember -Function foo
## error: Modules_CanOnlyExecuteExportModuleMemberInsideAModule

#### Remove-Module of a module that is not loaded
Remove-Module NotLoadedModule -ErrorAction Stop
## error: Modules_NoModulesRemoved

#### required module is loaded first
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-mod8-$PID"
$null = [System.IO.Directory]::CreateDirectory("$dir/Base")
$null = [System.IO.Directory]::CreateDirectory("$dir/Top")
[System.IO.File]::WriteAllText("$dir/Base/Base.psm1", "function Get-Base { 'base' }")
[System.IO.File]::WriteAllText("$dir/Top/Top.psm1", "function Get-Top { 'top+' + (Get-Base) }")
[System.IO.File]::WriteAllText("$dir/Top/Top.psd1", "@{ RootModule = 'Top.psm1'; RequiredModules = @('Base') }")
$saved = $env:PSModulePath
$env:PSModulePath = $dir
try {
    Import-Module Top
    Get-Top
    (Get-Module).Name -join ','
} finally {
    $env:PSModulePath = $saved
    [System.IO.Directory]::Delete($dir, $true)
}
## STDOUT:
top+base
Base,Top
## END

#### #requires: a script whose requirements are not met does not start
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-req1-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/new.ps1", "'started'`n#Requires -Version 7.9`n")
[System.IO.File]::WriteAllText("$dir/mods.ps1", "#requires -Modules NoSuchModuleA, @{ ModuleName = 'NoSuchModuleB'; ModuleVersion = '1.0' }`n'started'")
[System.IO.File]::WriteAllText("$dir/desktop.ps1", "#requires -PSEdition Desktop`n'started'")
foreach ($name in 'new', 'mods', 'desktop') {
  try { & "$dir/$name.ps1" } catch {
    $_.FullyQualifiedErrorId
    $_.Exception.GetType().Name
    $_.Exception.Message
  }
}
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
ScriptRequiresUnmatchedPSVersion
ScriptRequiresException
The script 'new.ps1' cannot be run because it contained a "#requires" statement for PowerShell 7.9. The version of PowerShell that is required by the script does not match the currently running version of PowerShell 7.4.0.
ScriptRequiresMissingModules
ScriptRequiresException
The script 'mods.ps1' cannot be run because the following modules that are specified by the "#requires" statements of the script are missing: NoSuchModuleA, NoSuchModuleB.
ScriptRequiresUnmatchedPSEdition
ScriptRequiresException
The script 'desktop.ps1' cannot be run because it contained a "#requires" statement for PowerShell editions 'Desktop'. The edition of PowerShell that is required by the script does not match the currently running PowerShell Core edition.
## END

#### #requires that are met let the script run, and required modules are imported first
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-req2-$PID"
$null = [System.IO.Directory]::CreateDirectory("$dir/Greeter")
[System.IO.File]::WriteAllText("$dir/Greeter/Greeter.psm1", 'function Get-Greeting { "hello from Greeter" }')
$env:PSModulePath = "$dir" + [System.IO.Path]::PathSeparator + $env:PSModulePath
[System.IO.File]::WriteAllText("$dir/ok.ps1", @'
#Requires -Version 5.1
#requires -PSEdition Core -Modules Greeter
param($Who)
Get-Greeting
"to $Who"
'@)
& "$dir/ok.ps1" -Who you
(Get-Module Greeter).Name
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
hello from Greeter
to you
Greeter
## END

#### a #requires comment in no documented form is a parse error
#requires -Frobnicate 3
'never'
## error: ParseError: ScriptRequiresInvalidFormat
## status: 1

#### #requires is checked for script files only, not for text run by Invoke-Expression
Invoke-Expression "#requires -Version 99.0`n'ran'"
## STDOUT:
ran
## END

#### using module imports the module before the script runs; a missing one stops it
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-using-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/Tools.psm1", 'function Get-Tool { "tool" }')
[System.IO.File]::WriteAllText("$dir/main.ps1", "using module ./Tools.psm1`nGet-Tool")
[System.IO.File]::WriteAllText("$dir/broken.ps1", "using module NoSuchModuleC`n'started'")
Set-Location /
& "$dir/main.ps1"
try { & "$dir/broken.ps1" } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
tool
ModuleNotFoundDuringParse
Could not find the module 'NoSuchModuleC'.
## END
