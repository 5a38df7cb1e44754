"""Keys typed ahead: a key pressed before a dialog opened never acts in it, nor behind it.

A player who types fast, or whose terminal delivers a burst of keys at once, may have
pressed keys meant for the board when a question, a confirmation or the hot-seat cover
appears. Those keys are set aside, and the player is told so, and so are keys pressed
after the dialog was made but before it was first drawn (nobody could have read it yet);
keys pressed once the dialog is up reach it as usual. A screen opts in by deriving from
`RefusesTypedAhead` and calling `refuse_earlier_keys` when it is built; the app asks
`typed_ahead` about every key before handling it. A screen that has asked the app to
cover it (the board, before the hot-seat cover) `hold_keys`: every key is set aside until
it shows again. The line shown while the computer powers deliberate the end of a turn
(`dialogs.deliberation`) holds every key from the start, with a notice of its own.
"""

from __future__ import annotations

from typing import cast

from textual import events
from textual.message import Message
from textual.screen import Screen

NOTICE = "Keys pressed before this appeared were set aside: read it, then choose."


class RefusesTypedAhead:
    """A screen that refuses keys pressed before it was built."""

    opened_at: float | None = None
    """When the screen was built, on the clock of Textual's events."""
    told_typed_ahead: bool = False
    """Whether the player has been told that keys were set aside."""
    holding: bool = False
    """Whether every key is set aside: a screen about to be covered by another."""
    drawn: bool = False
    """Whether the screen has been drawn once (keys before that are set aside)."""
    set_aside_notice: str = NOTICE
    """What the player is told when keys are set aside."""

    def refuse_earlier_keys(self) -> None:
        self.opened_at = Message().time  # now, on the clock Textual stamps its events with

    def on_screen_resume(self) -> None:  # Textual calls it beside any a subclass has
        if not self.drawn:
            cast("Screen[object]", self).call_after_refresh(self._was_drawn)

    def on_show(self) -> None:  # laid out for its first paint: what is typed now is read
        self.drawn = True

    def _was_drawn(self) -> None:
        self.drawn = True

    def hold_keys(self) -> None:
        """Set every key aside until `release_keys` (the screen asked to be covered)."""
        self.holding = True
        self.told_typed_ahead = False

    def release_keys(self) -> None:
        self.holding = False


def typed_ahead(screen: Screen[object], event: events.Key) -> bool:
    """Whether `event` was pressed before `screen` opened; if so, say so (once)."""
    if not isinstance(screen, RefusesTypedAhead):
        return False
    if not screen.holding:
        if screen.opened_at is None:
            return False  # (a board, which only holds keys while it waits to be covered)
        if screen.drawn and event.time >= screen.opened_at:
            return False
    if not screen.told_typed_ahead:
        screen.told_typed_ahead = True
        screen.notify(screen.set_aside_notice, title="Set aside", severity="warning", timeout=4)
    return True
