"""Helpers shared by the UI tests: the demo app and ways to wait for it."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList

from game.ui.app import MoscowApp, make_app
from game.ui.saves import NoSaves

DEMO = Path(__file__).resolve().parent.parent / "scenarios" / "ui_demo.toml"
"""The UI's own test scenario: its content is frozen for the snapshots."""
SEED = 1939
MAX_STEPS = 200


def demo_app(**kwargs: Any) -> MoscowApp:
    """The app on the demo scenario, a fixed seed, no bundled scenarios and no saves."""
    kwargs.setdefault("scenario", str(DEMO))
    kwargs.setdefault("seed", SEED)
    kwargs.setdefault("catalog", lambda: [])
    kwargs.setdefault("saves", NoSaves())
    kwargs.setdefault("opponents", "historical")  # the demo's games follow the record
    return make_app(**kwargs)


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers (scenario loading, the planners' end of a turn) finish and the screen
    catch up."""
    await pilot.pause()
    for _ in range(MAX_STEPS):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if screen_name(pilot) != "DeliberationScreen" and all(
            w.is_finished for w in pilot.app.workers
        ):
            break
    await pilot.pause()


def screen_name(pilot: Pilot[Any]) -> str:
    return type(pilot.app.screen).__name__


SVG_TEXT = re.compile(
    r'<text[^>]* x="(?P<x>[0-9.]+)"[^>]* textLength="(?P<length>[0-9.]+)"'
    r'[^>]*clip-path="url\(#[^)]*-line-(?P<line>\d+)\)"[^>]*>(?P<text>[^<]*)</text>'
)


def screen_text(pilot: Pilot[Any]) -> str:
    """What the terminal shows now, as plain text (read from Textual's SVG screenshot)."""
    width, height = pilot.app.size
    lines = [[" "] * width for _ in range(height)]
    for found in SVG_TEXT.finditer(pilot.app.export_screenshot()):
        text = html.unescape(found["text"]).replace("\xa0", " ")
        cell = float(found["length"]) / len(text)
        start = round(float(found["x"]) / cell)
        row = lines[int(found["line"])]
        for offset, char in enumerate(text, start):
            if offset < width:
                row[offset] = char
    return "\n".join("".join(row) for row in lines)


def notices(app: MoscowApp) -> list[str]:
    """Every notice the app has shown so far (the conftest records them)."""
    heard: list[str] = app.__dict__.get("heard", [])
    return heard


def menu_entries(pilot: Pilot[Any]) -> list[str | None]:
    """The ids of the title menu's entries."""
    return [option.id for option in pilot.app.screen.query_one("#menu", OptionList).options]


async def start_from_title(pilot: Pilot[Any], *keys: str) -> None:
    """Title → set-up → game, by keys: `keys` are pressed in set-up before F5."""
    await settle(pilot)
    assert screen_name(pilot) == "TitleScreen"
    await pilot.press("n")
    await settle(pilot)
    assert screen_name(pilot) == "SetupScreen"
    await pilot.press(*keys, "f5")
    await settle(pilot)
    await past_briefing(pilot)


async def past_briefing(pilot: Pilot[Any]) -> None:
    """Close the briefing a new game opens on, if it is up."""
    if screen_name(pilot) == "BriefingScreen":
        await pilot.press("escape")
        await settle(pilot)


async def end_turn(pilot: Pilot[Any]) -> None:
    """Press e; if the game asks whether to end with actions unspent, say yes."""
    await pilot.press("e")
    await settle(pilot)
    if screen_name(pilot) == "ConfirmDialog":
        await pilot.press("y")
        await settle(pilot)


async def play_by_keys(pilot: Pilot[Any]) -> list[str]:
    """Play to the ending pressing keys only, as a player reading the screen would."""
    app = pilot.app
    seen = []
    for _ in range(MAX_STEPS):
        name = screen_name(pilot)
        seen.append(name)
        if name == "EndingScreen":
            return seen
        if name == "DeliberationScreen":
            await settle(pilot)  # the planners' end of the turn
        elif name == "DecisionDialog":
            await pilot.press("enter")  # the first open answer is highlighted
        elif name in ("MoveDialog", "HandoverScreen", "BriefingScreen"):
            await pilot.press("enter")
        elif name == "GameScreen":
            assert isinstance(app, MoscowApp) and app.session is not None
            session = app.session
            affordable = [m for m in session.moves() if m.cost <= session.budget()]
            await pilot.press("enter" if affordable else "e")
        else:
            raise AssertionError(f"unexpected screen {name}")
        await pilot.pause()
    raise AssertionError("the game did not end")
