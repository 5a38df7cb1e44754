"""Effects in words, for previews of moves."""

from __future__ import annotations

from collections.abc import Iterable

from ..scenario.models import Scenario
from ..scenario.notation import Effect


def _visible(seen_by: list[str], power: str | None) -> bool:
    return power is None or "all" in seen_by or power in seen_by


def effect_words(sc: Scenario, effect: Effect, power: str | None) -> str:
    """One effect as a player reads it, or '' when the power may not see what it changes."""
    variables = {v.id: v for v in sc.variables}
    flags = {f.id: f for f in sc.flags}
    if effect.kind in ("set", "clear"):
        flag = flags[effect.target]
        if not _visible(flag.seen_by, power):
            return ""
        return f"{flag.label}: {'yes' if effect.kind == 'set' else 'no'}"
    if effect.kind == "schedule":
        return ""
    var = variables[effect.target]
    if not _visible(var.seen_by, power):
        return ""
    text = effect.text.split("=", 1)[1].strip() if "=" in effect.text else ""
    if effect.kind == "add":
        sign = "-" if "-=" in effect.text else "+"
        value = text if not text.isdigit() else text
        return f"{var.label} {sign}{value}"
    return f"{var.label} becomes {text}"


def preview_of(sc: Scenario, preview: str, effects: Iterable[Effect], power: str | None) -> str:
    """The scenario's own preview text followed by the visible effects in words."""
    words = [w for w in (effect_words(sc, e, power) for e in effects) if w]
    parts = [preview.strip()] if preview.strip() else []
    if words:
        parts.append("; ".join(words))
    return " — ".join(parts)
