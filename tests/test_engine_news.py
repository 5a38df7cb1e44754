"""A turn's opening dispatch ("news"): made once per scenario when its title holds no word
of a continuity rule, and checked against the rules in every game when it does."""

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
[[endings]]
id = "fallback"
title = "Time runs out"
epilogue = "Nothing."
scores = { red = 10 }
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
