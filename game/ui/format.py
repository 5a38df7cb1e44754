"""Small text helpers shared by the screens: dates, sparklines, bars, citations.

Pure functions of their arguments; no Textual here, so they are easy to test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import assert_never

from game.engine.causes import Shift
from game.engine.state import DispatchKind
from game.scenario import Scenario
from game.scenario.sources import cite as cite

SPARKS = "▁▂▃▄▅▆▇█"


def kind_label(kind: DispatchKind) -> str:
    """How a kind of dispatch is labelled, in words (never by colour alone); a new kind
    fails the type check here until it has a label."""
    match kind:
        case "news":
            return "WEEK"
        case "event":
            return "EVENT"
        case "move":
            return "MOVE"
        case "reply":
            return "REPLY"
        case "decision":
            return "ASKED"
        case "ending":
            return "END"
        case _:
            assert_never(kind)


ENCYCLOPEDIA_KINDS = {
    "person": "Person",
    "place": "Place",
    "treaty": "Treaty",
    "term": "Term",
    "organisation": "Organisation",
}


def long_date(day: dt.date) -> str:
    """'17 April 1939'."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """'17 Apr'."""
    return f"{day.day} {day:%b}"


def spark(values: Sequence[int], low: int, high: int, width: int = 0) -> str:
    """A sparkline of `values` scaled to the variable's bounds (the last `width` values)."""
    if width:
        values = values[-width:]
    span = max(1, high - low)
    top = len(SPARKS) - 1
    return "".join(SPARKS[max(0, min(top, round((v - low) * top / span)))] for v in values)


def trend(values: Sequence[int]) -> str:
    """The last change in words and arrows: '▲ +5', '▼ -3' or '= 0'."""
    if len(values) < 2:
        return "  "
    delta = values[-1] - values[-2]
    if delta > 0:
        return f"▲ +{delta}"
    if delta < 0:
        return f"▼ {delta}"
    return "= 0"


def bar(value: int, low: int, high: int, width: int = 10) -> str:
    """A bar of `width` cells, filled in proportion: '██████░░░░'."""
    span = max(1, high - low)
    filled = max(0, min(width, round((value - low) * width / span)))
    return "█" * filled + "░" * (width - filled)


def reflow(text: str) -> str:
    """Scenario text as paragraphs: lines broken in the file are joined, blank lines kept.

    Authors wrap long strings in the TOML file; the screen wraps to its own width. A line
    that starts a list item ('- ', '* ', '• ') keeps its break.
    """
    paragraphs = []
    for block in text.strip().split("\n\n"):
        lines: list[str] = []
        for line in block.splitlines():
            line = line.strip()
            if not line:
                continue
            if lines and not line.startswith(("- ", "* ", "• ")):
                lines[-1] += " " + line
            else:
                lines.append(line)
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def plural(n: int, word: str) -> str:
    """'1 action', '2 actions'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


PERIODS = ((1, "day"), (9, "week"), (17, "fortnight"), (45, "month"), (100, "quarter"))
"""The word for a turn, by the usual days between two turns of the calendar (at most)."""


def period(scenario: Scenario) -> str:
    """What one turn of the scenario's calendar is called: 'week', 'month', or 'turn'.

    Read from the calendar's dates (the middle gap between two turns), so a monthly
    calendar never says "week"; a calendar of one turn, or of gaps no word fits, says "turn".
    """
    dates = [t.date for t in scenario.calendar]
    gaps = sorted((b - a).days for a, b in zip(dates, dates[1:], strict=False))
    if not gaps:
        return "turn"
    gap = gaps[len(gaps) // 2]
    return next((word for most, word in PERIODS if gap <= most), "turn")


def turn_label(scenario: Scenario, turn: int, of: int | None = None) -> str:
    """'Week 3', or with `of` 'Week 3 of 25' (the calendar's own word)."""
    word = period(scenario).capitalize()
    return f"{word} {turn}" + (f" of {of}" if of is not None else "")


def shifts_text(shifts: Sequence[Shift]) -> str:
    """What one cause changed: 'Soviet trust 37 → 31; Litvinov dismissed: yes'."""
    return "; ".join(s.text() for s in shifts)
