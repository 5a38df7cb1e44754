"""The mechanics every phase of a turn shares: applying effects with their causes,
opening moves, answering, dispatches and endings. `Game` builds on this."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from ..scenario.models import Scenario, Text
from .apply import Effects
from .content import CompiledAction, CompiledEvent, CompiledOption, Content
from .decisions import reads
from .endings import outcome_of
from .policies import historical, weighted
from .state import (
    Cause,
    CauseKind,
    Decision,
    DecisionKind,
    Dispatch,
    DispatchKind,
    PendingReply,
    State,
    audience,
)
from .watch import touched, watch_of

if TYPE_CHECKING:
    from .policies.planner import Planner

HUSHED = Cause("move", "", "", "")
"""The cause of a move or event in a planner's rollout, which records no change: only its
title (none, as every title there) is read, by `reveal`."""
_new = tuple.__new__
"""Makes a record tuple (`Cause`, `Change`, `Dispatch`) from all its fields at once, without the
Python-level constructor a NamedTuple adds."""


class Rules(Effects):
    scenario: Scenario
    content: Content
    state: State
    humans: tuple[str, ...]
    historical: set[str]
    names: dict[str, str]
    _new: list[Dispatch]
    """The dispatches of the last command (`Game` takes them out of the state's when it is
    done: `_emit` appends to the state's only)."""
    _cause: Cause
    planners: dict[str, Planner]
    _quiet: bool
    """A planner's rollout: no dispatches, no texts, no record of changes."""
    _phase: str
    """Where the turn is: "start" (events), "moves" or "replies"."""

    def text(self, text: Text) -> str:
        """A scenario text as shown now."""
        if self._quiet:
            return ""
        texts = self.content.texts
        if text.__class__ is str and text in texts.plain:
            return text  # type: ignore[return-value]  # known to show as written
        return texts.render(text, self.state.env)

    # -- moves ---------------------------------------------------------------------------
    def _open(self, power: str, ca: CompiledAction, budget: bool = True) -> bool:
        st = self.state
        if ca.once_id and ca.once_id in st.used:
            return False
        if not ca.after <= st.env["date"] <= ca.until:
            return False
        if budget and ca.cost > st.budgets.get(power, 0):
            return False
        if ca.limited and not self._limits_allow(ca):
            return False
        return bool(ca.when(st.env))

    def _limits_allow(self, ca: CompiledAction) -> bool:
        """Whether the move's cooldown and most number of uses let it open now."""
        st = self.state
        if ca.max_uses and st.env.get(ca.uses_key, 0) >= ca.max_uses:
            return False
        last = st.last_used.get(ca.action.id)
        return not (ca.cooldown and last is not None and st.turn <= last + ca.cooldown)

    def _play(self, power: str, ca: CompiledAction, reason: str = "") -> None:
        st, a = self.state, ca.action
        st.used.add(a.id)
        st.last_used[a.id] = st.turn
        key = ca.uses_key
        if key in st.env:
            st.env[key] += 1
            if st.sleep is not None and key in st.sleep.sleepers:
                touched(st, key)
        st.budgets[power] = st.budgets.get(power, 0) - a.cost
        seen_by = ca.secrecy
        if self._quiet:  # a rollout records no change: its cause is read for a title only
            self._cause = HUSHED
        else:
            cause = ca.cause if power == a.by else None  # made once, when the title is
            sent = ca.sent if cause is not None and not reason else None
            d = None if sent is None else sent[st.turn]
            if d is not None and cause is not None:  # this turn's, as in every game
                self._cause = cause
                st.dispatches.append(d)
            else:  # a text that shows as written is not rendered
                title = ca.shown_title if ca.shown_title is not None else self.text(a.title)
                shown = ca.shown_text if ca.shown_text is not None else self.text(a.text)
                if cause is None:
                    cause = _new(Cause, ("move", a.id, power, title, seen_by, ""))
                self._cause = cause
                self._emit("move", title, shown or title, a.id, power, seen_by, None, reason)
                if sent is not None and not self.content.texts.words(title, shown or title, ""):
                    sent[st.turn] = st.dispatches[-1]  # kept when no rule may be broken
        self._apply(ca.ops)
        if ca.delays:
            turn = st.turn
            for index, delay in enumerate(ca.delays):
                st.pending.append(PendingReply(turn + delay, a.id, index, power, turn))

    def _secrecy(self, ca: CompiledAction) -> frozenset[str] | None:
        return ca.secrecy

    # -- events and questions ------------------------------------------------------------
    def _fire(self, ce: CompiledEvent) -> None:
        ev, st = ce.event, self.state
        st.fired.add(ev.id)
        seen_by = ce.audience
        if self._quiet:  # a rollout records no change: its cause is read for a title only
            title = ""
            self._cause = HUSHED
        else:  # a text that shows as written is not rendered
            title = ce.shown_title if ce.shown_title is not None else self.text(ev.title)
            cause = ce.cause  # made once, when the title shows as written
            self._cause = (
                _new(Cause, ("event", ev.id, "", title, seen_by, "")) if cause is None else cause
            )
            sent = ce.sent
            d = None if sent is None else sent[st.turn]
            if d is not None:  # this turn's, as in every game
                st.dispatches.append(d)
            else:
                shown = ce.shown_text if ce.shown_text is not None else self.text(ev.text)
                day = ev.date  # `_event_date`, inlined
                if day is not None and (ce.first_turn != st.turn or day > self.scenario.end):
                    day = None if ce.first_turn != st.turn else self.scenario.end
                self._emit("event", title, shown, ev.id, "", seen_by, day)
                if sent is not None and not self.content.texts.words(title, shown, ""):
                    sent[st.turn] = st.dispatches[-1]  # kept when no rule may be broken
        self._apply(ce.ops)
        if ev.choice_by:
            if ev.choice_by in self.humans:
                self._ask(ev.choice_by, "event", ev.id, title, self.text(ev.prompt) or title)
            else:
                option, why = self._pick_option(ev.choice_by, ce.choices)
                self._apply_option(ev.choice_by, ev.id, option, title, seen_by, why=why)

    def _ask(
        self,
        power: str,
        kind: DecisionKind,
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
        self._emit("decision", title, prompt, source, power, frozenset({power}))

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
            seen_by = audience(ev.seen_by)
            self._apply_option(decision.power, ev.id, option, self.text(ev.title), seen_by)
        else:
            self._reply(decision.power, self.content.actions[decision.source], option)

    def _reply(self, power: str, ca: CompiledAction, option: CompiledOption, why: str = "") -> None:
        shown = "" if self._quiet else ca.shown_title  # a title that shows as written
        if shown is None:
            shown = self.text(ca.action.title)
        title = f"{self.names[power]} answers: {shown}"
        self._apply_option(power, ca.action.id, option, title, ca.secrecy, "reply", why)

    def _pick_option(
        self, power: str, options: tuple[CompiledOption, ...]
    ) -> tuple[CompiledOption, str]:
        """A computer power's answer, and the planner's reason for it ('' for the others)."""
        env = self.state.env
        planner = self.planners.get(power)
        if planner is None and power in self.historical and power not in self.state.off_path:
            for o in options:  # `historical.answer` of the open ones, without listing them
                if o.option.historical and o.when(env):
                    return o, ""
        open_now = [o for o in options if o.when(env)] or [options[-1]]
        if planner is not None:
            picked, why = planner.answer(self, open_now)  # type: ignore[arg-type]
            if self._gated_privately(options):  # the same words whatever was open
                why = f"{self.names[power]} gives the answer its own counsels favour"
            return picked, why
        if power in self.historical and power not in self.state.off_path:
            chosen = historical.answer(open_now)
            if chosen is not None:
                return chosen, ""
        return weighted.answer(self, open_now), ""

    def _gated_privately(self, options: tuple[CompiledOption, ...]) -> bool:
        """Whether which answers are open turns on what not every power sees: then the
        planner's reason, naming the answer it set against its choice (or saying there was
        none), would tell those who hear the answer which side of it the power stands."""
        seen_by = self.content.seen_by
        return any(
            "all" not in seen_by.get(n, ("all",)) for o in options for n in reads(o.option.when)
        )

    def _apply_option(
        self,
        power: str,
        source: str,
        option: CompiledOption,
        title: str,
        seen_by: frozenset[str] | None,
        kind: Literal["event", "reply"] = "event",
        why: str = "",
    ) -> None:
        o = option.option
        seen = option.seen  # (source, option id), made once
        st = self.state
        st.seen_options.add(seen if seen[0] == source else (source, o.id))
        sent = option.sent if not why and not self._quiet and seen[0] == source else None
        if sent is not None:  # the answer as given in this turn of an earlier game
            found = sent[st.turn]
            if (
                found is not None
                and found[0] == title
                and found[1] == power
                and found[2] == kind
                and found[3] == seen_by
            ):
                self._cause = found[5]
                st.dispatches.append(found[4])
                self._apply(option.ops)
                return
        shown: str | None
        text: str | None
        reason: str | None
        if self._quiet:
            shown = text = reason = ""
        else:  # a text that shows as written is not rendered
            shown, text, reason = option.shown_label, option.shown_text, option.shown_reason
            if shown is None:
                shown = self.text(o.label)
            if text is None:
                text = self.text(o.text)
            if reason is None:
                reason = self.text(o.reason)
        text = text or shown
        reason = reason or why
        cause_kind: CauseKind = "reply" if kind == "reply" else "decision"
        label = shown if title else ""  # a rollout's answer has no title
        because = f"{title} ({label.rstrip('.')})" if label else title  # which answer it was
        self._cause = _new(Cause, (cause_kind, source, power, because, seen_by, reason))
        self._emit(kind, title, text, source, power, seen_by, None, reason)
        if sent is not None and not self.content.texts.words(title, text, reason):
            sent[st.turn] = (title, power, kind, seen_by, st.dispatches[-1], self._cause)
        self._apply(option.ops)

    # -- dispatches and endings -------------------------------------------------------------
    def _event_date(self, ce: CompiledEvent) -> dt.date | None:
        """An event's own date when it falls in this turn (a dispatch of 17 March is dated
        17 March, though the turn began on the 15th)."""
        day = ce.event.date
        st = self.state
        if day is None or ce.first_turn != st.turn:
            return None
        return min(day, self.scenario.end)

    def _emit(
        self,
        kind: DispatchKind,
        title: str,
        text: str,
        source: str = "",
        power: str = "",
        seen_by: frozenset[str] | None = None,
        date: dt.date | None = None,
        reason: str = "",
    ) -> None:
        if self._quiet:
            return
        st = self.state
        day = date or self.content.dates[st.turn - 1]
        d = _new(Dispatch, (st.turn, day, kind, title, text, source, power, seen_by, reason))
        st.dispatches.append(d)  # the command's own are those after its first (`_new`)
        texts = self.content.texts
        if texts.rules:
            found = texts.found.get((title, text, reason))  # most texts break no rule
            if found is None or found:
                for rule, word in texts.shown_violations(title, text, reason, st.env):
                    st.violations.append((st.turn, source or kind, rule, word))

    def _check_endings(self, final: bool) -> None:
        st = self.state
        if st.outcome is not None:
            return
        sleep = st.sleep
        if not final and sleep is not None:  # `outcome_of`'s look, inlined: most find none
            awake = sleep.endings
            if not awake:
                return
            sleepers, env = sleep.sleepers, st.env
            for eid, parts in watch_of(self.content).midway:
                if eid not in awake:
                    continue
                for fn, names in parts:  # `holds`, inlined: it sleeps on the part false
                    if not fn(env):
                        awake.discard(eid)
                        for name in names:
                            sleepers.setdefault(name, []).append((awake, eid))
                        break
                else:
                    break  # it holds
            else:
                return
        outcome = outcome_of(self, final)
        if outcome is None:
            return
        st.outcome = outcome
        st.decisions.clear()
        self._emit("ending", outcome.title, outcome.epilogue, source=outcome.ending)
