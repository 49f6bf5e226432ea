# Spec tests: tokenizer -- numeric literals, strings, escapes, here-strings,
# variable names, comments, line continuation, argument-mode tokens.
#
# Expected outputs come from the PowerShell 7 documentation
# (MicrosoftDocs/PowerShell-Docs, reference/7.5/Microsoft.PowerShell.Core/About):
# about_Numeric_Literals, about_Quoting_Rules, about_Special_Characters,
# about_Variables, about_Parsing, about_Case-Sensitivity.
# Parse-error ids are the ones shown in the docs or asserted by the PowerShell
# repository's own tests (test/powershell/Language/Parser/Parsing.Tests.ps1).

#### integer literal types by suffix
(100).GetType().Name
(100u).GetType().Name
(100D).GetType().Name
(100l).GetType().Name
(100uL).GetType().Name
(100us).GetType().Name
(100uy).GetType().Name
(100y).GetType().Name
## STDOUT:
Int32
UInt32
Decimal
Int64
UInt64
UInt16
Byte
SByte
## END

#### real literals are doubles
(1e2).GetType().Name
1e2
1.e2
(1.5).GetType().Name
## STDOUT:
Double
100
100
Double
## END

#### large integer literal widens to Int64
(2147483648).GetType().Name
(2147483647).GetType().Name
## STDOUT:
Int64
Int32
## END

#### hexadecimal and binary literals
0x1e2
(0x1e2L).GetType().Name
0b1011011
0x10
## STDOUT:
482
Int64
91
16
## END

#### hex digits swallow the d suffix
# 'D' is a hex digit, so 0x1e2D is the Int32 0x1E2D, not a decimal
0x1e2D
(0x1e2D).GetType().Name
## STDOUT:
7725
Int32
## END

#### hex literals respect sign bits
0xFFFFFFFF
-0xFFFFFFFF
0xFFFFFFFFu
0xFFFFs
(0xFFFFs).GetType().Name
## STDOUT:
-1
1
4294967295
-1
Int16
## END

#### numeric multipliers
1kb
1KB
10kb
0x10Gb
0x12Lpb
## STDOUT:
1024
1024
10240
17179869184
20266198323167232
## END

#### multiplier with decimal keeps trailing zeros
1.30Dmb
## STDOUT:
1363148.80
## END

#### multiplier types
482gb
(482gb).GetType().Name
(482ngb).GetType().Name
(0x1e2lgb).GetType().Name
## STDOUT:
517543559168
Int64
BigInteger
Int64
## END

#### double with multiplier uses exponent notation
1.4e23tb
## STDOUT:
1.5393162788864E+35
## END

#### real literal with long suffix is truncated to long
1.2L
1.2345e1L
1.2345e-5L
(1.2L).GetType().Name
## STDOUT:
1
12
0
Int64
## END

#### exponent literal assigned to variable
$a = 3.1415e3
$a
$b = 0x10
$b
## STDOUT:
3141.5
16
## END

#### malformed numeric literal is a parse error
1usgb
## error: ParseError: BadNumericConstant

#### member access on a bare integer literal needs parentheses
2.GetType().Name
## error: ParseError: ExpectedExpression

#### member access on suffixed and real literals
2uL.GetType().Name
1.234.GetType().Name
(2).GetType().Name
## STDOUT:
UInt64
Double
Int32
## END

#### strings convert to numbers with hex and binary prefixes
[int] '0xF' -eq 0xF
[int] '0b1111' -eq 0b1111
[int] '0b1111' -eq 15
## STDOUT:
True
True
True
## END

#### double-quoted strings expand variables
$i = 5
"The value of $i is $i."
## STDOUT:
The value of 5 is 5.
## END

#### single-quoted strings are verbatim
$i = 5
'The value of $i is $i.'
'The value of $(2+3) is 5.'
## STDOUT:
The value of $i is $i.
The value of $(2+3) is 5.
## END

#### subexpression inside double-quoted string
"The value of $(2+3) is 5."
## STDOUT:
The value of 5 is 5.
## END

#### backtick prevents variable expansion
$i = 5
"The value of `$i is $i."
## STDOUT:
The value of $i is 5.
## END

#### embedding quote characters
'As they say, "live and learn."'
"As they say, 'live and learn.'"
"As they say, ""live and learn."""
'don''t'
## STDOUT:
As they say, "live and learn."
As they say, 'live and learn.'
As they say, "live and learn."
don't
## END

#### backtick-escaped double quote
"Use a quotation mark (`") to begin a string."
'Use a quotation mark (`") to begin a string.'
## STDOUT:
Use a quotation mark (") to begin a string.
Use a quotation mark (`") to begin a string.
## END

#### smart quotes act as quote characters
"Double ““smart quotation marks`” must be escaped in a double-quoted string."
'Single ‘‘smart quotation marks’’ must be escaped in a single-quoted string.'
## STDOUT:
Double “smart quotation marks” must be escaped in a double-quoted string.
Single ‘smart quotation marks’ must be escaped in a single-quoted string.
## END

#### newline escape
"There are two line breaks to create a blank line`n`nbetween the words."
## STDOUT:
There are two line breaks to create a blank line

between the words.
## END

#### escape sequence character codes
[int][char]"`0"
[int][char]"`a"
[int][char]"`b"
[int][char]"`e"
[int][char]"`f"
[int][char]"`n"
[int][char]"`r"
[int][char]"`t"
[int][char]"`v"
## STDOUT:
0
7
8
27
12
10
13
9
11
## END

#### escapes are not interpreted in single quotes
'a`nb'
'a`tb'.Length
"a`tb".Length
## STDOUT:
a`nb
4
3
## END

#### unicode escape sequence
"`u{2195}"
"`u{41}`u{42}"
## STDOUT:
↕
AB
## END

#### empty unicode escape is a parse error
"`u{}"
## error: ParseError: InvalidUnicodeEscapeSequence

#### double-quoted here-string
$name = 'World'
@"
For help, type "Get-Help"
Hello, $name!
"@
## STDOUT:
For help, type "Get-Help"
Hello, World!
## END

#### single-quoted here-string is verbatim
@'
The $PROFILE variable contains the path
of your PowerShell profile.
'@
## STDOUT:
The $PROFILE variable contains the path
of your PowerShell profile.
## END

#### here-string quotes are literal
@"
Use a quotation mark, like ' or ", to begin a string.
"@
## STDOUT:
Use a quotation mark, like ' or ", to begin a string.
## END

#### here-string final newline is not part of the string
$s = @'
ab
cd
'@
$s.Length
## STDOUT:
5
## END

#### variable names are case-insensitive
$MyVariable = 'green'
$myvariable
$MYVARIABLE
## STDOUT:
green
green
## END

#### braced variable name with special characters
${save-items} = "a", "b", "c"
${save-items}
## STDOUT:
a
b
c
## END

#### braced variable name with escaped braces
${this`{value`}is} = "This variable name uses braces and backticks."
${this`{value`}is}
## STDOUT:
This variable name uses braces and backticks.
## END

#### braces separate a variable name from following text
$x = 'v'
"${x}: where the heart is."
## STDOUT:
v: where the heart is.
## END

#### question mark is allowed in variable names
$ok? = 'yes'
${ok?}
$ok?
## STDOUT:
yes
yes
## END

#### comments are ignored
'a' # trailing comment
# whole line comment
<# block
   comment #>
'b'
## STDOUT:
a
b
## END

#### backtick line continuation
Write-Output `
    'continued'
## STDOUT:
continued
## END

#### line break after binary operator, comma and pipe
$x = 1 +
  2
$x
$arr = 1,
  2
$arr.Count
1, 2 |
  ForEach-Object { $_ * 10 }
## STDOUT:
3
2
10
20
## END

#### keywords and type literals are case-insensitive
IF ($true) { 'if' } ELSE { 'else' }
FOREACH ($i in 1..2) { $i }
[INT]'7' + 1
## STDOUT:
if
1
2
8
## END

#### argument mode treats 2+2 as a string
Write-Output 2+2
Write-Output(2+2)
Write-Output (2)
## STDOUT:
2+2
4
2
## END

#### argument mode expands variables inside bare words
$a = 4
Write-Output $a
Write-Output $a+2
Write-Output a$a
Write-Output a'$a'
Write-Output a"$a"
Write-Output a$(2)
## STDOUT:
4
4+2
a4
a$a
a4
a2
## END

#### argument mode keeps operators as text
Write-Output !1
Write-Output (!1)
## STDOUT:
!1
False
## END

#### end-of-parameters token
Write-Output -- -InputObject
## STDOUT:
-InputObject
## END

#### unterminated hashtable literal is a parse error
$h = @{ a=1;b=2;c=3;
## error: ParseError: MissingEndCurlyBrace

#### missing closing brace of a function is a parse error
function foo {
  'body'
## error: ParseError: MissingEndCurlyBrace

#### a stream number before > is a redirection in command mode
function Get-Both { 'out'; Write-Error 'err' }
$r = Get-Both 2>&1
$r.Count
Get-Both 2>$null
## STDOUT:
2
out
## END
