"""``$PSStyle``: the ANSI sequences scripts decorate text with, and when they are kept.

The values are pwsh 7.4's (about_ANSI_Terminals).  ``OutputRendering`` decides what the host
does with escape sequences in what it prints: ``Ansi`` keeps them, ``PlainText`` removes
them, and ``Host`` (the default) keeps them only when stdout is a terminal.  As in pwsh, the
default is ``PlainText`` when ``NO_COLOR`` is set or ``TERM`` is ``dumb`` or ``xterm-mono``.
"""
from __future__ import annotations

import os

from ..runtime.dotnet.enums import OutputRendering, ProgressView

_ESC = "\x1b"
_COLORS = ("Black", "Red", "Green", "Yellow", "Blue", "Magenta", "Cyan", "White")


def _palette(normal: int, bright: int) -> dict[str, str]:
    out = {name: f"{_ESC}[{normal + i}m" for i, name in enumerate(_COLORS)}
    out.update({f"Bright{name}": f"{_ESC}[{bright + i}m" for i, name in enumerate(_COLORS)})
    return out


class _Colors:
    """``$PSStyle.Foreground`` / ``.Background``: one sequence per console color."""

    def __init__(self, palette: dict[str, str], rgb_code: int, fullname: str) -> None:
        self.__dict__.update(palette)
        self._rgb_code = rgb_code
        self.dotnet_fullname = fullname

    def FromRgb(self, red, green=None, blue=None) -> str:
        if green is None:                       # one 0xRRGGBB number
            rgb = int(red)
            red, green, blue = (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF
        return f"{_ESC}[{self._rgb_code};2;{int(red)};{int(green)};{int(blue)}m"

    def FromConsoleColor(self, color) -> str:
        from ..runtime.dotnet.enums import ConsoleColor
        value = int(ConsoleColor.convert(color))
        # ConsoleColor order: Black DarkBlue DarkGreen DarkCyan DarkRed DarkMagenta
        # DarkYellow Gray DarkGray Blue Green Cyan Red Magenta Yellow White
        names = ("Black", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White",
                 "BrightBlack", "BrightBlue", "BrightGreen", "BrightCyan", "BrightRed",
                 "BrightMagenta", "BrightYellow", "BrightWhite")
        return self.__dict__[names[value]]


class _Settings:
    """A nested settings object whose properties scripts may change."""

    def __init__(self, fullname: str, **values) -> None:
        self.dotnet_fullname = fullname
        self.__dict__.update(values)


class PSStyle:
    dotnet_fullname = "System.Management.Automation.PSStyle"

    def __init__(self) -> None:
        e = _ESC
        self.Reset = f"{e}[0m"
        self.Blink, self.BlinkOff = f"{e}[5m", f"{e}[25m"
        self.Bold, self.BoldOff = f"{e}[1m", f"{e}[22m"
        self.Dim, self.DimOff = f"{e}[2m", f"{e}[22m"
        self.Hidden, self.HiddenOff = f"{e}[8m", f"{e}[28m"
        self.Reverse, self.ReverseOff = f"{e}[7m", f"{e}[27m"
        self.Italic, self.ItalicOff = f"{e}[3m", f"{e}[23m"
        self.Underline, self.UnderlineOff = f"{e}[4m", f"{e}[24m"
        self.Strikethrough, self.StrikethroughOff = f"{e}[9m", f"{e}[29m"
        self._rendering = OutputRendering.convert("PlainText" if _colour_disabled() else "Host")
        self.Formatting = _Settings(
            "System.Management.Automation.PSStyle+FormattingData",
            FormatAccent=f"{e}[32;1m", TableHeader=f"{e}[32;1m",
            CustomTableHeaderLabel=f"{e}[32;1;3m", ErrorAccent=f"{e}[36;1m",
            Error=f"{e}[31;1m", Warning=f"{e}[33;1m", Verbose=f"{e}[33;1m",
            Debug=f"{e}[33;1m", FeedbackName=f"{e}[33m", FeedbackText=f"{e}[96m",
            FeedbackAction=f"{e}[97m")
        self.Progress = _Settings(
            "System.Management.Automation.PSStyle+ProgressConfiguration",
            Style=f"{e}[33;1m", MaxWidth=120, View=ProgressView.convert("Minimal"),
            UseOSCIndicator=False)
        archive, script = f"{e}[31;1m", f"{e}[33;1m"
        from ..runtime.values import Hashtable
        self.FileInfo = _Settings(
            "System.Management.Automation.PSStyle+FileInfoFormatting",
            Directory=f"{e}[44;1m", SymbolicLink=f"{e}[36;1m", Executable=f"{e}[32;1m",
            Extension=Hashtable([(x, archive) for x in (
                ".zip", ".tgz", ".gz", ".tar", ".nupkg", ".cab", ".7z")] + [
                (x, script) for x in (".ps1", ".psd1", ".psm1", ".ps1xml")]))
        self.Foreground = _Colors(_palette(30, 90), 38,
                                  "System.Management.Automation.PSStyle+ForegroundColor")
        self.Background = _Colors(_palette(40, 100), 48,
                                  "System.Management.Automation.PSStyle+BackgroundColor")

    @property
    def OutputRendering(self):
        return self._rendering

    @OutputRendering.setter
    def OutputRendering(self, value) -> None:
        self._rendering = OutputRendering.convert(value)

    def FormatHyperlink(self, text, link) -> str:
        return f"{_ESC}]8;;{link}{_ESC}\\{text}{_ESC}]8;;{_ESC}\\"

    def keeps_ansi(self, stream) -> bool:
        """Whether text printed to ``stream`` keeps its escape sequences."""
        mode = str(self._rendering)
        if mode == "Ansi":
            return True
        if mode == "PlainText":
            return False
        try:
            return stream.isatty()
        except (AttributeError, ValueError):
            return False


def _colour_disabled() -> bool:
    return "NO_COLOR" in os.environ or os.environ.get("TERM") in ("dumb", "xterm-mono")


def strip_ansi(text: str) -> str:
    """``text`` without its CSI and OSC escape sequences."""
    import re
    return re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)", "", text)
