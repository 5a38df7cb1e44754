"""The adaptive player of the analysis: the best fixed plan, improved by looking ahead.

At each of its decisions it values every open answer (or every open move, and letting the
action pass) by playing copies of the game on to their end, the power following the plan
from there, and keeps the plan's own pick unless another does better on the same copies.
The copies are determinized for the power (`fork_for`): what it cannot see is drawn from
its estimates, never read. So this is the plan with a reader's eye: it departs from the
plan only where what the power has seen so far says another choice pays, and it scores
what memorising the best plan leaves to skill (one step of policy improvement by rollouts,
Bertsekas and Tsitsiklis, 1996).

It may also change plans: the other good fixed plans the search found (`others`) are
candidates too, each valued by its own pick now and itself from there on, and the one that
wins on the copies is followed from then on. A player who knows several lines and takes
the one the game so far calls for is reading the game as much as one who improvises."""

from __future__ import annotations

import math
import random
import statistics
from dataclasses import dataclass
from typing import TypeVar

from ..engine import Decision, Game, Move
from ..engine.policies.rollout import fork_for
from .strategies import Plan

T = TypeVar("T")
_UNUSED = random.Random(0)
"""A plan draws nothing: the generator its methods take is never read."""


def follow(g: Game, power: str, plan: Plan) -> float:
    """Play the copy `g` on to its end, `power` by `plan`; its ending score."""
    while not g.over:
        for decision in g.decisions(power):
            g.decide(power, decision.id, plan.answer(g, decision, _UNUSED))
            if g.over:
                break
        if not g.over and not g.closing:
            while True:
                moves = [m for m in g.moves(power) if m.cost <= g.budget(power)]
                pick = plan.move(g, power, moves, _UNUSED) if moves else None
                if pick is None:
                    break
                g.play(power, pick)
                if g.over:
                    break
        if not g.over:
            g.end_turn()
    assert g.ending is not None
    return float(g.ending.scores.get(power, 0))


@dataclass(frozen=True)
class Improved:
    plan: Plan
    rollouts: int = 8
    """Copies played for each candidate (the same copies for every candidate)."""
    others: tuple[Plan, ...] = ()
    """Other fixed plans it may change to for the rest of the game."""
    name: str = "improved"

    def _plans(self) -> tuple[Plan, ...]:
        return (self.plan, *(p for p in self.others if p != self.plan))

    def _current(self, game: Game) -> int:
        """The index in `_plans()` of the plan followed now (the first, until a change)."""
        return int(game.__dict__.get("_improved_plan", 0))

    def _seeds(self, game: Game, slot: str) -> list[int]:
        calls: list[int] = game.__dict__.setdefault("_improved_calls", [0])
        calls[0] += 1
        rng = random.Random(f"improved:{game.seed}:{game.state.turn}:{slot}:{calls[0]}")
        return [rng.getrandbits(64) for _ in range(self.rollouts)]

    def _best(self, base: T, candidates: list[T], scores: dict[T, list[float]]) -> T:
        """The plan's own pick unless another candidate beats it on the same copies by more
        than a point and by twice the standard error of the paired difference (so that the
        luckiest of many candidates is not taken for the best)."""
        best, margin = base, 0.0
        for c in candidates:
            if c == base:
                continue
            diffs = [a - b for a, b in zip(scores[c], scores[base], strict=True)]
            gain = statistics.fmean(diffs)
            se = statistics.pstdev(diffs) / math.sqrt(len(diffs))
            if gain > max(1.0, 2 * se) and gain - 2 * se > margin:
                best, margin = c, gain - 2 * se
        return best

    def move(self, game: Game, power: str, moves: list[Move], rng: random.Random) -> str | None:
        if not moves:
            return None
        seeds = self._seeds(game, "move")
        plans, now = self._plans(), self._current(game)

        def worth(candidate: tuple[str | None, int]) -> list[float]:
            move_id, k = candidate
            scores = []
            for seed in seeds:
                g = fork_for(game, power, seed, seated=True)
                if move_id is None:
                    g.end_turn()
                else:
                    g.play(power, move_id)
                scores.append(follow(g, power, plans[k]))
            return scores

        def pick(k: int) -> str | None:
            return plans[k].move(game, power, moves, rng)

        candidates = [(c, now) for c in [None, *(m.id for m in moves)]]
        candidates += [(pick(k), k) for k in range(len(plans)) if k != now]
        values = {c: worth(c) for c in dict.fromkeys(candidates)}
        chosen, k = self._best((pick(now), now), list(values), values)
        game.__dict__["_improved_plan"] = k
        return chosen

    def answer(self, game: Game, decision: Decision, rng: random.Random) -> str:
        choices = [c.id for c in game.choices(decision)]
        plans, now = self._plans(), self._current(game)
        base = plans[now].answer(game, decision, rng)
        if len(choices) == 1 and len(plans) == 1:
            return base
        seeds = self._seeds(game, decision.source)
        power = decision.power

        def worth(candidate: tuple[str, int]) -> list[float]:
            option_id, k = candidate
            scores = []
            for seed in seeds:
                g = fork_for(game, power, seed, seated=True)
                g.decide(power, decision.id, option_id)
                scores.append(follow(g, power, plans[k]))
            return scores

        candidates = [(c, now) for c in choices]
        candidates += [
            (plans[k].answer(game, decision, rng), k) for k in range(len(plans)) if k != now
        ]
        values = {c: worth(c) for c in dict.fromkeys(candidates)}
        chosen, k = self._best((base, now), list(values), values)
        game.__dict__["_improved_plan"] = k
        return chosen
