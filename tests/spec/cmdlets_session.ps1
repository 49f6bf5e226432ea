# Spec tests: session cmdlets -- variables, aliases, locations and paths.
#
# Sources (PowerShell 7.4 docs): Get-Variable, Set-Variable, New-Variable,
# Remove-Variable, Clear-Variable, Get-Alias, Set-Alias, New-Alias, Set-Location,
# Push-Location, Pop-Location, Test-Path, Join-Path, Split-Path, Resolve-Path;
# about_Scopes; about_Aliases; InitialSessionState.cs (default aliases on Unix).

#### Get-Variable -ValueOnly reads a parent scope by number
function f { $x = 'local'; Get-Variable x -Scope 1 -ValueOnly }
$x = 'outer'
f
## STDOUT:
outer
## END

#### Get-Variable table of matching variables
$fruitA = 'apple'; $fruitB = 'pear'
Get-Variable fruitA, fruitB
## STDOUT:

Name                           Value
----                           -----
fruitA                         apple
fruitB                         pear

## END

#### Get-Variable of a missing name is VariableNotFound
try { Get-Variable noSuchVariable -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
## STDOUT:
VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand
## END

#### read-only variable refuses assignment, -Force overrides
Set-Variable limit 10 -Option ReadOnly
try { $limit = 11 } catch { $_.FullyQualifiedErrorId }
$limit
Set-Variable limit 12 -Force
$limit
## STDOUT:
VariableNotWritable
10
12
## END

#### New-Variable on an existing name is VariableAlreadyExists
$taken = 1
try { New-Variable taken 2 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
New-Variable taken 3 -Force
$taken
## STDOUT:
VariableAlreadyExists,Microsoft.PowerShell.Commands.NewVariableCommand
3
## END

#### Remove-Variable and Test-Path variable:
$temp = 1
Test-Path variable:temp
Remove-Variable temp
Test-Path variable:temp
## STDOUT:
True
False
## END

#### constant variables cannot be removed
New-Variable fixed 5 -Option Constant
try { Remove-Variable fixed -Force -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
$fixed
## STDOUT:
VariableNotRemovable,Microsoft.PowerShell.Commands.RemoveVariableCommand
5
## END

#### Clear-Variable keeps the variable with a null value
$list = 1, 2, 3
Clear-Variable list
$null -eq $list
Test-Path variable:list
## STDOUT:
True
True
## END

#### piped values are collected by Set-Variable
1, 2, 3 | Set-Variable arr
$arr.Count
## STDOUT:
3
## END

#### Get-Alias shows the command table
Get-Alias gci
## STDOUT:

CommandType     Name                                               Version    Source
-----------     ----                                               -------    ------
Alias           gci -> Get-ChildItem

## END

#### Get-Alias -Definition
(Get-Alias -Definition Get-ChildItem).Name
## STDOUT:
dir
gci
## END

#### no Unix-hiding aliases on Linux
foreach ($n in 'ls', 'cp', 'mv', 'rm', 'cat', 'sort', 'tee', 'diff', 'ps', 'man', 'kill', 'sleep') {
    Test-Path "alias:$n"
}
## STDOUT:
False
False
False
False
False
False
False
False
False
False
False
False
## END

#### Set-Alias and New-Alias
Set-Alias say Write-Output
say hello
try { New-Alias say Write-Host -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
$alias:say
## STDOUT:
hello
AliasAlreadyExists,Microsoft.PowerShell.Commands.NewAliasCommand
Write-Output
## END

#### Set-Location changes $PWD and cd - goes back
$start = $PWD.Path
Set-Location /
$PWD.Path
(Get-Location).Path
cd -
$PWD.Path -eq $start
## STDOUT:
/
/
True
## END

#### Push-Location and Pop-Location
$start = $PWD.Path
Push-Location /
$PWD.Path
Pop-Location
$PWD.Path -eq $start
## STDOUT:
/
True
## END

#### Set-Location to a missing folder is PathNotFound
try { Set-Location /no/such/folder -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
## STDOUT:
PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand
## END

#### Join-Path with additional child paths
Join-Path -Path /usr -ChildPath local bin
Join-Path a/ /b
## STDOUT:
/usr/local/bin
a/b
## END

#### Split-Path parts
Split-Path /var/log/app.log
Split-Path /var/log/app.log -Leaf
Split-Path /var/log/app.log -LeafBase
Split-Path /var/log/app.log -Extension
Split-Path /var/log/app.log -IsAbsolute
Split-Path log/app.log -IsAbsolute
Split-Path env:PATH -Qualifier
Split-Path env:PATH -NoQualifier
## STDOUT:
/var/log
app.log
app
.log
True
False
env:
PATH
## END

#### Test-Path with PathType and relative paths
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-spec-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText((Join-Path $dir 'a.txt'), 'x')
Push-Location $dir
Test-Path a.txt
Test-Path a.txt -PathType Container
Test-Path . -PathType Container
Test-Path *.txt
Test-Path b.txt
Resolve-Path a.txt -Relative
Pop-Location
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
True
False
True
True
False
./a.txt
## END

#### Test-Path on the Env: drive
$env:PWSHLIKE_SPEC_VAR = 'on'
Test-Path env:PWSHLIKE_SPEC_VAR
Test-Path env:PWSHLIKE_SPEC_MISSING
## STDOUT:
True
False
## END
