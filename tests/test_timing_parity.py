"""Timing parity: a person playing one power's historical moves, and giving its historical
answers, meets the same game a computer power on the historical path would. With every
other power on the path too, the game ends as history did — on every seed."""

from __future__ import annotations

import pytest

from game.engine import Decision, Game
from game.scenario import Scenario, load_scenario

from .conftest import MAIN


@pytest.fixture(scope="module")
def main() -> Scenario:
    return load_scenario(MAIN)


def historical_answer(game: Game, decision: Decision) -> str:
    open_ids = [c.id for c in game.choices(decision)]
    marked = [o.option.id for o in game._options(decision) if o.option.historical]
    return next((o for o in marked if o in open_ids), open_ids[0])


def person_plays_history(sc: Scenario, power: str, seed: int) -> str:
    game = Game.new(sc, humans=[power], seed=seed)
    steps: dict[int, list[str]] = {}
    for step in sc.historical_path:
        if step.power == power:
            steps.setdefault(game.content.turn_of(step.date.toordinal()), []).append(step.action)
    while not game.over:
        for d in game.decisions(power):
            game.decide(power, d.id, historical_answer(game, d))
        if game.over:
            break
        for action in [] if game.closing else steps.get(game.state.turn, []):
            if any(m.id == action for m in game.moves(power)):
                game.play(power, action)
        if not game.over:
            game.end_turn()
    assert game.ending is not None
    return game.ending.ending


def test_every_power_on_the_path_ends_in_the_pact(main: Scenario) -> None:
    for seed in range(50):
        game = Game.new(main, seed=seed)
        while not game.over:
            game.end_turn()
        assert game.ending is not None and game.ending.ending == "historical_pact", seed


@pytest.mark.parametrize("power", ["soviet", "britain", "france"])
def test_a_person_playing_history_reaches_the_pact_on_50_of_50_seeds(
    main: Scenario, power: str
) -> None:
    endings = {person_plays_history(main, power, seed) for seed in range(50)}
    assert endings == {"historical_pact"}
