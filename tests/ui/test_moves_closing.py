"""The moves panel while a week closes: the computer powers' moves have asked the player
something that must be answered this week, so the panel says what to do, not that no move
is open."""

from __future__ import annotations

from pathlib import Path

from ..conftest import MAIN
from .helpers import demo_app, end_turn, screen_name, screen_text, settle, start_from_title


async def test_the_moves_panel_says_the_week_is_closing_until_it_is_closed(
    tmp_path: Path,
) -> None:
    app = demo_app(scenario=str(MAIN))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        await end_turn(pilot)  # London's four-power declaration asks Moscow this week
        assert app.session is not None and app.session.game.closing
        if screen_name(pilot) != "GameScreen":
            await pilot.press("escape")  # put the question off
            await settle(pilot)
        shown = screen_text(pilot)
        assert "Answer first (a)" in shown
        assert "No more moves: the week closes" in shown and "No moves open now" not in shown
        await pilot.press("a")  # the question again, and its first answer
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert not app.session.decisions()
        assert "Answered: end the turn" in screen_text(pilot)
        await end_turn(pilot)
        assert app.session.game.state.turn == 2 and not app.session.game.closing
        assert "Left: 2 of 2" in screen_text(pilot)
