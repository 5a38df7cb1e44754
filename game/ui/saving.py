"""Saving, loading and quitting, as the player meets them: questions first, then the deed.

`SaveFlows` belongs to the app and talks to its `SaveService`. It never touches the game's
state: it saves what the engine holds, and hands a loaded game to the app to begin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.ui.saves import SaveEntry, SaveService, ScenarioChanged

if TYPE_CHECKING:
    from game.session import Session
    from game.ui.app import MoscowApp


class SaveFlows:
    """The dialogs and notices around the saves service."""

    def __init__(self, app: MoscowApp, service: SaveService) -> None:
        self.app = app
        self.service = service
        self.found: list[SaveEntry] = []
        """The saves found last time we looked (looking runs in a thread)."""
        self._quitting = False

    # -- looking -------------------------------------------------------------------------
    def look(self) -> list[SaveEntry]:
        """The saves there are now ([] if the folder cannot be read). Safe in a thread."""
        try:
            return self.service.entries()
        except Exception:
            return []

    def _entries(self) -> list[SaveEntry]:
        self.found = self.look()
        if not self.found:
            self.app.notify("There are no saved games.")
        return self.found

    def loadable(self) -> list[SaveEntry]:
        """The saves found last time that can be loaded."""
        return [e for e in self.found if not e.error]

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        """Ask for a name, then save the game in progress and say where."""
        from game.ui.dialogs.save import SaveDialog

        s = self.app.session
        if s is None or s.game.over:
            self.app.notify("No game in progress to save.")
            return
        if not self.service.can_save:
            self.app.notify("Saving is not available here.", severity="warning")
            return
        folder = str(getattr(self.service, "folder", ""))
        self.app.push_screen(SaveDialog(self.service.slot_for(s.game), folder), self.save_as)

    def save_as(self, slot: str | None) -> None:
        """Save the game in progress under `slot` (nothing if None)."""
        s = self.app.session
        if slot is None or s is None or s.game.over:
            return
        try:
            entry = self.service.save(s.game, slot)
        except Exception as err:
            self.app.notify(str(err), title="Not saved", severity="warning", markup=False)
            return
        s.mark_saved()
        self.found = [entry, *self.found]
        self.app.notify(entry.label, title="Saved", markup=False)

    def autosave(self, session: Session) -> None:
        """Save at the end of a turn (a failure is reported, never fatal)."""
        try:
            warning = self.service.autosave(session.game)
        except Exception as err:
            warning = f"Autosave failed: {err}"
        if warning:
            self.app.notify(warning, severity="warning", markup=False)
        else:
            session.mark_saved()

    # -- loading -------------------------------------------------------------------------
    def continue_game(self) -> None:
        """Open the newest save (after asking, if a game with unsaved moves is open)."""
        entries = [e for e in self._entries() if not e.error and not e.finished]
        if entries:
            self.confirm_leave("Continue the last saved game?", lambda: self.load(entries[0].key))
        elif self.found:
            self.app.notify(
                "No game in progress can be loaded: open Load to see them all.", severity="warning"
            )

    def load_game(self) -> None:
        """Choose a save to open."""
        from game.ui.dialogs.load import LoadDialog

        entries = self._entries()
        if entries:
            self.app.push_screen(LoadDialog(entries, self.delete), self._chosen)

    def delete(self, key: str) -> list[SaveEntry]:
        """Delete a save (`SaveUnavailable` says why not); the saves there are then."""
        self.service.delete(key)
        self.found = self.look()
        return self.found

    def _chosen(self, key: str | None) -> None:
        broken = next((e for e in self.found if e.key == key and e.error), None)
        if broken is not None:
            self.app.notify(
                broken.error,
                title="This save cannot be loaded",
                severity="error",
                timeout=20,
                markup=False,
            )
        elif key is not None:
            self.confirm_leave("Load this game?", lambda: self.load(key))

    def load(self, key: str, accept_changed: bool = False) -> None:
        """Open a save; if its scenario has changed, ask before taking it anyway."""
        from game.ui.dialogs.confirm import ConfirmDialog

        try:
            game = self.service.load(key, accept_changed=accept_changed)
        except ScenarioChanged as err:
            dialog = ConfirmDialog(
                "The scenario has changed", str(err), yes="Load it anyway", no="Cancel"
            )
            self.app.push_screen(dialog, lambda yes: self.load(key, True) if yes else None)
            return
        except Exception as err:
            self.app.notify(str(err), title="Cannot load", severity="error", markup=False)
            return
        self.app.begin(game)
        warning = getattr(self.service, "last_warning", "")
        if warning:  # an unsigned save: it replayed, but say so
            self.app.notify(warning, title="Unsigned save", severity="warning", markup=False)

    def confirm_leave(self, question: str, then: Callable[[], None]) -> None:
        """Run `then` at once, or after the player agrees to leave unsaved moves behind."""
        from game.ui.dialogs.confirm import ConfirmDialog

        s = self.app.session
        if s is None or s.game.over or not s.unsaved:
            then()
            return
        text = "The game in progress has moves that are not saved: they will be lost."
        self.app.push_screen(
            ConfirmDialog(question, text, yes="Leave it", no="Keep playing"),
            lambda yes: then() if yes else None,
        )

    # -- quitting ------------------------------------------------------------------------
    def quit(self) -> None:
        """Quit; during a game, ask first (and offer to save the moves not yet saved)."""
        from game.ui.dialogs.quit import QuitDialog

        if self._quitting:
            return
        s = self.app.session
        if s is None or s.game.over:
            self.app.exit(0)
            return
        self._quitting = True
        can_save = self.service.can_save and s.unsaved
        if can_save:
            text = "This game has moves that are not saved."
        elif not self.service.can_save:
            text = "This game cannot be saved here: quitting ends it."
        elif not s.game.state.log:
            text = "No move has been made yet: there is nothing to save."
        else:
            text = "Everything played so far is saved."
        self.app.push_screen(QuitDialog(text, can_save), self._quit_answer)

    def _quit_answer(self, answer: str | None) -> None:
        self._quitting = False
        if answer == "save":
            from game.ui.dialogs.save import SaveDialog

            s = self.app.session
            if s is None:
                return

            def save_then_quit(slot: str | None) -> None:
                self.save_as(slot)
                if slot is not None and not s.unsaved:
                    self.app.exit(0)

            folder = str(getattr(self.service, "folder", ""))
            self.app.push_screen(SaveDialog(self.service.slot_for(s.game), folder), save_then_quit)
        elif answer == "quit":
            self.app.exit(0)
