"""Where saves go, which names a slot may have, and keeping the folder tidy: at most
`AUTOSAVES_KEPT` autosaves per game, and no strays left by a crash."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from .fileformat import SaveError
from .files import sweep

AUTOSAVES_KEPT = 3
SLOT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")
ENV_VAR = "MOSCOW1939_SAVES"
RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)}
"""Names Windows keeps for devices, with any extension: `nul.json` is not a file there."""
AUTOSAVE_RE = re.compile(r"^auto-(?P<game>.+)-turn(?P<turn>[0-9]+)\.json$")


def default_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """`override` (--saves-dir), else $MOSCOW1939_SAVES, else `saves/` of the checkout the
    game runs from, else the user data folder."""
    if override:
        return Path(override).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "saves").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout / "saves"
    from platformdirs import user_data_dir

    return Path(user_data_dir("moscow1939", appauthor=False)) / "saves"


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
        for _, old in sorted(kept)[:-AUTOSAVES_KEPT]:
            with contextlib.suppress(OSError):
                old.unlink()
