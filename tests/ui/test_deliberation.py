"""The planners' end of a turn runs in a worker thread, under a line that says so, every
key set aside meanwhile; the game that results is the one the synchronous path makes."""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

import pytest
from textual.pilot import Pilot

from game.engine import Game, State
from game.engine.policies.planner import Planner
from game.ui.dialogs.deliberation import LINE, NOTICE
from game.ui.saves import FileSaves
from game.ui.screens.game import GameScreen

from .helpers import (
    MAX_STEPS,
    demo_app,
    notices,
    screen_name,
    screen_text,
    settle,
    start_from_title,
)

OPPONENTS = "planner:easy"


def same(a: State, b: State) -> None:
    """Every field of two states equal, the generator's position included."""
    for f in dataclasses.fields(State):
        if f.name not in ("rng", "sleep"):
            assert getattr(a, f.name) == getattr(b, f.name), f.name
    assert a.rng.getstate() == b.rng.getstate()


async def end_week(pilot: Pilot[Any]) -> None:
    """End the week by keys, saying yes to leaving actions unspent and answering every
    question with its first open answer."""
    await pilot.press("e")
    await settle(pilot)
    for _ in range(MAX_STEPS):
        name = screen_name(pilot)
        if name == "ConfirmDialog":
            await pilot.press("y")
        elif name == "DecisionDialog":
            await pilot.press("enter")
        else:
            return
        await settle(pilot)


async def test_the_planners_deliberate_off_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    started, release = threading.Event(), threading.Event()
    on_main: list[bool] = []
    original = Planner.moves

    def moves(self: Planner, game: Game) -> None:
        on_main.append(threading.current_thread() is threading.main_thread())
        if not started.is_set():
            started.set()
            release.wait(timeout=10)  # until the test has looked (no wait on success)
        original(self, game)

    monkeypatch.setattr(Planner, "moves", moves)
    app = demo_app(opponents=OPPONENTS)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_from_title(pilot)
        assert app.session is not None
        await pilot.press("e")
        await pilot.pause()
        if screen_name(pilot) == "ConfirmDialog":
            await pilot.press("y")
        for _ in range(MAX_STEPS):
            if started.is_set():
                break
            await pilot.pause()
        await pilot.pause()
        assert screen_name(pilot) == "DeliberationScreen"
        assert LINE in screen_text(pilot)
        assert app.session.game.state.turn == 1  # the game on screen is untouched meanwhile
        await pilot.press("h", "e", "ctrl+s")
        await pilot.pause()
        assert screen_name(pilot) == "DeliberationScreen"
        assert NOTICE in notices(app)
        release.set()
        await settle(pilot)
        assert on_main and not any(on_main)
        assert screen_name(pilot) in ("GameScreen", "DecisionDialog")
        assert app.session.game.state.turn == 2 or app.session.game.state.closing
        assert "HistoryScreen" not in screen_name(pilot)


async def played(weeks: int) -> Game:
    app = demo_app(opponents=OPPONENTS)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_from_title(pilot)
        assert app.session is not None
        for _ in range(weeks):
            if app.session.game.over:
                break
            if screen_name(pilot) == "GameScreen":
                await pilot.press("down", "enter")  # a move, if one is open
                await settle(pilot)
                if screen_name(pilot) == "MoveDialog":
                    await pilot.press("enter")
                    await settle(pilot)
            await end_week(pilot)
        return app.session.game


async def test_the_deliberated_game_is_the_synchronous_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threaded = await played(4)
    assert threaded.state.turn > 1

    def at_once(self: GameScreen, turn: int) -> None:
        self._turn_ended(self._close(self.session.game), turn)

    monkeypatch.setattr(GameScreen, "_deliberate", at_once)
    direct = await played(4)
    same(threaded.state, direct.state)
    replayed = Game.replay(
        threaded.scenario, threaded.humans, threaded.seed, threaded.state.log, threaded.policy
    )
    same(threaded.state, replayed.state)


async def test_hot_seat_and_autosave_after_the_planners(tmp_path: Any) -> None:
    app = demo_app(opponents=OPPONENTS, saves=FileSaves(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.default is not None
        app.start_game(app.default, ("soviet", "britain"), 1939, OPPONENTS)
        await settle(pilot)
        assert app.session is not None
        seen = []
        for _ in range(MAX_STEPS):  # through week 1 for both players, into week 2
            name = screen_name(pilot)
            seen.append(name)
            if app.session.game.state.turn > 1 and name == "HandoverScreen":
                break
            if name in ("HandoverScreen", "BriefingScreen", "DecisionDialog"):
                await pilot.press("enter")
            elif name == "GameScreen":
                await pilot.press("e")
            elif name == "ConfirmDialog":
                await pilot.press("y")
            await settle(pilot)
        assert seen[-1] == "HandoverScreen" and app.session.game.state.turn == 2
        assert app.session.active == "soviet"
        board = app.screen_stack[-2]
        assert isinstance(board, GameScreen) and board.holding  # covered: it holds keys
        saved = app.saves.entries()
        assert saved and not saved[0].error
        loaded = app.saves.load(saved[0].key)
        same(loaded.state, app.session.game.state)
