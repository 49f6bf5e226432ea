"""The functions generated code calls (its globals), kept in one table.

Small, hot helpers live here; bigger machinery (commands, members, operators) is
imported from its own module.
"""
from __future__ import annotations

from ..errors import (
    ArgumentTransformationMetadataException,
    DotNetException,
    ErrorRecord,
    RuntimeException,
    ValidationMetadataException,
    ensure_error_record,
    exception_class,
    runtime_error,
)
from .context import (
    MISSING,
    STRICT_SEEN,
    BreakSignal,
    ContinueSignal,
    ExitSignal,
    NullSink,
    ReturnSignal,
    Scope,
    env_get,
    env_set,
)
from .convert import to_bool, to_str
from .enumerate import enumerate_value
from .values import Hashtable, PSCustomObject, PSReference


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


NOARG = _Marker("NOARG")
SPLAT = _Marker("SPLAT")
ENDPARAMS = _Marker("ENDPARAMS")
VERBATIM = _Marker("VERBATIM")
NOINPUT = _Marker("NOINPUT")


NULLSINK = NullSink()


# --- output -------------------------------------------------------------------------------------------------
def emit(out, v) -> None:
    t = type(v)
    if t is list:
        out.extend(v)
        return
    if v is not None and t is not str and t is not int:
        items = enumerate_value(v)    # once: an enumerator ($input) is consumed by reading
        if items is not None:
            out.extend(items)
            return
    out.append(v)


def emit_result(out, v) -> None:
    """Output of a method call: void methods (None) write nothing."""
    if v is not None:
        emit(out, v)


def collect(ctx, S, fn):
    out = []
    fn(ctx, S, out)
    n = len(out)
    if n == 1:
        return out[0]
    if n == 0:
        return None
    return out


def collect_list(ctx, S, fn) -> list:
    out = []
    fn(ctx, S, out)
    return out


def as_array(v) -> list:
    if type(v) is list:
        return list(v)
    if v is None:
        return []
    items = enumerate_value(v)
    if items is None:
        return [v]
    return list(items)


def unwrap_value(v):
    if isinstance(v, range):
        return list(v)
    return v


# --- variables ------------------------------------------------------------------------------------------
_AUTOMATIC = {"pwd", "home", "pid"}


def lookup(ctx, S: Scope, name: str):
    """A variable's value for the engine's own use ($null when it was never set)."""
    v = S.lookup(name)
    if v is MISSING:
        return ctx.automatic_variable(name, S)
    return v


def read_variable(ctx, S: Scope, name: str, text: str | None = None, in_string: bool = False):
    """``$name`` in script code, once the current scope's own table has not got it: like
    :func:`lookup`, but a variable that was never set is an error under Set-StrictMode.
    ``text`` is the name as written (for the message) when it differs from the key."""
    v = S.lookup(name)
    if v is MISSING:
        v = ctx.automatic_variable(name, S)
        if v is None and STRICT_SEEN[0]:
            unset_variable(S, text or name, in_string)
    return v


def unset_variable(S: Scope, text: str, in_string: bool = False) -> None:
    """A read of a variable that was never set: None, or Set-StrictMode's error."""
    if STRICT_SEEN[0]:
        from .strict import undefined_variable
        undefined_variable(S, text, in_string)


def local_miss(ctx, S: Scope, name: str, text: str) -> None:
    """``$x += 1`` when the current scope has no ``$x``: compound assignment starts from
    $null there, but under Set-StrictMode only if some scope has the variable."""
    if STRICT_SEEN[0] and S.lookup(name) is MISSING and \
            ctx.automatic_variable(name, S) is None:
        unset_variable(S, text)


def _scope_for(ctx, S: Scope, scope: str) -> Scope:
    if scope == "global":
        return ctx.global_scope
    if scope == "script":
        return S.script
    return S


def getvar_scoped(ctx, S: Scope, scope: str, name: str, in_string: bool = False):
    if scope == "env":
        return env_get(name)
    key = name.lower()
    if key == "psitem":
        key = "_"
    if scope in ("global", "script", "local", "private"):
        table = _scope_for(ctx, S, scope).vars if scope in ("global", "script") else S.vars
        v = table.get(key, MISSING)
        if v is MISSING:
            return unset_variable(S, f"{scope}:{name}", in_string)
        return v
    if scope == "variable":
        return lookup(ctx, S, key)
    if scope == "function":
        info = S.functions.get(key)
        if info is None:
            return None
        from .scriptblock import ScriptBlock
        return ScriptBlock(info, ctx)
    if scope == "using":
        values = getattr(ctx, "using_values", None)    # ForEach-Object -Parallel's session
        if values is not None:
            return values.get(key)
        return lookup(ctx, S, key)
    return ctx.provider_get(scope, name)


def setvar(ctx, S: Scope, key: str, value) -> None:
    """Assign in the current scope, honouring a type constraint or validation on the variable."""
    c = S.constraints.get(key) if S.constraints else None
    if c is not None:
        value = _apply_constraint(ctx, key, c, value)
    if S.options and key in S.options:
        raise runtime_error(RuntimeException, "VariableNotWritable",
                            f"Cannot overwrite variable {key} because it is read-only or "
                            "constant.", "WriteError", key)
    S.vars[key] = value


def not_writable(name: str):
    """Assigning a constant automatic variable ($PID = 1, $true = 0)."""
    raise runtime_error(RuntimeException, "VariableNotWritable",
                        f"Cannot overwrite variable {name} because it is read-only or constant.",
                        "WriteError", name)


def _apply_constraint(ctx, key, c, value):
    ptype, validators = c
    if ptype is not None:
        try:
            value = ptype.convert(value)
        except DotNetException as e:
            raise runtime_error(
                ArgumentTransformationMetadataException, "RuntimeException",
                _transform_message(value, ptype, e), "MetadataError", value) from None
    for v in validators:
        if not v.check(ctx, value):
            raise runtime_error(ValidationMetadataException, "ValidateSetFailure",
                                f"The attribute cannot be added because variable {key} with "
                                f"value {to_str(value)} would no longer be valid.",
                                "MetadataError", value)
    return value


def _transform_message(value, ptype, e) -> str:
    msg = getattr(e, "Message", str(e))
    if isinstance(value, str):
        return (f'Cannot convert value "{value}" to type "{ptype.fullname}". Error: "The input '
                f"string '{value}' was not in a correct format.\"") if "was not in a correct" in \
            msg or "Cannot convert value" in msg else msg
    return msg


def setvar_scoped(ctx, S: Scope, scope: str, name: str, value) -> None:
    if scope == "env":
        env_set(name, value)
        return
    key = name.lower()
    if key == "psitem":
        key = "_"
    if scope in ("global", "script"):
        setvar(ctx, _scope_for(ctx, S, scope), key, value)
        return
    if scope == "private":
        if S.private is None:
            S.private = set()
        S.private.add(key)
        setvar(ctx, S, key, value)
        return
    if scope in (None, "local", "variable"):
        setvar(ctx, S, key, value)
        return
    if scope == "function":
        ctx.define_function_value(S, name, value)
        return
    ctx.provider_set(scope, name, value)


def declare(ctx, S: Scope, key: str, scope, constraint, value):
    """``[int]$x = v`` / ``[ValidateRange(0,10)][double]$x = v``: constrain then assign."""
    type_node, attrs = constraint
    from ..binding.validation import validators_from_attributes
    from .types import resolve_type_node
    target = S if scope in (None, "local", "private") else _scope_for(ctx, S, scope)
    ptype = resolve_type_node(type_node) if type_node is not None else None
    validators = validators_from_attributes(ctx, S, attrs) if attrs else []
    c = (ptype, validators)
    if ptype is not None and ptype.fullname == "System.Management.Automation.PSReference":
        target.vars[key] = value if isinstance(value, PSReference) else PSReference.to_value(
            value)
        return target.vars[key]
    converted = value
    if ptype is not None:
        try:
            converted = ptype.convert(value)
        except DotNetException as e:
            raise runtime_error(ArgumentTransformationMetadataException, "RuntimeException",
                                _transform_message(value, ptype, e), "MetadataError",
                                value) from None
    for v in validators:
        if not v.check(ctx, converted):
            raise runtime_error(ValidationMetadataException, "ValidationMetadataException",
                                f"The variable cannot be validated because the value "
                                f"{to_str(converted)} is not a valid value for the {key} variable.",
                                "MetadataError", converted)
    if target.constraints is None:
        target.constraints = {}
    target.constraints[key] = c
    target.vars[key] = converted
    return converted


def _step(old, delta):
    """``++``/``--`` arithmetic: Int32 stays inline; everything else goes to the operators."""
    if type(old) is int and -0x80000000 < old < 0x7FFFFFFF:
        return old + delta
    from .operators import add
    return add(old if old is not None else 0, delta)


def incdec_var(ctx, S, scope, name, delta, post):
    if scope is None:
        key = name.lower()
        old = read_variable(ctx, S, key, name)
        new = _step(old, delta)
        setvar(ctx, S, key, new)
    else:
        old = getvar_scoped(ctx, S, scope, name)
        new = _step(old, delta)
        setvar_scoped(ctx, S, scope, name, new)
    return old if post else new


def incdec_member(obj, name, delta, post):
    from . import members as M
    old = M.get_script_member(obj, name)
    new = _step(old, delta)
    M.set_member(obj, name, new)
    return old if post else new


def incdec_static(t, name, delta, post):
    """``[T]::Count++``."""
    from . import members as M
    old = M.get_static(t, name)
    new = _step(old, delta)
    M.set_static(t, name, new)
    return old if post else new


def incdec_index(obj, index, delta, post):
    from . import members as M
    old = M.get_index(obj, index)
    new = _step(old, delta)
    M.set_index(obj, index, new)
    return old if post else new


def make_ref(ctx, S, scope, name):
    key = name.lower()
    if scope is None:
        owner = S.find_owner(key) or S

        def getter():
            return owner.vars.get(key)

        def setter(v):
            owner.vars[key] = v
        return PSReference(getter, setter)
    return PSReference(lambda: getvar_scoped(ctx, S, scope, name),
                       lambda v: setvar_scoped(ctx, S, scope, name, v))


def ref_value(v):
    return v if isinstance(v, PSReference) else PSReference.to_value(v)


def split_for_multi(value, n: int) -> list:
    items = value if isinstance(value, list) else ([] if value is None else [value])
    items = list(items)
    out = items[:n - 1]
    while len(out) < n - 1:
        out.append(None)
    rest = items[n - 1:]
    out.append(rest[0] if len(rest) == 1 else (rest if rest else None))
    return out


def invalid_assignment(node):
    raise runtime_error(RuntimeException, "InvalidLeftHandSide",
                        "The assignment expression is not valid.", "InvalidOperation")


# --- conversions ----------------------------------------------------------------------------------------------
def convert(v, typeref):
    t = typeref.get()
    return t.convert(v)


def void(v):
    return None


class PSObjectList(list):
    """``[psobject](1, 2)``: an array wrapped as one object (``-f`` sees one argument)."""
    __slots__ = ()
    psobject_wrapped = True


def psobject_wrap(v):
    if isinstance(v, list):
        return PSObjectList(v)
    return v


def pscustom(h: Hashtable) -> PSCustomObject:
    return PSCustomObject(h.items())


def hashtable(pairs, ordered: bool) -> Hashtable:
    h = Hashtable(ordered=ordered)
    for k, v in pairs:
        if k in h:
            raise runtime_error(RuntimeException, "DuplicateKeyInHashLiteral",
                                f"Duplicate keys '{to_str(k)}' are not allowed in hash literals.",
                                "ParserError")
        h[k] = v
    return h


# --- loops and switch ---------------------------------------------------------------------------------
def foreach_iter(v):
    if v is None:
        return ()
    if type(v) is list or type(v) is range:
        return v
    items = enumerate_value(v)
    if items is None:
        return (v,)
    return items


def restore_local(L: dict, key: str, old) -> None:
    """Put a loop's automatic variable (``$foreach``, ``$switch``) back as it was."""
    if old is NOARG:
        L.pop(key, None)
    else:
        L[key] = old


def range_lazy(a, b):
    """``a..b`` where it is only enumerated (a pipeline's input, ``foreach``): lazy and
    without the size limit of a materialised range."""
    from .operators import range_values
    return range_values(a, b)


def switch_items(v):
    if v is None:
        return (None,)
    items = enumerate_value(v)
    if items is None:
        return (v,)
    return items


def switch_file(ctx, path):
    full = ctx.resolve_path(to_str(path))
    with open(full, encoding="utf-8") as f:
        return [line.rstrip("\r\n") for line in f]


def switch_test(mode: str, cs: bool, item, pattern, L) -> bool:
    if mode == "regex":
        import re as _re

        from .regex import compile_regex
        m = compile_regex(to_str(pattern), ignore_case=not cs).search(to_str(item))
        if m:
            from .text_operators import matches_table
            L["matches"] = matches_table(m)
        del _re
        return m is not None
    if mode == "wildcard":
        from .regex import compile_wildcard
        return compile_wildcard(to_str(pattern), not cs).match(to_str(item)) is not None
    if isinstance(pattern, (int, float)) and not isinstance(pattern, bool) and isinstance(
            item, (int, float)) and not isinstance(item, bool) and not hasattr(type(item),
                                                                                 "enum_type"):
        return item == pattern
    a, b = to_str(item), to_str(pattern)
    return a == b if cs else a.lower() == b.lower()


def switch_sb(ctx, S, sb, item) -> bool:
    from .invoke import invoke_scriptblock
    out = invoke_scriptblock(ctx, sb, [], None, collect=True, dollar_underscore=item,
                             parent_scope=S)
    return to_bool(out[0] if len(out) == 1 else out)


# --- errors ---------------------------------------------------------------------------------------------------
def throw(ctx, S, value):
    """``throw value``: strings and objects become RuntimeException; exceptions keep their type."""
    if value is NOARG:
        cur = S.lookup("_")
        if isinstance(cur, ErrorRecord):
            return cur.Exception
        value = None
    if isinstance(value, ErrorRecord):
        return value.Exception
    if isinstance(value, DotNetException):
        value.was_thrown_from_throw = True
        if value.error_record is None:
            rec = ensure_error_record(value)
            rec.CategoryInfo.Category = "OperationStopped"
            name = type(value).dotnet_fullname
            rec._error_id = name
            rec.FullyQualifiedErrorId = name
        return value
    message = "ScriptHalted" if value is None else to_str(value)
    exc = RuntimeException(message if value is not None else "ScriptHalted",
                           error_id=message, category="OperationStopped", target=value)
    exc.was_thrown_from_throw = True
    return exc


def as_ps_error(ctx, e: BaseException):
    """Any exception reaching a catch: Python bugs become RuntimeExceptions, not tracebacks."""
    if isinstance(e, DotNetException):
        return e
    if isinstance(e, RecursionError):
        from ..errors import ScriptCallDepthException
        return ScriptCallDepthException(
            "The script failed due to call depth overflow.", error_id="CallDepthOverflow",
            category="InvalidOperation")
    if isinstance(e, KeyboardInterrupt):
        raise e
    msg = str(e) or type(e).__name__
    wrapped = RuntimeException(msg, error_id="RuntimeException")
    wrapped.python_exception = e
    return wrapped


def statement_error(ctx, S, e: Exception) -> None:
    """An error ended a statement: decide, as pwsh does, whether the script goes on.

    Inside a try/catch or under a trap (``ctx.catch_depth``) the error travels on to the
    handler.  Otherwise $ErrorActionPreference decides: Stop ends the script, and so does
    a ``throw`` unless the preference is SilentlyContinue or Ignore; anything else is
    statement-terminating: the error is recorded (and shown under Continue) and the next
    statement runs (about_Error_Handling / about_Preference_Variables)."""
    err = as_ps_error(ctx, e)
    if ctx.catch_depth or getattr(err, "ps_escalated", False):
        raise err
    pref = _error_preference(ctx, S)
    if pref == "stop":
        err.ps_escalated = True     # script-terminating from here on (see FunctionProcessor._run)
        raise err
    if getattr(err, "was_thrown_from_throw", False) and pref not in ("silentlycontinue",
                                                                      "ignore"):
        raise err
    extent = getattr(err, "ps_extent", None)
    if extent is None:
        from .scriptblock import extent_from_traceback
        extent = extent_from_traceback(e.__traceback__)
        if extent is not None:
            err.ps_extent = extent
    rec = ensure_error_record(err, extent)
    ctx.last_ok = False
    if pref == "ignore":
        return
    ctx.record_error(rec)
    if pref not in ("silentlycontinue",):
        ctx.write_error_record(rec)


def _error_preference(ctx, S) -> str:
    v = S.lookup("erroractionpreference")
    if v is MISSING:
        v = ctx.global_scope.vars.get("erroractionpreference")
    return to_str(v).lower()


def catch_matches(e, type_nodes) -> bool:
    for node in type_nodes:
        name = node.name
        cls = None
        # the name itself, then in each `using namespace` of the script
        for candidate in (name, *(f"{ns}.{name}" for ns in node.namespaces)):
            try:
                cls = exception_class(candidate)
            except KeyError:
                from .types import lookup_type
                t = lookup_type(candidate)
                cls = getattr(t, "exception_class", None) if t is not None else None
            if cls is not None:
                break
        if cls is None:
            raise runtime_error(RuntimeException, "TypeNotFound",
                                f"Unable to find type [{name}].", "InvalidOperation")
        if _matches(e, cls) or cls is RuntimeException:
            # every error reaches a handler as a RuntimeException (pwsh wraps .NET
            # exceptions in one), so [RuntimeException] catches them all
            return True
    return False


def _matches(e, cls) -> bool:
    """As pwsh matches catch types: the exception, else what a RuntimeException wraps."""
    while e is not None:
        if isinstance(e, cls):
            return True
        e = getattr(e, "InnerException", None) if isinstance(e, RuntimeException) else None
    return False


def enter_catch(ctx, S, e) -> None:
    extent = getattr(e, "ps_extent", None)
    if extent is None:
        from .scriptblock import extent_from_traceback
        tb = e.__traceback__ or getattr(getattr(e, "python_exception", None), "__traceback__",
                                        None)
        extent = extent_from_traceback(tb) if tb is not None else None
    rec = ensure_error_record(e, extent)
    previous = S.vars.get("_", MISSING)
    S.vars["_"] = rec
    ctx.record_error(rec)
    return previous


def leave_catch(S, previous) -> None:
    """Put back the ``$_`` a catch block replaced."""
    if previous is MISSING:
        S.vars.pop("_", None)
    else:
        S.vars["_"] = previous


def _traps_by_specificity(err, traps) -> list:
    """The traps to try in order: the one whose type is closest to the error's first, a
    trap without a type last (about_Trap: the most specific trap wins)."""
    mro = type(err).__mro__

    def rank(item):
        type_node = item[0]
        if type_node is None:
            return len(mro) + 1
        try:
            cls = exception_class(type_node.name)
        except KeyError:
            return len(mro)
        return mro.index(cls) if cls in mro else len(mro)
    return sorted(traps, key=rank)


def trap(ctx, S, out, e, traps) -> None:
    """Run the first matching trap; continue after the statement unless it breaks."""
    if isinstance(e, (BreakSignal, ContinueSignal, ReturnSignal, ExitSignal)):
        raise e
    err = as_ps_error(ctx, e)
    for type_node, fn in _traps_by_specificity(err, traps):
        if type_node is None or catch_matches(err, [type_node]):
            rec = ensure_error_record(err, getattr(err, "ps_extent", None))
            child = Scope(S)
            child.vars["_"] = rec
            ctx.record_error(rec)
            try:
                fn(ctx, child, out)
            except BreakSignal:
                err.ps_escalated = True      # a trap's break rethrows: script-terminating
                raise err from None
            except ContinueSignal:
                return
            ctx.write_error_record(rec)
            return
    # no trap takes it: an ordinary statement error for this block
    ctx.catch_depth -= 1
    try:
        statement_error(ctx, S, err)
    finally:
        ctx.catch_depth += 1


def paren_call_args(S: Scope, args: list) -> list:
    """The arguments of ``f(1,2)`` (see the compiler's ``_is_method_call_syntax``)."""
    if STRICT_SEEN[0]:
        from .strict import method_call_syntax
        method_call_syntax(S)
    return args


# --- definitions ---------------------------------------------------------------------------------------
def define_function(ctx, S, name: str, info) -> None:
    ctx.define_function(S, name, info)


def define_enum(ctx, name, members, flags=False, base_type=None) -> None:
    from .classes import define_enum as _define
    _define(ctx, name, members, flags, base_type)


def define_class(ctx, S, info, methods, props) -> None:
    from .classes import define_class as _define
    _define(ctx, S, info, methods, props)


def new_scriptblock(ctx, S, info):
    from .scriptblock import ScriptBlock
    return ScriptBlock(info, ctx)


# --- the generated code's globals ------------------------------------------------------------------
GLOBALS = {
    "_emit": emit, "_emit_result": emit_result, "_collect": collect,
    "_collect_list": collect_list, "_as_array": as_array, "_unwrap_value": unwrap_value,
    "_bool": to_bool, "_str": to_str,
    "_lookup": read_variable, "_local_miss": local_miss,
    "_paren_call_args": paren_call_args, "_getvar_scoped": getvar_scoped,
    "_setvar": setvar,
    "_setvar_scoped": setvar_scoped, "_declare": declare, "_incdec_var": incdec_var,
    "_incdec_member": incdec_member, "_incdec_static": incdec_static,
    "_incdec_index": incdec_index, "_make_ref": make_ref,
    "_ref_value": ref_value, "_split_for_multi": split_for_multi,
    "_invalid_assignment": invalid_assignment, "_convert": convert, "_void": void,
    "_psobject_wrap": psobject_wrap, "_pscustom": pscustom, "_hashtable": hashtable,
    "_foreach_iter": foreach_iter, "_range_lazy": range_lazy, "_restore_local": restore_local, "_switch_items": switch_items,
    "_switch_file": switch_file, "_switch_test": switch_test, "_switch_sb": switch_sb,
    "_throw": throw, "_as_ps_error": as_ps_error, "_stmt_error": statement_error,
    "_not_writable": not_writable, "_catch_matches": catch_matches,
    "_enter_catch": enter_catch, "_leave_catch": leave_catch, "_trap": trap, "_define_function": define_function,
    "_define_enum": define_enum, "_define_class": define_class,
    "_new_scriptblock": new_scriptblock,
    "_NOARG": NOARG, "_SPLAT": SPLAT, "_ENDPARAMS": ENDPARAMS, "_VERBATIM": VERBATIM,
    "_NOINPUT": NOINPUT, "_NULLSINK": NULLSINK, "_Break": BreakSignal,
    "_Continue": ContinueSignal, "_Return": ReturnSignal, "_Exit": ExitSignal,
}

# Globals that live in heavier modules, as "module:attribute" under pwshlike.runtime.  They
# are imported only when generated code names them, so `pwshlike -c exit` loads no operator,
# member or command machinery it does not run.
LAZY_GLOBALS = {
    "_add": "operators:add", "_sub": "operators:sub", "_mul": "operators:mul",
    "_div": "operators:div", "_mod": "operators:mod", "_band": "operators:band",
    "_bor": "operators:bor", "_bxor": "operators:bxor", "_shl": "operators:shl",
    "_shr": "operators:shr", "_join": "text_operators:join", "_format": "text_operators:format_op",
    "_range": "operators:range_list", "_is": "operators:is_op", "_isnot": "operators:isnot_op",
    "_as": "operators:as_op", "_xor": "operators:xor", "_neg": "operators:negate",
    "_plus": "operators:plus", "_bnot": "operators:bnot",
    "_unary_split": "text_operators:unary_split",
    "_unary_join": "text_operators:unary_join", "_match": "text_operators:match",
    "_notmatch": "text_operators:notmatch",
    "_getm": "members:get_script_member", "_setm": "members:set_member",
    "_invm": "members:invoke_method_at", "_gets": "members:get_static",
    "_sets": "members:set_static", "_invs": "members:invoke_static_at",
    "_idx": "members:get_index", "_idx_key": "members:get_index_by_key",
    "_setidx": "members:set_index",
    "_call": "commands:call", "_call_value": "commands:call_value",
    "_direct_value": "commands:direct_value", "_unwrap_output": "commands:unwrap_output",
    "_Deopt": "commands:Deopt",
    "_pipeline": "commands:run_pipeline", "_dyn_site": "commands:dynamic_site",
    "_loop_enum": "enumerate:LoopEnumerator",
    "_with_redirs": "commands:with_redirections", "_redirect_expr": "commands:redirect_expression",
    "_MethodReturn": "classes:MethodReturn", "_invm_as": "classes:invoke_as_type",
}
for _cmp in ("eq", "ne", "gt", "ge", "lt", "le", "contains", "notcontains", "in_", "notin"):
    LAZY_GLOBALS["_cmp_" + _cmp] = "operators:" + _cmp
for _cmp in ("like", "notlike", "replace", "split"):
    LAZY_GLOBALS["_cmp_" + _cmp] = "text_operators:" + _cmp


def _global_names(code) -> set:
    names = set(code.co_names)
    for c in code.co_consts:
        if hasattr(c, "co_names"):
            names |= _global_names(c)
    return names


def globals_for(code) -> dict:
    """The namespace to exec a generated module in: the helpers plus what its code names."""
    ns = dict(GLOBALS)
    for name in _global_names(code):
        where = LAZY_GLOBALS.get(name)
        if where is not None:
            module, attr = where.split(":")
            ns[name] = getattr(__import__("pwshlike.runtime." + module, fromlist=[attr]), attr)
    return ns
