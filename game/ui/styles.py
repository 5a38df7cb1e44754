"""Where the style sheets are: the title's loads at launch, the rest with the first screen."""

from __future__ import annotations

from pathlib import Path

TITLE_CSS = Path(__file__).with_name("app.tcss")
SCREENS_CSS = Path(__file__).with_name("screens.tcss")
"""Set as `CSS_PATH` on every screen and dialog but the title."""
