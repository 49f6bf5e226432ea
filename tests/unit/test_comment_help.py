"""Comment-based help parsing (pwshlike.helpdocs.comment_help)."""
from __future__ import annotations

from pwshlike.helpdocs.comment_help import comment_lines, parse_block, scan_comments


def test_scan_skips_strings_and_here_strings() -> None:
    src = "'# not' ; \"# not\" # yes\n@'\n# not\n'@\n<# block #>\na#b"
    texts = [c.text for c in scan_comments(src)]
    assert texts == ["# yes", "<# block #>"]


def test_block_sections_and_indentation() -> None:
    lines = comment_lines(scan_comments("<#\n.SYNOPSIS\n    Short.\n.PARAMETER Name\n"
                                        "    The name.\n      indented\n.EXAMPLE\nf 1\n#>")[:1])
    h = parse_block(lines)
    assert h is not None
    assert h.synopsis == "Short.\n"
    assert h.parameters == {"NAME": "The name.\n  indented\n"}
    assert h.examples == ["f 1\n\n"]     # the empty last line is kept, as pwsh keeps it


def test_text_before_a_keyword_or_unknown_keyword_is_not_help() -> None:
    assert parse_block(["some text", ".SYNOPSIS", "x"]) is None
    assert parse_block([".SYNOPSYS", "x"]) is None
    assert parse_block(["", "  "]) is None


def test_line_comments_lose_their_hashes() -> None:
    lines = comment_lines(scan_comments("## .SYNOPSIS\n## Two hashes.\n"))
    h = parse_block(lines)
    assert h is not None and h.synopsis.strip() == "Two hashes."
