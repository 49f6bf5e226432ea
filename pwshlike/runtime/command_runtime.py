"""What a running command can do besides writing output: the other streams with their
preferences, ShouldProcess/ShouldContinue, and the common parameters behind them.

One ``CommandRuntime`` belongs to each cmdlet and advanced function invocation (pwsh's
MshCommandRuntime).  The common parameters (-Verbose, -ErrorAction, -WhatIf, ...) override
the preference variables ($VerbosePreference, $ErrorActionPreference, $WhatIfPreference,
...) for the command; an advanced function also gets them as local preference variables,
so the commands it runs inherit them.
"""
from __future__ import annotations

from ..errors import ActionPreferenceStopException, InvocationInfo, runtime_error
from .context import MISSING
from .convert import to_bool, to_str
from .streams import (
    DISCARD,
    DebugRecord,
    InformationRecord,
    VerboseRecord,
    WarningRecord,
    emit,
    render_to_host,
)

_IMPACT = {"none": 0, "low": 1, "medium": 2, "high": 3}
_ACTION_VARIABLES = {
    "ErrorAction": "erroractionpreference", "WarningAction": "warningpreference",
    "InformationAction": "informationpreference", "ProgressAction": "progresspreference",
}


class CommandRuntime:
    def __init__(self, ctx, proc, meta=None, scope=None) -> None:
        self.ctx = ctx
        self.proc = proc
        self.meta = meta
        self.scope = scope                 # where preference variables are read
        self.error_action = None
        self.warning_action = None
        self.information_action = None
        self.progress_action = None
        self.verbose = None
        self.debug = None
        self.whatif = None
        self.confirm = None
        self.streams = ctx.streams
        self.last_should_process = None    # 'yestoall' / 'notoall'
        self.last_inquire: dict = {}

    # --- common parameters -------------------------------------------------------------------------
    def apply_common(self, bound: dict, caller_scope, fn_scope=None) -> None:
        """Take the common parameters of one invocation: preferences, stream variables,
        -OutVariable/-PipelineVariable.  ``fn_scope`` (advanced functions) also gets the
        preference variables."""
        if not bound:
            return
        for name, var in _ACTION_VARIABLES.items():
            if name in bound and bound[name] is not None:
                value = to_str(bound[name])
                setattr(self, name.replace("Action", "_action").lower(), value.lower())
                if fn_scope is not None:
                    fn_scope.vars[var] = bound[name]
        for name in ("Verbose", "Debug"):
            if name in bound:
                on = to_bool(bound[name])
                setattr(self, name.lower(), on)
                if fn_scope is not None:
                    fn_scope.vars[name.lower() + "preference"] = _action(
                        "Continue" if on else "SilentlyContinue")
        if "WhatIf" in bound:
            self.whatif = to_bool(bound["WhatIf"])
            if fn_scope is not None:
                fn_scope.vars["whatifpreference"] = self.whatif
        if "Confirm" in bound:
            self.confirm = to_bool(bound["Confirm"])
            if fn_scope is not None:
                fn_scope.vars["confirmpreference"] = _impact("Low" if self.confirm else "None")
        streams = None
        for param, field in (("ErrorVariable", "error_vars"), ("WarningVariable", "warning_vars"),
                             ("InformationVariable", "information_vars")):
            name = bound.get(param)
            if name:
                if streams is None:
                    streams = self.streams.derive()
                lst = self._variable_list(to_str(name), caller_scope)
                setattr(streams, field, getattr(streams, field) + (lst,))
        if streams is not None:
            self.streams = streams
            self.proc.streams = streams
        out_var = bound.get("OutVariable")
        if out_var:
            from .streams import TeeSink
            self.proc.out = TeeSink(self.proc.out, collect=self._variable_list(
                to_str(out_var), caller_scope))
        pipe_var = bound.get("PipelineVariable")
        if pipe_var:
            from .streams import TeeSink
            key = to_str(pipe_var).lower()

            def set_var(item, scope=caller_scope, key=key):
                scope.vars[key] = item
            self.proc.out = TeeSink(self.proc.out, on_item=set_var)

    def _variable_list(self, name: str, scope):
        """The ArrayList a -XxxVariable collects into; ``+name`` appends to what is there."""
        from .values import GenericList
        append = name.startswith("+")
        key = name[1:].lower() if append else name.lower()
        if append:
            v = scope.lookup(key)
            if isinstance(v, GenericList):
                return v
            lst = GenericList(() if v is MISSING or v is None else
                              (v if isinstance(v, list) else [v]))
        else:
            lst = GenericList()
        scope.vars[key] = lst
        return lst

    # --- preferences ------------------------------------------------------------------------------
    def _var(self, name: str) -> str:
        scope = self.scope if self.scope is not None else self.ctx.current_scope
        v = scope.lookup(name)
        if v is MISSING:
            v = self.ctx.global_scope.vars.get(name)
        return to_str(v).lower()

    def error_preference(self) -> str:
        return self.error_action or self._var("erroractionpreference")

    def warning_preference(self) -> str:
        return self.warning_action or self._var("warningpreference")

    def information_preference(self) -> str:
        return self.information_action or self._var("informationpreference")

    def progress_preference(self) -> str:
        return self.progress_action or self._var("progresspreference")

    def verbose_preference(self) -> str:
        if self.verbose is not None:
            return "continue" if self.verbose else "silentlycontinue"
        return self._var("verbosepreference")

    def debug_preference(self) -> str:
        if self.debug is not None:
            return "continue" if self.debug else "silentlycontinue"
        return self._var("debugpreference")

    def whatif_on(self) -> bool:
        if self.whatif is not None:
            return self.whatif
        scope = self.scope if self.scope is not None else self.ctx.current_scope
        v = scope.lookup("whatifpreference")
        return to_bool(v) if v is not MISSING else False

    def confirm_preference(self) -> str:
        if self.confirm is True:
            return "low"
        if self.confirm is False:
            return "none"
        return self._var("confirmpreference")

    # --- invocation info --------------------------------------------------------------------------
    def invocation(self):
        site = getattr(self.proc, "site", None)
        return InvocationInfo(site.extent if site is not None else None,
                              getattr(self.proc, "name", None))

    # --- errors -----------------------------------------------------------------------------------
    def attach(self, record):
        """Give a record written by this command its invocation and, like pwsh's
        FullyQualifiedErrorId, the command after a comma."""
        if record.InvocationInfo is None:
            record.InvocationInfo = self.invocation()
            fq = getattr(self.meta, "fq_name", None) or getattr(self.proc, "name", None)
            if fq and "," not in record.FullyQualifiedErrorId and record.error_id:
                record.FullyQualifiedErrorId = f"{record.FullyQualifiedErrorId},{fq}"
        return record

    def write_error(self, record, action: str | None = None) -> None:
        """A non-terminating error, as -ErrorAction / $ErrorActionPreference say."""
        self.attach(record)
        self.proc.had_error = True
        pref = action or self.error_preference()
        if pref == "ignore":
            return
        if pref == "silentlycontinue":
            self.append_error(record)
            return
        if pref == "stop":
            self._append_vars(self.streams.error_vars, record)
            raise _stop_exception(record, self.proc)
        if pref == "inquire":
            self._inquire(record.ToString(), None, "error")
        self.append_error(record)
        if getattr(self.ctx, "class_method_depth", 0) and self.streams.error is None:
            return      # a class method's error stream is not passed on (about_Classes_Methods)
        emit(self.ctx, "error", record, self.streams)

    def append_error(self, record) -> None:
        self.ctx.record_error(record)
        self._append_vars(self.streams.error_vars, record)

    @staticmethod
    def _append_vars(lists, item) -> None:
        for lst in lists:
            if not lst or lst[-1] is not item:
                lst.append(item)

    def throw_terminating_error(self, record):
        self.attach(record)
        self._append_vars(self.streams.error_vars, record)
        exc = record.Exception
        exc.error_record = record
        exc.ps_unwrapped = True
        site = getattr(self.proc, "site", None)
        if site is not None and getattr(exc, "ps_extent", None) is None:
            exc.ps_extent = site.extent
        raise exc

    # --- the other streams ------------------------------------------------------------------------
    def write_warning(self, message) -> None:
        rec = message if isinstance(message, WarningRecord) else \
            WarningRecord(to_str(message), self.invocation())
        pref = self.warning_preference()
        if pref == "ignore":
            return
        if pref != "silentlycontinue":
            emit(self.ctx, "warning", rec, self.streams)
        self._append_vars(self.streams.warning_vars, rec)
        self._after_write(pref, "WarningPreference", rec.Message)

    def write_verbose(self, message) -> None:
        rec = message if isinstance(message, VerboseRecord) else \
            VerboseRecord(to_str(message), self.invocation())
        pref = self.verbose_preference()
        if pref in ("silentlycontinue", "ignore"):
            return
        emit(self.ctx, "verbose", rec, self.streams)
        self._after_write(pref, "VerbosePreference", rec.Message)

    def write_debug(self, message) -> None:
        rec = message if isinstance(message, DebugRecord) else \
            DebugRecord(to_str(message), self.invocation())
        pref = self.debug_preference()
        if pref in ("silentlycontinue", "ignore"):
            return
        emit(self.ctx, "debug", rec, self.streams)
        self._after_write(pref, "DebugPreference", rec.Message)

    def write_information(self, data, tags=None) -> None:
        if isinstance(data, InformationRecord):
            rec = data
        else:
            site = getattr(self.proc, "site", None)
            source = (site.extent.filename if site is not None and site.extent.filename
                      else getattr(self.proc, "name", "")) or ""
            rec = InformationRecord(data, source, tags or ())
        pref = self.information_preference()
        if pref != "ignore":
            target = self.streams.information
            if target is None:
                if "PSHOST" in rec.Tags or pref == "continue":
                    render_to_host(self.ctx, "information", rec)
            elif target is not DISCARD:
                target.append(rec)
        self._append_vars(self.streams.information_vars, rec)
        self._after_write(pref, "InformationPreference", rec.ToString())

    def write_host(self, text: str, newline: bool = True, foreground=None,
                   background=None) -> None:
        from .streams import HostInformationMessage
        self.write_information(HostInformationMessage(text, not newline, foreground, background),
                               ["PSHOST"])

    def write_progress(self, record) -> None:
        pref = self.progress_preference()
        if pref in ("silentlycontinue", "ignore"):
            return
        # the console's progress bar is not drawn; Stop and Inquire still apply
        self._after_write(pref, "ProgressPreference", getattr(record, "Activity", ""))

    def _after_write(self, pref: str, variable: str, message: str) -> None:
        if pref == "stop":
            e = runtime_error(
                ActionPreferenceStopException, "ActionPreferenceStop",
                f'The running command stopped because the preference variable "{variable}" or '
                f"common parameter is set to Stop: {message}", "OperationStopped")
            e.ps_unwrapped = True
            name = getattr(self.proc, "name", None)
            if name:
                e.command_name = name
                e.fq_command = getattr(self.meta, "fq_name", None) or name
            raise e
        if pref == "inquire":
            self._inquire(None, None, variable)

    def _inquire(self, message, caption, key: str) -> None:
        """The Inquire preference: continue, continue always, or halt the command."""
        from ..binding.prompt import HALT, YES, YES_ALL, PromptCancelled, prompt_for_choice
        if self.last_inquire.get(key) == "yestoall":
            return
        if not self.ctx.can_prompt():
            from ..binding.prompt import noninteractive_error
            raise noninteractive_error()
        try:
            i = prompt_for_choice(self.ctx, caption or "Confirm",
                                  message or "Continue with this operation?",
                                  [YES, YES_ALL, HALT], 0)
        except PromptCancelled:
            i = -1
        if i == 1:
            self.last_inquire[key] = "yestoall"
        elif i != 0:
            raise runtime_error(
                ActionPreferenceStopException, "ActionPreferenceStop",
                "The running command stopped because the user selected the Stop option."
                if i == 2 else
                "The running command stopped because the user interrupted the command.",
                "OperationStopped")

    # --- ShouldProcess / ShouldContinue -----------------------------------------------------------
    def should_process_message(self, target, action=None) -> str:
        action = to_str(action) if action is not None else getattr(self.proc, "name", "")
        return f'Performing the operation "{action}" on target "{to_str(target)}".'

    def should_process(self, description: str, warning: str | None = None,
                       caption: str | None = None) -> tuple[bool, str]:
        """Returns (go ahead?, ShouldProcessReason)."""
        if self.last_should_process == "notoall":
            return False, "None"
        if self.last_should_process == "yestoall":
            return True, "None"
        if self.whatif_on():
            self.ctx.host.write_line("What if: " + description)
            return False, "WhatIf"
        impact = _IMPACT.get((getattr(self.meta, "confirm_impact", None) or "Medium").lower(), 2)
        threshold = _IMPACT.get(self.confirm_preference(), 3)
        if threshold == 0 or threshold > impact:
            if self.verbose_preference() not in ("silentlycontinue", "ignore"):
                self.write_verbose(description)
            return True, "None"
        if not warning:
            warning = "Are you sure you want to perform this action?\n" + description
        status = self._ask(warning, caption or "Confirm", True, True, False)
        if status in ("yestoall", "notoall"):
            self.last_should_process = status
        return status in ("yes", "yestoall"), "None"

    def should_continue(self, query: str, caption: str, has_security_impact: bool = False,
                        to_all: bool = False) -> str:
        """Always asks; returns 'yes', 'yestoall', 'no' or 'notoall'."""
        return self._ask(query or "Continue with this operation?", caption or "Confirm",
                         to_all, to_all, has_security_impact)

    def _ask(self, message: str, caption: str, yes_all: bool, no_all: bool,
             default_no: bool) -> str:
        from ..binding.prompt import (
            NO,
            NO_ALL,
            YES,
            YES_ALL,
            PromptCancelled,
            noninteractive_error,
            prompt_for_choice,
        )
        if not self.ctx.can_prompt():
            raise noninteractive_error()
        choices = [YES] + ([YES_ALL] if yes_all else []) + [NO] + ([NO_ALL] if no_all else [])
        names = ["yes"] + (["yestoall"] if yes_all else []) + ["no"] + \
            (["notoall"] if no_all else [])
        default = names.index("no") if default_no else 0
        try:
            i = prompt_for_choice(self.ctx, caption, message, choices, default)
        except PromptCancelled:
            raise runtime_error(ActionPreferenceStopException, "ActionPreferenceStop",
                                "The running command stopped because the user interrupted the "
                                "command.", "OperationStopped") from None
        return names[i]


def _stop_exception(record, proc):
    """-ErrorAction Stop: the error becomes terminating, keeping its own record."""
    exc = record.Exception
    try:
        exc.error_record = record
        exc.ps_unwrapped = True
    except AttributeError:
        pass
    site = getattr(proc, "site", None)
    if site is not None and getattr(exc, "ps_extent", None) is None:
        exc.ps_extent = site.extent
    return exc


def _action(name: str):
    from .types import resolve_type
    try:
        return resolve_type("System.Management.Automation.ActionPreference").convert(name)
    except Exception:  # noqa: BLE001 - fall back to the plain name
        return name


def _impact(name: str):
    from .types import resolve_type
    try:
        return resolve_type("System.Management.Automation.ConfirmImpact").convert(name)
    except Exception:  # noqa: BLE001
        return name
