# Spec tests: arrays -- creation, indexing, slicing, properties, ForEach()
# and Where() intrinsic methods, arrays of zero or one element.
#
# Sources (PowerShell 7.5 docs): about_Arrays, about_Operators,
# about_Arithmetic_Operators, about_Automatic_Variables ($null),
# about_Intrinsic_Members, about_Return.

#### comma creates arrays
$A = 22,5,10,8,12,9,80
$A.Count
$B = ,7
$B.Count
$B[0]
$A.GetType().FullName
## STDOUT:
7
1
7
System.Object[]
## END

#### range creates an array
$C = 5..8
$C
$C.Count
## STDOUT:
5
6
7
8
4
## END

#### array subexpression always makes an array
$a = @("Hello World")
$a.Count
$b = @()
$b.Count
@(1; 2; 3).Count
## STDOUT:
1
0
3
## END

#### strongly typed array
[Int32[]]$ia = 1500, 2230, 3350, 4000
$ia.GetType().Name
$ia[1]
## STDOUT:
Int32[]
2230
## END

#### indexing and slicing
$a = 0..9
$a[0]
$a[2]
$a[1..4] -join ','
## STDOUT:
0
2
1,2,3,4
## END

#### negative indexes
$a = 0 .. 9
$a[-1]
$a[-3..-1] -join ','
$a[-1..-3] -join ','
## STDOUT:
9
7,8,9
9,8,7
## END

#### ranges that cross zero cycle around the end
$a = 0 .. 9
$a[2..-2] -join ','
$a[0..-2] -join ','
## STDOUT:
2,1,0,9,8
0,9,8
## END

#### combining index ranges with plus
$a = 0 .. 9
$a[0,2+4..6] -join ','
$a[+0..2+4..6+8] -join ','
## STDOUT:
0,2,4,5,6
0,1,2,4,5,6,8
## END

#### index past the end returns null
$a = 1, 2, 3
$null -eq $a[10]
$a[5, 0]
## STDOUT:
True
1
## END

#### foreach over an array
$a = 0..3
foreach ($element in $a) {
  $element
}
## STDOUT:
0
1
2
3
## END

#### for loop over every other element
$a = 0..9
for ($i = 0; $i -le ($a.Length - 1); $i += 2) {
  $a[$i]
}
## STDOUT:
0
2
4
6
8
## END

#### while loop over an array
$a = 0..9
$i=0
while($i -lt 4) {
  $a[$i]
  $i++
}
## STDOUT:
0
1
2
3
## END

#### Count and Length
$a = 0..9
$a.Count
$a.Length
$a.LongLength
## STDOUT:
10
10
10
## END

#### jagged arrays have rank 1
$a = @(
  @(0,1),
  @("b", "c"),
  @(1,2,3,4)
)
"rank: $($a.Rank)"
"length: $($a.Length)"
"a[2] length: $($a[2].Length)"
$a[1][1]
## STDOUT:
rank: 1
length: 3
a[2] length: 4
c
## END

#### multidimensional arrays
[string[,]]$rank2 = [string[,]]::new(3,2)
$rank2.Rank
$rank2.Length
$rank2[0,0] = 'a'
$rank2[0,1] = 'b'
$rank2[1,0] = 'c'
$rank2[1,1] = 'd'
$rank2[1,1]
## STDOUT:
2
6
d
## END

#### Clear resets elements to the default value
$a = 1, 2, 3
$a.Clear()
$a | ForEach-Object { $null -eq $_ }
[int[]] $intA = 1, 2, 3
$intA.Clear()
$intA
## STDOUT:
True
True
True
0
0
0
## END

#### ForEach method with a scriptblock
$a = @(0 .. 3)
$a.ForEach({ $_ * $_})
## STDOUT:
0
1
4
9
## END

#### ForEach method with a method name
("one", "two", "three").ForEach("ToUpper")
## STDOUT:
ONE
TWO
THREE
## END

#### ForEach method with a property name wraps results
$myObject = [pscustomobject]@{
    singleValue = 'Hello'
    arrayValue  = @(0..10)
}
$myObject.ForEach('singleValue')
$myObject.ForEach('arrayValue').Count
$myObject.ForEach('arrayValue')[0].Count
$myObject.ForEach({$_.arrayValue}).Count
## STDOUT:
Hello
1
11
11
## END

#### Where method filters
(0..9).Where{ $_ % 2 }
('hi', '', 'there').Where{ $_ }
## STDOUT:
1
3
5
7
9
hi
there
## END

#### Where method selection modes
(1..10).Where({$_ -gt 2}, 'Default', 2) -join ','
(1..10).Where({$_ % 3 -eq 0}, 'First') -join ','
(1..10).Where({$_ % 3 -eq 0}, 'Last') -join ','
(1..10).Where({$_ -gt 7}, 'SkipUntil') -join ','
(1..50).Where({$_ -gt 10}, 'Until') -join ','
## STDOUT:
3,4
3
9
8,9,10
1,2,3,4,5,6,7,8,9,10
## END

#### Where method split mode
$odd, $even = (1..6).Where({$_ % 2}, 'Split')
$odd -join ','
$even -join ','
## STDOUT:
1,3,5
2,4,6
## END

#### changing and appending elements
$a = @(0..4)
$a[1] = 10
$a += 5
$a -join ','
$a.Count
## STDOUT:
0,10,2,3,4,5
6
## END

#### SetValue method
$a = 1, 2, 3
$a.SetValue(500, 1)
$a -join ','
## STDOUT:
1,500,3
## END

#### build a new array without one element
$a = @(0..4)
$t = $a[0,1 + 3..($a.Length - 1)]
$t -join ','
## STDOUT:
0,1,3,4
## END

#### combining arrays
$x = 1,3
$y = 5,9
$z = $x + $y
$z
## STDOUT:
1
3
5
9
## END

#### null and scalars behave like arrays of zero or one
$a = $null
$a.Count
$a.Length
$a = 4
$a.Count
$a.Length
$a[0]
$a[-1]
## STDOUT:
0
0
1
1
4
4
## END

#### single pipeline result is a scalar
$result = 'one','two','three','four' | Where-Object {$_ -like 'f*'}
$result.GetType().FullName
$result
$result.Count
$result.Length
## STDOUT:
System.String
four
1
4
## END

#### typed array variable keeps a single result in an array
[string[]]$result = 'one','two','three','four' | Where-Object {$_ -like 'f*'}
$result.GetType().FullName
$result.Count
$result.Length
$result[0].Length
## STDOUT:
System.String[]
1
1
4
## END

#### null is counted as an element
$a = "one", $null, "three"
$a.Count
"one", $null, "three" | ForEach-Object {"Hello " + $_}
## STDOUT:
3
Hello one
Hello
Hello three
## END

#### null placeholders keep positions
$calendar = @($null, $null, "Meeting", $null, $null, "Team Lunch", $null)
$days = "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday"
$currentDay = 0
foreach($day in $calendar)
{
    if($day -ne $null)
    {
        "Appointment on $($days[$currentDay]): $day"
    }
    $currentDay++
}
## STDOUT:
Appointment on Tuesday: Meeting
Appointment on Friday: Team Lunch
## END

#### concatenating a multidimensional array flattens it
$a = "red",$true
$b = [int[,]]::new(2,2)
$b[0,0] = 10
$b[0,1] = 20
$b[1,0] = 30
$b[1,1] = 40
$c = $a + $b
$a.GetType().Name
$b.GetType().Name
$c.GetType().Name
$c
## STDOUT:
Object[]
Int32[,]
Object[]
red
True
10
20
30
40
## END

#### unary comma keeps an array as one pipeline object
function Test-Return { $array = 1,2,3; return $array }
function Test-ReturnWrapped { $array = 1,2,3; return (, $array) }
@(Test-Return).Count
@(Test-ReturnWrapped).Count
@(Write-Output -NoEnumerate 1,2,3).Count
## STDOUT:
3
1
1
## END

#### indexing a generic dictionary with a missing key returns null
$d = [Collections.Generic.Dictionary[string, int]]::new()
$null -eq $d['nosuchkey']
## STDOUT:
True
## END

#### tuples support indexing
$tuple = [Tuple]::Create(1, 'test')
$tuple[0]
$tuple[1]
$tuple[-1]
## STDOUT:
1
test
test
## END

#### typed arrays created with new hold default values
$a = [int[]]::new(3)
$a.Count
$a[2]
[int[][]].Name
[string[,]].Name
## STDOUT:
3
0
Int32[][]
String[,]
## END
