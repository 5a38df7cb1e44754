"""The turn on the board: moves made are marked, and unspent actions are pointed out once."""

from __future__ import annotations

from .helpers import demo_app, screen_name, screen_text, settle, start_from_title


async def test_a_move_made_this_week_is_marked() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        assert "made this week" not in screen_text(pilot)
        await pilot.press("enter", "enter")  # make the first move
        await settle(pilot)
        assert app.session is not None and app.session.game.state.log[-1].verb == "play"
        assert "✓" in screen_text(pilot) and "made this week" in screen_text(pilot)


async def test_ending_a_week_with_actions_left_asks_once() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        assert app.session is not None
        await pilot.press("e")
        await settle(pilot)
        assert screen_name(pilot) == "ConfirmDialog"
        assert "unspent" in screen_text(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert screen_name(pilot) == "GameScreen" and app.session.game.state.turn == 1
        await pilot.press("e")  # asked once: now the week ends
        await settle(pilot)
        assert app.session.game.state.turn == 2
        while screen_name(pilot) == "DecisionDialog":
            await pilot.press("enter")
            await settle(pilot)
        await pilot.press("e")  # a new week: asked again
        await settle(pilot)
        assert screen_name(pilot) == "ConfirmDialog"
        await pilot.press("y")
        await settle(pilot)
        assert app.session.game.state.turn == 3
