# Spec tests: Get-Process and Start-Process on Linux.
#
# Sources (PowerShell 7.4): the cmdlet pages; PowerShell's source Process.cs
# (ProcessBaseCommand: sorting, NoProcessFoundForGivenName / RecommendIdTagForGivenName /
# NoProcessFoundForGivenId; StartProcessCommand: the Unix path -- Arguments joined with
# spaces, output copied by the data-received handlers, which skip empty lines, input file
# written with a line end; the WorkingDirectory / redirection checks), ProcessResources.resx,
# .NET's Process.Unix ParseArgumentsIntoList.  Programs used: sh, cat, env, pwd.

#### Get-Process -Id $PID is this session's process
$p = Get-Process -Id $PID
$p.Id -eq $PID
$p.GetType().FullName
$p.ProcessName -eq $p.Name
$p.HasExited
$p.StartTime -le (Get-Date)
## STDOUT:
True
System.Diagnostics.Process
True
False
True
## END

#### Get-Process -Name matches names with wildcards, case ignored
$name = (Get-Process -Id $PID).ProcessName
(Get-Process -Name $name).Id -contains $PID
(Get-Process -Name $name.ToUpper()).Id -contains $PID
(Get-Process -Name ($name.Substring(0, 2) + '*')).Id -contains $PID
@(Get-Process -Name 'zz-no-such-process-*').Count
## STDOUT:
True
True
True
0
## END

#### Get-Process without a name lists every process, sorted by name and id
$all = Get-Process
$all.Id -contains $PID
$inOrder = $true
for ($i = 1; $i -lt $all.Count; $i++) {
    $c = [string]::Compare($all[$i - 1].ProcessName, $all[$i].ProcessName, [StringComparison]::OrdinalIgnoreCase)
    if ($c -gt 0 -or ($c -eq 0 -and $all[$i - 1].Id -gt $all[$i].Id)) { $inOrder = $false }
}
$inOrder
## STDOUT:
True
True
## END

#### a name or id that matches nothing is a non-terminating error
try { Get-Process -Name zz-no-such-process -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; "$_"; $_.CategoryInfo.Category }
try { Get-Process -Name 2147483646 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; "$_" }
try { Get-Process -Id 2147483646 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; "$_" }
## STDOUT:
NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand
Cannot find a process with the name "zz-no-such-process". Verify the process name and call the cmdlet again.
ObjectNotFound
RecommendIdTagForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand
Cannot find a process with the name "2147483646". Try running with -Id to search by Id of processes.
NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.GetProcessCommand
Cannot find a process with the process identifier 2147483646.
## END

#### Get-Process goes on after a missing id
$found = Get-Process -Id 2147483646, $PID -ErrorAction SilentlyContinue
$found.Id -eq $PID
## STDOUT:
True
## END

#### process objects can be piped back in, and by property name
(Get-Process -Id $PID | Get-Process).Id -eq $PID
([pscustomobject]@{ Id = $PID } | Get-Process).Id -eq $PID
## STDOUT:
True
True
## END

#### Start-Process -Wait -PassThru gives the exit code
$p = Start-Process -FilePath sh -ArgumentList '-c', '"exit 3"' -Wait -PassThru
$p.ExitCode
$p.HasExited
$p.GetType().FullName
## STDOUT:
3
True
System.Diagnostics.Process
## END

#### without -PassThru Start-Process writes nothing
$out = Start-Process -FilePath sh -ArgumentList '-c', 'true' -Wait
$null -eq $out
## STDOUT:
True
## END

#### redirected output drops empty lines, as pwsh on Linux copies it
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-sp1-$PID"
$null = New-Item -ItemType Directory -Path $dir -Force
$o = Join-Path $dir 'out.txt'; $e = Join-Path $dir 'err.txt'
Start-Process sh -ArgumentList '-c', '"printf ''a\n\nb\n''; echo oops >&2"' -RedirectStandardOutput $o -RedirectStandardError $e -Wait
Get-Content $o
Get-Content $e
Remove-Item -Recurse -Force $dir
## STDOUT:
a
b
oops
## END

#### -RedirectStandardInput feeds a file
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-sp2-$PID"
$null = New-Item -ItemType Directory -Path $dir -Force
Set-Content (Join-Path $dir 'in.txt') 'first', 'second'
Push-Location $dir
Start-Process cat -RedirectStandardInput in.txt -RedirectStandardOutput out.txt -Wait
Get-Content out.txt
Pop-Location
Remove-Item -Recurse -Force $dir
## STDOUT:
first
second
## END

#### -ArgumentList is joined and split again by .NET's rules
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-sp3-$PID"
$null = New-Item -ItemType Directory -Path $dir -Force
$o = Join-Path $dir 'out.txt'
Start-Process sh -ArgumentList '-c', '"printf ''[%s]'' \"$@\""', 'sh', 'two words', '"two words"', 'a\"b', 'c\\d' -RedirectStandardOutput $o -Wait
Get-Content $o
Remove-Item -Recurse -Force $dir
## STDOUT:
[two][words][two words][a"b][c\\d]
## END

#### -Environment sets and removes variables for the program
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-sp4-$PID"
$null = New-Item -ItemType Directory -Path $dir -Force
$o = Join-Path $dir 'out.txt'
$env:PWSHLIKE_SP_KEEP = 'kept'
Start-Process sh -ArgumentList '-c', '"echo $STAGE-$PWSHLIKE_SP_KEEP-[$HOME]"' -Environment @{ STAGE = 'test'; HOME = $null } -RedirectStandardOutput $o -Wait
Get-Content $o
$env:STAGE -eq $null
Remove-Item Env:PWSHLIKE_SP_KEEP
Remove-Item -Recurse -Force $dir
## STDOUT:
test-kept-[]
True
## END

#### -UseNewEnvironment starts from an empty environment on Linux
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-sp5-$PID"
$null = New-Item -ItemType Directory -Path $dir -Force
$o = Join-Path $dir 'out.txt'
Start-Process env -UseNewEnvironment -Environment @{ ONLY = '1' } -RedirectStandardOutput $o -Wait
Get-Content $o
Remove-Item -Recurse -Force $dir
## STDOUT:
ONLY=1
## END

#### the program starts in the current location or -WorkingDirectory
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-sp6-$PID"
$null = New-Item -ItemType Directory -Path (Join-Path $dir 'sub') -Force
Push-Location $dir
Start-Process pwd -RedirectStandardOutput here.txt -Wait
Start-Process pwd -WorkingDirectory sub -RedirectStandardOutput sub.txt -Wait
(Get-Content here.txt) -eq $dir
(Get-Content sub.txt) -eq (Join-Path $dir 'sub')
Pop-Location
Remove-Item -Recurse -Force $dir
## STDOUT:
True
True
## END

#### a missing working folder or input file is a non-terminating error
try { Start-Process pwd -WorkingDirectory /no/such/folder -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; "$_" }
try { Start-Process cat -RedirectStandardInput /no/such/input.txt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; "$_" }
Start-Process pwd -WorkingDirectory /no/such/folder -ErrorAction SilentlyContinue
'continued'
## STDOUT:
DirectoryNotFoundException,Microsoft.PowerShell.Commands.StartProcessCommand
This command cannot be run because either the parameter "WorkingDirectory" has a value that is not valid or cannot be used with this command. Give a valid input and Run your command again.
FileNotFoundException,Microsoft.PowerShell.Commands.StartProcessCommand
This command cannot be run because either the parameter "RedirectStandardInput '/no/such/input.txt'" has a value that is not valid or cannot be used with this command. Give a valid input and Run your command again.
continued
## END

#### the redirection files must differ
try { Start-Process cat -RedirectStandardOutput same.txt -RedirectStandardError same.txt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; "$_" }
## STDOUT:
InvalidOperationException,Microsoft.PowerShell.Commands.StartProcessCommand
This command cannot be run because "RedirectStandardOutput" and "RedirectStandardError" are same. Give different inputs and Run your command again.
## END

#### -WhatIf names the program and its arguments
Start-Process /bin/sh -ArgumentList '-c', 'true' -WhatIf
Start-Process /bin/sh -ArgumentList ' -c ', ' true ' -WhatIf
## STDOUT:
What if: Performing the operation "Start-Process" on target "/bin/sh -c true".
What if: Performing the operation "Start-Process" on target "/bin/sh -c   true".
## END

#### -Verb and -WindowStyle are not supported on Linux
try { Start-Process sh -Verb RunAs } catch { $_.FullyQualifiedErrorId; "$_" }
try { Start-Process sh -WindowStyle Hidden } catch { $_.FullyQualifiedErrorId; "$_" }
## STDOUT:
NotSupportedException,Microsoft.PowerShell.Commands.StartProcessCommand
The parameter '-Verb' is not supported for the cmdlet 'Start-Process' on this edition of PowerShell.
NotSupportedException,Microsoft.PowerShell.Commands.StartProcessCommand
The parameter '-WindowStyle' is not supported for the cmdlet 'Start-Process' on this edition of PowerShell.
## END

#### a program that cannot be found
try { Start-Process zz-no-such-program -NoNewWindow } catch { $_.FullyQualifiedErrorId; $_.Exception.Message -like "An error occurred trying to start process 'zz-no-such-program' with working directory '*'. No such file or directory" }
## STDOUT:
System.ComponentModel.Win32Exception,Microsoft.PowerShell.Commands.StartProcessCommand
True
## END

#### the process object follows a running program
$p = Start-Process sleep -ArgumentList 30 -PassThru
$p.HasExited
$p.WaitForExit(50)
$p.Kill()
$p.WaitForExit(5000)
$p.HasExited
$p.ExitCode
## STDOUT:
False
False
True
True
137
## END
