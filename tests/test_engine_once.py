"""Rules the engine says once: who sees what, how a weighted draw is made, how a start is
drawn, which pending replies fall due, how the historical path is indexed. Each is checked
against the separate versions it replaced, draw for draw, so no game changes."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given
from hypothesis import strategies as st

from game.engine import Game
from game.engine.content import CompiledStep, content_of
from game.engine.draws import flag_start_of, start_of, weighted_index
from game.engine.state import Dispatch, audience, sees
from game.scenario import load_scenario
from game.scenario.models import WeightedStart

from .conftest import MAIN, TESTS

CONTEST = TESTS / "scenarios" / "contest.toml"


def test_the_seen_by_rule() -> None:
    assert sees(None, ["soviet"]) and sees(None, frozenset())  # the narrator sees all
    assert sees("britain", None) and sees("britain", ["all"])
    assert sees("soviet", ["soviet"]) and sees("soviet", frozenset({"soviet", "france"}))
    assert not sees("britain", ["soviet"]) and not sees("britain", frozenset())
    assert audience(["all"]) is None and audience(["soviet"]) == frozenset({"soviet"})
    day = Dispatch(1, dt.date(1939, 3, 15), "move", "t", "x", seen_by=frozenset({"soviet"}))
    assert day.visible_to("soviet") and not day.visible_to("britain") and day.visible_to(None)


def _old_rules_weighted(rng: random.Random, weights: list[int]) -> int | None:
    total = sum(weights)
    if total <= 0:
        return None
    roll = rng.randrange(total)
    for index, w in enumerate(weights):
        if roll < w:
            return index
        roll -= w
    raise AssertionError  # pragma: no cover


def _old_moves_weighted(rng: random.Random, weights: list[int], rest: int) -> int | None:
    total = sum(weights)
    if total + rest <= 0:
        return None
    roll = rng.randrange(total + rest)
    if roll >= total:
        return None
    index = 0
    while roll >= weights[index]:
        roll -= weights[index]
        index += 1
    return index


@given(
    st.lists(st.integers(0, 50), min_size=1, max_size=8),
    st.integers(-5, 60),
    st.integers(0, 2**32),
)
def test_one_weighted_draw_for_answers_and_moves(weights: list[int], rest: int, seed: int) -> None:
    for old, new in (
        (lambda r: _old_rules_weighted(r, weights), lambda r: weighted_index(r, weights)),
        (
            lambda r: _old_moves_weighted(r, weights, rest),
            lambda r: weighted_index(r, weights, rest),
        ),
    ):
        a, b = random.Random(seed), random.Random(seed)
        assert old(a) == new(b)
        assert a.getstate() == b.getstate()  # the same draws taken from the generator


def _old_rollout_start(var: object, rng: random.Random) -> int:
    start = var.start  # type: ignore[attr-defined]
    if isinstance(start, list):
        return rng.randint(*start)
    if isinstance(start, WeightedStart):
        return rng.choices(start.values, start.weights or None)[0]
    return int(start)


def test_one_way_to_draw_a_start() -> None:
    for sc in (load_scenario(MAIN), load_scenario(CONTEST)):
        for seed in range(200):
            a, b = random.Random(seed), random.Random(seed)
            for var in sc.variables:
                assert _old_rollout_start(var, a) == start_of(var, b), var.id
            for flag in sc.flags:
                chance = flag.start_chance
                old = int(a.randrange(100) < chance) if chance is not None else int(flag.start)
                assert old == flag_start_of(flag, b)
            assert a.getstate() == b.getstate()


def test_equal_weights_draw_as_no_weights() -> None:
    values = [3, 5, 8, 13]
    for seed in range(500):
        a, b = random.Random(seed), random.Random(seed)
        assert a.choices(values, None)[0] == b.choices(values, [1] * len(values))[0]
        assert a.getstate() == b.getstate()


def test_the_historical_path_is_indexed_by_value_not_identity() -> None:
    content = content_of(load_scenario(MAIN))
    steps = [s for found in content.steps.values() for s in found]
    assert steps and all(isinstance(s, CompiledStep) for s in steps)
    assert all(s.action == s.step.action for s in steps)
    assert not hasattr(content, "step_when")


def test_replies_due_from_people_are_put_to_them() -> None:
    """The one filter of due replies: a person is asked, a computer power answers."""
    sc = load_scenario(MAIN)
    played = {}
    for humans in ((), ("britain",)):
        game = Game.new(sc, humans=humans, seed=5, policy="historical")
        asked = 0
        while not game.over and game.state.turn < 12:
            while game.state.decisions:
                d = game.state.decisions[0]
                asked += d.kind == "reply"
                game.decide(d.power, d.id, game.choices(d)[0].id)
            game.end_turn()
        played[humans] = asked
    assert played[()] == 0 and played[("britain",)] > 0
