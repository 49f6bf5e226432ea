# Spec tests: how a pipeline runs its commands, and stopping it early.
#
# Sources: PowerShell 7.4 source (PipelineProcessor.SynchronousExecuteEnumerate and
# DoCompleteCore, StopUpstreamCommandsException, SelectObjectCommand.ProcessRecord and
# SelectObjectQueue.AllRequestedObjectsProcessed, CommandProcessor.ProcessRecord's
# RanBeginAlready) and its Pester tests (test/powershell/Language/Scripting/
# PipelineBehaviour.Tests.ps1); Select-Object's reference page (-First, -Index, -Wait);
# about_Functions_Advanced_Methods (clean); PowerShell issue #13997 (a stopped command's
# catch does not run, its finally does).

#### Select-Object -First ends an endless upstream loop, with $? true and no error
$Error.Clear()
& { while ($true) { 1 } } | Select-Object -First 2
$?
$Error.Count
## STDOUT:
1
1
True
0
## END

#### Select-Object -First stops the upstream ForEach-Object after the records it needs
$n = 0
1..5 | ForEach-Object { $n++; "p$_"; $_ } | Select-Object -First 3
"n=$n"
## STDOUT:
p1
1
p2
n=2
## END

#### -Skip with -First stops after Skip + First records
$n = 0
1..10 | ForEach-Object { $n++; $_ } | Select-Object -Skip 2 -First 2
"n=$n"
## STDOUT:
3
4
n=4
## END

#### -Index stops once the highest index is reached
$n = 0
(1..10 | ForEach-Object { $n++; $_ } | Select-Object -Index 3, 1) -join ','
"n=$n"
## STDOUT:
2,4
n=4
## END

#### -Wait, -First 0 and -Last do not stop the upstream commands
$n = 0
(1..6 | ForEach-Object { $n++; $_ } | Select-Object -First 2 -Wait) -join ','
"n=$n"
$n = 0
(1..6 | ForEach-Object { $n++; $_ } | Select-Object -First 0) -join ','
"n=$n"
$n = 0
(1..6 | ForEach-Object { $n++; $_ } | Select-Object -First 1 -Last 1) -join ','
"n=$n"
$n = 0
(1..6 | ForEach-Object { $n++; $_ } | Select-Object -Index 1 -Wait) -join ','
"n=$n"
$n = 0
(1..6 | ForEach-Object { $n++; $_ } | Select-Object -First 2) -join ','
"n=$n"
## STDOUT:
1,2
n=6

n=6
1,6
n=6
2
n=6
1,2
n=2
## END

#### -Unique with -First still writes its objects when it stops the input
$n = 0
(1, 1, 2, 3, 4 | ForEach-Object { $n++; $_ } | Select-Object -First 3 -Unique) -join ','
"n=$n"
## STDOUT:
1,2
n=3
## END

#### Stopped upstream: end blocks skipped, finally runs, catch does not, clean runs last
$log = [System.Collections.Generic.List[string]]::new()
function Up {
    process { try { $_ } catch { $log.Add("caught") } finally { $log.Add("finally $_") } }
    end { $log.Add("up end") }
    clean { $log.Add("up clean") }
}
1..5 | Up | Select-Object -First 2 | ForEach-Object { "got $_" } -End { "down end" }
$log
## STDOUT:
got 1
got 2
down end
finally 1
finally 2
up clean
## END

#### A halted pipeline does not run End of the upstream script block (Pester)
1..10 |
    & {
        begin { "BEGIN" }
        process { "PROCESS $_" }
        end { "END"; throw "This should not be reached." }
    } |
    Select-Object -First 3
## STDOUT:
BEGIN
PROCESS 1
PROCESS 2
## END

#### A halted pipeline still runs the upstream clean block (Pester)
$log = [System.Collections.Generic.List[string]]::new()
1..10 | & { process { $_ } clean { $log.Add('Clean block hit') } } | Select-Object -First 1
$log
## STDOUT:
1
Clean block hit
## END

#### Clean blocks run for the commands that ran, also when an error ends the pipeline (Pester)
$log = [System.Collections.Generic.List[string]]::new()
function test-1 {
    param([switch] $EmitError)
    process { if ($EmitError) { throw 'test-1-process-error' } else { 'test-1' } }
    clean { $log.Add('test-1-clean') }
}
function test-2 { begin { } process { $_ } clean { $log.Add('test-2-clean') } }
function test-3 { end { } clean { $log.Add('test-3-clean') } }
test-1 | test-2 | test-3
$log -join ','
$log.Clear()
try { test-1 -EmitError | test-2 | test-3 } catch { $_.Exception.Message }
$log -join ','
$log.Clear()
function t1 { clean { $log.Add('t1') } }
function t2 { end { 'end' } clean { $log.Add('t2') } }
function t3 { process { } }
function t4 { process { "t4: $_" } clean { $log.Add('t4') } }
t1; t2; t3 | t4
$log -join ','
## STDOUT:
test-1-clean,test-2-clean,test-3-clean
test-1-process-error
test-1-clean,test-2-clean
end
t2
## END

#### Output of a begin block reaches the next command after it has begun
& { begin { 'a'; 'b'; 'c' } } | ForEach-Object -Begin { 'fe begin' } -Process { "fe $_" }
& { begin { 'a'; 'b'; 'c' } } | Select-Object -First 2
## STDOUT:
fe begin
fe a
fe b
fe c
a
b
## END

#### Select-Object in a nested pipeline stops only its own pipeline
1..3 | ForEach-Object { $n = 0; 1..10 | ForEach-Object { $n++; $_ } | Select-Object -First 1; "n=$n" }
## STDOUT:
1
n=1
1
n=1
1
n=1
## END

#### Select-Object after a nested pipeline stops the outer pipeline from inside it
$seen = 0
1..5 | ForEach-Object { $o = $_; 1..3 | ForEach-Object { $seen++; "$o.$_" } } | Select-Object -First 4
"seen=$seen"
## STDOUT:
1.1
1.2
1.3
2.1
seen=4
## END

#### A stopped ForEach-Object gives the caller back its $_
'outer' | ForEach-Object {
    $n = 0
    1..5 | ForEach-Object { $n++; $_ } | Select-Object -First 1
    "[$_] n=$n"
}
## STDOUT:
1
[outer] n=1
## END

#### Stopping inside try/catch is not an error; the script goes on
$n = 0
try { 1..5 | ForEach-Object { $n++; $_ } | Select-Object -First 1 } catch { 'caught' }
"n=$n $?"
$r = 1..5 | ForEach-Object { $n++; $_ } | Select-Object -First 2
"$r n=$n"
## STDOUT:
1
n=1 True
1 2 n=3
## END

#### A native command upstream is ended when Select-Object has what it needs
$marker = [System.IO.Path]::GetTempFileName()
Remove-Item $marker
$script = 'for i in 1 2 3 4 5 6 7 8; do echo "$i"; sleep 0.2; done; echo done > "$1"'
sh -c $script sh $marker | Select-Object -First 3
$?
Test-Path $marker
## STDOUT:
1
2
3
True
False
## END

#### A range feeding a pipeline is enumerated lazily, never materialised
1..1000000000 | Select-Object -First 3
(2147483647..-2147483648 | Select-Object -First 2) -join ','
('a'..'e' | Select-Object -First 2) -join ','
## STDOUT:
1
2
3
2147483647,2147483646
a,b
## END

#### foreach over a range is lazy, however large the range
foreach ($i in 1..100000000) { if ($i -gt 3) { break }; $i }
foreach ($i in (2000000000..-2000000000)) { if ($i -lt 1999999999) { break }; $i }
## STDOUT:
1
2
3
2000000000
1999999999
## END
