"""Generate ``help/specs/*.yaml`` from the markdown pages, or check they are current."""
from __future__ import annotations

from pathlib import Path

from .platyps import read_help
from .spec import spec_from_help


def spec_text(page: Path, relative_to: Path | None = None) -> tuple[str, list[str]]:
    """The YAML a page generates, and the converter's warnings about it."""
    import yaml
    help_ = read_help(page.read_text(encoding="utf-8"), str(page))
    source = page.relative_to(relative_to).as_posix() if relative_to else page.name
    spec = spec_from_help(help_, source)
    header = f"# Generated from {source} by `python -m pwshlike.helpdocs build`; do not edit.\n"
    body = yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=100)
    return header + body, help_.warnings


def pages(help_dir: Path) -> list[Path]:
    return sorted(p for p in help_dir.glob("*.md") if p.name != "README.md")


def build(help_dir: Path, check_only: bool = False) -> list[str]:
    """Write (or compare) every spec; returns problems: stale/missing/orphan specs, warnings."""
    problems = []
    spec_dir = help_dir / "specs"
    expected = set()
    for page in pages(help_dir):
        text, warnings = spec_text(page, help_dir.parent)
        problems += [f"{page.name}: warning: {w}" for w in warnings]
        target = spec_dir / f"{page.stem}.yaml"
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
