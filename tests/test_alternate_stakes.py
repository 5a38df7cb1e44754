"""The stakes the alternates add to the historical scenario's moves so that a plan which never
looks at the state cannot win them: pressing Warsaw again pays only where Beck's drawn
breaking point makes his refusal a price, not a principle; with the door open in March an
unconditional guarantee closes it again on a Warsaw whose breaking point lies high; when
Litvinov stays, what each ending is worth to the USSR turns on Stalin's drawn line, and
what Berlin promises is paid only by the pact; and the British mission's promises in Moscow
are worth what the Prime Minister's red line and Beck's breaking point make them."""

from __future__ import annotations

import pytest

from game.engine import Game

from .stakes import scenario


def pressed(name: str, power: str, move: str, times: int, **env: int) -> dict[str, int]:
    """What `times` uses of `move` by `power` changed, from a game's start with `env` set."""
    g = Game.new(scenario(name), humans=(power,), seed=0, policy="historical")
    g.state.env.update(env)
    before = dict(g.state.env)
    for _ in range(times):
        g._play(power, g.content.actions[move])
    return {key: g.state.env[key] - before[key] for key in before}


PRESSES = [
    # (..., what three pushes win where Beck's no is a price, and where it is a principle)
    (
        "litvinov_stays",
        "france",
        "press_warsaw_french",
        "french_gains",
        "chamber_confidence",
        0,
        -10,
    ),
    ("litvinov_stays", "britain", "press_warsaw", "british_gains", "cabinet_standing", 10, -4),
    (
        "march_conference",
        "france",
        "press_warsaw_french",
        "french_gains",
        "chamber_confidence",
        0,
        -4,
    ),
    ("door_through_poland", "britain", "press_warsaw", "british_gains", "cabinet_standing", 0, -4),
]


@pytest.mark.parametrize(("name", "power", "move", "ledger", "standing", "won", "lost"), PRESSES)
def test_pressing_a_warsaw_of_principle_again_costs_at_home_and_at_the_table(
    name: str, power: str, move: str, ledger: str, standing: str, won: int, lost: int
) -> None:
    env = {"poland_guaranteed": 1, ledger: 20, standing: 60}
    price = pressed(name, power, move, 3, polish_breaking_point=66, **env)
    principle = pressed(name, power, move, 3, polish_breaking_point=72, **env)
    # The first push costs the same either way; the second and third cost more on principle.
    assert pressed(name, power, move, 1, polish_breaking_point=80, **env)[ledger] == 0
    assert price[ledger] == won and principle[ledger] == lost
    assert principle[standing] == price[standing] - 6
    # Warsaw moves the same: the stake is the price of pressing, not its effect.
    assert principle["polish_flexibility"] == price["polish_flexibility"] > 0


@pytest.mark.parametrize("power", ["britain", "france"])
def test_the_main_scenario_presses_warsaw_at_its_own_price(power: str) -> None:
    move = "press_warsaw" if power == "britain" else "press_warsaw_french"
    ledger = f"{'british' if power == 'britain' else 'french'}_gains"
    env = {"poland_guaranteed": 1, ledger: 20}
    assert pressed("moscow_1939", power, move, 3, polish_breaking_point=80, **env)[ledger] == 0


def test_an_unconditional_guarantee_closes_the_open_door_on_a_warsaw_of_principle() -> None:
    door = ("door_through_poland", "britain", "guarantee_poland", 1)
    price = pressed(*door, polish_breaking_point=66, polish_flexibility=30)
    principle = pressed(*door, polish_breaking_point=80, polish_flexibility=30)
    assert price["polish_flexibility"] == -5
    assert principle["polish_flexibility"] == -17
    assert price["british_gains"] == principle["british_gains"] == 9
    main = pressed(
        "moscow_1939",
        "britain",
        "guarantee_poland",
        1,
        polish_breaking_point=80,
        polish_flexibility=30,
    )
    assert main["polish_flexibility"] == -5


def soviet_score(name: str, ending: str, **env: int) -> float:
    """The USSR's score in `ending` of scenario `name`, in a game's opening state with `env`."""
    sc = scenario(name)
    g = Game.new(sc, humans=("soviet",), seed=0, policy="historical")
    g.state.env.update(env)
    (found,) = [e for e in sc.endings if e.id == ending]
    return float(sc.code.numbers[str(found.scores["soviet"])](g.state.env))


@pytest.mark.parametrize("ending", ["grand_alliance", "deterrence"])
def test_when_litvinov_stays_the_alliance_is_worth_most_to_a_stalin_of_collective_security(
    ending: str,
) -> None:
    env = {"soviet_gains": 40}
    scores = [soviet_score("litvinov_stays", ending, stalin_line=v, **env) for v in (35, 50, 65)]
    assert scores[0] > scores[1] > scores[2]
    assert scores[2] <= scores[0] - 9
    # Lower than in the record on every draw: reciprocity came in April, not as a prize.
    main = soviet_score("moscow_1939", ending, stalin_line=35, **env)
    assert scores[0] <= main - 8


def test_when_litvinov_stays_the_pact_is_worth_more_to_a_stalin_who_leans_to_berlin() -> None:
    env = {"soviet_gains": 40, "german_soviet_rapprochement": 50, "japanese_threat": 30}
    scores = [
        soviet_score("litvinov_stays", "historical_pact", stalin_line=v, **env)
        for v in (35, 50, 65)
    ]
    assert scores[0] < scores[1] < scores[2]
    # From a lower base than in the record: reciprocity was won in April, not by the pact.
    assert scores[1] < soviet_score("moscow_1939", "historical_pact", stalin_line=50, **env)


@pytest.mark.parametrize(
    ("move", "env"),
    [
        ("ask_special_protocol", {"german_talks_accepted": 1}),
        ("keep_schulenburg_waiting", {"german_talks_accepted": 1, "hitler_turn": 21}),
    ],
)
def test_when_litvinov_stays_what_berlin_promises_is_paid_only_by_the_pact(
    move: str, env: dict[str, int]
) -> None:
    changed = pressed("litvinov_stays", "soviet", move, 1, **env)
    assert changed["soviet_gains"] == 0 and changed["berlin_gains"] >= 6
    # The record now pays it the same way, through its own ledger (berlin_price), which the
    # pact alone counts: it wins no issue that an alliance ending would score.
    assert pressed("moscow_1939", "soviet", move, 1, **env)["soviet_gains"] == 0
    pact = "historical_pact"

    def promised(line: int, berlin: int = 26) -> float:
        env = {"soviet_gains": 40, "berlin_gains": berlin, "stalin_line": line}
        return soviet_score("litvinov_stays", pact, **env)

    # Paid in the pact, and worth most to a Stalin who leans to Berlin.
    assert promised(65) == promised(65, berlin=0) + 13
    assert promised(35) - promised(35, berlin=0) == 7
    for ending in ("grand_alliance", "deterrence", "paper_alliance", "soviet_neutrality"):
        env = {"soviet_gains": 40, "stalin_line": 50}
        assert soviet_score("litvinov_stays", ending, berlin_gains=26, **env) == soviet_score(
            "litvinov_stays", ending, berlin_gains=0, **env
        )


def test_when_litvinov_stays_dismissing_him_pays_only_a_stalin_who_leans_to_berlin() -> None:
    gains = [
        pressed("litvinov_stays", "soviet", "replace_litvinov", 1, stalin_line=v, soviet_gains=40)[
            "soviet_gains"
        ]
        for v in (35, 50, 65)
    ]
    assert gains == [-24, -12, 12]
    assert (
        pressed("moscow_1939", "soviet", "replace_litvinov", 1, stalin_line=35)["soviet_gains"] == 4
    )


def answered(
    name: str, move: str, answer: str, power: str = "britain", **env: int
) -> dict[str, int]:
    """What `power`'s `answer` to `move` changed, from a game's start with `env`."""
    g = Game.new(scenario(name), humans=(power,), seed=0, policy="historical")
    g.state.env.update(env)
    before = dict(g.state.env)
    (option,) = [
        o for reply in g.content.actions[move].replies for o in reply if o.option.id == answer
    ]
    g._apply_option(power, move, option, "", None, kind="reply")
    return {key: g.state.env[key] - before[key] for key in before}


ALTERNATES = ["litvinov_stays", "door_through_poland"]


@pytest.mark.parametrize("name", ALTERNATES)
def test_more_divisions_are_londons_to_promise_only_if_the_prime_ministers_distrust_has_limits(
    name: str,
) -> None:
    env = {"british_gains": 20, "cabinet_standing": 50}
    low, high = (
        answered(name, "soviet_military_plan", "promise_more", chamberlain_line=line, **env)
        for line in (58, 70)
    )
    assert low["british_gains"] == 8 and low["cabinet_standing"] == 0
    # Disowned dearer when Litvinov stays: London had chosen the alliance in April.
    assert high["british_gains"] == (-12 if name == "litvinov_stays" else -8)
    assert high["cabinet_standing"] == -4
    # The historical answer, and the record's own scenario, carry no such stake.
    assert (
        answered(name, "soviet_military_plan", "five_divisions", chamberlain_line=70, **env)[
            "british_gains"
        ]
        == 0
    )
    main = answered("moscow_1939", "soviet_military_plan", "promise_more", chamberlain_line=70)
    assert main["british_gains"] == 0


@pytest.mark.parametrize("name", ALTERNATES)
def test_drax_promise_of_an_answer_from_warsaw_is_kept_or_broken_by_beck(name: str) -> None:
    env = {"british_gains": 20}
    price, principle = (
        answered(name, "cardinal_question", "promise_answer", polish_breaking_point=bp, **env)
        for bp in (66, 72)
    )
    assert price["british_gains"] == 4 and principle["british_gains"] == -6
    assert price["polish_flexibility"] == principle["polish_flexibility"]
    main = answered("moscow_1939", "cardinal_question", "promise_answer", polish_breaking_point=80)
    assert main["british_gains"] == 0


STALIN = (35, 50, 65)

INITIATIVES = [
    ("appeal_to_westminster", [4, 4, -4]),
    ("offer_baltic_guarantees", [12, -6, -12]),
    ("molotov_speech", [-4, 4, 4]),
    ("cardinal_question", [2, 2, 6]),
]


@pytest.mark.parametrize(("move", "expected"), INITIATIVES)
def test_when_litvinov_stays_the_kremlins_initiatives_stand_or_fall_by_stalins_line(
    move: str, expected: list[int]
) -> None:
    env = {"soviet_gains": 20, "missions_arrived": 1}
    gains = [
        pressed("litvinov_stays", "soviet", move, 1, stalin_line=v, **env)["soviet_gains"]
        for v in STALIN
    ]
    assert gains == expected
    main = [
        pressed("moscow_1939", "soviet", move, 1, stalin_line=v, **env)["soviet_gains"]
        for v in STALIN
    ]
    assert main != gains  # the variant's own price, not the base's


def test_when_litvinov_stays_the_league_clause_is_worth_what_stalins_line_makes_it() -> None:
    env = {"soviet_gains": 20, "soviet_trust": 55}
    gains = [
        answered(
            "litvinov_stays", "anglo_french_draft", "accept_text", "soviet", stalin_line=v, **env
        )["soviet_gains"]
        for v in STALIN
    ]
    assert gains == [6, 0, -6]


@pytest.mark.parametrize(
    ("move", "answer"),
    [("propose_tripartite", "accept_principle"), ("table_soviet_draft", "accept_naming")],
)
def test_when_litvinov_stays_londons_early_yes_pays_only_under_a_prime_minister_ready_to_deal(
    move: str, answer: str
) -> None:
    env = {"british_gains": 20, "british_resolve": 60}
    low, high = (
        answered("litvinov_stays", move, answer, chamberlain_line=line, **env)["british_gains"]
        for line in (58, 70)
    )
    # Accepting the Soviet list pays more, and both cost a Premier of deep distrust more.
    assert (low, high) == ((10, -10) if answer == "accept_naming" else (6, -10))
