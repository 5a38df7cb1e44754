"""Continue, load, save, autosave and quitting, with a saves service in memory or on disk."""

from __future__ import annotations

import threading
from typing import Any

from game.engine import Game
from game.scenario import load
from game.ui.saves import SaveEntry

from .helpers import (
    DEMO,
    demo_app,
    end_turn,
    menu_entries,
    notices,
    screen_name,
    settle,
    start_from_title,
)


async def test_quitting_mid_game_asks_first() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert screen_name(pilot) == "QuitDialog"
        await pilot.press("n")
        await pilot.pause()
        assert screen_name(pilot) == "GameScreen"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert screen_name(pilot) == "QuitDialog"
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
        self.slots: list[str] = []

    def entries(self) -> list[SaveEntry]:
        return [
            SaveEntry(str(i), f"save {i}, week {g.state.turn}")
            for i, g in reversed(list(enumerate(self.games)))
        ]

    def load(self, key: str, accept_changed: bool = False) -> Game:
        return self.games[int(key)]

    def save(self, game: Game, slot: str | None = None) -> SaveEntry:
        self.games.append(game)
        self.slots.append(slot or self.slot_for(game))
        return SaveEntry(str(len(self.games) - 1), "saved")

    def slot_for(self, game: Game) -> str:
        return "proposed"

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


class SlowSaves(MemorySaves):
    """Saves that are found only when the test says so: the title is up before."""

    def __init__(self, games: list[Game]) -> None:
        super().__init__(games)
        self.found = threading.Event()

    def entries(self) -> list[SaveEntry]:
        self.found.wait(timeout=30)
        return super().entries()


async def test_keys_pressed_at_launch_act_on_the_full_title_menu() -> None:
    """Keys typed before the saves are found wait for the complete menu: the second entry
    is then Continue, not Encyclopedia or Help."""
    saved = Game.new(load(str(DEMO)), humans=("france",), seed=7)
    saves = SlowSaves([saved])
    app = demo_app(saves=saves)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        assert screen_name(pilot) == "TitleScreen" and not app.menu_ready
        saves.found.set()
        await settle(pilot)
        assert screen_name(pilot) == "GameScreen"
        assert app.session is not None and app.session.game is saved


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
        assert screen_name(pilot) == "QuitDialog"
        assert pilot.app.screen.query("#save")
        await pilot.press("n")  # keep playing
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(pilot) == "SaveDialog"
        await pilot.press("enter")  # take the proposed name
        await pilot.pause()
        assert len(saves.games) == 1 and not app.session.unsaved
        assert saves.slots == ["proposed"]
        await pilot.press("q")
        await pilot.pause()
        assert screen_name(pilot) == "QuitDialog"
        await pilot.press("s")  # nothing unsaved: the same key does nothing
        await pilot.pause()
        assert screen_name(pilot) == "QuitDialog"


async def test_saves_on_disk_save_autosave_and_resume(tmp_path: Any) -> None:
    from game.ui.saves import FileSaves

    app = demo_app(saves=FileSaves(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        saved = sorted(p.name for p in tmp_path.glob("*.json"))
        assert len(saved) == 1 and saved[0].startswith("ui_demo-soviet-")
        await end_turn(pilot)
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
        assert screen_name(pilot) == "QuitDialog"  # no unsaved moves: no "save and quit"
        assert not pilot.app.screen.query("#save")
        await pilot.press("y")
        await pilot.pause()
    assert app.return_value == 0


async def test_save_under_a_name_of_ones_own(tmp_path: Any) -> None:
    from game.ui.saves import FileSaves

    app = demo_app(saves=FileSaves(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        slot = pilot.app.screen.query_one("#slot")
        slot.value = "../evil"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(pilot) == "SaveDialog"  # refused, with the reason shown
        error = str(pilot.app.screen.query_one("#slot-error").render())
        assert "cannot be a save name" in error
        slot.value = "before dinner"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(pilot) == "GameScreen"
    assert (tmp_path / "before dinner.json").is_file()
    assert not (tmp_path.parent / "evil.json").exists()


async def test_load_lists_broken_saves_and_says_why(tmp_path: Any) -> None:
    from game.ui.saves import FileSaves

    (tmp_path / "torn.json").write_text('{"format": 1, "slot": "to', encoding="utf-8")
    good = Game.new(load(str(DEMO)), humans=("soviet",), seed=3)
    from game import saves as save_files

    save_files.save(good, "good one", tmp_path, "g")
    app = demo_app(saves=FileSaves(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert screen_name(pilot) == "LoadDialog"
        labels = [label for _, label in pilot.app.screen.choices]
        assert any(label.startswith("✗ torn") and "cut short" in label for label in labels)
        broken = next(
            n for n, (_, label) in enumerate(pilot.app.screen.choices) if label.startswith("✗")
        )
        await pilot.press("abcdefghi"[broken])
        await pilot.pause()
        assert screen_name(pilot) == "TitleScreen"
        assert any("cut short" in n for n in notices(app))


async def test_two_turns_save_quit_new_app_continue_same_screen(tmp_path: Any) -> None:
    from game.ui.saves import FileSaves

    app = demo_app(saves=FileSaves(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        for _ in range(2):
            await end_turn(pilot)
            while screen_name(pilot) == "DecisionDialog":
                await pilot.press("a")
                await settle(pilot)
        await pilot.press("enter", "enter")  # a move in the third week
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None
        before = (app.session.game.state.turn, dict(app.session.game.state.env))
        header = str(pilot.app.screen.query_one("#status").render())
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    app = demo_app(saves=FileSaves(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert screen_name(pilot) == "GameScreen"
        assert app.session is not None
        assert (app.session.game.state.turn, dict(app.session.game.state.env)) == before
        assert str(pilot.app.screen.query_one("#status").render()) == header


async def test_take_back_the_last_move_of_the_turn() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        assert app.session is not None
        before = dict(app.session.game.state.env)
        await pilot.press("enter", "enter")  # make the first move
        await pilot.pause()
        assert len(app.session.game.state.log) == 1
        game = app.session.game
        await pilot.press("u")
        await pilot.pause()
        assert app.session.game is game  # the same game, replayed without the move
        assert app.session.game.state.log == [] and app.session.game.state.env == before
        await pilot.press("u")  # nothing left to take back: nothing happens
        await pilot.pause()
        assert screen_name(pilot) == "GameScreen"


async def test_one_quit_dialog_saves_then_quits() -> None:
    saves = MemorySaves()
    app = demo_app(saves=saves)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        await pilot.press("enter", "enter")  # a move, not saved
        await pilot.pause()
        await pilot.press("ctrl+q")  # the same dialog as q
        await pilot.pause()
        assert screen_name(pilot) == "QuitDialog"
        await pilot.press("s")
        await pilot.pause()
        assert screen_name(pilot) == "SaveDialog"
        await pilot.press("enter")
        await pilot.pause()
    assert len(saves.games) == 1
    assert app.return_value == 0
