"""What a PlatyPS page says about one command, independent of the markdown layout."""
from __future__ import annotations

from dataclasses import dataclass, field

ALL_SETS = "__AllParameterSets"
ALL_SETS_MONIKER = "(All)"


@dataclass
class SetBinding:
    """How a parameter binds in one parameter set."""

    position: int | None = None          # None: named only
    mandatory: bool = False
    by_value: bool = False
    by_property_name: bool = False
    remaining: bool = False


@dataclass
class ParameterHelp:
    name: str
    type: str | None = None              # as the page writes it: String, String[], SwitchParameter
    description: str = ""
    aliases: list[str] = field(default_factory=list)
    accepted_values: list[str] = field(default_factory=list)
    default_value: str | None = None     # None when the page says None / nothing
    supports_wildcards: bool = False
    help_message: str | None = None
    dont_show: bool = False
    # set name (or ALL_SETS_MONIKER) -> binding, in the order the page lists them
    sets: dict[str, SetBinding] = field(default_factory=dict)


@dataclass
class SyntaxBlock:
    set_name: str                        # ALL_SETS when the page has no set headings
    is_default: bool
    text: str                            # the code block as written


@dataclass
class Example:
    title: str
    body: str                            # markdown: code fences and remarks


@dataclass
class CommandHelp:
    name: str
    schema: str                          # "2.0.0" or "2024-05-01"
    front_matter: dict[str, str] = field(default_factory=dict)
    synopsis: str = ""
    description: str = ""
    aliases: list[str] = field(default_factory=list)
    syntax: list[SyntaxBlock] = field(default_factory=list)
    parameters: list[ParameterHelp] = field(default_factory=list)
    supports_should_process: bool = False
    common_parameters: bool = False
    examples: list[Example] = field(default_factory=list)
    inputs: list[tuple[str, str]] = field(default_factory=list)     # (type, description)
    outputs: list[tuple[str, str]] = field(default_factory=list)
    notes: str = ""
    related_links: list[tuple[str, str]] = field(default_factory=list)   # (text, uri)
    warnings: list[str] = field(default_factory=list)
