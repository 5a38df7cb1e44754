"""A move, in full, before it is made."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.engine import Move
from game.ui.format import plural, reflow
from game.ui.styles import SCREENS_CSS
from game.ui.typeahead import RefusesTypedAhead


class MoveDialog(RefusesTypedAhead, ModalScreen[bool]):
    """Shows what a move is and does; dismisses with True to make it."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [Binding("escape", "dismiss(False)", "Cancel")]

    def __init__(self, move: Move, budget: int, addressed: str) -> None:
        super().__init__(classes="dialog-screen")
        self.refuse_earlier_keys()
        self.move = move
        self.budget = budget
        self.addressed = addressed

    def compose(self) -> ComposeResult:
        m = self.move
        facts = [f"Cost: {plural(m.cost, 'action')} of {self.budget} left"]
        if self.addressed:
            facts.append(f"To: {self.addressed}")
        if m.secret:
            facts.append("Secret: only the powers addressed will know")
        with Vertical(classes="dialog"):
            yield Static(m.title, classes="dialog-title", markup=False)
            yield Static("\n".join(facts), classes="dialog-facts", markup=False)
            if m.preview:
                with VerticalScroll(classes="dialog-body", can_focus=False):
                    yield Static(
                        f"Expected: {reflow(m.preview)}", classes="dialog-text", markup=False
                    )
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    "Make this move", id="make", variant="success", disabled=m.cost > self.budget
                )
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        make = self.query_one("#make", Button)
        (self.query_one("#cancel", Button) if make.disabled else make).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "make")
