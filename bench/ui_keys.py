"""Key latency in the game screen, for bench/ui_bench.py: keys posted to a headless app and
timed until every message they caused is handled and the screen is recomposited.

Every wait is bounded: a key gets at most `ROUNDS` rounds of `Pilot.pause(0)` (Textual's
public way to let the screen handle its messages and recomposite) to settle and reach the
state the bench waits for; past that, `Stuck` names the step, the key and the screen, so
that a dialog the bench does not expect stops it at once instead of hanging it.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 200
"""Rounds of `pause(0)` a key may take to settle (a key takes one to a few)."""
QUESTIONS = 30
"""Questions the bench answers in a row before it gives up (a week asks a few)."""
LIGHT = ("down", "up", "down", "right_square_bracket", "left_square_bracket", "tab")
"""The navigation keys timed, in turn."""


class Took(NamedTuple):
    """What a key cost: wall seconds (what a player waits) and the process's CPU seconds
    (steadier when neighbours load the machine)."""

    wall: float
    cpu: float


def medians(times: dict[str, list[Took]]) -> dict[str, float]:
    """The median wall time of each kind of key, and its CPU time as `<kind>_cpu`."""
    out: dict[str, float] = {}
    for kind, took in times.items():
        out[kind] = statistics.median(t.wall for t in took) if took else float("nan")
        out[f"{kind}_cpu"] = statistics.median(t.cpu for t in took) if took else float("nan")
    return out


class Stuck(RuntimeError):
    """A key did not settle, or the state the bench waits for never came."""


def _quiet(app: Any) -> bool:
    """Whether the app and every node of its screen have an empty message queue."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    return all(node.message_queue_size == 0 for node in nodes)


async def timed_press(
    app: Any,
    pilot: Any,
    key: str,
    char: str | None = None,
    until: Callable[[], bool] | None = None,
    step: str = "",
) -> Took:
    """Time from posting `key` until every message it caused is handled, `until` (if
    given) holds and the screen is recomposited; then let the app go idle."""
    from textual import events

    start, cpu = time.perf_counter(), time.process_time()
    app.post_message(events.Key(key, char))
    for _ in range(ROUNDS):
        await pilot.pause(0)  # handles the screen's messages, then recomposites
        if _quiet(app) and (until is None or until()):
            break
    else:
        raise Stuck(
            f"{step or 'a key'}: {key!r} did not settle in {ROUNDS} rounds (screen now "
            f"{type(app.screen).__name__}): the bench does not expect this state"
        )
    took = Took(time.perf_counter() - start, time.process_time() - cpu)
    await pilot.pause()  # a person's keys come tens of milliseconds apart at least
    return took


async def minimal_tab(presses: int) -> dict[str, float]:
    """Median time of Tab between two lists in a minimal Textual app, as `medians`."""
    from textual.app import App, ComposeResult
    from textual.widgets import Label, OptionList

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Label("Moscow 1939")
            yield OptionList(*[f"move {i}" for i in range(8)])
            yield OptionList(*[f"dispatch {i}" for i in range(8)])

    app = Minimal()
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(presses):
            times.append(await timed_press(app, pilot, "tab", "\t", step="minimal app, Tab"))
    return medians({"minimal_tab": times})


class Player:
    """Plays the main scenario's Soviet Union by keys and times them."""

    def __init__(self, app: Any, pilot: Any) -> None:
        self.app = app
        self.pilot = pilot
        self.session = app.session
        self.out: dict[str, list[Took]] = {
            k: [] for k in ("light", "move", "end_turn", "unbound", "tab")
        }

    def screen(self) -> str:
        return type(self.app.screen).__name__

    async def press(
        self, step: str, key: str, char: str | None = None, until: Callable[[], bool] | None = None
    ) -> Took:
        return await timed_press(self.app, self.pilot, key, char, until, step)

    async def answer_questions(self) -> None:
        """Answer every question put, with Enter (its first open answer is highlighted)."""
        for _ in range(QUESTIONS):
            if self.screen() != "DecisionDialog":
                return
            await self.press("answering a question", "enter", "\r")
        raise Stuck(f"answering questions: still asked after {QUESTIONS} answers")

    async def navigate(self, n: int) -> None:
        key = LIGHT[n % len(LIGHT)]
        took = await self.press("navigating the board", key, "\t" if key == "tab" else None)
        self.out["light"].append(took)
        if key == "tab":
            self.out["tab"].append(took)
        self.out["unbound"].append(await self.press("an unbound key", "f12"))  # measuring's cost

    async def make_move(self) -> None:
        """Open the move highlighted in the list and confirm it."""
        self.app.screen.query_one("#move-list").focus()
        await self.press("opening a move", "enter", "\r")  # opens the move: a dialog
        if self.screen() != "MoveDialog":
            return
        made = len(self.session.game.state.log)
        took = await self.press(
            "confirming a move",
            "enter",
            "\r",
            until=lambda: len(self.session.game.state.log) > made and self.screen() != "MoveDialog",
        )
        self.out["move"].append(took)

    async def end_turn(self) -> None:
        """End the week: saying yes if asked whether to with actions unspent, and answering
        what is due before it closes (the next end of the week closes it)."""
        game = self.session.game
        turn = game.state.turn

        def closed() -> bool:
            return bool(game.state.turn > turn or game.over)

        def asked() -> bool:  # whether to end it now, or a question due before it closes
            return self.screen() in ("ConfirmDialog", "DecisionDialog")

        took = await self.press("ending the week", "e", "e", until=lambda: closed() or asked())
        if self.screen() == "ConfirmDialog":
            more = await self.press("confirming the end of the week", "y", "y", until=closed)
            took = Took(took.wall + more.wall, took.cpu + more.cpu)
        self.out["end_turn"].append(took)
        await self.answer_questions()

    async def play(self, presses: int) -> dict[str, float]:
        await self.answer_questions()
        for n in range(presses):
            if self.session.game.over:
                break
            if self.screen() != "GameScreen":
                await self.press("back to the board", "escape", "\x1b")
                continue
            await self.navigate(n)
            if n % 20 != 19:
                continue
            if any(m.cost <= self.session.budget() for m in self.session.moves()):
                await self.make_move()
            else:
                await self.end_turn()
        return medians(self.out)


async def latency(presses: int) -> dict[str, float]:
    """Median seconds per kind of key in a new game on the main scenario."""
    from game.scenario import ScenarioError, load
    from game.ui.app import make_app
    from game.ui.saves import NoSaves

    try:
        scenario = load(str(ROOT / "scenarios" / "moscow_1939.toml"))
    except ScenarioError:
        scenario = load(str(ROOT / "tests" / "scenarios" / "ui_demo.toml"))
    app = make_app(saves=NoSaves(), catalog=lambda: [scenario])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.start_game(scenario, ("soviet",), 1939)
        await pilot.pause()
        assert app.session is not None
        return await Player(app, pilot).play(presses)
