"""Arguments after ``pwshlike -File script.ps1`` bind to the script's parameters as pwsh binds
them: ``-Name value`` by name, ``-Switch:$false`` as a boolean, ``--`` ends parameters."""
from __future__ import annotations

import io

from pwshlike.engine import Engine, Host

SCRIPT = 'param([switch]$Force, $Name, $Other)\n"force=$Force name=$Name other=$Other rest=$($args -join ",")"\n'


def run(tmp_path, *args: str) -> str:
    path = tmp_path / "s.ps1"
    path.write_text(SCRIPT)
    out, err = io.StringIO(), io.StringIO()
    status = Engine(Host(out, err)).run_text(SCRIPT, str(path), list(args), dot_source=False)
    assert status == 0, err.getvalue()
    return out.getvalue().strip()


def test_named_and_positional(tmp_path):
    assert run(tmp_path, "-Other", "o", "n") == "force=False name=n other=o rest="


def test_switch_with_boolean_after_colon(tmp_path):
    assert run(tmp_path, "-Force:$false", "-Name:n") == "force=False name=n other= rest="
    assert run(tmp_path, "-Force", "a", "b", "c") == "force=True name=a other=b rest=c"


def test_double_dash_ends_parameters(tmp_path):
    assert run(tmp_path, "--", "-Force") == "force=False name=-Force other= rest="


def test_closed_output_pipe_stops_quietly():
    """`pwshlike -c ... | head -1`: when the reader goes away the run stops without errors."""
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-m", "pwshlike", "-c",
                             "1..200000 | ForEach-Object { $_ }; 'never'"], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert first == b"1\n"
    assert err == ""
