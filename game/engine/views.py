"""What a power may see of a game: the numbers, its estimates, the facts, the changes and
the table, each in the words players read. A mixin of `Game`."""

from __future__ import annotations

from ..scenario.models import Scenario
from . import causes, draws
from .content import Content
from .decisions import reads
from .state import Dispatch, State, sees


class Views:
    scenario: Scenario
    content: Content
    state: State

    def _label(self, name: str) -> str:
        return self.content.labels.get(name, name)

    def _is_flag(self, name: str) -> bool:
        return name in self.content.flag_ids

    def dispatches(self, power: str | None = None, turn: int | None = None) -> list[Dispatch]:
        """What `power` has heard (everything if None), of one turn or of the whole game."""
        return [
            d
            for d in self.state.dispatches
            if d.visible_to(power) and (turn is None or d.turn == turn)
        ]

    def sees(self, power: str | None, seen_by: list[str]) -> bool:
        """Whether `power` sees what `seen_by` names (the rule: `state.sees`)."""
        return sees(power, seen_by)

    def sees_name(self, power: str | None, name: str) -> bool:
        """Whether `power` sees the variable or flag `name` (None sees everything)."""
        return self.sees(power, self.content.seen_by.get(name, ["all"]))

    def known(self, power: str | None, var: str) -> str:
        """A variable as `power` knows it: its value, an estimate 'about 40–55', or ''."""
        if self.sees_name(power, var):
            return self.word(var, self.state.env[var]) if var in self.state.env else ""
        found = self.estimate(power, var) if power is not None else None
        return "" if found is None else self.guess(var, *found)

    def word(self, var: str, value: int) -> str:
        """A value of `var` as players read it: its name (`value_names`) or the number."""
        named = self.content.named.get(var)
        return named.word(value) if named else str(value)

    def guess(self, var: str, low: int, high: int) -> str:
        """An estimate in words: '40', 'about 40–55', or named values 'Daladier or split'."""
        if var in self.content.named:
            words = [self.word(var, v) for v in range(low, high + 1)]
            return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
        return str(low) if low == high else f"about {low}–{high}"

    def estimate(self, power: str, var: str) -> tuple[int, int] | None:
        """The interval `power` believes `var` lies in (None if it holds no estimate)."""
        return draws.interval(self.state, power, var, self.content.bounds[var])

    def estimates(self, power: str) -> list[tuple[str, str, int, int, str]]:
        """(id, label, low, high, where the estimate came from) of what `power` estimates."""
        out = []
        for v in self.scenario.variables:
            est = self.state.estimates.get((power, v.id))
            if est is not None and not self.sees(power, v.seen_by):
                low, high = draws.interval(self.state, power, v.id, (v.min, v.max)) or (0, 0)
                out.append((v.id, v.label, low, high, est.source))
        return out

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

    def changes(self, power: str | None, turn: int | None = None) -> list[causes.Group]:
        """What changed for `power` since its last turn (of `turn`, by default this one),
        grouped by cause, keeping only what it may see."""
        turn = turn or self.state.turn
        window = (
            causes.window(self.state, power, turn)
            if power is not None
            else self.state.changes[
                self.state.marks.get(turn - 1, 0) : self.state.marks.get(turn, None)
            ]
        )
        return causes.grouped(
            window,
            power,
            lambda name: self.sees_name(power, name),
            lambda name: (self._label(name), self._is_flag(name)),
            self.word,
        )

    def table(self, viewer: str | None = None) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """The negotiating table as `viewer` sees it (None: all): (question id, label,
        [(power, position)]); a position read from what it cannot see is passed over."""
        env = self.state.env
        out = []
        for q, positions in self.content.questions:
            shown: dict[str, str] = {}
            for power, text, when, written in positions:
                if power in shown or not when(env):
                    continue
                if viewer is None or all(self.sees_name(viewer, n) for n in reads(written)):
                    shown[power] = text
            out.append((q.id, q.label, list(shown.items())))
        return out
