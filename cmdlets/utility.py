"""Get-Variable."""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.values import PSCustomObject


class GetVariableCommand(Cmdlet):
    def process_record(self) -> None:
        scope = self._proc.scope
        if self.Scope is not None:
            s = to_str(self.Scope).lower()
            if s == "global":
                scope = self.ctx.global_scope
            elif s == "script":
                scope = scope.script
            elif s == "local":
                pass
            else:
                scope = scope.ancestor(int(s))
        names = self.Name if isinstance(self.Name, list) else [self.Name or "*"]
        from pwshlike.runtime.regex import compile_wildcard
        for name in names:
            rx = compile_wildcard(to_str(name))
            found = False
            s = scope
            seen = set()
            while s is not None:
                for key, value in s.vars.items():
                    if rx.match(key) and key not in seen:
                        seen.add(key)
                        found = True
                        if self.ValueOnly:
                            self.write_object(value)
                        else:
                            self.write_object(PSCustomObject([("Name", key), ("Value", value)]))
                if self.Scope is not None:
                    break
                s = s.parent
            if not found and "*" not in to_str(name):
                from pwshlike.errors import ItemNotFoundException
                self.write_error(self.error_record(
                    f"Cannot find a variable with the name '{name}'.", "VariableNotFound",
                    "ObjectNotFound", name, ItemNotFoundException))
