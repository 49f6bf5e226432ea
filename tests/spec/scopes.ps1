# Spec tests: scopes -- child scopes, scope modifiers, private variables,
# dot sourcing, call operator, statement blocks, references across scopes.
#
# Sources (PowerShell 7.5 docs): about_Scopes, about_Script_Blocks,
# about_Operators (call and dot-sourcing operators), about_Ref,
# about_Assignment_Operators, about_Functions.
# Note: these cases do not depend on whether the top level of a test script
# is the global scope or a script scope; globals are always read back with an
# explicit $global: modifier or through a child scope.

#### child scope can read parent variables
$test = 'parent value'
function Show-Test { "In function: $test" }
Show-Test
& { "In scriptblock: $test" }
## STDOUT:
In function: parent value
In scriptblock: parent value
## END

#### assignment in a child scope does not change the parent
$test = 'Global'
function Set-Test {
    $test = 'Local'
    "The local value of `$test is $test."
}
Set-Test
$test
## STDOUT:
The local value of $test is Local.
Global
## END

#### variables created in a function do not leak
function New-Thing { $created = 'inside' }
New-Thing
$null -eq $created
## STDOUT:
True
## END

#### global scope modifier
function Set-GlobalTest {
    $global:scopeTest = 'set globally'
}
Set-GlobalTest
$global:scopeTest
& { $global:scopeTest }
## STDOUT:
set globally
set globally
## END

#### local and global values of the same name
$global:dual = 'Global'
function Show-Dual {
    $dual = 'Local'
    "The local value of `$dual is $dual."
    "The global value of `$dual is $global:dual."
}
Show-Dual
## STDOUT:
The local value of $dual is Local.
The global value of $dual is Global.
## END

#### script scope modifier from a function
$script:counter = 0
function Add-Count { $script:counter++ }
Add-Count
Add-Count
$script:counter
## STDOUT:
2
## END

#### local modifier does not search parent scopes
$name = 'outer'
function Show-Local {
    "[$local:name]"
    $local:name = 'inner'
    "[$local:name]"
}
Show-Local
$name
## STDOUT:
[]
[inner]
outer
## END

#### private variables are hidden from child scopes
function funcA {
    $funcAVar1 = "Value set in funcA"
    funcB
}
function funcB {
    "In funcB before set -> '$funcAVar1'"
    $Private:funcAVar1 = "Private in funcB"
    "In funcB after set  -> '$funcAVar1'"
    funcC
}
function funcC {
    "In funcC -> '$funcAVar1'"
}
funcA
## STDOUT:
In funcB before set -> 'Value set in funcA'
In funcB after set  -> 'Private in funcB'
In funcC -> 'Value set in funcA'
## END

#### numbered scopes with Get-Variable
function funcA {
    $funcAVar1 = "Value set in funcA"
    funcB
}
function funcB {
    $Private:funcAVar1 = "Locally overwrite the value - child scopes can't see me!"
    funcC
}
function funcC {
    $funcAVar1 = "Value set in funcC"
    ShowScopes
}
function ShowScopes {
    $funcAVar1 = "Value set in ShowScopes"
    "Scope [0] '$(Get-Variable funcAVar1 -Scope 0 -ValueOnly)'"
    "Scope [1] '$(Get-Variable funcAVar1 -Scope 1 -ValueOnly)'"
    "Scope [2] '$(Get-Variable funcAVar1 -Scope 2 -ValueOnly)'"
    "Scope [3] '$(Get-Variable funcAVar1 -Scope 3 -ValueOnly)'"
}
funcA
## STDOUT:
Scope [0] 'Value set in ShowScopes'
Scope [1] 'Value set in funcC'
Scope [2] 'Locally overwrite the value - child scopes can't see me!'
Scope [3] 'Value set in funcA'
## END

#### Set-Variable with a numbered scope changes the parent
function Set-Parent { Set-Variable -Name shared -Value 'changed' -Scope 1 }
function Outer {
    $shared = 'original'
    Set-Parent
    $shared
}
Outer
## STDOUT:
changed
## END

#### dot sourcing runs in the current scope
. { $dotted = 'dot sourced' }
$dotted
& { $called = 'call operator' }
$null -eq $called
## STDOUT:
dot sourced
True
## END

#### dot sourcing a function adds its variables to the caller
function Set-Vars { $fromFunction = 'visible' }
Set-Vars
$null -eq $fromFunction
. Set-Vars
$fromFunction
## STDOUT:
True
visible
## END

#### functions defined in a child scope are not visible
& { function Get-Inner { 'inner' } ; Get-Inner }
Get-Inner
## error: CommandNotFoundException
## STDOUT:
inner
## END

#### statement blocks do not create a scope
if ($true) { $fromIf = 'if block' }
foreach ($i in 1) { $fromLoop = 'loop body' }
$fromIf
$fromLoop
## STDOUT:
if block
loop body
## END

#### references change variables across scopes
$i = 0
$iRef = [ref]0
&{$i++;$iRef.Value++}
"`$i = $i;`$iRef = $($iRef.Value)"
## STDOUT:
$i = 0;$iRef = 1
## END

#### ref to a variable vs PSReference copy
$int = 1
$aRef = [ref] $int
$bRef = [System.Management.Automation.PSReference] $int
$aRef.Value += 2
$bRef.Value += 5
$int
$aRef.Value
$bRef.Value
## STDOUT:
3
3
6
## END

#### modifying a parent collection through a child scope
$list = [System.Collections.ArrayList]::new()
function Add-Item { [void]$list.Add('item') }
Add-Item
Add-Item
$list.Count
## STDOUT:
2
## END

#### nested functions see their caller's variables
function Outer {
    $fromOuter = 'outer value'
    Inner
}
function Inner { "Inner sees: $fromOuter" }
Outer
Inner
## STDOUT:
Inner sees: outer value
Inner sees:
## END

#### call operator runs a command stored in a string
function Get-Message { 'called by name' }
$c = 'Get-Message'
& $c
## STDOUT:
called by name
## END

#### call operator does not parse the string
& "Get-Message -Name x"
## error: CommandNotFoundException
