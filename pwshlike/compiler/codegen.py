"""Compile the AST to Python source, then to code objects, once per script.

Each PowerShell script block becomes a Python function ``(ctx, S, out)``: ``S`` is the
dynamic scope, ``out`` the output sink.  Loops become Python loops, variables dict
lookups, operators direct calls into ``runtime.operators``.  Each generated line that
starts a PowerShell statement is mapped back to that statement's source extent so
runtime errors point at the script, never at generated code.

The compiler is split by construct: :mod:`.unit` (the generated module and function
builder), :mod:`.statements` and :mod:`.expressions` (mixins of :class:`Compiler`).
"""
from __future__ import annotations

from ..parser import ast as A
from .expressions import ExpressionCompiler
from .statements import StatementCompiler, hoist_type_definitions
from .unit import CompileUnit, FunctionBuilder


class Compiler(StatementCompiler, ExpressionCompiler):
    def __init__(self, unit: CompileUnit) -> None:
        self.u = unit
        self.fn: FunctionBuilder | None = None
        self.fn_count = 0
        self.in_method = False   # compiling a class method body: 'return' gives its value
        self.track_status = False   # does the script block being compiled read $?
        self.in_string = 0          # inside an expandable string (Set-StrictMode 1)

    # --- functions ------------------------------------------------------------------------------------
    def new_function(self, prefix: str, params: str = "ctx, S, out",
                     in_block: bool = True) -> FunctionBuilder:
        self.fn_count += 1
        return FunctionBuilder(self.u, f"_{prefix}{self.fn_count}", params, in_block)

    def compile_statements_function(self, stmts, traps, prefix: str, in_block: bool = True,
                                    params: str = "ctx, S, out") -> str:
        fb = self.new_function(prefix, params, in_block)
        saved = self.fn
        self.fn = fb
        try:
            self.statements(stmts, traps)
        finally:
            self.fn = saved
        fb.finish()
        return fb.name

    def compile_scriptblock(self, sb: A.ScriptBlock) -> dict:
        """Compile every named block of a script block; returns their function names."""
        names = {}
        saved = self.track_status
        # only code that reads $? pays for expression statements resetting it
        self.track_status = A.mentions_variable(sb, "?")
        try:
            for block_name in ("begin", "process", "end", "clean"):
                block = getattr(sb, block_name + "_block")
                if block is not None:
                    names[block_name] = self.compile_statements_function(
                        hoist_type_definitions(block.statements), block.traps, block_name)
        finally:
            self.track_status = saved
        return names


def compile_script(sb: A.ScriptBlock, src: str, filename: str | None = None):
    """Compile a parsed script; returns the ScriptBlockInfo for its top level."""
    unit = CompileUnit(src, filename)
    comp = Compiler(unit)
    info_name = comp.scriptblock_info(sb)
    from ..runtime.scriptblock import load_unit
    ns = load_unit(unit)
    info = ns[info_name]
    info.is_script_file = filename is not None
    return info
