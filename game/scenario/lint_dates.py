"""Lint: a dateline that the week may contradict. An event that may fire in more than one
week, a move open in several, the answer to it, or an ending, whose text is headed with a
fixed day ('LONDON, 7 JUNE.') in a version that may show in another week: the heading
would be wrong there. `{dateline}`, or a version bounded by `date`, says it right.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .lint_v2 import Warn, _fields, _options, _parse, open_turns, versions
from .locator import Path
from .models import Scenario, Text

if TYPE_CHECKING:
    from .lint import _Range

MONTHS = ("MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER")
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]*, (\d{1,2}) (" + "|".join(MONTHS) + r")\b")
"""A dispatch's heading with a day: 'LONDON, 7 JUNE' (a month alone, 'MOSCOW, MAY', may
stand for several weeks and is not read)."""


def _week_of(sc: Scenario, day: dt.date) -> int:
    """The turn (from 1) whose week holds `day`."""
    turn = 1
    for n, entry in enumerate(sc.calendar, 1):
        if entry.date <= day:
            turn = n
    return turn


def _texts(sc: Scenario, ranges: _Range) -> Iterator[tuple[Path, Text, str, list[int]]]:
    """Each text that may show, its condition, and the turns it may show in."""
    every = list(range(1, len(sc.calendar) + 1))
    for i, ev in enumerate(sc.events):
        if ev.date is None:
            turns = every
        else:
            first = _week_of(sc, ev.date)
            last = _week_of(sc, ev.until) if ev.until else first
            turns = list(range(first, last + 1))
        for path, text, when in [
            *_fields(("events", i), ev, "events", ev.when),
            *_options(("events", i, "choices"), ev.choices),
        ]:
            yield path, text, " and ".join(f"({c})" for c in (ev.when, when) if c.strip()), turns
    for i, act in enumerate(sc.actions):
        turns = open_turns(sc, ranges, act)
        for path, text, when in _fields(("actions", i), act, "actions", act.when):
            yield path, text, when, turns
        for j, reply in enumerate(act.replies):
            later = sorted({t + reply.delay for t in turns if t + reply.delay <= len(every)})
            for path, text, when in _options(
                ("actions", i, "replies", j, "options"), reply.options
            ):
                yield path, text, when, later
    for i, end in enumerate(sc.endings):
        last = end.final or not end.when.strip()  # looked at only when time runs out
        for path, text, when in _fields(("endings", i), end, "endings", end.when):
            yield path, text, when, every[-1:] if last else every


def datelines(sc: Scenario, ranges: _Range, warn: Warn) -> None:
    """Warn of a fixed dateline in a text that may show in another week than its day's."""
    for path, text, when, turns in _texts(sc, ranges):
        if len(turns) < 2:
            continue
        for where, shown, shows in versions(path, text, when):
            m = DATELINE.match(shown)
            if m is None:
                continue
            day = dt.date(1939, MONTHS.index(m.group(2)) + 3, int(m.group(1)))
            own = _week_of(sc, day)
            node = _parse(shows)
            other = []
            for turn in turns:
                if turn == own:
                    continue
                at = copy.copy(ranges)
                entry = sc.calendar[turn - 1].date.toordinal()
                at.bounds = {**ranges.bounds, "turn": (turn, turn), "date": (entry, entry)}
                if node is None or at.evaluate(node)[1] != 0:
                    other.append(turn)
            if other:
                weeks = ", ".join(str(t) for t in other[:5]) + (" ..." if len(other) > 5 else "")
                warn(
                    where,
                    f"the text is headed '{m.group(0).strip()}', but it may show in week(s) "
                    f"{weeks}, not only in the week of that day",
                    "write {dateline} for the day, or give the dated version a when that "
                    "bounds the date (date < ...) and a fallback with {dateline}",
                )
