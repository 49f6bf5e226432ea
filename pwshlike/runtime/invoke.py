"""Running script blocks and functions: a new scope, bound parameters, named blocks."""
from __future__ import annotations

from .context import ReturnSignal, Scope
from .values import SwitchParameter


class InputEnumerator:
    """``$input``: an enumerator over a function's pipeline input, as in pwsh.

    It is an IEnumerator, not a collection: reading it (``"$input"``, ``foreach``,
    piping it on) consumes what is left, ``MoveNext()``/``Current`` step through it by
    hand and ``Reset()`` rewinds.  In a process block it holds only the current item.
    """

    # class-level starting state instead of __init__: one is made per function call
    _items: list | tuple = ()
    _pos = 0
    _current = None
    dotnet_fullname = "System.Collections.ArrayList+ArrayListEnumeratorSimple"

    def append(self, item) -> None:
        """Buffer one more pipeline item (a function without a process block)."""
        if self._items == ():
            self._items = []
        self._items.append(item)

    def set_only(self, item) -> None:
        """Hold just ``item``, rewound: the process block's view of the input."""
        self._items = [item]
        self._pos = 0
        self._current = None

    def clear(self) -> None:
        self._items = ()
        self._pos = 0
        self._current = None

    def ps_enumerate(self) -> list:
        items = self._items[self._pos:]
        self._pos = len(self._items)
        return list(items)

    def MoveNext(self) -> bool:
        if self._pos < len(self._items):
            self._current = self._items[self._pos]
            self._pos += 1
            return True
        self._current = None
        return False

    @property
    def Current(self):
        return self._current

    def Reset(self) -> None:
        self._pos = 0
        self._current = None

    def ToString(self) -> str:
        from .convert import output_field_separator, to_str
        return output_field_separator().join(to_str(x) for x in self.ps_enumerate())


def run_block(ctx, fn, S, out) -> None:
    if fn is None:
        return
    try:
        fn(ctx, S, out)
    except ReturnSignal:
        pass


def new_function_scope(ctx, parent: Scope) -> Scope:
    ctx.depth += 1
    if ctx.depth > ctx.max_depth:
        ctx.depth -= 1
        from ..errors import ScriptCallDepthException, runtime_error
        raise runtime_error(ScriptCallDepthException, "CallDepthOverflow",
                            "The script failed due to call depth overflow.", "InvalidOperation")
    return Scope(parent)


def invoke_scriptblock(ctx, sb, args: list, input_items, collect: bool = True,
                       dollar_underscore=None, dot_source: bool = False, parent_scope=None,
                       this=None, out=None):
    """Invoke a ScriptBlock value with positional arguments (``& $sb 1 2``, ``.Invoke()``)."""
    from .commands import FunctionProcessor
    info = sb.info
    parent = parent_scope or ctx.current_scope
    results = [] if out is None else out
    proc = FunctionProcessor(ctx, info, parent, [(None, a, None) for a in args], results,
                             name=info.name or "<ScriptBlock>", dot_source=dot_source)
    if dollar_underscore is not None or input_items is None:
        proc.preset_underscore = dollar_underscore
    if this is not None:
        proc.this = this
    try:
        proc.begin(pipeline_expected=input_items is not None)
        if input_items is not None:
            for item in input_items:
                proc.process(item)
        proc.end()
    finally:
        proc.dispose()      # after an error or a stop too: clean block, scope, $_ ...
    return results


def bound_to_variables(scope: Scope, binding, meta) -> None:
    """Set parameter variables (bound values, defaults, unbound switches) in the new scope."""
    v = scope.vars
    for p in meta.params:
        key = p.name.lower()
        if p.name in binding.bound:
            v[key] = binding.bound[p.name]
        elif p.is_switch:
            v[key] = SwitchParameter(False)
        else:
            v[key] = None
