"""The history screen's speed (figures, not tests): `python bench/history_bench.py`, or
`main()` from run.py.

At turn 24 of the main scenario (seed 1, the Soviet Union at the keyboard, the others on
the historical path, every question answered with its first open answer), CPU time
(`time.process_time`, median of several) from the key to the screen drawn:

- opening the screen (`h` on the board; goal: under about 0.25 s)
- switching between its two tabs (`s` and `w`; goal: well under 0.1 s)

at 100×30 and 120×40. A key is timed until every message it caused is handled and the
screen is recomposited (the frame timer that paces real terminal output is not counted).
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

SIZES = ((100, 30), (120, 40))
TURN = 24
RUNS = 7


def game_at(turn: int) -> Any:
    """A game of the main scenario at the start of `turn` (or its end, if sooner)."""
    from game.engine import Game
    from game.scenario import load_scenario

    sc = load_scenario(ROOT / "scenarios" / "moscow_1939.toml")
    g = Game.new(sc, humans=("soviet",), seed=1, policy="historical")
    while g.state.turn < turn and not g.over:
        while g.state.decisions:
            d = g.state.decisions[0]
            g.decide(d.power, d.id, g.choices(d)[0].id)
        g.end_turn()
    while g.state.decisions:
        d = g.state.decisions[0]
        g.decide(d.power, d.id, g.choices(d)[0].id)
    return g


async def cpu_press(app: Any, pilot: Any, key: str) -> float:
    """CPU seconds of one key, from its arrival until every message it caused is handled
    and the screen is recomposited; then let the app go idle."""
    from textual import events

    def quiet() -> bool:
        nodes = [app, *app.screen.walk_children(with_self=True)]
        return all(node._message_queue.empty() for node in nodes)

    start = time.process_time()
    app.post_message(events.Key(key, key))
    for _ in range(200):
        await pilot._wait_for_screen()
        if quiet():
            break
    app.screen._on_timer_update()
    took = time.process_time() - start
    await pilot.pause()
    return took


async def _bench(size: tuple[int, int], runs: int) -> tuple[float, float, int]:
    from game.ui.app import make_app
    from game.ui.saves import NoSaves

    game = game_at(TURN)
    app = make_app(saves=NoSaves(), catalog=lambda: [game.scenario])
    opening: list[float] = []
    switching: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.begin(game)
        await pilot.pause()
        for _ in range(5):  # the briefing, a question: put aside
            if type(app.screen).__name__ == "GameScreen":
                break
            await pilot.press("escape")
            await pilot.pause()
        assert type(app.screen).__name__ == "GameScreen", app.screen
        for _ in range(runs):
            opening.append(await cpu_press(app, pilot, "h"))
            assert type(app.screen).__name__ == "HistoryScreen", app.screen
            for key in ("s", "w", "s", "w"):
                switching.append(await cpu_press(app, pilot, key))
            await cpu_press(app, pilot, "escape")
    return statistics.median(opening), statistics.median(switching), game.state.turn


def bench(runs: int = RUNS) -> dict[tuple[int, int], tuple[float, float, int]]:
    """(opening s, switching s, turn) at each size."""
    return {size: asyncio.run(_bench(size, runs)) for size in SIZES}


def main() -> None:
    for (w, h), (opening, switching, turn) in bench().items():
        print(
            f"history screen at {w}x{h}, turn {turn}: opening {opening * 1000:.0f} ms CPU "
            f"(goal <= 250 ms), switching tabs {switching * 1000:.0f} ms CPU (goal < 100 ms)"
        )


if __name__ == "__main__":
    from bench.isolation import isolated

    with isolated():
        main()
