"""The encyclopedia: people, places, treaties and terms, from the scenario file."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from game.scenario import Scenario
from game.scenario.models import Entry
from game.ui.format import ENCYCLOPEDIA_KINDS, cite, reflow
from game.ui.styles import SCREENS_CSS
from game.ui.widgets.footer import SteadyFooter


def entry_content(scenario: Scenario, entry: Entry) -> Content:
    parts: list[Content | str | tuple[str, str]] = [
        (entry.term, "bold"),
        (f"\n{ENCYCLOPEDIA_KINDS.get(entry.kind, entry.kind)}\n\n", "dim"),
        reflow(entry.text),
    ]
    if entry.sources:
        parts.append(("\n\nSources", "bold"))
        parts.extend(f"\n• {s}" for s in cite(scenario, entry.sources))
    return Content.assemble(*parts)


class EncyclopediaScreen(Screen[None]):
    """Browse and filter the scenario's encyclopedia."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("slash", "search", "Search"),
    ]

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.scenario = scenario
        self.entries = sorted(scenario.encyclopedia, key=lambda e: (e.kind, e.term.lower()))
        self.shown: list[Entry] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="encyclopedia"):
            yield Input(placeholder="Search the encyclopedia (/)", id="search", compact=True)
            with Horizontal(id="encyclopedia-body"):
                yield OptionList(id="entries")
                with VerticalScroll(id="entry-box"):
                    yield Static("", id="entry")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.scenario.title
        self._filter("")
        for listing in self.query("#entries"):
            listing.focus()

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        self.shown = [
            e
            for e in self.entries
            if all(w in f"{e.term} {e.kind} {e.text}".lower() for w in words)
        ]
        listing = next(self.query("#entries").results(OptionList), None)
        if listing is None:  # closed by a key before it was drawn, and already gone
            return
        options: list[Option] = []
        for i, e in enumerate(self.shown):  # under a heading per kind: the names get the width
            if i == 0 or e.kind != self.shown[i - 1].kind:
                kind = ENCYCLOPEDIA_KINDS.get(e.kind, e.kind)
                options.append(Option(Content.styled(kind, "dim bold"), disabled=True))
            options.append(Option(e.term, id=str(i)))
        listing.set_options(
            options
            or [
                Option(
                    "Nothing found." if self.entries else "This scenario has no encyclopedia.",
                    disabled=True,
                )
            ]
        )
        if self.shown:
            listing.highlighted = listing.get_option_index("0")
        self._show(0)

    def _show(self, index: int) -> None:
        entry = next(self.query("#entry").results(Static), None)
        if entry is not None:  # (None: closed before it was drawn)
            shown = 0 <= index < len(self.shown)
            entry.update(entry_content(self.scenario, self.shown[index]) if shown else "")

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one("#entries").focus()

    @on(OptionList.OptionHighlighted, "#entries")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self._show(int(event.option.id))

    def action_search(self) -> None:
        self.query_one("#search").focus()
