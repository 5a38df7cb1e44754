"""Moves a power could make if a gauge it can read stood higher (or lower): listed as closed,
with the reason, so a newcomer learns that a move exists and what opens it.

Only moves whose whole `when` reads what the power sees are listed: a closed move that read
a hidden draw would tell the player which side of it they stand on. A move held back by
the story (a failing flag, use count or date) is not listed either: it opens when the story
gets there, not by anything the player can raise."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..scenario.closures import compile_node
from ..scenario.notation import Node, names_in, parse_tree
from .decisions import conjuncts, lock_reason

if TYPE_CHECKING:
    from .game import Game

STORY = ("date", "turn")


@dataclass(frozen=True)
class ClosedMove:
    """A move not open now only because a visible gauge is short of its condition."""

    id: str
    title: str
    reason: str
    """The failing parts in words, with the values now: "needs French resolve ≥ 55 — now 48"."""


def closed_moves(game: Game, power: str) -> list[ClosedMove]:
    """The moves of `power` in their dates and limits whose `when` fails only on gauges the
    power can read, in the file's order; none once the game is over or the turn closing."""
    if game.over or game.state.closing:
        return []
    st, out = game.state, []
    for ca in game.content.by_power.get(power, []):
        a = ca.action
        if not a.when.strip() or (ca.once_id and ca.once_id in st.used):
            continue
        if not ca.after <= st.env["date"] <= ca.until or ca.when(st.env):
            continue
        if ca.limited and not game._limits_allow(ca):
            continue
        if not _readable(game, power, a.when):
            continue
        reason = lock_reason(
            a.when,
            st.env,
            game._label,
            lambda v: game.known(power, v),
            game._is_flag,
            game.content.named,
        )
        out.append(ClosedMove(a.id, game.text(a.title), reason))
    return out


def _readable(game: Game, power: str, when: str) -> bool:
    """Whether `when` reads only what `power` sees, and fails only on gauges."""
    try:
        tree = parse_tree(when)
    except Exception:  # the loader has checked it; be safe all the same
        return False
    if not all(game.sees_name(power, n) for n in names_in(tree)):
        return False
    env = game.state.env
    failing = [p for p in conjuncts(tree) if not compile_node(p)(env)]
    return bool(failing) and all(_gauges_only(game, p) for p in failing)


def _gauges_only(game: Game, part: Node) -> bool:
    return all(
        n not in STORY and not n.startswith("uses.") and not game._is_flag(n)
        for n in names_in(part)
    )
