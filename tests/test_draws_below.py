"""The engine's own draws (`draws.below`, `draws.between`) take the same numbers from the
generator as `random.Random.randrange`, so that a seed draws the same game."""

from __future__ import annotations

import random

import pytest

from game.engine.draws import below, between


@pytest.mark.parametrize("n", [1, 2, 3, 7, 8, 9, 100, 101, 255, 256, 257, 1000, 2**40 + 3])
def test_below_is_randrange(n: int) -> None:
    ours, theirs = random.Random(n), random.Random(n)
    assert [below(ours, n) for _ in range(500)] == [theirs.randrange(n) for _ in range(500)]
    assert ours.getstate() == theirs.getstate()


@pytest.mark.parametrize(("low", "high"), [(0, 0), (-5, 5), (3, 9), (-10, -2), (1, 100)])
def test_between_is_randrange(low: int, high: int) -> None:
    ours, theirs = random.Random(low * 31 + high), random.Random(low * 31 + high)
    got = [between(ours, low, high) for _ in range(300)]
    assert got == [theirs.randrange(low, high + 1) for _ in range(300)]
    assert ours.getstate() == theirs.getstate()


@pytest.mark.parametrize("n", [0, -1])
def test_below_refuses_an_empty_range(n: int) -> None:
    with pytest.raises(ValueError):
        below(random.Random(1), n)
