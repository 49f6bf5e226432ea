"""System.Security.Cryptography.X509Certificates.X509Certificate2, backed by ``cryptography``.

Get-PfxCertificate makes these and Get-AzToken -ClientCertificate takes them.  The private
key stays inside the object: no property shows it, and only :meth:`private_pem` (used to
hand the key to an authentication library) serialises it.  ``cryptography`` is imported
only when a certificate is loaded.
"""
from __future__ import annotations

import datetime as _dt
import re

_KEY_BLOCK = re.compile(rb"-----BEGIN ([A-Z ]*)PRIVATE KEY-----.*?-----END \1PRIVATE KEY-----",
                        re.DOTALL)
FULLNAME = "System.Security.Cryptography.X509Certificates.X509Certificate2"


class CertificateLoadError(ValueError):
    """The data is not a certificate this module can read, or the password is wrong."""


class X509Certificate2:
    dotnet_fullname = FULLNAME
    ps_properties = ("Thumbprint", "Subject", "Issuer", "NotBefore", "NotAfter",
                     "SerialNumber", "HasPrivateKey")

    def __init__(self, certificate, private_key=None, chain=()) -> None:
        self._cert = certificate
        self._key = private_key
        self._chain = list(chain)

    @staticmethod
    def ps_table_view():
        from .host.formatting import TableColumn, TableView
        return TableView(columns=(TableColumn("Thumbprint", "Thumbprint", width=40),
                                  TableColumn("Subject", "Subject")),
                         type_keys=frozenset({FULLNAME}))

    # --- properties -----------------------------------------------------------------------
    @property
    def Thumbprint(self) -> str:
        from cryptography.hazmat.primitives import hashes
        return self._cert.fingerprint(hashes.SHA1()).hex().upper()

    @property
    def Subject(self) -> str:
        return _dn(self._cert.subject)

    @property
    def Issuer(self) -> str:
        return _dn(self._cert.issuer)

    @property
    def NotBefore(self) -> _dt.datetime:
        return _local(self._cert.not_valid_before_utc)

    @property
    def NotAfter(self) -> _dt.datetime:
        return _local(self._cert.not_valid_after_utc)

    @property
    def SerialNumber(self) -> str:
        n = self._cert.serial_number
        return format(n, "X").rjust(2 * ((n.bit_length() + 8) // 8), "0")

    @property
    def HasPrivateKey(self) -> bool:
        return self._key is not None

    # --- use --------------------------------------------------------------------------------
    def certificate_pem(self) -> bytes:
        from cryptography.hazmat.primitives.serialization import Encoding
        return self._cert.public_bytes(Encoding.PEM)

    def private_pem(self) -> bytes:
        """Key and certificate as one PEM (what azure-identity's certificate_data takes).
        Secret: callers hand it to the library and drop it."""
        if self._key is None:
            raise CertificateLoadError("The certificate has no private key.")
        from cryptography.hazmat.primitives.serialization import (
            Encoding,
            NoEncryption,
            PrivateFormat,
        )
        key = self._key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        return key + self.certificate_pem()

    def ToString(self) -> str:
        return (f"[Subject]\n  {self.Subject}\n\n[Issuer]\n  {self.Issuer}\n\n"
                f"[Serial Number]\n  {self.SerialNumber}\n\n[Not Before]\n  {self.NotBefore}\n\n"
                f"[Not After]\n  {self.NotAfter}\n\n[Thumbprint]\n  {self.Thumbprint}\n")

    def __repr__(self) -> str:
        return f"X509Certificate2(Subject={self.Subject!r}, HasPrivateKey={self.HasPrivateKey})"


def _dn(name) -> str:
    """A distinguished name as .NET prints it: most specific part first, ', ' between."""
    return ", ".join(attr.rfc4514_string() for rdn in reversed(name.rdns) for attr in rdn)


def _local(moment: _dt.datetime) -> _dt.datetime:
    """.NET gives certificate dates as local times."""
    return moment.astimezone().replace(tzinfo=None)


def load_certificate(data: bytes, password: str | None = None) -> X509Certificate2:
    """A certificate from PKCS #12, PEM (certificate, optionally with its key) or DER bytes."""
    pw = password.encode("utf-8") if password is not None else None
    if b"-----BEGIN" in data:
        return _from_pem(data, pw)
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import pkcs12
    try:
        return X509Certificate2(x509.load_der_x509_certificate(data))
    except ValueError:
        pass
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, pw)
    except ValueError as e:
        if "password" in str(e).lower() or "mac" in str(e).lower():
            raise CertificateLoadError("The specified network password is not correct.") from None
        raise CertificateLoadError("Cannot find the requested object.") from None
    if cert is None:
        raise CertificateLoadError("Cannot find the requested object.")
    return X509Certificate2(cert, key, extra or ())


def _from_pem(data: bytes, password: bytes | None) -> X509Certificate2:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import load_pem_private_key
    try:
        certs = x509.load_pem_x509_certificates(data)
    except ValueError:
        raise CertificateLoadError("Cannot find the requested object.") from None
    key = None
    block = _KEY_BLOCK.search(data)
    if block is not None:
        try:
            key = load_pem_private_key(block.group(0), password)
        except TypeError:
            raise CertificateLoadError("The private key is encrypted; give its password with "
                                       "-Password.") from None
        except ValueError:
            raise CertificateLoadError("The specified network password is not correct.") from None
    return X509Certificate2(certs[0], key, certs[1:])
