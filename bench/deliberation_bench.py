"""The planners' end of a turn in the UI (figures, not tests):
`python bench/deliberation_bench.py`, or `main()` from run.py.

The main scenario, the Soviet Union at the keyboard, the others on `planner:normal`; for
each of the first weeks, `e` is pressed and, while "The other capitals deliberate…" is
up, a key is posted again and again: how long the deliberation takes (wall time), and how
long a key waits to be handled meanwhile (median and worst; it is set aside with a notice).
The event loop stays free: the planners run in a worker thread.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WEEKS = 4
LIMIT = 5.0
"""Seconds after which a key is counted as not handled."""


def on(app: Any) -> str:
    return type(app.screen).__name__


async def _bench(weeks: int) -> tuple[list[float], list[float]]:
    from textual import events

    from game.scenario import load_scenario
    from game.ui.app import make_app
    from game.ui.saves import NoSaves

    sc = load_scenario(ROOT / "scenarios" / "moscow_1939.toml")
    app = make_app(saves=NoSaves(), catalog=lambda: [sc])
    spans: list[float] = []
    waits: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.start_game(sc, ("soviet",), 5, "planner:normal")
        for _ in range(20 * weeks):
            if len(spans) >= weeks or app.session is None or app.session.game.over:
                break
            await pilot.pause()
            await app.workers.wait_for_complete()
            if on(app) != "GameScreen":
                await pilot.press("enter" if on(app) == "DecisionDialog" else "escape")
                continue
            app.screen.warned = (app.session.game.state.turn, app.session.active)
            start = time.perf_counter()
            app.post_message(events.Key("e", "e"))
            for _ in range(500):
                await asyncio.sleep(0.002)
                if on(app) == "DeliberationScreen":
                    break
            while on(app) == "DeliberationScreen":
                app.screen.told_typed_ahead = False
                posted = time.perf_counter()
                app.post_message(events.Key("down", None))
                while not app.screen.told_typed_ahead and on(app) == "DeliberationScreen":
                    if time.perf_counter() - posted > LIMIT:
                        break
                    await asyncio.sleep(0.002)
                if on(app) == "DeliberationScreen":
                    waits.append(time.perf_counter() - posted)
            spans.append(time.perf_counter() - start)
    return spans, waits


def main() -> None:
    spans, waits = asyncio.run(_bench(WEEKS))
    print(
        f"planners' end of a turn in the UI: {statistics.median(spans) * 1000:.0f} ms wall "
        f"(median of {len(spans)} weeks), in a worker; a key pressed meanwhile is handled in "
        f"{statistics.median(waits) * 1000:.0f} ms (median of {len(waits)}; worst "
        f"{max(waits) * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    from bench.isolation import isolated

    with isolated():
        main()
