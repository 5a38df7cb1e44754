"""Lint: a power's positions on a question of the negotiating table with no fallback. Each
player reads, for each power, the first position that holds among those it can see; a list
whose every position has a `when` can leave the table blank for that power, and a position
on what a player cannot see is passed over for that player (a flag only Moscow and Berlin
see, say), so without a last position that always holds some players read nothing."""

from __future__ import annotations

from .lint_v2 import Warn
from .models import Scenario


def fallbacks(sc: Scenario, warn: Warn) -> None:
    """Warn of each power on a question whose positions all have a `when`."""
    for q, question in enumerate(sc.questions):
        last: dict[str, int] = {}
        covered: set[str] = set()
        for p, pos in enumerate(question.positions):
            last[pos.power] = p
            if not pos.when.strip():
                covered.add(pos.power)
        for power, p in last.items():
            if power not in covered:
                warn(
                    ("questions", q, "positions", p, "when"),
                    f"every position of '{power}' on '{question.id}' has a condition: when none"
                    " holds, or a player cannot see what it reads, the table shows nothing"
                    f" for '{power}'",
                    "end the list with a position without `when`",
                )
