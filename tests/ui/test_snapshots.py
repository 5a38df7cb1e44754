"""Snapshots of the main screens at 80×24 and 120×40, on the frozen demo scenario.

Regenerate after a deliberate change of the look: `pytest tests/ui --snapshot-update`,
then read the SVGs in `tests/ui/__snapshots__/` before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from .helpers import demo_app, end_turn, play_by_keys, settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


def going(*keys: str, finish: Steps | None = None) -> Steps:
    """Press `keys` from the title screen, letting workers finish after each one; "END"
    ends the turn (saying yes if asked whether to leave actions unspent)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for key in keys:
            if key == "END":
                await end_turn(pilot)
                continue
            await pilot.press(key)
            await settle(pilot)
        if finish is not None:
            await finish(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
class TestScreens:
    def test_title(self, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(demo_app(), terminal_size=size, run_before=going())

    def test_setup(self, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(demo_app(), terminal_size=size, run_before=going("n"))

    def test_briefing(self, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(demo_app(), terminal_size=size, run_before=going("n", "f5"))

    def test_main(self, snap_compare: Any, size: tuple[int, int]) -> None:
        steps = going("n", "f5", "escape", "enter", "enter", "END", "down")
        assert snap_compare(demo_app(), terminal_size=size, run_before=steps)

    def test_decision(self, snap_compare: Any, size: tuple[int, int]) -> None:
        # Britain alone: Warsaw's reserve asks London for an answer in week 2.
        steps = going("n", "enter", "enter", "down", "enter", "f5", "escape", "END")
        assert snap_compare(demo_app(), terminal_size=size, run_before=steps)

    def test_locked_answer(self, snap_compare: Any, size: tuple[int, int]) -> None:
        # Then Moscow's proposal, whose acceptance needs more British resolve than there is.
        steps = going("n", "enter", "enter", "down", "enter", "f5", "escape", "END", "a")
        assert snap_compare(demo_app(), terminal_size=size, run_before=steps)

    def test_since_last_turn(self, snap_compare: Any, size: tuple[int, int]) -> None:
        steps = going("n", "f5", "escape", "END", "escape", "c")
        assert snap_compare(demo_app(), terminal_size=size, run_before=steps)

    def test_map(self, snap_compare: Any, size: tuple[int, int]) -> None:
        steps = going("n", "f5", "escape", "m")
        assert snap_compare(demo_app(), terminal_size=size, run_before=steps)

    def test_history(self, snap_compare: Any, size: tuple[int, int]) -> None:
        steps = going("n", "f5", "escape", "down", "enter", "enter", "END", "h")
        assert snap_compare(demo_app(), terminal_size=size, run_before=steps)

    def test_ending(self, snap_compare: Any, size: tuple[int, int]) -> None:
        async def to_the_end(pilot: Pilot[Any]) -> None:
            await play_by_keys(pilot)
            await settle(pilot)

        steps = going("n", "f5", finish=to_the_end)
        assert snap_compare(demo_app(), terminal_size=size, run_before=steps)
