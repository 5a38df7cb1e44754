"""`moscow1939 serve`: the game in a browser, through textual-serve (the `web` extra).

Each browser gets a random session id (a cookie) and its own saves folder under the
sessions folder, `<saves folder>/web/<id>/`; each open page runs one game process with that
folder as its `--saves-dir`. This module needs nothing beyond the core: the server itself
(`game.serve.server`) is imported only when it is started.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

WEB_EXTRA_HINT = (
    "moscow1939 serve needs the web extra: pip install 'moscow1939[web]' "
    "(in a checkout: pip install -e '.[web]')"
)
EXIT_OK, EXIT_INVALID, EXIT_UNAVAILABLE = 0, 1, 2
DEFAULT_IDLE_MINUTES = 180.0


def default_max_games() -> int:
    """Games at once: four per core. A game waits for its player most of the time, but the
    computer opponents think on every turn's end, and each game is a process of its own."""
    return max(2, 4 * (os.cpu_count() or 1))


def sessions_root(saves_dir: str | None) -> Path:
    """The folder that holds the visitors' saves folders."""
    from game import saves

    return saves.default_dir(saves_dir) / "web"


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    public_url: str | None = None,
    max_games: int | None = None,
    idle_minutes: float = DEFAULT_IDLE_MINUTES,
    saves_dir: str | None = None,
    out: TextIO,
    err: TextIO,
) -> int:
    """Serve the game until interrupted; the exit code."""
    problem = _check(port, public_url, max_games, idle_minutes)
    if problem:
        err.write(f"moscow1939 serve: {problem}\n")
        return EXIT_INVALID
    try:
        from .server import GameServer
        from .sessions import Sessions
    except ImportError:
        err.write(WEB_EXTRA_HINT + "\n")
        return EXIT_UNAVAILABLE
    root = sessions_root(saves_dir)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        err.write(f"moscow1939 serve: cannot make the sessions folder {root}: {e.strerror}\n")
        return EXIT_UNAVAILABLE
    server = GameServer(
        sessions=Sessions(root),
        host=host,
        port=port,
        public_url=public_url,
        max_games=max_games or default_max_games(),
        idle_seconds=idle_minutes * 60,
        out=out,
    )
    try:
        server.serve()
    except OSError as e:
        err.write(f"moscow1939 serve: cannot listen on {host} port {port}: {e.strerror or e}\n")
        return EXIT_UNAVAILABLE
    return EXIT_OK


def _check(port: int, public_url: str | None, max_games: int | None, idle: float) -> str:
    if not 0 <= port <= 65535:
        return "--port must be from 0 to 65535 (0: any free port)"
    if public_url is not None and not public_url.startswith(("http://", "https://")):
        return "--public-url must start with http:// or https://"
    if max_games is not None and max_games < 1:
        return "--max-games must be at least 1"
    if not idle > 0:
        return "--idle-minutes must be more than 0"
    return ""
