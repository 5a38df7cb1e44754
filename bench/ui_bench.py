"""UI benchmarks (figures, not tests): `python bench/ui_bench.py`, or `main()` from run.py.

- launch: wall time of a fresh `python -c` process from start to an interactive title
  screen (Textual's Ready event, after the first paint), against a minimal Textual app
  launched the same way in the same run (goal: at most 1.15 times as long). Also reported:
  the time until the title shows the scenario, which loads in a thread after Ready.
- key press to updated main screen: median time from posting a key to the game screen
  having handled it and recomposited (goal: at most 16 ms). The frame timer that paces
  real terminal output (up to 60 per second) is not counted.
- resident memory (peak RSS of those processes) against the minimal app (goal: at most
  1.25 times).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
RUNS = 15

MINIMAL = """
import resource
from textual.app import App
from textual.widgets import Label

class Minimal(App):
    def compose(self):
        yield Label("Moscow 1939")

    def on_ready(self):
        self.exit()

Minimal().run(headless=True, size=(80, 24))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

TITLE = """
import resource
from game.ui.app import MoscowApp

class Bench(MoscowApp):
    def on_ready(self, event):
        event.prevent_default()  # stop at the interactive title, before background loading
        self.exit()

Bench().run(headless=True, size=(80, 24))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

LOADED = """
import resource
from game.ui.app import MoscowApp

class Bench(MoscowApp):
    def _default_loaded(self, *args):
        super()._default_loaded(*args)
        self.exit()

Bench().run(headless=True, size=(80, 24))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def launch(code: str) -> tuple[float, int]:
    """Seconds from process start to exit, and peak resident memory in KiB."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    elapsed = time.perf_counter() - start
    return elapsed, int(proc.stdout.strip().splitlines()[-1])


def bench_launch(runs: int = RUNS) -> dict[str, tuple[float, float]]:
    """Median (seconds, KiB) for each kind of launch, interleaved so that they share noise."""
    codes = {"minimal": MINIMAL, "title": TITLE, "loaded": LOADED}
    samples: dict[str, list[tuple[float, int]]] = {k: [] for k in codes}
    for name, code in codes.items():  # warm the file cache once
        launch(code)
        del name
    for _ in range(runs):
        for name, code in codes.items():
            samples[name].append(launch(code))
    return {
        name: (statistics.median(s for s, _ in got), statistics.median(m for _, m in got))
        for name, got in samples.items()
    }


async def _latency(presses: int) -> dict[str, float]:
    from collections.abc import Callable

    from textual import events

    from game.scenario import ScenarioError, load
    from game.ui.app import make_app
    from game.ui.saves import NoSaves

    try:
        scenario = load(str(ROOT / "scenarios" / "moscow_1939.toml"))
    except ScenarioError:
        scenario = load(str(ROOT / "tests" / "scenarios" / "ui_demo.toml"))
    app = make_app(saves=NoSaves(), catalog=lambda: [scenario])
    out: dict[str, list[float]] = {"light": [], "move": [], "end_turn": [], "unbound": []}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.start_game(scenario, ("soviet",), 1939)
        await pilot.pause()
        session = app.session
        assert session is not None

        def screen() -> str:
            return type(app.screen).__name__

        def quiet() -> bool:
            nodes = [app, *app.screen.walk_children(with_self=True)]
            return all(node._message_queue.empty() for node in nodes)

        async def press(
            key: str, char: str | None = None, until: Callable[[], bool] | None = None
        ) -> float:
            """Time one key from its arrival until every message it caused is handled and
            the screen is recomposited; then let the app go idle."""
            start = time.perf_counter()
            app.post_message(events.Key(key, char))
            for _ in range(200):
                await pilot._wait_for_screen()
                if quiet() and (until is None or until()):
                    break
            app.screen._on_timer_update()
            elapsed = time.perf_counter() - start
            await pilot.pause()  # a person's keys come tens of milliseconds apart at least
            return elapsed

        async def answer_questions() -> None:
            while screen() == "DecisionDialog":
                await press("1", "1")

        await answer_questions()
        light = ["down", "up", "down", "right_square_bracket", "left_square_bracket", "tab"]
        for n in range(presses):
            if session.game.over:
                break
            if screen() != "GameScreen":
                await press("escape", "\x1b")
                continue
            out["light"].append(await press(light[n % len(light)]))
            out["unbound"].append(await press("f12"))  # what the measuring itself costs
            if n % 20 != 19:
                continue
            if any(m.cost <= session.budget() for m in session.moves()):
                app.screen.query_one("#move-list").focus()
                await press("enter", "\r")  # opens the move: a dialog
                if screen() == "MoveDialog":
                    made = len(session.game.state.log)
                    out["move"].append(
                        await press(
                            "enter",
                            "\r",
                            until=lambda made=made: (
                                len(session.game.state.log) > made  # type: ignore[misc]
                                and screen() != "MoveDialog"
                            ),
                        )
                    )
            else:
                turn = session.game.state.turn
                out["end_turn"].append(
                    await press(
                        "e",
                        "e",
                        until=lambda turn=turn: (
                            session.game.state.turn > turn or session.game.over  # type: ignore[misc]
                        ),
                    )
                )
                await answer_questions()
    return {k: statistics.median(v) if v else float("nan") for k, v in out.items()}


def bench_latency(presses: int = 400) -> dict[str, float]:
    return asyncio.run(_latency(presses))


def main() -> None:
    got = bench_launch()
    base_t, base_m = got["minimal"]
    title_t, title_m = got["title"]
    loaded_t, loaded_m = got["loaded"]
    print(
        f"UI launch to interactive title: {title_t * 1000:.0f} ms against a minimal Textual "
        f"app's {base_t * 1000:.0f} ms: {title_t / base_t:.2f}x (goal <= 1.15x)"
    )
    print(
        f"UI launch to the title with the scenario loaded: {loaded_t * 1000:.0f} ms "
        f"({loaded_t / base_t:.2f}x the minimal app)"
    )
    lat = bench_latency()
    net = lat["light"] - lat["unbound"]
    print(
        f"key press to updated main screen (median of navigation keys): "
        f"{lat['light'] * 1000:.1f} ms, {net * 1000:.1f} ms net of the "
        f"{lat['unbound'] * 1000:.1f} ms that measuring an unbound key takes (goal <= 16 ms)"
    )
    print(
        f"confirming a move (dialog closes, panels redrawn): {lat['move'] * 1000:.1f} ms; "
        f"ending a turn (engine, panels, next week's dialog or notice): "
        f"{lat['end_turn'] * 1000:.1f} ms"
    )
    print(
        f"peak memory at the interactive title: {title_m / 1024:.1f} MiB against the minimal "
        f"app's {base_m / 1024:.1f} MiB: {title_m / base_m:.2f}x (goal <= 1.25x); with the "
        f"scenario loaded: {loaded_m / 1024:.1f} MiB, {loaded_m / base_m:.2f}x"
    )


if __name__ == "__main__":
    main()
