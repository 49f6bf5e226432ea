# Spec tests: string expansion and string values.
#
# Sources (PowerShell 7.5 docs): about_Quoting_Rules (interpretation of
# expandable strings), about_Operators ($() subexpression), about_Preference_Variables
# ($OFS), about_Type_Conversion (string conversion), about_Parsing,
# about_Arithmetic_Operators, about_Special_Characters.

#### only simple variable references expand
$h = @{ x = 1 }
"$h.x"
"$($h.x)"
## STDOUT:
System.Collections.Hashtable.x
1
## END

#### array indexing needs a subexpression
$a = 1, 2, 3
"$a"
"$a[1]"
"$($a[1])"
## STDOUT:
1 2 3
1 2 3[1]
2
## END

#### arrays in strings are joined with a space
$list = 'red', 'green', 'blue'
"Colors: $list"
## STDOUT:
Colors: red green blue
## END

#### OFS changes the separator
$array = 1,2,3,4
[string]$array
$OFS = "+"
[string]$array
"$array"
Remove-Variable OFS
[string]$array
## STDOUT:
1 2 3 4
1+2+3+4
1+2+3+4
1 2 3 4
## END

#### subexpression with multiple statements
"result: $(1; 2; 3)"
"sum: $(1 + 2)"
## STDOUT:
result: 1 2 3
sum: 3
## END

#### subexpression containing a quoted string
"outer $("inner") end"
"outer $('single') end"
## STDOUT:
outer inner end
outer single end
## END

#### null expands to an empty string
$n = $null
"a${n}b"
"a$($null)b"
"[$undefinedVariable]"
## STDOUT:
ab
ab
[]
## END

#### booleans and numbers in strings
"$true $false"
"$(1.5) $(10)"
"$(1 -eq 1)"
## STDOUT:
True False
1.5 10
True
## END

#### dollar sign not followed by a name is literal
"a $ b"
"cost: `$5"
"100%"
## STDOUT:
a $ b
cost: $5
100%
## END

#### pipeline variable in an expandable string
1, 2 | ForEach-Object { "item $_" }
## STDOUT:
item 1
item 2
## END

#### string concatenation and repetition
"file" + "name"
$a = "Power"
$b = "Shell"
$a + $b
"ab" * 3
## STDOUT:
filename
PowerShell
ababab
## END

#### expandable here-string with subexpressions
$items = 'a', 'b'
@"
Count: $($items.Count)
First: $($items[0])
Literal: `$items
"@
## STDOUT:
Count: 2
First: a
Literal: $items
## END

#### string with embedded newline
$s = "line1`nline2"
$s
$s.Length
## STDOUT:
line1
line2
11
## END

#### multiline double-quoted string without here-string syntax
"first
second"
## STDOUT:
first
second
## END

#### string conversion of a char array
[string][char[]]('h', 'i')
-join [char[]]('h', 'i')
## STDOUT:
h i
hi
## END

#### strings compare case-insensitively
'abc' -eq 'ABC'
'abc' -ceq 'ABC'
'B' -gt 'a'
## STDOUT:
True
False
True
## END

#### format strings with the -f operator inside expansion
$n = 5
"Value: $('{0:000}' -f $n)"
## STDOUT:
Value: 005
## END

#### variable with scope modifier in a string
$greeting = 'hi'
"$script:greeting there"
"${script:greeting}!"
"$local:greeting"
## STDOUT:
hi there
hi!
hi
## END

#### string length and indexing
$s = 'PowerShell'
$s.Length
$s[0]
$s[-1]
$s[0..4] -join ''
## STDOUT:
10
P
l
Power
## END

#### strings are scalars in the pipeline
$r = @('abc' | ForEach-Object { $_.Length })
$r.Count
$r[0]
'abc'.Count
## STDOUT:
1
3
1
## END
