"""The committed specs are exactly what the markdown pages generate."""
from __future__ import annotations

from pathlib import Path

from pwshlike.helpdocs.build import build, pages

HELP = Path(__file__).resolve().parents[2] / "help"


def test_every_page_generates_its_committed_spec():
    problems = [p for p in build(HELP, check_only=True) if ": warning: " not in p]
    assert problems == []


def test_every_spec_has_a_page_and_class():
    import yaml
    assert pages(HELP)
    for page in pages(HELP):
        spec = yaml.safe_load((HELP / "specs" / f"{page.stem}.yaml").read_text())
        assert spec["name"] == page.stem
        module, _, cls = spec["class"].partition(":")
        assert module.startswith("cmdlets.") and cls, page.name


def test_a_stale_spec_is_reported(tmp_path):
    page = pages(HELP)[0]
    (tmp_path / "specs").mkdir()
    (tmp_path / page.name).write_text(page.read_text())
    (tmp_path / "specs" / f"{page.stem}.yaml").write_text("name: stale\n")
    (tmp_path / "specs" / "Orphan-Thing.yaml").write_text("name: Orphan-Thing\n")
    problems = build(tmp_path, check_only=True)
    assert f"{page.stem}.yaml: out of date (run python -m pwshlike.helpdocs build)" in problems
    assert "Orphan-Thing.yaml: no markdown page generates it" in problems


def test_index_holds_the_same_specs_as_the_yaml_files():
    import json

    import yaml
    index = json.loads((HELP / "specs" / "index.json").read_text())
    for page in pages(HELP):
        spec = yaml.safe_load((HELP / "specs" / f"{page.stem}.yaml").read_text())
        assert index[page.stem] == spec, page.stem
    assert len(index) == len(pages(HELP))
