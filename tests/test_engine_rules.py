"""Engine rule cases, one test per rule, in the manner of the DATC for Diplomacy.

Each case builds the smallest scenario that shows the rule, plays it, and checks the
result. Case numbers are stable: cite them when a rule changes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from game.engine import Game, GameError
from game.scenario import Scenario, load_text

HEAD = """
format = 1
id = "rules"
title = "Rule cases"
start = 1939-03-01
end = 1939-03-29
[[sources]]
key = "T"
title = "Test"
[[powers]]
id = "red"
name = "Red"
playable = true
moves_per_turn = 2
[[powers]]
id = "blue"
name = "Blue"
playable = true
moves_per_turn = 1
[[powers]]
id = "grey"
name = "Grey"
[[variables]]
id = "x"
label = "X"
min = 0
max = 10
start = 5
[[variables]]
id = "secret_x"
label = "Secret X"
start = 1
seen_by = ["red"]
[[flags]]
id = "a"
label = "A"
[[flags]]
id = "b"
label = "B"
[[calendar]]
date = 1939-03-01
title = "One"
[[calendar]]
date = 1939-03-08
title = "Two"
[[calendar]]
date = 1939-03-15
title = "Three"
[[calendar]]
date = 1939-03-22
title = "Four"
"""
FALLBACK = """
[[endings]]
id = "fallback"
title = "Time runs out"
epilogue = "Nothing."
scores = { red = 1, blue = 2 }
"""


def make(body: str, endings: str = "") -> Scenario:
    return load_text(HEAD + body + endings + FALLBACK, "rules.toml")


def turns_fired(game: Game, event: str) -> list[int]:
    return [d.turn for d in game.state.dispatches if d.kind == "event" and d.source == event]


def run_out(game: Game) -> None:
    while not game.over:
        game.end_turn()


# -- 1. Events -----------------------------------------------------------------------------


def test_1_1_dated_event_fires_in_the_turn_containing_its_date() -> None:
    g = Game.new(make('[[events]]\nid = "e"\ntitle = "E"\ntext = "t"\ndate = 1939-03-10\n'))
    run_out(g)
    assert turns_fired(g, "e") == [2]


def test_1_2_dated_event_whose_condition_fails_does_not_fire() -> None:
    g = Game.new(
        make('[[events]]\nid = "e"\ntitle = "E"\ntext = "t"\ndate = 1939-03-10\nwhen = "x > 5"\n')
    )
    run_out(g)
    assert turns_fired(g, "e") == []


def test_1_3_until_keeps_trying_until_the_condition_holds() -> None:
    body = (
        '[[events]]\nid = "e"\ntitle = "E"\ntext = "t"\ndate = 1939-03-01\n'
        'until = 1939-03-22\nwhen = "turn >= 3"\n'
    )
    g = Game.new(make(body))
    run_out(g)
    assert turns_fired(g, "e") == [3]


def test_1_4_undated_event_fires_once_when_its_condition_first_holds() -> None:
    body = '[[events]]\nid = "e"\ntitle = "E"\ntext = "t"\nwhen = "turn >= 2"\n'
    g = Game.new(make(body))
    run_out(g)
    assert turns_fired(g, "e") == [2]


def test_1_5_repeat_event_fires_every_turn_its_condition_holds() -> None:
    body = (
        '[[events]]\nid = "e"\ntitle = "E"\ntext = "t"\nwhen = "turn >= 2"\nrepeat = true\n'
        'effects = ["x += 1"]\n'
    )
    g = Game.new(make(body))
    run_out(g)
    assert turns_fired(g, "e") == [2, 3, 4]
    assert g.state.env["x"] == 8


def test_1_6_scheduled_event_fires_only_when_scheduled_n_turns_on() -> None:
    body = (
        '[[events]]\nid = "later"\ntitle = "L"\ntext = "t"\n'
        '[[actions]]\nid = "go"\nby = "red"\ntitle = "Go"\neffects = ["schedule later in 2"]\n'
    )
    g = Game.new(make(body), humans=["red"])
    g.end_turn()
    assert turns_fired(g, "later") == []
    g.play("red", "go")  # turn 2
    run_out(g)
    assert turns_fired(g, "later") == [4]


def test_1_7_event_choice_for_a_person_waits_for_a_decision() -> None:
    body = (
        '[[events]]\nid = "e"\ntitle = "E"\ntext = "t"\ndate = 1939-03-08\nchoice_by = "red"\n'
        'prompt = "Which?"\nchoices = [{ id = "up", label = "Up", effects = ["x += 3"] },'
        ' { id = "down", label = "Down", historical = true, effects = ["x -= 3"] }]\n'
    )
    g = Game.new(make(body), humans=["red"])
    g.end_turn()
    (d,) = g.decisions("red")
    assert [c.id for c in g.choices(d)] == ["up", "down"]
    with pytest.raises(GameError, match="must first answer"):
        g.end_turn()
    g.decide("red", d.id, "up")
    assert g.state.env["x"] == 8


def test_1_8_event_choice_for_a_computer_power_takes_the_historical_option() -> None:
    body = (
        '[[events]]\nid = "e"\ntitle = "E"\ntext = "t"\ndate = 1939-03-08\nchoice_by = "red"\n'
        'choices = [{ id = "up", label = "Up", weight = 100, effects = ["x += 3"] },'
        ' { id = "down", label = "Down", historical = true, effects = ["x -= 3"] }]\n'
    )
    for seed in range(20):
        g = Game.new(make(body), seed=seed)
        g.end_turn()
        assert g.state.env["x"] == 2


def test_1_9_event_seen_by_is_private() -> None:
    body = '[[events]]\nid = "e"\ntitle = "E"\ntext = "t"\ndate = 1939-03-01\nseen_by = ["red"]\n'
    g = Game.new(make(body), humans=["red", "blue"])
    assert [d.source for d in g.dispatches("red") if d.kind == "event"] == ["e"]
    assert [d.source for d in g.dispatches("blue") if d.kind == "event"] == []


# -- 2. Variables ---------------------------------------------------------------------------


def test_2_1_variables_clamp_to_their_bounds() -> None:
    body = (
        '[[actions]]\nid = "big"\nby = "red"\ntitle = "Big"\neffects = ["x += 100"]\n'
        '[[actions]]\nid = "small"\nby = "red"\ntitle = "Small"\neffects = ["x -= 100"]\n'
    )
    g = Game.new(make(body), humans=["red"])
    g.play("red", "big")
    assert g.state.env["x"] == 10
    g.play("red", "small")
    assert g.state.env["x"] == 0


def test_2_2_drift_is_added_at_each_end_of_turn() -> None:
    sc = load_text((HEAD + FALLBACK).replace("start = 5", "start = 5\ndrift = -2"), "rules.toml")
    g = Game.new(sc)
    g.end_turn()
    g.end_turn()
    assert g.state.env["x"] == 1
    assert g.state.series["x"] == [5, 3, 1]


def test_2_3_hidden_variables_are_not_shown_to_other_powers() -> None:
    body = (
        '[[actions]]\nid = "spy"\nby = "blue"\ntitle = "Spy"\neffects = ["secret_x += 1", '
        '"x += 1"]\n'
    )
    g = Game.new(make(body), humans=["red", "blue"])
    assert [v[0] for v in g.variables("blue")] == ["x"]
    assert [v[0] for v in g.variables("red")] == ["x", "secret_x"]
    (move,) = g.moves("blue")
    assert "Secret" not in move.preview and "X +1" in move.preview


# -- 3. Moves -------------------------------------------------------------------------------

MOVES = """
[[actions]]
id = "cheap"
by = "red"
title = "Cheap"
once = false
effects = ["x += 1"]
[[actions]]
id = "dear"
by = "red"
title = "Dear"
cost = 2
[[actions]]
id = "late"
by = "red"
title = "Late"
after = 1939-03-15
until = 1939-03-21
[[actions]]
id = "gated"
by = "red"
title = "Gated"
when = "a"
[[actions]]
id = "set_a"
by = "blue"
title = "Set A"
effects = ["set a"]
"""


def test_3_1_budget_limits_moves_per_turn_and_resets() -> None:
    g = Game.new(make(MOVES), humans=["red", "blue"])
    g.play("red", "cheap")
    g.play("red", "cheap")
    with pytest.raises(GameError, match="has 0 left"):
        g.play("red", "cheap")
    g.end_turn()
    assert g.budget("red") == 2


def test_3_2_cost_is_charged() -> None:
    g = Game.new(make(MOVES), humans=["red"])
    g.play("red", "cheap")
    with pytest.raises(GameError, match="costs 2"):
        g.play("red", "dear")


def test_3_3_once_moves_are_made_once() -> None:
    g = Game.new(make(MOVES), humans=["red"])
    g.play("red", "dear")
    g.end_turn()
    assert "dear" not in [m.id for m in g.moves("red")]
    with pytest.raises(GameError, match="not open"):
        g.play("red", "dear")


def test_3_4_after_and_until_bound_a_move_in_time() -> None:
    g = Game.new(make(MOVES), humans=["red"])
    opened = []
    while not g.over:
        opened.append("late" in [m.id for m in g.moves("red")])
        g.end_turn()
    assert opened == [False, False, True, False]


def test_3_5_conditions_open_moves() -> None:
    g = Game.new(make(MOVES), humans=["red", "blue"])
    assert "gated" not in [m.id for m in g.moves("red")]
    g.play("blue", "set_a")
    assert "gated" in [m.id for m in g.moves("red")]


def test_3_6_illegal_commands_raise_and_change_nothing() -> None:
    g = Game.new(make(MOVES), humans=["red"])
    before = (dict(g.state.env), len(g.state.log), len(g.state.dispatches), g.budget("red"))
    for call, pattern in [
        (lambda: g.play("red", "nope"), "has no move"),
        (lambda: g.play("blue", "set_a"), "not played by a person"),
        (lambda: g.play("green", "cheap"), "not a power"),
        (lambda: g.play("red", "gated"), "not open"),
        (lambda: g.play("red", "set_a"), "has no move"),
        (lambda: g.decide("red", "q9", "x"), "no question"),
    ]:
        with pytest.raises(GameError, match=pattern):
            call()
    assert before == (dict(g.state.env), len(g.state.log), len(g.state.dispatches), g.budget("red"))


def test_3_7_nothing_is_allowed_once_the_game_is_over() -> None:
    g = Game.new(make(MOVES), humans=["red"])
    run_out(g)
    with pytest.raises(GameError, match="over"):
        g.play("red", "cheap")
    with pytest.raises(GameError, match="over"):
        g.end_turn()
    assert g.moves("red") == []


def test_3_8_secret_moves_are_heard_only_by_mover_and_addressees() -> None:
    body = (
        '[[actions]]\nid = "whisper"\nby = "red"\nto = ["grey"]\ntitle = "Whisper"\nsecret = true\n'
    )
    g = Game.new(make(body), humans=["red", "blue"])
    g.play("red", "whisper")
    assert "whisper" in [d.source for d in g.dispatches("red")]
    assert "whisper" not in [d.source for d in g.dispatches("blue")]


def test_3_9_unplayable_powers_cannot_be_taken() -> None:
    with pytest.raises(GameError, match="cannot be played"):
        Game.new(make(MOVES), humans=["grey"])
    with pytest.raises(GameError, match="not a power"):
        Game.new(make(MOVES), humans=["green"])
    with pytest.raises(GameError, match="only one player"):
        Game.new(make(MOVES), humans=["red", "red"])


# -- 4. Replies -----------------------------------------------------------------------------

REPLY = """
[[actions]]
id = "ask"
by = "red"
to = ["blue"]
title = "Ask"
  [[actions.replies]]
  by = "blue"
  delay = {delay}
  options = [
    {{ id = "yes", label = "Yes", when = "x >= 7", effects = ["set a"] }},
    {{ id = "maybe", label = "Maybe", historical = true, effects = ["set b"] }},
  ]
"""


def test_4_1_computer_reply_arrives_after_its_delay() -> None:
    g = Game.new(make(REPLY.format(delay=1)), humans=["red"])
    g.play("red", "ask")
    g.end_turn()
    assert not g.state.env["b"]
    g.end_turn()
    assert g.state.env["b"]
    assert [d.turn for d in g.state.dispatches if d.kind == "reply"] == [2]


def test_4_2_reply_due_this_turn_is_asked_before_the_turn_closes() -> None:
    """Timing parity: a person answers in the turn a computer power's answer would resolve.
    A reply due in the turn of the move stops `end_turn` before the turn closes (`closing`);
    no more moves are open; the person answers; `end_turn` again closes the turn."""
    g = Game.new(make(REPLY.format(delay=0)), humans=["red", "blue"])
    g.play("red", "ask")
    assert g.decisions("blue") == []
    g.end_turn()
    (d,) = g.decisions("blue")
    assert d.turn == 1 and d.sender == "red" and g.closing and g.state.turn == 1
    assert g.moves("red") == []
    with pytest.raises(GameError, match="moves are made"):
        g.play("red", "ask")
    assert [c.id for c in g.choices(d)] == ["maybe"]  # "yes" needs x >= 7
    g.decide("blue", d.id, "maybe")
    g.end_turn()
    assert g.state.turn == 2 and not g.closing and g.state.env["b"]
    assert [c.verb for c in g.state.log] == ["play", "end_turn", "decide", "end_turn"]
    again = Game.replay(g.scenario, g.humans, g.seed, g.state.log)
    assert again.state.env == g.state.env


def test_4_3_options_open_by_their_conditions() -> None:
    g = Game.new(make(REPLY.format(delay=0)), humans=["red", "blue"])
    g.play("red", "ask")
    g.end_turn()
    (d,) = g.decisions("blue")
    with pytest.raises(GameError, match="'Yes' is closed \\(needs X ≥ 7 — now 5\\)"):
        g.decide("blue", d.id, "yes")
    g.state.env["x"] = 7  # as if some move had raised it
    g.decide("blue", d.id, "yes")
    assert g.state.env["a"]


def test_4_4_the_last_option_stands_when_none_is_open() -> None:
    body = REPLY.format(delay=0).replace("historical = true, effects", 'when = "x > 8", effects')
    g = Game.new(make(body), humans=["red", "blue"])
    g.play("red", "ask")
    g.end_turn()
    (d,) = g.decisions("blue")
    assert [c.id for c in g.choices(d)] == ["maybe"]


def test_4_5_computer_off_the_path_answers_by_weight() -> None:
    body = REPLY.format(delay=0).replace('when = "x >= 7", ', "weight = 1, ")
    answers = set()
    for seed in range(30):
        g = Game.new(make(body), humans=["red"], policy="random", seed=seed)
        g.play("red", "ask")
        g.end_turn()
        answers.add((g.state.env["a"], g.state.env["b"]))
    assert answers == {(1, 0), (0, 1)}


# -- 5. Computer-played powers --------------------------------------------------------------

PATH = """
[[actions]]
id = "step_one"
by = "red"
title = "Step one"
effects = ["x += 1"]
[[actions]]
id = "step_two"
by = "red"
title = "Step two"
when = "not b"
effects = ["x += 1"]
[[actions]]
id = "wander"
by = "red"
title = "Wander"
once = false
weight = 5
effects = ["set a"]
[[actions]]
id = "block"
by = "blue"
title = "Block"
effects = ["set b"]
[[historical_path]]
date = 1939-03-01
power = "red"
action = "step_one"
[[historical_path]]
date = 1939-03-08
power = "red"
action = "step_two"
"""


def test_5_1_computer_power_follows_the_historical_path() -> None:
    for seed in range(10):
        g = Game.new(make(PATH), seed=seed)
        run_out(g)
        assert g.state.env["x"] == 7
        assert not g.state.env["a"], "no wandering while on the path"


def test_5_2_a_blocked_step_takes_the_power_off_the_path() -> None:
    wandered = 0
    for seed in range(10):
        g = Game.new(make(PATH), humans=["blue"], seed=seed)
        g.play("blue", "block")
        run_out(g)
        assert "red" in g.state.off_path
        assert g.state.env["x"] == 6
        wandered += g.state.env["a"]
    assert wandered > 0


def test_5_3_random_policy_ignores_the_path() -> None:
    g = Game.new(make(PATH), policy="random", seed=1)
    run_out(g)
    assert g.state.env["a"] == 1


def test_5_4_policy_can_be_set_power_by_power() -> None:
    g = Game.new(make(PATH), policy={"red": "historical"}, seed=1)
    run_out(g)
    assert g.state.env["x"] == 7 and not g.state.env["a"]
    with pytest.raises(GameError, match="unknown policy"):
        Game.new(make(PATH), policy="clever")


# -- 6. Endings -----------------------------------------------------------------------------

ENDINGS = """
[[actions]]
id = "win"
by = "red"
title = "Win"
effects = ["set a", "set b"]
"""
ENDING_A = """
[[endings]]
id = "first"
title = "First"
when = "a"
epilogue = "A."
scores = { red = "x * 10", blue = "x * 30" }
[[endings]]
id = "second"
title = "Second"
when = "b"
epilogue = "B."
[[endings]]
id = "late"
title = "Late"
when = "x >= 0"
final = true
epilogue = "L."
"""


def test_6_1_the_first_ending_in_file_order_wins_at_once() -> None:
    g = Game.new(make(ENDINGS, ENDING_A), humans=["red"])
    g.play("red", "win")
    assert g.ending is not None and g.ending.ending == "first"
    assert g.ending.turn == 1 and g.ending.date == dt.date(1939, 3, 1)


def test_6_2_scores_are_evaluated_and_clamped() -> None:
    g = Game.new(make(ENDINGS, ENDING_A), humans=["red"])
    g.play("red", "win")
    assert g.ending is not None and g.ending.scores == {"red": 50, "blue": 100}


def test_6_3_final_endings_wait_for_the_end_of_the_calendar() -> None:
    g = Game.new(make("", ENDING_A))
    g.end_turn()
    assert not g.over
    run_out(g)
    assert g.ending is not None and g.ending.ending == "late"
    assert g.ending.date == dt.date(1939, 3, 29) and g.ending.turn == 4


def test_6_4_fallback_ends_every_game_at_the_end_of_the_calendar() -> None:
    g = Game.new(make(""))
    run_out(g)
    assert g.ending is not None and g.ending.ending == "fallback"
    assert len([c for c in g.state.log if c.verb == "end_turn"]) == 4


def test_6_5_an_ending_during_events_stops_the_game_before_moves() -> None:
    body = (
        '[[events]]\nid = "boom"\ntitle = "Boom"\ntext = "t"\ndate = 1939-03-08\n'
        'effects = ["set a"]\n'
    )
    g = Game.new(make(body, ENDING_A), humans=["red"])
    g.end_turn()
    assert g.ending is not None and g.ending.ending == "first" and g.ending.turn == 2
    assert g.moves("red") == []


# -- 7. Determinism and replay --------------------------------------------------------------


def test_7_1_replaying_the_log_gives_the_same_game() -> None:
    sc = make(REPLY.format(delay=0) + PATH)
    g = Game.new(sc, humans=["blue"], seed=5, policy="random")
    while not g.over:
        for d in g.decisions("blue"):
            g.decide("blue", d.id, g.choices(d)[-1].id)
        if not g.over:
            g.end_turn()
    again = Game.replay(sc, ["blue"], 5, g.state.log, policy="random")
    assert again.state.env == g.state.env
    assert again.state.dispatches == g.state.dispatches
    assert again.ending == g.ending


def test_7_2_a_tampered_log_is_refused() -> None:
    from game.engine import Command

    sc = make(MOVES)
    with pytest.raises(GameError, match="command 1"):
        Game.replay(sc, ["red"], 1, [Command(1, "red", "play", ("nope",))])
    with pytest.raises(GameError, match="turn"):
        Game.replay(sc, ["red"], 1, [Command(3, "red", "play", ("cheap",))])


def test_2_4_previews_give_numbers_valued_in_the_current_state() -> None:
    body = '[[actions]]\nid = "half"\nby = "red"\ntitle = "Half"\neffects = ["x -= x / 2"]\n'
    g = Game.new(make(body), humans=["red"])
    (move,) = g.moves("red")
    assert move.preview == "X -2"


def test_7_3_undo_takes_back_the_last_command_in_place() -> None:
    g = Game.new(make(MOVES), humans=["red", "blue"])
    g.play("red", "cheap")
    g.play("blue", "set_a")
    g.undo()
    assert [c.args for c in g.state.log] == [("cheap",)] and not g.state.env["a"]
    assert g.budget("blue") == 1
    g.end_turn()
    with pytest.raises(GameError, match="nothing to take back"):
        g.undo()


def test_1_10_an_event_dispatch_carries_the_event_s_own_date() -> None:
    g = Game.new(make('[[events]]\nid = "e"\ntitle = "E"\ntext = "t"\ndate = 1939-03-10\n'))
    g.end_turn()
    (event,) = [d for d in g.state.dispatches if d.kind == "event"]
    assert event.turn == 2 and event.date == dt.date(1939, 3, 10)
