"""Endings: which one the state has reached, every power's score, and what it means."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scenario.models import Scenario
from .state import Outcome
from .watch import holds, sleep_of, watch_of

if TYPE_CHECKING:
    from .rules import Rules


def level_of(sc: Scenario, power: str, score: int) -> str:
    """The victory level a score reaches for `power` ('' where none is named; the engine
    reads `Content.levels`, the same order made once)."""
    levels = sorted(sc.power(power).victory.items(), key=lambda kv: -kv[1])
    return next((name for name, least in levels if score >= least), "")


def outcome_of(game: Rules, final: bool) -> Outcome | None:
    """The ending the state has reached (at the end of the calendar, if `final`)."""
    st, content = game.state, game.content
    env = st.env
    watch = watch_of(content)
    sleep = sleep_of(st, watch)
    awake = sleep.endings
    if not awake and not final:
        return None  # every ending asleep: none holds
    sleepers = sleep.sleepers
    chosen = None
    for eid, parts in watch.closing if final else watch.midway:
        if eid in awake and holds(parts, env, eid, awake, sleepers):
            chosen = next(ce for ce in content.endings if ce.ending.id == eid)
            break
    if chosen is None and final:
        chosen = next(ce for ce in content.endings if ce.fallback)
    if chosen is None:
        return None
    e = chosen.ending
    sc = game.scenario
    scores = {
        p: max(0, min(100, int(fn(env)))) if fixed is None else fixed
        for p, fixed, fn in chosen.fixed
    }
    ranked = content.levels
    levels = {
        p: level
        for p, s in scores.items()
        if p in ranked and (level := next((n for n, least in ranked[p] if s >= least), ""))
    }
    date = sc.end if final else st.date
    return Outcome(
        e.id,
        game.text(e.title),
        st.turn,
        date,
        scores,
        game.text(e.epilogue),
        game.text(e.comparison),
        levels,
    )
