"""The load screen: games to continue apart from finished ones, and deleting a save."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import OptionList

from game import saves
from game.engine import Game
from game.scenario import load
from game.ui.dialogs.load import LoadDialog
from game.ui.saves import FileSaves

from .helpers import DEMO, demo_app, notices, screen_name, settle


def saved_games(folder: Path) -> None:
    """Two games to continue (the older 'first', the newer 'second') and a finished one."""
    scenario = load(str(DEMO))
    for n, slot in enumerate(["first", "second"]):
        path = saves.save(Game.new(scenario, humans=("soviet",), seed=3 + n), slot, folder, slot)
        os.utime(path, (1_000_000_000 + n, 1_000_000_000 + n))
    finished = Game.new(scenario, humans=("britain",), seed=5)
    while not finished.over:
        for d in finished.decisions("britain"):
            finished.decide("britain", d.id, finished.choices(d)[0].id)
        if not finished.over:
            finished.end_turn()
    path = saves.save(finished, "done", folder, "done")
    os.utime(path, (1_000_000_009, 1_000_000_009))  # the newest of all


def rows(dialog: LoadDialog) -> list[str]:
    """The list as drawn: headings and saves, by their first words."""
    listing = dialog.query_one("#choices", OptionList)
    return [str(option.prompt).split(":")[0] for option in listing.options]


def highlighted(dialog: LoadDialog) -> str | None:
    option = dialog.query_one("#choices", OptionList).highlighted_option
    return option.id if option else None


async def test_finished_games_are_listed_apart_and_open_on_their_ending(tmp_path: Path) -> None:
    saved_games(tmp_path)
    app = demo_app(saves=FileSaves(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LoadDialog)
        assert rows(dialog) == [
            "To continue",
            "a. second",
            "b. first",
            "Finished games (they open on their ending)",
            "c. done",
        ]
        assert highlighted(dialog) == str(tmp_path / "second.json")  # the newest to continue
        await pilot.press("c")
        await settle(pilot)
        assert screen_name(pilot) == "EndingScreen"


async def test_a_save_is_deleted_after_one_question(tmp_path: Path) -> None:
    saved_games(tmp_path)
    app = demo_app(saves=FileSaves(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LoadDialog)
        await pilot.press("x")
        await settle(pilot)
        assert screen_name(pilot) == "ConfirmDialog"
        await pilot.press("n")  # kept
        await settle(pilot)
        assert app.screen is dialog and (tmp_path / "second.json").exists()
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is dialog
        assert not (tmp_path / "second.json").exists()
        assert rows(dialog) == [
            "To continue",
            "a. first",
            "Finished games (they open on their ending)",
            "b. done",
        ]
        assert highlighted(dialog) == str(tmp_path / "first.json")  # the row that took its place
        assert any("second" in n for n in notices(app))
        await pilot.press("down", "x")  # the last row: deleted, the one above it is next
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert rows(dialog) == ["To continue", "a. first"]
        assert highlighted(dialog) == str(tmp_path / "first.json")
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("y")  # the last save: nothing left to list
        await settle(pilot)
        assert screen_name(pilot) == "TitleScreen"
        assert list(tmp_path.glob("*.json")) == []
        assert "continue_game" not in [o.id for o in app.screen.query_one(OptionList).options]


async def test_nothing_outside_the_saves_folder_is_deleted(tmp_path: Path) -> None:
    import pytest

    from game.ui.saves import SaveUnavailable

    outside = tmp_path / "elsewhere.json"
    outside.write_text("{}", encoding="utf-8")
    service = FileSaves(tmp_path / "saves")
    with pytest.raises(SaveUnavailable, match="not a save"):
        service.delete(str(outside))
    assert outside.exists()
