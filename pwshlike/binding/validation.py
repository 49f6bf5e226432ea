"""Validation attributes ([ValidateSet], [ValidateRange], ...) as small checker objects.

``validate(ctx, value)`` raises ``ValidationError`` with pwsh's message (the text after
"Cannot validate argument on parameter 'X'. "); ``check`` is the boolean form variables
with validation attributes use.  Attributes that check each element of a collection
(ValidateSet, ValidateRange, ValidateLength, ValidatePattern, ValidateScript) enumerate the
value as the pipeline would: arrays and lists unroll, strings and hashtables do not.
"""
from __future__ import annotations

from ..runtime.convert import to_bool, to_str
from ..runtime.enumerate import enumerate_value

NULL_MSG = ("The argument is null. Provide a valid value for the argument, and then try "
            "running the command again.")
NULL_COLLECTION_MSG = ("The argument has a null value, or an element of the argument collection "
                       "contains a null value. Provide a collection that does not contain any "
                       "null values, and then try the command again.")
NULL_OR_EMPTY_MSG = ("The argument is null or empty. Provide an argument that is not null or "
                     "empty, and then try the command again.")
NULL_OR_EMPTY_COLLECTION_MSG = ("The argument is null, empty, or an element of the argument "
                                "collection contains a null value. Supply a collection that does "
                                "not contain any null values and then try the command again.")
WHITESPACE_MSG = ("The argument is null, empty, or consists of only white-space characters. "
                  "Provide an argument that contains non white-space characters, and then try "
                  "the command again.")
WHITESPACE_COLLECTION_MSG = ("An element of the argument collection is null, empty, or consists "
                             "of only white-space characters. Supply a collection that does not "
                             "contain any those values and then try the command again.")


class ValidationError(Exception):
    """A value failed a validation attribute; ``message`` is pwsh's text for it."""

    def __init__(self, message: str, error_id: str = "ValidationError") -> None:
        super().__init__(message)
        self.message = message
        self.error_id = error_id


def is_null(v) -> bool:
    """$null, or AutomationNull (what a command that wrote nothing gives)."""
    return v is None or type(v).__name__ == "AutomationNull"


def _net_str(v) -> str:
    """.NET ``ToString()`` of a value as a message argument (arrays show their type name)."""
    if isinstance(v, list):
        from ..runtime.typenames import type_name_of
        return type_name_of(v)
    return to_str(v)


class Validator:
    name = "Validate"

    def validate(self, ctx, value) -> None:
        raise NotImplementedError

    def check(self, ctx, value) -> bool:
        try:
            self.validate(ctx, value)
        except ValidationError:
            return False
        return True

    def message(self, value) -> str:
        try:
            self.validate(None, value)
        except ValidationError as e:
            return e.message
        return ""


class EnumeratedValidator(Validator):
    """ValidateEnumeratedArgumentsAttribute: null fails, collections are checked per element."""

    def validate(self, ctx, value) -> None:
        if is_null(value):
            raise ValidationError(NULL_OR_EMPTY_COLLECTION_MSG, "ArgumentIsEmpty")
        items = enumerate_value(value)
        if items is None:
            self.validate_element(ctx, value)
            return
        for item in list(items):
            self.validate_element(ctx, item)

    def validate_element(self, ctx, element) -> None:
        raise NotImplementedError


class ValidateSet(EnumeratedValidator):
    name = "ValidateSet"

    def __init__(self, values, ignore_case=True, error_message=None) -> None:
        flat = []
        for v in values:
            items = enumerate_value(v)
            flat.extend(items if items is not None else [v])
        self.values = [to_str(v) for v in flat]
        self.ignore_case = ignore_case
        self.error_message = error_message

    def validate_element(self, ctx, element) -> None:
        if is_null(element):
            raise ValidationError(NULL_MSG, "ArgumentIsEmpty")
        text = to_str(element)
        if self.ignore_case:
            low = text.lower()
            if any(v.lower() == low for v in self.values):
                return
        elif text in self.values:
            return
        fmt = self.error_message or (
            'The argument "{0}" does not belong to the set "{1}" specified by the ValidateSet '
            "attribute. Supply an argument that is in the set and then try the command again.")
        raise ValidationError(_fmt(fmt, text, ",".join(self.values)), "ValidateSetFailure")


class ValidateRange(EnumeratedValidator):
    name = "ValidateRange"

    def __init__(self, lo, hi) -> None:
        lo, hi, self.kind = _promote(lo, hi)
        self.lo, self.hi = lo, hi
        from ..runtime.operators import compare_values
        if compare_values(lo, hi) > 0:
            raise ValidationError("The specified maximum range cannot be accepted because it is "
                                  "less than the specified minimum range. Update the "
                                  "ValidateRange attribute for the parameter.",
                                  "MaxRangeSmallerThanMinRange")

    def validate_element(self, ctx, element) -> None:
        from ..runtime.operators import compare_values
        if is_null(element):
            raise ValidationError(NULL_MSG, "ArgumentIsEmpty")
        element = _to_kind(element, self.kind, self.lo)
        if compare_values(self.lo, element) > 0:
            raise ValidationError(
                f"The {to_str(element)} argument is less than the minimum allowed range of "
                f"{to_str(self.lo)}. Supply an argument that is greater than or equal to "
                f"{to_str(self.lo)} and then try the command again.", "ValidateRangeTooSmall")
        if compare_values(self.hi, element) < 0:
            raise ValidationError(
                f"The {to_str(element)} argument is greater than the maximum allowed range of "
                f"{to_str(self.hi)}. Supply an argument that is less than or equal to "
                f"{to_str(self.hi)} and then try the command again.", "ValidateRangeTooBig")


_RANGE_KIND_MESSAGES = {
    "positive": "is not greater than zero",
    "nonnegative": "is not greater than or equal to zero",
    "negative": "is not less than zero",
    "nonpositive": "is not less than or equal to zero",
}


class ValidateRangeKind(EnumeratedValidator):
    """[ValidateRange('Positive')] and friends."""

    name = "ValidateRange"
    _MESSAGES = _RANGE_KIND_MESSAGES

    def __init__(self, kind: str) -> None:
        self.kind = kind.lower()
        if self.kind not in self._MESSAGES:
            raise ValidationError(f"Cannot convert value \"{kind}\" to type "
                                  "\"System.Management.Automation.ValidateRangeKind\".")

    def validate_element(self, ctx, element) -> None:
        import datetime
        if is_null(element):
            raise ValidationError(NULL_MSG, "ArgumentIsEmpty")
        if isinstance(element, datetime.timedelta):
            sign = (element > datetime.timedelta(0)) - (element < datetime.timedelta(0))
        else:
            kind = "double" if isinstance(element, float) else "int"
            try:
                element = _to_kind(element, kind, 0)
            except ValidationError:
                raise ValidationError(
                    f'The argument cannot be validated because its type "'
                    f'{_short_type(element)}" is not the same type (Int32) as the maximum and '
                    "minimum limits of the parameter. Make sure the argument is of type Int32 and "
                    "then try the command again.", "ValidationRangeElementType") from None
            sign = (element > 0) - (element < 0)
        ok = {"positive": sign > 0, "nonnegative": sign >= 0, "negative": sign < 0,
              "nonpositive": sign <= 0}[self.kind]
        if not ok:
            raise ValidationError(f'The argument "{to_str(element)}" cannot be validated because '
                                  f"its value {self._MESSAGES[self.kind]}.",
                                  f"ValidateRange{self.kind.capitalize()}Failure")


def _short_type(v) -> str:
    from ..runtime.typenames import type_name_of
    return type_name_of(v).rsplit(".", 1)[-1]


def _promote(lo, hi):
    """The common type of the two bounds (GetCommonType): int, long, double, decimal or the
    bounds' own type (strings, dates)."""
    kinds = {_kind(lo), _kind(hi)}
    if kinds <= {"int"}:
        kind = "int"
    elif kinds <= {"int", "long"}:
        kind = "long"
    elif "decimal" in kinds and kinds <= {"int", "long", "decimal"}:
        kind = "decimal"
    elif kinds <= {"int", "long", "double", "decimal"}:
        kind = "double"
    else:
        kind = "other"
    if kind != "other":
        lo, hi = _to_kind(lo, kind, lo), _to_kind(hi, kind, hi)
    return lo, hi, kind


def _kind(v) -> str:
    from ..runtime import numeric as N
    if isinstance(v, bool):
        return "other"
    if isinstance(v, int) and not hasattr(type(v), "enum_type"):
        return "int" if -0x80000000 <= v <= 0x7FFFFFFF and type(v) is int else "long"
    if isinstance(v, float):
        return "double"
    if N.is_decimal(v):
        return "decimal"
    return "other"


def _to_kind(v, kind: str, bound):
    from ..errors import DotNetException
    from ..runtime.types import resolve_type
    name = {"int": "System.Int32", "long": "System.Int64", "double": "System.Double",
            "decimal": "System.Decimal"}.get(kind)
    try:
        if name is not None:
            t = resolve_type(name)
            return v if t.is_instance(v) else t.convert(v)
        if type(v) is not type(bound):
            from ..runtime.typenames import type_name_of
            return resolve_type(type_name_of(bound)).convert(v)
        return v
    except DotNetException:
        tn = {"int": "Int32", "long": "Int64", "double": "Double", "decimal": "Decimal"}.get(
            kind) or _short_type(bound)
        raise ValidationError(
            f'The argument cannot be validated because its type "{_short_type(v)}" is not the '
            f"same type ({tn}) as the maximum and minimum limits of the parameter. Make sure the "
            f"argument is of type {tn} and then try the command again.",
            "ValidationRangeElementType") from None


class ValidatePattern(EnumeratedValidator):
    name = "ValidatePattern"

    def __init__(self, pattern, options=None, error_message=None) -> None:
        self.pattern = to_str(pattern)
        self.options = options
        self.error_message = error_message

    def validate_element(self, ctx, element) -> None:
        from ..runtime.regex import compile_regex
        if is_null(element):
            raise ValidationError(NULL_MSG, "ArgumentIsEmpty")
        text = to_str(element)
        if self.options is None:
            rx = compile_regex(self.pattern, ignore_case=True)
        else:
            rx = compile_regex(self.pattern, self.options)
        if rx.search(text):
            return
        fmt = self.error_message or ('The argument "{0}" does not match the "{1}" pattern. '
                                     'Supply an argument that matches "{1}" and try the command '
                                     "again.")
        raise ValidationError(_fmt(fmt, text, self.pattern), "ValidatePatternFailure")


class ValidateLength(EnumeratedValidator):
    name = "ValidateLength"

    def __init__(self, lo, hi) -> None:
        self.lo, self.hi = int(lo), int(hi)
        if self.hi < self.lo:
            raise ValidationError("The specified maximum character length of the argument is "
                                  "shorter than the specified minimum argument character length. "
                                  "Update the ValidateLength attribute for the parameter.")

    def validate_element(self, ctx, element) -> None:
        if not isinstance(element, str):
            raise ValidationError("The ValidateLength attribute cannot be applied to a parameter "
                                  "that is not a string or string[] parameter. Make the parameter "
                                  "a string or string[] parameter.", "ValidateLengthNotString")
        n = len(element)
        if n < self.lo:
            raise ValidationError(
                f"The character length ({n}) of the argument is too short. Specify an argument "
                f'with a length that is greater than or equal to "{self.lo}", and then try the '
                "command again.", "ValidateLengthMinLengthFailure")
        if n > self.hi:
            raise ValidationError(
                f"The character length ({n}) of the argument is too long. Specify an argument "
                f'with a length that is shorter than or equal to "{self.hi}", and then try the '
                "command again.", "ValidateLengthMaxLengthFailure")


class ValidateCount(Validator):
    name = "ValidateCount"

    def __init__(self, lo, hi) -> None:
        self.lo, self.hi = int(lo), int(hi)

    def validate(self, ctx, value) -> None:
        from ..runtime.values import Hashtable
        if is_null(value):
            n = 0
        elif isinstance(value, (list, Hashtable)):
            n = len(value)
        elif isinstance(value, str):
            n = len(value)           # a string is an IEnumerable of its characters
        else:
            items = enumerate_value(value)
            if items is None:
                raise ValidationError("The ValidateCount attribute cannot be applied to a "
                                      "non-array parameter. Either remove the attribute from the "
                                      "parameter or make the parameter an array parameter.",
                                      "NotAnArrayParameter")
            n = len(list(items))
        if self.lo == self.hi and n != self.hi:
            raise ValidationError(f"The parameter requires exactly {self.hi} value(s) - {n} "
                                  "value(s) were provided.", "ValidateCountExactFailure")
        if n < self.lo or n > self.hi:
            raise ValidationError(f"The parameter requires at least {self.lo} value(s) and no more "
                                  f"than {self.hi} value(s) - {n} value(s) were provided.",
                                  "ValidateCountMinMaxFailure")


def _collection_items(value):
    """The elements of an array or list argument (NullValidationAttributeBase), else None."""
    if isinstance(value, list):
        return value
    return None


class ValidateNotNull(Validator):
    name = "ValidateNotNull"

    def validate(self, ctx, value) -> None:
        if is_null(value):
            raise ValidationError(NULL_MSG, "ArgumentIsNull")
        items = _collection_items(value)
        if items is not None and any(is_null(i) for i in items):
            raise ValidationError(NULL_COLLECTION_MSG, "ArgumentIsNull")


class ValidateNotNullOrEmpty(Validator):
    name = "ValidateNotNullOrEmpty"
    white_space = False

    def _blank(self, s: str) -> bool:
        return (s.strip() == "") if self.white_space else s == ""

    def validate(self, ctx, value) -> None:
        from ..runtime.values import Hashtable
        if is_null(value):
            raise ValidationError(WHITESPACE_MSG if self.white_space else NULL_OR_EMPTY_MSG,
                                  "ArgumentIsNull")
        if isinstance(value, str):
            if self._blank(value):
                raise ValidationError(WHITESPACE_MSG if self.white_space else NULL_OR_EMPTY_MSG,
                                      "ArgumentIsEmpty")
            return
        items = _collection_items(value)
        if items is not None:
            if not items:
                raise ValidationError(NULL_OR_EMPTY_COLLECTION_MSG, "ArgumentIsEmpty")
            for i in items:
                if is_null(i):
                    raise ValidationError(NULL_OR_EMPTY_COLLECTION_MSG, "ArgumentIsNull")
                if isinstance(i, str) and self._blank(i):
                    raise ValidationError(WHITESPACE_COLLECTION_MSG if self.white_space else
                                          NULL_OR_EMPTY_COLLECTION_MSG, "ArgumentCollectionContainsEmpty")
            return
        if isinstance(value, Hashtable) and len(value) == 0:
            raise ValidationError(NULL_OR_EMPTY_COLLECTION_MSG, "ArgumentIsEmpty")


class ValidateNotNullOrWhiteSpace(ValidateNotNullOrEmpty):
    name = "ValidateNotNullOrWhiteSpace"
    white_space = True


class ValidateScript(EnumeratedValidator):
    name = "ValidateScript"

    def __init__(self, sb, error_message=None, text=None) -> None:
        self.sb = sb
        self.error_message = error_message
        self.text = text            # the script's source between the braces

    def validate_element(self, ctx, element) -> None:
        from ..errors import DotNetException
        from ..runtime.invoke import invoke_scriptblock
        if is_null(element):
            raise ValidationError(NULL_MSG, "ArgumentIsEmpty")
        if ctx is None:
            return
        try:
            out = invoke_scriptblock(ctx, self.sb, [], None, collect=True,
                                     dollar_underscore=element)
        except DotNetException as e:
            raise ValidationError(getattr(e, "Message", str(e)), "ValidateScriptFailure") from None
        if to_bool(out[0] if len(out) == 1 else out):
            return
        fmt = self.error_message or ('The "{1}" validation script for the argument with value '
                                     '"{0}" did not return a result of True. Determine why the '
                                     "validation script failed, and then try the command again.")
        raise ValidationError(_fmt(fmt, _net_str(element), self.text if self.text is not None
                                   else _script_text(self.sb)),
                              "ValidateScriptFailure")


def _script_text(sb) -> str:
    text = sb.info.text if hasattr(sb, "info") else to_str(sb)
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    return text


def _fmt(fmt: str, *args) -> str:
    """.NET composite formatting of an attribute's ErrorMessage ({0}, {1})."""
    out = fmt
    for i, a in enumerate(args):
        out = out.replace("{" + str(i) + "}", a)
    return out


def _named(named: dict, key: str, default=None):
    return named.get(key, default)


_FACTORIES = {
    "validateset": lambda args, named: ValidateSet(
        args, to_bool(_named(named, "ignorecase", True)), _str_or_none(named.get("errormessage"))),
    "validaterange": lambda args, named: ValidateRange(*args[:2]) if len(args) >= 2 else
    ValidateRangeKind(to_str(args[0])),
    "validatepattern": lambda args, named: ValidatePattern(
        args[0], named.get("options"), _str_or_none(named.get("errormessage"))),
    "validatelength": lambda args, named: ValidateLength(*args[:2]),
    "validatecount": lambda args, named: ValidateCount(*args[:2]),
    "validatenotnullorempty": lambda args, named: ValidateNotNullOrEmpty(),
    "validatenotnullorwhitespace": lambda args, named: ValidateNotNullOrWhiteSpace(),
    "validatenotnull": lambda args, named: ValidateNotNull(),
    "validatescript": lambda args, named: ValidateScript(
        args[0], _str_or_none(named.get("errormessage"))),
}


def _str_or_none(v):
    return None if v is None else to_str(v)


def make_validator(name: str, args: list, named: dict):
    factory = _FACTORIES.get(name.lower().removesuffix("attribute"))
    return factory(args, named) if factory else None


def is_validation_attribute(name: str) -> bool:
    return name.lower().removesuffix("attribute") in _FACTORIES


def validators_from_attributes(ctx, S, attrs) -> list:
    """Evaluate attribute AST nodes (constant arguments) into validators."""
    from ..runtime.evaluate import eval_constant
    out = []
    for a in attrs:
        if not is_validation_attribute(a.type_name):
            continue
        args = [eval_constant(ctx, S, x) for x in a.positional]
        named = {n.lower(): (eval_constant(ctx, S, v) if v is not None else True)
                 for n, v in a.named}
        v = make_validator(a.type_name, args, named)
        if isinstance(v, ValidateScript) and a.positional and \
                hasattr(a.positional[0], "body") and hasattr(a.positional[0], "text"):
            v.text = a.positional[0].text
        if v is not None:
            out.append(v)
    return out
