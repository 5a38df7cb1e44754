"""The engine's own draws (`draws.below`, `draws.between`, `draw_start`) take the same
numbers from the generator as `random.Random`'s, so that a seed draws the same game."""

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


def test_starts_made_ready_draw_as_start_of() -> None:
    """`draw_start` over `ready_starts` takes the same values, from the same numbers of the
    generator, as `start_of` variable by variable."""
    from game.engine.draws import draw_start, ready_starts, start_of
    from game.scenario.models import Variable, WeightedStart

    variables = [
        Variable(id="a", label="A", start=[3, 9]),
        Variable(id="b", label="B", start=WeightedStart(values=[1, 2, 3], weights=[0, 5, 1])),
        Variable(id="c", label="C", start=WeightedStart(values=[10, 20])),
        Variable(id="d", label="D", start=[40, 40]),
        Variable(id="e", label="E", start=WeightedStart(values=[7], weights=[2])),
    ]
    ready = ready_starts(variables)
    for seed in range(300):
        ours, theirs = random.Random(seed), random.Random(seed)
        got = draw_start(ready, [], {}, ours)
        assert got == {v.id: start_of(v, theirs) for v in variables}
        assert ours.getstate() == theirs.getstate()


def test_a_start_that_choices_refuses_is_still_refused() -> None:
    from game.engine.draws import draw_start, ready_starts
    from game.scenario.models import Variable, WeightedStart

    nothing = Variable(id="z", label="Z", start=WeightedStart(values=[1, 2], weights=[0, 0]))
    with pytest.raises(ValueError):
        draw_start(ready_starts([nothing]), [], {}, random.Random(1))
