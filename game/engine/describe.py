"""Effects in words, for previews of moves."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..scenario.closures import Env
from ..scenario.effects import Effect
from ..scenario.models import Flag, Scenario, Variable
from ..scenario.notation import names_in, parse_tree
from .content import content_of
from .decisions import unsettled_words
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
        if effect.when is None or effect.then is None:
            return ""
        cond, names = _condition(effect.text)
        if all(_visible(sc, power, n) for n in names):
            return effect_words(sc, effect.then, power, env) if effect.when(env) else ""
        # valued on what the power cannot see, the effect would tell it which side of the
        # draw it stands on: say the condition instead
        then = effect_words(sc, effect.then, power, env)
        said = unsettled_words(
            cond, lambda n: _label(sc, n), variables, env, lambda n: _visible(sc, power, n)
        )
        return f"if {said}: {then}" if then and said else ""
    if effect.kind == "moves":
        value = int(effect.value(env))
        name = sc.power(effect.target).name
        if effect.assign:
            return f"{name}: {value} moves a turn"
        return f"{name}: {value:+d} move{'s' if abs(value) != 1 else ''} a turn" if value else ""
    if effect.kind in ("reveal", "mislead"):
        var = variables[effect.target]
        if effect.kind == "reveal" and power in (None, effect.power):
            within = max(0, int(effect.value(env)))
            return f"{var.label}: known {'exactly' if within == 0 else f'within ±{within}'}"
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
    if not all(_visible(sc, power, n) for n in effect.reads):
        return f"{var.label} changes, by an amount you cannot read"
    value = int(effect.value(env))
    if effect.high is not None:
        low, high = sorted((value, int(effect.high(env))))
        if effect.kind == "add":
            return f"{var.label} {low:+d} to {high:+d}"
        return f"{var.label} becomes {low}–{high}"
    if effect.kind == "add":
        return f"{var.label} {value:+d}" if value else ""
    return f"{var.label} becomes {var.word(max(var.min, min(var.max, value)))}"


_conditions: dict[str, tuple[str, frozenset[str]]] = {}


def _condition(text: str) -> tuple[str, frozenset[str]]:
    """The condition of an `if` effect's text, and the names it reads (parsed once)."""
    hit = _conditions.get(text)
    if hit is None:
        cond = text.strip()[len("if") :].split(" then ", 1)[0].strip()
        try:
            names = frozenset(names_in(parse_tree(cond)))
        except Exception:  # the loader has checked it; be safe: treat it as unreadable
            names = frozenset({"?"})
        hit = _conditions[text] = (cond, names)
    return hit


def _label(sc: Scenario, name: str) -> str:
    """A variable's or flag's label, or a move's words (for `uses.ID`), as the content has
    them; the bare name only for what has neither."""
    return content_of(sc).labels.get(name, name)


def _visible(sc: Scenario, power: str | None, name: str) -> bool:
    """Whether `power` sees the variable or flag `name` (use counts and the date: all)."""
    variables, flags = _index(sc)
    if name in variables:
        return sees(power, variables[name].seen_by)
    if name in flags:
        return sees(power, flags[name].seen_by)
    return name != "?"


def preview_of(
    sc: Scenario,
    preview: str,
    effects: Iterable[Effect],
    power: str | None,
    env: Env,
    uses: str = "",
) -> str:
    """The scenario's own preview text followed by the visible effects, valued now, as the
    move would run them: its own use count (`uses`, its `uses.ID`) one higher."""
    effects = tuple(effects)
    if uses and any(uses in e.reads for e in effects):
        env = {**env, uses: env.get(uses, 0) + 1}
    words = _summed([w for w in (effect_words(sc, e, power, env) for e in effects) if w])
    parts = [preview.strip()] if preview.strip() else []
    if words:
        parts.append("; ".join(words))
    return " — ".join(parts)


_CHANGE = re.compile(r"(.+) ([+-]\d+)")


def _summed(words: list[str]) -> list[str]:
    """Changes of one gauge summed, in the place of its first ('X +8; X -14' is 'X -6')."""
    total: dict[str, int] = {}
    for w in words:
        if m := _CHANGE.fullmatch(w):
            total[m[1]] = total.get(m[1], 0) + int(m[2])
    out = []
    for w in words:
        m = _CHANGE.fullmatch(w)
        if m is None:
            out.append(w)
        elif m[1] in total:
            value = total.pop(m[1])
            if value:
                out.append(f"{m[1]} {value:+d}")
    return out
