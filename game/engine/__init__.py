"""The game engine: pure, deterministic, and ignorant of any screen."""

from .closed import ClosedMove, closed_moves
from .game import POLICIES, Game
from .state import Choice, Command, Decision, Dispatch, GameError, Move, Outcome, State

__all__ = [
    "POLICIES",
    "Choice",
    "ClosedMove",
    "Command",
    "Decision",
    "Dispatch",
    "Game",
    "GameError",
    "Move",
    "Outcome",
    "State",
    "closed_moves",
]
