"""Who plays the computer powers, in words: the choices set-up offers, and one line for a
computer power in plain mode. Shared by both front ends."""

from __future__ import annotations

from collections.abc import Mapping

OPPONENTS = [
    (
        "planner:normal",
        "Planners",
        "each plays for its own aims",
        "each computer power plays the rest of the game forward from what it can see, "
        "and picks what serves its own aims",
    ),
    (
        "historical",
        "History",
        "they do what was done in history",
        "the others follow the scenario's historical path while they can, then its weights",
    ),
    (
        "planner:easy",
        "Easy planners",
        "they look less far ahead",
        "planners that look less far ahead: easier to outwit",
    ),
    (
        "planner:hard",
        "Hard planners",
        "they look further: slower",
        "planners that look further ahead: slower, and harder to beat",
    ),
    (
        "weighted",
        "Chance",
        "by the scenario's odds",
        "the others choose by the scenario's weights from the start",
    ),
]
"""Who plays the computer powers: (policy spec, label, the choice in one line, what it
means in full)."""


def opponent_line(power: str, name: str, policy: str | Mapping[str, str]) -> str:
    """'Germany: Planners · each plays for its own aims' (a spec not offered: as written)."""
    spec = policy if isinstance(policy, str) else policy.get(power, "historical")
    found = next(((label, line) for s, label, line, _ in OPPONENTS if s == spec), None)
    return f"{name}: {found[0]} · {found[1]}" if found else f"{name}: {spec}"
