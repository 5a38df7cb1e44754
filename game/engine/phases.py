"""The phases of a turn: its start (events, questions), the computer powers' moves, and
the answers that fall due."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..scenario.models import fallback
from .causes import START
from .content import CompiledEvent
from .draws import below
from .policies import historical, weighted
from .rules import Rules
from .state import Dispatch, PendingReply
from .watch import sleep_of, touched, watch_of


class Phases(Rules):
    def _taken(self, start: int) -> list[Dispatch]:
        """The dispatches from the `start`-th on, kept as the last command's (`_new`)."""
        self._new = self.state.dispatches[start:]
        return self._new

    def _begin_turn(self) -> None:
        st, content = self.state, self.content
        env = st.env
        env["turn"] = st.turn
        env["date"] = content.turn_dates[st.turn - 1]
        sleep = st.sleep
        if sleep is not None:
            sleepers = sleep.sleepers
            if "turn" in sleepers:
                touched(st, "turn")
            if "date" in sleepers:
                touched(st, "date")
        self._phase = "start"
        if not self._quiet:  # the variables' values, one tuple for the turn (`series`)
            if not st.frames:
                st.framed = content.framed
            st.frames.append(content.frame(env))
        if content.fixed_budgets is not None and not st.extra_moves and not st.moves_set:
            st.budgets = dict(content.fixed_budgets)
        else:
            st.budgets = {p: self.allowance(p) for p in content.powers}
        self._cause = START
        news = content.news[st.turn - 1]  # made once (`Content.news`) when nothing to check
        if news is None:
            if not self._quiet:
                self._emit("news", content.texts.render(content.titles[st.turn - 1], env), "")
        elif not self._quiet:
            st.dispatches.append(news)
        due: list[str] = []
        extra: list[CompiledEvent] = []
        if st.scheduled:
            due = [ev for t, ev in st.scheduled if t == st.turn]
            st.scheduled = [(t, ev) for t, ev in st.scheduled if t != st.turn]
            extra = [content.events[e] for e in due]
        self._scan_events(content.dated_keyed.get(st.turn, ()), extra, due)
        if self.humans and st.pending:
            self._ask_people(same_turn=False)
        st.marks[st.turn] = len(st.changes)
        self._check_endings(final=False)

    def _scan_events(
        self,
        dated: Sequence[tuple[int, CompiledEvent]],
        extra: list[CompiledEvent],
        due: list[str],
    ) -> None:
        """Fire, in file order, the events that may come now: the turn's dated ones (each
        with its place in the file, `Content.dated_keyed`), those
        scheduled for it, and the undated ones awake (one woken by an event before it in
        the file is looked at in the same turn, as a scan of every event would)."""
        st, content = self.state, self.content
        watch = content.__dict__.get("_watch") or watch_of(content)
        sleep = st.sleep or sleep_of(st, watch)
        env, fired, order, keyed = st.env, st.fired, watch.order, watch.keyed
        awake, sleepers, parts_of, events = (
            sleep.events,
            sleep.sleepers,
            watch.event_parts,
            watch.events,
        )
        queue = dict(map(keyed.__getitem__, awake))
        """The events to look at by their place in the file."""
        if dated:
            queue.update(dated)
        for ce in extra:
            queue[order[ce.event.id]] = ce
        keys = sorted(queue)
        """The places in the file still to look at, in order (what wakes is put in later)."""
        woken = sleep.woken
        rng = st.rng
        i = 0
        while i < len(keys):
            at = keys[i]
            i += 1
            ce = queue[at]
            ev = ce.event
            eid = ev.id
            if eid in fired and not ev.repeat:
                awake.discard(eid)
                continue
            if ce.scheduled_only and eid not in due:
                continue
            parts = parts_of.get(eid)
            if parts is not None:  # `holds`, inlined: the first part false, it sleeps on
                for fn, names in parts:
                    if not fn(env):
                        awake.discard(eid)
                        for name in names:
                            sleepers.setdefault(name, []).append((awake, eid))
                        break
                else:
                    parts = None
                if parts is not None:
                    continue
            elif not ce.when(env):
                continue
            if ce.chance is not None:  # `_chance`, inlined
                percent = ce.chance(env)
                if percent < 100 and not (percent > 0 and below(rng, 100) < percent):
                    continue
            self._fire(ce)
            if sleep.woken != woken:  # something woke: those after this one come too
                woken = sleep.woken
                for other in awake:
                    later = order[other]
                    if later > at and later not in queue:
                        queue[later] = events[other]
                        bisect.insort(keys, later, lo=i)

    def turn_title(self, turn: int | None = None) -> str:
        """The heading of `turn` (default: this one) as it was shown at its start; a turn
        not begun yet shows its fallback."""
        turn = turn or self.state.turn
        content = self.content
        fixed = content.fixed_titles[turn - 1]
        if fixed is not None:
            return fixed
        for d in self.state.dispatches:
            if d.kind == "news" and d.turn == turn:
                return d.title
        return fallback(content.titles[turn - 1])

    def _chance(self, percent: int) -> bool:
        """A roll against a chance in percent (clamped to 0-100)."""
        if percent >= 100:
            return True
        return percent > 0 and below(self.state.rng, 100) < percent

    def _computer_moves(self, power: str) -> None:
        self._phase = "moves"
        planner = self.planners.get(power)
        if planner is not None:
            planner.moves(self)  # type: ignore[arg-type]
            return
        if power in self.historical and power not in self.state.off_path:
            if not self.content.steps.get((self.state.turn, power)):
                return  # on the path, with nothing to do this turn
            if historical.follow_path(self, power):
                return
        weighted.moves(self, power)

    def _resolve_replies(self) -> None:
        """Computer-played powers answer what is due (people have answered already)."""
        self._phase = "replies"
        if not self.state.pending:
            return
        due = self._take_due(people=False)
        for pending in due:
            ca = self.content.actions[pending.action]
            reply = ca.action.replies[pending.index]
            self._reply(reply.by, ca, *self._pick_option(reply.by, ca.replies[pending.index]))

    def _take_due(self, people: bool, same_turn: bool | None = None) -> list[PendingReply]:
        """Take out of the pending replies those due now from people (or from computer
        powers); with `same_turn`, only those for moves of this turn (or, False, of earlier
        turns)."""
        st, actions, humans, turn = self.state, self.content.actions, self.humans, self.state.turn
        due: list[PendingReply] = []
        kept: list[PendingReply] = []
        if not humans and not people:  # every answer is a computer's: only the due date
            for p in st.pending:
                (due if p.due <= turn else kept).append(p)
            if due:
                st.pending = kept
            return due
        for p in st.pending:
            if (
                p.due <= turn
                and (same_turn is None or (p.made == turn) == same_turn)
                and (actions[p.action].action.replies[p.index].by in humans) == people
            ):
                due.append(p)
            else:
                kept.append(p)
        if due:
            st.pending = kept
        return due

    def _ask_people(self, same_turn: bool) -> bool:
        """Put to people the answers due from them. At the start of a turn: those due now
        for moves of earlier turns. Before a turn closes (`same_turn`): those that fell due
        in this very turn, so that a person answers in the turn a computer power would.
        Returns whether anything was asked."""
        st = self.state
        if not self.humans or not st.pending:
            return False
        due = self._take_due(people=True, same_turn=same_turn)
        if not due:
            return False
        for pending in due:
            ca = self.content.actions[pending.action]
            reply = ca.action.replies[pending.index]
            self._ask(
                reply.by,
                "reply",
                ca.action.id,
                f"{self.names[pending.sender]}: {self.text(ca.action.title)}",
                self.text(reply.prompt) or self.text(ca.action.text) or self.text(ca.action.title),
                index=pending.index,
                sender=pending.sender,
            )
        return True
