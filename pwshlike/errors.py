"""Error model: parse errors, .NET-style exceptions, and PowerShell error records.

PowerShell code catches errors by .NET exception type (``catch [System.IO.IOException]``),
so the runtime raises Python exceptions whose classes mirror that hierarchy.  The
hierarchy is data (``EXCEPTION_TYPES``); classes are made from it once at import.
"""
from __future__ import annotations


# --- source positions -----------------------------------------------------------------------------
def line_col(src: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``."""
    line = src.count("\n", 0, offset) + 1
    col = offset - (src.rfind("\n", 0, offset) + 1) + 1
    return line, col


def line_text(src: str, offset: int) -> str:
    start = src.rfind("\n", 0, offset) + 1
    end = src.find("\n", offset)
    if end < 0:
        end = len(src)
    return src[start:end].rstrip("\r")


class Extent:
    """A span of a script's text, for error positions (``InvocationInfo``)."""

    __slots__ = ("end", "filename", "src", "start")

    def __init__(self, src: str, start: int, end: int, filename: str | None = None) -> None:
        self.src, self.start, self.end, self.filename = src, start, end, filename

    @property
    def line(self) -> int:
        return line_col(self.src, self.start)[0]

    @property
    def column(self) -> int:
        return line_col(self.src, self.start)[1]

    @property
    def text(self) -> str:
        return self.src[self.start:self.end]

    @property
    def line_text(self) -> str:
        return line_text(self.src, self.start)


# --- parse errors -------------------------------------------------------------------------------------
class ParseErrorInfo:
    """One parse error: pwsh's error id, message and position."""

    def __init__(self, error_id: str, message: str, start: int, end: int, incomplete: bool,
                 src: str, filename: str | None = None) -> None:
        self.error_id = error_id
        self.message = message
        self.start = start
        self.end = end
        self.incomplete = incomplete
        self.extent = Extent(src, start, end, filename)

    @property
    def line(self) -> int:
        return self.extent.line

    @property
    def column(self) -> int:
        return self.extent.column

    def __repr__(self) -> str:
        return f"<{self.error_id} at {self.line}:{self.column}: {self.message}>"


class ParseError(Exception):
    """Raised by ``parse`` with every error of the script in ``errors``."""

    def __init__(self, errors: list[ParseErrorInfo]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(f"{first.message} ({first.error_id}, line {first.line}, "
                         f"column {first.column})" + (
                             f" and {len(errors) - 1} more" if len(errors) > 1 else ""))

    @property
    def incomplete(self) -> bool:
        """True when the input merely ends too early (an open brace, string, here-string)."""
        return any(e.incomplete for e in self.errors)

    @property
    def error_id(self) -> str:
        return self.errors[0].error_id


# --- .NET exception hierarchy ------------------------------------------------------------------------------
class DotNetException(Exception):
    """Base of every exception PowerShell code can see (System.Exception)."""

    dotnet_fullname = "System.Exception"
    default_error_id = None
    default_category = "NotSpecified"

    def __init__(self, message: str | None = None, inner: BaseException | None = None,
                 error_id: str | None = None, category: str | None = None,
                 target: object = None) -> None:
        if message is None:
            message = f"Exception of type '{self.dotnet_fullname}' was thrown."
        super().__init__(message)
        self.Message = message
        self.InnerException = inner
        self.error_id = error_id
        self.category = category
        self.target = target
        self.error_record = None        # ErrorRecord, attached when first needed
        self.was_thrown_from_throw = False

    def __str__(self) -> str:
        return self.Message

    @property
    def Data(self):
        return {}

    @property
    def HResult(self) -> int:
        return -2146233087

    @property
    def StackTrace(self):
        return None

    @property
    def Source(self):
        return None

    @property
    def ErrorRecord(self):
        return ensure_error_record(self)

    def ToString(self) -> str:
        return f"{self.dotnet_fullname}: {self.Message}"

    def GetBaseException(self):
        e = self
        while isinstance(e.InnerException, DotNetException):
            e = e.InnerException
        return e


# (full name, parent full name, default category)
EXCEPTION_TYPES = [
    ("System.SystemException", "System.Exception", None),
    ("System.ApplicationException", "System.Exception", None),
    ("System.ArithmeticException", "System.SystemException", None),
    ("System.DivideByZeroException", "System.ArithmeticException", None),
    ("System.OverflowException", "System.ArithmeticException", None),
    ("System.ArgumentException", "System.SystemException", "InvalidArgument"),
    ("System.ArgumentNullException", "System.ArgumentException", "InvalidArgument"),
    ("System.ArgumentOutOfRangeException", "System.ArgumentException", "InvalidArgument"),
    ("System.FormatException", "System.SystemException", None),
    ("System.InvalidCastException", "System.SystemException", None),
    ("System.InvalidOperationException", "System.SystemException", "InvalidOperation"),
    ("System.ObjectDisposedException", "System.InvalidOperationException", None),
    ("System.NotSupportedException", "System.SystemException", None),
    ("System.NotImplementedException", "System.SystemException", None),
    ("System.PlatformNotSupportedException", "System.NotSupportedException", None),
    ("System.Runtime.InteropServices.ExternalException", "System.SystemException", None),
    ("System.ComponentModel.Win32Exception",
     "System.Runtime.InteropServices.ExternalException", None),
    ("System.NullReferenceException", "System.SystemException", None),
    ("System.IndexOutOfRangeException", "System.SystemException", None),
    ("System.Collections.Generic.KeyNotFoundException", "System.SystemException", None),
    ("System.TimeoutException", "System.SystemException", None),
    ("System.OperationCanceledException", "System.SystemException", None),
    ("System.UnauthorizedAccessException", "System.SystemException", "PermissionDenied"),
    ("System.IO.IOException", "System.SystemException", None),
    ("System.IO.FileNotFoundException", "System.IO.IOException", "ObjectNotFound"),
    ("System.IO.DirectoryNotFoundException", "System.IO.IOException", "ObjectNotFound"),
    ("System.Net.WebException", "System.InvalidOperationException", None),
    ("System.Net.Http.HttpRequestException", "System.Exception", None),
    ("System.Security.Authentication.AuthenticationException", "System.SystemException", None),
    ("System.Text.Json.JsonException", "System.Exception", None),
    ("System.Text.RegularExpressions.RegexParseException", "System.ArgumentException",
     "InvalidArgument"),
    ("System.Management.Automation.RuntimeException", "System.SystemException", None),
    ("System.Management.Automation.ParseException",
     "System.Management.Automation.RuntimeException", "ParserError"),
    ("System.Management.Automation.IncompleteParseException",
     "System.Management.Automation.ParseException", "ParserError"),
    ("System.Management.Automation.ItemNotFoundException",
     "System.Management.Automation.SessionStateException", "ObjectNotFound"),
    ("System.Management.Automation.SessionStateException",
     "System.Management.Automation.RuntimeException", None),
    ("System.Management.Automation.SessionStateUnauthorizedAccessException",
     "System.Management.Automation.SessionStateException", "WriteError"),
    ("System.Management.Automation.DriveNotFoundException",
     "System.Management.Automation.SessionStateException", "ObjectNotFound"),
    ("System.Management.Automation.CommandNotFoundException",
     "System.Management.Automation.RuntimeException", "ObjectNotFound"),
    ("System.Management.Automation.ScriptRequiresException",
     "System.Management.Automation.RuntimeException", "ResourceUnavailable"),
    ("System.Management.Automation.ParameterBindingException",
     "System.Management.Automation.RuntimeException", "InvalidArgument"),
    ("System.Management.Automation.ParameterBindingValidationException",
     "System.Management.Automation.ParameterBindingException", "InvalidData"),
    ("System.Management.Automation.ParameterBindingArgumentTransformationException",
     "System.Management.Automation.ParameterBindingException", "InvalidData"),
    ("System.Management.Automation.MethodException",
     "System.Management.Automation.RuntimeException", None),
    ("System.Management.Automation.MethodInvocationException",
     "System.Management.Automation.MethodException", None),
    ("System.Management.Automation.PropertyNotFoundException",
     "System.Management.Automation.ExtendedTypeSystemException", None),
    ("System.Management.Automation.ExtendedTypeSystemException",
     "System.Management.Automation.RuntimeException", None),
    ("System.Management.Automation.SetValueInvocationException",
     "System.Management.Automation.SetValueException", None),
    ("System.Management.Automation.SetValueException",
     "System.Management.Automation.ExtendedTypeSystemException", None),
    ("System.Management.Automation.GetValueInvocationException",
     "System.Management.Automation.ExtendedTypeSystemException", None),
    ("System.Management.Automation.PSInvalidCastException",
     "System.InvalidCastException", "InvalidArgument"),
    ("System.Management.Automation.PSArgumentException", "System.ArgumentException", None),
    ("System.Management.Automation.PSArgumentNullException", "System.ArgumentNullException",
     None),
    ("System.Management.Automation.PSArgumentOutOfRangeException",
     "System.ArgumentOutOfRangeException", None),
    ("System.Management.Automation.PSInvalidOperationException",
     "System.InvalidOperationException", "InvalidOperation"),
    ("System.Management.Automation.PSNotSupportedException", "System.NotSupportedException",
     None),
    ("System.Management.Automation.PSNotImplementedException",
     "System.NotImplementedException", None),
    ("System.Management.Automation.HelpNotFoundException", "System.SystemException",
     "ResourceUnavailable"),
    ("System.Management.Automation.MetadataException",
     "System.Management.Automation.RuntimeException", "MetadataError"),
    ("System.Management.Automation.ValidationMetadataException",
     "System.Management.Automation.MetadataException", "MetadataError"),
    ("System.Management.Automation.ArgumentTransformationMetadataException",
     "System.Management.Automation.MetadataException", "MetadataError"),
    ("System.Management.Automation.ActionPreferenceStopException",
     "System.Management.Automation.RuntimeException", "OperationStopped"),
    ("System.Management.Automation.PipelineStoppedException",
     "System.Management.Automation.RuntimeException", "OperationStopped"),
    ("System.Management.Automation.ScriptCallDepthException",
     "System.SystemException", "InvalidOperation"),
    ("System.Management.Automation.WildcardPatternException",
     "System.Management.Automation.RuntimeException", "InvalidArgument"),
    ("System.Management.Automation.Host.HostException",
     "System.Management.Automation.RuntimeException", None),
    ("System.Management.Automation.ApplicationFailedException",
     "System.Management.Automation.RuntimeException", None),
    ("Microsoft.PowerShell.Commands.WriteErrorException", "System.SystemException", None),
    ("Microsoft.PowerShell.Commands.ProcessCommandException", "System.SystemException", None),
    ("Microsoft.PowerShell.Commands.HttpResponseException",
     "System.Net.Http.HttpRequestException", None),
]

EXCEPTION_CLASSES: dict[str, type[DotNetException]] = {"system.exception": DotNetException}


def _build_exception_classes() -> None:
    pending = list(EXCEPTION_TYPES)
    while pending:
        rest = []
        for full, parent, category in pending:
            base = EXCEPTION_CLASSES.get(parent.lower())
            if base is None:
                rest.append((full, parent, category))
                continue
            attrs = {"dotnet_fullname": full}
            if category:
                attrs["default_category"] = category
            cls = type(full.rsplit(".", 1)[-1], (base,), attrs)
            EXCEPTION_CLASSES[full.lower()] = cls
        if len(rest) == len(pending):
            raise RuntimeError(f"exception table has unknown parents: {rest}")
        pending = rest


_build_exception_classes()


def exception_class(name: str) -> type[DotNetException]:
    """Look up an exception class by full or short .NET name (case-insensitive)."""
    low = name.lower()
    cls = EXCEPTION_CLASSES.get(low)
    if cls is None:
        for full, c in EXCEPTION_CLASSES.items():
            if full.rsplit(".", 1)[-1] == low or full.endswith("." + low):
                return c
        raise KeyError(name)
    return cls


def _cls(name: str) -> type[DotNetException]:
    return EXCEPTION_CLASSES[name.lower()]


RuntimeException = _cls("System.Management.Automation.RuntimeException")
ParseException = _cls("System.Management.Automation.ParseException")
CommandNotFoundException = _cls("System.Management.Automation.CommandNotFoundException")
ParameterBindingException = _cls("System.Management.Automation.ParameterBindingException")
ParameterBindingValidationException = _cls(
    "System.Management.Automation.ParameterBindingValidationException")
ParameterBindingArgumentTransformationException = _cls(
    "System.Management.Automation.ParameterBindingArgumentTransformationException")
MethodException = _cls("System.Management.Automation.MethodException")
MethodInvocationException = _cls("System.Management.Automation.MethodInvocationException")
PSInvalidCastException = _cls("System.Management.Automation.PSInvalidCastException")
ArgumentTransformationMetadataException = _cls(
    "System.Management.Automation.ArgumentTransformationMetadataException")
ValidationMetadataException = _cls("System.Management.Automation.ValidationMetadataException")
MetadataException = _cls("System.Management.Automation.MetadataException")
ActionPreferenceStopException = _cls(
    "System.Management.Automation.ActionPreferenceStopException")
DivideByZeroException = _cls("System.DivideByZeroException")
FormatException = _cls("System.FormatException")
InvalidCastException = _cls("System.InvalidCastException")
ArgumentException = _cls("System.ArgumentException")
InvalidOperationException = _cls("System.InvalidOperationException")
PSInvalidOperationException = _cls("System.Management.Automation.PSInvalidOperationException")
IndexOutOfRangeException = _cls("System.IndexOutOfRangeException")
OverflowException = _cls("System.OverflowException")
ItemNotFoundException = _cls("System.Management.Automation.ItemNotFoundException")
NotSupportedException = _cls("System.NotSupportedException")
PipelineStoppedException = _cls("System.Management.Automation.PipelineStoppedException")
WriteErrorException = _cls("Microsoft.PowerShell.Commands.WriteErrorException")
ScriptCallDepthException = _cls("System.Management.Automation.ScriptCallDepthException")

_DEFAULT_MESSAGES = {
    DivideByZeroException: "Attempted to divide by zero.",
    ItemNotFoundException: "Cannot find the item.",
}


def runtime_error(cls: type[DotNetException], error_id: str, message: str,
                  category: str | None = None, target: object = None) -> DotNetException:
    """Make a PowerShell runtime error with its error id (the FullyQualifiedErrorId's first part)."""
    return cls(message, error_id=error_id, category=category, target=target)


def exception_when_setting(name: str, error: DotNetException) -> DotNetException:
    """pwsh's error for a property assignment whose value the property rejects."""
    message = getattr(error, "Message", None) or str(error)
    return runtime_error(exception_class("SetValueInvocationException"), "ExceptionWhenSetting",
                         f'Exception setting "{name}": "{message}"', "NotSpecified")


# --- error records --------------------------------------------------------------------------------------------
class CategoryInfo:
    dotnet_fullname = "System.Management.Automation.ErrorCategoryInfo"

    def __init__(self, category: str, activity: str = "", reason: str = "",
                 target_name: str = "", target_type: str = "") -> None:
        self.Category = category
        self.Activity = activity
        self.Reason = reason
        self.TargetName = target_name
        self.TargetType = target_type

    def GetMessage(self) -> str:
        return self.ToString()

    def ToString(self) -> str:
        return (f"{self.Category}: ({self.TargetName}:{self.TargetType}) "
                f"[{self.Activity}], {self.Reason}")

    def __str__(self) -> str:
        return self.ToString()


class InvocationInfo:
    """Where an error happened: script, line, column and the command (if any)."""

    dotnet_fullname = "System.Management.Automation.InvocationInfo"

    def __init__(self, extent: Extent | None, command_name: str | None = None) -> None:
        self.extent = extent
        self.MyCommand = command_name
        self.InvocationName = command_name or ""
        self.BoundParameters = {}
        self.UnboundArguments = []
        self.PipelineLength = 0
        self.PipelinePosition = 0
        self.HistoryId = 1

    @property
    def ScriptName(self) -> str:
        return (self.extent.filename or "") if self.extent else ""

    PSCommandPath = ScriptName

    @property
    def ScriptLineNumber(self) -> int:
        return self.extent.line if self.extent else 0

    @property
    def OffsetInLine(self) -> int:
        return self.extent.column if self.extent else 0

    @property
    def Line(self) -> str:
        return self.extent.line_text + "\n" if self.extent else ""

    @property
    def PositionMessage(self) -> str:
        if not self.extent:
            return ""
        e = self.extent
        where = e.filename or ""
        head = f"At {where}:{e.line} char:{e.column}" if where else \
            f"At line:{e.line} char:{e.column}"
        text = e.line_text
        col = e.column
        width = max(1, min(len(e.text.split("\n")[0]), len(text) - col + 1))
        return f"{head}\n+ {text}\n+ {' ' * (col - 1)}{'~' * width}"


class ErrorRecord:
    """PowerShell's ErrorRecord: the exception plus id, category, target and position."""

    dotnet_fullname = "System.Management.Automation.ErrorRecord"

    def __init__(self, exception: BaseException, error_id: str, category: str,
                 target: object = None, invocation: InvocationInfo | None = None,
                 command_name: str | None = None) -> None:
        self.Exception = exception
        self.TargetObject = target
        self._error_id = error_id
        self.command_name = command_name
        self.FullyQualifiedErrorId = f"{error_id},{command_name}" if command_name else error_id
        reason = getattr(exception, "dotnet_fullname", "Exception").rsplit(".", 1)[-1]
        target_name = "" if target is None else _short_str(target)
        target_type = "" if target is None else _type_short(target)
        self.CategoryInfo = CategoryInfo(category, command_name or "", reason, target_name,
                                         target_type)
        self.InvocationInfo = invocation
        self.ErrorDetails = None
        from .runtime.callstack import capture_for
        # where the exception was raised when it has been; else where the record is made
        self._stack = capture_for(exception)
        self._stack_trace: str | None = None
        self.PipelineIterationInfo = []

    @property
    def ScriptStackTrace(self) -> str:
        if self._stack_trace is None:
            from .runtime.callstack import stack_trace
            self._stack_trace = stack_trace(self._stack)
        return self._stack_trace

    @ScriptStackTrace.setter
    def ScriptStackTrace(self, value: str) -> None:
        self._stack_trace = value

    @property
    def error_id(self) -> str:
        return self._error_id

    def ToString(self) -> str:
        if self.ErrorDetails is not None and getattr(self.ErrorDetails, "Message", None):
            return self.ErrorDetails.Message
        return getattr(self.Exception, "Message", None) or str(self.Exception)

    def __str__(self) -> str:
        return self.ToString()


class ErrorDetails:
    dotnet_fullname = "System.Management.Automation.ErrorDetails"

    def __init__(self, message: str) -> None:
        self.Message = message
        self.RecommendedAction = ""

    def ToString(self) -> str:
        return self.Message


def _short_str(v: object) -> str:
    s = v if isinstance(v, str) else repr(v) if not hasattr(v, "ToString") else v.ToString()
    return s if len(s) < 80 else s[:77] + "..."


def _type_short(v: object) -> str:
    from .runtime.typenames import type_name_of
    return type_name_of(v).rsplit(".", 1)[-1]


def ensure_error_record(exc: BaseException, extent: Extent | None = None) -> ErrorRecord:
    """The exception's error record, created from its id/category when missing."""
    rec = getattr(exc, "error_record", None)
    if rec is not None:
        if extent is not None and rec.InvocationInfo is None:
            rec.InvocationInfo = InvocationInfo(extent)
        return rec
    error_id = getattr(exc, "error_id", None)
    if not error_id:
        error_id = type(exc).__name__ if isinstance(exc, DotNetException) else "System.Exception"
        if isinstance(exc, RuntimeException) or not isinstance(exc, DotNetException):
            error_id = "RuntimeException" if not getattr(exc, "Message", None) or \
                isinstance(exc, RuntimeException) else error_id
    category = getattr(exc, "category", None) or getattr(exc, "default_category", "NotSpecified")
    rec = ErrorRecord(exc, error_id, category, getattr(exc, "target", None),
                      InvocationInfo(extent) if extent else None)
    try:
        exc.error_record = rec
    except AttributeError:
        pass
    return rec
