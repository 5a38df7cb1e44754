"""`moscow1939 serve`: the game in a browser, each visitor with their own game and saves.

The browser tests start the real server on a free port of 127.0.0.1 and drive the
distribution's headless Chromium (/usr/bin/chromium) with Playwright. textual-serve's
terminal (xterm.js) draws on a canvas, so the page's text is read from that terminal's own
buffer: a script added before the page's own catches the xterm `Terminal` as textual-serve
creates it. Every test stops its server and checks that no game process is left.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from game import cli
from game.serve import WEB_EXTRA_HINT
from game.serve.sessions import Sessions, new_session_id

from .conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
COOKIE = "moscow1939_session"
WAIT_MS = 15_000
GAME_MARK = b"game.serve.child"
QUESTION = "A letter or Enter answers"  # the foot of a question's dialog
UNSPENT = "unspent"  # ending a week with actions left asks first

# Catch the page's xterm Terminal when textual-serve assigns it (`this.terminal = new
# Terminal(...)`), and read its visible rows as text.
SCREEN_HOOK = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    if (value && value.buffer && value.buffer.active) { window.__xterm = value; }
  },
});
window.__screen = () => {
  const term = window.__xterm;
  if (!term) { return ""; }
  const buffer = term.buffer.active;
  const rows = [];
  for (let i = 0; i < term.rows; i++) {
    const line = buffer.getLine(buffer.viewportY + i);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
};
"""


# -- without a browser ----------------------------------------------------------------------


def test_serve_without_the_web_extra_says_what_to_install() -> None:
    code = (
        "import sys\n"
        "sys.modules['textual_serve'] = None  # as if the web extra were not installed\n"
        "from game.cli import main\n"
        "sys.exit(main(['serve', '--port', '0']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert proc.stderr == WEB_EXTRA_HINT + "\n"
    assert "pip install 'moscow1939[web]'" in proc.stderr


def test_a_served_game_keeps_its_settings_in_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.serve import child
    from game.ui import app
    from game.ui.settings import config_dir

    seen: list[Path] = []

    def run(saves_dir: str) -> int:
        seen.append(config_dir())
        return 0

    monkeypatch.setenv("MOSCOW1939_CONFIG", str(tmp_path / "the server's own"))
    monkeypatch.setattr(app, "run", run)
    monkeypatch.setattr(child, "end_with_parent", lambda: None)
    assert child.main([str(tmp_path / "visitor"), str(os.getppid())]) == 0
    assert seen == [tmp_path / "visitor" / "config"]


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--max-games", "0"], "--max-games must be at least 1"),
        (["--public-url", "example.org"], "--public-url must start with http:// or https://"),
        (["--idle-minutes", "0"], "--idle-minutes must be more than 0"),
        (["--port", "70000"], "--port must be from 0 to 65535"),
    ],
)
def test_serve_refuses_bad_flags(flags: list[str], message: str) -> None:
    import io

    out = io.StringIO()
    assert cli.main(["serve", *flags], out=out) == 1
    assert message in out.getvalue()


def test_session_ids_name_only_folders_inside_the_sessions_folder(tmp_path: Path) -> None:
    sessions = Sessions(tmp_path)
    a, b = new_session_id(), new_session_id()
    assert a != b and re.fullmatch(r"[0-9a-f]{32}", a)
    assert sessions.open(a) == tmp_path / a and (tmp_path / a).is_dir()
    for bad in ["../" + a, a.upper(), a[:-1], "", a + "/x"]:
        with pytest.raises(ValueError):
            sessions.folder(bad)


def test_sweep_removes_only_idle_sessions_with_no_game(tmp_path: Path) -> None:
    sessions = Sessions(tmp_path)
    now = time.time()
    idle, recent, playing = new_session_id(), new_session_id(), new_session_id()
    for session, age in [(idle, 7200), (recent, 60), (playing, 7200)]:
        folder = sessions.open(session)
        (folder / "auto-x-turn002.json").write_text("{}")
        os.utime(folder, (now - age, now - age))
    other = tmp_path / "notes"  # not a session: never touched
    other.mkdir()
    os.utime(other, (now - 7200, now - 7200))
    assert sessions.sweep(3600, live={playing}, now=now) == [idle]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([recent, playing, "notes"])


# -- a running server -----------------------------------------------------------------------


def _games_under(root: Path) -> list[int]:
    """The pids of the game processes whose saves folder is under `root`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if GAME_MARK in cmdline and str(root).encode() in cmdline:
            found.append(int(entry.name))
    return found


def _has_room(url: str) -> bool:
    """Whether the server would start another game: its /full page redirects to the game
    then (asked without following the redirect, so no session is made)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        conn.request("GET", parts.path.rstrip("/") + "/full")
        return conn.getresponse().status == 302
    finally:
        conn.close()


def _until(check: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds} s waiting for {what}")
        time.sleep(0.1)


@dataclass
class Served:
    url: str
    root: Path
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)

    def folder(self, session: str) -> Path:
        return self.root / session


@contextmanager
def serving(tmp_path: Path, *flags: str) -> Iterator[Served]:
    saves = tmp_path / "saves"
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "serve", "--port", "0", "--saves-dir", str(saves), *flags],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    served = Served("", saves / "web", process)
    ready = threading.Event()

    def read() -> None:  # keeps the pipe drained for the server's whole life
        assert process.stdout is not None
        for line in process.stdout:
            served.lines.append(line)
            if m := re.search(r"served at (http://127\.0\.0\.1:\d+)/", line):
                served.url = m.group(1)
                ready.set()
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert ready.wait(30) and served.url, "".join(served.lines) or "the server said nothing"
        yield served
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
            raise AssertionError("the server did not stop on SIGTERM") from None
        reader.join(5)
        _until(lambda: not _games_under(served.root), 10, "the games to end with the server")


def test_server_binds_localhost_and_gives_each_browser_a_session(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve", reason="needs the web extra")
    with serving(tmp_path, "--max-games", "3", "--idle-minutes", "90") as served:
        text = "".join(served.lines)
        assert "Bound to 127.0.0.1: only this computer can reach it" in text
        assert "Up to 3 games at once" in text and "after 90 idle minutes" in text
        with urllib.request.urlopen(served.url + "/", timeout=10) as response:
            page = response.read().decode()
            cookie = response.headers["Set-Cookie"]
        session = re.search(COOKIE + r"=([0-9a-f]{32})", cookie)
        assert session and "HttpOnly" in cookie
        assert 'data-session-websocket-url="ws://127.0.0.1:' in page
        assert f"/ws/{session.group(1)}" in page
        assert "<title>Moscow 1939</title>" in page
        assert "googleapis" not in page  # the page fetches nothing from elsewhere
        again = urllib.request.Request(served.url + "/", headers={"Cookie": cookie.split(";")[0]})
        with urllib.request.urlopen(again, timeout=10) as response:
            assert f"/ws/{session.group(1)}" in response.read().decode()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(served.url + "/ws/..%2F..%2Fetc", timeout=10)
        assert refused.value.code == 404


def test_behind_a_proxy_the_page_points_at_the_public_url(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve", reason="needs the web extra")
    public = "https://school.example.org/moscow"
    with serving(tmp_path, "--public-url", public + "/") as served:
        assert f"Visitors open {public}/" in "".join(served.lines)
        with urllib.request.urlopen(served.url + "/", timeout=10) as response:
            page = response.read().decode()
            cookie = response.headers["Set-Cookie"]
        session = re.search(COOKIE + r"=([0-9a-f]{32})", cookie)
        assert session and "Secure" in cookie
        assert (
            f'data-session-websocket-url="wss://school.example.org/moscow/ws/{session.group(1)}"'
            in page
        )
        assert f'href="{public}/static/css/xterm.css"' in page


def _hold_games(url: str, sessions: list[str], then: Any) -> Any:
    """Open a game's websocket per session (as a page does), run `then(messages)` while they
    are open, close them; the messages each websocket received before `then`."""
    import asyncio

    import aiohttp

    async def main() -> Any:
        async with aiohttp.ClientSession() as client:
            sockets = []
            for session in sessions:
                ws = await client.ws_connect(f"{url.replace('http', 'ws')}/ws/{session}")
                sockets.append(ws)
                await asyncio.sleep(0.3)
            received = []
            for ws in sockets:
                messages = []
                try:
                    while True:
                        msg = await ws.receive(timeout=1)
                        if msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                            messages.append("closed")
                            break
                        messages.append(msg.data if isinstance(msg.data, str) else "bytes")
                except TimeoutError:
                    pass
                received.append(messages)
            result = await asyncio.to_thread(then, received)
            for ws in sockets:
                await ws.close()
            return result

    return asyncio.run(main())


def test_past_the_limit_a_game_is_sent_to_the_full_page_and_idle_saves_go(
    tmp_path: Path,
) -> None:
    pytest.importorskip("textual_serve", reason="needs the web extra")
    stale, kept, playing, other = (new_session_id() for _ in range(4))
    root = tmp_path / "saves" / "web"
    for session in (stale, kept):
        (root / session).mkdir(parents=True)
    old = time.time() - 3600
    os.utime(root / stale, (old, old))
    flags = ("--max-games", "1", "--idle-minutes", "0.02")  # 1.2 seconds
    with serving(tmp_path, *flags) as served:
        _until(lambda: not (root / stale).exists(), 5, "the stale session's folder to go")

        def while_playing(received: list[list[str]]) -> None:
            first, second = received
            assert "closed" not in first and "bytes" in first  # the game draws its screen
            assert second[0] == json.dumps(
                ["open_url", {"url": served.url + "/full", "new_tab": False}]
            )
            assert second[-1] == "closed"
            assert len(_games_under(root)) == 1
            with pytest.raises(urllib.error.HTTPError) as full:
                urllib.request.urlopen(served.url + "/", timeout=10)
            assert full.value.code == 503 and "the server is full" in full.value.read().decode()
            # past the idle time the idle folder goes, and in the same sweep the playing
            # session's folder stays
            _until(lambda: not (root / kept).exists(), 10, "the idle session's folder to go")
            assert (root / playing).is_dir()

        _hold_games(served.url, [playing, other], while_playing)
        _until(lambda: not _games_under(root), 10, "the game to end with its websocket")
        _until(lambda: not (root / playing).exists(), 8, "the ended game's folder to go")
        assert not (root / other).exists()  # refused: no folder was made for it


# -- in a browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM) and not os.environ.get("CI"):
        pytest.skip(f"no {CHROMIUM} (apt-get install chromium); CI installs it and runs these")
    if os.environ.get("CI"):  # CI must run these: a missing piece is a failure, not a skip
        import textual_serve  # noqa: F401
        from playwright.sync_api import sync_playwright
    else:
        pytest.importorskip("textual_serve", reason="needs the web extra")
        sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    with sync_playwright() as playwright:
        # launch() gives the browser a fresh profile folder of its own, removed at close.
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Visitor:
    """One browser (a context of its own: its own cookies) on one page of the server."""

    def __init__(self, browser: Any, served: Served) -> None:
        self.served = served
        self.context = browser.new_context(viewport={"width": 1280, "height": 720})
        self.context.set_default_timeout(WAIT_MS)
        self.context.add_init_script(SCREEN_HOOK)
        self.page = self.context.new_page()

    def open(self) -> Any:
        return self.page.goto(self.served.url + "/", wait_until="domcontentloaded")

    @property
    def session(self) -> str:
        (value,) = [c["value"] for c in self.context.cookies() if c["name"] == COOKIE]
        return str(value)

    @property
    def folder(self) -> Path:
        return self.served.folder(self.session)

    def screen(self) -> str:
        return str(self.page.evaluate("window.__screen ? window.__screen() : ''"))

    def wait_for(self, *texts: str) -> str:
        """Wait until one of `texts` is on the screen; which one."""
        try:
            found = self.page.wait_for_function(
                "(texts) => window.__screen && texts.find((t) => window.__screen().includes(t))",
                arg=list(texts),
            )
        except Exception as e:
            raise AssertionError(f"{texts} never appeared; the screen:\n{self.screen()}") from e
        return str(found.json_value())

    def press(self, key: str) -> None:
        self.page.locator(".xterm-helper-textarea").focus()
        self.page.keyboard.press(key)

    def answer_questions(self) -> None:
        """The computer powers may ask a question (a random game): give the first answer."""
        for _ in range(5):
            if QUESTION not in self.screen():
                return
            self.press("a")
            self.page.wait_for_function("(text) => !window.__screen().includes(text)", arg=QUESTION)
        raise AssertionError(f"the questions never stopped; the screen:\n{self.screen()}")

    def new_game_and_end_turns(self, turns: int) -> None:
        self.wait_for("New game (n)")
        self.press("n")
        self.wait_for("· 25 turns")  # the scenario is chosen: the game can start
        self.press("F5")
        self.wait_for("· briefing")  # a new game opens on the briefing
        self.press("Escape")
        self.wait_for("End turn (e)")
        for week in range(2, 2 + turns):
            for _ in range(5):  # each question asked before the week closes stops the end
                self.wait_for("End turn (e)")
                self.answer_questions()
                self.press("e")
                if self.wait_for(f"Week {week} of 25", QUESTION, UNSPENT) == UNSPENT:
                    self.press("y")
                if self.wait_for(f"Week {week} of 25", QUESTION) != QUESTION:
                    break
            self.wait_for(f"Week {week} of 25")
        self.answer_questions()

    def close(self) -> None:
        self.context.close()


def _saves_in(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*.json")}


def _game_ids(folder: Path) -> set[str]:
    return {p.name.split("-")[1] for p in folder.glob("auto-*.json")}


def test_two_browsers_play_at_once_each_with_their_own_saves(browser: Any, tmp_path: Path) -> None:
    with serving(tmp_path, "--max-games", "3") as served:
        alice, bob = Visitor(browser, served), Visitor(browser, served)
        try:
            alice.open()
            bob.open()
            assert alice.page.title() == "Moscow 1939"
            alice.wait_for("M O S C O W")
            bob.wait_for("M O S C O W")
            assert alice.session != bob.session
            assert len(_games_under(served.root)) == 2

            alice.new_game_and_end_turns(1)
            alice.page.screenshot(path=str(tmp_path / "game-screen.png"))
            assert "Union of Soviet Socialist Republics" in alice.screen()
            _until(lambda: _saves_in(alice.folder), 10, "alice's autosave")
            bob.wait_for("Quit (q)")
            assert "Continue (c)" not in bob.screen()  # bob sees none of alice's saves

            bob.new_game_and_end_turns(2)
            _until(lambda: len(_saves_in(bob.folder)) == 2, 10, "bob's two autosaves")
            assert len(_saves_in(alice.folder)) == 1
            assert _game_ids(alice.folder) and _game_ids(bob.folder)
            assert not _game_ids(alice.folder) & _game_ids(bob.folder)

            alice.open()  # a reload: the same session, its game started afresh
            alice.wait_for("Continue (c)")
            alice.press("c")
            alice.wait_for("Week 2 of 25")  # alice's own last game, not bob's week 3
            assert len(_games_under(served.root)) == 2
        finally:
            alice.close()
            bob.close()
    assert (tmp_path / "game-screen.png").stat().st_size > 10_000


def test_a_full_server_says_so_and_a_closed_page_ends_its_game(
    browser: Any, tmp_path: Path
) -> None:
    with serving(tmp_path, "--max-games", "1") as served:
        first, second = Visitor(browser, served), Visitor(browser, served)
        try:
            first.open()
            first.wait_for("M O S C O W")
            assert _games_under(first.folder)

            refused = second.open()
            assert refused.status == 503
            assert "the server is full" in second.page.inner_text("h1")
            assert "All 1 game this server allows" in second.page.inner_text("main")
            assert len(_games_under(served.root)) == 1
            assert not _has_room(served.url)

            first.page.close()  # the page closes: its game ends
            _until(lambda: not _games_under(served.root), 10, "the closed page's game to end")
            # The process ends a moment before the server lets go of its place.
            _until(lambda: _has_room(served.url), 10, "the server to free the game's place")

            assert second.open().status == 200
            second.wait_for("New game (n)")
            assert _games_under(second.folder)
        finally:
            first.close()
            second.close()
