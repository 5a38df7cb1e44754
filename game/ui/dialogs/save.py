"""Name the save: a slot, proposed, that the player may change."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from game.ui.styles import SCREENS_CSS


class SaveDialog(ModalScreen[str | None]):
    """Dismisses with the slot name to save under, or None when cancelled."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, proposed: str, folder: str) -> None:
        super().__init__(classes="dialog-screen")
        self.proposed = proposed
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Save the game", classes="dialog-title")
            yield Static(
                f"Name of the save, in {self.folder}:", classes="dialog-text", markup=False
            )
            yield Input(self.proposed, id="slot", select_on_focus=True)
            yield Static("", id="slot-error", classes="dialog-note", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (Enter)", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#slot", Input).focus()

    def _submit(self) -> None:
        from game.saves import SaveError, check_slot

        text = self.query_one("#slot", Input).value
        try:
            slot = check_slot(text)
        except SaveError as err:
            self.query_one("#slot-error", Static).update(str(err))
            return
        self.dismiss(slot)

    @on(Input.Submitted, "#slot")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
