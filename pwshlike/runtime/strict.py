"""Set-StrictMode: where a strict-mode version applies, and the errors its rules raise.

As in pwsh, the version belongs to a scope: Set-StrictMode sets it on the scope it runs
in, and a check walks from the current scope outward to the first scope that has one
(``0`` is ``-Off``).  The walk stops at a module's own scope, so module code never picks
up the caller's or the global setting.  The rules, by major version:

* 1 -- reading a variable that was never set, except inside an expandable string
* 2 -- the same inside strings too; reading a property that does not exist; calling a
  command as if it were a method (``f(1,2)``); indexing a scalar with anything but 0/-1
* 3 -- also reading outside the bounds of an array or string

Every check runs on a slow path only (a variable or member lookup that already failed,
an index that is out of range), and only once Set-StrictMode has been used in the process
(``context.STRICT_SEEN``), so code that never turns strict mode on pays nothing.

Variable reads know their scope.  Member and index reads do not (pwsh finds its session
through thread-local storage, and so does this module): :func:`bind` records which
session runs on the current thread; a session binds itself when it is created after
strict mode was first used, and whenever it runs Set-StrictMode.
"""
from __future__ import annotations

import threading

from ..errors import (
    IndexOutOfRangeException,
    RuntimeException,
    exception_class,
    runtime_error,
)
from .context import STRICT_SEEN

_thread = threading.local()

# pwsh's messages (ParserStrings.resx); {0} is filled in
VARIABLE_IS_UNDEFINED = "The variable '${0}' cannot be retrieved because it has not been set."
PROPERTY_NOT_FOUND_STRICT = ("The property '{0}' cannot be found on this object. Verify that the "
                             "property exists.")
FUNCTION_CALL_WITH_PARENS = (
    "The function or command was called as if it were a method. Parameters should be "
    "separated by spaces. For information about parameters, see the about_Parameters Help "
    "topic.")
CANNOT_INDEX = "Unable to index into an object of type {0}."
INDEX_OUT_OF_RANGE = "Index was outside the bounds of the array."
LIST_INDEX_OUT_OF_RANGE = ("Index was out of range. Must be non-negative and less than the size "
                           "of the collection. (Parameter 'index')")


# Variables every pwsh session defines from the start (``Get-Variable`` in a new session),
# lower case.  Reading one is never VariableIsUndefined, even where pwshlike has no value
# for it.  $Matches, $LASTEXITCODE, $_, $this and $PSCmdlet are not among them.
SESSION_VARIABLES = frozenset((
    "args", "input", "myinvocation", "psboundparameters", "pscommandpath", "psscriptroot",
    "consolefilename", "enabledexperimentalfeatures", "executioncontext", "home", "host",
    "outputencoding", "pid", "profile", "psculture", "psdefaultparametervalues", "psedition",
    "psemailserver", "pshome", "psnativecommandargumentpassing",
    "psnativecommanduseerroractionpreference", "pssessionapplicationname",
    "pssessionconfigurationname", "pssessionoption", "psstyle", "psuiculture",
    "psversiontable", "pwd", "shellid", "stacktrace",
))


def bind(ctx) -> None:
    """Make ``ctx`` the session whose strict mode member and index reads on this thread obey."""
    _thread.ctx = ctx


def enable(ctx, scope, version: int) -> None:
    """Set-StrictMode: ``version`` (a major version, 0 for off) for ``scope`` and its children."""
    scope.strict_version = version
    STRICT_SEEN[0] = True
    bind(ctx)


def version_at(scope) -> int:
    """The strict-mode version in force in ``scope``: 0 when none was set."""
    s = scope
    while s is not None:
        v = s.strict_version
        if v is not None:
            return v
        if s.module is not None:
            break
        s = s.parent
    return 0


def current_version() -> int:
    """The version in force where the bound session is running now."""
    ctx = getattr(_thread, "ctx", None)
    return 0 if ctx is None else version_at(ctx.current_scope)


# --- the rules ----------------------------------------------------------------------------------
def undefined_variable(scope, text: str, in_string: bool = False) -> None:
    """Reading ``$text``, which was never set: an error under version 2, or version 1 outside a
    string; otherwise the read gives ``$null`` (returns None)."""
    v = version_at(scope)
    if (v >= 2 or (v == 1 and not in_string)) and \
            text.rsplit(":", 1)[-1].lower() not in SESSION_VARIABLES:
        raise runtime_error(RuntimeException, "VariableIsUndefined",
                            VARIABLE_IS_UNDEFINED.format(text), "InvalidOperation", text)


def missing_property(name) -> None:
    """Reading a property the object does not have (version 2)."""
    if current_version() >= 2:
        raise runtime_error(exception_class("PropertyNotFoundException"),
                            "PropertyNotFoundStrict", PROPERTY_NOT_FOUND_STRICT.format(name))


def method_call_syntax(scope) -> None:
    """``f(1,2)``: a command called with a parenthesised list right after its name (version 2)."""
    if version_at(scope) >= 2:
        raise runtime_error(RuntimeException, "StrictModeFunctionCallWithParens",
                            FUNCTION_CALL_WITH_PARENS, "InvalidOperation")


def scalar_index(obj, type_name: str) -> None:
    """Indexing a value that is not a collection with anything but 0 or -1 (version 2)."""
    if current_version() >= 2:
        raise runtime_error(RuntimeException, "CannotIndex", CANNOT_INDEX.format(type_name),
                            "InvalidOperation", obj)


def index_out_of_range(is_list: bool) -> None:
    """An index outside an array, string or list (version 3).  pwsh rethrows the .NET
    exception, so the error id is the exception's type name."""
    if current_version() >= 3:
        if is_list:
            raise runtime_error(exception_class("System.ArgumentOutOfRangeException"),
                                "System.ArgumentOutOfRangeException", LIST_INDEX_OUT_OF_RANGE,
                                "OperationStopped")
        raise runtime_error(IndexOutOfRangeException, "System.IndexOutOfRangeException",
                            INDEX_OUT_OF_RANGE, "OperationStopped")
