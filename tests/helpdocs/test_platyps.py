"""The converter on the pitfalls of real PlatyPS pages (language-and-binding notes §3.4)."""
from __future__ import annotations

import pytest

from pwshlike.helpdocs.parameters import _pipeline
from pwshlike.helpdocs.platyps import HelpFormatError, read_help
from pwshlike.helpdocs.spec import SpecError, spec_from_help
from pwshlike.helpdocs.syntax import all_syntax, syntax_block, syntax_line

LEGACY = """\ufeff---
external help file: x.dll-Help.xml
schema: 2.0.0
---

# Set-Thing

## SYNOPSIS
Sets a thing.

## SYNTAX

### ByName (Default)
```
Set-Thing [-Name] <String> [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]
```

### ById
```
Set-Thing [[-Tag] <String[]>] -Id <Int32> [-WhatIf] [-Confirm] [<CommonParameters>]
```

## DESCRIPTION
Long text.

## EXAMPLES

### Example 1
```powershell
# This is a comment, not a heading
Set-Thing -Name x
```

## PARAMETERS

### -Name
The name.

```yaml
Type: String
Parameter Sets: ByName
Aliases: n, ThingName
Accepted values: Alpha, Beta Gamma

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByPropertyName, ByValue)
Accept wildcard characters: True
```

### -Id
```yaml
Type: Int32
parameter sets: ById
Aliases:

Required: True
Position: named
Default value: None
Accept pipeline input: ByValue (False), ByName (True)
Accept wildcard characters: False
```

### -Tag
```yaml
Type: String[]
Parameter Sets: ById
Aliases:

Required: False
Position: 1
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```

### -Force
```yaml
Type: SwitchParameter
Parameter Sets: ByName
Aliases:

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### -WhatIf
```yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases: wi
```

### -Confirm
```yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases: cf
```

### <CommonParameters>
This cmdlet supports the common parameters.

## INPUTS

### System.String

## OUTPUTS

### System.Object

## NOTES

## RELATED LINKS

[about_Things](https://example.invalid/about_things)
""".replace("\n", "\r\n")

V2 = """---
document type: cmdlet
Module Name: Demo
PlatyPS schema version: 2024-05-01
title: Write-Thing
---

# Write-Thing

## SYNOPSIS

Writes things.

## SYNTAX

### __AllParameterSets

```
Write-Thing [[-Object] <Object>] [-Separator <Object>] [<CommonParameters>]
```

## ALIASES

This cmdlet has the alias `wt`.

## PARAMETERS

### -Object

```yaml
Type: System.Object
DefaultValue: None
SupportsWildcards: false
Aliases:
- Msg
- Message
ParameterSets:
- Name: (All)
  Position: 0
  IsRequired: false
  ValueFromPipeline: true
  ValueFromPipelineByPropertyName: false
  ValueFromRemainingArguments: true
DontShow: false
AcceptedValues: []
HelpMessage: ''
```

### -Separator

```yaml
Type: System.Object
DefaultValue: ' '
Aliases: []
ParameterSets:
- Name: (All)
  Position: Named
  IsRequired: false
```

### CommonParameters

Common parameters.
"""

TWO_BLOCKS = """# Get-Two

## SYNTAX

### A (Default)
```
Get-Two -Path <String> [<CommonParameters>]
```

### B
```
Get-Two [-Path <String>] [<CommonParameters>]
```

## PARAMETERS

### -Path
```yaml
Type: String
Parameter Sets: A
Required: True
Position: Named
```

```yaml
Type: String
Parameter Sets: B
Required: False
Position: Named
```
"""


def test_legacy_page_with_bom_crlf_and_comment_in_example():
    h = read_help(LEGACY)
    assert h.name == "Set-Thing" and h.schema == "2.0.0"
    assert [p.name for p in h.parameters] == ["Name", "Id", "Tag", "Force"]
    assert h.supports_should_process and h.common_parameters
    assert h.examples[0].title == "Example 1"
    assert "# This is a comment, not a heading" in h.examples[0].body
    assert h.inputs == [("System.String", "")]
    assert h.related_links == [("about_Things", "https://example.invalid/about_things")]


def test_legacy_metadata_to_spec():
    spec = spec_from_help(read_help(LEGACY))
    assert spec["default_parameter_set"] == "ByName"
    assert spec["supports_should_process"] is True
    by_name = {p["name"]: p for p in spec["parameters"]}
    assert list(by_name) == ["Name", "Force", "Tag", "Id"]        # SYNTAX order
    name = by_name["Name"]
    assert name["aliases"] == ["n", "ThingName"]
    assert name["accepted_values"] == ["Alpha", "Beta Gamma"]
    assert name["supports_wildcards"] is True
    assert name["sets"] == {"ByName": {"position": 0, "mandatory": True,
                                       "value_from_pipeline": True,
                                       "value_from_pipeline_by_property_name": True}}
    assert by_name["Id"]["sets"] == {"ById": {"mandatory": True,
                                              "value_from_pipeline_by_property_name": True}}
    assert by_name["Tag"]["sets"] == {"ById": {"position": 1}}
    assert "default_value" not in by_name["Force"] or by_name["Force"]["default_value"] == "False"


def test_syntax_rendering_matches_the_page():
    h = read_help(LEGACY)
    spec = spec_from_help(h)
    for block in h.syntax:
        assert syntax_block(spec, block.set_name) == block.text.strip()
    assert all_syntax(spec)[0] == (
        "ByName", "Set-Thing [-Name] <String> [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]")


def test_platyps_2024_schema():
    h = read_help(V2)
    assert h.schema == "2024-05-01"
    assert h.aliases == ["wt"]
    spec = spec_from_help(h)
    obj, sep = spec["parameters"]
    assert obj["aliases"] == ["Msg", "Message"]
    assert obj["type"] == "System.Object"
    assert obj["sets"] == {"__AllParameterSets": {
        "position": 0, "value_from_pipeline": True, "value_from_remaining_arguments": True}}
    assert sep["default_value"] == " "
    assert syntax_line(spec, "__AllParameterSets") == (
        "Write-Thing [[-Object] <System.Object>] [-Separator <System.Object>] "
        "[<CommonParameters>]")


def test_several_metadata_blocks_for_one_parameter():
    spec = spec_from_help(read_help(TWO_BLOCKS))
    (path,) = spec["parameters"]
    assert path["sets"] == {"A": {"mandatory": True}, "B": {}}


def test_per_set_required_text():
    page = TWO_BLOCKS.replace(
        "Parameter Sets: A\nRequired: True", "Parameter Sets: A, B\nRequired: True (A), False (B)"
    ).split("```yaml\nType: String\nParameter Sets: B")[0] + "```\n"
    (path,) = spec_from_help(read_help(page))["parameters"]
    assert path["sets"] == {"A": {"mandatory": True}, "B": {}}


@pytest.mark.parametrize("text,expected", [
    ("False", (False, False)), ("True", (True, False)), ("True (ByValue)", (True, False)),
    ("True (ByPropertyName)", (False, True)), ("True (ByPropertyName, ByValue)", (True, True)),
    ("true (ByValue, ByPropertyName)", (True, True)),
    ("ByValue (False), ByName (True)", (False, True)),
    ("ByValue (True), ByName (False)", (True, False)),
])
def test_pipeline_input_spellings(text, expected):
    assert _pipeline(text) == expected


def test_conflicting_types_are_an_error():
    page = TWO_BLOCKS.replace("Type: String\nParameter Sets: B", "Type: Int32\nParameter Sets: B")
    with pytest.raises(HelpFormatError, match="type String in one block and Int32"):
        read_help(page)


def test_two_parameters_at_one_position_is_an_error():
    page = LEGACY.replace("Position: 1", "Position: 0").replace("Parameter Sets: ById\r\nAliases:"
                                                                "\r\n\r\nRequired: False",
                                                                "Parameter Sets: ByName\r\n"
                                                                "Aliases:\r\n\r\nRequired: False")
    with pytest.raises(SpecError, match="share position 0"):
        spec_from_help(read_help(page))


def test_unknown_metadata_key_is_an_error():
    page = TWO_BLOCKS.replace("Position: Named\n```\n\n```yaml", "Colour: Blue\n```\n\n```yaml")
    with pytest.raises(HelpFormatError, match="unknown metadata keys: colour"):
        read_help(page)


def test_page_without_command_heading():
    with pytest.raises(HelpFormatError, match="not a PlatyPS page"):
        read_help("just some text\n")
