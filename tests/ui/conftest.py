"""Fixtures for the Textual UI tests: no blinking cursor, no animations."""

from __future__ import annotations

import pytest

from game.ui.app import MoscowApp


@pytest.fixture(autouse=True)
def steady(monkeypatch: pytest.MonkeyPatch) -> None:
    """No cursor blink, no animations: screens are the same at every run."""
    monkeypatch.setattr(MoscowApp, "CURSOR_BLINK", False)
    monkeypatch.setattr("textual.constants.TEXTUAL_ANIMATIONS", "none")
