"""pwshlike: a PowerShell-compatible shell written in Python.

Public API: ``parse(text)`` returns the syntax tree (or raises ParseError listing every
error); ``Engine().invoke(script, **variables)`` runs a script and returns its output.
Heavy modules load lazily so ``import pwshlike`` stays cheap.
"""
from __future__ import annotations

from .errors import ParseError

__version__ = "0.1.0"
# the PowerShell version pwshlike behaves as ($PSVersionTable.PSVersion, #requires -Version)
# and those it can stand in for (PSCompatibleVersions)
PS_VERSION = "7.4.0"
PS_COMPATIBLE_VERSIONS = ("1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "6.1", "6.2", "7.0",
                          "7.1", "7.2", "7.3", "7.4")
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
