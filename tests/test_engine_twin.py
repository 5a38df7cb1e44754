"""A twin of a game ends a turn elsewhere; the game that adopts it is the game that ended
the turn itself, and it is untouched until then."""

from __future__ import annotations

import dataclasses

from game.engine import Game, State
from game.engine.twin import adopt, twin
from game.scenario import load

from .conftest import TESTS


def fields(state: State) -> dict[str, object]:
    out = {f.name: getattr(state, f.name) for f in dataclasses.fields(State)}
    out["rng"] = state.rng.getstate()
    out.pop("sleep")
    return out


def test_a_twin_ends_the_turn_as_the_game_would() -> None:
    sc = load(str(TESTS / "scenarios" / "ui_demo.toml"))
    here = Game.new(sc, humans=("soviet",), seed=7, policy="planner:easy")
    there = Game.new(sc, humans=("soviet",), seed=7, policy="planner:easy")
    for _ in range(3):
        if here.over:
            break
        for g in (here, there):
            while g.state.decisions:
                d = g.state.decisions[0]
                g.decide(d.power, d.id, g.choices(d)[0].id)
        before = fields(here.state)
        other = twin(here)
        new = other.end_turn()
        assert fields(here.state) == before  # the game itself waits, as it was
        adopt(here, other)
        assert new == there.end_turn()
        assert fields(here.state) == fields(there.state)
    assert here.state.turn > 1
