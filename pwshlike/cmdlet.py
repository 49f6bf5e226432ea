"""Base class for cmdlets written in Python.

A cmdlet class holds behaviour only: its parameters come from its YAML spec
(``help/specs/<Verb-Noun>.yaml``), and the binder sets them as attributes named after
the parameters (``self.InputObject``) before ``begin_processing``.
"""
from __future__ import annotations

from .errors import ErrorRecord, RuntimeException, ensure_error_record, runtime_error
from .runtime.helpers import emit


class Cmdlet:
    """Subclass and implement begin_processing / process_record / end_processing."""

    fq_name: str | None = None    # e.g. Microsoft.PowerShell.Commands.WriteOutputCommand

    def __init__(self, ctx, processor) -> None:
        self.ctx = ctx
        self._proc = processor
        self.parameter_set_name = "__AllParameterSets"
        self.bound_parameters: dict = {}

    # --- lifecycle (override) --------------------------------------------------------------------
    def begin_processing(self) -> None:
        pass

    def process_record(self) -> None:
        pass

    def end_processing(self) -> None:
        pass

    # --- output ------------------------------------------------------------------------------------------
    def write_object(self, obj, enumerate_collection: bool = False) -> None:
        if enumerate_collection:
            emit(self._proc.out, obj)
        else:
            self._proc.out.append(obj)

    def write_error(self, record: ErrorRecord) -> None:
        from .runtime.commands import write_error_from
        write_error_from(self.ctx, self._proc, record, self._proc.site)

    def error_record(self, message: str, error_id: str, category: str = "NotSpecified",
                     target=None, exception_class=None) -> ErrorRecord:
        exc = runtime_error(exception_class or RuntimeException, error_id, message, category,
                            target)
        rec = ensure_error_record(exc, self._proc.site.extent if self._proc.site else None)
        rec.FullyQualifiedErrorId = f"{error_id},{self.fq_name or self._proc.name}"
        from .errors import InvocationInfo
        rec.InvocationInfo = InvocationInfo(self._proc.site.extent if self._proc.site else None,
                                            self._proc.name)
        return rec

    def throw_terminating_error(self, record: ErrorRecord):
        exc = record.Exception
        exc.error_record = record
        raise exc

    def write_warning(self, text: str) -> None:
        self.ctx.write_stream("warning", text, self._proc)

    def write_verbose(self, text: str) -> None:
        self.ctx.write_stream("verbose", text, self._proc)

    def write_debug(self, text: str) -> None:
        self.ctx.write_stream("debug", text, self._proc)

    def write_information(self, obj, tags=None) -> None:
        self.ctx.write_stream("information", obj, self._proc)

    def write_progress(self, activity: str, status: str = "", percent: int = -1) -> None:
        pass

    def write_host(self, text: str, newline: bool = True) -> None:
        self.ctx.host.write(text + ("\n" if newline else ""))

    def should_process(self, target: str, action: str | None = None) -> bool:
        return self.ctx.should_process(self._proc, (target, action))

    # --- helpers for subclasses --------------------------------------------------------------------
    def is_bound(self, name: str) -> bool:
        return name in self.bound_parameters

    @property
    def current_scope(self):
        return self._proc.scope
