"""Keys typed ahead: a burst of keys sent before the screen has caught up.

Each test posts all its keys at once, as a fast typist or a pasted string would deliver
them, so none is handled before the next is queued.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.pilot import Pilot

from game.ui.app import MoscowApp

from .helpers import demo_app, notices, screen_name, settle

CHARS = {"enter": "\r", "escape": "\x1b", "tab": "\t", "space": " "}


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Queue every key at once, then let the app handle them all."""
    for key in keys:
        char = key if len(key) == 1 else CHARS.get(key)
        pilot.app.post_message(events.Key(key, char))
    await settle(pilot)


async def test_page_keys_right_after_the_palette_opens() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await burst(pilot, "ctrl+p", "pagedown", "pageup", "pagedown")
        assert screen_name(pilot) == "SafePalette"
        await burst(pilot, "pageup", "escape", "ctrl+p", "pageup", "pagedown", "pageup")
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(pilot) == "TitleScreen"


async def start(pilot: Pilot[Any], *humans: str) -> None:
    app = pilot.app
    await settle(pilot)
    assert isinstance(app, MoscowApp) and app.default is not None
    app.start_game(app.default, humans, 1939)
    await settle(pilot)
    while screen_name(pilot) == "BriefingScreen":
        await pilot.press("escape")
        await settle(pilot)


async def test_keys_typed_as_a_question_opens_are_set_aside() -> None:
    # Britain alone: ending week 1 brings Warsaw's reserve, a question for London.
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "britain")
        assert app.session is not None and screen_name(pilot) == "GameScreen"
        session, game = app.session, app.session.game
        while affordable := [m for m in session.moves() if m.cost <= session.budget()]:
            session.play(affordable[0].id)
        await burst(pilot, "e", "y", "enter", "enter", "1", "a", "enter")
        assert screen_name(pilot) == "DecisionDialog"
        assert game.state.turn == 2
        assert game.decisions("britain"), "the question was answered by keys typed ahead"
        assert [c.verb for c in game.state.log if c.turn == 2] == []
        assert "set aside" in " ".join(notices(app)).lower()
        await pilot.press("a")  # typed once the question is up: it answers
        await settle(pilot)
        assert [c.verb for c in game.state.log if c.turn == 2] == ["decide"]


async def test_keys_typed_ahead_never_lift_the_hotseat_cover() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "soviet", "britain")
        assert screen_name(pilot) == "HandoverScreen"
        await pilot.press("enter")  # the Soviet player is in
        await settle(pilot)
        while screen_name(pilot) == "BriefingScreen":
            await pilot.press("escape")
            await settle(pilot)
        assert app.session is not None and app.session.active == "soviet"
        session = app.session
        while affordable := [m for m in session.moves() if m.cost <= session.budget()]:
            session.play(affordable[0].id)
        await burst(pilot, "e", "enter", "enter")
        assert screen_name(pilot) == "HandoverScreen"  # Britain's board stays covered
        assert session.active == "britain"


async def test_a_key_between_a_dialogs_creation_and_its_first_draw_is_set_aside() -> None:
    from game.ui.dialogs.choice import ChoiceDialog
    from game.ui.dialogs.confirm import ConfirmDialog

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        answers: list[object] = []
        for dialog, key, char in [
            (ConfirmDialog("Sure?", "A question."), "y", "y"),
            (ChoiceDialog("Which?", "A choice.", [("one", "One"), ("two", "Two")]), "enter", "\r"),
        ]:
            app.push_screen(dialog, answers.append)
            app.post_message(events.Key(key, char))  # pressed after it was made, before drawn
            await settle(pilot)
            assert app.screen is dialog and answers == []  # neither answered nor lost unseen
            assert "set aside" in " ".join(notices(app)).lower()
            await pilot.press(key)  # once it is up, the same key answers
            await settle(pilot)
            assert app.screen is not dialog and len(answers) == 1
            answers.clear()


def test_a_key_after_a_dialog_is_laid_out_for_its_first_paint_reaches_it() -> None:
    """A screen's Show marks it drawn: a refresh callback may wait long on a busy machine
    (a served game under load once set aside every key pressed on a briefing in view)."""
    from game.ui.dialogs.confirm import ConfirmDialog
    from game.ui.typeahead import typed_ahead

    dialog = ConfirmDialog("Sure?", "A question.")
    assert dialog.opened_at is not None
    key = events.Key("y", "y")
    key.time = dialog.opened_at + 0.001
    dialog.told_typed_ahead = True  # (telling the player needs a running app)
    assert typed_ahead(dialog, key)  # made, not yet shown: set aside
    dialog.on_show()
    assert not typed_ahead(dialog, key)


async def test_a_key_typed_while_a_save_loads_does_not_act_on_the_board(tmp_path: Any) -> None:
    # Continue, then Enter at once: the Enter was meant for the title, not a move.
    from game.ui.saves import FileSaves

    app = demo_app(saves=FileSaves(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "britain")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert list(tmp_path.glob("*.json"))
    app = demo_app(saves=FileSaves(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await burst(pilot, "c", "enter")
        assert screen_name(pilot) == "GameScreen"  # no move dialog opened behind the player
        assert app.session is not None and not app.session.game.state.log


async def test_a_key_that_arrives_once_the_last_screen_is_gone_is_dropped() -> None:
    """A key still queued as the app closes finds no screen: it is dropped, instead of
    failing on the empty stack (seen in bench/deliberation_bench.py)."""
    app = demo_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
    assert not app.screen_stack
    await app.on_event(events.Key("x", "x"))  # before: ScreenStackError
    app.on_key(events.Key("y", "y"))
