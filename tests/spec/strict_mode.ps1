# Spec tests: Set-StrictMode and the rules it turns on.
#
# Sources (PowerShell 7.4): the Set-StrictMode page (examples 1-3); PowerShell's source:
# ExecutionContext.IsStrictVersion (the version of the nearest scope that has one, not past
# a module's scope), VariableOps.ThrowStrictModeUndefinedVariable (version 1 spares
# variables inside expandable strings), Binders.cs PropertyDoesntExist / GetIDictionaryMember
# / IndexWithNegativeChecks, ArrayOps.GetNonIndexable, Compiler.cs (f(1,2) check),
# ParserStrings.resx (messages), PSVersionInfo.IsValidPSVersion; pwsh issue #15526
# (a PSCustomObject's Count stays 1).

#### without strict mode an unset variable is $null
$a -gt 5
"[$missing]"
## STDOUT:
False
[]
## END

#### version 1: reading an unset variable is VariableIsUndefined
Set-StrictMode -Version 1.0
try { $a -gt 5 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message; $_.CategoryInfo.Category }
## STDOUT:
VariableIsUndefined
The variable '$a' cannot be retrieved because it has not been set.
InvalidOperation
## END

#### the message keeps the name as written
Set-StrictMode -Version 1
try { $MyCount } catch { $_.Exception.Message }
try { $global:NotThere } catch { $_.Exception.Message }
## STDOUT:
The variable '$MyCount' cannot be retrieved because it has not been set.
The variable '$global:NotThere' cannot be retrieved because it has not been set.
## END

#### the error ends the statement, not the script
Set-StrictMode -Version 1
$x = $undefined
'next'
## STDOUT:
next
## END
## error: VariableIsUndefined

#### version 1 allows unset variables inside strings, version 2 does not
Set-StrictMode -Version 1
"v1: [$missing] [$($missing)]"
Set-StrictMode -Version 2
try { "v2: [$missing]" } catch { $_.FullyQualifiedErrorId }
## STDOUT:
v1: [] []
VariableIsUndefined
## END

#### assigned, $null and automatic variables are all set
Set-StrictMode -Version Latest
$n = $null
"[$n]"
$null -eq $n
$PID -gt 0
$Host.Name
## STDOUT:
[]
True
True
ConsoleHost
## END

#### variables every session defines are set; $Matches and $_ are not until used
Set-StrictMode -Version Latest
$null = $PSScriptRoot, $PSCommandPath, $MyInvocation, $PSBoundParameters, $args, $input
$null = $ShellId, $PSEdition, $PSCulture, $ExecutionContext, $PWD, $HOME
'session variables are set'
$underscore = try { $_ } catch { 'no $_ outside a pipeline' }
try { $Matches } catch { 'no $Matches yet' }
$underscore
$null = 'abc' -match 'b'
$Matches[0]
1 | ForEach-Object { $_ }
## STDOUT:
session variables are set
no $Matches yet
no $_ outside a pipeline
b
1
## END

#### compound assignment and ++ read the variable first
Set-StrictMode -Version 1
try { $total += 1 } catch { $_.FullyQualifiedErrorId }
try { $i++ } catch { $_.FullyQualifiedErrorId }
$j = 0; $j++; $j += 5; $j
## STDOUT:
VariableIsUndefined
VariableIsUndefined
6
## END

#### the setting belongs to the scope and its children
function Test-Inner { Set-StrictMode -Version Latest; try { $nope } catch { 'inner: error' } }
Test-Inner
"outer: [$nope]"
Set-StrictMode -Version 2
& { try { $u } catch { 'child: inherited' } }
& { Set-StrictMode -Off; "child off: [$u]" }
try { $u } catch { 'parent: still strict' }
## STDOUT:
inner: error
outer: []
child: inherited
child off: []
parent: still strict
## END

#### functions defined earlier follow the caller's setting
function Read-Later { $laterVar }
Read-Later
Set-StrictMode -Version 1
try { Read-Later } catch { $_.FullyQualifiedErrorId }
Set-StrictMode -Off
"off: [$(Read-Later)]"
## STDOUT:
VariableIsUndefined
off: []
## END

#### version 2: a property the object lacks is PropertyNotFoundStrict
Set-StrictMode -Off
$string = 'This is a string.'
$null -eq $string.Month
Set-StrictMode -Version 2.0
try { $string.Month } catch {
    $_.FullyQualifiedErrorId; $_.Exception.GetType().FullName; $_.Exception.Message
}
$string.Length
## STDOUT:
True
PropertyNotFoundStrict
System.Management.Automation.PropertyNotFoundException
The property 'Month' cannot be found on this object. Verify that the property exists.
17
## END

#### version 1 does not check properties
Set-StrictMode -Version 1
$o = [pscustomobject]@{ Name = 'x' }
$null -eq $o.Missing
## STDOUT:
True
## END

#### version 2: hashtable keys, custom objects and member enumeration
Set-StrictMode -Version 2
$h = @{ a = 1 }
$h.a
try { $h.b } catch { 'hashtable: ' + $_.FullyQualifiedErrorId }
$o = [pscustomobject]@{ Name = 'x' }
$o.Name
try { $o.Missing } catch { 'object: ' + $_.FullyQualifiedErrorId }
@($o, $o).Name -join ','
try { @(1, 2).Missing } catch { 'array: ' + $_.FullyQualifiedErrorId }
## STDOUT:
1
hashtable: PropertyNotFoundStrict
x
object: PropertyNotFoundStrict
x,x
array: PropertyNotFoundStrict
## END

#### version 2: Count and Length of a single value or $null are errors
Set-StrictMode -Version 2
try { (5).Count } catch { 'scalar: ' + $_.FullyQualifiedErrorId }
try { $null.Count } catch { 'null: ' + $_.FullyQualifiedErrorId }
@(5).Count
([pscustomobject]@{ a = 1 }).Count
'abc'.Length
## STDOUT:
scalar: PropertyNotFoundStrict
null: PropertyNotFoundStrict
1
1
3
## END

#### a property can still be assigned under strict mode
Set-StrictMode -Version Latest
$h = @{}
$h.New = 5
$h.New
## STDOUT:
5
## END

#### version 2: calling a function like a method
function add ($a, $b) { "$a|$b" }
add(3,4)
Set-StrictMode -Version 2
try { add(3,4) } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
add (3,4)
add 3 4
## STDOUT:
3 4|
StrictModeFunctionCallWithParens
The function or command was called as if it were a method. Parameters should be separated by spaces. For information about parameters, see the about_Parameters Help topic.
3 4|
3|4
## END

#### version 2: indexing a single value with anything but 0 or -1
$v = 5
$null -eq $v[1]
Set-StrictMode -Version 2
$v[0]
$v[-1]
try { $v[1] } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
True
5
5
CannotIndex
Unable to index into an object of type System.Int32.
## END

#### version 3: out-of-bounds and unresolvable indexes
$a = @(1)
$null -eq $a[2]
$null -eq $a['abc']
$null -eq 'abc'[5]
Set-StrictMode -Version 3.0
$a[0]
$a[-1]
try { $a[2] } catch { $_.FullyQualifiedErrorId; $_.Exception.Message; $_.CategoryInfo.Category }
try { $a[-3] } catch { $_.FullyQualifiedErrorId }
try { 'abc'[5] } catch { $_.FullyQualifiedErrorId }
try { $a['abc'] } catch { $_.CategoryInfo.Category }
## STDOUT:
True
True
True
1
1
System.IndexOutOfRangeException
Index was outside the bounds of the array.
OperationStopped
System.IndexOutOfRangeException
System.IndexOutOfRangeException
InvalidArgument
## END

#### version 2 does not check array bounds
Set-StrictMode -Version 2
$a = @(1)
$null -eq $a[2]
## STDOUT:
True
## END

#### -Version takes Latest, a whole number or a release number
Set-StrictMode -Version Latest
try { $x } catch { 'latest' }
Set-StrictMode -Version 3
try { $x } catch { 'three' }
Set-StrictMode -v 5.1
try { $x } catch { 'alias v' }
## STDOUT:
latest
three
alias v
## END

#### a version that is not a PowerShell release is rejected
try { Set-StrictMode -Version 8 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Set-StrictMode -Version 5.2 } catch { $_.FullyQualifiedErrorId }
## STDOUT:
ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SetStrictModeCommand
Cannot validate argument on parameter 'Version'. The "8.0" argument does not contain a valid PowerShell version. Supply a valid version number and then try the command again.
ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SetStrictModeCommand
## END

#### -Off and -Version are separate parameter sets
try { Set-StrictMode -Off -Version 2 } catch { $_.FullyQualifiedErrorId }
## STDOUT:
AmbiguousParameterSet,Microsoft.PowerShell.Commands.SetStrictModeCommand
## END

#### module code does not inherit the caller's strict mode
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-strict-$PID"
$null = New-Item -ItemType Directory -Path $dir -Force
Set-Content -Path (Join-Path $dir 'Lenient.psm1') -Value 'function Get-Unset { "module: [$notSetAnywhere]" }'
Import-Module (Join-Path $dir 'Lenient.psm1')
Set-StrictMode -Version Latest
Get-Unset
Remove-Item -Recurse -Force $dir
## STDOUT:
module: []
## END
