"""`moscow1939 analyse` on small scenarios whose answers are known: a dominant move, a null
move, a question with one open answer, a fixed plan that wins every seed, and a game where
adapting to what the power sees beats every fixed plan."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from game import analyse as analyser
from game import cli
from game.analyse import Budget, analyse
from game.analyse.report import SCHEMA
from game.analyse.stats import variance_shares

CALENDAR = "".join(
    f'[[calendar]]\ndate = 1939-03-{d:02d}\ntitle = "Week {n}"\n'
    for n, d in enumerate([1, 8, 15, 22], 1)
)


def header(sid: str, title: str, moves: int = 1, victory: str = "") -> str:
    """A toy scenario's opening: four weeks of March 1939 and one playable power, Red."""
    return f"""
format = 2
id = "{sid}"
title = "{title}"
start = 1939-03-01
end = 1939-03-28
[[powers]]
id = "red"
name = "Red"
playable = true
moves_per_turn = {moves}
{victory}"""


BALANCE = (
    header(
        "balance", "Known answers", victory="victory = { decisive = 80, draw = 30, defeat = 0 }\n"
    )
    + """[[variables]]
id = "noise"
label = "Noise"
start = 0
max = 1000
[[flags]]
id = "won"
label = "Won"
[[flags]]
id = "asked"
label = "Asked"
"""
    + CALENDAR
    + """
[[events]]
id = "question"
title = "A question"
text = "Red is asked."
date = 1939-03-08
choice_by = "red"
prompt = "Which?"
choices = [{ id = "only", label = "The only way" }]
[[events]]
id = "locked_question"
title = "A question with a closed answer"
text = "Red is asked again."
date = 1939-03-08
choice_by = "red"
prompt = "Which, now?"
choices = [
  { id = "open", label = "The open way" },
  { id = "shut", label = "A way that is shut", when = "won and not won", locked_hint = "never" },
]
[[actions]]
id = "win_move"
by = "red"
title = "Win"
effects = ["set won"]
[[actions]]
id = "null_move"
by = "red"
title = "Make noise"
once = false
effects = ["noise += 1"]
[[endings]]
id = "victory"
title = "Victory"
when = "won"
final = true
epilogue = "Won."
scores = { red = 100 }
[[endings]]
id = "nothing"
title = "Nothing"
epilogue = "Nothing."
scores = { red = 20 }
"""
)
COIN = (
    header("coin", "A coin only Red sees")
    + """[[variables]]
id = "coin"
label = "The coin"
start = [0, 1]
[[flags]]
id = "heads"
label = "Called heads"
[[flags]]
id = "tails"
label = "Called tails"
"""
    + CALENDAR
    + """
[[actions]]
id = "call_heads"
by = "red"
title = "Call heads"
when = "not tails"
effects = ["set heads"]
[[actions]]
id = "call_tails"
by = "red"
title = "Call tails"
when = "not heads"
effects = ["set tails"]
[[endings]]
id = "right"
title = "Right"
when = "(heads and coin == 1) or (tails and coin == 0)"
epilogue = "Right."
scores = { red = 100 }
[[endings]]
id = "wrong"
title = "Wrong"
when = "heads or tails"
epilogue = "Wrong."
scores = { red = 0 }
[[endings]]
id = "nothing"
title = "Nothing"
epilogue = "Nothing."
scores = { red = 0 }
"""
)
SMALL = Budget(
    random_games=16, search_seeds=4, eval_seeds=12, iterations=12, restarts=2,
    effect_seeds=6, adaptive_seeds=6,
)  # fmt: skip


@pytest.fixture(autouse=True)
def small_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(analyser.BUDGETS, "quick", SMALL)


def write(tmp_path: Path, text: str, name: str) -> str:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_dominant_move_a_null_move_and_a_one_answer_question(tmp_path: Path) -> None:
    report = analyse(write(tmp_path, BALANCE, "balance"))
    red = report["powers"]["red"]
    moves = {m["id"]: m for m in red["moves"]}
    assert moves["win_move"]["flag"] == "dominant" and moves["win_move"]["effect"] == 80
    assert moves["null_move"]["flag"] == "null"
    # one open answer and nothing closed to say why: no choice; a closed answer shown with
    # its reason is a choice the player can read
    (single,) = red["single_answer_questions"]
    assert single["question"] == "question" and single["share"] == 1.0
    best = red["best_fixed"]
    assert best["mean"] == 100 and best["spread"] == 0 and best["top_level_share"] == 1.0
    assert any("Win" in line for line in best["plan"])
    assert report["best_endings"] == {"red": "victory"}
    jsonschema.validate(report, SCHEMA)


def test_adapting_to_what_the_power_sees_beats_every_fixed_plan(tmp_path: Path) -> None:
    report = analyse(write(tmp_path, COIN, "coin"), budget="normal")  # 16 adaptive seeds
    red = report["powers"]["red"]
    assert red["best_fixed"]["mean"] < 80
    assert red["adaptive"]["mean"] == 100 and red["adaptive"]["gain_over_fixed"] > 20
    assert red["variance"]["interaction"] > 0


def test_the_number_of_workers_changes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, BALANCE, "balance")
    assert analyse(path, jobs=1) == analyse(path, jobs=2)


def test_variance_shares() -> None:
    assert variance_shares([[10, 10], [50, 50]]) == {
        "strategy": 1.0,
        "seed": 0.0,
        "interaction": 0.0,
    }
    assert variance_shares([[10, 50], [10, 50]]) == {
        "strategy": 0.0,
        "seed": 1.0,
        "interaction": 0.0,
    }
    mixed = variance_shares([[0, 100], [100, 0]])
    assert mixed["interaction"] == 1.0


def test_the_command_prints_a_table_and_valid_json(tmp_path: Path) -> None:
    path = write(tmp_path, BALANCE, "balance")
    out = io.StringIO()
    assert cli.main(["analyse", path, "--jobs", "1"], out=out) == 0
    text = out.getvalue()
    assert "best fixed plan reaches 'decisive' on 100% of seeds" in text
    assert "win_move +80.0 (dominant)" in text and "null_move +0.0 (null)" in text
    out = io.StringIO()
    assert cli.main(["analyse", path, "--json", "--jobs", "1"], out=out) == 0
    jsonschema.validate(json.loads(out.getvalue()), SCHEMA)
    out = io.StringIO()
    assert cli.main(["analyse", path, "--power", "blue"], out=out) == cli.EXIT_INVALID
    assert "is not a power of balance (playable powers: red)" in out.getvalue()


def test_simulate_with_workers_reports_the_same(tmp_path: Path) -> None:
    from game.scenario import load_scenario
    from game.simulate import simulate

    sc = load_scenario(write(tmp_path, BALANCE, "balance"))
    one = simulate(sc, 40, jobs=1).as_json()
    two = simulate(sc, 40, jobs=2).as_json()
    assert one == two


def test_markdown_rows_for_the_balance_table(tmp_path: Path) -> None:
    from game.analyse.report import markdown

    report = analyse(write(tmp_path, BALANCE, "balance"))
    rows = markdown(report).splitlines()
    assert rows[0].startswith("| scenario | power |") and len(rows) == 3
    assert rows[2].startswith("| balance | red | 100% (decisive) | 100.0 |")


def test_a_score_that_never_varies_has_no_variance_to_share_out(tmp_path: Path) -> None:
    from game.analyse.report import markdown, table

    report = analyse(write(tmp_path, BALANCE, "balance"))
    for r in report["powers"].values():
        r["variance"] = {"strategy": 0.0, "seed": 0.0, "interaction": 0.0}
    assert "variance explained: none to explain (every game scored the same)" in table(report)
    assert "| — | " in markdown(report).splitlines()[2]
    assert "0% / 0% / 0%" not in markdown(report)


def test_a_move_that_only_buys_knowledge_is_information_not_null(tmp_path: Path) -> None:
    """A report that narrows an estimate changes no score a fixed strategy gets: its worth is
    to a player who reads the estimate, so it is flagged apart from the moves that do
    nothing."""
    text = BALANCE.replace("format = 1", "format = 2").replace(
        '[[actions]]\nid = "null_move"',
        '[[variables]]\nid = "secret"\nlabel = "Secret"\nstart = [0, 100]\n'
        'seen_by = []\nestimated_by = ["red"]\nerror = 30\n'
        '[[actions]]\nid = "spy"\nby = "red"\ntitle = "Ask a spy"\nonce = false\n'
        'effects = ["reveal secret to red within 2"]\n'
        '[[actions]]\nid = "null_move"',
    )
    red = analyse(write(tmp_path, text, "spies"))["powers"]["red"]
    moves = {m["id"]: m for m in red["moves"]}
    assert moves["spy"]["flag"] == "information"
    assert moves["null_move"]["flag"] == "null"


RARE = BALANCE.replace(
    '[[actions]]\nid = "win_move"\nby = "red"\ntitle = "Win"\n',
    '[[variables]]\nid = "luck"\nlabel = "Luck"\nstart = { values = [0, 1], weights = [1, 4] }\n'
    '[[actions]]\nid = "win_move"\nby = "red"\ntitle = "Win"\nwhen = "luck == 0"\n',
)


def test_a_move_seldom_open_is_worth_what_one_use_brings_and_gets_more_seeds(
    tmp_path: Path,
) -> None:
    """A move open in a fifth of games is worth its whole effect each time it is used: the
    seeds where it never opened are the same game twice and say nothing, and more seeds
    are played until it has come often enough to judge (or the rounds run out)."""
    red = analyse(write(tmp_path, RARE, "rare"))["powers"]["red"]
    win = {m["id"]: m for m in red["moves"]}["win_move"]
    assert win["effect"] == 80 and win["flag"] == "dominant"
    assert 0 < win["games_played"] < win["games"]
    assert win["games"] > SMALL.effect_seeds  # a first batch showed it too seldom
    noise = {m["id"]: m for m in red["moves"]}["null_move"]
    assert noise["games"] == SMALL.effect_seeds  # open every game: one batch is enough
    answer = {(a["question"], a["answer"]): a for a in red["answers"]}
    assert answer[("locked_question", "shut")]["flag"] == "never open"


TALLY = (
    header("tally", "Points by the move", moves=2)
    + """[[variables]]
id = "points"
label = "Points"
start = 0
max = 1000
"""
    + CALENDAR
    + "".join(
        f'[[actions]]\nid = "gain_{n}"\nby = "red"\ntitle = "Gain {n}"\nonce = false\n'
        f'effects = ["points += {n}"]\n'
        for n in (3, 5, 7, 11)
    )
    + """
[[actions]]
id = "idle"
by = "red"
title = "Do nothing of note"
effects = []
[[endings]]
id = "count"
title = "The count"
epilogue = "Counted."
scores = { red = "points" }
"""
)


def test_paired_games_differ_only_by_the_move_measured(tmp_path: Path) -> None:
    """A move that does nothing leaves its paired games identical (swing 0): the week it is
    made or passed over ends there in both, and random play keyed on the move's id picks
    the same moves afterwards, so the later weeks do not reshuffle."""
    red = analyse(write(tmp_path, TALLY, "tally"))["powers"]["red"]
    moves = {m["id"]: m for m in red["moves"]}
    assert moves["idle"] == {**moves["idle"], "effect": 0, "swing": 0, "se": 0, "flag": "null"}
    assert moves["gain_3"]["se"] < moves["gain_3"]["swing"] <= 11  # one use, a week's worth


def test_a_keyed_random_pick_does_not_change_when_another_item_goes() -> None:
    from types import SimpleNamespace

    from game.analyse.strategies import keyed

    items = [SimpleNamespace(id=f"m{i}") for i in range(12)]
    game = SimpleNamespace(seed=7, state=SimpleNamespace(turn=3))
    pick = keyed(game, "move2", items)  # type: ignore[arg-type]
    rest = [i for i in items if i is not pick]
    for gone in rest:
        assert keyed(game, "move2", [i for i in items if i is not gone]) is pick  # type: ignore[arg-type]
    picks = {keyed(SimpleNamespace(seed=s, state=game.state), "move2", items).id for s in range(60)}  # type: ignore[arg-type]
    assert len(picks) >= 8  # and it is a random pick across seeds


@pytest.mark.parametrize(
    ("effect", "swing", "verdict"),
    [
        (0.5, 0.5, "null"),
        (0.5, None, "null"),
        (-0.8, 9.0, "mixed"),
        (3.0, 9.0, ""),
        (12.0, 12.0, "dominant"),
    ],
)
def test_a_move_whose_gains_and_losses_cancel_is_mixed_not_null(
    effect: float, swing: float | None, verdict: str
) -> None:
    assert analyser.flag(effect, swing) == verdict
