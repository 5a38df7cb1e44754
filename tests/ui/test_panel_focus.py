"""The panel the focus is in is marked (the top line of its frame lit, its title bold and
reversed), and only it; a change of focus repaints the lists it moves between and the two
panels' top lines, not the panels whole nor the board."""

from __future__ import annotations

from typing import Any

import pytest
from textual.color import Color
from textual.pilot import Pilot
from textual.screen import Screen
from textual.scrollbar import ScrollBar
from textual.widget import Widget

from game.ui.widgets.frame import LIT, LitFrame

from .helpers import demo_app, start_from_title


def lit(pilot: Pilot[Any]) -> list[str | None]:
    return [panel.id for panel in pilot.app.screen.query(".panel") if panel.has_class(LIT)]


def title_of(pilot: Pilot[Any], ident: str) -> str:
    return pilot.app.screen.query_one(f"#{ident}").border_title or ""


async def test_the_frame_follows_the_focus_from_panel_to_panel() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        assert lit(pilot) == ["moves"]  # the game opens on the moves
        assert "bold" in title_of(pilot, "moves")
        for key, panel in (("tab", "table"), ("1", "dispatches"), ("4", "state")):
            await pilot.press(key)
            await pilot.pause()
            assert lit(pilot) == [panel]
            assert "bold" in title_of(pilot, panel)
        assert title_of(pilot, "moves") == r"Moves (2) · \[n] = cost"  # as the screen set it
        lit_frame = pilot.app.screen.query_one("#state").styles.border
        dim = pilot.app.screen.query_one("#moves").styles.border
        accent = Color.parse(pilot.app.theme_variables["accent"])
        assert lit_frame.top == ("round", accent) != dim.top  # the same frame, its top lit
        assert dim.top[0] == "round"
        assert lit_frame.bottom == lit_frame.left == dim.bottom == dim.top != lit_frame.top


async def test_a_tab_redraws_the_panels_it_restyles_not_the_whole_board(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        asked: list[str] = []
        original = Widget.refresh

        def refresh(self: Widget, *regions: Any, **kwargs: Any) -> Widget:
            if isinstance(self, Screen) and not regions:
                asked.append("the whole screen")
            if kwargs.get("recompose") or (
                kwargs.get("layout") and not isinstance(self, ScrollBar)
            ):
                asked.append(f"a new layout of {type(self).__name__}")  # (Textual restyles the
                # focused list's scrollbars, which ask to lay out themselves, not the screen)
            return original(self, *regions, **kwargs)

        monkeypatch.setattr(Widget, "refresh", refresh)
        for _ in range(4):
            await pilot.press("tab")
            await pilot.pause()
        assert lit(pilot) == ["moves"]  # round the four panels
        assert asked == []


async def test_a_tab_repaints_the_panels_top_lines_only(monkeypatch: pytest.MonkeyPatch) -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        asked: list[tuple[str | None, list[tuple[int, int]]]] = []
        original = Widget.refresh

        def refresh(self: Widget, *regions: Any, **kwargs: Any) -> Widget:
            if isinstance(self, LitFrame):  # each region as (its line in the panel, height)
                offset = self.content_offset
                asked.append((self.id, [(r.y + offset.y, r.height) for r in regions]))
            return original(self, *regions, **kwargs)

        monkeypatch.setattr(Widget, "refresh", refresh)
        for _ in range(4):  # round the four panels: two of them take the focus themselves
            await pilot.press("tab")
            await pilot.pause()
        assert sorted({ident for ident, _ in asked}) == ["dispatches", "moves", "state", "table"]
        assert all(regions == [(0, 1)] for _, regions in asked), asked  # the top line


async def test_no_style_in_the_panels_follows_the_focus() -> None:
    """The panels skip Textual's restyle on a change of focus: that is only right while no
    rule on a panel or inside one reads the focus (or the lit class)."""
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        for key in ("3", "4", "1", "2", "3"):
            await pilot.press(key)
            await pilot.pause()
            for panel in pilot.app.screen.query(".panel"):
                nodes = list(panel.walk_children(with_self=True))
                before = [node.styles.base.get_rules() for node in nodes]
                pilot.app.stylesheet.update(panel)  # what a restyle would make of them
                assert [node.styles.base.get_rules() for node in nodes] == before, panel.id


async def test_the_lit_top_line_follows_a_change_of_theme() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        await pilot.press("3")
        await pilot.pause()
        table = pilot.app.screen.query_one("#table")
        themes = [name for name in sorted(app.available_themes) if name != app.theme]
        for theme in themes[:3]:
            app.theme = theme
            await pilot.pause()
            assert table.styles.border.top[1] == Color.parse(app.theme_variables["accent"])
            assert (
                pilot.app.screen.query_one("#moves").styles.border.top[1]
                != (table.styles.border.top[1])
            )


async def test_the_lit_panel_changes_with_the_focus_not_after_its_events() -> None:
    """So that the lists and the two top lines are repainted in one go."""
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        screen = pilot.app.screen
        screen.set_focus(screen.query_one("#dispatch-list"))
        assert lit(pilot) == ["dispatches"]  # no Focus or Blur event handled yet
        screen.set_focus(screen.query_one("#state"))
        assert lit(pilot) == ["state"]
        await pilot.pause()
        assert lit(pilot) == ["state"]
