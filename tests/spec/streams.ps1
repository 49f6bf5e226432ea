# Spec tests: the output streams (success, error, warning, verbose, debug, information),
# their preference variables and common parameters, and redirection.
#
# Sources: about_Output_Streams, about_Redirection, about_Preference_Variables,
# about_CommonParameters (PowerShell 7.4 docs).  The console host writes warning,
# verbose and debug lines to standard output with their "WARNING: ", "VERBOSE: ",
# "DEBUG: " prefixes; errors go to standard error.

#### warnings are shown with their prefix
Write-Warning 'careful'
'after'
## STDOUT:
WARNING: careful
after
## END

#### verbose and debug are hidden by default
Write-Verbose 'v'
Write-Debug 'd'
'shown'
## STDOUT:
shown
## END

#### -Verbose and -Debug show them
Write-Verbose 'v' -Verbose
Write-Debug 'd' -Debug
## STDOUT:
VERBOSE: v
DEBUG: d
## END

#### the preference variables
$VerbosePreference = 'Continue'
Write-Verbose 'now visible'
$VerbosePreference = 'SilentlyContinue'
Write-Verbose 'hidden again'
$WarningPreference = 'SilentlyContinue'
Write-Warning 'hidden warning'
## STDOUT:
VERBOSE: now visible
## END

#### -Verbose:$false beats the preference variable
$VerbosePreference = 'Continue'
Write-Verbose 'no' -Verbose:$false
Write-Verbose 'yes'
## STDOUT:
VERBOSE: yes
## END

#### information is shown only when InformationPreference is Continue
Write-Information 'quiet'
Write-Information 'loud' -InformationAction Continue
$InformationPreference = 'Continue'
Write-Information 'loud too'
## STDOUT:
loud
loud too
## END

#### Write-Host goes through the information stream
Write-Host 'visible'
Write-Host 'dropped' 6>$null
Write-Host 'ignored' -InformationAction Ignore
Write-Host 'silent is still shown' -InformationAction SilentlyContinue
$r = Write-Host 'captured' 6>&1
$r.GetType().Name
"[$r]"
## STDOUT:
visible
silent is still shown
InformationRecord
[captured]
## END

#### 2>&1 merges errors into the output
$r = Write-Error 'boom' 2>&1
$r.GetType().Name
"$r"
## STDOUT:
ErrorRecord
boom
## END

#### 3>&1 merges warnings into the output
$w = Write-Warning 'w' 3>&1
$w.GetType().Name
$w.Message
## STDOUT:
WarningRecord
w
## END

#### *>&1 merges every stream shown by its preference, in order
function Show-All {
  [CmdletBinding()]
  param()
  Write-Verbose 'v'
  Write-Warning 'w'
  Write-Information 'i'
  Write-Error 'e'
  'o'
}
Show-All *>&1 | ForEach-Object { $_.GetType().Name }
'---'
Show-All -Verbose *>&1 | ForEach-Object { "$_" }
## STDOUT:
WarningRecord
InformationRecord
ErrorRecord
String
---
v
w
i
e
o
## END

#### redirecting to $null drops a stream
function Show-All { [CmdletBinding()] param() Write-Warning 'w'; Write-Error 'e'; 'o' }
Show-All 3>$null 2>$null
'---'
Show-All *>$null
'end'
## STDOUT:
o
---
end
## END

#### a redirection covers the commands inside a function
function Inner { Write-Warning 'inner warning' }
function Outer { Inner; 'outer output' }
$r = Outer 3>&1
$r.Count
$r[0].Message
## STDOUT:
2
inner warning
## END

#### redirection to a file, appending and merging
$f = [System.IO.Path]::GetTempFileName()
'a', 'b' > $f
'c' >> $f
[System.IO.File]::ReadAllLines($f) -join '|'
& { Write-Warning 'w1'; 'o1' } 3> $f
[System.IO.File]::ReadAllLines($f) -join '|'
& { Write-Warning 'w2'; 'o2' } *> $f
[System.IO.File]::ReadAllLines($f) -join '|'
[System.IO.File]::Delete($f)
## STDOUT:
a|b|c
o1
w1
w2|o2
## END

#### ErrorAction Stop makes a non-terminating error terminating
try {
  Write-Error 'stop here' -ErrorAction Stop
  'not reached'
} catch { "caught: $_" }
## STDOUT:
caught: stop here
## END

#### ErrorAction SilentlyContinue records the error; Ignore does not
$Error.Clear()
Write-Error 'quiet' -ErrorAction SilentlyContinue
$Error.Count
Write-Error 'gone' -ErrorAction Ignore
$Error.Count
$Error[0].Exception.Message
## STDOUT:
1
1
quiet
## END

#### ErrorActionPreference governs commands without -ErrorAction
$ErrorActionPreference = 'SilentlyContinue'
Write-Error 'hidden'
'still running'
$ErrorActionPreference = 'Stop'
try { Write-Error 'now fatal'; 'no' } catch { "caught: $_" }
## STDOUT:
still running
caught: now fatal
## END

#### WarningAction Stop writes the warning, then stops
try { Write-Warning 'w' -WarningAction Stop } catch {
  $_.FullyQualifiedErrorId
  $_.Exception.Message
}
## STDOUT:
WARNING: w
ActionPreferenceStop,Microsoft.PowerShell.Commands.WriteWarningCommand
The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: w
## END

#### ErrorVariable collects a command's errors; a plus sign appends
function Fail-Twice { [CmdletBinding()] param() Write-Error 'one'; Write-Error 'two' }
Fail-Twice -ErrorVariable ev -ErrorAction SilentlyContinue
$ev.Count
"$($ev[0]) $($ev[1])"
Fail-Twice -ErrorVariable +ev -ErrorAction SilentlyContinue
$ev.Count
Fail-Twice -ErrorVariable ev -ErrorAction SilentlyContinue
$ev.Count
## STDOUT:
2
one two
4
2
## END

#### ErrorVariable also gets a terminating error
function Throw-It { [CmdletBinding()] param() throw 'fatal' }
try { Throw-It -ErrorVariable tv } catch { }
$tv.Count
"$($tv[0])"
## STDOUT:
1
fatal
## END

#### WarningVariable and InformationVariable
Write-Warning 'w' -WarningVariable wv -WarningAction SilentlyContinue
Write-Information 'i' -InformationVariable iv
"$wv / $iv"
$iv[0].GetType().Name
## STDOUT:
w / i
InformationRecord
## END

#### OutVariable keeps the output and passes it on
Write-Output 1, 2, 3 -OutVariable ov | ForEach-Object { $_ * 10 }
"ov=$ov count=$($ov.Count)"
## STDOUT:
10
20
30
ov=1 2 3 count=3
## END

#### PipelineVariable names each output object for later commands
1..3 | ForEach-Object -PipelineVariable first { $_ * 10 } | ForEach-Object { "$first-$_" }
## STDOUT:
10-10
20-20
30-30
## END

#### WhatIf for a command that supports ShouldProcess
function Remove-It { [CmdletBinding(SupportsShouldProcess)] param($Path) if ($PSCmdlet.ShouldProcess($Path, 'Delete')) { 'deleted' } }
Remove-It -Path x.txt -WhatIf
Remove-It -Path y.txt -Verbose
## STDOUT:
What if: Performing the operation "Delete" on target "x.txt".
VERBOSE: Performing the operation "Delete" on target "y.txt".
deleted
## END
