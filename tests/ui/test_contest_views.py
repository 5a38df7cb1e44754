"""The format-2 game on screen: what changed and why, estimates, reasons, closed answers."""

from __future__ import annotations

from ..conftest import TESTS
from .helpers import demo_app, end_turn, screen_name, screen_text, settle, start_from_title

CONTEST = str(TESTS / "scenarios" / "contest.toml")


async def test_changes_estimates_and_reasons_are_shown() -> None:
    app = demo_app(scenario=CONTEST, seed=4, opponents="planner:easy")
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        assert screen_name(pilot) == "GameScreen"
        text = screen_text(pilot)
        assert "Blue's patience" in text and "about " in text and "estimate:" in text
        assert app.session is not None
        app.session.play("press")
        await end_turn(pilot)
        for _ in range(4):
            if screen_name(pilot) != "DecisionDialog":
                break
            await pilot.press("enter")
            await settle(pilot)
        text = screen_text(pilot)
        assert "What changed, and why:" in text
        assert "Why:" in text
