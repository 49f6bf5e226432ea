"""``#requires`` comments: what a script needs before it may run (about_Requires).

The tokenizer notes every ``#requires`` comment that starts a line; here each one is read as
the command it looks like (``requires -Version 7.2 -Modules Az.Accounts``) into one
:class:`ScriptRequirements` for the whole script, wherever the comments stand.  A comment
that is not in one of the documented forms is a parse error, as in pwsh.  The runtime checks
the requirements before a script file runs (``pwshlike.runtime.requirements``).
"""
from __future__ import annotations

from . import ast as A

_INVALID_FORMAT = (
    "Cannot process the #requires statement because it is not in the correct format.\n"
    "The #requires statement must be in one of the following formats:\n"
    ' "#requires -shellid <shellID>"\n'
    ' "#requires -version <major.minor>"\n'
    ' "#requires -psedition <edition>"\n'
    ' "#requires -pssnapin <psSnapInName> [-version <major.minor>]"\n'
    ' "#requires -modules <ModuleSpecification>"\n'
    ' "#requires -runasadministrator"')

_PARAMETERS = ("version", "psedition", "modules", "runasadministrator", "shellid", "pssnapin",
               "assembly")


class ModuleRequirement:
    """A module a script needs, with the versions a ModuleSpecification hashtable names."""

    __slots__ = ("maximum", "minimum", "name", "required")

    def __init__(self, name: str, minimum: str | None = None, required: str | None = None,
                 maximum: str | None = None) -> None:
        self.name = name
        self.minimum = minimum          # ModuleVersion
        self.required = required        # RequiredVersion
        self.maximum = maximum          # MaximumVersion

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"ModuleRequirement({self.name!r}, {self.minimum!r}, {self.required!r}, " \
               f"{self.maximum!r})"


class ScriptRequirements:
    """Everything a script's ``#requires`` comments ask for."""

    def __init__(self) -> None:
        self.version: str | None = None             # as written: "7", "7.2"
        self.editions: list[str] = []
        self.modules: list[ModuleRequirement] = []
        self.run_as_administrator = False
        self.shell_id: str | None = None


class RequiresFormatError(Exception):
    """A ``#requires`` comment in no documented form (pwsh's ScriptRequiresInvalidFormat)."""

    def __init__(self, start: int, end: int) -> None:
        super().__init__(_INVALID_FORMAT)
        self.start = start
        self.end = end


def read_requirements(src: str, comments: dict[int, int]) -> ScriptRequirements | None:
    """The requirements stated by the ``#requires`` comments at ``comments`` (start → end)."""
    if not comments:
        return None
    from ..errors import ParseError
    from .parser import parse
    reqs = ScriptRequirements()
    found = False
    for start in sorted(comments):
        end = comments[start]
        text = src[start + 1:end]
        if text[8:9] not in ("", " ", "\t"):        # '#requiresX' is an ordinary comment
            continue
        try:
            command = _single_command(parse(text))
        except ParseError:
            command = None
        if command is None or not _apply(command, reqs):
            raise RequiresFormatError(start, end)
        found = True
    return reqs if found else None


def _single_command(sb: A.ScriptBlock) -> A.Command | None:
    statements = sb.end_block.statements if sb.end_block else []
    if len(statements) != 1 or not isinstance(statements[0], A.Pipeline):
        return None
    elements = statements[0].elements
    if len(elements) != 1 or not isinstance(elements[0], A.Command):
        return None
    return elements[0]


def _apply(command: A.Command, reqs: ScriptRequirements) -> bool:
    """Fold one ``requires -Name value ...`` command into ``reqs``; False if malformed."""
    elements = command.elements[1:]
    i = 0
    while i < len(elements):
        el = elements[i]
        if not isinstance(el, A.CommandParameter):
            return False
        name = el.name.lower()
        matches = [p for p in _PARAMETERS if p.startswith(name)]
        if len(matches) != 1:
            return False
        name = matches[0]
        if name == "runasadministrator":
            reqs.run_as_administrator = True
            i += 1
            continue
        value = el.argument
        if value is None:
            i += 1
            if i >= len(elements) or isinstance(elements[i], A.CommandParameter):
                return False
            value = elements[i]
        i += 1
        if not _store(name, value, reqs):
            return False
    return True


def _store(name: str, node, reqs: ScriptRequirements) -> bool:
    value = _constant(node)
    if value is _NOT_CONSTANT:
        return False
    if name == "version":
        text = str(value if not isinstance(node, A.Constant) else node.text)
        parts = text.split(".")
        if not (1 <= len(parts) <= 4 and all(p.isdigit() for p in parts)):
            return False
        reqs.version = text
    elif name == "psedition":
        reqs.editions.extend(str(v) for v in _as_list(value))
    elif name == "modules":
        for item in _as_list(value):
            module = _module(item)
            if module is None:
                return False
            reqs.modules.append(module)
    elif name == "shellid":
        reqs.shell_id = str(value)
    # -PSSnapin and -Assembly are accepted and have no effect in PowerShell 7 either
    return True


def _module(item) -> ModuleRequirement | None:
    if isinstance(item, str):
        return ModuleRequirement(item)
    if isinstance(item, dict):
        keys = {str(k).lower(): v for k, v in item.items()}
        name = keys.get("modulename")
        if not name:
            return None
        version = {k: None if keys.get(k) is None else str(keys[k])
                   for k in ("moduleversion", "requiredversion", "maximumversion")}
        return ModuleRequirement(str(name), version["moduleversion"],
                                 version["requiredversion"], version["maximumversion"])
    return None


_NOT_CONSTANT = object()


def _constant(node):
    """The value of a literal argument: strings, numbers, arrays and hashtables of them."""
    if isinstance(node, A.StringConstant):
        return node.value
    if isinstance(node, A.Constant):
        return node.value
    if isinstance(node, A.ArrayLiteral):
        values = [_constant(e) for e in node.elements]
        return _NOT_CONSTANT if _NOT_CONSTANT in values else values
    if isinstance(node, A.Hashtable):
        out = {}
        for key, value in node.pairs:
            k, v = _constant(key), _constant(_unwrap(value))
            if _NOT_CONSTANT in (k, v):
                return _NOT_CONSTANT
            out[k] = v
        return out
    return _NOT_CONSTANT


def _unwrap(node):
    """A hashtable value is a statement; a literal one is a one-element pipeline."""
    if isinstance(node, A.Pipeline) and len(node.elements) == 1 and isinstance(
            node.elements[0], A.CommandExpression):
        return node.elements[0].expression
    return node


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]
