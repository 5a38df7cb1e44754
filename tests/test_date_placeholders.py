"""`{date}` and `{dateline}`: every text may show the date of the turn being played, so
that a dispatch which may come in any of several weeks is dated the week it comes in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from game.engine import Game
from game.engine.content import content_of
from game.engine.texts import Texts
from game.scenario import ScenarioError, load_scenario

from .test_format_v2 import make

ROOT = Path(__file__).resolve().parent.parent

EVENT = """
[[events]]
id = "notice"
date = 1939-03-08
until = 1939-04-05
when = "x >= 60"
title = "A notice of {date}"
text = "LONDON, {dateline}. X stands at {x}; {where}."
effects = ["x -= 30"]
[[actions]]
id = "push"
by = "red"
title = "Push"
text = "RED. Pushed."
effects = ["x += 20"]
[[names]]
id = "where"
text = [{ when = "x >= 70", text = "high on {date}" }, { text = "lower" }]
"""


def test_a_dispatch_shows_the_date_of_the_week_it_comes_in() -> None:
    sc = make(EVENT)
    g = Game.new(sc, humans=("red",), seed=1, policy="historical")
    g.end_turn()  # week 2 (8 March): x is 50, the notice waits
    g.end_turn()  # week 3 (15 March)
    g.play("red", "push")
    g.end_turn()  # week 4 (22 March): x is 70
    notice = next(d for d in g.state.dispatches if d.source == "notice")
    assert notice.title == "A notice of 22 March"
    assert notice.text == "LONDON, 22 MARCH. X stands at 70; high on 22 March."


def test_a_name_cannot_take_a_built_in_id() -> None:
    with pytest.raises(ScenarioError) as err:
        make('[[names]]\nid = "dateline"\ntext = "today"\n')
    assert "'{dateline}' is built in: the date of the turn being played" in str(err.value)


def test_the_baltic_refusal_of_a_later_week_is_dated_that_week() -> None:
    sc = load_scenario(ROOT / "scenarios" / "moscow_1939.toml")
    event = next(e for e in sc.events if e.id == "baltic_refusal")
    env = content_of(sc).start_env()
    texts = Texts(sc)
    env["date"] = dt.date(1939, 6, 7).toordinal()
    assert texts.render(event.text, env).startswith("LONDON, 7 JUNE. The Prime Minister told")
    env["date"] = dt.date(1939, 7, 5).toordinal()
    assert texts.render(event.text, env).startswith("LONDON, 5 JULY. The Prime Minister has")


def test_litvinovs_fall_is_not_told_against_a_proposal_never_made() -> None:
    sc = load_scenario(ROOT / "scenarios" / "moscow_1939.toml")
    event = next(e for e in sc.events if e.id == "litvinov_dismissal")
    env = content_of(sc).start_env()
    texts = Texts(sc)
    shown = texts.render(event.text, env) + texts.render(event.prompt, env)
    assert "17 April" not in shown and "proposal" not in shown
    env["tripartite_proposed"] = 1
    shown = texts.render(event.text, env)
    assert "Soviet proposal of a triple alliance" in shown and "Bonnet" not in shown
    env["uses.extend_1935_pact"] = 1
    assert "M. Bonnet's" in texts.render(event.text, env)
