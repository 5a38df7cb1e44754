"""What a power may be told: whether a condition or a score reads only what it sees."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import Game
from game.scenario.parser import Node, parse_tree


def _names(node: Node) -> Iterator[str]:
    if node.op == "name":
        yield str(node.value)
    for arg in node.args:
        yield from _names(arg)


def visible(game: Game, power: str | None, when: str) -> bool:
    """Whether `power` sees every variable and flag the condition `when` reads."""
    if power is None or game.over:
        return True
    names = [n for n in _names(parse_tree(when)) if n not in ("date", "turn")]
    return all(game.sees_name(power, n.removeprefix("uses.")) for n in names)
