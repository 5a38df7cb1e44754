"""The benches' own folders: a bench never reads or writes the player's saves, settings
or scenario cache, and every run starts from the same empty folders (a player's many
saves would slow the title's look for them and move the launch figures)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FOLDERS = {"MOSCOW1939_CONFIG": "config", "MOSCOW1939_SAVES": "saves", "MOSCOW1939_CACHE": "cache"}


@contextmanager
def isolated() -> Iterator[Path]:
    """Point the game's config, saves and cache folders into a new temporary folder for the
    duration (processes launched meanwhile inherit them), then put the variables back."""
    before = {var: os.environ.get(var) for var in FOLDERS}
    with tempfile.TemporaryDirectory(prefix="moscow1939-bench-") as folder:
        for var, name in FOLDERS.items():
            path = Path(folder) / name
            path.mkdir()
            os.environ[var] = str(path)
        try:
            yield Path(folder)
        finally:
            for var, value in before.items():
                if value is None:
                    os.environ.pop(var, None)
                else:
                    os.environ[var] = value
