"""The app's view of saved games: a small protocol, a service on `game.saves`, and none.

The app receives a `SaveService` and shows Continue, Load and Save through it. `FileSaves`
uses the saves module (atomic files, replay check, autosaves); `NoSaves` has nothing and
saves nothing. `game.saves` (and pydantic with it) is imported only when first used, so
that the title screen appears before it is loaded.
"""

from __future__ import annotations

import os
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from game.engine import Game


SAVES_VAR = "MOSCOW1939_SAVES"
"""The variable that chooses the saves folder (`game.saves.folder.ENV_VAR`)."""


class SaveUnavailable(Exception):
    """A save that cannot be written or read; the message is for people."""


class ScenarioChanged(SaveUnavailable):
    """The save's scenario has changed but the game still replays: ask before loading."""


@dataclass(frozen=True)
class SaveEntry:
    """One saved game as a list shows it."""

    key: str
    """What the service needs to find the save again (its path)."""
    label: str
    """What the player reads: name, powers, date, turn, when it was saved."""
    error: str = ""
    """Why the save cannot be loaded; empty when it can."""
    finished: bool = False
    """Whether the saved game had reached its ending (Continue passes over it)."""


class SaveService(Protocol):
    """What the UI needs from saves. Methods raise `SaveUnavailable` with a message."""

    @property
    def can_save(self) -> bool:
        """Whether `save` works at all."""
        ...

    def entries(self) -> list[SaveEntry]:
        """Saved games, newest first; those that cannot be loaded say why in `error`."""
        ...

    def load(self, key: str, accept_changed: bool = False) -> Game:
        """The game a save holds; `ScenarioChanged` asks to load it anyway."""
        ...

    def save(self, game: Game, slot: str | None = None) -> SaveEntry:
        """Save the game in `slot` (default: its own); returns the entry it is listed under."""
        ...

    def slot_for(self, game: Game) -> str:
        """The slot proposed for this game."""
        ...

    def delete(self, key: str) -> None:
        """Delete a save for good (one of those `entries` lists)."""
        ...

    def autosave(self, game: Game) -> str:
        """Save at the end of a turn; returns '' or a warning for people."""
        ...


class NoSaves:
    """No saves exist and none can be made."""

    can_save = False

    def entries(self) -> list[SaveEntry]:
        return []

    def any_saved(self) -> bool:
        return False

    def load(self, key: str, accept_changed: bool = False) -> Game:
        raise SaveUnavailable("saved games are not available here")

    def save(self, game: Game, slot: str | None = None) -> SaveEntry:
        raise SaveUnavailable("saving is not available here")

    def slot_for(self, game: Game) -> str:
        return ""

    def delete(self, key: str) -> None:
        raise SaveUnavailable("saved games are not available here")

    def autosave(self, game: Game) -> str:
        return ""


class FileSaves:
    """Saves in a folder, through `game.saves`: one slot per game, plus its autosaves."""

    can_save = True

    def __init__(self, folder: str | Path | None = None) -> None:
        self.last_warning = ""
        """Said of the last save loaded (an unsigned save), if anything."""
        self._folder = folder
        self._ids: weakref.WeakKeyDictionary[Game, str] = weakref.WeakKeyDictionary()

    @property
    def folder(self) -> Path:
        from game import saves

        return saves.default_dir(self._folder)

    def any_saved(self) -> bool | None:
        """Whether the folder holds save files, from their names alone: no save is read and
        nothing heavy imported, so the title's menu is complete at once (None: cannot tell)."""
        folder = quick_folder(self._folder)
        if folder is None:
            return None
        try:
            return folder.is_dir() and any(True for _ in folder.glob("*.json"))
        except OSError:
            return None

    def entries(self) -> list[SaveEntry]:
        from game import saves

        out = []
        for s in saves.list_saves(self.folder):
            if s.error:
                out.append(SaveEntry(str(s.path), f"{s.slot} · {s.saved_at}", s.error))
                continue
            auto = ", autosave" if s.autosave else ""
            label = (
                f"{s.slot}: {s.scenario}, {s.powers}, {s.date} (turn {s.turn}{auto}) · {s.saved_at}"
            )
            out.append(SaveEntry(str(s.path), label, finished=s.finished))
        return out

    def load(self, key: str, accept_changed: bool = False) -> Game:
        from game import saves

        try:
            loaded = saves.load(Path(key), self.folder, accept_changed=accept_changed)
        except saves.ChangedScenario as err:
            raise ScenarioChanged(str(err)) from None
        except saves.SaveError as err:
            raise SaveUnavailable(str(err)) from None
        self._ids[loaded.game] = loaded.record.game_id
        self.last_warning = loaded.warning
        return loaded.game

    def _id(self, game: Game) -> str:
        from game import saves

        if game not in self._ids:
            self._ids[game] = saves.new_game_id()
        return self._ids[game]

    def delete(self, key: str) -> None:
        path = Path(key)
        if path.suffix != ".json" or path.resolve().parent != self.folder.resolve():
            raise SaveUnavailable(f"{path.name} is not a save in {self.folder}.")
        try:
            path.unlink(missing_ok=True)
        except OSError as err:
            raise SaveUnavailable(
                f"Could not delete {path.name} ({err.strerror or err}): check that the "
                f"folder {self.folder} can be written to."
            ) from None

    def slot_for(self, game: Game) -> str:
        return f"{game.scenario.id}-{'-'.join(game.humans) or 'watch'}-{self._id(game)}"

    def save(self, game: Game, slot: str | None = None) -> SaveEntry:
        from game import saves

        ident = self._id(game)
        slot = slot or self.slot_for(game)
        try:
            path = saves.save(game, slot, self.folder, ident)
        except saves.SaveError as err:
            raise SaveUnavailable(str(err)) from None
        return SaveEntry(str(path), f"Saved as '{path.stem}' in {path.parent}")

    def autosave(self, game: Game) -> str:
        from game import saves

        try:
            saves.autosave(game, self.folder, self._id(game))
        except saves.SaveError as err:
            return f"Autosave failed: {err}"
        return ""


def quick_folder(override: str | Path | None = None) -> Path | None:
    """The saves folder as `game.saves.folder.where` chooses it, without importing the saves
    module (a test holds the two together); None where only `where` can tell."""
    try:
        if override:
            return Path(str(override)).expanduser()
        if os.environ.get(SAVES_VAR):
            return Path(os.environ[SAVES_VAR]).expanduser()
        checkout = Path(__file__).resolve().parents[2]
        if (checkout / "saves").is_dir() and (checkout / "pyproject.toml").is_file():
            return checkout / "saves"
        from platformdirs import user_data_dir

        return Path(user_data_dir("moscow1939", appauthor=False)) / "saves"
    except (RuntimeError, KeyError, OSError, ValueError):
        return None


def default_service(saves_dir: str | None = None) -> SaveService:
    """Saves in `saves_dir`, or where the saves module puts them by default."""
    return FileSaves(saves_dir)
