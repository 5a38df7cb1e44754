"""Visitors' sessions: one random id per browser, one saves folder per id, and the sweep that
removes the folders of sessions left idle too long.

Nothing here needs the web extra, so it can be tested (and used) without it.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import time
from collections.abc import Collection
from pathlib import Path

SESSION_RE = re.compile(r"^[0-9a-f]{32}$")
"""A session id: 128 random bits as lowercase hex. Anything else is refused, so an id can never
name a folder outside the sessions folder."""


def new_session_id() -> str:
    return secrets.token_hex(16)


def valid_session_id(value: str | None) -> bool:
    return value is not None and SESSION_RE.fullmatch(value) is not None


class Sessions:
    """The folder that holds one saves folder per session: `root/<session id>/`.

    A session's last activity is the modification time of its folder: it is set when the
    visitor's page loads, when a game starts and when it ends (saving a game sets it too).
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, session: str) -> Path:
        """The saves folder of `session` (not created); `ValueError` for a malformed id."""
        if not valid_session_id(session):
            raise ValueError(f"not a session id: {session!r}")
        return self.root / session

    def open(self, session: str) -> Path:
        """The saves folder of `session`, created if need be, marked as used now."""
        folder = self.folder(session)
        folder.mkdir(parents=True, exist_ok=True)
        self.touch(session)
        return folder

    def touch(self, session: str) -> None:
        """Mark `session` as used now, if its folder exists."""
        with contextlib.suppress(FileNotFoundError):
            os.utime(self.folder(session))

    def sweep(
        self, idle_seconds: float, live: Collection[str] = (), now: float | None = None
    ) -> list[str]:
        """Remove the folders of the sessions that have no game in `live` and were last used
        more than `idle_seconds` ago; return their ids. Other files in the root are left alone."""
        now = time.time() if now is None else now
        removed: list[str] = []
        try:
            entries = list(self.root.iterdir())
        except FileNotFoundError:
            return removed
        for entry in entries:
            if not valid_session_id(entry.name) or entry.name in live:
                continue
            try:
                if not entry.is_dir() or entry.is_symlink():
                    continue
                if now - entry.stat().st_mtime <= idle_seconds:
                    continue
            except FileNotFoundError:
                continue
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry.name)
        return removed
