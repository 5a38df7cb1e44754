"""Effects in words, for previews of moves."""

from __future__ import annotations

from collections.abc import Iterable

from ..scenario.closures import Env
from ..scenario.effects import Effect
from ..scenario.models import Flag, Scenario, Variable
from .state import sees

_indexes: dict[int, tuple[Scenario, dict[str, Variable], dict[str, Flag]]] = {}


def _index(sc: Scenario) -> tuple[dict[str, Variable], dict[str, Flag]]:
    """The scenario's variables and flags by id, made once while the scenario lives."""
    hit = _indexes.get(id(sc))
    if hit is None or hit[0] is not sc:
        if len(_indexes) > 32:
            _indexes.clear()
        hit = _indexes[id(sc)] = (
            sc,
            {v.id: v for v in sc.variables},
            {f.id: f for f in sc.flags},
        )
    return hit[1], hit[2]


def effect_words(sc: Scenario, effect: Effect, power: str | None, env: Env) -> str:
    """One effect as a player reads it, valued in the current state; '' when the power may
    not see what it changes."""
    variables, flags = _index(sc)
    if effect.kind == "if":
        holds = effect.when is not None and effect.when(env) and effect.then is not None
        return effect_words(sc, effect.then, power, env) if holds else ""  # type: ignore[arg-type]
    if effect.kind == "moves":
        value = int(effect.value(env))
        name = sc.power(effect.target).name
        if effect.assign:
            return f"{name}: {value} moves a turn"
        return f"{name}: {value:+d} move{'s' if abs(value) != 1 else ''} a turn" if value else ""
    if effect.kind in ("reveal", "mislead"):
        var = variables[effect.target]
        if effect.kind == "reveal" and power in (None, effect.power):
            return f"{var.label}: known within ±{max(0, int(effect.value(env)))}"
        if effect.kind == "mislead" and power != effect.power:
            return f"{sc.power(effect.power).name} misled about {var.label}"
        return ""
    if effect.kind in ("set", "clear"):
        flag = flags[effect.target]
        if not sees(power, flag.seen_by):
            return ""
        return f"{flag.label}: {'yes' if effect.kind == 'set' else 'no'}"
    if effect.kind == "schedule":
        return ""
    var = variables[effect.target]
    if not sees(power, var.seen_by):
        return ""
    value = int(effect.value(env))
    if effect.high is not None:
        low, high = sorted((value, int(effect.high(env))))
        if effect.kind == "add":
            return f"{var.label} {low:+d} to {high:+d}"
        return f"{var.label} becomes {low}–{high}"
    if effect.kind == "add":
        return f"{var.label} {value:+d}" if value else ""
    return f"{var.label} becomes {max(var.min, min(var.max, value))}"


def preview_of(
    sc: Scenario, preview: str, effects: Iterable[Effect], power: str | None, env: Env
) -> str:
    """The scenario's own preview text followed by the visible effects, valued now."""
    words = [w for w in (effect_words(sc, e, power, env) for e in effects) if w]
    parts = [preview.strip()] if preview.strip() else []
    if words:
        parts.append("; ".join(words))
    return " — ".join(parts)
