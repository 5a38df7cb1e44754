"""What a game holds: the state, and the records it hands to front ends."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import NamedTuple


class GameError(Exception):
    """A command the rules do not allow; the message is for people. State is unchanged."""


@dataclass(frozen=True)
class Command:
    """One command given to the game: the log of these, with scenario and seed, is the game."""

    turn: int
    power: str
    verb: str  # "play", "decide" or "end_turn"
    args: tuple[str, ...] = ()


class Dispatch(NamedTuple):
    """Something the front end shows: an event, a move, a reply, a note, the ending."""

    turn: int
    date: dt.date
    kind: str
    """One of "news" (a new turn), "event", "move", "reply", "decision", "ending"."""
    title: str
    text: str
    source: str = ""
    """The id of the event, action or ending behind it (for history notes)."""
    power: str = ""
    """The power that acted, if any."""
    seen_by: frozenset[str] | None = None
    """Powers that may see it; None for everybody."""

    def visible_to(self, power: str | None) -> bool:
        return self.seen_by is None or power is None or power in self.seen_by


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


@dataclass
class Decision:
    """A question waiting for a human power's answer."""

    id: str
    power: str
    kind: str  # "reply" or "event"
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


@dataclass
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
    series: dict[str, list[int]] = field(default_factory=dict)
    """Each variable's value at the start of every turn so far."""
    seen_options: set[tuple[str, str]] = field(default_factory=set)
    """(source id, option id) of every answer given: for reach statistics."""
    next_decision: int = 1
    outcome: Outcome | None = None

    @property
    def date(self) -> dt.date:
        return dt.date.fromordinal(self.env["date"])
