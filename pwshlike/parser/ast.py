"""The PowerShell syntax tree.

Every node carries ``start``/``end`` source offsets; ``Source.position`` turns them into
line/column for error messages.  Nodes are plain slotted classes; the compiler
dispatches on the class.
"""
from __future__ import annotations


class Node:
    __slots__ = ("end", "start")
    fields: tuple[str, ...] = ()

    def __init__(self, start: int, end: int, *values) -> None:
        self.start = start
        self.end = end
        for name, value in zip(self.fields, values, strict=True):
            setattr(self, name, value)

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.fields)
        return f"{type(self).__name__}({inner})"

    def children(self):
        for f in self.fields:
            v = getattr(self, f)
            if isinstance(v, Node):
                yield v
            elif isinstance(v, (list, tuple)):
                for item in v:
                    if isinstance(item, Node):
                        yield item
                    elif isinstance(item, (list, tuple)):
                        yield from (x for x in item if isinstance(x, Node))


def node(name: str, *fields: str):
    cls = type(name, (Node,), {"__slots__": fields, "fields": fields})
    return cls


# --- script structure ---------------------------------------------------------------------
# blocks: NamedBlock or None; usings: list of Using; requirements: the script's #requires
# comments (parser.requires.ScriptRequirements, top level only) or None
ScriptBlock = node("ScriptBlock", "param_block", "dynamicparam", "begin_block", "process_block",
                   "end_block", "clean_block", "usings", "attributes", "is_filter",
                   "requirements")
NamedBlock = node("NamedBlock", "name", "statements", "traps", "unnamed")
StatementBlock = node("StatementBlock", "statements", "traps")
ParamBlock = node("ParamBlock", "attributes", "parameters")
Parameter = node("Parameter", "variable", "attributes", "default")
Attribute = node("Attribute", "type_name", "positional", "named")   # named: [(name, expr|None)]
TypeConstraint = node("TypeConstraint", "type_name")
# namespaces: the script's `using namespace` names, tried when the name alone is not a type
TypeName = node("TypeName", "name", "generic_args", "array_rank", "namespaces")

# --- statements -----------------------------------------------------------------------------
PipelineChain = node("PipelineChain", "left", "operator", "right", "background")
Pipeline = node("Pipeline", "elements", "background")
CommandExpression = node("CommandExpression", "expression", "redirections")
Command = node("Command", "elements", "invocation", "redirections")
CommandParameter = node("CommandParameter", "name", "argument", "text", "used_colon")
Redirection = node("Redirection", "from_stream", "append", "to_stream", "target")
StopParsingArgument = node("StopParsingArgument", "text")
EndOfParameters = node("EndOfParameters")
Assignment = node("Assignment", "target", "operator", "value")
If = node("If", "clauses", "else_block")
Switch = node("Switch", "label", "flags", "condition", "clauses", "default")
ForEach = node("ForEach", "label", "variable", "iterable", "body")
For = node("For", "label", "init", "condition", "iterator", "body")
While = node("While", "label", "condition", "body")
DoLoop = node("DoLoop", "label", "body", "condition", "until")
Break = node("Break", "label")
Continue = node("Continue", "label")
Return = node("Return", "pipeline")
Exit = node("Exit", "pipeline")
Throw = node("Throw", "pipeline")
Try = node("Try", "body", "catches", "finally_block")
Catch = node("Catch", "types", "body")
Trap = node("Trap", "type_name", "body")
FunctionDefinition = node("FunctionDefinition", "name", "is_filter", "parameters", "body")
EnumDefinition = node("EnumDefinition", "name", "base_type", "members", "is_flags")
ClassDefinition = node("ClassDefinition", "name", "base_types", "properties", "methods")
ClassProperty = node("ClassProperty", "name", "type_name", "default", "is_static", "is_hidden",
                     "attributes")
# base_args: the ``: base(...)`` argument expressions of a constructor, else None;
# name_start: offset of the method name (where PowerShell reports member errors)
ClassMethod = node("ClassMethod", "name", "return_type", "parameters", "body", "is_static",
                   "is_constructor", "base_args", "name_start")
Using = node("Using", "kind", "name")
DataStatement = node("DataStatement", "variable", "body")

# --- expressions ------------------------------------------------------------------------------
Constant = node("Constant", "value", "text")
StringConstant = node("StringConstant", "value", "quote")   # quote: ' " bare here
ExpandableString = node("ExpandableString", "parts", "quote")  # parts: str | Expression
Variable = node("Variable", "path", "splat")
Binary = node("Binary", "operator", "left", "right")
Unary = node("Unary", "operator", "operand", "postfix")
Convert = node("Convert", "type_name", "operand")
TypeExpression = node("TypeExpression", "type_name")
AttributedExpression = node("AttributedExpression", "attribute", "operand")
Member = node("Member", "target", "member", "static", "null_conditional")
InvokeMember = node("InvokeMember", "target", "member", "arguments", "static", "null_conditional")
Index = node("Index", "target", "index", "null_conditional")
ArrayLiteral = node("ArrayLiteral", "elements")
ArrayExpression = node("ArrayExpression", "block")
SubExpression = node("SubExpression", "block")
Paren = node("Paren", "pipeline")
Hashtable = node("Hashtable", "pairs")
ScriptBlockExpression = node("ScriptBlockExpression", "body", "text")
Ternary = node("Ternary", "condition", "if_true", "if_false")


def mentions_variable(nodes, key: str) -> bool:
    """Does a variable reference under ``nodes`` (a node or nested lists of nodes) name
    ``key`` (lower case, no scope prefix)?  Nested script blocks count too: they may run
    while the code around them does.  The compiler uses this to set up automatic
    variables (``$foreach``, ``$MyInvocation``) only where a script reads them."""
    stack = [nodes]
    while stack:
        n = stack.pop()
        if isinstance(n, (list, tuple)):
            stack.extend(n)
        elif isinstance(n, Variable):
            path = n.path
            if path.scope is None and path.key == key:
                return True
        elif isinstance(n, Node):
            stack.extend(n.children())
    return False
