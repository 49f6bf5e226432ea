# Get-Command, and script files run by path or dot-sourced.

#### Get-Command by noun lists cmdlets sorted
Get-Command -Noun Location
## STDOUT:

CommandType     Name                                               Version    Source
-----------     ----                                               -------    ------
Cmdlet          Get-Location                                       7.0.0.0    Microsoft.PowerShell.Management
Cmdlet          Pop-Location                                       7.0.0.0    Microsoft.PowerShell.Management
Cmdlet          Push-Location                                      7.0.0.0    Microsoft.PowerShell.Management
Cmdlet          Set-Location                                       7.0.0.0    Microsoft.PowerShell.Management
## END

#### Get-Command of an alias, a function and a cmdlet
function Get-Mine { }
(Get-Command gcm).CommandType
(Get-Command gcm).Definition
(Get-Command Get-Mine).CommandType
(Get-Command Get-Alias).CommandType
(Get-Command Get-Alias).Source
## STDOUT:
Alias
Get-Command
Function
Cmdlet
Microsoft.PowerShell.Utility
## END

#### Get-Command -Syntax of a cmdlet, default set first
Get-Command Get-Alias -Syntax
## STDOUT:

Get-Alias [[-Name] <string[]>] [-Exclude <string[]>] [-Scope <string>] [<CommonParameters>]

Get-Alias [-Exclude <string[]>] [-Scope <string>] [-Definition <string[]>] [<CommonParameters>]
## END

#### Get-Command -Syntax of an alias
Get-Command gl -Syntax
## STDOUT:
gl (alias) -> Get-Location

gl [-PSProvider <string[]>] [-PSDrive <string[]>] [<CommonParameters>]

gl [-Stack] [-StackName <string[]>] [<CommonParameters>]
## END

#### Get-Command -Syntax of script functions
function Add-Two([int]$A, $B) { $A + $B }
function Get-Thing {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'ByName')][string]$Name,
        [Parameter(Mandatory, ParameterSetName = 'ById')][int]$Id,
        [switch]$Force
    )
}
Get-Command Add-Two -Syntax
Get-Command Get-Thing -Syntax
## STDOUT:

Add-Two [[-A] <int>] [[-B] <Object>]


Get-Thing [-Name] <string> [-Force] [<CommonParameters>]

Get-Thing -Id <int> [-Force] [<CommonParameters>]
## END

#### Parameters and ParameterSets of a function
function Get-Thing {
    [CmdletBinding()]
    param([Parameter(Mandatory)][Alias('n')][string]$Name, [switch]$Force)
}
$c = Get-Command Get-Thing
$c.Parameters['Name'].ParameterType
$c.Parameters['Name'].Aliases -join ','
$c.Parameters['Force'].SwitchParameter
$c.ParameterSets.Count
$c.ParameterSets[0].IsDefault
$c.ParameterSets[0].Parameters[0].IsMandatory
$c.CmdletBinding
## STDOUT:
string
n
True
1
True
True
True
## END

#### Get-Command with wildcards and -CommandType
function Get-ZzOne { }
filter Get-ZzTwo { }
Get-Command Get-Zz* | ForEach-Object { "$($_.CommandType) $($_.Name)" }
(Get-Command -Name Get-Zz* -CommandType Filter).Name
## STDOUT:
Function Get-ZzOne
Filter Get-ZzTwo
Get-ZzTwo
## END

#### Get-Command -Verb and -Module
(Get-Command -Verb Push -Module Microsoft.PowerShell.Management).Name
## STDOUT:
Push-Location
## END

#### Get-Command -ParameterName
(Get-Command -Noun Location -ParameterName StackName).Name
## STDOUT:
Get-Location
Pop-Location
Push-Location
Set-Location
## END

#### Get-Command -TotalCount
(Get-Command -Noun Location -TotalCount 2).Name
## STDOUT:
Get-Location
Pop-Location
## END

#### Get-Command of an unknown command
Get-Command No-SuchCommand -ErrorAction Stop
## error: CommandNotFoundException

#### Get-Command finds programs on PATH
$c = Get-Command sh -CommandType Application
$c.CommandType
[System.IO.Path]::IsPathRooted($c.Source)
## STDOUT:
Application
True
## END

#### the command object can be invoked
function Get-Ten { 10 }
& (Get-Command Get-Ten)
& (Get-Command Write-Output) 'via cmdlet'
## STDOUT:
10
via cmdlet
## END

#### a script run by path gets its own script scope
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-cmd1-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/run.ps1", @'
param($Who = 'world')
$script:inner = 'set'
function Inside { 'inside' }
"hello $Who from $(Split-Path $PSCommandPath -Leaf)"
'@)
& "$dir/run.ps1" you
Push-Location $dir
./run.ps1 -Who there
./run
Pop-Location
"inner=$inner"
[bool](Get-Command Inside -ErrorAction SilentlyContinue)
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
hello you from run.ps1
hello there from run.ps1
hello world from run.ps1
inner=
False
## END

#### a dot-sourced script runs in the caller's scope
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-cmd2-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/lib.ps1", @'
$libValue = 42
function Get-LibValue { $libValue }
'@)
. "$dir/lib.ps1"
$libValue
Get-LibValue
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
42
42
## END

#### exit in a script ends the script and sets LASTEXITCODE
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-cmd3-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/quit.ps1", "'before'; exit 3; 'after'")
& "$dir/quit.ps1"
"code=$LASTEXITCODE ok=$?"
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
before
code=3 ok=False
## END

#### Get-Command of a script file
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-cmd4-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/tool.ps1", 'param([string]$Path, [switch]$Force)')
$c = Get-Command "$dir/tool.ps1"
$c.CommandType
$c.Name
Get-Command "$dir/tool.ps1" -Syntax
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
ExternalScript
tool.ps1

tool.ps1 [[-Path] <string>] [-Force]
## END

#### a script that does not parse
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-cmd5-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/bad.ps1", '1 +')
try { & "$dir/bad.ps1" } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().Name }
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
ExpectedValueExpression
ParseException
## END

#### Get-PSCallStack: the running script blocks, innermost first
function Get-Caller { (Get-PSCallStack)[1].Command }
function Invoke-Work {
  Get-Caller
}
Invoke-Work
function Show-Stack { Get-PSCallStack }
Show-Stack | Format-Table Command, Location, ScriptLineNumber
1..2 | ForEach-Object { (Get-PSCallStack)[0].FunctionName }
(gcs)[0].GetType().FullName
## STDOUT:
Invoke-Work

Command       Location           ScriptLineNumber
-------       --------           ----------------
Show-Stack    script.ps1: line 6                6
script.ps1    script.ps1: line 7                7
<ScriptBlock> <No file>                         1

<ScriptBlock>
<ScriptBlock>
System.Management.Automation.CallStackFrame
## END
