"""A page to read about the power at the keyboard (its briefing, its last turn): one scroll
of text over the board, and the keys that return to it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from game.engine import Game
from game.ui.styles import SCREENS_CSS
from game.ui.typeahead import RefusesTypedAhead
from game.ui.widgets.footer import SteadyFooter


class ReadingScreen(RefusesTypedAhead, Screen[None]):
    """Subclasses name the page (`PAGE`: its ids are `#PAGE-scroll` and `#PAGE-text`), its
    keys back to the board (`BINDINGS`) and what it says (`content`)."""

    CSS_PATH = SCREENS_CSS
    PAGE = "reading"

    def __init__(self, game: Game, power: str) -> None:
        super().__init__()
        self.refuse_earlier_keys()
        self.game = game
        self.power = power

    def content(self) -> Content:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with VerticalScroll(id=f"{self.PAGE}-scroll"):
            yield Static(self.content(), id=f"{self.PAGE}-text")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one(f"#{self.PAGE}-scroll").focus()
