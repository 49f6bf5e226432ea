"""ForEach-Object -Parallel: the script block per input object on worker threads.

Each worker thread has its own session (a fresh ExecutionContext sharing the host), so
the block sees none of the caller's variables except ``$using:`` values, which are read
once in the caller's scope when the command starts.  Workers reuse their session for the
items they run unless -UseNewRunspace.  Results are written by the cmdlet's own thread,
in the order runs finish.  Python's GIL means CPU-bound blocks do not speed up; waiting
(sleep, I/O, native programs) overlaps.
"""
from __future__ import annotations

import queue
import threading
import time

from pwshlike.errors import DotNetException, ensure_error_record, exception_class
from pwshlike.runtime.convert import to_str

PSArgumentException = exception_class("System.Management.Automation.PSArgumentException")
PSNotSupportedException = exception_class("System.Management.Automation.PSNotSupportedException")
_UNSUPPORTED_COMMON = ("ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
                       "PipelineVariable")
_STOP = object()


def using_names(sb) -> list[str]:
    """The variable names the block reads with ``$using:`` (AST walk, once per command)."""
    from pwshlike.parser import ast as A
    names: list[str] = []
    stack = [sb.info.ast]
    while stack:
        node = stack.pop()
        if isinstance(node, A.Variable):
            path = node.path
            if (path.scope or "").lower() == "using" and path.name.lower() not in names:
                names.append(path.name.lower())
        stack.extend(node.children())
    return names


class ParallelRunner:
    """Feeds input objects to at most ThrottleLimit worker threads and collects results."""

    def __init__(self, cmdlet) -> None:
        self.cmdlet = cmdlet
        ctx = cmdlet.ctx
        for name in _UNSUPPORTED_COMMON:
            if cmdlet.is_bound(name):
                cmdlet.throw_terminating_error(cmdlet.error_record(
                    "The following common parameters are not currently supported in the "
                    "Parallel parameter set:\nErrorAction, WarningAction, InformationAction, "
                    "PipelineVariable", "ParallelCommonParametersNotSupported",
                    "NotImplemented", None, PSNotSupportedException))
        if cmdlet.AsJob:
            cmdlet.throw_terminating_error(cmdlet.error_record(
                "ForEach-Object -Parallel -AsJob is not supported: pwshlike has no background "
                "jobs. Run without -AsJob to wait for the results.",
                "ParallelAsJobNotSupported", "NotImplemented", None, PSNotSupportedException))
        self.block = cmdlet.Parallel
        from pwshlike.runtime.helpers import lookup
        from pwshlike.runtime.scriptblock import ScriptBlock
        self.using: dict = {}
        for name in using_names(self.block):
            value = lookup(ctx, cmdlet.current_scope, name)
            if isinstance(value, ScriptBlock):
                cmdlet.throw_terminating_error(cmdlet.error_record(
                    "A ForEach-Object -Parallel using variable cannot be a script block. "
                    "Passed-in script block variables are not supported with ForEach-Object "
                    "-Parallel, and can result in undefined behavior.",
                    "ParallelUsingVariableCannotBeScriptBlock", "InvalidType", None,
                    PSArgumentException))
            self.using[name] = value
        self.limit = int(cmdlet.ThrottleLimit) if cmdlet.is_bound("ThrottleLimit") else 5
        timeout = int(cmdlet.TimeoutSeconds) if cmdlet.is_bound("TimeoutSeconds") else 0
        self.deadline = time.monotonic() + timeout if timeout > 0 else None
        self.new_session = bool(cmdlet.UseNewRunspace)
        self.location = getattr(ctx, "location", None)
        self.tasks: queue.Queue = queue.Queue()
        self.results: queue.Queue = queue.Queue()
        self.workers: list[threading.Thread] = []
        self.pending = 0
        self.stopped = threading.Event()

    # --- the cmdlet's thread -------------------------------------------------------------------
    def add(self, item) -> None:
        from pwshlike.runtime.scriptblock import ScriptBlock
        if isinstance(item, ScriptBlock):
            c = self.cmdlet
            c.write_error(c.error_record(
                "A ForEach-Object -Parallel piped input object cannot be a script block. "
                "Passed-in script block variables are not supported with ForEach-Object "
                "-Parallel, and can result in undefined behavior.",
                "ParallelPipedInputObjectCannotBeScriptBlock", "InvalidType", None,
                PSArgumentException))
            return
        if len(self.workers) < self.limit:
            t = threading.Thread(target=self._work, name="ForEach-Object -Parallel",
                                 daemon=True)
            self.workers.append(t)
            t.start()
        self.pending += 1
        self.tasks.put(item)
        self._drain(block=False)

    def finish(self) -> None:
        for _ in self.workers:
            self.tasks.put(_STOP)
        while self.pending:
            if not self._drain(block=True):
                break

    def stop(self) -> None:
        """The pipeline is done (or was stopped): workers take no further item."""
        if not self.stopped.is_set():
            self.stopped.set()
            for _ in self.workers:
                self.tasks.put(_STOP)

    def _drain(self, block: bool) -> bool:
        """Write finished results; False when the timeout ran out."""
        while self.pending:
            try:
                if block:
                    wait = None if self.deadline is None else self.deadline - time.monotonic()
                    if wait is not None and wait <= 0:
                        raise queue.Empty
                    out, errors = self.results.get(timeout=wait)
                else:
                    out, errors = self.results.get_nowait()
            except queue.Empty:
                if block:                   # -TimeoutSeconds: drop what has not finished
                    self.stopped.set()
                    return False
                return True
            self.pending -= 1
            for obj in out:
                self.cmdlet.write_object(obj)
            for rec in errors:
                self.cmdlet.write_error(rec)
        return True

    # --- worker threads --------------------------------------------------------------------------
    def _session(self):
        from pwshlike.engine import ExecutionContext
        parent = self.cmdlet.ctx
        ctx = ExecutionContext(parent.host, getattr(parent, "noninteractive", True))
        if self.location is not None:
            ctx.location = self.location
        ctx.using_values = self.using
        return ctx

    def _work(self) -> None:
        session = None
        while True:
            item = self.tasks.get()
            if item is _STOP or self.stopped.is_set():
                return
            if session is None or self.new_session:
                session = self._session()
            self.results.put(self._run(session, item))

    def _run(self, ctx, item) -> tuple[list, list]:
        from pwshlike.runtime.context import FlowControl
        from pwshlike.runtime.invoke import invoke_scriptblock
        out: list = []
        errors: list = []
        scope = ctx.global_scope
        scope.vars["_"] = item
        try:
            invoke_scriptblock(ctx, self.block, [], None, collect=True, dollar_underscore=item,
                               parent_scope=scope, out=out)
        except DotNetException as e:
            errors.append(ensure_error_record(e))
        except FlowControl:
            pass
        except Exception as e:  # noqa: BLE001 - reported as the item's error, not a crash
            errors.append(ensure_error_record(exception_class("System.Exception")(
                to_str(e) or type(e).__name__)))
        return out, errors
