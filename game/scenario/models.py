"""The scenario file format, versions 1 and 2, as pydantic models.

Every table of a scenario file has a model here; unknown keys are errors. Conditions,
effects and scores are kept as text in these models and parsed by `notation` when the
file is loaded (see `loader.load_scenario`), so a model never holds anything executable.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr

from .base import Id, Model, Percent, Score, Weight
from .code import Code
from .mapmodel import Map
from .textmodels import Continuity, Name, Text, TextVariant, fallback

FORMAT_VERSION = 2
FORMATS = (1, 2)
"""The formats this game reads: a format-1 file loads and plays as it always did."""

__all__ = ["Continuity", "Name", "Text", "TextVariant", "fallback", "Id", "Model", "Percent"]


class WeightedStart(Model):
    """A start drawn from a few values with weights (format 2)."""

    values: Annotated[list[int], Field(min_length=1)]
    weights: list[Annotated[int, Field(ge=0)]] = []
    """One weight a value (all 1 if left out)."""


class PlannerSettings(Model):
    """How the planner plays a computer power (format 2): its horizon and temperament."""

    horizon: Annotated[int, Field(ge=1, le=100)] | None = None
    """Turns a rollout looks ahead; past it, `value` stands in for the ending's score."""
    value: Score = 50
    """With `horizon`: the power's value of the state at the horizon (0-100)."""
    risk: Annotated[int, Field(ge=0, le=100)] = 0
    """How much the power fears a bad outcome: points off per point of spread, in %."""
    history: Annotated[int, Field(ge=0, le=100)] = 0
    """Points the historical move or answer is worth beyond its value: a government that
    keeps to its habits when the values are close."""


class Source(Model):
    key: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]+$")]
    """Short key cited by history notes, e.g. `GSE` or `KOT`."""
    title: str
    """Full reference: author, title, publisher or place, year."""
    url: str = ""
    """Optional address where the source can be read."""


class Reading(Model):
    """One school's reading of a disputed point."""

    school: str
    """Whose reading: e.g. `Soviet (GSE, 1979)` or `Western (Watt, 1989)`."""
    text: str
    sources: list[str] = []
    """Source keys, optionally with a page: `KOT` or `KOT: p. 712`."""


class HistoryNote(Model):
    """What really happened, and where it is written."""

    note: str
    """What happened, in a few sentences."""
    sources: list[str] = []
    """Source keys, optionally with a page or date: `GSE` or `SHI: p. 520`."""
    readings: list[Reading] = []
    """Where sources disagree: each reading with its school and sources."""


class Power(Model):
    id: Id
    name: str
    """Full name, e.g. `Soviet Union`."""
    short: str = ""
    """Short name for narrow screens, e.g. `USSR`; defaults to the name."""
    playable: bool = False
    """Whether a player may take this power."""
    moves_per_turn: Annotated[int, Field(ge=0, le=10)] | str = 2
    """Action points the power may spend each turn: a number, or (format 2) an expression
    valued at the start of each turn (clamped to 0-10)."""
    leaders: list[str] = []
    """Leaders and envoys, each as `Name — role`."""
    objectives: list[str] = []
    """What the power wants, in the player's terms."""
    briefing: str = ""
    """The situation at the start, for the player of this power."""
    pass_weight: Annotated[int, Field(ge=0)] = 2
    """When computer-played off the historical path: weight of doing nothing with a move."""
    planner: PlannerSettings | None = None
    """Format 2: how the planner plays this power when it is computer-played."""
    victory: dict[str, Percent] = {}
    """What a score means (format 2): level names with the least score that reaches each,
    e.g. `{ decisive = 80, victory = 60, draw = 40, defeat = 0 }`."""


class Variable(Model):
    id: Id
    label: str
    """What the number measures, for players."""
    min: int = 0
    max: int = 100
    start: int | Annotated[list[int], Field(min_length=2, max_length=2)] | WeightedStart
    """Value at the start, within [min, max]; in format 2 it may be drawn per game: a range
    `[30, 55]` or weighted values `{ values = [0, 1, 2], weights = [2, 1, 1] }`."""
    drift: int = 0
    """Added at the end of every turn (negative to decay), then clamped."""
    seen_by: list[str] = ["all"]
    """Powers that see this variable, or `all`."""
    description: str = ""
    estimated_by: list[str] = []
    """Powers that do not see it but hold an estimate of it (format 2)."""
    error: Annotated[int, Field(ge=0, le=1000)] = 10
    """How far off an estimate may be at the start: the interval is 2 x error wide."""
    value_names: list[str] = []
    """Format 2: a word for each value from min to max (`["Daladier", "split", "Bonnet"]`
    for 1-3), for a variable that tells kinds apart: players read it for the number."""

    @property
    def drawn(self) -> bool:
        return not isinstance(self.start, int)

    def word(self, value: int) -> str:
        """The value as players read it: its name, or the number."""
        if self.value_names and self.min <= value <= self.max:
            return self.value_names[value - self.min]
        return str(value)

    @property
    def start_range(self) -> tuple[int, int]:
        """The least and greatest start the draw can give."""
        if isinstance(self.start, int):
            return (self.start, self.start)
        values = self.start if isinstance(self.start, list) else self.start.values
        return (min(values), max(values))


class Flag(Model):
    id: Id
    label: str
    """The fact, in words: `Litvinov dismissed`."""
    start: bool = False
    start_chance: Percent | None = None
    """Format 2: the chance (0-100) that the flag starts true, drawn per game."""
    seen_by: list[str] = ["all"]
    """Powers that see this flag, or `all`."""


class Turn(Model):
    date: dt.date
    """First day of the turn; dates must increase."""
    title: Text
    """Heading of the turn, e.g. `The week of Prague`; in format 2 it may have versions,
    chosen by the state at the turn's start (the last, the fallback, is history's)."""
    history: str = ""
    """What really happened in this period (shown beside the game's own course)."""
    sources: list[str] = []
    """Sources of the `history` line."""


class Option(Model):
    """One answer to a reply or an event that asks for a decision."""

    id: Id
    label: Text
    """The answer as the deciding power sees it."""
    text: Text = ""
    """The dispatch that reports this answer."""
    reason: Text = ""
    """Format 2: why the power answers so, shown in the dispatch."""
    locked_hint: str = ""
    """Format 2: what the deciding power is told when this answer is closed (by default,
    the failing part of `when` in words)."""
    when: str = ""
    """Condition under which this answer can be given (empty: always)."""
    weight: Weight = 1
    """Weight for a computer-played power: a number or an expression (0: never)."""
    historical: bool = False
    """The answer given in history; a computer-played power on the historical path takes it."""
    effects: list[str] = []


class Reply(Model):
    """The answer a power gives to an action addressed to it."""

    by: str
    """The power that answers."""
    delay: Annotated[int, Field(ge=0, le=20)] = 1
    """Turns until the answer arrives (0: at the end of this turn)."""
    prompt: Text = ""
    """What the answering power is asked, shown when a person must decide."""
    options: Annotated[list[Option], Field(min_length=1)]


class Action(Model):
    """A move a power can make in its turn."""

    id: Id
    by: str
    """The power that may take this move."""
    to: list[str] = []
    """Powers addressed by the move."""
    title: Text
    """The move in a few words, as listed for the player."""
    text: Text = ""
    """The dispatch reporting the move once made."""
    preview: Text = ""
    """What the player is told the move will do (effects are also previewed)."""
    cost: Annotated[int, Field(ge=0, le=10)] = 1
    when: str = ""
    """Condition under which the move is open (empty: always)."""
    after: dt.date | None = None
    """Open from this date on."""
    until: dt.date | None = None
    """Open up to this date (inclusive)."""
    once: bool = True
    """Whether the move can be made only once in a game (false by default when `cooldown`
    or `max_uses` is given)."""
    cooldown: Annotated[int, Field(ge=0, le=100)] = 0
    """Format 2: turns after a use before the move opens again."""
    max_uses: Annotated[int, Field(ge=1, le=1000)] | None = None
    """Format 2: how many times the move can be made in a game."""
    secret: bool = False
    """Whether only the mover and the addressed powers hear of it."""
    weight: Weight = 1
    """Weight for a computer-played power off the historical path (0: never)."""
    effects: list[str] = []
    replies: list[Reply] = []
    history: HistoryNote | None = None
    scripted: str = ""
    """If set, the reason this move is reachable only by a scripted line (for reach tests)."""


class Event(Model):
    """Something that happens: on a date, when a condition holds, or when scheduled."""

    id: Id
    title: Text
    text: Text
    date: dt.date | None = None
    """Fires in the turn that contains this date (if `when` holds then)."""
    until: dt.date | None = None
    """With `date`: keep trying each turn up to this date while `when` does not hold."""
    when: str = ""
    """Condition that must hold for the event to fire."""
    repeat: bool = False
    """Whether the event may fire again in later turns."""
    chance: Percent | str = 100
    """Format 2: the chance (0-100, or an expression clamped to it) that the event fires in
    a turn when it could."""
    seen_by: list[str] = ["all"]
    """Powers that hear of the event, or `all`."""
    effects: list[str] = []
    choice_by: str = ""
    """If set, this power chooses among `choices`."""
    prompt: Text = ""
    """The question put to the choosing power."""
    choices: list[Option] = []
    history: HistoryNote | None = None
    scripted: str = ""
    """If set, the reason this event is reachable only by a scripted line."""


class Ending(Model):
    id: Id
    title: Text
    when: str = ""
    """Condition that ends the game (empty: the fallback, at the end of the calendar)."""
    final: bool = False
    """Checked only when the calendar runs out."""
    epilogue: Text
    """What followed, told as the game's last dispatch."""
    comparison: Text = ""
    """How this ending compares with what really happened."""
    scores: dict[str, Score] = {}
    """Score for each power (0-100): a number or an expression of the final state."""
    history: HistoryNote | None = None
    scripted: str = ""
    """If set, the reason this ending is reachable only by a scripted line."""


class HistoricalStep(Model):
    """A move that a power made in history: computer-played powers follow these."""

    date: dt.date
    """The move is made in the turn containing this date."""
    power: str
    action: str
    when: str = ""
    """Extra condition; if the move is not open or this fails, the power leaves the path."""


class Position(Model):
    """Where one power stands on a question, while `when` holds."""

    power: str
    text: str
    when: str = ""


class Question(Model):
    """An open question on the negotiating table."""

    id: Id
    label: str
    description: str = ""
    positions: list[Position] = []
    """For each power, the first position whose `when` holds is shown."""


class Entry(Model):
    """An encyclopedia entry: a person, place, treaty or term."""

    term: str
    kind: Literal["person", "place", "treaty", "term", "organisation"] = "term"
    text: str
    sources: list[str] = []


class Scenario(Model):
    """A whole scenario file."""

    format: int
    """Format version of the file: 1, or 2 for draws, chance, estimates, costs, names,
    text versions, continuity rules and victory levels."""
    id: Id
    extends: str = ""
    """For a variant: the id of the scenario it changes (bundled, or a file beside it)."""
    remove: dict[str, list[str]] = {}
    """For a variant: ids to take out of the base, by table, e.g. `{ events = ["x"] }`."""
    title: str
    summary: str = ""
    """One or two sentences for the scenario list."""
    atmosphere: str = ""
    """A line of period atmosphere for the title screen."""
    author: str = ""
    author_note: HistoryNote | None = None
    """For an alternate history: what changed from the record and why it is plausible."""
    start: dt.date
    end: dt.date
    """The date the game ends if nothing ends it earlier."""
    sources: list[Source] = []
    powers: Annotated[list[Power], Field(min_length=1)]
    variables: list[Variable] = []
    flags: list[Flag] = []
    calendar: Annotated[list[Turn], Field(min_length=1)]
    events: list[Event] = []
    actions: list[Action] = []
    endings: Annotated[list[Ending], Field(min_length=1)]
    historical_path: list[HistoricalStep] = []
    questions: list[Question] = []
    encyclopedia: list[Entry] = []
    names: list[Name] = []
    """Format 2: names that texts write as `{id}`."""
    continuity: list[Continuity] = []
    """Format 2: words that no text may show while a condition holds."""
    map: Map | None = None
    """A map of the theatre: regions on a grid, coloured by conditions (see `mapmodel`)."""

    _code: Code | None = PrivateAttr(default=None)
    _file: str = PrivateAttr(default="")
    _digest: str = PrivateAttr(default="")
    _locate: Any = PrivateAttr(default=None)
    """Where each key path was written: (file, line), across a variant and its base."""

    _compile: Any = PrivateAttr(default=None)
    """For a scenario from the cache: compiles its notation when first asked for."""

    @property
    def code(self) -> Code:
        """The compiled notation, set by the loader (empty for a scenario built otherwise)."""
        if self._code is None and self._compile is not None:
            self._code = self._compile(self)
        return self._code if self._code is not None else Code()

    @property
    def file(self) -> str:
        """The file this scenario was read from."""
        return self._file

    @property
    def digest(self) -> str:
        """SHA-256 of the file's bytes: saves use it to notice a changed scenario."""
        return self._digest

    def power(self, power_id: str) -> Power:
        return next(p for p in self.powers if p.id == power_id)

    @property
    def playable(self) -> list[Power]:
        return [p for p in self.powers if p.playable]
