"""How computer-played powers choose: on the historical path, by the scenario's weights, or
by a planner that plays the rest of the game forward from what its power can see.

A policy is named by a spec: `historical`, `weighted` (`random` is an older name for it),
or `planner` with a strength, `planner:easy`, `planner:normal` (the same as `planner`) or
`planner:hard`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..state import GameError

KINDS = ("historical", "weighted", "planner")
ALIASES = {"random": "weighted"}
LEVELS = {"easy": 10, "normal": 24, "hard": 96}
"""Rollouts a planner spends on one decision, shared among its candidates."""
POLICIES = ("historical", "weighted", "random", "planner", *(f"planner:{lv}" for lv in LEVELS))


@dataclass(frozen=True)
class Spec:
    kind: str
    rollouts: int = 0


def parse(spec: str) -> Spec:
    """A policy spec in words, checked (raises `GameError` with the choices)."""
    found = _parsed.get(spec)
    if found is None:
        found = _parsed[spec] = _parse(spec)
        if len(_parsed) > 64:
            _parsed.clear()
    return found


_parsed: dict[str, Spec] = {}


def _parse(spec: str) -> Spec:
    name, _, level = spec.strip().partition(":")
    name = ALIASES.get(name, name)
    if name not in KINDS or (level and (name != "planner" or level not in LEVELS)):
        raise GameError(
            f"unknown policy '{spec}': use historical, weighted (or random, the same) or planner "
            f"(planner:{'|'.join(LEVELS)})"
        )
    if name == "planner":
        return Spec(name, LEVELS[level or "normal"])
    return Spec(name)


def specs(powers: list[str], policy: str | Mapping[str, str]) -> dict[str, Spec]:
    """Each power's policy, from one spec for all or a mapping (default historical)."""
    if isinstance(policy, str):
        return {p: parse(policy) for p in powers}
    unknown = [p for p in policy if p not in powers]
    if unknown:
        raise GameError(f"'{unknown[0]}' is not a power of this scenario: {', '.join(powers)}")
    return {p: parse(policy.get(p, "historical")) for p in powers}


def parse_opponents(text: str) -> str | dict[str, str]:
    """`--opponents` in words: one spec for every power, or `power=spec,...` per power
    (powers left out keep the historical line)."""
    if "=" not in text:
        parse(text)
        return text.strip()
    out: dict[str, str] = {}
    for part in text.split(","):
        power, sep, spec = part.partition("=")
        if not sep or not power.strip():
            raise GameError(f"'{part}': write POWER=POLICY, e.g. britain=planner:hard")
        parse(spec)
        out[power.strip()] = spec.strip()
    return out
