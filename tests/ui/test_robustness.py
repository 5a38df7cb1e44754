"""Random key presses on the game screen raise nothing and leave a consistent game.

Three short runs (one per kind of game: alone, hot-seat, a lesser power) rather than one
long one, which took most of the UI suite's time: each starts from a fresh game, xdist can
spread them over the cores, and each ends by playing its game to the ending by keys, so
that every run goes through an ending whatever the random keys did."""

from __future__ import annotations

import random
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot

from game.engine import Game
from game.session import Session
from game.ui.app import MoscowApp
from game.ui.typeahead import RefusesTypedAhead

from .helpers import demo_app, screen_name, settle

PRESSES = 80
"""Random presses per run (three runs)."""
KEYS = [
    *"eeeeeeabchimxz1234[]yyyyynwst?/ ",
    "enter",
    "escape",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "pageup",
    "pagedown",
    "home",
    "end",
    "f1",
    "ctrl+s",
]
"""Every key the game uses and a few it does not; not the quit keys or the palette. Ending a
turn and saying yes come several times, so that games move on (ending a turn with actions
left asks first)."""
NAMES = {
    "[": "left_square_bracket",
    "]": "right_square_bracket",
    "?": "question_mark",
    "/": "slash",
    " ": "space",
}
CHARS = {"enter": "\r", "escape": "\x1b", "tab": "\t"}
OVER_THE_GAME = {
    "GameScreen",
    "MoveDialog",
    "DecisionDialog",
    "NoteDialog",
    "HistoryScreen",
    "HelpScreen",
    "EncyclopediaScreen",
    "HandoverScreen",
    "ChoiceDialog",
    "ConfirmDialog",
    "BriefingScreen",
    "ChangesScreen",
    "MapScreen",
}
RUNS = [  # (seed of the keys, the human powers of the first game)
    (1939, ("soviet",)),
    (1940, ("britain", "france")),
    (1941, ("france",)),
]
SIDES = [sides for _, sides in RUNS]
TO_THE_END = {"GameScreen": "e", "ConfirmDialog": "y", "DecisionDialog": "enter"}
"""The key that moves the game on from each screen, ending turns (others: Enter, Escape)."""


async def press(pilot: Pilot[Any], key: str) -> None:
    """Send one key as the terminal driver would, and wait until the screen has handled it.

    Faster than `Pilot.press`, which also waits for the process to go idle after every key:
    800 of those take a minute, and a player typing fast does not wait either. A pause of
    no delay waits for the screen's pending messages only.
    """
    name = NAMES.get(key, key)
    char = key if len(key) == 1 else CHARS.get(key)
    pilot.app.post_message(events.Key(name, char))
    await pilot.pause(0)


async def to_the_end(pilot: Pilot[Any]) -> None:
    """From wherever the random keys left it, end turn after turn until the ending shows."""
    for _ in range(200):
        name = screen_name(pilot)
        if name == "EndingScreen":
            return
        await press(pilot, TO_THE_END.get(name, "enter" if name == "HandoverScreen" else "escape"))
        for _ in range(5):  # a key before a dialog is drawn is set aside: let it be drawn
            screen = pilot.app.screen
            if not isinstance(screen, RefusesTypedAhead) or screen.drawn:
                break
            await pilot.pause(0)
    raise AssertionError(f"the game did not end (on {screen_name(pilot)})")


def assert_consistent(session: Session) -> None:
    """The game equals the replay of its own command log, and the session fits it."""
    game = session.game
    again = Game.replay(game.scenario, game.humans, game.seed, game.state.log)
    assert again.state.env == game.state.env
    assert again.state.turn == game.state.turn
    assert again.state.dispatches == game.state.dispatches
    assert again.state.outcome == game.state.outcome
    assert session.active in (*session.humans, None)
    assert session.finished <= set(session.humans)
    for power in game.humans:
        assert game.budget(power) >= 0


@pytest.mark.parametrize(("seed", "first"), RUNS, ids=["-".join(s) for _, s in RUNS])
async def test_random_keys_on_the_game_screen(seed: int, first: tuple[str, ...]) -> None:
    rng = random.Random(seed)
    app = demo_app()
    games = 0
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)

        def new_game(n: int) -> None:
            assert isinstance(pilot.app, MoscowApp) and pilot.app.default is not None
            sides = first if n == 0 else SIDES[(SIDES.index(first) + n) % len(SIDES)]
            pilot.app.start_game(pilot.app.default, sides, seed + n)

        new_game(games)
        await settle(pilot)
        for _ in range(PRESSES):
            key = rng.choice(KEYS)
            await press(pilot, key)
            session = app.session
            if screen_name(pilot) not in OVER_THE_GAME or session is None or session.game.over:
                await settle(pilot)
                assert session is not None
                assert_consistent(session)
                games += 1
                new_game(games)
                await settle(pilot)
        assert app.session is not None
        assert_consistent(app.session)
        await to_the_end(pilot)
        assert_consistent(app.session)
    assert app.return_value is None  # still running when the test closed it
