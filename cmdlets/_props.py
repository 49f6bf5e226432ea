"""Property expressions shared by the object cmdlets (Select/Sort/Group/Measure/Compare/...).

pwsh's ``PSPropertyExpression``: a property name (wildcards allowed), a script block run
with ``$_`` set to the object, or a hashtable (calculated property) naming one of those.
Hashtables read like objects whose properties are their keys, as pwsh 7 does.
"""
from __future__ import annotations

from pwshlike.runtime.convert import to_str
from pwshlike.runtime.members import get_member, property_list
from pwshlike.runtime.values import Hashtable, PSCustomObject

from . import _types  # noqa: F401 - registers parameter types

_SENTINEL = object()


def is_scriptblock(v) -> bool:
    return type(v).__name__ == "ScriptBlock"


def has_wildcard(name: str) -> bool:
    return any(c in name for c in "*?[")


def block_text(sb) -> str:
    """A script block's text without its braces, as pwsh's ScriptBlock.ToString gives it."""
    text = to_str(sb)
    if text.startswith("{") and text.endswith("}"):
        return text[1:-1]
    return text


def run_block(cmdlet, sb, item, args=()) -> list:
    """Output of ``sb`` with ``$_`` = item, in a child scope of the caller."""
    from pwshlike.runtime.invoke import invoke_scriptblock
    return invoke_scriptblock(cmdlet.ctx, sb, list(args), None, collect=True,
                              dollar_underscore=item, parent_scope=cmdlet.current_scope)


def block_value(cmdlet, sb, item):
    """A script block's result as one value: nothing → None, one item → it, more → a list."""
    out = run_block(cmdlet, sb, item)
    if not out:
        return None
    return out[0] if len(out) == 1 else out


def names_of(obj) -> list[str]:
    """Property names of an object, for wildcard expansion (a hashtable's are its .NET
    properties, as in pwsh: ``@{a=1} | Select-Object *`` shows Keys, Values, Count...)."""
    if isinstance(obj, PSCustomObject):
        return obj.property_names()
    return [n for n, _ in property_list(obj)]


def lookup(obj, name: str):
    """(found, value) of a property (a hashtable key first)."""
    if isinstance(obj, Hashtable):
        if name in obj:
            return True, obj[name]
    elif isinstance(obj, PSCustomObject):
        e = obj._props.get(name.lower())
        if e is None:
            return False, None
        return True, get_member(obj, name)
    for n, v in property_list(obj):
        if n.lower() == name.lower():
            return True, v
    v = get_member(obj, name)
    return (v is not None), v


def match_names(pattern: str, names: list[str]) -> list[str]:
    from pwshlike.runtime.regex import compile_wildcard
    rx = compile_wildcard(pattern)
    return [n for n in names if rx.fullmatch(n)]


class PropertyExpr:
    """One entry of a ``-Property`` list, resolved against objects."""

    def __init__(self, source, label: str | None = None, extras: dict | None = None) -> None:
        self.source = source              # str name/pattern or ScriptBlock
        self.label = label
        self.extras = extras or {}

    @property
    def is_block(self) -> bool:
        return is_scriptblock(self.source)

    def resolve(self, cmdlet, obj) -> list[tuple[str, object]]:
        """[(name, value)] this expression gives for ``obj``; a pattern may give several,
        a name the object lacks gives nothing."""
        if self.is_block:
            return [(self.label or block_text(self.source), block_value(cmdlet, self.source, obj))]
        name = to_str(self.source)
        if has_wildcard(name):
            return [(self.label or n, lookup(obj, n)[1]) for n in match_names(name, names_of(obj))]
        found, value = lookup(obj, name)
        if not found:
            return []
        return [(self.label or _spelled(obj, name), value)]

    def value(self, cmdlet, obj):
        """Single value (first match) for sorting/grouping/measuring; None when missing."""
        got = self.resolve(cmdlet, obj)
        return got[0][1] if got else None


def _spelled(obj, name: str) -> str:
    """The property's own spelling ("Name" for a lookup of "name")."""
    if isinstance(obj, PSCustomObject):
        e = obj._props.get(name.lower())
        return e[0] if e else name
    if isinstance(obj, Hashtable):
        e = obj._d.get(name.lower())
        return to_str(e[0]) if e else name
    return name


def _key_matches(key: str, full: str, short: tuple[str, ...] = ()) -> bool:
    low = key.lower()
    return bool(low) and (full.lower().startswith(low) or low in short)


def parse_properties(cmdlet, props, extras: tuple[str, ...] = (),
                     named: bool = True) -> list[PropertyExpr]:
    """``-Property`` values → PropertyExpr list.  Hashtables take Expression and (when
    ``named``) Name/Label, plus the ``extras`` keys (Ascending, FormatString...); any
    unambiguous prefix of a key is accepted (``n``, ``l``, ``e``), as pwsh does."""
    out = []
    for p in ([] if props is None else props if isinstance(props, list) else [props]):
        if isinstance(p, Hashtable):
            out.append(_calculated(cmdlet, p, extras, named))
        elif is_scriptblock(p) or isinstance(p, str):
            out.append(PropertyExpr(p))
        else:
            out.append(PropertyExpr(to_str(p)))
    return out


def _calculated(cmdlet, table: Hashtable, extras: tuple[str, ...], named: bool) -> PropertyExpr:
    label = None
    source = _SENTINEL
    found: dict = {}
    for k, v in table.items():
        key = to_str(k)
        low = key.lower()
        if named and (_key_matches(low, "name") or _key_matches(low, "label")):
            if label is not None:
                _raise_key(cmdlet, "DictionaryKeyDuplicate",
                           f'The "{key}" key has already been specified.')
            label = to_str(v)
        elif _key_matches(low, "expression"):
            if not (isinstance(v, str) or is_scriptblock(v)):
                _raise_key(cmdlet, "DictionaryKeyIllegalValue2",
                           f'The "{key}" key has a type, {_tn(v)}, that is not valid; expected '
                           'types are {System.String, System.Management.Automation.ScriptBlock}.')
            source = v
        else:
            extra = next((a for a in extras if _key_matches(low, a)), None)
            if extra is None:
                _raise_key(cmdlet, "DictionaryKeyUnknownType", f'The "{key}" key is not valid.')
            found[extra] = v
    if source is _SENTINEL:
        _raise_key(cmdlet, "DictionaryKeyMandatoryEntry",
                   'A mandatory entry for "Expression" is missing.')
    if label is not None and not is_scriptblock(source) and has_wildcard(to_str(source)):
        _raise_key(cmdlet, "WildCardWithLabel",
                   'The "Name" key cannot be used together with a property name that contains '
                   'wildcard characters.')
    return PropertyExpr(source, label, found)


def _raise_key(cmdlet, error_id: str, message: str):
    from pwshlike.errors import NotSupportedException
    rec = cmdlet.error_record(message, error_id, "InvalidArgument", None,
                              NotSupportedException)
    cmdlet.throw_terminating_error(rec)


def _tn(v) -> str:
    from pwshlike.runtime.typenames import type_name_of
    return type_name_of(v)


def items_of(value) -> list:
    """Enumerate a parameter value the way a pipeline would (a scalar is one item)."""
    from pwshlike.runtime.enumerate import enumerate_value
    if value is None:
        return []
    items = enumerate_value(value) if not isinstance(value, (str, Hashtable)) else None
    return list(items) if items is not None else [value]


def no_input(cmdlet) -> bool:
    """True when process_record runs without any input object (no pipeline, no -InputObject)."""
    return not cmdlet.is_bound("InputObject")


def param(cmdlet, name: str, default=None):
    """A parameter's value if bound, else ``default`` (spec defaults are help text only)."""
    return cmdlet.bound_parameters.get(name, default)
