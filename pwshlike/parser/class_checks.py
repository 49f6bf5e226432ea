"""Semantic checks PowerShell makes on a ``class`` body when it is parsed.

They are parse errors in pwsh (the script does not run at all), so they are made here rather
than when the class is defined: a ``return`` with a value in a void method, a bare
``return`` in a method with an output type, a method with an output type that can reach its
end without returning, and assigning a property as if it were a variable (``$Name = 1``
instead of ``$this.Name = 1``).
"""
from __future__ import annotations

from . import ast as A

# error tuples as Parser.error takes them: (id, message, start, end)
ErrorTuple = tuple[str, str, int, int]


def check_class(cls: A.ClassDefinition) -> list[ErrorTuple]:
    """All semantic errors in one class definition, in source order."""
    errors: list[ErrorTuple] = []
    props = {p.name.lower(): p for p in cls.properties}
    errors.extend(_duplicates(cls))
    for m in cls.methods:
        if m.is_constructor and m.is_static and m.parameters:
            errors.append(("StaticConstructorCantHaveParameters",
                           "A static constructor cannot have any parameters.",
                           m.name_start, m.name_start + len(m.name)))
        if m.is_constructor and m.return_type is not None:
            errors.append(("ConstructorCantHaveReturnType",
                           "A constructor cannot specify a return type.", m.start,
                           m.name_start))
        if m.body.param_block is not None:
            errors.append(("ParamBlockNotAllowedInMethod",
                           "A param block is not allowed in a class method.",
                           m.body.param_block.start, m.body.param_block.end))
        void = m.is_constructor or m.return_type is None or \
            m.return_type.name.lower() in ("void", "system.void")
        for ret in _returns(m.body):
            if ret.pipeline is not None and void:
                errors.append(("VoidMethodHasReturn",
                               "Invalid return statement within void method.",
                               ret.start, ret.end))
            elif ret.pipeline is None and not void:
                errors.append(("NonVoidMethodMissingReturnValue",
                               "Invalid return statement within non-void method.",
                               ret.start, ret.end))
        if not void and not _block_exits(_body_statements(m.body)):
            errors.append(("MethodHasCodePathNotReturn",
                           "Not all code path returns value within method.",
                           m.name_start, m.name_start + len(m.name)))
        params = {p.variable.key for p in m.parameters or ()}
        for var in _assigned_variables(m.body):
            path = var.path
            if path.scope is not None or path.key in params:
                continue
            prop = props.get(path.key)
            if prop is None:
                continue
            if prop.is_static:
                errors.append(("MissingTypeInStaticPropertyAssignment",
                               f"Cannot assign property, use '[{cls.name}]::{prop.name}'.",
                               var.start, var.end))
            else:
                errors.append(("MissingThis", f"Cannot assign property, use '$this.{prop.name}'.",
                               var.start, var.end))
    errors.sort(key=lambda e: e[2])
    return errors


def _duplicates(cls: A.ClassDefinition) -> list[ErrorTuple]:
    """A property declared twice, or two methods with one name and the same parameter types."""
    out: list[ErrorTuple] = []
    seen: set = set()
    for p in cls.properties:
        key = p.name.lower()
        if key in seen:
            out.append(("MemberAlreadyDefined", f"The member '{p.name}' is already defined.",
                        p.start, p.end))
        seen.add(key)
    signatures: set = set()
    for m in cls.methods:
        types = []
        for param in m.parameters or ():
            tn = next((a.type_name.name.lower() for a in param.attributes
                       if isinstance(a, A.TypeConstraint)), "object")
            types.append(tn)
        sig = (m.name.lower(), m.is_static and m.is_constructor, tuple(types))
        if sig in signatures:
            out.append(("MemberAlreadyDefined", f"The member '{m.name}' is already defined.",
                        m.name_start, m.name_start + len(m.name)))
        signatures.add(sig)
    return out


def _walk_method(node):
    """Nodes of a method body, not descending into nested script blocks or functions (their
    ``return`` and variables belong to them)."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        for child in n.children():
            if isinstance(child, (A.ScriptBlockExpression, A.FunctionDefinition,
                                  A.ClassDefinition)):
                continue
            stack.append(child)


def _body_statements(body: A.ScriptBlock) -> list:
    block = body.end_block
    return block.statements if block is not None else []


def _returns(body: A.ScriptBlock):
    for n in _walk_method(body):
        if isinstance(n, A.Return):
            yield n


def _assigned_variables(body: A.ScriptBlock):
    for n in _walk_method(body):
        if isinstance(n, A.Assignment):
            target = n.target
            while isinstance(target, (A.Convert, A.AttributedExpression)):
                target = target.operand
            if isinstance(target, A.Variable):
                yield target


def _block_exits(statements) -> bool:
    """True when running these statements always ends in return or throw."""
    return any(_statement_exits(st) for st in statements)


def _statements_of(block) -> list:
    if block is None:
        return []
    return block.statements


def _statement_exits(st) -> bool:
    if isinstance(st, (A.Return, A.Throw, A.Exit)):
        return True
    if isinstance(st, A.If):
        if st.else_block is None:
            return False
        return all(_block_exits(_statements_of(b)) for _, b in st.clauses) and \
            _block_exits(_statements_of(st.else_block))
    if isinstance(st, A.Try):
        if st.finally_block is not None and _block_exits(_statements_of(st.finally_block)):
            return True
        return _block_exits(_statements_of(st.body)) and all(
            _block_exits(_statements_of(c.body)) for c in st.catches)
    if isinstance(st, A.Switch):
        return st.default is not None and _block_exits(_statements_of(st.default)) and all(
            _block_exits(_statements_of(b)) for _, b in st.clauses)
    if isinstance(st, (A.While, A.For, A.DoLoop)):
        # an endless loop only ends through return/throw (or break, which we do not credit)
        cond = st.condition
        endless = cond is None or _is_true_constant(cond)
        if isinstance(st, A.DoLoop) and st.until:
            endless = cond is not None and _is_false_constant(cond)
        return endless and not any(isinstance(n, A.Break) for n in _walk_method(st.body))
    if isinstance(st, A.StatementBlock):
        return _block_exits(st.statements)
    return False


def _pure_expression(cond):
    if isinstance(cond, A.Pipeline) and len(cond.elements) == 1 and isinstance(
            cond.elements[0], A.CommandExpression):
        return cond.elements[0].expression
    return cond


def _is_true_constant(cond) -> bool:
    e = _pure_expression(cond)
    return isinstance(e, A.Variable) and e.path.scope is None and e.path.key == "true" or (
        isinstance(e, A.Constant) and e.value not in (0, None, False))


def _is_false_constant(cond) -> bool:
    e = _pure_expression(cond)
    return isinstance(e, A.Variable) and e.path.scope is None and e.path.key == "false"
