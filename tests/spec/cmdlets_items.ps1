# Spec tests: item cmdlets on the FileSystem provider and the session drives.
#
# Sources (PowerShell 7.4 docs): Get-Item, Get-ChildItem, New-Item, Remove-Item,
# Copy-Item, Move-Item, Rename-Item, Get-ItemProperty; about_Providers;
# FileSystemProvider.cs and SessionStateContainer.cs for ordering and error ids.
# Each case makes its own folder under the temp path and removes it.

#### New-Item makes folders and files; Get-ChildItem lists folders first, sorted
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
$null = New-Item -ItemType Directory "$d/zeta"
$null = New-Item "$d/b.txt" -Value 'bee'
$null = New-Item "$d/A.txt" -Value 'a'
$null = New-Item "$d/.hidden" -Value 'h'
(Get-ChildItem $d).Name
'--'
Get-ChildItem $d -Force -Name
Remove-Item $d -Recurse -Force
## STDOUT:
zeta
A.txt
b.txt
--
zeta
.hidden
A.txt
b.txt
## END

#### New-Item returns the item; the file holds -Value without a line end
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
$f = New-Item "$d/note.txt" -Value 'hi'
$f.GetType().FullName
$f.Name
$f.Length
Get-Content $f.FullName -Raw
Remove-Item $d -Recurse
## STDOUT:
System.IO.FileInfo
note.txt
2
hi
## END

#### New-Item on an existing file is NewItemIOError unless -Force
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
$null = New-Item "$d/x.txt" -Value 'one'
try { New-Item "$d/x.txt" -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message -replace [regex]::Escape($d), 'D' }
$null = New-Item "$d/x.txt" -Value 'two' -Force
Get-Content "$d/x.txt"
Remove-Item $d -Recurse
## STDOUT:
NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand
The file 'D/x.txt' already exists.
two
## END

#### New-Item -ItemType Directory on an existing folder is DirectoryExist
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
try { New-Item -ItemType Directory $d -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }
(New-Item -ItemType dir $d -Force).FullName -eq $d
Remove-Item $d
## STDOUT:
DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand
ResourceExists
True
## END

#### New-Item -Force creates missing parent folders; -Name joins with -Path
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/a/b/c.txt" -Force
Test-Path "$d/a/b/c.txt"
$null = New-Item -Path "$d/a" -Name 'n.txt' -Value 'x'
Get-Content "$d/a/n.txt"
Remove-Item $d -Recurse
## STDOUT:
True
x
## END

#### New-Item with an unknown -ItemType is an argument error
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
try { New-Item $d -ItemType Widget -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Test-Path $d
## STDOUT:
Argument,Microsoft.PowerShell.Commands.NewItemCommand
False
## END

#### New-Item -ItemType SymbolicLink; the table shows 'name -> target'
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
$null = New-Item "$d/target.txt" -Value 'data'
$l = New-Item -ItemType SymbolicLink "$d/link.txt" -Value "$d/target.txt"
$l.LinkType
$l.Target -eq "$d/target.txt"
$l.UnixMode
Get-Content "$d/link.txt"
Remove-Item $d -Recurse
## STDOUT:
SymbolicLink
True
lrwxrwxrwx
data
## END

#### Get-Item of a missing path is PathNotFound with pwsh's message
$p = Join-Path ([IO.Path]::GetTempPath()) 'no-such-item-pwshlike'
try { Get-Item $p -ErrorAction Stop } catch {
    $_.FullyQualifiedErrorId
    $_.CategoryInfo.Category
    $_.Exception.Message -eq "Cannot find path '$p' because it does not exist."
}
## STDOUT:
PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand
ObjectNotFound
True
## END

#### Get-Item on an unknown drive is DriveNotFound
try { Get-Item nosuchdrive:/x -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
DriveNotFound,Microsoft.PowerShell.Commands.GetItemCommand
Cannot find drive. A drive with the name 'nosuchdrive' does not exist.
## END

#### Get-Item with wildcards returns every match; properties of a folder
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory "$d/sub"
'a', 'b' | ForEach-Object { $null = New-Item "$d/$_.log" }
(Get-Item "$d/*.log").Name
$s = Get-Item "$d/sub"
$s.PSIsContainer
$s.Parent.FullName -eq $d
$s.Mode
Remove-Item $d -Recurse
## STDOUT:
a.log
b.log
True
True
d----
## END

#### Get-ChildItem -Recurse lists each folder, then its sub-folders
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/one/deep/x.txt" -Force
$null = New-Item "$d/two/y.txt" -Force
$null = New-Item "$d/top.txt"
Get-ChildItem $d -Recurse -Name
'--depth 0'
Get-ChildItem $d -Depth 0 -Name
'--depth 1'
Get-ChildItem $d -Depth 1 -Name
Remove-Item $d -Recurse
## STDOUT:
one
two
top.txt
one/deep
one/deep/x.txt
two/y.txt
--depth 0
one
two
top.txt
--depth 1
one
two
top.txt
one/deep
two/y.txt
## END

#### Get-ChildItem -File, -Directory, -Hidden and -Filter
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/sub/inner.log" -Force
$null = New-Item "$d/a.log"
$null = New-Item "$d/b.txt"
$null = New-Item "$d/.secret"
(Get-ChildItem $d -File).Name -join ','
(Get-ChildItem $d -Directory).Name -join ','
(Get-ChildItem $d -Hidden).Name -join ','
(Get-ChildItem $d -Filter *.log -Recurse).Name -join ','
(Get-ChildItem $d *.txt).Name
Remove-Item $d -Recurse -Force
## STDOUT:
a.log,b.txt
sub
.secret
a.log,inner.log
b.txt
## END

#### Get-ChildItem -Include needs a wildcard path or -Recurse; -Exclude filters the folder
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/logs/old.txt" -Force
$null = New-Item "$d/a.txt"
$null = New-Item "$d/b.md"
@(Get-ChildItem $d -Include *.txt).Count
(Get-ChildItem "$d/*" -Include *.txt).Name
(Get-ChildItem $d -Include *.txt -Recurse).Name -join ','
(Get-ChildItem $d -Exclude *.txt).Name -join ','
Remove-Item $d -Recurse
## STDOUT:
0
a.txt
old.txt,a.txt
logs,b.md
## END

#### Get-ChildItem 'name' -Recurse finds that name in every folder
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/x/readme.md" -Force
$null = New-Item "$d/readme.md"
Push-Location $d
(Get-ChildItem readme.md -Recurse).FullName.Replace($d, 'D')
Pop-Location
Remove-Item $d -Recurse
## STDOUT:
D/x/readme.md
D/readme.md
## END

#### Get-ChildItem of a missing folder is PathNotFound
try { Get-ChildItem /no/such/folder/pwshlike -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
## STDOUT:
PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand
## END

#### Get-ChildItem table on Unix: UnixMode, User, Group, LastWriteTime, Size, Name
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
$f = New-Item "$d/data.bin" -Value '12345'
$f.LastWriteTime = [datetime]'2024-03-05 14:07:00'
$who = (Get-Item $d/data.bin).User
$grp = (Get-Item $d/data.bin).Group
$text = Get-ChildItem $d | Out-String
$text = $text.Replace($d, 'D').Replace($who.PadLeft(10), '      USER').Replace($grp.PadRight(10), 'GROUP     ')
$text.TrimEnd()
Remove-Item $d -Recurse
## STDOUT:

    Directory: D

UnixMode         User Group         LastWriteTime         Size Name
--------         ---- -----         -------------         ---- ----
-rw-r--r--       USER GROUP        3/5/2024 14:07            5 data.bin
## END

#### Env: drive: Get-ChildItem, Get-Item, New-Item, Remove-Item
New-Item Env:PWSHLIKE_T1 -Value 'one' | ForEach-Object { $_.Name, $_.Value -join '=' }
(Get-Item Env:PWSHLIKE_T1).Value
(Get-ChildItem Env:PWSHLIKE_T*).Name
Get-Content Env:PWSHLIKE_T1
Remove-Item Env:PWSHLIKE_T1
Test-Path Env:PWSHLIKE_T1
## STDOUT:
PWSHLIKE_T1=one
one
PWSHLIKE_T1
one
False
## END

#### Variable: drive: New-Item, Rename-Item, Copy-Item, existing name is an error
$null = New-Item Variable:itemVar -Value 41
$itemVar + 1
try { New-Item Variable:itemVar -Value 2 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Copy-Item Variable:itemVar Variable:itemCopy
$itemCopy
Rename-Item Variable:itemCopy itemMoved
$itemMoved
Test-Path Variable:itemCopy
## STDOUT:
42
Argument,Microsoft.PowerShell.Commands.NewItemCommand
41
41
False
## END

#### Remove-Item: read-only variable needs -Force
Set-Variable roVar 1 -Option ReadOnly
try { Remove-Item Variable:roVar -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Remove-Item Variable:roVar -Force
Test-Path Variable:roVar
## STDOUT:
VariableNotRemovable,Microsoft.PowerShell.Commands.RemoveItemCommand
False
## END

#### Remove-Item deletes files by wildcard, folders with -Recurse
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/keep.txt" -Force
$null = New-Item "$d/a.log"
$null = New-Item "$d/b.log"
$null = New-Item "$d/tree/x/y.txt" -Force
Remove-Item "$d/*.log"
Remove-Item "$d/tree" -Recurse
(Get-ChildItem $d).Name
Remove-Item $d -Recurse
Test-Path $d
## STDOUT:
keep.txt
False
## END

#### Remove-Item of a hidden file needs -Force
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/.dot" -Force
try { Remove-Item "$d/.dot" -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Remove-Item "$d/.dot" -Force
Test-Path "$d/.dot"
Remove-Item $d
## STDOUT:
RemoveFileSystemItemUnAuthorizedAccess,Microsoft.PowerShell.Commands.RemoveItemCommand
False
## END

#### Remove-Item of a missing path is PathNotFound
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
try { Remove-Item "$d/none" -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
## STDOUT:
PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand
## END

#### Remove-Item refuses the current location
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
Push-Location $d
try { Remove-Item $d -Recurse -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Pop-Location
Remove-Item $d -Recurse
Test-Path $d
## STDOUT:
InvalidOperation,Microsoft.PowerShell.Commands.RemoveItemCommand
False
## END

#### Copy-Item copies files (overwriting) and folder trees with -Recurse
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/src/a.txt" -Value 'A' -Force
$null = New-Item "$d/src/sub/b.txt" -Value 'B' -Force
$null = New-Item -ItemType Directory "$d/out"
Copy-Item "$d/src/a.txt" "$d/out"
Set-Content "$d/src/a.txt" 'A2'
Copy-Item "$d/src/a.txt" "$d/out/a.txt"
Get-Content "$d/out/a.txt"
Copy-Item "$d/src" "$d/copy" -Recurse
(Get-ChildItem "$d/copy" -Recurse -Name) -join ','
Copy-Item "$d/src" "$d/out" -Recurse
(Get-ChildItem "$d/out" -Recurse -Name) -join ','
Remove-Item $d -Recurse
## STDOUT:
A2
sub,a.txt,sub/b.txt
src,a.txt,src/sub,src/a.txt,src/sub/b.txt
## END

#### Copy-Item -PassThru returns the copy; copying onto itself is CopyError
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/f.txt" -Value 'x' -Force
(Copy-Item "$d/f.txt" "$d/g.txt" -PassThru).Name
try { Copy-Item "$d/f.txt" "$d/f.txt" -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Remove-Item $d -Recurse
## STDOUT:
g.txt
CopyError,Microsoft.PowerShell.Commands.CopyItemCommand
## END

#### Move-Item into a folder and to a new name; -Force replaces
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/a.txt" -Value 'a' -Force
$null = New-Item "$d/b.txt" -Value 'b'
$null = New-Item -ItemType Directory "$d/box"
Move-Item "$d/a.txt" "$d/box"
(Get-ChildItem "$d/box").Name
try { Move-Item "$d/b.txt" "$d/box/a.txt" -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Move-Item "$d/b.txt" "$d/box/a.txt" -Force
Get-Content "$d/box/a.txt"
Test-Path "$d/b.txt"
Remove-Item $d -Recurse
## STDOUT:
a.txt
MoveFileInfoItemIOError,Microsoft.PowerShell.Commands.MoveItemCommand
b
False
## END

#### Rename-Item renames in place; a path elsewhere is an error
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/old.txt" -Force
(Rename-Item "$d/old.txt" new.txt -PassThru).Name
Test-Path "$d/old.txt"
try { Rename-Item "$d/new.txt" /tmp/elsewhere.txt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Remove-Item $d -Recurse
## STDOUT:
new.txt
False
Argument,Microsoft.PowerShell.Commands.RenameItemCommand
## END

#### Get-ItemProperty -Name picks properties
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item "$d/p.txt" -Value 'abc' -Force
$p = Get-ItemProperty "$d/p.txt" -Name Length, Name
$p.Length
$p.Name
Remove-Item $d -Recurse
## STDOUT:
3
p.txt
## END
