"""The title screen: the scenario's title, a line of atmosphere, and the menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.ui.messages import TitleShown
from game.ui.widgets.footer import SteadyFooter

if TYPE_CHECKING:
    from game.scenario import Scenario

BANNER = "M O S C O W   1 9 3 9"
MENU = [  # (app action, label)
    ("new_game", "New game (n)"),
    ("continue_game", "Continue (c)"),
    ("load_game", "Load (l)"),
    ("encyclopedia", "Encyclopedia (i)"),
    ("help", "Help (?)"),
    ("quit_game", "Quit (q)"),
]


class TitleScreen(Screen[None]):
    """The first screen: new game, continue, load, help, quit."""

    BINDINGS = [
        Binding("n", "app.new_game", "New game"),
        Binding("c", "app.continue_game", "Continue"),
        Binding("l", "app.load_game", "Load"),
        Binding("i", "app.encyclopedia", "Encyclopedia"),
        Binding("question_mark", "app.help", "Help"),
        Binding("q", "app.quit_game", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.scenario: Scenario | None = None
        """The scenario the app opens with, once loaded (the app shows it here)."""
        self.saves = False
        """Whether there is a save to continue or load (the app says, after looking)."""
        self.read = False
        """Whether the app has finished reading that scenario (the encyclopedia waits for it)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="title-box"):
            yield Static(BANNER, id="banner")
            yield Static("", id="scenario-title", markup=False)
            yield Static("", id="atmosphere", markup=False)
            with Center():
                yield OptionList(id="menu")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self._show()
        self.query_one("#menu").focus()

    def on_screen_resume(self) -> None:
        self.refresh_menu()
        self.post_message(TitleShown())

    def show_scenario(self, scenario: Scenario | None) -> None:
        """Show the title and atmosphere of the scenario the app opens with."""
        self.scenario = scenario
        self.read = True
        if self.is_mounted:  # else shown when it mounts
            self._show()

    def _show(self) -> None:
        scenario = self.scenario
        title = scenario.title if scenario else ""
        atmosphere = scenario.atmosphere if scenario else ""
        self.query_one("#scenario-title", Static).update(title)
        self.query_one("#atmosphere", Static).update(atmosphere)
        self.refresh_menu()

    def show_saves(self, found: bool) -> None:
        """Offer Continue and Load, or not."""
        self.saves = found
        if self.is_mounted:
            self.refresh_menu()

    def refresh_menu(self) -> None:
        """Continue and Load appear only when there is a save to use."""
        hidden = set() if self.saves else {"continue_game", "load_game"}
        if self.scenario is None and self.read:
            hidden.add("encyclopedia")
        menu = next(iter(self.query("#menu").results(OptionList)), None)
        if menu is None:  # a look at the saves that ends while the app closes
            return
        current = menu.highlighted_option.id if menu.highlighted_option else None
        shown = [(action, label) for action, label in MENU if action not in hidden]
        menu.set_options([Option(label, id=action) for action, label in shown])
        ids = [action for action, _ in shown]
        menu.highlighted = ids.index(current) if current in ids else 0
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#menu")
    async def _chosen(self, event: OptionList.OptionSelected) -> None:
        await self.app.run_action(f"app.{event.option.id}")
