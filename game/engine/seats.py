"""Who sits where: the powers a game's people take, checked before it starts."""

from __future__ import annotations

from collections.abc import Sequence

from ..scenario.models import Scenario
from .state import GameError


def check_seats(sc: Scenario, powers: Sequence[str], humans: Sequence[str]) -> None:
    """Raise `GameError` unless every one of `humans` is a playable power, taken once."""
    playable = {p.id for p in sc.powers if p.playable}
    for power in humans:
        if power not in powers:
            raise GameError(
                f"'{power}' is not a power of this scenario; "
                f"playable: {', '.join(sorted(playable))}"
            )
        if power not in playable:
            raise GameError(f"'{power}' cannot be played; playable: {', '.join(sorted(playable))}")
    if len(set(humans)) != len(humans):
        raise GameError("a power can be taken by only one player")
