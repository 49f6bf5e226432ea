"""Get-Member and Add-Member: list an object's members, add members to custom objects."""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import exception_class
from pwshlike.host.formatting import TableColumn, TableView
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.typenames import type_name_of
from pwshlike.runtime.values import ComputedMember, Hashtable, PSCustomObject

from . import _types
from ._props import block_text, is_scriptblock, items_of, no_input

_INVALID_OP = exception_class("System.InvalidOperationException")
_ARG = exception_class("System.Management.Automation.PSArgumentException")

# How pwsh spells a type inside a member definition (its type accelerators, lower case).
_SHORT_TYPES = {
    "System.Int32": "int", "System.Int64": "long", "System.Int16": "short", "System.Byte": "byte",
    "System.SByte": "sbyte", "System.UInt16": "ushort", "System.UInt32": "uint",
    "System.UInt64": "ulong", "System.Double": "double", "System.Single": "float",
    "System.Decimal": "decimal", "System.String": "string", "System.Char": "char",
    "System.Boolean": "bool", "System.DateTime": "datetime", "System.TimeSpan": "timespan",
    "System.Guid": "guid", "System.Collections.Hashtable": "hashtable",
    "System.Management.Automation.ScriptBlock": "scriptblock", "System.Type": "type",
    "System.RuntimeType": "type", "System.Numerics.BigInteger": "bigint",
    "System.Text.RegularExpressions.Regex": "regex", "System.Object[]": "Object[]",
    "System.Management.Automation.SwitchParameter": "switch",
}
_PSOBJECT_METHODS = (("Equals", "bool Equals(System.Object obj)"),
                     ("GetHashCode", "int GetHashCode()"), ("GetType", "type GetType()"),
                     ("ToString", "string ToString()"))


def short_type(name: str) -> str:
    return _SHORT_TYPES.get(name, name)


class MemberDefinition:
    """Microsoft.PowerShell.Commands.MemberDefinition: one line of Get-Member output."""

    dotnet_fullname = "Microsoft.PowerShell.Commands.MemberDefinition"
    ps_properties = ("TypeName", "Name", "MemberType", "Definition")
    ps_table_view = TableView(
        columns=(TableColumn("Name"), TableColumn("MemberType"), TableColumn("Definition")),
        type_keys=frozenset({"Microsoft.PowerShell.Commands.MemberDefinition"}),
        autosize=True, group_by=TableColumn("TypeName"))

    def __init__(self, type_name: str, name: str, member_type: str, definition: str) -> None:
        self.TypeName = type_name
        self.Name = name
        self.MemberType = member_type
        self.Definition = definition

    def ToString(self) -> str:
        return self.Definition


# --- members added by Add-Member -------------------------------------------------------------
class ScriptProperty(ComputedMember):
    __slots__ = ("ctx", "getter", "setter")
    member_type = "ScriptProperty"

    def __init__(self, ctx, getter, setter=None) -> None:
        self.ctx, self.getter, self.setter = ctx, getter, setter

    def get(self, obj):
        if self.getter is None:
            return None
        from pwshlike.runtime.invoke import invoke_scriptblock
        out = invoke_scriptblock(self.ctx, self.getter, [], None, collect=True, this=obj)
        return out[0] if len(out) == 1 else (out or None)

    def set(self, obj, value) -> None:
        if self.setter is None:
            from pwshlike.errors import RuntimeException, runtime_error
            raise runtime_error(RuntimeException, "PropertyAssignmentException",
                                "Set accessor for property is unavailable.", "InvalidOperation")
        from pwshlike.runtime.invoke import invoke_scriptblock
        invoke_scriptblock(self.ctx, self.setter, [value], None, collect=True, this=obj)

    def definition(self, name: str) -> str:
        parts = ""
        if self.getter is not None:
            parts += f"get={block_text(self.getter)};"
        if self.setter is not None:
            parts += f"set={block_text(self.setter)};"
        return f"System.Object {name} {{{parts}}}"


class ScriptMethod(ComputedMember):
    __slots__ = ("block", "ctx")
    member_type = "ScriptMethod"
    is_method = True

    def __init__(self, ctx, block) -> None:
        self.ctx, self.block = ctx, block

    def get(self, obj):
        return self

    def invoke(self, ctx, obj, args: list):
        from pwshlike.runtime.invoke import invoke_scriptblock
        out = invoke_scriptblock(ctx, self.block, list(args), None, collect=True, this=obj)
        return out[0] if len(out) == 1 else (out or None)

    def definition(self, name: str) -> str:
        return f"System.Object {name}();"


class AliasProperty(ComputedMember):
    __slots__ = ("target", "type")
    member_type = "AliasProperty"

    def __init__(self, target: str, type_=None) -> None:
        self.target, self.type = target, type_

    def get(self, obj):
        from pwshlike.runtime.members import get_member
        v = get_member(obj, self.target)
        return self.type.convert(v) if self.type is not None else v

    def set(self, obj, value) -> None:
        from pwshlike.runtime.members import set_member
        set_member(obj, self.target, value)

    def definition(self, name: str) -> str:
        if self.type is not None:
            return f"{name} = ({self.type.fullname}){self.target}"
        return f"{name} = {self.target}"


# --- Get-Member ------------------------------------------------------------------------------
def members_of(obj) -> list[tuple[str, str, str]]:
    """(name, member type, definition) of an object's members, unsorted."""
    out: list[tuple[str, str, str]] = []
    if isinstance(obj, PSCustomObject):
        out += [(n, "Method", d) for n, d in _PSOBJECT_METHODS]
        for name, value in obj._props.values():
            if isinstance(value, ComputedMember):
                out.append((name, value.member_type, value.definition(name)))
            else:
                out.append((name, "NoteProperty", note_definition(name, value)))
        return out
    from pwshlike.runtime.dotnet import methods as M
    from pwshlike.runtime.members import property_list
    if isinstance(obj, Hashtable):
        props = property_list(obj)
    else:
        props = M.display_properties(obj) or property_list(obj)
    for name, value in props:
        t = short_type(type_name_of(value)) if value is not None else "System.Object"
        out.append((name, "Property", f"{t} {name} {{get;}}"))
    names = {n.lower() for n, _, _ in out}
    for low in M.method_names(obj):
        if low in names:
            continue
        name = _dotnet_spelling(obj, low)
        out.append((name, "Method", f"{name}()"))
    for n, d in _PSOBJECT_METHODS:
        if n.lower() not in names and not any(o[0].lower() == n.lower() for o in out):
            out.append((n, "Method", d))
    return out


def _dotnet_spelling(obj, low: str) -> str:
    for klass in type(obj).__mro__:
        for name in vars(klass):
            if name.lower() == low and name[:1].isupper():
                return name
    return low[:1].upper() + low[1:]


def note_definition(name: str, value) -> str:
    if value is None:
        return f"object {name}=null"
    return f"{short_type(type_name_of(value))} {name}={to_str(value)}"


class GetMemberCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.GetMemberCommand"

    def begin_processing(self) -> None:
        self.seen_types: set[str] = set()
        self.found = False
        self.mask = int(self.MemberType) if self.is_bound("MemberType") else \
            _types.PS_MEMBER_TYPES["All"]
        self.names = [to_str(n) for n in items_of(self.Name)] if self.is_bound("Name") else None

    def _wanted(self, kind: str) -> bool:
        return bool(self.mask & _types.PS_MEMBER_TYPES.get(kind, 0))

    def process_record(self) -> None:
        if no_input(self):
            return
        obj = self.InputObject
        if obj is None:
            return
        self.found = True
        if self.Static:
            self._static(obj)
            return
        type_name = type_name_of(obj)
        if type_name in self.seen_types:
            return
        self.seen_types.add(type_name)
        rows = members_of(obj)
        rows = [r for r in rows if self._wanted(r[1]) and self._named(r[0])]
        rows.sort(key=lambda r: (r[1], r[0].lower()))
        for name, kind, definition in rows:
            self.write_object(MemberDefinition(type_name, name, kind, definition))

    def _named(self, name: str) -> bool:
        if self.names is None:
            return True
        from ._props import match_names
        return any(match_names(n, [name]) for n in self.names)

    def _static(self, obj) -> None:
        t = obj if type(obj).__name__ == "PSType" else None
        if t is None:
            from pwshlike.runtime.types import resolve_type
            try:
                t = resolve_type(type_name_of(obj))
            except Exception:  # noqa: BLE001 - a type pwshlike does not model
                return
        if t.fullname in self.seen_types:
            return
        self.seen_types.add(t.fullname)
        names = sorted((getattr(t, "statics", None) or {}).keys(), key=str.lower)
        for n in names:
            if self._wanted("Method") and self._named(n):
                self.write_object(MemberDefinition(t.fullname, n, "Method", f"static {n}()"))

    def end_processing(self) -> None:
        if not self.found and self._proc.expected:
            self.write_error(self.error_record(
                "You must specify an object for the Get-Member cmdlet.", "NoObjectInGetMember",
                "CloseError", None, _INVALID_OP))


# --- Add-Member ------------------------------------------------------------------------------
class AddMemberCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.AddMemberCommand"
    allow_null_parameters = ("NotePropertyValue",)

    def process_record(self) -> None:
        obj = self.InputObject
        target = obj
        if not isinstance(target, PSCustomObject):
            if self.parameter_set_name == "TypeNameSet":
                self._finish(obj)
                return
            self.throw_terminating_error(self.error_record(
                f"pwshlike can add members only to custom objects ([pscustomobject]); the input "
                f"is of type {type_name_of(obj)}.", "CannotAddMemberToObject",
                "InvalidOperation", obj, _INVALID_OP))
        set_name = self.parameter_set_name
        if set_name == "NotePropertyMultiMemberSet":
            members = self.NotePropertyMembers
            pairs = members.items() if isinstance(members, Hashtable) else []
            for k, v in pairs:
                if not self._add(target, to_str(k), v):
                    return
        elif set_name == "NotePropertySingleMemberSet":
            if not self._add(target, to_str(self.NotePropertyName), self.NotePropertyValue):
                return
        elif set_name == "MemberSet":
            kind = to_str(self.MemberType)
            member = self._member(kind)
            if member is _FAIL:
                return
            if not self._add(target, to_str(self.Name), member):
                return
        self._finish(obj)

    def _finish(self, obj) -> None:
        if self.is_bound("TypeName") and isinstance(obj, PSCustomObject):
            names = list(obj.type_names or [])
            name = to_str(self.TypeName)
            if name not in names:
                names.insert(0, name)
            obj.type_names = names
        if self.PassThru:
            self.write_object(obj)

    def _member(self, kind: str):
        low = kind.lower()
        value = self.Value
        second = self.SecondValue
        if low == "noteproperty":
            return value
        if low == "scriptproperty":
            if (value is not None and not is_scriptblock(value)) or \
                    (second is not None and not is_scriptblock(second)):
                return self._bad_value("ScriptProperty")
            return ScriptProperty(self.ctx, value, second)
        if low == "scriptmethod":
            if not is_scriptblock(value):
                return self._bad_value("ScriptMethod")
            return ScriptMethod(self.ctx, value)
        if low == "aliasproperty":
            if value is None:
                return self._bad_value("AliasProperty")
            t = None
            if second is not None:
                from pwshlike.runtime.types import resolve_type
                t = second if type(second).__name__ == "PSType" else resolve_type(to_str(second))
            return AliasProperty(to_str(value), t)
        self.throw_terminating_error(self.error_record(
            f'Cannot add a member of type "{kind}": pwshlike supports NoteProperty, '
            "ScriptProperty, ScriptMethod and AliasProperty.", "CannotAddMemberType",
            "InvalidOperation", kind, _INVALID_OP))
        return _FAIL

    def _bad_value(self, kind: str):
        self.throw_terminating_error(self.error_record(
            f'The Value parameter is not valid for a member of type "{kind}".',
            "ValueShouldBeScriptBlock" if kind != "AliasProperty" else "ValueShouldBeName",
            "InvalidOperation", None, _INVALID_OP))
        return _FAIL

    def _add(self, obj: PSCustomObject, name: str, value) -> bool:
        if obj.has_property(name) or name.lower() in obj._props:
            if not self.Force:
                self.write_error(self.error_record(
                    f'Cannot add a member with the name "{name}" because a member with that '
                    "name already exists. To overwrite the member anyway, add the Force "
                    "parameter to your command.", "MemberAlreadyExists", "InvalidOperation",
                    obj, _INVALID_OP))
                return False
            obj.remove_property(name)
        obj._props[name.lower()] = [name, value]
        return True


_FAIL = object()
