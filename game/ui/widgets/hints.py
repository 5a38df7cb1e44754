"""The first turn's hints: four short lines for a new player, dismissed once and for all.

Each fits one line of an 80-column terminal, so the board keeps its room."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from game.ui.format import plural

HINTS = (
    "Moves cost actions, shown [n]: {budget} this {word}; none carry over.",
    "Questions open by themselves: a letter or Enter answers, Esc puts off.",
    "News is in Dispatches (1), [ and ] for earlier {word}s; h: the history.",
    "b: briefing and aims · c: what changed since last turn · a: answer now.",
)


class FirstTurnHints(Vertical):
    """The hints, with a button that puts them away for good (the key is x)."""

    def __init__(self, budget: int, word: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.budget = budget
        self.word = word

    def compose(self) -> ComposeResult:
        budget = plural(self.budget, "action")
        lines = [f"• {h.format(budget=budget, word=self.word)}" for h in HINTS]
        with Horizontal(id="hints-top"):
            yield Static("A first turn, in brief", id="hints-title", markup=False)
            done = Button("Understood (x)", id="hints-done", compact=True)
            done.can_focus = False  # the key is x; the button is for the mouse
            yield done
        yield Static("\n".join(lines), id="hints-text", markup=False)
