"""Pick a saved game, or delete one: games to continue first, finished games apart."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.ui.dialogs.choice import ChoiceDialog
from game.ui.dialogs.confirm import ConfirmDialog
from game.ui.saves import SaveEntry, SaveUnavailable

SECTIONS = ("To continue", "Finished games (they open on their ending)", "Cannot be loaded")


def section(entry: SaveEntry) -> int:
    """Which section of the list a save is shown in (an index of `SECTIONS`)."""
    return 2 if entry.error else 1 if entry.finished else 0


def label(entry: SaveEntry) -> str:
    return f"✗ {entry.label} — cannot be loaded: {entry.error}" if entry.error else entry.label


class LoadDialog(ChoiceDialog):
    """Dismisses with the key of the chosen save, or None. `delete` deletes a save by its
    key and returns the saves there are then (it raises `SaveUnavailable` with a reason)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x,delete", "delete", "Delete save"),
    ]

    def __init__(
        self,
        entries: Sequence[SaveEntry],
        delete: Callable[[str], list[SaveEntry]] | None = None,
    ) -> None:
        self.entries = sorted(entries, key=section)  # stable: newest first in each section
        self.delete = delete
        keys = "Enter loads · x deletes · Esc cancels" if delete else "Enter loads · Esc cancels"
        super().__init__(
            "Load a saved game",
            "Newest first." if entries else "There are no saved games.",
            [(e.key, label(e)) for e in self.entries],
            note=keys,
        )

    def options(self) -> list[Option]:
        """The saves under a heading for each section that has any."""
        lines = super().options()
        out: list[Option] = []
        for n, (entry, line) in enumerate(zip(self.entries, lines, strict=True)):
            if n == 0 or section(entry) != section(self.entries[n - 1]):
                heading = Content.styled(SECTIONS[section(entry)], "bold underline")
                out.append(Option(heading, disabled=True))
            out.append(line)
        return out

    def action_delete(self) -> None:
        """Ask once, then delete the highlighted save and list the saves again."""
        listing = self.query_one("#choices", OptionList)
        option = listing.highlighted_option
        if self.delete is None or option is None or option.id is None:
            return
        entry = next(e for e in self.entries if e.key == option.id)
        dialog = ConfirmDialog(
            "Delete this save?", f"{entry.label}\n\nIt cannot be brought back.", yes="Delete it"
        )
        self.app.push_screen(dialog, lambda yes: self._delete(entry) if yes else None)

    def _delete(self, entry: SaveEntry) -> None:
        assert self.delete is not None
        place = self.entries.index(entry)
        try:
            entries = self.delete(entry.key)
        except SaveUnavailable as err:
            self.notify(str(err), title="Not deleted", severity="error", markup=False)
            return
        self.notify(entry.label, title="Deleted", markup=False)
        if not entries:
            self.dismiss(None)
            return
        self.entries = sorted(entries, key=section)
        self.choices = [(e.key, label(e)) for e in self.entries]
        listing = self.query_one("#choices", OptionList)
        listing.set_options(self.options())
        nearest = self.entries[min(place, len(self.entries) - 1)]  # the next one, or the last
        listing.highlighted = listing.get_option_index(nearest.key)
