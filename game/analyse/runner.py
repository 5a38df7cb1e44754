"""Playing the analysed power by a strategy, one game a task, in this process or a pool.

Tasks carry the scenario by the name it was given (an id or a path) and plain-data
strategies, so any worker can play them; results come back in task order, so a report
never depends on how many workers played it."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..engine import Game
from ..scenario import Scenario, load
from ..scenario.models import Option
from ..workers import pool as workers
from .improve import Improved
from .strategies import Strategy

Script = Strategy | Improved

_scenarios: dict[str, Scenario] = {}


def scenario(name: str) -> Scenario:
    """The scenario of a task, loaded once per process."""
    found = _scenarios.get(name)
    if found is None:
        found = _scenarios[name] = load(name)
    return found


@dataclass(frozen=True)
class Task:
    scenario: str
    power: str
    strategy: Script | None
    """None: the power is computer-played by `adaptive` (the planner)."""
    seed: int
    opponents: str | tuple[tuple[str, str], ...] = "historical"
    adaptive: str = "planner:hard"


@dataclass
class Record:
    """What one game showed about the analysed power."""

    seed: int
    score: int
    ending: str
    level: str
    decisions: int = 0
    options: int = 0
    idle_turns: int = 0
    words: int = 0
    violations: int = 0
    moves: list[tuple[int, str]] = field(default_factory=list)
    """(turn, move) of every move the power made."""
    answers: list[tuple[str, str]] = field(default_factory=list)
    """(question, answer) of every answer it gave."""
    single: list[str] = field(default_factory=list)
    """Questions put to it with one open answer."""
    seen: list[str] = field(default_factory=list)
    """Every question put to it."""


def _policy(task: Task) -> str | dict[str, str]:
    base = task.opponents if isinstance(task.opponents, str) else dict(task.opponents)
    if task.strategy is not None:
        return base
    if isinstance(base, str):
        sc = scenario(task.scenario)
        base = {p.id: base for p in sc.powers}
    return {**base, task.power: task.adaptive}


def play(task: Task) -> Record:
    """One game of the task, to its end."""
    sc = scenario(task.scenario)
    human = () if task.strategy is None else (task.power,)
    game = Game.new(sc, humans=human, seed=task.seed, policy=_policy(task))
    rng = random.Random(f"analyse:{task.seed}")
    record = Record(task.seed, 0, "", "")
    strategy = task.strategy
    while not game.over:
        if strategy is not None:
            _turn(game, task.power, strategy, rng, record)
        if not game.over:
            game.end_turn()
    outcome = game.ending
    assert outcome is not None
    record.score = outcome.scores.get(task.power, 0)
    record.ending = outcome.ending
    record.level = outcome.levels.get(task.power, "")
    record.words = sum(
        len(d.title.split()) + len(d.text.split()) for d in game.dispatches(task.power)
    )
    record.violations = len(game.state.violations)
    if strategy is None:
        record.moves = [
            (d.turn, d.source)
            for d in game.state.dispatches
            if d.kind == "move" and d.power == task.power
        ]
        asked = options_of(sc, task.power)
        record.answers = sorted((q, o) for q, o in game.state.seen_options if o in asked.get(q, ()))
    return record


def questions_of(sc: Scenario, power: str) -> dict[str, list[Option]]:
    """The options of every question `power` answers, by question id."""
    out: dict[str, list[Option]] = {}
    for act in sc.actions:
        for reply in act.replies:
            if reply.by == power:
                out[act.id] = list(reply.options)
    for ev in sc.events:
        if ev.choice_by == power:
            out[ev.id] = list(ev.choices)
    return out


def options_of(sc: Scenario, power: str) -> dict[str, list[str]]:
    """The option ids of every question `power` answers, by question id."""
    return {q: [o.id for o in opts] for q, opts in questions_of(sc, power).items()}


def _turn(game: Game, power: str, strategy: Script, rng: random.Random, record: Record) -> None:
    acted = False
    for decision in game.decisions(power):
        choices = game.choices(decision)
        record.decisions += 1
        record.options += len(choices)
        record.seen.append(decision.source)
        if len(choices) == 1 and len(game.options(decision)) == 1:
            # one answer and no closed one to say why: no choice at all
            record.single.append(decision.source)
        pick = strategy.answer(game, decision, rng)
        record.answers.append((decision.source, pick))
        game.decide(power, decision.id, pick)
        acted = True
        if game.over:
            return
    if game.closing:
        return
    while not game.over:
        moves = [m for m in game.moves(power) if m.cost <= game.budget(power)]
        if not moves:
            break
        record.decisions += 1
        record.options += len(moves) + 1
        chosen = strategy.move(game, power, moves, rng)
        if chosen is None:
            break
        record.moves.append((game.state.turn, chosen))
        game.play(power, chosen)
        acted = True
    if not acted and not game.moves(power):
        record.idle_turns += 1


class Runner:
    """Plays tasks in this process, or in a pool of `jobs` processes kept for its life."""

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)
        self.pool = workers(self.jobs) if self.jobs > 1 else None
        self.games = 0

    def run(self, tasks: Sequence[Task]) -> list[Record]:
        """Every task's record, in task order (the same whatever `jobs` is)."""
        self.games += len(tasks)
        if self.pool is None or len(tasks) < 4:
            return [play(t) for t in tasks]
        size = max(1, len(tasks) // (self.jobs * 4))
        return list(self.pool.map(play, tasks, chunksize=size))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def opponents_key(opponents: str | Mapping[str, str]) -> str | tuple[tuple[str, str], ...]:
    """Opponents in a form a task can carry."""
    return opponents if isinstance(opponents, str) else tuple(sorted(opponents.items()))
