"""Spec → a PlatyPS page skeleton (schema 2024-05-01), as PlatyPS's New-MarkdownCommandHelp
writes one from command metadata.  Used to start the page of a new command; the prose is
then ours to write.  The 2024 layout is used because only it can say
ValueFromRemainingArguments, HelpMessage and DontShow."""
from __future__ import annotations

from .syntax import ALL_SETS, parameter_sets, syntax_block

PLACEHOLDER = "{{ Fill in }}"
COMMON_PARAMETERS_TEXT = (
    "This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, "
    "-InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, "
    "-ProgressAction, -Verbose, -WarningAction, and -WarningVariable.")


def page_from_spec(spec: dict, module: str = "Microsoft.PowerShell.Utility") -> str:
    sets = parameter_sets(spec)
    out = ["---", "document type: cmdlet", f"Module Name: {module}",
           "PlatyPS schema version: 2024-05-01", f"title: {spec['name']}"]
    for key, front in (("class", "pwshlike class"), ("fq_name", "pwshlike fq name"),
                       ("confirm_impact", "pwshlike confirm impact")):
        if spec.get(key):
            out.append(f"{front}: {spec[key]}")
    out += ["---", "", f"# {spec['name']}", "", "## SYNOPSIS", "",
            spec.get("synopsis") or PLACEHOLDER, "", "## SYNTAX", ""]
    for s in sets:
        marker = " (Default)" if s == spec.get("default_parameter_set") else ""
        out += [f"### {s}{marker}", "", "```", syntax_block(spec, s), "```", ""]
    out += ["## ALIASES", "", "## DESCRIPTION", "", PLACEHOLDER, "", "## EXAMPLES", "",
            "### Example 1", "", "```powershell", PLACEHOLDER, "```", "", "## PARAMETERS", ""]
    params = sorted(spec.get("parameters") or [], key=lambda p: p["name"].lower())
    if spec.get("supports_should_process"):
        params += [{"name": "Confirm", "type": "SwitchParameter", "aliases": ["cf"]},
                   {"name": "WhatIf", "type": "SwitchParameter", "aliases": ["wi"]}]
    params.sort(key=lambda p: p["name"].lower())
    for p in params:
        out += [f"### -{p['name']}", "", PLACEHOLDER, "", "```yaml",
                _metadata(p, sets).rstrip("\n"), "```", ""]
    out += ["### CommonParameters", "", COMMON_PARAMETERS_TEXT, "", "## INPUTS", "",
            "## OUTPUTS", "", "## NOTES", "", "## RELATED LINKS", ""]
    return "\n".join(out)


def _metadata(p: dict, sets: list[str]) -> str:
    import yaml
    own = p.get("sets") or {ALL_SETS: {}}
    entries = []
    for s, b in own.items():
        b = b or {}
        entries.append({
            "Name": "(All)" if s == ALL_SETS or (len(own) == len(sets) > 1 and
                                                   all((own[x] or {}) == b for x in own))
            else s,
            "Position": "Named" if b.get("position") is None else b["position"],
            "IsRequired": bool(b.get("mandatory")),
            "ValueFromPipeline": bool(b.get("value_from_pipeline")),
            "ValueFromPipelineByPropertyName": bool(b.get("value_from_pipeline_by_property_name")),
            "ValueFromRemainingArguments": bool(b.get("value_from_remaining_arguments")),
        })
    if entries and all(e["Name"] == "(All)" for e in entries):
        entries = entries[:1]
    data = {"Type": p.get("type") or "System.Object",
            "DefaultValue": p.get("default_value", "None"),
            "SupportsWildcards": bool(p.get("supports_wildcards")),
            "Aliases": list(p.get("aliases") or []), "ParameterSets": entries,
            "DontShow": bool(p.get("dont_show")),
            "AcceptedValues": list(p.get("accepted_values") or []),
            "HelpMessage": p.get("help_message") or ""}
    return yaml.safe_dump(data, sort_keys=False, default_flow_style=False, width=100)
