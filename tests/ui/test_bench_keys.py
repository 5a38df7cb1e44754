"""The key-latency bench (bench/ui_keys.py) never waits without bound: a key that does not
reach the state it waits for stops it with the step named, and it plays a game by keys
through moves, questions and ends of the week."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Label

from bench import ui_keys

from .helpers import demo_app, start_from_title


class Tiny(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Moscow 1939")


async def test_a_state_that_never_comes_stops_the_bench_naming_the_step() -> None:
    app = Tiny()
    async with app.run_test() as pilot:
        with pytest.raises(ui_keys.Stuck, match="waiting for nothing: 'f12' did not settle"):
            await ui_keys.timed_press(
                app, pilot, "f12", until=lambda: False, step="waiting for nothing"
            )


async def test_a_key_that_settles_is_timed() -> None:
    app = Tiny()
    async with app.run_test() as pilot:
        took = await ui_keys.timed_press(app, pilot, "f12", until=lambda: True)
    assert took.wall >= 0 and took.cpu >= 0


async def test_the_bench_plays_a_game_by_keys_without_getting_stuck() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        player = ui_keys.Player(app, pilot)
        got = await player.play(60)
    assert player.out["move"] and player.out["end_turn"]  # moves made, a week ended
    assert len(player.out["tab"]) == 10
    assert got["light"] > 0
