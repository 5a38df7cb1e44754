"""The Textual app: screen flow, app-wide commands, and the entry points for the CLI.

`make_app` builds the app (tests use it with a test scenario and a fixed seed); `run`
runs it and returns an exit code. The app holds at most one `Session` (the game in
progress); screens render it and send its commands to the engine.

Imports are lazy on purpose: the title screen appears before the scenario format and the
engine are imported, and the default scenario loads in a thread once the app is ready.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from game.ui.catalog import Catalog, bundled_catalog, bundled_default
from game.ui.heldkeys import HeldKeys
from game.ui.saves import SaveEntry, SaveService, default_service
from game.ui.saving import SaveFlows
from game.ui.screens.title import TitleScreen
from game.ui.settings import Settings, load_settings, save_settings
from game.ui.styles import TITLE_CSS
from game.ui.typeahead import typed_ahead
from game.ui.views import Views

if TYPE_CHECKING:
    from game.engine import Game
    from game.scenario import Scenario
    from game.session import Session


class MoscowApp(Views):
    """Moscow 1939 in the terminal."""

    CSS_PATH = TITLE_CSS
    TITLE = "Moscow 1939"
    """Whether text fields blink their cursor (tests turn it off for stable snapshots)."""
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
        probe = getattr(self.saves, "any_saved", None)
        self._probed: bool | None = probe() if callable(probe) else None
        """Whether saves exist, from the folder's names, until they are looked for."""
        self._looked = False
        self.held = HeldKeys(ready=self._probed is not None)
        self.default_read = False
        self._after_read = []

    def get_default_screen(self) -> Screen[None]:
        return TitleScreen()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and typed_ahead(self.screen, event):
            return  # a key pressed before the dialog on top opened: set aside
        if isinstance(event, events.Key) and self.held.hold(self.screen, TitleScreen, event):
            return  # pressed on the title before its menu is complete: kept for it
        await super().on_event(event)

    @property
    def menu_ready(self) -> bool:
        """Whether the title's menu is complete: the saves known (probed or looked for)."""
        return self.held.ready

    def _release_keys(self) -> None:
        self.held.release(self.post_message)

    def on_key(self, event: events.Key) -> None:
        if typed_ahead(self.screen, event):  # routed to the screen behind before a dialog
            event.prevent_default()  # opened, and back here for the bindings: set aside

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

    # -- scenarios -------------------------------------------------------------------------
    def catalog(self) -> list[Scenario]:
        """The scenarios set-up offers: the one asked for, then the bundled ones.

        Runs in a worker thread; a broken scenario file given by name is left out here
        and reported on the title screen.
        """
        from game.scenario import ScenarioError, load

        found: list[Scenario] = []
        if self.scenario_arg:
            with contextlib.suppress(ScenarioError):
                found.append(self.default or load(self.scenario_arg))
        if self._found is None:
            self._found = self._catalog()
        ids = {sc.id for sc in found}
        found += [sc for sc in self._found if sc.id not in ids]
        return found

    def _load_default(self) -> None:
        from game.scenario import ScenarioError, load

        error = ""
        scenario: Scenario | None = None
        try:
            if self.scenario_arg:
                scenario = load(self.scenario_arg)
            elif self._catalog is bundled_catalog:
                scenario = bundled_default()
            else:
                found = self._catalog()
                scenario = found[0] if found else None
            if scenario is not None:
                _ = scenario.code  # from the cache it compiles on first use: here, not at start
        except ScenarioError as err:
            error = str(err)
        saved = self.saving.look()
        self.call_from_thread(self._default_loaded, scenario, error, saved)

    def refresh_saves(self) -> None:
        """Look for saves again, in a thread; the title screen updates when done."""

        def look() -> None:
            found = self.saving.look()
            self.call_from_thread(self._saves_found, found)

        self.run_worker(look, thread=True, group="saves", exclusive=True)

    def _saves_found(self, found: list[SaveEntry]) -> None:
        self.saving.found = found
        self._looked = True
        for screen in self.screen_stack:
            if isinstance(screen, TitleScreen):
                screen.refresh_menu()

    def _default_loaded(
        self, scenario: Scenario | None, error: str, saved: list[SaveEntry]
    ) -> None:
        self.default = scenario
        self.default_read = True
        self.saving.found = saved
        self._looked = True
        for screen in self.screen_stack:
            if isinstance(screen, TitleScreen):
                screen.show_scenario(scenario)
        self._release_keys()
        waiting, self._after_read = self._after_read, []
        for job in waiting if scenario is not None else []:
            job()
        if error:
            self.notify(
                error,
                title="This scenario cannot be played",
                severity="error",
                timeout=30,
                markup=False,
            )

    # -- flow between screens --------------------------------------------------------------
    def has_saves(self) -> bool:
        """Whether a save was found (as of the last look, which runs in a thread; before
        it, whether the folder holds save files)."""
        if self._probed is not None and not self._looked:
            return self._probed
        return bool(self.saving.loadable())

    def in_game(self) -> bool:
        return self.session is not None and not self.session.game.over

    def _to_base(self) -> None:
        """Close every screen above the title screen."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def start_game(
        self, scenario: Scenario, humans: tuple[str, ...], seed: int, opponents: str = "historical"
    ) -> None:
        """Start a new game (from set-up); `opponents` is the computer powers' policy."""
        from game.engine import Game, GameError

        try:
            game = Game.new(scenario, humans=humans, seed=seed, policy=opponents)
        except GameError as err:
            self.notify(str(err), title="Cannot start", severity="error")
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
        self.push_screen(GameScreen(session))
        if session.hotseat:
            self.hand_over(session, lambda: None)
        else:
            self._brief_first(session)
        if game.over:
            self.show_ending(session)

    def hand_over(self, session: Session, then: Callable[[], None]) -> None:
        """Cover the game until the next hot-seat player is ready."""
        from game.ui.format import long_date, turn_label
        from game.ui.screens.handover import HandoverScreen

        g = session.game
        week = f"{turn_label(g.scenario, g.state.turn, g.turns)} · {long_date(g.state.date)}"
        self.push_screen(
            HandoverScreen(session.name(session.active), week), lambda _: self._after_handover(then)
        )

    def _after_handover(self, then: Callable[[], None]) -> None:
        from game.ui.screens.game import GameScreen

        if isinstance(self.screen, GameScreen):
            self.screen.render_all()
            self._brief_first(self.screen.session)
        self.call_after_refresh(then)
        self.call_after_refresh(self._prompt)

    def _prompt(self) -> None:
        from game.ui.screens.game import GameScreen

        if isinstance(self.screen, GameScreen):
            self.screen.prompt_decisions()

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
        self.push_screen(SetupScreen())

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
