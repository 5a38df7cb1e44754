"""A long text drawn only where it is in view: lines laid out for the widget's width.

Textual lays out and styles every widget of a screen; a history of two dozen weeks made of
a few widgets each took most of a second to open and a third of one to show again.
`TextLines` is one widget however long the text: a subclass says how the text falls into
lines at a given width (`lay_out`), and only the lines in view are turned into strips,
once each, until the width, the styles or the text change.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class TextLines(ScrollView, can_focus=True):
    """A scrolling text of lines made for the width. Keys scroll it as any scrolling
    container does (arrows, Page Up/Down, Home, End)."""

    DEFAULT_CSS = """
    TextLines {
        overflow-x: hidden;
        scrollbar-gutter: stable;
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._laid: tuple[int, object] | None = None
        """The width and the `layout_key` the lines were laid out for."""
        self._key: object = None
        """The `layout_key` when the styles last changed."""
        self._lines: list[Content] = []
        self._strips: dict[int, Strip] = {}
        self._at_end = False
        """Whether the view was at the end of the text when last scrolled."""

    def lay_out(self, width: int) -> list[Content]:
        """The text as lines of at most `width` cells (a subclass's to say)."""
        return []

    def layout_key(self) -> object:
        """What else than the width the lines depend on (the theme's colours, say): asked
        again when the styles change."""
        return None

    @property
    def lines(self) -> list[Content]:
        """The lines as laid out for the width on screen."""
        self._ensure(self.scrollable_content_region.width)
        return self._lines

    def text_changed(self) -> None:
        """Lay the text out again (a subclass's text changed) and redraw."""
        self._laid = None
        self._ensure(self.scrollable_content_region.width)
        self.refresh()

    def _ensure(self, width: int) -> None:
        laid = (width, self._key)
        if laid == self._laid or width <= 0:
            return
        resized = self._laid is not None and self._laid[0] != width and bool(self._lines)
        place = self._place() if resized else None
        self._laid = laid
        self._lines = self.lay_out(width)
        self._strips.clear()
        self.virtual_size = Size(width, len(self._lines))
        if place is not None:  # the same place in the text at the new width
            self.call_after_refresh(self._go_to, place)

    def _place(self) -> float:
        """How far through the text the view is (1: at its end)."""
        return 1.0 if self._at_end else self.scroll_y / len(self._lines)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._at_end = new_value >= self.max_scroll_y > 0

    def _go_to(self, place: float) -> None:
        if place >= 1:
            self.scroll_end(animate=False, immediate=True)
        else:
            self.scroll_to(y=round(place * len(self._lines)), animate=False, immediate=True)

    def on_resize(self) -> None:
        self._ensure(self.scrollable_content_region.width)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._key = self.layout_key()
        self._strips.clear()  # the theme or the classes changed: draw again

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        self._ensure(width)
        number = y + self.scroll_offset.y
        strip = self._strips.get(number)
        if strip is None:
            style = self.visual_style
            if number < len(self._lines):
                segments = self._lines[number].render_segments(style)
                strip = Strip(segments).extend_cell_length(width, style.rich_style)
            else:
                strip = Strip.blank(width, style.rich_style)
            self._strips[number] = strip
        return strip.crop(0, width)
