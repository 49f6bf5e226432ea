"""Display cells: East Asian wide characters, VT escape sequences, line splitting and word wrap.

Part of :mod:`pwshlike.host.formatting`; the rules are summarised there."""

from __future__ import annotations

from collections.abc import Iterable

from .model import _HARD_HYPHEN, _NO_BREAK_SPACE, _RESET, _SOFT_HYPHEN, _VT_RE, ELLIPSIS

# --------------------------------------------------------------------- display cells


def _char_cells(ch: str) -> int:
    """Console cells of one character (pwsh's ``CharLengthInBufferCells``)."""
    c = ord(ch)
    if c < 0x1100:
        return 1
    if c > 0xFFFF:
        return 2  # a surrogate pair in .NET: two chars, one cell each
    wide = (
        c <= 0x115F
        or c in (0x2329, 0x232A)
        or (0x2E80 <= c <= 0xA4CF and c != 0x303F)
        or 0xAC00 <= c <= 0xD7A3
        or 0xF900 <= c <= 0xFAFF
        or 0xFE10 <= c <= 0xFE19
        or 0xFE30 <= c <= 0xFE6F
        or 0xFF00 <= c <= 0xFF60
        or 0xFFE0 <= c <= 0xFFE6
    )
    return 2 if wide else 1


def _plain(s: str) -> str:
    return _VT_RE.sub("", s) if "\x1b" in s else s


def display_width(s: str | None) -> int:
    """Number of console cells the string takes (VT escape sequences take none)."""
    if not s:
        return 0
    s = _plain(s)
    if s.isascii():
        return len(s)
    return sum(_char_cells(ch) for ch in s)


def _fit_count(plain: str, cells: int, *, from_head: bool = True, offset: int = 0) -> int:
    """How many characters of ``plain`` (from the head or the tail) fit in ``cells``."""
    filled = 0
    count = 0
    seq: Iterable[str] = plain[offset:] if from_head else reversed(plain[offset:])
    for ch in seq:
        w = _char_cells(ch)
        if filled + w > cells:
            break
        filled += w
        count += 1
        if filled == cells:
            break
    return count


def _vt_substring(
    s: str, start: int, length: int | None = None, prepend: str = "", append: str = ""
) -> str:
    """Substring counted in visible characters, keeping VT sequences (``VtSubstring``)."""
    if "\x1b" not in s:
        end = None if length is None else start + length
        return prepend + s[start:end] + append
    out: list[str] = []
    copying = start == 0
    first = True
    copied = 0
    skipped = 0
    pos = 0
    has_esc = False
    while pos < len(s):
        m = _VT_RE.match(s, pos) if s[pos] == "\x1b" else None
        if m:
            has_esc = True
            out.append(m.group())
            pos = m.end()
            continue
        ch = s[pos]
        pos += 1
        if copying:
            if first:
                out.append(prepend)
                first = False
            out.append(ch)
            copied += 1
        else:
            skipped += 1
            if skipped == start:
                copying = True
            continue
        if length is not None and copied == length:
            break
    result = "".join(out)
    if has_esc:
        if result.endswith(_RESET):
            result = result[: -len(_RESET)] + append + _RESET
        else:
            result = result + append + _RESET
    else:
        result += append
    return result


# ------------------------------------------------------------------- string helpers


def _split_lines(s: str | None) -> list[str]:
    """Split on ``\\n`` and drop ``\\r`` (``StringManipulationHelper.SplitLines``)."""
    if not s:
        return [s or ""]
    return s.replace("\r", "").split("\n")


def _truncate_at_newline(s: str | None) -> str:
    """A table cell shows only its first line, followed by ``…`` if there were more."""
    if not s:
        return ""
    cut = len(s)
    for sep in ("\n", "\r"):
        i = s.find(sep)
        if 0 <= i < cut:
            cut = i
    if cut == len(s):
        return s
    return s[:cut] + ELLIPSIS


def _get_words(line: str) -> list[tuple[str, str]]:
    """Words and the delimiter that ended each (``StringManipulationHelper.GetWords``)."""
    words: list[tuple[str, str]] = []
    buf: list[str] = []
    for ch in line:
        if ch in (" ", "\t", _SOFT_HYPHEN):
            words.append(("".join(buf), ch))
            buf = []
        elif ch in (_HARD_HYPHEN, _NO_BREAK_SPACE):
            words.append(("".join(buf), ""))
            buf = []
        else:
            buf.append(ch)
    words.append(("".join(buf), ""))
    return words


def _generate_lines(val: str | None, first_len: int, following_len: int) -> list[str]:
    """Word-wrap a value to a width (``GenerateLinesWithWordWrap``, English cultures)."""
    if not val:
        return [val or ""]
    result: list[str] = []
    for line in _split_lines(val):
        if display_width(line) <= first_len:
            result.append(line)
            continue
        spaces_left = first_len
        line_width = first_len
        first_line = True
        single: list[str] = []
        for word, delim in _get_words(line):
            to_add = word
            if delim == _SOFT_HYPHEN:
                if display_width(word) + 1 == spaces_left:
                    to_add += "-"
            elif delim:
                to_add += delim
            word_width = display_width(to_add)
            if line_width == 0:
                if first_line:
                    first_line = False
                    line_width = following_len
                if line_width == 0:
                    break
                spaces_left = line_width
            if word_width > line_width:
                # the word alone does not fit on a line: split it by characters
                for ch in _plain(to_add):
                    ch_width = _char_cells(ch)
                    if ch_width > line_width:
                        ch, ch_width = "?", 1
                    if ch_width > spaces_left:
                        result.append("".join(single))
                        single = [ch]
                        if first_line:
                            first_line = False
                            line_width = following_len
                        spaces_left = line_width - ch_width
                    else:
                        single.append(ch)
                        spaces_left -= ch_width
            elif word_width > spaces_left:
                result.append("".join(single))
                single = [to_add]
                if first_line:
                    first_line = False
                    line_width = following_len
                spaces_left = line_width - word_width
            else:
                single.append(to_add)
                spaces_left -= word_width
        result.append("".join(single))
    return result


