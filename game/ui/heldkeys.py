"""Keys pressed on the title before its menu is complete: kept for that menu.

At launch the title's menu is complete once the saves are known (from the folder's names,
at once, or from a look in a thread for a service that cannot tell sooner). A key pressed
before then would act on a shorter menu: it is kept, and handled once the menu is
complete, in order, as of when it was typed. Ctrl+Q still quits at once.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.message import Message
from textual.screen import Screen


class HeldKeys:
    """The keys held for the title's menu until it is complete (`ready`)."""

    def __init__(self, ready: bool) -> None:
        self.ready = ready
        self._held: list[events.Key] = []

    def hold(self, screen: Screen[object], title: type[Screen[None]], event: events.Key) -> bool:
        """Whether `event` is kept for later: pressed on the title before it is ready."""
        if self.ready or event.key == "ctrl+q" or not isinstance(screen, title):
            return False
        self._held.append(event)
        return True

    def release(self, post: Callable[[Message], object]) -> None:
        """The menu is complete: post the keys held, with the time they were typed."""
        self.ready = True
        held, self._held = self._held, []
        for old in held:
            key = events.Key(old.key, old.character)
            key.time = old.time
            post(key)
