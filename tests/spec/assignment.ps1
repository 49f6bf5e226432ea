# Spec tests: assignment -- =, compound assignment, ++/--, multiple
# assignment, type-constrained variables, assignment as a value.
#
# Sources (PowerShell 7.5 docs): about_Assignment_Operators, about_Variables,
# about_Operators (grouping assignment statements), about_Type_Conversion.
# Parse-error ids: PowerShell repo test/powershell/Language/Parser/Parsing.Tests.ps1.

#### simple assignment creates and replaces
$a = 6
$a
$a = 12
$a
## STDOUT:
6
12
## END

#### assignment statement produces no output
$a = 1
$b = 'x'
## STDOUT:
## END

#### assign the value of a statement
$b = -5
$a = if ($b -lt 0) { 0 } else { $b }
$a
$b = 7
$a = if ($b -lt 0) { 0 } else { $b }
$a
## STDOUT:
0
7
## END

#### assign the output of a pipeline
$a = 1, 2, 3 | ForEach-Object { $_ * 2 }
$a
## STDOUT:
2
4
6
## END

#### plus-equals on numbers and strings
$a = 4
$a += 2
$a
$a = "Windows"
$a += " PowerShell"
$a
## STDOUT:
6
Windows PowerShell
## END

#### plus-equals appends to arrays
$a = 1,2,3
$a += 2
$a
$a += "String"
$a.Count
$a[-1]
## STDOUT:
1
2
3
2
5
String
## END

#### plus-equals on a hashtable adds another hashtable
$a = @{a = 1; b = 2; c = 3}
$a += @{mode = "write"}
$a.Count
$a.mode
## STDOUT:
4
write
## END

#### plus-equals of a non-hashtable to a hashtable fails
$a = @{a = 1; b = 2; c = 3}
$a += 1
## error: AddHashTableToNonHashTable

#### minus-equals and on an array element
$a = 8
$a -= 2
$a
$a = 1,2,3
$a[2] -= 1
$a
## STDOUT:
6
1
2
2
## END

#### times-equals on numbers and strings
$a = 3
$a *= 4
$a
$a = "file"
$a *= 4
$a
## STDOUT:
12
filefilefilefile
## END

#### divide-equals and modulus-equals
$a = 8
$a /= 2
$a
$a = 7
$a %= 4
$a
$b = 1, 10, 3
$b[1] /= 2
$b[1]
## STDOUT:
4
3
5
## END

#### increment in a simple statement has no output
$a = 7
++$a
$a
$a--
$a
## STDOUT:
8
7
## END

#### prefix and postfix increment values
$a = 7
$c = ++$a
"$a $c"
$a = 7
$c = $a++
"$a $c"
$a = 7
$d = --$a
"$a $d"
$a = 7
$d = $a--
"$a $d"
## STDOUT:
8 8
8 7
6 6
6 7
## END

#### parentheses force increment output
$i = 0
(++$i)
$i = 0
($i++)
$i
$a = 7
(--$a)
## STDOUT:
1
0
1
6
## END

#### increment of an undefined variable starts from null
$never++
$never
## STDOUT:
1
## END

#### setting an array element to null
$a = 1,2,3
$a[1] = $null
$a
$a.Count
## STDOUT:
1
3
3
## END

#### first assigned type drives later operations
$a = "file"
$a += 3
$a
$a = 6
$a += "3"
$a
## STDOUT:
file3
9
## END

#### type-constrained variable converts assigned values
[string]$a = 27
$a += 3
$a
[int]$number = 8
$number = "12345"
$number
$number.GetType().Name
## STDOUT:
273
12345
Int32
## END

#### type-constrained string variable concatenates
[string]$words = "Hello"
$words = 2
$words += 10
$words
## STDOUT:
210
## END

#### type-constrained variable rejects unconvertible values
[int]$number = 8
$number = "Hello"
## error: RuntimeException

#### casting a value rather than the variable
$a = [string]27
$a.GetType().Name
$a = 5
$a.GetType().Name
## STDOUT:
String
Int32
## END

#### typed array variable
[string[]] $a = "one", "two", "three"
$a.GetType().Name
[int[]] $n = '1', '2'
$n[0].GetType().Name
$n[0] + $n[1]
## STDOUT:
String[]
Int32
3
## END

#### multiple assignment
$a, $b, $c = 1, 2, 3
"$a|$b|$c"
## STDOUT:
1|2|3
## END

#### multiple assignment puts the rest in the last variable
$a, $b, $c = 1, 2, 3, 4, 5
"$a|$b"
$c
$d, $e, $f = $c
"$d|$e|$f"
## STDOUT:
1|2
3
4
5
3|4|5
## END

#### multiple assignment with fewer values leaves null
$a, $b, $c = 1, 2
"$a|$b"
$null -eq $c
## STDOUT:
1|2
True
## END

#### multiple assignment of mixed values
$i,$j,$k = 10, "red", $true
$i
$j
$k
$i,$j = 10, "red", $true
$j.Length
## STDOUT:
10
red
True
2
## END

#### chained assignment
$a = $b = $c = $d = "three"
"$a $b $c $d"
## STDOUT:
three three three three
## END

#### compound assignment does not use dynamic scoping
$x = 1
& { $x += 1; $x }
$x
## STDOUT:
1
1
## END

#### plain assignment reads the parent value into a new local
$x = 1
& { $x = $x + 1; $x }
"Global `$x = $x"
## STDOUT:
2
Global $x = 1
## END

#### assignment inside an if condition
if ($found = 'value') { "found $found" }
if ($none = $null) { 'not reached' } else { 'empty' }
## STDOUT:
found value
empty
## END

#### compound assignment to multiple targets is a parse error
$a,$b += 1,2
## error: ParseError: InvalidLeftHandSide

#### null-coalescing assignment to a constant is a parse error
1 ??= 1
## error: ParseError: InvalidLeftHandSide

#### missing value after assignment is a parse error
$a=
## error: ParseError: ExpectedValueExpression

#### assigning a read-only automatic variable fails
$PID = 1
## error: VariableNotWritable
