"""Lines for what a power sees of its own draws: a player who knows at the start which
Stalin, or which Prime Minister's red line, the game drew plays the plan made for that
draw. For each drawn variable the power sees exactly (`seen_by`, a start with a few
values), and each of its values, the search climbs a plan on seeds that drew that value;
the adaptive player knows these plans as lines it may change to. A plan that is best on
average can be far from best for the draw in hand (an alliance may pay a Stalin of
collective security more than the pact that pays best on average)."""

from __future__ import annotations

from collections.abc import Callable

from ..engine import Game
from ..engine.state import sees
from ..scenario import Scenario
from ..scenario.models import WeightedStart
from .runner import Record
from .search import Evaluate, Mutations, best_starts, climb, plan_of
from .stats import mean
from .strategies import Plan

MAX_VALUES = 5
"""A seen variable drawn from more values than this gets no lines of its own."""
SCAN = 40
"""Seeds scanned for each seed wanted, at most, before a value is given up as too rare."""

Scores = Callable[[Plan, list[int]], list[float]]
"""The analysed power's scores with a plan on the given seeds."""


def seen_draws(sc: Scenario, power: str) -> list[tuple[str, list[int]]]:
    """The drawn variables `power` sees exactly, with the values each may take."""
    return [
        (v.id, sorted(set(v.start.values)))
        for v in sc.variables
        if isinstance(v.start, WeightedStart)
        and sees(power, v.seen_by)
        and 1 < len(set(v.start.values)) <= MAX_VALUES
    ]


def seeds_drawing(sc: Scenario, var: str, value: int, first: int, count: int) -> list[int]:
    """The first `count` seeds from `first` whose game draws `var` at `value` (fewer if
    the value is rare)."""
    found: list[int] = []
    for seed in range(first, first + count * SCAN):
        if Game.new(sc, seed=seed).state.env[var] == value:
            found.append(seed)
            if len(found) == count:
                break
    return found


def drawn_lines(
    sc: Scenario,
    power: str,
    scores: Scores,
    pool: list[Plan],
    games: list[Record],
    mutate: Mutations,
    iterations: int,
    count: int,
    seed: int,
) -> list[Plan]:
    """A plan for each value of each draw `power` sees: climbed for `iterations` steps on
    `count` seeds that drew the value, from the best on those seeds of `pool` and of the
    plans of the best `count` of `games` that drew it."""
    lines: list[Plan] = []
    for var, values in seen_draws(sc, power):
        drew = {r.seed: Game.new(sc, seed=r.seed).state.env[var] for r in games}
        for value in values:
            best_games = sorted((r for r in games if drew[r.seed] == value), key=lambda r: -r.score)
            starts_pool = [*pool, *(plan_of(r) for r in best_games[:count])]
            seeds = seeds_drawing(sc, var, value, seed + 60_000 + 1_000 * value, count)
            if not seeds:
                continue
            memo: dict[Plan, float] = {}

            def evaluate(
                plan: Plan, seeds: list[int] = seeds, memo: dict[Plan, float] = memo
            ) -> float:
                if plan not in memo:
                    memo[plan] = mean(scores(plan, seeds))
                return memo[plan]

            judge: Evaluate = evaluate
            starts = best_starts(starts_pool, judge, 1)
            lines += climb(starts, judge, mutate, iterations, seed + value)
    return list(dict.fromkeys(lines))
