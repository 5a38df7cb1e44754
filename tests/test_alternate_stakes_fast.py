"""The Western stakes of the fast mission: what a senior envoy, an official who drafts and a
French plan of operations are worth turns on Stalin's drawn line, which London and Paris can
only estimate; Doumenc's own powers to sign are worth something when London withholds
them. Each test fails if its stake is removed."""

from __future__ import annotations

import pytest

from game.engine import Game

from .stakes import game, played, scenario

LINES = (35, 50, 65)
"""Stalin's drawn line: collective security, waiting on events, leaning to Berlin."""


def gains(name: str, power: str, move: str, line: int) -> int:
    key = f"{'british' if power == 'britain' else 'french'}_gains"
    return played(name, power, move, stalin_line=line, **{key: 30})[key]


@pytest.mark.parametrize(
    ("move", "expected", "base"),
    [
        ("send_halifax", [20, 0, -16], [12, 0, -10]),
        ("send_eden", [16, 0, -14], [10, 0, -10]),
    ],
)
def test_a_senior_envoy_pays_only_with_a_stalin_of_collective_security(
    move: str, expected: list[int], base: list[int]
) -> None:
    """The same wager as the record's, dearer where the mission is the game's hinge."""
    assert [gains("fast_mission", "britain", move, v) for v in LINES] == expected
    assert [gains("moscow_1939", "britain", move, v) for v in LINES] == base


def test_an_official_who_drafts_pays_only_with_a_stalin_who_leans_to_berlin() -> None:
    assert [gains("fast_mission", "britain", "send_strang", v) for v in LINES] == [-8, 0, 12]
    assert [gains("moscow_1939", "britain", "send_strang", v) for v in LINES] == [0, 0, 0]


def test_the_french_plan_of_operations_pays_only_with_a_stalin_of_collective_security() -> None:
    assert [gains("fast_mission", "france", "present_french_plan", v) for v in LINES] == [
        29,
        3,
        -17,
    ]
    assert [gains("moscow_1939", "france", "present_french_plan", v) for v in LINES] == [3, 3, 3]
    # Laid before a Stalin who leans to Berlin, the plan costs the Chamber's confidence too.
    confidence = [
        played("fast_mission", "france", "present_french_plan", stalin_line=v)["chamber_confidence"]
        for v in LINES
    ]
    assert confidence == [0, 0, -6]


def test_doumenc_with_powers_to_sign_is_worth_more_than_in_the_record() -> None:
    fast = played("fast_mission", "france", "authorise_doumenc", french_gains=30, stalin_line=50)
    main = played("moscow_1939", "france", "authorise_doumenc", french_gains=30, stalin_line=50)
    assert (fast["french_gains"], fast["military_progress"]) == (16, 10)
    assert (main["french_gains"], main["military_progress"]) == (3, 5)


def test_doumenc_powers_to_sign_buy_nothing_from_a_stalin_who_leans_to_berlin() -> None:
    assert [gains("fast_mission", "france", "authorise_doumenc", v) for v in LINES] == [16, 16, 2]
    assert [gains("moscow_1939", "france", "authorise_doumenc", v) for v in LINES] == [3, 3, 3]


def test_a_one_sided_draft_costs_only_with_a_stalin_of_collective_security() -> None:
    assert [gains("fast_mission", "britain", "british_draft_may", v) for v in LINES] == [-6, 0, 14]
    assert [gains("moscow_1939", "britain", "british_draft_may", v) for v in LINES] == [0, 0, 0]


def test_doumenc_alone_by_air_pays_only_with_a_stalin_of_collective_security() -> None:
    assert [gains("fast_mission", "france", "doumenc_by_air", v) for v in LINES] == [18, -4, -14]
    assert [gains("moscow_1939", "france", "doumenc_by_air", v) for v in LINES] == [2, 2, 2]
    # Sent for nothing, the general costs Daladier's majority as well.
    confidence = [
        played("fast_mission", "france", "doumenc_by_air", stalin_line=v)["chamber_confidence"]
        for v in LINES
    ]
    assert confidence == [-3, -8, -8]


def warned(name: str, hitler_turn: int, times: int = 1) -> int:
    g = Game.new(scenario(name), humans=("france",), seed=0, policy="historical")
    g.state.env.update(french_gains=30, hitler_turn=hitler_turn, german_prestige=40)
    for _ in range(times):
        g._play("france", g.content.actions["french_warning"])
    return g.state.env["french_gains"] - 30


def test_the_first_french_warning_counts_only_before_a_hitler_in_a_hurry() -> None:
    # Read before the note itself delays the date: a Hitler of turn 21 is still in a hurry.
    # A Hitler who can wait, from turn 22, makes the note premature.
    assert [warned("fast_mission", t) for t in (20, 21, 22, 23)] == [4, 4, -8, -8]
    # Only the first note is staked.
    assert [warned("fast_mission", t, 2) for t in (20, 21, 22, 23)] == [4, 4, -8, -8]
    assert [warned("moscow_1939", t) for t in (20, 21, 22, 23)] == [0, 0, 0, 0]


def test_deterrence_is_worth_less_to_france_than_in_the_record() -> None:
    def france(name: str) -> float:
        sc = scenario(name)
        (found,) = [e for e in sc.endings if e.id == "deterrence"]
        g = Game.new(sc, humans=("france",), seed=0, policy="historical")
        # hitler_turn 20: where the base takes nothing off deterrence for a patient Hitler
        g.state.env.update(french_gains=40, chamber_confidence=50, hitler_turn=20)
        return float(sc.code.numbers[str(found.scores["france"])](g.state.env))

    # Reached with soldiers who could sign, the reprieve leaves Paris a triumph to earn.
    assert france("fast_mission") == france("moscow_1939") - 4 == 71


def test_the_baltic_protocol_is_good_faith_only_to_a_stalin_of_collective_security() -> None:
    assert [gains("fast_mission", "france", "endorse_baltic_protocol", v) for v in LINES] == [
        19,
        5,
        -11,
    ]
    # the base's protocol is pocketed only by a Stalin turned to Berlin
    assert [gains("moscow_1939", "france", "endorse_baltic_protocol", v) for v in LINES] == [
        5,
        5,
        -5,
    ]


def test_the_league_clause_swallowed_costs_unless_stalin_wants_geneva_and_london_needs_it() -> None:
    def league(line: int, red_line: int) -> int:
        return played(
            "fast_mission",
            "soviet",
            "accept_league_clause",
            stalin_line=line,
            chamberlain_line=red_line,
            soviet_gains=30,
        )["soviet_gains"]

    # a Prime Minister who needs Geneva's cover (a high red line) owes Moscow for it
    assert [league(v, 66) for v in LINES] == [6, -10, -16]
    # one who does not pockets it for nothing
    assert [league(v, 62) for v in LINES] == [-2, -18, -24]


def objected(name: str, line: int, offered: bool, option: str = "object_naming") -> int:
    """What London's objection to the Soviet list of 2 June cost Moscow, with or without a
    Baltic guarantee offered (and refused) before it."""
    g = game(name, "soviet", stalin_line=line, soviet_gains=30)
    if offered:
        g._play("soviet", g.content.actions["offer_baltic_guarantees"])
    ca = g.content.actions["table_soviet_draft"]
    (found,) = [o for o in ca.replies[0] if o.option.id == option]
    before = g.state.env["soviet_gains"]
    g._reply("britain", ca, found)
    return g.state.env["soviet_gains"] - before


@pytest.mark.parametrize("option", ["object_naming", "object_anyway"])
def test_a_refused_baltic_guarantee_is_quoted_back_when_london_objects_to_the_list(
    option: str,
) -> None:
    assert [objected("fast_mission", v, True, option) for v in LINES] == [-10, -6, 2]
    # never offered, the objection costs nothing at the table, as in the record
    assert [objected("fast_mission", v, False, option) for v in LINES] == [0, 0, 0]
    assert [objected("moscow_1939", v, True, option) for v in LINES] == [0, 0, 0]


def test_dropping_the_definition_after_a_refused_baltic_guarantee_spends_the_gain() -> None:
    def dropped(line: int, offered: bool) -> int:
        g = game("fast_mission", "soviet", stalin_line=line, soviet_gains=30)
        if offered:
            g._play("soviet", g.content.actions["offer_baltic_guarantees"])
        before = g.state.env["soviet_gains"]
        g._play("soviet", g.content.actions["drop_indirect_aggression"])
        return g.state.env["soviet_gains"] - before

    assert [dropped(v, False) for v in LINES] == [6, 6, -12]
    # a second retreat over the same states: the gain is spent, and more
    assert [dropped(v, True) for v in LINES] == [-2, -2, -12]


def test_the_baltic_notes_pay_by_what_the_drawn_stalin_means_to_do_there() -> None:
    berlin, west = (
        played("fast_mission", "soviet", "notes_to_tallinn_riga", stalin_line=x, soviet_gains=20)
        for x in (65, 35)
    )
    assert berlin["soviet_gains"] == 10 and west["soviet_gains"] == -2
    assert west["western_trust"] < berlin["western_trust"]
    base = played("moscow_1939", "soviet", "notes_to_tallinn_riga", stalin_line=65, soviet_gains=20)
    assert base["soviet_gains"] == 2
