"""The one quit dialog: quit, save and quit when there is something to save, or stay."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.ui.styles import SCREENS_CSS
from game.ui.typeahead import RefusesTypedAhead


class QuitDialog(RefusesTypedAhead, ModalScreen[str | None]):
    """Dismisses with "save" (save first), "quit", or None to keep playing.

    The keys are the same whether or not there is something to save: q or y quits, s
    saves first (when it can), n or Esc keeps playing.
    """

    CSS_PATH = SCREENS_CSS

    BINDINGS = [
        Binding("q,y", "answer('quit')", "Quit"),
        Binding("s", "answer('save')", "Save and quit"),
        Binding("escape,n", "answer('stay')", "Keep playing"),
    ]

    def __init__(self, text: str, can_save: bool) -> None:
        super().__init__(classes="dialog-screen")
        self.refuse_earlier_keys()
        self.text = text
        self.can_save = can_save
        """Whether "Save and quit" is offered (unsaved moves, and somewhere to save)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Quit Moscow 1939?", classes="dialog-title", markup=False)
            yield Static(self.text, classes="dialog-text", markup=False)
            with Horizontal(classes="dialog-buttons"):
                if self.can_save:
                    yield Button("Save and quit (s)", id="save", variant="success")
                yield Button("Quit (q)", id="quit", variant="warning")
                yield Button("Keep playing (n)", id="stay", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#save" if self.can_save else "#stay", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" and parameters == ("save",):
            return self.can_save
        return True

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_answer(str(event.button.id))

    def action_answer(self, answer: str) -> None:
        self.dismiss(None if answer == "stay" else answer)
