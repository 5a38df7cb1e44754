"""Per-game draws of the starting state, and the estimates powers hold of what they
cannot see. All chance comes from the game's one seeded generator, in file order, so a
seed always draws the same game."""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections.abc import Sequence

from ..scenario.models import Flag, Scenario, Variable, WeightedStart
from .state import Estimate, State


def below(rng: random.Random, n: int) -> int:
    """`rng.randrange(n)`, the same draw from the same bits, with fewer calls: as
    `Random._randbelow` makes it, the fewest bits that hold `n` are drawn until they fall
    below it (`tests/test_draws_below.py` holds the two equal)."""
    if n <= 0:
        raise ValueError("empty range for randrange()")
    k = n.bit_length()
    getrandbits = rng.getrandbits
    r = getrandbits(k)
    while r >= n:
        r = getrandbits(k)
    return r


def between(rng: random.Random, low: int, high: int) -> int:
    """`rng.randrange(low, high + 1)` (`randint`): `below` from `low`."""
    return low + below(rng, high - low + 1)


def weighted_index(rng: random.Random, weights: Sequence[int], rest: int = 0) -> int | None:
    """The index drawn by `weights` (none negative) from one `randrange` over their sum and
    `rest`; None when the roll falls in `rest`, or, with nothing to draw, without a roll."""
    total = sum(weights)
    if total + rest <= 0:
        return None
    roll = below(rng, total + rest)
    if roll >= total:
        return None
    index = 0
    while roll >= weights[index]:
        roll -= weights[index]
        index += 1
    return index


def start_of(var: Variable, rng: random.Random) -> int:
    """A variable's start: drawn from its range or by its weights, or as declared (which
    takes nothing from the generator)."""
    start = var.start
    if isinstance(start, list):
        low, high = start
        return between(rng, low, high)  # randint, with fewer calls
    if isinstance(start, WeightedStart):
        weights = start.weights or [1] * len(start.values)
        return rng.choices(start.values, weights)[0]
    return start


def flag_start_of(flag: Flag, rng: random.Random) -> int:
    """A flag's start: drawn by its `start_chance` (in percent), or as declared."""
    chance = flag.start_chance
    return int(below(rng, 100) < chance) if chance is not None else int(flag.start)


def drawn_starts(sc: Scenario) -> tuple[list[Variable], list[Flag]]:
    """The variables and flags whose start is drawn, in file order (none in format 1)."""
    return (
        [v for v in sc.variables if isinstance(v.start, list | WeightedStart)],
        [f for f in sc.flags if f.start_chance is not None],
    )


Start = tuple[Variable, int, int, list[int], list[int], float]
"""A drawn start made ready (`ready_starts`): the variable; for a range its least value and
width (then no values); for weights the values, their running sums and total."""


def ready_starts(variables: Sequence[Variable]) -> list[Start]:
    """What `start_of` works out for each drawn start, worked out once: the draws that
    `draw_start` then makes are `start_of`'s own (a range's `between`, `Random.choices`'s
    bisection of the running sums), from the same numbers of the generator."""
    out: list[Start] = []
    for var in variables:
        start = var.start
        if isinstance(start, list):
            low, high = start
            width = high - low + 1  # an empty range is left to `start_of`, which refuses it
            out.append((var, low, width if width > 0 else 0, [], [], 0.0))
            continue
        assert isinstance(start, WeightedStart)
        weights = start.weights or [1] * len(start.values)
        sums = list(itertools.accumulate(weights))
        total = sums[-1] + 0.0 if sums and len(sums) == len(start.values) else 0.0
        # a start that `choices` refuses is left to it (width 0: drawn by `start_of`)
        ok = total > 0.0 and math.isfinite(total)
        out.append((var, 0, -1 if ok else 0, list(start.values), sums, total))
    return out


def draw_start(
    variables: Sequence[Start], flags: Sequence[Flag], env: dict[str, int], rng: random.Random
) -> dict[str, int]:
    """Draw the starts of `variables` (made ready, `ready_starts`) and `flags`
    (`drawn_starts`) into `env`; returns what was drawn."""
    drawn: dict[str, int] = {}
    for var, low, width, values, sums, total in variables:
        if width > 0:
            drawn[var.id] = low + below(rng, width)
        elif width < 0:  # `Random.choices(values, weights)[0]`, its sums made once
            drawn[var.id] = values[bisect.bisect(sums, rng.random() * total, 0, len(values) - 1)]
        else:
            drawn[var.id] = start_of(var, rng)
    for flag in flags:
        drawn[flag.id] = flag_start_of(flag, rng)
    env.update(drawn)
    return drawn


def estimating(sc: Scenario) -> list[tuple[str, str, int]]:
    """(power, variable, error) of every power's estimate of a variable, in file order."""
    return [(power, v.id, v.error) for v in sc.variables for power in v.estimated_by]


def first_estimates(
    estimates: Sequence[tuple[str, str, int]], rng: random.Random
) -> dict[tuple[str, str], Estimate]:
    """Each estimating power's first belief (`estimating`): off by at most `error`, either
    way."""
    out = {}
    getrandbits = rng.getrandbits
    for power, var, error in estimates:  # `between(rng, -error, error)`, inlined
        n = 2 * error + 1
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        out[(power, var)] = Estimate(r - error, error, "first estimate")
    return out


def reveal(state: State, power: str, var: str, within: int, source: str) -> None:
    """Narrow (or open) `power`'s estimate of `var` to give or take `within`."""
    within = max(0, within)
    state.estimates[(power, var)] = Estimate(
        between(state.rng, -within, within) if within else 0, within, source
    )


def mislead(state: State, power: str, var: str, by: int, default: int) -> None:
    """Shift `power`'s estimate of `var` by `by`: it still reads as an estimate, and names
    the source it had before (the misled power never learns who misled it)."""
    old = state.estimates.get((power, var)) or Estimate(0, default, "reports reaching you")
    state.estimates[(power, var)] = Estimate(old.offset + by, old.error, old.source)


def interval(state: State, power: str, var: str, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """What `power` believes of `var` now, as (low, high) within the bounds; None if it
    holds no estimate.

    The range is cut at the bounds, not slid inside them: what lies past a bound is no
    value at all, so a guess near the edge is sharper by what the bounds themselves say
    (sliding it, tried, took from every power what the number's range tells it)."""
    est = state.estimates.get((power, var))
    if est is None:
        return None
    low, high = bounds
    centre = state.env[var] + est.offset
    return (max(low, min(high, centre - est.error)), max(low, min(high, centre + est.error)))
