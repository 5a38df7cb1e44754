"""The game engine: pure, deterministic, and ignorant of any screen."""

from .game import POLICIES, Game
from .state import Choice, Command, Decision, Dispatch, GameError, Move, Outcome, State

__all__ = [
    "POLICIES",
    "Choice",
    "Command",
    "Decision",
    "Dispatch",
    "Game",
    "GameError",
    "Move",
    "Outcome",
    "State",
]
