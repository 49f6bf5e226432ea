"""Certificates and keys: the emulator's test CA, its TLS server certificate, and the
client certificates tests register on applications.

MSAL refuses ``http://`` authorities, so the emulator must speak TLS and clients must be
able to trust it without turning verification off.  A private CA is generated once per
state directory and reused, so a shell that already trusts it keeps working across
restarts; the server certificate is reissued on every start (cheap, and always fresh).
"""
from __future__ import annotations

import datetime as _dt
import ipaddress
import os
import ssl
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_NAME = "pwshlike identity emulator test CA"


def write_private(path: Path, data: bytes) -> None:
    """Write a file readable by the owner only (created 0600 before any byte lands)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, data)
    finally:
        os.close(fd)


def make_private_dir(path: Path) -> Path:
    """Create (or tighten) a directory so only the owner can enter it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def _key_pem(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


@dataclass(frozen=True)
class TLSFiles:
    """Paths of the TLS material in a state directory."""

    ca_cert: Path          # the test CA alone: trust this with connection_verify=
    ca_bundle: Path        # certifi/system roots + the test CA: safe for REQUESTS_CA_BUNDLE
    server_cert: Path      # server certificate followed by the CA
    server_key: Path

    def server_context(self) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.load_cert_chain(self.server_cert, self.server_key)
        return ctx

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca_cert))


def _load_ca(cert_path: Path, key_path: Path):
    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except (OSError, ValueError):
        return None
    if cert.not_valid_after_utc < _now() + _dt.timedelta(days=7):
        return None
    return cert, key


def _new_ca():
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CA_NAME),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "pwshlike")])
    now = _now()
    cert = (x509.CertificateBuilder()
            .subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - _dt.timedelta(minutes=5))
            .not_valid_after(now + _dt.timedelta(days=825))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                         content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    return cert, key


def _server_cert(ca_cert: x509.Certificate, ca_key, hosts: tuple[str, ...]):
    key = ec.generate_private_key(ec.SECP256R1())
    sans: list[x509.GeneralName] = []
    for host in hosts:
        try:
            sans.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            sans.append(x509.DNSName(host))
    now = _now()
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - _dt.timedelta(minutes=5))
            .not_valid_after(now + _dt.timedelta(days=90))
            .add_extension(x509.SubjectAlternativeName(sans), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    return cert, key


def system_roots_pem() -> bytes:
    """The roots requests would trust by default (certifi), else the system bundle."""
    candidates: list[str] = []
    try:
        import certifi
        candidates.append(certifi.where())
    except ImportError:
        pass
    paths = ssl.get_default_verify_paths()
    candidates += [p for p in (paths.cafile, paths.openssl_cafile) if p]
    for candidate in candidates:
        try:
            data = Path(candidate).read_bytes()
        except OSError:
            continue
        if data.strip():
            return data if data.endswith(b"\n") else data + b"\n"
    return b""


def ensure_tls_files(state_dir: Path,
                     hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> TLSFiles:
    """Reuse (or create) the CA in ``state_dir``, issue a fresh server certificate, and
    write both CA bundles."""
    make_private_dir(state_dir)
    files = TLSFiles(state_dir / "ca.pem", state_dir / "ca-bundle.pem",
                     state_dir / "server.pem", state_dir / "server.key")
    ca_key_path = state_dir / "ca.key"
    loaded = _load_ca(files.ca_cert, ca_key_path)
    if loaded is None:
        ca_cert, ca_key = _new_ca()
        write_private(ca_key_path, _key_pem(ca_key))
        write_private(files.ca_cert, _cert_pem(ca_cert))
    else:
        ca_cert, ca_key = loaded
    cert, key = _server_cert(ca_cert, ca_key, hosts)
    write_private(files.server_key, _key_pem(key))
    write_private(files.server_cert, _cert_pem(cert) + _cert_pem(ca_cert))
    write_private(files.ca_bundle, system_roots_pem() + _cert_pem(ca_cert))
    return files


# --- client certificates for CertificateCredential tests ----------------------------------

@dataclass(frozen=True)
class ClientCertificate:
    """A self-signed client certificate with its key, in the shapes azure-identity reads."""

    cert_pem: bytes           # public certificate: register this on the application
    key_pem: bytes
    thumbprint: str           # SHA-1, upper-case hex (as the Azure portal shows it)

    @property
    def combined_pem(self) -> bytes:
        """Key + certificate in one PEM (what CertificateCredential wants)."""
        return self.key_pem + self.cert_pem

    def pfx(self, password: bytes | None = None) -> bytes:
        key = serialization.load_pem_private_key(self.key_pem, password=None)
        cert = x509.load_pem_x509_certificate(self.cert_pem)
        encryption = (serialization.BestAvailableEncryption(password) if password
                      else serialization.NoEncryption())
        return pkcs12.serialize_key_and_certificates(b"client", key, cert, None, encryption)


def make_client_certificate(common_name: str = "pwshlike-emulator-client",
                            days: int = 30) -> ClientCertificate:
    """A new RSA key and self-signed certificate (MSAL signs assertions with RS256/PS256)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = _now()
    cert = (x509.CertificateBuilder()
            .subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - _dt.timedelta(minutes=5))
            .not_valid_after(now + _dt.timedelta(days=days))
            .sign(key, hashes.SHA256()))
    thumbprint = cert.fingerprint(hashes.SHA1()).hex().upper()
    return ClientCertificate(_cert_pem(cert), _key_pem(key), thumbprint)
