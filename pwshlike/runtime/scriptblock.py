"""Compiled script blocks: the code for each named block plus the parameter metadata.

``ScriptBlockInfo`` is made once per script block in the source; ``ScriptBlock`` is the
runtime value (``{ ... }``) that can be invoked, passed to cmdlets and converted to text.
"""
from __future__ import annotations

import sys

_UNITS: dict[str, object] = {}   # generated filename -> CompileUnit (for error positions)
# compiled block function's code object -> its ScriptBlockInfo (runtime/callstack.py)
CODE_OWNERS: dict = {}


class ScriptBlockInfo:
    # the function's direct form (compiler/direct.py) and its parameter count, when it has one
    direct = None
    direct_arity = 0

    is_script_file = False  # the top level of a .ps1 file (its frame is named after the file)
    module = None          # the PSModuleInfo whose code defined this function
    module_scope = None    # ... and the scope it runs in (see ExecutionContext.processor_for)
    def_start = None       # offset of a function's 'function' keyword (comment-based help)

    def __init__(self, ast, params, name, is_filter, text, extent) -> None:
        self.ast = ast
        self.params_ast = params
        self.name = name
        self.is_filter = is_filter
        self.text = text
        self.extent = extent          # (src, start, end, filename)
        self.begin = self.process = self.end = self.clean = None
        self.defaults: dict = {}
        self._metadata = None
        self._simple_params = _UNSET
        self._reads_myinvocation: bool | None = None

    def bind_code(self, begin=None, process=None, end=None, clean=None, defaults=None) -> None:
        self.begin, self.process, self.end, self.clean = begin, process, end, clean
        self.defaults = defaults or {}
        for fn in (begin, process, end, clean):
            if fn is not None:
                CODE_OWNERS[fn.__code__] = self

    @property
    def metadata(self):
        """Parameter metadata for the binder, built on first call."""
        if self._metadata is None:
            from ..binding.script_params import metadata_from_ast
            self._metadata = metadata_from_ast(self)
        return self._metadata

    @property
    def simple_params(self) -> tuple | None:
        """``(variable key, name, default code)`` per parameter when a plain positional call can skip
        the binder: a non-advanced function with only an end block whose parameters carry no
        type, validation or switch.  None when the function needs the binder."""
        if self._simple_params is _UNSET:
            self._simple_params = _simple_params(self)
        return self._simple_params

    @property
    def reads_myinvocation(self) -> bool:
        """Does the code read ``$MyInvocation``?  Only then is one made for each call."""
        r = self._reads_myinvocation
        if r is None:
            from ..parser.ast import mentions_variable
            r = self._reads_myinvocation = mentions_variable(self.ast, "myinvocation")
        return r

    @property
    def is_simple(self) -> bool:
        return self.begin is None and self.process is None and self.clean is None


_UNSET = object()


def _simple_params(info: ScriptBlockInfo) -> tuple | None:
    if not info.is_simple or info.is_filter or info.end is None or info.reads_myinvocation:
        return None
    if not info.params_ast and info.ast.param_block is None:
        return ()
    meta = info.metadata
    if meta.advanced:
        return None
    out = []
    for p in meta.params:
        if p.type_name is not None or p.validators or p.is_switch:
            return None
        out.append((p.name.lower(), p.name, p.default_fn))
    return tuple(out)


class ScriptBlock:
    """The value of a ``{ ... }`` literal."""

    __slots__ = ("ctx", "info", "module_scope")
    dotnet_fullname = "System.Management.Automation.ScriptBlock"

    def __init__(self, info: ScriptBlockInfo, ctx=None, module_scope=None) -> None:
        self.info = info
        self.ctx = ctx
        self.module_scope = module_scope

    def ToString(self) -> str:
        return self.info.text

    def __str__(self) -> str:
        return self.info.text

    @property
    def Ast(self):
        return self.info.ast

    @property
    def File(self):
        return self.info.extent[3]

    def Invoke(self, *args):
        from .invoke import invoke_scriptblock
        return invoke_scriptblock(self.ctx, self, list(args), None, collect=True)

    def InvokeReturnAsIs(self, *args):
        out = self.Invoke(*args)
        return out[0] if len(out) == 1 else out

    def invoke_with_dollar_underscore(self, item, *args):
        from .invoke import invoke_scriptblock
        out = invoke_scriptblock(self.ctx, self, list(args), None, collect=True,
                                 dollar_underscore=item)
        return out[0] if len(out) == 1 else (out or None)

    def invoke_split_predicate(self, ch, index):
        return self.invoke_with_dollar_underscore(ch, ch, index)


def load_unit(unit) -> dict:
    """exec() the generated module for a CompileUnit; returns its namespace."""
    from . import helpers
    filename = f"<pwsh-{unit.uid}>"
    _UNITS[filename] = unit
    source = "\n".join(unit.lines) + "\n"
    code = compile(source, filename, "exec")
    ns = helpers.globals_for(code)
    ns.update(unit.consts)
    exec(code, ns)  # noqa: S102 - executing code we generated from the AST
    if "PWSHLIKE_DUMP_CODE" in __import__("os").environ:
        sys.stderr.write(source)
    return ns


def extent_from_traceback(tb):
    """The innermost PowerShell statement extent found in a traceback, or None."""
    from ..errors import Extent
    found = None
    while tb is not None:
        code = tb.tb_frame.f_code
        unit = _UNITS.get(code.co_filename)
        if unit is not None:
            # walk back to the nearest mapped line at or before this one
            line = tb.tb_lineno
            while line > 0 and line not in unit.linemap:
                line -= 1
            if line > 0:
                s, e = unit.linemap[line]
                found = Extent(unit.src, s, e, unit.filename)
        tb = tb.tb_next
    return found
