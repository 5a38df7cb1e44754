"""A twin of a game, to end a turn on elsewhere (in a thread) while the game itself stays
as it was for whoever reads it meanwhile; then the game takes the twin's state.

The twin shares what no command changes (the scenario, its compiled content, the names,
the computer powers' planners, which keep nothing between decisions) and copies the rest:
a command given to the twin and then adopted leaves the game exactly as the same command
given to the game itself, generator and all.
"""

from __future__ import annotations

import copy

from .game import Game


def twin(game: Game) -> Game:
    """A copy of `game` that commands may change without touching `game`."""
    other = copy.copy(game)  # shares the scenario, the content, the names, the planners
    other.state = copy.deepcopy(game.state)
    other._new = list(game._new)
    return other


def adopt(game: Game, other: Game) -> None:
    """`game` as its twin `other` left it (the twin is spent: do not use it again)."""
    game.__dict__.update(other.__dict__)
