"""The command palette, help, the encyclopedia, themes and zoom."""

from __future__ import annotations

from game.ui.screens.encyclopedia import EncyclopediaScreen

from .helpers import demo_app, screen_name, screen_text, settle, start_from_title


async def test_command_palette_ends_the_turn() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        assert app.session is not None and app.session.game.state.turn == 1
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"end turn")
        await settle(pilot)  # the palette searches in a worker: wait for it, not for a time
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(pilot) == "ConfirmDialog"  # actions are left: asked once
        await pilot.press("y")
        await settle(pilot)
        assert app.session.game.state.turn == 2


async def test_help_lists_every_key_of_the_game_screen() -> None:
    from game.ui.screens.game import GameScreen
    from game.ui.screens.help import binding_rows

    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert screen_name(pilot) == "HelpScreen"
        text = str(app.screen.query_one("#help-text").render())
        for keys, what in binding_rows(GameScreen.BINDINGS):
            assert keys in text and what in text
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(pilot) == "GameScreen"


async def test_encyclopedia_filters_entries() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert screen_name(pilot) == "EncyclopediaScreen"
        await pilot.press("slash", *"litvinov")
        await pilot.pause()
        assert isinstance(app.screen, EncyclopediaScreen)
        assert [e.term for e in app.screen.shown] == ["Litvinov, Maxim"]
        assert "People's Commissar" in screen_text(pilot)


async def test_every_builtin_theme_renders_the_game() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        themes = sorted(app.available_themes)
        assert len(themes) > 3
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            assert "Week 1/5" in screen_text(pilot)


async def test_zoom_fills_the_screen_with_a_panel_and_back() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        await pilot.press("3", "z")
        await pilot.pause()
        assert app.screen.maximized is not None and app.screen.maximized.id == "table"
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.maximized is None
