"""Read-Host, Get-Host, Clear-Host, and the host prompts other cmdlets need
(Get-Credential, Remove-Item's "has children" question).

All input goes through the Host (``ctx.host.read_line``), so a test can give a Host its
own input stream.  As in pwsh, ``-NonInteractive`` makes every read or prompt fail with
"PowerShell is in NonInteractive mode..."; a redirected stdin is simply read, and at its
end a read returns ``$null``.
"""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime.convert import to_str

from ._session import exc

NON_INTERACTIVE = ("PowerShell is in NonInteractive mode. Read and Prompt functionality is not "
                   "available.")
PROMPT_COMMAND_PREFIX = "!"     # '!?' asks for help, '!!' escapes a leading '!'


def check_can_read(cmdlet: Cmdlet) -> None:
    """Throw pwsh's terminating error when the session was started -NonInteractive."""
    if getattr(cmdlet.ctx.host, "no_input", False):
        cmdlet.throw_terminating_error(cmdlet.error_record(
            NON_INTERACTIVE, "InvalidOperation", "InvalidOperation", None,
            exc("PSInvalidOperationException")))


def read_line(cmdlet: Cmdlet, secret: bool = False) -> str | None:
    check_can_read(cmdlet)
    return cmdlet.ctx.host.read_line(secret)


def prompt_field(cmdlet: Cmdlet, label: str, secret: bool = False, help_message: str = "",
                 ) -> str | None:
    """The console host's prompt for one field: ``label: `` then a line.  ``!?`` shows the
    field's help message and asks again; ``!!`` stands for a literal leading ``!``."""
    host = cmdlet.ctx.host
    check_can_read(cmdlet)
    for _ in range(1000):           # bounded: each round consumes a line of input
        if label:
            host.write(f"{label}: ")
        line = host.read_line(secret)
        if line is None or not line.startswith(PROMPT_COMMAND_PREFIX):
            return line
        if line == "!?":
            host.write_line(help_message)
            continue
        return line[1:] if line.startswith("!!") else line
    return None


def prompt_text(value) -> str:
    """-Prompt: a list is joined with spaces, skipping empty elements."""
    if isinstance(value, (list, tuple)):
        return " ".join(t for t in (to_str(v) for v in value) if t)
    return to_str(value)


def should_continue(cmdlet: Cmdlet, query: str, caption: str) -> bool:
    """ShouldContinue: ask Yes/No at the host; fails like pwsh without a way to ask."""
    check_can_read(cmdlet)
    host = cmdlet.ctx.host
    host.write_line(caption)
    host.write_line(query)
    for _ in range(100):
        host.write('[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help '
                   '(default is "Y"): ')
        answer = host.read_line()
        if answer is None:
            return False
        answer = answer.strip().lower()
        if answer in ("", "y", "a"):
            return True
        if answer in ("n", "l"):
            return False
    return False


class ReadHostCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.ReadHostCommand"

    def end_processing(self) -> None:
        # pwsh does this in BeginProcessing; pwshlike's pipeline would hand output written
        # there to commands whose own begin has not run yet
        secret = bool(self.AsSecureString) or bool(self.MaskInput)
        if self.is_bound("Prompt") and self.Prompt is not None:
            line = prompt_field(self, prompt_text(self.Prompt), secret)
        else:
            line = read_line(self, secret)
        if self.AsSecureString:
            from pwshlike.security import SecureString
            s = SecureString(line or "")
            s.MakeReadOnly()
            self.write_object(s)
        elif self.MaskInput:
            self.write_object(line or "")
        else:
            self.write_object(line)


class GetHostCommand(Cmdlet):
    """Writes ``$Host`` (pwshlike.host.pshost)."""

    fq_name = "Microsoft.PowerShell.Commands.GetHostCommand"

    def end_processing(self) -> None:
        from pwshlike.host.pshost import host_object
        self.write_object(host_object(self.ctx))


# What the terminfo "clear" capability of xterm-like terminals writes: cursor home, erase
# the screen, erase the scrollback.  pwsh on Linux runs the native clear for it.
CLEAR_SCREEN = "\x1b[H\x1b[2J\x1b[3J"


class ClearHostCommand(Cmdlet):
    """Clears the terminal.  The sequence goes to the console itself, never down the
    pipeline; without a terminal (output redirected) there is nothing to clear."""

    def end_processing(self) -> None:
        from pwshlike.host.pshost import is_terminal
        host = self.ctx.host
        if is_terminal(host.stdout):
            host.write(CLEAR_SCREEN)

