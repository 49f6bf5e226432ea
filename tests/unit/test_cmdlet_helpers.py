"""Unit tests of the helpers behind the utility cmdlets (ordering, JSON, dates)."""
from __future__ import annotations

import datetime
import functools

import pytest

from cmdlets import _order
from cmdlets.date import uformat
from cmdlets.json import _Writer, json_string, parse_json_date
from pwshlike.runtime.values import Hashtable, PSCustomObject


def _sorted(values, cs=False):
    return sorted(values, key=functools.cmp_to_key(lambda a, b: _order.compare(a, b, cs)))


def test_null_sorts_first_and_strings_ignore_case():
    assert _sorted(["b", None, "A", "a"]) == [None, "A", "a", "b"]


def test_case_sensitive_puts_lower_case_first():
    assert _sorted(["B", "b", "A", "a"], cs=True) == ["a", "A", "b", "B"]


def test_mixed_number_and_string_convert_to_left_type():
    assert _order.compare(10, "9") == 1
    assert _order.compare("10", 9) == -1      # string on the left: compared as text


def test_equal_custom_objects_by_property_values():
    a = PSCustomObject([("x", 1), ("y", "A")])
    b = PSCustomObject([("x", 1), ("y", "a")])
    assert _order.equal(a, b)
    assert not _order.equal(a, b, case_sensitive=True)


@pytest.mark.parametrize(("text", "expected"), [
    ('a"b\\c', '"a\\"b\\\\c"'),
    ("tab\tnl\n", '"tab\\tnl\\n"'),
    ("\x01\u2028", '"\\u0001\\u2028"'),
    ("é<>&'", "\"é<>&'\""),
])
def test_json_string_escapes_as_newtonsoft(text, expected):
    assert json_string(text) == expected


def test_json_writer_depth_and_layout():
    w = _Writer(1, False, False)
    value = Hashtable([("a", Hashtable([("b", Hashtable([("c", 1)]))])), ("n", [])])
    assert w.value(value, 0, 0) == '{\n  "a": {\n    "b": "System.Collections.Hashtable"\n  },\n  "n": []\n}'
    assert w.truncated


def test_json_numbers():
    w = _Writer(2, True, False)
    assert w.value([1, 2.0, 2.5, True, None], 0, 0) == "[1,2.0,2.5,true,null]"


def test_parse_json_date_kinds():
    utc = parse_json_date("2024-01-02T03:04:05.25Z")
    assert utc.tzinfo is datetime.UTC and utc.microsecond == 250000
    assert parse_json_date("2024-01-02T03:04:05").tzinfo is None
    assert parse_json_date("2024-01-02") is None
    assert parse_json_date("2024-13-02T03:04:05") is None


def test_uformat_specifiers():
    d = datetime.datetime(2024, 3, 5, 14, 7, 8)
    assert uformat(d, "%Y-%m-%d %H:%M:%S") == "2024-03-05 14:07:08"
    assert uformat(d, "%a %A %b %B %e %j %u %w %p %I %y %%") == \
        "Tue Tuesday Mar March  5 065 2 2 PM 02 24 %"
    assert uformat(d, "%D %T %R %F") == "03/05/24 14:07:08 14:07 2024-03-05"
