"""What really happened, week by week, beside this game; and the history notes seen.

Two pages in one text widget (`HistoryText`), under a bar naming them: a switch between
them redraws one widget, and opening the screen styles and lays out only a few.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from game.engine import Game
from game.ui.dialogs.note import note_content
from game.ui.format import period, plural
from game.ui.history_view import divergence, notes, weeks
from game.ui.styles import SCREENS_CSS
from game.ui.widgets.footer import SteadyFooter
from game.ui.widgets.history_text import HistoryText, block_text, weeks_text

TABS = ("weeks", "notes")


class HistoryScreen(Screen[None]):
    """The real chronology beside the game's, with the divergence marked."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [
        Binding("escape,h", "app.pop_screen", "Back"),
        Binding("w", "tab('weeks')", "Week by week"),
        Binding("s", "tab('notes')", "Notes and sources"),
    ]

    def __init__(self, game: Game, viewer: str | None) -> None:
        super().__init__()
        self.game = game
        self.viewer = viewer
        word = period(game.scenario)
        self.labels = {
            "weeks": f"{word.capitalize()} by {word} (w)",
            "notes": "Notes and sources (s)",
        }

    def compose(self) -> ComposeResult:
        rows = weeks(self.game, self.viewer)
        differences, diverged = divergence(rows)
        word = period(self.game.scenario)
        summary = (
            f"Divergence so far: {plural(differences, 'difference')} from history "
            f"in {diverged} of {plural(len(rows), word)}.  "
            f"≠ marks a {word} that went otherwise; = a {word} as in history."
        )
        yield Static(self._bar("weeks"), id="history-tabs")
        yield HistoryText(
            {"weeks": weeks_text(self.game, rows, summary), "notes": block_text(self._notes())},
            id="history-text",
        )
        yield SteadyFooter()

    def _bar(self, active: str) -> Content:
        """The pages' names, the one shown marked, each a click away."""
        parts: list[Content] = []
        underline: list[Content] = []
        for tab in TABS:
            label = f" {self.labels[tab]} "
            style = "bold $text" if tab == active else "$text-muted"
            parts.append(
                Content.from_markup(f"[@click=screen.tab('{tab}')]$label[/]", label=label).stylize(
                    style
                )
            )
            mark = "━" * len(label)
            underline.append(Content.styled(mark, "$accent" if tab == active else "$panel"))
            parts.append(Content(" "))
            underline.append(Content.styled(" ", "$panel"))
        return Content.assemble(*parts, "\n", *underline)

    def _notes(self) -> Content:
        """Every note seen, in one block of text."""
        seen = notes(self.game, self.viewer)
        if not seen:
            return Content("No history notes yet.")
        parts: list[Content | str | tuple[str, str]] = []
        for n, item in enumerate(seen):
            parts.append(("\n\n" if n else "", ""))
            parts.append((f" {item.kind.upper()}  ", "dim reverse"))
            parts.append((f" {item.title} ", "bold reverse"))
            parts.append("\n")
            parts.append(note_content(self.game.scenario, item.note))
        return Content.assemble(*parts)

    def on_mount(self) -> None:
        self.query_one(HistoryText).focus()  # it opens at the latest week itself

    def action_tab(self, tab: str) -> None:
        self.query_one(HistoryText).show(tab)
        self.query_one("#history-tabs", Static).update(self._bar(tab))
        self.query_one(HistoryText).focus()
