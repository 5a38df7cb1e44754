"""Effects in their flat form (`game.engine.ops`): what each kind of effect becomes."""

from __future__ import annotations

from game.engine.ops import Ops, op_of
from game.scenario.effects import Effect

BOUNDS = {"tension": (0, 100)}


def test_known_amounts_are_added_or_given_within_bounds() -> None:
    add = Effect("add", "tension", fixed=5)
    assert op_of(add, BOUNDS)[:5] == ("+", "tension", 5, 0, 100)
    assert op_of(Effect("assign", "tension", fixed=140), BOUNDS)[:3] == ("=", "tension", 100)
    assert op_of(Effect("assign", "tension", fixed=-3), BOUNDS)[:3] == ("=", "tension", 0)


def test_flags_are_given_one_or_nought() -> None:
    assert op_of(Effect("set", "alarm"), BOUNDS)[:3] == ("=", "alarm", 1)
    assert op_of(Effect("clear", "alarm"), BOUNDS)[:3] == ("=", "alarm", 0)


def test_amounts_valued_in_play_keep_their_effect() -> None:
    drawn = Effect("add", "tension", high=lambda env: 9)
    op = op_of(drawn, BOUNDS)
    assert op[0] == "+~" and op[5] is drawn
    assert op_of(Effect("assign", "tension"), BOUNDS)[0] == "=~"
    assert op_of(Effect("schedule", "crisis", delay=2), BOUNDS)[0] == "schedule"


def test_a_guarded_effect_is_made_flat_with_its_guard() -> None:
    then = Effect("add", "tension", fixed=2)
    guard = Effect("if", "tension", when=lambda env: 1, then=then)
    ops = Ops(BOUNDS)
    assert [op[0] for op in ops.of((guard,))] == ["if"]
    assert ops.nested[id(guard)] == (op_of(then, BOUNDS),)
