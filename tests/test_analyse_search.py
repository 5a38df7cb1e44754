"""The fixed-plan search starts from more than the best random games: from the historical
path (history's own plan) and the planner's games, so that a plan random play cannot stumble
on is still found when history or the planner shows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.analyse import analyse
from game.analyse.search import best_starts, historical_plan
from game.analyse.strategies import Plan
from game.scenario import load_scenario
from tests.test_analyse import CALENDAR, header, write

DIALS = 7
"""Moves open every week; only the right four, in order, open the lock."""

LOCK = (
    header("lock", "A combination lock", victory="victory = { open = 90, shut = 0 }\n")
    + """[[variables]]
id = "step"
label = "Tumblers turned"
start = 0
max = 4
"""
    + CALENDAR
    + "".join(
        f'[[actions]]\nid = "dial_{i}"\nby = "red"\ntitle = "Dial {i}"\nonce = false\n'
        f'effects = ["if step == {i - 1} then step += 1"]\n'
        for i in range(1, DIALS + 1)
    )
    + "".join(
        f'[[historical_path]]\ndate = 1939-03-{d:02d}\npower = "red"\naction = "dial_{i}"\n'
        for i, d in enumerate([1, 8, 15, 22], 1)
    )
    + """[[events]]
id = "the_door"
title = "The door"
text = "Red stands at the door."
date = 1939-03-15
choice_by = "red"
prompt = "Which way?"
choices = [
  { id = "stay", label = "Stay" },
  { id = "push", label = "Push it", historical = true },
]
[[endings]]
id = "opened"
title = "Opened"
when = "step >= 4"
final = true
epilogue = "The lock gives."
scores = { red = 100 }
[[endings]]
id = "shut"
title = "Shut"
epilogue = "It stays shut."
scores = { red = 10 }
"""
)


def test_the_historical_plan_is_the_path_by_week_and_the_historical_answers_first(
    tmp_path: Path,
) -> None:
    sc = load_scenario(write(tmp_path, LOCK, "lock"))
    plan = historical_plan(sc, "red")
    assert plan.moves == tuple((week, (f"dial_{week}",)) for week in range(1, 5))
    assert plan.answers == (("the_door", ("push", "stay")),)


def test_the_best_starts_are_the_best_distinct_plans_of_the_pool() -> None:
    a, b, c = Plan(((1, ("x",)),)), Plan(((2, ("y",)),)), Plan()
    worth = {a: 5.0, b: 9.0, c: 5.0}
    assert best_starts([a, c, a, b], worth.__getitem__, 2) == [b, a]


def test_a_plan_random_play_cannot_find_is_found_from_history(tmp_path: Path) -> None:
    # one random game in 7**4 = 2,401 opens the lock, and no single change to a plan that
    # fails opens it: without history's plan among the starts the search stays shut
    report = analyse(write(tmp_path, LOCK, "lock"))
    best = report["powers"]["red"]["best_fixed"]
    assert best["top_level_share"] == 1.0 and best["mean"] == 100
    assert report["powers"]["red"]["random"]["mean"] < 20


def test_the_planners_games_give_their_answers_to_the_search(tmp_path: Path) -> None:
    from game.analyse.runner import Task, play

    record = play(Task(write(tmp_path, LOCK, "lock"), "red", None, 3))
    assert [q for q, _ in record.answers] == ["the_door"]
    assert record.answers[0][1] in ("stay", "push")


def test_the_climbs_plans_are_judged_on_the_evaluation_seeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import game.analyse as analyser
    from tests.test_analyse import BALANCE

    idle, win = Plan(), Plan(((1, ("win_move",)),))
    monkeypatch.setattr(analyser, "climb", lambda *args: [idle, win])
    best = analyse(write(tmp_path, BALANCE, "balance"))["powers"]["red"]["best_fixed"]
    assert best["mean"] == 100 and any("Win" in line for line in best["plan"])


def test_a_plan_in_words_marks_a_once_only_move_listed_again() -> None:
    from game.analyse.search import in_words

    sc = load_scenario(Path(__file__).resolve().parent.parent / "scenarios" / "moscow_1939.toml")
    plan = Plan(((1, ("rally_chamber", "press_london")), (2, ("rally_chamber", "press_london"))))
    first, second = in_words(plan, sc)
    assert "(if not made yet)" not in first
    assert second.count("(if not made yet)") == 1  # press_london may be made again
    assert "Rally the Chamber and the press behind an eastern front (if not made yet)" in second
