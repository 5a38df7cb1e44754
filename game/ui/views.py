"""The views a game opens on demand: briefing, since your last turn, map, history, help and
encyclopedia, as app actions (a base class of the app, to keep each module to one idea).

Nothing private opens while the hot-seat cover is up: the next player confirms first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

if TYPE_CHECKING:
    from game.scenario import Scenario
    from game.session import Session


class Views(App[int]):
    """The app's actions that open a view of the game or of the scenario."""

    session: Session | None
    """The game in progress, if any."""
    default: Scenario | None
    """The scenario shown on the title screen, once loaded."""
    _unbriefed: set[str]
    """Human powers of a new game not yet shown their briefing."""
    covered: bool
    """Whether the hot-seat cover is up (under any help or palette opened from it)."""
    screenshots: Path | None = None
    """Where screenshots are saved (None: the downloads folder)."""

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save a screenshot where the notice will say, making the folder first."""
        from game.ui.screenshots import screenshot_folder

        try:
            folder = screenshot_folder(Path(path) if path else self.screenshots)
        except OSError as err:
            self.notify(
                f"Could not make the folder for it: {err}", title="No screenshot", severity="error"
            )
            return None
        return super().deliver_screenshot(filename, str(folder), time_format)

    default_read: bool
    """Whether reading that scenario is over (what needs it before then waits for it)."""
    _after_read: list[Callable[[], None]]
    """What waits for that scenario: done once it is read."""

    def _brief_first(self, session: Session) -> None:
        """Open the briefing of the power at the keyboard if it has not seen it yet."""
        from game.ui.screens.briefing import BriefingScreen

        if session.active in self._unbriefed:
            self._unbriefed.discard(session.active)
            self.push_screen(BriefingScreen(session.game, session.active))

    def _handing_over(self) -> bool:
        """Whether the hot-seat hand-over screen is up: nothing private may be opened then."""
        if self.covered:
            self.notify("Pass the keyboard first: the next player confirms with Enter.")
            return True
        return False

    def action_history(self) -> None:
        from game.ui.screens.history import HistoryScreen

        s = self.session
        if self._handing_over():
            return
        if s is None:
            self.notify("No game in progress.")
        elif not isinstance(self.screen, HistoryScreen):
            viewer = None if s.game.over else s.active
            self.push_screen(HistoryScreen(s.game, viewer))

    def action_briefing(self) -> None:
        """The briefing and the aims of the power at the keyboard."""
        from game.ui.screens.briefing import BriefingScreen

        s = self.session
        if self._handing_over() or isinstance(self.screen, BriefingScreen):
            return
        if s is None or s.active is None:
            self.notify("No power of yours to brief: you are watching.")
            return
        self.push_screen(BriefingScreen(s.game, s.active))

    def action_help(self) -> None:
        from game.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_encyclopedia(self) -> None:
        from game.ui.screens.encyclopedia import EncyclopediaScreen

        scenario = self.session.scenario if self.session else self.default
        if scenario is None and not self.default_read:
            self._after_read.append(self.action_encyclopedia)  # opens once it is read
        elif scenario is None:
            self.notify("The scenario is still loading.")
        elif not isinstance(self.screen, EncyclopediaScreen):
            self.push_screen(EncyclopediaScreen(scenario))

    def action_map(self) -> None:
        """The scenario's map, coloured by the state as the power at the keyboard sees it."""
        from game.ui.screens.map import MapScreen

        s = self.session
        if self._handing_over() or isinstance(self.screen, MapScreen):
            return
        section = s.scenario.map if s is not None else None
        if s is None or section is None:
            self.notify("This scenario has no map.")
            return
        self.push_screen(MapScreen(s.game, section, None if s.game.over else s.active))

    def action_changes(self) -> None:
        """What changed for the power at the keyboard since its last turn, and why."""
        from game.ui.screens.changes import ChangesScreen

        s = self.session
        if self._handing_over() or isinstance(self.screen, ChangesScreen):
            return
        if s is None or s.active is None:
            self.notify("You are watching: the dispatches say what happened.")
            return
        self.push_screen(ChangesScreen(s.game, s.active))
