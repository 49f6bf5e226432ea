"""Get-Help's text: a help topic laid out as pwsh's help views print it.

A :class:`HelpTopic` is made from a PlatyPS page (built-in cmdlets), from comment-based
help (script functions and scripts) or from parameters alone (commands without help);
:func:`render` lays it out for one view (``default``, ``detailed``, ``full``,
``examples``, ``parameter``).  Paragraphs are word-wrapped to the console width.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

COMMON_TEXT = ("This cmdlet supports the common parameters: Verbose, Debug,\n"
               "ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n"
               "OutBuffer, PipelineVariable, and OutVariable. For more information, see\n"
               "about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216).")
_DASHES = "-" * 26


@dataclass
class HelpParameter:
    name: str
    type_text: str                  # shown as ``-Name <type_text>``
    description: str = ""
    required: str = "false"
    position: str = "named"
    default: str = ""
    pipeline: str = "false"
    aliases: str = ""
    wildcards: str = "false"
    is_switch: bool = False


@dataclass
class HelpExample:
    title: str
    code: str                       # shown after ``prompt``
    remarks: str = ""
    prompt: str = ""


@dataclass
class HelpTopic:
    name: str
    category: str = "Cmdlet"        # Cmdlet, Function, Filter, ExternalScript, HelpFile
    module: str = ""
    synopsis: str = ""
    syntax: list[str] = field(default_factory=list)
    description: str = ""
    parameters: list[HelpParameter] = field(default_factory=list)
    common_parameters: bool = False
    inputs: list[tuple[str, str]] = field(default_factory=list)
    outputs: list[tuple[str, str]] = field(default_factory=list)
    notes: str = ""
    examples: list[HelpExample] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    online_uri: str = ""
    aliases: list[str] = field(default_factory=list)
    has_help: bool = True           # False: the view made from parameters alone
    component: str = ""
    role: str = ""
    functionality: str = ""


# --- text helpers --------------------------------------------------------------------------------------
_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def paragraphs(text: str) -> list[list[str]]:
    """Markdown-ish text as paragraphs; each is a list of lines already meant as lines
    (code and list items) or one line to wrap (prose)."""
    out: list[list[str]] = []
    in_code = False
    current: list[str] = []
    prose = True
    for raw in text.replace("\r\n", "\n").split("\n"):
        if raw.strip().startswith("```"):
            if current:
                out.append(_finish(current, prose))
                current = []
            in_code = not in_code
            prose = not in_code
            continue
        if in_code:
            current.append(raw)
            continue
        line = _LINK.sub(r"\1", raw)
        if not line.strip():
            if current:
                out.append(_finish(current, prose))
                current = []
            prose = True
            continue
        if re.match(r"\s*([-*]|\d+\.)\s", line):
            prose = False
        current.append(line)
    if current:
        out.append(_finish(current, prose))
    return out


def _finish(lines: list[str], prose: bool) -> list[str]:
    return [" ".join(x.strip() for x in lines)] if prose else ["\0" + x for x in lines]


def wrap(text: str, indent: int, width: int) -> list[str]:
    """Paragraphs of ``text`` indented and wrapped, one blank line between paragraphs."""
    pad = " " * indent
    out: list[str] = []
    for para in paragraphs(text):
        if out:
            out.append("")
        for line in para:
            if line.startswith("\0"):
                out.append(pad + line[1:] if line[1:].strip() else "")
                continue
            out.extend(textwrap.wrap(line, max(20, width - indent), initial_indent=pad,
                                     subsequent_indent=pad, break_long_words=False,
                                     break_on_hyphens=False) or [""])
    return out


# --- views ---------------------------------------------------------------------------------------------
def render(topic: HelpTopic, view: str = "default", width: int = 120,
           parameter_names: list | None = None) -> list[str]:
    w = width - 1
    if view == "parameter":
        return _parameter_view(topic, parameter_names or [], w)
    if not topic.has_help:
        return _plain_view(topic, view, w)
    if view == "examples":
        out = ["", "NAME", "    " + topic.name, "", "SYNOPSIS", *wrap(topic.synopsis, 4, w), ""]
        out += _examples(topic, w)
        return out
    out = ["", "NAME", "    " + topic.name, "", "SYNOPSIS", *wrap(topic.synopsis, 4, w), "",
           ""]
    out += _syntax(topic)
    out += ["DESCRIPTION", *wrap(topic.description, 4, w), "", ""]
    if view in ("detailed", "full"):
        out += ["PARAMETERS"]
        for p in topic.parameters:
            out += _parameter(p, w, attributes=view == "full")
        if topic.common_parameters:
            out += ["    <CommonParameters>", *["        " + x for x in COMMON_TEXT.split("\n")],
                    ""]
        out += [""]
    if view == "full":
        for title, items in (("INPUTS", topic.inputs), ("OUTPUTS", topic.outputs)):
            out += [title]
            for type_name, text in items:
                out += ["    " + type_name, *wrap(text, 8, w)] if text.strip() else \
                    ["    " + type_name]
                out += ["", ""]
            if not items:
                out += [""]
        if topic.notes.strip():
            out += ["NOTES", "", "", *wrap(topic.notes, 8, w), ""]
    if view in ("detailed", "full"):
        out += _examples(topic, w)
    out += ["RELATED LINKS", *["    " + x for x in _link_lines(topic)], ""]
    if view != "full":
        out += _remarks(topic)
    return out


def _syntax(topic: HelpTopic) -> list[str]:
    out = ["SYNTAX"]
    for line in topic.syntax:
        out += ["    " + line, ""]
    return out + [""]


def _link_lines(topic: HelpTopic) -> list[str]:
    lines = []
    if topic.online_uri:
        lines.append(f"Online Version: {topic.online_uri}")
    lines += [x for x in topic.links if x != topic.online_uri]
    return lines


def _remarks(topic: HelpTopic) -> list[str]:
    n = topic.name
    out = ["REMARKS", f'    To see the examples, type: "Get-Help {n} -Examples"',
           f'    For more information, type: "Get-Help {n} -Detailed"',
           f'    For technical information, type: "Get-Help {n} -Full"']
    if topic.online_uri:
        out.append(f'    For online help, type: "Get-Help {n} -Online"')
    return out + [""]


def _examples(topic: HelpTopic, w: int) -> list[str]:
    out: list[str] = []
    for ex in topic.examples:
        out += [f"    {_DASHES} {ex.title} {_DASHES}", ""]
        code = ex.code.split("\n")
        first = f"{ex.prompt}{code[0]}" if ex.prompt else code[0]
        out += ["    " + first, *["    " + x if x.strip() else "" for x in code[1:]], ""]
        if ex.remarks.strip():
            out += [*wrap(ex.remarks, 4, w), ""]
        out += [""]
    return out


def _parameter(p: HelpParameter, w: int, attributes: bool) -> list[str]:
    type_part = f" [<{p.type_text}>]" if p.is_switch else f" <{p.type_text}>"
    out = [f"    -{p.name}{type_part}"]
    if p.description.strip():
        out += wrap(p.description, 8, w)
    out += [""]
    if attributes:
        for label, value in (("Required?", p.required), ("Position?", p.position),
                             ("Default value", p.default), ("Accept pipeline input?", p.pipeline),
                             ("Aliases", p.aliases), ("Accept wildcard characters?",
                                                      p.wildcards)):
            out.append(f"        {label.ljust(29)}{value}".rstrip())
        out += [""]
    return out


def _parameter_view(topic: HelpTopic, names: list, w: int) -> list[str]:
    from ..runtime.regex import compile_wildcard
    out: list[str] = [""]
    for pattern in names:
        rx = compile_wildcard(str(pattern))
        for p in topic.parameters:
            if rx.fullmatch(p.name):
                out += _parameter(p, w, attributes=True)
                out += [""]
    return out


def _plain_view(topic: HelpTopic, view: str, w: int) -> list[str]:
    """A command without help: its name, syntax (and with -Full its parameters), aliases."""
    out = ["", "NAME", "    " + topic.name, ""]
    out += _syntax(topic)
    if view == "full" and topic.parameters:
        out += ["PARAMETERS"]
        for p in topic.parameters:
            out += _parameter(p, w, attributes=True)
        out += [""]
    out += ["ALIASES", *(["    " + a for a in topic.aliases] or ["    None"]), "", ""]
    out += ["REMARKS", "    None", ""]
    return out


# --- about topics --------------------------------------------------------------------------------------
def render_about(name: str, text: str, width: int = 120) -> list[str]:
    """An ``about_`` markdown page as text: headings on their own lines, prose wrapped."""
    body = text
    if body.startswith("---\n"):
        end = body.find("\n---\n", 3)
        body = body[end + 5:] if end >= 0 else body
    out: list[str] = []
    chunk: list[str] = []

    def flush() -> None:
        if any(x.strip() for x in chunk):
            out.extend(wrap("\n".join(chunk), 4, width - 1))
            out.append("")
        chunk.clear()

    for line in body.split("\n"):
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m and not _in_fence(chunk):
            flush()
            title = m.group(2).strip()
            out += [title.upper() if len(m.group(1)) == 1 else title, ""]
            continue
        chunk.append(line)
    flush()
    while out and not out[-1].strip():
        out.pop()
    return ["", *out, ""]


def _in_fence(chunk: list[str]) -> bool:
    return sum(1 for x in chunk if x.strip().startswith("```")) % 2 == 1
