"""Settings kept between runs: the theme, and the first-turn hints put away for good."""

from __future__ import annotations

import json
from pathlib import Path

from game.ui.settings import FILE_NAME, Settings, load_settings, save_settings

from .helpers import demo_app, screen_text, settle, start_from_title


async def test_the_chosen_theme_persists_between_runs(config: Path) -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme != "nord"
        app.theme = "nord"  # as the palette's theme picker does
        await pilot.pause()
    assert json.loads((config / FILE_NAME).read_text())["theme"] == "nord"
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"


async def test_first_turn_hints_show_until_put_away_then_never_again(config: Path) -> None:
    save_settings(Settings())  # a new player
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        text = screen_text(pilot)
        assert "A first turn, in brief" in text
        assert "Moves cost actions" in text and "a letter or Enter answers" in text
        await pilot.press("x")
        await settle(pilot)
        assert "A first turn, in brief" not in screen_text(pilot)
    assert load_settings().hints_seen
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        assert "A first turn, in brief" not in screen_text(pilot)


def test_a_broken_or_unwritable_settings_file_gives_the_defaults(config: Path) -> None:
    (config / FILE_NAME).write_text("{not json", encoding="utf-8")
    assert load_settings() == Settings()
    (config / FILE_NAME).write_text('{"theme": 3, "hints_seen": true}', encoding="utf-8")
    assert load_settings() == Settings(hints_seen=True)
    (config / FILE_NAME).unlink()
    config.rmdir()
    config.write_text("a file where the folder should be", encoding="utf-8")
    assert not save_settings(Settings(theme="nord"))
    assert load_settings() == Settings()
