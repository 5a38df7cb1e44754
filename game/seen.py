"""What a power may be told: whether a condition or a score reads only what it sees, what
the reckoning of where it stands reads, and so how each region of the map stands for it.
Shared by the UI and plain mode."""

from __future__ import annotations

from collections.abc import Iterator

from game.engine import Game, Outcome
from game.scenario.mapmodel import Region, RegionState
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


def reckoning_reads(game: Game, power: str, outcome: Outcome) -> list[str]:
    """What telling `power` the reckoned `outcome` and its score there would read: the
    condition of every ending checked before it (that none of them holds is told too; all of
    them when it is the fallback), its own condition and the power's score in it."""
    endings = game.scenario.endings
    chosen = next(e for e in endings if e.id == outcome.ending)
    checked = endings if not chosen.when.strip() else endings[: endings.index(chosen)]
    score = chosen.scores.get(power, 0)
    return [
        *(e.when for e in checked if e.when.strip()),
        chosen.when,
        score if isinstance(score, str) else "",
    ]


def may_reckon(game: Game, power: str, outcome: Outcome) -> bool:
    """Whether `power` may be told that the game stands at `outcome` and its score there."""
    return all(
        visible(game, power, text) for text in reckoning_reads(game, power, outcome) if text.strip()
    )


def map_states(game: Game, power: str | None) -> list[tuple[Region, RegionState | None]]:
    """Each region of the scenario's map with the first state whose condition holds and that
    `power` may see (None: nothing to tell); no map, no regions."""
    section = game.scenario.map
    if section is None:
        return []
    env = game.state.env
    conditions = game.scenario.code.conditions
    return [
        (
            region,
            next(
                (
                    s
                    for s in region.states
                    if visible(game, power, s.when) and conditions[s.when](env)
                ),
                None,
            ),
        )
        for region in section.regions
    ]
