"""Select-String's output objects (MatchInfo, MatchInfoContext) and its context trackers.

The trackers are pwsh's (MatchString.cs): a *logical* tracker gives each match up to N lines
of context on each side, matching lines included (``Context.PreContext``/``PostContext``);
a *display* tracker gives the same lines without overlaps and without other matches
(``DisplayPreContext``/``DisplayPostContext``), so a run of matches prints as one block.
A tracker holds matches back until their context is complete and hands them over in
``emit_queue``.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable

INPUT_STREAM = "InputStream"
_MATCH_PREFIX = "> "
_CONTEXT_PREFIX = "  "


def _string_array(items) -> list:
    from pwshlike.runtime.dotnet.common import string_array
    return string_array(items)


class MatchInfoContext:
    """Microsoft.PowerShell.Commands.MatchInfoContext: the lines around a match."""

    dotnet_fullname = "Microsoft.PowerShell.Commands.MatchInfoContext"
    ps_properties = ("PreContext", "PostContext", "DisplayPreContext", "DisplayPostContext")

    def __init__(self) -> None:
        self.PreContext: list = _string_array(())
        self.PostContext: list = _string_array(())
        self.DisplayPreContext: list = _string_array(())
        self.DisplayPostContext: list = _string_array(())

    def Clone(self) -> MatchInfoContext:
        copy = MatchInfoContext()
        for name in self.ps_properties:
            setattr(copy, name, _string_array(getattr(self, name)))
        return copy

    def ToString(self) -> str:
        return self.dotnet_fullname


class MatchInfo:
    """Microsoft.PowerShell.Commands.MatchInfo: one matching line.

    ``location`` gives the session's current location when the object is displayed: the
    default view shows the path relative to it (pwsh's ``ToEmphasizedString((Get-Location).Path)``).
    """

    dotnet_fullname = "Microsoft.PowerShell.Commands.MatchInfo"
    ps_properties = ("IgnoreCase", "LineNumber", "Line", "Filename", "Path", "Pattern",
                     "Context", "Matches")

    def __init__(self, location: Callable[[], str] | None = None) -> None:
        self.IgnoreCase = False
        self.LineNumber = 0
        self.Line = ""
        self.Pattern: str | None = None
        self.Context: MatchInfoContext | None = None
        self.Matches: list = []
        self._path: str | None = None
        self._location = location

    @property
    def Path(self) -> str:
        return INPUT_STREAM if self._path is None else self._path

    @Path.setter
    def Path(self, value) -> None:
        self._path = "" if value is None else str(value)

    @property
    def Filename(self) -> str:
        return INPUT_STREAM if self._path is None else os.path.basename(self._path)

    def RelativePath(self, directory) -> str:
        """The path without a leading ``directory`` (compared ignoring case)."""
        if self._path is None:
            return INPUT_STREAM
        path = self._path
        directory = "" if directory is None else str(directory)
        if directory and path.lower().startswith(directory.lower()):
            offset = len(directory)
            if offset < len(path):
                if directory[-1] in "\\/":
                    path = path[offset:]
                elif path[offset] in "\\/":
                    path = path[offset + 1:]
        return path

    def ToString(self, directory=None) -> str:
        """``path:line:text`` for a file (path relative to ``directory`` when given), the line
        alone for piped text; with context, every line of the block, the match marked ``>``."""
        shown = self.RelativePath(directory) if directory is not None else self._path
        if self.Context is None:
            return self._format(self.Line, self.LineNumber, shown, "")
        ctx = self.Context
        number = self.LineNumber - len(ctx.DisplayPreContext)
        lines = []
        for text in ctx.DisplayPreContext:
            lines.append(self._format(text, number, shown, _CONTEXT_PREFIX))
            number += 1
        lines.append(self._format(self.Line, number, shown, _MATCH_PREFIX))
        number += 1
        for text in ctx.DisplayPostContext:
            lines.append(self._format(text, number, shown, _CONTEXT_PREFIX))
            number += 1
        return "\n".join(lines)

    def ToEmphasizedString(self, directory) -> str:
        # pwshlike's output is plain text: no reverse-video highlighting of the match
        return self.ToString(directory)

    def _format(self, text: str, number: int, shown: str | None, prefix: str) -> str:
        if self._path is None:
            return f"{prefix}{text}"
        return f"{prefix}{shown}:{number}:{text}"

    def ps_custom_view(self) -> str:
        """The default display (format data's custom control for MatchInfo)."""
        location = self._location() if self._location is not None else None
        return self.ToEmphasizedString(location)

    def without_display_context(self) -> MatchInfo:
        """A copy whose context has no display lines (a match selected again by another
        Select-String cannot be shown with its old neighbours)."""
        copy = MatchInfo(self._location)
        copy.__dict__.update(self.__dict__)
        copy.Context = self.Context.Clone() if self.Context is not None else None
        if copy.Context is not None:
            copy.Context.DisplayPreContext = _string_array(())
            copy.Context.DisplayPostContext = _string_array(())
        return copy


# --- context trackers --------------------------------------------------------------------------------
class NoContextTracker:
    """No context wanted: every match is ready at once."""

    def __init__(self) -> None:
        self.emit_queue: list[MatchInfo] = []

    def track_line(self, line: str) -> None:
        pass

    def track_match(self, match: MatchInfo) -> None:
        self.emit_queue.append(match)

    def track_eof(self) -> None:
        pass


class _DisplayContextTracker:
    """Context for display: lines shown once, between one match and the next."""

    def __init__(self, pre: int, post: int) -> None:
        self.pre, self.post = pre, post
        self.collected_pre: deque[str] = deque(maxlen=pre)
        self.collected_post: list[str] = []
        self.emit_queue: list[MatchInfo] = []
        self.match: MatchInfo | None = None
        self.collecting_post = False
        self._reset()

    def track_line(self, line: str) -> None:
        if self.collecting_post:
            self.collected_post.append(line)
            if len(self.collected_post) >= self.post:
                self._update_queue()
        elif self.pre > 0:
            self.collected_pre.append(line)

    def track_match(self, match: MatchInfo) -> None:
        if self.collecting_post:
            self._update_queue()
        self.match = match
        if self.post > 0:
            self.collecting_post = True
        else:
            self._update_queue()

    def track_eof(self) -> None:
        if self.collecting_post:
            self._update_queue()

    def _update_queue(self) -> None:
        if self.match is None:
            return
        self.emit_queue.append(self.match)
        if self.match.Context is not None:
            self.match.Context.DisplayPreContext = _string_array(self.collected_pre)
            self.match.Context.DisplayPostContext = _string_array(self.collected_post)
        self._reset()

    def _reset(self) -> None:
        self.collecting_post = False
        self.collected_pre.clear()
        self.collected_post = []
        self.match = None


class _LogicalContextTracker:
    """Context as data: up to ``pre``/``post`` neighbouring lines, other matches included.

    A ring of ``pre + 1 + post`` entries (lines or matches); a match in the middle slot of a
    full ring has all its context."""

    def __init__(self, pre: int, post: int) -> None:
        self.pre, self.post = pre, post
        self.ring: deque = deque(maxlen=pre + post + 1)
        self.emit_queue: list[MatchInfo] = []
        self.processed_early = False

    def track_line(self, line: str) -> None:
        self.ring.append(line)
        self._update_queue()

    def track_match(self, match: MatchInfo) -> None:
        self.ring.append(match)
        self._update_queue()

    def track_eof(self) -> None:
        full = len(self.ring) == self.ring.maxlen
        self._emit_range(self.pre + 1 if full else 0, len(self.ring) - 1)

    def _update_queue(self) -> None:
        if len(self.ring) != self.ring.maxlen:
            return
        if self.processed_early:
            self._emit_range(self.pre, self.pre)
        else:
            # the first entries never got a full pre-context: emit them now
            self._emit_range(0, self.pre)
            self.processed_early = True

    def _emit_range(self, start: int, end: int) -> None:
        for i in range(start, end + 1):
            entry = self.ring[i]
            if not isinstance(entry, MatchInfo):
                continue
            if entry.Context is not None:
                pre_start = max(i - self.pre, 0)
                post_len = min(self.post, len(self.ring) - i - 1)
                entry.Context.PreContext = self._texts(pre_start, i - pre_start)
                entry.Context.PostContext = self._texts(i + 1, post_len)
            self.emit_queue.append(entry)

    def _texts(self, start: int, length: int) -> list:
        entries = [self.ring[start + k] for k in range(length)]
        return _string_array(e.Line if isinstance(e, MatchInfo) else e for e in entries)


class ContextTracker:
    """Both kinds of context; a match is ready when its logical context is complete (its
    display context is complete by then too)."""

    def __init__(self, pre: int, post: int) -> None:
        self._display = _DisplayContextTracker(pre, post)
        self._logical = _LogicalContextTracker(pre, post)
        self.emit_queue: list[MatchInfo] = []

    def track_line(self, line: str) -> None:
        self._display.track_line(line)
        self._logical.track_line(line)
        self._update_queue()

    def track_match(self, match: MatchInfo) -> None:
        self._display.track_match(match)
        self._logical.track_match(match)
        self._update_queue()

    def track_eof(self) -> None:
        self._display.track_eof()
        self._logical.track_eof()
        self._update_queue()

    def _update_queue(self) -> None:
        self.emit_queue.extend(self._logical.emit_queue)
        self._logical.emit_queue.clear()
        self._display.emit_queue.clear()


def context_tracker(pre: int, post: int, raw: bool):
    """The tracker pwsh uses: none for -Raw or no context."""
    if raw or (pre == 0 and post == 0):
        return NoContextTracker()
    return ContextTracker(pre, post)
