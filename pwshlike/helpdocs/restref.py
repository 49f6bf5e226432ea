"""Azure REST API reference pages (the text of a docs page such as "Gateway - Generate
Token") → the operation's parameters, and a command spec built from them.

Not every help document that describes a token command is a PlatyPS page: the APIM
gateway token is documented only as a REST operation.  This reader takes the page's
text layout as published (title, description, ``POST https://…``, then the "URI
Parameters" and "Request Body" tables, one cell per line, and "Definitions" with the
enum values), so a command wrapping the operation can declare the same parameters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_METHOD_LINE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD) (https://\S+)$")
_URI_FLAGS = re.compile(r"^(path|query|header) (True|False)$")
_BODY_NAME = re.compile(r"^([A-Za-z_][\w.]*)(?: (True))?$")
_TYPE = re.compile(r"^[A-Za-z_][\w.]*(\[\])?$")
_SECTIONS = ("URI Parameters", "Request Body", "Responses", "Security", "Examples",
             "Definitions")


class RestPageError(ValueError):
    """The text is not an Azure REST API reference page."""


@dataclass
class RestParameter:
    name: str                      # as the API spells it: gatewayId, api-version
    location: str                  # path, query, header or body
    required: bool
    type: str                      # string, KeyType, ...
    description: str = ""
    accepted_values: list[str] = field(default_factory=list)   # from an enum definition


@dataclass
class RestOperation:
    title: str                     # "Gateway - Generate Token"
    description: str
    method: str
    url: str
    parameters: list[RestParameter]

    @property
    def operation_id(self) -> str:
        """``Gateway_GenerateToken``, as the API's own operation ids are spelled."""
        group, _, action = self.title.partition(" - ")
        return f"{group.replace(' ', '')}_{action.replace(' ', '')}"


def read_rest_page(text: str, source: str = "<page>") -> RestOperation:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    sections = _split_sections(lines)
    head = [line for line in sections.get("", []) if line]
    method = next((m for m in map(_METHOD_LINE.match, head) if m), None)
    if not head or method is None or "URI Parameters" not in sections:
        raise RestPageError(f"{source}: no title, request line and URI Parameters table; "
                            "not a REST API reference page")
    title = head[0]
    description = " ".join(line for line in head[1:] if not _METHOD_LINE.match(line))
    params = _uri_parameters(sections["URI Parameters"])
    params += _body_parameters(sections.get("Request Body", []))
    enums = _enums(sections.get("Definitions", []))
    for p in params:
        p.accepted_values = enums.get(p.type, [])
    return RestOperation(title, description, method.group(1), method.group(2), params)


def _split_sections(lines: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"": []}
    current = ""
    for line in lines:
        if line in _SECTIONS and line not in out:
            current = line
            out[current] = []
        else:
            out[current].append(line)
    return out


def _cells(lines: list[str], header_prefix: str) -> list[str]:
    """The non-empty lines after the table's header row."""
    for i, line in enumerate(lines):
        if line.startswith(header_prefix):
            return [x for x in lines[i + 1:] if x.strip()]
    return []


def _uri_parameters(lines: list[str]) -> list[RestParameter]:
    """Rows: name / ``path True`` / type / description lines; a row starts where a line is
    followed by the location-and-required cell."""
    cells = _cells(lines, "Name In Required")
    out: list[RestParameter] = []
    i = 0
    while i < len(cells):
        flags = _URI_FLAGS.match(cells[i + 1]) if i + 2 < len(cells) else None
        if flags is None:
            if out:
                out[-1].description = (out[-1].description + " " + cells[i]).strip()
            i += 1
            continue
        out.append(RestParameter(cells[i], flags.group(1), flags.group(2) == "True",
                                 cells[i + 2]))
        i += 3
    return out


def _body_parameters(lines: list[str]) -> list[RestParameter]:
    """Rows: ``name [True]`` / type / description lines (descriptions are sentences, names
    and types single words)."""
    cells = _cells(lines, "Name Required Type")
    out: list[RestParameter] = []
    i = 0
    while i < len(cells):
        name = _BODY_NAME.match(cells[i]) if i + 1 < len(cells) else None
        if name is not None and _TYPE.match(cells[i + 1]):
            out.append(RestParameter(name.group(1), "body", name.group(2) == "True",
                                     cells[i + 1]))
            i += 2
            continue
        if out:
            out[-1].description = (out[-1].description + " " + cells[i]).strip()
        i += 1
    return out


def _enums(lines: list[str]) -> dict[str, list[str]]:
    """Definitions whose table lists only names typed ``string`` with no description: enum
    values (``KeyType``: primary, secondary)."""
    out: dict[str, list[str]] = {}
    for i, line in enumerate(lines):
        if line != "Name Type Description":
            continue
        heading = [x for x in lines[:i] if x.strip()]
        if len(heading) < 2:
            continue
        title = heading[-2]
        cells = []
        for x in lines[i + 1:]:
            if x == "Name Type Description" or x.startswith("Name Type Default"):
                break
            if x.strip():
                cells.append(x)
        names, types = cells[0::2], cells[1::2]
        if names and len(names) == len(types) and all(t == "string" for t in types) and \
                _TYPE.match(title):
            out[title] = names
    return out


def pascal_case(name: str) -> str:
    """``api-version`` → ``ApiVersion``, ``gatewayId`` → ``GatewayId``."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_.]", name) if part)


def spec_from_rest(op: RestOperation, command: str | None = None) -> dict:
    """A command spec (help/specs schema) with one named parameter per API parameter: a
    required one is mandatory; enum values become accepted values."""
    params = []
    for p in op.parameters:
        entry: dict = {"name": pascal_case(p.name),
                       "type": "String" if p.type == "string" or p.accepted_values else p.type}
        if p.accepted_values:
            entry["accepted_values"] = [v[:1].upper() + v[1:] for v in p.accepted_values]
        entry["sets"] = {"__AllParameterSets": {"mandatory": True} if p.required else {}}
        entry["rest"] = {"name": p.name, "in": p.location}
        params.append(entry)
    return {"name": command or op.operation_id, "synopsis": op.description,
            "default_parameter_set": None, "supports_should_process": False,
            "rest": {"method": op.method, "url": op.url}, "parameters": params}
