"""The map: the scenario's `[map]` drawn to the screen's size, with its legend in words.

At 80 x 24 each region shows its mark and name (the legend below says the rest); given
more room, the state's words are written into the region too.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from game.engine import Game
from game.scenario.mapmodel import Map
from game.ui.format import long_date, turn_label
from game.ui.mapdraw import draw, legend, shown
from game.ui.styles import SCREENS_CSS
from game.ui.typeahead import RefusesTypedAhead
from game.ui.widgets.footer import SteadyFooter


class MapView(Widget):
    """The drawing, redone for its own size whenever that changes."""

    def __init__(self, game: Game, section: Map, power: str | None, id: str = "") -> None:
        super().__init__(id=id or None)
        self.game = game
        self.section = section
        self.power = power

    def render(self) -> Content:
        regions = shown(self.game, self.power)
        lines = draw(self.section, regions, self.size.width, self.size.height)
        return Content("\n").join(lines)


class MapScreen(RefusesTypedAhead, Screen[None]):
    """The map of the power at the keyboard (everything once the game is over)."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [Binding("escape,m", "app.pop_screen", "Back to the board")]

    def __init__(self, game: Game, section: Map, power: str | None) -> None:
        super().__init__()
        self.refuse_earlier_keys()
        self.game = game
        self.section = section
        self.power = power

    def compose(self) -> ComposeResult:
        g = self.game
        title = self.section.title or g.scenario.title
        when = f"{turn_label(g.scenario, g.state.turn, g.turns)} · {long_date(g.state.date)}"
        yield Static(Content.assemble((title, "bold"), f" · {when}"), id="map-title", markup=False)
        yield MapView(g, self.section, self.power, id="map")
        with VerticalScroll(id="map-legend"):
            yield Static(legend(shown(g, self.power)), id="map-key")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#map-legend").focus()
