"""The March conference retuned against the base's August track: London's answer to the call
of 18 March and its choice of envoy turn on the Prime Minister's drawn red line; pushing a
Warsaw of principle again costs London as it costs Paris; taking Beck at his word loses as
much on a Warsaw of price as it wins on one of principle; a French warning and Bonnet's
soundings of Berlin are staked on Hitler's date and on London's line; and the draft of May,
Strang, the warning and the soundings each narrow an estimate that a stake turns on."""

from __future__ import annotations

import pytest

from .stakes import game, played, scenario, score

NAME = "march_conference"


def answered(name: str, action: str, option: str, **env: int) -> dict[str, int]:
    """What Britain's answer `option` to the question of `action` changed, with `env` set."""
    g = game(name, "britain", **env)
    before = dict(g.state.env)
    (found,) = [o for r in g.content.actions[action].replies for o in r if o.option.id == option]
    g._apply_option("britain", action, found, "", None, kind="reply")
    return {key: g.state.env[key] - before[key] for key in before}


LOW, HIGH = 62, 66
"""A Prime Minister ready to go further with Russia, and one who distrusts it."""
START = {"british_gains": 20, "cabinet_standing": 50}


def test_accepting_the_conference_pays_a_premier_ready_to_go_further() -> None:
    low = answered(NAME, "propose_conference", "accept_conference", chamberlain_line=LOW, **START)
    high = answered(NAME, "propose_conference", "accept_conference", chamberlain_line=HIGH, **START)
    assert (low["british_gains"], low["cabinet_standing"]) == (8, 0)
    assert (high["british_gains"], high["cabinet_standing"]) == (-6, -6)
    assert low["conference_agreed"] == high["conference_agreed"] == 1


def test_declining_the_conference_pays_a_premier_who_distrusts_russia() -> None:
    low = answered(NAME, "propose_conference", "decline_conference", chamberlain_line=LOW, **START)
    high = answered(
        NAME, "propose_conference", "decline_conference", chamberlain_line=HIGH, **START
    )
    assert (low["british_gains"], low["cabinet_standing"]) == (-6, -4)
    assert (high["british_gains"], high["cabinet_standing"]) == (8, 4)


@pytest.mark.parametrize(
    ("move", "low_gains", "high_gains"),
    [("send_strang", -6, 8), ("send_eden", 8, -6), ("send_halifax", 8, -8)],
)
def test_the_envoy_is_chosen_by_the_prime_ministers_red_line(
    move: str, low_gains: int, high_gains: int
) -> None:
    env = {**START, "mutual_assistance_agreed": 1, "british_resolve": 50}
    low = played(NAME, "britain", move, chamberlain_line=LOW, **env)
    high = played(NAME, "britain", move, chamberlain_line=HIGH, **env)
    base = played("moscow_1939", "britain", move, chamberlain_line=HIGH, **env)
    assert low["british_gains"] - base["british_gains"] == low_gains
    assert high["british_gains"] - base["british_gains"] == high_gains


def test_eden_and_halifax_open_with_strang_in_june() -> None:
    sc = scenario(NAME)
    after = {a.id: str(a.after) for a in sc.actions if a.id.startswith("send_")}
    assert after["send_eden"] == after["send_halifax"] == after["send_strang"] == "1939-06-01"


@pytest.mark.parametrize(("move", "within"), [("send_strang", 6), ("british_draft_may", 8)])
def test_strang_and_the_may_draft_tell_london_of_the_kremlins_mind(move: str, within: int) -> None:
    g = game(NAME, "britain")
    g._play("britain", g.content.actions[move])
    assert g.state.estimates[("britain", "stalin_line")].error == within


def test_pressing_a_warsaw_of_principle_again_costs_london() -> None:
    env = {"poland_guaranteed": 1, "british_gains": 20, "cabinet_standing": 60}
    price = played(NAME, "britain", "press_warsaw", 3, polish_breaking_point=66, **env)
    principle = played(NAME, "britain", "press_warsaw", 3, polish_breaking_point=72, **env)
    assert price["british_gains"] == 0 and principle["british_gains"] == -4
    assert principle["cabinet_standing"] == price["cabinet_standing"] - 6
    assert principle["polish_flexibility"] == price["polish_flexibility"] > 0
    main = played("moscow_1939", "britain", "press_warsaw", 3, polish_breaking_point=80, **env)
    assert main["british_gains"] == 0


def test_a_french_warning_counts_only_against_a_hitler_not_yet_committed() -> None:
    env = {"french_gains": 20, "chamber_confidence": 40}
    late = played(NAME, "france", "french_warning", hitler_turn=22, **env)
    near = played(NAME, "france", "french_warning", hitler_turn=21, **env)
    assert late["french_gains"] == 5 and near["french_gains"] == -9
    assert near["chamber_confidence"] == late["chamber_confidence"] - 3
    g = game(NAME, "france")
    g._play("france", g.content.actions["french_warning"])
    assert g.state.estimates[("france", "hitler_turn")].error == 1


def test_bonnet_keeps_in_step_with_a_hesitant_london_and_learns_its_line() -> None:
    env = {"french_gains": 20, "chamber_confidence": 40}
    high = played(NAME, "france", "bonnet_soundings", chamberlain_line=HIGH, **env)
    low = played(NAME, "france", "bonnet_soundings", chamberlain_line=LOW, **env)
    assert high["french_gains"] == 6 and low["french_gains"] == -10
    assert low["chamber_confidence"] == high["chamber_confidence"] - 3
    main = played("moscow_1939", "france", "bonnet_soundings", chamberlain_line=LOW, **env)
    assert main["french_gains"] == 0
    g = game(NAME, "france")
    g._play("france", g.content.actions["bonnet_soundings"])
    assert g.state.estimates[("france", "chamberlain_line")].error == 4


STALIN = (35, 50, 65)
"""Stalin's drawn lines: collective security, waiting on events, the German option."""


@pytest.mark.parametrize(
    ("power", "move", "ledger", "by_line", "env"),
    [
        ("britain", "propose_staff_talks", "british_gains", [8, 8, 4], {}),
        ("britain", "craigie_arita", "british_gains", [3, 3, -3], {}),
        ("britain", "deny_london_talks", "british_gains", [3, 3, 3], {}),
        ("france", "franco_soviet_staff_talks", "french_gains", [9, 9, 0], {}),
        ("france", "authorise_doumenc", "french_gains", [6, 6, 3], {}),
    ],
)
def test_what_the_kremlins_line_makes_a_move_worth(
    power: str, move: str, ledger: str, by_line: list[int], env: dict[str, int]
) -> None:
    start = {ledger: 20, "german_soviet_rapprochement": 20, **env}
    found = [played(NAME, power, move, stalin_line=v, **start) for v in STALIN]
    assert [f[ledger] for f in found] == by_line
    main = [played("moscow_1939", power, move, stalin_line=v, **start)[ledger] for v in STALIN]
    assert main != by_line  # the variant's own stake, not the base's


@pytest.mark.parametrize(
    ("move", "rapprochement"),
    [("propose_staff_talks", -5), ("craigie_arita", 5), ("deny_london_talks", 5)],
)
def test_what_london_does_moves_a_stalin_who_leans_to_berlin(move: str, rapprochement: int) -> None:
    start = {"german_soviet_rapprochement": 20}
    leaning = played(NAME, "britain", move, stalin_line=65, **start)
    waiting = played(NAME, "britain", move, stalin_line=50, **start)
    assert leaning["german_soviet_rapprochement"] - waiting["german_soviet_rapprochement"] == (
        rapprochement
    )


def test_the_soldiers_flown_out_count_most_against_a_hitler_in_a_hurry() -> None:
    env = {"french_gains": 20}
    near = played(NAME, "france", "doumenc_by_air", hitler_turn=21, **env)
    late = played(NAME, "france", "doumenc_by_air", hitler_turn=22, **env)
    assert (near["french_gains"], late["french_gains"]) == (10, 2)


@pytest.mark.parametrize(
    ("power", "move", "within"),
    [("britain", "grant_full_powers", 4), ("france", "authorise_doumenc", 6)],
)
def test_a_mission_that_can_sign_shows_the_kremlins_mind(
    power: str, move: str, within: int
) -> None:
    g = game(NAME, power, british_resolve=70, chamberlain_line=66)
    g._play(power, g.content.actions[move])
    assert g.state.estimates[(power, "stalin_line")].error == within


def test_churchill_in_the_cabinet_unites_it_only_under_a_premier_ready_to_go_further() -> None:
    low = played(NAME, "britain", "bring_in_critics", chamberlain_line=LOW, **START)
    high = played(NAME, "britain", "bring_in_critics", chamberlain_line=HIGH, **START)
    assert (low["british_gains"], low["cabinet_standing"]) == (6, -10)
    assert (high["british_gains"], high["cabinet_standing"]) == (0, -16)


def test_how_london_takes_a_french_push_shows_the_prime_ministers_line() -> None:
    g = game(NAME, "france")
    g._play("france", g.content.actions["press_london"])
    assert g.state.estimates[("france", "chamberlain_line")].error == 6


def test_credits_for_warsaw_buy_standing_only_where_becks_refusal_is_a_price() -> None:
    env = {"french_gains": 20}
    price = played(NAME, "france", "arms_for_poland", polish_breaking_point=66, **env)
    principle = played(NAME, "france", "arms_for_poland", polish_breaking_point=72, **env)
    assert (price["french_gains"], principle["french_gains"]) == (5, -5)
    assert price["polish_flexibility"] == principle["polish_flexibility"] == 10


def test_a_one_sided_pledge_is_taken_in_good_part_only_by_a_stalin_of_collective_security() -> None:
    env = {"british_gains": 20}
    gains = [
        played(NAME, "britain", "ask_unilateral_declaration", stalin_line=v, **env)["british_gains"]
        for v in STALIN
    ]
    assert gains == [0, -6, -6]


def test_a_week_with_voroshilov_tells_doumenc_of_the_kremlins_mind() -> None:
    g = game(NAME, "france")
    g._play("france", g.content.actions["doumenc_by_air"])
    assert g.state.estimates[("france", "stalin_line")].error == 8


@pytest.mark.parametrize(
    ("power", "move", "ledger", "env"),
    [
        ("britain", "bring_in_critics", "british_gains", {"chamberlain_line": LOW}),
        ("britain", "craigie_arita", "british_gains", {"stalin_line": 35}),
        ("britain", "deny_london_talks", "british_gains", {"stalin_line": 35}),
        ("france", "french_warning", "french_gains", {"hitler_turn": 22}),
        ("france", "bonnet_soundings", "french_gains", {"chamberlain_line": HIGH}),
        ("france", "arms_for_poland", "french_gains", {"polish_breaking_point": 66}),
    ],
)
def test_no_stake_is_won_by_repetition(
    power: str, move: str, ledger: str, env: dict[str, int]
) -> None:
    start = {ledger: 20, "german_prestige": 60, **env}
    once, thrice = (played(NAME, power, move, n, **start)[ledger] for n in (1, 3))
    assert once > 0 and thrice == once


@pytest.mark.parametrize(
    ("move", "variable", "within"),
    [
        ("four_power_declaration", "polish_breaking_point", 6),
        ("ask_unilateral_declaration", "stalin_line", 8),
    ],
)
def test_how_warsaw_and_moscow_answer_london_tells_it_something(
    move: str, variable: str, within: int
) -> None:
    g = game(NAME, "britain")
    g._play("britain", g.content.actions[move])
    assert g.state.estimates[("britain", variable)].error == within


@pytest.mark.parametrize(
    ("ending", "rise"), [("grand_alliance", -15), ("deterrence", -15), ("historical_pact", 30)]
)
def test_stalins_line_moves_what_each_road_is_worth_to_moscow(ending: str, rise: int) -> None:
    """The alliances by half a point a point of the line; the pact as the record's does, 24
    less to a Stalin of collective security and 6 more to one who leans to Berlin."""
    sc = scenario(NAME)
    (found,) = [e for e in sc.endings if e.id == ending]
    env = {"soviet_gains": 40, "german_soviet_rapprochement": 50, "japanese_threat": 30}
    scores = []
    for line in (35, 65):
        g = game(NAME, "soviet", stalin_line=line, **env)
        scores.append(float(sc.code.numbers[str(found.scores["soviet"])](g.state.env)))
    assert scores[1] - scores[0] == rise


MID = {
    "soviet_gains": 30,
    "british_gains": 30,
    "french_gains": 30,
    "british_resolve": 40,
    "cabinet_standing": 50,
    "chamber_confidence": 40,
    "western_trust": 40,
    "soviet_trust": 40,
}
"""Ledgers away from their bounds, so that every stake shows in full."""


@pytest.mark.parametrize(
    ("power", "move", "ledger", "draw", "by_draw", "in_base"),
    [
        ("soviet", "sound_berlin", "soviet_gains", "hitler_turn", {21: 2, 22: -10, 23: -10}, None),
        (
            "soviet",
            "appeal_to_westminster",
            "soviet_gains",
            "chamberlain_line",
            {LOW: 4, HIGH: -12},
            0,
        ),
        ("soviet", "replace_litvinov", "soviet_gains", "stalin_line", {35: -14, 50: 4, 65: 4}, 4),
        (
            "britain",
            "drop_league_clause",
            "british_gains",
            "chamberlain_line",
            {LOW: -6, HIGH: -24},
            0,
        ),
        (
            "france",
            "endorse_baltic_protocol",
            "french_gains",
            "stalin_line",
            {35: 2, 50: -6, 65: -20},
            None,
        ),
        (
            "france",
            "present_french_plan",
            "french_gains",
            "stalin_line",
            {35: 0, 50: -8, 65: -22},
            3,
        ),
    ],
)
def test_a_move_once_worth_nothing_is_staked_on_a_hidden_draw(
    power: str, move: str, ledger: str, draw: str, by_draw: dict[int, int], in_base: int | None
) -> None:
    found = {v: played(NAME, power, move, **{**MID, draw: v})[ledger] for v in by_draw}
    assert found == by_draw
    if in_base is not None:
        base = {v: played("moscow_1939", power, move, **{**MID, draw: v})[ledger] for v in by_draw}
        assert set(base.values()) == {in_base}


@pytest.mark.parametrize(
    ("power", "move", "draw", "values"),
    [
        ("soviet", "sound_berlin", "hitler_turn", (21, 23)),
        ("soviet", "appeal_to_westminster", "chamberlain_line", (LOW, HIGH)),
        ("soviet", "replace_litvinov", "stalin_line", (35, 65)),
        ("britain", "drop_league_clause", "chamberlain_line", (LOW, HIGH)),
        ("france", "endorse_baltic_protocol", "stalin_line", (35, 65)),
        ("france", "present_french_plan", "stalin_line", (35, 65)),
    ],
)
def test_those_stakes_touch_only_the_issues_won_at_the_table(
    power: str, move: str, draw: str, values: tuple[int, int]
) -> None:
    """The rest of the move is the base's, so computer play and every other draw run as before."""
    for v in values:
        mine = played(NAME, power, move, **{**MID, draw: v})
        base = played("moscow_1939", power, move, **{**MID, draw: v})
        differ = {k for k in base if mine[k] != base[k]}
        assert differ <= {"soviet_gains", "british_gains", "french_gains"}


@pytest.mark.parametrize(("line", "gains"), [(LOW, 4), (HIGH, -12)])
def test_only_maiskys_first_campaign_is_staked(line: int, gains: int) -> None:
    once, thrice = (
        played(NAME, "soviet", "appeal_to_westminster", n, **{**MID, "chamberlain_line": line})
        for n in (1, 3)
    )
    assert once["soviet_gains"] == thrice["soviet_gains"] == gains


def test_moscow_can_lose_at_the_table_before_it_has_won_anything() -> None:
    """In April Moscow has won nothing yet; a cost on its ledger still bites."""
    lost = played(NAME, "soviet", "sound_berlin", soviet_gains=0, hitler_turn=23)
    assert lost["soviet_gains"] == -10
    kept = played(NAME, "soviet", "replace_litvinov", soviet_gains=0, stalin_line=35)
    assert kept["soviet_gains"] == -14


def test_deterrence_with_passage_is_worth_less_the_deeper_chamberlain_s_distrust() -> None:

    by_line = [
        score("march_conference", "deterrence", "britain", chamberlain_line=v, british_gains=40)
        for v in (58, 62, 66, 70)
    ]
    assert [s - by_line[0] for s in by_line] == [0, -3, -6, -9]


def test_the_french_council_weighs_here_as_in_the_base() -> None:
    env = {
        "french_resolve": 60,
        "french_gains": 20,
        "chamber_confidence": 40,
        "chamberlain_line": LOW,
    }
    daladier, bonnet = (
        played(NAME, "france", "accept_soviet_definition", council_lean=c, **env) for c in (1, 3)
    )
    assert daladier["french_gains"] - bonnet["french_gains"] == 16
    assert daladier["chamber_confidence"] - bonnet["chamber_confidence"] == 6
    daladier, bonnet = (
        played(NAME, "france", "bonnet_soundings", council_lean=c, **env) for c in (1, 3)
    )
    assert bonnet["french_gains"] - daladier["french_gains"] == 12
    assert daladier["chamber_confidence"] < 0 < bonnet["chamber_confidence"]
