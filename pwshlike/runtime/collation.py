"""Culture-aware string ordering, as ``-lt``/``-gt`` and sorting use it.

PowerShell orders strings with the current culture's comparer (String.Compare), not by
code point: punctuation and symbols sort before digits, digits before letters, letters
alphabetically whatever their case, accents only break ties, and case last of all, with
lower case first ('macOS' -clt 'MacOS').  This is the root collation order of the
Unicode Collation Algorithm (CLDR), which .NET's ICU-backed comparer follows; it is
approximated here per character: primary letter/symbol weight, then accents, then case.
"""
from __future__ import annotations

import unicodedata

# CLDR root order of the ASCII characters that are not letters or digits: white space,
# then punctuation, then symbols, currency last.
_SYMBOL_ORDER = "\t\n\x0b\x0c\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"
_PRIMARY: dict[str, int] = {c: i + 1 for i, c in enumerate(_SYMBOL_ORDER)}
_DIGIT_BASE = len(_SYMBOL_ORDER) + 1
_PRIMARY.update({str(d): _DIGIT_BASE + d for d in range(10)})
_LETTER_BASE = _DIGIT_BASE + 10
_PRIMARY.update({chr(ord("a") + i): _LETTER_BASE + i for i in range(26)})
_OTHER_BASE = _LETTER_BASE + 26


def _char_weights(ch: str) -> tuple[int, str, int]:
    low = ch.lower()
    p = _PRIMARY.get(low)
    if p is not None:
        return p, "", 0 if ch == low else 1
    parts = unicodedata.normalize("NFD", ch)
    base, accents = parts[0], parts[1:]
    low = base.lower()
    p = _PRIMARY.get(low)
    if p is None:
        p = _OTHER_BASE + ord(low)
    return p, accents, 0 if base == low else 1


def sort_key(s: str, ignore_case: bool) -> tuple:
    """A key whose ordering is the culture comparison of the strings."""
    weights = [_char_weights(c) for c in s]
    primary = [w[0] for w in weights]
    secondary = [w[1] for w in weights]
    if ignore_case:
        return primary, secondary
    return primary, secondary, [w[2] for w in weights]


def compare_strings(a: str, b: str, ignore_case: bool) -> int:
    """-1, 0 or 1: String.Compare(a, b, culture, ignoreCase)."""
    if a == b:
        return 0
    ka, kb = sort_key(a, ignore_case), sort_key(b, ignore_case)
    return (ka > kb) - (ka < kb)
