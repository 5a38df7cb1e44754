"""A scenario indexed for play: compiled conditions beside the content, built once."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from ..scenario.closures import Fn
from ..scenario.effects import Effect
from ..scenario.models import Action, Ending, Event, HistoricalStep, Option, Scenario, fallback
from ..scenario.textmodels import Text
from .draws import drawn_starts, estimating, ready_starts
from .ops import Op, Ops
from .state import Cause, CauseKind, Dispatch, audience
from .texts import Texts

if TYPE_CHECKING:
    from .policies import Spec


@dataclass(frozen=True, slots=True)
class CompiledOption:
    option: Option
    when: Fn
    weight: Fn
    effects: tuple[Effect, ...]
    shown_label: str | None = None
    """The label, text and reason as shown in every state (`Texts.fixed`), or None."""
    shown_text: str | None = None
    shown_reason: str | None = None
    seen: tuple[str, str] = ("", "")
    """(the event's or move's id, the option's id), as `State.seen_options` keeps it."""
    ops: tuple[Op, ...] = ()
    """`effects` as the engine carries them out (`ops.Op`)."""
    sent: list[Answered | None] | None = None
    """By turn, the answer's dispatch and cause as first given then, with who gave it and
    how (title, power, kind, audience), to be given again as they are when all match (in
    another game), if its label, text and reason show as written; else None."""


@dataclass(frozen=True, slots=True)
class CompiledAction:
    action: Action
    when: Fn
    weight: Fn
    effects: tuple[Effect, ...]
    replies: tuple[tuple[CompiledOption, ...], ...]
    after: int
    until: int
    fixed_weight: int | None
    """The weight when it is a plain number (no need to evaluate)."""
    once_id: str
    """The action's id if it can be made only once, else a string no action uses."""
    cost: int
    cooldown: int = 0
    max_uses: int = 0
    """0: no limit."""
    limited: bool = False
    """Whether a cooldown or a most number of uses can close the move."""
    uses_key: str = ""
    """The `uses.ID` variable that counts the move's uses."""
    rank: int = 0
    """The move's place in the file."""
    secrecy: frozenset[str] | None = None
    """Who sees a secret move (its power and those it is made to); None for everybody."""
    delays: tuple[int, ...] = ()
    """Each reply's delay, in the order of `action.replies`."""
    shown_title: str | None = None
    """The title and text as shown in every state (`Texts.fixed`), or None."""
    shown_text: str | None = None
    ops: tuple[Op, ...] = ()
    """`effects` as the engine carries them out (`ops.Op`)."""
    cause: Cause | None = None
    """The cause of what the move changes, when its title shows as written (one made for
    every game: a cause is a value), or None."""
    sent: Sent = None
    """The move's dispatch by turn, made in the first game that plays it then and the same
    in every other (a dispatch is a value), when its texts show as written (one that holds
    a word of a continuity rule is never kept); None when they may not."""


@dataclass(frozen=True, slots=True)
class CompiledEvent:
    event: Event
    when: Fn
    effects: tuple[Effect, ...]
    choices: tuple[CompiledOption, ...]
    first_turn: int
    """First turn (from 1) the event can fire on its date; 0 for undated events."""
    last_turn: int
    scheduled_only: bool
    chance: Fn | None = None
    """The chance (0-100) that it fires when it could; None for certain."""
    audience: frozenset[str] | None = None
    """Who sees it (`state.audience` of its `seen_by`)."""
    shown_title: str | None = None
    """The title and text as shown in every state (`Texts.fixed`), or None."""
    shown_text: str | None = None
    ops: tuple[Op, ...] = ()
    """`effects` as the engine carries them out (`ops.Op`)."""
    cause: Cause | None = None
    """The cause of what the event changes, when its title shows as written, or None."""
    sent: Sent = None
    """The event's dispatch by turn, as `CompiledAction.sent`."""


@dataclass(frozen=True, slots=True)
class CompiledEnding:
    ending: Ending
    when: Fn
    fallback: bool
    scores: dict[str, Fn]
    fixed: tuple[tuple[str, int | None, Fn], ...] = ()
    """(power, its score when a plain number, already within 0-100, or None, the score's
    expression) of every power in `scores`, in order."""


Answered = tuple[str, str, str, "frozenset[str] | None", Dispatch, Cause]
"""An answer as given (`CompiledOption.sent`): title, power, kind, audience, its dispatch
and its cause."""
Sent = list[Dispatch | None] | None
"""A move's or event's dispatch by turn (`CompiledAction.sent`)."""


def fixed_answer(
    label: str | None, text: str | None, reason: str | None, turns: int
) -> list[Answered | None] | None:
    """`CompiledOption.sent`, none given yet, when the texts show as written."""
    return None if label is None or text is None or reason is None else [None] * (turns + 1)


def cause_of(
    kind: CauseKind, source: str, power: str, title: str | None, seen_by: frozenset[str] | None
) -> Cause | None:
    """The cause a move or event gives its changes, when its title is known (None if not)."""
    return None if title is None else Cause(kind, source, power, title, seen_by, "")


def clamped(score: int) -> int:
    """A score within 0-100, as the engine makes every score."""
    return max(0, min(100, int(score)))


class CompiledStep(NamedTuple):
    """A step of the historical path, with its condition compiled."""

    step: HistoricalStep
    action: str
    when: Fn


def frame_of(names: tuple[str, ...]) -> Callable[[Mapping[str, int]], tuple[int, ...]]:
    """A function from a state to the values of `names` in it, as one tuple (an
    itemgetter: one call, however many the names)."""
    if len(names) >= 2:
        return operator.itemgetter(*names)
    if names:
        name = names[0]
        return lambda env: (env[name],)
    return lambda env: ()


class Content:
    """Everything the engine looks up while playing, indexed for speed."""

    def __init__(self, sc: Scenario) -> None:
        self.scenario = sc
        code = sc.code
        self.turn_dates = [t.date.toordinal() for t in sc.calendar]
        self.turns = len(sc.calendar)
        self.bounds = {v.id: (v.min, v.max) for v in sc.variables}
        self.errors = {v.id: v.error for v in sc.variables}  # an unnarrowed estimate's width
        self.named = {v.id: v for v in sc.variables if v.value_names}
        self.drift = [(v.id, v.drift, v.min, v.max) for v in sc.variables if v.drift]
        """(variable, drift, min, max) of each variable that drifts."""
        self.powers = [p.id for p in sc.powers]
        self.variable_ids = [v.id for v in sc.variables]
        self.framed = tuple(self.variable_ids)
        self.frame = frame_of(self.framed)
        """The variables' values in a state, as a tuple in the order of `framed`."""
        self.texts = Texts(sc)
        self.labels = {v.id: v.label for v in sc.variables} | {f.id: f.label for f in sc.flags}
        self.labels |= {a.id: fallback(a.title) for a in sc.actions}
        self.flag_ids = frozenset(f.id for f in sc.flags)
        self.seen_by = {v.id: v.seen_by for v in sc.variables} | {f.id: f.seen_by for f in sc.flags}

        shows = self.texts.fixed
        ops = self.ops = Ops(self.bounds)

        def effects(texts: list[str]) -> tuple[Effect, ...]:
            return tuple(code.effects[t] for t in texts)

        def option(o: Option, source: str) -> CompiledOption:
            fx = effects(o.effects)
            label, text, reason = shows(o.label), shows(o.text), shows(o.reason)
            return CompiledOption(
                o,
                code.conditions[o.when],
                code.numbers[str(o.weight)],
                fx,
                label,
                text,
                reason,
                (source, o.id),
                ops.of(fx),
                fixed_answer(label, text, reason, self.turns),
            )

        def options(opts: list[Option], source: str) -> tuple[CompiledOption, ...]:
            return tuple(option(o, source) for o in opts)

        self.actions: dict[str, CompiledAction] = {}
        self.by_power: dict[str, list[CompiledAction]] = {p: [] for p in self.powers}
        for rank, a in enumerate(sc.actions):
            once = a.once if "once" in a.model_fields_set else not (a.cooldown or a.max_uses)
            secrecy = frozenset({a.by, *a.to}) if a.secret else None
            ca = CompiledAction(
                a,
                code.conditions[a.when],
                code.numbers[str(a.weight)],
                effects(a.effects),
                tuple(options(r.options, a.id) for r in a.replies),
                a.after.toordinal() if a.after else 0,
                a.until.toordinal() if a.until else 10**9,
                max(0, a.weight) if isinstance(a.weight, int) else None,
                a.id if once else "",
                a.cost,
                a.cooldown,
                a.max_uses or 0,
                bool(a.cooldown or a.max_uses),
                f"uses.{a.id}",
                rank,
                secrecy,
                tuple(r.delay for r in a.replies),
                shows(a.title),
                shows(a.text),
                ops.of(effects(a.effects)),
                cause_of("move", a.id, a.by, shows(a.title), secrecy),
                self._sent(shows(a.title), shows(a.text)),
            )
            self.actions[a.id] = ca
            self.by_power[a.by].append(ca)

        self.movers = frozenset(p for p, actions in self.by_power.items() if actions)
        """The powers that have moves at all."""
        self.pass_weight = {p.id: p.pass_weight for p in sc.powers}
        self.computer: dict[tuple[str, ...], tuple[bool, tuple[str, ...]]] = {}
        """For the powers people play: whether any power is computer-played, and the
        computer-played powers that have moves, in order (`computer_of`)."""

        scheduled = {e.target for e in code.effects.values() if e.kind == "schedule"}
        self.events: dict[str, CompiledEvent] = {}
        self.dated: dict[int, list[CompiledEvent]] = {}
        self.conditional: list[CompiledEvent] = []
        for ev in sc.events:
            first = self.turn_of(ev.date.toordinal()) if ev.date else 0
            last = self.turn_of(ev.until.toordinal()) if ev.until else first
            ce = CompiledEvent(
                ev,
                code.conditions[ev.when],
                effects(ev.effects),
                options(ev.choices, ev.id),
                first,
                last,
                ev.id in scheduled,
                None if ev.chance == 100 else code.numbers[str(ev.chance)],
                audience(ev.seen_by),
                shows(ev.title),
                shows(ev.text),
                ops.of(effects(ev.effects)),
                cause_of("event", ev.id, "", shows(ev.title), audience(ev.seen_by)),
                self._sent(shows(ev.title), shows(ev.text)),
            )
            self.events[ev.id] = ce
            if ce.scheduled_only:
                continue
            if ev.date:
                for turn in range(first, last + 1):
                    self.dated.setdefault(turn, []).append(ce)
            else:
                self.conditional.append(ce)
        self.order = {ev.id: i for i, ev in enumerate(sc.events)}
        self.dated_keyed = {
            turn: tuple((self.order[ce.event.id], ce) for ce in listed)
            for turn, listed in self.dated.items()
        }
        """`dated`, each event with its place in the file (`order`)."""
        self.budgets = {
            p.id: code.numbers[p.moves_per_turn]
            if isinstance(p.moves_per_turn, str)
            else p.moves_per_turn
            for p in sc.powers
        }
        """Moves a turn: a number, or an expression valued at the start of each turn."""
        fixed = {p: b for p, b in self.budgets.items() if isinstance(b, int)}
        self.fixed_budgets: dict[str, int] | None = (
            fixed if len(fixed) == len(self.budgets) else None
        )
        """The moves a turn of every power, when none is an expression."""
        self.dates = [t.date for t in sc.calendar]
        self.titles: list[Text] = [t.title for t in sc.calendar]
        self.fixed_titles = [self.texts.fixed(t.title) for t in sc.calendar]
        """Each turn's heading where it shows the same in every state, else None."""
        self.news = [
            None
            if fixed is None or self.texts.words(fixed, "", "")
            else Dispatch(turn, t.date, "news", fixed, "", "", "", None, "")
            for turn, (t, fixed) in enumerate(zip(sc.calendar, self.fixed_titles, strict=True), 1)
        ]
        """Each turn's dispatch of its start, the same in every game (a dispatch is a
        value), or None when its title follows the state or holds a rule's word."""

        self.endings = [
            CompiledEnding(
                e,
                code.conditions[e.when],
                not e.when.strip(),
                {p: code.numbers[str(v)] for p, v in e.scores.items()},
                tuple(
                    (p, clamped(v) if isinstance(v, int) else None, code.numbers[str(v)])
                    for p, v in e.scores.items()
                ),
            )
            for e in sc.endings
        ]
        self.steps: dict[tuple[int, str], list[CompiledStep]] = {}
        """Each power's steps on the historical path, by turn, with their conditions."""
        for step in sc.historical_path:
            key = (self.turn_of(step.date.toordinal()), step.power)
            compiled = CompiledStep(step, step.action, code.conditions[step.when])
            self.steps.setdefault(key, []).append(compiled)
        self.questions = [
            (q, [(p.power, p.text, code.conditions[p.when], p.when) for p in q.positions])
            for q in sc.questions
        ]
        self._start = self._start_env()
        self.names = {p.id: p.name for p in sc.powers}
        self.levels = {p.id: sorted(p.victory.items(), key=lambda kv: -kv[1]) for p in sc.powers}
        """Each power's victory levels, highest first (as `endings.level_of` sorts them)."""
        self.drawn, self.drawn_flags = drawn_starts(sc)
        """The variables and flags whose start each game draws."""
        self.starts = ready_starts(self.drawn)
        """`drawn`, made ready to draw (`draws.ready_starts`)."""
        self.estimating = estimating(sc)
        self.policies: dict[str, dict[str, Spec]] = {}
        """Each power's policy, by the spec that names all of them (`Game`), once parsed."""

    def _sent(self, title: str | None, text: str | None) -> Sent:
        """A move's or event's dispatches by turn, none made yet, if its title and text show
        as written; else None (the engine keeps one only if it holds no word of a
        continuity rule)."""
        return None if title is None or text is None else [None] * (self.turns + 1)

    def computer_of(self, humans: tuple[str, ...]) -> tuple[bool, tuple[str, ...]]:
        """`computer` for the powers people play, made once."""
        found = self.computer.get(humans)
        if found is None:
            others = [p for p in self.powers if p not in humans]
            found = self.computer[humans] = (
                bool(others),
                tuple(p for p in others if p in self.movers),
            )
        return found

    def turn_of(self, ordinal: int) -> int:
        """The turn (from 1) whose period contains the date; dates before turn 1 give 1."""
        return max(1, bisect.bisect_right(self.turn_dates, ordinal))

    def start_env(self) -> dict[str, int]:
        """The starting state before any draw (a drawn start begins at its least value)."""
        return dict(self._start)

    def _start_env(self) -> dict[str, int]:
        sc = self.scenario
        env = {v.id: v.start_range[0] for v in sc.variables}
        env.update({f.id: int(f.start) for f in sc.flags})
        if sc.format >= 2:
            env.update({f"uses.{a.id}": 0 for a in sc.actions})
        env["turn"] = 1
        env["date"] = self.turn_dates[0]
        return env


_cache: dict[int, tuple[Scenario, Content]] = {}


def content_of(sc: Scenario) -> Content:
    """The scenario's index, built on first use and kept while the scenario lives."""
    hit = _cache.get(id(sc))
    if hit is not None and hit[0] is sc:
        return hit[1]
    content = Content(sc)
    if len(_cache) > 32:
        _cache.clear()
    _cache[id(sc)] = (sc, content)
    return content
