"""The scenarios shipped with the game, by id: resolving an id or a path, and loading them
(where their files are is `shipped`, which the loader needs for `extends`)."""

from __future__ import annotations

from pathlib import Path

from .errors import Problem, ScenarioError
from .loader import load_scenario, sharing_bases
from .models import Scenario
from .notation import did_you_mean
from .shipped import bundled_paths, scenarios_dir

__all__ = ["bundled_paths", "list_bundled", "load", "resolve", "scenarios_dir"]


def resolve(id_or_path: str) -> Path:
    """A bundled scenario's path from its id, or the given path itself."""
    bundled = bundled_paths()
    if id_or_path in bundled:
        return bundled[id_or_path]
    path = Path(id_or_path)
    if path.suffix == "" and not _exists(path) and not ("/" in id_or_path or "\\" in id_or_path):
        known = ", ".join(bundled) or "none"
        guess = did_you_mean(id_or_path, bundled)
        raise ScenarioError(
            [
                Problem(
                    id_or_path,
                    0,
                    "(scenario)",
                    "no bundled scenario has this id",
                    (f"{guess} " if guess else "")
                    + f"bundled scenarios: {known}; or give a path to a .toml file",
                )
            ],
            unreadable=True,
        )
    return path


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a name too long, or with a NUL in it
        return False


def load(id_or_path: str) -> Scenario:
    """Load a bundled scenario by id, or any scenario file by path."""
    return load_scenario(resolve(id_or_path))


def list_bundled() -> list[Scenario]:
    """Every bundled scenario that loads (broken ones are skipped)."""
    out = []
    with sharing_bases():  # a base several variants extend is parsed once for all
        for path in bundled_paths().values():
            try:
                out.append(load_scenario(path))
            except ScenarioError:
                continue
    return out
