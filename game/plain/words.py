"""What plain mode says about the game, as lines of text: dispatches, what changed since a
power's last turn, what it knows, its briefing, and the ending.

Each function reads the game and returns `Lines`, (text, indent) pairs; nothing here
writes, reads input or changes the game.
"""

from __future__ import annotations

from typing import assert_never

from ..engine import Dispatch, Game
from ..scenario import Scenario
from ..scenario.models import HistoryNote
from ..scenario.sources import cite
from ..seen import map_states

Lines = list[tuple[str, str]]
"""Lines to say: each a paragraph and the indent it is written with."""


def dispatch(g: Game, d: Dispatch) -> Lines:
    """One dispatch as it arrives: a turn's heading, or a labelled line with its text."""
    match d.kind:
        case "news":
            heading = f"== Turn {d.turn} of {g.turns} — {d.date:%d %B %Y} — {d.title} =="
            return [("", ""), (heading, "")]
        case "decision":
            return []
        case "event":
            label = "DECIDED" if d.power else "NEWS"  # a power chose at an event
        case "move":
            label = "MOVE"
        case "reply":
            label = "REPLY"
        case "ending":
            label = "THE END"
        case _:
            assert_never(d.kind)
    who = f" ({g.names[d.power]})" if d.power and d.kind in ("move", "event") else ""
    private = "" if d.seen_by is None else " [private]"
    out: Lines = [(f"* {label}{who}{private}: {d.title}", "")]
    if d.text and d.text != d.title:
        out.append((d.text, "    "))
    if d.reason:
        out.append((f"Why: {d.reason}", "    "))
    return out


def since(g: Game, power: str) -> Lines:
    """What changed for `power` since its last turn, one line per cause ([] if nothing)."""
    groups = g.changes(power)
    if not groups:
        return []
    out: Lines = [("", ""), (f"-- Since the last turn of {g.names[power]} --", "")]
    for group in groups:
        shifts = "; ".join(s.text() for s in group.shifts)
        out.append((f"{shifts} · {group.title}", "  "))
    return out


def status(g: Game, power: str) -> Lines:
    """What `power` knows: the numbers it sees, its estimates, the facts, the table."""
    out: Lines = [(f"-- What {g.names[power]} knows --", "")]
    for var, label, value, low, high in g.variables(power):
        of = f" (of {low}–{high})" if var not in g.content.named else ""
        out.append((f"{label}: {g.word(var, value)}{of}", "  "))
    for var, label, low, high, source in g.estimates(power):
        out.append((f"{label}: {g.guess(var, low, high)} (an estimate; {source})", "  "))
    facts = [label for _, label, is_set in g.flags(power) if is_set]
    out.append(("Facts: " + ("; ".join(facts) if facts else "none yet"), "  "))
    for _, label, positions in g.table(power):
        if positions:
            where = "; ".join(f"{g.names[p]}: {t.rstrip('.')}" for p, t in positions)
            out.append((f"{label}: {where}.", "  "))
    return out


def briefing(g: Game, power: str) -> Lines:
    p = g.scenario.power(power)
    out: Lines = [("", ""), (f"-- Briefing: {p.name} --", "")]
    if p.leaders:
        out.append(("Leaders: " + "; ".join(p.leaders), "  "))
    if p.objectives:
        out.append(("Objectives: " + "; ".join(p.objectives), "  "))
    if p.briefing:
        out.append((p.briefing, "  "))
    return out


def note(sc: Scenario, n: HistoryNote, indent: str = "  ") -> Lines:
    """A history note: what happened, where the sources disagree, and the sources."""
    out: Lines = [(f"What really happened: {n.note}", indent)]
    if n.readings:
        out.append(("The sources disagree:", indent))
        for r in n.readings:
            where = f" [{'; '.join(cite(sc, r.sources))}]" if r.sources else ""
            out.append((f"- {r.school}: {r.text}{where}", indent + "  "))
    if n.sources:
        out.append(("Sources: " + "; ".join(cite(sc, n.sources)), indent))
    return out


def ending(g: Game) -> Lines:
    outcome = g.ending
    assert outcome is not None
    scores = ", ".join(
        f"{g.names[p]} {s}" + (f" ({outcome.levels[p]})" if p in outcome.levels else "")
        for p, s in outcome.scores.items()
    )
    out: Lines = [("", ""), (f"== {outcome.title} — {outcome.date:%d %B %Y} ==", "")]
    out.append((f"Scores: {scores}", ""))
    humans = [p for p in g.humans if p in outcome.scores]
    if len(humans) > 1:
        best = max(outcome.scores[p] for p in humans)
        first = [g.names[p] for p in humans if outcome.scores[p] == best]
        out.append(("Of the players, the best score: " + " and ".join(first) + f" ({best}).", ""))
    if outcome.comparison:
        out.append(("What really happened: " + outcome.comparison, ""))
    chosen = next(e for e in g.scenario.endings if e.id == outcome.ending)
    if chosen.history:
        out.append(("History: " + chosen.history.note, ""))
        out.extend(note(g.scenario, chosen.history)[1:])
    return out


def history(g: Game, viewers: tuple[str, ...]) -> Lines:
    """The history notes, with their readings, of everything the players have seen."""
    sc = g.scenario
    found: dict[str, HistoryNote | None] = {}
    for table in (sc.events, sc.actions, sc.endings):
        for item in table:
            found.setdefault(item.id, item.history)
    out: Lines = [("-- History: what really happened --", "")]
    done: set[str] = set()
    for d in g.state.dispatches:
        n = found.get(d.source)
        if n is None or d.source in done or not any(d.visible_to(p) for p in viewers or (None,)):
            continue
        done.add(d.source)
        out.append((f"{d.title} (turn {d.turn}):", ""))
        out.extend(note(sc, n))
    if not done:
        out.append(("No history notes yet: they come with the events they tell of.", "  "))
    return out


def map_list(game: Game, power: str | None) -> Lines:
    """The scenario's map as a list: each region and how it stands for `power`."""
    section = game.scenario.map
    if section is None:
        return [("This scenario has no map.", "")]
    out: Lines = [(f"-- {section.title or 'The map'} --", "")]
    for region, state in map_states(game, power):
        out.append((f"{region.label}: {state.text if state else 'nothing to report'}", "  "))
    return out
