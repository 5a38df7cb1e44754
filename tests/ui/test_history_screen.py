"""The history screen: one text widget however long the game, laid out for the width (two
columns when wide, one above the other when narrow), opened at the latest week, scrolled
by keys, its two pages each keeping its place."""

from __future__ import annotations

from typing import Any

import pytest

from game.engine import Game
from game.scenario import Scenario, load
from game.ui.history_view import weeks
from game.ui.widgets.history_text import WIDE, HistoryText, week_lines

from .helpers import DEMO, demo_app, end_turn, screen_name, screen_text, start_from_title

COLOURS = {"panel": "#242F38", "text-warning": "#FFC473"}


@pytest.fixture(scope="module")
def demo() -> Scenario:
    return load(str(DEMO))


def played(demo: Scenario) -> Game:
    game = Game.new(demo, humans=("soviet",), seed=1939)
    game.play("soviet", "baltic_guarantees")  # not on the historical path
    game.end_turn()
    return game


def test_wide_weeks_stand_side_by_side_narrow_ones_one_above_the_other(demo: Scenario) -> None:
    game = played(demo)
    week = weeks(game, "soviet")[0]
    wide = [line.plain for line in week_lines(game, week, WIDE + 10, COLOURS)]
    assert wide[0].startswith("▁  ≠  Week 1 · 17 April 1939 · The Soviet offer ▁")
    assert all(len(line) <= WIDE + 10 for line in wide)
    beside = next(line for line in wide if "In history" in line)
    assert "▕ In this game" in beside
    narrow = [line.plain for line in week_lines(game, week, 60, COLOURS)]
    assert all(len(line) <= 60 for line in narrow) and not any("▕" in x for x in narrow)
    assert narrow.index(" In this game") > narrow.index(" In history") + 1
    assert " ✗ Soviet Union: Propose a triple alliance" in narrow


async def history_after_three_weeks(pilot: Any) -> None:
    """From the title: three weeks played (questions put off), then the history opened."""
    await start_from_title(pilot)
    for _ in range(3):
        await end_turn(pilot)
        while screen_name(pilot) == "DecisionDialog":
            await pilot.press("escape")
            await pilot.pause()
    await pilot.press("h")
    await pilot.pause()


async def test_history_opens_at_the_latest_week_and_scrolls_by_keys() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await history_after_three_weeks(pilot)
        assert screen_name(pilot) == "HistoryScreen"
        text = app.screen.query_one(HistoryText)
        assert len(list(app.screen.walk_children())) < 12  # not widgets by the week
        assert text.scroll_y == text.max_scroll_y > 0  # at the end: the latest week
        assert "Week 4" in screen_text(pilot)
        await pilot.press("home")
        await pilot.pause()
        assert text.scroll_y == 0 and "Divergence so far" in screen_text(pilot)
        await pilot.press("pagedown", "down")
        await pilot.pause()
        place = text.scroll_y
        assert place > 0
        await pilot.press("s")
        await pilot.pause()
        assert text.page == "notes" and text.scroll_y == 0
        assert "What really happened" in screen_text(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert text.page == "weeks" and text.scroll_y == place


async def test_history_tabs_answer_clicks() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        await end_turn(pilot)
        await pilot.press("h")
        await pilot.pause()
        text = app.screen.query_one(HistoryText)
        await pilot.click("#history-tabs", offset=(25, 0))  # "Notes and sources (s)"
        await pilot.pause()
        assert text.page == "notes"
        await pilot.click("#history-tabs", offset=(5, 0))
        await pilot.pause()
        assert text.page == "weeks"


async def test_history_follows_a_change_of_theme() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        await end_turn(pilot)  # week 1 went otherwise: its heading in the warning colour
        await pilot.press("h")
        await pilot.pause()
        text = app.screen.query_one(HistoryText)

        def heading_styles() -> str:
            head = next(line for line in text.lines if "Week 1 ·" in line.plain)
            return " ".join(str(span.style) for span in head.spans)

        assert app.theme_variables["text-warning"] in heading_styles()
        app.theme = "textual-light"
        await pilot.pause()
        assert app.theme_variables["text-warning"] in heading_styles()


async def test_history_keeps_its_place_when_the_terminal_is_resized() -> None:
    app = demo_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await history_after_three_weeks(pilot)
        text = app.screen.query_one(HistoryText)
        assert text.scroll_y == text.max_scroll_y > 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert text.scroll_y == text.max_scroll_y > 0  # still at the latest week
        assert not any("▕" in line.plain for line in text.lines)  # one above the other
        await pilot.press("home", "down", "down", "down", "down")
        await pilot.pause()
        assert 0 < text.scroll_y < text.max_scroll_y
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        assert 0 < text.scroll_y < text.max_scroll_y  # neither the top nor the end
        assert any("▕" in line.plain for line in text.lines)
