"""Lint: a turn heading's version that can never show. A turn's heading is chosen when the
week begins, before that week's events and moves; a version whose condition only an event
of that week (or later), or a move that opens only then, can make true never shows, and
the week always gets its fallback.

The check holds back, for each turn, the writes of what cannot have happened before it
begins (events dated in that week or later, moves and their answers that open then or
later) and evaluates the version over the rest, as `lint` does over all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from .effects import parse_effect, targets
from .lint_v2 import Warn, _parse
from .models import Scenario
from .notation import Names

if TYPE_CHECKING:
    from .lint import _Range

Written = dict[str, set[str]]
Source = tuple[dt.date | None, list[str]]
"""An event's or a move's first day to act (None: any), and its effects with its answers'."""


def _sources(sc: Scenario) -> Iterator[Source]:
    for ev in sc.events:
        yield ev.date, [*ev.effects, *(e for opt in ev.choices for e in opt.effects)]
    for act in sc.actions:
        answers = (e for reply in act.replies for opt in reply.options for e in opt.effects)
        yield act.after, [*act.effects, *answers]


def _writes(effects: Iterable[str], names: Names, kinds: tuple[str, ...]) -> Written:
    out: Written = {}
    for text in effects:
        for step in targets(parse_effect(text, names)):
            if step.kind in kinds:
                out.setdefault(step.target, set()).add(step.kind)
    return out


def headings(
    sc: Scenario,
    names: Names,
    kinds: tuple[str, ...],
    ranges: Callable[[Written], _Range],
    warn: Warn,
) -> None:
    """Warn of each turn heading version that cannot hold when its turn begins."""
    titled = [(i, t) for i, t in enumerate(sc.calendar) if isinstance(t.title, list)]
    if not titled:
        return
    sources = [(day, _writes(fx, names, kinds)) for day, fx in _sources(sc)]
    everything = ranges(_merge(w for _, w in sources))
    for i, turn in titled:
        early = [day is None or day < turn.date for day, _ in sources]
        held = ranges(_merge(w for (_, w), e in zip(sources, early, strict=True) if e))
        late = {n for (_, w), e in zip(sources, early, strict=True) if not e for n in w}
        assert isinstance(turn.title, list)
        for j, version in enumerate(turn.title):
            if not version.when or everything.never(version.when) or not held.never(version.when):
                continue
            names_read = sorted(late & _read(version.when))
            what = f" ({', '.join(names_read)})" if names_read else ""
            warn(
                ("calendar", i, "title", j, "when"),
                f"turn {i + 1}'s heading version can never show: the heading is chosen when the "
                f"week of {turn.date:%d %B} begins, and what it reads{what} is changed only by "
                "that week's events or moves, or later ones",
                "read it from a fact settled in an earlier week, or put the text in that week's "
                "event",
            )


def _read(condition: str) -> set[str]:
    stack, out = [_parse(condition)], set()
    while stack:
        node = stack.pop()
        if node is not None:
            out.update([str(node.value)] if node.op == "name" else [])
            stack.extend(node.args)
    return out


def _merge(parts: Iterable[Written]) -> Written:
    out: Written = {}
    for part in parts:
        for name, kinds in part.items():
            out.setdefault(name, set()).update(kinds)
    return out
