"""The analysis's adaptive player: the best fixed plan, improved by playing copies of the
game forward at each decision. It keeps the plan where nothing pays more, departs from it
where what the power sees says another choice pays, and never reads what it cannot see."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.analyse import _lines, runner
from game.analyse.improve import Improved
from game.analyse.runner import Task, play
from game.analyse.strategies import Plan
from game.engine import Game
from game.engine.policies.rollout import fork_for
from game.scenario import load
from tests.test_analyse import BALANCE, CALENDAR, COIN, header, write

HEADS = Plan(moves=((1, ("call_heads",)),))
HIDDEN_COIN = COIN.replace(
    "playable = true\n", 'playable = true\n[[powers]]\nid = "blue"\nname = "Blue"\n', 1
).replace("start = [0, 1]\n", 'start = [0, 1]\nseen_by = ["blue"]\n', 1)

TWO_LINES = (
    header("lines", "Two lines, and a coin only Red sees")
    + """[[variables]]
id = "coin"
label = "The coin"
start = [0, 1]
"""
    + "".join(f'[[flags]]\nid = "{f}"\nlabel = "{f}"\n' for f in ("a1", "a2", "b1", "b2"))
    + CALENDAR
    + "".join(
        f'[[actions]]\nid = "{f}"\nby = "red"\ntitle = "Step {f}"\neffects = ["set {f}"]\n'
        for f in ("a1", "a2", "b1", "b2")
    )
    + """[[endings]]
id = "right"
title = "The right line"
when = "(a1 and a2 and coin == 1) or (b1 and b2 and coin == 0)"
epilogue = "Right."
scores = { red = 100 }
[[endings]]
id = "nothing"
title = "Nothing"
epilogue = "Nothing."
scores = { red = 0 }
"""
)
"""Two steps make a line; the coin says which line pays. One step off a plan pays nothing:
only a change of plan does."""
LINE_A = Plan(moves=((1, ("a1",)), (2, ("a2",))))
LINE_B = Plan(moves=((1, ("b1",)), (2, ("b2",))))


@pytest.fixture(autouse=True)
def fresh_scenarios(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "_scenarios", {})


def scores(path: str, strategy: Plan | Improved, seeds: range) -> list[int]:
    return [play(Task(path, "red", strategy, s)).score for s in seeds]


def test_a_plan_that_calls_heads_is_right_half_the_time_and_its_reader_always(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, COIN, "coin")
    fixed = scores(path, HEADS, range(20))
    assert 0 < sum(fixed) < 100 * len(fixed)  # heads is right on some seeds, not all
    assert scores(path, Improved(HEADS), range(20)) == [100] * 20


def test_the_reader_never_peeks_at_a_coin_it_cannot_see(tmp_path: Path) -> None:
    path = write(tmp_path, HIDDEN_COIN, "hidden")
    assert next(v for v in load(path).variables if v.id == "coin").seen_by == ["blue"]
    right = scores(path, Improved(HEADS), range(40)).count(100)
    assert 10 <= right <= 30  # luck, not sight: a reader who peeked would be right 40 times


def test_where_the_plan_is_best_the_reader_plays_it_move_for_move(tmp_path: Path) -> None:
    path = write(tmp_path, BALANCE, "balance")
    plan = Plan(moves=((1, ("win_move",)),), answers=(("locked_question", ("open",)),))
    planned, read = play(Task(path, "red", plan, 3)), play(Task(path, "red", Improved(plan), 3))
    assert read.score == planned.score == 100
    assert read.moves == planned.moves and read.answers == planned.answers


def test_a_seated_copy_keeps_the_seat_and_the_questions_waiting(tmp_path: Path) -> None:
    sc = load(write(tmp_path, BALANCE, "balance"))
    game = Game.new(sc, humans=("red",), seed=1)
    game.end_turn()
    assert game.decisions("red")
    seated = fork_for(game, "red", 7, seated=True)
    assert seated.humans == ("red",)
    assert [d.id for d in seated.decisions("red")] == [d.id for d in game.decisions("red")]
    assert fork_for(game, "red", 7).humans == ()


def test_the_reader_departs_from_the_plan_only_for_a_clear_gain() -> None:
    pick = Improved(HEADS)._best
    base = [50.0, 60.0, 40.0, 70.0]
    lucky = [90.0, 20.0, 80.0, 50.0]  # a higher mean, but as likely luck as not
    clear = [60.0, 70.0, 51.0, 80.0]  # ten or eleven points better on every copy
    tiny = [50.5, 60.5, 40.5, 70.5]  # better on every copy, by half a point
    assert (
        pick("base", ["base", "lucky", "tiny"], {"base": base, "lucky": lucky, "tiny": tiny})
        == "base"
    )
    assert (
        pick("base", ["lucky", "base", "clear"], {"base": base, "lucky": lucky, "clear": clear})
        == "clear"
    )


def test_a_reader_who_knows_two_lines_takes_the_one_the_coin_calls_for(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_LINES, "lines")
    fixed = scores(path, LINE_A, range(20))
    assert 0 < sum(fixed) < 100 * len(fixed)  # line A is right on some seeds, not all
    assert scores(path, Improved(LINE_A), range(20)) == fixed  # a single step off pays nothing
    assert scores(path, Improved(LINE_A, others=(LINE_B,)), range(20)) == [100] * 20


def test_the_reader_knows_the_other_climbs_and_the_best_line_to_each_ending() -> None:
    best, climbed_b, paper, paper_worse, war = (
        Plan(name=n) for n in ("best", "climbed", "paper", "paper_worse", "war")
    )
    values = {best: 80.0, climbed_b: 75.0, paper: 60.0, paper_worse: 50.0, war: 30.0}
    aims = {best: "pact", climbed_b: "pact", paper: "paper", paper_worse: "paper", war: "war"}
    lines = _lines(best, [best, climbed_b], values, aims)
    assert lines == (climbed_b, paper, war)  # no second-best line to an ending already known
