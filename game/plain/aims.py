"""A power's aims in words: its objectives, what its victory levels require, and where it
stands now, told only as far as the power can judge it from what it sees."""

from __future__ import annotations

from ..engine import Game
from ..engine.endings import level_of, outcome_of
from ..scenario.notation import names_in
from ..scenario.parser import parse_tree
from ..seen import reckoning_reads
from .words import Lines


def levels(g: Game, power: str) -> str:
    """The victory levels, highest first: 'decisive 80 and above; victory 60–79; …'."""
    named = sorted(g.scenario.power(power).victory.items(), key=lambda kv: -kv[1])
    parts = []
    ceiling = 101
    for name, least in named:
        span = f"{least} and above" if ceiling > 100 else f"{least}–{ceiling - 1}"
        parts.append(f"{name} {span}")
        ceiling = least
    return "; ".join(parts)


def _hidden(g: Game, power: str, expressions: list[str]) -> list[str]:
    """Labels of what the expressions read that `power` does not see, in order."""
    out: list[str] = []
    for text in expressions:
        if not text.strip():
            continue
        for name in names_in(parse_tree(text)):
            label = g.content.labels.get(name, name)
            if not g.sees_name(power, name) and label not in out:
                out.append(label)
    return out


def standing(g: Game, power: str) -> Lines:
    """Which ending the game would reach were it to close today, and the power's score, if
    everything that decides them is in sight; otherwise what hides them."""
    outcome = outcome_of(g, final=True)
    if outcome is None or power not in outcome.scores:
        return [("Where you stand cannot be told yet.", "  ")]
    hidden = _hidden(g, power, reckoning_reads(g, power, outcome)) if not g.over else []
    if hidden:
        return [
            (
                "Where you stand turns on what you cannot see ("
                + "; ".join(hidden)
                + "): the verdict waits for the end.",
                "  ",
            )
        ]
    s = outcome.scores[power]
    level = level_of(g.scenario, power, s)
    return [
        (
            f"Were matters to close today: {outcome.title}. Your score would be {s}"
            + (f", a {level}." if level else "."),
            "  ",
        )
    ]


def aims(g: Game, power: str) -> Lines:
    p = g.scenario.power(power)
    out: Lines = [(f"-- The aims of {p.name} --", "")]
    for objective in p.objectives:
        out.append((f"- {objective}", "  "))
    if not p.objectives:
        out.append(("The scenario names no objectives for this power.", "  "))
    if p.victory:
        out.append((f"Victory levels (the score out of 100): {levels(g, power)}.", "  "))
    out.extend(standing(g, power))
    return out
