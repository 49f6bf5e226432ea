# Spec tests: data cmdlets (ConvertTo/From-Json, ConvertTo/From-Csv, Export/Import-Csv,
# Get-Date, New-TimeSpan, Start-Sleep, Get-Random, New-Guid).
#
# Sources (PowerShell 7.4 docs): the cmdlet reference pages of Microsoft.PowerShell.Utility;
# JSON layout as pwsh 7 (Newtonsoft.Json, two-space indent) prints it.

#### ConvertTo-Json indents by two spaces
[ordered]@{ a = 1; b = @(1, 'x'); c = @{}; d = @(); e = $null; f = $true } | ConvertTo-Json
## STDOUT:
{
  "a": 1,
  "b": [
    1,
    "x"
  ],
  "c": {},
  "d": [],
  "e": null,
  "f": true
}
## END

#### ConvertTo-Json -Compress, -AsArray and several inputs
[pscustomobject]@{ n = 'x'; v = 1.5 } | ConvertTo-Json -Compress
1 | ConvertTo-Json -AsArray -Compress
1, 2 | ConvertTo-Json -Compress
'a"b' | ConvertTo-Json
[double]3 | ConvertTo-Json
## STDOUT:
{"n":"x","v":1.5}
[1]
[1,2]
"a\"b"
3.0
## END

#### ConvertTo-Json escapes control characters
"tab`tnew`nline" | ConvertTo-Json
## STDOUT:
"tab\tnew\nline"
## END

#### ConvertTo-Json truncates at -Depth
$deep = [ordered]@{ a = [ordered]@{ b = [ordered]@{ c = [ordered]@{ d = 1 } } } }
$deep | ConvertTo-Json -Compress -WarningAction SilentlyContinue
$deep | ConvertTo-Json -Compress -Depth 5
## STDOUT:
{"a":{"b":{"c":"System.Collections.Specialized.OrderedDictionary"}}}
{"a":{"b":{"c":{"d":1}}}}
## END

#### ConvertTo-Json dates and enums
Get-Date -Date '2024-01-02T03:04:05' | ConvertTo-Json
[System.DayOfWeek]::Monday | ConvertTo-Json
[System.DayOfWeek]::Monday | ConvertTo-Json -EnumsAsStrings
## STDOUT:
"2024-01-02T03:04:05"
1
"Monday"
## END

#### ConvertFrom-Json objects, arrays, numbers
$o = '{"name":"x","n":[1,2],"f":1.5,"t":true,"z":null}' | ConvertFrom-Json
$o.name
$o.n -join ','
$o.n[0].GetType().Name
$o.f.GetType().Name
$o.t
$null -eq $o.z
$o.GetType().Name
## STDOUT:
x
1,2
Int64
Double
True
True
PSCustomObject
## END

#### ConvertFrom-Json enumerates arrays unless -NoEnumerate
('[1,2,3]' | ConvertFrom-Json | Measure-Object).Count
('[1,2,3]' | ConvertFrom-Json -NoEnumerate | Measure-Object).Count
## STDOUT:
3
1
## END

#### ConvertFrom-Json parses ISO dates
$d = '{"when":"2024-01-02T03:04:05Z","plain":"2024-01-02T03:04:05"}' | ConvertFrom-Json
$d.when.GetType().Name
$d.when.Kind
$d.plain.Kind
$d.when.Hour
## STDOUT:
DateTime
Utc
Unspecified
3
## END

#### ConvertFrom-Json -AsHashtable keeps keys that differ in case
$h = '{"a":1,"A":2}' | ConvertFrom-Json -AsHashtable
$h.Count
$h['A']
## STDOUT:
2
2
## END

#### ConvertFrom-Json keys that differ in case need -AsHashtable
'{"a":1,"A":2}' | ConvertFrom-Json
## error: System.ArgumentException

#### ConvertFrom-Json invalid text is an error
'{bad' | ConvertFrom-Json
## error: System.ArgumentException

#### ConvertFrom-Json several documents
'{"a":1}', '{"a":2}' | ConvertFrom-Json | ForEach-Object { $_.a }
## STDOUT:
1
2
## END

#### ConvertTo-Csv quotes every field by default
[pscustomobject]@{ a = 1; b = 'x,y'; c = $null }, [pscustomobject]@{ a = 2; b = 'q"q' } | ConvertTo-Csv
## STDOUT:
"a","b","c"
"1","x,y",
"2","q""q",
## END

#### ConvertTo-Csv -UseQuotes, -QuoteFields, -Delimiter, -NoHeader
[pscustomobject]@{ a = '1,2'; b = 3 } | ConvertTo-Csv -UseQuotes AsNeeded
[pscustomobject]@{ a = 1; b = 3 } | ConvertTo-Csv -UseQuotes Never -Delimiter ';'
[pscustomobject]@{ a = 1; b = 3 } | ConvertTo-Csv -QuoteFields b
[pscustomobject]@{ a = 1 } | ConvertTo-Csv -NoHeader
[pscustomobject]@{ a = 1 } | ConvertTo-Csv -IncludeTypeInformation
## STDOUT:
a,b
"1,2",3
a;b
1;3
a,"b"
1,"3"
"1"
#TYPE System.Management.Automation.PSCustomObject
"a"
"1"
## END

#### ConvertTo-Csv of hashtables uses the keys
[ordered]@{ k = 1; j = 2 } | ConvertTo-Csv
## STDOUT:
"k","j"
"1","2"
## END

#### ConvertFrom-Csv builds string-valued objects
$r = 'a,b', '1,"x, y"', '3' | ConvertFrom-Csv
$r.Count
"$($r[0].a)|$($r[0].b)"
$r[0].a.GetType().Name
$null -eq $r[1].b
## STDOUT:
2
1|x, y
String
True
## END

#### ConvertFrom-Csv -Header and -Delimiter
$r = '1;2' | ConvertFrom-Csv -Delimiter ';' -Header x, y
"$($r.x) $($r.y)"
## STDOUT:
1 2
## END

#### Export-Csv and Import-Csv round trip, -Append
$file = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "pwshlike-spec-$PID.csv")
[pscustomobject]@{ Name = 'a'; Age = 3 }, [pscustomobject]@{ Name = 'bb'; Age = 10 } | Export-Csv -Path $file
[pscustomobject]@{ Age = 1; Name = 'c' } | Export-Csv -Path $file -Append
Import-Csv -Path $file | ForEach-Object { "$($_.Name):$($_.Age)" }
[System.IO.File]::ReadAllText($file)
[System.IO.File]::Delete($file)
## STDOUT:
a:3
bb:10
c:1
"Name","Age"
"a","3"
"bb","10"
"c","1"

## END

#### Import-Csv of a missing file is an error
Import-Csv -Path ./no-such-file.csv -ErrorAction Stop
## error: FileOpenFailure

#### Get-Date -Format and -UFormat
$d = Get-Date -Date '2024-03-05 14:07:08'
Get-Date -Date $d -Format 'yyyy/MM/dd HH:mm'
Get-Date -Date $d -UFormat '%A %d %B %Y %H:%M:%S %j %u'
Get-Date -Date $d -Format FileDate
Get-Date -Date $d -Format FileDateTime
## STDOUT:
2024/03/05 14:07
Tuesday 05 March 2024 14:07:08 065 2
20240305
20240305T1407080000
## END

#### Get-Date part parameters and -AsUTC
$d = Get-Date -Date '2024-03-05 14:07:08' -Year 2000 -Month 1 -Day 2 -Hour 3 -Minute 4 -Second 5
$d.ToString('yyyy-MM-dd HH:mm:ss')
Get-Date -UnixTimeSeconds 86400 -AsUTC -Format 'yyyy-MM-dd HH:mm:ss'
## STDOUT:
2000-01-02 03:04:05
1970-01-02 00:00:00
## END

#### Get-Date -Month out of range is a binding error
Get-Date -Month 13
## error: ParameterArgumentValidationError

#### New-TimeSpan from parts and from dates
(New-TimeSpan -Hours 1 -Minutes 30).ToString()
(New-TimeSpan -Days 1 -Seconds 5).TotalSeconds
(New-TimeSpan -Start '2024-01-01' -End '2024-03-01').Days
## STDOUT:
01:30:00
86405
60
## END

#### Start-Sleep accepts seconds, milliseconds and a TimeSpan
Start-Sleep -Milliseconds 1
Start-Sleep -Seconds 0.001
Start-Sleep -Duration (New-TimeSpan -Milliseconds 1)
'slept'
## STDOUT:
slept
## END

#### Get-Random ranges, counts and seeds
$n = Get-Random -Minimum 1 -Maximum 7
$n -ge 1 -and $n -lt 7 -and $n -is [int]
$f = Get-Random -Minimum 0.5 -Maximum 1.0
$f -ge 0.5 -and $f -lt 1.0 -and $f -is [double]
(Get-Random -Count 4 -Maximum 100).Count
$a = Get-Random -SetSeed 42 -Maximum 1000
$b = Get-Random -SetSeed 42 -Maximum 1000
$a -eq $b
## STDOUT:
True
True
4
True
## END

#### Get-Random picks distinct items and shuffles
$p = 'a', 'b', 'c', 'd' | Get-Random -Count 3
($p | Sort-Object -Unique).Count
(1..5 | Get-Random -Shuffle | Sort-Object) -join ','
(Get-Random -InputObject 1, 2, 3 -Count 10).Count
## STDOUT:
3
1,2,3,4,5
3
## END

#### Get-Random minimum not below maximum is an error
Get-Random -Minimum 5 -Maximum 5
## error: MinGreaterThanOrEqualMax

#### New-Guid makes distinct version 4 GUIDs
$g = New-Guid
$g.GetType().FullName
$g -ne (New-Guid)
$g.ToString() -match '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
## STDOUT:
System.Guid
True
True
## END
