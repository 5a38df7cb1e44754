"""Save files: a versioned JSON record of scenario, seed and command log, written atomically
and checked on load by replaying the log against the snapshot it holds.

A save is never trusted: whatever its bytes, loading either gives back the same game or
raises `SaveError` with a message for people. Writing never destroys the previous good
file: the new one goes to a temporary file in the same folder, is flushed to disk, and
only then replaces the old with `os.replace`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import __version__
from .engine import Command, Game, GameError
from .scenario import Scenario, ScenarioError, bundled_paths, load_scenario

SAVE_FORMAT = 1
MAX_SAVE_BYTES = 20 * 1024 * 1024
AUTOSAVES_KEPT = 3
SLOT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")
ENV_VAR = "MOSCOW1939_SAVES"


class SaveError(Exception):
    """A save that cannot be written or loaded; the message says why and what to do."""


class ChangedScenario(SaveError):
    """The save's scenario has changed since it was saved, but its log still replays.
    Loading again with `accept_changed=True` takes the game as the new scenario plays it."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SavedCommand(Model):
    turn: int = Field(ge=1)
    power: str
    verb: str
    args: list[str] = []


class Snapshot(Model):
    """The state the log leads to, for listing saves and checking a replay."""

    turn: int
    date: dt.date
    variables: dict[str, int]
    flags: dict[str, bool]
    ending: str | None = None
    draws: dict[str, int] = {}
    """The per-game draws of the start (format-2 scenarios)."""
    estimates: dict[str, list[int]] = {}
    """`power:variable` to that power's estimate as [offset, error]."""
    changes: int | None = None
    """How many changes of variables and flags the game has recorded, with their causes."""


class SaveFile(Model):
    """A save file, format 1."""

    format: int
    """Save format version."""
    game_version: str
    game_id: str
    """Identifies one game across its saves (autosaves are kept per game)."""
    slot: str
    autosave: bool = False
    saved_at: dt.datetime
    scenario_id: str
    scenario_file: str
    """Where the scenario was read from; bundled scenarios are found again by id."""
    scenario_hash: str
    seed: int
    humans: list[str]
    policy: str | dict[str, str] = "historical"
    log: list[SavedCommand]
    snapshot: Snapshot


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


# -- where saves go ---------------------------------------------------------------------


def default_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """`override` (--saves-dir), else $MOSCOW1939_SAVES, else `saves/` of the checkout the
    game runs from, else the user data folder."""
    if override:
        return Path(override).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "saves").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout / "saves"
    from platformdirs import user_data_dir

    return Path(user_data_dir("moscow1939", appauthor=False)) / "saves"


def check_slot(slot: str) -> str:
    """A slot name that is safe as a file name, or `SaveError`."""
    slot = slot.strip()
    if slot.endswith(".json"):
        slot = slot[:-5]
    if ".." in slot or "/" in slot or "\\" in slot or not SLOT_RE.match(slot):
        raise SaveError(
            f"'{slot}' cannot be a save name: use up to 64 letters, digits, spaces, '-', '_' "
            "or '.', starting with a letter or digit, with no '/', '\\' or '..'."
        )
    return slot


# -- writing ----------------------------------------------------------------------------


def snapshot_of(game: Game) -> Snapshot:
    st = game.state
    sc = game.scenario
    return Snapshot(
        turn=st.turn,
        date=st.date,
        variables={v.id: st.env[v.id] for v in sc.variables},
        flags={f.id: bool(st.env[f.id]) for f in sc.flags},
        ending=game.ending.ending if game.ending else None,
        draws=dict(st.draws),
        estimates={f"{p}:{v}": [e.offset, e.error] for (p, v), e in st.estimates.items()},
        changes=len(st.changes),
    )


def record(game: Game, slot: str, game_id: str, autosave: bool = False) -> SaveFile:
    sc = game.scenario
    policy = game.policy if isinstance(game.policy, str) else dict(game.policy)
    return SaveFile(
        format=SAVE_FORMAT,
        game_version=__version__,
        game_id=game_id,
        slot=slot,
        autosave=autosave,
        saved_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        scenario_id=sc.id,
        scenario_file=str(Path(sc.file).resolve()) if sc.file else "",
        scenario_hash=sc.digest,
        seed=game.seed,
        humans=list(game.humans),
        policy=policy,
        log=[
            SavedCommand(turn=c.turn, power=c.power, verb=c.verb, args=list(c.args))
            for c in game.state.log
        ],
        snapshot=snapshot_of(game),
    )


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise SaveError(
            f"Cannot create the save folder {folder}: {err.strerror}. "
            "Choose another with --saves-dir or MOSCOW1939_SAVES."
        )
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    backup = folder / f"{path.name}.bak"
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():  # keep the previous good file until the new one is in place
            with contextlib.suppress(FileNotFoundError):
                backup.unlink()
            os.link(path, backup)
        os.replace(tmp, path)
        _fsync_dir(folder)
        with contextlib.suppress(OSError):
            backup.unlink()
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if err.errno == errno.ENOSPC:
            why = "the disk is full"
        elif err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            why = "the folder cannot be written to"
        else:
            why = err.strerror or str(err)
        raise SaveError(
            f"Could not save to {path}: {why}. The previous save, if any, is "
            "untouched. Free some space or choose another folder with --saves-dir."
        )


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def new_game_id() -> str:
    return secrets.token_hex(4)


def save(game: Game, slot: str, folder: Path, game_id: str, autosave: bool = False) -> Path:
    """Write the game to `folder/slot.json`; returns the path."""
    slot = check_slot(slot)
    data = record(game, slot, game_id, autosave).model_dump_json(indent=2).encode("utf-8")
    path = folder / f"{slot}.json"
    write_atomic(path, data + b"\n")
    return path


def autosave(game: Game, folder: Path, game_id: str) -> Path:
    """Save at the end of a turn, keeping the last `AUTOSAVES_KEPT` autosaves of this game."""
    path = save(game, f"auto-{game_id}-turn{game.state.turn:03d}", folder, game_id, True)
    mine = sorted(folder.glob(f"auto-{game_id}-turn*.json"))
    for old in mine[:-AUTOSAVES_KEPT]:
        with contextlib.suppress(OSError):
            old.unlink()
    return path


# -- reading ----------------------------------------------------------------------------


def _migrate_0(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (the prototype): `version`, `scenario`, `seed`, `powers`, `commands` as
    [turn, power, verb, *args] lists, `state` with turn/variables/flags."""
    state = raw.get("state", {})
    return {
        "format": 1,
        "game_version": raw.get("game_version", "0"),
        "game_id": raw.get("game_id", "legacy"),
        "slot": raw.get("slot", "legacy"),
        "autosave": False,
        "saved_at": raw.get("saved_at", "1970-01-01T00:00:00Z"),
        "scenario_id": raw["scenario"],
        "scenario_file": "",
        "scenario_hash": raw.get("scenario_hash", ""),
        "seed": raw["seed"],
        "humans": raw["powers"],
        "log": [
            {"turn": c[0], "power": c[1], "verb": c[2], "args": list(c[3:])}
            for c in raw["commands"]
        ],
        "snapshot": {
            "turn": state["turn"],
            "date": state["date"],
            "variables": state["variables"],
            "flags": state["flags"],
            "ending": state.get("ending"),
        },
    }


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0}
"""From each old format version to the next one."""


def version_of(raw: dict[str, Any]) -> int:
    version = raw.get("format", raw.get("version"))
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError("it has no format version: it is not a Moscow 1939 save.")
    return version


def parse(data: bytes, name: str) -> SaveFile:
    """The save record in `data`, migrated to the current format, or `SaveError`."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SaveError(f"{name} is not a save file: it is not text.")
    except json.JSONDecodeError as err:
        cut = (
            "is cut short (the file ends too soon)"
            if err.pos >= len(data.rstrip()) - 1 or err.msg.startswith("Unterminated")
            else f"is not valid JSON (line {err.lineno}, column {err.colno})"
        )
        raise SaveError(f"{name} {cut}; it cannot be loaded. Other saves are unaffected.")
    if not isinstance(raw, dict):
        raise SaveError(f"{name} is not a Moscow 1939 save.")
    try:
        version = version_of(raw)
    except SaveError as err:
        raise SaveError(f"{name}: {err}")
    if version > SAVE_FORMAT:
        raise SaveError(
            f"{name} was written by a newer version of the game (save format "
            f"{version}; this version reads up to {SAVE_FORMAT}). Update the game "
            "to load it."
        )
    try:
        while version < SAVE_FORMAT:
            if version not in MIGRATIONS:
                raise SaveError(
                    f"{name} has save format {version}, which this version cannot read."
                )
            raw = MIGRATIONS[version](raw)
            version = version_of(raw)
        return SaveFile.model_validate(raw)
    except (KeyError, TypeError, IndexError, ValueError, ValidationError) as err:
        detail = _first_error(err)
        raise SaveError(f"{name} is damaged ({detail}); it cannot be loaded.")


def _first_error(err: Exception) -> str:
    if isinstance(err, ValidationError):
        e = err.errors()[0]
        where = ".".join(str(p) for p in e["loc"]) or "top"
        return f"{where}: {e['msg']}"
    if isinstance(err, KeyError):
        return f"missing {err}"
    return str(err) or type(err).__name__


def read(path: Path) -> SaveFile:
    name = path.name
    try:
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise SaveError(f"{name} is too large to be a save.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SaveError(f"There is no save {path}.")
    except IsADirectoryError:
        raise SaveError(f"{path} is a folder, not a save.")
    except PermissionError:
        raise SaveError(f"{path} cannot be read: permission denied.")
    except OSError as err:
        raise SaveError(f"{path} cannot be read: {err.strerror}.")
    return parse(data, name)


def find_scenario(rec: SaveFile) -> Scenario:
    """The save's scenario: the file it came from if that still exists, else bundled by id."""
    candidates = []
    if rec.scenario_file and Path(rec.scenario_file).is_file():
        candidates.append(Path(rec.scenario_file))
    bundled = bundled_paths().get(rec.scenario_id)
    if bundled is not None:
        candidates.append(bundled)
    if not candidates:
        raise SaveError(
            f"The save's scenario '{rec.scenario_id}' cannot be found (it was "
            f"read from {rec.scenario_file or 'the bundled scenarios'}). Put the "
            "scenario file back where it was, then load again."
        )
    for path in candidates:
        try:
            sc = _load_cached(path)
        except ScenarioError as err:
            raise SaveError(f"The save's scenario {path} no longer loads:\n{err.report()}")
        if sc.id == rec.scenario_id:
            return sc
    raise SaveError(f"The scenario at {candidates[0]} is not '{rec.scenario_id}' any more.")


_scenario_cache: dict[tuple[str, str], Scenario] = {}


def _load_cached(path: Path) -> Scenario:
    """Load a scenario, reusing one already loaded from identical bytes (not for variants,
    whose base may have changed)."""
    try:
        data = path.read_bytes()
    except OSError:
        return load_scenario(path)  # reports the problem in its own words
    key = (str(path.resolve()), hashlib.sha256(data).hexdigest())
    if key in _scenario_cache:
        return _scenario_cache[key]
    sc = load_scenario(path)
    if not sc.extends:
        if len(_scenario_cache) > 8:
            _scenario_cache.clear()
        _scenario_cache[key] = sc
    return sc


def restore(rec: SaveFile, scenario: Scenario, accept_changed: bool = False) -> Game:
    """Replay the record on `scenario` and check the result against its snapshot."""
    changed = bool(rec.scenario_hash) and scenario.digest != rec.scenario_hash
    log = [Command(c.turn, c.power, c.verb, tuple(c.args)) for c in rec.log]
    try:
        game = Game.replay(scenario, rec.humans, rec.seed, log, policy=rec.policy)
    except GameError as err:
        why = "the scenario has changed since" if changed else "the save has been altered"
        raise SaveError(f"The save does not replay on scenario '{scenario.id}' ({why}): {err}")
    differences = _compare(rec.snapshot, snapshot_of(game))
    if differences:
        why = (
            f"scenario '{scenario.id}' has changed since the save was made"
            if changed
            else "the save has been altered or damaged"
        )
        raise SaveError(
            f"The save does not match its replay ({why}): " + "; ".join(differences[:5]) + "."
        )
    if changed and not accept_changed:
        raise ChangedScenario(
            f"Scenario '{scenario.id}' ({scenario.file}) has changed since this game was "
            f"saved. The game still replays on it to turn {rec.snapshot.turn}, "
            f"{rec.snapshot.date:%d %B %Y}, but what follows may differ. Load it anyway?"
        )
    return game


def _compare(saved: Snapshot, actual: Snapshot) -> list[str]:
    out = []
    if saved.turn != actual.turn:
        out.append(f"turn {saved.turn} saved, {actual.turn} replayed")
    if saved.date != actual.date:
        out.append(f"date {saved.date} saved, {actual.date} replayed")
    for name, value in saved.variables.items():
        if actual.variables.get(name) != value:
            out.append(f"{name} is {value} in the save, {actual.variables.get(name)} replayed")
    for name, value in saved.flags.items():
        if actual.flags.get(name) != value:
            out.append(f"{name} is {value} in the save, {actual.flags.get(name)} replayed")
    if set(saved.variables) != set(actual.variables) or set(saved.flags) != set(actual.flags):
        out.append("the scenario's variables or flags differ from the save's")
    if saved.ending != actual.ending:
        out.append(f"ending {saved.ending} saved, {actual.ending} replayed")
    held = saved.model_fields_set  # a save from before a field existed is not held to it
    if "draws" in held and saved.draws != actual.draws:
        out.append("the per-game draws differ from the save's")
    if "estimates" in held and saved.estimates != actual.estimates:
        out.append("the powers' estimates differ from the save's")
    if "changes" in held and saved.changes != actual.changes:
        out.append(f"{saved.changes} recorded changes saved, {actual.changes} replayed")
    return out


@dataclass
class Loaded:
    game: Game
    record: SaveFile
    path: Path


def resolve(slot_or_path: str, folder: Path) -> Path:
    """A save's path from a slot name in `folder`, or a path to a file."""
    candidate = Path(slot_or_path).expanduser()
    if candidate.suffix == ".json" and (candidate.is_file() or os.sep in slot_or_path):
        return candidate
    return folder / f"{check_slot(slot_or_path)}.json"


def load(slot_or_path: str | Path, folder: Path, accept_changed: bool = False) -> Loaded:
    """Load and check a save; `SaveError` (or `ChangedScenario`) says why not."""
    path = slot_or_path if isinstance(slot_or_path, Path) else resolve(slot_or_path, folder)
    rec = read(path)
    game = restore(rec, find_scenario(rec), accept_changed)
    return Loaded(game, rec, path)


def list_saves(folder: Path) -> list[SaveInfo]:
    """Every save in `folder`, newest first; unreadable ones say why."""
    if not folder.is_dir():
        return []
    out = []
    for path in folder.glob("*.json"):
        try:
            rec = read(path)
        except SaveError as err:
            out.append(SaveInfo(path, path.stem, "?", "?", "?", 0, _mtime(path), False, str(err)))
            continue
        out.append(
            SaveInfo(
                path,
                rec.slot,
                rec.scenario_id,
                ", ".join(rec.humans) or "none",
                f"{rec.snapshot.date:%d %b %Y}",
                rec.snapshot.turn,
                rec.saved_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                rec.autosave,
                finished=rec.snapshot.ending is not None,
            )
        )
    out.sort(key=lambda s: (s.saved_at, _mtime_number(s.path)), reverse=True)
    return out


def _mtime_number(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _mtime(path: Path) -> str:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        return "?"


def latest(folder: Path) -> SaveInfo | None:
    """The most recent save in `folder` of a game still in progress that can be read."""
    return next((s for s in resumable(folder)), None)


def resumable(folder: Path) -> list[SaveInfo]:
    """Saves of games still in progress that can be read, newest first."""
    return [s for s in list_saves(folder) if not s.error and not s.finished]
