"""What the screens ask of the app: typed messages posted up, handled by the app with `@on`.

Data goes down (a screen is built with what it shows, and the app calls its methods to
update it); requests come up as these messages, so that no screen needs to know the app's
class. Light on purpose: the app imports this module before the engine is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from game.scenario import Scenario
    from game.session import Session


class StartGame(Message):
    """Set-up's choice: start a new game of `scenario` with these players, seed and opponents."""

    def __init__(
        self, scenario: Scenario, humans: tuple[str, ...], seed: int, opponents: str
    ) -> None:
        super().__init__()
        self.scenario = scenario
        self.humans = humans
        self.seed = seed
        self.opponents = opponents


class TurnClosed(Message):
    """A turn (or the game) has closed: time to autosave."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class HandOver(Message):
    """The next hot-seat player is to take the keyboard: cover the board."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class GameOver(Message):
    """The game has reached its ending: show it (once)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class HintsPutAway(Message):
    """The player put the first-turn hints away: never show them again."""


class TitleShown(Message):
    """The title screen is showing (again): look for saves, which may have changed."""
