"""The web server: textual-serve's `Server`, with one game and one saves folder per visitor.

textual-serve starts one app process per websocket and builds its pages from one public URL.
This subclass adds what a shared server needs: a session id per browser (a cookie, and the
path of the page's websocket) with its own saves folder, a cap on the games played at once
with a page that says so, games ended for sure when their page closes (killed if they do not
quit), the idle sessions' folders swept away, and pages that fetch nothing from elsewhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import shlex
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from .sessions import Sessions, new_session_id, valid_session_id

log = logging.getLogger("textual-serve")

COOKIE = "moscow1939_session"
COOKIE_DAYS = 30
STOP_SECONDS = 5.0
"""How long a game has to quit when asked before it is terminated, then killed."""
FULL_RETRY_SECONDS = 30
TITLE = "Moscow 1939"
GAME_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent.parent)


class _Page(jinja2.FileSystemLoader):
    """textual-serve's page with a <title>, and without the web font it fetches from Google:
    a visitor's browser talks to this server only."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        source = re.sub(r"<link\b[^>]*fonts\.googleapis\.com[^>]*>\s*", "", source)
        source = source.replace("<head>", "<head>\n    <title>{{ application.name }}</title>", 1)
        return source, filename, uptodate


class _GameService(AppService):
    """An app process that finds this `game` package even when it is not installed."""

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        env = super()._build_environment(width=width, height=height)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (GAME_PACKAGE_ROOT, env.get("PYTHONPATH", "")) if p
        )
        return env


@dataclass
class Game:
    """One visitor's running game."""

    session: str
    service: AppService
    websocket: web.WebSocketResponse
    done: asyncio.Event = field(default_factory=asyncio.Event)


class GameServer(Server):
    """Serves Moscow 1939 to many browsers, each with its own game and saves."""

    def __init__(
        self,
        *,
        sessions: Sessions,
        host: str,
        port: int,
        public_url: str | None,
        max_games: int,
        idle_seconds: float,
        out: TextIO,
    ) -> None:
        super().__init__("moscow1939", host=host, port=port, title=TITLE, public_url=public_url)
        self.fixed_url = public_url.rstrip("/") if public_url else None
        self.sessions = sessions
        self.max_games = max_games
        self.idle_seconds = idle_seconds
        self.out = out
        self.games: dict[str, Game] = {}
        self._sweeper: asyncio.Task[None] | None = None

    # -- the pages -------------------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=_Page(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/full", self.handle_full, name="full"),
                web.get("/ws/{session}", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    def base_url(self, request: web.Request) -> str:
        """Where visitors reach the server: --public-url, else the address they asked for."""
        return self.fixed_url or f"{request.scheme}://{request.host}"

    @property
    def full(self) -> bool:
        return len(self.games) >= self.max_games

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        session = request.cookies.get(COOKIE)
        if session is None or not valid_session_id(session):
            session = new_session_id()
        if self.full and session not in self.games:
            return self.full_page()
        base = self.base_url(request)
        ws_base = ("wss:" if base.startswith("https:") else "ws:") + base.split(":", 1)[1]
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{ws_base}/ws/{session}",
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.set_cookie(
            COOKIE,
            session,
            max_age=COOKIE_DAYS * 24 * 3600,
            path="/",
            httponly=True,
            samesite="Lax",
            secure=base.startswith("https:"),
        )
        response.headers["Cache-Control"] = "no-store"
        self.sessions.touch(session)
        return response

    async def handle_full(self, request: web.Request) -> web.Response:
        if not self.full:
            raise web.HTTPFound("./")
        return self.full_page()

    def full_page(self) -> web.Response:
        games = "game" if self.max_games == 1 else "games"
        body = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="{FULL_RETRY_SECONDS};url=./">
<title>{TITLE}: the server is full</title>
<style>body{{background:#0c181f;color:#eee;font:18px/1.5 sans-serif;
max-width:40em;margin:4em auto}}</style>
</head><body><main>
<h1>{TITLE}: the server is full</h1>
<p>All {self.max_games} {games} this server allows are being played right now.</p>
<p>This page tries again every {FULL_RETRY_SECONDS} seconds: your game starts as soon as someone
finishes. (Whoever runs the server can allow more with <code>--max-games</code>.)</p>
</main></body></html>
"""
        return web.Response(
            text=body,
            status=503,
            content_type="text/html",
            headers={"Retry-After": str(FULL_RETRY_SECONDS), "Cache-Control": "no-store"},
        )

    # -- the games -------------------------------------------------------------------------

    def game_command(self, folder: Path) -> str:
        """The shell command of one game (textual-serve runs it through the shell)."""
        argv = [sys.executable, "-m", "game.serve.child", str(folder), str(os.getpid())]
        return "exec " + shlex.join(argv)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        session = request.match_info["session"]
        if not valid_session_id(session):
            raise web.HTTPNotFound()
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        previous = self.games.get(session)
        if previous is not None:  # the same browser again (a reload, a second tab): take over
            await self.end(previous)
        if self.full:  # filled up since the page loaded: send the page that says so
            url = f"{self.base_url(request)}/full"
            await websocket.send_str(json.dumps(["open_url", {"url": url, "new_tab": False}]))
            await websocket.close()
            return websocket
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        folder = self.sessions.open(session)

        async def close() -> None:
            await websocket.close()

        service = _GameService(
            self.game_command(folder),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        game = Game(session, service, websocket)
        self.games[session] = game
        log.info("Game started (%s of %s at most)", len(self.games), self.max_games)
        watcher: asyncio.Task[None] | None = None
        try:
            await service.start(width, height)
            watcher = asyncio.create_task(self._close_when_ended(game))
            await self._process_messages(websocket, service)
        except Exception as error:  # a broken message or pipe: end this game, keep serving
            log.exception(error)
        finally:
            if watcher is not None:
                watcher.cancel()
            await self.stop_game(game)
            if self.games.get(session) is game:
                del self.games[session]
            self.sessions.touch(session)
            game.done.set()
            log.info("Game ended (%s still playing)", len(self.games))
        return websocket

    async def _close_when_ended(self, game: Game) -> None:
        """If the game's process ends by itself (quit, crash), close its page's websocket."""
        process = game.service._process
        if process is not None:
            await process.wait()
            await game.websocket.close()

    async def stop_game(self, game: Game) -> None:
        """Ask the game to quit; terminate it, then kill it, if it does not."""
        with contextlib.suppress(Exception):
            await asyncio.wait_for(game.service.stop(), STOP_SECONDS)
        process = game.service._process
        if process is None:
            return
        for last_resort in (process.terminate, process.kill):
            if process.returncode is not None:
                return
            try:
                await asyncio.wait_for(process.wait(), STOP_SECONDS)
                return
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    last_resort()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), STOP_SECONDS)

    async def end(self, game: Game) -> None:
        """End a game from outside its websocket handler: close the page, wait for the end."""
        with contextlib.suppress(Exception):
            await game.websocket.close()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(game.done.wait(), 3 * STOP_SECONDS)

    # -- running ---------------------------------------------------------------------------

    async def _sweep_forever(self) -> None:
        every = min(60.0, max(0.5, self.idle_seconds / 4))
        while True:
            live = set(self.games)
            removed = await asyncio.to_thread(self.sessions.sweep, self.idle_seconds, live)
            if removed:
                log.info("Removed the saves of %s idle session(s)", len(removed))
            await asyncio.sleep(every)

    async def on_startup(self, app: web.Application) -> None:
        self._sweeper = asyncio.create_task(self._sweep_forever())

    async def on_shutdown(self, app: web.Application) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
        await asyncio.gather(*(self.end(g) for g in list(self.games.values())))

    def serve(self, debug: bool = False) -> None:
        """Serve until SIGINT or SIGTERM; raises `OSError` if the address cannot be bound."""
        self.debug = debug
        self.initialize_logging()
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        runner = web.AppRunner(
            await self._make_app(), handle_signals=False, access_log=None, shutdown_timeout=5
        )
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
            self.announce(runner.addresses)
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError):
                    loop.add_signal_handler(sig, stop.set)
            await stop.wait()
            self.out.write("Stopping: ending the games in progress.\n")
            self.out.flush()
        finally:
            await runner.cleanup()

    def announce(self, addresses: list[Any]) -> None:
        host, port = str(addresses[0][0]), int(addresses[0][1])
        shown = f"[{host}]" if ":" in host else host
        local = f"http://{shown}:{port}/"
        lines = [f"Moscow 1939 is served at {local}"]
        if self.fixed_url:
            lines.append(f"Visitors open {self.fixed_url}/ (the --public-url).")
        if host in ("127.0.0.1", "::1", "localhost"):
            lines.append(
                f"Bound to {host}: only this computer can reach it. To let others in, "
                "use --host 0.0.0.0 (or put a proxy in front)."
            )
        else:
            lines.append(f"Bound to {host}: other computers that reach this one can play.")
        games = "game" if self.max_games == 1 else "games"
        lines.append(
            f"Up to {self.max_games} {games} at once; each browser gets its own saves, under "
            f"{self.sessions.root}, removed after {self.idle_seconds / 60:g} idle minutes."
        )
        lines.append("Press Ctrl+C to stop.")
        self.out.write("".join(f"{line}\n" for line in lines))
        self.out.flush()
