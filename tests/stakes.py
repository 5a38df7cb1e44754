"""What the alternates' stake tests share: a bundled scenario by name, a game started from
its first turn with some variables set, and what a move changed there."""

from __future__ import annotations

from functools import cache

from game.engine import Game
from game.scenario import Scenario, load_scenario

from .conftest import MAIN, ROOT


@cache
def scenario(name: str) -> Scenario:
    return load_scenario(MAIN if name == "moscow_1939" else ROOT / "scenarios" / f"{name}.toml")


def game(name: str, power: str, **env: int) -> Game:
    """A historical game of seed 0 with `power` played by hand and `env` set."""
    g = Game.new(scenario(name), humans=(power,), seed=0, policy="historical")
    g.state.env.update(env)
    return g


def played(name: str, power: str, move: str, times: int = 1, **env: int) -> dict[str, int]:
    """What `times` uses of `move` by `power` changed, from a game's start with `env` set."""
    g = game(name, power, **env)
    before = dict(g.state.env)
    for _ in range(times):
        g._play(power, g.content.actions[move])
    return {key: g.state.env[key] - before[key] for key in before}


def chosen(name: str, event: str, choice: str, power: str, **env: int) -> dict[str, int]:
    """What `power`'s `choice` in `event` changed, from a game's start with `env` set."""
    g = game(name, power, **env)
    before = dict(g.state.env)
    (option,) = [o for o in g.content.events[event].choices if o.option.id == choice]
    g._apply_option(power, event, option, "", None)
    return {key: g.state.env[key] - before[key] for key in before}


def score(name: str, ending: str, power: str, **env: int) -> float:
    """`power`'s score in `ending` of scenario `name`, in a game's opening state with `env`."""
    sc = scenario(name)
    g = game(name, power, **env)
    (found,) = [e for e in sc.endings if e.id == ending]
    return float(sc.code.numbers[str(found.scores[power])](g.state.env))
