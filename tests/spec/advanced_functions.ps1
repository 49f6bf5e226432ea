# Spec tests: advanced functions — [CmdletBinding()], [Parameter()], [Alias()], typed
# parameters with defaults, $PSBoundParameters, $PSCmdlet (ParameterSetName,
# ShouldProcess, ShouldContinue, WriteError, ThrowTerminatingError, WriteObject),
# begin/process/end, and the common parameters they get.
#
# Sources: about_Functions_Advanced, about_Functions_CmdletBindingAttribute,
# about_Functions_Advanced_Parameters, about_Functions_Advanced_Methods,
# about_CommonParameters, about_Preference_Variables (PowerShell 7.4 docs).

#### a Parameter attribute makes a function advanced
function Get-Adv { param([Parameter()]$Name) "name=$Name" }
Get-Adv -Name a
Get-Adv a b
## error: PositionalParameterNotFound
## STDOUT:
name=a
## END

#### advanced functions have no args
function Get-Adv { [CmdletBinding()] param() "args=$($args.Count)" }
Get-Adv
## STDOUT:
args=0
## END

#### begin, process and end with pipeline input
function Measure-It {
  [CmdletBinding()]
  param([Parameter(ValueFromPipeline)]$InputObject)
  begin { $n = 0; 'begin' }
  process { $n++; "process $InputObject" }
  end { "end $n" }
}
'a', 'b' | Measure-It
Measure-It -InputObject c
## STDOUT:
begin
process a
process b
end 2
begin
process c
end 1
## END

#### the process block runs once without pipeline input
function Get-Once { [CmdletBinding()] param($x) process { "process $x" } }
Get-Once 1
## STDOUT:
process 1
## END

#### empty pipeline input skips the process block
function Get-None { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$x) process { 'process' } end { 'end' } }
@() | Get-None
## STDOUT:
end
## END

#### input without pipeline parameters is an error per record
function Get-NoPipe { [CmdletBinding()] param() process { 'process' } }
1 | Get-NoPipe
$Error[0].FullyQualifiedErrorId
## STDOUT:
InputObjectNotBound,Get-NoPipe
## END

#### mandatory parameters, positions and help messages
function Get-Greeting {
  [CmdletBinding()]
  param(
    [Parameter(Mandatory, Position = 0, HelpMessage = 'Who to greet')][string]$Name,
    [Parameter(Position = 1)][string]$Greeting = 'Hello'
  )
  "$Greeting, $Name!"
}
Get-Greeting World
Get-Greeting World Hi
Get-Greeting -Greeting Hey -Name You
try { Get-Greeting } catch { $_.FullyQualifiedErrorId }
## STDOUT:
Hello, World!
Hi, World!
Hey, You!
MissingMandatoryParameter,Get-Greeting
## END

#### typed parameters start with typed defaults
function Get-Defaults { param([string]$s, [int]$i, [bool]$b, [switch]$w, $o, [int]$c = '5')
  "s=[$s] $($null -eq $s) i=$i b=$b w=$w o=$($null -eq $o) c=$c $($c.GetType().Name)" }
Get-Defaults
## STDOUT:
s=[] False i=0 b=False w=False o=True c=5 Int32
## END

#### assignments to a typed parameter keep converting
function Set-It { param([int]$n) $n = '42'; $n.GetType().Name; $n + 1 }
Set-It
## STDOUT:
Int32
43
## END

#### aliases on parameters
function Get-Path { [CmdletBinding()] param([Alias('PSPath', 'LP')][string]$LiteralPath) $LiteralPath }
Get-Path -LP one
Get-Path -PSPath two
## STDOUT:
one
two
## END

#### PSBoundParameters includes common parameters but no defaults
function Get-B { [CmdletBinding()] param($a, $b = 2) $PSBoundParameters.Keys -join ','; $PSBoundParameters.ContainsKey('b') }
Get-B -a 1 -Verbose
## STDOUT:
a,Verbose
False
## END

#### PSBoundParameters follows the pipeline record
function Get-Rec {
  [CmdletBinding()]
  param([Parameter(ValueFromPipelineByPropertyName)]$Name, $Tag)
  process { "$($PSBoundParameters.Count) $Name $Tag" }
}
[pscustomobject]@{ Name = 'n1' }, [pscustomobject]@{ Name = 'n2' } | Get-Rec -Tag t
## STDOUT:
2 n1 t
2 n2 t
## END

#### the parameter set name
function Get-Kind {
  [CmdletBinding(DefaultParameterSetName = 'Path')]
  param([Parameter(ParameterSetName = 'Path', Position = 0)][string]$Path,
        [Parameter(ParameterSetName = 'Literal')][string]$LiteralPath)
  $PSCmdlet.ParameterSetName
}
Get-Kind
Get-Kind x
Get-Kind -LiteralPath y
## STDOUT:
Path
Path
Literal
## END

#### a default set named by CmdletBinding alone
function Get-Only { [CmdletBinding(DefaultParameterSetName = 'Only')] param($x) $PSCmdlet.ParameterSetName }
function Get-All { [CmdletBinding()] param($x) $PSCmdlet.ParameterSetName }
Get-Only
Get-All
## STDOUT:
Only
__AllParameterSets
## END

#### ValueFromRemainingArguments in an advanced function
function Get-Rest {
  [CmdletBinding()]
  param([Parameter(Position = 0)]$First, [Parameter(ValueFromRemainingArguments)][string[]]$Rest)
  if ($null -eq $Rest) { "first=$First no rest" }
  else { "first=$First rest=$($Rest -join '|') type=$($Rest.GetType().Name)" }
}
Get-Rest a b c
Get-Rest a
## STDOUT:
first=a rest=b|c type=String[]
first=a no rest
## END

#### WhatIf prints and skips the action
function Remove-Thing {
  [CmdletBinding(SupportsShouldProcess)]
  param([Parameter(ValueFromPipeline)][string]$Name)
  process {
    if ($PSCmdlet.ShouldProcess($Name, 'Remove thing')) { "removed $Name" }
  }
}
Remove-Thing -Name a
Remove-Thing -Name b -WhatIf
'c', 'd' | Remove-Thing -WhatIf
## STDOUT:
removed a
What if: Performing the operation "Remove thing" on target "b".
What if: Performing the operation "Remove thing" on target "c".
What if: Performing the operation "Remove thing" on target "d".
## END

#### ShouldProcess with the target only names the command
function Clear-Thing { [CmdletBinding(SupportsShouldProcess)] param($Target) if ($PSCmdlet.ShouldProcess($Target)) { 'cleared' } }
Clear-Thing x -WhatIf
## STDOUT:
What if: Performing the operation "Clear-Thing" on target "x".
## END

#### ShouldProcess with a description, warning and caption
function Stop-Thing {
  [CmdletBinding(SupportsShouldProcess)]
  param()
  $reason = ''
  if ($PSCmdlet.ShouldProcess('Stopping the thing.', 'Stop the thing?', 'Stop')) { 'stopped' }
  $PSCmdlet.ShouldProcess('again', 'again?', 'Stop', [ref]$reason) | Out-Null
  "reason=$reason"
}
Stop-Thing -WhatIf
Stop-Thing
## STDOUT:
What if: Stopping the thing.
What if: again
reason=WhatIf
stopped
reason=None
## END

#### WhatIfPreference and -WhatIf:$false
function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param($Name) if ($PSCmdlet.ShouldProcess($Name)) { "removed $Name" } }
$WhatIfPreference = $true
Remove-Thing a
Remove-Thing b -WhatIf:$false
$WhatIfPreference = $false
Remove-Thing c
## STDOUT:
What if: Performing the operation "Remove-Thing" on target "a".
removed b
removed c
## END

#### WhatIf flows into the commands a function calls
function Inner { [CmdletBinding(SupportsShouldProcess)] param() if ($PSCmdlet.ShouldProcess('inner target')) { 'inner done' } }
function Outer { [CmdletBinding(SupportsShouldProcess)] param() Inner; "outer WhatIfPreference=$WhatIfPreference" }
Outer -WhatIf
Outer
## STDOUT:
What if: Performing the operation "Inner" on target "inner target".
outer WhatIfPreference=True
inner done
outer WhatIfPreference=False
## END

#### a confirmation prompt needs an interactive host
function Hi { [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')] param() if ($PSCmdlet.ShouldProcess('x')) { 'done' } }
Hi -Confirm:$false
$ConfirmPreference = 'None'
Hi
$ConfirmPreference = 'High'
try { Hi } catch { $_.Exception.InnerException.Message }
## STDOUT:
done
done
PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.
## END

#### Confirm sets ConfirmPreference for the function's commands
function Get-Pref { [CmdletBinding(SupportsShouldProcess)] param() "$ConfirmPreference" }
Get-Pref
Get-Pref -Confirm:$false
## STDOUT:
High
None
## END

#### ShouldContinue needs an interactive host
function Ask { [CmdletBinding()] param() $PSCmdlet.ShouldContinue('Really?', 'Question') }
try { Ask } catch { $_.Exception.InnerException.Message }
## STDOUT:
PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.
## END

#### WriteObject with and without enumeration
function Out-Things { [CmdletBinding()] param() $PSCmdlet.WriteObject(@(1, 2)); $PSCmdlet.WriteObject(@(3, 4), $true) }
$r = Out-Things
$r.Count
$r[0].Count
## STDOUT:
3
2
## END

#### WriteError is non-terminating and names the function
function Test-WriteError {
  [CmdletBinding()]
  param()
  $er = [System.Management.Automation.ErrorRecord]::new([System.ArgumentException]::new('bad arg'), 'BadArg', 'InvalidArgument', 'tgt')
  $PSCmdlet.WriteError($er)
  'after'
}
Test-WriteError -ErrorAction SilentlyContinue -ErrorVariable e
$e[0].FullyQualifiedErrorId
$e[0].TargetObject
try { Test-WriteError -ErrorAction Stop } catch { "caught " + $_.FullyQualifiedErrorId }
## STDOUT:
after
BadArg,Test-WriteError
tgt
caught BadArg,Test-WriteError
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
  $_.FullyQualifiedErrorId
  $_.CategoryInfo.Category
}
## STDOUT:
test error
TestError,Test-Terminating
InvalidOperation
## END

#### Verbose and Debug set the preference variables inside the function
function Get-Prefs { [CmdletBinding()] param() "$VerbosePreference $DebugPreference $ErrorActionPreference" }
Get-Prefs
Get-Prefs -Verbose -Debug -ErrorAction Stop
Get-Prefs -Verbose:$false
## STDOUT:
SilentlyContinue SilentlyContinue Continue
Continue Continue Stop
SilentlyContinue SilentlyContinue Continue
## END

#### the common parameters reach the commands inside
function Show-Inner { [CmdletBinding()] param() Write-Verbose 'inner verbose' }
function Show-Outer { [CmdletBinding()] param() Show-Inner; Write-Verbose 'outer verbose' }
Show-Outer
Show-Outer -Verbose
## STDOUT:
VERBOSE: inner verbose
VERBOSE: outer verbose
## END

#### an unknown common parameter value is a binding error
function Get-X { [CmdletBinding()] param() 'x' }
Get-X -ErrorAction Sometimes
## error: CannotConvertArgumentNoMessage

#### MyInvocation in an advanced function
function Get-Inv { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$x) process { "$($MyInvocation.MyCommand.Name) $($MyInvocation.ExpectingInput) $($PSCmdlet.MyInvocation.BoundParameters.Count)" } }
Get-Inv -x 1
2 | Get-Inv
## STDOUT:
Get-Inv False 1
Get-Inv True 1
## END
