"""The game: commands in, dispatches out, one seeded generator for all chance."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from ..scenario.models import Scenario
from ..scenario.notation import Effect
from .content import CompiledAction, CompiledEvent, CompiledOption, content_of, weight_of
from .describe import preview_of
from .state import (
    Choice,
    Command,
    Decision,
    Dispatch,
    GameError,
    Move,
    Outcome,
    PendingReply,
    State,
)

POLICIES = ("historical", "random")
T = TypeVar("T")


class Game:
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
        self.humans: tuple[str, ...] = tuple(humans)
        chosen = (
            {p: policy for p in self.content.powers}
            if isinstance(policy, str)
            else {p: policy.get(p, "historical") for p in self.content.powers}
        )
        for name in chosen.values():
            if name not in POLICIES:
                raise GameError(f"unknown policy '{name}': use one of {', '.join(POLICIES)}")
        self.policy = policy
        self.historical = {p for p, name in chosen.items() if name == "historical"}
        """Computer-played powers that follow the historical path while they can."""
        playable = {p.id for p in scenario.powers if p.playable}
        for power in self.humans:
            if power not in self.content.powers:
                raise GameError(
                    f"'{power}' is not a power of this scenario; "
                    f"playable: {', '.join(sorted(playable))}"
                )
            if power not in playable:
                raise GameError(
                    f"'{power}' cannot be played; playable: {', '.join(sorted(playable))}"
                )
        if len(set(self.humans)) != len(self.humans):
            raise GameError("a power can be taken by only one player")
        self.names = {p.id: p.name for p in scenario.powers}
        self.state = State(turn=1, env=self.content.start_env(), rng=random.Random(seed))
        self._new: list[Dispatch] = []
        self._begin_turn()

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
        raise GameError(f"unknown command '{cmd.verb}'")

    # -- reading --------------------------------------------------------------------------
    @property
    def ending(self) -> Outcome | None:
        return self.state.outcome

    @property
    def over(self) -> bool:
        return self.state.outcome is not None

    @property
    def turns(self) -> int:
        return self.content.turns

    def turn_title(self, turn: int | None = None) -> str:
        return self.scenario.calendar[(turn or self.state.turn) - 1].title

    def budget(self, power: str) -> int:
        return self.state.budgets.get(power, 0)

    def moves(self, power: str) -> list[Move]:
        """The moves open to `power` now (none once the game is over)."""
        if self.over:
            return []
        out = []
        for ca in self.content.by_power.get(power, []):
            if self._open(power, ca, budget=False):
                a = ca.action
                out.append(
                    Move(
                        a.id,
                        a.title,
                        a.cost,
                        tuple(a.to),
                        preview_of(self.scenario, a.preview, ca.effects, power, self.state.env),
                        a.text,
                        a.secret,
                    )
                )
        return out

    def decisions(self, power: str | None = None) -> list[Decision]:
        """Questions waiting for an answer, for one human power or all."""
        return [d for d in self.state.decisions if power is None or d.power == power]

    def choices(self, decision: Decision) -> list[Choice]:
        """The answers open for a decision now."""
        return [Choice(o.option.id, o.option.label) for o in self._available(decision)]

    def dispatches(self, power: str | None = None, turn: int | None = None) -> list[Dispatch]:
        """What `power` has heard (everything if None), of one turn or of the whole game."""
        return [
            d
            for d in self.state.dispatches
            if d.visible_to(power) and (turn is None or d.turn == turn)
        ]

    def sees(self, power: str | None, seen_by: list[str]) -> bool:
        return power is None or "all" in seen_by or power in seen_by

    def variables(self, power: str | None = None) -> list[tuple[str, str, int, int, int]]:
        """(id, label, value, min, max) of the variables `power` can see."""
        env = self.state.env
        return [
            (v.id, v.label, env[v.id], v.min, v.max)
            for v in self.scenario.variables
            if self.sees(power, v.seen_by)
        ]

    def flags(self, power: str | None = None) -> list[tuple[str, str, bool]]:
        """(id, label, set?) of the flags `power` can see."""
        env = self.state.env
        return [
            (f.id, f.label, bool(env[f.id]))
            for f in self.scenario.flags
            if self.sees(power, f.seen_by)
        ]

    def table(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """The negotiating table: (question id, label, [(power, position)])."""
        env = self.state.env
        out = []
        for q, positions in self.content.questions:
            shown: dict[str, str] = {}
            for power, text, when in positions:
                if power not in shown and when(env):
                    shown[power] = text
            out.append((q.id, q.label, list(shown.items())))
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
        ca = self.content.actions.get(move_id)
        if ca is None or ca.action.by != power:
            raise GameError(f"{self.names[power]} has no move '{move_id}'")
        if not self._open(power, ca, budget=False):
            raise GameError(f"'{ca.action.title}' is not open now")
        if ca.action.cost > self.budget(power):
            raise GameError(
                f"'{ca.action.title}' costs {ca.action.cost} and "
                f"{self.names[power]} has {self.budget(power)} left this turn"
            )
        self._new = []
        self.state.log.append(Command(self.state.turn, power, "play", (move_id,)))
        self._play(power, ca)
        self._check_endings(final=False)
        return self._new

    def decide(self, power: str, decision_id: str, option_id: str) -> list[Dispatch]:
        """Answer a decision waiting for a human power."""
        self._check_human(power)
        decision = next((d for d in self.state.decisions if d.id == decision_id), None)
        if decision is None or decision.power != power:
            raise GameError(f"{self.names[power]} has no question '{decision_id}' waiting")
        option = next((o for o in self._available(decision) if o.option.id == option_id), None)
        if option is None:
            open_ids = ", ".join(c.id for c in self.choices(decision))
            raise GameError(f"'{option_id}' is not an answer open now; open: {open_ids}")
        self._new = []
        self.state.log.append(Command(self.state.turn, power, "decide", (decision_id, option_id)))
        self.state.decisions.remove(decision)
        self._answer(decision, option)
        self._check_endings(final=False)
        return self._new

    def end_turn(self) -> list[Dispatch]:
        """Close the turn: other powers move, replies and events resolve, endings are checked."""
        if self.over:
            raise GameError("the game is over")
        waiting = self.state.decisions
        if waiting:
            d = waiting[0]
            raise GameError(f"{self.names[d.power]} must first answer: {d.title}")
        st = self.state
        self._new = []
        st.log.append(Command(st.turn, "", "end_turn"))
        for power in self.content.powers:
            if power not in self.humans:
                self._computer_moves(power)
        self._resolve_replies()
        if not self.over:
            self._check_endings(final=False)
        if self.over:
            return self._new
        env = st.env
        for var, drift in self.content.drift:
            self._set(var, env[var] + drift)
        if st.turn >= self.content.turns:
            self._check_endings(final=True)
            return self._new
        st.turn += 1
        self._begin_turn()
        return self._new

    # -- turn phases ---------------------------------------------------------------------
    def _begin_turn(self) -> None:
        st, content = self.state, self.content
        env = st.env
        env["turn"] = st.turn
        env["date"] = content.turn_dates[st.turn - 1]
        for var, values in self._series():
            values.append(env[var])
        st.budgets = dict(content.budgets)
        self._emit("news", self.turn_title(), "")
        candidates = content.candidates[st.turn]
        due: list[str] = []
        if st.scheduled:
            due = [ev for t, ev in st.scheduled if t == st.turn]
            st.scheduled = [(t, ev) for t, ev in st.scheduled if t != st.turn]
            if due:
                extra = [content.events[e] for e in due]
                candidates = sorted(
                    {c.event.id: c for c in candidates + extra}.values(),
                    key=lambda c: content.order[c.event.id],
                )
        fired = st.fired
        for ce in candidates:
            ev = ce.event
            if ev.id in fired and not ev.repeat:
                continue
            if ce.scheduled_only and ev.id not in due:
                continue
            if ce.when(env):
                self._fire(ce)
        self._ask_people()
        self._check_endings(final=False)

    def _series(self) -> list[tuple[str, list[int]]]:
        series = self.state.series
        if not series:
            for v in self.scenario.variables:
                series[v.id] = []
        return list(series.items())

    def _fire(self, ce: CompiledEvent) -> None:
        ev, st = ce.event, self.state
        st.fired.add(ev.id)
        seen_by = None if "all" in ev.seen_by else frozenset(ev.seen_by)
        self._emit(
            "event", ev.title, ev.text, source=ev.id, seen_by=seen_by, date=self._event_date(ce)
        )
        self._apply(ce.effects)
        if ev.choice_by:
            if ev.choice_by in self.humans:
                self._ask(ev.choice_by, "event", ev.id, ev.title, ev.prompt or ev.title)
            else:
                option = self._pick_option(ev.choice_by, ce.choices)
                self._apply_option(ev.choice_by, ev.id, option, ev.title, seen_by)

    def _computer_moves(self, power: str) -> None:
        st, content = self.state, self.content
        if power in self.historical and power not in st.off_path:
            for step in content.steps.get((st.turn, power), []):
                ca = content.actions[step.action]
                if self._open(power, ca) and content.step_when[id(step)](st.env):
                    self._play(power, ca)
                else:
                    st.off_path.add(power)
                    break
            if power not in st.off_path:
                return
        candidates = content.window[(power, st.turn)]
        if not candidates:
            return
        pass_weight = content.pass_weight[power]
        env, used, budgets, rng = st.env, st.used, st.budgets, st.rng
        while budgets.get(power, 0) > 0:
            budget = budgets[power]
            picks: list[CompiledAction] = []
            weights: list[int] = []
            total = 0
            for ca in candidates:
                if (ca.once_id in used) or ca.cost > budget or not ca.when(env):
                    continue
                weight = ca.fixed_weight
                if weight is None:
                    weight = weight_of(ca.weight, env)
                if weight > 0:
                    picks.append(ca)
                    weights.append(weight)
                    total += weight
            if not picks or total + pass_weight <= 0:
                return
            roll = rng.randrange(total + pass_weight)
            if roll >= total:
                return  # the power lets this move pass
            index = 0
            while roll >= weights[index]:
                roll -= weights[index]
                index += 1
            self._play(power, picks[index])

    def _resolve_replies(self) -> None:
        """Computer-played powers answer what is due; a person's answers wait for next turn."""
        st = self.state
        due = [
            p
            for p in st.pending
            if p.due <= st.turn
            and self.content.actions[p.action].action.replies[p.index].by not in self.humans
        ]
        st.pending = [p for p in st.pending if p not in due]
        for pending in due:
            ca = self.content.actions[pending.action]
            reply = ca.action.replies[pending.index]
            option = self._pick_option(reply.by, ca.replies[pending.index])
            self._apply_option(
                reply.by,
                ca.action.id,
                option,
                f"{self.names[reply.by]} answers: {ca.action.title}",
                self._secrecy(ca),
                kind="reply",
            )

    def _ask_people(self) -> None:
        """Put the answers due from human powers to them, at the start of a turn: the turn
        the answer is due, or the next one if it is due in the turn the move was made."""
        st = self.state
        actions = self.content.actions
        due = [
            p
            for p in st.pending
            if p.due <= st.turn
            and p.made < st.turn
            and actions[p.action].action.replies[p.index].by in self.humans
        ]
        st.pending = [p for p in st.pending if p not in due]
        for pending in due:
            ca = self.content.actions[pending.action]
            reply = ca.action.replies[pending.index]
            self._ask(
                reply.by,
                "reply",
                ca.action.id,
                f"{self.names[pending.sender]}: {ca.action.title}",
                reply.prompt or ca.action.text or ca.action.title,
                index=pending.index,
                sender=pending.sender,
            )

    # -- helpers -------------------------------------------------------------------------
    def _open(self, power: str, ca: CompiledAction, budget: bool = True) -> bool:
        st, a = self.state, ca.action
        if a.once and a.id in st.used:
            return False
        if not ca.after <= st.env["date"] <= ca.until:
            return False
        if budget and a.cost > st.budgets.get(power, 0):
            return False
        return bool(ca.when(st.env))

    def _play(self, power: str, ca: CompiledAction) -> None:
        st, a = self.state, ca.action
        st.used.add(a.id)
        st.budgets[power] = st.budgets.get(power, 0) - a.cost
        self._emit(
            "move", a.title, a.text or a.title, source=a.id, power=power, seen_by=self._secrecy(ca)
        )
        self._apply(ca.effects)
        for index, reply in enumerate(a.replies):
            st.pending.append(PendingReply(st.turn + reply.delay, a.id, index, power, st.turn))

    def _secrecy(self, ca: CompiledAction) -> frozenset[str] | None:
        a = ca.action
        return frozenset({a.by, *a.to}) if a.secret else None

    def _ask(
        self,
        power: str,
        kind: str,
        source: str,
        title: str,
        prompt: str,
        index: int = 0,
        sender: str = "",
    ) -> None:
        st = self.state
        decision = Decision(
            f"q{st.next_decision}", power, kind, source, title, prompt, st.turn, index, sender
        )
        st.next_decision += 1
        st.decisions.append(decision)
        self._emit(
            "decision", title, prompt, source=source, power=power, seen_by=frozenset({power})
        )

    def _options(self, decision: Decision) -> tuple[CompiledOption, ...]:
        if decision.kind == "event":
            return self.content.events[decision.source].choices
        return self.content.actions[decision.source].replies[decision.reply_index]

    def _available(self, decision: Decision) -> list[CompiledOption]:
        options = self._options(decision)
        open_now = [o for o in options if o.when(self.state.env)]
        return open_now or [options[-1]]

    def _answer(self, decision: Decision, option: CompiledOption) -> None:
        if decision.kind == "event":
            ev = self.content.events[decision.source].event
            seen_by = None if "all" in ev.seen_by else frozenset(ev.seen_by)
            self._apply_option(decision.power, ev.id, option, ev.title, seen_by)
        else:
            ca = self.content.actions[decision.source]
            self._apply_option(
                decision.power,
                ca.action.id,
                option,
                f"{self.names[decision.power]} answers: {ca.action.title}",
                self._secrecy(ca),
                kind="reply",
            )

    def _pick_option(self, power: str, options: tuple[CompiledOption, ...]) -> CompiledOption:
        env = self.state.env
        open_now = [o for o in options if o.when(env)] or [options[-1]]
        if power in self.historical and power not in self.state.off_path:
            for option in open_now:
                if option.option.historical:
                    return option
        weighted = [(o, weight_of(o.weight, env)) for o in open_now]
        return self._weighted(weighted) or open_now[0]

    def _apply_option(
        self,
        power: str,
        source: str,
        option: CompiledOption,
        title: str,
        seen_by: frozenset[str] | None,
        kind: str = "event",
    ) -> None:
        self.state.seen_options.add((source, option.option.id))
        text = option.option.text or option.option.label
        self._emit(kind, title, text, source=source, power=power, seen_by=seen_by)
        self._apply(option.effects)

    def _weighted(self, items: Sequence[tuple[T, int]]) -> T | None:
        total = sum(w for _, w in items)
        if total <= 0:
            return None
        roll = self.state.rng.randrange(total)
        for item, w in items:
            if roll < w:
                return item
            roll -= w
        return None  # pragma: no cover - unreachable

    def _apply(self, effects: Iterable[Effect]) -> None:
        env = self.state.env
        for e in effects:
            kind = e.kind
            if kind == "add":
                self._set(e.target, env[e.target] + e.value(env))
            elif kind == "set":
                env[e.target] = 1
            elif kind == "clear":
                env[e.target] = 0
            elif kind == "assign":
                self._set(e.target, e.value(env))
            else:  # schedule
                self.state.scheduled.append((self.state.turn + max(1, e.delay), e.target))

    def _set(self, var: str, value: int) -> None:
        low, high = self.content.bounds[var]
        self.state.env[var] = low if value < low else high if value > high else value

    def _event_date(self, ce: CompiledEvent) -> dt.date | None:
        """An event's own date when it falls in this turn (a dispatch of 17 March is dated
        17 March, though the turn began on the 15th)."""
        day = ce.event.date
        st = self.state
        if day is None or self.content.turn_of(day.toordinal()) != st.turn:
            return None
        return min(day, self.scenario.end)

    def _emit(
        self,
        kind: str,
        title: str,
        text: str,
        source: str = "",
        power: str = "",
        seen_by: frozenset[str] | None = None,
        date: dt.date | None = None,
    ) -> None:
        st = self.state
        day = date or self.content.dates[st.turn - 1]
        d = Dispatch(st.turn, day, kind, title, text, source, power, seen_by)
        self.state.dispatches.append(d)
        self._new.append(d)

    def _check_endings(self, final: bool) -> None:
        st = self.state
        if st.outcome is not None:
            return
        env = st.env
        chosen = None
        for ce in self.content.endings:
            if ce.fallback or (ce.ending.final and not final):
                continue
            if ce.when(env):
                chosen = ce
                break
        if chosen is None and final:
            chosen = next(ce for ce in self.content.endings if ce.fallback)
        if chosen is None:
            return
        e = chosen.ending
        scores = {p: max(0, min(100, int(fn(env)))) for p, fn in chosen.scores.items()}
        date = self.scenario.end if final else st.date
        st.outcome = Outcome(e.id, e.title, st.turn, date, scores, e.epilogue, e.comparison)
        st.decisions.clear()
        self._emit("ending", e.title, e.epilogue, source=e.id)
