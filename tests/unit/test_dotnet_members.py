"""The .NET member surface: instance methods/properties, statics, enums, regex matches."""
from __future__ import annotations

import datetime
import decimal
import math
import re
import uuid

import pytest

from pwshlike import errors
from pwshlike.runtime import numeric as N
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.dotnet import enums, statics
from pwshlike.runtime.dotnet.methods import find_method, find_property, find_property_setter
from pwshlike.runtime.dotnet.regexmatch import RegexMatch, compile_pattern
from pwshlike.runtime.typenames import Char, type_name_of
from pwshlike.runtime.types import resolve_type
from pwshlike.runtime.values import DictionaryEntry, GenericList, Hashtable, PSReference, TypedArray


def call(obj, name, *args):
    fn = find_method(obj, name)
    assert fn is not None, f"no method {name} on {type(obj).__name__}"
    return fn(obj, *args)


def prop(obj, name):
    fn = find_property(obj, name)
    assert fn is not None, f"no property {name} on {type(obj).__name__}"
    return fn(obj)


def st(type_name, member, *args):
    return statics.invoke_static(resolve_type(type_name), member, list(args))


def sv(type_name, member):
    return statics.get_static_member(resolve_type(type_name), member)


# --- strings ---------------------------------------------------------------------------------
def test_substring_and_errors():
    assert call("abcdef", "substring", 2) == "cdef"
    assert call("abcdef", "SubString", 1, 3) == "bcd"
    with pytest.raises(errors.MethodInvocationException) as ei:
        call("abc", "Substring", 1, 5)
    assert str(ei.value) == ('Exception calling "Substring" with "2" argument(s): "Index and '
                             "length must refer to a location within the string. (Parameter "
                             "'length')\"")
    assert ei.value.error_id == "ArgumentOutOfRangeException"
    assert type(ei.value.InnerException).__name__ == "ArgumentOutOfRangeException"
    with pytest.raises(errors.MethodException) as ei:
        call("abc", "Substring", 1, 2, 3)
    assert str(ei.value) == 'Cannot find an overload for "Substring" and the argument count: "3".'
    assert ei.value.error_id == "MethodCountCouldNotFindBest"


def test_split_overloads():
    assert call("a,b,,c", "Split", ",") == ["a", "b", "", "c"]
    assert call("a,b,,c", "Split", ",", "RemoveEmptyEntries") == ["a", "b", "c"]
    assert call("a,b,,c", "Split", ",", 2) == ["a", "b,,c"]
    assert call("a, b ,c", "Split", ",", "TrimEntries") == ["a", "b", "c"]
    assert call("a;b,c", "Split", [Char(";"), Char(",")]) == ["a", "b", "c"]
    assert call("1::2::3", "Split", "::") == ["1", "2", "3"]
    assert call("a b  c", "Split") == ["a", "b", "", "c"]
    parts = call("x,,y,,z", "Split", ",", 2, enums.StringSplitOptions.convert(1))
    assert parts == ["x", "y,,z"]
    assert type_name_of(call("a,b", "Split", ",")) == "System.String[]"


def test_search_methods():
    assert call("hello world", "IndexOf", "o") == 4
    assert call("hello world", "IndexOf", "o", 5) == 7
    assert call("Hello", "IndexOf", "LL", "OrdinalIgnoreCase") == 2
    assert call("hello", "LastIndexOf", "l") == 3
    assert call("hello", "IndexOfAny", [Char("x"), Char("l")]) == 2
    assert call("Hello", "Contains", "ell") is True
    assert call("Hello", "Contains", "ELL") is False
    assert call("Hello", "Contains", "ELL", "OrdinalIgnoreCase") is True
    assert call("Hello", "StartsWith", "he", "CurrentCultureIgnoreCase") is True
    assert call("Hello", "EndsWith", "LO", True, None) is True
    assert call("Hello", "StartsWith", "he") is False


def test_transform_methods():
    assert call("aAa", "Replace", "a", "b") == "bAb"
    assert call("aAa", "Replace", "a", "b", "OrdinalIgnoreCase") == "bbb"
    assert call("xxabcxx", "Trim", "x") == "abc"
    assert call("abcba", "Trim", "ab") == "c"
    assert call("  hi\t", "Trim") == "hi"
    assert call("hi\r\n", "TrimEnd", "\r\n") == "hi"
    assert call("7", "PadLeft", 3, "0") == "007"
    assert call("7", "PadRight", 3) == "7  "
    assert call("abc", "Insert", 1, "X") == "aXbc"
    assert call("abcdef", "Remove", 2) == "ab"
    assert call("abcdef", "Remove", 1, 2) == "adef"
    assert call("straße", "ToUpper") == "STRAßE"
    assert call("ABC", "ToLowerInvariant") == "abc"
    chars = call("ab", "ToCharArray")
    assert chars == ["a", "b"] and all(type(c) is Char for c in chars)
    assert call("a\r\nb\rc", "ReplaceLineEndings") == "a\nb\nc"
    assert call("e\u0301", "Normalize") == "\u00e9"
    assert call("abc", "Equals", "abc") is True and call("abc", "Equals", "ABC") is False
    assert call("abc", "Equals", "ABC", "OrdinalIgnoreCase") is True
    assert call("a", "CompareTo", "B") == -1
    assert prop("hello", "Length") == 5
    with pytest.raises(errors.MethodInvocationException) as ei:
        call("abc", "Replace", "", "x")
    assert ei.value.error_id == "ArgumentException"


# --- collections ---------------------------------------------------------------------------------
def test_arrays():
    a = [1, 2, 3]
    assert prop(a, "Count") == 3 and prop(a, "Length") == 3 and prop(a, "Rank") == 1
    assert prop(a, "IsFixedSize") is True
    assert call(a, "Contains", 2) is True and call(a, "Contains", "2") is False
    assert call(a, "IndexOf", 3) == 2
    with pytest.raises(errors.MethodInvocationException) as ei:
        call(a, "Add", 4)
    assert str(ei.value) == ('Exception calling "Add" with "1" argument(s): "Collection was of '
                             'a fixed size."')
    assert ei.value.error_id == "NotSupportedException"
    call(a, "SetValue", 500, 1)
    assert a == [1, 500, 3] and call(a, "GetValue", 1) == 500
    ints = resolve_type("int[]").convert([1, 2, 3])
    call(ints, "Clear")
    assert ints == [0, 0, 0]
    objs = [1, "x"]
    call(objs, "Clear")
    assert objs == [None, None]
    clone = call([1, 2], "Clone")
    assert clone == [1, 2]


def test_generic_lists():
    lst = resolve_type("System.Collections.Generic.List", ["int"]).ctor()
    assert call(lst, "Add", "5") is None
    assert lst == [5] and type(lst[0]) is int
    call(lst, "AddRange", [3, 1])
    call(lst, "Sort")
    assert lst == [1, 3, 5]
    assert call(lst, "Remove", 3) is True and call(lst, "Remove", 42) is False
    call(lst, "Insert", 0, 9)
    assert lst == [9, 1, 5] and call(lst, "IndexOf", 5) == 2
    arr = call(lst, "ToArray")
    assert type_name_of(arr) == "System.Int32[]"
    with pytest.raises(errors.MethodException) as ei:
        call(lst, "Add", "abc")
    assert ei.value.error_id == "MethodArgumentConversionInvalidCastArgument"
    with pytest.raises(errors.MethodInvocationException):
        call(lst, "RemoveAt", 10)
    al = GenericList()
    assert call(al, "Add", "a") == 0 and call(al, "Add", "b") == 1
    assert call(al, "Find", lambda x: x == "b") == "b"
    assert call(al, "FindIndex", lambda x: x == "z") == -1
    assert call(al, "Exists", lambda x: x == "a") is True
    q = GenericList([], None, "System.Collections.Generic.Queue[System.Object]")
    call(q, "Enqueue", 1)
    call(q, "Enqueue", 2)
    assert call(q, "Dequeue") == 1 and prop(q, "Count") == 1
    s = GenericList([], None, "System.Collections.Generic.Stack[System.Object]")
    call(s, "Push", 1)
    call(s, "Push", 2)
    assert call(s, "Pop") == 2
    hs = GenericList([], None, "System.Collections.Generic.HashSet[System.Object]")
    assert call(hs, "Add", "x") is True and call(hs, "Add", "x") is False


def test_hashtable_members():
    h = Hashtable([("Name", "a")])
    call(h, "Add", "Day", "Monday")
    assert call(h, "ContainsKey", "name") is True
    assert call(h, "ContainsValue", "Monday") is True
    assert prop(h, "Count") == 2 and prop(h, "Keys") == ["Name", "Day"]
    entries = call(h, "GetEnumerator")
    assert all(isinstance(e, DictionaryEntry) for e in entries)
    assert [prop(e, "Key") for e in entries] == ["Name", "Day"]
    assert prop(entries[1], "Value") == "Monday"
    with pytest.raises(errors.MethodInvocationException) as ei:
        call(h, "Add", "day", 1)
    assert ei.value.error_id == "ArgumentException"
    c = call(h, "Clone")
    call(h, "Remove", "Day")
    assert "Day" not in h and "Day" in c
    call(h, "Clear")
    assert len(h) == 0


# --- dates -----------------------------------------------------------------------------------------
def test_datetime_members():
    d = datetime.datetime(2020, 1, 10, 15, 4, 5, 123000)
    assert prop(d, "Year") == 2020 and prop(d, "Millisecond") == 123
    assert to_str(prop(d, "DayOfWeek")) == "Friday"
    assert prop(d, "DayOfYear") == 10
    assert prop(d, "Ticks") == 637142654451230000
    assert prop(d, "Date") == datetime.datetime(2020, 1, 10)
    assert prop(d, "TimeOfDay") == datetime.timedelta(hours=15, minutes=4, seconds=5,
                                                      milliseconds=123)
    assert call(d, "AddDays", 1.5) == datetime.datetime(2020, 1, 12, 3, 4, 5, 123000)
    assert call(datetime.datetime(2020, 1, 31), "AddMonths", 1) == datetime.datetime(2020, 2,
                                                                                     29)
    assert call(d, "ToString", "yyyy-MM-dd") == "2020-01-10"
    assert call(d, "ToShortDateString") == "1/10/2020"
    assert call(d, "ToLongDateString") == "Friday, January 10, 2020"
    assert call(d, "Subtract", datetime.datetime(2020, 1, 9)) == datetime.timedelta(
        days=1, hours=15, minutes=4, seconds=5, milliseconds=123)
    assert call(d, "CompareTo", datetime.datetime(2021, 1, 1)) == -1
    utc = call(d, "ToUniversalTime")
    assert to_str(prop(utc, "Kind")) == "Utc"
    with pytest.raises(errors.MethodInvocationException):
        call(datetime.datetime(9999, 12, 31), "AddDays", 2)


def test_timespan_members():
    t = datetime.timedelta(hours=-1, minutes=-30)
    assert prop(t, "Hours") == -1 and prop(t, "Minutes") == -30
    assert prop(t, "TotalMinutes") == -90.0
    assert call(t, "Duration") == datetime.timedelta(minutes=90)
    assert call(t, "Negate") == datetime.timedelta(minutes=90)
    t2 = datetime.timedelta(days=1, hours=2, minutes=3, seconds=4)
    assert prop(t2, "Days") == 1 and prop(t2, "TotalHours") == pytest.approx(26.0511111)
    assert call(t2, "ToString") == "1.02:03:04"
    assert call(t2, "Add", "00:00:56") == datetime.timedelta(days=1, hours=2, minutes=4)


def test_numbers_and_guid():
    assert call(5, "ToString", "D3") == "005"
    assert call(255, "ToString", "X") == "FF"
    assert call(1234.5, "ToString", "N1") == "1,234.5"
    assert call(True, "ToString") == "True"
    assert call(5, "CompareTo", 3) == 1
    assert call(5, "Equals", 5) is True and call(5, "Equals", 5.0) is False
    assert call(decimal.Decimal("1.50"), "ToString") == "1.50"
    with pytest.raises(errors.MethodInvocationException) as ei:
        call(1.5, "ToString", "D")
    assert ei.value.error_id == "FormatException"
    g = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert call(g, "ToString", "N") == "12345678123456781234567812345678"
    assert call(g, "ToString", "B") == "{12345678-1234-5678-1234-567812345678}"


# --- regex ----------------------------------------------------------------------------------------
def test_regex_matches():
    p = compile_pattern(r"(?<year>\d{4})-(\d\d)")
    m = call(p, "Match", "on 2020-01 x")
    assert isinstance(m, RegexMatch)
    assert m.Success and m.Value == "2020-01" and m.Index == 3 and m.Length == 7
    assert m.Groups[1].Value == "01"           # unnamed groups are numbered first
    assert m.Groups["year"].Value == "2020" and m.Groups[2].Name == "year"
    assert prop(m.Groups, "Count") == 3
    assert call(p, "Replace", "2020-01 and 2021-02", "$1/${year}") == "01/2020 and 02/2021"
    ms = call(p, "Matches", "2020-01 2021-02")
    assert [x.Value for x in ms] == ["2020-01", "2021-02"]
    assert m.NextMatch().Success is False
    assert call(p, "IsMatch", "nothing") is False
    assert call(p, "ToString") == r"(?<year>\d{4})-(\d\d)"
    assert st("regex", "Escape", "a.b*c d") == r"a\.b\*c\ d"
    assert st("regex", "Split", "a1b22c", r"\d+") == ["a", "b", "c"]
    assert st("regex", "Replace", "aaa", "A", "b", "IgnoreCase") == "bbb"
    assert st("regex", "Match", "abc", "x").Success is False


# --- statics -----------------------------------------------------------------------------------------
def test_integer_statics():
    assert sv("int", "MaxValue") == 2147483647
    assert type(sv("long", "MaxValue")) is N.Int64
    assert sv("byte", "MaxValue") == 255
    assert st("int", "Parse", " 42 ") == 42
    with pytest.raises(errors.MethodInvocationException) as ei:
        st("int", "Parse", "abc")
    assert ei.value.error_id == "FormatException"
    assert "The input string 'abc' was not in a correct format." in str(ei.value)
    ref = PSReference.to_value(0)
    assert st("int", "TryParse", "15", ref) is True and ref.Value == 15
    assert st("int", "TryParse", "x", ref) is False and ref.Value == 0
    assert st("int", "Parse", "ff", "HexNumber") == 255


def test_double_decimal_bool_char_statics():
    assert math.isnan(sv("double", "NaN"))
    assert st("double", "Parse", "1,234.5") == 1234.5
    assert st("double", "IsNaN", float("nan")) is True
    assert st("decimal", "Parse", "1.50") == decimal.Decimal("1.50")
    assert st("bool", "Parse", "True") is True and st("bool", "Parse", " false ") is False
    with pytest.raises(errors.MethodInvocationException) as ei:
        st("bool", "Parse", "Not True")
    assert ei.value.error_id == "FormatException"
    assert st("char", "IsDigit", "5") is True and st("char", "IsLetter", "5") is False
    assert st("char", "IsWhiteSpace", " ") is True
    assert st("char", "ToUpper", "a") == "A" and type(st("char", "ToUpper", "a")) is Char


def test_string_statics():
    assert sv("string", "Empty") == ""
    assert st("string", "Join", ",", [1, 2, 3]) == "1,2,3"
    assert st("string", "Join", "-", "a", "b") == "a-b"
    assert st("string", "IsNullOrEmpty", None) is True
    assert st("string", "IsNullOrWhiteSpace", " \t") is True
    assert st("string", "Format", "{0}-{1:D2}", "a", 5) == "a-05"
    assert st("string", "Concat", "a", 1, None) == "a1"
    assert st("string", "Compare", "a", "B") == -1
    assert st("string", "Compare", "a", "A", True) == 0
    assert st("string", "new", Char("x"), 3) == "xxx"


def test_math_statics():
    assert st("math", "Round", 2.5) == 2.0
    assert st("math", "Round", 3.5) == 4.0
    assert st("math", "Round", 2.5, "AwayFromZero") == 3.0
    assert st("math", "Round", 2.345, 2) == 2.35          # .NET scales by 100 first
    assert st("math", "Round", 1.005, 2) == 1.0
    assert st("math", "Round", -0.4) == 0.0 and math.copysign(1, st("math", "Round", -0.4)) < 0
    assert st("math", "Round", decimal.Decimal("2.345"), 2) == decimal.Decimal("2.34")
    assert st("math", "Abs", -5) == 5 and type(st("math", "Abs", -5)) is int
    assert st("math", "Floor", decimal.Decimal("1.7")) == decimal.Decimal(1)
    assert isinstance(st("math", "Floor", 1.7), float)
    assert st("math", "Pow", 2, 10) == 1024.0
    assert st("math", "Max", 3, 7) == 7 and st("math", "Min", 3, 2.5) == 2.5
    assert st("math", "Sqrt", 16) == 4.0 and math.isnan(st("math", "Sqrt", -1))
    assert st("math", "Log", 8, 2) == pytest.approx(3.0)
    assert st("math", "Truncate", -2.7) == -2.0
    assert st("math", "Sign", -3) == -1
    assert st("math", "Clamp", 15, 0, 10) == 10
    assert sv("math", "PI") == math.pi
    with pytest.raises(errors.RuntimeException) as ei:
        st("math", "Foo")
    assert str(ei.value) == ("Method invocation failed because [System.Math] does not contain "
                             "a method named 'Foo'.")
    assert ei.value.error_id == "MethodNotFound"


def test_convert_and_bitconverter():
    data = st("System.Text.Encoding", "GetEncoding", "utf-8").GetBytes("hi")
    assert st("convert", "ToBase64String", data) == "aGk="
    raw = st("convert", "FromBase64String", "aGk=")
    assert raw == [104, 105] and isinstance(raw, TypedArray)
    assert all(type(b) is N.Byte for b in raw) and type_name_of(raw) == "System.Byte[]"
    assert st("convert", "ToInt32", "ff", 16) == 255
    assert st("convert", "ToInt32", "FFFFFFFF", 16) == -1
    assert st("convert", "ToInt32", 2.5) == 2
    assert st("convert", "ToString", 5, 2) == "101"
    assert st("convert", "ToString", 255, 16) == "ff"
    assert st("convert", "ToBoolean", "true") is True
    assert st("convert", "ToHexString", [1, 171]) == "01AB"
    assert st("BitConverter", "ToString", [1, 171, 255]) == "01-AB-FF"
    assert st("BitConverter", "GetBytes", 1) == [1, 0, 0, 0]


def test_encoding_and_stringbuilder():
    utf8 = sv("System.Text.Encoding", "UTF8")
    b = call(utf8, "GetBytes", "hé")
    assert b == [104, 195, 169] and call(utf8, "GetString", b) == "hé"
    assert prop(utf8, "WebName") == "utf-8"
    ascii_ = sv("Text.Encoding", "ASCII")
    assert call(ascii_, "GetBytes", "é") == [63]
    sb = st("System.Text.StringBuilder", "new")
    assert call(sb, "Append", "ab") is sb
    call(sb, "Append", Char("-"), 3)
    call(sb, "AppendLine", "x")
    call(sb, "AppendFormat", "{0}+{1}", 1, 2)
    call(sb, "Insert", 0, ">")
    call(sb, "Replace", "-", "=")
    assert call(sb, "ToString") == ">ab===x\n1+2"
    assert prop(sb, "Length") == 11
    find_property_setter(sb, "Length")(sb, 3)
    assert str(sb) == ">ab"


def test_datetime_timespan_guid_statics():
    assert st("datetime", "ParseExact", "10/01/2020", "dd/MM/yyyy", None) == \
        datetime.datetime(2020, 1, 10)
    assert st("datetime", "ParseExact", "2020-01-10 3:04 PM", "yyyy-MM-dd h:mm tt", None) == \
        datetime.datetime(2020, 1, 10, 15, 4)
    with pytest.raises(errors.MethodInvocationException) as ei:
        st("datetime", "ParseExact", "2020-13-01", "yyyy-MM-dd", None)
    assert ei.value.error_id == "FormatException"
    assert st("datetime", "DaysInMonth", 2020, 2) == 29
    assert st("datetime", "IsLeapYear", 1900) is False
    assert st("datetime", "new", 2020, 1, 2) == datetime.datetime(2020, 1, 2)
    assert to_str(prop(st("datetime", "SpecifyKind", datetime.datetime(2020, 1, 1), "Utc"),
                       "Kind")) == "Utc"
    assert st("timespan", "FromMinutes", 90) == datetime.timedelta(hours=1, minutes=30)
    assert st("timespan", "Parse", "1.02:03:04") == datetime.timedelta(days=1, hours=2,
                                                                       minutes=3, seconds=4)
    assert sv("timespan", "Zero") == datetime.timedelta(0)
    g = st("guid", "NewGuid")
    assert isinstance(g, uuid.UUID) and g.version == 4
    assert sv("guid", "Empty") == uuid.UUID(int=0)
    assert st("guid", "Parse", "{12345678-1234-5678-1234-567812345678}").hex.startswith(
        "12345678")
    dto = st("DateTimeOffset", "FromUnixTimeSeconds", 0)
    assert prop(dto, "Year") == 1970 and call(dto, "ToUnixTimeSeconds") == 0
    assert call(dto, "ToString") == "01/01/1970 00:00:00 +00:00"


def test_environment_path_uri_web(tmp_path):
    assert sv("Environment", "NewLine") == "\n"
    assert isinstance(sv("Environment", "ProcessorCount"), int)
    assert st("System.IO.Path", "Combine", "a", "b", "c.txt") == "a/b/c.txt"
    assert st("IO.Path", "Combine", "a", "/abs") == "/abs"
    assert st("IO.Path", "GetFileName", "/x/y/z.tar.gz") == "z.tar.gz"
    assert st("IO.Path", "GetFileNameWithoutExtension", "/x/y/z.tar.gz") == "z.tar"
    assert st("IO.Path", "GetExtension", "/x/y/z.tar.gz") == ".gz"
    assert st("IO.Path", "GetDirectoryName", "/x/y/z.txt") == "/x/y"
    assert st("IO.Path", "ChangeExtension", "a.txt", "md") == "a.md"
    assert st("IO.Path", "IsPathRooted", "/tmp") is True
    f = str(tmp_path / "t.txt")
    st("System.IO.File", "WriteAllText", f, "one\ntwo\n")
    assert st("System.IO.File", "Exists", f) is True
    assert st("System.IO.File", "ReadAllLines", f) == ["one", "two"]
    st("IO.File", "AppendAllText", f, "three")
    assert st("IO.File", "ReadAllText", f) == "one\ntwo\nthree"
    with pytest.raises(errors.MethodInvocationException) as ei:
        st("IO.File", "ReadAllText", str(tmp_path / "missing.txt"))
    assert ei.value.error_id == "FileNotFoundException"
    assert st("IO.Directory", "GetFiles", str(tmp_path)) == [f]
    u = resolve_type("uri").convert("https://Example.com:8443/a/b?q=1#frag")
    assert prop(u, "Host") == "example.com" and prop(u, "Port") == 8443
    assert prop(u, "AbsolutePath") == "/a/b" and prop(u, "Query") == "?q=1"
    assert prop(u, "Segments") == ["/", "a/", "b"]
    assert st("uri", "EscapeDataString", "a b/c") == "a%20b%2Fc"
    assert st("System.Web.HttpUtility", "UrlEncode", "a b&c/é") == "a+b%26c%2f%c3%a9"
    assert st("System.Net.WebUtility", "UrlEncode", "a/é") == "a%2F%C3%A9"
    assert st("System.Net.WebUtility", "HtmlEncode", "<a href='x'>") == \
        "&lt;a href=&#39;x&#39;&gt;"
    assert st("System.Net.WebUtility", "UrlDecode", "a+b%2F") == "a b/"


def test_crypto_and_console(capsys):
    sha = st("System.Security.Cryptography.SHA256", "Create")
    h = call(sha, "ComputeHash", st("Text.Encoding", "GetEncoding", "ascii").GetBytes("abc"))
    assert st("BitConverter", "ToString", h).replace("-", "").lower().startswith("ba7816bf")
    md5 = st("System.Security.Cryptography.MD5", "Create")
    assert st("convert", "ToHexString", call(md5, "ComputeHash", [])).lower() == \
        "d41d8cd98f00b204e9800998ecf8427e"
    st("Console", "WriteLine", "hello {0}", "world")
    st("Console", "Write", 42)
    assert capsys.readouterr().out == "hello world\n42"


# --- enums --------------------------------------------------------------------------------------
def test_enums():
    cc = resolve_type("ConsoleColor")
    assert resolve_type("System.ConsoleColor") is cc
    red = statics.get_static_member(cc, "Red")
    assert int(red) == 12 and to_str(red) == "Red" and type_name_of(red) == "System.ConsoleColor"
    assert cc.convert("dArKbLuE") == 1
    with pytest.raises(errors.PSInvalidCastException) as ei:
        cc.convert("Purple")
    assert str(ei.value).startswith('Cannot convert value "Purple" to type "System.ConsoleColor".'
                                    ' Error: "Unable to match the identifier name Purple to a '
                                    "valid enumerator name. Specify one of the following "
                                    "enumerator names and try again:\nBlack, DarkBlue,")
    dow = resolve_type("System.DayOfWeek")
    assert to_str(dow.convert("Monday")) == "Monday" and to_str(dow.convert(2)) == "Tuesday"
    with pytest.raises(errors.PSInvalidCastException):
        dow.convert(7)
    ro = resolve_type("System.Text.RegularExpressions.RegexOptions")
    v = ro.convert("IgnoreCase, Multiline")
    assert int(v) == 3 and to_str(v) == "IgnoreCase, Multiline"
    assert call(v, "HasFlag", "Multiline") is True
    assert call(red, "ToString", "D") == "12"
    assert prop(red, "value__") == 12
    names = st("enum", "GetNames", cc)
    assert names[:3] == ["Black", "DarkBlue", "DarkGreen"] and len(names) == 16
    assert to_str(st("enum", "GetValues", dow)[0]) == "Sunday"
    assert to_str(st("enum", "Parse", dow, "friday", True)) == "Friday"
    with pytest.raises(errors.MethodInvocationException):
        st("enum", "Parse", dow, "friday")
    custom = enums.make_enum("My.Flags", {"A": 1, "B": 2, "C": 4}, flags=True)
    assert custom.name_of(5) == "A, C" and custom.convert("a,b") == 3
    assert int(statics.get_static_member(custom, "C")) == 4
    assert statics.get_static_member(cc, "Nope") is statics.MISSING


def test_static_property_assignment_and_lookup():
    console = resolve_type("Console")
    statics.set_static_member(console, "ForegroundColor", "Red")
    assert to_str(statics.get_static_member(console, "ForegroundColor")) == "Red"
    statics.set_static_member(console, "ForegroundColor", "Gray")
    with pytest.raises(errors.DotNetException):
        statics.set_static_member(resolve_type("math"), "PI", 3)
    assert resolve_type("System.Text.StringBuilder").fullname == "System.Text.StringBuilder"
    assert resolve_type("uri").fullname == "System.Uri"
    v = resolve_type("version").convert("1.2.3")
    assert prop(v, "Major") == 1 and prop(v, "Build") == 3 and prop(v, "Revision") == -1
    assert v > resolve_type("version").convert("1.2")
    title = st("cultureinfo", "GetCultureInfo", "en-US").TextInfo.ToTitleCase("hello WORLD foo")
    assert title == "Hello WORLD Foo"


def test_python_regex_pattern_type():
    assert isinstance(compile_pattern("a+"), re.Pattern)
