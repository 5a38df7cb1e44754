"""Text fields follow the app's cursor-blink setting (tests turn blinking off)."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Input


def apply_cursor_blink(screen: Screen[Any]) -> None:
    """Give every text field of `screen` the app's `CURSOR_BLINK` setting."""
    blink = bool(getattr(screen.app, "CURSOR_BLINK", True))
    for field in screen.query(Input):
        field.cursor_blink = blink
