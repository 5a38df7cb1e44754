"""What changed and why: every change of a variable or flag is kept with its cause, and a
power is told of the changes it may see, grouped by cause."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .state import Cause, Change, State
from .state import sees as power_sees

DRIFT = Cause("drift", "", "", "The course of the week")
START = Cause("start", "", "", "The situation at the start")


@dataclass(frozen=True)
class Shift:
    """One variable or flag, before and after, as a power may read it."""

    target: str
    label: str
    before: int
    after: int
    flag: bool = False
    words: tuple[str, str] = ("", "")
    """Before and after as players read them, for a variable with `value_names`."""

    def text(self) -> str:
        """'Soviet trust 37 → 31', 'Litvinov dismissed: yes', 'Council: split → Bonnet'."""
        if self.flag:
            return f"{self.label}: {'yes' if self.after else 'no'}"
        before, after = self.words if self.words[0] else (self.before, self.after)
        return f"{self.label} {before} → {after}"


@dataclass(frozen=True)
class Group:
    """The changes one cause made, as a power may read them."""

    cause: Cause
    title: str
    """The cause in words; 'For reasons not known to you' when the power may not see it."""
    shifts: tuple[Shift, ...]


def window(state: State, power: str, turn: int) -> list[Change]:
    """The changes a power learns of at the start of `turn`: everything since its moves of
    the turn before began, but its own moves and answers."""
    start = state.marks.get(turn - 1, 0) if turn > 1 else 0
    end = state.marks.get(turn, len(state.changes))
    return [
        c
        for c in state.changes[start:end]
        if not (c.cause.power == power and c.cause.kind in ("move", "decision", "reply"))
    ]


def grouped(
    changes: list[Change],
    power: str | None,
    sees: Callable[[str], bool],
    label: Callable[[str], tuple[str, bool]],
    word: Callable[[str, int], str] = lambda _, value: str(value),
) -> list[Group]:
    """Net changes per cause, in the order the causes came, keeping only what `power` sees
    (`sees(target)`); `label(target)` gives (label, is a flag)."""
    order: list[Cause] = []
    net: dict[Cause, dict[str, list[int]]] = {}
    for c in changes:
        if not sees(c.target):
            continue
        if c.cause not in net:
            net[c.cause] = {}
            order.append(c.cause)
        entry = net[c.cause].setdefault(c.target, [c.before, c.after])
        entry[1] = c.after
    out = []
    for cause in order:
        shifts = tuple(
            Shift(t, label(t)[0], before, after, label(t)[1], (word(t, before), word(t, after)))
            for t, (before, after) in net[cause].items()
            if before != after
        )
        if not shifts:
            continue
        visible = power_sees(power, cause.seen_by)
        title = cause.title if visible else "For reasons not known to you"
        if visible and cause.reason:
            title = f"{title} — {cause.reason}"
        out.append(Group(cause, title, shifts))
    return out
