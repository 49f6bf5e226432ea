"""Tests of the Out-Default / Format-* layout engine (pwshlike.host.formatting).

Expected outputs come from PowerShell's documentation and issue tracker where one is
printed there (cited per test), otherwise from the rules of pwsh's formatting code
(TableWriter, ColumnWidthManager, ListWriter, BaseOutputtingCommand...).  Lines are
compared exactly, trailing spaces included.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import pytest

_MODULE_PATH = Path(__file__).resolve().parents[2] / "pwshlike" / "host" / "formatting.py"


def _load_formatting():
    # Loaded by path: the package __init__ files are written by other engineers.
    try:
        from pwshlike.host import formatting  # type: ignore[import-not-found]

        return formatting
    except ImportError:
        spec = importlib.util.spec_from_file_location("_pwshlike_formatting", _MODULE_PATH)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return module


fmt = _load_formatting()
E = fmt.ELLIPSIS


class Obj:
    """A stand-in for a PSObject: a type name and ordered properties."""

    def __init__(self, _type: str = "System.Management.Automation.PSCustomObject", **props):
        self.type_name = _type
        self.props = list(props.items())


class Date:
    """A stand-in for System.DateTime (a scalar with a custom view)."""

    def __init__(self, text: str) -> None:
        self.text = text


class Adapter:
    """Minimal FormatAdapter: Python values play the PowerShell ones."""

    def properties(self, obj):
        if isinstance(obj, Obj):
            return list(obj.props)
        return None

    def to_string(self, value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return "True" if value else "False"
        if isinstance(value, float):
            text = repr(value)
            return text.removesuffix(".0")
        if isinstance(value, Obj):
            if not value.props:
                return ""  # an empty PSCustomObject converts to ""
            inner = "; ".join(f"{k}={self.to_string(v)}" for k, v in value.props)
            return "@{" + inner + "}"
        if isinstance(value, Date):
            return value.text
        return str(value)

    def type_key(self, obj):
        if isinstance(obj, Obj):
            return obj.type_name
        return type(obj).__name__

    def is_dictionary(self, obj):
        return isinstance(obj, dict)

    def dictionary_items(self, obj):
        return list(obj.items())

    def is_collection(self, value):
        return isinstance(value, (list, tuple))

    def iter_collection(self, value) -> Iterable[object]:
        return iter(value)


class DateAdapter(Adapter):
    def custom_view(self, obj):
        return (lambda d: d.text) if isinstance(obj, Date) else None


A = Adapter()


def out(*objects, width=120, adapter=A):
    return fmt.out_default_lines(list(objects), adapter, width=width)


# ------------------------------------------------------------------ scalars / empty


def test_empty_input_prints_nothing():
    assert fmt.out_default_lines([], A) == []
    assert fmt.format_table_lines([], A) == []
    assert fmt.format_list_lines([], A) == []
    assert fmt.format_wide_lines([], A) == []


def test_none_is_skipped():
    assert out(None, None) == []


def test_scalars_print_one_per_line_without_blank_lines():
    assert out("hello", 42, True, 1.5) == ["hello", "42", "True", "1.5"]


def test_multiline_string_scalar_prints_each_line():
    assert out("a\nb", "c") == ["a", "b", "c"]


def test_array_at_top_level_is_enumerated():
    assert out([1, 2, 3]) == ["1", "2", "3"]


def test_object_without_properties_prints_its_string():
    # [pscustomobject]@{} has no property: written as its (empty) string, out of band.
    assert out(Obj()) == [""]


# --------------------------------------------------------------------- dictionaries


def test_hashtable_name_value_table():
    # about_Hash_Tables (7.4): $hash = @{1='one'; 2='two'; 'three'=3}; $hash
    lines = out({"three": 3, 2: "two", 1: "one"})
    assert lines == [
        "",
        "Name                           Value",
        "----                           -----",
        "three                          3",
        "2                              two",
        "1                              one",
        "",
    ]


def test_ordered_dictionary_keeps_order():
    # about_Hash_Tables (7.4): [ordered]@{1='one'; 2='two'; 'three'=3}
    lines = out({1: "one", 2: "two", "three": 3})
    assert lines[1:6] == [
        "Name                           Value",
        "----                           -----",
        "1                              one",
        "2                              two",
        "three                          3",
    ]


def test_empty_hashtable_prints_nothing():
    assert out({}) == []


def test_two_hashtables_share_one_table():
    lines = out({"a": 1}, {"b": 2})
    assert lines == [
        "",
        "Name                           Value",
        "----                           -----",
        "a                              1",
        "b                              2",
        "",
    ]


def test_hashtable_name_column_is_30_wide_and_truncates():
    key = "System.ServiceProcess.ServiceController"
    lines = out({key: "Running"})
    assert lines[3] == "System.ServiceProcess.Service" + E + " Running"
    assert len(lines[3].split(" ")[0]) == 30


def test_hashtable_value_column_takes_the_rest_of_the_line():
    # 120-column console: 119 usable, Name 30 + separator + Value 88.
    value = "v" * 100
    lines = out({"k": value}, width=120)
    assert lines[3] == "k" + " " * 30 + "v" * 87 + E
    assert len(lines[3]) == 119


def test_nested_hashtable_value_shows_entries():
    # about_Hash_Tables (7.4): Hash2 = @{a=1; b=2; c=3} shows as {[a, 1], [b, 2], [c, 3]}
    lines = out({"Hash2": {"a": 1, "b": 2, "c": 3}})
    assert lines[3] == "Hash2                          {[a, 1], [b, 2], [c, 3]}"


def test_hashtable_numbers_are_left_aligned_and_not_fixed_point():
    lines = out({"pi": 3.14159})
    assert lines[3] == "pi                             3.14159"


# ------------------------------------------------------------------------- objects


def test_two_property_object_is_a_table():
    # Format-Table docs, example 6 layout: columns as wide as header or content.
    lines = out(Obj(ProcessName="notepad", TotalRunningTime="03:20:00.2751767"))
    assert lines == [
        "",
        "ProcessName TotalRunningTime",
        "----------- ----------------",
        "notepad     03:20:00.2751767",
        "",
    ]


def test_numbers_right_aligned_with_fixed_point_doubles():
    # Issue #19463 (pwsh 7.3+): ([pscustomobject]@{x=[double]2; y=1.456789}) | ft
    lines = out(Obj(x=2.0, y=1.456789))
    assert lines == ["", "   x    y", "   -    -", "2.00 1.46", ""]


def test_int_and_bool_right_aligned_strings_and_null_left():
    lines = out(
        Obj(Name="a", Count=5, Ok=True, Note=None),
        Obj(Name="bbbbbb", Count=12345, Ok=False, Note="n"),
    )
    assert lines == [
        "",
        "Name   Count    Ok Note",
        "----   -----    -- ----",
        "a          5  True ",
        "bbbbbb 12345 False n",
        "",
    ]


def test_float_fixed_point_rounds_midpoint_away_from_zero():
    lines = out(Obj(a=0.125, b=Decimal("2.5"), c=-1.005))
    # 0.125 is exact: .NET rounds the midpoint away from zero; -1.005 is below -1.005.
    assert lines[3] == "0.13 2.50 -1.00"


def test_five_property_object_is_a_list():
    lines = out(Obj(Name="pwsh", Id=42, Path="/usr/bin/pwsh", Handles=None, CPU=1.5))
    assert lines == [
        "",
        "Name    : pwsh",
        "Id      : 42",
        "Path    : /usr/bin/pwsh",
        "Handles : ",
        "CPU     : 1.5",
        "",
    ]


def test_several_lists_blank_line_between_and_after():
    first = Obj(a=1, b=2, c=3, d=4, e=5)
    second = Obj(a=6, b=7, c=8, d=9, eeee=10)
    lines = out(first, second)
    assert lines == [
        "",
        "a : 1",
        "b : 2",
        "c : 3",
        "d : 4",
        "e : 5",
        "",
        "a    : 6",
        "b    : 7",
        "c    : 8",
        "d    : 9",
        "eeee : 10",
        "",
    ]


def test_same_shape_objects_share_one_table_sized_by_all_rows():
    lines = out(Obj(Name="a", Value="x"), Obj(Name="longer name", Value="y"))
    assert lines == [
        "",
        "Name        Value",
        "----        -----",
        "a           x",
        "longer name y",
        "",
    ]


def test_first_object_decides_the_columns():
    # Issue #3233: $a=[pscustomobject]@{a=1}; $b=[pscustomobject]@{a=2;b=3}
    a, b = Obj(a=1), Obj(a=2, b=3)
    assert out(a, b) == ["", "a", "-", "1", "2", ""]
    # both columns are right aligned (numbers): the empty last cell is padded too.
    assert out(b, a) == ["", "a b", "- -", "2 3", "1  ", ""]


def test_object_then_hashtable_entries_get_empty_cells():
    # Issue #19140: $psc1 (one='o'; two='t') then @{aa=1; bb=2}: the hashtable's
    # entries become rows of the first table, with empty cells.
    lines = out(Obj(one="o", two="t"), {"aa": 1, "bb": 2})
    assert lines == ["", "one two", "--- ---", "o   t", "    ", "    ", ""]


def test_object_after_hashtable_is_an_out_of_band_list():
    lines = out({"a": 1}, Obj(b=2))
    assert lines == [
        "",
        "Name                           Value",
        "----                           -----",
        "a                              1",
        "",
        "b : 2",
        "",
        "",
    ]


def test_scalar_inside_a_table_is_written_out_of_band():
    assert out(1, Obj(a=1), 2, Obj(a=3)) == ["1", "", "a", "-", "1", "2", "3", ""]


def test_list_document_accepts_small_objects_with_their_own_properties():
    lines = out(Obj(a=1, b=2, c=3, d=4, e=5), Obj(x=1))
    assert lines[-3:] == ["", "x : 1", ""]


# ------------------------------------------------------------------------ cells


def test_array_valued_property_in_table_and_list():
    lines = out(Obj(Name="n", Items=[1, 2, 3, 4, 5, 6]))
    assert lines[3] == "n    {1, 2, 3, 4" + E + "}"
    lines = out(Obj(a=[1, 2], b=2, c=3, d=4, e=[]))
    assert lines[1] == "a : {1, 2}"
    assert lines[5] == "e : {}"


def test_collection_cell_rules():
    assert fmt.collection_cell([1, 2, 3], A) == "{1, 2, 3}"
    assert fmt.collection_cell([1, 2, 3, 4], A) == "{1, 2, 3, 4}"
    assert fmt.collection_cell([1, 2, 3, 4, 5], A) == "{1, 2, 3, 4" + E + "}"
    assert fmt.collection_cell([1, None, "x"], A) == "{1, $null, x}"
    assert fmt.collection_cell([Obj(a=1, b=2)], A) == "{@{a=1; b=2}}"
    assert fmt.collection_cell([1, 2, 3], A, limit=1) == "{1" + E + "}"
    assert fmt.collection_cell([1, 2, 3], A, limit=-1) == "{1, 2, 3}"
    assert fmt.collection_cell([], A) == "{}"


def test_long_value_truncated_when_table_wider_than_console():
    lines = out(Obj(Name="x", Description="d" * 200), width=80)
    # 79 usable columns: Name 4 + 1 + Description shrunk to 74.
    assert lines[3] == "x    " + "d" * 73 + E
    assert len(lines[3]) == 79
    assert lines[2] == "---- -----------"


def test_right_aligned_cell_truncated_from_the_left():
    lines = fmt.format_table_lines([[("Name", "x"), ("Big", 12345678901234567890)]], A, width=15)
    # 14 usable: Name 4 + 1 + Big 9 (was 20): keeps the tail after the ellipsis.
    assert lines[1:4] == ["Name       Big", "----       ---", "x    " + E + "34567890"]


def test_column_that_cannot_fit_is_hidden():
    lines = out(Obj(First="a" * 60, Second="b" * 10), width=65)
    # 64 usable: First 60 + 1 + Second shrunk to 3; its header wraps over two lines.
    assert lines[1:5] == [
        "First" + " " * 55 + " Sec",
        " " * 60 + " ond",
        "-----" + " " * 55 + " ---",
        "a" * 60 + " bb" + E,
    ]
    lines = out(Obj(First="a" * 70, Second="b"), width=65)
    # Second cannot keep one character: hidden; First shrunk to 64, still padded.
    assert lines[1] == "First"
    assert lines[2] == "-----" + " " * 59  # padded: the hidden column still counts as last
    assert lines[3] == "a" * 63 + E


def test_multiline_cell_shows_first_line_and_ellipsis():
    lines = out(Obj(Text="line1\nline2", N=1))
    # the column is sized on the whole value (11 cells), the cell shows "line1…".
    assert lines[1:4] == ["Text        N", "----        -", "line1" + E + "      1"]


def test_wide_characters_take_two_cells():
    lines = out(Obj(Name="日本", Id=1), Obj(Name="abc", Id=22))
    assert lines[1:5] == ["Name Id", "---- --", "日本  1", "abc  22"]


def test_header_wraps_when_its_column_is_trimmed():
    lines = fmt.format_table_lines([[("A", "x"), ("LongHeader", "yy")]], A, width=8)
    # 7 usable: A 1 + 1 + LongHeader shrunk to 5.
    assert lines[1:] == ["A LongH", "  eader", "- -----", "x yy", ""]


def test_console_too_narrow_disables_the_table():
    assert out(Obj(a=1), width=5) == ["", ""]


# --------------------------------------------------------------------- Format-Table


def test_format_table_missing_property_still_makes_a_column():
    lines = fmt.format_table_lines(
        [[("Name", "a"), ("Id", 1)], [("Name", "b"), ("Id", 2)]], A, properties=["Id", "Nope"]
    )
    assert lines == ["", "Id Nope", "-- ----", " 1 ", " 2 ", ""]


def test_format_table_wildcard_and_case_insensitive_names():
    rows = [[("Name", "a"), ("Id", 1), ("NameX", "b")]]
    lines = fmt.format_table_lines(rows, A, properties=["name*"])
    assert lines[1] == "Name NameX"
    lines = fmt.format_table_lines(rows, A, properties=["ID"])
    assert lines[1] == "Id"


def test_format_table_script_block_label_docs_example():
    # Format-Table docs, example 8: Get-Date | Format-Table DayOfWeek,{ $_ / $null } -DisplayError
    lines = fmt.format_table_lines([[("DayOfWeek", "Wednesday"), (" $_ / $null ", "#ERR")]], A)
    assert lines == [
        "",
        "DayOfWeek  $_ / $null ",
        "--------- ------------",
        "Wednesday #ERR",
        "",
    ]


def test_format_table_limits_default_columns_to_ten():
    row = [(f"p{i}", i) for i in range(12)]
    lines = fmt.format_table_lines([row], A)
    assert lines[1].split() == [f"p{i}" for i in range(10)]


def test_format_table_explicit_widths_and_alignment():
    rows = [[("Name", "abc"), ("Size", 7)]]
    cols = [fmt.TableColumn("Name", width=6), fmt.TableColumn("Size", alignment=fmt.CENTER)]
    lines = fmt.format_table_lines(rows, A, width=21, properties=cols)
    # first column has a width: no autosize; Size takes the remaining 20 - 7 = 13.
    assert lines[1:4] == ["Name       Size", "----       ----", "abc          7"]
    # with -AutoSize the widths come from the content again.
    lines = fmt.format_table_lines(rows, A, width=21, properties=cols, autosize=True)
    assert lines[1:4] == ["Name Size", "---- ----", "abc   7"]


def test_format_table_calculated_column():
    col = fmt.TableColumn("Double", lambda row: row["n"] * 2)
    lines = fmt.format_table_lines([[("N", 2)], [("N", 21)]], A, properties=["N", col])
    assert lines == ["", " N Double", " - ------", " 2      4", "21     42", ""]


def test_format_table_hide_header_and_wrap():
    rows = [[("Name", "a"), ("Text", "one two three four")]]
    assert fmt.format_table_lines(rows, A, hide_header=True) == ["", "a    one two three four", ""]
    lines = fmt.format_table_lines(rows, A, width=15, wrap=True)
    # 14 usable: Name 4 + 1 + Text 9; -Wrap word-wraps the cell.
    assert lines[3:] == ["a    one two", "     three", "     four", ""]


# ---------------------------------------------------------------------- Format-List


def test_format_list_selected_properties():
    objs = [Obj(Name="a", Id=1, Other=3), Obj(Name="b", Id=2)]
    lines = fmt.format_list_lines(objs, A, properties=["Id", "Name", "Missing"])
    assert lines == ["", "Id   : 1", "Name : a", "", "Id   : 2", "Name : b", ""]


def test_format_list_wraps_long_values_and_indents():
    lines = fmt.format_list_lines([Obj(Name="x", Text="word " * 10)], A, width=31)
    # 30 usable: "Text : " is 7, values wrap at 23 cells keeping the word's space.
    assert lines == [
        "",
        "Name : x",
        "Text : word word word word ",
        "       word word word word ",
        "       word word ",
        "",
    ]


def test_format_list_multiline_value_and_dictionary():
    lines = fmt.format_list_lines([Obj(Text="a\nb", N=1)], A)
    assert lines == ["", "Text : a", "       b", "N    : 1", ""]
    lines = fmt.format_list_lines([{"k": "v"}], A)
    assert lines == ["", "Name  : k", "Value : v", ""]


def test_format_list_scalars_are_out_of_band():
    assert fmt.format_list_lines(["abc", 5], A) == ["abc", "5"]


# ---------------------------------------------------------------------- Format-Wide


def test_format_wide_two_columns_by_default():
    objs = [Obj(Name=f"f{i}", Length=i) for i in range(3)]
    lines = fmt.format_wide_lines(objs, A, width=21)
    # 20 usable: two columns of 10 and 9 (+ separator); last row padded with "".
    assert lines == ["", "f0         f1", "f2         ", ""]


def test_format_wide_columns_and_autosize():
    objs = [Obj(Id=i, Tag="t") for i in range(5)]
    # 12 usable columns shared by 3: widths 4, 3, 3 (the spare cells go left first).
    assert fmt.format_wide_lines(objs, A, column=3, width=13) == [
        "",
        "0    1   2",
        "3    4   ",
        "",
    ]
    lines = fmt.format_wide_lines(objs, A, width=13, autosize=True)
    # longest value 1 cell: 6 per row fit 12 columns (1*7 + 6 >= 12 stops at 6); the
    # one spare cell goes to the first column; the short row is padded with "".
    assert lines == ["", "0  1 2 3 4 ", ""]
    # -Property Tag -Column 5: widths 2, 2, 2, 1, 1
    assert fmt.format_wide_lines(objs, A, width=13, property="Tag", column=5)[1] == "t  t  t  t t"


# ------------------------------------------------------------------ other views


def test_custom_view_scalar_opens_a_document():
    adapter = DateAdapter()
    d1, d2 = Date("Monday, June 10, 2024 10:11:12"), Date("Tuesday, June 11, 2024 1:02:03")
    assert out(d1, d2, adapter=adapter) == [
        "",
        "Monday, June 10, 2024 10:11:12",
        "Tuesday, June 11, 2024 1:02:03",
        "",
    ]
    # a custom object after it is not applicable: out-of-band list
    assert out(d1, Obj(a=1), adapter=adapter)[2:] == ["", "a : 1", "", ""]


def test_adapter_table_view_applies_by_type_key():
    view = fmt.TableView(
        columns=(fmt.TableColumn("Id", width=5, alignment=fmt.RIGHT), fmt.TableColumn("Name")),
        type_keys=frozenset({"Proc"}),
    )

    class ViewAdapter(Adapter):
        def table_view(self, obj):
            return view if self.type_key(obj) == "Proc" else None

    lines = out(
        Obj("Proc", Id=1, Name="init"),
        Obj("Other", Id=2, Name="x", More=3),
        Obj("Proc", Id=300, Name="sh"),
        adapter=ViewAdapter(),
        width=20,
    )
    assert lines == [
        "",
        "   Id Name",
        "   -- ----",
        "    1 init",
        "",
        "Id   : 2",
        "Name : x",
        "More : 3",
        "",
        "  300 sh",
        "",
    ]


def test_formatted_output_closes_the_document_and_passes_through():
    block = fmt.FormattedOutput(("", "x", "-", "1", ""))
    assert out(Obj(a=1), block, "s") == ["", "a", "-", "1", "", "", "x", "-", "1", "", "s"]


@pytest.mark.parametrize("width", [20, 33, 60, 121])
def test_table_lines_never_exceed_the_usable_width(width):
    objs = [
        Obj(Name="n" * (i * 7), Size=10**i, Path="/p" * (i * 5), Flag=bool(i % 2))
        for i in range(1, 6)
    ]
    for line in out(*objs, width=width):
        assert fmt.display_width(line) <= width - 1


def test_element_to_string_hook_and_unicode_ellipsis():
    class Hooked(Adapter):
        def element_to_string(self, item):
            return f"<{item}>"

    assert fmt.collection_cell([1, 2, 3, 4, 5], Hooked()) == "{<1>, <2>, <3>, <4>\u2026}"
    assert E == "\u2026"


def test_display_width_ignores_escape_sequences():
    assert fmt.display_width("\x1b[32mabc\x1b[0m") == 3
    assert fmt.display_width("日本") == 4
    assert fmt.display_width("") == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1.0, "1.00"),
        (2.675, "2.67"),
        (1e20, "100000000000000000000.00"),
        (float("nan"), "NaN"),
        (float("inf"), "\u221e"),
        (Decimal("1.005"), "1.01"),
    ],
)
def test_table_fixed_point_format(value, expected):
    lines = out(Obj(v=value))
    assert lines[3].strip() == expected
