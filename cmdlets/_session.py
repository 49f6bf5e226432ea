"""Helpers shared by the session cmdlets: name lists, wildcard filters, error records."""
from __future__ import annotations

from pwshlike.runtime.convert import to_str


def as_list(value) -> list:
    if value is None:
        return []
    return [to_str(v) for v in value] if isinstance(value, list) else [to_str(value)]


def wildcard(pattern: str):
    from pwshlike.runtime.regex import compile_wildcard
    return compile_wildcard(pattern)


def has_wildcard(text: str) -> bool:
    from pwshlike.providers import has_wildcard as hw
    return hw(text)


class NameFilter:
    """-Include / -Exclude wildcard lists (an empty -Include lets everything through)."""

    def __init__(self, include, exclude) -> None:
        self.include = [wildcard(p) for p in as_list(include)]
        self.exclude = [wildcard(p) for p in as_list(exclude)]

    def __call__(self, name: str) -> bool:
        if self.include and not any(rx.fullmatch(name) for rx in self.include):
            return False
        return not any(rx.fullmatch(name) for rx in self.exclude)


def options_text(value) -> str:
    """A ScopedItemOptions value as pwsh prints it ('ReadOnly, AllScope'; 'None')."""
    if value is None:
        return "None"
    from pwshlike.runtime.types import resolve_type
    t = resolve_type("System.Management.Automation.ScopedItemOptions")
    return to_str(t.convert(value))


def exc(name: str):
    from pwshlike.errors import exception_class
    return exception_class(name)
