"""Hot-seat: a blank screen between two players, hiding the previous power's information."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Static

from game.ui.styles import SCREENS_CSS
from game.ui.typeahead import RefusesTypedAhead
from game.ui.widgets.footer import SteadyFooter


class HandoverScreen(RefusesTypedAhead, Screen[None]):
    """Covers the game until the next player is at the keyboard."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [Binding("enter", "ready", "Ready")]

    def __init__(self, power: str, week: str) -> None:
        super().__init__()
        self.refuse_earlier_keys()
        self.power = power
        self.week = week

    def compose(self) -> ComposeResult:
        with Vertical(id="handover-box"):
            yield Static(self.week, id="handover-week", markup=False)
            yield Static(f"Pass the keyboard to {self.power}.", id="handover-title", markup=False)
            yield Static(
                "The other players should look away: what follows is private.", markup=False
            )
            with Center():
                yield Button(
                    f"I play {self.power}: show my dispatches", id="ready", variant="primary"
                )
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#ready", Button).focus()

    @on(Button.Pressed, "#ready")
    def action_ready(self) -> None:
        self.dismiss()
