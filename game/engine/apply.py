"""Carrying out effects: the changes of variables and flags with their causes, what
sleeps on a changed name woken, drift, and the moves a power has. `Rules` builds on this."""

from __future__ import annotations

from collections.abc import Sequence

from ..scenario.effects import Effect
from . import draws
from .causes import DRIFT
from .content import Content
from .draws import between
from .ops import Op
from .state import Cause, Change, State
from .watch import touched

_new = tuple.__new__
"""Makes a record tuple (`Change`) from all its fields at once, without the Python-level
constructor a NamedTuple adds."""


class Effects:
    content: Content
    state: State
    _cause: Cause
    _quiet: bool
    """A planner's rollout: no dispatches, no texts, no record of changes."""

    def _apply(self, ops: Sequence[Op]) -> None:
        """Carry out effects (in their flat form, `ops.Op`) in order: `touched` inlined for
        the changes of a variable or flag (the commonest effects by far)."""
        st = self.state
        env, sleep = st.env, st.sleep
        for what, target, amount, low, high, e in ops:
            if what == "+":
                before = env[target]
                value = before + amount
                value = low if value < low else high if value > high else value
            elif what == "=":
                before = env[target]
                value = amount
            elif what == "+~" or what == "=~":
                amount = e.value(env) if e.high is None else self._draw(e, env)
                before = env[target]
                value = before + amount if what == "+~" else amount
                value = low if value < low else high if value > high else value
            elif what == "schedule":
                st.scheduled.append((st.turn + max(1, e.delay), target))
                continue
            else:
                self._apply_v2(e)
                continue
            if value != before:
                env[target] = value
                if sleep is not None and target in sleep.sleepers:
                    for awake, key in sleep.sleepers.pop(target):
                        awake.add(key)
                    sleep.woken += 1
                if not self._quiet:
                    st.changes.append(_new(Change, (st.turn, target, before, value, self._cause)))

    def _apply_v2(self, e: Effect) -> None:
        """The effects of format 2."""
        st = self.state
        env = st.env
        if e.kind == "if":
            if e.when is not None and e.when(env) and e.then is not None:
                self._apply(self.content.ops.nested[id(e)])
        elif e.kind == "reveal":
            draws.reveal(st, e.power, e.target, e.value(env), self._cause.title)
        elif e.kind == "mislead":
            draws.mislead(st, e.power, e.target, e.value(env), self.content.errors[e.target])
        elif e.kind == "moves":
            self._change_moves(e.target, e.value(env), e.assign)

    def _draw(self, e: Effect, env: dict[str, int]) -> int:
        assert e.high is not None
        low, high = e.value(env), e.high(env)
        return between(self.state.rng, min(low, high), max(low, high))  # randint

    def _change_moves(self, power: str, value: int, assign: bool) -> None:
        st = self.state
        before = self.allowance(power)
        if assign:
            st.moves_set[power] = value
            st.extra_moves[power] = 0
        else:
            st.extra_moves[power] = st.extra_moves.get(power, 0) + value
        st.budgets[power] = max(0, st.budgets.get(power, 0) + self.allowance(power) - before)

    def allowance(self, power: str) -> int:
        """The action points `power` has each turn, valued now: its `moves_per_turn` (an
        expression's value, in format 2) with what `moves` effects changed."""
        st = self.state
        base = st.moves_set.get(power)
        if base is None:
            fixed = self.content.budgets.get(power, 0)
            base = fixed if isinstance(fixed, int) else int(fixed(st.env))
        return max(0, min(10, base + st.extra_moves.get(power, 0)))

    def _drift(self) -> None:
        """Every drifting variable moves by its drift, each change made inline (the most
        frequent change of all)."""
        self._cause = DRIFT
        st = self.state
        env, sleep, changes, turn = st.env, st.sleep, st.changes, st.turn
        quiet = self._quiet
        for var, drift, low, high in self.content.drift:
            before = env[var]
            value = before + drift
            value = low if value < low else high if value > high else value
            if value != before:
                env[var] = value
                if sleep is not None and var in sleep.sleepers:
                    touched(st, var)
                if not quiet:
                    changes.append(_new(Change, (turn, var, before, value, DRIFT)))
