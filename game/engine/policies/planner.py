"""The planner: a computer power that values each move or answer by playing the rest of
the game forward several times and averaging its own ending score.

Honest information: before each rollout the state is determinized for the planning power
(`rollout.determinize`): every variable it cannot see is redrawn from what the scenario
declares and from its own estimate; it never reads a hidden value. Rollouts use their
own generator, derived from the seed, the turn, the power and the decision, never the
game's, and every candidate is tried on the same rollout seeds (paired, so that chance
cancels out between them).
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..content import CompiledAction, CompiledOption
from ..watch import full_window, watch_of
from .rollout import fork_for, play_out

if TYPE_CHECKING:
    from ..game import Game

Step = Callable[["Game"], None]


@dataclass(frozen=True)
class Valued:
    label: str
    mean: float
    spread: float
    value: float
    """The mean, less the power's fear of spread, plus its bias for the historical."""


class Planner:
    def __init__(self, power: str, rollouts: int) -> None:
        self.power = power
        self.rollouts = rollouts

    # -- decisions -------------------------------------------------------------------------
    def moves(self, game: Game) -> None:
        """Spend the power's moves of this turn, one at a time, while a move is worth more
        than passing."""
        power, st = self.power, game.state
        while st.budgets.get(power, 0) > 0 and not game.over:
            open_now = [
                ca
                for ca in full_window(watch_of(game.content), power, st.turn)
                if game._open(power, ca) and (ca.fixed_weight is None or ca.fixed_weight > 0)
            ]
            if not open_now:
                return
            historical = {s.action for s in game.content.steps.get((st.turn, power), [])}
            steps: list[tuple[str, Step, bool]] = [("letting the move pass", lambda g: None, False)]
            for ca in open_now:
                steps.append(
                    (game.text(ca.action.title), _play_step(power, ca), ca.action.id in historical)
                )
            values = self._value(game, steps)
            best = max(range(len(values)), key=lambda i: values[i].value)
            if best == 0:
                return
            reason = self._reason(game, values, best, "it")
            game._play(power, open_now[best - 1], reason=reason)

    def answer(self, game: Game, options: list[CompiledOption]) -> tuple[CompiledOption, str]:
        """The answer worth most to the power, and why."""
        if len(options) == 1:
            return options[0], f"no other answer was open to {game.names[self.power]}"
        steps = [
            (
                f"'{game.text(o.option.label).rstrip('.')}'",
                _answer_step(self.power, o),
                o.option.historical,
            )
            for o in options
        ]
        values = self._value(game, steps)
        best = max(range(len(values)), key=lambda i: values[i].value)
        return options[best], self._reason(game, values, best, "it")

    # -- valuing ---------------------------------------------------------------------------
    def _value(self, game: Game, steps: list[tuple[str, Step, bool]]) -> list[Valued]:
        st = game.state
        st.planner_calls += 1
        rng = random.Random(f"{game.seed}:{st.turn}:{self.power}:{st.planner_calls}")
        per = max(2, self.rollouts // len(steps))
        seeds = [rng.getrandbits(64) for _ in range(per)]
        settings = game.scenario.power(self.power).planner
        risk = settings.risk / 100 if settings else 0.0
        bias = settings.history if settings else 0
        out = []
        for label, step, historical in steps:
            scores = [self._rollout(game, step, seed) for seed in seeds]
            mean = statistics.fmean(scores)
            spread = statistics.pstdev(scores)
            out.append(
                Valued(label, mean, spread, mean - risk * spread + (bias if historical else 0))
            )
        return out

    def _rollout(self, game: Game, step: Step, seed: int) -> float:
        g = fork_for(game, self.power, seed)
        step(g)
        return play_out(g, self.power)

    def _reason(self, game: Game, values: list[Valued], best: int, what: str) -> str:
        others = [v for i, v in enumerate(values) if i != best]
        name = game.names[self.power]
        chosen = values[best]
        if not others:
            return ""
        runner = max(others, key=lambda v: v.value)
        return (
            f"{name} reckons {what} worth {chosen.mean:.0f} of 100, "
            f"against {runner.mean:.0f} for {runner.label.rstrip('.')}"
        )


def _play_step(power: str, ca: CompiledAction) -> Step:
    def step(g: Game) -> None:
        if g._open(power, ca):
            g._play(power, ca)

    return step


def _answer_step(power: str, option: CompiledOption) -> Step:
    def step(g: Game) -> None:
        g._apply_option(power, "", option, "", None)

    return step
