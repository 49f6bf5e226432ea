"""Get-Help: help for cmdlets (their PlatyPS pages), script functions and scripts (their
comment-based help), aliases (the command they stand for) and ``about_`` topics
(``help/about/*.md``).  The text layout is ``pwshlike.helpdocs.render_text``."""
from __future__ import annotations

import functools
import os

from pwshlike.cmdlet import Cmdlet
from pwshlike.host.formatting import FormattedOutput
from pwshlike.runtime.convert import to_str

from ._session import as_list, exc, has_wildcard, wildcard

_VIEWS = (("Full", "full"), ("Detailed", "detailed"), ("Examples", "examples"))


class HelpInfo(FormattedOutput):
    """One topic's help: printed as its text; ``.Name``, ``.Synopsis``, ``.Category``... can
    be read like pwsh's help objects."""

    dotnet_fullname = "MamlCommandHelpInfo"
    ps_properties = ("Name", "Category", "Synopsis", "ModuleName", "Component", "Role",
                     "Functionality")

    def __init__(self, topic, lines: list[str]) -> None:
        object.__setattr__(self, "lines", tuple(lines))
        object.__setattr__(self, "topic", topic)

    @property
    def Name(self) -> str:
        return self.topic.name

    @property
    def Category(self) -> str:
        return self.topic.category

    @property
    def Synopsis(self) -> str:
        return self.topic.synopsis

    @property
    def ModuleName(self) -> str:
        return self.topic.module

    @property
    def Component(self) -> str:
        return self.topic.component

    @property
    def Role(self) -> str:
        return self.topic.role

    @property
    def Functionality(self) -> str:
        return self.topic.functionality

    @property
    def description(self) -> str:
        return self.topic.description

    def ToString(self) -> str:
        return "\n".join(self.lines)

    def __str__(self) -> str:
        return self.ToString()


class HelpSummary:
    """A row of the list Get-Help prints when a pattern matches several topics."""

    dotnet_fullname = "HelpInfoShort"
    ps_properties = ("Name", "Category", "Module", "Synopsis")

    def __init__(self, name: str, category: str, module: str, synopsis: str) -> None:
        self.Name, self.Category, self.Module, self.Synopsis = name, category, module, synopsis

    @staticmethod
    def ps_table_view():
        return _summary_view()


@functools.cache
def _summary_view():
    from pwshlike.host.formatting import TableColumn, TableView
    return TableView(columns=(TableColumn("Name", "Name", width=33),
                              TableColumn("Category", "Category", width=9),
                              TableColumn("Module", "Module", width=25),
                              TableColumn("Synopsis", "Synopsis")),
                     type_keys=frozenset({HelpSummary.dotnet_fullname}))


def about_dir():
    from pwshlike.binding.specs import help_dir
    return help_dir() / "about"


def about_topics() -> dict[str, str]:
    """about topic name (lower case) -> markdown file path."""
    try:
        names = os.listdir(about_dir())
    except OSError:
        return {}
    return {n[:-3].lower(): str(about_dir() / n) for n in names
            if n.lower().startswith("about_") and n.endswith(".md")}


def _about_synopsis(path: str) -> str:
    """The first paragraph under 'Short description'."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if line.lstrip("#").strip().lower() == "short description":
            para = []
            for x in lines[i + 1:]:
                if x.startswith("#"):
                    break
                if x.strip():
                    para.append(x.strip())
                elif para:
                    break
            return " ".join(para)
    return ""


class GetHelpCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetHelpCommand"

    def process_record(self) -> None:
        name = to_str(self.Name) if self.Name is not None else "about_pwshlike"
        categories = {c.lower() for c in as_list(self.Category)}
        found = self._find(name)
        if categories and "all" not in categories:
            found = [f for f in found if f[1].lower() in categories or
                     (f[1] == "HelpFile" and "helpfile" in categories)]
        for attr in ("Component", "Role", "Functionality"):
            wanted = as_list(getattr(self, attr))
            if wanted:
                found = [f for f in found if any(
                    wildcard(w).fullmatch(getattr(self._topic(f), attr.lower()) or "")
                    for w in wanted)]
        if not found:
            self._not_found(name)
            return
        if len(found) > 1:
            for f in found:
                t = self._topic(f)
                self.write_object(HelpSummary(t.name, t.category, t.module, t.synopsis))
            return
        self._show(found[0])

    # --- finding topics -------------------------------------------------------------------------------
    def _find(self, name: str) -> list[tuple]:
        """(kind, category, name, payload) for every topic the name stands for."""
        ctx = self.ctx
        about = about_topics()
        if not has_wildcard(name):
            low = name.lower()
            if low in about:
                return [("about", "HelpFile", name, about[low])]
            resolved = ctx.resolve_command(name, self.current_scope)
            if resolved is None:
                return []
            kind, target, _ = resolved
            if kind == "native":
                return []
            if kind == "cmdlet":
                return [("cmdlet", "Cmdlet", target.name, target)]
            if kind == "script":
                return [("script", "ExternalScript", target.Name, target)]
            fname = getattr(target, "name", None) or name
            return [("function", "Filter" if target.is_filter else "Function", fname, target)]
        rx = wildcard(name)
        hits: list[tuple] = []
        for key, path in sorted(about.items()):
            if rx.fullmatch(key):
                hits.append(("about", "HelpFile", os.path.basename(path)[:-3], path))
        for key in sorted(ctx.aliases):
            if rx.fullmatch(key):
                meta = ctx.alias_meta.get(key, {})
                hits.append(("alias", "Alias", meta.get("name", key), ctx.aliases[key]))
        table = self.current_scope.functions
        items = list(dict.items(table))
        fallback = getattr(table, "fallback", None)
        if fallback is not None:
            items += list(fallback.functions.items())
        seen = set()
        for key, info in sorted(items):
            if rx.fullmatch(key) and key not in seen:
                seen.add(key)
                hits.append(("function", "Filter" if info.is_filter else "Function",
                             getattr(info, "name", None) or key, info))
        for key, info in sorted(ctx.cmdlets.items()):
            if rx.fullmatch(key):
                hits.append(("cmdlet", "Cmdlet", info.name, info))
        return hits

    def _topic(self, found: tuple):
        cache = self.__dict__.setdefault("_topics", {})
        key = (found[0], found[2])
        if key not in cache:
            cache[key] = self._make_topic(found)
        return cache[key]

    def _make_topic(self, found: tuple):
        from pwshlike.helpdocs import topics
        kind, category, name, payload = found
        if kind == "about":
            from pwshlike.helpdocs.render_text import HelpTopic
            return HelpTopic(name, "HelpFile", "", _about_synopsis(payload))
        if kind == "alias":
            from pwshlike.helpdocs.render_text import HelpTopic
            return HelpTopic(name, "Alias", "", f"{payload} ")
        if kind == "cmdlet":
            from pwshlike.binding.specs import help_dir
            from pwshlike.helpdocs.platyps import read_help
            path = help_dir() / f"{payload.name}.md"
            with open(path, encoding="utf-8") as f:
                page = read_help(f.read(), str(path))
            return topics.from_page(page, payload.spec)
        from pwshlike.helpdocs.comment_help import help_for
        if kind == "script":
            info = payload.compile()
            ch = help_for(info, is_script=True)
        else:
            info = payload
            ch = help_for(info)
        module = info.module.Name if getattr(info, "module", None) is not None else ""
        if ch is None:
            return topics.plain(name, info, category, self._aliases_of(name), module)
        return topics.from_comment(name, info, ch, category, module)

    def _aliases_of(self, name: str) -> list[str]:
        ctx = self.ctx
        return sorted((ctx.alias_meta.get(k, {}).get("name", k) for k, v in ctx.aliases.items()
                       if v.lower() == name.lower()), key=str.lower)

    # --- output -------------------------------------------------------------------------------------------
    def _show(self, found: tuple) -> None:
        from pwshlike.helpdocs.render_text import render, render_about
        width = getattr(self.ctx.host, "width", 120) or 120
        if found[0] == "about":
            with open(found[3], encoding="utf-8") as f:
                lines = render_about(found[2], f.read(), width)
            self.write_object(HelpInfo(self._topic(found), lines))
            return
        if found[0] == "alias":
            target = self._find(found[3])
            if target:
                self._show(target[0])
            return
        topic = self._topic(found)
        if self.Online:
            if not topic.online_uri:
                self.throw_terminating_error(self.error_record(
                    "The online version of this Help topic cannot be displayed because the "
                    "Internet address (URI) of the Help topic is not specified in the command "
                    "code or in the help file for the command.", "InvalidOperation",
                    "InvalidOperation", topic.name, exc("InvalidOperationException")))
            self.write_object(topic.online_uri)
            return
        if self.parameter_set_name == "Parameters":
            names = as_list(self.Parameter)
            if not any(wildcard(n).fullmatch(p.name) for n in names for p in topic.parameters):
                self.write_error(self.error_record(
                    f"No parameter matches criteria {', '.join(names)}.", "NoParmsFound",
                    "InvalidArgument", names[0] if names else None,
                    exc("ArgumentException")))
                return
            lines = render(topic, "parameter", width, names)
        else:
            view = next((v for attr, v in _VIEWS if getattr(self, attr)), "default")
            lines = render(topic, view, width)
        self.write_object(HelpInfo(topic, lines))

    def _not_found(self, name: str) -> None:
        self.write_error(self.error_record(
            f"Get-Help could not find {name} in a help file in this session. To download "
            'updated help topics type: "Update-Help". To get help online, search for the help '
            "topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.",
            "HelpNotFound", "ResourceUnavailable", name, exc("HelpNotFoundException")))
