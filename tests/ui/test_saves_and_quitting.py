"""Continue, load, save, autosave and quitting, with a saves service in memory or on disk."""

from __future__ import annotations

from typing import Any

from game.engine import Game
from game.scenario import load
from game.ui.saves import SaveEntry

from .helpers import DEMO, demo_app, menu_entries, screen_name, settle, start_from_title


async def test_quitting_mid_game_asks_first() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert screen_name(pilot) == "ConfirmDialog"
        await pilot.press("n")
        await pilot.pause()
        assert screen_name(pilot) == "GameScreen"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert screen_name(pilot) == "ConfirmDialog"
        await pilot.press("y")
        await pilot.pause()
    assert app.return_value == 0


async def test_quitting_from_the_title_does_not_ask() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == 0


class MemorySaves:
    """A saves service kept in memory, standing in for the saves module."""

    can_save = True

    def __init__(self, games: list[Game] | None = None) -> None:
        self.games = list(games or [])

    def entries(self) -> list[SaveEntry]:
        return [
            SaveEntry(str(i), f"save {i}, week {g.state.turn}")
            for i, g in reversed(list(enumerate(self.games)))
        ]

    def load(self, key: str, accept_changed: bool = False) -> Game:
        return self.games[int(key)]

    def save(self, game: Game) -> SaveEntry:
        self.games.append(game)
        return SaveEntry(str(len(self.games) - 1), "saved")

    def autosave(self, game: Game) -> str:
        return ""


async def test_title_offers_continue_and_load_only_with_saves() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert menu_entries(pilot) == ["new_game", "encyclopedia", "help", "quit_game"]
    saved = Game.new(load(str(DEMO)), humans=("france",), seed=7)
    saved.end_turn()
    app = demo_app(saves=MemorySaves([saved]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert menu_entries(pilot)[:3] == ["new_game", "continue_game", "load_game"]
        await pilot.press("c")
        await settle(pilot)
        assert screen_name(pilot) == "GameScreen"
        assert app.session is not None and app.session.game is saved
        assert app.session.active == "france" and not app.session.unsaved


async def test_saving_and_quitting_with_a_save_service() -> None:
    saves = MemorySaves()
    app = demo_app(saves=saves)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        await pilot.press("enter", "enter")  # make the first move
        await pilot.pause()
        assert app.session is not None and app.session.unsaved
        await pilot.press("q")
        await pilot.pause()
        assert screen_name(pilot) == "ChoiceDialog"
        await pilot.press("3")  # keep playing
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(saves.games) == 1 and not app.session.unsaved
        await pilot.press("q")
        await pilot.pause()
        assert screen_name(pilot) == "ConfirmDialog"


async def test_saves_on_disk_save_autosave_and_resume(tmp_path: Any) -> None:
    from game.ui.saves import FileSaves

    app = demo_app(saves=FileSaves(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = sorted(p.name for p in tmp_path.glob("*.json"))
        assert len(saved) == 1 and saved[0].startswith("ui_demo-soviet-")
        await pilot.press("e")
        await settle(pilot)
        assert len(list(tmp_path.glob("auto-*.json"))) == 1
        assert app.session is not None and not app.session.unsaved
        turn = app.session.game.state.turn
        log = list(app.session.game.state.log)
    newest = max(tmp_path.glob("auto-*.json"), key=lambda p: p.stat().st_mtime)
    app = demo_app(saves=FileSaves(tmp_path), resume=str(newest))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert screen_name(pilot) == "GameScreen"
        assert app.session is not None
        assert app.session.game.state.turn == turn and app.session.game.state.log == log
        await pilot.press("q")
        await pilot.pause()
        assert screen_name(pilot) == "ConfirmDialog"  # no unsaved moves: a plain confirm
        await pilot.press("y")
        await pilot.pause()
    assert app.return_value == 0
