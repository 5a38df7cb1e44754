"""The panel the focus is in is marked (its frame lit, its title bold), and only it; a change
of focus redraws what it restyles, not the whole board."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.scrollbar import ScrollBar
from textual.widget import Widget

from game.ui.widgets.frame import LIT

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
        frame = pilot.app.screen.query_one("#state").styles.border.top
        dim = pilot.app.screen.query_one("#moves").styles.border.top
        assert frame[0] == dim[0] == "round" and frame[1] != dim[1]  # the same frame, lit


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
