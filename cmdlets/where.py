"""Where-Object: a filter script, or one comparison of a property against a value.

Each comparison switch (-EQ, -CLike, -NotIn, ...) has its own parameter set, so the set
name says which comparison to run; the table below maps it to an operator of
pwshlike.runtime.operators.  Without an operator (``Where-Object Enabled``) the
property's truth value decides, as ``$true -eq $_.Enabled`` would.
"""
from __future__ import annotations

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import DotNetException, exception_class
from pwshlike.runtime import operators as O
from pwshlike.runtime import text_operators as T
from pwshlike.runtime.convert import to_bool, to_str
from pwshlike.runtime.values import Hashtable

from .foreach import block_runner

PSArgumentException = exception_class("System.Management.Automation.PSArgumentException")

# parameter set -> (operator name as pwsh reports it, function(lvalue, rvalue, scope vars))
_CI, _CS = True, False


def _cmp(fn, ci):
    return lambda a, b, v: fn(a, b, ci)


def _rx(fn, ci):
    return lambda a, b, v: fn(a, b, ci, v)


def _in(ci, negate):
    return lambda a, b, v: O.contains(b, a, ci) != negate


def _contains(ci, negate):
    return lambda a, b, v: O.contains(a, b, ci) != negate


OPERATIONS = {
    "EqualSet": ("Ieq", _cmp(O.eq, _CI)), "CaseSensitiveEqualSet": ("Ceq", _cmp(O.eq, _CS)),
    "NotEqualSet": ("Ine", _cmp(O.ne, _CI)), "CaseSensitiveNotEqualSet": ("Cne", _cmp(O.ne, _CS)),
    "GreaterThanSet": ("Igt", _cmp(O.gt, _CI)),
    "CaseSensitiveGreaterThanSet": ("Cgt", _cmp(O.gt, _CS)),
    "LessThanSet": ("Ilt", _cmp(O.lt, _CI)), "CaseSensitiveLessThanSet": ("Clt", _cmp(O.lt, _CS)),
    "GreaterOrEqualSet": ("Ige", _cmp(O.ge, _CI)),
    "CaseSensitiveGreaterOrEqualSet": ("Cge", _cmp(O.ge, _CS)),
    "LessOrEqualSet": ("Ile", _cmp(O.le, _CI)),
    "CaseSensitiveLessOrEqualSet": ("Cle", _cmp(O.le, _CS)),
    "LikeSet": ("Ilike", _cmp(T.like, _CI)), "CaseSensitiveLikeSet": ("Clike", _cmp(T.like, _CS)),
    "NotLikeSet": ("Inotlike", _cmp(T.notlike, _CI)),
    "CaseSensitiveNotLikeSet": ("Cnotlike", _cmp(T.notlike, _CS)),
    "MatchSet": ("Imatch", _rx(T.match, _CI)), "CaseSensitiveMatchSet": ("Cmatch", _rx(T.match, _CS)),
    "NotMatchSet": ("Inotmatch", _rx(T.notmatch, _CI)),
    "CaseSensitiveNotMatchSet": ("Cnotmatch", _rx(T.notmatch, _CS)),
    "ContainsSet": ("Icontains", _contains(_CI, False)),
    "CaseSensitiveContainsSet": ("Ccontains", _contains(_CS, False)),
    "NotContainsSet": ("Inotcontains", _contains(_CI, True)),
    "CaseSensitiveNotContainsSet": ("Cnotcontains", _contains(_CS, True)),
    "InSet": ("In", _in(_CI, False)), "CaseSensitiveInSet": ("Cin", _in(_CS, False)),
    "NotInSet": ("Inotin", _in(_CI, True)), "CaseSensitiveNotInSet": ("Cnotin", _in(_CS, True)),
    "IsSet": ("Is", lambda a, b, v: O.is_op(a, b)),
    "IsNotSet": ("IsNot", lambda a, b, v: O.isnot_op(a, b)),
    "Not": ("Not", lambda a, b, v: not to_bool(a)),
}
_TRUTH = ("Ieq", lambda a, b, v: to_bool(a))


class WhereObjectCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.WhereObjectCommand"

    def begin_processing(self) -> None:
        self._no_input = not self.expecting_input_now() and not self.is_bound("InputObject")
        set_name = self.parameter_set_name
        if set_name == "ScriptBlockSet":
            self._filter = _filter_runner(self.ctx, self.FilterScript, self.current_scope)
            return
        self._filter = None
        self._pending_error = None      # pwsh reports a missing operator/value per record
        value_given = self.is_bound("Value")
        operator_given = set_name != "EqualSet" or bool(self.EQ)
        if set_name == "EqualSet" and not operator_given:
            if value_given:
                self._pending_error = (self._argument_error(
                    "An operator is required to compare the two specified values. Include a "
                    "valid operator in the command, and then try the command again. For "
                    "example, Get-Process | Where-Object -Property Name -eq Idle",
                    "OperatorNotSpecified"))
            self._op = _TRUTH
        else:
            if not value_given and set_name != "Not":
                self._pending_error = (self._argument_error(
                    "The specified operator requires both the -Property and -Value parameters. "
                    "Provide values for both parameters, and then try the command again.",
                    "ValueNotSpecifiedForWhereObject"))
            self._op = OPERATIONS[set_name]
        self._property = to_str(self.Property)
        self._value = self.Value
        if set_name in ("IsSet", "IsNotSet") and isinstance(self._value, str):
            text = self._value
            if len(text) > 2 and text[0] == "[" and text[-1] == "]":
                self._value = text[1:-1]

    def expecting_input_now(self) -> bool:
        return bool(getattr(self._proc, "expected", False))

    def process_record(self) -> None:
        if self._no_input:
            return
        item = self.InputObject
        if self._filter is not None:
            if self._filter(item):
                self.write_object(item)
            return
        if self._pending_error is not None:
            self.throw_terminating_error(self._pending_error)
        lvalue = self._property_value(item)
        if lvalue is _SKIP:
            return
        name, fn = self._op
        try:
            ok = fn(lvalue, self._value, self.current_scope.vars)
        except DotNetException as e:
            message = getattr(e, "Message", str(e))
            is_argument = isinstance(e, exception_class("System.ArgumentException"))
            error_id = "BadOperatorArgument" if is_argument else "OperatorFailed"
            text = (f"The argument to operator '{name}' is not valid: {message}." if is_argument
                    else f"The '{name}' operator failed: {message}.")
            self.write_error(self.error_record(
                text, error_id, "InvalidArgument" if is_argument else "InvalidOperation", item))
            return
        if to_bool(ok):
            self.write_object(item)

    def _property_value(self, item):
        if item is None:
            return None
        name = self._property
        if isinstance(item, Hashtable) and name in item:
            return item[name]
        from pwshlike.runtime.members import get_member, property_list
        if any(c in name for c in "*?["):
            from pwshlike.runtime.regex import compile_wildcard
            rx = compile_wildcard(name)
            matches = [(n, v) for n, v in property_list(item) if rx.fullmatch(n)]
            if len(matches) > 1:
                self.write_error(self.error_record(
                    f'Input name "{name}" is ambiguous. It can be resolved to multiple matched '
                    f"members. Possible matches include:{''.join(' ' + n for n, _ in matches)}.",
                    "AmbiguousPropertyName", "InvalidArgument", item, PSArgumentException))
                return _SKIP
            return matches[0][1] if matches else None
        return get_member(item, name)

    def _argument_error(self, message: str, error_id: str):
        return self.error_record(message, error_id, "InvalidArgument", None,
                                 PSArgumentException)


_SKIP = object()    # the property lookup already wrote an error: the item does not pass


def _filter_runner(ctx, sb, scope):
    """True/False per item: the filter script's output converted as pwsh converts it."""
    out: list = []
    run = block_runner(ctx, sb, scope, out)

    def test(item) -> bool:
        out.clear()
        run(item)
        if not out:
            return False
        return to_bool(out[0] if len(out) == 1 else list(out))
    return test
