# Spec tests: core pipeline and output cmdlets -- ForEach-Object, Where-Object,
# Write-Output, Write-Host, Write-Error, Write-Warning/Verbose/Debug/Information,
# Write-Progress, Out-Null, Out-Host, Out-Default, Invoke-Command, Invoke-Expression.
#
# Sources (PowerShell 7.4): the cmdlet reference pages and their examples;
# InternalCommands.cs (ForEach-Object block assignment, member form, Where-Object
# operators and errors), Write.cs / WriteConsoleCmdlet.cs / Write-Object.cs,
# WriteProgressCmdlet.cs.  Progress is not drawn without a terminal, so these cases
# only see the text output.

#### ForEach-Object runs the process block per object
1..3 | ForEach-Object { $_ * 10 }
## STDOUT:
10
20
30
## END

#### ForEach-Object sets $PSItem too
'a', 'b' | % { $PSItem.ToUpper() }
## STDOUT:
A
B
## END

#### ForEach-Object -Begin -Process -End
1..2 | ForEach-Object -Begin { 'B' } -Process { $_ } -End { 'E' }
## STDOUT:
B
1
2
E
## END

#### three positional blocks are begin, process and end
1..2 | % { 'B' } { $_ } { 'E' }
## STDOUT:
B
1
2
E
## END

#### two positional blocks are begin and process
1..2 | % { 'B' } { "p$_" }
## STDOUT:
B
p1
p2
## END

#### blocks between the first and last all process each object
1..2 | % { 'B' } { "p$_" } { "q$_" } { 'E' }
## STDOUT:
B
p1
q1
p2
q2
E
## END

#### two -Process blocks make the first a begin block
1..2 | ForEach-Object -Process { 'first' }, { "second $_" }
## STDOUT:
first
second 1
second 2
## END

#### -End given by name keeps the last positional block a process block
1..2 | ForEach-Object { 'B' } { "p$_" } { "q$_" } -End { 'E' }
## STDOUT:
B
p1
q1
p2
q2
E
## END

#### -RemainingScripts by name joins the process blocks
1 | ForEach-Object -Process { 'a' } -RemainingScripts { "b$_" }
## STDOUT:
a
b1
## END

#### ForEach-Object blocks run in the caller's scope
$total = 0
1..4 | ForEach-Object { $total += $_ }
$total
## STDOUT:
10
## END

#### ForEach-Object without pipeline input runs once
ForEach-Object { 'once' }
ForEach-Object -InputObject 1, 2 { $_.Count }
## STDOUT:
once
2
## END

#### return in a ForEach-Object block goes on with the next object
1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }
## STDOUT:
1
3
## END

#### ForEach-Object reads a property by name
'apple', 'fig' | ForEach-Object Length
## STDOUT:
5
3
## END

#### ForEach-Object calls a method by name
'apple', 'fig' | % ToUpper
## STDOUT:
APPLE
FIG
## END

#### ForEach-Object method arguments after the name
'a,b', 'c,d' | ForEach-Object Split ','
'abc' | ForEach-Object -MemberName Replace -ArgumentList 'b', 'X'
## STDOUT:
a
b
c
d
aXc
## END

#### ForEach-Object member name looks up a hashtable key
@{ name = 'x' }, @{ name = 'y' } | % name
## STDOUT:
x
y
## END

#### ForEach-Object member name with a wildcard
'abc' | ForEach-Object Len*
## STDOUT:
3
## END

#### ForEach-Object unknown member gives null
@('abc' | % NoSuchMember).Count
'abc' | % NoSuchMember | % { $null -eq $_ }
@($null | % Length).Count
## STDOUT:
1
True
1
## END

#### ForEach-Object ambiguous wildcard member is an error
try {
    [pscustomobject]@{ A = 1; AB = 2 } | % A* -ErrorAction Stop
} catch {
    $_.FullyQualifiedErrorId
    $_.Exception.Message
}
## STDOUT:
AmbiguousPropertyOrMethodName,Microsoft.PowerShell.Commands.ForEachObjectCommand
Input name "A*" is ambiguous. It can be resolved to multiple matched members. Possible matches include: A AB.
## END

#### ForEach-Object method with arguments that does not exist
try { 'abc' | % Nope 1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
MethodNotFound,Microsoft.PowerShell.Commands.ForEachObjectCommand
Input name "Nope" cannot be resolved to a method.
## END

#### ForEach-Object -WhatIf is not for script blocks
try { 1 | ForEach-Object { $_ } -WhatIf } catch { $_.FullyQualifiedErrorId }
## STDOUT:
NoShouldProcessForScriptBlockSet,Microsoft.PowerShell.Commands.ForEachObjectCommand
## END

#### ForEach-Object -Parallel with $using:
$offset = 100
[int[]]$r = 1..5 | ForEach-Object -Parallel { $_ + $using:offset } -ThrottleLimit 2
[array]::Sort($r)
$r -join ','
## STDOUT:
101,102,103,104,105
## END

#### ForEach-Object -Parallel does not see the caller's variables
$hidden = 5
1 | ForEach-Object -Parallel { $null -eq $hidden }
## STDOUT:
True
## END

#### ForEach-Object -Parallel runs every item with many threads
$r = 1..20 | ForEach-Object -Parallel { "item$_" } -ThrottleLimit 8
$r.Count
## STDOUT:
20
## END

#### ForEach-Object -Parallel refuses a script block $using: value
$sb = { 1 }
try { 1 | ForEach-Object -Parallel { $using:sb } } catch { $_.FullyQualifiedErrorId }
## STDOUT:
ParallelUsingVariableCannotBeScriptBlock,Microsoft.PowerShell.Commands.ForEachObjectCommand
## END

#### ForEach-Object -Parallel -AsJob is not supported
try { 1 | ForEach-Object -Parallel { 1 } -AsJob } catch { $_.FullyQualifiedErrorId }
## STDOUT:
ParallelAsJobNotSupported,Microsoft.PowerShell.Commands.ForEachObjectCommand
## END

#### ForEach-Object -Parallel reports a throw as an error and goes on
$r = @(1..3 | ForEach-Object -Parallel { if ($_ -eq 2) { throw 'boom' }; $_ })
$r.Count
$Error[0].Exception.Message
## STDOUT:
2
boom
## END

#### ForEach-Object -Parallel refuses -ErrorAction
try { 1 | ForEach-Object -Parallel { 1 } -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
## STDOUT:
ParallelCommonParametersNotSupported,Microsoft.PowerShell.Commands.ForEachObjectCommand
## END

#### Where-Object with a filter script
'one', 'two', 'three' | Where-Object { $_ -like 't*' }
## STDOUT:
two
three
## END

#### Where-Object comparison statement
'apple', 'fig', 'banana' | Where-Object Length -gt 3
'apple', 'fig', 'banana' | ? Length -le 3
## STDOUT:
apple
banana
fig
## END

#### Where-Object -Like and -CLike
$o = [pscustomobject]@{ N = 'Apple' }, [pscustomobject]@{ N = 'apple' }
($o | Where-Object N -like 'a*').N -join ','
($o | Where-Object N -CLike 'a*').N -join ','
($o | Where-Object N -NotLike 'a*').N -join ','
($o | Where-Object N -CNotLike 'a*').N -join ','
## STDOUT:
Apple,apple
apple

Apple
## END

#### Where-Object equality operators and their case-sensitive forms
$o = [pscustomobject]@{ N = 'Apple' }, [pscustomobject]@{ N = 'apple' }
($o | Where-Object N -EQ 'apple').N -join ','
($o | Where-Object N -CEQ 'apple').N -join ','
($o | Where-Object N -NE 'apple').N -join ','
($o | Where-Object N -CNE 'apple').N -join ','
($o | Where-Object -Property N -IEQ -Value 'APPLE').N -join ','
## STDOUT:
Apple,apple
apple

Apple
Apple,apple
## END

#### Where-Object ordering operators
$n = 1..6 | % { [pscustomobject]@{ V = $_ } }
($n | ? V -GE 5).V -join ','
($n | ? V -LT 2).V -join ','
($n | ? V -GT 5).V -join ','
($n | ? V -LE 2).V -join ','
'b', 'a' | % { [pscustomobject]@{ S = $_ } } | ? S -CGT 'a' | % S
## STDOUT:
5,6
1
6
1,2
b
## END

#### Where-Object -Match and -NotMatch
$o = 'cat', 'dog', 'Cow' | % { [pscustomobject]@{ Name = $_ } }
($o | Where-Object Name -Match '^c').Name -join ','
($o | Where-Object Name -CMatch '^c').Name -join ','
($o | Where-Object Name -NotMatch '^c').Name -join ','
($o | Where-Object Name -CNotMatch '^c').Name -join ','
## STDOUT:
cat,Cow
cat
dog
dog,Cow
## END

#### Where-Object -Contains -NotContains -In -NotIn
$o = [pscustomobject]@{ T = 'a', 'b'; S = 'x' }, [pscustomobject]@{ T = @('c'); S = 'y' }
($o | Where-Object T -Contains 'A').S
($o | Where-Object T -CContains 'A').S -join ','
($o | Where-Object T -NotContains 'a').S
($o | Where-Object S -In 'y', 'z').S
($o | Where-Object S -NotIn 'y', 'z').S
($o | Where-Object S -CIn 'Y').S -join ','
## STDOUT:
x

y
y
x

## END

#### Where-Object -Is and -IsNot
$o = [pscustomobject]@{ V = 1 }, [pscustomobject]@{ V = 'x' }
$o | Where-Object V -Is [int] | % V
$o | Where-Object V -IsNot 'int' | % V
$o | Where-Object V -Is ([string]) | % V
## STDOUT:
1
x
x
## END

#### Where-Object property truth value and -Not
$users = [pscustomobject]@{ Name = 'ann'; Enabled = $true }, [pscustomobject]@{ Name = 'bob'; Enabled = $false }
$users | Where-Object Enabled | % Name
$users | Where-Object -Not Enabled | % Name
'', 'x' | ? Length | % { "[$_]" }
## STDOUT:
ann
bob
[x]
## END

#### Where-Object reads hashtable keys
@{ a = 1 }, @{ a = 2 } | Where-Object a -eq 2 | % { $_.a }
## STDOUT:
2
## END

#### Where-Object operator without a value is an error
try { 'x' | Where-Object Length -GT } catch { $_.FullyQualifiedErrorId }
## STDOUT:
ValueNotSpecifiedForWhereObject,Microsoft.PowerShell.Commands.WhereObjectCommand
## END

#### Where-Object value without an operator is an error
try { 'x' | Where-Object Length 1 } catch { $_.FullyQualifiedErrorId }
## STDOUT:
OperatorNotSpecified,Microsoft.PowerShell.Commands.WhereObjectCommand
## END

#### Where-Object without input writes nothing
Where-Object { $true }
Where-Object -InputObject 5 { $_ -gt 1 }
@($null | Where-Object { $true }).Count
## STDOUT:
5
1
## END

#### Where-Object filter output is converted to a boolean
1, 2 | Where-Object { }
1 | Where-Object { 0, 0 }
2 | Where-Object { @(0) }
3 | Where-Object { 'False' }
## STDOUT:
1
3
## END

#### Write-Output collects its arguments and enumerates
Write-Output 1 2 3
echo 'x'
@(Write-Output $null).Count
@(Write-Output @()).Count
## STDOUT:
1
2
3
x
1
0
## END

#### Write-Output -NoEnumerate keeps a collection together
Write-Output -NoEnumerate 1, 2, 3 | ForEach-Object { "count $($_.Count)" }
Write-Output 1, 2, 3 | ForEach-Object { "count $($_.Count)" }
## STDOUT:
count 3
count 1
count 1
count 1
## END

#### Write-Host joins values with the separator
Write-Host 'total:' 42 (1, 2)
Write-Host (1..4) -Separator ', '
Write-Host a b (1, 2) -Separator ','
## STDOUT:
total: 42 1 2
1, 2, 3, 4
a,b,1,2
## END

#### Write-Host -NoNewline
Write-Host 'Loading' -NoNewline
Write-Host '...' -NoNewline
Write-Host ' done'
## STDOUT:
Loading... done
## END

#### Write-Host takes pipeline input and colour names
'piped' | Write-Host
Write-Host 'plain' -ForegroundColor Green -BackgroundColor Black
Write-Host
Write-Host @{ a = 1 }
## STDOUT:
piped
plain

System.Collections.DictionaryEntry
## END

#### Write-Host rejects an unknown colour
Write-Host x -ForegroundColor Purple
## error: CannotConvertArgumentNoMessage

#### Write-Error fills in the record
Write-Error -Message 'bad input' -ErrorId BadInput -Category InvalidData -TargetObject 42 -ErrorAction SilentlyContinue
$e = $Error[0]
$e.FullyQualifiedErrorId.Split(',')[0]
$e.CategoryInfo.Category
$e.TargetObject
$e.CategoryInfo.Activity
$e.Exception.GetType().FullName
$e.Exception.Message
## STDOUT:
BadInput
InvalidData
42
Write-Error
Microsoft.PowerShell.Commands.WriteErrorException
bad input
## END

#### Write-Error default id and category fields
Write-Error 'x' -CategoryActivity Act -CategoryReason Why -CategoryTargetName T -CategoryTargetType TT -RecommendedAction 'Try again' -ErrorAction SilentlyContinue
$e = $Error[0]
$e.FullyQualifiedErrorId.Split(',')[0]
$e.CategoryInfo.Category
"$($e.CategoryInfo.Activity) $($e.CategoryInfo.Reason) $($e.CategoryInfo.TargetName) $($e.CategoryInfo.TargetType)"
$e.ErrorDetails.RecommendedAction
## STDOUT:
Microsoft.PowerShell.Commands.WriteErrorException
NotSpecified
Act Why T TT
Try again
## END

#### Write-Error id ends with the calling function
function Test-Input { [CmdletBinding()] param() Write-Error 'bad' -ErrorId BadInput }
Test-Input -ErrorAction SilentlyContinue
$Error[0].FullyQualifiedErrorId
## STDOUT:
BadInput,Test-Input
## END

#### Write-Error -Exception uses the exception's type as id
Write-Error -Exception ([System.InvalidOperationException]::new('boom')) -ErrorAction SilentlyContinue
$Error[0].FullyQualifiedErrorId.Split(',')[0]
"$($Error[0])"
Write-Error -Exception ([System.InvalidOperationException]::new('boom')) -Message 'shown' -ErrorAction SilentlyContinue
"$($Error[0])"
$Error[0].Exception.Message
## STDOUT:
System.InvalidOperationException
boom
shown
boom
## END

#### Write-Error -ErrorRecord writes a copy of the record
try { [int]'x' } catch { $rec = $_ }
Write-Error -ErrorRecord $rec -ErrorAction SilentlyContinue
$Error[0].FullyQualifiedErrorId -eq $rec.FullyQualifiedErrorId
$Error[0].Exception.Message -eq $rec.Exception.Message
## STDOUT:
True
True
## END

#### Write-Error takes the message from the pipeline
'piped message' | Write-Error -ErrorAction SilentlyContinue
$Error[0].Exception.Message
## STDOUT:
piped message
## END

#### Write-Error -ErrorAction Stop is caught
try { Write-Error 'stop here' -ErrorAction Stop; 'not reached' } catch { "caught: $_" }
## STDOUT:
caught: stop here
## END

#### Write-Warning -WarningAction Stop
try { Write-Warning 'careful' -WarningAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
WARNING: careful
ActionPreferenceStop,Microsoft.PowerShell.Commands.WriteWarningCommand
The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: careful
## END

#### hidden warnings, verbose and debug messages write nothing
$WarningPreference = 'SilentlyContinue'
Write-Warning 'hidden'
Write-Verbose 'hidden'
Write-Debug 'hidden'
'pipe' | Write-Verbose
'done'
## STDOUT:
done
## END

#### Write-Warning shows the WARNING prefix
Write-Warning 'The cache is stale'
## STDOUT:
WARNING: The cache is stale
## END

#### Write-Verbose -Verbose and Write-Debug -Debug show their prefixes
Write-Verbose 'step' -Verbose
Write-Debug 'detail' -Debug
## STDOUT:
VERBOSE: step
DEBUG: detail
## END

#### Write-Information shows a message with InformationAction Continue
Write-Information 'hidden'
Write-Information 'backup finished' -InformationAction Continue
## STDOUT:
backup finished
## END

#### Write-Information record with tags
$r = Write-Information -MessageData 'step 1' -Tags Progress, Setup 6>&1
$r.MessageData
$r.Tags -join ','
## STDOUT:
step 1
Progress,Setup
## END

#### Write-Progress draws nothing without a terminal
Write-Progress -Activity 'Copying' -Status '1 of 2' -PercentComplete 50
Write-Progress -Activity 'Copying' -Id 1 -ParentId 0 -CurrentOperation 'file.txt' -SecondsRemaining 3
Write-Progress -Completed
Write-Progress 'Positional' 'status' 2
'after'
## STDOUT:
after
## END

#### Write-Progress needs an activity unless completing
try { Write-Progress -Status 'x' } catch { $_.FullyQualifiedErrorId }
## STDOUT:
MissingActivity,Microsoft.PowerShell.Commands.WriteProgressCommand
## END

#### Write-Progress checks the percentage range
try { Write-Progress -Activity a -PercentComplete 101 } catch { $_.FullyQualifiedErrorId }
## STDOUT:
ParameterArgumentValidationError,Microsoft.PowerShell.Commands.WriteProgressCommand
## END

#### Out-Null discards output
1, 2 | Out-Null
Out-Null -InputObject 3
'x'
## STDOUT:
x
## END

#### Out-Host shows output and passes nothing on
$r = 'shown' | Out-Host
$null -eq $r
'paged' | Out-Host -Paging
## STDOUT:
shown
True
paged
## END

#### Out-Default formats like the end of a pipeline
1..2 | Out-Default
'transcript only' | Out-Default -Transcript
## STDOUT:
1
2
## END

#### Invoke-Expression runs in the current scope
$code = '$n = 6; $n * 7'
Invoke-Expression $code
$n
iex 'function Say-Hi { "hi" }'
Say-Hi
## STDOUT:
42
6
hi
## END

#### Invoke-Expression runs piped strings
'1 + 1', '"a" * 3' | iex
## STDOUT:
2
aaa
## END

#### Invoke-Expression parse error points into the string
try { Invoke-Expression '1 +' } catch { $_.FullyQualifiedErrorId; $_.InvocationInfo.ScriptLineNumber }
## STDOUT:
ExpectedValueExpression,Microsoft.PowerShell.Commands.InvokeExpressionCommand
1
## END

#### Invoke-Command passes arguments
Invoke-Command -ScriptBlock { param($a, $b) $a + $b } -ArgumentList 2, 3
icm { $args.Count } -Args 1, 2, 3
## STDOUT:
5
3
## END

#### Invoke-Command reads input from $input
1..3 | Invoke-Command { $input | ForEach-Object { $_ * 2 } }
Invoke-Command { "in: $input" } -InputObject 5
## STDOUT:
2
4
6
in: 5
## END

#### Invoke-Command scope and -NoNewScope
Invoke-Command { $gone = 1 }
$null -eq $gone
Invoke-Command { $answer = 42 } -NoNewScope
$answer
## STDOUT:
True
42
## END

#### Invoke-Command remoting parameters are not supported
try { Invoke-Command -ComputerName srv1 { 1 } } catch {
    $_.FullyQualifiedErrorId
    $_.Exception.Message -like '*-ComputerName*'
}
## STDOUT:
RemotingNotSupported,Microsoft.PowerShell.Commands.InvokeCommandCommand
True
## END
