"""The adaptive player's lines for the power's own draws: for each value of a drawn
variable the power sees, the plan that does best on seeds that drew that value, so that a
reader who knows which Stalin the game drew can play the line made for him."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.analyse import runner
from game.analyse.drawn import Scores, drawn_lines, seeds_drawing, seen_draws
from game.analyse.improve import Improved
from game.analyse.runner import Task, play
from game.analyse.search import Mutations
from game.analyse.strategies import Plan
from game.engine import Game
from game.scenario import load
from tests.test_analyse import write
from tests.test_analyse_improve import LINE_A, LINE_B, TWO_LINES

DRAWN_LINES = TWO_LINES.replace(
    "start = [0, 1]\n", 'start = { values = [0, 1], weights = [1, 1] }\nseen_by = ["red"]\n', 1
)
"""Two lines of two steps; a drawn coin Red sees says which pays."""


@pytest.fixture(autouse=True)
def fresh_scenarios(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "_scenarios", {})


def scores_on(path: str) -> Scores:
    def scores(plan: Plan, seeds: list[int]) -> list[float]:
        return [float(play(Task(path, "red", plan, s)).score) for s in seeds]

    return scores


def test_the_draws_a_power_sees_are_those_drawn_from_few_values_in_its_sight(
    tmp_path: Path,
) -> None:
    sc = load(write(tmp_path, DRAWN_LINES, "drawn"))
    assert seen_draws(sc, "red") == [("coin", [0, 1])]
    hidden = DRAWN_LINES.replace('seen_by = ["red"]', 'seen_by = ["blue"]').replace(
        "playable = true\n", 'playable = true\n[[powers]]\nid = "blue"\nname = "Blue"\n', 1
    )
    assert seen_draws(load(write(tmp_path, hidden, "hidden")), "red") == []
    ranged = load(write(tmp_path, TWO_LINES, "ranged"))  # a range, not a few weighted values
    assert seen_draws(ranged, "red") == []
    many = DRAWN_LINES.replace("values = [0, 1], weights = [1, 1]", "values = [0, 1, 2, 3, 4, 5]")
    assert seen_draws(load(write(tmp_path, many, "many")), "red") == []


def test_the_seeds_for_a_value_are_those_whose_game_draws_it(tmp_path: Path) -> None:
    sc = load(write(tmp_path, DRAWN_LINES, "drawn"))
    for value in (0, 1):
        seeds = seeds_drawing(sc, "coin", value, 100, 5)
        assert len(seeds) == 5 and seeds == sorted(seeds) and seeds[0] >= 100
        assert all(Game.new(sc, seed=s).state.env["coin"] == value for s in seeds)
        skipped = set(range(100, seeds[-1])) - set(seeds)
        assert all(Game.new(sc, seed=s).state.env["coin"] != value for s in skipped)
    never = DRAWN_LINES.replace("weights = [1, 1]", "weights = [1, 0]")
    assert seeds_drawing(load(write(tmp_path, never, "never")), "coin", 1, 0, 3) == []


def test_each_value_gets_the_line_that_pays_on_it(tmp_path: Path) -> None:
    path = write(tmp_path, DRAWN_LINES, "drawn")
    sc = load(path)
    mutate = Mutations(sc, "red", {})
    lines = drawn_lines(sc, "red", scores_on(path), [LINE_A, LINE_B], [], mutate, 0, 4, 0)
    assert lines == [LINE_B, LINE_A]  # coin 0 pays line B, coin 1 line A


def test_the_best_games_on_a_value_start_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, DRAWN_LINES, "drawn")
    sc = load(path)
    heads, tails = (seeds_drawing(sc, "coin", v, 0, 3) for v in (0, 1))
    games = [play(Task(path, "red", LINE_B, s)) for s in heads + tails]
    assert [g.score for g in games] == [100] * 3 + [0] * 3  # B wins where the coin shows 0
    mutate = Mutations(sc, "red", {})
    lines = drawn_lines(sc, "red", scores_on(path), [LINE_A], games, mutate, 0, 4, 0)
    assert lines == [LINE_B, LINE_A]


def test_a_climb_finds_the_line_for_a_value_the_pool_lacks(tmp_path: Path) -> None:
    path = write(tmp_path, DRAWN_LINES, "drawn")
    sc = load(path)
    mutate = Mutations(sc, "red", {})
    heads = seeds_drawing(sc, "coin", 0, 500, 6)
    assert [play(Task(path, "red", LINE_A, s)).score for s in heads] == [0] * 6
    lines = drawn_lines(sc, "red", scores_on(path), [LINE_A], [], mutate, 120, 4, 0)
    assert [play(Task(path, "red", lines[0], s)).score for s in heads] == [100] * 6


def test_with_the_lines_for_its_draw_the_reader_is_always_right(tmp_path: Path) -> None:
    path = write(tmp_path, DRAWN_LINES, "drawn")
    sc = load(path)
    fixed = [play(Task(path, "red", LINE_A, s)).score for s in range(20)]
    assert 0 < sum(fixed) < 100 * len(fixed)
    assert [play(Task(path, "red", Improved(LINE_A), s)).score for s in range(20)] == fixed
    lines = drawn_lines(
        sc, "red", scores_on(path), [LINE_A, LINE_B], [], Mutations(sc, "red", {}), 0, 4, 0
    )
    reader = Improved(LINE_A, others=tuple(lines))
    assert [play(Task(path, "red", reader, s)).score for s in range(20)] == [100] * 20


def test_a_power_that_sees_no_draw_gets_no_lines(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_LINES, "ranged")
    sc = load(path)
    mutate = Mutations(sc, "red", {})
    assert drawn_lines(sc, "red", scores_on(path), [LINE_A], [], mutate, 5, 3, 0) == []
