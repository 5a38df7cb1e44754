"""What `simulate` reports beyond the endings' shares: the turn each ending came in, the
variables' mean course, the continuity rules broken, and the victory levels reached.

Each test builds a small format-2 scenario (as tests/test_format_v2.py does) whose figures
are known in advance, and checks the report, its JSON and its text table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game import cli
from game.engine import Game
from game.scenario import Scenario, load_text
from game.simulate import EXAMPLES, simulate, table

HEAD = """
format = 2
id = "sim_v2"
title = "Simulation figures"
start = 1939-03-01
end = 1939-04-26
[[powers]]
id = "red"
name = "Red"
playable = true
moves_per_turn = 1
victory = { decisive = 80, victory = 60, draw = 40, defeat = 0 }
[[powers]]
id = "blue"
name = "Blue"
playable = true
moves_per_turn = 1
[[variables]]
id = "x"
label = "X"
min = 0
max = 100
start = 50
drift = DRIFT
[[variables]]
id = "limit"
label = "Blue's limit"
start = [30, 70]
[[flags]]
id = "a"
label = "A"
"""
CALENDAR = "".join(
    f'[[calendar]]\ndate = 1939-{m:02d}-{d:02d}\ntitle = "Week {n}"\n'
    for n, (m, d) in enumerate([(3, 1), (3, 8), (3, 15), (3, 22), (3, 29), (4, 5)], 1)
)
FALLBACK = """
[[endings]]
id = "fallback"
title = "Time runs out"
epilogue = "Nothing."
scores = { red = "x", blue = 10 }
"""
EARLY = """
[[endings]]
id = "early"
title = "It ends early"
when = "turn >= 3"
epilogue = "Soon."
scores = { red = 90, blue = 0 }
"""
COIN = """
[[events]]
id = "coin"
title = "A coin falls"
text = "Heads."
chance = 40
effects = ["set a"]
[[endings]]
id = "heads"
title = "Heads"
when = "a"
epilogue = "Heads."
scores = { red = 70, blue = 0 }
"""
SLIP = """
[[continuity]]
id = "no_molotov"
when = "not a"
never = ["Molotov"]
[[events]]
id = "slip"
title = "A careless telegram"
text = "Commissar {who} sends his regards."
date = 1939-03-15
"""


def head(drift: int) -> str:
    return HEAD.replace("DRIFT", str(drift))


def make(body: str = "", drift: int = 0) -> Scenario:
    return load_text(head(drift) + CALENDAR + body + FALLBACK, "sim_v2.toml")


# -- the turn each ending came in ---------------------------------------------------------


def test_an_ending_that_always_comes_in_turn_3_reports_turn_3() -> None:
    report = simulate(make(EARLY), 20, seed=4).as_json()
    assert report["endings"]["early"]["count"] == 20
    assert report["endings"]["early"]["turns"] == {"3": 20}
    assert report["endings"]["early"]["mean_turn"] == 3.0


def test_ending_turns_add_up_and_the_fallback_comes_in_the_last_turn() -> None:
    report = simulate(make(COIN), 200, seed=1).as_json()
    heads, fallback = report["endings"]["heads"], report["endings"]["fallback"]
    assert fallback["turns"] == {"6": fallback["count"]} and fallback["mean_turn"] == 6.0
    turns = {int(t): n for t, n in heads["turns"].items()}
    assert sum(turns.values()) == heads["count"] and len(turns) >= 3
    assert heads["mean_turn"] == pytest.approx(
        sum(t * n for t, n in turns.items()) / 200 * 200 / heads["count"]
    )
    assert list(turns) == sorted(turns) and min(turns) == 1
    # each game's ending turn is the turn its own replay ends in
    expected = [Game.new(make(COIN), humans=(), seed=s, policy="random") for s in range(1, 201)]
    for g in expected:
        while not g.over:
            g.end_turn()
    ends = [g.ending.turn for g in expected if g.ending and g.ending.ending == "heads"]
    assert sorted(turns.items()) == sorted({t: ends.count(t) for t in set(ends)}.items())


# -- mean trajectories ---------------------------------------------------------------------


def test_a_drifting_variable_has_a_known_mean_trajectory() -> None:
    report = simulate(make(drift=5), 30, seed=0).as_json()
    assert report["trajectories"]["x"] == [
        {"turn": t, "mean": 50.0 + 5 * (t - 1), "games": 30} for t in range(1, 7)
    ]


def test_a_drawn_start_gives_the_mean_of_the_draws() -> None:
    sc = make()
    report = simulate(sc, 40, seed=7).as_json()
    draws = [
        Game.new(sc, humans=(), seed=s, policy="random").state.env["limit"] for s in range(7, 47)
    ]
    (first, *rest) = report["trajectories"]["limit"]
    assert first == {"turn": 1, "mean": pytest.approx(sum(draws) / 40), "games": 40}
    assert all(step["mean"] == pytest.approx(sum(draws) / 40) for step in rest)


def test_the_trajectory_counts_only_the_games_that_reached_a_turn() -> None:
    report = simulate(make(COIN, drift=2), 200, seed=1).as_json()
    ends = [
        int(t) for e in report["endings"].values() for t, n in e["turns"].items() for _ in range(n)
    ]
    path = report["trajectories"]["x"]
    assert [step["games"] for step in path] == [
        sum(1 for end in ends if end >= t) for t in range(1, 7)
    ]
    assert [step["mean"] for step in path] == [50.0 + 2 * (t - 1) for t in range(1, 7)]
    early = simulate(make(EARLY, drift=5), 10).as_json()["trajectories"]["x"]
    assert early == [{"turn": t, "mean": 50.0 + 5 * (t - 1), "games": 10} for t in (1, 2, 3)]


# -- continuity violations ------------------------------------------------------------------


def test_a_text_that_breaks_a_rule_is_reported_with_seed_turn_and_source() -> None:
    report = simulate(make(SLIP.replace("{who}", "Molotov")), 5, seed=11).as_json()
    assert report["continuity"]["violations"] == 5
    assert report["continuity"]["examples"] == [
        {"seed": s, "turn": 3, "source": "slip", "rule": "no_molotov", "word": "Molotov"}
        for s in range(11, 16)
    ]


def test_only_the_games_that_break_a_rule_are_listed() -> None:
    body = SLIP.replace("{who}", "Molotov").replace("date = 1939-03-15", "chance = 8")
    sc = make(body)
    report = simulate(sc, 60, seed=3).as_json()
    expected = []
    for s in range(3, 63):
        g = Game.new(sc, humans=(), seed=s, policy="random")
        while not g.over:
            g.end_turn()
        expected += [(s, *v) for v in g.state.violations]
    assert 0 < len(expected) < 60
    assert report["continuity"]["violations"] == len(expected)
    got = [
        (v["seed"], v["turn"], v["source"], v["rule"], v["word"])
        for v in report["continuity"]["examples"]
    ]
    assert got == expected


def test_the_examples_are_capped_and_the_count_stays_exact() -> None:
    sc = make(SLIP.replace("{who}", "Molotov"))
    report = simulate(sc, EXAMPLES + 10, seed=0)
    data = report.as_json()["continuity"]
    assert data["violations"] == EXAMPLES + 10 and len(data["examples"]) == EXAMPLES
    text = table(report, sc)
    assert f"continuity: {EXAMPLES + 10} violation(s)" in text
    assert "  seed 0, turn 3, slip: rule no_molotov, word 'Molotov'" in text
    assert "  seed 9, turn 3, slip:" in text and "  seed 10, turn 3, slip:" not in text


def test_the_table_says_when_no_text_broke_a_rule() -> None:
    sc = make(SLIP.replace("{who}", "Litvinov"))
    report = simulate(sc, 5)
    assert report.as_json()["continuity"] == {
        "rules": 1,
        "violations": 0,
        "distinct": 0,
        "examples": [],
    }
    assert "no text broke a continuity rule." in table(report, sc)
    plain = make()
    assert "continuity" not in table(simulate(plain, 5), plain)


# -- victory levels -------------------------------------------------------------------------


def test_a_fixed_score_gives_a_known_level() -> None:
    sc = make()
    report = simulate(sc, 12)
    assert report.as_json()["levels"] == {
        "red": {"decisive": 0, "victory": 0, "draw": 12, "defeat": 0}
    }
    assert "victory levels of red: decisive 0, victory 0, draw 12, defeat 0" in table(report, sc)


def test_levels_follow_the_ending_and_scores_below_every_level_are_counted() -> None:
    sc = make(COIN)
    report = simulate(sc, 100, seed=2).as_json()
    heads, fallback = report["endings"]["heads"]["count"], report["endings"]["fallback"]["count"]
    assert report["levels"]["red"] == {
        "decisive": 0,
        "victory": heads,
        "draw": fallback,
        "defeat": 0,
    }
    high = load_text(
        head(0).replace("draw = 40, defeat = 0", "draw = 55") + CALENDAR + FALLBACK,
        "sim_v2.toml",
    )
    low = simulate(high, 8)
    assert low.as_json()["levels"] == {"red": {"decisive": 0, "victory": 0, "draw": 0}}
    assert "victory levels of red: decisive 0, victory 0, draw 0, below every level 8" in table(
        low, high
    )


# -- the command ----------------------------------------------------------------------------


def test_simulate_json_prints_the_new_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sim_v2.toml"
    path.write_text(
        head(5) + CALENDAR + EARLY + SLIP.replace("{who}", "Molotov") + FALLBACK,
        encoding="utf-8",
    )
    assert cli.main(["simulate", str(path), "--json", "--runs", "7", "--seed", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["endings"]["early"]["turns"] == {"3": 7}
    assert data["endings"]["early"]["mean_turn"] == 3.0
    assert data["trajectories"]["x"][-1] == {"turn": 3, "mean": 60.0, "games": 7}
    assert data["continuity"]["violations"] == 7
    assert data["continuity"]["examples"][0] == {
        "seed": 2,
        "turn": 3,
        "source": "slip",
        "rule": "no_molotov",
        "word": "Molotov",
    }
    assert data["levels"] == {"red": {"decisive": 7, "victory": 0, "draw": 0, "defeat": 0}}
    assert cli.main(["simulate", str(path), "--runs", "7", "--seed", "2"]) == 0
    text = capsys.readouterr().out
    assert "It ends early" in text and "3.0  3" in text
    assert "  x      50.0 → 60.0 (turn 1 → 3, 7 games)" in text
    assert "seed 2, turn 3, slip: rule no_molotov, word 'Molotov'" in text
