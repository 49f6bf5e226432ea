"""Read a PlatyPS markdown page into a CommandHelp.

The page is parsed with a CommonMark parser (markdown-it-py), never with line regexes:
example code fences contain ``# comment`` lines that a regex would take for headings.
Section text is kept as the page's own markdown source lines.
"""
from __future__ import annotations

from .model import ALL_SETS, CommandHelp, Example, ParameterHelp, SyntaxBlock
from .parameters import MetadataError, apply_block

_COMMON_MARKERS = {"commonparameters", "<commonparameters>", "workflowcommonparameters",
                   "<workflowcommonparameters>"}
_SHOULD_PROCESS = {"whatif", "confirm"}
_DEFAULT_MARKER = "(default)"


class HelpFormatError(ValueError):
    """The page is not a PlatyPS command page we can read."""


def read_help(text: str, source: str = "<help>") -> CommandHelp:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    front, body = _split_front_matter(text)
    schema = front.get("PlatyPS schema version") or front.get("schema") or "2.0.0"
    sections = _sections(body)
    names = [title for level, title, _ in sections if level == 1]
    if not names:
        raise HelpFormatError(f"{source}: no '# Command-Name' heading; not a PlatyPS page")
    help_ = CommandHelp(name=names[0], schema=schema, front_matter=front)
    reader = _SectionReader(help_, source)
    for level, title, blocks in sections:
        reader.heading(level, title, blocks)
    return help_


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The ``---`` header: ``key: value`` lines (legacy values are not always valid YAML)."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 3)
    if end < 0:
        raise HelpFormatError("front matter starts with --- but never ends")
    front = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            front[key.strip()] = value.strip()
    return front, text[end + 5:]


def _sections(body: str) -> list[tuple[int, str, list]]:
    """(heading level, heading text, top-level blocks under it) in page order; blocks are
    ('fence', info, content) or ('text', markdown source, inline tokens)."""
    from markdown_it import MarkdownIt
    md = MarkdownIt("commonmark")
    tokens = md.parse(body)
    lines = body.split("\n")
    out: list[tuple[int, str, list]] = [(0, "", [])]
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.level != 0:
            i += 1
            continue
        if tok.type == "heading_open":
            out.append((int(tok.tag[1]), tokens[i + 1].content.strip(), []))
            i += 3
            continue
        if tok.type in ("fence", "code_block"):
            out[-1][2].append(("fence", tok.info.strip().lower(), tok.content))
        elif tok.map is not None and not tok.type.endswith("_close"):
            start, end = tok.map
            inline = []
            j = i
            while j < len(tokens) and not (tokens[j].level == 0 and tokens[j].type ==
                                           tok.type.replace("_open", "_close")):
                if tokens[j].type == "inline":
                    inline.append(tokens[j])
                j += 1
            out[-1][2].append(("text", "\n".join(lines[start:end]).strip(), inline))
        i += 1
    return out


def _text_of(blocks) -> str:
    return "\n\n".join(b[1] if b[0] == "text" else f"```{b[1]}\n{b[2]}```" for b in blocks)


class _SectionReader:
    """Fills a CommandHelp from headings and their blocks, tracking the current H2."""

    def __init__(self, help_: CommandHelp, source: str) -> None:
        self.help = help_
        self.source = source
        self.h2 = ""

    def heading(self, level: int, title: str, blocks: list) -> None:
        h = self.help
        if level <= 1:
            return
        if level == 2:
            self.h2 = title.upper()
            if self.h2 == "SYNOPSIS":
                h.synopsis = _text_of(blocks)
            elif self.h2 == "DESCRIPTION":
                h.description = _text_of(blocks)
            elif self.h2 == "NOTES":
                h.notes = _text_of(blocks)
            elif self.h2 == "ALIASES":
                h.aliases = _alias_list(blocks)
            elif self.h2 == "RELATED LINKS":
                h.related_links = _links(blocks)
            elif self.h2 == "SYNTAX":
                self._syntax_block(ALL_SETS, blocks)
            return
        if self.h2 == "SYNTAX":
            self._syntax_block(title, blocks)
        elif self.h2 == "PARAMETERS":
            self._parameter(title, blocks)
        elif self.h2 == "EXAMPLES":
            h.examples.append(Example(title, _text_of(blocks)))
        elif self.h2 in ("INPUTS", "OUTPUTS"):
            (h.inputs if self.h2 == "INPUTS" else h.outputs).append((title, _text_of(blocks)))

    def _syntax_block(self, title: str, blocks: list) -> None:
        fences = [b for b in blocks if b[0] == "fence"]
        if not fences:
            return
        name = title.strip()
        is_default = name.lower().endswith(_DEFAULT_MARKER)
        if is_default:
            name = name[: -len(_DEFAULT_MARKER)].strip()
        self.help.syntax.append(SyntaxBlock(name, is_default, fences[0][2]))

    def _parameter(self, title: str, blocks: list) -> None:
        key = title.strip().lower()
        if key in _COMMON_MARKERS:
            self.help.common_parameters = True
            return
        name = title.strip().lstrip("-").strip()
        if name.lower() in _SHOULD_PROCESS:
            self.help.supports_should_process = True
            return
        param = ParameterHelp(name)
        description = []
        metadata = [b for b in blocks if b[0] == "fence" and b[1] == "yaml"]
        for b in blocks:
            if b[0] == "fence" and b[1] == "yaml":
                break
            description.append(b)
        param.description = _text_of(description)
        if self.help.schema != "2.0.0":
            metadata = metadata[:1]      # PlatyPS 2 reads only the first block
        for b in metadata:
            try:
                apply_block(param, b[2], self.help.warnings)
            except MetadataError as e:
                raise HelpFormatError(f"{self.source}: parameter -{name}: {e}") from None
        self.help.parameters.append(param)


def _alias_list(blocks) -> list[str]:
    """``## ALIASES`` lists command aliases as code spans or list items."""
    names = []
    for b in blocks:
        if b[0] != "text":
            continue
        for inline in b[2]:
            spans = [c.content for c in inline.children or [] if c.type == "code_inline"]
            names.extend(spans)
    return names


def _links(blocks) -> list[tuple[str, str]]:
    links = []
    for b in blocks:
        if b[0] != "text":
            continue
        for inline in b[2]:
            children = inline.children or []
            for k, c in enumerate(children):
                if c.type == "link_open":
                    end = next((m for m in range(k + 1, len(children))
                                if children[m].type == "link_close"), len(children))
                    label = "".join(x.content for x in children[k + 1:end])
                    links.append((label, str(c.attrs.get("href", ""))))
    return links
