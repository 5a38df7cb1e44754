"""What a game holds: the state, and the records it hands to front ends."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from .watch import Sleep

DispatchKind = Literal["news", "event", "move", "reply", "decision", "ending"]
DecisionKind = Literal["reply", "event"]
Verb = Literal["play", "decide", "end_turn"]
CauseKind = Literal["event", "move", "reply", "decision", "drift", "start"]


def sees(power: str | None, seen_by: Collection[str] | None) -> bool:
    """The one "seen by" rule: `power` sees what `seen_by` names. None as the power is the
    narrator, who sees everything; None or "all" among the names is everybody."""
    return power is None or seen_by is None or "all" in seen_by or power in seen_by


def audience(seen_by: Collection[str]) -> frozenset[str] | None:
    """A scenario's `seen_by` list as a dispatch or cause carries it: None for everybody."""
    return None if "all" in seen_by else frozenset(seen_by)


class GameError(Exception):
    """A command the rules do not allow; the message is for people. State is unchanged."""


@dataclass(frozen=True)
class Command:
    """One command given to the game: the log of these, with scenario and seed, is the game."""

    turn: int
    power: str
    verb: Verb
    args: tuple[str, ...] = ()

    def refusal(self) -> str:
        """Why the game cannot carry this command out (a damaged log's)."""
        takes = ARITY.get(self.verb)
        if takes is None:
            return f"unknown command '{self.verb}'"
        return f"command '{self.verb}' takes {takes}, not {len(self.args)} argument(s)"


ARITY = {
    "play": "one argument (the move)",
    "decide": "two (the decision and the choice)",
    "end_turn": "none",
}
"""The arguments each logged command takes, for the message when a log has others."""


_ended: dict[int, Command] = {}


def end_turn_command(turn: int) -> Command:
    """The command that ends `turn` (immutable: one made for every game)."""
    found = _ended.get(turn)
    if found is None:
        found = _ended[turn] = Command(turn, "", "end_turn")
    return found


class Dispatch(NamedTuple):
    """Something the front end shows: an event, a move, a reply, a note, the ending."""

    turn: int
    date: dt.date
    kind: DispatchKind
    """"news" (a new turn), "event", "move", "reply", "decision" or "ending"."""
    title: str
    text: str
    source: str = ""
    """The id of the event, action or ending behind it (for history notes)."""
    power: str = ""
    """The power that acted, if any."""
    seen_by: frozenset[str] | None = None
    """Powers that may see it; None for everybody."""
    reason: str = ""
    """For an answer: why the power answered so, in the scenario's words."""

    def visible_to(self, power: str | None) -> bool:
        return sees(power, self.seen_by)


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    open: bool = True
    effects: str = ""
    """What the answer visibly does, valued now ('' if nothing the power can see)."""
    locked: str = ""
    """Why the answer is closed, in the scenario's words ('' when open)."""


@dataclass
class Decision:
    """A question waiting for a human power's answer."""

    id: str
    power: str
    kind: DecisionKind
    source: str
    """The action (for a reply) or event id."""
    title: str
    prompt: str
    turn: int
    reply_index: int = 0
    sender: str = ""


@dataclass(frozen=True)
class Move:
    """A move open to a power now, as a front end lists it."""

    id: str
    title: str
    cost: int
    to: tuple[str, ...]
    preview: str
    text: str
    secret: bool


@dataclass(frozen=True)
class Outcome:
    """How the game ended."""

    ending: str
    title: str
    turn: int
    date: dt.date
    scores: dict[str, int]
    epilogue: str
    comparison: str
    levels: dict[str, str] = field(default_factory=dict)
    """Each power's victory level for its score (format 2), where the scenario names them."""


class Cause(NamedTuple):
    """Why something changed: the event, move, answer or drift behind it."""

    kind: CauseKind
    """What is behind a change: an event, a move, an answer, a drift or the turn's start."""
    source: str
    power: str
    title: str
    seen_by: frozenset[str] | None = None
    reason: str = ""


class Change(NamedTuple):
    """One change of a variable or flag, with its cause (a tuple: made often, kept long)."""

    turn: int
    target: str
    before: int
    after: int
    cause: Cause


@dataclass(slots=True)
class Estimate:
    """What a power believes of a variable it cannot see: the true value shifted by
    `offset`, give or take `error`. `source` says where the belief came from."""

    offset: int
    error: int
    source: str


@dataclass(slots=True)
class PendingReply:
    due: int
    action: str
    index: int
    sender: str
    made: int


@dataclass
class State:
    """The whole state of a game. Front ends read it and never change it."""

    turn: int
    env: dict[str, int]
    """Variables (numbers), flags (0 or 1), `turn` and `date` (as an ordinal)."""
    rng: random.Random
    budgets: dict[str, int] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    fired: set[str] = field(default_factory=set)
    scheduled: list[tuple[int, str]] = field(default_factory=list)
    pending: list[PendingReply] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    off_path: set[str] = field(default_factory=set)
    log: list[Command] = field(default_factory=list)
    dispatches: list[Dispatch] = field(default_factory=list)
    frames: list[tuple[int, ...]] = field(default_factory=list)
    """The variables' values at the start of every turn so far, one tuple a turn, in the
    order of `framed` (`series` reads them by variable)."""
    framed: tuple[str, ...] = ()
    """The variables each of `frames` holds, in order."""
    seen_options: set[tuple[str, str]] = field(default_factory=set)
    """(source id, option id) of every answer given: for reach statistics."""
    next_decision: int = 1
    outcome: Outcome | None = None
    draws: dict[str, int] = field(default_factory=dict)
    """The per-game draws of the starting state: variable or flag id to value."""
    estimates: dict[tuple[str, str], Estimate] = field(default_factory=dict)
    """(power, variable) to that power's estimate of it."""
    changes: list[Change] = field(default_factory=list)
    marks: dict[int, int] = field(default_factory=dict)
    """For each turn, how many changes had been recorded when its moves began."""
    last_used: dict[str, int] = field(default_factory=dict)
    """The turn each move was last made in."""
    extra_moves: dict[str, int] = field(default_factory=dict)
    moves_set: dict[str, int] = field(default_factory=dict)
    """Changes to the moves a power has each turn, made by `moves` effects."""
    planner_calls: int = 0
    """Decisions the planners have made: with the seed, each one's own generator."""
    closing: bool = False
    """The turn's moves are made and people answer what is due before it closes."""
    violations: list[tuple[int, str, str, str]] = field(default_factory=list)
    """Continuity violations: (turn, source id, rule, word)."""
    sleep: Sleep | None = field(default=None, compare=False, repr=False)
    """Which undated events and open-ended moves are awake (`watch.Sleep`; None: all)."""

    @property
    def series(self) -> dict[str, list[int]]:
        """Each variable's value at the start of every turn so far (made from `frames` when
        read, and kept until another turn begins)."""
        made = self.__dict__.get("_series")
        if made is None or made[0] != len(self.frames):
            frames = self.frames
            by_name = {v: [f[i] for f in frames] for i, v in enumerate(self.framed)}
            made = self.__dict__["_series"] = (len(frames), by_name)
        return made[1]

    @property
    def date(self) -> dt.date:
        return dt.date.fromordinal(self.env["date"])
