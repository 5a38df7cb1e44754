"""The history screen's content: the real chronology beside this game's, and the notes.

It reads the scenario (the calendar, dated events, the historical path, history notes)
and the game's dispatches as a power may see them; it changes nothing. No Textual here.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from game.engine import Game
from game.scenario.models import HistoryNote, fallback


@dataclass
class Week:
    """One turn: what really happened, what happened in this game, and the differences."""

    turn: int
    date: dt.date
    title: str
    history: str
    sources: list[str]
    happened: list[str] = field(default_factory=list)
    """Titles of the events, moves and replies of this turn in the game."""
    missing: list[str] = field(default_factory=list)
    """What history did that this game did not."""
    extra: list[str] = field(default_factory=list)
    """What this game did that history did not."""

    @property
    def diverged(self) -> bool:
        return bool(self.missing or self.extra)


@dataclass(frozen=True)
class Note:
    """The history note of something seen in the game."""

    kind: str
    """'event', 'move' or 'ending'."""
    title: str
    note: HistoryNote


def _turn_of(starts: list[int], day: dt.date) -> int:
    return max(1, bisect.bisect_right(starts, day.toordinal()))


def weeks(game: Game, viewer: str | None) -> list[Week]:
    """Every turn played so far, history beside the game, divergence marked."""
    sc = game.scenario
    starts = [t.date.toordinal() for t in sc.calendar]
    last = game.state.turn
    seen = game.dispatches(viewer)
    out = [
        Week(n, t.date, game.turn_title(n), t.history, list(t.sources))
        for n, t in enumerate(sc.calendar[:last], 1)
    ]
    made = {(d.turn, d.power, d.source) for d in seen if d.kind == "move"}
    fired = {d.source: d.turn for d in seen if d.kind == "event" and d.source}
    for d in seen:
        if d.kind in ("event", "move", "reply") and d.turn <= last:
            entry = (
                d.title if d.kind != "move" else f"{game.names.get(d.power, d.power)}: {d.title}"
            )
            if entry not in out[d.turn - 1].happened:
                out[d.turn - 1].happened.append(entry)
    actions = {a.id: a for a in sc.actions}
    path: set[tuple[int, str, str]] = set()
    for step in sc.historical_path:
        turn = _turn_of(starts, step.date)
        path.add((turn, step.power, step.action))
        act = actions.get(step.action)
        if act is None or turn > last or (turn == last and not game.over):
            continue
        if viewer and act.secret and viewer not in (act.by, *act.to):
            continue
        if (turn, step.power, step.action) not in made:
            name = game.names.get(step.power, step.power)
            out[turn - 1].missing.append(f"{name}: {act.title}")
    for turn, power, source in made:
        if (turn, power, source) not in path and source in actions:
            name = game.names.get(power, power)
            out[turn - 1].extra.append(f"{name}: {actions[source].title}")
    for ev in sc.events:
        if ev.date is None or (viewer and "all" not in ev.seen_by and viewer not in ev.seen_by):
            continue
        first = _turn_of(starts, ev.date)
        final = _turn_of(starts, ev.until) if ev.until else first
        done = final < last or (final == last and game.over)
        if ev.id in fired:
            if fired[ev.id] != first and fired[ev.id] <= last:
                out[fired[ev.id] - 1].extra.append(f"{fallback(ev.title)} (late)")
        elif done and first <= last:
            out[first - 1].missing.append(fallback(ev.title))
    for week in out:
        week.extra.sort()
    return out


def notes(game: Game, viewer: str | None) -> list[Note]:
    """The history notes of every event, move and ending the viewer has seen, in order."""
    sc = game.scenario
    by_id: dict[str, tuple[str, str, HistoryNote | None]] = {}
    for e in sc.events:
        by_id[e.id] = ("event", fallback(e.title), e.history)
    for a in sc.actions:
        by_id[a.id] = ("move", fallback(a.title), a.history)
    for end in sc.endings:
        by_id[end.id] = ("ending", fallback(end.title), end.history)
    out: list[Note] = []
    done: set[str] = set()
    for d in game.dispatches(viewer):
        hit = by_id.get(d.source)
        if not d.source or d.source in done or hit is None or hit[2] is None:
            continue
        done.add(d.source)
        out.append(Note(hit[0], hit[1], hit[2]))
    return out


def note_for(game: Game, source: str) -> HistoryNote | None:
    """The history note behind a dispatch's source id, if the scenario gives one."""
    sc = game.scenario
    for table in (sc.events, sc.actions, sc.endings):
        for item in table:
            if item.id == source:
                return item.history
    return None


def divergence(rows: list[Week]) -> tuple[int, int]:
    """(differences, weeks that diverged) over the rows."""
    return sum(len(w.missing) + len(w.extra) for w in rows), sum(1 for w in rows if w.diverged)
