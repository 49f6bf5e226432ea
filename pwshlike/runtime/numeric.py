"""The .NET numeric types PowerShell exposes, as thin subclasses of Python numbers.

A plain ``int`` is System.Int32 when it fits (else Int64), a plain ``float`` is
System.Double and ``decimal.Decimal`` is System.Decimal.  Other widths are marked by
subclass so ``GetType()`` and casts behave as in pwsh while arithmetic stays native.
"""
from __future__ import annotations

import sys

INT32_MIN, INT32_MAX = -(2 ** 31), 2 ** 31 - 1
INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1
DECIMAL_MAX_INT = 79228162514264337593543950335


def __getattr__(name: str):
    """DECIMAL_MAX and DEC_CTX are made on first use: importing decimal costs start-up time."""
    import decimal
    if name == "DECIMAL_MAX":
        value = decimal.Decimal(DECIMAL_MAX_INT)
    elif name == "DEC_CTX":
        value = decimal.Context(prec=29, rounding=decimal.ROUND_HALF_EVEN)
    else:
        raise AttributeError(name)
    globals()[name] = value
    return value


def is_decimal(v: object) -> bool:
    """System.Decimal?  No Decimal exists until the decimal module is loaded, so a value can
    be checked without loading it."""
    mod = sys.modules.get("decimal")
    return mod is not None and isinstance(v, mod.Decimal)


def is_datetime(v: object) -> bool:
    mod = sys.modules.get("datetime")
    return mod is not None and isinstance(v, mod.datetime)


def is_timespan(v: object) -> bool:
    mod = sys.modules.get("datetime")
    return mod is not None and isinstance(v, mod.timedelta)


class _SizedInt(int):
    """An integer of a fixed .NET width."""
    dotnet_name = "Int32"
    min_value = INT32_MIN
    max_value = INT32_MAX
    rank = 0

    def __repr__(self) -> str:
        return f"{type(self).__name__}({int(self)})"


class SByte(_SizedInt):
    dotnet_name, min_value, max_value, rank = "SByte", -128, 127, 1


class Byte(_SizedInt):
    dotnet_name, min_value, max_value, rank = "Byte", 0, 255, 2


class Int16(_SizedInt):
    dotnet_name, min_value, max_value, rank = "Int16", -32768, 32767, 3


class UInt16(_SizedInt):
    dotnet_name, min_value, max_value, rank = "UInt16", 0, 65535, 4


class UInt32(_SizedInt):
    dotnet_name, min_value, max_value, rank = "UInt32", 0, 2 ** 32 - 1, 6


class Int64(_SizedInt):
    dotnet_name, min_value, max_value, rank = "Int64", INT64_MIN, INT64_MAX, 7


class UInt64(_SizedInt):
    dotnet_name, min_value, max_value, rank = "UInt64", 0, 2 ** 64 - 1, 8


class BigInteger(_SizedInt):
    dotnet_name, min_value, max_value, rank = "BigInteger", None, None, 9


class Single(float):
    """System.Single (float32); stored as a double that was rounded to single precision."""
    dotnet_name = "Single"


INT_TYPES_BY_NAME = {c.dotnet_name: c for c in (SByte, Byte, Int16, UInt16, UInt32, Int64,
                                                UInt64, BigInteger)}


def int_type_fullname(v: int) -> str:
    """The .NET full type name of an integer value (System.Int32, System.Numerics.BigInteger)."""
    t = type(v)
    if t is int:
        return "System.Int32" if INT32_MIN <= v <= INT32_MAX else "System.Int64"
    namespace = "System.Numerics" if t is BigInteger else "System"
    return f"{namespace}.{t.dotnet_name}"  # type: ignore[attr-defined]


def make_int(v: int) -> int:
    """Normalise an integer result: Int32 when it fits, Int64 when it fits, else a double."""
    if INT32_MIN <= v <= INT32_MAX:
        return v
    if INT64_MIN <= v <= INT64_MAX:
        return Int64(v)
    return float(v)


def to_single(x: float) -> Single:
    import struct
    try:
        return Single(struct.unpack("f", struct.pack("f", x))[0])
    except OverflowError:
        return Single(float("inf") if x > 0 else float("-inf"))
