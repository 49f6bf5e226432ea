# Spec tests: native commands -- argument passing ($PSNativeCommandArgumentPassing =
# 'Standard'), stdout into the pipeline, stderr and redirection, $LASTEXITCODE and $?,
# $PSNativeCommandUseErrorActionPreference, piping objects to stdin, --%.
#
# Sources (PowerShell 7.4 docs): about_Parsing (passing arguments to native commands,
# the stop-parsing token), about_Preference_Variables ($PSNativeCommandArgumentPassing,
# $PSNativeCommandUseErrorActionPreference), about_Redirection, about_Automatic_Variables
# ($LASTEXITCODE, $?).  Uses /bin/sh, printf and cat, present on Linux.

#### each argument is one argv element
printf '[%s]\n' a 'b c' 'd"e' "f'g"
## STDOUT:
[a]
[b c]
[d"e]
[f'g]
## END

#### empty strings are passed, $null is not
$n = $null
printf '[%s]\n' '' $n x ""
## STDOUT:
[]
[x]
[]
## END

#### array variable passes each element
$a = 'one', 'two words'
printf '<%s>\n' $a
## STDOUT:
<one>
<two words>
## END

#### parameter with colon is one argument
$v = 'val'
printf '%s\n' -x:$v --flag -n:3
## STDOUT:
-x:val
--flag
-n:3
## END

#### number literals are passed as written
printf '%s\n' 0x10 1.50
## STDOUT:
0x10
1.50
## END

#### stdout lines become strings in the pipeline
$lines = printf 'a\nb\nc\n'
$lines.Count
$lines[1].GetType().FullName
## STDOUT:
3
System.String
## END

#### output is decoded as UTF-8
printf 'caf\303\251\n'
## STDOUT:
café
## END

#### LASTEXITCODE and $? follow the exit code
/bin/sh -c 'exit 3'
$ok = $?
$LASTEXITCODE
$ok
/bin/sh -c 'exit 0'
$ok = $?
$LASTEXITCODE
$ok
## STDOUT:
3
False
0
True
## END

#### pipeline chain operators use the exit code
/bin/sh -c 'exit 1' && 'ran'
/bin/sh -c 'exit 1' || 'recovered'
## STDOUT:
recovered
## END

#### stderr goes to the console, not the pipeline
$out = /bin/sh -c 'echo out; echo err >&2'
"[$out]"
## STDOUT:
[out]
## END

#### piped objects become stdin lines
1, 'two', 3.5 | cat
## STDOUT:
1
two
3.5
## END

#### native output piped to a native command
printf 'b\na\n' | /bin/sh -c 'sort'
## STDOUT:
a
b
## END

#### native output piped to a cmdlet streams as strings
printf '1\n2\n3\n' | ForEach-Object { [int]$_ * 2 }
## STDOUT:
2
4
6
## END

#### stop-parsing token passes the rest verbatim
$x = 'ignored'
printf '[%s]\n' --% a $x "b"
## STDOUT:
[a]
[$x]
["b"]
## END

#### stop-parsing expands environment references
$env:PWSHLIKE_NATIVE_T = 'hello'
printf '[%s]\n' --% %PWSHLIKE_NATIVE_T%
## STDOUT:
[hello]
## END

#### error action preference applies to a non-zero exit
$PSNativeCommandUseErrorActionPreference = $true
$ErrorActionPreference = 'Stop'
try { /bin/sh -c 'exit 5' } catch {
    $_.FullyQualifiedErrorId
    $_.Exception.Message
    $_.Exception.ExitCode
}
$LASTEXITCODE
## STDOUT:
ProgramExitedWithNonZeroCode
Program "sh" ended with non-zero exit code: 5.
5
5
## END

#### a non-zero exit is not an error by default
$ErrorActionPreference = 'Stop'
/bin/sh -c 'exit 2'
"still here $LASTEXITCODE"
## STDOUT:
still here 2
## END

#### stdout redirected to a file
$f = [System.IO.Path]::GetTempFileName()
/bin/sh -c 'echo one; echo two' > $f
cat $f
## STDOUT:
one
two
## END

#### stderr merged into the output as error records
# stdout and stderr are separate pipes: their relative order is not fixed
$r = /bin/sh -c 'echo out; echo bad >&2' 2>&1
$r.Count
$r | Where-Object { $_ -is [string] }
$e = $r | Where-Object { $_ -isnot [string] }
$e.GetType().Name
$e.FullyQualifiedErrorId
"$e"
## STDOUT:
2
out
ErrorRecord
NativeCommandError
bad
## END

#### stderr discarded with 2>$null
/bin/sh -c 'echo kept; echo dropped >&2' 2>$null
## STDOUT:
kept
## END

#### unknown command
this-command-does-not-exist-anywhere
## error: CommandNotFoundException
