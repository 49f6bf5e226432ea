"""Evaluate a single expression node at run time (attribute arguments, defaults)."""
from __future__ import annotations

_CACHE: dict[int, object] = {}


def eval_constant(ctx, S, node):
    fn = _CACHE.get(id(node))
    if fn is None:
        from ..compiler.codegen import Compiler, CompileUnit
        from .scriptblock import load_unit
        unit = CompileUnit("", None)
        comp = Compiler(unit)
        fb = comp.new_function("expr", "ctx, S", in_block=False)
        comp.fn = fb
        fb.line(f"return {comp.expr(node)}")
        fb.finish()
        ns = load_unit(unit)
        fn = ns[fb.name]
        _CACHE[id(node)] = fn
    return fn(ctx, S)
