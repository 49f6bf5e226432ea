"""``$Host`` and Get-Host: the PowerShell view of the console host.

pwsh's ``$Host`` is its InternalHost wrapper around ConsoleHost: name, version, instance
id, cultures, and ``UI`` (writing to and reading from the console, ``UI.RawUI`` for colours,
sizes and the window title).  Everything here goes through the session's
:class:`pwshlike.engine.Host`, so output stays in order with the session's other output and
tests can give the host their own streams.  Made on first use of ``$Host``.
"""
from __future__ import annotations

import shutil
import uuid

from .. import PS_VERSION

HOST_NAME = "ConsoleHost"
DEFAULT_SIZE = (120, 50)            # a console size to report when there is no terminal


class Size:
    """System.Management.Automation.Host.Size."""

    dotnet_fullname = "System.Management.Automation.Host.Size"
    ps_properties = ("Width", "Height")

    def __init__(self, width: int, height: int) -> None:
        self.Width, self.Height = width, height

    def ToString(self) -> str:
        return f"{self.Width},{self.Height}"


class Coordinates:
    """System.Management.Automation.Host.Coordinates."""

    dotnet_fullname = "System.Management.Automation.Host.Coordinates"
    ps_properties = ("X", "Y")

    def __init__(self, x: int = 0, y: int = 0) -> None:
        self.X, self.Y = x, y

    def ToString(self) -> str:
        return f"{self.X},{self.Y}"


class RawUI:
    """``$Host.UI.RawUI``: colours, sizes, cursor and window title.  Colours are kept but
    not drawn (as for Write-Host); -1 is what .NET reports on Unix for the terminal's own
    colours."""

    dotnet_fullname = "System.Management.Automation.Internal.Host.InternalHostRawUserInterface"
    ps_properties = ("ForegroundColor", "BackgroundColor", "CursorPosition", "WindowPosition",
                     "CursorSize", "BufferSize", "WindowSize", "MaxWindowSize",
                     "MaxPhysicalWindowSize", "KeyAvailable", "WindowTitle")

    def __init__(self, host) -> None:
        self._host = host
        self.ForegroundColor = -1
        self.BackgroundColor = -1
        self.CursorPosition = Coordinates()
        self.WindowPosition = Coordinates()
        self.CursorSize = 25
        self._title = ""

    def _size(self) -> Size:
        cols, rows = shutil.get_terminal_size(DEFAULT_SIZE)
        return Size(cols, rows)

    @property
    def BufferSize(self) -> Size:
        return self._size()

    @property
    def WindowSize(self) -> Size:
        return self._size()

    @property
    def MaxWindowSize(self) -> Size:
        return self._size()

    @property
    def MaxPhysicalWindowSize(self) -> Size:
        return self._size()

    @property
    def KeyAvailable(self) -> bool:
        return False

    @property
    def WindowTitle(self) -> str:
        return self._title

    @WindowTitle.setter
    def WindowTitle(self, value) -> None:
        from ..runtime.convert import to_str
        self._title = to_str(value)
        if is_terminal(self._host.stdout):
            self._host.write(f"\x1b]0;{self._title}\x07")      # xterm's "set title"

    def FlushInputBuffer(self) -> None:
        pass

    def ToString(self) -> str:
        return self.dotnet_fullname


class HostUI:
    """``$Host.UI``: lines written straight to the console, bypassing the pipeline (and so
    not captured by ``>`` or ``6>``), and lines read from it."""

    dotnet_fullname = "System.Management.Automation.Internal.Host.InternalHostUserInterface"
    ps_properties = ("RawUI", "SupportsVirtualTerminal")

    def __init__(self, host) -> None:
        self._host = host
        self.RawUI = RawUI(host)

    @property
    def SupportsVirtualTerminal(self) -> bool:
        return True

    # Write(value) / Write(foreground, background, value), likewise WriteLine
    def Write(self, *args) -> None:
        self._host.write(_text(args[-1]) if args else "")

    def WriteLine(self, *args) -> None:
        self._host.write_line(_text(args[-1]) if args else "")

    def WriteErrorLine(self, value) -> None:
        self._host.write_error_line(_text(value))

    def WriteWarningLine(self, value) -> None:
        self._host.write_line("WARNING: " + _text(value))

    def WriteVerboseLine(self, value) -> None:
        self._host.write_line("VERBOSE: " + _text(value))

    def WriteDebugLine(self, value) -> None:
        self._host.write_line("DEBUG: " + _text(value))

    def ReadLine(self):
        return self._host.read_line()

    def ReadLineAsSecureString(self):
        from ..security import SecureString
        s = SecureString(self._host.read_line(True) or "")
        s.MakeReadOnly()
        return s

    def ToString(self) -> str:
        return self.dotnet_fullname


class _Named:
    """A member pwshlike models only by name (``PrivateData``, ``Runspace``)."""

    def __init__(self, fullname: str) -> None:
        self.dotnet_fullname = fullname

    def ToString(self) -> str:
        return self.dotnet_fullname


class PSHost:
    """``$Host`` (System.Management.Automation.Internal.Host.InternalHost)."""

    dotnet_fullname = "System.Management.Automation.Internal.Host.InternalHost"
    ps_properties = ("Name", "Version", "InstanceId", "UI", "CurrentCulture", "CurrentUICulture",
                     "PrivateData", "DebuggerEnabled", "IsRunspacePushed", "Runspace")

    def __init__(self, ctx) -> None:
        from ..runtime.dotnet.statics_uri import CURRENT_CULTURE, Version
        self._ctx = ctx
        self.Name = HOST_NAME
        self.Version = Version.parse(PS_VERSION)
        self.InstanceId = uuid.uuid4()
        self.UI = HostUI(ctx.host)
        self.CurrentCulture = CURRENT_CULTURE
        self.CurrentUICulture = CURRENT_CULTURE
        self.PrivateData = _Named("Microsoft.PowerShell.ConsoleHost+ConsoleColorProxy")
        self.DebuggerEnabled = True
        self.IsRunspacePushed = False
        self.Runspace = _Named("System.Management.Automation.Runspaces.LocalRunspace")

    def SetShouldExit(self, exit_code) -> None:
        """Ask the host to end the session with ``exit_code`` once the running script ends
        (unless the script ends with ``exit`` itself)."""
        from ..runtime.types import to_int32
        self._ctx.should_exit_code = to_int32(exit_code)

    def NotifyBeginApplication(self) -> None:
        pass

    def NotifyEndApplication(self) -> None:
        pass

    def ToString(self) -> str:
        return self.dotnet_fullname


def host_object(ctx) -> PSHost:
    """The session's ``$Host``, made once."""
    h = getattr(ctx, "_ps_host", None)
    if h is None:
        h = ctx._ps_host = PSHost(ctx)
    return h


def _text(value) -> str:
    from ..runtime.convert import to_str
    return to_str(value)


def is_terminal(stream) -> bool:
    """Is ``stream`` a terminal (not a file or a pipe)?"""
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False
