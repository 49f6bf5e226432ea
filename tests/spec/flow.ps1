# Spec tests: control flow -- if, switch, for, foreach, while, do,
# break/continue (with labels), $foreach and $switch enumerators.
#
# Sources (PowerShell 7.5 docs): about_If, about_Switch, about_For,
# about_Foreach, about_While, about_Do, about_Break, about_Continue,
# about_Automatic_Variables (Using enumerators).
# Some doc examples use Write-Host or tab characters; here they were rewritten
# to write to the success stream with plain-space prefixes.
# Parse-error ids: PowerShell repo test/powershell/Language/Parser/Parsing.Tests.ps1.

#### if elseif else
foreach ($a in 3, 2, 1) {
    if ($a -gt 2) {
        "The value $a is greater than 2."
    }
    elseif ($a -eq 2) {
        "The value $a is equal to 2."
    }
    else {
        "The value $a is less than 2."
    }
}
## STDOUT:
The value 3 is greater than 2.
The value 2 is equal to 2.
The value 1 is less than 2.
## END

#### if with an undefined variable is false
if ($undefinedThing -gt 2) { 'greater' } else { 'not greater' }
## STDOUT:
not greater
## END

#### switch matches a value
switch (3) {
    1 { "It's one."   }
    2 { "It's two."   }
    3 { "It's three." }
    4 { "It's four."  }
}
## STDOUT:
It's three.
## END

#### switch tests every condition
switch (3) {
    1 { "It's one."    }
    2 { "It's two."    }
    3 { "It's three."  }
    4 { "It's four."   }
    3 { "Three again." }
}
## STDOUT:
It's three.
Three again.
## END

#### switch with break and continue over a collection
switch (1,4,-1,3,"Hello",2,1) {
    {$_ -lt 0}           { continue }
    {$_ -isnot [int32]}  { break }
    {$_ % 2}             { "$_ is Odd" }
    {-not ($_ % 2)}      { "$_ is Even" }
}
## STDOUT:
1 is Odd
4 is Even
3 is Odd
## END

#### switch continue moves to the next element
switch (1,2,3) {
  2 { continue }
  default { $_ }
}
## STDOUT:
1
3
## END

#### switch converts the input to a string
$test = @{
    Test  = 'test'
    Test2 = 'test2'
}
switch -Exact ($test) {
    'System.Collections.Hashtable' { 'Hashtable string coercion' }
    'test'                         { 'Hashtable value' }
}
## STDOUT:
Hashtable string coercion
## END

#### switch on types with scriptblock conditions
$var = [ordered]@{A = 10; B = 'abc'}
foreach ($key in $var.Keys) {
    switch ($var[$key].GetType()) {
        { $_ -eq [int32]  }  { "$key + 10 = $($var[$key] + 10)" }
        { $_ -eq [string] }  { "$key = $($var[$key])"           }
    }
}
## STDOUT:
A + 10 = 20
B = abc
## END

#### switch without a match produces nothing
switch ("fourteen") {
    1     { "It's one.";   break }
    2     { "It's two.";   break }
    "fo*" { "That's too many."   }
}
'done'
## STDOUT:
done
## END

#### switch default clause
switch ("fourteen") {
    1       { "It's one.";   break }
    2       { "It's two.";   break }
    "fo*"   { "That's too many."   }
    default { "No matches"         }
}
## STDOUT:
No matches
## END

#### switch wildcard
switch -Wildcard ("fourteen") {
    1     { "It's one.";   break }
    2     { "It's two.";   break }
    "fo*" { "That's too many."   }
}
## STDOUT:
That's too many.
## END

#### switch regex sets Matches
$target = 'https://bing.com'
switch -Regex ($target) {
    '^ftp\://.*$'
        {
            "$_ is an ftp address"
            break
        }
    '^\w+@\w+\.com|edu|org$'
        {
            "$_ is an email address"
            break
        }
    '^(http[s]?)\://.*$'
        {
            "$_ is a web address that uses $($Matches[1])"
            break
        }
}
## STDOUT:
https://bing.com is a web address that uses https
## END

#### switch regex with break picks the most specific match
$var = "word2"
switch -Regex ($var) {
    "word2"  { "Exact $_"; break }
    "word.*" { "Match on the prefix $_"; break }
    "w.*"    { "Match on at least the first letter $_"; break }
    default  { "No match $_"; break }
}
## STDOUT:
Exact word2
## END

#### switch regex without break runs every match
switch -Regex ("word2") {
    "word2"  { "Exact" }
    "word.*" { "Prefix" }
    "w.*"    { "First letter" }
    default  { "No match" }
}
## STDOUT:
Exact
Prefix
First letter
## END

#### switch scriptblock and value conditions both run
switch ("Test") {
    { $_ -is [string] } { "Found a string" }
    "Test"              { "This $_ executes as well" }
}
## STDOUT:
Found a string
This Test executes as well
## END

#### switch is case-insensitive unless CaseSensitive
switch ('Abc') {
    'abc' { 'insensitive match' }
}
switch -CaseSensitive ('Abc') {
    'abc' { 'lower' }
    'Abc' { 'exact case' }
}
## STDOUT:
insensitive match
exact case
## END

#### last conflicting switch parameter wins
switch -Regex -Wildcard ('abc') {
    'a*' { 'wildcard' }
    '^a.c$' { 'regex' }
}
## STDOUT:
wildcard
## END

#### switch statement value can be assigned
$n = 2
$word = switch ($n) { 1 { 'one' } 2 { 'two' } }
$word
## STDOUT:
two
## END

#### switch with multiple default clauses is a parse error
switch (1) {default {} default {}}
## error: ParseError: MultipleSwitchDefaultClauses

#### for loop
for ($i = 0; $i -lt 3; $i++) {
    $i
}
## STDOUT:
0
1
2
## END

#### for loop with newlines instead of semicolons
for ($i = 0
  $i -lt 3
  $i++){
  $i
}
## STDOUT:
0
1
2
## END

#### for loop with a custom step
for ($i = 0; $i -le 6; $i += 2) { $i }
## STDOUT:
0
2
4
6
## END

#### for loop with multiple init and repeat expressions
for (($i = 0), ($j = 10); $i -lt 3; $i++, $j++) {
    "$i-$j"
}
for ($($i = 0;$j = 0); $i -lt 2; $($i++;$j += 2)) {
    "$i-$j"
}
## STDOUT:
0-10
1-11
2-12
0-0
1-2
## END

#### for loop with an empty initializer and condition
$i = 1
for (;;$i++) {
    if ($i -gt 3) { break }
    $i
}
## STDOUT:
1
2
3
## END

#### continue in a for loop runs the repeat part
for ($i = 0; $i -lt 4; $i++) {
    if ($i -eq 2) {
        continue
        $i--
    }
    $i
}
## STDOUT:
0
1
3
## END

#### foreach statement
$letterArray = 'a','b','c','d'
foreach ($letter in $letterArray) {
  $letter
}
## STDOUT:
a
b
c
d
## END

#### foreach counting matches with an outer variable
$i = 0
foreach ($n in 5, 150, 20, 300) {
  if ($n -gt 100) {
    $i = $i + 1
  }
}
"$i value(s) over 100"
## STDOUT:
2 value(s) over 100
## END

#### foreach loop variable keeps its last value
foreach ($item in 1, 2, 3) { }
$item
## STDOUT:
3
## END

#### foreach over a scalar
foreach ($x in 42) { "got $x" }
'end'
## STDOUT:
got 42
end
## END

#### while loop
while($val -ne 3)
{
    $val++
    $val
}
## STDOUT:
1
2
3
## END

#### while loop with continue
$ctr = 0
while ($ctr -lt 6)
{
    $ctr += 1
    if ($ctr -eq 3)
    {
        continue
    }
    $ctr
}
## STDOUT:
1
2
4
5
6
## END

#### do while and do until
$x = 1,2,78,0
do { $count++; $a++; } while ($x[$a] -ne 0)
$count
$count = 0
$a = 0
do { $count++; $a++; } until ($x[$a] -eq 0)
$count
## STDOUT:
3
3
## END

#### do loop body runs at least once
do { 'ran once' } while ($false)
do { 'ran once again' } until ($true)
## STDOUT:
ran once
ran once again
## END

#### do loop with continue
$x = 1, -2, 3, -4, 5
$a = -1
do {
  if ($x[$a] -lt 0) { continue }
  $x[$a]
}
while (++$a -lt 5)
## STDOUT:
5
1
3
5
## END

#### break exits a for loop
for($i=1; $i -le 10; $i++) {
   $i
   break
}
## STDOUT:
1
## END

#### break in foreach finds an index
$i=0
$varB = 10,20,30,40
foreach ($val in $varB) {
  if ($val -eq 30) {
    break
  }
  $i++
}
"30 was found in array index $i"
## STDOUT:
30 was found in array index 2
## END

#### labeled break and continue
:outer foreach ($i in 1..3) {
    foreach ($j in 1..3) {
        if ($j -eq 2) { continue outer }
        if ($i -eq 3) { break outer }
        "$i,$j"
    }
}
'done'
## STDOUT:
1,1
2,1
done
## END

#### nested labeled while loops
$a = 0
:red while ($true) {
    :yellow while ($true) {
        while ($true) {
            $a++
            if ($a -eq 1) { break }
            if ($a -eq 2) { break yellow }
            if ($a -eq 3) { break red }
        }
        "After innermost loop"
    }
    "After yellow loop"
}
"After red loop"
## STDOUT:
After innermost loop
After yellow loop
After red loop
## END

#### labeled continue skips to the outer iteration
:labelA for ($i = 1; $i -le 2; $i++) {
    :labelB for ($j = 1; $j -le 3; $j++) {
        if ($j -eq 2) { continue labelA }
        "$i $j"
    }
}
## STDOUT:
1 1
2 1
## END

#### break in a function exits the caller's loop
function Stop-Loop { break }
foreach ($i in 1..3) {
    $i
    Stop-Loop
}
'after'
## STDOUT:
1
after
## END

#### foreach enumerator MoveNext
$i = 0
foreach ($num in ("one","two","three"))
{
    "Iteration: $i"
    $i++
    "  Num: $num"
    "  Current: $($foreach.Current)"
    if ($foreach.Current -eq "two")
    {
        "Before MoveNext (Current): $($foreach.Current)"
        $foreach.MoveNext() | Out-Null
        "After MoveNext (Current): $($foreach.Current)"
        "Num hasn't changed: $num"
    }
}
## STDOUT:
Iteration: 0
  Num: one
  Current: one
Iteration: 1
  Num: two
  Current: two
Before MoveNext (Current): two
After MoveNext (Current): three
Num hasn't changed: two
## END

#### foreach enumerator Reset
$stopLoop = 0
foreach ($num in ("one","two", "three"))
{
    ("-" * $stopLoop) + "Current: $($foreach.Current)"
    if ($num -eq "two" -and $stopLoop -lt 2)
    {
        $foreach.Reset()
        ("-" * $stopLoop) + "Reset Loop: $stopLoop"
        $stopLoop++
    }
}
## STDOUT:
Current: one
Current: two
Reset Loop: 0
-Current: one
-Current: two
-Reset Loop: 1
--Current: one
--Current: two
--Current: three
## END

#### foreach variable only exists during the loop
foreach ($n in 1) { $null -eq $foreach }
$null -eq $foreach
## STDOUT:
False
True
## END

#### switch enumerator
$values = "Start", "MoveNext", "NotEvaluated", "Reset", "End"
$stopInfinite = $false
switch ($values)
{
    "MoveNext" {
        "  MoveNext"
        $switch.MoveNext() | Out-Null
        "  After MoveNext: $($switch.Current)"
    }
    "NotEvaluated" {
        "  AfterMoveNext: $($switch.Current)"
    }
    "Reset" {
        if (!$stopInfinite)
        {
            "  Reset"
            $switch.Reset()
            $stopInfinite = $true
        }
    }
    default {
        "Default (Current): $($switch.Current)"
    }
}
## STDOUT:
Default (Current): Start
  MoveNext
  After MoveNext: NotEvaluated
  Reset
Default (Current): Start
  MoveNext
  After MoveNext: NotEvaluated
Default (Current): End
## END

#### foreach without in is a parse error
foreach ($a) { }
## error: ParseError: MissingInInForeach

#### do without while or until is a parse error
do { 'x' }
## error: ParseError: MissingWhileOrUntilInDoWhile

#### try without catch or finally is a parse error
try { 'x' }
## error: ParseError: MissingCatchOrFinally

#### for without a body is a parse error
for ($i = 0; $i -lt 1; $i++)
## error: ParseError: MissingLoopStatement
