# Spec tests: members -- member-access enumeration, methods and properties
# of strings, arrays, hashtables and lists, intrinsic members, static members.
#
# Sources (PowerShell 7.5 docs): about_Member-Access_Enumeration,
# about_Intrinsic_Members, about_Arrays, about_Hash_Tables, about_Operators
# (member-access and static member operators), about_Methods,
# about_Case-Sensitivity (.NET methods are case-sensitive),
# about_PSCustomObject.

#### members of a scalar
$MyString = 'abc'
$MyString.Length
$MyString.ToUpper()
## STDOUT:
3
ABC
## END

#### missing property returns null
$MyString = 'abc'
$null -eq $MyString.DoesNotExist
## STDOUT:
True
## END

#### missing method is an error
$MyString = 'abc'
$MyString.DoesNotExist()
## error: MethodNotFound

#### member of the collection itself wins
[System.Collections.Generic.List[string]]$Collection = @('a', 'b')
$Collection.IsReadOnly
$Collection.Add('c')
$Collection
## STDOUT:
False
a
b
c
## END

#### collection members vs item members
[System.Collections.Generic.List[string]]$Collection = @('a', 'b', 'c')
$Collection.Count
$Collection | ForEach-Object -Process { $_.Count }
$Collection.ToString()
## STDOUT:
3
1
1
1
System.Collections.Generic.List`1[System.String]
## END

#### member-access enumeration of properties and methods
[System.Collections.Generic.List[string]]$Collection = @('a', 'b', 'c')
$Collection.Length
$Collection.ToUpper()
## STDOUT:
1
1
1
A
B
C
## END

#### array properties win over member enumeration
$words = 'one', 'three', 'five'
$words.Length
$words.Count
$words.ToUpper() -join ','
## STDOUT:
3
3
ONE,THREE,FIVE
## END

#### member enumeration on pscustomobjects
$people = [pscustomobject]@{ Name = 'Ann'; Age = 30 },
          [pscustomobject]@{ Name = 'Bob'; Age = 40 }
$people.Name
($people.Age | ForEach-Object { $_ + 1 }) -join ','
## STDOUT:
Ann
Bob
31,41
## END

#### missing member on collection and items
[System.Collections.Generic.List[string]]$Collection = @('a', 'b', 'c')
$null -eq $Collection.DoesNotExist
## STDOUT:
True
## END

#### missing method on some items fails
@('a', 1, 'c').ToUpper()
## error: MethodNotFound

#### member enumeration into nested collections
$a = @(, ('bar', 'baz'), 'foo')
$a.Count
$a.ToUpper()
## STDOUT:
2
BAR
BAZ
FOO
## END

#### member enumeration cannot set properties
$people = [pscustomobject]@{ Name = 'Ann' }, [pscustomobject]@{ Name = 'Bob' }
$people.Name = 'Zed'
## error: PropertyAssignmentException

#### setting a missing property on a scalar fails
$s = 'abc'
$s.NoSuchProperty = 1
## error: PropertyAssignmentException

#### ForEach method can set properties
$people = [pscustomobject]@{ Name = 'Ann' }, [pscustomobject]@{ Name = 'Bob' }
$people.ForEach({ $_.Name = $_.Name.ToUpper() })
$people.Name
## STDOUT:
ANN
BOB
## END

#### Count and Length on scalars
$str = 'string'
$str.Length
$str.Count
(42).Count
## STDOUT:
6
1
1
## END

#### string methods
$s = 'Hello, World'
$s.Substring(7)
$s.IndexOf('World')
$s.Replace('World', 'There')
$s.Split(',')[1].Trim()
$s.StartsWith('Hell')
$s.Contains('world')
'a-b-c'.Split('-').Count
## STDOUT:
World
7
Hello, There
World
True
False
3
## END

#### string methods are case-sensitive unlike operators
'Hello'.Contains('hello')
'Hello' -like '*hello*'
'Hello'.Replace('h', 'J')
'Hello' -replace 'h', 'J'
## STDOUT:
False
True
Hello
Jello
## END

#### method call with expression arguments
'abc'.PadLeft(2 + 3, '*')
[Math]::Max(3, 7 * 2)
## STDOUT:
**abc
14
## END

#### static members
[int]::MaxValue
[Math]::Abs(-5)
[string]::IsNullOrEmpty('')
[string]::Join('-', ('a', 'b'))
## STDOUT:
2147483647
5
True
a-b
## END

#### static new method
$sb = [System.Text.StringBuilder]::new()
[void]$sb.Append('ab')
[void]$sb.Append('cd')
$sb.ToString()
$r = [regex]::new('pattern')
$r.IsMatch('a pattern here')
## STDOUT:
abcd
True
## END

#### member name from an expression
$o = [pscustomobject]@{ Alpha = 1; Beta = 2 }
$prop = 'Beta'
$o.$prop
$o."Alpha"
$m = 'ToUpper'
'abc'.$m()
## STDOUT:
2
1
ABC
## END

#### hashtable methods and properties
$h = [ordered]@{ a = 1; b = 2 }
$h.Contains('a')
$h.Keys.Count
$h.Item('b')
## STDOUT:
True
2
2
## END

#### hashtable key property shadows a Count key check
$h = @{ Count = 'custom' }
$h.Count
$h.psbase.Count
## STDOUT:
custom
1
## END

#### pscustomobject properties
$o = [pscustomobject]@{ one = 1; two = 2 }
$o.one + $o.two
$o.GetType().FullName
@($o.psobject.Properties).Count
## STDOUT:
3
System.Management.Automation.PSCustomObject
2
## END

#### Add-Member adds a note property
$o = [pscustomobject]@{ one = 1 }
$o | Add-Member -MemberType NoteProperty -Name two -Value 2
$o.two
## STDOUT:
2
## END

#### GetType on values
(1).GetType().FullName
'x'.GetType().FullName
$true.GetType().Name
@(1).GetType().Name
## STDOUT:
System.Int32
System.String
Boolean
Object[]
## END

#### pstypenames lists the type hierarchy
$list = [System.Collections.ArrayList]::new()
$list.pstypenames[0]
$list.pstypenames[-1]
## STDOUT:
System.Collections.ArrayList
System.Object
## END

#### property of a property
$o = [pscustomobject]@{ Inner = [pscustomobject]@{ Value = 'deep' } }
$o.Inner.Value
"$($o.Inner.Value)!"
## STDOUT:
deep
deep!
## END

#### method chaining
'  Mixed Case  '.Trim().ToLower().Replace(' ', '_')
## STDOUT:
mixed_case
## END

#### array methods
$a = 3, 1, 2
[array]::IndexOf($a, 2)
[array]::IndexOf($a, 3)
$a.GetUpperBound(0)
## STDOUT:
2
0
2
## END

#### ArrayList Add returns the index
$list = [System.Collections.ArrayList]::new()
$list.Add('x')
$list.Add('y')
$list.Count
## STDOUT:
0
1
2
## END

#### member enumeration over pscustomobjects yields nulls for missing properties
$foo = [pscustomobject]@{ Foo = 'Foo' }
$bar = [pscustomobject]@{ Bar = 'Bar' }
$baz = [pscustomobject]@{ Baz = 'Baz' }
$r = ($foo, $bar, $baz).Foo
$r.Count
$r[0]
$null -eq $r[1]
## STDOUT:
3
Foo
True
## END

#### type names of generic results keep a single arity mark
$o = [pscustomobject]@{ s = 'Hello' }
$o.ForEach('s').GetType().Name
([System.Collections.Generic.List[int]]::new()).GetType().Name
## STDOUT:
Collection`1
List`1
## END

#### ServicePointManager settings from Windows PowerShell scripts are kept and read back
[Net.ServicePointManager]::SecurityProtocol
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
[Net.ServicePointManager]::SecurityProtocol
[Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls13
[Net.ServicePointManager]::SecurityProtocol
[int][System.Net.ServicePointManager]::SecurityProtocol
[System.Net.ServicePointManager]::ServerCertificateValidationCallback = { $true }
[System.Net.ServicePointManager]::ServerCertificateValidationCallback -is [scriptblock]
## STDOUT:
SystemDefault
Tls12
Tls12, Tls13
15360
True
## END

#### assigning a static property a value it cannot take is ExceptionWhenSetting
try { [Net.ServicePointManager]::SecurityProtocol = 'Tls99' } catch {
  $_.FullyQualifiedErrorId
  $_.Exception.GetType().Name
  $_.Exception.Message -like 'Exception setting "SecurityProtocol": "Cannot convert value "Tls99" to type "System.Net.SecurityProtocolType". Error: "Unable to match*'
}
## STDOUT:
ExceptionWhenSetting
SetValueInvocationException
True
## END

#### [Console]::OutputEncoding can be set, as scripts do before printing non-ASCII text
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
[Console]::OutputEncoding.WebName
try { [Console]::OutputEncoding = $null } catch { $_.FullyQualifiedErrorId }
## STDOUT:
utf-8
ExceptionWhenSetting
## END
