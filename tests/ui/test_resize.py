"""After a resize the screen is drawn for the new size at once: text re-wrapped, lists whole."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from game.ui.screens.encyclopedia import EncyclopediaScreen

from ..conftest import ROOT
from .helpers import demo_app, screen_text, settle, start_from_title

SMALL, LARGE = (80, 24), (120, 40)


async def shown(keys: str, size: tuple[int, int], before: tuple[int, int] | None = None) -> str:
    """The screen `keys` open, at `size` (first at `before`, then resized, one pause)."""
    app = demo_app()
    async with app.run_test(size=before or size) as pilot:
        await start_from_title(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        if before:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        return screen_text(pilot)


@pytest.mark.parametrize(("before", "after"), [(SMALL, LARGE), (LARGE, SMALL)])
async def test_the_briefing_is_rewrapped_at_once(
    before: tuple[int, int], after: tuple[int, int]
) -> None:
    assert await shown("b", after, before) == await shown("b", after)


async def test_the_encyclopedia_list_shows_whole_names_at_every_size() -> None:
    app = demo_app(scenario=str(ROOT / "scenarios" / "moscow_1939.toml"))  # long names
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EncyclopediaScreen)
        terms = [e.term for e in screen.shown]
        for size in (LARGE, (60, 20), SMALL):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            text = screen_text(pilot)
            listing = screen.query_one("#entries", OptionList)
            visible = terms[: listing.size.height - 4]
            missing = [term for term in visible if term not in text]
            assert not missing, (size, missing)  # each on one line, not cut short
