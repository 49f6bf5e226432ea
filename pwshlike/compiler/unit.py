"""The generated module of one script: its source lines, constant pool and line map, and
the builder that writes one generated Python function."""
from __future__ import annotations

import itertools

from ..parser import ast as A

_counter = itertools.count()


class CompileUnit:
    """Generated source for one script plus its constant pool and line map."""

    def __init__(self, src: str, filename: str | None) -> None:
        self.src = src
        self.filename = filename
        self.lines: list[str] = []
        self.consts: dict[str, object] = {}
        self.linemap: dict[int, tuple[int, int]] = {}
        self.uid = next(_counter)

    def const(self, value) -> str:
        name = f"_K{len(self.consts)}"
        self.consts[name] = value
        return name


class FunctionBuilder:
    """Emits the body of one generated Python function."""

    def __init__(self, unit: CompileUnit, name: str, params: str = "ctx, S, out",
                 in_block: bool = True) -> None:
        self.unit = unit
        self.name = name
        self.body: list[tuple[int, str, tuple | None]] = []
        self.level = 1
        self.params = params
        self.tmp = 0
        self.loops: list[str] = []   # kinds of the Python loops we are directly inside
        self.loop_enum_saved: list[str] = []   # temps holding $foreach/$switch to restore
        self.in_block = in_block   # True: a return may use Python 'return'
        self.helpers: list[FunctionBuilder] = []

    def line(self, text: str, node: A.Node | None = None) -> None:
        self.body.append((self.level, text, (node.start, node.end) if node is not None else None))

    def temp(self) -> str:
        self.tmp += 1
        return f"_t{self.tmp}"

    def finish(self) -> None:
        u = self.unit
        u.lines.append(f"def {self.name}({self.params}):")
        u.lines.append("    L = S.vars")
        if not self.body:
            u.lines.append("    pass")
        for level, text, ext in self.body:
            u.lines.append("    " * level + text)
            if ext is not None:
                u.linemap[len(u.lines)] = ext
        u.lines.append("")
