"""The Textual app: screen flow, app-wide commands, and the entry points for the CLI.

`make_app` builds the app (tests use it with a test scenario and a fixed seed); `run`
runs it and returns an exit code. The app holds at most one `Session` (the game in
progress); screens render it and send its commands to the engine.

Imports are lazy on purpose: the title screen appears before the scenario format and the
engine are imported, and the default scenario loads in a thread once the app is ready.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from game.ui import messages
from game.ui.catalog import Catalog, bundled_catalog
from game.ui.heldkeys import HeldKeys
from game.ui.opening import Opening
from game.ui.saves import SaveService, default_service
from game.ui.saving import SaveFlows
from game.ui.screens.title import TitleScreen
from game.ui.settings import Settings, load_settings, save_settings
from game.ui.styles import TITLE_CSS
from game.ui.typeahead import typed_ahead

if TYPE_CHECKING:
    from game.engine import Game
    from game.scenario import Scenario
    from game.session import Session


class MoscowApp(Opening):
    """Moscow 1939 in the terminal."""

    CSS_PATH = TITLE_CSS
    TITLE = "Moscow 1939"
    BINDINGS = [
        Binding("ctrl+q", "quit_game", "Quit", priority=True, show=False),
        Binding("f1", "help", "Help", show=False),
        Binding("ctrl+s", "save", "Save", show=False),
    ]

    def __init__(
        self,
        scenario: str | None = None,
        seed: int | None = None,
        saves: SaveService | None = None,
        catalog: Catalog | None = None,
        resume: str | None = None,
        opponents: str = "planner:normal",
    ) -> None:
        super().__init__()
        self.opponents = opponents
        """The computer powers' policy offered first in set-up."""
        self.resume = resume
        """A save to open at once (the CLI's `continue` and `load`)."""
        self.scenario_arg = scenario
        """A scenario id or path given on the command line: offered first."""
        self.seed = seed
        """The seed offered in set-up (None: a random game)."""
        self.saves: SaveService = saves or default_service()
        self._catalog = catalog or bundled_catalog
        self._found: list[Scenario] | None = None
        """The catalog's scenarios, once loaded (set-up loads them on first use)."""
        self.default = None
        self.session = None
        self.saving = SaveFlows(self, self.saves)
        self.settings: Settings = load_settings()
        """What the player chose in earlier runs (the theme, the hints seen)."""
        self._ended: Session | None = None
        self._unbriefed = set()
        self.covered = False
        probe = getattr(self.saves, "any_saved", None)
        self._probed: bool | None = probe() if callable(probe) else None
        """Whether saves exist, from the folder's names, until they are looked for."""
        self._looked = False
        self.held = HeldKeys(ready=self._probed is not None)
        self.default_read = False
        self._after_read = []
        self.title_screen = TitleScreen()
        """The screen at the base of the stack, which the app keeps up to date."""
        self.title_screen.saves = self.has_saves()

    def get_default_screen(self) -> Screen[None]:
        return self.title_screen

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            if not self.screen_stack:
                return  # the app is closing: no screen is left to take the key
            if typed_ahead(self.screen, event):
                return  # a key pressed before the dialog on top opened: set aside
            if self.held.hold(self.screen, TitleScreen, event):
                return  # pressed on the title before its menu is complete: kept for it
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        # routed to the screen behind before a dialog opened, and back here for the
        # bindings: set aside (no screens: the app is closing)
        if self.screen_stack and typed_ahead(self.screen, event):
            event.prevent_default()

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self.settings.theme:
            self.settings.theme = theme.name
            save_settings(self.settings)

    def remember(self) -> None:
        """Write the settings now (a failure is not fatal: they last for this run)."""
        save_settings(self.settings)

    def on_ready(self) -> None:
        self.run_worker(self._load_default, thread=True, group="default", exclusive=True)
        if self.resume:
            self.saving.load(self.resume)

    # -- flow between screens --------------------------------------------------------------
    def in_game(self) -> bool:
        return self.session is not None and not self.session.game.over

    def _to_base(self) -> None:
        """Close every screen above the title screen."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.covered = False

    @on(messages.StartGame)
    def _start_chosen(self, event: messages.StartGame) -> None:
        self.start_game(event.scenario, event.humans, event.seed, event.opponents)

    def start_game(
        self, scenario: Scenario, humans: tuple[str, ...], seed: int, opponents: str = "historical"
    ) -> None:
        """Start a new game (from set-up); `opponents` is the computer powers' policy. A
        scenario set-up listed is loaded whole first (`listing`)."""
        from game.engine import Game, GameError
        from game.scenario import ScenarioError
        from game.ui.listing import whole

        try:
            game = Game.new(whole(scenario), humans=humans, seed=seed, policy=opponents)
        except (GameError, ScenarioError) as err:
            self.notify(str(err), title="Cannot start", severity="error", markup=False)
            return
        self.begin(game, new=True)

    def begin(self, game: Game, new: bool = False) -> None:
        """Show the game screen for a new or loaded game (a new one opens on the briefing)."""
        from game.session import Session
        from game.ui.screens.game import GameScreen

        session = Session(game)
        self.session = session
        self._ended = None
        self._unbriefed = set(session.humans) if new else set()
        self._to_base()
        self.push_screen(GameScreen(session, hints=not self.settings.hints_seen))
        if session.hotseat:
            self.hand_over(session)
        else:
            self._brief_first(session)
        if game.over:
            self.show_ending(session)

    @on(messages.HandOver)
    def _hand_over(self, event: messages.HandOver) -> None:
        self.hand_over(event.session)

    def hand_over(self, session: Session) -> None:
        """Cover the game until the next hot-seat player is ready, then ask their questions."""
        from game.ui.format import long_date, turn_label
        from game.ui.screens.handover import HandoverScreen

        g = session.game
        week = f"{turn_label(g.scenario, g.state.turn, g.turns)} · {long_date(g.state.date)}"
        self.covered = True
        self.push_screen(
            HandoverScreen(session.name(session.active), week), lambda _: self._after_handover()
        )

    def _after_handover(self) -> None:
        from game.ui.screens.game import GameScreen

        self.covered = False
        if isinstance(self.screen, GameScreen):
            self.screen.render_all()
            self._brief_first(self.screen.session)
        self.call_after_refresh(self._prompt)

    def _prompt(self) -> None:
        from game.ui.screens.game import GameScreen

        if isinstance(self.screen, GameScreen):
            self.screen.prompt_decisions()

    @on(messages.GameOver)
    def _game_over(self, event: messages.GameOver) -> None:
        self.show_ending(event.session)

    @on(messages.TurnClosed)
    def _turn_closed(self, event: messages.TurnClosed) -> None:
        self.saving.autosave(event.session)

    @on(messages.HintsPutAway)
    def _hints_put_away(self) -> None:
        self.settings.hints_seen = True
        self.remember()

    def show_ending(self, session: Session) -> None:
        """Replace the game with its ending (once)."""
        if self._ended is session:
            return
        self._ended = session
        self.call_after_refresh(self._show_ending, session)

    def _show_ending(self, session: Session) -> None:
        from game.ui.screens.ending import EndingScreen

        self.clear_notifications()
        self._to_base()
        self.push_screen(EndingScreen(session))

    # -- actions ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("continue_game", "load_game"):
            return self.has_saves()
        if action == "encyclopedia":  # before the scenario is read, it waits for it
            return self.default is not None or self.session is not None or not self.default_read
        if action == "history":
            return self.session is not None
        if action == "map":
            return self.session is not None and self.session.scenario.map is not None
        return True

    def action_new_game(self) -> None:
        from game.ui.screens.setup import SetupScreen

        if isinstance(self.screen, SetupScreen):
            return
        if self.in_game():
            self.saving.confirm_leave("Start a new game?", self._new_game)
        else:
            self._new_game()

    def _new_game(self) -> None:
        from game.ui.screens.setup import SetupScreen

        self.session = None
        self._to_base()
        self.push_screen(SetupScreen(self.catalog, self.seed, self.opponents))

    def action_to_title(self) -> None:
        self.session = None
        self._to_base()
        self.refresh_saves()

    def action_save(self) -> None:
        if self._handing_over():
            return
        self.saving.save()

    def action_continue_game(self) -> None:
        if self._handing_over():
            return
        self.saving.continue_game()

    def action_load_game(self) -> None:
        if self._handing_over():
            return
        self.saving.load_game()

    def action_quit_game(self) -> None:
        """Quit; during a game, ask first (and offer to save when saving is possible)."""
        self.saving.quit()

    # -- command palette -------------------------------------------------------------------
    def action_command_palette(self) -> None:
        from game.ui.palette import SafePalette

        if self.use_command_palette and not isinstance(self.screen, SafePalette):
            self.push_screen(SafePalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from game.ui.palette import system_commands

        yield from system_commands(self, screen, super().get_system_commands(screen))


def make_app(
    *,
    scenario: str | None = None,
    seed: int | None = None,
    saves_dir: str | None = None,
    resume: str | None = None,
    saves: SaveService | None = None,
    catalog: Catalog | None = None,
    opponents: str = "planner:normal",
) -> MoscowApp:
    """Build the app. `scenario` (an id or a path) is offered first in set-up and shown on
    the title screen; `seed` is offered in set-up; saves go to `saves_dir` (default: the
    saves module's folder); `resume` is a save to open at once. Tests may pass `saves`
    (a service) and `catalog` (the scenarios offered instead of the bundled ones)."""
    return MoscowApp(
        scenario=scenario,
        seed=seed,
        saves=saves or default_service(saves_dir),
        catalog=catalog,
        resume=resume,
        opponents=opponents,
    )


def run(
    *,
    scenario: str | None = None,
    seed: int | None = None,
    saves_dir: str | None = None,
    resume: str | None = None,
    opponents: str = "planner:normal",
) -> int:
    """Run the app in the terminal; returns the exit code."""
    app = make_app(
        scenario=scenario, seed=seed, saves_dir=saves_dir, resume=resume, opponents=opponents
    )
    result = app.run()
    return result if isinstance(result, int) else (app.return_code or 0)
