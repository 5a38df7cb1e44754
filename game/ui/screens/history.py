"""What really happened, week by week, beside this game; and the history notes seen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static, TabbedContent, TabPane

from game.engine import Game
from game.ui.dialogs.note import note_content
from game.ui.format import cite, long_date, period, plural, reflow, turn_label
from game.ui.history_view import Week, divergence, notes, weeks
from game.ui.styles import SCREENS_CSS


def history_cell(game: Game, week: Week) -> Content:
    parts: list[Content | str | tuple[str, str]] = [("In history\n", "bold")]
    parts.append(reflow(week.history) or "(the scenario says nothing of this week)")
    if week.sources:
        parts.append((f"\n[{'; '.join(cite(game.scenario, week.sources))}]", "dim"))
    return Content.assemble(*parts)


def game_cell(week: Week) -> Content:
    parts: list[Content | str | tuple[str, str]] = [("In this game\n", "bold")]
    parts.append("\n".join(f"• {h}" for h in week.happened) or "(nothing reported)")
    if week.missing:
        parts.append(("\nDid not happen:", "bold"))
        parts.extend(f"\n✗ {m}" for m in week.missing)
    if week.extra:
        parts.append(("\nNot as in history:", "bold"))
        parts.extend(f"\n+ {x}" for x in week.extra)
    return Content.assemble(*parts)


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

    def compose(self) -> ComposeResult:
        rows = weeks(self.game, self.viewer)
        differences, diverged = divergence(rows)
        word = period(self.game.scenario)
        with TabbedContent(initial="weeks"):
            with TabPane(f"{word.capitalize()} by {word} (w)", id="weeks"):
                yield Static(
                    f"Divergence so far: {plural(differences, 'difference')} from history "
                    f"in {diverged} of {plural(len(rows), word)}.  "
                    f"≠ marks a {word} that went otherwise; = a {word} as in history.",
                    id="divergence",
                    markup=False,
                )
                yield from self._weeks(rows)
            with TabPane("Notes and sources (s)", id="notes"), VerticalScroll(id="notes-scroll"):
                yield Static(self._notes(), classes="note")
        yield Footer()

    def _notes(self) -> Content:
        """Every note seen, in one block: one widget, so that the tab shows at once (a widget
        per note made switching to it take a second in a long game)."""
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

    def _weeks(self, rows: list[Week]) -> ComposeResult:
        sc = self.game.scenario
        with VerticalScroll(id="weeks-scroll"):
            for week in rows:
                mark = "≠" if week.diverged else "="
                head = Content.assemble(
                    (f" {mark} ", "reverse bold" if week.diverged else "bold"),
                    (f" {turn_label(sc, week.turn)} · {long_date(week.date)} · ", "bold"),
                    (week.title, "bold italic"),
                )
                row = Horizontal(classes="week diverged" if week.diverged else "week")
                row.border_title = head  # not a widget of its own: fewer widgets, a quicker tab
                with row:
                    yield Static(history_cell(self.game, week), classes="week-history")
                    yield Static(game_cell(week), classes="week-game")

    def on_mount(self) -> None:
        self.query_one("#weeks-scroll").focus()
        self.call_after_refresh(self.query_one("#weeks-scroll").scroll_end, animate=False)

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#{tab}-scroll").focus()
