"""Where the scenarios shipped with the game are, from a checkout or an installed wheel.

Below the loader (which resolves `extends` against them) and `bundled` (which loads them)."""

from __future__ import annotations

from pathlib import Path


def scenarios_dir() -> Path:
    """The folder of bundled scenarios: inside the package when installed from a wheel,
    the top-level `scenarios/` folder when running from a checkout."""
    package = Path(__file__).resolve().parent.parent
    inside = package / "scenarios"
    if inside.is_dir():
        return inside
    return package.parent / "scenarios"


def bundled_paths() -> dict[str, Path]:
    """Bundled scenario files by id (the file name without `.toml`)."""
    folder = scenarios_dir()
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.toml"))}
