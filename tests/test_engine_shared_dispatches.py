"""Dispatches that are the same in every game (a turn's news, a move or event shown as
written) are made once per scenario when they hold no word of a continuity rule, and
checked against the rules in every game when they do."""

from __future__ import annotations

from game.engine import Game
from game.scenario import load_text

SCENARIO = """
format = 2
id = "news_rules"
title = "News and continuity"
start = 1939-03-01
end = 1939-03-21
[[powers]]
id = "red"
name = "Red"
playable = true
[[flags]]
id = "a"
label = "A"
[[continuity]]
id = "no_molotov"
when = "not a"
never = ["Molotov"]
[[calendar]]
date = 1939-03-01
title = "Week 1"
[[calendar]]
date = 1939-03-08
title = "Molotov's week"
[[calendar]]
date = 1939-03-15
title = "Week 3"
[[powers]]
id = "blue"
name = "Blue"
playable = true
[[variables]]
id = "x"
label = "X"
start = 50
[[events]]
id = "offer"
title = "An offer"
text = "Blue is offered terms."
date = 1939-03-08
choice_by = "blue"
choices = [
  { id = "take", label = "Take", effects = ["x += 5"], historical = true },
  { id = "refuse", label = "Refuse", effects = ["x -= 5"] },
]
[[actions]]
id = "plain"
by = "red"
title = "A plain note"
once = false
[[actions]]
id = "slip"
by = "red"
title = "A careless telegram"
text = "Commissar Molotov sends his regards."
once = false
[[endings]]
id = "fallback"
title = "Time runs out"
epilogue = "Nothing."
scores = { red = 10, blue = "x" }
"""


def played(seed: int) -> Game:
    g = Game.new(load_text(SCENARIO, "news_rules.toml"), seed=seed)
    while not g.over:
        g.end_turn()
    return g


def test_every_turn_opens_with_its_news() -> None:
    g = played(1)
    news = [(d.turn, d.date.isoformat(), d.title) for d in g.state.dispatches if d.kind == "news"]
    assert news == [
        (1, "1939-03-01", "Week 1"),
        (2, "1939-03-08", "Molotov's week"),
        (3, "1939-03-15", "Week 3"),
    ]
    assert [d for d in played(2).state.dispatches if d.kind == "news"] == [
        d for d in g.state.dispatches if d.kind == "news"
    ]


def test_a_news_title_that_breaks_a_rule_is_recorded() -> None:
    assert played(1).state.violations == [(2, "news", "no_molotov", "Molotov")]


def test_a_move_shown_as_written_reads_the_same_in_every_game() -> None:
    sc = load_text(SCENARIO, "news_rules.toml")
    games = [Game.new(sc, humans=["red"], seed=seed) for seed in (1, 2)]
    for g in games:
        g.play("red", "plain")
        g.end_turn()
        g.play("red", "plain")
    first, second = ([d for d in g.state.dispatches if d.kind == "move"] for g in games)
    assert first == second
    assert [(d.turn, d.title, d.text, d.source, d.power) for d in first] == [
        (1, "A plain note", "A plain note", "plain", "red"),
        (2, "A plain note", "A plain note", "plain", "red"),
    ]


def test_a_move_whose_text_breaks_a_rule_is_recorded_in_every_game() -> None:
    sc = load_text(SCENARIO, "news_rules.toml")
    for seed in (1, 2):
        g = Game.new(sc, humans=["red"], seed=seed)
        g.play("red", "slip")
        g.end_turn()
        g.play("red", "slip")
        assert g.state.violations == [
            (1, "slip", "no_molotov", "Molotov"),
            (2, "news", "no_molotov", "Molotov"),
            (2, "slip", "no_molotov", "Molotov"),
        ]


def test_an_answer_reads_the_same_in_every_game_and_changes_the_state_each_time() -> None:
    games = [played(seed) for seed in (1, 2)]
    answers = [[d for d in g.state.dispatches if d.source == "offer"] for g in games]
    assert answers[0] == answers[1]
    assert [(d.kind, d.title, d.text, d.power) for d in answers[0]] == [
        ("event", "An offer", "Blue is offered terms.", ""),
        ("event", "An offer", "Take", "blue"),
    ]
    for g in games:
        assert [(c.target, c.before, c.after, c.cause.title) for c in g.state.changes] == [
            ("x", 50, 55, "An offer (Take)")
        ]
        assert g.ending is not None and g.ending.scores["blue"] == 55
