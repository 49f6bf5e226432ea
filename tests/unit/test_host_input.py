"""Host input: Read-Host, Get-Credential and Remove-Item's question read from an injected
stream; -NonInteractive refuses; the AES export against an openssl-made vector."""
from __future__ import annotations

import base64
import io
import os
import tempfile

import pytest

from pwshlike.engine import Engine, Host
from pwshlike.errors import DotNetException


def run(script: str, stdin: str = "", no_input: bool = False):
    out, err = io.StringIO(), io.StringIO()
    engine = Engine(Host(out, err, stdin=io.StringIO(stdin), no_input=no_input))
    result = engine.invoke(script)
    return result, out.getvalue(), err.getvalue()


def test_read_host_reads_one_line_and_writes_the_prompt():
    result, out, _ = run("Read-Host -Prompt 'Your name'; Read-Host", "Ada\r\nsecond\n")
    assert result == ["Ada", "second"]
    assert out == "Your name: "


def test_read_host_prompt_list_is_joined_and_bang_escapes():
    result, out, _ = run("Read-Host -Prompt 'a', '', 'b'", "!?\n!!x\n")
    assert result == ["!x"]
    assert out == "a b: \na b: "


def test_read_host_as_secure_string_and_mask_input():
    result, _, _ = run("$s = Read-Host -AsSecureString; $s.GetType().FullName; "
                       "ConvertFrom-SecureString $s -AsPlainText; Read-Host -MaskInput",
                       "s3cret\nmasked\n")
    assert result == ["System.Security.SecureString", "s3cret", "masked"]


def test_read_host_end_of_input_is_null():
    result, _, _ = run("$x = Read-Host; $null -eq $x")
    assert result == [True]


def test_noninteractive_read_host_is_invalid_operation():
    with pytest.raises(DotNetException) as info:
        run("Read-Host 'x'", "line\n", no_input=True)
    rec = info.value.error_record
    assert rec.FullyQualifiedErrorId == "InvalidOperation,Microsoft.PowerShell.Commands.ReadHostCommand"
    assert "NonInteractive mode" in str(rec.Exception.Message)


def test_get_credential_prompts_through_the_host():
    result, out, _ = run("$c = Get-Credential -Title T -Message M; $c.UserName; "
                         "$c.GetNetworkCredential().Password; $c.Password.GetType().Name",
                         "\nalice\npw!\n")
    assert result == ["alice", "pw!", "SecureString"]
    assert out == "\nT\nM\nUser: User: Password for user alice: \n"
    assert "pw!" not in out


def test_remove_item_with_children_asks_and_obeys_the_answer():
    d = tempfile.mkdtemp()
    open(os.path.join(d, "f.txt"), "w").close()
    _, out, _ = run(f"Remove-Item '{d}'", "n\n")
    assert os.path.isdir(d)
    assert "has children and the Recurse parameter was not specified" in out
    run(f"Remove-Item '{d}'", "y\n")
    assert not os.path.exists(d)


def test_remove_item_with_children_noninteractive_fails():
    d = tempfile.mkdtemp()
    open(os.path.join(d, "f.txt"), "w").close()
    try:
        with pytest.raises(DotNetException) as info:
            run(f"Remove-Item '{d}'", no_input=True)
        assert info.value.error_record.FullyQualifiedErrorId.startswith("InvalidOperation,")
        assert os.path.isdir(d)
    finally:
        run(f"Remove-Item '{d}' -Recurse")


def test_whatif_reports_and_changes_nothing():
    d = tempfile.mkdtemp()
    f = os.path.join(d, "f.txt")
    open(f, "w").close()
    _, out, _ = run(f"Remove-Item '{f}' -WhatIf; New-Item '{d}/g' -WhatIf; "
                    f"Set-Content '{f}' x -WhatIf")
    assert out.splitlines() == [
        f'What if: Performing the operation "Remove File" on target "{f}".',
        f'What if: Performing the operation "Create File" on target "Destination: {d}/g".',
        f'What if: Performing the operation "Set Content" on target "Path: {f}".']
    assert os.path.exists(f) and os.path.getsize(f) == 0
    run(f"Remove-Item '{d}' -Recurse")


# --- the AES export ------------------------------------------------------------------------------
# openssl enc -aes-128-cbc -K 0102030405060708090a0b0c0d0e0f10 -iv 00112233445566778899aabbccddeeff
# of 'P@ss' in UTF-16LE gives 2dcf972a775b784c6757c1f687756716
KEY = bytes(range(1, 17))
IV = bytes.fromhex("00112233445566778899aabbccddeeff")
CIPHER = "2dcf972a775b784c6757c1f687756716"


def test_encrypt_matches_an_independent_aes_vector():
    from pwshlike.security import EXPORT_HEADER, SecureString, decrypt, encrypt
    text = encrypt(SecureString("P@ss"), KEY, IV)
    assert text.startswith(EXPORT_HEADER)
    package = base64.b64decode(text[len(EXPORT_HEADER):]).decode("utf-16-le")
    assert package == f"2|{base64.b64encode(IV).decode()}|{CIPHER}"
    assert decrypt(text, KEY).reveal() == "P@ss"


@pytest.mark.parametrize("key_len", [16, 24, 32])
def test_round_trip_for_every_key_length(key_len):
    from pwshlike.security import SecureString, decrypt, encrypt
    key = os.urandom(key_len)
    secret = "päss wörd ✓" * 3
    assert decrypt(encrypt(SecureString(secret), key), key).reveal() == secret


def test_wrong_key_and_bad_key_length():
    from pwshlike.security import SecureString, check_key, decrypt, encrypt
    text = encrypt(SecureString("abc"), KEY)
    with pytest.raises(ValueError):
        decrypt(text, bytes(16))
    with pytest.raises(ValueError):
        check_key(b"short")


def test_secure_string_never_shows_its_text():
    from pwshlike.security import SecureString
    s = SecureString("topsecret")
    assert "topsecret" not in repr(s) + str(s) + s.ToString()


def test_plain_assignment_checks_read_only_options_without_constraints():
    """codegen: ``$x = ...`` takes the checked path when the scope has options, even if no
    variable in it has a type constraint."""
    engine = Engine(Host(io.StringIO(), io.StringIO()))
    scope = engine.ctx.global_scope
    scope.vars["locked"] = 1
    scope.options = {"locked": "ReadOnly"}
    scope.constraints = None
    with pytest.raises(DotNetException) as info:
        engine.invoke("$locked = 2")
    assert getattr(info.value, "error_id", None) == "VariableNotWritable"
    assert scope.vars["locked"] == 1
