"""Keys typed ahead: a burst of keys sent before the screen has caught up.

Each test posts all its keys at once, as a fast typist or a pasted string would deliver
them, so none is handled before the next is queued.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.pilot import Pilot

from .helpers import demo_app, screen_name, settle

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
