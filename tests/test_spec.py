"""Oils-style spec tests for the pwshlike language engine.

Every ``tests/spec/*.ps1`` file holds many cases in this format::

    #### case name
    <script lines>
    ## STDOUT:
    <expected stdout lines>
    ## END
    ## status: 1                 (optional; expected exit status)
    ## error: SomeErrorId        (optional; prefix of the FullyQualifiedErrorId)
    ## N-I: reason               (optional; not implemented yet -> xfail)

Lines before the first ``####`` header are a file preamble (comments).
Inside a script, lines starting with ``#`` are PowerShell comments unless
they start with ``####`` or with ``## `` followed by one of the keywords
above (``STDOUT:``, ``END``, ``status:``, ``error:``, ``N-I:``).  Inside a
``## STDOUT:`` block every line is literal until ``## END``.  A case without
a ``## STDOUT:`` block expects empty stdout.

Each case becomes one pytest test with id ``<file stem>::<case name>``; it
is run in-process through ``pwshlike.testing.run_script``.

Checks:

* stdout: each line right-stripped, trailing blank lines dropped on both
  sides, then compared for equality;
* ``## error: X``: ``result.error_id`` (the part before the first ``,`` of the
  FullyQualifiedErrorId; ``ParseError: <Id>`` for parse errors) must start
  with ``X``;
* ``## status: N``: ``result.status == N``.  Without it, a case that has no
  ``## error:`` line must exit with status 0; a case with ``## error:`` but no
  ``## status:`` does not check the status (statement-terminating errors
  leave it 0, script-terminating ones make it 1).

The engine is imported inside the test function, so this module collects
(and the parser self-tests pass) even when ``pwshlike`` is missing.
"""

from __future__ import annotations

import os
import re
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SPEC_DIR = Path(__file__).parent / "spec"

# Per-case wall-clock limit (seconds) so a hanging loop in the engine cannot
# stall the whole run.  Set PWSHLIKE_SPEC_TIMEOUT=0 to disable.
CASE_TIMEOUT = float(os.environ.get("PWSHLIKE_SPEC_TIMEOUT", "20"))

_HEADER = "#### "
_KEYWORD_RE = re.compile(r"^## (STDOUT:|END|status:|error:|N-I:)(.*)$")


class SpecFormatError(ValueError):
    """Raised for a malformed spec file."""


@dataclass
class SpecCase:
    """One case of a spec file."""

    file: str  # file stem, e.g. "operators"
    name: str
    script: str
    line: int  # 1-based line number of the "####" header
    stdout: str = ""  # expected stdout ("" when no STDOUT block)
    status: int | None = None
    error: str | None = None
    not_implemented: str | None = None
    has_stdout_block: bool = False
    keywords_seen: set[str] = field(default_factory=set)

    @property
    def id(self) -> str:
        return f"{self.file}::{self.name}"


def _is_keyword_line(line: str) -> re.Match[str] | None:
    return _KEYWORD_RE.match(line.rstrip("\r\n"))


def parse_spec(text: str, file: str = "<string>") -> list[SpecCase]:
    """Parse the text of one spec file into a list of cases.

    Raises SpecFormatError on malformed input: an unterminated STDOUT block,
    a duplicate case name, an empty case name, a repeated keyword in one
    case, a non-integer status, stray text after the script section, or a
    stray ``## END``.
    """
    lines = text.splitlines()
    cases: list[SpecCase] = []
    names: set[str] = set()
    current: SpecCase | None = None
    script_lines: list[str] = []
    in_script = False  # still collecting script lines of `current`
    i = 0

    def finish() -> None:
        nonlocal current
        if current is None:
            return
        if in_script:
            current.script = _join(script_lines)
        cases.append(current)
        current = None

    while i < len(lines):
        line = lines[i]
        lineno = i + 1
        if line.startswith(_HEADER) or line.rstrip() == "####":
            finish()
            name = line[len("####") :].strip()
            if not name:
                raise SpecFormatError(f"{file}:{lineno}: empty case name")
            if name in names:
                raise SpecFormatError(f"{file}:{lineno}: duplicate case name {name!r}")
            names.add(name)
            current = SpecCase(file=file, name=name, script="", line=lineno)
            script_lines = []
            in_script = True
            i += 1
            continue

        if current is None:
            # File preamble: anything before the first case header.
            i += 1
            continue

        m = _is_keyword_line(line)
        if m is None:
            if in_script:
                script_lines.append(line)
            elif line.strip():
                raise SpecFormatError(
                    f"{file}:{lineno}: unexpected text after the script of case "
                    f"{current.name!r}: {line!r}"
                )
            i += 1
            continue

        keyword, rest = m.group(1), m.group(2).strip()
        if in_script:
            current.script = _join(script_lines)
            in_script = False
        if keyword in current.keywords_seen:
            raise SpecFormatError(
                f"{file}:{lineno}: repeated '## {keyword}' in case {current.name!r}"
            )
        current.keywords_seen.add(keyword)

        if keyword == "STDOUT:":
            if rest:
                raise SpecFormatError(f"{file}:{lineno}: text after '## STDOUT:'")
            body: list[str] = []
            i += 1
            while True:
                if i >= len(lines):
                    raise SpecFormatError(
                        f"{file}:{lineno}: unterminated '## STDOUT:' block in case {current.name!r}"
                    )
                if lines[i].rstrip() == "## END":
                    break
                body.append(lines[i])
                i += 1
            current.stdout = "\n".join(body)
            current.has_stdout_block = True
            i += 1  # skip "## END"
            continue
        if keyword == "END":
            raise SpecFormatError(f"{file}:{lineno}: '## END' without '## STDOUT:'")
        if keyword == "status:":
            try:
                current.status = int(rest)
            except ValueError:
                raise SpecFormatError(f"{file}:{lineno}: bad status {rest!r}") from None
        elif keyword == "error:":
            if not rest:
                raise SpecFormatError(f"{file}:{lineno}: empty '## error:'")
            current.error = rest
        elif keyword == "N-I:":
            current.not_implemented = rest or "not implemented"
        i += 1

    finish()
    return cases


def _join(script_lines: list[str]) -> str:
    # Drop trailing blank lines between the script and the next section.
    while script_lines and not script_lines[-1].strip():
        script_lines.pop()
    return "\n".join(script_lines) + "\n" if script_lines else ""


def parse_spec_file(path: Path) -> list[SpecCase]:
    return parse_spec(path.read_text(encoding="utf-8"), file=path.stem)


def load_all_cases(spec_dir: Path = SPEC_DIR) -> list[SpecCase]:
    cases: list[SpecCase] = []
    for path in sorted(spec_dir.glob("*.ps1")):
        cases.extend(parse_spec_file(path))
    return cases


def normalize_output(text: str) -> list[str]:
    """Right-strip every line and drop trailing blank lines."""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def error_id_matches(actual: str | None, expected: str) -> bool:
    """``expected`` must prefix the part of ``actual`` before its first ','."""
    if actual is None:
        return False
    return actual.split(",", 1)[0].strip().startswith(expected)


@contextmanager
def _time_limit(seconds: float):
    usable = (
        seconds > 0
        and hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum, frame):  # pragma: no cover - only on hangs
        raise TimeoutError(f"spec case exceeded {seconds:g}s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _params() -> list:
    params = []
    for case in load_all_cases():
        marks = []
        if case.not_implemented:
            marks.append(pytest.mark.xfail(reason=f"N-I: {case.not_implemented}", strict=False))
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_spec(case: SpecCase) -> None:
    from pwshlike.testing import run_script  # the engine; imported lazily on purpose

    with _time_limit(CASE_TIMEOUT):
        result = run_script(case.script)

    context = (
        f"\n--- script ({case.file}.ps1:{case.line}) ---\n{case.script}"
        f"--- stdout ---\n{result.stdout}"
        f"--- stderr ---\n{result.stderr}"
        f"--- status={result.status} error_id={result.error_id!r}"
    )

    assert normalize_output(result.stdout) == normalize_output(case.stdout), (
        "stdout mismatch" + context
    )
    if case.error is not None:
        assert error_id_matches(result.error_id, case.error), (
            f"expected error id starting with {case.error!r}" + context
        )
    if case.status is not None:
        assert result.status == case.status, f"expected status {case.status}" + context
    elif case.error is None:
        assert result.status == 0, "expected status 0" + context


# --------------------------------------------------------------------------
# Self-tests for the spec format parser (these do not need the engine).
# --------------------------------------------------------------------------

_SAMPLE = """\
# preamble comment, ignored
## not a keyword in the preamble

#### first case
# a PowerShell comment stays in the script
'a'
## STDOUT:
a
# literal line in the output
## END

#### error case
throw 'boom'
## error: boom
## status: 1

#### only status and N-I
exit 3
## N-I: exit not wired up
## status: 3
#### no stdout block
$x = 1

#### stdout with blank lines

"x"
## STDOUT:

x

## END
"""


def test_parser_reads_all_sections() -> None:
    cases = parse_spec(_SAMPLE, file="sample")
    assert [c.name for c in cases] == [
        "first case",
        "error case",
        "only status and N-I",
        "no stdout block",
        "stdout with blank lines",
    ]
    first, err, ni, nostdout, blanks = cases
    assert first.id == "sample::first case"
    assert first.script == "# a PowerShell comment stays in the script\n'a'\n"
    assert first.stdout == "a\n# literal line in the output"
    assert first.has_stdout_block and first.error is None and first.status is None
    assert err.script == "throw 'boom'\n"
    assert err.error == "boom" and err.status == 1 and err.stdout == ""
    assert ni.not_implemented == "exit not wired up" and ni.status == 3
    assert ni.script == "exit 3\n"
    assert nostdout.script == "$x = 1\n" and nostdout.stdout == ""
    assert not nostdout.has_stdout_block
    assert blanks.script == '\n"x"\n'
    assert normalize_output(blanks.stdout) == ["", "x"]
    assert first.line == 4


def test_parser_rejects_malformed_input() -> None:
    bad_inputs = [
        "#### a\n'x'\n## STDOUT:\nx\n",  # unterminated STDOUT
        "#### a\n'x'\n#### a\n'y'\n",  # duplicate name
        "#### a\n## status: one\n",  # bad status
        "#### a\n## END\n",  # END without STDOUT
        "#### a\n'x'\n## error: E\nstray text\n",  # text after the script
        "####\n'x'\n",  # empty name
        "#### a\n## error: A\n## error: B\n",  # repeated keyword
    ]
    for text in bad_inputs:
        with pytest.raises(SpecFormatError):
            parse_spec(text, file="bad")


def test_output_normalization_and_error_ids() -> None:
    assert normalize_output("a  \r\nb\t\n\n\n") == ["a", "b"]
    assert normalize_output("") == []
    assert normalize_output("\nx") == ["", "x"]
    assert error_id_matches("CommandNotFoundException", "CommandNotFoundException")
    assert error_id_matches("NamedParameterNotFound,Get-Thing", "NamedParameterNotFound")
    assert error_id_matches("ParseError: MissingEndCurlyBrace", "ParseError: MissingEndCurlyBrace")
    assert not error_id_matches("Other,Cmd", "Cmd")
    assert not error_id_matches(None, "X")


def test_spec_files_are_well_formed() -> None:
    files = sorted(SPEC_DIR.glob("*.ps1"))
    assert files, "no spec files found"
    total = 0
    for path in files:
        cases = parse_spec_file(path)
        assert cases, f"{path.name} has no cases"
        for case in cases:
            assert case.script.strip(), f"{case.id} has an empty script"
        total += len(cases)
    assert total >= 150, f"only {total} spec cases"
