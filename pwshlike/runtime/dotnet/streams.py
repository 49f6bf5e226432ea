"""System.IO.Stream and System.IO.MemoryStream: bytes in memory with a position.

Enough of the .NET API for scripts that hash or pass around bytes
(``Get-FileHash -InputStream ([IO.MemoryStream]::new($bytes))``, ``$s.ToArray()``).  A
``Stream`` also has Python's ``read()``, so code written for file objects (``hashlib``
callers, ``HashAlgorithm.ComputeHash``) reads it from its position to its end.
"""
from __future__ import annotations

from .. import numeric as N
from .common import a_int, arg_null, arg_range, byte_array, net_error, static, to_bytes

_SEEK_ORIGINS = {"begin": 0, "current": 1, "end": 2}


class Stream:
    """System.IO.Stream, the base every stream parameter accepts."""
    dotnet_class = True
    dotnet_fullname = "System.IO.Stream"
    __slots__ = ()

    def read(self, size: int = -1) -> bytes:   # Python file protocol
        raise NotImplementedError


class MemoryStream(Stream):
    """A growable byte buffer; ``Position`` moves as it is read and written."""
    dotnet_fullname = "System.IO.MemoryStream"
    ps_properties = ("CanRead", "CanSeek", "CanWrite", "Capacity", "Length", "Position",
                     "CanTimeout")
    __slots__ = ("_buf", "_closed", "_pos", "_writable")

    def __init__(self, data=None, writable=True) -> None:
        """``new()``, ``new(capacity)``, ``new(byte[])`` or ``new(byte[], writable)``."""
        self._buf = bytearray()
        self._pos = 0
        self._closed = False
        self._writable = bool(writable)
        if data is not None and not isinstance(data, int):
            self._buf = bytearray(to_bytes(data, "buffer"))

    # --- Python file protocol ---------------------------------------------------------------
    def read(self, size: int = -1) -> bytes:
        self._check_open()
        end = len(self._buf) if size is None or size < 0 else min(len(self._buf), self._pos + size)
        data = bytes(self._buf[self._pos:end])
        self._pos = max(self._pos, end)
        return data

    def _check_open(self) -> None:
        if self._closed:
            raise net_error("ObjectDisposedException", "Cannot access a closed Stream.")

    # --- .NET members -----------------------------------------------------------------------
    @property
    def CanRead(self) -> bool:
        return not self._closed

    @property
    def CanSeek(self) -> bool:
        return not self._closed

    @property
    def CanWrite(self) -> bool:
        return not self._closed and self._writable

    @property
    def CanTimeout(self) -> bool:
        return False

    @property
    def Capacity(self) -> int:
        return len(self._buf)

    @property
    def Length(self) -> int:
        self._check_open()
        return N.Int64(len(self._buf))

    @property
    def Position(self) -> int:
        self._check_open()
        return N.Int64(self._pos)

    @Position.setter
    def Position(self, value) -> None:
        pos = a_int(value, "value")
        if pos < 0:
            raise arg_range("value", "Non-negative number required.")
        self._pos = pos

    def Write(self, buffer, offset=None, count=None) -> None:
        self._check_open()
        if not self._writable:
            raise net_error("NotSupportedException", "Stream does not support writing.")
        data = to_bytes(buffer, "buffer")
        if offset is not None:
            start = a_int(offset, "offset")
            data = data[start:start + a_int(count, "count")]
        end = self._pos + len(data)
        if self._pos > len(self._buf):
            self._buf.extend(bytes(self._pos - len(self._buf)))
        self._buf[self._pos:end] = data
        self._pos = end

    def WriteByte(self, value) -> None:
        self.Write([a_int(value, "value") & 0xFF])

    def Read(self, buffer, offset, count) -> int:
        if buffer is None:
            raise arg_null("buffer")
        data = self.read(a_int(count, "count"))
        start = a_int(offset, "offset")
        for k, b in enumerate(data):
            buffer[start + k] = N.Byte(b)
        return len(data)

    def ReadByte(self) -> int:
        data = self.read(1)
        return data[0] if data else -1

    def Seek(self, offset, origin) -> int:
        base = _SEEK_ORIGINS.get(str(origin).lower(), None)
        if base is None:
            base = a_int(origin, "loc")
        start = (0, self._pos, len(self._buf))[base]
        self.Position = start + a_int(offset, "offset")
        return N.Int64(self._pos)

    def SetLength(self, value) -> None:
        n = a_int(value, "value")
        del self._buf[n:]
        self._buf.extend(bytes(n - len(self._buf)))
        self._pos = min(self._pos, n)

    def ToArray(self) -> list:
        return byte_array(self._buf)

    def GetBuffer(self) -> list:
        return byte_array(self._buf)

    def CopyTo(self, destination, buffer_size=None) -> None:
        if destination is None:
            raise arg_null("destination")
        destination.Write(byte_array(self.read()))

    def Flush(self) -> None:
        return None

    def Close(self) -> None:
        self._closed = True

    def Dispose(self) -> None:
        self._closed = True

    def ToString(self) -> str:
        return self.dotnet_fullname


MEMORYSTREAM_STATICS = {"new": static(".ctor", (0, 1, 2))(MemoryStream)}
