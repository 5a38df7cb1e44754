"""A scenario's notation kept beside it in a signed cache entry: which texts were compiled,
the tree of every expression and the recipe of every effect, so that a later run compiles
without tokenizing, parsing or type-checking anything.

Only for an entry this install signed (see `cache`): the scenario passed every check when
it was written, so the checks are not run again. Each text is compiled by the same
functions as the checks use (`compile_node`, `constant`, `effect_of`) from the trees and
recipes the checks made: the closures are the same. Anything unexpected in the data
raises, and the cache checks the scenario instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, get_args

from .closures import always, compile_node
from .code import Code
from .effects import EffectKind, Expr, Recipe, effect_of
from .models import Scenario
from .notation import constant
from .parser import Node

LAYOUT = 2
KINDS = frozenset(get_args(EffectKind))
_new = tuple.__new__


def tree_data(node: Node) -> list[Any]:
    """A tree as JSON: [op, value, column, *arguments]."""
    return [node.op, node.value, node.col, *(tree_data(arg) for arg in node.args)]


def tree_of(data: Any) -> Node:
    """The tree of `tree_data`'s JSON."""
    if type(data) is not list or len(data) < 3:
        raise ValueError(f"not a tree: {data!r:.60}")
    op, value, col = data[0], data[1], data[2]
    if type(op) is not str or type(value) not in (int, str) or type(col) is not int:
        raise ValueError(f"not a tree: {data!r:.60}")
    return _new(Node, (op, tuple(map(tree_of, data[3:])) if len(data) > 3 else (), value, col))


def _text(expr: Expr | None) -> str | None:
    return None if expr is None else expr[0]


def recipe_data(r: Recipe) -> list[Any]:
    """A recipe as JSON: its text, its parts, each expression by its text (a tree's key)."""
    then = None if r.then is None else recipe_data(r.then)
    return [
        r.text,
        r.kind,
        r.target,
        _text(r.value),
        _text(r.high),
        r.negate,
        r.delay,
        _text(r.when),
        then,
        r.power,
        r.assign,
    ]


def recipe_from(data: Any, trees: Mapping[str, Node]) -> Recipe:
    """The recipe of `recipe_data`'s JSON, its expressions' trees from `trees`."""
    text, kind, target, value, high, negate, delay, when, then, power, assign = data
    if (
        kind not in KINDS
        or not all(type(s) is str for s in (text, target, power))
        or type(delay) is not int
        or type(negate) is not bool
        or type(assign) is not bool
    ):
        raise ValueError(f"not a recipe: {data!r:.60}")

    def expr(key: Any) -> Expr | None:
        return None if key is None else (key, trees[key])

    inner = None if then is None else recipe_from(then, trees)
    return Recipe(
        kind, target, text, expr(value), expr(high), negate, delay, expr(when), inner, power, assign
    )


def dump(code: Code) -> dict[str, Any]:
    """What `compiled` needs to make `code` again."""
    return {
        "layout": LAYOUT,
        "conditions": list(code.conditions),
        "numbers": list(code.numbers),
        "effects": [recipe_data(code.recipes[text]) for text in code.effects],
        "trees": {text: tree_data(node) for text, node in code.trees.items()},
    }


def _number(key: str, trees: Mapping[str, Node]) -> Any:
    """A score or weight by its key: a whole number written as one, else an expression."""
    digits = key[1:] if key[:1] == "-" else key
    if digits.isascii() and digits.isdigit():
        return constant(int(key))
    return compile_node(trees[key])


def compiled(scenario: Scenario, data: Any) -> Code:
    """The notation of `scenario` compiled from `dump`'s data, as the checks compile it."""
    if not isinstance(data, dict) or data.get("layout") != LAYOUT:
        raise ValueError("not the notation of this layout")
    trees = {text: tree_of(tree) for text, tree in data["trees"].items()}
    code = Code(trees=trees)
    for text in data["conditions"]:
        code.conditions[text] = compile_node(trees[text]) if text.strip() else always
    for key in data["numbers"]:
        code.numbers[key] = _number(key, trees)
    for item in data["effects"]:
        recipe = recipe_from(item, trees)
        if recipe.text in code.effects:
            raise ValueError(f"two recipes of {recipe.text!r:.60}")
        code.recipes[recipe.text] = recipe
        code.effects[recipe.text] = effect_of(recipe)
    return code
