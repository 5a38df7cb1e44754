"""The engine's shortcuts for what it need not work out again: a text that shows as written
is kept on the compiled move, event and answer (`Texts.fixed`) instead of being rendered
per dispatch, an effect's constant amount is kept on the effect (`Effect.fixed`), and a
command's dispatches are the state's from where it began. Each must show and do exactly
what the long way does (the golden tests compare whole games); these pin the edges."""

from __future__ import annotations

from game.engine import Game
from game.engine.content import content_of
from game.scenario import Scenario, load_text

SCENARIO = """
format = 2
id = "shown"
title = "Shown cases"
start = 1939-03-01
end = 1939-03-21
[[powers]]
id = "red"
name = "Red"
playable = true
moves_per_turn = 1
[[powers]]
id = "blue"
name = "Blue"
moves_per_turn = 1
[[variables]]
id = "x"
label = "X"
start = 10
[[calendar]]
date = 1939-03-01
title = "One"
[[calendar]]
date = 1939-03-08
title = "Two"
[[calendar]]
date = 1939-03-15
title = "Three"
[[events]]
id = "count"
title = "X stands at {x}"
text = "Plainly said."
when = "turn >= 2"
repeat = true
effects = ["x -= 3", "x += 1..2", "x += x / 10"]
choice_by = "blue"
choices = [{ id = "ok", label = "Agree at {x}", reason = "Because.", effects = ["x -= 1"] }]
[[actions]]
id = "push"
by = "red"
title = "Push"
text = "Red pushes to {x}."
cooldown = 1
effects = ["x += 4"]
[[endings]]
id = "end"
title = "The end"
epilogue = "It ends."
scores = { red = "x", blue = 0 }
"""


def make() -> Scenario:
    return load_text(SCENARIO, "shown.toml")


def test_a_constant_amount_is_kept_on_the_effect_and_a_read_or_drawn_one_is_not() -> None:
    code = make().code
    taken, drawn, read = (code.effects[t] for t in ("x -= 3", "x += 1..2", "x += x / 10"))
    assert (taken.fixed, drawn.fixed, read.fixed) == (-3, None, None)
    assert taken.fixed == taken.value({"x": 50})


def test_only_a_text_without_placeholders_is_kept_as_shown() -> None:
    content = content_of(make())
    event, move = content.events["count"], content.actions["push"]
    assert (event.shown_title, event.shown_text) == (None, "Plainly said.")
    assert (move.shown_title, move.shown_text) == ("Push", None)
    option = event.choices[0]
    assert (option.shown_label, option.shown_reason) == (None, "Because.")


def test_placeholders_are_filled_with_the_values_at_the_moment_of_the_dispatch() -> None:
    g = Game.new(make(), humans=["red"])
    played = g.play("red", "push")
    assert [(d.title, d.text) for d in played] == [("Push", "Red pushes to 10.")]  # before
    event, answer = (d for d in g.end_turn() if d.source == "count")
    assert (event.title, event.text) == ("X stands at 14", "Plainly said.")
    agreed = next(c for c in g.state.changes if c.cause.kind == "decision")
    assert (answer.text, answer.reason) == (f"Agree at {agreed.before}", "Because.")
    assert agreed.cause.title == f"X stands at 14 (Agree at {agreed.before})"


def test_a_commands_dispatches_are_those_it_added_to_the_games() -> None:
    g = Game.new(make(), humans=["red"])
    assert g._new == g.state.dispatches  # the first turn's news
    before = len(g.state.dispatches)
    played = g.play("red", "push")
    assert played == g.state.dispatches[before:] and [d.kind for d in played] == ["move"]
    before = len(g.state.dispatches)
    ended = g.end_turn()
    assert ended == g.state.dispatches[before:] and ended[0].kind == "news"
    assert g._new == ended


def test_the_series_are_the_values_at_each_turns_start_and_follow_new_turns() -> None:
    g = Game.new(make(), humans=["red"])
    assert g.state.series == {"x": [10]}
    g.play("red", "push")
    g.end_turn()
    started = g.state.env["x"] - sum(
        c.after - c.before for c in g.state.changes if c.turn == 2
    )  # x as turn 2 began, before its events
    assert g.state.series == {"x": [10, started]} == {"x": [10, 14]}
    g.end_turn()
    assert len(g.state.series["x"]) == 3 == g.state.turn
