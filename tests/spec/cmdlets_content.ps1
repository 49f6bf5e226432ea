# Spec tests: Get-Content, Set-Content, Add-Content, Clear-Content.
#
# Sources (PowerShell 7.4 docs): Get-Content, Set-Content, Add-Content,
# Clear-Content, about_Character_Encoding; GetContentCommand.cs and
# FileSystemProvider.cs for error ids.  pwsh 7 on Linux writes UTF-8 without a
# BOM and '\n' line ends.

#### Set-Content writes UTF-8 lines ending in LF; Get-Content streams them one by one
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/f.txt" -Value 'one', 'two', 'ünï'
[IO.File]::ReadAllBytes("$d/f.txt").Count
(Get-Content "$d/f.txt" -Raw) -eq "one`ntwo`nünï`n"
Get-Content "$d/f.txt" | ForEach-Object { "[$_]" }
Remove-Item $d -Recurse
## STDOUT:
14
True
[one]
[two]
[ünï]
## END

#### Add-Content appends lines and creates the file; -NoNewline joins
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Add-Content "$d/log.txt" 'first'
Add-Content "$d/log.txt" 'second', 'third'
Add-Content "$d/log.txt" 'a', 'b' -NoNewline
(Get-Content "$d/log.txt" -Raw).Replace("`n", '|')
Remove-Item $d -Recurse
## STDOUT:
first|second|third|ab
## END

#### Piped values all go to the file; -PassThru writes them back
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
1..3 | Set-Content "$d/n.txt"
(Get-Content "$d/n.txt") -join ','
'x' | Add-Content "$d/n.txt" -PassThru
(Get-Content "$d/n.txt").Count
Remove-Item $d -Recurse
## STDOUT:
1,2,3
x
4
## END

#### Get-Content -TotalCount/-Head/-First and -Tail/-Last
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/n.txt" (1..10)
(Get-Content "$d/n.txt" -TotalCount 3) -join ','
(Get-Content "$d/n.txt" -Head 2) -join ','
(Get-Content "$d/n.txt" -First 1) -join ','
(Get-Content "$d/n.txt" -Tail 2) -join ','
(Get-Content "$d/n.txt" -Last 3) -join ','
@(Get-Content "$d/n.txt" -TotalCount 0).Count
Remove-Item $d -Recurse
## STDOUT:
1,2,3
1,2
1
9,10
8,9,10
0
## END

#### -TotalCount and -Tail together is TailAndHeadCannotCoexist
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/f.txt" -Value 'x' -Force
try { Get-Content "$d/f.txt" -TotalCount 1 -Tail 1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
Remove-Item $d -Recurse
## STDOUT:
TailAndHeadCannotCoexist,Microsoft.PowerShell.Commands.GetContentCommand
The parameters TotalCount and Tail cannot be used together. Please specify only one parameter.
## END

#### Get-Content -ReadCount sends arrays; 0 sends one array
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/n.txt" (1..5)
Get-Content "$d/n.txt" -ReadCount 2 | ForEach-Object { $_ -join '+' }
Get-Content "$d/n.txt" -ReadCount 0 | ForEach-Object { $_.Count }
Remove-Item $d -Recurse
## STDOUT:
1+2
3+4
5
5
## END

#### Get-Content -Delimiter keeps the delimiter; lines end at CRLF, LF or CR
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/c.txt" 'a,b,c' -NoNewline
Get-Content "$d/c.txt" -Delimiter ','
Set-Content "$d/m.txt" "x`r`ny`rz`n" -NoNewline
(Get-Content "$d/m.txt") -join '|'
Remove-Item $d -Recurse
## STDOUT:
a,
b,
c
x|y|z
## END

#### Get-Content -Raw of an empty file writes nothing
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/e.txt" -Force
$null -eq (Get-Content "$d/e.txt" -Raw)
@(Get-Content "$d/e.txt").Count
Remove-Item $d -Recurse
## STDOUT:
True
0
## END

#### -Encoding: utf8BOM, unicode and bigendianunicode write a BOM; reading detects it
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/b.txt" 'hi' -Encoding utf8BOM
[IO.File]::ReadAllBytes("$d/b.txt") -join ' '
Set-Content "$d/u.txt" 'hi' -Encoding unicode
[IO.File]::ReadAllBytes("$d/u.txt") -join ' '
Set-Content "$d/be.txt" 'hi' -Encoding bigendianunicode
[IO.File]::ReadAllBytes("$d/be.txt") -join ' '
Get-Content "$d/b.txt"
Get-Content "$d/u.txt"
Get-Content "$d/be.txt"
Remove-Item $d -Recurse
## STDOUT:
239 187 191 104 105 10
255 254 104 0 105 0 10 0
254 255 0 104 0 105 0 10
hi
hi
hi
## END

#### -Encoding: ascii replaces, latin1 and a code page number are single-byte
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/a.txt" 'é' -Encoding ascii -NoNewline
[IO.File]::ReadAllBytes("$d/a.txt") -join ' '
Set-Content "$d/l.txt" 'é' -Encoding latin1 -NoNewline
[IO.File]::ReadAllBytes("$d/l.txt") -join ' '
Get-Content "$d/l.txt" -Encoding latin1
Set-Content "$d/c.txt" 'Ж' -Encoding 1251 -NoNewline
[IO.File]::ReadAllBytes("$d/c.txt") -join ' '
Get-Content "$d/c.txt" -Encoding windows-1251
Set-Content "$d/n.txt" 'é' -Encoding utf8NoBOM -NoNewline
[IO.File]::ReadAllBytes("$d/n.txt") -join ' '
Remove-Item $d -Recurse
## STDOUT:
63
233
é
198
Ж
195 169
## END

#### -Encoding utf32 writes a BOM; Add-Content adds none to a non-empty file
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/w.txt" 'A' -Encoding utf32 -NoNewline
[IO.File]::ReadAllBytes("$d/w.txt") -join ' '
Add-Content "$d/w.txt" 'B' -Encoding utf32 -NoNewline
[IO.File]::ReadAllBytes("$d/w.txt").Count
Get-Content "$d/w.txt"
Remove-Item $d -Recurse
## STDOUT:
255 254 0 0 65 0 0 0
12
AB
## END

#### -AsByteStream reads and writes bytes
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Set-Content "$d/b.bin" -Value ([byte[]](0, 1, 255)) -AsByteStream
$b = Get-Content "$d/b.bin" -AsByteStream
$b -join ' '
$b[2].GetType().Name
(Get-Content "$d/b.bin" -AsByteStream -Raw).GetType().Name
Remove-Item $d -Recurse
## STDOUT:
0 1 255
Byte
Byte[]
## END

#### Get-Content of a missing file is PathNotFound with pwsh's message
$p = Join-Path ([IO.Path]::GetTempPath()) 'pwshlike-no-such-file.txt'
try { Get-Content $p -ErrorAction Stop } catch {
    $_.FullyQualifiedErrorId
    $_.Exception.Message -eq "Cannot find path '$p' because it does not exist."
}
## STDOUT:
PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand
True
## END

#### Get-Content of a folder is an error pointing at Get-ChildItem
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
try { Get-Content $d -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message.Replace($d, 'D') }
Remove-Item $d
## STDOUT:
GetContentReaderUnauthorizedAccessError,Microsoft.PowerShell.Commands.GetContentCommand
Unable to get content because it is a directory: 'D'. Please use 'Get-ChildItem' instead.
## END

#### Set-Content into a missing folder is DirectoryNotFound
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
try { Set-Content "$d/x/y.txt" 'v' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message.Replace($d, 'D') }
## STDOUT:
GetContentWriterDirectoryNotFoundError,Microsoft.PowerShell.Commands.SetContentCommand
Could not find a part of the path 'D/x/y.txt'.
## END

#### Clear-Content empties files; a missing one is PathNotFound
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/a.txt" -Value 'data' -Force
Clear-Content "$d/a.txt"
(Get-Item "$d/a.txt").Length
try { Clear-Content "$d/none.txt" -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Remove-Item $d -Recurse
## STDOUT:
0
PathNotFound,Microsoft.PowerShell.Commands.ClearContentCommand
## END

#### Content of Variable: and Env: items
$cv = 'before'
Set-Content Variable:cv 'after'
$cv
Get-Content Variable:cv
Set-Content Env:PWSHLIKE_CONTENT 'e1'
$env:PWSHLIKE_CONTENT
Remove-Item Env:PWSHLIKE_CONTENT
## STDOUT:
after
after
e1
## END
