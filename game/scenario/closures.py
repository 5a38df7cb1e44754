"""Compiling checked notation trees into plain Python closures over the game's
environment: the fast form in which the engine evaluates conditions and effects."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .notation import Node

Env = Mapping[str, int]
Fn = Callable[[Env], int]


def _div(a: int, b: int) -> int:
    return a // b if b else 0


BINARY: dict[str, Callable[[int, int], int]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": _div,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


def _chain(node: Node, op: str) -> list[Node]:
    """The operands of a run of the same `and`/`or`, flattened: a and b and c -> [a, b, c]."""
    if node.op != op:
        return [node]
    return [leaf for arg in node.args for leaf in _chain(arg, op)]


def compile_node(node: Node) -> Fn:
    """Turn a checked expression tree into a closure over the environment."""
    op = node.op
    if op in ("num", "date", "bool"):
        const = int(node.value)
        return lambda env: const
    if op == "name":
        name = str(node.value)
        return lambda env: env[name]
    if op == "not":
        inner = compile_node(node.args[0])
        return lambda env: 0 if inner(env) else 1
    if op == "neg":
        inner = compile_node(node.args[0])
        return lambda env: -inner(env)
    if op in ("min", "max"):
        first, second = (compile_node(arg) for arg in node.args)
        pick = min if op == "min" else max
        return lambda env: pick(first(env), second(env))
    if op in ("and", "or"):
        parts = tuple(compile_node(arg) for arg in _chain(node, op))
        if op == "and":
            if len(parts) == 2:
                p, q = parts
                return lambda env: p(env) and q(env)

            def all_of(env: Env) -> int:
                for part in parts:
                    if not part(env):
                        return 0
                return 1

            return all_of
        if len(parts) == 2:
            p, q = parts
            return lambda env: p(env) or q(env)

        def any_of(env: Env) -> int:
            for part in parts:
                if part(env):
                    return 1
            return 0

        return any_of
    return _binary(op, node.args[0], node.args[1])


Maker = Callable[[Any, Any], Fn]
NAME_CONST: dict[str, Maker] = {
    "+": lambda n, c: lambda env: env[n] + c,
    "-": lambda n, c: lambda env: env[n] - c,
    "*": lambda n, c: lambda env: env[n] * c,
    "/": lambda n, c: (lambda env: env[n] // c) if c else _zero,
    "<": lambda n, c: lambda env: env[n] < c,
    "<=": lambda n, c: lambda env: env[n] <= c,
    ">": lambda n, c: lambda env: env[n] > c,
    ">=": lambda n, c: lambda env: env[n] >= c,
    "==": lambda n, c: lambda env: env[n] == c,
    "!=": lambda n, c: lambda env: env[n] != c,
}
"""`name OP constant`, for each operator: one lookup, no call."""
FN_CONST: dict[str, Maker] = {
    "+": lambda f, c: lambda env: f(env) + c,
    "-": lambda f, c: lambda env: f(env) - c,
    "*": lambda f, c: lambda env: f(env) * c,
    "/": lambda f, c: (lambda env: f(env) // c) if c else _zero,
    "<": lambda f, c: lambda env: f(env) < c,
    "<=": lambda f, c: lambda env: f(env) <= c,
    ">": lambda f, c: lambda env: f(env) > c,
    ">=": lambda f, c: lambda env: f(env) >= c,
    "==": lambda f, c: lambda env: f(env) == c,
    "!=": lambda f, c: lambda env: f(env) != c,
}
CONST_FN: dict[str, Maker] = {
    "+": lambda c, f: lambda env: c + f(env),
    "-": lambda c, f: lambda env: c - f(env),
    "*": lambda c, f: lambda env: c * f(env),
}
CONST_NAME: dict[str, Maker] = {
    "+": lambda c, n: lambda env: c + env[n],
    "-": lambda c, n: lambda env: c - env[n],
    "*": lambda c, n: lambda env: c * env[n],
}
FN_FN: dict[str, Maker] = {
    "+": lambda f, g: lambda env: f(env) + g(env),
    "-": lambda f, g: lambda env: f(env) - g(env),
    "*": lambda f, g: lambda env: f(env) * g(env),
}


def _zero(env: Env) -> int:
    return 0  # anything divided by 0 is 0 in the notation


def _constant(node: Node) -> int | None:
    """The value of a number or date, or of arithmetic on them only (None otherwise)."""
    if node.op in ("num", "date", "bool"):
        return int(node.value)
    if node.op == "neg":
        inner = _constant(node.args[0])
        return None if inner is None else -inner
    if node.op in ("+", "-", "*", "/"):
        a, b = (_constant(arg) for arg in node.args)
        return None if a is None or b is None else BINARY[node.op](a, b)
    return None


def constant_of(node: Node) -> int | None:
    """The value of an expression that reads nothing (arithmetic on numbers and dates
    only), or None: what its closure would return in any state."""
    return _constant(node)


def _binary(op: str, a: Node, b: Node) -> Fn:
    """An arithmetic operator or a comparison, specialised for its operands' shapes (a
    name, a constant, anything else): the same operation, with fewer calls."""
    x, y = _constant(a), _constant(b)
    fn = BINARY[op]
    if x is not None and y is not None:
        const = fn(x, y)
        return lambda env: const
    if y is not None:
        if a.op == "name":
            return NAME_CONST[op](str(a.value), y)
        return FN_CONST[op](compile_node(a), y)
    if x is not None and op in CONST_FN:
        if b.op == "name":
            return CONST_NAME[op](x, str(b.value))
        return CONST_FN[op](x, compile_node(b))
    left, right = compile_node(a), compile_node(b)
    if op in FN_FN:
        return FN_FN[op](left, right)
    if a.op == "name" and b.op == "name":
        p, q = str(a.value), str(b.value)
        return lambda env: fn(env[p], env[q])
    return lambda env: fn(left(env), right(env))


def always(env: Env) -> int:
    return 1
