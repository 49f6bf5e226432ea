"""Tests for pwshlike.cmdlet.Cmdlet: the life cycle, the streams, ShouldProcess and
ShouldContinue, bound parameters and the parameter set, as a Python cmdlet sees them.

The cmdlet here is registered straight into a session (its spec is a dict, as
``help/specs/*.yaml`` would load), so the tests do not depend on the shipped cmdlets.
"""

from __future__ import annotations

import io

from pwshlike.binding.specs import meta_from_spec
from pwshlike.cmdlet import Cmdlet
from pwshlike.engine import Engine, Host
from pwshlike.runtime.cmdlet_processor import CmdletInfo


class RemoveThingCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.RemoveThingCommand"
    Suffix = "!"                      # a class attribute is an unbound parameter's default

    def begin_processing(self) -> None:
        self.write_verbose(f"begin set={self.parameter_set_name}")
        self.count = 0

    def process_record(self) -> None:
        self.count += 1
        name = self.Name
        if self.should_process(name, "Remove thing"):
            self.write_object(f"removed {name}{self.Suffix}")
        self.write_warning(f"warned {name}")
        if name == "bad":
            self.write_error(self.error_record(f"cannot remove {name}", "RemoveFailed",
                                               "InvalidOperation", name))

    def end_processing(self) -> None:
        self.write_information(f"count={self.count}")
        self.write_debug("end")


SPEC = {
    "name": "Remove-Thing",
    "class": "tests:RemoveThingCommand",
    "fq_name": "Microsoft.PowerShell.Commands.RemoveThingCommand",
    "default_parameter_set": "ByName",
    "supports_should_process": True,
    "confirm_impact": "Medium",
    "parameters": [
        {"name": "Name", "type": "System.String",
         "sets": {"ByName": {"position": 0, "mandatory": True, "value_from_pipeline": True,
                             "value_from_pipeline_by_property_name": True}}},
        {"name": "Suffix", "type": "System.String", "sets": {"ByName": {}}},
        {"name": "Id", "type": "System.Int32", "sets": {"ById": {"mandatory": True}}},
    ],
}


def engine(stdin: str | None = None) -> tuple[Engine, io.StringIO, io.StringIO]:
    out, err = io.StringIO(), io.StringIO()
    interactive = stdin is not None
    e = Engine(Host(out, err, interactive=interactive, stdin=io.StringIO(stdin or "")),
               noninteractive=not interactive)
    info = CmdletInfo("Remove-Thing")
    info._spec = SPEC
    info._meta = meta_from_spec(SPEC)
    info._cls = RemoveThingCommand
    e.ctx.cmdlets["remove-thing"] = info
    return e, out, err


def run(script: str, stdin: str | None = None) -> tuple[str, str]:
    e, out, err = engine(stdin)
    e.run_text(script)
    return out.getvalue(), err.getvalue()


def test_lifecycle_and_streams():
    out, err = run("'a', 'b' | Remove-Thing -Verbose -Debug -InformationAction Continue")
    # ShouldProcess confirms without asking and says so on the verbose stream
    assert out.splitlines() == [
        "VERBOSE: begin set=ByName",
        'VERBOSE: Performing the operation "Remove thing" on target "a".', "removed a!",
        "WARNING: warned a",
        'VERBOSE: Performing the operation "Remove thing" on target "b".', "removed b!",
        "WARNING: warned b", "count=2", "DEBUG: end"]
    assert err == ""


def test_whatif():
    out, _ = run("Remove-Thing x -WhatIf -WarningAction SilentlyContinue")
    assert out == 'What if: Performing the operation "Remove thing" on target "x".\n'


def test_bound_parameters_and_class_defaults():
    out, _ = run("Remove-Thing x -Suffix ? 3>$null")
    assert out == "removed x?\n"


def test_write_error_follows_error_action():
    out, err = run("Remove-Thing bad 3>$null\n"
                   "$Error[0].FullyQualifiedErrorId\n"
                   "Remove-Thing bad -ErrorAction SilentlyContinue -ErrorVariable ev 3>$null\n"
                   "$ev.Count\n"
                   "try { Remove-Thing bad -ErrorAction Stop 3>$null } catch { 'caught ' + $_ }")
    assert out.splitlines() == [
        "removed bad!", "RemoveFailed,Microsoft.PowerShell.Commands.RemoveThingCommand",
        "removed bad!", "1", "removed bad!", "caught cannot remove bad"]
    assert "cannot remove bad" in err


def test_confirm_prompts_when_the_host_can():
    out, _ = run("'one', 'two' | Remove-Thing -Confirm 3>$null", stdin="n\ny\n")
    assert out.count("\nConfirm\nAre you sure you want to perform this action?\n") == 2
    assert "removed one" not in out and "removed two!" in out
    assert ('Performing the operation "Remove thing" on target "one".\n'
            '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"): ') in out


def test_confirm_yes_to_all_and_no_prompt_when_noninteractive():
    out, _ = run("'p', 'q' | Remove-Thing -Confirm 3>$null", stdin="a\n")
    assert out.count("[Y] Yes") == 1 and "removed p!" in out and "removed q!" in out
    _, err = run("Remove-Thing z -Confirm")
    assert "NonInteractive mode" in err


def test_missing_mandatory_prompt_and_set():
    out, _ = run("Remove-Thing 3>$null", stdin="typed\n")
    assert out == ("\ncmdlet Remove-Thing at command pipeline position 1\n"
                   "Supply values for the following parameters:\nName: removed typed!\n")
    out, err = run("Remove-Thing one, two")
    assert "Cannot convert 'System.Object[]' to the type 'System.String'" in err
