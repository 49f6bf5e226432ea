"""PlatyPS markdown help → command model → YAML spec, and the syntax lines rendered from it.

Every command's parameters are declared once, in its PlatyPS markdown page under
``help/``.  ``python -m pwshlike.helpdocs build`` turns each page into
``help/specs/<Command>.yaml`` (the binder's input); ``check`` fails when a committed spec
differs from what its page generates.  Both PlatyPS layouts are read: the legacy
``schema: 2.0.0`` one and ``PlatyPS schema version: 2024-05-01``.

Stages: ``platyps.read_help`` (markdown → CommandHelp, with ``parameters`` parsing each
parameter's metadata block) → ``spec.spec_from_help`` (CommandHelp → spec dict) →
``syntax.syntax_lines`` (spec → the lines Get-Command -Syntax and Get-Help print).
"""
