"""Pilot tests: whole games from the title to the ending, by keys and by mouse; the
main screen's own behaviour."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from game.ui.screens.game import GameScreen

from .helpers import (
    DEMO,
    MAX_STEPS,
    demo_app,
    end_turn,
    past_briefing,
    play_by_keys,
    screen_name,
    screen_text,
    settle,
    start_from_title,
)


async def test_whole_game_by_keys() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        assert screen_name(pilot) == "GameScreen"
        assert app.session is not None and app.session.humans == ("soviet",)
        seen = await play_by_keys(pilot)
        assert "MoveDialog" in seen
        assert app.session.game.over
        assert "THE END" in screen_text(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert screen_name(pilot) == "TitleScreen"
        assert app.session is None


async def test_whole_game_by_mouse() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.click("#menu", offset=(3, 1))  # the first entry: New game
        await settle(pilot)
        assert screen_name(pilot) == "SetupScreen"
        await pilot.click("#start")
        await settle(pilot)
        made = 0
        for _ in range(MAX_STEPS):
            name = screen_name(pilot)
            if name == "EndingScreen":
                break
            if name == "BriefingScreen":
                await pilot.press("escape")
            elif name == "DecisionDialog":
                await pilot.click("#choices", offset=(3, 0))
            elif name == "MoveDialog":
                await pilot.click("#make")
                made += 1
            elif name == "GameScreen":
                assert app.session is not None
                session = app.session
                affordable = [m for m in session.moves() if m.cost <= session.budget()]
                if affordable:
                    row = [m.id for m in session.moves()].index(affordable[0].id)
                    await pilot.click("#move-list", offset=(3, row))
                else:
                    await pilot.click("#end-turn")
            else:
                raise AssertionError(f"unexpected screen {name}")
            await pilot.pause()
        assert screen_name(pilot) == "EndingScreen"
        assert made >= 2
        await pilot.click("#to-title")
        await settle(pilot)
        assert screen_name(pilot) == "TitleScreen"


async def test_hotseat_hides_the_previous_power() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        # Enter on the scenario moves to the powers; Soviet is ticked; tick Britain too.
        await start_from_title(pilot, "enter", "down", "enter")
        assert app.session is not None and app.session.humans == ("soviet", "britain")
        assert screen_name(pilot) == "HandoverScreen"
        assert "Soviet Union" in screen_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(pilot) == "BriefingScreen"  # each player's own, after the cover
        assert "Soviet Union · briefing" in screen_text(pilot)
        await past_briefing(pilot)
        session = app.session
        assert session.active == "soviet"
        assert "Soviet trust in the West" in screen_text(pilot)
        session.play("sound_berlin")  # a secret move, for the test's sake
        assert isinstance(app.screen, GameScreen)
        app.screen.render_all()
        await end_turn(pilot)
        assert screen_name(pilot) == "HandoverScreen"
        text = screen_text(pilot)
        assert "Great Britain" in text and "Soviet trust" not in text
        # nothing private can be opened before the next player confirms
        for action in (app.action_history, app.action_save, app.action_load_game):
            action()
            await pilot.pause()
            assert screen_name(pilot) == "HandoverScreen"
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert commands == ["Help"]
        await pilot.press("enter")
        await settle(pilot)
        assert "Great Britain · briefing" in screen_text(pilot)
        await past_briefing(pilot)
        assert session.active == "britain"
        text = screen_text(pilot)
        assert "Soviet trust in the West" not in text
        assert "Sound out Berlin" not in text
        assert "British resolve" in text


async def test_watching_the_computer_play() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot, "enter", "enter")  # untick the Soviet Union
        assert app.session is not None and app.session.humans == ()
        for _ in range(10):
            if screen_name(pilot) == "EndingScreen":
                break
            await end_turn(pilot)
        assert screen_name(pilot) == "EndingScreen"


async def test_broken_scenario_file_is_reported_readably(tmp_path: Any) -> None:
    bad = tmp_path / "broken.toml"
    bad.write_text('format = 1\nid = "broken"\ntitle = 3\n', encoding="utf-8")
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        app.screen.query_one("#path", Input).value = str(bad)
        await pilot.click("#open")
        await settle(pilot)
        error = app.screen.query_one("#scenario-error")
        assert error.display
        text = str(error.render())
        assert f"{bad}:3: title:" in text
        assert "Traceback" not in text
        assert screen_name(pilot) == "SetupScreen"


async def test_opening_a_good_scenario_file() -> None:
    app = demo_app(scenario=None, catalog=lambda: [])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        app.screen.query_one("#path", Input).value = str(DEMO)
        await pilot.click("#path")
        await pilot.press("enter")
        await settle(pilot)
        assert not app.screen.query_one("#scenario-error").display
        await pilot.press("f5")
        await settle(pilot)
        assert screen_name(pilot) == "BriefingScreen"
        await past_briefing(pilot)
        assert screen_name(pilot) == "GameScreen"


async def test_dispatch_opens_with_its_history_note() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        await pilot.press("1", "enter")
        await pilot.pause()
        assert screen_name(pilot) == "NoteDialog"
        text = screen_text(pilot)
        assert "What really happened" in text and "The sources disagree" in text
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(pilot) == "GameScreen"


async def test_earlier_weeks_stay_reachable() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        await end_turn(pilot)
        assert "Week 2 of 5: London hesitates" in screen_text(pilot)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        text = screen_text(pilot)
        assert "Week 1 of 5: The Soviet offer" in text and "Moscow names its terms" in text
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "Week 2 of 5: London hesitates" in screen_text(pilot)


async def test_a_decision_can_wait_and_is_asked_again() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot, "enter", "enter", "down", "enter")  # Britain alone
        await end_turn(pilot)
        assert screen_name(pilot) == "DecisionDialog"
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(pilot) == "GameScreen"
        await pilot.press("e")  # the turn cannot end with a question waiting
        await pilot.pause()
        assert screen_name(pilot) == "DecisionDialog"
        for _ in range(5):  # answer every question of the week (Enter: the first open answer)
            if screen_name(pilot) != "DecisionDialog":
                break
            await pilot.press("enter")
            await settle(pilot)
        assert app.session is not None and not app.session.decisions()
        assert screen_name(pilot) == "GameScreen"


async def test_nothing_is_cut_off_at_80_by_24() -> None:
    """Every panel of the game screen gets room to show something at the smallest size."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        for selector in ("#status", "#dispatch-list", "#move-list", "#table", "#state", "Footer"):
            region = app.screen.query_one(selector).region
            assert region.width >= 20 and region.height >= 1, selector
            assert region.right <= 80 and region.bottom <= 24, selector
        assert app.screen.query_one("#move-list").region.height >= 4
