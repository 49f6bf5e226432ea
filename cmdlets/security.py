"""ConvertTo-SecureString, ConvertFrom-SecureString and Get-Credential.

The export format and the AES code live in :mod:`pwshlike.security`; these cmdlets add
pwsh's parameter rules and error records.  No message written here ever contains the
secret or the key.
"""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime.convert import to_str
from pwshlike.security import PSCredential, SecureString

from ._session import exc


def _key_bytes(cmdlet) -> bytes | None:
    """-Key (byte[]) or -SecureKey (its UTF-16LE bytes, as pwsh uses them)."""
    if cmdlet.is_bound("SecureKey") and cmdlet.SecureKey is not None:
        return cmdlet.SecureKey.reveal().encode("utf-16-le")
    if cmdlet.is_bound("Key") and cmdlet.Key is not None:
        from pwshlike.runtime.dotnet.common import to_bytes
        return to_bytes(cmdlet.Key, "Key")
    return None


def _bad_key(cmdlet, key: bytes) -> bool:
    from pwshlike.security import VALID_KEY_LENGTHS
    if len(key) in VALID_KEY_LENGTHS:
        return False
    cmdlet.throw_terminating_error(cmdlet.error_record(
        "The specified key is not valid. Valid key length settings are either 128 bits, 192 "
        "bits, or 256 bits.", "Argument", "InvalidArgument", None, exc("PSArgumentException")))
    return True


class ConvertToSecureStringCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ConvertToSecureStringCommand"

    def process_record(self) -> None:
        from pwshlike import security
        text = to_str(self.String) if self.String is not None else ""
        key = _key_bytes(self)
        try:
            if key is not None:
                _bad_key(self, key)
                result = security.decrypt(text, key)
            elif self.AsPlainText:
                result = SecureString(text)
            else:
                if len(text) % 2:
                    raise ValueError("The input string is not a valid encrypted string.")
                result = security.unprotect(text)
        except ValueError as e:
            crypto = str(e).startswith("Padding")
            self.write_error(self.error_record(
                str(e) if crypto or "encrypted" in str(e) else
                "Input string was not in a correct format.",
                "ImportSecureString_InvalidArgument" +
                ("_CryptographicError" if crypto else ""), "InvalidArgument", None,
                exc("ArgumentException" if not crypto else "InvalidOperationException")))
            return
        result.MakeReadOnly()
        self.write_object(result)


class ConvertFromSecureStringCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ConvertFromSecureStringCommand"

    def process_record(self) -> None:
        from pwshlike import security
        secure = self.SecureString
        if secure.Length == 0:
            self.throw_terminating_error(self.error_record(
                'Cannot process argument because the value of argument "SecureString" is not '
                'valid. Change the value of the "SecureString" argument and run the operation '
                "again.", "Argument", "InvalidArgument", None, exc("PSArgumentException")))
        key = _key_bytes(self)
        if key is not None:
            _bad_key(self, key)
            self.write_object(security.encrypt(secure, key))
        elif self.AsPlainText:
            self.write_object(secure.reveal())
        else:
            self.write_object(security.protect(secure))


class GetCredentialCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetCredentialCommand"

    def end_processing(self) -> None:
        # pwsh does this in BeginProcessing; pwshlike's pipeline would hand output written
        # there to commands whose own begin has not run yet
        if self.Credential is not None:
            self.write_object(self.Credential)
            return
        title = "PowerShell credential request" if self.Title is None else to_str(self.Title)
        message = "Enter your credentials." if self.Message is None else to_str(self.Message)
        user = to_str(self.UserName) if self.UserName is not None else ""
        cred = prompt_for_credential(self, title, message, user)
        if cred is not None:
            self.write_object(cred)


def prompt_for_credential(cmdlet: Cmdlet, caption: str, message: str, user: str,
                          ) -> PSCredential | None:
    """The console host's credential prompt: caption, message, ``User: `` (until a name
    is given) and ``Password for user NAME: `` read without echo."""
    from .host import check_can_read
    check_can_read(cmdlet)
    host = cmdlet.ctx.host
    if caption:
        host.write_line()
        host.write_line(caption)
    if message:
        host.write_line(message)
    for _ in range(1000):              # bounded: each round consumes a line
        if user:
            break
        host.write("User: ")
        line = host.read_line()
        if line is None:
            return None
        user = line
    if not user:
        return None
    host.write(f"Password for user {user}: ")
    password = host.read_line(secret=True)
    if password is None:
        return None
    host.write_line()
    secure = SecureString(password)
    secure.MakeReadOnly()
    return PSCredential(user, secure)
