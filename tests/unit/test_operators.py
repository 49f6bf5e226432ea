"""Operators (runtime/operators.py) against about_Arithmetic_Operators, about_Comparison_Operators,
about_Split, about_Join, about_Type_Operators and about_Operators results."""
from __future__ import annotations

import decimal
import math
from decimal import Decimal

import pytest

from pwshlike import errors
from pwshlike.runtime import numeric as N
from pwshlike.runtime import operators as op
from pwshlike.runtime import text_operators as top
from pwshlike.runtime.typenames import Char, type_name_of
from pwshlike.runtime.types import resolve_type
from pwshlike.runtime.values import Hashtable


def typed(v, name):
    assert type_name_of(v) == name, (v, type_name_of(v))
    return v


# --- arithmetic and widening ---------------------------------------------------------------------
def test_int32_arithmetic_stays_int32():
    assert typed(op.add(2, 3), "System.Int32") == 5
    assert typed(op.sub(2, 3), "System.Int32") == -1
    assert typed(op.mul(6, 7), "System.Int32") == 42


def test_int32_overflow_widens_to_double():
    # about_Arithmetic_Operators: (512MB * 512MB).GetType() is System.Double
    assert typed(op.mul(512 * 1024 * 1024, 512 * 1024 * 1024), "System.Double") == 2.0 ** 58
    assert typed(op.add(2147483647, 1), "System.Double") == 2147483648.0
    assert typed(op.sub(-2147483648, 1), "System.Double") == -2147483649.0


def test_int64_arithmetic_and_overflow():
    assert typed(op.add(N.Int64(2147483648), 1), "System.Int64") == 2147483649
    # (9223372036854775807 + 2).GetType() is System.Double
    r = op.add(N.Int64(9223372036854775807), 2)
    assert typed(r, "System.Double") == 9.223372036854775808e18
    r = op.mul(N.Int64(2 ** 62), 4)
    assert typed(r, "System.Double") == float(2 ** 64)


def test_uint64_arithmetic():
    # 9223372036854775807ul + 2 is 9223372036854775809; [ulong]::MaxValue + 1 is a Double
    assert typed(op.add(N.UInt64(9223372036854775807), 2), "System.UInt64") == \
        9223372036854775809
    assert typed(op.add(N.UInt64(2 ** 64 - 1), 1), "System.Double") == 2.0 ** 64


def test_int32_plus_uint32_widens_to_int64():
    r = op.add(-2147483648, N.UInt32(4294967295))
    assert typed(r, "System.Int64") == 2147483647


def test_bigint_arithmetic_truncates_operands():
    assert op.div(N.BigInteger(1), 1.9) == 1


def test_mixed_numeric_types():
    assert typed(op.add(1, 1.5), "System.Double") == 2.5
    assert typed(op.add(1, Decimal("1.5")), "System.Decimal") == Decimal("2.5")
    assert typed(op.add(N.Int64(1), 1), "System.Int64") == 2
    assert typed(op.add(N.Byte(200), N.Byte(100)), "System.Int32") == 300
    assert typed(op.add(1.5, Decimal(1)), "System.Double") == 2.5


def test_decimal_arithmetic_is_exact():
    assert op.add(Decimal("0.1"), Decimal("0.2")) == Decimal("0.3")
    assert op.div(Decimal(1), Decimal(3)) == Decimal("0.33333333333333333333333333333")


def test_division():
    assert typed(op.div(7, 2), "System.Double") == 3.5
    assert typed(op.div(6, 2), "System.Int32") == 3
    assert typed(op.div(-6, 4), "System.Double") == -1.5
    assert typed(op.div(N.Int64(10), 2), "System.Int64") == 5
    assert op.div(1, 3) == 1 / 3
    assert typed(op.div(7.0, 2), "System.Double") == 3.5


def test_division_by_zero():
    # a RuntimeException wrapping DivideByZeroException, as pwsh raises it
    with pytest.raises(errors.RuntimeException) as ei:
        op.div(1, 0)
    assert str(ei.value) == "Attempted to divide by zero."
    assert ei.value.error_id == "RuntimeException"
    assert isinstance(ei.value.InnerException, errors.DivideByZeroException)
    with pytest.raises(errors.RuntimeException):
        op.mod(5, 0)
    with pytest.raises(errors.RuntimeException):
        op.div(Decimal(1), 0)
    # doubles divide to infinity only when the divisor is a double zero operand chain
    assert math.isnan(op.div(0.0, 0))


def test_modulus_sign_follows_dividend():
    assert op.mod(7, 3) == 1
    assert op.mod(-7, 3) == -1
    assert op.mod(7, -3) == 1
    assert op.mod(7.5, 2) == 1.5
    assert op.mod(Decimal("7.5"), 2) == Decimal("1.5")


def test_string_operands_are_parsed_as_numbers():
    assert op.add(1, "2") == 3
    assert op.add(1, "0x10") == 17
    assert op.mul(2, "1.5") == 3.0
    assert op.sub("10", 4) == 6
    assert op.div("10", "4") == 2.5


def test_string_that_is_not_a_number():
    with pytest.raises(errors.PSInvalidCastException) as ei:
        op.add(1, "abc")
    assert str(ei.value) == ('Cannot convert value "abc" to type "System.Int32". Error: "The '
                             "input string 'abc' was not in a correct format.\"")


def test_string_concatenation_and_repetition():
    assert op.add("1", 2) == "12"
    assert op.add("a", 1.5) == "a1.5"
    assert op.add("a", None) == "a"
    assert op.add("x", [1, 2]) == "x1 2"
    assert op.mul("ab", 3) == "ababab"
    assert op.mul("ab", 0) == ""


def test_array_addition_and_multiplication():
    assert op.add([1, 2], [3, 4]) == [1, 2, 3, 4]
    assert op.add([1, 2], 3) == [1, 2, 3]
    assert op.add([1, 2], "a") == [1, 2, "a"]
    assert op.mul([1, 2], 2) == [1, 2, 1, 2]
    a = [1]
    assert op.add(a, [2]) is not a and a == [1]


def test_array_on_the_left_of_subtraction_fails():
    with pytest.raises(errors.RuntimeException) as ei:
        op.sub([1, 2], 1)
    assert ei.value.error_id == "MethodNotFound"
    assert str(ei.value) == ("Method invocation failed because [System.Object[]] does not "
                             "contain a method named 'op_Subtraction'.")


def test_hashtable_addition():
    h = op.add(Hashtable([("a", 1)]), Hashtable([("b", 2)]))
    assert list(h.items()) == [("a", 1), ("b", 2)]
    with pytest.raises(errors.ArgumentException) as ei:
        op.add(Hashtable([("a", 1)]), Hashtable([("a", 2)]))   # duplicate key
    assert str(ei.value) == ("Item has already been added. Key in dictionary: 'a'  "
                             "Key being added: 'a'")


def test_null_operands():
    assert op.add(None, 1) == 1
    assert op.add(None, "a") == "a"
    assert op.mul(None, 5) == 0
    assert op.sub(None, 1) == -1


def test_bool_operands_are_numbers():
    assert op.add(True, True) == 2
    assert op.mul(3, True) == 3


# --- bitwise -----------------------------------------------------------------------------------------
def test_bitwise_operators():
    assert op.band(5, 3) == 1
    assert op.bor(5, 3) == 7
    assert op.bxor(5, 3) == 6
    assert op.bnot(0) == -1
    assert op.bnot(5) == -6
    assert op.shl(1, 2) == 4
    assert op.shr(-8, 1) == -4
    assert typed(op.shl(1, 31), "System.Int32") == -2147483648
    assert typed(op.band(N.Int64(0xFFFFFFFFF), 0xF), "System.Int64") == 15
    assert op.bor("1", 2) == 3


# --- comparison ----------------------------------------------------------------------------------------
def test_equality_is_case_insensitive_by_default():
    assert op.eq("abc", "ABC") is True
    assert op.eq("abc", "ABC", ci=False) is False
    assert op.ne("abc", "ABC") is False
    assert op.ne("abc", "ABC", ci=False) is True


def test_right_operand_converts_to_left_type():
    assert op.eq(10, "10") is True
    assert op.eq("10", 10) is True
    assert op.eq(1, "1.0") is True
    assert op.eq("1.0", 1) is False           # string comparison: "1.0" vs "1"
    assert op.eq(1, "0x1") is True
    assert op.eq(True, "false") is True       # non-empty string is $true
    assert op.eq("True", True) is True
    assert op.eq(1, "abc") is False


def test_null_comparisons():
    assert op.eq(None, None) is True
    assert op.eq(None, 0) is False
    assert op.eq(0, None) is False
    assert op.eq("", None) is False


def test_ordering():
    assert op.lt(1, 2) is True
    assert op.gt("b", "A") is True
    assert op.lt("abc", "abd") is True
    assert op.ge(2, "2") is True
    assert op.lt(2, "10") is True             # right side converted to a number
    assert op.lt("2", 10) is False            # left is a string: "2" vs "10"
    assert op.le(1.5, 1.5) is True


def test_case_sensitive_ordering_is_culture_aware():
    assert op.lt("a", "B", ci=False) is True
    assert op.lt("a", "A", ci=False) is True


def test_ordering_failure():
    with pytest.raises(errors.RuntimeException) as ei:
        op.lt(1, "abc")
    assert ei.value.error_id == "ComparisonFailure"


def test_comparison_with_collection_on_left_filters():
    assert op.eq([1, 2, 3, 2], 2) == [2, 2]
    assert op.ne([1, 2, 3], 2) == [1, 3]
    assert op.gt([1, 2, 3], 1) == [2, 3]
    assert op.le(["a", "B", "c"], "b") == ["a", "B"]
    assert op.eq([1, None, 2], None) == [None]
    assert op.eq([], 1) == []
    assert op.eq(["A", "a"], "a", ci=False) == ["a"]


def test_like():
    assert top.like("abc", "a*") is True
    assert top.like("abc", "A?C") is True
    assert top.like("abc", "A*", ci=False) is False
    assert top.like("abc", "a[a-c]c") is True
    assert top.like("abc", "*b") is False
    assert top.notlike("abc", "*b") is True
    assert top.like("a*c", "a`*c") is True       # backtick escapes a wildcard
    assert top.like(["apple", "banana", "avocado"], "a*") == ["apple", "avocado"]


def test_match_sets_matches():
    v: dict = {}
    assert top.match("hello 123 world", r"(\d+)", True, v) is True
    m = v["matches"]
    assert (m[0], m[1]) == ("123", "123")
    v = {}
    assert top.match("John Smith", r"(?<first>\w+) (?<last>\w+)", True, v) is True
    assert (v["matches"]["first"], v["matches"]["last"]) == ("John", "Smith")
    assert v["matches"][0] == "John Smith"


def test_match_case_and_failure():
    v: dict = {}
    assert top.match("ABC", "b", True, v) is True
    assert top.match("ABC", "b", False, {}) is False
    v = {"matches": "old"}
    assert top.match("abc", "z", True, v) is False
    assert v["matches"] == "old"              # $Matches is untouched on failure
    assert top.notmatch("abc", "z", True, {}) is True


def test_match_on_collection_filters_and_leaves_matches():
    v: dict = {}
    assert top.match(["a1", "b", "c2"], r"\d", True, v) == ["a1", "c2"]
    assert "matches" not in v


def test_replace():
    assert top.replace("hello", ["l", "L"]) == "heLLo"
    assert top.replace("HELLO", ["l", "x"]) == "HExxO"
    assert top.replace("HELLO", ["l", "x"], ci=False) == "HELLO"
    assert top.replace("John Smith", [r"(\w+) (\w+)", "$2, $1"]) == "Smith, John"
    assert top.replace("John Smith", [r"(?<f>\w+) (?<l>\w+)", "${l}"]) == "Smith"
    assert top.replace("abc", "b") == "ac"                 # no replacement: delete
    assert top.replace("a.b", [r"\.", "$$"]) == "a$b"     # $$ is a literal dollar
    assert top.replace(["ab", "cb"], ["b", "x"]) == ["ax", "cx"]


def test_replace_with_too_many_arguments():
    with pytest.raises(errors.RuntimeException) as ei:
        top.replace("a", ["a", "b", "c"])
    assert ei.value.error_id == "BadReplaceArgument"


@pytest.mark.parametrize(("value", "args", "expected"), [
    ("a,b,c", ",", ["a", "b", "c"]),
    ("a,b,c,d,e,f,g,h", [",", 3], ["a", "b", "c,d,e,f,g,h"]),
    ("a,b,c,d,e,f,g,h", [",", -3], ["a,b,c,d,e,f", "g", "h"]),
    (["a,b,c,d", "e,f,g,h"], [",", 3], ["a", "b", "c,d", "e", "f", "g,h"]),
    ("Mercury,Venus,Earth", "er", ["M", "cury,Venus,Earth"]),
    ("Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune", ["[er]", 6],
     ["M", "", "cu", "y,V", "nus,", "arth,Mars,Jupiter,Saturn,Uranus,Neptune"]),
    ("This.is.a.test", r"\.", ["This", "is", "a", "test"]),
    ("This.is.a.test", [".", 0, "simplematch"], ["This", "is", "a", "test"]),
    ("1The first line.\n2The second line.", [r"^\d", 0, "multiline"],
     ["", "The first line.\n", "The second line."]),
    ("a,b", "(,)", ["a", ",", "b"]),                   # captures are kept
    ("a1b22c", r"\d+", ["a", "b", "c"]),
])
def test_split(value, args, expected):
    assert top.split(value, args) == expected


def test_split_case_sensitivity():
    s = "Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune"
    assert top.split(s, "N", ci=False) == ["Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,",
                                          "eptune"]
    # case-insensitive: Venus, Saturn, Uranus and both n's of Neptune
    assert top.split(s, "N") == ["Mercury,Ve", "us,Earth,Mars,Jupiter,Satur", ",Ura", "us,",
                                "eptu", "e"]


def test_unary_split_and_join():
    assert top.unary_split("  Windows PowerShell\n 2.0 ") == ["Windows", "PowerShell", "2.0"]
    assert top.unary_split(["1 2", "a b"]) == ["1", "2", "a", "b"]
    assert top.join([1, 2, 3], ",") == "1,2,3"
    assert top.join([1, None, 3], "-") == "1--3"
    assert top.join("abc", ",") == "abc"
    assert top.unary_join(["a", "b", "c"]) == "abc"
    assert top.join([1.5, True], " ") == "1.5 True"


def test_contains_and_in():
    assert op.contains([1, 2, 3], 2) is True
    assert op.contains([1, 2, 3], "2") is True
    assert op.contains("abc", "a") is False           # not a substring test
    assert op.contains(["A", "b"], "a") is True
    assert op.contains(["A", "b"], "a", ci=False) is False
    assert op.notcontains([1, 2], 3) is True
    assert op.in_(2, [1, 2, 3]) is True
    assert op.in_("A", "a") is True
    assert op.in_("A", "a", ci=False) is False
    assert op.notin(4, [1, 2, 3]) is True
    assert op.contains([1, 2], [1, 2]) is False       # reference comparison for arrays


def test_xor_and_not():
    assert op.xor(True, False) is True
    assert op.xor(1, "x") is False
    assert op.not_op("") is True
    assert op.not_op([0]) is True
    assert op.not_op([0, 0]) is False


# --- ranges ----------------------------------------------------------------------------------------
def test_ranges():
    assert list(op.range_op(1, 3)) == [1, 2, 3]
    assert list(op.range_op(3, 1)) == [3, 2, 1]
    assert list(op.range_op(-1, 1)) == [-1, 0, 1]
    assert list(op.range_op(5, 5)) == [5]
    assert list(op.range_op("1", "3")) == [1, 2, 3]
    assert list(op.range_op(1.6, 3)) == [2, 3]          # bounds convert with rounding
    r = op.range_op("a", "e")
    assert r == ["a", "b", "c", "d", "e"] and all(type(c) is Char for c in r)
    assert op.range_op("c", "a") == ["c", "b", "a"]


def test_range_errors():
    with pytest.raises(errors.DotNetException):
        op.range_op("abc", 3)


# --- -f ------------------------------------------------------------------------------------------------
def test_format_operator():
    assert top.format_op("{0} and {1}", ["a", 2]) == "a and 2"
    assert top.format_op("{0:N2}", 1234.5) == "1,234.50"
    assert top.format_op("{0,5}|{1,-3}|", [1, 2]) == "    1|2  |"
    assert top.format_op("{0:X4}", 255) == "00FF"
    assert top.format_op("{{0}}", []) == "{0}"


def test_format_operator_errors():
    with pytest.raises(errors.FormatException) as ei:
        top.format_op("{1}", ["a"])
    assert ei.value.error_id == "FormatError"


# --- type operators ----------------------------------------------------------------------------------
def test_is_and_isnot():
    t = resolve_type
    assert op.is_op(1, t("int")) is True
    assert op.is_op(1, t("long")) is False
    assert op.is_op(N.Int64(1), t("long")) is True
    assert op.is_op("a", t("string")) is True
    assert op.is_op("a", t("object")) is True
    assert op.is_op(None, t("object")) is False
    assert op.is_op([1], t("array")) is True
    assert op.is_op(1.0, "double") is True
    assert op.isnot_op(1, t("string")) is True
    assert op.is_op(errors.DivideByZeroException(), t("ArithmeticException")) is True


def test_as():
    t = resolve_type
    assert op.as_op("5", t("int")) == 5
    assert op.as_op("x", t("int")) is None
    assert op.as_op(1, t("string")) == "1"
    assert op.as_op(2.5, t("int")) == 2
    assert op.as_op("1,2", t("int")) is None
    assert op.as_op("a", t("char")) == "a"
    assert op.as_op(3, t("decimal")) == Decimal(3)


# --- decimal range ----------------------------------------------------------------------------------
def test_decimal_max_plus_zero_stays_decimal():
    big = Decimal(79228162514264337593543950335)
    assert isinstance(op.add(big, 0), decimal.Decimal) and op.add(big, 0) == big


def test_decimal_overflow_is_an_error():
    big = Decimal(79228162514264337593543950335)
    with pytest.raises(errors.RuntimeException) as ei:
        op.add(big, 1)
    assert str(ei.value) == "Value was either too large or too small for a Decimal."
