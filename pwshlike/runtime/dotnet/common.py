"""Shared helpers for the .NET member tables.

* ``method(name, nargs)`` / ``static(name, nargs)``: decorators that check the argument count
  the way PowerShell's overload resolution reports it (MethodCountCouldNotFindBest) and turn
  .NET exceptions raised inside into MethodInvocationException ('Exception calling "X" with
  "N" argument(s): "..."'), as pwsh does.
* ``a_int``/``a_str``/...: argument conversions that report failures as pwsh's
  MethodArgumentConversionInvalidCastArgument.
* ``net_error``: make a .NET exception by short name with .NET's message.
* ``dotnet_equals``/``dotnet_compare``/``compare_strings``: Object.Equals / Comparer semantics.
"""
from __future__ import annotations

import datetime
import decimal
import functools

from ...errors import (
    DotNetException,
    MethodException,
    MethodInvocationException,
    exception_class,
    runtime_error,
)
from .. import numeric as N
from ..convert import to_bool, to_str
from ..typenames import Char, type_name_of

# --- exceptions ------------------------------------------------------------------------------
_PASS_THROUGH = ("ActionPreferenceStopException", "PipelineStoppedException")


@functools.cache
def _exc_class(name: str):
    return exception_class(name)


def net_error(name: str, message: str | None = None, param: str | None = None
              ) -> DotNetException:
    """A .NET exception by (short) type name; ``param`` appends " (Parameter 'x')"."""
    cls = _exc_class(name)
    if message is None:
        message = _DEFAULT_MESSAGES.get(name)
    if param is not None:
        message = f"{message} (Parameter '{param}')"
    return cls(message, error_id=cls.__name__)


_DEFAULT_MESSAGES = {
    "ArgumentOutOfRangeException": "Specified argument was out of the range of valid values.",
    "ArgumentNullException": "Value cannot be null.",
    "ArgumentException": "Value does not fall within the expected range.",
    "FormatException": "Input string was not in a correct format.",
    "OverflowException": "Arithmetic operation resulted in an overflow.",
    "DivideByZeroException": "Attempted to divide by zero.",
    "NotSupportedException": "Specified method is not supported.",
    "InvalidOperationException": "Operation is not valid due to the current state of the object.",
    "IndexOutOfRangeException": "Index was outside the bounds of the array.",
}


def arg_null(param: str) -> DotNetException:
    return net_error("ArgumentNullException", None, param)


def arg_range(param: str, message: str | None = None) -> DotNetException:
    return net_error("ArgumentOutOfRangeException", message, param)


def format_error(message: str | None = None) -> DotNetException:
    return net_error("FormatException", message)


def overload_error(name: str, count: int) -> DotNetException:
    return runtime_error(MethodException, "MethodCountCouldNotFindBest",
                         f'Cannot find an overload for "{name}" and the argument count: '
                         f'"{count}".')


def invocation_error(name: str, count: int, inner: BaseException) -> DotNetException:
    msg = getattr(inner, "Message", None) or str(inner)
    error_id = getattr(inner, "error_id", None)
    if not (isinstance(error_id, str) and error_id.endswith("Exception")):
        error_id = type(inner).__name__       # the inner .NET exception's short type name
    return MethodInvocationException(
        f'Exception calling "{name}" with "{count}" argument(s): "{msg}"', inner,
        error_id=error_id)


class ArgError(Exception):
    """An argument could not be converted to the parameter's type."""

    def __init__(self, pname: str, value, tname: str, inner: BaseException) -> None:
        super().__init__(pname)
        self.pname, self.value, self.tname, self.inner = pname, value, tname, inner

    def to_exception(self, method_name: str) -> DotNetException:
        inner = getattr(self.inner, "Message", None) or str(self.inner)
        return runtime_error(
            MethodException, "MethodArgumentConversionInvalidCastArgument",
            f'Cannot convert argument "{self.pname}", with value: "{to_str(self.value)}", '
            f'for "{method_name}" to type "{self.tname}": "{inner}"')


def _allowed(nargs):
    if nargs is None:
        return None
    if isinstance(nargs, int):
        return frozenset((nargs,))
    return frozenset(nargs)


def _wrap(name: str, nargs, skip: int):
    allowed = _allowed(nargs)

    def deco(fn):
        def call(*args):
            n = len(args) - skip
            if allowed is not None and n not in allowed:
                raise overload_error(name, n)
            try:
                return fn(*args)
            except MethodException:
                raise
            except ArgError as e:
                raise e.to_exception(name) from None
            except DotNetException as e:
                if type(e).__name__ in _PASS_THROUGH:
                    raise
                raise invocation_error(name, n, e) from e
            except ZeroDivisionError as e:
                raise invocation_error(name, n, net_error("DivideByZeroException")) from e
            except OverflowError as e:
                raise invocation_error(name, n, net_error("OverflowException")) from e
        call.dotnet_name = name
        call.__name__ = name
        call.__doc__ = fn.__doc__
        return call
    return deco


def method(name: str, nargs=None):
    """Decorate fn(obj, *args) as the instance method ``name`` taking ``nargs`` arguments
    (an int, an iterable of ints, or None for any count)."""
    return _wrap(name, nargs, 1)


def static(name: str, nargs=None):
    """Decorate fn(*args) as the static method ``name``."""
    return _wrap(name, nargs, 0)


# --- argument conversion --------------------------------------------------------------------
def conv(value, pname: str, tname: str, fn):
    try:
        return fn(value)
    except DotNetException as e:
        raise ArgError(pname, value, tname, e) from None


def a_int(v, pname: str = "value") -> int:
    if type(v) is int:
        return v
    from ..types import to_int32
    return int(conv(v, pname, "System.Int32", to_int32))


def a_long(v, pname: str = "value") -> int:
    if type(v) is int:
        return v
    from ..types import _to_integer
    return int(conv(v, pname, "System.Int64",
                    lambda x: _to_integer(x, N.Int64, "System.Int64")))


def a_double(v, pname: str = "value") -> float:
    if type(v) is float:
        return v
    from ..types import to_double
    return conv(v, pname, "System.Double", to_double)


def a_decimal(v, pname: str = "value") -> decimal.Decimal:
    from ..types import to_decimal
    return conv(v, pname, "System.Decimal", to_decimal)


def a_str(v, pname: str = "value") -> str | None:
    if v is None or type(v) is str:
        return v
    if isinstance(v, str):
        return str.__str__(v)
    return to_str(v)


def a_char(v, pname: str = "value") -> str:
    if isinstance(v, str) and len(v) == 1:
        return v
    from ..types import to_char
    return conv(v, pname, "System.Char", to_char)


def a_bool(v, pname: str = "value") -> bool:
    return to_bool(v)


def a_enum(v, enum_type, pname: str = "value") -> int:
    return int(conv(v, pname, enum_type.fullname, enum_type.convert))


def a_chars(args, pname: str = "trimChars") -> str:
    """params char[]: each argument a char, a string (its characters) or a list of those."""
    out = []
    for a in args:
        if a is None:
            continue
        if isinstance(a, list):
            out.append(a_chars(a, pname))
        elif isinstance(a, str):
            out.append(a)
        else:
            out.append(a_char(a, pname))
    return "".join(out)


def a_list(v) -> list:
    if v is None:
        return []
    if isinstance(v, list):
        return v
    if isinstance(v, (tuple, set)):
        return list(v)
    return [v]


def is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and not hasattr(type(v), "enum_type")


def is_enum(v, fullname: str | None = None) -> bool:
    et = getattr(type(v), "enum_type", None)
    return et is not None and (fullname is None or et.fullname.lower() == fullname.lower())


def is_delegate(v) -> bool:
    """Whether an argument can be called as a delegate (script block or Python callable)."""
    return v is not None and (callable(v) or hasattr(v, "invoke_delegate") or hasattr(
        v, "invoke_with_dollar_underscore") or hasattr(v, "InvokeReturnAsIs"))


def call_delegate(fn, *args):
    """Invoke a delegate argument (a PowerShell script block or a Python callable).

    Script blocks are called as pwsh calls delegates: ``$_`` is the first argument and
    ``$args`` all of them (``invoke_delegate`` or ``invoke_with_dollar_underscore``).
    """
    f = getattr(fn, "invoke_delegate", None)
    if f is not None:
        return f(*args)
    f = getattr(fn, "invoke_with_dollar_underscore", None)
    if f is not None:
        return f(args[0] if args else None, *args)
    f = getattr(fn, "InvokeReturnAsIs", None)
    if f is not None:
        return f(*args)
    if callable(fn):
        return fn(*args)
    raise net_error("InvalidCastException", "The argument is not a delegate.")


# --- typed results ---------------------------------------------------------------------------
@functools.cache
def ps_type(name: str):
    from ..types import resolve_type
    return resolve_type(name)


def string_array(items) -> list:
    from ..values import TypedArray
    return TypedArray(items, ps_type("System.String"))


def char_array(s) -> list:
    from ..values import TypedArray
    return TypedArray((Char(c) for c in s), ps_type("System.Char"))


def byte_array(data) -> list:
    from ..values import TypedArray
    return TypedArray((N.Byte(b) for b in data), ps_type("System.Byte"))


def to_bytes(v, pname: str = "bytes") -> bytes:
    """A byte[] argument (list of numbers, bytes) as Python bytes."""
    if v is None:
        raise arg_null(pname)
    if isinstance(v, (bytes, bytearray)):
        return bytes(v)
    items = a_list(v)
    try:
        return bytes(int(x) & 0xFF if isinstance(x, int) else a_int(x, pname) & 0xFF
                     for x in items)
    except ValueError:
        raise arg_range(pname) from None


# --- equality and ordering -------------------------------------------------------------------
def dotnet_equals(a, b) -> bool:
    """Object.Equals: same .NET type and equal value (strings ordinal)."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) and isinstance(b, str):
        return (type(a) is Char) == (type(b) is Char) and str.__eq__(a, b)
    if isinstance(a, (list, dict)) or isinstance(b, (list, dict)):
        return a is b
    if type_name_of(a) != type_name_of(b):
        return False
    if isinstance(a, datetime.datetime):
        return a.replace(tzinfo=None) == b.replace(tzinfo=None)
    try:
        return bool(a == b)
    except TypeError:
        return a is b


def _fold_key(s: str) -> str:
    return s.casefold()


def compare_strings(a: str | None, b: str | None, ignore_case: bool = False,
                    ordinal: bool = False) -> int:
    """String.Compare: culture-like (case-insensitive first, lower before upper) or ordinal."""
    if a is None or b is None:
        return 0 if a is b else (-1 if a is None else 1)
    if ordinal:
        if ignore_case:
            a, b = a.upper(), b.upper()
        for x, y in zip(a, b):
            if x != y:
                return ord(x) - ord(y)
        return len(a) - len(b)
    fa, fb = _fold_key(a), _fold_key(b)
    if fa != fb:
        return -1 if fa < fb else 1
    if ignore_case or a == b:
        return 0
    for x, y in zip(a, b):
        if x != y:
            if x.lower() == y.lower():
                return -1 if x.islower() else 1
            return -1 if x < y else 1
    return (len(a) > len(b)) - (len(a) < len(b))


def sign(n) -> int:
    return (n > 0) - (n < 0)


def dotnet_compare(a, b) -> int:
    """Comparer.Default for sorting: null first, numbers numerically, strings culture-wise."""
    if a is None or b is None:
        return 0 if a is b else (-1 if a is None else 1)
    if isinstance(a, str) and isinstance(b, str):
        return sign(compare_strings(a, b))
    num = (int, float, decimal.Decimal)
    if isinstance(a, num) and isinstance(b, num):
        if isinstance(a, decimal.Decimal) != isinstance(b, decimal.Decimal):
            a, b = float(a), float(b)
        return (a > b) - (a < b)
    if isinstance(a, datetime.datetime) and isinstance(b, datetime.datetime):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
        return (a > b) - (a < b)
    try:
        return (a > b) - (a < b)
    except TypeError:
        raise net_error("InvalidOperationException",
                        "Failed to compare two elements in the array.") from None


# --- StringComparison ------------------------------------------------------------------------
def comparison_mode(v) -> tuple[bool, bool]:
    """StringComparison value → (ordinal, ignore_case)."""
    from .enums import StringComparison
    n = a_enum(v, StringComparison, "comparisonType")
    return n >= 4, n in (1, 3, 5)


def is_comparison_arg(v) -> bool:
    """Whether an argument selects a StringComparison overload (enum value or its name)."""
    if is_enum(v, "System.StringComparison"):
        return True
    if isinstance(v, str) and not isinstance(v, Char):
        return v.strip().lower() in _COMPARISON_NAMES
    return False


_COMPARISON_NAMES = {"currentculture", "currentcultureignorecase", "invariantculture",
                     "invariantcultureignorecase", "ordinal", "ordinalignorecase"}
