"""Conversions (runtime/convert.py, runtime/types.py) against LanguagePrimitives and
about_Type_Conversion / about_Booleans: truthiness, string forms, numbers and casts."""
from __future__ import annotations

import datetime
import math
import uuid
from decimal import Decimal

import pytest

from pwshlike import errors
from pwshlike.runtime import numeric as N
from pwshlike.runtime.convert import parse_number_string, to_bool, to_number, to_str
from pwshlike.runtime.typenames import Char, type_name_of
from pwshlike.runtime.types import resolve_type, to_int32
from pwshlike.runtime.values import Hashtable, PSCustomObject, SwitchParameter


def cast(type_name: str, value):
    return resolve_type(type_name).convert(value)


def cast_error(type_name: str, value) -> errors.DotNetException:
    with pytest.raises(errors.PSInvalidCastException) as ei:
        cast(type_name, value)
    return ei.value


# --- to_bool: LanguagePrimitives.IsTrue ------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [
    (None, False), (True, True), (False, False),
    (0, False), (1, True), (-1, True), (0.0, False), (0.1, True),
    (Decimal(0), False), (Decimal("0.5"), True), (N.Int64(0), False), (N.Byte(2), True),
    ("", False), ("a", True), ("false", True), ("0", True), (" ", True),
    ([], False), ([0], False), ([1], True), ([""], False), (["a"], True),
    ([0, 0], True), ([[]], False), ([[0]], True),
    (SwitchParameter(True), True), (SwitchParameter(False), False),
    (Hashtable(), True), (PSCustomObject([]), True),
])
def test_to_bool(value, expected):
    assert to_bool(value) is expected


# --- to_str -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [
    (1 / 3, "0.333333333333333"),
    (2 / 3, "0.666666666666667"),
    (0.1 + 0.2, "0.3"),
    (1e20, "1E+20"),
    (1e15, "1E+15"),
    (123456789012345678.0, "1.23456789012346E+17"),
    (1e-5, "1E-05"),
    (2.0, "2"),
    (1.5, "1.5"),
    (float("inf"), "Infinity"),
    (float("-inf"), "-Infinity"),
    (float("nan"), "NaN"),
    (N.to_single(0.1), "0.1"),
    (N.to_single(1 / 3), "0.3333333"),
    (Decimal("1.50"), "1.50"),
    (None, ""),
    (True, "True"),
    (False, "False"),
    (42, "42"),
    (N.Int64(-5), "-5"),
    (N.UInt64(18446744073709551615), "18446744073709551615"),
    (Char("x"), "x"),
    ([1, 2, 3], "1 2 3"),
    ([1, [2, 3]], "1 System.Object[]"),
    ([], ""),
    (Hashtable([("a", 1)]), "System.Collections.Hashtable"),
    (PSCustomObject([("a", 1), ("b", "x")]), "@{a=1; b=x}"),
    (datetime.datetime(2024, 1, 2, 3, 4, 5), "01/02/2024 03:04:05"),
    (datetime.timedelta(days=1, hours=2, minutes=3, seconds=4), "1.02:03:04"),
    (uuid.UUID("12345678-1234-1234-1234-1234567890ab"), "12345678-1234-1234-1234-1234567890ab"),
])
def test_to_str(value, expected):
    assert to_str(value) == expected


def test_to_str_uses_ofs_for_arrays():
    from pwshlike.runtime import convert
    saved = convert.OFS_SOURCE[0]
    convert.OFS_SOURCE[0] = lambda: ","
    try:
        assert to_str([1, 2]) == "1,2"
    finally:
        convert.OFS_SOURCE[0] = saved


# --- to_number and string parsing ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("42", 42), (" 42 ", 42), ("-7", -7), ("+7", 7), ("0x10", 16), ("0b101", 5),
    ("1e3", 1000.0), (".5", 0.5), ("1kb", 1024), ("10l", 10), ("1,234", 1234),
    ("1,234.5", 1234.5), ("#F", 15), ("&hF", 15), ("", 0), ("Infinity", math.inf),
    ("-Infinity", -math.inf),
])
def test_parse_number_string(text, expected):
    assert parse_number_string(text) == expected


def test_parse_number_string_rejects():
    for text in ("abc", "1_000", "0x", "1 2", "12abc"):
        assert parse_number_string(text) is None, text


def test_to_number():
    assert to_number(None) == 0
    assert to_number(True) == 1 and type(to_number(True)) is int
    assert to_number("2.5") == 2.5
    assert to_number(Decimal("2.5")) == Decimal("2.5")
    assert to_number(SwitchParameter(True)) == 1
    with pytest.raises(errors.PSInvalidCastException):
        to_number("x1")
    with pytest.raises(errors.PSInvalidCastException) as ei:
        to_number(Hashtable())
    assert ei.value.error_id == "InvalidCastException"


# --- casts ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [
    (2.5, 2), (3.5, 4), (-2.5, -2), (-3.5, -4), (2.4999, 2), (0.5, 0), (1.5, 2),
    (Decimal("2.5"), 2), (Decimal("3.5"), 4),
    ("0x10", 16), (" 42 ", 42), ("1e3", 1000), ("2.5", 2), ("3.5", 4),
    ("#F", 15), ("&hF", 15), ("0b1111", 15),
    (None, 0), (True, 1), (Char("A"), 65), ([7], 7), (N.Int64(5), 5),
])
def test_int_cast_rounds_to_even(value, expected):
    r = cast("int", value)
    assert r == expected and type(r) is int


def test_integer_cast_types():
    assert type(cast("long", 1)) is N.Int64
    assert type(cast("byte", "255")) is N.Byte
    assert type(cast("uint16", 1.5)) is N.UInt16 and cast("uint16", 1.5) == 2
    assert cast("sbyte", -128) == -128
    assert type(cast("bigint", "12345")) is N.BigInteger


def test_bigint_cast_from_string_is_exact():
    s = "111111111111111111111111111111111111111111111111111111"
    assert cast("bigint", s) == int(s)


def test_int_cast_from_string_failure():
    e = cast_error("int", "abc")
    assert e.error_id == "InvalidCastFromStringToInteger"
    assert str(e) == ('Cannot convert value "abc" to type "System.Int32". Error: "The input '
                      "string 'abc' was not in a correct format.\"")
    assert type_name_of(e) == "System.Management.Automation.PSInvalidCastException"
    assert isinstance(e, errors.InvalidCastException)


def test_int_cast_overflow_message():
    e = cast_error("int", N.Int64(2147483648))
    assert str(e) == ('Cannot convert value "2147483648" to type "System.Int32". Error: "Value '
                      'was either too large or too small for an Int32."')


def test_int_cast_overflow_error_id():
    assert cast_error("int", N.Int64(2147483648)).error_id == "InvalidCastIConvertible"
    assert cast_error("byte", 300).error_id == "InvalidCastIConvertible"


def test_byte_cast_overflow_message():
    assert str(cast_error("byte", 300)) == (
        'Cannot convert value "300" to type "System.Byte". Error: "Value was either too large '
        'or too small for an unsigned byte."')


def test_cast_of_array_to_scalar_fails():
    e = cast_error("int", [1, 2])
    assert e.error_id == "ConvertToFinalInvalidCastException"


def test_cast_of_array_to_scalar_message():
    assert str(cast_error("int", [1, 2])) == (
        'Cannot convert the "System.Object[]" value of type "System.Object[]" to type '
        '"System.Int32".')


def test_double_and_single_casts():
    assert cast("double", "1,234.5") == 1234.5
    assert cast("double", None) == 0.0
    f = cast("float", 0.1)
    assert type(f) is N.Single and f == 0.10000000149011612 and to_str(f) == "0.1"
    with pytest.raises(errors.PSInvalidCastException):
        cast("double", "x")


def test_decimal_cast_keeps_scale():
    d = cast("decimal", "1.50")
    assert d == Decimal("1.50") and str(d) == "1.50"
    assert cast("decimal", 0.1) == Decimal("0.1")
    assert cast("decimal", 3) == Decimal(3)


def test_bool_cast():
    assert cast("bool", "false") is True        # any non-empty string
    assert cast("bool", "") is False
    assert cast("bool", "0") is True
    assert cast("bool", 0) is False
    assert cast("bool", []) is False
    assert cast("bool", None) is False


def test_string_cast():
    assert cast("string", 1.5) == "1.5"
    assert cast("string", None) is None
    assert cast("string", [1, 2]) == "1 2"
    assert cast("string", 1 / 3) == "0.333333333333333"


def test_string_array_cast():
    r = cast("string[]", [1, 2.5, None])
    assert list(r) == ["1", "2.5", None]
    assert type_name_of(r) == "System.String[]"
    r = cast("string[]", "one")
    assert list(r) == ["one"]
    r = cast("int[]", "1")
    assert list(r) == [1] and type_name_of(r) == "System.Int32[]"
    with pytest.raises(errors.PSInvalidCastException):
        cast("int[]", ["1", "x"])


def test_char_cast():
    assert cast("char", "a") == "a" and type(cast("char", "a")) is Char
    assert cast("char", 65) == "A"
    e = cast_error("char", "ab")
    assert "to type \"System.Char\"" in str(e)


def test_datetime_cast():
    assert cast("datetime", "2024-01-02") == datetime.datetime(2024, 1, 2)
    assert cast("datetime", "2024-01-02T03:04:05") == datetime.datetime(2024, 1, 2, 3, 4, 5)
    assert cast("datetime", "01/02/2024") == datetime.datetime(2024, 1, 2)   # month first
    e = cast_error("datetime", "not a date")
    assert str(e) == ('Cannot convert value "not a date" to type "System.DateTime". Error: '
                      '"String \'not a date\' was not recognized as a valid DateTime."')


def test_timespan_cast():
    assert cast("timespan", "1:02:03") == datetime.timedelta(hours=1, minutes=2, seconds=3)
    assert cast("timespan", "2.01:00:00") == datetime.timedelta(days=2, hours=1)
    assert cast("timespan", 10_000_000) == datetime.timedelta(seconds=1)   # ticks


def test_guid_cast():
    g = cast("guid", "{12345678-1234-1234-1234-1234567890AB}")
    assert g == uuid.UUID("12345678-1234-1234-1234-1234567890ab")
    assert "Unrecognized Guid format." in str(cast_error("guid", "nope"))


def test_enum_parsing():
    dow = resolve_type("System.DayOfWeek")
    v = dow.convert("monday")
    assert to_str(v) == "Monday" and int(v) == 1
    assert to_str(dow.convert(3)) == "Wednesday"
    assert to_str(dow.convert("Friday")) == "Friday"
    e = cast_error("System.DayOfWeek", "Funday")
    assert str(e) == (
        'Cannot convert value "Funday" to type "System.DayOfWeek". Error: "Unable to match the '
        "identifier name Funday to a valid enumerator name. Specify one of the following "
        'enumerator names and try again:\nSunday, Monday, Tuesday, Wednesday, Thursday, '
        'Friday, Saturday"')


def test_flags_enum_parsing_from_comma_list():
    t = resolve_type("System.Text.RegularExpressions.RegexOptions")
    v = t.convert("IgnoreCase, Multiline")
    assert int(v) == 3
    assert to_str(v) == "IgnoreCase, Multiline"
    assert to_str(t.convert(17)) == "IgnoreCase, Singleline"


def test_hashtable_and_pscustomobject_casts():
    h = Hashtable([("a", 1)])
    o = cast("pscustomobject", h)
    assert isinstance(o, PSCustomObject) and to_str(o) == "@{a=1}"
    back = cast("hashtable", o)
    assert list(back.items()) == [("a", 1)]
    with pytest.raises(errors.PSInvalidCastException):
        cast("hashtable", 5)


def test_unknown_type():
    with pytest.raises(errors.RuntimeException) as ei:
        resolve_type("No.Such.Type")
    assert ei.value.error_id == "TypeNotFound"
    assert str(ei.value) == "Unable to find type [No.Such.Type]."


def test_type_accelerators_resolve_to_full_names():
    for acc, full in [("int", "System.Int32"), ("long", "System.Int64"), ("float", "System.Single"),
                      ("string", "System.String"), ("bool", "System.Boolean"),
                      ("datetime", "System.DateTime"), ("hashtable", "System.Collections.Hashtable"),
                      ("pscustomobject", "System.Management.Automation.PSCustomObject"),
                      ("regex", "System.Text.RegularExpressions.Regex"),
                      ("bigint", "System.Numerics.BigInteger"), ("byte", "System.Byte"),
                      ("ulong", "System.UInt64"), ("short", "System.Int16")]:
        assert resolve_type(acc).fullname == full, acc


def test_to_int32_helper():
    assert to_int32("12") == 12
    assert to_int32(12.5) == 12
    assert to_int32(13.5) == 14
