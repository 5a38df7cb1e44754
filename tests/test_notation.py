"""The condition/effect notation: what parses, what it means, and what is refused."""

from __future__ import annotations

import pytest

from game.scenario.effects import Effect, parse_effect
from game.scenario.notation import (
    Names,
    NotationError,
    parse_condition,
    parse_number,
)

NAMES = Names(
    variables=frozenset({"trust", "pressure"}),
    flags=frozenset({"talks", "leak"}),
    events=frozenset({"arrival"}),
)
ENV = {
    "trust": 40,
    "pressure": 70,
    "talks": 1,
    "leak": 0,
    "turn": 5,
    "date": __import__("datetime").date(1939, 8, 1).toordinal(),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trust >= 40", True),
        ("trust > 40", False),
        ("trust >= 40 and not leak", True),
        ("leak or talks", True),
        ("not (leak or talks)", False),
        ("trust + pressure == 110", True),
        ("pressure - trust * 2 < 0", True),
        ("pressure / 3 == 23", True),
        ("pressure / 0 == 0", True),
        ("-trust < 0", True),
        ("turn >= 5 and date < 1939-08-23", True),
        ("date == 1939-08-01", True),
        ("talks == true", True),
        ("leak != false", False),
        ("", True),
        ("   ", True),
    ],
)
def test_conditions_evaluate(text: str, expected: bool) -> None:
    assert bool(parse_condition(text, NAMES)(ENV)) is expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("trust >= ", "ends too soon"),
        ("trust >> 3", "unexpected"),
        ("trust = 40", "use == to compare"),
        ("trust", "a number where a true/false is needed"),
        ("talks + 1 > 0", "arithmetic '+' on a true/false"),
        ("date > 40", "compares a date with a number"),
        ("talks < leak", "on true/false"),
        ("1 < trust < 50", "chained comparisons"),
        ("trus > 1", "did you mean 'trust'"),
        ("(trust > 1", "missing ')'"),
        ("trust > 1 && talks", "'&' is not an operator"),
        ("1939-02-30 < date", "is not a date"),
        ("trust > 1234567890", "too large"),
    ],
)
def test_bad_conditions_refused(text: str, fragment: str) -> None:
    with pytest.raises(NotationError) as caught:
        parse_condition(text, NAMES)
    assert fragment in caught.value.message + " " + caught.value.hint


@pytest.mark.parametrize(
    "attack",
    [
        "__import__('os').system('echo pwned')",
        "trust.__class__",
        "open('/etc/passwd')",
        "exec('1')",
        "eval('1')",
        "lambda: 1",
        "trust[0]",
        "[x for x in trust]",
        "talks if trust else leak",
        "__builtins__",
        "'a' == 'a'",
        "trust; import os",
        "globals()",
        "trust.real > 0",
        "f'{trust}'",
        "\\x41",
    ],
)
def test_injection_attempts_refused(attack: str) -> None:
    with pytest.raises(NotationError):
        parse_condition(attack, NAMES)
    with pytest.raises(NotationError):
        parse_effect(f"trust += {attack}", NAMES)


def test_effects_parse() -> None:
    assert parse_effect("set talks", NAMES).kind == "set"
    assert parse_effect("clear leak", NAMES).kind == "clear"
    add = parse_effect("trust += pressure / 10", NAMES)
    assert (add.kind, add.target, add.value(ENV)) == ("add", "trust", 7)
    sub = parse_effect("trust -= 5", NAMES)
    assert (sub.kind, sub.value(ENV)) == ("add", -5)
    assign = parse_effect("trust = 10 + turn", NAMES)
    assert (assign.kind, assign.value(ENV)) == ("assign", 15)
    sched = parse_effect("schedule arrival in 3", NAMES)
    assert (sched.kind, sched.target, sched.delay) == ("schedule", "arrival", 3)


def test_a_compiled_effect_is_the_dataclass_its_init_would_make() -> None:
    """`effect_of` sets an Effect's fields itself (fewer calls): the same fields, in order,
    an instance as equal, hashable and frozen as one its __init__ makes."""
    import dataclasses

    effect = parse_effect("trust -= 5", NAMES)
    assert list(vars(effect)) == [f.name for f in dataclasses.fields(Effect)]
    again = Effect(**vars(effect))
    assert again == effect and hash(again) == hash(effect)
    with pytest.raises(dataclasses.FrozenInstanceError):
        effect.target = "pressure"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("set trust", "is a variable"),
        ("talks += 1", "is a flag"),
        ("set", "needs a flag name"),
        ("set talks leak", "one flag per effect"),
        ("trust += talks", "true/false where a number is needed"),
        ("schedule arival in 2", "did you mean 'arrival'"),
        ("schedule arrival", "schedule EVENT in N"),
        ("schedule arrival in 0", "at least 1"),
        ("trust", "not an effect"),
        ("", "empty effect"),
        ("trustt += 1", "did you mean 'trust'"),
    ],
)
def test_bad_effects_refused(text: str, fragment: str) -> None:
    with pytest.raises(NotationError) as caught:
        parse_effect(text, NAMES)
    assert fragment in caught.value.message + " " + caught.value.hint


def test_numbers_and_weights() -> None:
    assert parse_number(7, NAMES)(ENV) == 7
    assert parse_number("trust / 2 + 1", NAMES)(ENV) == 21
    with pytest.raises(NotationError):
        parse_number("trust > 2", NAMES)


def test_error_column_points_at_the_mistake() -> None:
    with pytest.raises(NotationError) as caught:
        parse_condition("trust > 1 and os.system(1)", NAMES)
    assert caught.value.column == len("trust > 1 and os") + 1


def test_decimals_are_refused_with_their_own_message() -> None:
    with pytest.raises(NotationError, match="7.5: whole numbers only"):
        parse_condition("trust >= 7.5", NAMES)


def test_turn_and_date_cannot_be_changed_by_effects() -> None:
    with pytest.raises(NotationError, match="'turn' is kept by the game"):
        parse_effect("turn = 3", NAMES)


# -- format 2 ---------------------------------------------------------------------------------

V2 = Names(
    variables=frozenset({"trust", "pressure"}),
    flags=frozenset({"talks", "leak"}),
    events=frozenset({"arrival"}),
    actions=frozenset({"press_warsaw"}),
    powers=frozenset({"britain", "soviet"}),
)
V1 = Names(variables=V2.variables, flags=V2.flags, events=V2.events, version=1)


def test_v2_numbers_min_max_and_use_counters() -> None:
    env = {**ENV, "uses.press_warsaw": 4}
    assert parse_number("min(trust, 30) + max(1, pressure - 100)", V2)(env) == 31
    assert parse_condition("uses.press_warsaw >= 4 and min(trust, pressure) == 40", V2)(env)


def test_v2_effects_parse() -> None:
    drawn = parse_effect("trust -= 3..8", V2)
    assert (drawn.kind, drawn.value(ENV), drawn.high and drawn.high(ENV)) == ("add", -8, -3)
    cond = parse_effect("if talks and trust > 30 then pressure += 2", V2)
    assert cond.kind == "if" and cond.when and cond.when(ENV) and cond.then
    assert (cond.then.kind, cond.then.target, cond.then.value(ENV)) == ("add", "pressure", 2)
    assert cond.reads == {"talks", "trust"}
    moves = parse_effect("moves britain -= 1", V2)
    assert (moves.kind, moves.target, moves.value(ENV), moves.assign) == (
        "moves",
        "britain",
        -1,
        False,
    )
    reveal = parse_effect("reveal pressure to soviet within 5", V2)
    assert (reveal.kind, reveal.target, reveal.power, reveal.value(ENV)) == (
        "reveal",
        "pressure",
        "soviet",
        5,
    )
    mislead = parse_effect("mislead pressure to britain by -10", V2)
    assert (mislead.kind, mislead.value(ENV)) == ("mislead", -10)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("uses.press_warsav > 1", "did you mean 'press_warsaw'"),
        ("min(trust) > 1", "takes two numbers"),
        ("max(trust, 1, 2) > 1", "exactly two numbers"),
        ("min(talks, 1) > 0", "on a true/false"),
        ("trust > 1, 2", "only allowed in min(a, b)"),
        ("trust > 1..3", "belongs in effects"),
        ("abs(trust) > 1", "calls are not allowed"),
        ("trust.x > 1", "attribute access"),
    ],
)
def test_bad_v2_conditions_refused(text: str, fragment: str) -> None:
    with pytest.raises(NotationError) as caught:
        parse_condition(text, V2)
    assert fragment in caught.value.message + " " + caught.value.hint


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("if talks set leak", "'if' without 'then'"),
        ("if trust then set leak", "a number where a true/false is needed"),
        ("if talks then set trust", "is a variable"),
        ("moves germany += 1", "unknown power 'germany'"),
        ("moves britain > 1", "write 'moves POWER += N'"),
        ("reveal trust to soviet by 5", "reveal VARIABLE to POWER within N"),
        ("reveal talks to soviet within 5", "unknown variable 'talks'"),
        ("mislead trust to sovet by 5", "did you mean 'soviet'"),
        ("trust += 1..talks", "true/false where a number is needed"),
    ],
)
def test_bad_v2_effects_refused(text: str, fragment: str) -> None:
    with pytest.raises(NotationError) as caught:
        parse_effect(text, V2)
    assert fragment in caught.value.message + " " + caught.value.hint


@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("min(trust, 1) > 0", False),
        ("trust -= 1..3", True),
        ("if talks then set leak", True),
    ],
)
def test_the_v2_notation_needs_format_2(text: str, effect: bool) -> None:
    with pytest.raises(NotationError, match="needs format 2"):
        (parse_effect if effect else parse_condition)(text, V1)
