"""The game: commands in, dispatches out, one seeded generator for all chance."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence

from ..scenario.models import Scenario
from . import draws
from .content import content_of
from .decisions import lock_reason
from .describe import effect_words, preview_of
from .phases import Phases
from .policies import POLICIES, specs
from .policies.planner import Planner
from .seats import check_seats
from .state import (
    Choice,
    Command,
    Decision,
    Dispatch,
    GameError,
    Move,
    Outcome,
    State,
    end_turn_command,
)
from .views import Views

__all__ = ["POLICIES", "Game"]


class Game(Views, Phases):
    """One game of a scenario. Front ends call `moves`, `play`, `decide` and `end_turn`."""

    def __init__(
        self,
        scenario: Scenario,
        humans: Iterable[str],
        seed: int,
        policy: str | Mapping[str, str] = "historical",
    ) -> None:
        self.scenario = scenario
        self.content = content_of(scenario)
        self.seed = seed
        self.humans = tuple(humans)
        self.policy = policy
        content = self.content
        chosen = content.policies.get(policy) if isinstance(policy, str) else None
        if chosen is None:
            chosen = specs(content.powers, policy)
            if isinstance(policy, str):
                content.policies[policy] = chosen
        self.historical = {p for p, spec in chosen.items() if spec.kind == "historical"}
        """Computer-played powers that follow the historical path while they can."""
        self.planners = {
            p: Planner(p, spec.rollouts)
            for p, spec in chosen.items()
            if spec.kind == "planner" and p not in self.humans
        }
        self._quiet = False
        self._phase = "start"
        if self.humans:
            check_seats(scenario, content.powers, self.humans)
        self.names = content.names
        rng = random.Random(seed)
        env = content.start_env()
        self.state = State(turn=1, env=env, rng=rng)
        self.state.draws = draws.draw_start(content.starts, content.drawn_flags, env, rng)
        self.state.estimates = draws.first_estimates(content.estimating, rng)
        self._new: list[Dispatch] = []
        self._begin_turn()
        self._new = list(self.state.dispatches)

    @classmethod
    def new(
        cls,
        scenario: Scenario,
        humans: Iterable[str] = (),
        seed: int = 1939,
        policy: str | Mapping[str, str] = "historical",
    ) -> Game:
        """A new game. `policy` ("historical" or "random") says how computer-played powers
        choose, for all of them or, as a mapping, power by power (default historical)."""
        return cls(scenario, humans, seed, policy)

    @classmethod
    def replay(
        cls,
        scenario: Scenario,
        humans: Iterable[str],
        seed: int,
        log: Sequence[Command],
        policy: str | Mapping[str, str] = "historical",
    ) -> Game:
        """The game that the command log produces (raises `GameError` if a command fails)."""
        game = cls(scenario, humans, seed, policy)
        for number, cmd in enumerate(log, 1):
            try:
                if cmd.turn != game.state.turn:
                    raise GameError(
                        f"it was given in turn {cmd.turn}, but the game is in "
                        f"turn {game.state.turn}"
                    )
                game.command(cmd)
            except GameError as err:
                raise GameError(
                    f"command {number} ({cmd.verb} {' '.join(cmd.args)}) cannot be replayed: {err}"
                ) from None
        return game

    @property
    def can_undo(self) -> bool:
        """Whether the last command was a move or an answer given in this turn."""
        log = self.state.log
        return bool(log) and log[-1].verb != "end_turn" and log[-1].turn == self.state.turn

    def undone(self) -> Game:
        """This game without its last command (replayed from the log); only within a turn."""
        if not self.can_undo:
            raise GameError("there is nothing to take back in this turn")
        return Game.replay(self.scenario, self.humans, self.seed, self.state.log[:-1], self.policy)

    def undo(self) -> None:
        """Take back the last command of this turn, in place (see `undone`)."""
        self.state = self.undone().state

    def command(self, cmd: Command) -> list[Dispatch]:
        """Carry out a logged command."""
        if cmd.verb == "play" and len(cmd.args) == 1:
            return self.play(cmd.power, cmd.args[0])
        if cmd.verb == "decide" and len(cmd.args) == 2:
            return self.decide(cmd.power, cmd.args[0], cmd.args[1])
        if cmd.verb == "end_turn" and not cmd.args:
            return self.end_turn()
        raise GameError(cmd.refusal())

    # -- reading --------------------------------------------------------------------------
    @property
    def ending(self) -> Outcome | None:
        return self.state.outcome

    @property
    def over(self) -> bool:
        return self.state.outcome is not None

    @property
    def closing(self) -> bool:
        """Whether the turn's moves are over and people answer before the turn closes."""
        return self.state.closing

    @property
    def turns(self) -> int:
        return self.content.turns

    def budget(self, power: str) -> int:
        return self.state.budgets.get(power, 0)

    def moves(self, power: str) -> list[Move]:
        """The moves open to `power` now (none once the game is over or the turn closing)."""
        if self.over or self.state.closing:
            return []
        out, env, sc, text = [], self.state.env, self.scenario, self.text
        for ca in self.content.by_power.get(power, []):
            if self._open(power, ca, budget=False):
                a = ca.action
                shown = preview_of(sc, text(a.preview), ca.effects, power, env, ca.uses_key)
                out.append(
                    Move(a.id, text(a.title), a.cost, tuple(a.to), shown, text(a.text), a.secret)
                )
        return out

    def decisions(self, power: str | None = None) -> list[Decision]:
        """Questions waiting for an answer, for one human power or all."""
        return [d for d in self.state.decisions if power is None or d.power == power]

    def choices(self, decision: Decision) -> list[Choice]:
        """The answers open for a decision now."""
        return [c for c in self.options(decision) if c.open]

    def options(self, decision: Decision) -> list[Choice]:
        """Every answer of a decision: the open ones with their visible effects valued now,
        the closed ones with the reason they are closed."""
        env = self.state.env
        available = {id(o) for o in self._available(decision)}
        out = []
        for o in self._options(decision):
            opt = o.option
            words = [effect_words(self.scenario, e, decision.power, env) for e in o.effects]
            effects = "; ".join(w for w in words if w)
            if id(o) in available:
                out.append(Choice(opt.id, self.text(opt.label), True, effects))
                continue
            locked = opt.locked_hint or lock_reason(
                opt.when,
                env,
                self._label,
                lambda v: self.known(decision.power, v),
                self._is_flag,
                self.content.named,
            )
            out.append(Choice(opt.id, self.text(opt.label), False, effects, locked))
        return out

    # -- commands ------------------------------------------------------------------------
    def _check_human(self, power: str) -> None:
        if self.over:
            raise GameError("the game is over")
        if power not in self.humans:
            if power in self.content.powers:
                raise GameError(f"{self.names[power]} is not played by a person in this game")
            raise GameError(f"'{power}' is not a power of this scenario")

    def play(self, power: str, move_id: str) -> list[Dispatch]:
        """Make a move for a human power."""
        self._check_human(power)
        if self.state.closing:
            raise GameError("the week's moves are made: answer what is asked, then end the turn")
        ca = self.content.actions.get(move_id)
        if ca is None or ca.action.by != power:
            raise GameError(f"{self.names[power]} has no move '{move_id}'")
        if not self._open(power, ca, budget=False):
            raise GameError(f"'{self.text(ca.action.title)}' is not open now")
        if ca.action.cost > self.budget(power):
            raise GameError(
                f"'{self.text(ca.action.title)}' costs {ca.action.cost} and "
                f"{self.names[power]} has {self.budget(power)} left this turn"
            )
        start = len(self.state.dispatches)
        self.state.log.append(Command(self.state.turn, power, "play", (move_id,)))
        self._play(power, ca)
        self._check_endings(final=False)
        return self._taken(start)

    def decide(self, power: str, decision_id: str, option_id: str) -> list[Dispatch]:
        """Answer a decision waiting for a human power."""
        self._check_human(power)
        decision = next((d for d in self.state.decisions if d.id == decision_id), None)
        if decision is None or decision.power != power:
            raise GameError(f"{self.names[power]} has no question '{decision_id}' waiting")
        option = next((o for o in self._available(decision) if o.option.id == option_id), None)
        if option is None:
            shut = next((c for c in self.options(decision) if c.id == option_id), None)
            open_ids = ", ".join(c.id for c in self.choices(decision))
            if shut is not None:
                raise GameError(f"'{shut.label}' is closed ({shut.locked}); open: {open_ids}")
            raise GameError(f"'{option_id}' is not an answer open now; open: {open_ids}")
        start = len(self.state.dispatches)
        self.state.log.append(Command(self.state.turn, power, "decide", (decision_id, option_id)))
        self.state.decisions.remove(decision)
        self._answer(decision, option)
        self._check_endings(final=False)
        return self._taken(start)

    def end_turn(self) -> list[Dispatch]:
        """Close the turn: other powers move, replies and events resolve, endings are checked.
        If the computer powers' moves (or people's) call for a person's answer this very
        turn, the turn stops there (`closing`): answer, then call `end_turn` again."""
        if self.over:
            raise GameError("the game is over")
        waiting = self.state.decisions
        if waiting:
            d = waiting[0]
            raise GameError(f"{self.names[d.power]} must first answer: {d.title}")
        st = self.state
        start = len(st.dispatches)
        st.log.append(end_turn_command(st.turn))
        if not st.closing:
            content = self.content
            found = content.computer.get(self.humans)
            anyone, moving = content.computer_of(self.humans) if found is None else found
            if anyone:
                self._phase = "moves"  # a power without moves has nothing to do
            historical, off_path, steps, turn = self.historical, st.off_path, content.steps, st.turn
            for power in moving:
                if power in historical and power not in off_path and (turn, power) not in steps:
                    continue  # on the path, with nothing to do this turn
                self._computer_moves(power)
            if self._ask_people(same_turn=True):
                st.closing = True
                return self._taken(start)
        st.closing = False
        self._close_turn()
        return self._taken(start)

    def _close_turn(self) -> None:
        """The end of a turn after the moves: answers, endings, drift, the next turn."""
        st = self.state
        self._resolve_replies()
        if not self.over:
            self._check_endings(final=False)
        if self.over:
            return
        self._drift()
        if st.turn >= self.content.turns:
            self._check_endings(final=True)
            return
        st.turn += 1
        self._begin_turn()
