"""PowerShell operators with their documented operand rules (about_*_Operators).

The left operand decides the operation: numbers widen Int32 → Int64 → Double (Decimal
when a decimal is involved), strings concatenate and compare case-insensitively unless
the ``c`` variant is used, and a collection on the left filters (comparisons) or
concatenates (``+``).  The compiler calls these functions directly, so each starts with
a fast path for plain ints.
"""
from __future__ import annotations

import datetime
import decimal
import math

from ..errors import DivideByZeroException, RuntimeException, runtime_error
from . import numeric as N
from .convert import is_numeric, parse_number_string, to_bool, to_number, to_str
from .enumerate import as_list, enumerate_value
from .typenames import Char, type_name_of
from .values import Hashtable, PSCustomObject

I32_MIN, I32_MAX = N.INT32_MIN, N.INT32_MAX
I64_MIN, I64_MAX = N.INT64_MIN, N.INT64_MAX
_DEC = N.DEC_CTX


# --- numeric core ------------------------------------------------------------------------------------------
def _int_rank(v) -> int:
    t = type(v)
    if t is int:
        return 0 if I32_MIN <= v <= I32_MAX else 7
    if t is bool:
        return 0
    return getattr(t, "rank", 0)


def _int_result(r: int, rank: int):
    if rank <= 6:
        if I32_MIN <= r <= I32_MAX and rank < 6:
            return r
        if rank == 6 and 0 <= r <= 0xFFFFFFFF:
            return N.UInt32(r)
        if I64_MIN <= r <= I64_MAX and rank == 6:
            return N.Int64(r)
        return float(r)
    if rank == 7:
        return N.Int64(r) if I64_MIN <= r <= I64_MAX else float(r)
    if rank == 8:
        return N.UInt64(r) if 0 <= r <= 2 ** 64 - 1 else float(r)
    return N.BigInteger(r)


_UNSIGNED = (N.Byte, N.UInt16, N.UInt32, N.UInt64)


def _is_signed(v) -> bool:
    return not isinstance(v, _UNSIGNED)


def _numeric_pair(a, b, op: str):
    """Convert both operands to numbers; returns (a, b, kind) with kind 'i', 'f' or 'd'."""
    a = to_number(a, op)
    b = to_number(b, op)
    ta, tb = type(a), type(b)
    if (ta is N.BigInteger) != (tb is N.BigInteger):
        # BigInteger arithmetic converts the other operand to BigInteger (truncating)
        if ta is N.BigInteger and not isinstance(b, int):
            return a, N.BigInteger(int(b)), "i"
        if tb is N.BigInteger and not isinstance(a, int):
            return N.BigInteger(int(a)), b, "i"
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, decimal.Decimal) or isinstance(b, decimal.Decimal):
            return float(a), float(b), "f"
        return float(a), float(b), "f"
    if isinstance(a, decimal.Decimal) or isinstance(b, decimal.Decimal):
        return decimal.Decimal(int(a)) if isinstance(a, int) else a, \
            decimal.Decimal(int(b)) if isinstance(b, int) else b, "d"
    return a, b, "i"


def _arith(a, b, op: str):
    x, y, kind = _numeric_pair(a, b, op)
    if kind == "i":
        rank = max(_int_rank(x), _int_rank(y))
        if rank == 6 and (_is_signed(x) or _is_signed(y)):
            rank = 7        # Int32 with UInt32 widens to Int64, as in C#
        if op == "Addition":
            return _int_result(int(x) + int(y), rank)
        if op == "Subtraction":
            return _int_result(int(x) - int(y), rank)
        if op == "Multiply":
            return _int_result(int(x) * int(y), rank)
        if op == "Division":
            if y == 0:
                raise _div_zero()
            if rank == 9:       # BigInteger.Divide truncates toward zero
                q = abs(int(x)) // abs(int(y))
                return N.BigInteger(-q if (x < 0) != (y < 0) else q)
            q, r = divmod(int(x), int(y))
            if r == 0:
                return _int_result(q, rank)
            return int(x) / int(y)
        if op == "Modulus":
            if y == 0:
                raise _div_zero()
            r = abs(int(x)) % abs(int(y))
            return _int_result(-r if x < 0 else r, rank)
    if kind == "d":
        try:
            if op == "Addition":
                r = _DEC.add(x, y)
            elif op == "Subtraction":
                r = _DEC.subtract(x, y)
            elif op == "Multiply":
                r = _DEC.multiply(x, y)
            elif y == 0:
                raise _div_zero()
            elif op == "Division":
                r = _DEC.divide(x, y)
            else:
                r = _DEC.remainder(x, y)
        except decimal.Overflow:
            r = None
        # System.Decimal's range is ±(2**96 - 1); copy_abs() does not round as abs() would
        if r is None or r.copy_abs() > N.DECIMAL_MAX:
            raise runtime_error(RuntimeException, "RuntimeException",
                                "Value was either too large or too small for a Decimal.")
        return r
    if op == "Addition":
        return x + y
    if op == "Subtraction":
        return x - y
    if op == "Multiply":
        return x * y
    if op == "Division":
        if y == 0:
            if x == 0 or math.isnan(x):
                return math.nan
            raise _div_zero()
        return x / y
    if y == 0:
        return math.nan
    return math.fmod(x, y)


def _div_zero():
    """pwsh wraps the .NET DivideByZeroException in a RuntimeException; catch and trap
    clauses for DivideByZeroException still match it through InnerException."""
    message = "Attempted to divide by zero."
    return RuntimeException(message, inner=DivideByZeroException(message),
                            error_id="RuntimeException", category="NotSpecified")


def _enum_arith(a, b, op):
    t = type(a)
    r = _arith(int(a), to_number(b, op), op)
    if hasattr(type(b), "enum_type"):
        return r
    return t(r) if isinstance(r, int) else r


# --- + - * / % ----------------------------------------------------------------------------------------------
def add(a, b):
    ta = type(a)
    if ta is int and type(b) is int:
        r = a + b
        if I32_MIN <= r <= I32_MAX:
            return r
        return _int_result(r, 0 if (I32_MIN <= a <= I32_MAX and I32_MIN <= b <= I32_MAX) else 7)
    if ta is str:
        return a + (b if type(b) is str else to_str(b))
    if ta is float and type(b) in (int, float):
        return a + b
    if a is None:
        if isinstance(b, list):
            return list(b)
        return b
    if isinstance(a, list):
        items = enumerate_value(b)
        if items is None:
            return [*a, b]
        return [*a, *items]
    if isinstance(a, Hashtable):
        if not isinstance(b, Hashtable):
            raise runtime_error(RuntimeException, "AddHashTableToNonHashTable",
                                "A hash table can only be added to another hash table.",
                                "InvalidOperation", a)
        h = a.copy()
        for k, v in b.items():
            h.add(k, v)
        return h
    if isinstance(a, str):
        return str.__str__(a) + to_str(b)
    if isinstance(a, datetime.datetime):
        if isinstance(b, datetime.timedelta):
            return a + b
        return a + datetime.timedelta(microseconds=int(to_number(b)) // 10)
    if isinstance(a, datetime.timedelta) and isinstance(b, (datetime.timedelta, datetime.datetime)):
        return a + b
    if hasattr(ta, "enum_type"):
        return _enum_arith(a, b, "Addition")
    if is_numeric(a) or ta is bool:
        return _arith(a, b, "Addition")
    raise _op_missing(a, "op_Addition")


def sub(a, b):
    if type(a) is int and type(b) is int:
        r = a - b
        if I32_MIN <= r <= I32_MAX:
            return r
        return _int_result(r, 0 if (I32_MIN <= a <= I32_MAX and I32_MIN <= b <= I32_MAX) else 7)
    if isinstance(a, datetime.datetime):
        if isinstance(b, datetime.datetime):
            return a - b
        if isinstance(b, datetime.timedelta):
            return a - b
    if isinstance(a, datetime.timedelta) and isinstance(b, datetime.timedelta):
        return a - b
    if hasattr(type(a), "enum_type"):
        return _enum_arith(a, b, "Subtraction")
    if isinstance(a, (list, Hashtable)):
        raise _op_missing(a, "op_Subtraction")
    return _arith(a, b, "Subtraction")


def mul(a, b):
    ta = type(a)
    if ta is int and type(b) is int:
        r = a * b
        if I32_MIN <= r <= I32_MAX:
            return r
        return _int_result(r, 0 if (I32_MIN <= a <= I32_MAX and I32_MIN <= b <= I32_MAX) else 7)
    if ta is Char or ta is bool:
        # multiplication is defined for numbers, strings and arrays only; a char or a bool
        # is a primitive without op_Multiply
        raise _not_defined(a, "*", b)
    if isinstance(a, str):
        n = _repeat_count(b)
        return str.__str__(a) * n
    if isinstance(a, list):
        n = _repeat_count(b)
        return list(a) * n
    if isinstance(a, Hashtable):
        raise _op_missing(a, "op_Multiply")
    return _arith(a, b, "Multiply")


def _repeat_count(b) -> int:
    from .types import to_int32
    n = to_int32(b)
    if n < 0:
        raise runtime_error(RuntimeException, "ArgumentOutOfRange",
                            "The value of the argument must be non-negative.")
    return n


def div(a, b):
    if type(a) is int and type(b) is int:
        if b == 0:
            raise _div_zero()
        q, r = divmod(a, b)
        if r == 0:
            return _int_result(q, 0 if (I32_MIN <= a <= I32_MAX and I32_MIN <= b <= I32_MAX) else 7)
        return a / b
    if isinstance(a, (list, Hashtable)) or (isinstance(a, str) and parse_number_string(a) is None):
        raise _op_missing(a, "op_Division")
    return _arith(a, b, "Division")


def mod(a, b):
    if type(a) is int and type(b) is int:
        if b == 0:
            raise _div_zero()
        r = abs(a) % abs(b)
        return -r if a < 0 else r
    if isinstance(a, (list, Hashtable)):
        raise _op_missing(a, "op_Modulus")
    return _arith(a, b, "Modulus")


def _not_defined(a, op: str, b):
    def name(v):
        return "$null" if v is None else type_name_of(v)
    return runtime_error(RuntimeException, "NotADefinedOperationForType",
                         f"Operation '[{name(a)}] {op} [{name(b)}]' is not defined.",
                         "InvalidOperation", a)


def _op_missing(a, op: str):
    return runtime_error(RuntimeException, "MethodNotFound",
                         f"Method invocation failed because [{type_name_of(a)}] does not "
                         f"contain a method named '{op}'.", "InvalidOperation", a)


def negate(a):
    if type(a) is int:
        return -a if a != I32_MIN else N.Int64(-a)
    n = to_number(a)
    if isinstance(n, int) and not isinstance(n, bool):
        return _int_result(-int(n), _int_rank(n))
    return -n


def plus(a):
    if isinstance(a, str):
        return to_number(a)
    return a if is_numeric(a) else to_number(a)


# --- bitwise -----------------------------------------------------------------------------------------------
def _to_integral(v):
    n = to_number(v)
    if isinstance(n, int):
        return int(n), _int_rank(n)
    from .types import to_int32
    if isinstance(n, float) and not (I32_MIN <= n <= I32_MAX):
        return round(n), 7
    return to_int32(n), 0


def _wrap(r: int, rank: int):
    if rank >= 7:
        r &= 0xFFFFFFFFFFFFFFFF
        if r >= 2 ** 63:
            r -= 2 ** 64
        return N.Int64(r)
    r &= 0xFFFFFFFF
    if r >= 2 ** 31:
        r -= 2 ** 32
    return r


def _enum_bitwise(a, b, value):
    """Bitwise operators on two values of one enum type give that enum ([Flags] sets)."""
    ta = type(a)
    if hasattr(ta, "enum_type") and type(b) is ta:
        return ta(value)
    return None


def band(a, b):
    (x, rx), (y, ry) = _to_integral(a), _to_integral(b)
    e = _enum_bitwise(a, b, x & y)
    return e if e is not None else _wrap(x & y, max(rx, ry))


def bor(a, b):
    (x, rx), (y, ry) = _to_integral(a), _to_integral(b)
    e = _enum_bitwise(a, b, x | y)
    return e if e is not None else _wrap(x | y, max(rx, ry))


def bxor(a, b):
    (x, rx), (y, ry) = _to_integral(a), _to_integral(b)
    e = _enum_bitwise(a, b, x ^ y)
    return e if e is not None else _wrap(x ^ y, max(rx, ry))


def bnot(a):
    x, rx = _to_integral(a)
    return _wrap(~x, rx)


def shl(a, b):
    x, rx = _to_integral(a)
    y, _ = _to_integral(b)
    return _wrap(x << (y & (63 if rx >= 7 else 31)), rx)


def shr(a, b):
    x, rx = _to_integral(a)
    y, _ = _to_integral(b)
    return _wrap(x >> (y & (63 if rx >= 7 else 31)), rx)


# --- comparison ------------------------------------------------------------------------------------------------
def _fold(s: str) -> str:
    return s.lower()


def scalar_eq(a, b, ci: bool = True) -> bool:
    """LanguagePrimitives.Equals with the right operand converted to the left's type."""
    if a is None:
        return b is None
    ta = type(a)
    if ta is str or isinstance(a, str):
        if b is None:
            return False
        bs = b if type(b) is str else to_str(b)
        return _fold(a) == _fold(bs) if ci else a == bs
    if ta is int or ta is float or (is_numeric(a) and not hasattr(ta, "enum_type")):
        if b is None:
            return False
        tb = type(b)
        if tb is int or tb is float or is_numeric(b):
            if hasattr(tb, "enum_type"):
                return a == int(b)
            return a == b
        if tb is bool:
            return a == int(b)
        if isinstance(b, str):
            n = parse_number_string(b)
            return n is not None and a == n
        return False
    if ta is bool:
        return a == to_bool(b)
    if hasattr(ta, "enum_type"):
        if isinstance(b, str):
            return _fold(to_str(a)) == _fold(b) or (parse_number_string(b) == int(a))
        if b is None:
            return False
        return int(a) == b if is_numeric(b) else False
    if isinstance(a, datetime.datetime):
        if isinstance(b, str):
            from .types import parse_datetime
            b = parse_datetime(b)
        if isinstance(b, datetime.datetime):
            return _ticks(a) == _ticks(b)
        return False
    if isinstance(a, (list, Hashtable, PSCustomObject)):
        return a is b
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 - foreign objects without comparison
        return a is b


def _compare(a, b, ci: bool, op: str) -> int:
    """-1/0/1 ordering with the right operand converted to the left's type."""
    if a is None:
        if b is None:
            return 0
        if isinstance(b, str):
            return 0 if b == "" else -1
        return -1 if not is_numeric(b) or b >= 0 else 1
    if isinstance(a, str):
        from .collation import compare_strings
        return compare_strings(str(a), to_str(b), ci)
    if is_numeric(a) or type(a) is bool:
        if b is None:
            return 1 if a >= 0 else -1
        nb = to_number(b) if not isinstance(b, str) else parse_number_string(b)
        if nb is None:
            raise runtime_error(RuntimeException, "ComparisonFailure",
                                f'Could not compare "{to_str(a)}" to "{to_str(b)}". Error: '
                                f'"Cannot convert value "{to_str(b)}" to type '
                                f'"{type_name_of(a)}". Error: "The input string \'{to_str(b)}\' '
                                'was not in a correct format.""', "InvalidOperation")
        x = int(a) if type(a) is bool else a
        if isinstance(x, decimal.Decimal) and isinstance(nb, float):
            x = float(x)
        if isinstance(nb, decimal.Decimal) and isinstance(x, float):
            nb = float(nb)
        return (x > nb) - (x < nb)
    if isinstance(a, datetime.datetime):
        from .types import to_datetime
        x, y = _ticks(a), _ticks(to_datetime(b))
        return (x > y) - (x < y)
    if isinstance(a, datetime.timedelta):
        from .types import to_timespan
        y = to_timespan(b)
        return (a > y) - (a < y)
    compare_to = _compare_to(a)
    if compare_to is not None:
        # IComparable: the right operand converted to the left's type, then CompareTo
        r = compare_to(_convert_like(a, b))
        return (r > 0) - (r < 0)
    raise runtime_error(RuntimeException, "ComparisonFailure",
                        f'Cannot compare "{to_str(a)}" because it is not IComparable.',
                        "InvalidOperation")


def _ticks(d: datetime.datetime) -> datetime.datetime:
    """DateTime comparisons look at the clock value only, not its Kind (UTC/local), so an
    aware and a naive value compare without a Python TypeError."""
    return d.replace(tzinfo=None) if d.tzinfo is not None else d


def _compare_to(a):
    """The CompareTo method of an IComparable value (our own .NET-modelled classes or the
    .NET method tables), else None."""
    m = getattr(a, "CompareTo", None)
    if callable(m):
        return m
    from .dotnet import methods
    fn = methods.find_method(a, "compareto")
    if fn is None:
        return None
    return lambda other: fn(a, other)


def _convert_like(a, b):
    """``b`` converted to ``a``'s type where that type is known, else unchanged."""
    from .types import lookup_type
    t = lookup_type(type_name_of(a))
    if t is None or t.is_instance(b):
        return b
    try:
        return t.convert(b)
    except Exception:  # noqa: BLE001 - CompareTo reports what it cannot compare
        return b


def compare_values(a, b, ci: bool = True) -> int:
    return _compare(a, b, ci, "")


def _filter(a, pred):
    return [e for e in a if pred(e)]


def eq(a, b, ci=True):
    if isinstance(a, list):
        return [e for e in a if scalar_eq(e, b, ci)]
    if type(a) is int and type(b) is int:
        return a == b
    return scalar_eq(a, b, ci)


def ne(a, b, ci=True):
    if isinstance(a, list):
        return [e for e in a if not scalar_eq(e, b, ci)]
    if type(a) is int and type(b) is int:
        return a != b
    return not scalar_eq(a, b, ci)


def lt(a, b, ci=True):
    if type(a) is int and type(b) is int:
        return a < b
    if isinstance(a, list):
        return _filter(a, lambda e: _compare(e, b, ci, "lt") < 0)
    return _compare(a, b, ci, "lt") < 0


def le(a, b, ci=True):
    if type(a) is int and type(b) is int:
        return a <= b
    if isinstance(a, list):
        return _filter(a, lambda e: _compare(e, b, ci, "le") <= 0)
    return _compare(a, b, ci, "le") <= 0


def gt(a, b, ci=True):
    if type(a) is int and type(b) is int:
        return a > b
    if isinstance(a, list):
        return _filter(a, lambda e: _compare(e, b, ci, "gt") > 0)
    return _compare(a, b, ci, "gt") > 0


def ge(a, b, ci=True):
    if type(a) is int and type(b) is int:
        return a >= b
    if isinstance(a, list):
        return _filter(a, lambda e: _compare(e, b, ci, "ge") >= 0)
    return _compare(a, b, ci, "ge") >= 0


def contains(a, b, ci=True):
    items = as_list(a) if not isinstance(a, list) else a
    return any(scalar_eq(e, b, ci) for e in items)


def notcontains(a, b, ci=True):
    return not contains(a, b, ci)


def in_(a, b, ci=True):
    return contains(b, a, ci)


def notin(a, b, ci=True):
    return not contains(b, a, ci)


# --- -f, ranges, type operators -----------------------------------------------------------------------------
def range_op(a, b):
    """a..b as a value: the range (see range_values), which must hold at most 50,000,000
    elements, as it is going to be materialised."""
    r = range_values(a, b)
    if len(r) > 50_000_001:
        raise runtime_error(RuntimeException, "RangeTooBig",
                            "The range is too large: at most 50,000,000 elements.",
                            "InvalidOperation")
    return r


def range_values(a, b):
    """a..b: integers as a lazy Python ``range`` (or characters in PowerShell 7 when both
    ends are one-char strings), however many.  A range that only feeds a pipeline or a
    ``foreach`` loop is enumerated from this directly, never materialised."""
    # [char] ends always give characters; one-character strings do unless both are digits,
    # which convert to numbers ("0".."9" is 0..9)
    if (type(a) is Char and type(b) is Char) or (
            isinstance(a, str) and isinstance(b, str) and len(a) == 1 and len(b) == 1 and not (
            a.isdigit() and b.isdigit())):
        x, y = ord(a), ord(b)
        step = 1 if y >= x else -1
        return [Char(chr(c)) for c in range(x, y + step, step)]
    from .types import to_int32
    try:
        x, y = to_int32(a), to_int32(b)
    except Exception:  # noqa: BLE001
        raise runtime_error(RuntimeException, "RangeOperatorInvalid",
                            "The range operator requires numeric or character operands.",
                            "InvalidOperation") from None
    return range(x, y + 1) if y >= x else range(x, y - 1, -1)


def range_list(a, b) -> list:
    r = range_op(a, b)
    return r if isinstance(r, list) else list(r)


def is_op(a, t) -> bool:
    from .types import PSType, is_instance, resolve_type
    if not isinstance(t, PSType):
        t = resolve_type(to_str(t))
    return is_instance(a, t)



def isnot_op(a, t) -> bool:
    return not is_op(a, t)

def as_op(a, t):
    from .types import PSType, resolve_type
    if not isinstance(t, PSType):
        t = resolve_type(to_str(t))
    try:
        return t.convert(a)
    except Exception:  # noqa: BLE001 - -as returns $null on any conversion failure
        return None


def coalesce_value(a):
    return a


def not_op(a) -> bool:
    return not to_bool(a)


def xor(a, b) -> bool:
    return to_bool(a) != to_bool(b)


def sort_key(ci: bool = True):
    """Key function for sorting values the way Sort-Object orders them."""
    import functools

    def cmp(x, y):
        try:
            return _compare(x, y, ci, "")
        except Exception:  # noqa: BLE001
            return (to_str(x) > to_str(y)) - (to_str(x) < to_str(y))
    return functools.cmp_to_key(cmp)
