# Spec tests: classes and enums.
#
# Sources (PowerShell 7.5 docs): about_Classes, about_Classes_Properties,
# about_Classes_Methods, about_Classes_Constructors, about_Classes_Inheritance,
# about_Enum, about_Operators (enum ranges), about_Switch (enum string
# conversion), about_Hidden, about_Member-Access_Enumeration, about_Return.
# Error ids MethodCountCouldNotFindBest and ExceptionWhenSetting are the ones
# asserted by the PowerShell repo's class tests (test/powershell/Language/Classes).

#### minimal class
class Device {
    [string]$Brand
}
$dev = [Device]::new()
$dev.Brand = "Fabrikam, Inc."
$dev.Brand
$dev.GetType().Name
## STDOUT:
Fabrikam, Inc.
Device
## END

#### default property values
class ExampleProject1 {
    [string]   $Name
    [int]      $Size
    [bool]     $Completed
}
$p = [ExampleProject1]::new()
$null -eq $p.Name
$p.Size
$p.Completed
## STDOUT:
True
0
False
## END

#### explicit default property value
class Counter {
    [int] $Start = 10
    [string] $Label = 'default'
}
$c = [Counter]::new()
$c.Start
$c.Label
## STDOUT:
10
default
## END

#### create an instance from a hashtable
class Book {
    [string]   $Title
    [string]   $Author
    [int]      $PageCount
    [string[]] $Tags
}
$Book1 = [Book] @{
    Title       = '1984'
    Author      = 'George Orwell'
    PageCount   = 328
    Tags        = @('Dystopian', 'Political Fiction')
}
$Book1.Title
$Book1.PageCount
$Book1.Tags -join ', '
## STDOUT:
1984
328
Dystopian, Political Fiction
## END

#### hashtable with an unknown property cannot create an instance
class Book {
    [string] $Title
}
try {
    $b = [Book] @{ Title = 'x'; Nope = 1 }
    'not reached'
} catch {
    'conversion failed'
}
$null -eq $b
## STDOUT:
conversion failed
True
## END

#### conversion to a generic list
$List =  [System.Collections.Generic.List[int]] @(42, 43)
$List
$List.GetType().Name
## STDOUT:
42
43
List`1
## END

#### methods return only what return specifies
class Noisy {
    [int] Compute() {
        'this is not output'
        $x = 40 + 2
        return $x
    }
    [void] DoNothing() {
        'also not output'
    }
}
$n = [Noisy]::new()
$n.Compute()
$n.DoNothing()
'end'
## STDOUT:
42
end
## END

#### methods use this
class ExampleCube1 {
    [float]   $Height
    [float]   $Length
    [float]   $Width
    [float] GetVolume() { return $this.Height * $this.Length * $this.Width }
    [float] GetWeight([float]$Density) {
        return $this.GetVolume() * $Density
    }
}
$box = [ExampleCube1]@{
    Height = 2
    Length = 2
    Width  = 3
}
$box.GetVolume()
$box.GetWeight(2.5)
## STDOUT:
12
30
## END

#### method throwing an error
class ExampleCube3 {
    [float]   $Height
    [float]   $Length
    [float]   $Width
    [void] Validate() {
        $InvalidProperties = @()
        foreach ($Property in @('Height', 'Length', 'Width')) {
            if ($this.$Property -le 0) {
                $InvalidProperties += $Property
            }
        }
        if ($InvalidProperties.Count -gt 0) {
            throw "Invalid cube properties: $($InvalidProperties -join '/')"
        }
    }
}
$Cube = [ExampleCube3]@{ Length = 1 ; Width = -1 }
try { $Cube.Validate() } catch { $_.Exception.Message }
## STDOUT:
Invalid cube properties: Height/Width
## END

#### error in a method stops the calling method
class Thrower {
    [string[]] $Log = @()
    [void] Outer() {
        $this.Log += 'before'
        $this.Inner()
        $this.Log += 'after'
    }
    [void] Inner() { throw 'method failure' }
}
$t = [Thrower]::new()
try { $t.Outer() } catch { "caught: $($_.Exception.Message)" }
$t.Log -join ','
## STDOUT:
caught: method failure
before
## END

#### ToString override is used in string expansion
class ProjectAssignee {
    [string] $DisplayName
    [string] $UserName
    [string] ToString() {
        return "$($this.DisplayName) ($($this.UserName))"
    }
}
$a = [ProjectAssignee]@{ DisplayName = 'Mikey Lombardi'; UserName = 'michaeltlombardi' }
"Assignee: $a"
$a.ToString()
## STDOUT:
Assignee: Mikey Lombardi (michaeltlombardi)
Mikey Lombardi (michaeltlombardi)
## END

#### constructor overloads
class ExampleBook3 {
    [string]   $Name
    [string]   $Author
    [int]      $Pages
    ExampleBook3([hashtable]$Info) {
        switch ($Info.Keys) {
            'Name'   { $this.Name   = $Info.Name }
            'Author' { $this.Author = $Info.Author }
            'Pages'  { $this.Pages  = $Info.Pages }
        }
    }
    ExampleBook3([string]$Name, [string]$Author, [int]$Pages) {
        $this.Name   = $Name
        $this.Author = $Author
        $this.Pages  = $Pages
    }
    ExampleBook3([string]$Name, [string]$Author) {
        $this.Name   = $Name
        $this.Author = $Author
    }
}
$b1 = [ExampleBook3]::new(@{ Name = 'The Hobbit'; Author = 'J.R.R. Tolkien'; Pages = 310 })
"$($b1.Name)|$($b1.Author)|$($b1.Pages)"
$b2 = [ExampleBook3]::new('The Hobbit', 'J.R.R. Tolkien', 310)
"$($b2.Name)|$($b2.Author)|$($b2.Pages)"
$b3 = [ExampleBook3]::new('The Hobbit', 'J.R.R. Tolkien')
"$($b3.Name)|$($b3.Author)|$($b3.Pages)"
## STDOUT:
The Hobbit|J.R.R. Tolkien|310
The Hobbit|J.R.R. Tolkien|310
The Hobbit|J.R.R. Tolkien|0
## END

#### no default constructor when others are defined
class OnlyNamed {
    [string] $Name
    OnlyNamed([string]$Name) { $this.Name = $Name }
}
[OnlyNamed]::new('ok').Name
[OnlyNamed]::new()
## error: MethodCountCouldNotFindBest
## STDOUT:
ok
## END

#### shared init method instead of constructor chaining
class ExampleBook4 {
    [string] $Name
    [string] $Author
    ExampleBook4() { $this.Init() }
    ExampleBook4([string]$Name) { $this.Init($Name) }
    hidden Init() { $this.Init('Unknown') }
    hidden Init([string]$Name) { $this.Init($Name, 'Unknown') }
    hidden Init([string]$Name, [string]$Author) {
        $this.Name   = $Name
        $this.Author = $Author
    }
}
$a = [ExampleBook4]::new()
"$($a.Name) by $($a.Author)"
$b = [ExampleBook4]::new('The Hobbit')
"$($b.Name) by $($b.Author)"
## STDOUT:
Unknown by Unknown
The Hobbit by Unknown
## END

#### static properties and methods
class Registry {
    static [int] $Count = 0
    static [string[]] $Names = @()
    [string] $Name
    Registry([string]$Name) {
        $this.Name = $Name
        [Registry]::Count++
        [Registry]::Names += $Name
    }
    static [string] Describe() {
        return "$([Registry]::Count) registered"
    }
}
$null = [Registry]::new('a')
$null = [Registry]::new('b')
[Registry]::Count
[Registry]::Names -join ','
[Registry]::Describe()
## STDOUT:
2
a,b
2 registered
## END

#### static method overloads
class MathUtil {
    static [int] Add([int]$a, [int]$b) { return $a + $b }
    static [int] Add([int]$a, [int]$b, [int]$c) { return $a + $b + $c }
}
[MathUtil]::Add(1, 2)
[MathUtil]::Add(1, 2, 3)
## STDOUT:
3
6
## END

#### hidden members are still accessible
class Secret {
    [string] $Visible = 'shown'
    hidden [string] $Guid = 'hidden-value'
    hidden [string] Reveal() { return $this.Guid }
}
$s = [Secret]::new()
$s.Guid
$s.Reveal()
## STDOUT:
hidden-value
hidden-value
## END

#### inheritance and method override
class Animal {
    [string] $Name
    Animal([string]$Name) { $this.Name = $Name }
    [string] Speak() { return "$($this.Name) makes a sound" }
    [string] Describe() { return "I am $($this.Name)" }
}
class Dog : Animal {
    Dog([string]$Name) : base($Name) { }
    [string] Speak() { return "$($this.Name) barks" }
}
$d = [Dog]::new('Rex')
$d.Speak()
$d.Describe()
$d -is [Animal]
$d -is [Dog]
([Animal]::new('Cat')) -is [Dog]
## STDOUT:
Rex barks
I am Rex
True
True
False
## END

#### derived constructor calls the base constructor first
class Base {
    [string[]] $Log = @()
    Base() { $this.Log += 'base default' }
    Base([int]$n) { $this.Log += "base $n" }
}
class Derived : Base {
    Derived() { $this.Log += 'derived default' }
    Derived([int]$n) : base($n * 2) { $this.Log += "derived $n" }
}
[Derived]::new().Log -join ', '
[Derived]::new(5).Log -join ', '
## STDOUT:
base default, derived default
base 10, derived 5
## END

#### static methods are inherited
class BaseClass {
    static [string] Who() { return 'base' }
}
class DerivedClassA : BaseClass { }
class DerivedClassB : BaseClass {
    static [string] Who() { return 'derived' }
}
[BaseClass]::Who()
[DerivedClassA]::Who()
[DerivedClassB]::Who()
## STDOUT:
base
base
derived
## END

#### class property with a validation attribute
class ExampleProject3 {
    [ValidateRange(0, 16)] [int] $Size
}
$project = [ExampleProject3]::new()
$project.Size = 8
$project.Size
$project.Size = 32
## error: ExceptionWhenSetting
## STDOUT:
8
## END

#### invalid property value keeps the old value
class ExampleProject3 {
    [ValidateRange(0, 16)] [int] $Size
}
$project = [ExampleProject3]::new()
$project.Size = 8
try { $project.Size = 32 } catch { 'rejected' }
$project.Size
## STDOUT:
rejected
8
## END

#### typed property converts values
class Typed {
    [int] $Number
    [string] $Text
}
$t = [Typed]::new()
$t.Number = '42'
$t.Text = 7
$t.Number.GetType().Name
$t.Text.GetType().Name
## STDOUT:
Int32
String
## END

#### class instances compare by reference
class MyFileInfoSet {
    [string]$File
    [int64]$Size
}
$a = [MyFileInfoSet]@{File = 'C:\Windows\explorer.exe'; Size = 4651032}
$b = [MyFileInfoSet]@{File = 'C:\Windows\explorer.exe'; Size = 4651032}
$a -eq $b
$a -eq $a
## STDOUT:
False
True
## END

#### class implementing IEquatable
class MyFileInfoSet : System.IEquatable[Object] {
    [string]$File
    [int64]$Size
    [bool] Equals([Object] $obj) {
        return ($this.File -eq $obj.File) -and ($this.Size -eq $obj.Size)
    }
}
$a = [MyFileInfoSet]@{File = 'C:\Windows\explorer.exe'; Size = 4651032}
$b = [MyFileInfoSet]@{File = 'C:\Windows\explorer.exe'; Size = 4651032}
$a -eq $b
## STDOUT:
True
## END

#### member enumeration over class instances
class Class1 { [Object] Foo() { return 'Bar' } }
$example1 = ([Class1]::new(), [Class1]::new())
$example1.Foo()
## STDOUT:
Bar
Bar
## END

#### error during member enumeration loses earlier output
class Class1 { [Object] Foo() { return 'Bar' } }
class Class3 {}
$example3 = ([Class1]::new(), [Class3]::new())
$example3.Foo()
## error: MethodNotFound

#### method with void output type and return
class C {f(){ return 1} }
## error: ParseError: VoidMethodHasReturn

#### non-void method must return a value
class C {[int] f(){} }
## error: ParseError: MethodHasCodePathNotReturn

#### class properties must use this inside methods
class C { [int]$i; [void] foo() {$i = 10} }
## error: ParseError: MissingThis

#### class definition without a body
class foo
## error: ParseError: MissingTypeBody

#### minimal enumeration
enum MarkdownUnorderedListCharacter {
    Asterisk
    Dash
    Plus
}
[MarkdownUnorderedListCharacter]0
[MarkdownUnorderedListCharacter]'Dash'
[int][MarkdownUnorderedListCharacter]::Plus
foreach ($Value in @(0, 'Asterisk', 1, 'Dash')) {
    [MarkdownUnorderedListCharacter]$EnumValue = $Value
    "$Value -> $EnumValue : $($Value -eq $EnumValue)"
}
## STDOUT:
Asterisk
Dash
2
0 -> Asterisk : True
Asterisk -> Asterisk : True
1 -> Dash : True
Dash -> Dash : True
## END

#### explicit and synonym enumeration values
enum MediaTypes {
    unknown
    music   = 10
    mp3
    aac
    ogg     = 15
    oga     = 15
    mogg    = 15
    picture = 20
    jpg
    jpeg    = 21
    png
}
[int][MediaTypes]::mp3
[int][MediaTypes]::oga
[int][MediaTypes]::png
[MediaTypes]::png
[MediaTypes]::png -eq 22
[MediaTypes].GetEnumName(15)
## STDOUT:
11
15
22
png
True
ogg
## END

#### GetEnumNames lists labels
enum GateState {
    Unknown
    Open
    Opening
    Closing
    Closed
}
[GateState].GetEnumNames()
[GateState].GetEnumName(3)
## STDOUT:
Unknown
Open
Opening
Closing
Closed
Closing
## END

#### enum labels can be keywords
enum Keywords {
    return
    if
    function
}
[Keywords]::return
[int][Keywords]::function
## STDOUT:
return
2
## END

#### flags enumeration
[Flags()] enum FileAttributes {
    Archive    = 1
    Compressed = 2
    Device     = 4
    Directory  = 8
    Encrypted  = 16
    Hidden     = 32
}
[FileAttributes]$file1 =  [FileAttributes]::Archive
[FileAttributes]$file1 += [FileAttributes]::Compressed
[FileAttributes]$file1 += [FileAttributes]::Device
"file1 attributes are: $file1"
[FileAttributes]$file2 = [FileAttributes]28
"file2 attributes are: $file2"
($file2 -band [FileAttributes]::Device) -eq [FileAttributes]::Device
($file2 -band [FileAttributes]::Archive) -eq [FileAttributes]::Archive
$file1.HasFlag([FileAttributes]::Device)
$file1.HasFlag([FileAttributes]::Hidden)
## STDOUT:
file1 attributes are: Archive, Compressed, Device
file2 attributes are: Device, Directory, Encrypted
True
False
True
False
## END

#### flags enum from a comma-separated string
[Flags()] enum Perm {
    Read  = 1
    Write = 2
    Exec  = 4
}
[Perm]'Read, Exec'
[int][Perm]('Write', 'Exec')
[Perm]::Read -bor [Perm]::Write
## STDOUT:
Read, Exec
6
Read, Write
## END

#### enum with a specific underlying type
enum ShortBasedEnum : short {
    Zero
    One
    Two
}
enum IntBasedEnum {
    Zero
}
[ShortBasedEnum].GetEnumUnderlyingType().FullName
[IntBasedEnum].GetEnumUnderlyingType().FullName
[ShortBasedEnum]::Two.GetType().Name
## STDOUT:
System.Int16
System.Int32
ShortBasedEnum
## END

#### enum format strings
enum TaskState {
    ToDo
    Doing
    Done
}
[System.Enum]::Format([TaskState], 0, 'G')
[System.Enum]::Format([TaskState], ([TaskState]'Doing'), 'D')
[System.Enum]::Format([TaskState], [TaskState]::Done, 'X')
[TaskState]::Doing.ToString('D')
## STDOUT:
ToDo
1
00000002
1
## END

#### range between enum values
enum Food {
    Apple
    Banana = 3
    Kiwi = 10
}
([Food]::Apple..[Food]::Kiwi) -join ','
## STDOUT:
0,1,2,3,4,5,6,7,8,9,10
## END

#### switch converts enum values to their names
enum Day {
    Sunday
    Monday
    Tuesday
}
switch ([Day]::Monday) {
    1            { 'The integer value matches.' }
    "1"          { 'The numeric string matches.' }
    "Monday"     { 'The string value matches.' }
    { 1 -eq $_ } { 'The expression matches.' }
}
if (1 -eq [Day]::Monday) { 'The -eq comparison matches.' }
## STDOUT:
The string value matches.
The expression matches.
The -eq comparison matches.
## END

#### enums compare with strings and numbers case-insensitively
enum Color {
    Red
    Green
}
[Color]::Green -eq 'green'
[Color]::Green -eq 1
[Color]'RED'
## STDOUT:
True
True
Red
## END

#### enum as a class property type
enum ProjectState {
    NotTriaged
    InProgress
    Done
}
class Project {
    [string] $Name
    [ProjectState] $State
}
$p = [Project]@{ Name = 'Docs'; State = 'InProgress' }
$p.State
$p.State.GetType().Name
[int]$p.State
## STDOUT:
InProgress
ProjectState
1
## END

#### invalid enum value cannot be converted
enum Small {
    One = 1
}
try { [Small]'Two' } catch { 'invalid enum value' }
[Small]'One'
## STDOUT:
invalid enum value
One
## END

#### calling the base implementation of an overridden method
class Shape {
    [string] Describe() { return 'a shape' }
}
class Square : Shape {
    [string] Describe() { return ([Shape]$this).Describe() + ', square' }
}
[Square]::new().Describe()
## STDOUT:
a shape, square
## END

#### methods see script variables but not their caller's locals
$scriptLevel = 'script'
class Probe {
    [string] Look() { return "[$scriptLevel][$callerLocal]" }
}
function Invoke-Probe { $callerLocal = 'local'; [Probe]::new().Look() }
Invoke-Probe
## STDOUT:
[script][]
## END

#### a class can be used above its definition
$b = [LaterClass]::new()
$b.Value
class LaterClass { [int] $Value = 3 }
## STDOUT:
3
## END

#### derived class declared before its base class
class Child : Parent { [string] Who() { return "child of $($this.Family)" } }
class Parent { [string] $Family = 'Smith' }
[Child]::new().Who()
[Child]::new() -is [Parent]
## STDOUT:
child of Smith
True
## END

#### Equals override is used by -eq
class Point {
    [int] $X
    [int] $Y
    [bool] Equals([object] $other) {
        return $other -is [Point] -and $this.X -eq $other.X -and $this.Y -eq $other.Y
    }
}
$p = [Point]@{ X = 1; Y = 2 }
$q = [Point]@{ X = 1; Y = 2 }
$p -eq $q
$p -eq ([Point]@{ X = 9; Y = 2 })
## STDOUT:
True
False
## END

#### calling a missing method
class Empty { }
[Empty]::new().Nope()
## error: MethodNotFound

#### calling a method with the wrong argument count
class One { [int] F([int]$a) { return $a } }
[One]::new().F(1, 2)
## error: MethodCountCouldNotFindBest

#### method parameters and return values convert to their types
class Conv {
    [int] Twice([int]$n) { return $n * 2 }
    [string] Text() { return 42 }
}
$c = [Conv]::new()
$c.Twice('21')
$c.Text().GetType().Name
## STDOUT:
42
String
## END

#### default ToString is the class name
class Plain { [int] $A = 1 }
"$([Plain]::new())"
[Plain]::new().ToString()
## STDOUT:
Plain
Plain
## END

#### output formats public properties, not hidden or static ones
class Shown {
    [string] $Name = 'n'
    [int] $Size = 2
    hidden [string] $Secret = 's'
    static [int] $Count = 5
}
[Shown]::new()
## STDOUT:

Name Size
---- ----
n       2

## END

#### inherited properties and GetType
class Vehicle { [int] $Wheels = 4 }
class Bike : Vehicle { Bike() { $this.Wheels = 2 } }
$b = [Bike]::new()
$b.Wheels
$b.GetType().Name
$b.GetType().BaseType.Name
## STDOUT:
2
Bike
Vehicle
## END

#### static property needs the type name inside methods
class C { static [int]$i; [void] foo() {$i = 10} }
## error: ParseError: MissingTypeInStaticPropertyAssignment

#### bare return in a method with an output type
class C {[int] f(){ return } }
## error: ParseError: NonVoidMethodMissingReturnValue

#### throw counts as leaving a method with an output type
class Guard {
    [int] Check([int]$n) {
        if ($n -gt 0) { return $n }
        throw "bad value $n"
    }
}
[Guard]::new().Check(3)
try { [Guard]::new().Check(-1) } catch { $_.Exception.Message }
## STDOUT:
3
bad value -1
## END

#### static members are shared and settable
class Config {
    static [string] $Mode = 'dev'
    static [int] $Hits
}
[Config]::Mode
[Config]::Mode = 'prod'
[Config]::Hits += 2
[Config]::Hits++
"$([Config]::Mode) $([Config]::Hits)"
## STDOUT:
dev
prod 3
## END
