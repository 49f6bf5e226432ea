"""Generate ``help/specs/*.yaml`` from the markdown pages, or check they are current.

Beside the YAML specs (the documented artifact) the build writes ``specs/index.json``:
the same specs in one JSON document, which the binder loads without importing PyYAML
(whose import alone costs more than running a small script).
"""
from __future__ import annotations

from pathlib import Path

from .platyps import read_help
from .spec import spec_from_help

INDEX_NAME = "index.json"


def page_spec(page: Path, relative_to: Path | None = None) -> tuple[dict, list[str]]:
    """The spec a page generates, and the converter's warnings about it."""
    help_ = read_help(page.read_text(encoding="utf-8"), str(page))
    source = page.relative_to(relative_to).as_posix() if relative_to else page.name
    return spec_from_help(help_, source), help_.warnings


def yaml_text(spec: dict) -> str:
    import yaml
    header = (f"# Generated from {spec['source']['file']} by `python -m pwshlike.helpdocs "
              "build`; do not edit.\n")
    return header + yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=100)


def index_text(specs: dict[str, dict]) -> str:
    import json
    return json.dumps(dict(sorted(specs.items())), ensure_ascii=False, separators=(",", ":")) + "\n"


def spec_text(page: Path, relative_to: Path | None = None) -> tuple[str, list[str]]:
    """The YAML a page generates, and the converter's warnings about it."""
    spec, warnings = page_spec(page, relative_to)
    return yaml_text(spec), warnings


def pages(help_dir: Path) -> list[Path]:
    return sorted(p for p in help_dir.glob("*.md") if p.name != "README.md")


def build(help_dir: Path, check_only: bool = False) -> list[str]:
    """Write (or compare) every spec and the index; returns problems: stale/missing/orphan
    specs, and the converter's warnings."""
    problems = []
    spec_dir = help_dir / "specs"
    expected = {INDEX_NAME}
    specs: dict[str, dict] = {}
    outputs: list[tuple[Path, str]] = []
    for page in pages(help_dir):
        spec, warnings = page_spec(page, help_dir.parent)
        problems += [f"{page.name}: warning: {w}" for w in warnings]
        specs[page.stem] = spec
        outputs.append((spec_dir / f"{page.stem}.yaml", yaml_text(spec)))
    outputs.append((spec_dir / INDEX_NAME, index_text(specs)))
    for target, text in outputs:
        expected.add(target.name)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        if check_only:
            problems.append(f"{target.name}: {'missing' if current is None else 'out of date'}"
                            f" (run python -m pwshlike.helpdocs build)")
        else:
            spec_dir.mkdir(exist_ok=True)
            target.write_text(text, encoding="utf-8")
    for orphan in sorted(p.name for p in spec_dir.glob("*.yaml") if p.name not in expected):
        problems.append(f"{orphan}: no markdown page generates it")
    return problems
