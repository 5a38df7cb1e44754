"""The title at launch: its menu is complete at once, from the names in the saves folder,
while the scenario is still being read; what needs the scenario waits for it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from game import saves
from game.engine import Game
from game.scenario import Scenario, load
from game.ui.saves import FileSaves, NoSaves, quick_folder

from .helpers import DEMO, demo_app, menu_entries, screen_name, settle


class SlowCatalog:
    """A catalog whose scenario is read only when the test says so."""

    def __init__(self) -> None:
        self.read = threading.Event()

    def __call__(self) -> list[Scenario]:
        self.read.wait(timeout=30)
        return [load(str(DEMO))]


def saved_game(folder: Path) -> Game:
    game = Game.new(load(str(DEMO)), humans=("france",), seed=7)
    game.end_turn()
    saves.save(game, "evening", folder, "g1")
    return game


async def test_with_saves_on_disk_continue_works_before_the_scenario_is_read(
    tmp_path: Path,
) -> None:
    saved_game(tmp_path)
    catalog = SlowCatalog()
    app = demo_app(scenario=None, catalog=catalog, saves=FileSaves(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.menu_ready and not app.default_read
        assert menu_entries(pilot)[:4] == ["new_game", "continue_game", "load_game", "encyclopedia"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen_name(pilot) == "GameScreen" and not app.default_read
        catalog.read.set()
        await settle(pilot)
        assert app.session is not None and app.session.game.state.turn == 2


async def test_the_encyclopedia_chosen_early_opens_once_the_scenario_is_read() -> None:
    catalog = SlowCatalog()
    app = demo_app(scenario=None, catalog=catalog, saves=NoSaves())
    async with app.run_test(size=(80, 24)) as pilot:
        assert menu_entries(pilot) == ["new_game", "encyclopedia", "help", "quit_game"]
        await pilot.press("i")
        await pilot.pause()
        assert screen_name(pilot) == "TitleScreen"
        catalog.read.set()
        await settle(pilot)
        assert screen_name(pilot) == "EncyclopediaScreen"


async def test_without_a_scenario_the_encyclopedia_leaves_the_menu() -> None:
    app = demo_app(scenario=None, catalog=lambda: [], saves=NoSaves())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await settle(pilot)
        assert screen_name(pilot) == "TitleScreen"
        assert menu_entries(pilot) == ["new_game", "help", "quit_game"]


def test_the_quick_saves_folder_is_the_saves_module_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert quick_folder(tmp_path / "x") == saves.default_dir(tmp_path / "x")
    monkeypatch.setenv(saves.ENV_VAR, str(tmp_path / "env"))
    assert quick_folder() == saves.default_dir() == tmp_path / "env"
    monkeypatch.delenv(saves.ENV_VAR)
    assert quick_folder() == saves.default_dir()  # the checkout's saves/
    monkeypatch.setattr("game.saves.folder.checkout_saves", lambda: None)
    monkeypatch.setattr("game.ui.saves.Path.resolve", lambda self: Path("/nowhere/a/b/c"))
    assert quick_folder() == saves.default_dir()  # the user data folder


def test_the_names_alone_tell_whether_there_are_saves(tmp_path: Path) -> None:
    assert FileSaves(tmp_path / "none").any_saved() is False
    assert FileSaves(tmp_path).any_saved() is False
    saved_game(tmp_path)
    assert FileSaves(tmp_path).any_saved() is True


async def test_a_look_at_the_saves_that_ends_as_the_title_is_taken_down_is_harmless() -> None:
    """The saves are looked for in a thread; its answer can arrive while the app closes and
    the title's menu is already gone (seen once in the random-key test under load)."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.title_screen.query_one("#menu").remove()
        app.title_screen.show_saves(True)  # raised NoMatches before
        app.title_screen.show_saves(False)
        await pilot.pause()
        assert screen_name(pilot) == "TitleScreen"
