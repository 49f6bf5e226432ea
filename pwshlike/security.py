"""SecureString and PSCredential, and the SecureString export format pwsh uses.

A SecureString keeps its text out of every display: ``ToString()`` is the type name, it
has no displayable properties, and nothing here logs or formats the characters.  The
exported form follows pwsh: without a key, the hex of the UTF-16LE bytes (pwsh on Unix
has no DPAPI and does the same); with ``-Key``/``-SecureKey``, AES-CBC (PKCS7) packed as
``76492d1116743f0423413b16050a5345`` + base64(UTF-16LE ``"2|<base64 IV>|<hex data>"``).
"""
from __future__ import annotations

import base64
import os

EXPORT_HEADER = "76492d1116743f0423413b16050a5345"
VALID_KEY_LENGTHS = (16, 24, 32)


class SecureString:
    """System.Security.SecureString."""

    dotnet_fullname = "System.Security.SecureString"
    ps_properties = ()          # nothing to display: it prints as its type name

    def __init__(self, text: str = "") -> None:
        self.__chars = list(text)
        self.__read_only = False

    @property
    def Length(self) -> int:
        return len(self.__chars)

    def AppendChar(self, c) -> None:
        self._check_writable()
        self.__chars.append(str(c))

    def InsertAt(self, index, c) -> None:
        self._check_writable()
        self.__chars.insert(int(index), str(c))

    def RemoveAt(self, index) -> None:
        self._check_writable()
        del self.__chars[int(index)]

    def SetAt(self, index, c) -> None:
        self._check_writable()
        self.__chars[int(index)] = str(c)

    def Clear(self) -> None:
        self._check_writable()
        self.__chars.clear()

    def Copy(self) -> SecureString:
        return SecureString("".join(self.__chars))

    def MakeReadOnly(self) -> None:
        self.__read_only = True

    def IsReadOnly(self) -> bool:
        return self.__read_only

    def Dispose(self) -> None:
        self.__chars.clear()

    def _check_writable(self) -> None:
        if self.__read_only:
            from .errors import exception_class, runtime_error
            raise runtime_error(exception_class("InvalidOperationException"),
                                "InvalidOperation", "Instance is read-only.",
                                "InvalidOperation")

    def reveal(self) -> str:
        """The plain text, for ConvertFrom-SecureString -AsPlainText and credentials only."""
        return "".join(self.__chars)

    def ToString(self) -> str:
        return self.dotnet_fullname

    def __str__(self) -> str:
        return self.dotnet_fullname

    def __repr__(self) -> str:
        return "SecureString(<hidden>)"


class NetworkCredential:
    """System.Net.NetworkCredential: GetNetworkCredential()'s plain-text view."""

    dotnet_fullname = "System.Net.NetworkCredential"
    ps_properties = ("UserName", "Password", "SecurePassword", "Domain")

    def __init__(self, user: str, password: SecureString) -> None:
        domain, sep, name = user.partition("\\")
        self.UserName = name if sep else user
        self.Domain = domain if sep else ""
        self.SecurePassword = password

    @property
    def Password(self) -> str:
        return self.SecurePassword.reveal()


class PSCredential:
    """System.Management.Automation.PSCredential: a user name and a SecureString."""

    dotnet_fullname = "System.Management.Automation.PSCredential"
    ps_properties = ("UserName", "Password")

    def __init__(self, user, password) -> None:
        from .runtime.convert import to_str
        if not isinstance(password, SecureString):
            from .errors import exception_class, runtime_error
            raise runtime_error(exception_class("PSArgumentException"), "Argument",
                                "Cannot convert the password to a SecureString.",
                                "InvalidArgument")
        self.UserName = to_str(user)
        self.Password = password

    def GetNetworkCredential(self) -> NetworkCredential:
        return NetworkCredential(self.UserName, self.Password)

    def ToString(self) -> str:
        return self.dotnet_fullname


# --- export format -----------------------------------------------------------------------------------
def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def protect(secure: SecureString) -> str:
    """The key-less export: hex of the UTF-16LE bytes (pwsh on Unix)."""
    return _utf16(secure.reveal()).hex()


def unprotect(text: str) -> SecureString:
    data = bytes.fromhex(text)
    return SecureString(data.decode("utf-16-le"))


def check_key(key: bytes) -> None:
    if len(key) not in VALID_KEY_LENGTHS:
        raise ValueError("The specified key is not valid. Valid key length settings are "
                         "either 128 bits, 192 bits, or 256 bits.")


def encrypt(secure: SecureString, key: bytes, iv: bytes | None = None) -> str:
    """AES-CBC export with the pwsh header, as ConvertFrom-SecureString -Key writes it."""
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    check_key(key)
    iv = iv or os.urandom(16)
    padder = padding.PKCS7(128).padder()
    data = padder.update(_utf16(secure.reveal())) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    blob = enc.update(data) + enc.finalize()
    package = f"2|{base64.b64encode(iv).decode()}|{blob.hex()}"
    return EXPORT_HEADER + base64.b64encode(_utf16(package)).decode()


def decrypt(text: str, key: bytes) -> SecureString:
    """Read ConvertFrom-SecureString -Key output back (raises ValueError when it cannot)."""
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    check_key(key)
    content, iv = text, None
    if text.lower().startswith(EXPORT_HEADER):
        try:
            package = base64.b64decode(text[len(EXPORT_HEADER):], validate=True)
            parts = package.decode("utf-16-le").split("|")
            if len(parts) == 3:
                content, iv = parts[2], base64.b64decode(parts[1])
        except (ValueError, UnicodeDecodeError):
            content, iv = text, None
    try:
        blob = bytes.fromhex(content)
    except ValueError:
        raise ValueError("Input string was not in a correct format.") from None
    if iv is None:
        iv = bytes(16)
    try:
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        data = dec.update(blob) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        data = unpadder.update(data) + unpadder.finalize()
        return SecureString(data.decode("utf-16-le"))
    except (ValueError, UnicodeDecodeError):
        raise ValueError("Padding is invalid and cannot be removed.") from None
