"""Fixtures for the Textual UI tests: no blinking cursor, no animations, a config folder
of their own (with the first-turn hints already seen, so screens are the usual ones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ui.app import MoscowApp
from game.ui.settings import ENV_VAR, Settings, save_settings


@pytest.fixture(autouse=True)
def steady(monkeypatch: pytest.MonkeyPatch) -> None:
    """No cursor blink, no animations: screens are the same at every run."""
    monkeypatch.setattr(MoscowApp, "CURSOR_BLINK", False)
    monkeypatch.setattr("textual.constants.TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A settings folder for the test alone, never the player's; hints already seen."""
    folder = tmp_path / "config"
    monkeypatch.setenv(ENV_VAR, str(folder))
    save_settings(Settings(hints_seen=True))
    return folder
