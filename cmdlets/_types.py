"""Parameter types of the utility cmdlets that the engine does not otherwise know.

Registered when a cmdlet module that needs them is imported (which happens before its
parameters are bound), so start-up pays nothing for them.
"""
from __future__ import annotations

from pwshlike.runtime.dotnet.enums import make_enum
from pwshlike.runtime.types import PSType, lookup_type, register

PS_MEMBER_TYPES = {
    "AliasProperty": 1, "CodeProperty": 2, "Property": 4, "NoteProperty": 8,
    "ScriptProperty": 16, "Properties": 31, "PropertySet": 32, "Method": 64, "CodeMethod": 128,
    "ScriptMethod": 256, "Methods": 448, "ParameterizedProperty": 512, "MemberSet": 1024,
    "Event": 2048, "Dynamic": 4096, "InferredProperty": 8192, "All": 16383,
}


def _nullable_int(v):
    if v is None:
        return None
    t = lookup_type("System.Int32")
    return t.convert(v)


def _register() -> None:
    if lookup_type("Microsoft.PowerShell.Commands.PSPropertyExpression") is not None:
        return
    register(PSType("Microsoft.PowerShell.Commands.PSPropertyExpression",
                    lambda v: v is not None, lambda v: v))
    register(PSType("System.Nullable`1[System.Int32]", lambda v: True, _nullable_int))
    enums = [
        ("System.Management.Automation.PSMemberTypes", PS_MEMBER_TYPES, True),
        ("System.Management.Automation.PSMemberViewTypes",
         {"Extended": 1, "Adapted": 2, "Base": 4, "All": 7}, True),
        ("Microsoft.PowerShell.Commands.DisplayHintType",
         {"Date": 0, "Time": 1, "DateTime": 2}, False),
        ("Newtonsoft.Json.StringEscapeHandling",
         {"Default": 0, "EscapeNonAscii": 1, "EscapeHtml": 2}, False),
        ("Microsoft.PowerShell.Commands.BaseCsvWritingCommand+QuoteKind",
         {"Never": 0, "Always": 1, "AsNeeded": 2}, False),
    ]
    for name, members, flags in enums:
        register(make_enum(name, members, flags))


_register()
