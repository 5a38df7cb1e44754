"""Tick the powers to play: one, several for hot-seat, or none to watch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class PowerPicker(OptionList):
    """A list of powers with a tick box each, marked in words as well as colour."""

    BINDINGS = [Binding("space", "select", "Tick", show=False)]

    @dataclass
    class Changed(Message):
        """The ticked powers changed."""

        picker: PowerPicker

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._powers: list[tuple[str, str]] = []
        self.ticked: list[str] = []
        """Ids of the ticked powers, in the order they are listed."""

    def set_powers(self, powers: Sequence[tuple[str, str]], ticked: Sequence[str]) -> None:
        """List (id, name) pairs, with `ticked` ids ticked."""
        self._powers = list(powers)
        self.ticked = [p for p, _ in self._powers if p in ticked]
        self._render_options()
        self.highlighted = 0 if self._powers else None

    def _render_options(self) -> None:
        keep = self.highlighted
        self.set_options(
            [
                Option(
                    f"[✓] {name}  (you play)" if ident in self.ticked else f"[ ] {name}", id=ident
                )
                for ident, name in self._powers
            ]
        )
        if keep is not None and self._powers:
            self.highlighted = min(keep, len(self._powers) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ident = event.option.id
        if ident is None:
            return
        ticked = set(self.ticked) ^ {ident}
        self.ticked = [p for p, _ in self._powers if p in ticked]
        self._render_options()
        self.post_message(self.Changed(self))
