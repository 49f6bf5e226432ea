# Spec tests: hashtables and ordered dictionaries.
#
# Sources (PowerShell 7.5 docs): about_Hash_Tables, about_Arithmetic_Operators,
# about_Case-Sensitivity, about_Member-Access_Enumeration (psbase),
# about_Quoting_Rules, about_Booleans, about_Ref.
# Hashtable key order is not deterministic, so these cases avoid printing a
# whole [hashtable]; ordered dictionaries are used where order matters.

#### hashtable literal and Count
$hash = @{
    1       = 'one'
    2       = 'two'
    'three' = 3
}
$hash.Count
$hash.GetType().FullName
## STDOUT:
3
System.Collections.Hashtable
## END

#### semicolons separate pairs on one line
$a = @{one=1; two=2; three=3}
$a.one + $a.two + $a.three
## STDOUT:
6
## END

#### member notation and index notation
$hash = @{
    1       = 'one'
    2       = 'two'
    'three' = 3
}
$hash.1
$hash['three']
$hash[2]
$hash.three
## STDOUT:
one
3
two
3
## END

#### keys of a hashtable literal are case-insensitive
$h = @{ Name = 'Bob' }
$h.name
$h['NAME']
$h.ContainsKey('nAmE')
## STDOUT:
Bob
Bob
True
## END

#### hashtable created with new is case-sensitive
$h = [hashtable]::new()
$h['Name'] = 'Bob'
$h.ContainsKey('Name')
$h.ContainsKey('name')
## STDOUT:
True
False
## END

#### missing key returns null
$h = @{ a = 1 }
$null -eq $h['nope']
$null -eq $h.nope
## STDOUT:
True
True
## END

#### ordered dictionary keeps insertion order
$dictionary = [ordered]@{
    1       = 'one'
    2       = 'two'
    'three' = 3
}
$dictionary.Keys
$dictionary.Values
$dictionary.GetType().FullName
## STDOUT:
1
2
three
one
two
3
System.Collections.Specialized.OrderedDictionary
## END

#### ordered dictionary integer index is positional
$dictionary = [ordered]@{
    1       = 'one'
    2       = 'two'
    'three' = 3
}
$dictionary[1]
([array]$dictionary.Values)[1]
$dictionary[[Object]1]
$dictionary['three']
$dictionary.2
## STDOUT:
two
two
one
3
two
## END

#### ordered attribute on a variable is a parse error
[ordered]$orderedHash = @{}
## error: ParseError: OrderedAttributeOnlyOnHashLiteralNode

#### iterate over keys
$hash = [ordered]@{Number = 1; Shape = "Square"; Color = "Blue"}
foreach ($Key in $hash.Keys) {
    "The value of '$Key' is: $($hash[$Key])"
}
## STDOUT:
The value of 'Number' is: 1
The value of 'Shape' is: Square
The value of 'Color' is: Blue
## END

#### iterate with ForEach-Object over keys
$hash = [ordered]@{Number = 1; Shape = "Square"; Color = "Blue"}
$hash.Keys | ForEach-Object {
    "The value of '$_' is: $($hash[$_])"
}
## STDOUT:
The value of 'Number' is: 1
The value of 'Shape' is: Square
The value of 'Color' is: Blue
## END

#### iterate with GetEnumerator
$hash = [ordered]@{Number = 1; Shape = "Square"; Color = "Blue"}
$hash.GetEnumerator() | ForEach-Object {
    "The value of '$($_.Key)' is: $($_.Value)"
}
$hash.GetEnumerator().ForEach({"$($_.Key)=$($_.Value)"})
## STDOUT:
The value of 'Number' is: 1
The value of 'Shape' is: Square
The value of 'Color' is: Blue
Number=1
Shape=Square
Color=Blue
## END

#### adding keys with index notation, Add and plus
$hash = @{}
$hash["Time"] = "Now"
$hash.Add("Day", "Monday")
$hash = $hash + @{Month="May"}
$hash.Count
$hash.Time
$hash.Day
$hash.Month
## STDOUT:
3
Now
Monday
May
## END

#### assigning a new key with member notation
$h = @{}
$h.Color = 'Red'
$h.Count
$h['Color']
## STDOUT:
1
Red
## END

#### Remove deletes a key
$hash = @{ Time = 'Now'; Day = 'Monday' }
$hash.Remove("Time")
$hash.Count
$hash.ContainsKey('Time')
## STDOUT:
1
False
## END

#### adding hashtables with a duplicate key fails
$hash1 = @{a=1; b=2; c=3}
$hash2 = @{c1="Server01"; c="Server02"}
try {
    $hash1 + $hash2
} catch {
    'duplicate key'
}
## STDOUT:
duplicate key
## END

#### adding two hashtables
$hash1 = @{a=1; b=2; c=3}
$hash2 = @{c1="Server01"; c2="Server02"}
$sum = $hash1 + $hash2
$sum.Count
$sum.c2
$hash1.Count
## STDOUT:
5
Server02
3
## END

#### adding a hashtable to an array adds one element
$array1 = @(0, "Hello World")
$hash1 = @{a=1; b=2}
$array2 = $array1 + $hash1
$array2.Count
$array2[2].GetType().Name
## STDOUT:
3
Hashtable
## END

#### nested hashtables
$p = @{ "Hash2" = @{a=1; b=2; c=3} }
$p.Hash2.b
$p['Hash2']['c']
## STDOUT:
2
3
## END

#### key name that collides with a property
$hashtable = @{ keys = 'my value'; other = 1 }
$hashtable.keys
$hashtable.psbase.Keys.Count
$hashtable.psbase.Count
## STDOUT:
my value
2
2
## END

#### Keys and Values of an ordered dictionary via arrays
$d = [ordered]@{ a = 1; b = 2 }
$d.Keys -join ','
$d.Values -join ','
$d.Count
## STDOUT:
a,b
1,2
2
## END

#### hashtables convert to true even when empty
[bool]@{}
[bool]@{value = 0}
## STDOUT:
True
True
## END

#### hashtable in an expandable string uses ToString
"hashtable: $(@{ key = 'value' })"
## STDOUT:
hashtable: System.Collections.Hashtable
## END

#### hashtables are passed by reference
function Test($Data)
{
    $Data.Test = "New Text"
}
$var = @{}
Test -Data $var
$var.Test
## STDOUT:
New Text
## END

#### casting an ordered dictionary to a hashtable
[hashtable]$newHash = [ordered]@{
    Number = 1
    Shape = "Square"
    Color = "Blue"
}
$newHash.GetType().Name
$newHash.Count
$newHash.Shape
## STDOUT:
Hashtable
3
Square
## END

#### expression keys and values
$k = 'dyn'
$h = @{ $k = 1 + 2; ('a' + 'b') = 'ab' }
$h.dyn
$h.ab
## STDOUT:
3
ab
## END
