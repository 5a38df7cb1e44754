"""Per-game draws of the starting state, and the estimates powers hold of what they
cannot see. All chance comes from the game's one seeded generator, in file order, so a
seed always draws the same game."""

from __future__ import annotations

import random

from ..scenario.models import Scenario, WeightedStart
from .state import Estimate, State


def draw_start(sc: Scenario, env: dict[str, int], rng: random.Random) -> dict[str, int]:
    """Draw every drawn start into `env`; returns what was drawn (none for a format-1 file,
    which takes nothing from the generator)."""
    drawn: dict[str, int] = {}
    for var in sc.variables:
        start = var.start
        if isinstance(start, list):
            low, high = start
            drawn[var.id] = rng.randint(low, high)
        elif isinstance(start, WeightedStart):
            weights = start.weights or [1] * len(start.values)
            drawn[var.id] = rng.choices(start.values, weights)[0]
    for flag in sc.flags:
        if flag.start_chance is not None:
            drawn[flag.id] = int(rng.randrange(100) < flag.start_chance)
    env.update(drawn)
    return drawn


def first_estimates(sc: Scenario, rng: random.Random) -> dict[tuple[str, str], Estimate]:
    """Each estimating power's first belief: off by at most `error`, either way."""
    out: dict[tuple[str, str], Estimate] = {}
    for var in sc.variables:
        for power in var.estimated_by:
            out[(power, var.id)] = Estimate(
                rng.randint(-var.error, var.error), var.error, "first estimate"
            )
    return out


def reveal(state: State, power: str, var: str, within: int, source: str) -> None:
    """Narrow (or open) `power`'s estimate of `var` to give or take `within`."""
    within = max(0, within)
    state.estimates[(power, var)] = Estimate(
        state.rng.randint(-within, within) if within else 0, within, source
    )


def mislead(state: State, power: str, var: str, by: int, default: int) -> None:
    """Shift `power`'s estimate of `var` by `by`: it still reads as an estimate, and names
    the source it had before (the misled power never learns who misled it)."""
    old = state.estimates.get((power, var)) or Estimate(0, default, "reports reaching you")
    state.estimates[(power, var)] = Estimate(old.offset + by, old.error, old.source)


def interval(state: State, power: str, var: str, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """What `power` believes of `var` now, as (low, high) within the bounds; None if it
    holds no estimate."""
    est = state.estimates.get((power, var))
    if est is None:
        return None
    low, high = bounds
    centre = state.env[var] + est.offset
    return (max(low, min(high, centre - est.error)), max(low, min(high, centre + est.error)))
