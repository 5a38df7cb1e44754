"""The history screen's text: week by week, each week's heading, what really happened and
what happened in this game (side by side when the screen is wide enough, one above the
other when it is not); or the history notes. One widget for both (see `TextLines`): a
switch between them lays out the other text once, then only redraws."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping

from rich.cells import cell_len
from textual.content import Content

from game.engine import Game
from game.ui.format import cite, long_date, reflow, turn_label
from game.ui.history_view import Week
from game.ui.widgets.lines import TextLines

WIDE = 90
"""From this many columns, the two accounts of a week stand side by side."""
RULE = "▁"
BAR = "▕"
Colours = Mapping[str, str]
Paragraphs = list[tuple[str, str]]
"""Text and its style, a line of the source each ('' for a blank line)."""
Page = Callable[[int, Colours], list[Content]]
"""A page's lines at a width, in the theme's colours."""


def history_cell(game: Game, week: Week) -> Paragraphs:
    out = [("In history", "bold")]
    text = reflow(week.history) or "(the scenario says nothing of this week)"
    out.extend((line, "") for line in text.split("\n"))
    if week.sources:
        out.append((f"[{'; '.join(cite(game.scenario, week.sources))}]", "dim"))
    return out


def game_cell(week: Week) -> Paragraphs:
    out = [("In this game", "bold")]
    out.extend((f"• {h}", "") for h in week.happened)
    if not week.happened:
        out.append(("(nothing reported)", ""))
    if week.missing:
        out.append(("Did not happen:", "bold"))
        out.extend((f"✗ {m}", "") for m in week.missing)
    if week.extra:
        out.append(("Not as in history:", "bold"))
        out.extend((f"+ {x}", "") for x in week.extra)
    return out


def wrapped(paragraphs: Paragraphs, width: int) -> list[Content]:
    """The paragraphs wrapped to `width` cells, each line in its paragraph's style."""
    out: list[Content] = []
    for text, style in paragraphs:
        lines = textwrap.wrap(text, width, break_on_hyphens=False) or [""]
        if any(cell_len(line) > width for line in lines):  # wide characters: by cells
            out.extend(Content.styled(text, style).wrap(width))
        else:
            out.extend(Content.styled(line, style) for line in lines)
    return out


def heading(game: Game, week: Week, width: int, colours: Colours) -> Content:
    """'▁ ≠  Week 3 · 1 May 1939 · Title ▁▁▁…': the mark, the turn, its date and title,
    on a rule across the width (a week that went otherwise in the warning colour)."""
    colour = colours.get("text-warning", "") if week.diverged else ""
    rule = colours.get("panel", "")
    mark = "≠" if week.diverged else "="
    head = Content.assemble(
        (f" {mark} ", f"reverse bold {colour}" if week.diverged else "bold"),
        (f" {turn_label(game.scenario, week.turn)} · {long_date(week.date)} · ", f"bold {colour}"),
        (week.title, f"bold italic {colour}"),
        " ",
    )
    if head.cell_length > width - 2:
        head = head.truncate(max(0, width - 3), ellipsis=True) + " "
    rest = max(0, width - 2 - head.cell_length)
    return Content.assemble((RULE + " ", rule), head, (RULE * rest, rule))


def week_lines(game: Game, week: Week, width: int, colours: Colours) -> list[Content]:
    """One week at `width`: its heading, the two accounts, and a blank line after."""
    out = [heading(game, week, width, colours)]
    if width >= WIDE:
        half = width // 2
        left = wrapped(history_cell(game, week), half - 3)
        right = wrapped(game_cell(week), width - half - 2)
        bar = Content.styled(BAR, colours.get("panel", ""))
        for n in range(max(len(left), len(right))):
            a = left[n] if n < len(left) else Content("")
            b = right[n] if n < len(right) else Content("")
            out.append(
                Content.assemble(" ", a.extend_right(half - 3 - a.cell_length), " ", bar, " ", b)
            )
    else:
        out.extend(Content(" ") + line for line in wrapped(history_cell(game, week), width - 2))
        out.append(Content(""))
        out.extend(Content(" ") + line for line in wrapped(game_cell(week), width - 2))
    out.append(Content(""))
    return out


def weeks_text(game: Game, rows: list[Week], summary: str) -> Page:
    """The week-by-week page: the divergence so far, then every week."""

    def lay_out(width: int, colours: Colours) -> list[Content]:
        lines = [Content(" ") + line for line in wrapped([(summary, "bold")], width - 2)]
        lines.append(Content(""))
        for week in rows:
            lines.extend(week_lines(game, week, width, colours))
        return lines

    return lay_out


def block_text(text: Content) -> Page:
    """A page of one block of text, with a column of space either side."""

    def lay_out(width: int, colours: Colours) -> list[Content]:
        return [Content(" ") + line for line in text.wrap(max(1, width - 2))]

    return lay_out


class HistoryText(TextLines):
    """The pages of the history screen, one shown at a time; each keeps its own place
    (the first opens at its end: the latest week)."""

    def __init__(self, pages: dict[str, Page], **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.pages = pages
        self.page = next(iter(pages))
        self._laid_out: dict[tuple[str, int, object], list[Content]] = {}
        self._places: dict[str, float] = {}
        """Where each page was scrolled to when it was last left."""
        self._opened = False

    def layout_key(self) -> object:
        colours = self.app.theme_variables
        return colours.get("panel"), colours.get("text-warning")

    def lay_out(self, width: int) -> list[Content]:
        key = (self.page, width, self._key)
        found = self._laid_out.get(key)
        if found is None:
            found = self._laid_out[key] = self.pages[self.page](width, self.app.theme_variables)
        return found

    def on_resize(self) -> None:
        super().on_resize()
        if not self._opened:
            self._opened = True
            self.scroll_end(animate=False, immediate=True)

    def show(self, page: str) -> None:
        """Show another page, where it was last left (a page not shown yet: its start)."""
        if page == self.page:
            return
        self._places[self.page] = self.scroll_y
        self.page = page
        self.text_changed()
        self.scroll_to(y=self._places.get(page, 0), animate=False, immediate=True)
