"""Run a script in-process and capture what a user would see (used by the spec tests)."""
from __future__ import annotations

import io
from dataclasses import dataclass


@dataclass
class RunResult:
    stdout: str
    stderr: str
    status: int
    error_id: str | None


def run_script(script: str) -> RunResult:
    from . import parse
    from .engine import Engine, Host
    from .errors import ParseError
    out, err = io.StringIO(), io.StringIO()
    try:
        parse(script)
    except ParseError as e:
        return RunResult("", str(e), 1, f"ParseError: {e.error_id}")
    engine = Engine(Host(out, err))
    status = engine.run_text(script, "script.ps1", dot_source=False)
    errors = engine.ctx.global_scope.vars.get("error") or []
    # statement-terminating errors leave the status 0 but are still the case's error
    error_id = errors[0].FullyQualifiedErrorId if errors else None
    return RunResult(out.getvalue(), err.getvalue(), status, error_id)
