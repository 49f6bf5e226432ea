"""pwshlike: a PowerShell-compatible shell written in Python.

Public API: ``parse(text)`` returns the syntax tree (or raises ParseError listing every
error); ``Engine().invoke(script, **variables)`` runs a script and returns its output.
Heavy modules load lazily so ``import pwshlike`` stays cheap.
"""
from __future__ import annotations

from .errors import ParseError

__version__ = "0.1.0"
__all__ = ["Engine", "ParseError", "__version__", "parse"]


def parse(text: str, filename: str | None = None):
    """Parse PowerShell source into a ScriptBlock AST; raises ParseError on any error."""
    from .parser.parser import parse as _parse
    return _parse(text, filename)


def __getattr__(name: str):
    if name == "Engine":
        from .engine import Engine
        return Engine
    raise AttributeError(name)
