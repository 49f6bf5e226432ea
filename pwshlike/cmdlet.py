"""Base class for cmdlets written in Python.

A cmdlet class holds behaviour only: its parameters come from its YAML spec
(``help/specs/<Verb-Noun>.yaml``), and the binder sets them as attributes named after
the parameters (``self.InputObject``) before ``begin_processing`` and again for each
pipeline record.  An unbound parameter is ``None`` (an off ``SwitchParameter`` for
switches) unless the class defines a class attribute of that name, which is then its
default.

Override ``begin_processing`` / ``process_record`` / ``end_processing``.  Write with
``write_object``, ``write_error``, ``write_warning``, ``write_verbose``, ``write_debug``,
``write_information``, ``write_progress`` and ``write_host``; each honours the common
parameters (-ErrorAction, -Verbose, ...) and preference variables and follows the
command's redirections.  Guard changes with ``should_process`` (which answers -WhatIf and
-Confirm) and ``should_continue``.
"""
from __future__ import annotations

from typing import NoReturn

from .errors import (
    ErrorRecord,
    InvocationInfo,
    RuntimeException,
    ensure_error_record,
    runtime_error,
)
from .runtime.helpers import emit
from .runtime.processor import StopUpstreamCommands


class Cmdlet:
    """Subclass and implement begin_processing / process_record / end_processing."""

    fq_name: str | None = None    # e.g. Microsoft.PowerShell.Commands.WriteOutputCommand

    def __init__(self, ctx, processor) -> None:
        self.ctx = ctx
        self._proc = processor
        self.parameter_set_name = "__AllParameterSets"
        self.bound_parameters: dict = {}
        self.current_pipeline_object = None

    # --- lifecycle (override) --------------------------------------------------------------------
    def begin_processing(self) -> None:
        pass

    def process_record(self) -> None:
        pass

    def end_processing(self) -> None:
        pass

    def dispose(self) -> None:
        """Called once the pipeline is done with the command, however it ended: also when
        ``end_processing`` never ran because the pipeline was stopped or failed.  Release
        here what must not outlive the pipeline (pwsh's IDisposable cmdlets)."""

    # --- flow --------------------------------------------------------------------------------------
    def stop_upstream(self) -> NoReturn:
        """Stop the commands before this one: this command has all the input it needs
        (pwsh's StopUpstreamCommandsException, raised by Select-Object -First).

        Call it from ``process_record``.  The upstream commands' loops and script blocks are
        abandoned and their end blocks skipped; ``end_processing`` of this command is not
        called either, so call it first if it has output to write.  The commands after this
        one go on and end normally, and no error is reported."""
        raise StopUpstreamCommands(self._proc)

    # --- facts about this invocation ---------------------------------------------------------------
    @property
    def runtime(self):
        return self._proc.runtime

    @property
    def name(self) -> str:
        return self._proc.name

    @property
    def expecting_input(self) -> bool:
        """True when the command gets pipeline input (process_record runs per record)."""
        return bool(getattr(self._proc, "expected", False))

    @property
    def current_scope(self):
        return self._proc.scope

    def is_bound(self, name: str) -> bool:
        return name in self.bound_parameters

    @property
    def my_invocation(self):
        from .runtime.functions import make_invocation_info
        from .runtime.values import Hashtable
        return make_invocation_info(self._proc, Hashtable(self.bound_parameters.items()), [],
                                    self.expecting_input)

    # --- output ------------------------------------------------------------------------------------------
    def write_object(self, obj, enumerate_collection: bool = False) -> None:
        if enumerate_collection:
            emit(self._proc.out, obj)
        else:
            self._proc.out.append(obj)

    def write_error(self, record: ErrorRecord) -> None:
        """A non-terminating error (honours -ErrorAction and $ErrorActionPreference)."""
        if record.InvocationInfo is None:
            record.InvocationInfo = self._invocation()
        self._proc.runtime.write_error(record)

    def throw_terminating_error(self, record: ErrorRecord):
        if record.InvocationInfo is None:
            record.InvocationInfo = self._invocation()
        self._proc.runtime.throw_terminating_error(record)

    def error_record(self, message: str, error_id: str, category: str = "NotSpecified",
                     target=None, exception_class=None) -> ErrorRecord:
        """An ErrorRecord for this command: FullyQualifiedErrorId ``<error_id>,<.NET type>``."""
        exc = runtime_error(exception_class or RuntimeException, error_id, message, category,
                            target)
        site = self._proc.site
        rec = ensure_error_record(exc, site.extent if site else None)
        rec.FullyQualifiedErrorId = f"{error_id},{self.fq_name or self._fq()}"
        rec.InvocationInfo = self._invocation()
        return rec

    def _fq(self) -> str:
        info = getattr(self._proc, "info", None)
        return getattr(info, "fq_name", None) or self._proc.name

    def _invocation(self):
        site = self._proc.site
        return InvocationInfo(site.extent if site else None, self._proc.name)

    def write_warning(self, text) -> None:
        self._proc.runtime.write_warning(text)

    def write_verbose(self, text) -> None:
        self._proc.runtime.write_verbose(text)

    def write_debug(self, text) -> None:
        self._proc.runtime.write_debug(text)

    def write_information(self, obj, tags=None) -> None:
        self._proc.runtime.write_information(obj, list(tags) if tags else None)

    def write_progress(self, activity: str, status: str = "", percent: int = -1,
                       activity_id: int = 0, completed: bool = False) -> None:
        from .runtime.streams import ProgressRecord
        self._proc.runtime.write_progress(ProgressRecord(activity, status, activity_id, percent,
                                                         completed=completed))

    def write_host(self, text: str, newline: bool = True, foreground=None,
                   background=None) -> None:
        """Write-Host's way out: an information record tagged PSHOST (shown unless the
        information stream is redirected, e.g. ``6>$null``)."""
        self._proc.runtime.write_host(text, newline, foreground, background)

    # --- confirmation ------------------------------------------------------------------------------
    def should_process(self, target, action: str | None = None) -> bool:
        """ShouldProcess(target[, action]): False under -WhatIf (after printing "What if:
        ..."), asks under -Confirm or when ConfirmImpact reaches $ConfirmPreference."""
        rt = self._proc.runtime
        return rt.should_process(rt.should_process_message(target, action))[0]

    def should_process_description(self, description: str, warning: str | None = None,
                                   caption: str | None = None) -> bool:
        return self._proc.runtime.should_process(description, warning, caption)[0]

    def should_continue(self, query: str, caption: str, has_security_impact: bool = False
                        ) -> bool:
        """Always asks the user (a terminating error when the host cannot prompt)."""
        answer = self._proc.runtime.should_continue(query, caption, has_security_impact)
        return answer in ("yes", "yestoall")
