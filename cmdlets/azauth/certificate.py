"""Get-PfxCertificate: a certificate (and its private key) from a PKCS #12 or PEM file.

The result is pwshlike's X509Certificate2 (pwshlike/x509.py), which Get-AzToken
-ClientCertificate takes.  The password is read from the SecureString only to open the
file and is never echoed; pwshlike does not prompt for a missing one.
"""
from __future__ import annotations

import os

from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime.convert import to_str


class GetPfxCertificateCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetPfxCertificateCommand"

    def process_record(self) -> None:
        literal = self.parameter_set_name == "ByLiteralPath"
        paths = self.bound_parameters.get("LiteralPath" if literal else "FilePath") or []
        for raw in paths if isinstance(paths, list) else [paths]:
            for path in self._resolve(to_str(raw), literal):
                self._load(path)

    def _resolve(self, raw: str, literal: bool) -> list[str]:
        from pwshlike.providers.resolve import Resolver
        found = Resolver(self, literal).existing(raw)
        return [p.path for p in found if os.path.isfile(p.path)]

    def _load(self, path: str) -> None:
        from pwshlike.x509 import CertificateLoadError, load_certificate
        password = self.bound_parameters.get("Password")
        secret = password.reveal() if password is not None else None
        try:
            with open(path, "rb") as f:
                cert = load_certificate(f.read(), secret)
        except OSError as e:
            self.write_error(self.error_record(
                f"Cannot read '{path}': {e.strerror}.", "GetPfxCertificateUnknownError",
                "ReadError", path))
            return
        except CertificateLoadError as e:
            self.write_error(self.error_record(
                f"{e} ('{path}')", "GetPfxCertificateUnknownError", "ReadError", path))
            return
        self.write_object(cert)
