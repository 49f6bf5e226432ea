"""Unit tests of the helpers behind Import-PowerShellDataFile (safe values), ConvertFrom-
StringData ([regex]::Unescape), Select-String (context trackers), Test-Json and
Get-FileHash -InputStream ([IO.MemoryStream])."""
from __future__ import annotations

import pytest

from cmdlets._matchinfo import ContextTracker, MatchInfo, MatchInfoContext
from cmdlets.json import is_json
from pwshlike import parse
from pwshlike.errors import DotNetException
from pwshlike.runtime.dotnet.regexmatch import regex_unescape
from pwshlike.runtime.dotnet.streams import MemoryStream
from pwshlike.runtime.safevalue import UnsafeValue, first_hashtable, safe_value


def _value(text: str, skip_limits: bool = False):
    tree = parse(text)
    return safe_value(first_hashtable(tree), text, skip_limits=skip_limits)


def test_safe_value_evaluates_data_only() -> None:
    h = _value("@{ a = 1; b = 'x', 'y'; c = @{ d = $null }; e = (1, 2, 3)[-1]; "
               "f = $false ? 'no' : 'yes'; g = [char]65; h = -bnot 0; i = $(1) }")
    assert h["a"] == 1
    assert h["b"] == ["x", "y"]
    assert h["c"]["d"] is None
    assert h["e"] == 3
    assert h["f"] == "yes"
    assert str(h["g"]) == "A"
    assert h["h"] == -1
    assert h["i"] == [1]            # a subexpression is an array, as in pwsh's visitor


def test_first_hashtable_is_found_anywhere_but_not_inside_script_blocks() -> None:
    text = "{ @{ inner = 1 } }; $x = @{ outer = 2 }"
    assert dict(_value(text).items()) == {"outer": 2}


@pytest.mark.parametrize("text", [
    "@{ a = Get-Date }", "@{ a = $env:HOME }", "@{ a = 1 + 1 }", "@{ a = [string]1 }",
    "@{ a = [datetime]::Now }", "@{ a = 'x'.Length }", "@{ a = ,1 }", "@{ a = 1; A = 2 }",
    "@{ a = [int]'x' }", "@{ a = $global:true }",
])
def test_safe_value_refuses_code_and_broken_data(text: str) -> None:
    with pytest.raises(UnsafeValue):
        _value(text)


def test_safe_value_limits_keys_unless_skipped() -> None:
    text = "@{" + ";".join(f"k{i} = {i}" for i in range(501)) + "}"
    with pytest.raises(UnsafeValue):
        _value(text)
    assert len(_value(text, skip_limits=True)) == 501


def test_regex_unescape_follows_dotnet() -> None:
    assert regex_unescape(r"a\tb\n\x41\u0042\101\cA\.\\") == "a\tb\nABA\x01.\\"
    assert regex_unescape("trailing\\") == "trailing"
    assert regex_unescape(r"\4001") == "\x001"    # octal stops at 3 digits, value & 0xFF
    for bad, reason in ((r"C:\Users", r"Unrecognized escape sequence \U."),
                        (r"\x4", "Insufficient hex digits."), (r"\c", "Missing control")):
        with pytest.raises(DotNetException) as info:
            regex_unescape(bad)
        assert reason in str(info.value)


def test_is_json_is_strict() -> None:
    assert is_json('{"a": [1, {"b": null}]}')
    assert not is_json("{'a': 1}")
    assert not is_json("[1,]")
    assert not is_json("Infinity")
    assert is_json("[" * 64 + "]" * 64)
    assert not is_json("[" * 65 + "]" * 65)


def test_memory_stream_reads_from_its_position() -> None:
    s = MemoryStream([104, 105, 33])
    assert s.ReadByte() == 104
    assert s.read() == b"i!"
    s.Position = 0
    s.Write([1, 2], 0, 1)
    assert list(s.ToArray()) == [1, 105, 33]
    assert int(s.Length) == 3


def _match(line: str) -> MatchInfo:
    m = MatchInfo()
    m.Line = line
    m.Context = MatchInfoContext()
    return m


def test_context_tracker_holds_a_match_until_its_post_context_is_complete() -> None:
    tracker = ContextTracker(1, 2)
    tracker.track_line("a")
    first = _match("b")
    tracker.track_match(first)
    tracker.track_line("c")
    assert tracker.emit_queue == []
    second = _match("d")
    tracker.track_match(second)
    assert tracker.emit_queue == [first]
    tracker.track_eof()
    assert tracker.emit_queue == [first, second]
    assert list(first.Context.PreContext) == ["a"]
    assert list(first.Context.PostContext) == ["c", "d"]
    assert list(first.Context.DisplayPostContext) == ["c"]
    assert list(second.Context.PreContext) == ["c"]
    assert list(second.Context.DisplayPreContext) == []
