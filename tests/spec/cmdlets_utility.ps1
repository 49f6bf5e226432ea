# Spec tests: Measure-Command, Select-String, ConvertFrom-StringData,
# Import-PowerShellDataFile, Get-FileHash, New-TemporaryFile, Test-Json, Get-Unique.
#
# Sources (PowerShell 7.4): the cmdlet reference pages of Microsoft.PowerShell.Utility;
# the cmdlets' source (TimeExpressionCommand.cs, MatchString.cs, ConvertFrom-StringData.cs,
# ImportPowerShellDataFile.cs + SafeValues.cs, GetHash.cs, NewTemporaryFileCommand.cs,
# TestJsonCommand.cs, GetUnique.cs) for messages and error ids; their Pester tests
# (Get-FileHash hash values, Get-Unique cases); the MatchInfo and TimeSpan views of the
# default format data.

#### Measure-Command writes one TimeSpan and discards the block's output
$t = Measure-Command { 'not shown'; 1..3 }
$t.GetType().FullName
$t.TotalSeconds -ge 0
## STDOUT:
System.TimeSpan
True
## END

#### Measure-Command runs the block in the caller's scope; & { } keeps a child scope
$foo = 'Value 1'
$null = Measure-Command { $foo = 'Value 2' }
$foo
$null = Measure-Command { & { $foo = 'Value 3' } }
$foo
## STDOUT:
Value 2
Value 2
## END

#### Measure-Command runs the block once per piped object, with $_, and writes one result
$sum = 0
$r = 10, 20, 30 | Measure-Command { $sum += $_ }
@($r).Count
$sum
$null = Measure-Command -InputObject 7 { $script:seen = $_ }
$seen
## STDOUT:
1
60
7
## END

#### Measure-Command lets host output through
$null = Measure-Command { Write-Host 'from the host'; 'dropped' }
## STDOUT:
from the host
## END

#### A TimeSpan is shown with its list view
New-TimeSpan -Seconds 90
## STDOUT:

Days              : 0
Hours             : 0
Minutes           : 1
Seconds           : 30
Milliseconds      : 0
Ticks             : 900000000
TotalDays         : 0.00104166666666667
TotalHours        : 0.025
TotalMinutes      : 1.5
TotalSeconds      : 90
TotalMilliseconds : 90000
## END

#### Select-String on piped strings shows the matching lines
'apple pie', 'banana split', 'Cherry tart' | Select-String -Pattern '^[ac]'
## STDOUT:

apple pie
Cherry tart
## END

#### MatchInfo of piped text: LineNumber counts the input objects, Path is InputStream
$m = 'a1', 'b', 'c3' | Select-String '\d'
$m.Count
$m[1].LineNumber
$m[1].Line
$m[1].Path
$m[1].Filename
$m[1].Pattern
$m[1].IgnoreCase
$m[1].Matches[0].Value
"$($m[0])"
$m[0].GetType().FullName
## STDOUT:
2
3
c3
InputStream
InputStream
\d
True
3
a1
Microsoft.PowerShell.Commands.MatchInfo
## END

#### Select-String -Path with wildcards shows path:line:text relative to the location
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/a.txt" 'one apple', 'two', 'four apple pie'
Set-Content "$d/b.log" 'apple x'
Push-Location $d
Select-String -Path ./*.txt, ./*.log -Pattern apple
Pop-Location
Remove-Item $d -Recurse
## STDOUT:

a.txt:1:one apple
a.txt:3:four apple pie
b.log:1:apple x
## END

#### A file match converts to a string with its full path; Filename is the leaf
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/a.txt" 'one apple', 'two', 'four apple pie'
$m = Select-String -Path "$d/a.txt" -Pattern 'pie'
$m.ToString() -eq "$d/a.txt:3:four apple pie"
"$m" -eq $m.ToString()
$m.Path -eq "$d/a.txt"
$m.Filename
$m.LineNumber
$m.RelativePath($d)
$m.ToString($d)
Remove-Item $d -Recurse
## STDOUT:
True
True
True
a.txt
3
a.txt
a.txt:3:four apple pie
## END

#### FileInfo objects piped to Select-String are searched as files
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/x.txt" 'alpha', 'beta'
Set-Content "$d/y.txt" 'gamma beta'
Get-ChildItem $d -Filter *.txt | Select-String 'beta' | ForEach-Object { "$($_.Filename) $($_.LineNumber) $($_.Line)" }
Remove-Item $d -Recurse
## STDOUT:
x.txt 2 beta
y.txt 1 gamma beta
## END

#### -CaseSensitive, -SimpleMatch and several patterns
'Hello', 'HELLO', 'a.c', 'abc' | Select-String -Pattern 'HELLO' -CaseSensitive -SimpleMatch | ForEach-Object Line
'a.c', 'abc' | Select-String -Pattern 'a.c' -SimpleMatch | ForEach-Object Line
$m = 'xyz' | Select-String -Pattern 'q', 'y', 'z'
$m.Pattern
$m.Matches.Count
('abc' | Select-String 'b' -SimpleMatch).Matches.Count
## STDOUT:
HELLO
a.c
y
1
0
## END

#### -NotMatch selects the other lines; -Raw writes them as strings
$r = 'one', 'two', 'three' | Select-String -Pattern 'o' -NotMatch -Raw
$r
$r.GetType().FullName
## STDOUT:
three
System.String
## END

#### -AllMatches keeps every match of the line in Matches
$m = 'v1.2 and v3.4' | Select-String -Pattern 'v(\d)\.(\d)' -AllMatches
$m.Matches.Count
$m.Matches | ForEach-Object { $_.Groups[1].Value + $_.Groups[2].Value }
('v1.2 and v3.4' | Select-String -Pattern 'v\d').Matches.Count
## STDOUT:
2
12
34
1
## END

#### -Context shows the lines around each match and fills the Context property
$lines = 1..12 | ForEach-Object { "line $_" }
$lines | Select-String -Pattern 'line (4|6|11)$' -Context 2, 1
## STDOUT:

  line 2
  line 3
> line 4
  line 5
> line 6
  line 7
  line 9
  line 10
> line 11
  line 12
## END

#### Context: PreContext/PostContext overlap, the display context does not
$m = 1..8 | ForEach-Object { "line $_" } | Select-String -Pattern 'line (4|6)$' -Context 2, 1
$m[0].Context.PreContext -join ','
$m[0].Context.PostContext -join ','
$m[1].Context.PreContext -join ','
$m[1].Context.DisplayPreContext.Count
$m[1].Context.DisplayPostContext -join ','
## STDOUT:
line 2,line 3
line 5
line 4,line 5
0
line 7
## END

#### Context around file matches is shown with path and line numbers
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/log.txt" 'start', 'ok', 'ERROR disk', 'ok', 'end'
Push-Location $d
Select-String -Path log.txt -Pattern 'error' -Context 1
Pop-Location
Remove-Item $d -Recurse
## STDOUT:

  log.txt:2:ok
> log.txt:3:ERROR disk
  log.txt:4:ok
## END

#### -Quiet answers True/False for files; piped text without a match gives nothing
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/f.txt" 'one', 'two', 'one again'
Select-String -Path "$d/f.txt" -Pattern 'one' -Quiet
Select-String -Path "$d/f.txt" -Pattern 'zebra' -Quiet
'a', 'b' | Select-String 'b' -Quiet
$null -eq ('a', 'b' | Select-String 'z' -Quiet)
@(Select-String -Path "$d/f.txt" -Pattern 'one' -List).Count
@(Select-String -Path "$d/f.txt" -Pattern 'one').Count
Remove-Item $d -Recurse
## STDOUT:
True
False
True
True
1
2
## END

#### A MatchInfo piped to Select-String again is filtered by its line
$r = 'apple pie', 'apple tart', 'cherry pie' | Select-String 'apple' | Select-String 'pie'
$r.Line
$r.LineNumber
## STDOUT:
apple pie
1
## END

#### sls is the alias of Select-String
(Get-Alias sls).Definition
('abc' | sls 'b').Line
## STDOUT:
Select-String
abc
## END

#### Select-String: a -Path without wildcards that does not exist stops the command
Select-String -Path ./no-such-file.txt -Pattern x
## error: PathNotFound

#### Select-String: a missing -LiteralPath is a non-terminating read error
Select-String -LiteralPath ./no-such-file.txt -Pattern x
'after'
## STDOUT:
after
## END
## error: ProcessingFile

#### Select-String: an invalid regular expression is an InvalidRegex error
'a' | Select-String -Pattern '('
## error: InvalidRegex

#### Select-String: -Context takes one or two values
'a' | Select-String -Pattern a -Context 1, 2, 3
## error: ParameterArgumentValidationError

#### Select-String: -Culture needs -SimpleMatch
'a' | Select-String -Pattern a -Culture Ordinal
## error: CannotSpecifyCultureWithoutSimpleMatch

#### ConvertFrom-StringData reads name=value lines, skipping blanks and comments
$text = @'
# settings
host = db01

  port=5432
'@
$h = ConvertFrom-StringData -StringData $text
$h.GetType().FullName
$h.Count
$h.host
$h['PORT']
$h.port.GetType().Name
## STDOUT:
System.Collections.Hashtable
2
db01
5432
String
## END

#### ConvertFrom-StringData -Delimiter, and one hashtable per piped string
(ConvertFrom-StringData 'retries: 3' ':').retries
$all = 'a=1', 'b=2' | ConvertFrom-StringData
$all.Count
$all[1].b
(ConvertFrom-StringData -StringData '').Count
## STDOUT:
3
2
2
0
## END

#### ConvertFrom-StringData unescapes values as Regex.Unescape does
$h = ConvertFrom-StringData 'tab = a\tb
path = C:\\temp
hex = \x41\u0042\103'
$h.tab -eq "a`tb"
$h.path
$h.hex
## STDOUT:
True
C:\temp
ABC
## END

#### ConvertFrom-StringData: a line without the delimiter is an InvalidOperation error
ConvertFrom-StringData -StringData "#comment`nabc`ndef=1"
## error: InvalidOperation

#### ConvertFrom-StringData: a key given twice (in any case) is an error
try { ConvertFrom-StringData "a=1`nA=2" } catch { $_.Exception.Message }
## STDOUT:
Data item 'A' in line 'A=2' is already defined. 
## END

#### ConvertFrom-StringData: an unknown escape such as \U is Regex.Unescape's error
ConvertFrom-StringData 'path = C:\Users'
## error: System.Text.RegularExpressions.RegexParseException

#### [regex]::Unescape reports unknown escapes as .NET does
try { [regex]::Unescape('C:\Users') } catch { $_.Exception.InnerException.Message }
[regex]::Unescape('a\.b\\c\nd').Replace("`n", '|')
## STDOUT:
Invalid pattern 'C:\Users' at offset 4. Unrecognized escape sequence \U.
a.b\c|d
## END

#### Import-PowerShellDataFile reads data without running it
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/app.psd1" @'
# settings
@{
    Name     = 'app'
    Version  = "1.2"
    Retries  = 3
    Ratio    = -0.5
    Enabled  = $true
    Missing  = $null
    Hosts    = @('a', 'b')
    Pair     = 1, 2
    Nested   = @{ Level = [int]'2'; Off = -not $true }
    Label    = "on: $true"
}
'@
$h = Import-PowerShellDataFile -Path "$d/app.psd1"
$h.GetType().FullName
$h.Name; $h.Version; $h.Retries; $h.Ratio; $h.Enabled; $null -eq $h.Missing
$h.Hosts -join ','; $h.Pair.Count
$h.Nested.Level.GetType().Name; $h.Nested.Off
$h.Label
Remove-Item $d -Recurse
## STDOUT:
System.Collections.Hashtable
app
1.2
3
-0.5
True
True
a,b
2
Int32
False
on: True
## END

#### Import-PowerShellDataFile refuses commands and other variables
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/bad.psd1" '@{ Foo = Get-Process }'
Set-Content "$d/var.psd1" '@{ Home = $HOME }'
Set-Content "$d/sum.psd1" '@{ N = 1 + 2 }'
foreach ($f in 'bad', 'var', 'sum') {
    try { Import-PowerShellDataFile "$d/$f.psd1" } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
}
Remove-Item $d -Recurse
## STDOUT:
System.InvalidOperationException,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand
Cannot generate a PowerShell object for a ScriptBlock evaluating dynamic expressions. Dynamic expression: @{ Foo = Get-Process }.
System.InvalidOperationException,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand
Cannot generate a PowerShell object for a ScriptBlock evaluating dynamic expressions. Dynamic expression: @{ Home = $HOME }.
System.InvalidOperationException,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand
Cannot generate a PowerShell object for a ScriptBlock evaluating dynamic expressions. Dynamic expression: @{ N = 1 + 2 }.
## END

#### Import-PowerShellDataFile: more than 500 keys need -SkipLimitCheck
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/large.psd1" ('@{' + ((1..501 | ForEach-Object { "key$_ = $_" }) -join ';') + '}')
try { Import-PowerShellDataFile "$d/large.psd1" } catch { $_.FullyQualifiedErrorId }
(Import-PowerShellDataFile "$d/large.psd1" -SkipLimitCheck).Count
Remove-Item $d -Recurse
## STDOUT:
System.InvalidOperationException,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand
501
## END

#### Import-PowerShellDataFile: a file without a hashtable is an error
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/text.psd1" '"Hello World"'
try { Import-PowerShellDataFile "$d/text.psd1" -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Set-Content "$d/broken.psd1" '@{ a = '
try { Import-PowerShellDataFile "$d/broken.psd1" -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Remove-Item $d -Recurse
## STDOUT:
CouldNotParseAsPowerShellDataFileNoHashtableRoot,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand
CouldNotParseAsPowerShellDataFile,Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand
## END

#### Import-PowerShellDataFile: a missing path is a PathNotFound error
Import-PowerShellDataFile -Path /SomeMissingDirectory -ErrorAction Stop
## error: PathNotFound

#### Get-FileHash: SHA256 by default, every algorithm by name in any case
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
$file = "$d/hashable.txt"
Set-Content $file 'Get-Module'
$r = Get-FileHash $file
$r.Algorithm
$r.Hash
$r.Path -eq $file
foreach ($a in 'sHA1', 'SHA384', 'sha512', 'MD5') { $h = Get-FileHash -LiteralPath $file -Algorithm $a; "$($h.Algorithm) $($h.Hash)" }
Remove-Item $d -Recurse
## STDOUT:
SHA256
41620F6C9F3531722EFE90AED9ABBC1D1B31788AA9141982030D3DDE199F770C
True
SHA1 0C483659B1F2D5A8F116211DE8F58BF45893CFFB
SHA384 EC4C4D4F0B2A79F216118C5A5059B8CE061097BA9161BE5890C098AAEB5DB169C13DAE0A6F855C9A589CD11DF47D0C87
SHA512 6ABA8BA8B619100A6829BEB940D9D77E4A8197FDCAC2D0FE5AD6C2758DACC5A59774195FD8A7A92780B7582A966B81CA0C1576C0044C5AF7BE20F5CCF425BD76
MD5 F9D78BD059AB162BEA21EB02BADDE001
## END

#### Get-FileHash -InputStream hashes a MemoryStream and shows the FileHashInfo table
$s = [IO.MemoryStream]::new([Text.Encoding]::UTF8.GetBytes("Get-Module`n"))
Get-FileHash -InputStream $s
## STDOUT:

Algorithm       Hash                                                                   Path
---------       ----                                                                   ----
SHA256          41620F6C9F3531722EFE90AED9ABBC1D1B31788AA9141982030D3DDE199F770C
## END

#### Get-FileHash: piped paths; a folder is an error and the other files are still hashed
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/a.txt" 'Get-Module'
$r = $d, "$d/a.txt" | Get-FileHash -ErrorVariable ev -ErrorAction SilentlyContinue
@($r).Count
$ev[0].FullyQualifiedErrorId
Remove-Item $d -Recurse
## STDOUT:
1
UnauthorizedAccessError,Microsoft.PowerShell.Commands.GetFileHashCommand
## END

#### Get-FileHash: a missing file is a FileNotFound error
Get-FileHash -Path ./no-such-file.ttt -ErrorAction Stop
## error: FileNotFound

#### Get-FileHash: an unknown algorithm is a validation error
Get-FileHash ./x -Algorithm wrongAlgorithm
## error: ParameterArgumentValidationError

#### New-TemporaryFile creates an empty file in the temporary folder
$f = New-TemporaryFile
$f.GetType().FullName
$f.FullName.StartsWith([IO.Path]::GetTempPath())
$f.Name -like 'tmp*.tmp'
$f.Length
Test-Path -LiteralPath $f.FullName
Remove-Item -LiteralPath $f.FullName
## STDOUT:
System.IO.FileInfo
True
True
0
True
## END

#### New-TemporaryFile -WhatIf creates nothing
$saved = $env:TMPDIR
$env:TMPDIR = '/tmp'
$r = New-TemporaryFile -WhatIf
$env:TMPDIR = $saved
$null -eq $r
## STDOUT:
What if: Performing the operation "New-TemporaryFile" on target "/tmp/".
True
## END

#### Test-Json returns True for well-formed JSON, piped or not
'{"name": "Ashley", "age": 25}' | Test-Json
Test-Json -Json '[1, 2.5e3, "x", null, true, {"a": {}}]'
Test-Json 'null'
## STDOUT:
True
True
True
## END

#### Test-Json is strict: comments, trailing commas, single quotes and NaN are invalid
foreach ($j in '{"a": 1} // c', '[1, 2,]', "{'a': 1}", 'NaN', '{"a": 1', '1 2', ' ') {
    Test-Json -Json $j -ErrorAction SilentlyContinue
}
## STDOUT:
False
False
False
False
False
False
False
## END

#### Test-Json allows 64 levels of nesting, not 65
Test-Json (('[' * 64) + (']' * 64))
Test-Json (('[' * 65) + (']' * 65)) -ErrorAction Ignore
## STDOUT:
True
False
## END

#### Test-Json writes an InvalidJson error before False
$r = Test-Json '{bad' -ErrorVariable ev -ErrorAction SilentlyContinue
$r
$ev[0].FullyQualifiedErrorId
$ev[0].Exception.Message
$ev[0].CategoryInfo.Category
## STDOUT:
False
InvalidJson,Microsoft.PowerShell.Commands.TestJsonCommand
Cannot parse the JSON.
InvalidData
## END

#### Test-Json -ErrorAction Stop stops at the error
try { Test-Json '{bad' -ErrorAction Stop; 'not reached' } catch { 'caught' }
## STDOUT:
caught
## END

#### Test-Json -Path and -LiteralPath read a file; a missing one is PathNotFound
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/ok.json" '{"a": [1, 2]}'
Test-Json -Path "$d/ok.json"
Test-Json -LiteralPath "$d/ok.json"
try { Test-Json -Path "$d/missing.json" } catch { $_.FullyQualifiedErrorId }
Remove-Item $d -Recurse
## STDOUT:
True
True
PathNotFound,Microsoft.PowerShell.Commands.TestJsonCommand
## END

#### Test-Json -Schema is not supported: a terminating error before any input is read
Test-Json -Json '{}' -Schema '{"type": "object"}'
## error: SchemaValidationNotSupported

#### Get-Unique -AsString compares strings case-sensitively unless -CaseInsensitive
$in = 'aa', 'aa', 'Aa', 'ba', 'BA', 'BA'
($in | Get-Unique -AsString) -join ','
($in | Get-Unique -AsString -CaseInsensitive) -join ','
## STDOUT:
aa,Aa,ba,BA
aa,ba
## END

#### Get-Unique removes adjacent duplicates only
(1, 2, 2, 3, 3, 4, 5 | Get-Unique) -join ','
(1, 1, 2, 1 | Get-Unique) -join ','
('b', 'a', 'c', 'a', 'b' | Sort-Object | Get-Unique) -join ','
('a', 'A', 'b', 'B' | Get-Unique -CaseInsensitive) -join ','
## STDOUT:
1,2,3,4,5
1,2,1
a,b,c
a,b
## END

#### Get-Unique -InputObject treats a collection as one object
$r = Get-Unique -InputObject (1, 1, 2)
$r.Count
,$r | ForEach-Object { $_.GetType().FullName }
## STDOUT:
3
System.Object[]
## END

#### Get-Unique -OnType keeps the first of each run of one type; gu is its alias
(1, 2, 'a', 'b', 3 | Get-Unique -OnType) -join ','
(Get-Alias gu).Definition
## STDOUT:
1,a,3
Get-Unique
## END
