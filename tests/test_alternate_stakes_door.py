"""The stakes of the open door through Poland on what each power can know and the others
cannot: the Kremlin's summer moves pay by Stalin's drawn line, which only Moscow sees; the
Soviet plan shames a London whose Prime Minister's distrust runs deep; and Drax's written
powers, given as the mission sails, cost that Prime Minister at home and at the table."""

from __future__ import annotations

from functools import cache

import pytest

from game.engine import Game
from game.scenario import Scenario, load_scenario

from .conftest import MAIN, ROOT

DOOR = "door_through_poland"
STALIN = (35, 50, 65)


@cache
def scenario(name: str) -> Scenario:
    return load_scenario(MAIN if name == "moscow_1939" else ROOT / "scenarios" / f"{name}.toml")


def game(name: str, power: str, **env: int) -> Game:
    g = Game.new(scenario(name), humans=(power,), seed=0, policy="historical")
    g.state.env.update(env)
    return g


def played(name: str, power: str, move: str, **env: int) -> dict[str, int]:
    """What one use of `move` by `power` changed, from a game's start with `env` set."""
    g = game(name, power, **env)
    before = dict(g.state.env)
    g._play(power, g.content.actions[move])
    return {key: g.state.env[key] - before[key] for key in before}


def chosen(name: str, event: str, choice: str, power: str, **env: int) -> dict[str, int]:
    """What `power`'s `choice` in `event` changed, from a game's start with `env` set."""
    g = game(name, power, **env)
    before = dict(g.state.env)
    (option,) = [o for o in g.content.events[event].choices if o.option.id == choice]
    g._apply_option(power, event, option, "", None)
    return {key: g.state.env[key] - before[key] for key in before}


MOVES = [
    ("replace_litvinov", [-10, 4, 4]),
    ("molotov_speech", [-8, 4, 4]),
    ("insist_indirect_aggression", [-8, 4, 4]),
    ("cardinal_question", [-2, -2, 6]),
]


@pytest.mark.parametrize(("move", "expected"), MOVES)
def test_the_kremlins_summer_moves_pay_by_stalins_line(move: str, expected: list[int]) -> None:
    env = {"soviet_gains": 20, "missions_arrived": 1, "soviet_draft_tabled": 1}
    gains = [played(DOOR, "soviet", move, stalin_line=v, **env)["soviet_gains"] for v in STALIN]
    assert gains == expected
    main = [
        played("moscow_1939", "soviet", move, stalin_line=v, **env)["soviet_gains"] for v in STALIN
    ]
    assert len(set(main)) == 1


def test_the_soviet_plan_shames_a_london_of_deep_distrust() -> None:
    env = {"soviet_gains": 20, "missions_arrived": 1}
    gains = [
        played(DOOR, "soviet", "soviet_military_plan", chamberlain_line=line, **env)["soviet_gains"]
        for line in (58, 70)
    ]
    assert gains == [-6, 6]
    assert played("moscow_1939", "soviet", "soviet_military_plan", **env)["soviet_gains"] == 0


def test_drax_written_powers_cost_a_prime_minister_of_deep_distrust() -> None:
    env = {"british_gains": 20, "cabinet_standing": 50, "british_resolve": 60}
    low, high = (
        chosen(
            DOOR, "mission_instructions", "sea_with_powers", "britain", chamberlain_line=x, **env
        )
        for x in (58, 70)
    )
    assert low["british_gains"] == 4 and high["british_gains"] == -6
    assert high["cabinet_standing"] == low["cabinet_standing"] - 5
    main = chosen(
        "moscow_1939", "mission_instructions", "sea_with_powers", "britain", chamberlain_line=70
    )
    assert main["british_gains"] == 0
