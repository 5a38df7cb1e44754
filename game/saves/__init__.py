"""Save files: a versioned JSON record of scenario, seed and command log, signed with a
digest, written atomically, and checked on load by its digest and by replaying its log.

A save is never trusted: whatever its bytes, loading either gives back the same game or
raises `SaveError` with a message for people. Writing never destroys the previous good
file. Where things are:

- `folder`: where saves go, which names a slot may have, the autosave rotation;
- `fileformat`: the record, its format versions and migrations, reading it;
- `digest`: what binds a record together, and how to edit a save by hand;
- `files`: atomic writes under a per-slot lock, sweeping what a crash leaves;
- `replay`: the check that the log leads to the state the save records.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from ..engine import Game
from ..scenario import Scenario, ScenarioError, bundled_paths
from . import digest
from .fileformat import (
    MAX_SAVE_BYTES,
    MIGRATIONS,
    SAVE_FORMAT,
    AlteredSave,
    ChangedScenario,
    Model,
    SavedCommand,
    SaveError,
    SaveFile,
    Snapshot,
    bound_parts,
    parse,
    read,
    read_versioned,
    record,
    snapshot_of,
    version_of,
)
from .files import slot_lock, sweep, write_atomic
from .folder import (
    AUTOSAVE_RE,
    AUTOSAVES_KEPT,
    ENV_VAR,
    SLOT_RE,
    Where,
    autosave_slot,
    check_slot,
    default_dir,
    expanded,
    tidy,
    where,
)
from .replay import compare, load_cached, restore

__all__ = [
    "AUTOSAVES_KEPT",
    "ENV_VAR",
    "MAX_SAVE_BYTES",
    "MIGRATIONS",
    "SAVE_FORMAT",
    "SLOT_RE",
    "SlotTaken",
    "AlteredSave",
    "ChangedScenario",
    "Loaded",
    "Model",
    "SaveError",
    "SaveFile",
    "SaveInfo",
    "SavedCommand",
    "Snapshot",
    "Where",
    "autosave",
    "check_slot",
    "compare",
    "default_dir",
    "find_scenario",
    "latest",
    "list_saves",
    "load",
    "new_game_id",
    "parse",
    "read",
    "record",
    "resolve",
    "restore",
    "resumable",
    "save",
    "slot_lock",
    "snapshot_of",
    "sweep",
    "version_of",
    "where",
    "write_atomic",
]

UNSIGNED = (
    "{name} carries no digest (it was saved by an earlier version of the game, or its digest "
    "was removed by hand), so it was checked only by replaying it: it replays to turn {turn}, "
    "as it records. It will be signed when it is next saved."
)


@dataclass(frozen=True)
class SaveInfo:
    """One save as a list shows it; `error` says why it cannot be loaded, if it cannot."""

    path: Path
    slot: str
    scenario: str
    powers: str
    date: str
    turn: int
    saved_at: str
    autosave: bool
    error: str = ""
    finished: bool = False
    """Whether the saved game had reached its ending."""
    signed: bool = True
    """False for a save without a digest: it loads if it replays, with a warning."""
    humans: tuple[str, ...] = ()
    """The powers people play (`powers` says the same for reading)."""
    game_date: dt.date | None = None
    """The date in the game (`date` for reading); None for a save that cannot be read."""
    saved: dt.datetime | None = None
    """When it was saved, with its time zone (`saved_at` for reading)."""


@dataclass
class Loaded:
    game: Game
    record: SaveFile
    path: Path
    warning: str = ""
    """For people, when the save loaded but could not be fully checked (it is unsigned)."""


# -- writing ----------------------------------------------------------------------------


def new_game_id() -> str:
    return secrets.token_hex(4)


class SlotTaken(SaveError):
    """The slot holds a save of another game (or a file that is not a save): it is kept
    unless the player says to replace it."""


def save(
    game: Game,
    slot: str,
    folder: Path,
    game_id: str,
    autosave: bool = False,
    replace: bool = False,
) -> Path:
    """Write the game to `folder/slot.json`; returns the path. A slot that holds another
    game's save is replaced only with `replace` (else `SlotTaken`); a name shaped like an
    autosave's is kept for autosaves, which are pruned by it."""
    slot = check_slot(slot)
    if not autosave and AUTOSAVE_RE.match(f"{slot}.json"):
        raise SaveError(
            f"'{slot}' is named like an autosave, and old autosaves are deleted by name: "
            "choose a name that does not start with 'auto-' and end with '-turn' and a number."
        )
    data = record(game, slot, game_id, autosave).model_dump_json(indent=2).encode("utf-8")
    path = folder / f"{slot}.json"
    taken = None if replace or autosave else _taken(path, game_id)
    if taken is not None:
        raise SlotTaken(f"There is already a save called '{slot}'{taken}: choose another name.")
    write_atomic(path, data + b"\n")
    sweep(folder)
    return path


def _taken(path: Path, game_id: str) -> str | None:
    """What holds `path` if it is not a save of this game, for the player; None if the
    slot is free or this game's own."""
    if not os.path.lexists(path):
        return None
    try:
        rec = read(path)
    except (SaveError, OSError, ValueError):
        return " (a file that is not a save this game can read)"
    if rec.game_id == game_id:
        return None
    return f" from another game ({rec.scenario_id}, turn {rec.snapshot.turn})"  # an id: printable


def autosave(game: Game, folder: Path, game_id: str) -> Path:
    """Save at the end of a turn, keeping the last `AUTOSAVES_KEPT` autosaves of this game."""
    path = save(game, autosave_slot(game_id, game.state.turn), folder, game_id, True)
    tidy(folder, game_id)
    return path


# -- loading ----------------------------------------------------------------------------


def find_scenario(rec: SaveFile) -> Scenario:
    """The save's scenario: the file it came from if that still exists, else bundled by id."""
    candidates = []
    if rec.scenario_file and _is_file(Path(rec.scenario_file)):
        candidates.append(Path(rec.scenario_file))
    bundled = bundled_paths().get(rec.scenario_id)
    if bundled is not None:
        candidates.append(bundled)
    if not candidates:
        raise SaveError(
            f"The save's scenario '{rec.scenario_id[:80]}' cannot be found (it was "
            f"read from {rec.scenario_file[:200] or 'the bundled scenarios'}). Put the "
            "scenario file back where it was, then load again."
        )
    for path in candidates:
        try:
            sc = load_cached(path)
        except ScenarioError as err:
            raise SaveError(f"The save's scenario {path} no longer loads:\n{err.report()}")
        if sc.id == rec.scenario_id:
            return sc
    raise SaveError(f"The scenario at {candidates[0]} is not '{rec.scenario_id[:80]}' any more.")


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long, or with a NUL in it
        return False


def resolve(slot_or_path: str, folder: Path) -> Path:
    """A save's path from a slot name in `folder`, or a path to a file."""
    candidate = expanded(slot_or_path, "the save's path")
    if candidate.suffix == ".json" and (_is_file(candidate) or os.sep in slot_or_path):
        return candidate
    if os.sep in slot_or_path or candidate.suffix == ".toml":
        play = f" To play a scenario file: moscow1939 --scenario {slot_or_path[:200]}."
        raise SaveError(
            f"{slot_or_path[:200]} is not a save: a save is a .json file, given by its path "
            "or by its name in the saves folder (moscow1939 saves lists them)."
            + (play if candidate.suffix == ".toml" else "")
        )
    return folder / f"{check_slot(slot_or_path)}.json"


def load(slot_or_path: str | Path, folder: Path, accept_changed: bool = False) -> Loaded:
    """Load and check a save: its digest, then its replay. `SaveError` (`AlteredSave`,
    `ChangedScenario`) says why not; an unsigned save loads with a `warning`."""
    path = slot_or_path if isinstance(slot_or_path, Path) else resolve(slot_or_path, folder)
    rec, version = read_versioned(path)
    if rec.digest is not None:
        altered = digest.differences(rec.digest, bound_parts(rec, version))
        if altered != []:
            raise _altered(path.name, rec, altered)
    game = restore(rec, find_scenario(rec), accept_changed)
    warning = "" if rec.digest else UNSIGNED.format(name=path.name, turn=rec.snapshot.turn)
    return Loaded(game, rec, path, warning)


def _altered(name: str, rec: SaveFile, parts: list[str] | None) -> AlteredSave:
    """The refusal of a save that does not match its digest, with what its replay shows."""
    try:
        restore(rec, find_scenario(rec), accept_changed=True)
        replay = "It still replays to the state it records" + (
            ", but it is not the game that was saved." if parts else "."
        )
    except SaveError as err:
        replay = str(err).rstrip()
        replay += "" if replay.endswith((".", "?")) else "."
    return AlteredSave(
        f"{name} has been altered since it was saved: {digest.described(parts)}. {replay} "
        + digest.HOW_TO_ACCEPT,
        parts,
    )


# -- listing ----------------------------------------------------------------------------


def list_saves(folder: Path) -> list[SaveInfo]:
    """Every save in `folder`, newest first; unreadable ones say why (and do not hide the
    others). Strays left by a crash are swept first."""
    if not folder.is_dir():
        return []
    tidy(folder)
    try:
        paths = list(folder.glob("*.json"))
    except OSError:
        return []
    out = []
    for path in paths:
        try:
            rec = read(path)
            saved = _no_later_than_file(rec.saved_at, path)
            info = SaveInfo(
                path,
                path.stem,  # the name `load` takes: a copied or renamed file's, not the record's
                rec.scenario_id,
                ", ".join(rec.humans) or "none",
                f"{rec.snapshot.date:%d %b %Y}",
                rec.snapshot.turn,
                saved.astimezone().strftime("%Y-%m-%d %H:%M"),
                rec.autosave,
                finished=rec.snapshot.ending is not None,
                signed=rec.digest is not None,
                humans=tuple(rec.humans),
                game_date=rec.snapshot.date,
                saved=saved,
            )
        except (SaveError, ValueError, OverflowError, OSError) as err:
            why = str(err) if isinstance(err, SaveError) else f"{path.name} is damaged ({err})."
            info = SaveInfo(path, path.stem, "?", "?", "?", 0, _mtime(path), False, why)
        out.append(info)
    out.sort(key=lambda s: (s.saved_at, _mtime_number(s.path)), reverse=True)
    return out


def _no_later_than_file(saved_at: dt.datetime, path: Path) -> dt.datetime:
    """When a save was made: its record's time, unless that is after the file was last
    written (a damaged or edited clock, or a hand-made file dated in the future, would
    otherwise stay "the newest" for ever)."""
    if saved_at.tzinfo is None:  # a record without a zone is read as local time
        saved_at = saved_at.astimezone()
    try:
        written = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(microsecond=0)
    except (OSError, ValueError, OverflowError):
        return saved_at
    return min(saved_at, written)


def _mtime_number(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _mtime(path: Path) -> str:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except (OSError, ValueError, OverflowError):
        return "?"


def latest(folder: Path) -> SaveInfo | None:
    """The most recent save in `folder` of a game still in progress that can be read."""
    return next((s for s in resumable(folder)), None)


def resumable(folder: Path) -> list[SaveInfo]:
    """Saves of games still in progress that can be read, newest first."""
    return [s for s in list_saves(folder) if not s.error and not s.finished]
