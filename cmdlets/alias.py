"""Get-Alias, Set-Alias, New-Alias: the session's alias table (``ctx.aliases``)."""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.providers.session import AliasInfo

from ._session import NameFilter, as_list, exc, has_wildcard, options_text, wildcard


class GetAliasCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetAliasCommand"

    def process_record(self) -> None:
        ctx = self.ctx
        keep = NameFilter(None, self.Exclude)
        names = sorted(ctx.aliases, key=str.lower)
        if self.parameter_set_name == "Definition":
            for pattern in as_list(self.Definition):
                rx = wildcard(pattern)
                hits = [k for k in names if rx.fullmatch(ctx.aliases[k]) and keep(k)]
                if not hits and not has_wildcard(pattern):
                    self._missing(pattern, "definition")
                for k in hits:
                    self.write_object(self._info(k))
            return
        for pattern in as_list(self.Name) or ["*"]:
            rx = wildcard(pattern)
            hits = [k for k in names if rx.fullmatch(k) and keep(k)]
            if not hits and not has_wildcard(pattern):
                self._missing(pattern, "name")
            for k in hits:
                self.write_object(self._info(k))

    def _info(self, key: str) -> AliasInfo:
        name = self.ctx.alias_meta.get(key, {}).get("name", key)
        return AliasInfo(self.ctx, name, self.ctx.aliases[key])

    def _missing(self, pattern: str, what: str) -> None:
        self.write_error(self.error_record(
            f"This command cannot find a matching alias because an alias with the {what} "
            f"'{pattern}' does not exist.", "ItemNotFoundException", "ObjectNotFound", pattern,
            exc("ItemNotFoundException")))


class SetAliasCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.SetAliasCommand"
    is_new = False

    def process_record(self) -> None:
        ctx = self.ctx
        name, value = str(self.Name), str(self.Value)
        key = name.lower()
        meta = ctx.alias_meta.get(key, {})
        existing = key in ctx.aliases
        if existing and self.is_new and not self.Force:
            self.write_error(self.error_record(
                f"The alias is not allowed, because an alias with the name '{name}' already "
                "exists.", "AliasAlreadyExists", "ResourceExists", name,
                exc("SessionStateException")))
            return
        current = meta.get("options", "None")
        if existing and ("Constant" in current or ("ReadOnly" in current and not self.Force)):
            self.write_error(self.error_record(
                f"Alias is not writeable because alias {name} is read-only or constant and "
                "cannot be written to.", "AliasNotWritable", "WriteError", name,
                exc("SessionStateUnauthorizedAccessException")))
            return
        action = "New alias" if self.is_new else "Set alias"
        if not self.should_process(f"Name: {name} Value: {value}", action):
            return
        options = options_text(self.Option) if self.Option is not None else (
            current if existing and not self.is_new else "None")
        description = str(self.Description) if self.Description is not None else (
            meta.get("description", "") if existing else "")
        ctx.set_alias(name, value, options, description)
        if self.PassThru:
            self.write_object(AliasInfo(ctx, name, value))


class NewAliasCommand(SetAliasCommand):
    fq_name = "Microsoft.PowerShell.Commands.NewAliasCommand"
    is_new = True
