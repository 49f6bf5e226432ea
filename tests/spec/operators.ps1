# Spec tests: operators -- arithmetic, comparison, matching, replacement,
# containment, split/join, format, type, bitwise, range, logical,
# null-coalescing, null-conditional, ternary, precedence, index.
#
# Sources (PowerShell 7.5 docs): about_Arithmetic_Operators,
# about_Comparison_Operators, about_Operators, about_Split, about_Join,
# about_Type_Operators, about_Logical_Operators, about_Operator_Precedence,
# about_Regular_Expressions, about_If, about_Type_Conversion.
# Error ids not shown in the docs were checked against the PowerShell sources
# (e.g. NotADefinedOperationForType, AddHashTableToNonHashTable).

#### arithmetic basics
6 + 2
6 - 2
- -6
6 * 2
6 / 2
7 % 2
## STDOUT:
8
4
6
12
3
1
## END

#### arithmetic precedence
3+6/3*4
3+6/(3*4)
(3+6)/3*4
2 + 3 * 4
(2 + 3) * 4
## STDOUT:
11
3.5
12
14
20
## END

#### integer division result is widened to double
$result = 1 / 2
$result
$result.GetType().Name
## STDOUT:
0.5
Double
## END

#### casting a division result rounds to even
[int]( 5 / 2 )
[int]( 7 / 2 )
[int][Math]::Round(5 / 2,[MidpointRounding]::AwayFromZero)
[int][Math]::Ceiling(5 / 2)
[int][Math]::Floor(5 / 2)
## STDOUT:
2
4
3
3
2
## END

#### result type widens to fit the value
2 + 3.1
(2).GetType().FullName
(2 + 3.1).GetType().FullName
(512MB).GetType().FullName
(512MB * 512MB).GetType().FullName
([int32]::MinValue + [uint32]::MaxValue).GetType().FullName
## STDOUT:
5.1
System.Int32
System.Double
System.Int32
System.Double
System.Int64
## END

#### int overflow becomes double
$result = [int]::MaxValue + 1
$result
$result.GetType().Name
## STDOUT:
2147483648
Double
## END

#### long overflow loses precision through double
(9223372036854775807 + 2).GetType().FullName
[ulong](9223372036854775807 + 2)
9223372036854775807ul + 2
([ulong]::MaxValue + 1).GetType().FullName
## STDOUT:
System.Double
9223372036854775808
9223372036854775809
System.Double
## END

#### decimal max value
[decimal]::MaxValue
## STDOUT:
79228162514264337593543950335
## END

#### bigint arithmetic truncates operands
[bigint]1 / 1.9
1 / [bigint]1.9
1 / [int]1.9
## STDOUT:
1
1
0.5
## END

#### addition concatenates strings and arrays
"file" + "name"
"file" + 16
$a = 1,2,3
$b = "A","B","C"
$a + $b
## STDOUT:
filename
file16
1
2
3
A
B
C
## END

#### left operand decides the operation
$array = 1,2,3
($array + 16) -join ','
($array + "file") -join ','
($array * 2) -join ','
"file" * 3
"!" * 3
(@("!") * 4) -join ''
+ '123'
## STDOUT:
1,2,3,16
1,2,3,file
1,2,3,1,2,3
filefilefile
!!!
!!!!
123
## END

#### number plus non-numeric string fails
16 + "file"
## error: InvalidCastFromStringToInteger

#### hashtable plus non-hashtable fails
$hash1 = @{a=1; b=2}
$hash1 + 2
## error: AddHashTableToNonHashTable

#### enum arithmetic
$red = [ConsoleColor]::Red
$blue = [ConsoleColor]::Blue
$blue + 3
$red - 3
$blue - $red
## STDOUT:
Red
Blue
-3
## END

#### evaluation order of index and postfix increment
$a = 0
$b = @(1,2)
$c = @(-1,-2)
$b[$a] = $c[$a++]
$b
## STDOUT:
1
-1
## END

#### bitwise operators
10 -band 3
10 -bor 3
10 -bxor 3
-bnot 10
5 -band 3
5 -bor 0x03
5 -bxor 3
-bnot 5
## STDOUT:
2
11
9
-11
1
7
6
-6
## END

#### shift left
102 -shl 2
21 -shl 0
21 -shl 1
21 -shl 2
## STDOUT:
408
21
42
84
## END

#### shift right masks the shift count
102 -shr 1
102 -shr 2
21 -shr 0
21 -shr 1
21 -shr 2
21 -shr 31
21 -shr 32
21 -shr 64
21 -shr 65
21 -shr 66
## STDOUT:
51
25
21
10
5
0
21
21
10
5
## END

#### shift right preserves the sign bit
[int]::MaxValue -shr 1
[int]::MinValue -shr 1
-1 -shr 1
(-21 -shr 1)
(-21 -shr 2)
## STDOUT:
1073741823
-1073741824
-1
-11
-6
## END

#### equality on scalars
2 -eq 2
2 -eq 3
'abc' -eq 'abc'
'abc' -eq 'abc', 'def'
'abc' -ne 'def'
'abc' -ne 'abc'
'abc' -ne 'abc', 'def'
## STDOUT:
True
False
True
False
True
False
True
## END

#### equality on a collection filters it
1,2,3 -eq 2
'abc', 'def' -eq 'abc'
'abc', 'def' -ne 'abc'
'zzz', 'def', 'zzz' -eq 'zzz'
## STDOUT:
2
abc
def
zzz
zzz
## END

#### collection comparison with no match returns an empty array
$a = (1, 2) -eq 3
$a.GetType().Name
$a.Count
## STDOUT:
Object[]
0
## END

#### right operand is converted to the left operand type
1 -eq '1.0'
'1.0' -eq 1
10 -eq ' 10'
10 -eq '0xa'
## STDOUT:
True
False
True
True
## END

#### string comparison is case-insensitive by default
'abc' -eq 'ABC'
'abc' -ieq 'ABC'
'abc' -ceq 'ABC'
'abc' -cne 'ABC'
## STDOUT:
True
True
False
True
## END

#### null on the left vs on the right
$a = 1, 2, $null, 4, $null, 6
$null -ne $a
$a -ne $null
## STDOUT:
True
1
2
4
6
## END

#### relational operators
8 -gt 6
8 -ge 8
6 -lt 8
8 -le 8
'a' -lt 'z'
## STDOUT:
True
True
True
True
True
## END

#### relational operators filter collections
$a=5, 6, 7, 8, 9
Write-Output 'gt 7'
$a -gt 7
Write-Output 'ge 7'
$a -ge 7
Write-Output 'lt 7'
$a -lt 7
Write-Output 'le 7'
$a -le 7
## STDOUT:
gt 7
8
9
ge 7
7
8
9
lt 7
5
6
le 7
5
6
7
## END

#### case-sensitive ordering puts lowercase first
'macOS' -ilt 'MacOS'
'MacOS' -ilt 'macOS'
'macOS' -clt 'MacOS'
## STDOUT:
False
False
True
## END

#### no keyboard symbol sorts after a
$a=' ','`','~','!','@','#','$','%','^','&','*','(',')','_','+','-','=',
   '{','}','[',']',':',';','"','''','\','|','/','?','.','>',',','<'
$r = $a -gt 'a'
$r.Count
## STDOUT:
0
## END

#### like and notlike
'PowerShell' -like    '*shell'
'PowerShell' -notlike '*shell'
'PowerShell' -like    'Power?hell'
'PowerShell' -notlike 'Power?hell'
'PowerShell' -like    'Power[p-w]hell'
'PowerShell' -notlike 'Power[p-w]hell'
'PowerShell', 'Server' -like '*shell'
'PowerShell', 'Server' -notlike '*shell'
## STDOUT:
True
False
True
False
True
False
PowerShell
Server
## END

#### escaping wildcard characters
"f`?`?"
'f`?`?'
'f??' -like 'f??'
'for' -like 'f??'
'f??' -like 'f`?`?'
'for' -like 'f`?`?'
## STDOUT:
f??
f`?`?
True
True
True
False
## END

#### like returns matching members as strings
$r = 1, 22, 3 -like '2*'
$r
$r.GetType().Name
$r[0].GetType().Name
## STDOUT:
22
Object[]
String
## END

#### match and notmatch on scalars
'PowerShell' -match 'shell'
'PowerShell' -like  'shell'
'PowerShell' -match    '^Power\w+'
'bag'        -notmatch 'b[iou]g'
'fishing' -match '^fish$'
## STDOUT:
True
False
True
True
False
## END

#### match filters collections
'PowerShell', 'Super PowerShell', 'Power''s hell' -match '^Power\w+'
'Rhell', 'Chell', 'Mel', 'Smell', 'Shell' -match 'hell'
'Bag', 'Beg', 'Big', 'Bog', 'Bug'  -match 'b[iou]g'
'Bag', 'Beg', 'Big', 'Bog', 'Bug'  -notmatch 'b[iou]g'
## STDOUT:
PowerShell
Rhell
Chell
Shell
Big
Bog
Bug
Bag
Beg
## END

#### match populates Matches with named groups
$string = 'The last logged on user was CONTOSO\jsmith'
$string -match 'was (?<domain>.+)\\(?<user>.+)'
$Matches.domain
$Matches.user
$Matches[0]
## STDOUT:
True
CONTOSO
jsmith
was CONTOSO\jsmith
## END

#### Matches numbered groups and integer keys
'The last logged on user was CONTOSO\jsmith' -match '(.+was )(.+)'
$Matches.0
$Matches[2]
'Good Dog' -match 'Dog'
$Matches[0]
$Matches.Item(0)
## STDOUT:
True
The last logged on user was CONTOSO\jsmith
CONTOSO\jsmith
True
Dog
Dog
## END

#### failed match keeps the previous Matches
'abc' -match 'b' | Out-Null
'xyz' -match 'q'
$Matches[0]
## STDOUT:
False
b
## END

#### match on a collection does not set Matches
$Matches = $null
'a1', 'b2' -match '\d'
$null -eq $Matches
## STDOUT:
a1
b2
True
## END

#### replace is case-insensitive unless creplace
'book' -ireplace 'B', 'C'
'book' -creplace 'B', 'C'
'book' -replace 'B', 'C'
## STDOUT:
Cook
book
Cook
## END

#### replace with named capture substitution
$SearchExp = '^(?<DomainName>[\w-.]+)\\(?<Username>[\w-.]+)$'
$ReplaceExp = '${Username}@${DomainName}'
'Contoso.local\John.Doe' -replace $SearchExp, $ReplaceExp
## STDOUT:
John.Doe@Contoso.local
## END

#### replace substitution vs string expansion
$1 = 'Goodbye'
'Hello World' -replace '(\w+) \w+', "$1 Universe"
'Hello World' -replace '(\w+) \w+', '$1 Universe'
"Hello World" -replace "(\w+) \w+", "`$1 Universe"
## STDOUT:
Goodbye Universe
Hello Universe
Hello Universe
## END

#### replace dollar escapes
'5.72' -replace '(.+)', '$ $1'
'5.72' -replace '(.+)', '$$$1'
'5.72' -replace '(.+)', '$$1'
'Gobble' -replace 'Gobble', '$& $&'
'John D. Smith' -replace '(\w+) (\w+)\. (\w+)', '$1.$2.$3@contoso.com'
## STDOUT:
$ 5.72
$5.72
$1
Gobble Gobble
John.D.Smith@contoso.com
## END

#### replace applies to each element of a collection
'B1','B2','B3' -replace 'B', 'a'
## STDOUT:
a1
a2
a3
## END

#### replace with a scriptblock
'072101108108111' -replace '\d{3}', {return [char][int]$_.Value}
## STDOUT:
Hello
## END

#### replace with only a pattern removes matches
'a,b,c' -replace ','
1.2 -replace ','
## STDOUT:
abc
1.2
## END

#### contains and notcontains
'abc', 'def' -contains 'def'
'abc', 'def' -notcontains 'def'
'Windows', 'PowerShell' -contains 'Shell'
'Windows', 'PowerShell' -notcontains 'Shell'
'abc', 'def', 'ghi' -contains 'abc', 'def'
'abc', 'def', 'ghi' -notcontains 'abc', 'def'
## STDOUT:
True
False
False
True
False
True
## END

#### contains with a collection on the right compares its string form
$a = 'abc', 'def'
'abc', 'def', 'ghi' -contains $a
$a, 'ghi' -contains $a
'abc def', 'ghi' -contains $a
## STDOUT:
False
True
True
## END

#### in and notin
'def' -in 'abc', 'def'
'def' -notin 'abc', 'def'
'Shell' -in 'Windows', 'PowerShell'
'Shell' -notin 'Windows', 'PowerShell'
'abc', 'def' -in 'abc', 'def', 'ghi'
'abc', 'def' -notin 'abc', 'def', 'ghi'
$a = 'abc', 'def'
$a -in 'abc def', 'ghi'
## STDOUT:
True
False
False
True
False
True
True
## END

#### containment converts each element
$true -in 'true', 'false'
'true', 'false' -contains $true
## STDOUT:
True
True
## END

#### is and isnot
$a = 1
$b = '1'
$a -is [int]
$a -is $b.GetType()
$b -isnot [int]
$a -isnot $b.GetType()
32 -is [float]
32 -is "int"
"12/31/2007" -is [string]
## STDOUT:
True
False
True
True
False
True
True
## END

#### is tests the collection not its elements
1, 2 -is [System.Collections.IList]
1, 2 -is [array]
1, 2 -is [int]
## STDOUT:
True
True
False
## END

#### as converts or returns null
$r = '5' -as [int]
$r
$r.GetType().Name
$null -eq ('abc' -as [int])
'42' -as 'int'
## STDOUT:
5
Int32
True
42
## END

#### unary split on whitespace
-split "red yellow blue green"
## STDOUT:
red
yellow
blue
green
## END

#### split on a delimiter
"Lastname:FirstName:Address" -split ":"
## STDOUT:
Lastname
FirstName
Address
## END

#### split keeps captured delimiters
"Lastname:FirstName:Address" -split "(:)"
"Lastname/:/FirstName/:/Address" -split "/(:)/"
## STDOUT:
Lastname
:
FirstName
:
Address
Lastname
:
FirstName
:
Address
## END

#### split with a maximum number of substrings
$c = "Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune"
$c -split ",", 5
## STDOUT:
Mercury
Venus
Earth
Mars
Jupiter,Saturn,Uranus,Neptune
## END

#### split max-substrings applies to each input string
"a,b,c,d", "e,f,g,h" -split ",", 3
## STDOUT:
a
b
c,d
e
f
g,h
## END

#### split max-substrings with captured delimiter
'Chocolate-Vanilla-Strawberry-Blueberry' -split '(-)', 3
## STDOUT:
Chocolate
-
Vanilla
-
Strawberry-Blueberry
## END

#### split with a negative maximum counts from the end
"a,b,c,d,e,f,g,h" -split ",", -3
## STDOUT:
a,b,c,d,e,f
g
h
## END

#### split with a scriptblock delimiter
$c = "Mercury,Venus,Earth,Mars"
$c -split {$_ -eq "e" -or $_ -eq "p"}
## STDOUT:
M
rcury,V
nus,
arth,Mars
## END

#### split uses a regular expression
"Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune" -split 'er'
## STDOUT:
M
cury,Venus,Earth,Mars,Jupit
,Saturn,Uranus,Neptune
## END

#### split character class with limit yields an empty element
"Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune" -split '[er]', 6
## STDOUT:
M

cu
y,V
nus,
arth,Mars,Jupiter,Saturn,Uranus,Neptune
## END

#### csplit is case-sensitive
"Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune" -csplit 'N'
## STDOUT:
Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,
eptune
## END

#### split escaped dot and SimpleMatch
"This.is.a.test" -split "\."
"This.is.a.test" -split ".", 0, "SimpleMatch"
## STDOUT:
This
is
a
test
This
is
a
test
## END

#### split with the Multiline option
$a = @'
1The first line.
2The second line.
3The third of three lines.
'@
$a -split "^\d", 0, "Multiline"
## STDOUT:

The first line.

The second line.

The third of three lines.
## END

#### split delimiter from an expression
$i = 1
$c = "LastName, FirstName; Address, City, State, Zip"
$c -split $(if ($i -lt 1) {","} else {";"})
## STDOUT:
LastName, FirstName
 Address, City, State, Zip
## END

#### unary split binds tighter than comma
-split "1 2", "a b"
'--'
"1 2", "a b" -split " "
'--'
-split ("1 2", "a b")
## STDOUT:
1
2
a b
--
1
2
a
b
--
1
2
a
b
## END

#### join
-join ("Windows", "PowerShell", "2.0")
"Windows", "PowerShell", "2.0" -join " "
$a = "WIND", "S P", "ERSHELL"
$a -join "OW"
## STDOUT:
WindowsPowerShell2.0
Windows PowerShell 2.0
WINDOWS POWERSHELL
## END

#### unary join binds tighter than comma
-join "a", "b", "c"
-join ("a", "b", "c")
$z = "a", "b", "c"
-join $z
## STDOUT:
a
b
c
abc
abc
## END

#### split then join a here-string
$a = @'
a
b
c
'@
(-split $a) -join " "
## STDOUT:
a b c
## END

#### format operator
"{0} {1,-10} {2:N}" -f 1,"hello",[Math]::PI
"{0:00} {1:000} {2:000000}" -f 7, 24, 365
"{0} vs. {{0}}" -f 'foo'
'{0} {1}' -f (1, 2)
"[{0,5}]" -f 'ab'
## STDOUT:
1 hello      3.14
07 024 000365
foo vs. {0}
1 2
[   ab]
## END

#### logical operators
(1 -eq 1) -and (1 -eq 2)
(1 -eq 1) -or (1 -eq 2)
(1 -eq 1) -xor (2 -eq 2)
-not (1 -eq 1)
!(1 -eq 1)
## STDOUT:
False
True
False
False
False
## END

#### logical operators short-circuit
$script:hits = 0
function Hit { $script:hits++; $true }
$false -and (Hit)
$true -or (Hit)
$hits
## STDOUT:
False
True
0
## END

#### and and or have equal precedence
$true -or $false -and $false
2 -gt 4 -and 1
(2 -gt 4) -and 1
2 -gt (4 -and 1)
## STDOUT:
False
False
False
True
## END

#### index binds tighter than cast
[string]@('Windows','PowerShell','2.0')[0]
([string]@('Windows','PowerShell','2.0'))[0]
## STDOUT:
Windows
W
## END

#### number ranges
1..3
3..1
5..-5 -join ','
## STDOUT:
1
2
3
3
2
1
5,4,3,2,1,0,-1,-2,-3,-4,-5
## END

#### character ranges
'a'..'f'
'F'..'A' -join ''
## STDOUT:
a
b
c
d
e
f
FEDCBA
## END

#### character range follows code points
'c'..'X'
## STDOUT:
c
b
a
`
_
^
]
\
[
Z
Y
X
## END

#### character range assigned to a string
[string]$s = 'a'..'e'
$s
## STDOUT:
a b c d e
## END

#### range with variable endpoints
$max = 4
foreach ($n in 1..$max) { $n * 10 }
## STDOUT:
10
20
30
40
## END

#### null-coalescing operator
$x = $null
$x ?? 100
[string] $todaysDate = '1/10/2020'
$todaysDate ?? 'other'
## STDOUT:
100
1/10/2020
## END

#### null-coalescing does not evaluate the right side
$script:called = $false
function Fallback { $script:called = $true; 'fallback' }
'present' ?? (Fallback)
$called
## STDOUT:
present
False
## END

#### null-coalescing assignment
$x = $null
$x ??= 100
$x
$y = 'kept'
$y ??= 'replaced'
$y
## STDOUT:
100
kept
## END

#### null-conditional member and index access
$a = @{ PropName = 100 }
${a}?.PropName
$a = 1..10
${a}?[0]
$a = $null
${a}?.PropName
${a}?[0]
'end'
## STDOUT:
100
1
end
## END

#### ternary operator
$true ? 'yes' : 'no'
(5 -gt 7) ? 'big' : 'small'
$n = 0
$n ? 'nonzero' : 'zero'
## STDOUT:
yes
small
zero
## END

#### ternary requires a value expression
(1) ? Write-Output 'x' : 'y'
## error: ParseError: ExpectedValueExpression

#### ternary branches can run commands in parentheses
$ok = $true
$ok ? (Write-Output 'exists') : (Write-Output 'not found')
## STDOUT:
exists
## END

#### assignment in parentheses passes the value through
($var = 1 + 2)
($var = 1 + 2) -eq 3
## STDOUT:
3
True
## END

#### index operator on arrays
$a = 1, 2, 3
$a[0]
$a[-1]
$a[2, 1, 0]
## STDOUT:
1
3
3
2
1
## END

#### index operator on a scalar
(2)[0]
(2)[-1]
(2)[1] -eq $null
(2)[0,0] -eq $null
## STDOUT:
2
2
True
True
## END

#### index operator on hashtables
$h = @{key="value"; name="PowerShell"; version="2.0"}
$h["name"]
## STDOUT:
PowerShell
## END

#### static member operator with expression member name
'MinValue', 'MaxValue' | ForEach-Object { [int]:: $_ }
## STDOUT:
-2147483648
2147483647
## END

#### multiplying two booleans is not defined
$false * $true
## error: NotADefinedOperationForType

#### replace numbers unnamed groups before named ones
# .NET numbers unnamed groups first, then named groups (about_Regular_Expressions)
'ab' -replace '(?<n>a)(b)', '[$1][$2][${n}]'
## STDOUT:
[b][a][a]
## END

#### comparison of IComparable values converts the right operand
[version]'1.2' -lt '1.10'
[version]'2.0' -gt [version]'1.10'
## STDOUT:
True
True
## END

#### UTC and local dates compare by clock value
$u = [datetime]::UtcNow
$u -eq $u
$u.AddDays(-1) -lt (Get-Date).AddDays(1)
## STDOUT:
True
True
## END

#### .NET regex escapes that Python spells differently: \e is ESC
"a$([char]27)[1mb" -replace '\e\[\d+m', ''
"x$([char]0x1b)y" -match '[\e]'
## STDOUT:
ab
True
## END
