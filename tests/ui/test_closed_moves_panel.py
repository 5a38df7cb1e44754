"""The moves panel lists a move closed by a gauge the player reads, greyed, with why."""

from __future__ import annotations

from textual.widgets import OptionList

from .helpers import demo_app, start_from_title


async def test_a_move_short_of_a_gauge_is_listed_closed_with_its_reason() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot, "enter", "enter", "down", "enter")  # Britain alone
        listing = app.screen.query_one("#move-list", OptionList)
        rows = [(str(o.prompt), o.disabled) for o in listing.options]
        closed = [r for r in rows if r[0].startswith("✗ Send a military mission")]
        assert closed == [
            ("✗ Send a military mission — closed: needs Progress of the treaty ≥ 30 — now 15", True)
        ], rows
