"""Rollouts for the planner: a quiet copy of the game, determinized for one power, played
to its end (or to the power's horizon) by the cheap policies."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from ...scenario.models import Flag, Variable
from ..draws import flag_start_of, start_of
from ..state import State
from ..watch import copied

if TYPE_CHECKING:
    from ..game import Game


def hidden(game: Game, power: str) -> tuple[list[Variable], list[Flag]]:
    """The variables and flags `power` cannot see (cached on the content)."""
    cache: dict[str, tuple[list[Variable], list[Flag]]] = game.content.__dict__.setdefault(
        "_hidden", {}
    )
    found = cache.get(power)
    if found is None:
        sc = game.scenario
        found = (
            [v for v in sc.variables if not game.sees(power, v.seen_by)],
            [f for f in sc.flags if not game.sees(power, f.seen_by)],
        )
        cache[power] = found
    return found


def determinize(game: Game, power: str, rng: random.Random) -> dict[str, int]:
    """The state as `power` might believe it: every value it cannot see is drawn from its
    estimate, or from the scenario's declared start (drawn again where it is drawn); the
    true hidden values are never read, only the intervals the power is shown."""
    env = dict(game.state.env)
    variables, flags = hidden(game, power)
    for var in variables:
        interval = game.estimate(power, var.id)
        env[var.id] = rng.randint(*interval) if interval is not None else start_of(var, rng)
    for flag in flags:
        env[flag.id] = flag_start_of(flag, rng)
    return env


def fork_for(game: Game, power: str, seed: int, seated: bool = False) -> Game:
    """A quiet copy of the game as `power` may believe it, every power computer-played by
    its cheap policy (planners by the weights), with a generator of its own. `seated`: a
    person playing `power` keeps the seat in the copy, with the questions waiting for it,
    so that a script can play the copy on through the public commands."""
    rng = random.Random(seed)
    st = game.state
    g = object.__new__(type(game))
    g.scenario, g.content, g.seed, g.names = game.scenario, game.content, game.seed, game.names
    g.humans = (power,) if seated and power in game.humans else ()
    g.policy = "weighted"
    g.historical = game.historical
    g.planners = {}
    g._quiet = True
    g._phase = game._phase
    g._new = []
    g._cause = game._cause
    g.state = State(
        turn=st.turn,
        env=determinize(game, power, rng),
        rng=rng,
        budgets=dict(st.budgets),
        used=set(st.used),
        fired=set(st.fired),
        scheduled=list(st.scheduled),
        pending=list(st.pending),
        off_path=set(st.off_path),
        draws=st.draws,
        estimates=dict(st.estimates),
        last_used=dict(st.last_used),
        extra_moves=dict(st.extra_moves),
        moves_set=dict(st.moves_set),
    )
    if g.humans:
        g.state.decisions = [d for d in st.decisions if d.power == power]
    if st.sleep is not None:
        # What sleeps in the game sleeps in the copy, but for what reads a value drawn again.
        variables, flags = hidden(game, power)
        drawn = [v.id for v in variables] + [f.id for f in flags]
        g.state.sleep = copied(st.sleep, drawn)
    return g


def play_out(g: Game, power: str) -> float:
    """Play the copy on from the decision to the end, or to the power's horizon; the
    power's ending score (or its value of the state at the horizon)."""
    settings = g.scenario.power(power).planner
    horizon = settings.horizon if settings and settings.horizon else None
    stop = g.state.turn + horizon if horizon else None
    if not g.over and g._phase != "start":
        g._close_turn()
    while not g.over:
        if stop is not None and g.state.turn >= stop:
            assert settings is not None
            value = g.scenario.code.numbers[str(settings.value)](g.state.env)
            return float(max(0, min(100, value)))
        g.end_turn()
    assert g.state.outcome is not None
    return float(g.state.outcome.scores.get(power, 0))
