"""While the computer powers decide their moves and answers at the end of a turn (in a
worker thread): a line saying so over the board, and every key set aside, with a notice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from game.ui.styles import SCREENS_CSS
from game.ui.typeahead import RefusesTypedAhead

LINE = "The other capitals deliberate…"
NOTICE = "The other capitals are deliberating: keys pressed meanwhile were set aside."


class DeliberationScreen(RefusesTypedAhead, ModalScreen[None]):
    """Covers the board until the game screen, its work done, takes it away."""

    CSS_PATH = SCREENS_CSS

    set_aside_notice = NOTICE

    def __init__(self, capitals: str) -> None:
        super().__init__(classes="dialog-screen")
        self.capitals = capitals
        self.hold_keys()  # nothing typed now may act: not here, not on the board behind

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="deliberation"):
            yield Static(LINE, classes="dialog-title", markup=False)
            yield Static(f"{self.capitals}: moves and answers are being weighed.", markup=False)
