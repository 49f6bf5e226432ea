# Spec tests: object cmdlets (Select-Object, Sort-Object, Group-Object, Measure-Object,
# Compare-Object, Tee-Object, Join-String, Get-Member, New-Object, Add-Member).
#
# Sources (PowerShell 7.4 docs): the cmdlet reference pages of Microsoft.PowerShell.Utility
# (examples and parameter descriptions), about_Calculated_Properties.

#### Select-Object picks named properties
$o = [pscustomobject]@{ Name = 'a'; Size = 10; Kind = 'x' }
$r = $o | Select-Object Name, Size
$r.psobject.Properties.Name -join ','
$r.psobject.TypeNames[0]
## STDOUT:
Name,Size
Selected.System.Management.Automation.PSCustomObject
## END

#### Select-Object calculated property with n/e and l keys
$r = 1..3 | Select-Object @{n='Square'; e={$_ * $_}}, @{l='Neg'; Expression={-$_}}
$r | ForEach-Object { "$($_.Square) $($_.Neg)" }
## STDOUT:
1 -1
4 -2
9 -3
## END

#### Select-Object missing property gives null, wildcard gives nothing
$r = [pscustomobject]@{ a = 1 } | Select-Object a, nope, z*
$r.psobject.Properties.Name -join ','
$null -eq $r.nope
## STDOUT:
a,nope
True
## END

#### Select-Object -ExcludeProperty alone selects the rest
$r = [pscustomobject]@{ a = 1; b = 2; c = 3 } | Select-Object -ExcludeProperty b
$r.psobject.Properties.Name -join ','
## STDOUT:
a,c
## END

#### Select-Object slices: First, Last, Skip, SkipLast, Index
(1..10 | Select-Object -Skip 2 -First 3) -join ','
(1..10 | Select-Object -Last 2) -join ','
(1..5 | Select-Object -SkipLast 2) -join ','
(1..10 | Select-Object -Index 7, 1, 3) -join ','
(1..5 | Select-Object -SkipIndex 0, 4) -join ','
## STDOUT:
3,4,5
9,10
1,2,3
2,4,8
2,3,4
## END

#### Select-Object -Unique is case-sensitive unless -CaseInsensitive
('a', 'A', 'b', 'a' | Select-Object -Unique) -join ','
('a', 'A', 'b', 'a' | Select-Object -Unique -CaseInsensitive) -join ','
## STDOUT:
a,A,b
a,b
## END

#### Select-Object -ExpandProperty enumerates a collection
$o = [pscustomobject]@{ Names = 'x', 'y' }
($o | Select-Object -ExpandProperty Names) -join ','
## STDOUT:
x,y
## END

#### Select-Object -ExpandProperty adds the selected properties to the expanded object
$object = [pscustomobject]@{ name = 'USA'; children = [pscustomobject]@{ name = 'Southwest' } }
$r = $object | Select-Object @{n="country"; e={$_.name}} -ExpandProperty children
"$($r.name) $($r.country)"
## STDOUT:
Southwest USA
## END

#### Select-Object -ExpandProperty of a missing property is an error
[pscustomobject]@{ a = 1 } | Select-Object -ExpandProperty nope -ErrorAction Stop
## error: ExpandPropertyNotFound

#### Select-Object reads hashtable keys
$r = @{ name = 'a'; weight = 7 } | Select-Object -Property name, weight
"$($r.name) $($r.weight)"
## STDOUT:
a 7
## END

#### Select-Object hashtable with an unknown key is an error
1 | Select-Object @{ n = 'x'; e = { 1 }; bogus = 1 }
## error: DictionaryKeyUnknownType

#### Sort-Object numbers, descending, unique
(3, 1, 2, 3 | Sort-Object) -join ','
(3, 1, 2 | Sort-Object -Descending) -join ','
(3, 1, 2, 3 | Sort-Object -Unique) -join ','
## STDOUT:
1,2,3,3
3,2,1
1,2,3
## END

#### Sort-Object strings ignore case unless -CaseSensitive
('b', 'a', 'B', 'A' | Sort-Object) -join ','
('b', 'a', 'B', 'A' | Sort-Object -CaseSensitive) -join ','
('b', 'a', 'B' | Sort-Object -Unique) -join ','
## STDOUT:
a,A,b,B
a,A,b,B
a,b
## END

#### Sort-Object by property with hashtable directions, stable ties
$people = @(
    [pscustomobject]@{ Name = 'c'; Age = 30 }
    [pscustomobject]@{ Name = 'a'; Age = 20 }
    [pscustomobject]@{ Name = 'b'; Age = 30 }
    [pscustomobject]@{ Name = 'd'; Age = 20 }
)
($people | Sort-Object @{ Expression = 'Age'; Descending = $true }, Name).Name -join ','
($people | Sort-Object Age).Name -join ','
($people | Sort-Object { $_.Name } -Descending).Name -join ','
## STDOUT:
b,c,a,d
a,d,c,b
d,c,b,a
## END

#### Sort-Object hashtables by key value
$s = @(
    @{ name = 'a'; weight = 7 }
    @{ name = 'b'; weight = 1 }
    @{ name = 'c'; weight = 3 }
    @{ name = 'd'; weight = 7 }
) | Sort-Object -Property weight
$s | ForEach-Object { "{0}: {1}" -f $_.name, $_.weight }
## STDOUT:
b: 1
c: 3
a: 7
d: 7
## END

#### Sort-Object -Top and -Bottom
(5, 3, 9, 1 | Sort-Object -Top 2) -join ','
(5, 3, 9, 1 | Sort-Object -Bottom 2) -join ','
## STDOUT:
1,3
5,9
## END

#### Sort-Object puts objects without the property last
$r = [pscustomobject]@{ v = 2 }, [pscustomobject]@{ w = 1 }, [pscustomobject]@{ v = 1 } |
    Sort-Object v
($r | ForEach-Object { if ($null -ne $_.v) { $_.v } else { 'none' } }) -join ','
## STDOUT:
1,2,none
## END

#### Group-Object by script block, groups sorted by key
$g = 1..20 | Group-Object -Property { $_ % 2 }
$g | ForEach-Object { "$($_.Count) $($_.Name)" }
$g[0].Group -join ','
$g[0].Values[0]
## STDOUT:
10 0
10 1
2,4,6,8,10,12,14,16,18,20
0
## END

#### Group-Object table display
1..20 | Group-Object -Property { $_ % 2 }
## STDOUT:

Count Name                      Group
----- ----                      -----
   10 0                         {2, 4, 6, 8…}
   10 1                         {1, 3, 5, 7…}

## END

#### Group-Object -NoElement on hashtables
@(
    @{ name = 'a'; weight = 7 }
    @{ name = 'b'; weight = 1 }
    @{ name = 'c'; weight = 3 }
    @{ name = 'd'; weight = 7 }
) | Group-Object -Property weight -NoElement
## STDOUT:

Count Name
----- ----
    1 1
    1 3
    2 7

## END

#### Group-Object ignores case by default
('a', 'A', 'b' | Group-Object | ForEach-Object { "$($_.Count) $($_.Name)" }) -join ';'
('a', 'A', 'b' | Group-Object -CaseSensitive | ForEach-Object { $_.Count }) -join ';'
## STDOUT:
2 a;1 b
1;1;1
## END

#### Group-Object -AsHashTable -AsString
$h = 'apple', 'avocado', 'banana' | Group-Object { $_[0] } -AsHashTable -AsString
$h['a'] -join ','
$h['b'] -join ','
$h.GetType().Name
## STDOUT:
apple,avocado
banana
Hashtable
## END

#### Group-Object by two properties joins the names
$items = [pscustomobject]@{ a = 1; b = 'x' }, [pscustomobject]@{ a = 1; b = 'x' }, [pscustomobject]@{ a = 2; b = 'y' }
$items | Group-Object a, b | ForEach-Object { "$($_.Count) $($_.Name)" }
## STDOUT:
2 1, x
1 2, y
## END

#### Measure-Object statistics
$m = 1..10 | Measure-Object -Sum -Average -Maximum -Minimum
"$($m.Count) $($m.Sum) $($m.Average) $($m.Maximum) $($m.Minimum)"
$null -eq $m.StandardDeviation
## STDOUT:
10 55 5.5 10 1
True
## END

#### Measure-Object list display
1, 2, 3 | Measure-Object -Sum
## STDOUT:

Count             : 3
Average           :
Sum               : 6
Maximum           :
Minimum           :
StandardDeviation :
Property          :

## END

#### Measure-Object hashtable key, case-insensitive
$m = @{num=3}, @{num=4}, @{num=5} | Measure-Object -Maximum Num
$m.Count
$m.Maximum
## STDOUT:
3
5
## END

#### Measure-Object -AllStats standard deviation
$m = 2, 4, 4, 4, 5, 5, 7, 9 | Measure-Object -AllStats
[math]::Round($m.StandardDeviation, 6)
$m.Sum
## STDOUT:
2.13809
40
## END

#### Measure-Object string maximum
('pear', 'apple', 'zucchini' | Measure-Object -Maximum -Minimum) | ForEach-Object { "$($_.Maximum) $($_.Minimum)" }
## STDOUT:
zucchini apple
## END

#### Measure-Object text counts
$m = 'one two', 'three' | Measure-Object -Line -Word -Character
"$($m.Lines) $($m.Words) $($m.Characters)"
## STDOUT:
2 3 12
## END

#### Measure-Object property not found is an error
[pscustomobject]@{ a = 1 } | Measure-Object -Sum b -ErrorAction Stop
## error: GenericMeasurePropertyNotFound

#### Measure-Object non-numeric input for -Sum is an error
'x' | Measure-Object -Sum
## error: NonNumericInputObject

#### Compare-Object side indicators
Compare-Object -ReferenceObject 1, 2, 3 -DifferenceObject 2, 3, 4 |
    ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
## STDOUT:
4 =>
1 <=
## END

#### Compare-Object -IncludeEqual and -ExcludeDifferent
Compare-Object 'a', 'b' 'B', 'c' -IncludeEqual | ForEach-Object { "$($_.InputObject)$($_.SideIndicator)" }
(Compare-Object 'a', 'b' 'b', 'c' -ExcludeDifferent).InputObject
## STDOUT:
b==
c=>
a<=
b
## END

#### Compare-Object by property and -PassThru
$ref = [pscustomobject]@{ n = 1; t = 'a' }, [pscustomobject]@{ n = 2; t = 'b' }
$dif = [pscustomobject]@{ n = 2; t = 'z' }
Compare-Object $ref $dif -Property n | ForEach-Object { "$($_.n) $($_.SideIndicator)" }
$p = Compare-Object $ref $dif -Property n -PassThru
"$($p.t) $($p.SideIndicator)"
## STDOUT:
1 <=
a <=
## END

#### Compare-Object table display
Compare-Object 1, 2, 3 2, 3, 4
## STDOUT:

InputObject SideIndicator
----------- -------------
          4 =>
          1 <=

## END

#### Tee-Object -Variable passes objects on
$n = 1..3 | Tee-Object -Variable saved | Measure-Object
$n.Count
$saved -join ','
## STDOUT:
3
1,2,3
## END

#### Join-String basics
1..3 | Join-String -Separator ', '
'a', 'b' | Join-String -SingleQuote -Separator ',' -OutputPrefix '[' -OutputSuffix ']'
'a', 'b' | Join-String -DoubleQuote
1..3 | Join-String
## STDOUT:
1, 2, 3
['a','b']
"a""b"
123
## END

#### Join-String -Property and -FormatString
$obj = [pscustomobject]@{ Name = "Joe"; Age = 42 }
$obj.psobject.Properties | Join-String -Property Name -FormatString '<{0}>' -Separator ';'
[pscustomobject]@{ v = 1.5 }, [pscustomobject]@{ v = 2 } | Join-String -Property { $_.v * 2 } -Separator '+'
## STDOUT:
<Name>;<Age>
3+4
## END

#### Get-Member on a custom object
[pscustomobject]@{ a = 1; s = 'x'; n = $null } | Get-Member
## STDOUT:

   TypeName: System.Management.Automation.PSCustomObject

Name        MemberType   Definition
----        ----------   ----------
Equals      Method       bool Equals(System.Object obj)
GetHashCode Method       int GetHashCode()
GetType     Method       type GetType()
ToString    Method       string ToString()
a           NoteProperty int a=1
n           NoteProperty object n=null
s           NoteProperty string s=x

## END

#### Get-Member -MemberType and -Name filter
$o = [pscustomobject]@{ alpha = 1; beta = 2 }
($o | Get-Member -MemberType NoteProperty).Name -join ','
($o | Get-Member -Name b*).Name -join ','
($o | Get-Member -MemberType Method).Count
## STDOUT:
alpha,beta
beta
4
## END

#### New-Object PSObject with -Property
$o = New-Object PSObject -Property ([ordered]@{ Name = 'x'; Size = 1 })
"$($o.Name) $($o.Size)"
$o.GetType().FullName
## STDOUT:
x 1
System.Management.Automation.PSCustomObject
## END

#### New-Object with an unknown type is an error
New-Object No.Such.Type
## error: TypeNotFound

#### Add-Member note, script and alias properties, script method
$o = [pscustomobject]@{ a = 2 }
$o | Add-Member -NotePropertyName b -NotePropertyValue 3
$o | Add-Member -MemberType ScriptProperty -Name Double -Value { $this.a * 2 }
$o | Add-Member -MemberType AliasProperty -Name First -Value a
$o | Add-Member -MemberType ScriptMethod -Name Sum -Value { param($x) $this.a + $this.b + $x }
"$($o.b) $($o.Double) $($o.First) $($o.Sum(10))"
$o.a = 5
$o.Double
($o | Get-Member -MemberType ScriptProperty).Definition
## STDOUT:
3 4 2 15
10
System.Object Double {get= $this.a * 2 ;}
## END

#### Add-Member -NotePropertyMembers and -PassThru
$o = [pscustomobject]@{} | Add-Member -NotePropertyMembers ([ordered]@{ x = 1; y = 2 }) -PassThru
$o.psobject.Properties.Name -join ','
## STDOUT:
x,y
## END

#### Add-Member existing name needs -Force
$o = [pscustomobject]@{ a = 1 }
$o | Add-Member -NotePropertyName a -NotePropertyValue 2 -ErrorAction SilentlyContinue
$o.a
$o | Add-Member -NotePropertyName a -NotePropertyValue 2 -Force
$o.a
## STDOUT:
1
2
## END

#### Add-Member existing name error id
$o = [pscustomobject]@{ a = 1 }
$o | Add-Member -NotePropertyName a -NotePropertyValue 2 -ErrorAction Stop
## error: MemberAlreadyExists
