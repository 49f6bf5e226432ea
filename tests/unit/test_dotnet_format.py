"""Tests for pwshlike.runtime.dotnet_format: .NET 8 invariant-culture formatting.

Expected strings come from the .NET documentation (Standard/Custom numeric format strings,
Standard/Custom date and time format strings, TimeSpan format strings, Composite formatting)
restated for the invariant culture, and from .NET 8's Number.Formatting / DateTimeFormat /
TimeSpanFormat / StringBuilder.AppendFormat behaviour.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pwshlike.runtime.dotnet_format import (
    DotNetFormatError,
    datetime_to_string,
    decimal_to_string,
    double_to_string,
    format_composite,
    format_single,
    format_value,
    single_to_string,
    timespan_to_string,
)

INVALID = "Input string was not in a correct format."
BAD_SPEC = "Format specifier was invalid."
CLOSE = "Unexpected closing brace without a corresponding opening brace."
INDEX = ("Index (zero based) must be greater than or equal to zero and less than the size of "
         "the argument list.")


def fmt(f: str, *args: object) -> str:
    return format_composite(f, args, str)


# --------------------------------------------------------------------------------------------
# PowerShell's default number display
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    (1 / 3, "0.333333333333333"),
    (0.1 + 0.2, "0.3"),
    (1e15, "1E+15"),
    (1.4e23 * 1024**4, "1.5393162788864E+35"),
    (2.0, "2"),
    (-0.0, "-0"),
    (float("inf"), "Infinity"),
    (float("-inf"), "-Infinity"),
    (float("nan"), "NaN"),
    (1e-5, "1E-05"),
    (0.0001, "0.0001"),
    (123456789012345678.0, "1.23456789012346E+17"),
    (9223372036854775808.0, "9.22337203685478E+18"),
    (-1.5, "-1.5"),
    (100000000000000.0, "100000000000000"),
])
def test_double_to_string(value: float, expected: str) -> None:
    assert double_to_string(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (3.14159274, "3.141593"),
    (1 / 3, "0.3333333"),
    (0.1, "0.1"),
    (16777216.0, "1.677722E+07"),
    (1e-10, "1E-10"),
])
def test_single_to_string(value: float, expected: str) -> None:
    assert single_to_string(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (Decimal("1363148.80"), "1363148.80"),
    (Decimal("0.00"), "0.00"),
    (Decimal("-0"), "0"),
    (Decimal("-12.5"), "-12.5"),
    (Decimal("1E+3"), "1000"),
    (Decimal("0.0000000001"), "0.0000000001"),
])
def test_decimal_to_string(value: Decimal, expected: str) -> None:
    assert decimal_to_string(value) == expected


# --------------------------------------------------------------------------------------------
# Standard numeric format strings
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "spec", "expected"), [
    # Currency: invariant symbol is U+00A4, negative pattern "($n)"
    (12345.6789, "C", "¤12,345.68"),
    (12345.6789, "C3", "¤12,345.679"),
    (-123.456, "C3", "(¤123.456)"),
    (123.456, "c", "¤123.46"),
    # Decimal (integers only)
    (12345, "D", "12345"),
    (12345, "D8", "00012345"),
    (-12345, "D8", "-00012345"),
    (-1234, "D6", "-001234"),
    # Exponential
    (12345.6789, "E", "1.234568E+004"),
    (12345.6789, "E10", "1.2345678900E+004"),
    (12345.6789, "e4", "1.2346e+004"),
    (-1052.0329112756, "e2", "-1.05e+003"),
    (12345, "E", "1.234500E+004"),
    (0.0, "E2", "0.00E+000"),
    (1.5, "E0", "2E+000"),
    # Fixed point
    (17843, "F", "17843.00"),
    (-29541, "F3", "-29541.000"),
    (18934.1879, "F", "18934.19"),
    (18934.1879, "F0", "18934"),
    (-1898300.1987, "F1", "-1898300.2"),
    (1234, "F1", "1234.0"),
    (-1234.56, "F4", "-1234.5600"),
    (-0.0, "F2", "-0.00"),
    (0.0046, "F2", "0.00"),
    # General
    (12345.6789, "G", "12345.6789"),
    (12345.6789, "G7", "12345.68"),
    (0.0000023, "G", "2.3E-06"),
    (0.0023, "G", "0.0023"),
    (1234.0, "G2", "1.2E+03"),
    (3.141592653589793, "G5", "3.1416"),
    (-123.456, "G", "-123.456"),
    (123.4546, "G4", "123.5"),
    (-1.234567890e-25, "G", "-1.23456789E-25"),
    (123456789, "G7", "1.234568E+08"),
    (123456, "g3", "1.23e+05"),
    (0.1, "G17", "0.10000000000000001"),
    (1e16, "G", "10000000000000000"),
    (1e17, "G", "1E+17"),
    # Number
    (-12445.6789, "N", "-12,445.68"),
    (123456789, "N1", "123,456,789.0"),
    (123456789, "N4", "123,456,789.0000"),
    (1234.567, "N", "1,234.57"),
    (-1234.56, "N3", "-1,234.560"),
    # Percent
    (0.2468013, "P", "24.68 %"),
    (0.2468013, "P1", "24.7 %"),
    (1, "P", "100.00 %"),
    (-0.39678, "P1", "-39.7 %"),
    # Round-trip (.NET Core 3.0+: shortest round-trippable string)
    (3.141592653589793, "R", "3.141592653589793"),
    (1.623e-21, "r", "1.623e-21"),
    (123456789.12345678, "R", "123456789.12345678"),
    # Hexadecimal and binary (.NET 8)
    (0x2045E, "x", "2045e"),
    (0x2045E, "X", "2045E"),
    (0x2045E, "X8", "0002045E"),
    (123456789, "X2", "75BCD15"),
    (255, "x4", "00ff"),
    (-1, "x", "ffffffff"),
    (-1, "X4", "FFFFFFFF"),
    (-(2**40), "X", "FFFFFF0000000000"),
    (42, "B", "101010"),
    (255, "b16", "0000000011111111"),
])
def test_standard_numeric(value: object, spec: str, expected: str) -> None:
    assert format_value(value, spec) == expected


@pytest.mark.parametrize(("value", "spec", "expected"), [
    # Double: digits are exact, ties go to even (docs: .NET Core 2.1+ uses ToEven)
    (2.5, "F0", "2"),
    (1.5, "F0", "2"),
    (0.5, "F0", "0"),
    (0.125, "N2", "0.12"),
    (0.375, "F2", "0.38"),
    (1234.5, "G4", "1234"),
    (1.005, "F2", "1.00"),  # 1.005 is 1.00499999999999989... in binary
    # Decimal and integers: away from zero
    (Decimal("2.5"), "F0", "3"),
    (Decimal("0.125"), "N2", "0.13"),
    (Decimal("1234.5"), "G4", "1235"),
    (Decimal("-0.5"), "F0", "-1"),
    (Decimal("-0.4"), "F0", "0"),
    (125, "G2", "1.3E+02"),
    # Custom formats on doubles round half away from zero (after taking 15 digits)
    (2.5, "0", "3"),
    (0.125, "0.00", "0.13"),
    (1.005, "0.00", "1.01"),
    (34.5, "00", "35"),
])
def test_rounding(value: object, spec: str, expected: str) -> None:
    assert format_value(value, spec) == expected


@pytest.mark.parametrize(("value", "spec", "expected"), [
    (Decimal("1234.5678"), "F2", "1234.57"),
    (Decimal("123.4500"), "F2", "123.45"),
    (Decimal("1.50"), "G", "1.50"),
    (Decimal("1.50"), "G0", "1.5"),
    (Decimal("-1.5"), "E2", "-1.50E+000"),
    (Decimal("1234.5"), "C", "¤1,234.50"),
    (Decimal("0.5"), "P0", "50 %"),
])
def test_decimal_standard(value: Decimal, spec: str, expected: str) -> None:
    assert format_value(value, spec) == expected


def test_single_formats() -> None:
    assert format_single(0.1, "R") == "0.1"
    assert format_single(1 / 3, "") == "0.33333334"
    assert format_single(2.5, "0") == "3"
    assert format_single(1 / 3, "F3") == "0.333"


@pytest.mark.parametrize(("value", "spec"), [
    (1.5, "D"), (1.5, "X"), (Decimal(1), "D"), (Decimal(1), "X"), (Decimal(1), "R"),
    (5, "R"), (5, "Z"), (1.5, "Q2"),
])
def test_bad_numeric_specifier(value: object, spec: str) -> None:
    with pytest.raises(DotNetFormatError) as info:
        format_value(value, spec)
    assert info.value.message == BAD_SPEC


# --------------------------------------------------------------------------------------------
# Custom numeric format strings
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "spec", "expected"), [
    # "0" zero placeholder
    (1234.5678, "00000", "01235"),
    (0.45678, "0.00", "0.46"),
    (123.0, "00000", "00123"),
    (1.2, "0.00", "1.20"),
    (1.2, "00.00", "01.20"),
    (0.56, "0.0", "0.6"),
    (1234567890.0, "0,0", "1,234,567,890"),
    (1234567890.123456, "0,0.0", "1,234,567,890.1"),
    (1234.567890, "0,0.00", "1,234.57"),
    (123.456, "0000.0000", "0123.4560"),
    # "#" digit placeholder
    (1234.5678, "#####", "1235"),
    (0.45678, "#.##", ".46"),
    (1.2, "#.##", "1.2"),
    (123.0, "#####", "123"),
    (123456, "[##-##-##]", "[12-34-56]"),
    (1234567890, "#", "1234567890"),
    (1234567890, "(###) ###-####", "(123) 456-7890"),
    (0, "#", ""),
    (0.0, "#.##", ""),
    (0, "0.##", "0"),
    # group separator and scaling
    (2147483647, "##,#", "2,147,483,647"),
    (2147483647, "#,#,,", "2,147"),
    (1234567890.0, "#,#", "1,234,567,890"),
    (1234567890.0, "#,##0,,", "1,235"),
    (1234567890.0, "#,,", "1235"),
    (1234567890.0, "#,,,", "1"),
    (100000000, "0,,", "100"),
    (1000000000, "#,0,,", "1,000"),
    (-1234, "#,##0", "-1,234"),
    (1e20, "#,##0", "100,000,000,000,000,000,000"),
    # percent and per mille
    (0.3697, "%#0.00", "%36.97"),
    (0.3697, "##.0 %", "37.0 %"),
    (0.086, "#0.##%", "8.6%"),
    (0.03697, "#0.00\u2030", "36.97\u2030"),
    (0.00354, "#0.## \u2030", "3.54 \u2030"),
    # exponent
    (987654, "#0.0e0", "98.8e4"),
    (1503.92311, "0.0##e+00", "1.504e+03"),
    (1.8901385e-16, "0.0e+00", "1.9e-16"),
    (86000.0, "0.###E+0", "8.6E+4"),
    (86000.0, "0.###E+000", "8.6E+004"),
    (86000.0, "0.###E-000", "8.6E004"),
    (0.000123, "0.00e0", "1.23e-4"),
    # escapes and literals
    (987654, "\\###00\\#", "#987654#"),
    (68, "# 'degrees'", "68 degrees"),
    (68, "#' degrees'", "68 degrees"),
    (68, '# "°"', "68 °"),
    (68, "# °", "68 °"),
    # sections
    (12.345, "#0.0#;(#0.0#);-\\0-", "12.35"),
    (0, "#0.0#;(#0.0#);-\\0-", "-0-"),
    (-12.345, "#0.0#;(#0.0#);-\\0-", "(12.35)"),
    (12.345, "#0.0#;(#0.0#)", "12.35"),
    (0, "#0.0#;(#0.0#)", "0.0"),
    (-12.345, "#0.0#;(#0.0#)", "(12.35)"),
    (1234.0, "##;(##)", "1234"),
    (-1234.0, "##;(##)", "(1234)"),
    (0.0, "##;(##);**Zero**", "**Zero**"),
    (0.001, "0.0;(0.0);zero", "zero"),
    (-5, "0;;zero", "-5"),
    # negative zero (.NET Core 3.0+ keeps the sign of a double, never of a decimal)
    (-0.1, "0", "-0"),
    (-0.0, "0.00", "-0.00"),
    (Decimal("-0.1"), "0", "0"),
    # decimals and integers keep all their digits
    (Decimal("123456789012345678901234.5"), "#,##0.0", "123,456,789,012,345,678,901,234.5"),
    (2**70, "#,##0", "1,180,591,620,717,411,303,424"),
])
def test_custom_numeric(value: object, spec: str, expected: str) -> None:
    assert format_value(value, spec) == expected


# --------------------------------------------------------------------------------------------
# Date and time
# --------------------------------------------------------------------------------------------

SAMPLE = dt.datetime(2009, 6, 15, 13, 45, 30, 617542)


@pytest.mark.parametrize(("spec", "expected"), [
    ("d", "06/15/2009"),
    ("D", "Monday, 15 June 2009"),
    ("f", "Monday, 15 June 2009 13:45"),
    ("F", "Monday, 15 June 2009 13:45:30"),
    ("g", "06/15/2009 13:45"),
    ("G", "06/15/2009 13:45:30"),
    ("M", "June 15"),
    ("m", "June 15"),
    ("O", "2009-06-15T13:45:30.6175420"),
    ("o", "2009-06-15T13:45:30.6175420"),
    ("R", "Mon, 15 Jun 2009 13:45:30 GMT"),
    ("r", "Mon, 15 Jun 2009 13:45:30 GMT"),
    ("s", "2009-06-15T13:45:30"),
    ("t", "13:45"),
    ("T", "13:45:30"),
    ("u", "2009-06-15 13:45:30Z"),
    ("Y", "2009 June"),
    ("y", "2009 June"),
    ("", "06/15/2009 13:45:30"),
])
def test_standard_datetime(spec: str, expected: str) -> None:
    assert format_value(SAMPLE, spec) == expected


@pytest.mark.parametrize(("spec", "expected"), [
    ("yyyy-MM-dd HH:mm:ss.fff", "2009-06-15 13:45:30.617"),
    ("hh:mm tt", "01:45 PM"),
    ("h:m:s t", "1:45:30 P"),
    ("dddd dd MMMM yyyy", "Monday 15 June 2009"),
    ("ddd d MMM yy", "Mon 15 Jun 09"),
    ("%d", "15"),
    ("%M", "6"),
    ("%y", "9"),
    ("%h", "1"),
    ("%H", "13"),
    ("fffffff", "6175420"),
    ("FFFFFFF", "617542"),
    ("%f", "6"),
    ("ss.FFFF", "30.6175"),
    ("yyyyy", "02009"),
    ("yyy", "2009"),
    ("gg yyyy", "A.D. 2009"),
    ("'Date:' yyyy", "Date: 2009"),
    ('"Year" yyyy', "Year 2009"),
    ("\\d\\a\\y: d", "day: 15"),
    ("MM/dd/yyyy", "06/15/2009"),
    ("HHmm", "1345"),
])
def test_custom_datetime(spec: str, expected: str) -> None:
    assert format_value(SAMPLE, spec) == expected


def test_datetime_fraction_trimming() -> None:
    whole = dt.datetime(2009, 6, 15, 13, 45, 30)
    assert format_value(whole, "HH:mm:ss.FF") == "13:45:30"
    assert format_value(whole, "HH:mm:ss.ff") == "13:45:30.00"
    assert format_value(dt.datetime(2009, 6, 15, 0, 5), "hh:mm tt") == "12:05 AM"
    assert format_value(dt.datetime(33, 1, 2), "yyyy-MM-dd") == "0033-01-02"


def test_datetime_kinds() -> None:
    utc = dt.datetime(2009, 6, 15, 13, 45, 30, tzinfo=dt.UTC)
    local = dt.datetime(2009, 6, 15, 13, 45, 30, 500000,
                        tzinfo=dt.timezone(dt.timedelta(hours=-7)))
    assert format_value(utc, "o") == "2009-06-15T13:45:30.0000000Z"
    assert format_value(local, "o") == "2009-06-15T13:45:30.5000000-07:00"
    assert format_value(local, "zzz z zz K") == "-07:00 -7 -07 -07:00"
    assert format_value(utc, "%K") == "Z"
    assert format_value(SAMPLE, "%K") == ""
    assert format_value(utc, "zzz") == "+00:00"
    assert format_value(local, "U") == "Monday, 15 June 2009 20:45:30"
    half = dt.timezone(dt.timedelta(hours=5, minutes=30))
    assert format_value(dt.datetime(2020, 1, 1, tzinfo=half), "zzz") == "+05:30"


def test_datetime_to_string() -> None:
    assert datetime_to_string(SAMPLE) == "06/15/2009 13:45:30"
    assert datetime_to_string(dt.datetime(2024, 1, 2, 3, 4, 5)) == "01/02/2024 03:04:05"


@pytest.mark.parametrize(("spec", "message"), [
    ("K", INVALID),
    ("x", INVALID),
    ("%", INVALID),
    ("%%", INVALID),
    ("yyyy\\", INVALID),
    ("ffffffff", INVALID),
    ("'abc", "Cannot find a matching quote character for the character '''."),
    ('"abc', "Cannot find a matching quote character for the character '\"'."),
])
def test_datetime_errors(spec: str, message: str) -> None:
    with pytest.raises(DotNetFormatError) as info:
        format_value(SAMPLE, spec)
    assert info.value.message == message


# --------------------------------------------------------------------------------------------
# TimeSpan
# --------------------------------------------------------------------------------------------

SPAN = dt.timedelta(days=1, hours=3, minutes=16, seconds=50, milliseconds=500)


@pytest.mark.parametrize(("value", "expected"), [
    (SPAN, "1.03:16:50.5000000"),
    (-SPAN, "-1.03:16:50.5000000"),
    (dt.timedelta(0), "00:00:00"),
    (dt.timedelta(hours=-5, minutes=-30), "-05:30:00"),
    (dt.timedelta(microseconds=-1), "-00:00:00.0000010"),
    (dt.timedelta(days=12, seconds=1), "12.00:00:01"),
])
def test_timespan_to_string(value: dt.timedelta, expected: str) -> None:
    assert timespan_to_string(value) == expected


@pytest.mark.parametrize(("value", "spec", "expected"), [
    (SPAN, "c", "1.03:16:50.5000000"),
    (SPAN, "T", "1.03:16:50.5000000"),
    (SPAN, "g", "1:3:16:50.5"),
    (-SPAN, "g", "-1:3:16:50.5"),
    (SPAN, "G", "1:03:16:50.5000000"),
    (dt.timedelta(minutes=30), "g", "0:30:00"),
    (dt.timedelta(minutes=30), "G", "0:00:30:00.0000000"),
    (SPAN, "dd\\.hh\\:mm\\:ss", "01.03:16:50"),
    (-SPAN, "dd\\.hh\\:mm\\:ss", "01.03:16:50"),
    (SPAN, "%d", "1"),
    (SPAN, "hh\\:mm\\:ss\\.fff", "03:16:50.500"),
    (SPAN, "hh\\:mm\\:ss\\.FFF", "03:16:50.5"),
    (SPAN, "d' days'", "1 days"),
    (SPAN, "%h", "3"),
])
def test_timespan_formats(value: dt.timedelta, spec: str, expected: str) -> None:
    assert format_value(value, spec) == expected


@pytest.mark.parametrize("spec", ["x", "hh:mm", "hhh", "fffffffff", "d ", "%"])
def test_timespan_errors(spec: str) -> None:
    with pytest.raises(DotNetFormatError) as info:
        format_value(SPAN, spec)
    assert info.value.message == INVALID


# --------------------------------------------------------------------------------------------
# Composite formatting
# --------------------------------------------------------------------------------------------


def test_composite_basics() -> None:
    assert fmt("{0} {1,-10} {2:N}", 1, "hello", 3.141592653589793) == "1 hello      3.14"
    assert fmt("{0:00} {1:000} {2:000000}", 7, 24, 365) == "07 024 000365"
    assert fmt("{0} vs. {{0}}", "foo") == "foo vs. {0}"
    assert fmt("[{0,5}]", "ab") == "[   ab]"
    assert fmt("[{0,-5}]", "ab") == "[ab   ]"
    assert fmt("{0,10:N2}|", 1234.5) == "  1,234.50|"
    assert fmt("{0 , -4 }|", 1) == "1   |"
    assert fmt("{1}{0}{1}", "a", "b") == "bab"
    assert fmt("no items") == "no items"
    assert fmt("}}{{") == "}{"


def test_composite_values() -> None:
    assert fmt("[{0}]", None) == "[]"
    assert fmt("[{0:N2}]", None) == "[]"
    assert fmt("{0:X}", "abc") == "abc"  # strings are not IFormattable
    assert fmt("{0:X}", True) == "True"  # neither are booleans
    assert fmt("{0:}", 3.5) == "3.5"  # empty format string -> default conversion
    assert fmt("{0:yyyy-MM-dd}", SAMPLE) == "2009-06-15"
    assert fmt("{0:hh\\:mm}", SPAN) == "03:16"
    assert fmt("{0:C}", Decimal("9.995")) == "¤10.00"
    assert format_composite("{0}", [1.5], lambda v: f"<{v}>") == "<1.5>"


@pytest.mark.parametrize(("text", "message"), [
    ("{0", f"{INVALID} Failure to parse near offset 2. Format item ends prematurely."),
    ("{", f"{INVALID} Failure to parse near offset 1. Format item ends prematurely."),
    ("{x}", f"{INVALID} Failure to parse near offset 1. Expected an ASCII digit."),
    ("{0,x}", f"{INVALID} Failure to parse near offset 3. Expected an ASCII digit."),
    ("{0 x}", f"{INVALID} Failure to parse near offset 3. Format item ends prematurely."),
    ("{0:{}", f"{INVALID} Failure to parse near offset 3. Format item ends prematurely."),
    ("a}", f"{INVALID} Failure to parse near offset 2. Format item ends prematurely."),
    ("}x", f"{INVALID} Failure to parse near offset 1. {CLOSE}"),
    ("{0:0}}0}", f"{INVALID} Failure to parse near offset 6. {CLOSE}"),
    ("{1}", INDEX),
    ("{0}{5}", INDEX),
])
def test_composite_errors(text: str, message: str) -> None:
    with pytest.raises(DotNetFormatError) as info:
        fmt(text, 5)
    assert info.value.message == message
    assert isinstance(info.value, ValueError)
    assert str(info.value) == message


def test_format_value_misc() -> None:
    assert format_value(True, "X") == "True"
    assert format_value("text", "N2") == "text"
    assert format_value(-5, "") == "-5"
    assert format_value(0, "D3") == "000"
    with pytest.raises(TypeError):
        format_value(object(), "G")
