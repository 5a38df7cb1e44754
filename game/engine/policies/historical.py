"""The historical policy: a computer power makes the moves it made in history, on their
dates, while they are open and their conditions hold, and gives the answers marked
historical; once it cannot, it leaves the path and follows the weights for good."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..content import CompiledOption

if TYPE_CHECKING:
    from ..rules import Rules


def follow_path(game: Rules, power: str) -> bool:
    """Make `power`'s historical moves of this turn; False once it has left the path."""
    st, content = game.state, game.content
    if power in st.off_path:
        return False
    for step in content.steps.get((st.turn, power), []):
        ca = content.actions[step.action]
        if game._open(power, ca) and step.when(st.env):
            game._play(power, ca)
        else:
            st.off_path.add(power)
            return False
    return True


def answer(options: Sequence[CompiledOption]) -> CompiledOption | None:
    """The historical answer among those open, if there is one."""
    for o in options:
        if o.option.historical:
            return o
    return None
