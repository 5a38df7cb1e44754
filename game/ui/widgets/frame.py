"""The game screen's panels mark the one the focus is in: the top edge of its frame in the
accent colour, its title bold and accented.

What a Tab costs is what it repaints. A `:focus-within` rule, or a class that recolours the
whole frame, restyles the panel (and Textual, on a change of focus, everything inside a
panel that takes the focus itself) and repaints every line of the two panels the focus
moves between, and every widget those lines cross. Here only the frame's top line changes:
the panel sets its own top edge and title and asks Textual to repaint that one line, and
nothing is restyled (no rule on a panel or inside one reads `:focus` or the class `-lit`,
which stays as the mark of the lit panel).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.color import Color
from textual.content import Content
from textual.geometry import Region

if TYPE_CHECKING:
    from textual.widget import Widget

    Base = Widget
else:
    Base = object  # a mixin: as a Widget subclass, it would outrank the panels' own CSS

LIT = "-lit"
"""The class of the panel the focus is in (a mark: no rule reads it)."""
TITLE_STYLE = "bold reverse $text-accent"
EDGE_COLOUR = "accent"
"""The theme's colour (a CSS variable) of the lit panel's top edge."""


class LitFrame(Base):
    """A panel whose frame's top line shows whether the focus is within it (list it before
    the panel's Textual base class)."""

    lit = False
    plain_title: str | None = None
    """The title as set by the screen (console markup), without the focus's style."""

    def watch_has_focus(self, has_focus: bool) -> None:
        """Textual restyles a widget and all inside it when it takes or loses the focus; no
        rule on a panel or inside one reads `:focus`, so that would only repaint them."""

    def on_focus(self, event: events.Focus) -> None:
        self._focus_changed(event, True)

    def on_blur(self, event: events.Blur) -> None:
        self._focus_changed(event, False)

    def _focus_changed(self, event: events.Focus | events.Blur, focused: bool) -> None:
        """What Textual does when a widget takes or loses the focus but repaint it all and
        tell the widgets above (nothing above a panel reads that)."""
        event.prevent_default()
        self.has_focus = focused
        self.show_focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        event.stop()  # nothing above a panel reads it
        self.show_focus()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        event.stop()
        self.show_focus()

    def notify_style_update(self) -> None:
        super().notify_style_update()  # the stylesheet applied again (a new theme, say)
        if self.lit:
            self._light_edge()

    def _light_edge(self) -> None:
        colour = Color.parse(self.app.theme_variables[EDGE_COLOUR])
        top, _ = self.styles.border_top
        self.styles.inline.set_rule("border_top", (top or "round", colour))

    def show_focus(self) -> None:
        """Light the frame's top line if the focus is within the panel, else dim it."""
        lit = self.has_focus_within
        if lit == self.lit:
            return
        if self.plain_title is None:
            self.plain_title = self.border_title or ""
        self.lit = lit
        self.set_class(lit, LIT, update=False)
        if lit:
            self._light_edge()  # set as the rule is, without asking for a repaint
        else:
            self.styles.inline.clear_rule("border_top")
        title = Content.from_markup(self.plain_title)
        if lit:
            title = title.stylize(TITLE_STYLE)
        # As `border_title = title` does, but that repaints the whole panel:
        self._border_title = self.render_str(title).expand_tabs(4).split()[0]
        left, top = self.content_offset
        self.refresh(Region(-left, -top, self.outer_size.width, 1))  # the top line only
