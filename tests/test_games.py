"""Whole games: deterministic for a seed, and every game ends."""

from __future__ import annotations

import pytest

from game.engine import Game
from game.scenario import Scenario, load_scenario

from .conftest import MAIN, TINY

SCENARIOS = [TINY] + ([MAIN] if MAIN.exists() else [])


def play_out(sc: Scenario, seed: int, policy: str = "random") -> Game:
    """A game with every power computer-played, to its end."""
    g = Game.new(sc, humans=(), seed=seed, policy=policy)
    for _ in range(len(sc.calendar) + 1):
        if g.over:
            break
        g.end_turn()
    return g


def fingerprint(g: Game) -> tuple[object, ...]:
    st = g.state
    return (
        tuple(sorted(st.env.items())),
        tuple(st.dispatches),
        g.ending,
        tuple(sorted(st.used)),
        tuple(sorted(st.fired)),
        st.rng.getstate(),
    )


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_same_seed_same_game(path: object) -> None:
    sc = load_scenario(str(path))
    fresh = load_scenario(str(path))  # a second load must not matter either
    for seed in range(40):
        assert fingerprint(play_out(sc, seed)) == fingerprint(play_out(fresh, seed))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_game_terminates(path: object) -> None:
    sc = load_scenario(str(path))
    for seed in range(200):
        for policy in ("random", "historical"):
            g = play_out(sc, seed, policy)
            assert g.over, f"seed {seed} ({policy}) did not end"
            assert g.state.turn <= len(sc.calendar)


def test_seeds_matter_under_the_random_policy() -> None:
    sc = load_scenario(str(SCENARIOS[-1]))
    assert len({fingerprint(play_out(sc, seed))[0] for seed in range(30)}) > 1
