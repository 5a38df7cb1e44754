"""Cross-reference checks of a validated scenario, and compiling its notation.

Pydantic checks each table on its own; this module checks what ties them together
(ids that must exist, dates inside the calendar, bounds) and parses every condition,
effect, weight and score against the declared names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .checks_v2 import V2Checks
from .code import Code
from .effects import effect_of, recipe_of
from .locator import Path
from .mapmodel import check_map
from .models import FORMATS, HistoryNote, Option, Scenario
from .notation import (
    RESERVED,
    Names,
    NotationError,
    did_you_mean,
    parse_condition,
    parse_number,
)
from .parser import KNOWN

Found = tuple[Path, str, str]  # path, message, hint


class Checker(V2Checks):
    def __init__(self, scenario: Scenario) -> None:
        self.sc = scenario
        self.found: list[Found] = []
        self.code = Code()
        self.powers = {p.id for p in scenario.powers}
        self.names = names_of(scenario)
        self.sources = {s.key for s in scenario.sources}

    def add(self, path: Path, message: str, hint: str = "") -> None:
        self.found.append((path, message, hint))

    # -- ids ----------------------------------------------------------------------------
    def unique(
        self, table: str, ids: Iterable[str], seen: dict[str, Path] | None = None, key: str = "id"
    ) -> None:
        seen = {} if seen is None else seen
        for i, ident in enumerate(ids):
            if ident in seen:
                self.add(
                    (table, i, key),
                    f"duplicate {key} '{ident}'",
                    f"already used at {_dotted(seen[ident])}; {key}s must be unique",
                )
            else:
                seen[ident] = (table, i, key)

    def power(self, path: Path, ident: str, allow_all: bool = False) -> None:
        if allow_all and ident == "all":
            return
        if ident not in self.powers:
            hint = (
                did_you_mean(ident, self.powers)
                or f"declared powers: {', '.join(sorted(self.powers))}"
            )
            self.add(path, f"unknown power '{ident}'", hint)

    def date(self, path: Path, day: dt.date | None) -> None:
        if day is not None and not (self.sc.start <= day <= self.sc.end):
            self.add(
                path,
                f"date {day} is outside the scenario ({self.sc.start} to {self.sc.end})",
                "move the date inside the calendar, or change start/end",
            )

    def cite(self, path: Path, refs: list[str]) -> None:
        for i, ref in enumerate(refs):
            key = ref.split(":", 1)[0].strip()
            if key not in self.sources:
                hint = (
                    did_you_mean(key, self.sources)
                    or "declare it under [[sources]] with a key and title"
                )
                self.add((*path, i), f"unknown source '{key}'", hint)

    def note(self, path: Path, note: HistoryNote | None) -> None:
        if note is None:
            return
        self.cite((*path, "sources"), note.sources)
        for i, reading in enumerate(note.readings):
            self.cite((*path, "readings", i, "sources"), reading.sources)

    # -- notation -----------------------------------------------------------------------
    def cond(self, path: Path, text: str) -> None:
        if text in self.code.conditions:
            return
        try:
            self.code.conditions[text] = parse_condition(text, self.names)
        except NotationError as err:
            self.notation_error(path, text, err)

    def number(self, path: Path, value: int | str) -> None:
        if str(value) in self.code.numbers:
            return
        try:
            self.code.numbers[str(value)] = parse_number(value, self.names)
        except NotationError as err:
            self.notation_error(path, str(value), err)

    def effects(self, path: Path, effects: list[str]) -> None:
        for i, text in enumerate(effects):
            if text in self.code.effects:
                continue
            try:
                recipe = recipe_of(text, self.names)
            except NotationError as err:
                self.notation_error((*path, i), text, err)
                continue
            self.code.recipes[text] = recipe
            self.code.effects[text] = effect_of(recipe)

    def notation_error(self, path: Path, text: str, err: NotationError) -> None:
        where = f" (column {err.column} of {text!r})" if err.column else f" in {text!r}"
        self.add(path, err.message + where, err.hint)

    def options(self, path: Path, options: list[Option], power: str) -> None:
        self.unique_local(path, [o.id for o in options])
        for i, opt in enumerate(options):
            self.texts((*path, i), "options", opt)
            self.cond((*path, i, "when"), opt.when)
            self.number((*path, i, "weight"), opt.weight)
            self.effects((*path, i, "effects"), opt.effects)

    def unique_local(self, path: Path, ids: list[str]) -> None:
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident in seen:
                self.add(
                    (*path, i, "id"), f"duplicate option id '{ident}'", "option ids must differ"
                )
            seen.add(ident)

    # -- the whole file -----------------------------------------------------------------
    def run(self) -> None:
        sc = self.sc
        if sc.format not in FORMATS:
            self.add(
                ("format",),
                f"format {sc.format} is not supported",
                f"this game reads formats {' and '.join(map(str, FORMATS))}",
            )
        if sc.end < sc.start:
            self.add(("end",), f"end {sc.end} is before start {sc.start}", "swap them")
        self.unique("powers", [p.id for p in sc.powers])
        for i in range(len(sc.powers)):
            self.power_v2(i)
        if not any(p.playable for p in sc.powers):
            self.add(("powers",), "no power is playable", "set playable = true on at least one")
        shared: dict[str, Path] = {}
        self.unique("variables", [v.id for v in sc.variables], shared)
        self.unique("flags", [f.id for f in sc.flags], shared)
        self.unique("sources", [s.key for s in sc.sources], key="key")
        for i in range(len(sc.variables)):
            self.variable(i)
        for i, flag in enumerate(sc.flags):
            self.flag_chance(i)
            if flag.id in RESERVED:
                self.add(("flags", i, "id"), f"'{flag.id}' is a reserved name", "choose another id")
            for j, who in enumerate(flag.seen_by):
                self.power(("flags", i, "seen_by", j), who, allow_all=True)
        self.calendar()
        self.unique("events", [e.id for e in sc.events])
        for i in range(len(sc.events)):
            self.event(i)
        self.unique("actions", [a.id for a in sc.actions])
        for i in range(len(sc.actions)):
            self.action(i)
        self.unique("endings", [e.id for e in sc.endings])
        for i in range(len(sc.endings)):
            self.ending(i)
        fallbacks = [i for i, e in enumerate(sc.endings) if not e.when.strip()]
        if not fallbacks:
            self.add(
                ("endings",),
                "no fallback ending",
                "give one ending no 'when' so that every game ends when the calendar does",
            )
        for i in fallbacks[1:]:
            self.add(
                ("endings", i),
                f"a second ending without 'when' ('{sc.endings[i].id}'): "
                f"only '{sc.endings[fallbacks[0]].id}' can ever be the fallback",
                "give this ending a condition",
            )
        self.path()
        self.names_and_rules()
        self.note(("author_note",), sc.author_note)
        for i, q in enumerate(sc.questions):
            for j, pos in enumerate(q.positions):
                self.power(("questions", i, "positions", j, "power"), pos.power)
                self.cond(("questions", i, "positions", j, "when"), pos.when)
        self.unique("questions", [q.id for q in sc.questions])
        for i, entry in enumerate(sc.encyclopedia):
            self.cite(("encyclopedia", i, "sources"), entry.sources)
        if sc.map is not None:
            check_map(self, sc.map)

    def variable(self, i: int) -> None:
        var = self.sc.variables[i]
        if var.id in RESERVED:
            self.add(("variables", i, "id"), f"'{var.id}' is a reserved name", "choose another id")
        if var.min > var.max:
            self.add(
                ("variables", i, "min"), f"min {var.min} is above max {var.max}", "swap min and max"
            )
        else:
            self.drawn_start(i)
        for j, who in enumerate(var.seen_by):
            self.power(("variables", i, "seen_by", j), who, allow_all=True)

    def calendar(self) -> None:
        previous: dt.date | None = None
        for i, turn in enumerate(self.sc.calendar):
            self.date(("calendar", i, "date"), turn.date)
            if previous is not None and turn.date <= previous:
                self.add(
                    ("calendar", i, "date"),
                    f"{turn.date} does not come after {previous}",
                    "turns must be in date order",
                )
            previous = turn.date
            self.cite(("calendar", i, "sources"), turn.sources)
            self.text(("calendar", i, "title"), turn.title)

    def event(self, i: int) -> None:
        ev = self.sc.events[i]
        path: Path = ("events", i)
        self.date((*path, "date"), ev.date)
        self.date((*path, "until"), ev.until)
        if ev.until and not ev.date:
            self.add((*path, "until"), "'until' without 'date'", "give the first date as 'date'")
        if ev.until and ev.date and ev.until < ev.date:
            self.add((*path, "until"), f"until {ev.until} is before date {ev.date}", "swap them")
        self.cond((*path, "when"), ev.when)
        self.effects((*path, "effects"), ev.effects)
        self.event_v2(i)
        self.texts(path, "events", ev)
        for j, who in enumerate(ev.seen_by):
            self.power((*path, "seen_by", j), who, allow_all=True)
        if ev.choice_by:
            self.power((*path, "choice_by"), ev.choice_by)
            if not ev.choices:
                self.add(
                    (*path, "choices"),
                    "choice_by is set but there are no choices",
                    "add [[events.choices]] or remove choice_by",
                )
        elif ev.choices:
            self.add(
                (*path, "choice_by"),
                "choices without choice_by",
                "name the power that chooses with choice_by",
            )
        self.options((*path, "choices"), ev.choices, ev.choice_by)
        self.note((*path, "history"), ev.history)

    def action(self, i: int) -> None:
        act = self.sc.actions[i]
        path: Path = ("actions", i)
        self.power((*path, "by"), act.by)
        for j, who in enumerate(act.to):
            self.power((*path, "to", j), who)
        self.date((*path, "after"), act.after)
        self.date((*path, "until"), act.until)
        if act.after and act.until and act.until < act.after:
            self.add(
                (*path, "until"), f"until {act.until} is before after {act.after}", "swap them"
            )
        self.cond((*path, "when"), act.when)
        self.number((*path, "weight"), act.weight)
        self.effects((*path, "effects"), act.effects)
        self.action_v2(i)
        self.texts(path, "actions", act)
        for j, reply in enumerate(act.replies):
            self.power((*path, "replies", j, "by"), reply.by)
            self.texts((*path, "replies", j), "replies", reply)
            self.options((*path, "replies", j, "options"), reply.options, reply.by)
        self.note((*path, "history"), act.history)

    def ending(self, i: int) -> None:
        end = self.sc.endings[i]
        path: Path = ("endings", i)
        self.cond((*path, "when"), end.when)
        self.texts(path, "endings", end)
        for power, score in end.scores.items():
            self.power((*path, "scores", power), power)
            self.number((*path, "scores", power), score)
            if isinstance(score, int) and not 0 <= score <= 100:
                self.add(
                    (*path, "scores", power),
                    f"score {score} is outside 0-100",
                    "scores run from 0 (the worst) to 100 (the best)",
                )
        self.note((*path, "history"), end.history)

    def path(self) -> None:
        actions = {a.id: a for a in self.sc.actions}
        for i, step in enumerate(self.sc.historical_path):
            where: Path = ("historical_path", i)
            self.power((*where, "power"), step.power)
            self.date((*where, "date"), step.date)
            self.cond((*where, "when"), step.when)
            act = actions.get(step.action)
            if act is None:
                hint = did_you_mean(step.action, actions.keys()) or "declare it under [[actions]]"
                self.add((*where, "action"), f"unknown action '{step.action}'", hint)
            elif act.by != step.power and act.by in self.powers:  # else `by` is the mistake
                self.add(
                    (*where, "action"),
                    f"action '{step.action}' is taken by '{act.by}', not '{step.power}'",
                    f'set power = "{act.by}"',
                )


def _dotted(path: Path) -> str:
    from .locator import dotted

    return dotted(path)


def names_of(scenario: Scenario) -> Names:
    """The names the scenario's notation may use."""
    return Names(
        variables=frozenset(v.id for v in scenario.variables),
        flags=frozenset(f.id for f in scenario.flags),
        events=frozenset(e.id for e in scenario.events),
        actions=frozenset(a.id for a in scenario.actions),
        powers=frozenset(p.id for p in scenario.powers),
        version=scenario.format,
    )


def check(scenario: Scenario) -> tuple[list[Found], Code]:
    """Every cross-reference problem of `scenario`, and its compiled notation (with the
    trees it was compiled from)."""
    checker = Checker(scenario)
    token = KNOWN.set(checker.code.trees)
    try:
        checker.run()
    finally:
        KNOWN.reset(token)
    return checker.found, checker.code
