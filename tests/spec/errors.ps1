# Spec tests: errors -- try/catch/finally, throw, trap, $?, $Error,
# -ErrorAction / $ErrorActionPreference, pipeline chain operators.
#
# Sources (PowerShell 7.5 docs): about_Try_Catch_Finally, about_Throw,
# about_Trap, about_Break, about_Error_Handling, about_Automatic_Variables ($?),
# about_Pipeline_Chain_Operators, about_Language_Keywords (exit),
# about_Scripts (CommandNotFoundException id).
# `throw <string>` uses the message as its error id and a bare `throw` uses
# ScriptHalted (PowerShell sources: ExceptionHandlingOps.ConvertToException).
# Exit status follows `pwsh -File`: 0 on normal completion, 1 when the script
# terminates from an unhandled error, N for `exit N`.

#### catch a command-not-found error
try { NonsenseString }
catch { "An error occurred." }
## STDOUT:
An error occurred.
## END

#### catch by exception type
try { NonsenseString }
catch [System.Management.Automation.CommandNotFoundException] {
    "Inherited Exception"
}
## STDOUT:
Inherited Exception
## END

#### catch by base exception type
try { NonsenseString }
catch [System.SystemException] { "Base Exception" }
## STDOUT:
Base Exception
## END

#### first matching catch block wins
try { NonsenseString }
catch [System.Management.Automation.CommandNotFoundException] { 'derived' }
catch [System.SystemException] { 'base' }
catch { 'any' }
## STDOUT:
derived
## END

#### catch with a list of types
try { throw [System.IO.IOException]::new('disk') }
catch [System.Net.WebException],[System.IO.IOException] { 'web or io' }
catch { 'other' }
## STDOUT:
web or io
## END

#### non-matching typed catch falls through to a general catch
try { throw [System.FormatException]::new('bad format') }
catch [System.IO.IOException] { 'io' }
catch { "general: $($_.Exception.Message)" }
## STDOUT:
general: bad format
## END

#### RuntimeException catch behaves like a general catch
try { throw [System.FormatException]::new('bad format') }
catch [System.Management.Automation.RuntimeException] { 'caught as RuntimeException' }
## STDOUT:
caught as RuntimeException
## END

#### error record in the catch block
try { NonsenseString }
catch {
    $_.Exception.GetType().FullName
    $_.FullyQualifiedErrorId
    $_.GetType().Name
    $PSItem.TargetObject
}
## STDOUT:
System.Management.Automation.CommandNotFoundException
CommandNotFoundException
ErrorRecord
NonsenseString
## END

#### finally runs after success and after a caught error
try { 'try' } finally { 'finally' }
try { throw 'x' } catch { 'catch' } finally { 'finally again' }
## STDOUT:
try
finally
catch
finally again
## END

#### finally runs when the error is not caught
try {
    'in try'
    throw 'uncaught'
    'not reached'
} finally {
    'cleanup'
}
'after'
## error: uncaught
## status: 1
## STDOUT:
in try
cleanup
## END

#### throw a string
try { throw "This is an error." }
catch {
    $_.Exception.Message
    "$_"
    $_.Exception.GetType().Name
    $_.FullyQualifiedErrorId
}
## STDOUT:
This is an error.
This is an error.
RuntimeException
This is an error.
## END

#### throw without an expression
try { throw }
catch { $_.Exception.Message }
## STDOUT:
ScriptHalted
## END

#### uncaught throw stops the script
'before'
throw 'Critical failure'
'after'
## error: Critical failure
## status: 1
## STDOUT:
before
## END

#### throw unwinds through functions
function Test-Throw {
    throw 'deep failure'
    Write-Output 'This never runs'
}
Test-Throw
Write-Output 'This never runs either'
## error: deep failure
## status: 1

#### throw an exception object
try { throw [System.FormatException]::new('One of the identified items was in an invalid format.') }
catch [System.FormatException] { "format: $($_.Exception.Message)" }
## STDOUT:
format: One of the identified items was in an invalid format.
## END

#### throw a non-string object
try { throw 42 }
catch {
    $_.Exception.Message
    $_.TargetObject
}
## STDOUT:
42
42
## END

#### rethrow from a catch block
try {
    try { throw 'inner' }
    catch { 'handling'; throw }
}
catch { "outer: $_" }
## STDOUT:
handling
outer: inner
## END

#### errors are recorded in Error
try { throw 'first problem' } catch { }
$Error[0].Exception.Message
## STDOUT:
first problem
## END

#### statement-terminating error lets the script continue
NonsenseString
'This still runs'
## error: CommandNotFoundException
## STDOUT:
This still runs
## END

#### non-terminating errors are not caught
try {
    Write-Error 'This is non-terminating'
    Write-Output 'Execution continues'
} catch {
    Write-Output "Caught: $_"
}
## STDOUT:
Execution continues
## END

#### ErrorAction Stop makes an error terminating
try {
    Write-Error 'This becomes terminating' -ErrorAction Stop
} catch {
    Write-Output "Caught: $_"
}
## STDOUT:
Caught: This becomes terminating
## END

#### ErrorActionPreference Stop inside try
try {
    $ErrorActionPreference = 'Stop'
    Write-Error 'preference stop'
    'not reached'
} catch {
    "Caught: $_"
}
## STDOUT:
Caught: preference stop
## END

#### ErrorActionPreference SilentlyContinue suppresses throw
$ErrorActionPreference = 'SilentlyContinue'
throw 'suppressed'
'continued'
$Error[0].Exception.Message
## STDOUT:
continued
suppressed
## END

#### escalated error in a non-advanced scriptblock stops the script
& {
    param()
    $ErrorActionPreference = 'Stop'
    1/0
} 2>$null
'after'
## status: 1

#### escalated error in an advanced scriptblock stops only the statement
& {
    [CmdletBinding()]
    param()
    $ErrorActionPreference = 'Stop'
    1/0
} 2>$null
'after'
## STDOUT:
after
## END

#### ThrowTerminatingError from an advanced function
function Test-Terminating {
    [CmdletBinding()]
    param()
    $er = [System.Management.Automation.ErrorRecord]::new(
        [System.InvalidOperationException]::new('test error'),
        'TestError',
        [System.Management.Automation.ErrorCategory]::InvalidOperation,
        $null
    )
    $PSCmdlet.ThrowTerminatingError($er)
}
try { Test-Terminating } catch {
    $_.Exception.Message
    $_.FullyQualifiedErrorId -like 'TestError*'
    $_.CategoryInfo.Category
}
## STDOUT:
test error
True
InvalidOperation
## END

#### question mark after success and failure
Write-Output 'ok' | Out-Null
$?
Write-Error 'bad' -ErrorAction SilentlyContinue
$?
## STDOUT:
True
False
## END

#### Write-Error in a function does not fail the caller
function Test-WriteError
{
    Write-Error "Bad"
    "The `$? variable is: $?"
}
Test-WriteError
"Now the `$? variable is: $?"
## STDOUT:
The $? variable is: False
Now the $? variable is: True
## END

#### trap handles errors in its function and continues
function TrapTest {
    trap { 'Error found.' }
    nonsenseString
    'after the error'
}
TrapTest
'done'
## STDOUT:
Error found.
after the error
done
## END

#### trap can see the error record
function TrapTest {
    trap { "Error found: $($_.FullyQualifiedErrorId)" }
    nonsenseString
}
TrapTest
'done'
## STDOUT:
Error found: CommandNotFoundException
done
## END

#### most specific trap wins
trap { 'Other terminating error trapped' }
trap [System.Management.Automation.CommandNotFoundException] {
  'Command error trapped'
}
nonsenseString
'done'
## STDOUT:
Command error trapped
done
## END

#### general trap handles other errors
trap { 'Other terminating error trapped' }
trap [System.Management.Automation.CommandNotFoundException] {
    'Command error trapped'
}
1/$null
'done'
## STDOUT:
Other terminating error trapped
done
## END

#### trap continues after the enclosing statement
trap { 'An error occurred!'}
foreach ($x in 2..-1) {
       "1/$x ="
       "  $(1/$x)"
}
'after loop'
## STDOUT:
1/2 =
  0.5
1/1 =
  1
1/0 =
An error occurred!
after loop
## END

#### trap inside the function resumes the function
function function1 {
    trap { 'An error: ' }
    NonsenseString
    'function1 was completed'
}
function1
'done'
## STDOUT:
An error:
function1 was completed
done
## END

#### trap outside the function does not resume the function
function function2 {
    NonsenseString
    'function2 was completed'
}
trap { 'An error:' }
function2
'script continues'
## STDOUT:
An error:
script continues
## END

#### trap with continue suppresses the error
function ContinueExample {
    trap {
        'Error trapped'
        continue
    }
    foreach ($x in 2..-1) {
       "1/$x = "
       "  $(1/$x)"
    }
    'End of function'
}
ContinueExample
'done'
## STDOUT:
1/2 =
  0.5
1/1 =
  1
1/0 =
Error trapped
End of function
done
## END

#### trap with break rethrows the error
function break_example {
    trap {
        'Error trapped'
        break
    }
    1/$null
    'Function completed.'
}
break_example
'not reached'
## error: RuntimeException
## status: 1
## STDOUT:
Error trapped
## END

#### traps are hoisted
throw 'early'
'next statement'
trap { 'trapped'; continue }
## STDOUT:
trapped
next statement
## END

#### first of several matching traps is used
throw 'oops'
'done'
trap { 'whoops 1'; continue }
trap { 'whoops 2'; continue }
## STDOUT:
whoops 1
done
## END

#### divide by zero error id
$zero = 0
1 / $zero
## error: RuntimeException

#### method not found
$MyString = 'abc'
$MyString.DoesNotExist()
## error: MethodNotFound

#### calling a method on null
$n = $null
$n.ToUpper()
## error: InvokeMethodOnNull

#### pipeline chain and
Write-Output 'First' && Write-Output 'Second'
## STDOUT:
First
Second
## END

#### pipeline chain and skips after failure
Write-Error 'Bad' && Write-Output 'Second'
'end'
## STDOUT:
end
## END

#### pipeline chain or
Write-Output 'First' || Write-Output 'Second'
Write-Error 'Bad' || Write-Output 'Second'
## STDOUT:
First
Second
## END

#### assigning a pipeline chain collects all output
$result = Write-Output '1' && Write-Output '2'
$result
## STDOUT:
1
2
## END

#### script-terminating error in a pipeline chain assignment
try
{
    $result = Write-Output 'Value' && $(throw 'Bad')
}
catch
{
}
"Result: $result"
## STDOUT:
Result:
## END

#### caught error ends the pipeline chain
try
{
    $(throw 'Bad') || Write-Output '2'
}
catch
{
    Write-Output "Caught: $_"
}
Write-Output 'Done'
## STDOUT:
Caught: Bad
Done
## END

#### non-terminating error respects question mark in a chain
function Test-NonTerminatingError
{
    [CmdletBinding()]
    param()
    $exception = [System.Exception]::new('BAD')
    $errorRecord = [System.Management.Automation.ErrorRecord]::new(
        $exception, 'BAD', 'NotSpecified', $null
    )
    $PSCmdlet.WriteError($errorRecord)
}
Test-NonTerminatingError || Write-Output 'Second'
## STDOUT:
Second
## END

#### a pipeline with an error anywhere counts as failed
function Test-NotTwo
{
    [CmdletBinding()]
    param(
      [Parameter(ValueFromPipeline)]
      $Value
    )
    process
    {
        if ($Value -ne 2)
        {
            return $Value
        }
        $errorRecord = [System.Management.Automation.ErrorRecord]::new(
            [System.Exception]::new('Input is 2'), 'InputTwo', 'InvalidData', $null
        )
        $PSCmdlet.WriteError($errorRecord)
    }
}
1,2,3 | Test-NotTwo && Write-Output 'All done!'
'end'
## STDOUT:
1
3
end
## END

#### exit sets the exit status
'one'
exit 4
'two'
## status: 4
## STDOUT:
one
## END

#### exit inside a function ends the script
function Stop-Everything { 'stopping'; exit 3 }
Stop-Everything
'not reached'
## status: 3
## STDOUT:
stopping
## END

#### finally runs when exit is called in catch
try { throw 'boom' }
catch { 'caught'; exit 2 }
finally { 'finally' }
## status: 2
## STDOUT:
caught
finally
## END

#### question mark is true again after a statement that succeeds
1/0
$?
'ok'
$?
## STDOUT:
False
ok
True
## END
## error: RuntimeException

#### ScriptStackTrace lists the functions from where the error was raised outwards
function Outer { Inner }
function Inner {
  throw 'boom'
}
try { Outer } catch { $_.ScriptStackTrace -replace '/\S*/', '' }
& { try { [int]'x' } catch { $_.ScriptStackTrace.Split("`n").Count } }
## STDOUT:
at Inner, script.ps1: line 3
at Outer, script.ps1: line 1
at <ScriptBlock>, script.ps1: line 5
at <ScriptBlock>, <No file>: line 1
3
## END

#### a non-terminating error's ScriptStackTrace is where it was written
function Test-Soft {
  Write-Error 'soft' -ErrorAction SilentlyContinue -ErrorVariable ev
  ($ev[0].ScriptStackTrace -split "`n")[0] -replace '/\S*/', ''
}
Test-Soft
## STDOUT:
at Test-Soft, script.ps1: line 2
## END

#### $_ is the error only inside the catch block; the previous $_ comes back after it
$_ = 'before'
try { throw 'x' } catch { "in: $_" }
"after: $_"
1 | ForEach-Object { try { throw 'y' } catch { }; "item: $_" }
## STDOUT:
in: x
after: before
item: 1
## END
