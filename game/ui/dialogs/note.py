"""A dispatch read in full, with what really happened and the sources."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.engine import Dispatch
from game.scenario import Scenario
from game.scenario.models import HistoryNote
from game.ui.format import cite, kind_label, long_date, reflow, turn_label
from game.ui.styles import SCREENS_CSS


def note_content(scenario: Scenario, note: HistoryNote) -> Content:
    """A history note with its readings and sources, as one block of text."""
    parts: list[str | tuple[str, str] | Content] = [
        ("What really happened\n", "bold"),
        reflow(note.note),
    ]
    if note.readings:
        parts.append(("\n\nThe sources disagree\n", "bold"))
        for reading in note.readings:
            parts.append(
                Content.assemble(("• ", ""), (reading.school, "italic"), ": ", reflow(reading.text))
            )
            if reading.sources:
                parts.append(f"  [{'; '.join(cite(scenario, reading.sources))}]")
            parts.append("\n")
    if note.sources:
        parts.append(("\nSources\n", "bold"))
        parts.append("\n".join(f"• {s}" for s in cite(scenario, note.sources)))
    return Content.assemble(*parts)


class NoteDialog(ModalScreen[None]):
    """A dispatch, and its history note if the scenario gives one."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [Binding("escape,enter", "dismiss", "Close")]

    def __init__(
        self, dispatch: Dispatch, note: HistoryNote | None, scenario: Scenario, actor: str = ""
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.dispatch = dispatch
        self.note = note
        self.scenario = scenario
        self.actor = actor

    def compose(self) -> ComposeResult:
        d = self.dispatch
        kind = kind_label(d.kind)
        where = f"{kind} · {turn_label(self.scenario, d.turn).lower()} · {long_date(d.date)}"
        if self.actor:
            where += f" · {self.actor}"
        if d.seen_by is not None:
            where += " · secret"
        with Vertical(classes="dialog wide"):
            yield Static(d.title, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body"):
                yield Static(where, classes="dialog-facts", markup=False)
                if d.text:
                    yield Static(reflow(d.text), classes="dialog-text", markup=False)
                if self.note is not None:
                    yield Static(note_content(self.scenario, self.note), classes="history-note")
                else:
                    yield Static("No history note for this dispatch.", classes="dialog-note")
            yield Button("Close", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one(".dialog-body").focus()  # arrows scroll; Enter or Esc closes

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss()
