"""Where screenshots go: a folder that is made if missing, so a screenshot is saved where
the notice says (Textual's default, the downloads folder, may not exist)."""

from __future__ import annotations

from pathlib import Path


def screenshot_folder(chosen: Path | None = None) -> Path:
    """`chosen`, or the platform's downloads folder, or the current folder; made if missing.

    Raises `OSError` when the folder cannot be made (the caller says so)."""
    if chosen is None:
        try:
            from platformdirs import user_downloads_path

            chosen = user_downloads_path()
        except Exception:  # no home folder (a container run as a bare user id)
            chosen = Path.cwd()
    chosen.mkdir(parents=True, exist_ok=True)
    return chosen
