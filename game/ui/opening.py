"""How the app opens: the default scenario read in a thread, the saves looked for, the
title's menu completed and the keys pressed before then released to it (a base class of
the app, to keep each module to one idea)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from textual import on

from game.ui import messages
from game.ui.catalog import Catalog, bundled_catalog, bundled_default
from game.ui.views import Views

if TYPE_CHECKING:
    from game.scenario import Scenario
    from game.ui.heldkeys import HeldKeys
    from game.ui.saves import SaveEntry
    from game.ui.saving import SaveFlows
    from game.ui.screens.title import TitleScreen


class Opening(Views):
    """The app's start: what the title screen waits for, and the catalogue set-up offers."""

    scenario_arg: str | None
    """The scenario file or id given on the command line, if any."""
    saving: SaveFlows
    _catalog: Catalog
    _found: list[Scenario] | None
    title_screen: TitleScreen
    held: HeldKeys
    _probed: bool | None
    _looked: bool

    @property
    def menu_ready(self) -> bool:
        """Whether the title's menu is complete: the saves known (probed or looked for)."""
        return self.held.ready

    def _release_keys(self) -> None:
        self.held.release(self.post_message)

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
        self.title_screen.show_saves(self.has_saves())

    @on(messages.TitleShown)
    def _title_shown(self) -> None:
        self.title_screen.show_saves(self.has_saves())
        if self.default is not None:  # else the first look is under way
            self.refresh_saves()

    def _default_loaded(
        self, scenario: Scenario | None, error: str, saved: list[SaveEntry]
    ) -> None:
        self.default = scenario
        self.default_read = True
        self.saving.found = saved
        self._looked = True
        self.title_screen.show_saves(self.has_saves())
        self.title_screen.show_scenario(scenario)
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
