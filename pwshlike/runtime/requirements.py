"""What a script needs before it starts: ``#requires`` (about_Requires) and ``using module``.

pwsh checks ``#requires`` when a script file is invoked (``./x.ps1``, ``& $path``,
``. ./x.ps1``, ``pwsh -File``), before its parameters bind; a ``-Command`` text is not
checked.  A failed check is a ScriptRequiresException and the script does not start.
Required modules that are not loaded yet are imported, as pwsh does; those that cannot be
are listed together.  ``using module`` imports its module before the script runs too.
"""
from __future__ import annotations

import os

from .. import PS_COMPATIBLE_VERSIONS, PS_VERSION
from ..errors import exception_class, runtime_error
from ..parser.requires import ModuleRequirement, ScriptRequirements

EDITION = "Core"

_MESSAGES = {
    "ScriptRequiresUnmatchedPSVersion":
        "The script '{0}' cannot be run because it contained a \"#requires\" statement for "
        "PowerShell {1}. The version of PowerShell that is required by the script does not "
        "match the currently running version of PowerShell {2}.",
    "ScriptRequiresUnmatchedPSEdition":
        "The script '{0}' cannot be run because it contained a \"#requires\" statement for "
        "PowerShell editions '{1}'. The edition of PowerShell that is required by the script "
        "does not match the currently running PowerShell {2} edition.",
    "ScriptRequiresMissingModules":
        "The script '{0}' cannot be run because the following modules that are specified by "
        "the \"#requires\" statements of the script are missing: {1}.",
    "ScriptRequiresElevation":
        "The script '{0}' cannot be run because it contains a \"#requires\" statement for "
        "running as Administrator. The current PowerShell session is not running as "
        "Administrator. Start PowerShell by using the Run as Administrator option, and then "
        "try running the script again.",
}


def prepare_script(ctx, sb, script_path: str | None) -> None:
    """Check the ``#requires`` of a script file and import its ``using module`` modules."""
    if script_path is not None and sb.requirements is not None:
        check_requirements(ctx, sb.requirements, script_path)
    for using in sb.usings:
        if using.kind != "module":
            continue        # `using namespace` is the parser's; `using assembly` has no effect
        name = using.name
        if script_path is not None and name.startswith("."):
            # a relative path is relative to the script's own folder
            name = os.path.join(os.path.dirname(script_path), name)
        if not _import(ctx, ModuleRequirement(name)):
            raise runtime_error(exception_class("System.Management.Automation.ParseException"),
                                "ModuleNotFoundDuringParse",
                                f"Could not find the module '{using.name}'.", "ParserError",
                                using.name)


def check_requirements(ctx, reqs: ScriptRequirements, script_path: str) -> None:
    """Raise the ScriptRequiresException pwsh raises when ``reqs`` are not met."""
    name = os.path.basename(script_path)
    if reqs.version is not None and not _version_supported(reqs.version):
        _fail("ScriptRequiresUnmatchedPSVersion", name, reqs.version, PS_VERSION)
    if reqs.editions and not any(e.lower() == EDITION.lower() for e in reqs.editions):
        _fail("ScriptRequiresUnmatchedPSEdition", name, ", ".join(reqs.editions), EDITION)
    if reqs.run_as_administrator and hasattr(os, "geteuid") and os.geteuid() != 0:
        _fail("ScriptRequiresElevation", name)
    missing = [m for m in reqs.modules if not _import(ctx, m)]
    if missing:
        _fail("ScriptRequiresMissingModules", name, ", ".join(map(str, missing)))


def _version_supported(text: str) -> bool:
    """As pwsh decides: some compatible version has the same major and at least the minor."""
    major, minor = ([int(p) for p in text.split(".")] + [0])[:2]
    return any(major == m and minor <= n for m, n in (
        map(int, v.split(".")) for v in PS_COMPATIBLE_VERSIONS))


def _fail(error_id: str, *args: str) -> None:
    raise runtime_error(exception_class("System.Management.Automation.ScriptRequiresException"),
                        error_id, _MESSAGES[error_id].format(*args), "ResourceUnavailable",
                        args[0])


_IMPORT = None      # the compiled ``Import-Module @__requires ...`` (compiled once)


def _import(ctx, module: ModuleRequirement) -> bool:
    """Import ``module`` globally unless it is loaded already; False when it cannot be."""
    from .. import parse
    from ..compiler.codegen import compile_script
    from .context import Scope
    from .invoke import run_block
    from .values import Hashtable
    global _IMPORT
    if _IMPORT is None:
        text = "Import-Module @__requires -Global -ErrorAction Stop"
        _IMPORT = compile_script(parse(text), text, None)
    arguments = Hashtable([("Name", module.name)])
    for key, value in (("MinimumVersion", module.minimum), ("RequiredVersion", module.required),
                       ("MaximumVersion", module.maximum)):
        if value is not None:
            arguments[key] = value
    scope = Scope(ctx.global_scope)
    scope.vars["__requires"] = arguments
    prev = ctx.current_scope
    ctx.current_scope = scope
    ctx.catch_depth += 1
    try:
        run_block(ctx, _IMPORT.end, scope, [])
    except Exception:  # noqa: BLE001 - any failure means "missing", as in pwsh's message
        return False
    finally:
        ctx.current_scope = prev
        ctx.catch_depth -= 1
    return True
