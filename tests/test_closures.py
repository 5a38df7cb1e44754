"""The compiled notation gives what the notation means: every operator, on names, constants
and sub-expressions on either side (the shapes the compiler specialises and folds),
against a plain evaluation of the tree."""

from __future__ import annotations

import random

import pytest

from game.scenario.closures import BINARY, compile_node
from game.scenario.parser import Node, parse_tree

NAMES = ("a", "b", "c")
ARITHMETIC = ("+", "-", "*", "/")
COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")


def evaluate(node: Node, env: dict[str, int]) -> int:
    """The meaning of a tree, one node at a time."""
    op, args = node.op, node.args
    if op in ("num", "date", "bool"):
        return int(node.value)
    if op == "name":
        return env[str(node.value)]
    if op == "neg":
        return -evaluate(args[0], env)
    if op == "not":
        return int(not evaluate(args[0], env))
    if op == "and":
        return int(all(evaluate(a, env) for a in args))
    if op == "or":
        return int(any(evaluate(a, env) for a in args))
    if op in ("min", "max"):
        values = [evaluate(a, env) for a in args]
        return min(values) if op == "min" else max(values)
    return int(BINARY[op](evaluate(args[0], env), evaluate(args[1], env)))


def number(rng: random.Random, depth: int) -> str:
    """A random arithmetic expression of names and constants (zero among them)."""
    roll = rng.random()
    if depth <= 0 or roll < 0.3:
        return rng.choice([*NAMES, "0", "1", "7", "-3"])
    if roll < 0.4:
        return f"-({number(rng, depth - 1)})"
    if roll < 0.45:
        return f"min({number(rng, depth - 1)}, {number(rng, depth - 1)})"
    op = rng.choice(ARITHMETIC)
    return f"({number(rng, depth - 1)} {op} {number(rng, depth - 1)})"


def condition(rng: random.Random, depth: int) -> str:
    roll = rng.random()
    if depth <= 0 or roll < 0.6:
        return f"{number(rng, 2)} {rng.choice(COMPARISONS)} {number(rng, 2)}"
    if roll < 0.7:
        return f"not ({condition(rng, depth - 1)})"
    joined = f" {rng.choice(['and', 'or'])} ".join(
        f"({condition(rng, depth - 1)})" for _ in range(rng.randint(2, 3))
    )
    return joined


@pytest.mark.parametrize("kind", ["number", "condition"])
def test_compiled_expressions_mean_what_their_trees_say(kind: str) -> None:
    rng = random.Random(kind)
    envs = [{n: rng.randint(-12, 12) for n in NAMES} for _ in range(12)]
    envs.append({n: 0 for n in NAMES})
    for _ in range(600):
        text = number(rng, 3) if kind == "number" else condition(rng, 2)
        tree = parse_tree(text)
        fn = compile_node(tree)
        for env in envs:
            got, want = fn(env), evaluate(tree, env)
            assert (int(got) if kind == "condition" else got) == want, (text, env)


@pytest.mark.parametrize("op", ARITHMETIC + COMPARISONS)
def test_every_operator_in_every_shape(op: str) -> None:
    operands = ("a", "4", "0", "(a + b)", "(2 * 3)")
    envs = [{"a": a, "b": b, "c": 0} for a in (-5, 0, 3, 4) for b in (-1, 0, 2)]
    for left in operands:
        for right in operands:
            tree = parse_tree(f"{left} {op} {right}")
            fn = compile_node(tree)
            for env in envs:
                assert fn(env) == BINARY[op](
                    evaluate(tree.args[0], env), evaluate(tree.args[1], env)
                )
