"""The player's settings, kept between runs: the theme, and the first-turn hints seen.

A small JSON file, `settings.json`, in the platform's config folder (platformdirs'
`user_config_dir`), or in $MOSCOW1939_CONFIG when that is set (tests point it at a
temporary folder). A missing or unreadable file gives the defaults; a file that cannot
be written is never fatal: the game goes on and the setting lasts for this run only.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

ENV_VAR = "MOSCOW1939_CONFIG"
FILE_NAME = "settings.json"


@dataclass
class Settings:
    """What the game remembers for the player."""

    theme: str = ""
    """The Textual theme last chosen ('' for the default)."""
    hints_seen: bool = False
    """Whether the first-turn hints were dismissed: they are never shown again."""


def config_dir() -> Path:
    """$MOSCOW1939_CONFIG, else the platform's config folder for the game."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("moscow1939", appauthor=False))


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def load_settings() -> Settings:
    """The saved settings; the defaults where the file is missing, broken or odd."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    settings = Settings()
    for f in fields(Settings):
        value = data.get(f.name)
        if isinstance(value, type(getattr(settings, f.name))):
            setattr(settings, f.name, value)
    return settings


def save_settings(settings: Settings) -> bool:
    """Write the settings atomically, creating the folder; False if that failed."""
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=".settings-", delete=False
        ) as out:
            json.dump(asdict(settings), out, indent=2)
            out.write("\n")
        try:
            os.replace(out.name, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(out.name)
            raise
    except OSError:
        return False
    return True
