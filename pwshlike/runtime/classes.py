"""``enum`` and ``class`` definitions from scripts."""
from __future__ import annotations

from ..errors import RuntimeException, runtime_error


class ClassInfo:
    def __init__(self, ast) -> None:
        self.ast = ast


def define_enum(ctx, name: str, members) -> None:
    from .dotnet.enums import make_enum
    from .types import register_user_type
    values = {}
    nxt = 0
    for mname, value in members:
        v = int(value) if value is not None else nxt
        values[mname] = v
        nxt = v + 1
    t = make_enum(name, values)
    register_user_type(t)


def define_class(ctx, S, info, methods, props) -> None:
    raise runtime_error(RuntimeException, "ClassNotSupported",
                        f"Class definitions are not supported yet (class '{info.ast.name}').",
                        "NotImplemented")
