"""The save record: its models, its format versions and their migrations, and reading it.

Reading gives the record as written (migrated to the current format) or `SaveError`; it
does not check the record against its digest or its replay: `load` does both.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .. import __version__
from ..engine import Game
from ..scenario.base import Id
from ..scenario.loader import Unreadable, read_bounded
from . import digest

SAVE_FORMAT = 1
MAX_SAVE_BYTES = 20 * 1024 * 1024


class SaveError(Exception):
    """A save that cannot be written or loaded; the message says why and what to do."""


class ChangedScenario(SaveError):
    """The save's scenario has changed since it was saved, but its log still replays.
    Loading again with `accept_changed=True` takes the game as the new scenario plays it."""


class AlteredSave(SaveError):
    """A signed save whose record no longer matches its digest; `parts` names what differs
    (None: the digest line itself is damaged)."""

    def __init__(self, message: str, parts: list[str] | None) -> None:
        super().__init__(message)
        self.parts = parts


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

    digest: str | None = None
    """Binds the parts that decide the game (see `digest`); None in an unsigned save."""
    format: int
    """Save format version."""
    game_version: str
    game_id: str
    """Identifies one game across its saves (autosaves are kept per game)."""
    slot: str
    autosave: bool = False
    saved_at: dt.datetime
    scenario_id: Id
    scenario_file: str
    """Where the scenario was read from; bundled scenarios are found again by id."""
    scenario_hash: str
    seed: int
    humans: list[Id]
    policy: str | dict[str, str] = "historical"
    log: list[SavedCommand]
    snapshot: Snapshot

    @field_validator("game_id")
    @classmethod
    def _safe_game_id(cls, value: str) -> str:
        """An id that can name autosave files: one that cannot (a save edited by hand) is
        replaced by a short digest of it, so that the game still autosaves."""
        if GAME_ID_RE.match(value):
            return value
        return "x" + hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()[:12]

    @field_validator("slot")
    @classmethod
    def _shown_slot(cls, value: str) -> str:
        """The slot as listings show it: printable, and at most 64 characters."""
        value = "".join(ch if ch.isprintable() else "?" for ch in value[:64])
        return value or "?"


GAME_ID_RE = re.compile(r"^[A-Za-z0-9_]{1,64}$")
"""What a game id may be: it is part of its autosaves' file names."""


def bound_parts(rec: SaveFile, version: int = SAVE_FORMAT) -> dict[str, Any]:
    """The parts of a record its digest binds (`version`: the format the file was in)."""
    return {
        "format": version,
        "scenario": [rec.scenario_id, rec.scenario_hash],
        "seed": rec.seed,
        "humans": rec.humans,
        "policy": rec.policy,
        "log": [c.model_dump(mode="json") for c in rec.log],
        "snapshot": rec.snapshot.model_dump(mode="json"),
    }


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
    """The signed record of `game`."""
    sc = game.scenario
    policy = game.policy if isinstance(game.policy, str) else dict(game.policy)
    rec = SaveFile(
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
    return rec.model_copy(update={"digest": digest.sign(bound_parts(rec))})


def _migrate_0(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (the prototype): `version`, `scenario`, `seed`, `powers`, `commands` as
    [turn, power, verb, *args] lists, `state` with turn/variables/flags."""
    state = raw.get("state", {})
    return {
        "digest": raw.get("digest"),  # a prototype save has none; one that has is checked
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


LEGACY_KEYS = (
    " (that format holds 'scenario', 'seed', 'powers', 'commands' as lists of"
    " [turn, power, verb, ...] and 'state' with turn, date, variables and flags)"
)
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0}
"""From each old format version to the next one."""


def version_of(raw: dict[str, Any]) -> int:
    version = raw.get("format", raw.get("version"))
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError("it has no format version: it is not a Moscow 1939 save.")
    return version


def parse(data: bytes, name: str) -> SaveFile:
    """The save record in `data`, migrated to the current format, or `SaveError`."""
    return parse_versioned(data, name)[0]


def parse_versioned(data: bytes, name: str) -> tuple[SaveFile, int]:
    """The record in `data` and the format version it was written in."""
    raw = _json(data, name)
    if not isinstance(raw, dict):
        raise SaveError(f"{name} is not a Moscow 1939 save.")
    try:
        written = version = version_of(raw)
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
            try:
                raw = MIGRATIONS[version](raw)
            except (KeyError, TypeError, IndexError, ValueError, AttributeError) as err:
                what = (
                    f"it lacks '{str(err.args[0])[:40]}'"
                    if isinstance(err, KeyError) and err.args
                    else "a field holds the wrong kind of value"
                )
                holds = LEGACY_KEYS if version == 0 else ""
                raise SaveError(
                    f"{name} is damaged: it is a save of format {version}, but {what}"
                    f"{holds}. It cannot be loaded."
                ) from None
            version = version_of(raw)
        return SaveFile.model_validate(raw), written
    except (KeyError, TypeError, IndexError, ValueError, ValidationError) as err:
        detail = _first_error(err)
        raise SaveError(f"{name} is damaged ({detail}); it cannot be loaded.")


def _json(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"))  # an editor may have added a BOM
    except UnicodeDecodeError:
        raise SaveError(f"{name} is not a save file: it is not text.")
    except json.JSONDecodeError as err:
        cut = (
            "is cut short (the file ends too soon)"
            if err.pos >= len(data.rstrip()) - 1 or err.msg.startswith("Unterminated")
            else f"is not valid JSON (line {err.lineno}, column {err.colno})"
        )
        raise SaveError(f"{name} {cut}; it cannot be loaded. Other saves are unaffected.")
    except ValueError:  # an integer past Python's limit on digits
        raise SaveError(f"{name} is damaged (a number in it has thousands of digits).")
    except RecursionError:
        raise SaveError(f"{name} is damaged (it nests lists or tables thousands deep).")


def _first_error(err: Exception) -> str:
    if isinstance(err, ValidationError):
        e = err.errors()[0]
        where = ".".join(str(p) for p in e["loc"]) or "top"
        return f"{_cut(where)}: {_cut(str(e['msg']))}"
    if isinstance(err, KeyError):
        return f"missing {_cut(str(err))}"
    return _cut(str(err)) or type(err).__name__


def _cut(text: str, limit: int = 200) -> str:
    """Text from a save, short enough to quote in a message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def read(path: Path) -> SaveFile:
    """The record in a save file (not yet checked: see `load`), or `SaveError`."""
    return read_versioned(path)[0]


def read_versioned(path: Path) -> tuple[SaveFile, int]:
    """The record in a save file and the format version it was written in."""
    try:
        data = read_bounded(path, MAX_SAVE_BYTES)
    except FileNotFoundError:
        raise SaveError(f"There is no save {path}.")
    except IsADirectoryError:
        raise SaveError(f"{path} is a folder, not a save.")
    except PermissionError:
        raise SaveError(f"{path} cannot be read: permission denied.")
    except Unreadable as err:
        if err.errno == errno.EFBIG:
            raise SaveError(f"{path.name} is too large to be a save.")
        raise SaveError(f"{path} {err.strerror}: it cannot be a save.")
    except (OSError, ValueError) as err:
        raise SaveError(f"{path} cannot be read: {getattr(err, 'strerror', None) or err}.")
    return parse_versioned(data, path.name)
