"""Compiling checked notation trees into plain Python closures over the game's
environment: the fast form in which the engine evaluates conditions and effects."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

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
    left, right = (compile_node(arg) for arg in node.args)
    # Fast paths for the commonest shape: a name compared with a constant.
    a, b = node.args
    if a.op == "name" and b.op in ("num", "date") and op in (">=", "<", ">", "<=", "=="):
        name, const = str(a.value), int(b.value)
        fast: dict[str, Fn] = {
            ">=": lambda env: env[name] >= const,
            "<": lambda env: env[name] < const,
            ">": lambda env: env[name] > const,
            "<=": lambda env: env[name] <= const,
            "==": lambda env: env[name] == const,
        }
        return fast[op]
    fn = BINARY[op]
    if a.op == "name" and b.op == "name":
        x, y = str(a.value), str(b.value)
        return lambda env: fn(env[x], env[y])
    return lambda env: fn(left(env), right(env))


def always(env: Env) -> int:
    return 1
