# Spec tests: functions, filters, scriptblocks, parameters, pipeline
# input ($_, $input, begin/process/end/clean), $args, splatting, return.
#
# Sources (PowerShell 7.5 docs): about_Functions, about_Functions_Advanced_Parameters,
# about_Automatic_Variables ($input, $args, $PSBoundParameters), about_Return,
# about_Script_Blocks, about_Splatting, about_Ref, about_Type_Conversion,
# about_Enum (enum parameter).
# Error ids for parameter binding failures follow the PowerShell repo's tests
# (NamedParameterNotFound, ParameterArgumentValidationError, ...).

#### simple function
function Get-Greeting { 'Hello' }
Get-Greeting
## STDOUT:
Hello
## END

#### functions must be defined before they are called
Get-Later
function Get-Later { 'later' }
## error: CommandNotFoundException

#### positional arguments land in args
function Get-Extension {
  $name = $args[0] + ".txt"
  $name
}
Get-Extension myTextFile
## STDOUT:
myTextFile.txt
## END

#### args holds all undeclared arguments
function Show-Args { $args.Count; $args -join '|' }
Show-Args a 'b c' 3
## STDOUT:
3
a|b c|3
## END

#### named and positional parameters
function Get-Size {
  param ($Size, $Unit)
  "$Size $Unit"
}
Get-Size -Size 50 -Unit KB
Get-Size 50 MB
Get-Size -Unit GB 7
## STDOUT:
50 KB
50 MB
7 GB
## END

#### parameter names can be abbreviated and are case-insensitive
function Get-Size { param ($Size) "size=$Size" }
Get-Size -si 3
Get-Size -SIZE 4
## STDOUT:
size=3
size=4
## END

#### parameters declared after the function name
function Add-Numbers([int]$One, [int]$Two) {
    $One + $Two
}
Add-Numbers 1 2
Add-Numbers -Two 5 -One '10'
## STDOUT:
3
15
## END

#### default parameter values
function Get-SmallFiles ($Size = 100) {
  "Size is $Size"
}
Get-SmallFiles
Get-SmallFiles 50
## STDOUT:
Size is 100
Size is 50
## END

#### explicit null overrides the default value
function Get-Value ($Value = 'default') { "[$Value]" }
Get-Value
Get-Value -Value $null
## STDOUT:
[default]
[]
## END

#### switch parameters
function Switch-Item {
  param ([switch]$On)
  if ($On) { "Switch on" }
  else { "Switch off" }
}
Switch-Item -On
Switch-Item
Switch-Item -On:$true
Switch-Item -On:$false
## STDOUT:
Switch on
Switch off
Switch on
Switch off
## END

#### typed parameters convert arguments
function Get-Type ([int]$N) { $N.GetType().Name; $N * 2 }
Get-Type '21'
## STDOUT:
Int32
42
## END

#### unknown named parameter of an advanced function
function Get-Thing {
    [CmdletBinding()]
    param($Name)
    $Name
}
Get-Thing -Nmae 'x'
## error: NamedParameterNotFound

#### ValidateSet rejects a value
function Get-Flavor {
    [CmdletBinding()]
    param([ValidateSet("Chocolate", "Strawberry", "Vanilla")][string]$Flavor)
    "flavor: $Flavor"
}
Get-Flavor -Flavor Vanilla
Get-Flavor -Flavor Mint
## error: ParameterArgumentValidationError
## STDOUT:
flavor: Vanilla
## END

#### ValueFromRemainingArguments
function Test-Remainder {
    param(
        [Parameter(Mandatory, Position=0)]
        [string]$Value,
        [Parameter(ValueFromRemainingArguments, Position=1)]
        [string[]]$Remaining
    )
    "Value = $Value"
    "Found $($Remaining.Count) remaining values"
    for ($i = 0; $i -lt $Remaining.Count; $i++) {
        "${i}: $($Remaining[$i])"
    }
}
Test-Remainder first one two three
Test-Remainder first one, two three four
## STDOUT:
Value = first
Found 3 remaining values
0: one
1: two
2: three
Value = first
Found 3 remaining values
0: one two
1: three
2: four
## END

#### ValueFromRemainingArguments with a single collection
function Test-Remainder {
    param(
        [Parameter(Mandatory, Position=0)]
        [string]$Value,
        [Parameter(ValueFromRemainingArguments, Position=1)]
        [string[]]$Remaining
    )
    "Found $($Remaining.Count) remaining values"
    $Remaining
}
Test-Remainder first one, two, three
## STDOUT:
Found 3 remaining values
one
two
three
## END

#### process block runs once per pipeline object
function Get-Pipeline
{
  process {"The value is: $_"}
}
1, 2, 4 | Get-Pipeline
## STDOUT:
The value is: 1
The value is: 2
The value is: 4
## END

#### begin process and end blocks
function Show-Blocks {
    begin   { 'begin' }
    process { "process $_" }
    end     { 'end' }
}
'a', 'b' | Show-Blocks
## STDOUT:
begin
process a
process b
end
## END

#### process block runs once without pipeline input
function Show-Process { process { "process [$_]" } }
Show-Process
## STDOUT:
process []
## END

#### empty pipeline input skips the process block
function Show-Blocks {
    begin   { 'begin' }
    process { "process $_" }
    end     { 'end' }
}
@() | Show-Blocks
## STDOUT:
begin
end
## END

#### input in begin and end blocks
function Get-PipelineBeginEnd {
    begin   { "Begin: The input is $input" }
    end     { "End:   The input is $input" }
}
1, 2, 4 | Get-PipelineBeginEnd
## STDOUT:
Begin: The input is
End:   The input is 1 2 4
## END

#### process consumes input before the end block
function Get-PipelineInput
{
    process {"Processing:  $_ " }
    end     {"End:   The input is: $input" }
}
1, 2, 4 | Get-PipelineInput
## STDOUT:
Processing:  1
Processing:  2
Processing:  4
End:   The input is:
## END

#### input in a function without named blocks
function Get-All { "All: $input" }
'x', 'y' | Get-All
## STDOUT:
All: x y
## END

#### input enumerator in the process block
function Test
{
    begin { $i = 0 }
    process
    {
        "Iteration: $i"
        $i++
        "  Input: $input"
        "  Access Again: $input"
        $input.Reset()
        "  After Reset: $input"
    }
}
"one","two" | Test
## STDOUT:
Iteration: 0
  Input: one
  Access Again:
  After Reset: one
Iteration: 1
  Input: two
  Access Again:
  After Reset: two
## END

#### input enumerator outside the process block
Function All
{
    "All Values: $input"
    "Access Again: $input"
    $input.Reset()
    "After Reset: $input"
    $input.MoveNext() | Out-Null
    "After MoveNext: $input"
}
"one","two","three" | All
## STDOUT:
All Values: one two three
Access Again:
After Reset: one two three
After MoveNext:
## END

#### input Current property
function Current
{
    begin { $i = 0 }
    process
    {
        "Iteration: $i"
        $i++
        "  Before MoveNext: $($input.Current)"
        $input.MoveNext() | Out-Null
        "  After MoveNext: $($input.Current)"
        "  Access Again: $($input.Current)"
    }
}
"one","two" | Current
## STDOUT:
Iteration: 0
  Before MoveNext:
  After MoveNext: one
  Access Again: one
Iteration: 1
  Before MoveNext:
  After MoveNext: two
  Access Again: two
## END

#### pipeline and parameter input in one function
function Get-SumOfNumbers {
    param (
        [int[]]$Numbers
    )
    begin { $retValue = 0 }
    process {
        if ($MyInvocation.ExpectingInput) {
           "Pipeline input: $_"
           $retValue += $_
        } else {
           foreach ($n in $Numbers) {
               "Command line input: $n"
               $retValue += $n
           }
        }
    }
    end { "Sum = $retValue" }
}
1,2,3 | Get-SumOfNumbers
Get-SumOfNumbers 1,2,3
## STDOUT:
Pipeline input: 1
Pipeline input: 2
Pipeline input: 3
Sum = 6
Command line input: 1
Command line input: 2
Command line input: 3
Sum = 6
## END

#### ValueFromPipeline parameter
function Get-Double {
    param([Parameter(ValueFromPipeline)][int]$Number)
    process { $Number * 2 }
}
1, 2, 3 | Get-Double
Get-Double -Number 21
## STDOUT:
2
4
6
42
## END

#### ValueFromPipelineByPropertyName parameter
function Get-Name {
    param([Parameter(ValueFromPipelineByPropertyName)][string]$Name)
    process { "name: $Name" }
}
[pscustomobject]@{ Name = 'alpha' }, [pscustomobject]@{ Name = 'beta' } | Get-Name
## STDOUT:
name: alpha
name: beta
## END

#### filter runs its body for each input object
filter Get-Doubled { $_ * 2 }
1, 2, 3 | Get-Doubled
## STDOUT:
2
4
6
## END

#### filter with a parameter
filter Get-Message ([switch]$MessageOnly) {
  if ($MessageOnly) { $_.Message }
  else { "$($_.Id): $($_.Message)" }
}
$entries = [pscustomobject]@{ Id = 1; Message = 'started' },
           [pscustomobject]@{ Id = 2; Message = 'stopped' }
$entries | Get-Message
$entries | Get-Message -MessageOnly
## STDOUT:
1: started
2: stopped
started
stopped
## END

#### clean block runs but its output is discarded
function Use-Resource {
    process { "using $_" }
    clean { 'discarded'; $script:cleaned = $true }
}
1 | Use-Resource
$cleaned
## STDOUT:
using 1
True
## END

#### return exits early but other output is kept
function MultiplyEven
{
    param($Number)
    if ($Number % 2) { return "$Number is not even" }
    $Number * 2
}
1..4 | ForEach-Object {MultiplyEven -Number $_}
## STDOUT:
1 is not even
4
3 is not even
8
## END

#### all statement output is returned
function Calculation {
    param ($Value)
    "Please wait. Working on calculation..."
    $Value += 73
    return $Value
}
$a = Calculation 14
$a.Count
$a
## STDOUT:
2
Please wait. Working on calculation...
87
## END

#### returned collections are unrolled
function Test-Return
{
    $array = 1,2,3
    return $array
}
$r = Test-Return
$r.Count
$r.GetType().Name
## STDOUT:
3
Object[]
## END

#### a function returning one value returns a scalar
function One { @(42) }
(One).GetType().Name
## STDOUT:
Int32
## END

#### splatting args to another function
function Show-Inner { param($First, $Second) "First=$First Second=$Second" }
function Show-Outer { Show-Inner @args }
Show-Outer -Second 2 -First 1
Show-Outer x y
## STDOUT:
First=1 Second=2
First=x Second=y
## END

#### splatting a hashtable and an array
function Show-Params { param($Path, $Destination, [switch]$WhatIf) "$Path -> $Destination ($WhatIf)" }
$HashArguments = @{
  Path = "test.txt"
  Destination = "test2.txt"
  WhatIf = $true
}
Show-Params @HashArguments
$ArrayArguments = "a.txt", "b.txt"
Show-Params @ArrayArguments -WhatIf
## STDOUT:
test.txt -> test2.txt (True)
a.txt -> b.txt (True)
## END

#### explicit parameter overrides a splatted one
function Show-Location { param($Name, $Location) "$Name in $Location" }
$commonParams = @{ Location = 'East US' }
Show-Location @commonParams -Name vm1
Show-Location @commonParams -Name vm2 -Location 'West US'
## STDOUT:
vm1 in East US
vm2 in West US
## END

#### forwarding PSBoundParameters
function Test1
{
    param($a, $b, $c)
    "a = $a"
    "b = $b"
    "c = $c"
}
function Test2
{
    param($a, $b, $c)
    Test1 @PSBoundParameters
    Test1 -b $PSBoundParameters.b -c $PSBoundParameters.c
}
Test2 -a 1 -b 2 -c 3
## STDOUT:
a = 1
b = 2
c = 3
a =
b = 2
c = 3
## END

#### PSBoundParameters only contains bound parameters
function Show-Bound { param($a, $b = 'default') $PSBoundParameters.Count; $PSBoundParameters.ContainsKey('b') }
Show-Bound -a 1
## STDOUT:
1
False
## END

#### scriptblock with parameters and the call operator
$a ={ param($p1, $p2)
"p1: $p1"
"p2: $p2"
}
&$a -p2 "First" -p1 "Second"
& $a "First" "Second"
## STDOUT:
p1: Second
p2: First
p1: First
p2: Second
## END

#### scriptblock output can be assigned
$a = { 1 + 1}
$b = &$a
$b
## STDOUT:
2
## END

#### scriptblock Invoke method
$sb = { param($x) $x * 3 }
$sb.Invoke(4)
## STDOUT:
12
## END

#### value parameters are passed by value
Function Test($Data)
{
    $Data = 3
}
$var = 10
Test -Data $var
$var
## STDOUT:
10
## END

#### ref parameters
function Test {
    param([ref]$Data)
    $Data.Value = 3
}
$var = 10
Test -Data ([ref]$var)
$var
## STDOUT:
3
## END

#### ref with a .NET out parameter
$number = 0
[int]::TryParse("15", ([ref]$number))
$number
## STDOUT:
True
15
## END

#### enum typed parameter
enum EndOfLine {
    CR   = 1
    LF   = 2
    CRLF = 3
}
function ConvertTo-LineEndingRegex {
    [CmdletBinding()]
    param (
        [Parameter(ValueFromPipeline)]
        [EndOfLine[]]$InputObject
    )
    process {
        switch ($InputObject) {
            CR   {  '\r'  }
            LF   {  '\n'  }
            CRLF { '\r\n' }
        }
    }
}
[EndOfLine]::CR | ConvertTo-LineEndingRegex
'CRLF' | ConvertTo-LineEndingRegex
ConvertTo-LineEndingRegex 2
## STDOUT:
\r
\r\n
\n
## END

#### invalid enum value for a parameter
enum EndOfLine {
    CR   = 1
    LF   = 2
}
function Get-Eol {
    [CmdletBinding()]
    param ([EndOfLine]$InputObject)
    $InputObject
}
Get-Eol -InputObject 0
## error: ParameterArgumentTransformationError

#### advanced functions do not have args
function Get-Strict {
    [CmdletBinding()]
    param($Name)
    $Name
}
Get-Strict one two
## error: PositionalParameterNotFound

#### function defined in a scope with a scope modifier
& { function global:Get-FromChild { 'global function' } }
Get-FromChild
## STDOUT:
global function
## END

#### plain positional call binds parameters in order and leaves the rest in args
function Join-Parts($first, $second = 'dflt') {
  "$first/$second/$($args -join ',')/$($PSBoundParameters.Count)"
}
Join-Parts a
Join-Parts a b c d
(Join-Parts x y).Length
## STDOUT:
a/dflt//1
a/b/c,d/2
6
## END

#### PSBoundParameters keeps the declared spelling of a positional parameter
function Show-Bound($UserName) { $PSBoundParameters.Keys; $PSBoundParameters['username'] }
Show-Bound alice
## STDOUT:
UserName
alice
## END

#### a default value can use an earlier parameter
function Get-Area($w, $h = $w) { $w * $h }
Get-Area 3
Get-Area 3 4
## STDOUT:
9
12
## END

#### a function's parameters do not leak into its caller's scope
function Set-Inner($value) { $value = 5; $value }
$value = 1
Set-Inner 9
$value
## STDOUT:
5
1
## END

#### recursion that never ends stops with a call depth error
function Recurse($n) { Recurse ($n + 1) }
try { Recurse 0 } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().Name }
## STDOUT:
CallDepthOverflow
ScriptCallDepthException
## END

#### the error record in catch has its id, message and position
function Invoke-Bad {
  $a = 1
  $a.Foo()
}
try { Invoke-Bad } catch {
  $_.GetType().FullName
  $_.FullyQualifiedErrorId
  $_.InvocationInfo.ScriptLineNumber
  $_.CategoryInfo.Category
}
## STDOUT:
System.Management.Automation.ErrorRecord
MethodNotFound
3
InvalidOperation
## END

#### recursive function result used as a value
function Get-Fib($n) { if ($n -lt 2) { $n } else { (Get-Fib ($n - 1)) + (Get-Fib ($n - 2)) } }
Get-Fib 15
## STDOUT:
610
## END

#### a function that writes nothing gives null as a value
function Get-Nothing($x) { }
$null -eq (Get-Nothing 1)
## STDOUT:
True
## END

#### a small pure function gives the same results on its direct path
function Get-Fib($n) { if ($n -lt 2) { $n } else { (Get-Fib ($n - 1)) + (Get-Fib ($n - 2)) } }
function Get-Sign($x) { if ($x -gt 0) { 'positive' } elseif ($x -lt 0) { 'negative' } else { 'zero' } }
function Join-Twice($s) { $s + $s }
Get-Fib 20
Get-Sign -5; Get-Sign 0; Get-Sign 2.5
Join-Twice 'ab'
(Join-Twice 2147483647).GetType().Name
(Get-Fib 10) + 0.5
## STDOUT:
6765
negative
zero
positive
abab
Double
55.5
## END

#### a pure function calling a command goes the ordinary way
function Get-Inner($y) { Write-Output ($y * 10) }
function Get-Outer($x) { (Get-Inner $x) + 1 }
Get-Outer 4
## STDOUT:
41
## END

#### redefining a function takes effect for later calls
function Get-Twice($n) { $n * 2 }
Get-Twice 2
function Get-Twice($n) { $n * 3 }
Get-Twice 2
## STDOUT:
4
6
## END

#### an error in a pure function is reported at its statement
function Get-Ratio($x) {
  1 / $x
}
try { Get-Ratio 0 } catch { $_.FullyQualifiedErrorId; $_.InvocationInfo.ScriptLineNumber }
Get-Ratio 4
## STDOUT:
RuntimeException
2
0.25
## END

#### extra arguments to a pure function land in args
function Get-First($a) { $a }
Get-First 1 2 3
function Count-Args($a) { $args.Count }
Count-Args 1 2 3
## STDOUT:
1
2
## END

#### a function returning several values keeps them all
function Get-Pair($x) { $x; $x + 1; return }
(Get-Pair 5).Count
Get-Pair 7
## STDOUT:
2
7
8
## END

#### a recursive pure function sees an alias defined under its name
function Get-Depth($n) { if ($n -le 0) { 0 } else { (Get-Depth ($n - 1)) + 1 } }
Get-Depth 5
Set-Alias Get-Depth Write-Output
Get-Depth 5
## STDOUT:
5
5
## END

#### a typed parameter still converts its argument on the direct path
function Get-Square { param([int]$Value) $Value * $Value }
function Get-Greeting([string]$Name) { 'hi ' + $Name }
Get-Square 5
Get-Square '6'
Get-Square 2.5
Get-Greeting 3
Get-Greeting 'you'
## STDOUT:
25
36
4
hi 3
hi you
## END

#### [scriptblock]::Create compiles text into a script block of the session
$sb = [scriptblock]::Create('param($a) $a * 2')
& $sb 21
$sb.Invoke(4)
"$sb"
try { [scriptblock]::Create('{') } catch { $_.FullyQualifiedErrorId }
## STDOUT:
42
8
param($a) $a * 2
ParseException
## END

#### $_ can be assigned outside a pipeline
$_ = 'x'
$_
1..2 | ForEach-Object { $_ }
$_
## STDOUT:
x
1
2
x
## END
