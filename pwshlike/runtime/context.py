"""Session state: scopes, variables, functions, aliases, and the flow-control signals.

PowerShell scoping is dynamic: a function runs in a child of its *caller's* scope and
reads outward through the chain.  Function tables are shared copy-on-write with the
parent scope, so looking a function up is one dict access however deep the call stack.
"""
from __future__ import annotations

import os

_MISSING = object()

# True once Set-StrictMode -Version has run in this process.  Until then a lookup that
# fails (a variable never set, a member that does not exist) costs no strict-mode check.
STRICT_SEEN: list = [False]


class FlowControl(BaseException):
    """Break/continue/return/exit: not errors, so ``catch`` never sees them."""


class OutputClosed(FlowControl):
    """Whoever reads our output went away (``pwshlike -c … | head``): stop quietly, as a
    shell's command does on a closed pipe, rather than report an error per statement."""


class BreakSignal(FlowControl):
    def __init__(self, label: str | None = None) -> None:
        self.label = label


class ContinueSignal(FlowControl):
    def __init__(self, label: str | None = None) -> None:
        self.label = label


class ReturnSignal(FlowControl):
    pass


class ExitSignal(FlowControl):
    def __init__(self, code=None) -> None:
        self.code = code


class NullSink:
    """An output sink that drops what it is given (``[void]``, ``$null = …``, ``3>$null``,
    a class method's pipeline output)."""

    __slots__ = ()

    def append(self, item) -> None:
        pass

    def extend(self, items) -> None:
        for _ in items:
            pass


class Scope:
    """One scope's variables, plus the function table it shares copy-on-write.

    One is made per function call, so the rarely-set parts (private names, type
    constraints, read-only options) default at class level instead of in ``__init__``.
    """

    private: set | None = None
    constraints: dict | None = None
    options: dict | None = None    # name -> 'ReadOnly'/'Constant'
    owns_functions = False
    command_name: str | None = None    # the function or script this scope was made for
    module = None                      # the PSModuleInfo whose top scope this is
    strict_version: int | None = None  # Set-StrictMode here: major version, 0 for -Off

    def __init__(self, parent: Scope | None = None, is_script: bool = False) -> None:
        self.vars: dict = {}
        self.parent = parent
        if parent is None:
            self.functions: dict = {}
            self.owns_functions = True
            self.script = self
        else:
            self.functions = parent.functions
            self.script = self if is_script else parent.script

    def define_function(self, name: str, fn) -> None:
        if not self.owns_functions:
            self.functions = dict(self.functions)
            self.owns_functions = True
        self.functions[name.lower()] = fn

    def lookup(self, name: str):
        """Read a variable from this scope outward, skipping other scopes' private ones."""
        v = self.vars.get(name, _MISSING)
        if v is not _MISSING:
            return v
        s = self.parent
        while s is not None:
            v = s.vars.get(name, _MISSING)
            if v is not _MISSING and (s.private is None or name not in s.private):
                return v
            s = s.parent
        return _MISSING

    def find_owner(self, name: str) -> Scope | None:
        s = self
        while s is not None:
            if name in s.vars and (s is self or s.private is None or name not in s.private):
                return s
            s = s.parent
        return None

    def ancestor(self, depth: int) -> Scope | None:
        s = self
        for _ in range(depth):
            if s is None:
                return None
            s = s.parent
        return s


def env_get(name: str):
    return os.environ.get(name)


def env_set(name: str, value) -> None:
    from .convert import to_str
    if value is None or value == "":
        os.environ.pop(name, None)
    else:
        os.environ[name] = to_str(value)


MISSING = _MISSING
