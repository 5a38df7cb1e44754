"""The game screen's panels mark the one the focus is in: its frame in the accent colour,
its title bold and accented.

A `:focus-within` rule in the stylesheet would say so in three lines, but then Textual
restyles every widget inside the panel the focus leaves and the one it enters, and a
change of the title's colour or style redraws each of them too: on a board of four panels
that was most of a Tab's cost. Here the panel takes the class `-lit` and is restyled alone
(nothing inside it depends on the class), and its title carries its own style.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.content import Content

if TYPE_CHECKING:
    from textual.widget import Widget

    Base = Widget
else:
    Base = object  # a mixin: as a Widget subclass, it would outrank the panels' own CSS

LIT = "-lit"
"""The class of the panel the focus is in (screens.tcss draws its frame)."""
TITLE_STYLE = "bold $text-accent"


class LitFrame(Base):
    """A panel whose frame and title show whether the focus is within it (list it before
    the panel's Textual base class)."""

    lit = False
    plain_title: str | None = None
    """The title as set by the screen (console markup), without the focus's style."""

    def on_focus(self, event: events.Focus) -> None:
        self.show_focus()

    def on_blur(self, event: events.Blur) -> None:
        self.show_focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.show_focus()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.show_focus()

    def show_focus(self) -> None:
        """Light the frame if the focus is within the panel, else dim it."""
        lit = self.has_focus_within
        if lit == self.lit:
            return
        if self.plain_title is None:
            self.plain_title = self.border_title or ""
        self.lit = lit
        self.set_class(lit, LIT, update=False)
        self.app.stylesheet.apply(self)  # this panel only: no rule inside it reads the class
        title = Content.from_markup(self.plain_title)
        self.border_title = title.stylize(TITLE_STYLE) if lit else title
