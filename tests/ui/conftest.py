"""Fixtures for the Textual UI tests: no blinking cursor, no animations, a config folder
of their own (with the first-turn hints already seen, so screens are the usual ones)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from game.ui.app import MoscowApp
from game.ui.settings import ENV_VAR, Settings, save_settings


@pytest.fixture(autouse=True)
def steady(monkeypatch: pytest.MonkeyPatch) -> None:
    """No cursor blink, no animations: screens are the same at every run."""
    original = Input.__init__

    def steady_input(self: Input, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.cursor_blink = False  # the test's screens hold still; the game's fields blink

    monkeypatch.setattr(Input, "__init__", steady_input)
    monkeypatch.setattr("textual.constants.TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A settings folder for the test alone, never the player's; hints already seen."""
    folder = tmp_path / "config"
    monkeypatch.setenv(ENV_VAR, str(folder))
    save_settings(Settings(hints_seen=True))
    return folder


@pytest.fixture(autouse=True)
def heard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every notice the app shows is also kept in its `heard` list (`helpers.notices`)."""
    original = MoscowApp.notify

    def notify(self: MoscowApp, message: str, *args: Any, **kwargs: Any) -> None:
        self.__dict__.setdefault("heard", []).append(str(message))
        original(self, message, *args, **kwargs)

    monkeypatch.setattr(MoscowApp, "notify", notify)
