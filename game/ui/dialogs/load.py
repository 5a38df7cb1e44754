"""Pick a saved game."""

from __future__ import annotations

from collections.abc import Sequence

from game.ui.dialogs.choice import ChoiceDialog
from game.ui.saves import SaveEntry


class LoadDialog(ChoiceDialog):
    """Dismisses with the key of the chosen save, or None."""

    def __init__(self, entries: Sequence[SaveEntry]) -> None:
        super().__init__(
            "Load a saved game",
            "Newest first." if entries else "There are no saved games.",
            [
                (e.key, f"✗ {e.label} — cannot be loaded: {e.error}" if e.error else e.label)
                for e in entries
            ],
            note="Enter loads · Esc cancels",
        )
