"""PowerShell's output streams beside the success stream, and where they go.

Streams are numbered as redirection writes them: 2 error, 3 warning, 4 verbose, 5 debug,
6 information (progress has no number).  A ``Streams`` value says where each goes for the
code now running: the host (``None``, rendered as pwsh's console does), nowhere
(``DISCARD``, from ``3>$null``), or a sink (``2>&1`` merges into a command's output, ``2>
file`` into a file).  Each command runs with its own ``Streams`` (inherited from where it
was created, changed by its redirections and ``-ErrorVariable``-style parameters), so what
a function's inner commands write follows the function's redirections.
"""
from __future__ import annotations

from .context import NullSink
from .convert import to_str

STREAMS = ("error", "warning", "verbose", "debug", "information")
NUMBERS = {"2": "error", "3": "warning", "4": "verbose", "5": "debug", "6": "information"}


class _Discard(NullSink):
    """``3>$null``: a stream target that drops records (one instance, compared by identity)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "DISCARD"


DISCARD = _Discard()


# --- records -------------------------------------------------------------------------------------------
class InformationalRecord:
    """WarningRecord / VerboseRecord / DebugRecord: a message and where it came from."""

    dotnet_fullname = "System.Management.Automation.InformationalRecord"
    prefix = ""
    ps_properties = ("Message", "InvocationInfo", "PipelineIterationInfo")

    def __init__(self, message, invocation=None) -> None:
        self.Message = to_str(message)
        self.InvocationInfo = invocation
        self.PipelineIterationInfo = []

    def ToString(self) -> str:
        return self.Message

    def __str__(self) -> str:
        return self.Message

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.Message!r}>"


class WarningRecord(InformationalRecord):
    dotnet_fullname = "System.Management.Automation.WarningRecord"
    prefix = "WARNING: "
    ps_stream = "warning"
    ps_properties = ("Message", "FullyQualifiedWarningId", "InvocationInfo",
                     "PipelineIterationInfo")

    def __init__(self, message, invocation=None, warning_id: str = "") -> None:
        super().__init__(message, invocation)
        self.FullyQualifiedWarningId = warning_id


class VerboseRecord(InformationalRecord):
    dotnet_fullname = "System.Management.Automation.VerboseRecord"
    prefix = "VERBOSE: "
    ps_stream = "verbose"


class DebugRecord(InformationalRecord):
    dotnet_fullname = "System.Management.Automation.DebugRecord"
    prefix = "DEBUG: "
    ps_stream = "debug"


class HostInformationMessage:
    """What Write-Host puts in an InformationRecord."""

    dotnet_fullname = "System.Management.Automation.HostInformationMessage"
    ps_properties = ("Message", "NoNewLine", "ForegroundColor", "BackgroundColor")

    def __init__(self, message: str, no_newline: bool = False, foreground=None,
                 background=None) -> None:
        self.Message = message
        self.NoNewLine = no_newline
        self.ForegroundColor = foreground
        self.BackgroundColor = background

    def ToString(self) -> str:
        return self.Message

    def __str__(self) -> str:
        return self.Message


class InformationRecord:
    dotnet_fullname = "System.Management.Automation.InformationRecord"
    ps_stream = "information"
    ps_properties = ("MessageData", "Source", "TimeGenerated", "Tags", "User", "Computer",
                     "ProcessId", "NativeThreadId", "ManagedThreadId")

    def __init__(self, message_data, source: str = "", tags=()) -> None:
        import datetime
        import os
        self.MessageData = message_data
        self.Source = source
        self.TimeGenerated = datetime.datetime.now()
        self.Tags = list(tags or ())
        self.User = os.environ.get("USER", "")
        self.Computer = _hostname()
        self.ProcessId = os.getpid()
        self.NativeThreadId = 0
        self.ManagedThreadId = 1

    def ToString(self) -> str:
        md = self.MessageData
        if hasattr(md, "ToString") and not isinstance(md, (str, list)):
            return md.ToString()
        return to_str(md)

    def __str__(self) -> str:
        return self.ToString()


def _hostname() -> str:
    import socket
    try:
        return socket.gethostname()
    except OSError:
        return ""


class ProgressRecord:
    dotnet_fullname = "System.Management.Automation.ProgressRecord"
    ps_properties = ("ActivityId", "ParentActivityId", "Activity", "StatusDescription",
                     "CurrentOperation", "PercentComplete", "SecondsRemaining", "RecordType")

    def __init__(self, activity, status="", activity_id=0, percent=-1, parent=-1,
                 current_operation="", seconds_remaining=-1, completed=False) -> None:
        self.Activity = activity
        self.StatusDescription = status
        self.ActivityId = activity_id
        self.PercentComplete = percent
        self.ParentActivityId = parent
        self.CurrentOperation = current_operation
        self.SecondsRemaining = seconds_remaining
        self.RecordType = "Completed" if completed else "Processing"

    def ToString(self) -> str:
        return (f"parent = {self.ParentActivityId} id = {self.ActivityId} act = {self.Activity} "
                f"stat = {self.StatusDescription} cur = {self.CurrentOperation} pct = "
                f"{self.PercentComplete} sec = {self.SecondsRemaining} type = {self.RecordType}")


# --- where streams go -------------------------------------------------------------------------------
class Streams:
    """Targets of the non-output streams plus the -XxxVariable lists collecting them."""

    __slots__ = ("debug", "error", "error_vars", "information", "information_vars", "verbose",
                 "warning", "warning_vars")

    def __init__(self) -> None:
        self.error = self.warning = self.verbose = self.debug = self.information = None
        self.error_vars: tuple = ()
        self.warning_vars: tuple = ()
        self.information_vars: tuple = ()

    def derive(self) -> Streams:
        s = Streams()
        for name in Streams.__slots__:
            setattr(s, name, getattr(self, name))
        return s

    def set(self, stream: str, target) -> None:
        """Redirect one stream by number ('2'..'6') or '*' (all of them)."""
        if stream == "*":
            for name in STREAMS:
                setattr(self, name, target)
            return
        name = NUMBERS.get(stream)
        if name is not None:
            setattr(self, name, target)


DEFAULT_STREAMS = Streams()


def emit(ctx, stream: str, record, streams: Streams | None = None) -> None:
    """Send a record down one stream: to its sink, nowhere, or the host's rendering."""
    s = streams if streams is not None else ctx.streams
    target = getattr(s, stream)
    if target is None:
        render_to_host(ctx, stream, record)
    elif target is not DISCARD:
        target.append(record)


def native_target(target):
    """Where a native command's stderr lines go, in native.py's terms: None (the console),
    ('null',), ('file', path, append) or ('merge',) (error records in its output)."""
    if target is None:
        return None
    if target is DISCARD:
        return ("null",)
    if isinstance(target, FileSink):
        return ("file", target.path, True)
    return ("merge",)


def render_to_host(ctx, stream: str, record) -> None:
    """pwsh's console: errors to stderr; warnings, verbose and debug lines with their
    prefixes and information records on stdout."""
    host = ctx.host
    if stream == "error":
        ctx.write_error_record(record)
    elif stream == "information":
        md = getattr(record, "MessageData", record)
        if isinstance(md, HostInformationMessage):
            host.write(md.Message + ("" if md.NoNewLine else "\n"))
        else:
            host.write_line(record.ToString() if hasattr(record, "ToString") else to_str(record))
    else:
        prefix = {"warning": "WARNING: ", "verbose": "VERBOSE: ", "debug": "DEBUG: "}[stream]
        host.write_line(prefix + to_str(getattr(record, "Message", record)))


def record_text(record) -> str:
    """How Out-File / Out-String show a stream record (pwsh's format views)."""
    from ..errors import ErrorRecord
    if isinstance(record, ErrorRecord):
        return record.ToString()
    if isinstance(record, InformationalRecord):
        return record.Message
    if isinstance(record, InformationRecord):
        return record.ToString()
    return to_str(record)


# --- sinks -----------------------------------------------------------------------------------------------
class FileSink:
    """``> file`` / ``2>> file``: records are written as Out-File would when the command ends."""

    def __init__(self, ctx, path: str, append: bool) -> None:
        self.ctx = ctx
        self.path = path
        self.append_mode = append
        self.items: list = []
        self.closed = False
        # pwsh creates (or truncates) the file as the pipeline starts
        try:
            with open(path, "a" if append else "w", encoding="utf-8"):
                pass
        except OSError as e:
            raise _file_error(path, e) from None

    def append(self, item) -> None:
        self.items.append(item)

    def extend(self, items) -> None:
        for i in items:
            self.append(i)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        lines = render_lines(self.ctx, self.items)
        if lines:
            try:
                with open(self.path, "a", encoding="utf-8") as f:
                    f.writelines(line + "\n" for line in lines)
            except OSError as e:
                raise _file_error(self.path, e) from None


def _file_error(path: str, e: OSError):
    from ..errors import exception_class, runtime_error
    if isinstance(e, FileNotFoundError):
        return runtime_error(exception_class("System.IO.DirectoryNotFoundException"),
                             "DirectoryNotFoundException",
                             f"Could not find a part of the path '{path}'.", "ObjectNotFound",
                             path)
    if isinstance(e, PermissionError):
        return runtime_error(exception_class("System.UnauthorizedAccessException"),
                             "UnauthorizedAccessException",
                             f"Access to the path '{path}' is denied.", "PermissionDenied", path)
    return runtime_error(exception_class("System.IO.IOException"), "IOException",
                         e.strerror or str(e), "WriteError", path)


def render_lines(ctx, items: list) -> list[str]:
    """Text lines for a mix of output objects and stream records, in order."""
    from ..errors import ErrorRecord
    from ..host.output import format_lines
    lines: list[str] = []
    batch: list = []

    def flush() -> None:
        if batch:
            lines.extend(format_lines(list(batch), getattr(ctx.host, "width", 120)))
            batch.clear()

    for item in items:
        if isinstance(item, ErrorRecord):
            flush()
            from ..host.errorview import render_error
            lines.extend(render_error(item, ctx.pref("errorview")).split("\n"))
        elif isinstance(item, (InformationalRecord, InformationRecord)):
            flush()
            lines.extend(record_text(item).split("\n"))
        else:
            batch.append(item)
    flush()
    return lines


class TeeSink:
    """Output that also goes to a list (-OutVariable) or a variable (-PipelineVariable)."""

    __slots__ = ("collect", "on_item", "out")

    def __init__(self, out, collect=None, on_item=None) -> None:
        self.out = out
        self.collect = collect
        self.on_item = on_item

    def append(self, item) -> None:
        if self.collect is not None:
            self.collect.append(item)
        if self.on_item is not None:
            self.on_item(item)
        self.out.append(item)

    def extend(self, items) -> None:
        for i in items:
            self.append(i)

