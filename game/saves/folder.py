"""Where saves go, which names a slot may have, and keeping the folder tidy: at most
`AUTOSAVES_KEPT` autosaves per game, and no strays left by a crash."""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..scenario.rawfile import read_bounded
from .fileformat import MAX_SAVE_BYTES, SaveError
from .files import sweep

AUTOSAVES_KEPT = 3
SLOT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")
ENV_VAR = "MOSCOW1939_SAVES"
RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)}
"""Names Windows keeps for devices, with any extension: `nul.json` is not a file there."""
AUTOSAVE_RE = re.compile(r"^auto-(?P<game>.+)-turn(?P<turn>[0-9]+)\.json$")


FALLBACK = "moscow1939-saves"
"""The folder, in the current directory, used when this machine gives no home folder."""
NO_HOME = (
    "moscow1939: this machine gives no home folder ({why}), so saves go to {folder}; "
    "choose a folder with --saves-dir DIR or {env}=DIR."
)


@dataclass(frozen=True)
class Where:
    """The saves folder, and what to tell the person about how it was chosen (or "")."""

    folder: Path
    notice: str = ""


def where(override: str | os.PathLike[str] | None = None) -> Where:
    """`override` (--saves-dir), else $MOSCOW1939_SAVES, else `saves/` of the checkout the
    game runs from, else the user data folder. Where there is no home folder (HOME unset and
    no password entry, as in a container started with `--user`), `./moscow1939-saves`, with
    a notice that says how to choose. `SaveError` if a chosen folder starts with `~` there."""
    if override:
        return Where(expanded(str(override), "--saves-dir"))
    if os.environ.get(ENV_VAR):
        return Where(expanded(os.environ[ENV_VAR], ENV_VAR))
    checkout = checkout_saves()
    if checkout is not None:
        return Where(checkout)
    try:
        from platformdirs import user_data_dir

        return Where(Path(user_data_dir("moscow1939", appauthor=False)) / "saves")
    except (RuntimeError, KeyError, OSError) as e:
        folder = Path(os.path.abspath(FALLBACK))
        return Where(folder, NO_HOME.format(why=_why(e), folder=folder, env=ENV_VAR))


def checkout_saves() -> Path | None:
    """`saves/` of the checkout the game runs from, if it runs from a checkout."""
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "saves").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout / "saves"
    return None


def default_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The saves folder, as `where` chooses it (without its notice)."""
    return where(override).folder


def expanded(value: str, source: str) -> Path:
    """`value` with `~` expanded, or `SaveError` where there is no home folder to expand it to."""
    try:
        return Path(value).expanduser()
    except RuntimeError:  # `~` with no HOME and no password entry, or `~name` of no user
        if value.startswith("~") and value[1:2] not in ("", "/", "\\"):
            user = re.split(r"[/\\]", value[1:], maxsplit=1)[0]
            raise SaveError(
                f"'{value[:200]}' ({source}) starts with ~{user[:40]}, but this machine has no "
                "user of that name: give a full path instead."
            )
        raise SaveError(
            f"'{value[:200]}' ({source}) starts with ~, but this machine gives no home folder "
            "(HOME is unset and the user has no password entry): give a full path instead."
        )


def _why(error: BaseException) -> str:
    if not os.environ.get("HOME"):
        return "HOME is unset and the user has no password entry"
    return str(error)[:200] or type(error).__name__


def check_slot(slot: str) -> str:
    """A slot name that is safe as a file name on every system, or `SaveError`."""
    slot = slot.strip()
    if slot.endswith(".json"):
        slot = slot[:-5]
    if ".." in slot or "/" in slot or "\\" in slot or not SLOT_RE.match(slot):
        raise SaveError(
            f"'{slot[:80]}' cannot be a save name: use up to 64 letters, digits, spaces, '-', "
            "'_' or '.', starting with a letter or digit, with no '/', '\\' or '..'."
        )
    device = slot.split(".")[0].rstrip(" ").upper()
    if device in RESERVED:
        raise SaveError(
            f"'{slot}' cannot be a save name: Windows keeps the name {device} for a device. "
            "Choose another name."
        )
    return slot


def autosave_slot(game_id: str, turn: int) -> str:
    return f"auto-{game_id}-turn{turn:03d}"


def tidy(folder: Path, game_id: str | None = None) -> None:
    """Sweep strays, and keep the newest `AUTOSAVES_KEPT` autosaves of each game (of
    `game_id` only, if given), by turn."""
    sweep(folder)
    turns: dict[str, list[tuple[int, Path]]] = {}
    with contextlib.suppress(OSError):
        for path in folder.glob("auto-*-turn*.json"):
            m = AUTOSAVE_RE.match(path.name)
            if m and (game_id is None or m["game"] == game_id):
                turns.setdefault(m["game"], []).append((int(m["turn"]), path))
    for kept in turns.values():
        autosaves = [(turn, path) for turn, path in kept if is_autosave(path)]
        for _, old in sorted(autosaves)[:-AUTOSAVES_KEPT]:
            with contextlib.suppress(OSError):
                old.unlink()


def is_autosave(path: Path) -> bool:
    """Whether the file is an autosave this game wrote (a save named like one by hand, or
    a copy put there, is the player's, and never pruned)."""
    try:
        data = json.loads(read_bounded(path, MAX_SAVE_BYTES))
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("autosave") is True
