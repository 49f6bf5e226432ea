"""Validation attributes ([ValidateSet], [ValidateRange], ...) as small checker objects."""
from __future__ import annotations

from ..runtime.convert import to_bool, to_str


class Validator:
    name = "Validate"

    def check(self, ctx, value) -> bool:
        raise NotImplementedError

    def message(self, value) -> str:
        return f"The argument \"{to_str(value)}\" does not satisfy {self.name}."


class ValidateSet(Validator):
    name = "ValidateSet"

    def __init__(self, values, ignore_case=True) -> None:
        self.values = [to_str(v) for v in values]
        self.ignore_case = ignore_case

    def check(self, ctx, value) -> bool:
        items = value if isinstance(value, list) else [value]
        allowed = {v.lower() for v in self.values} if self.ignore_case else set(self.values)
        return all((to_str(i).lower() if self.ignore_case else to_str(i)) in allowed
                   for i in items)

    def message(self, value) -> str:
        return (f'The argument "{to_str(value)}" does not belong to the set '
                f'"{",".join(self.values)}" specified by the ValidateSet attribute. Supply an '
                "argument that is in the set and then try the command again.")


class ValidateRange(Validator):
    name = "ValidateRange"

    def __init__(self, lo, hi) -> None:
        self.lo, self.hi = lo, hi

    def check(self, ctx, value) -> bool:
        from ..runtime.operators import compare_values
        items = value if isinstance(value, list) else [value]
        return all(compare_values(i, self.lo) >= 0 and compare_values(i, self.hi) <= 0
                   for i in items)

    def message(self, value) -> str:
        from ..runtime.operators import compare_values
        if compare_values(value, self.lo) < 0:
            return (f"The {to_str(value)} argument is less than the minimum allowed range of "
                    f"{to_str(self.lo)}. Supply an argument that is greater than or equal to "
                    f"{to_str(self.lo)} and then try the command again.")
        return (f"The {to_str(value)} argument is greater than the maximum allowed range of "
                f"{to_str(self.hi)}. Supply an argument that is less than or equal to "
                f"{to_str(self.hi)} and then try the command again.")


class ValidatePattern(Validator):
    name = "ValidatePattern"

    def __init__(self, pattern) -> None:
        self.pattern = to_str(pattern)

    def check(self, ctx, value) -> bool:
        from ..runtime.regex import compile_regex
        rx = compile_regex(self.pattern, ignore_case=True)
        items = value if isinstance(value, list) else [value]
        return all(rx.search(to_str(i)) for i in items)

    def message(self, value) -> str:
        return (f'The argument "{to_str(value)}" does not match the "{self.pattern}" pattern. '
                "Supply an argument that matches "
                f'"{self.pattern}" and try the command again.')


class ValidateLength(Validator):
    name = "ValidateLength"

    def __init__(self, lo, hi) -> None:
        self.lo, self.hi = int(lo), int(hi)

    def check(self, ctx, value) -> bool:
        items = value if isinstance(value, list) else [value]
        return all(self.lo <= len(to_str(i)) <= self.hi for i in items)

    def message(self, value) -> str:
        n = len(to_str(value))
        if n < self.lo:
            return (f"The character length ({n}) of the argument is too short. Specify an "
                    f"argument with a length that is greater than or equal to \"{self.lo}\", and "
                    "then try the command again.")
        return (f"The character length of the {n} argument is too long. Shorten the character "
                f"length of the argument so it is fewer than or equal to \"{self.hi}\" characters,"
                " and then try the command again.")


class ValidateCount(Validator):
    name = "ValidateCount"

    def __init__(self, lo, hi) -> None:
        self.lo, self.hi = int(lo), int(hi)

    def check(self, ctx, value) -> bool:
        n = len(value) if isinstance(value, list) else 1
        return self.lo <= n <= self.hi

    def message(self, value) -> str:
        n = len(value) if isinstance(value, list) else 1
        return (f"The parameter requires at least {self.lo} value(s) and no more than "
                f"{self.hi} value(s) - {n} value(s) were provided.")


class ValidateNotNullOrEmpty(Validator):
    name = "ValidateNotNullOrEmpty"

    def check(self, ctx, value) -> bool:
        if value is None or value == "":
            return False
        if isinstance(value, list):
            return len(value) > 0 and all(v is not None and v != "" for v in value)
        return True

    def message(self, value) -> str:
        return ("The argument is null, empty, or an element of the argument collection contains "
                "a null value. Supply a collection that does not contain any null values and then "
                "try the command again.")


class ValidateNotNull(ValidateNotNullOrEmpty):
    name = "ValidateNotNull"

    def check(self, ctx, value) -> bool:
        if isinstance(value, list):
            return all(v is not None for v in value)
        return value is not None

    def message(self, value) -> str:
        return ("The argument is null. Provide a valid value for the argument, and then try "
                "running the command again.")


class ValidateScript(Validator):
    name = "ValidateScript"

    def __init__(self, sb) -> None:
        self.sb = sb

    def check(self, ctx, value) -> bool:
        from ..runtime.invoke import invoke_scriptblock
        items = value if isinstance(value, list) else [value]
        for i in items:
            out = invoke_scriptblock(ctx, self.sb, [], None, collect=True, dollar_underscore=i)
            if not to_bool(out[0] if len(out) == 1 else out):
                return False
        return True

    def message(self, value) -> str:
        return (f'The "{self.sb.info.text.strip()}" validation script for the argument with value '
                f'"{to_str(value)}" did not return a result of True. Determine why the validation '
                "script failed, and then try the command again.")


_FACTORIES = {
    "validateset": lambda args, named: ValidateSet(args, not to_bool(named.get("ignorecase",
                                                                                True)) is False),
    "validaterange": lambda args, named: ValidateRange(*args[:2]) if len(args) >= 2 else
    _range_kind(args[0]),
    "validatepattern": lambda args, named: ValidatePattern(args[0]),
    "validatelength": lambda args, named: ValidateLength(*args[:2]),
    "validatecount": lambda args, named: ValidateCount(*args[:2]),
    "validatenotnullorempty": lambda args, named: ValidateNotNullOrEmpty(),
    "validatenotnull": lambda args, named: ValidateNotNull(),
    "validatescript": lambda args, named: ValidateScript(args[0]),
}


def _range_kind(kind):
    k = to_str(kind).lower()
    big = 2 ** 63
    return {"positive": ValidateRange(1, big), "nonnegative": ValidateRange(0, big),
            "negative": ValidateRange(-big, -1), "nonpositive": ValidateRange(-big, 0)}.get(
        k, ValidateRange(-big, big))


def make_validator(name: str, args: list, named: dict):
    factory = _FACTORIES.get(name.lower().removesuffix("attribute"))
    return factory(args, named) if factory else None


def validators_from_attributes(ctx, S, attrs) -> list:
    """Evaluate attribute AST nodes (constant arguments) into validators."""
    from ..runtime.evaluate import eval_constant
    out = []
    for a in attrs:
        args = [eval_constant(ctx, S, x) for x in a.positional]
        named = {n.lower(): (eval_constant(ctx, S, v) if v is not None else True)
                 for n, v in a.named}
        v = make_validator(a.type_name, args, named)
        if v is not None:
            out.append(v)
    return out
