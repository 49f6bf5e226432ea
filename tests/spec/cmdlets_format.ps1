# Spec tests: Format-Table, Format-List, Format-Wide, Out-String, Out-File.
#
# Sources (PowerShell 7.4 docs): the cmdlet reference pages of Microsoft.PowerShell.Utility,
# about_Calculated_Properties, about_Format.ps1xml; console layout as pwsh 7 prints it.

#### Format-Table of custom objects
[pscustomobject]@{ Name = 'a'; Age = 3 }, [pscustomobject]@{ Name = 'bb'; Age = 10 } | Format-Table
## STDOUT:

Name Age
---- ---
a      3
bb    10

## END

#### Format-Table chosen and calculated columns
$p = [pscustomobject]@{ Name = 'a'; Age = 3 }, [pscustomobject]@{ Name = 'bb'; Age = 10 }
$p | Format-Table Age, @{ Label = 'Upper'; Expression = { $_.Name.ToUpper() } }
## STDOUT:

Age Upper
--- -----
  3 A
 10 BB

## END

#### Format-Table -HideTableHeaders
[pscustomobject]@{ Name = 'a'; Age = 3 } | Format-Table -HideTableHeaders
## STDOUT:

a      3

## END

#### Format-Table -GroupBy starts a table per group
$p = [pscustomobject]@{ K = 'x'; V = 1 }, [pscustomobject]@{ K = 'x'; V = 2 }, [pscustomobject]@{ K = 'y'; V = 3 }
$p | Format-Table V -GroupBy K
## STDOUT:

   K: x

V
-
1
2

   K: y

V
-
3

## END

#### Format-Table FormatString and Alignment keys
[pscustomobject]@{ n = 3.14159 } | Format-Table @{ n = 'Pi'; e = { $_.n }; FormatString = 'N2' }, @{ n = 'Txt'; e = { 'ab' }; Alignment = 'Right' }
## STDOUT:

Pi   Txt
--   ---
3.14  ab

## END

#### Format-List of custom objects and chosen properties
$p = [pscustomobject]@{ Name = 'a'; Age = 3 }, [pscustomobject]@{ Name = 'bb'; Age = 10 }
$p | Format-List
$p | Format-List Name
## STDOUT:

Name : a
Age  : 3

Name : bb
Age  : 10


Name : a

Name : bb

## END

#### Format-List calculated property
[pscustomobject]@{ a = 2 } | Format-List @{ n = 'Twice'; e = { $_.a * 2 } }
## STDOUT:

Twice : 4

## END

#### Format output is laid out at the width of Out-String
$t = [pscustomobject]@{ Name = 'a'; Age = 3 } | Format-Table | Out-String
$t.GetType().Name
$t
## STDOUT:
String

Name Age
---- ---
a      3


## END

#### Format values are taken when Format runs
$o = [pscustomobject]@{ a = 1 }
$f = $o | Format-List
$o.a = 2
$f
## STDOUT:

a : 1

## END

#### Format-Wide shows the name property
1..2 | ForEach-Object { [pscustomobject]@{ Id = $_; Name = "item$_" } } | Format-Wide -Column 1
## STDOUT:

item1
item2

## END

#### Out-String of scalars and -NoNewline
1, 2 | Out-String
'x', 'y' | Out-String -NoNewline
## STDOUT:
1
2

xy
## END

#### Out-String -Stream writes one string per line
$lines = @{ k = 'v' } | Out-String -Stream
$lines.Count
$lines[1]
## STDOUT:
5
Name                           Value
## END

#### Out-File writes, appends and honours -NoClobber
$file = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "pwshlike-spec-out-$PID.txt")
'one' | Out-File -FilePath $file
'two', 'three' | Out-File -FilePath $file -Append
[System.IO.File]::ReadAllText($file)
'x' | Out-File -FilePath $file -NoNewline
'y' | Out-File -FilePath $file -Append -NoNewline
[System.IO.File]::ReadAllText($file)
try { 'z' | Out-File -FilePath $file -NoClobber } catch { $_.FullyQualifiedErrorId }
[System.IO.File]::Delete($file)
## STDOUT:
one
two
three

xy
NoClobber,Microsoft.PowerShell.Commands.OutFileCommand
## END

#### Tee-Object -FilePath writes the objects as text
$file = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "pwshlike-spec-tee-$PID.txt")
$r = 'a', 'b' | Tee-Object -FilePath $file
$r -join ','
[System.IO.File]::ReadAllText($file)
[System.IO.File]::Delete($file)
## STDOUT:
a,b
a
b

## END

#### a TimeSpan prints as the list view pwsh's format data gives it
New-TimeSpan -Hours 1 -Minutes 30
## STDOUT:

Days              : 0
Hours             : 1
Minutes           : 30
Seconds           : 0
Milliseconds      : 0
Ticks             : 54000000000
TotalDays         : 0.0625
TotalHours        : 1.5
TotalMinutes      : 90
TotalSeconds      : 5400
TotalMilliseconds : 5400000
## END

#### a DateTime prints through its view: long date and long time of the culture (en-US)
# a string that follows is written inside the open view, before its closing blank line
Get-Date -Date '2024-01-02 13:05:09'
[datetime]'2024-03-19'
'after'
## STDOUT:

Tuesday, January 2, 2024 1:05:09 PM
Tuesday, March 19, 2024 12:00:00 AM
after
## END
