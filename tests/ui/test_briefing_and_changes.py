"""The briefing that opens a new game, and the summary of the last turn, re-opened by key."""

from __future__ import annotations

from typing import Any

from game.engine.endings import outcome_of
from game.ui.saves import FileSaves

from ..conftest import TESTS
from .helpers import demo_app, end_turn, screen_name, screen_text, settle

CONTEST = str(TESTS / "scenarios" / "contest.toml")


async def test_a_new_game_opens_on_the_briefing_and_b_reopens_it() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert screen_name(pilot) == "BriefingScreen"
        text = screen_text(pilot)
        assert "Soviet Union · briefing" in text and "Munich was settled" in text
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(pilot) == "GameScreen"
        await pilot.press("b")
        await settle(pilot)
        assert screen_name(pilot) == "BriefingScreen"
        assert "b Briefing" not in screen_text(pilot)  # the board's footer is behind
        await pilot.press("b")
        await settle(pilot)
        assert screen_name(pilot) == "GameScreen"
        assert "Briefing" in screen_text(pilot)  # in the footer


async def test_the_briefing_gives_aims_levels_and_where_the_power_stands() -> None:
    app = demo_app(scenario=CONTEST, seed=4, opponents="planner:easy")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert screen_name(pilot) == "BriefingScreen" and app.session is not None
        text = screen_text(pilot)
        assert "A treaty before Blue's limit is passed" in text
        for level in ("decisive", "victory", "draw", "defeat"):
            assert level in text
        now = outcome_of(app.session.game, final=True)
        assert now is not None
        assert f"{now.scores['red']}/100" in text and now.title in text
        assert "◀ today" in text


async def test_since_your_last_turn_reopens_and_survives_save_and_load(tmp_path: Any) -> None:
    app = demo_app(saves=FileSaves(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await end_turn(pilot)  # autosaves at the close of the week
        while screen_name(pilot) == "DecisionDialog":
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert screen_name(pilot) == "ChangesScreen"
        summary = str(app.screen.query_one("#changes-text").render())
        assert "What changed, and why" in summary and "→" in summary
        assert "What came in at the close of week 1" in summary
    app = demo_app(saves=FileSaves(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")  # continue the autosave
        await settle(pilot)
        assert screen_name(pilot) == "GameScreen"
        while screen_name(pilot) == "DecisionDialog":
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert screen_name(pilot) == "ChangesScreen"
        assert str(app.screen.query_one("#changes-text").render()) == summary


def test_where_one_stands_is_not_told_when_it_would_give_a_secret_away() -> None:
    import dataclasses

    from game.engine import Game
    from game.scenario import load
    from game.ui.screens.briefing import briefing_content, hidden_from, standing

    from .helpers import DEMO

    sc = load(str(DEMO))
    london = Game.new(sc, humans=("britain",), seed=1939)
    now = standing(london)
    assert now is not None and now.ending == "stalemate"  # the fallback: no other holds
    alliance = dataclasses.replace(now, ending="alliance")  # the first ending: all in sight
    assert not hidden_from(london, "britain", alliance)
    # The pact ending turns on a channel and a trust that only Moscow and Berlin see; the
    # stalemate, reckoned only once the pact is ruled out, would tell London it does not hold.
    pact = dataclasses.replace(now, ending="pact")
    assert hidden_from(london, "britain", pact)
    assert hidden_from(london, "britain", now)
    text = briefing_content(london, "britain").plain
    assert "/100" not in text and "cannot see" in text
    moscow = Game.new(sc, humans=("soviet",), seed=1939)
    assert not hidden_from(moscow, "soviet", pact)
    assert not hidden_from(moscow, "soviet", now)
    assert "/100" in briefing_content(moscow, "soviet").plain
