"""No frozen moment: the ending follows the last turn's key, and history tabs switch, at
once (each asserted after a single pause, not after waiting for the app to go idle)."""

from __future__ import annotations

from .helpers import demo_app, screen_name, screen_text, settle, start_from_title


async def test_the_ending_shows_right_after_the_last_key() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        assert app.session is not None
        for _ in range(50):  # end turns and answer, by keys, until a key ends the game
            name = screen_name(pilot)
            await pilot.press({"DecisionDialog": "enter", "ConfirmDialog": "y"}.get(name, "e"))
            await pilot.pause()
            if app.session.game.over:
                break
            await settle(pilot)
        assert app.session.game.over
        assert screen_name(pilot) == "EndingScreen"  # after that key and one pause
        assert "THE END" in screen_text(pilot)


async def test_history_tabs_switch_at_once() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert screen_name(pilot) == "HistoryScreen"
        assert "In history" in screen_text(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert "What really happened" in screen_text(pilot) or "No history notes" in screen_text(
            pilot
        )
        await pilot.press("w")
        await pilot.pause()
        assert "In history" in screen_text(pilot)
