"""The engine looks again only at what may have changed (`game.engine.watch`): undated
events and open-ended moves sleep while the part of their condition that failed reads the
same values, and wake the moment one of those names changes; moves with an end date sleep
the same way, and are listed only in the turns their window covers. None of it may change
a game (the golden tests); these cases pin the orders and moments where a lazy index could
go wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Game
from game.engine.content import content_of
from game.engine.watch import watch_of, window_of
from game.scenario import Scenario, load_scenario, load_text

ROOT = Path(__file__).resolve().parent.parent

HEAD = """
format = 2
id = "watch"
title = "Watch cases"
start = 1939-03-01
end = 1939-03-28
[[powers]]
id = "red"
name = "Red"
playable = true
moves_per_turn = 2
[[powers]]
id = "blue"
name = "Blue"
moves_per_turn = 1
[[variables]]
id = "x"
label = "X"
start = 0
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
[[endings]]
id = "end"
title = "The end"
epilogue = "It ends."
scores = { red = "x", blue = 0 }
"""


def make(body: str) -> Scenario:
    return load_text(HEAD + body, "watch.toml")


def events_by_turn(g: Game) -> list[tuple[int, str]]:
    return [(d.turn, d.source) for d in g.state.dispatches if d.kind == "event"]


def test_an_event_woken_by_one_before_it_in_the_file_comes_the_same_turn() -> None:
    sc = make(
        """
[[events]]
id = "second_first"
title = "Needs B"
text = "."
when = "b and x >= 1"
[[events]]
id = "sets_b"
title = "Sets B"
text = "."
when = "turn >= 2"
effects = ["set b"]
[[events]]
id = "after_b"
title = "After B"
text = "."
when = "b"
effects = ["x += 1"]
"""
    )
    g = Game.new(sc, humans=["red"])
    while not g.over:
        g.end_turn()
    # after_b follows sets_b in the file: the same turn; second_first comes before it,
    # so it is looked at again only the turn after, once x has changed.
    assert events_by_turn(g) == [(2, "sets_b"), (2, "after_b"), (3, "second_first")]


def test_a_sleeping_event_wakes_when_a_move_changes_what_failed() -> None:
    sc = make(
        """
[[events]]
id = "rises"
title = "X has risen"
text = "."
when = "not a and x >= 2"
effects = ["set a"]
[[actions]]
id = "raise"
by = "red"
title = "Raise X"
cooldown = 0
max_uses = 9
effects = ["x += 1"]
"""
    )
    g = Game.new(sc, humans=["red"])
    g.play("red", "raise")
    g.end_turn()
    assert events_by_turn(g) == []  # x is 1: asleep on 'x >= 2'
    g.play("red", "raise")
    g.end_turn()
    assert events_by_turn(g) == [(3, "rises")]


DOOR = """
[[actions]]
id = "open_door"
by = "blue"
title = "Open the door"
after = 1939-03-08
effects = ["set b"]
[[actions]]
id = "walk_through"
by = "blue"
title = "Walk through"
{window}when = "b"
effects = ["x += 5"]
"""


def door_game(window: str = "", more: str = "") -> Game:
    """Blue, two moves a turn and never passing: a door that opens in week 2, and a move
    through it (in `window`) that only the open door makes possible."""
    blue = 'id = "blue"\nname = "Blue"\nmoves_per_turn = 1'
    head = HEAD.replace(blue, blue.replace("= 1", "= 2") + "\npass_weight = 0")
    body = DOOR.format(window=window) + more
    return Game.new(load_text(head + body, "watch.toml"), humans=["red"], policy="weighted")


def blue_moves(g: Game) -> list[tuple[int, str]]:
    return [(d.turn, d.source) for d in g.state.dispatches if d.kind == "move"]


def test_an_open_ended_move_opened_by_a_move_is_drawn_in_the_same_turn() -> None:
    g = door_game()
    g.end_turn()  # nothing open: walk_through, found closed, sleeps on 'b'
    g.end_turn()  # open_door wakes it in the middle of Blue's moves
    assert blue_moves(g) == [(2, "open_door"), (2, "walk_through")]


def test_a_move_with_an_end_date_sleeps_and_wakes_as_an_open_ended_one() -> None:
    never = '[[actions]]\nid = "never"\nby = "blue"\ntitle = "Never drawn"\nweight = 0\n'
    g = door_game("after = 1939-03-01\nuntil = 1939-03-20\n", never + 'effects = ["x += 100"]\n')
    g.end_turn()  # walk_through, found closed in its window, sleeps on 'b'
    sleep = g.state.sleep
    assert sleep is not None and "walk_through" not in sleep.moves["blue"]
    g.end_turn()  # open_door wakes it in the middle of Blue's moves
    assert blue_moves(g) == [(2, "open_door"), (2, "walk_through")]  # weight 0: never


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.toml")), ids=lambda p: p.stem)
def test_the_moves_listed_for_a_turn_are_those_its_date_allows(path: Path) -> None:
    content = content_of(load_scenario(path))
    watch = watch_of(content)
    for power, actions in content.by_power.items():
        for turn, day in enumerate(content.turn_dates, 1):
            expected = [ca for ca in actions if ca.after <= day <= ca.until]
            assert window_of(watch, power, turn, day) == expected


def test_a_planners_copy_wakes_what_sleeps_on_a_value_it_draws_again() -> None:
    from game.engine.policies.rollout import fork_for

    hidden = HEAD.replace(
        '[[flags]]\nid = "a"',
        '[[variables]]\nid = "h"\nlabel = "H"\nstart = [0, 9]\n'
        'seen_by = ["blue"]\n[[flags]]\nid = "a"',
    )
    body = """
[[events]]
id = "on_hidden"
title = "H is high"
text = "."
when = "h >= 100"
[[events]]
id = "on_seen"
title = "X is high"
text = "."
when = "x >= 100"
"""
    g = Game.new(load_text(hidden + body, "watch.toml"), humans=["red"])
    sleep = g.state.sleep
    assert sleep is not None and not sleep.events  # both false: asleep
    copy = fork_for(g, "red", seed=1).state.sleep
    assert copy is not None and copy.events == {"on_hidden"}
    assert not sleep.events  # the game's own is untouched
