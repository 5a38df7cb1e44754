"""A footer that is rebuilt only when the keys it shows change.

Textual's `Footer` rebuilds all its keys whenever the screen's bindings may have changed,
which includes every change of focus: on the game screen each Tab between the panels
re-laid out and redrew the whole screen, though the footer showed the same keys before
and after. `SteadyFooter` compares what it would show with what it shows, and rebuilds
only on a difference; it looks the same as `Footer`.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[Any, ...], ...]


def shown_keys(screen: Screen[Any]) -> Shown:
    """What a footer on `screen` shows: each shown binding with whether it is enabled and
    its tooltip, in order, and the command palette's binding."""
    return tuple(
        (binding, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show or binding.key == screen.app.COMMAND_PALETTE_BINDING
    )


class SteadyFooter(Footer):
    """`Footer`, rebuilt only when the keys it shows change."""

    shown: Shown | None = None
    """The keys the footer was last rebuilt to show (None: never built)."""

    def bindings_changed(self, screen: Screen[Any]) -> None:
        shown = shown_keys(screen)
        if shown == self.shown:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.shown = shown  # the footer rebuilds with these (otherwise it waits)
        super().bindings_changed(screen)
