"""The value of a data-only syntax tree, computed without running any code.

pwsh's ``Ast.SafeGetValue`` (``IsSafeValueVisitor`` + ``GetSafeValueVisitor``), which
``Import-PowerShellDataFile`` uses to read ``.psd1`` files: constants, strings, ``$true``,
``$false``, ``$null``, arrays, hashtables, parentheses and subexpressions around those, casts
to primitive types, unary ``-``/``+``/``-not``/``!``/``-bnot``, ternaries, indexing and
expandable strings made of the same.  Anything else (commands, other variables, member access,
methods, binary operators, type literals) is refused with :class:`UnsafeValue`.

Limits guard against hostile files: at most 500 keys per hashtable and 5000 visited nodes,
unless ``skip_limits`` (``-SkipLimitCheck``).
"""
from __future__ import annotations

from ..parser import ast as A
from .convert import to_bool, to_str
from .values import Hashtable

MAX_VISITS = 5000
MAX_HASHTABLE_KEYS = 500

# IsSafePrimitive: the .NET primitive types (not string, not decimal, not IntPtr).
_SAFE_CAST_TYPES = frozenset({
    "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16",
    "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Char",
    "System.Double", "System.Single",
})
_CONSTANT_VARIABLES = {"true": True, "false": False, "null": None}


class UnsafeValue(Exception):
    """The tree holds something other than data (or breaks a limit, or fails to evaluate)."""


def first_hashtable(root: A.Node) -> A.Hashtable | None:
    """The first hashtable literal in source order (``Ast.Find`` without descending into
    script block literals)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, A.Hashtable):
            return node
        if isinstance(node, A.ScriptBlockExpression) and node is not root:
            continue
        stack.extend(reversed(list(node.children())))
    return None


def safe_value(node: A.Node, source: str, ctx=None, skip_limits: bool = False):
    """The value of ``node`` (from ``source``); raises :class:`UnsafeValue`."""
    evaluator = _Evaluator(source, ctx, skip_limits)
    try:
        value = evaluator.value(node)
    except UnsafeValue:
        raise
    except Exception as e:  # noqa: BLE001 - a failing conversion or duplicate key: not data
        raise UnsafeValue(str(e)) from None
    if evaluator.visits >= evaluator.max_visits:
        raise UnsafeValue("too many elements")
    return value


class _Evaluator:
    def __init__(self, source: str, ctx, skip_limits: bool) -> None:
        self.source = source
        self.ctx = ctx
        self.visits = 0
        self.max_visits = float("inf") if skip_limits else MAX_VISITS
        self.max_keys = float("inf") if skip_limits else MAX_HASHTABLE_KEYS

    def value(self, node):
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise UnsafeValue(type(node).__name__)
        return method(node)

    def _count(self) -> None:
        self.visits += 1
        if self.visits >= self.max_visits:
            raise UnsafeValue("too many elements")

    # --- leaves ---------------------------------------------------------------------------------
    def _Constant(self, node):
        self._count()
        return node.value

    def _StringConstant(self, node):
        self._count()
        return node.value

    def _Variable(self, node):
        self._count()
        path = node.path
        name = path.name.lower()
        if node.splat or path.scope not in (None, "local", "using") or \
                name not in _CONSTANT_VARIABLES:
            raise UnsafeValue(f"${path.name}")
        return _CONSTANT_VARIABLES[name]

    def _ExpandableString(self, node):
        parts = []
        for part in node.parts:
            if isinstance(part, str):
                parts.append(part)
                continue
            self._count()
            v = self.value(part)
            parts.append(" ".join(_element_text(e) for e in v) if isinstance(v, list)
                         else to_str(v))
        return "".join(parts)

    def _ScriptBlockExpression(self, node):
        """A script block is returned, never run (ScriptBlock.Create of its own text)."""
        from .. import parse
        from ..compiler.codegen import compile_script
        from .scriptblock import ScriptBlock
        text = self.source[node.start:node.end]
        return ScriptBlock(compile_script(parse(text), text, None), self.ctx)

    # --- operators --------------------------------------------------------------------------------
    def _Unary(self, node):
        from . import operators as op
        fn = {"-": op.negate, "+": op.plus, "-not": op.not_op, "!": op.not_op,
              "-bnot": op.bnot}.get(node.operator.lower())
        if fn is None or node.postfix:
            raise UnsafeValue(node.operator)
        operand = self.value(node.operand)
        self._count()
        return fn(operand)

    def _Convert(self, node):
        from .types import lookup_type
        tn = node.type_name
        t = None if tn.generic_args or tn.array_rank else lookup_type(tn.name)
        if t is None or t.fullname not in _SAFE_CAST_TYPES:
            raise UnsafeValue(f"[{tn.name}]")
        self._count()
        return t.convert(self.value(node.operand))

    def _Ternary(self, node):
        condition = self.value(node.condition)
        if_true, if_false = self.value(node.if_true), self.value(node.if_false)
        return if_true if to_bool(condition) else if_false

    def _Index(self, node):
        index = self.value(node.index)
        target = self.value(node.target)
        if index is None or target is None:
            raise UnsafeValue("null index")
        if isinstance(index, list):
            return [_element_at(target, i) for i in index]
        return _element_at(target, index)

    # --- containers ----------------------------------------------------------------------------------
    def _ArrayLiteral(self, node):
        return [self.value(e) for e in node.elements]

    def _ArrayExpression(self, node):
        return self._StatementBlock(node.block)

    def _SubExpression(self, node):
        return self._StatementBlock(node.block)

    def _StatementBlock(self, node):
        """Every statement's value, collections unrolled, as one array."""
        from .enumerate import enumerate_value
        out: list = []
        for statement in node.statements:
            self._count()
            v = self.value(statement)
            items = None if isinstance(v, (str, Hashtable)) else enumerate_value(v)
            if items is None:
                out.append(v)
            else:
                out.extend(items)
        return out

    def _Paren(self, node):
        return self.value(node.pipeline)

    def _Pipeline(self, node):
        elements = node.elements
        if node.background or len(elements) != 1 or \
                not isinstance(elements[0], A.CommandExpression) or elements[0].redirections:
            raise UnsafeValue("pipeline")
        return self.value(elements[0].expression)

    def _Hashtable(self, node):
        if len(node.pairs) > self.max_keys:
            raise UnsafeValue("too many keys")
        table = Hashtable()
        for key_node, value_node in node.pairs:
            key = self.value(key_node)
            value = self.value(value_node)
            if key in table:
                raise UnsafeValue(f"duplicate key {to_str(key)}")
            table[key] = value
        return table


def _element_text(e) -> str:
    return " ".join(to_str(x) for x in e) if isinstance(e, list) else to_str(e)


def _element_at(target, index):
    """GetSingleValueFromTarget: a string's character, an array's element (negative indexes
    count from the end, out of range is $null) or a hashtable's value."""
    if isinstance(target, Hashtable):
        return target.get(index)
    if isinstance(target, (str, list)):
        i = int(index)
        if abs(i) >= len(target):
            return None
        item = target[i]
        if isinstance(target, str):
            from .typenames import Char
            return Char(item)
        return item
    raise UnsafeValue("index")
