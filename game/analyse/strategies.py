"""How the analysed power is played: strategies a script follows, all plain data so that
a process pool can carry them.

- `Random`: spends every action on an open move chosen at random, answers at random. The
  draw is keyed, not sequential: each open move gets a number from the seed, the week, the
  actions left and its id, and the lowest is played. Two games of one seed that differ by
  one move therefore go on choosing alike wherever the same moves are open (common random
  numbers), so a paired difference measures the move, not a reshuffled game.
- `Plan`: a fixed plan that never looks at the state: moves to try by turn, in order, and
  an answer table (question id to the answers it prefers, in order).
- `Forced`: random play that takes one move when it first opens (or lets that action
  pass), the week ending there in both games, or always gives one answer when it is open
  (or never).
- `Greedy`: each move and answer that leaves the best ending's score if the game ended
  now (one step ahead, on a copy determinized for the power).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ..engine import Choice, Decision, Game, Move
from ..engine.endings import outcome_of
from ..engine.policies.rollout import fork_for

T = TypeVar("T", bound=Move | Choice)


def keyed(game: Game, slot: str, items: Sequence[T]) -> T:
    """The item with the lowest number drawn from the seed, the week, `slot` and its id:
    a random pick that does not change when other items come or go."""

    def number(item: T) -> bytes:
        text = f"{game.seed}|{game.state.turn}|{slot}|{item.id}".encode()
        return hashlib.blake2b(text, digest_size=8).digest()

    return min(items, key=number)


@dataclass(frozen=True)
class Random:
    name: str = "random"

    def move(self, game: Game, power: str, moves: list[Move], rng: random.Random) -> str | None:
        return keyed(game, f"move{game.budget(power)}", moves).id if moves else None

    def answer(self, game: Game, decision: Decision, rng: random.Random) -> str:
        return keyed(game, decision.source, game.choices(decision)).id


@dataclass(frozen=True)
class Plan:
    moves: tuple[tuple[int, tuple[str, ...]], ...] = ()
    """(turn, moves to try in order) for the turns the plan acts in."""
    answers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(question id, the answers it prefers in order)."""
    name: str = "plan"

    def move(self, game: Game, power: str, moves: list[Move], rng: random.Random) -> str | None:
        wanted = dict(self.moves).get(game.state.turn, ())
        open_ids = {m.id for m in moves}
        return next((m for m in wanted if m in open_ids), None)

    def answer(self, game: Game, decision: Decision, rng: random.Random) -> str:
        open_ids = [c.id for c in game.choices(decision)]
        wanted = dict(self.answers).get(decision.source, ())
        return next((o for o in wanted if o in open_ids), open_ids[0])


@dataclass(frozen=True)
class Forced:
    """Random play that takes `move` once, the first time it is open, or lets that action
    pass there; either way the move is not taken again. Or play that gives the answer
    `option` of question `source` whenever it is open, or never. Each pair, on the same
    seeds, measures one use of a move against doing nothing."""

    move_id: str = ""
    source: str = ""
    option: str = ""
    always: bool = True
    name: str = "forced"
    base: Random = field(default_factory=Random)

    def move(self, game: Game, power: str, moves: list[Move], rng: random.Random) -> str | None:
        if self.move_id:
            marks: dict[str, int] = game.__dict__.setdefault("_forced", {})
            if marks.get("week") == game.state.turn:
                return None  # the week that made (or passed over) the move ends there
            first = self.move_id not in game.state.used and "done" not in marks
            if first and any(m.id == self.move_id for m in moves):
                marks.update(week=game.state.turn, done=1)
                return self.move_id if self.always else None
            moves = [m for m in moves if m.id != self.move_id]
        return self.base.move(game, power, moves, rng)

    def answer(self, game: Game, decision: Decision, rng: random.Random) -> str:
        choices = game.choices(decision)
        if self.option and decision.source == self.source:
            if self.always and any(c.id == self.option for c in choices):
                return self.option
            if not self.always and len(choices) > 1:
                choices = [c for c in choices if c.id != self.option]
        return keyed(game, decision.source, choices).id


@dataclass(frozen=True)
class Greedy:
    name: str = "greedy"

    def _worth(self, game: Game, power: str, act: object, rng: random.Random) -> float:
        g = fork_for(game, power, rng.getrandbits(64))
        g._phase = "moves"
        if isinstance(act, Move):
            g._play(power, g.content.actions[act.id])
        outcome = outcome_of(g, final=True)
        return float(outcome.scores.get(power, 0)) if outcome else 0.0

    def move(self, game: Game, power: str, moves: list[Move], rng: random.Random) -> str | None:
        if not moves:
            return None
        now = self._worth(game, power, None, rng)
        best = max(moves, key=lambda m: self._worth(game, power, m, rng))
        return best.id if self._worth(game, power, best, rng) >= now else None

    def answer(self, game: Game, decision: Decision, rng: random.Random) -> str:
        choices = game.choices(decision)
        options = {o.option.id: o for o in game._options(decision)}

        def worth(option_id: str) -> float:
            g = fork_for(game, decision.power, rng.getrandbits(64))
            g._apply_option(decision.power, "", options[option_id], "", None)
            outcome = outcome_of(g, final=True)
            return float(outcome.scores.get(decision.power, 0)) if outcome else 0.0

        return max(choices, key=lambda c: worth(c.id)).id


Strategy = Random | Plan | Forced | Greedy
