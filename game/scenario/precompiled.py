"""A scenario's notation kept beside it in a signed cache entry: which texts were compiled,
and the tree of every expression, so that a later run compiles without parsing.

Only for an entry this install signed (see `cache`): the scenario passed every check when
it was written, so the checks are not run again. Each text is compiled by the same
functions as the checks use (`parse_condition`, `parse_number`, `parse_effect`), with the
trees looked up rather than parsed (`parser.KNOWN`): the closures are the same. Anything
unexpected in the data raises, and the cache checks the scenario instead.
"""

from __future__ import annotations

from typing import Any

from .code import Code
from .effects import parse_effect
from .models import Scenario
from .notation import parse_condition, parse_number
from .parser import KNOWN, Node

LAYOUT = 1


def tree_data(node: Node) -> list[Any]:
    """A tree as JSON: [op, value, column, *arguments]."""
    return [node.op, node.value, node.col, *(tree_data(arg) for arg in node.args)]


def tree_of(data: Any) -> Node:
    op, value, col, *args = data
    if type(op) is not str or type(value) not in (int, str) or type(col) is not int:
        raise ValueError(f"not a tree: {data!r:.60}")
    return Node(op, tuple(tree_of(arg) for arg in args), value, col)


def dump(code: Code) -> dict[str, Any]:
    """What `compiled` needs to make `code` again."""
    return {
        "layout": LAYOUT,
        "conditions": list(code.conditions),
        "numbers": list(code.numbers),
        "effects": list(code.effects),
        "trees": {text: tree_data(node) for text, node in code.trees.items()},
    }


def compiled(scenario: Scenario, data: Any) -> Code:
    """The notation of `scenario` compiled from `dump`'s data, as the checks compile it."""
    from .checks import names_of

    if not isinstance(data, dict) or data.get("layout") != LAYOUT:
        raise ValueError("not the notation of this layout")
    trees = {text: tree_of(tree) for text, tree in data["trees"].items()}
    names = names_of(scenario)
    code = Code(trees=trees)
    token = KNOWN.set(trees)
    try:
        for text in data["conditions"]:
            code.conditions[text] = parse_condition(text, names)
        for key in data["numbers"]:
            number = int(key) if key.isascii() and key.isdigit() else key
            code.numbers[key] = parse_number(number, names)
        for text in data["effects"]:
            code.effects[text] = parse_effect(text, names)
    finally:
        KNOWN.reset(token)
    return code
