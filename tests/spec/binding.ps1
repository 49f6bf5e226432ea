# Spec tests: parameter binding — names, prefixes and aliases, -Name:value, switches,
# positional binding, comma lists, splatting, remaining arguments, parameter sets,
# pipeline binding, conversions, validation, and the binding error ids.
#
# Sources: about_Parameters, about_Parameter_Sets, about_Parameter_Binding,
# about_Functions_Advanced_Parameters, about_Splatting, about_Type_Conversion
# (PowerShell 7.4 docs); error ids and message templates from
# ParameterBinderStrings.resx and Metadata.resx; PowerShell's
# test/powershell/engine/ParameterBinding/ParameterBinding.Tests.ps1.

#### unambiguous prefixes are case-insensitive
function Get-Res { param($Resource, $Region) "$Resource/$Region" }
Get-Res -res a -REG b
Get-Res -Resou x -Regi y
## STDOUT:
a/b
x/y
## END

#### an ambiguous prefix is an error listing the candidates
function Get-Res { [CmdletBinding()] param($Resource, $Region) "$Resource/$Region" }
try { Get-Res -R a } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
AmbiguousParameter,Get-Res
Parameter cannot be processed because the parameter name 'R' is ambiguous. Possible matches include: -Resource -Region.
## END

#### an exact name wins over longer names it prefixes
function Get-N { param($Name, $NameSpace) "Name=$Name NameSpace=$NameSpace" }
Get-N -Name a
Get-N -NameS b
## STDOUT:
Name=a NameSpace=
Name= NameSpace=b
## END

#### aliases and their prefixes
function Get-Alias1 { param([Alias('cn', 'HostName')]$ComputerName) "cn=$ComputerName" }
Get-Alias1 -cn one
Get-Alias1 -HostN two
## STDOUT:
cn=one
cn=two
## END

#### a declared parameter beats a common parameter of the same prefix
function Get-Log { [CmdletBinding()] param($VerboseLog) "log=$VerboseLog" }
Get-Log -Verbo x
## STDOUT:
log=x
## END

#### name and value joined by a colon
function Get-C { param($Name, [int]$Count) "$Name $Count" }
Get-C -Name:abc -Count:7
## STDOUT:
abc 7
## END

#### switch parameters: present, colon false, colon number
function Get-Sw { param([switch]$Force) "$Force $($Force.IsPresent) $($PSBoundParameters.ContainsKey('Force'))" }
Get-Sw
Get-Sw -Force
Get-Sw -Force:$false
Get-Sw -Force:0
Get-Sw -Force:5
## STDOUT:
False False False
True True True
False False True
False False True
True True True
## END

#### a switch value must be a bool or a number
function Get-Sw { param([switch]$Force) $Force }
Get-Sw -Force:'true'
## error: ParameterArgumentTransformationError

#### a bool parameter needs a value
function Get-B { param([bool]$Flag) $Flag }
Get-B -Flag:1
Get-B -Flag $false
Get-B -Flag
## error: MissingArgument
## STDOUT:
True
False
## END

#### an unknown parameter-looking argument becomes the value
function Get-V { param($Value) "[$Value]" }
Get-V -Value -notaparam
## STDOUT:
[-notaparam]
## END

#### MissingArgument when the next token is a known parameter
function Get-Two { param($Parameter1, $Parameter2) }
try { Get-Two -Parameter2 -Parameter1 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
MissingArgument,Get-Two
Missing an argument for parameter 'Parameter2'. Specify a parameter of type 'System.Object' and try again.
## END

#### ParameterAlreadyBound
function Get-P { param($Name) $Name }
try { Get-P -Name a -name b } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
ParameterAlreadyBound,Get-P
Cannot bind parameter because parameter 'name' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".
## END

#### NamedParameterNotFound in an advanced function
function Get-Adv { [CmdletBinding()] param($Name) $Name }
try { Get-Adv -Nope 1 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
NamedParameterNotFound,Get-Adv
A parameter cannot be found that matches parameter name 'Nope'.
## END

#### a plain function keeps unknown parameters in args
function Get-Plain { param($a) "a=$a args=$($args -join ' ')" }
Get-Plain -foo bar baz
Get-Plain 1 2 3
## STDOUT:
a=baz args=-foo bar
a=1 args=2 3
## END

#### PositionalParameterNotFound
function Get-One { [CmdletBinding()] param($Only) $Only }
try { Get-One a b } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
PositionalParameterNotFound,Get-One
A positional parameter cannot be found that accepts argument 'b'.
## END

#### positions are sort keys, not argument indexes
function Get-Pos {
  param([Parameter(Position = 9)]$Late, [Parameter(Position = 2)]$Early)
  "Early=$Early Late=$Late"
}
Get-Pos first second
## STDOUT:
Early=first Late=second
## END

#### named pairs are skipped when counting positional arguments
function Get-Ex { param([Parameter(Position = 0)]$Path, $Exclude) "Path=$Path Exclude=$Exclude" }
Get-Ex -Exclude *.ppt C:\techdocs
## STDOUT:
Path=C:\techdocs Exclude=*.ppt
## END

#### parameters without a position are positional in declaration order, switches excepted
function Get-Order { param($a, [switch]$s, $b) "a=$a b=$b s=$s" }
Get-Order 1 2
Get-Order 1 -s 2
## STDOUT:
a=1 b=2 s=False
a=1 b=2 s=True
## END

#### PositionalBinding false turns automatic positions off
function Get-NoPos { [CmdletBinding(PositionalBinding = $false)] param($a) $a }
Get-NoPos -a ok
Get-NoPos x
## error: PositionalParameterNotFound
## STDOUT:
ok
## END

#### two parameters at one position are ambiguous
function Get-Amb {
  param([Parameter(Position = 0)]$a, [Parameter(Position = 0)]$b)
}
Get-Amb 1
## error: AmbiguousPositionalParameterNoName

#### a comma list is one argument; scalars become one-element arrays
function Get-Arr { param([string[]]$Names) "$($Names.Count) $($Names.GetType().Name) $($Names -join '+')" }
Get-Arr a,b,c
Get-Arr single
Get-Arr -Names 1,2
## STDOUT:
3 String[] a+b+c
1 String[] single
2 String[] 1+2
## END

#### int arrays convert each element
function Get-Ints { param([int[]]$N) ($N | ForEach-Object { $_ * 2 }) -join ',' }
Get-Ints '1','2',3
## STDOUT:
2,4,6
## END

#### hashtable splatting, with explicit arguments winning
function Show-Location { param($Name, $Location) "$Name in $Location" }
$common = @{ Location = 'East US'; Name = 'splatted' }
Show-Location @common
Show-Location @common -Name vm1
Show-Location -Location 'West US' @common
## STDOUT:
splatted in East US
vm1 in East US
splatted in West US
## END

#### array splatting binds positionally
function Show-Two { param($First, $Second) "First=$First Second=$Second" }
$arr = 'x', 'y'
Show-Two @arr
## STDOUT:
First=x Second=y
## END

#### splatting args passes parameter names on
function Show-Inner { param($First, $Second) "First=$First Second=$Second" }
function Show-Outer { Show-Inner @args }
Show-Outer -Second 2 -First 1
## STDOUT:
First=1 Second=2
## END

#### ValueFromRemainingArguments collects names and values
function Test-Remainder {
  param([string]$Value, [Parameter(ValueFromRemainingArguments)]$Remaining)
  "Value=$Value"
  $Remaining -join ','
  $Remaining.Count
}
Test-Remainder first one two -q three
## STDOUT:
Value=first
one,two,-q,three
4
## END

#### parameter sets: the default set and a named parameter's set
function Get-Set {
  [CmdletBinding(DefaultParameterSetName = 'ByName')]
  param(
    [Parameter(ParameterSetName = 'ByName', Position = 0)]$Name,
    [Parameter(ParameterSetName = 'ById')][int]$Id
  )
  $PSCmdlet.ParameterSetName
}
Get-Set
Get-Set x
Get-Set -Id 3
## STDOUT:
ByName
ByName
ById
## END

#### parameters from two sets cannot be used together
function Get-Set {
  [CmdletBinding(DefaultParameterSetName = 'ByName')]
  param([Parameter(ParameterSetName = 'ByName')]$Name, [Parameter(ParameterSetName = 'ById')]$Id)
}
try { Get-Set -Name a -Id 1 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
AmbiguousParameterSet,Get-Set
Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.
## END

#### without a default set an undecided call is ambiguous
function Get-NoDefault {
  [CmdletBinding()]
  param([Parameter(ParameterSetName = 'A')]$a, [Parameter(ParameterSetName = 'B')]$b)
  $PSCmdlet.ParameterSetName
}
Get-NoDefault -a 1
Get-NoDefault
## error: AmbiguousParameterSet
## STDOUT:
A
## END

#### the set without unbound mandatory parameters is chosen
function Get-Mand {
  [CmdletBinding()]
  param(
    [Parameter(ParameterSetName = 'A', Mandatory)]$a,
    [Parameter(ParameterSetName = 'B')]$b,
    [Parameter(ParameterSetName = 'A')][Parameter(ParameterSetName = 'B')]$c
  )
  $PSCmdlet.ParameterSetName
}
Get-Mand -c 1
## STDOUT:
B
## END

#### a missing mandatory parameter without a prompt
function Get-Need { param([Parameter(Mandatory)]$Name, [Parameter(Mandatory)]$Other) }
try { Get-Need } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
MissingMandatoryParameter,Get-Need
Cannot process command because of one or more missing mandatory parameters: Name Other.
## END

#### a typed parameter converts; a bad value is a transformation error
function Get-Int { param([int]$Count) $Count + 1 }
Get-Int '41'
try { Get-Int abc } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
42
ParameterArgumentTransformationError,Get-Int
Cannot process argument transformation on parameter 'Count'. Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."
## END

#### DateTime from an ISO string and enums from names
function Get-Conv { param([datetime]$When, [ConsoleColor]$Color) $When.Year; $When.Hour; $Color }
Get-Conv '2021-06-15T08:30:00' darkred
## STDOUT:
2021
8
DarkRed
## END

#### an advanced function does not join an array into a string parameter
function Get-Str { [CmdletBinding()] param([string]$Text) $Text }
Get-Str a,b
## error: ParameterArgumentTransformationError

#### a plain function joins an array into a string parameter
function Get-Str { param([string]$Text) $Text }
Get-Str a,b
## STDOUT:
a b
## END

#### a number literal keeps its spelling when bound to a string
function Get-Str { param([string]$Text) $Text }
Get-Str 0x10
Get-Str 1.50
## STDOUT:
0x10
1.50
## END

#### ValidateSet, ValidateRange, ValidatePattern, ValidateLength, ValidateCount
function Test-V {
  param(
    [ValidateSet('Low', 'High')]$Level,
    [ValidateRange(1, 10)][int]$Size,
    [ValidatePattern('^a')]$Code,
    [ValidateLength(2, 3)][string]$Tag,
    [ValidateCount(1, 2)][string[]]$Items
  )
  'ok'
}
Test-V -Level low -Size 10 -Code abc -Tag xy -Items a, b
foreach ($call in { Test-V -Level Mid }, { Test-V -Size 11 }, { Test-V -Code bcd },
                  { Test-V -Tag abcd }, { Test-V -Items a, b, c }) {
  try { & $call } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
}
## STDOUT:
ok
ParameterArgumentValidationError,Test-V
Cannot validate argument on parameter 'Level'. The argument "Mid" does not belong to the set "Low,High" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.
ParameterArgumentValidationError,Test-V
Cannot validate argument on parameter 'Size'. The 11 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again.
ParameterArgumentValidationError,Test-V
Cannot validate argument on parameter 'Code'. The argument "bcd" does not match the "^a" pattern. Supply an argument that matches "^a" and try the command again.
ParameterArgumentValidationError,Test-V
Cannot validate argument on parameter 'Tag'. The character length (4) of the argument is too long. Specify an argument with a length that is shorter than or equal to "3", and then try the command again.
ParameterArgumentValidationError,Test-V
Cannot validate argument on parameter 'Items'. The parameter requires at least 1 value(s) and no more than 2 value(s) - 3 value(s) were provided.
## END

#### ValidateScript, ValidateNotNull and ValidateNotNullOrEmpty
function Test-V {
  param([ValidateScript({ $_ -gt 0 })][int]$Pos, [ValidateNotNull()]$NN, [ValidateNotNullOrEmpty()][string[]]$NE)
  'ok'
}
Test-V -Pos 3 -NN 0 -NE x
foreach ($call in { Test-V -Pos -1 }, { Test-V -NN $null }, { Test-V -NE @() }) {
  try { & $call } catch { $_.Exception.Message }
}
## STDOUT:
ok
Cannot validate argument on parameter 'Pos'. The " $_ -gt 0 " validation script for the argument with value "-1" did not return a result of True. Determine why the validation script failed, and then try the command again.
Cannot validate argument on parameter 'NN'. The argument is null. Provide a valid value for the argument, and then try running the command again.
Cannot validate argument on parameter 'NE'. The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.
## END

#### validation does not apply to default values
function Test-D { [CmdletBinding()] param([ValidateRange(1, 5)]$p = 55) $p }
Test-D
## STDOUT:
55
## END

#### mandatory parameters reject null, empty strings and empty arrays
function Test-M {
  param([Parameter(Mandatory)][AllowNull()]$MaybeNull,
        [Parameter(Mandatory)][string]$Text,
        [Parameter(Mandatory)][string[]]$List)
}
foreach ($call in { Test-M -MaybeNull $null -Text '' -List a },
                  { Test-M -MaybeNull 1 -Text $null -List a },
                  { Test-M -MaybeNull 1 -Text t -List @() }) {
  try { & $call } catch { $_.FullyQualifiedErrorId }
}
## STDOUT:
ParameterArgumentValidationErrorEmptyStringNotAllowed,Test-M
ParameterArgumentValidationErrorEmptyStringNotAllowed,Test-M
ParameterArgumentValidationErrorEmptyArrayNotAllowed,Test-M
## END

#### AllowEmptyString and AllowEmptyCollection
function Test-A {
  param([Parameter(Mandatory)][AllowEmptyString()][string]$Text,
        [Parameter(Mandatory)][AllowEmptyCollection()][string[]]$List)
  "[$Text] $($List.Count)"
}
Test-A -Text '' -List @()
## STDOUT:
[] 0
## END

#### a null argument for a mandatory untyped parameter
function Test-N { param([Parameter(Mandatory)]$Value) }
try { Test-N -Value $null } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
ParameterArgumentValidationErrorNullNotAllowed,Test-N
Cannot bind argument to parameter 'Value' because it is null.
## END

#### pipeline input by value, exact type first
function Get-Double {
  [CmdletBinding()]
  param([Parameter(ValueFromPipeline)][int]$Number)
  process { $Number * 2 }
}
1, '2', 3 | Get-Double
## STDOUT:
2
4
6
## END

#### pipeline input by property name, through an alias
function Get-Prop {
  [CmdletBinding()]
  param([Parameter(ValueFromPipelineByPropertyName)][Alias('FullName')][string]$Path,
        [Parameter(ValueFromPipelineByPropertyName)][int]$Size)
  process { "Path=$Path Size=$Size" }
}
[pscustomobject]@{ FullName = '/a'; Size = '12' }, [pscustomobject]@{ Path = '/b' } | Get-Prop
## STDOUT:
Path=/a Size=12
Path=/b Size=0
## END

#### a record that binds nothing is a non-terminating error
function Get-Prop {
  [CmdletBinding()]
  param([Parameter(ValueFromPipelineByPropertyName)][string]$Name)
  process { "got $Name" }
}
[pscustomobject]@{ Name = 'a' }, 5, [pscustomobject]@{ Name = 'c' } | Get-Prop
$Error[0].FullyQualifiedErrorId
$Error[0].Exception.Message
## STDOUT:
got a
got c
InputObjectNotBound,Get-Prop
The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.
## END

#### a record without a mandatory value is a non-terminating error
function Need-Name {
  [CmdletBinding()]
  param([Parameter(Mandatory, ValueFromPipelineByPropertyName)][string]$Name,
        [Parameter(ValueFromPipeline)]$Other)
  process { "Need $Name" }
}
[pscustomobject]@{ Name = 'n1' }, 5 | Need-Name
$Error[0].FullyQualifiedErrorId
## STDOUT:
Need n1
InputObjectMissingMandatory,Need-Name
## END

#### pipeline input selects the parameter set
function Get-ById {
  [CmdletBinding(DefaultParameterSetName = 'Name')]
  param([Parameter(ParameterSetName = 'Name', ValueFromPipeline)][string]$Name,
        [Parameter(ParameterSetName = 'Id', ValueFromPipeline)][int]$Id)
  process { "$($PSCmdlet.ParameterSetName): $Name$Id" }
}
'x', 7 | Get-ById
## STDOUT:
Name: x0
Id: 7
## END

#### a cmdlet's error id names its .NET type
try { Out-String -Width abc } catch { $_.FullyQualifiedErrorId }
try { Write-Output -NoEnumerate:'yes' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Get-Variable -Bogus } catch { $_.FullyQualifiedErrorId }
## STDOUT:
CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.OutStringCommand
CannotConvertArgument,Microsoft.PowerShell.Commands.WriteOutputCommand
Cannot convert 'System.String' to the type 'System.Management.Automation.SwitchParameter' required by parameter 'NoEnumerate'.
NamedParameterNotFound,Microsoft.PowerShell.Commands.GetVariableCommand
## END

#### PSBoundParameters lists named parameters before positional ones
function Get-Bound { param($a, $b, [switch]$c) $PSBoundParameters.Keys -join ',' }
Get-Bound -b 1 2 -c
## STDOUT:
b,c,a
## END
