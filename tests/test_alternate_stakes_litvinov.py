"""When Litvinov stays, the pact is worth to the USSR what Stalin's drawn line makes it: a
Kremlin that still seeks collective security gains little from Berlin, and a plan that
signs with Ribbentrop on every seed pays for it where the line is low. The answers that
fall in every game are priced the same way: London's by the Prime Minister's drawn red
line, which London knows and a fixed plan cannot read, Moscow's by Stalin's."""

from __future__ import annotations

import pytest

from .stakes import chosen, game, played, scenario
from .test_alternate_stakes import answered, soviet_score

ENV = {
    "soviet_gains": 40,
    "berlin_gains": 0,
    "berlin_price": 0,
    "german_soviet_rapprochement": 50,
    "japanese_threat": 30,
}


def pact(line: int) -> float:
    return soviet_score("litvinov_stays", "historical_pact", stalin_line=line, **ENV)


def test_the_pact_is_worth_a_point_for_every_point_of_stalins_line() -> None:
    assert pact(65) - pact(50) == 15 and pact(50) - pact(35) == 15


def test_to_a_stalin_of_collective_security_the_pact_is_worth_less_than_an_alliance() -> None:
    alliance = soviet_score("litvinov_stays", "grand_alliance", stalin_line=35, **ENV)
    assert pact(35) <= alliance - 15
    # To one who leans to Berlin, the pact stays the better road.
    assert pact(65) > soviet_score("litvinov_stays", "grand_alliance", stalin_line=65, **ENV)


# London's answers, priced by the Prime Minister's drawn red line (58 and 62 a Premier
# whose distrust has limits, 66 and 70 one whose distrust runs deep).
LINES = (58, 70)
LONDON = {"british_gains": 20, "cabinet_standing": 50, "british_resolve": 60}


def britain_answers(move: str, answer: str) -> tuple[dict[str, int], dict[str, int]]:
    low, high = (
        answered("litvinov_stays", move, answer, chamberlain_line=line, **LONDON) for line in LINES
    )
    return low, high


def test_objecting_to_name_the_baltic_states_costs_a_premier_ready_to_deal() -> None:
    low, high = britain_answers("table_soviet_draft", "object_anyway")
    assert (low["british_gains"], high["british_gains"]) == (-12, 4)
    # The same answer, the other way round from accepting the list.
    accept = britain_answers("table_soviet_draft", "accept_naming")
    assert (accept[0]["british_gains"], accept[1]["british_gains"]) == (10, -10)
    main = answered("moscow_1939", "table_soviet_draft", "object_anyway", chamberlain_line=58)
    assert main["british_gains"] == 0


def test_five_divisions_cost_only_a_premier_whose_distrust_has_limits() -> None:
    low, high = britain_answers("soviet_military_plan", "five_divisions")
    assert (low["british_gains"], high["british_gains"]) == (-10, 0)
    assert low["soviet_trust"] == high["soviet_trust"] == -3
    main = answered("moscow_1939", "soviet_military_plan", "five_divisions", chamberlain_line=58)
    assert main["british_gains"] == 0


def test_drax_written_powers_cost_a_premier_of_deep_distrust_when_litvinov_stays() -> None:
    low, high = (
        chosen(
            "litvinov_stays",
            "mission_instructions",
            "sea_with_powers",
            "britain",
            chamberlain_line=line,
            **LONDON,
        )
        for line in LINES
    )
    assert (low["british_gains"], high["british_gains"]) == (4, -6)
    assert high["cabinet_standing"] == low["cabinet_standing"] - 5
    # Sent slow and without powers, the mission costs instead a Premier ready to deal.
    slow_low, slow_high = (
        chosen(
            "litvinov_stays",
            "mission_instructions",
            "slow_without_powers",
            "britain",
            chamberlain_line=line,
            **LONDON,
        )
        for line in LINES
    )
    assert (slow_low["british_gains"], slow_high["british_gains"]) == (-6, 0)
    assert slow_low["cabinet_standing"] == slow_high["cabinet_standing"] == 3
    # The event is otherwise the base's.
    base = scenario("moscow_1939").events
    ours = scenario("litvinov_stays").events
    (mine,) = [e for e in ours if e.id == "mission_instructions"]
    (theirs,) = [e for e in base if e.id == "mission_instructions"]
    assert (mine.when, mine.title, mine.text, mine.prompt) == (
        theirs.when,
        theirs.title,
        theirs.text,
        theirs.prompt,
    )


def test_refusing_the_definition_of_indirect_aggression_costs_a_premier_ready_to_deal() -> None:
    low, high = britain_answers("insist_indirect_aggression", "refuse_anyway")
    assert (low["british_gains"], high["british_gains"]) == (-8, 4)
    # Accepting it keeps the base's price: the Cabinet's resolve against the red line.
    env = LONDON | {"british_resolve": 75}
    accept = [
        answered(
            "litvinov_stays",
            "insist_indirect_aggression",
            "accept_definition",
            chamberlain_line=line,
            **env,
        )["british_gains"]
        for line in LINES
    ]
    assert accept == [4, 4]
    main = answered(
        "moscow_1939", "insist_indirect_aggression", "refuse_anyway", chamberlain_line=58
    )
    assert main["british_gains"] == 0


@pytest.mark.parametrize(
    ("answer", "expected"), [("refuse_tripartite", (-4, 6)), ("let_lapse", (-6, 6))]
)
def test_leaving_the_soviet_plan_unanswered_serves_only_a_premier_of_deep_distrust(
    answer: str, expected: tuple[int, int]
) -> None:
    low, high = britain_answers("propose_tripartite", answer)
    assert (low["british_gains"], high["british_gains"]) == expected
    # The reverse of London's early yes, the variant's path.
    accept = britain_answers("propose_tripartite", "accept_principle")
    assert (accept[0]["british_gains"], accept[1]["british_gains"]) == (6, -10)


def test_drax_referring_the_cardinal_question_home_costs_a_premier_ready_to_deal() -> None:
    low, high = britain_answers("cardinal_question", "refer_home")
    assert (low["british_gains"], high["british_gains"]) == (-6, 6)
    main = answered("moscow_1939", "cardinal_question", "refer_home", chamberlain_line=58)
    assert main["british_gains"] == 0


# The Kremlin's answers, priced by Stalin's drawn line.
STALIN = (35, 50, 65)


def soviet_answers(move: str, answer: str, **env: int) -> list[int]:
    return [
        answered("litvinov_stays", move, answer, "soviet", stalin_line=v, soviet_gains=20, **env)[
            "soviet_gains"
        ]
        for v in STALIN
    ]


def test_the_four_power_declaration_is_worth_what_stalins_line_makes_it() -> None:
    assert soviet_answers("four_power_declaration", "sign_if_poland") == [8, 0, -8]
    assert soviet_answers("four_power_declaration", "decline_declaration") == [-8, 0, 8]
    main = answered(
        "moscow_1939", "four_power_declaration", "sign_if_poland", "soviet", stalin_line=35
    )
    assert main["soviet_gains"] == 0


def test_objecting_to_the_league_clause_serves_only_a_stalin_who_leans_to_berlin() -> None:
    assert soviet_answers("anglo_french_draft", "object_league") == [-6, 0, 4]


def test_schulenburgs_visit_of_3_august_is_answered_for_the_stalin_moscow_has() -> None:
    def visit(choice: str) -> list[int]:
        return [
            chosen(
                "litvinov_stays",
                "schulenburg_3_august",
                choice,
                "soviet",
                stalin_line=v,
                soviet_gains=20,
            )["soviet_gains"]
            for v in STALIN
        ]

    assert visit("trade_only") == [8, 0, -6]
    assert visit("list_grievances") == [-8, 0, 6]
    main = chosen("moscow_1939", "schulenburg_3_august", "trade_only", "soviet", stalin_line=35)
    assert main["soviet_gains"] == 0


def test_keeping_schulenburg_waiting_reads_hitlers_date_a_week_later_than_the_base() -> None:
    """With Litvinov in office Berlin has had no signal from Moscow and bids a week longer:
    the delay pays if Hitler's date falls by the week of 9 August (turn 22), where the
    base already has Berlin cool; after it, Berlin cools here too."""
    env = {"german_talks_accepted": 1, "german_approach": 1, "berlin_gains": 10, "berlin_price": 10}
    env |= {"german_soviet_rapprochement": 50}
    hurry, late = (
        played("litvinov_stays", "soviet", "keep_schulenburg_waiting", hitler_turn=t, **env)
        for t in (22, 23)
    )
    assert (hurry["berlin_gains"], late["berlin_gains"]) == (6, 4)
    assert (hurry["german_soviet_rapprochement"], late["german_soviet_rapprochement"]) == (4, -4)
    base = played("moscow_1939", "soviet", "keep_schulenburg_waiting", hitler_turn=22, **env)
    assert base["berlin_price"] < 0 and base["german_soviet_rapprochement"] == -15


# Moves that were worth nothing to their mover now cost under a draw it knows or estimates.
def soviet_moves(move: str, name: str = "litvinov_stays") -> list[int]:
    env = {"soviet_gains": 40, "hitler_turn": 21}
    return [played(name, "soviet", move, stalin_line=v, **env)["soviet_gains"] for v in STALIN]


@pytest.mark.parametrize(
    ("move", "expected", "base"),
    [
        # Molotov after all: an issue only to a Stalin who leans to Berlin.
        ("replace_litvinov", [-24, -12, 12], [4, 4, 4]),
        # The weeks spent on the Baltic formula cost a Kremlin that wants the treaty (in the
        # record the claim itself is worth most to one who means to have the Baltic).
        ("insist_indirect_aggression", [-8, -8, 4], [-6, 5, 9]),
        # Giving the formula up gives away what Berlin would grant.
        ("drop_indirect_aggression", [0, -6, -12], [0, 0, 0]),
        # Shaposhnikov's figures bind a Stalin who does not mean to fight beside the West.
        ("soviet_military_plan", [4, -12, -12], [0, 0, 0]),
        # The German credit costs at the table a Kremlin that still wants the treaty.
        ("sign_trade_agreement", [-16, -16, 0], [2, 2, 2]),
        # The Baltic offer embarrasses a Stalin who would rather have the Baltic from Berlin.
        ("offer_baltic_guarantees", [12, -6, -12], [12, -6, -6]),
        # Litvinov's Baltic notes are a claim worth having to a Stalin who leans to Berlin.
        ("notes_to_tallinn_riga", [-4, 2, 22], [2, 2, 2]),
        # Divisions sent to Mongolia are counted against what Moscow brings to Poland.
        ("reinforce_far_east", [-14, -14, 0], [0, 0, 0]),
    ],
)
def test_the_kremlins_own_moves_are_priced_by_stalins_line(
    move: str, expected: list[int], base: list[int]
) -> None:
    assert soviet_moves(move) == expected
    assert soviet_moves(move, "moscow_1939") == base


@pytest.mark.parametrize(
    "move",
    [
        "insist_indirect_aggression",
        "drop_indirect_aggression",
        "soviet_military_plan",
        "sign_trade_agreement",
        "offer_baltic_guarantees",
        "reinforce_far_east",
    ],
)
def test_the_kremlins_priced_moves_keep_the_bases_other_effects(move: str) -> None:
    ours = played("litvinov_stays", "soviet", move, stalin_line=50, soviet_gains=40)
    theirs = played("moscow_1939", "soviet", move, stalin_line=50, soviet_gains=40)
    assert {k: v for k, v in ours.items() if k != "soviet_gains" and k in theirs} == {
        k: v for k, v in theirs.items() if k != "soviet_gains"
    }


def london_moves(move: str, name: str = "litvinov_stays", **env: int) -> list[int]:
    return [
        played(name, "britain", move, chamberlain_line=line, british_gains=20, **env)[
            "british_gains"
        ]
        for line in LINES
    ]


@pytest.mark.parametrize(
    ("move", "expected", "base"),
    [
        # The guarantee, given before Moscow is asked, wins nothing for a Premier ready to deal.
        ("guarantee_poland", [0, 9], [9, 9]),
        # The League clause is blamed as delay under a Premier ready to deal.
        ("anglo_french_draft", [-9, 3], [3, 3]),
        # Eden's journey is a rival's triumph to a Premier of deep distrust.
        ("send_eden", [4, -12], [0, 0]),
        # Caught talking to Berlin, or settling with Tokyo, while Moscow is courted.
        ("hudson_wohlthat", [-10, 0], [0, 0]),
        ("craigie_arita", [-10, 0], [0, 0]),
    ],
)
def test_londons_moves_are_priced_by_the_prime_ministers_red_line(
    move: str, expected: list[int], base: list[int]
) -> None:
    assert london_moves(move) == expected
    assert london_moves(move, "moscow_1939") == base


@pytest.mark.parametrize(
    ("move", "variable", "within"),
    [
        ("guarantee_poland", "polish_breaking_point", 6),
        ("press_warsaw", "polish_breaking_point", 6),
        ("anglo_french_draft", "stalin_line", 8),
    ],
)
def test_londons_moves_tell_it_of_warsaw_and_the_kremlin(
    move: str, variable: str, within: int
) -> None:
    g = game("litvinov_stays", "britain")
    g._play("britain", g.content.actions[move])
    assert g.state.estimates[("britain", variable)].error == within
    main = game("moscow_1939", "britain")
    main._play("britain", main.content.actions[move])
    assert main.state.estimates[("britain", variable)].error > within


def test_the_first_push_on_warsaw_pays_london_only_where_becks_refusal_is_a_price() -> None:
    env = {"british_gains": 20, "cabinet_standing": 60}
    price, principle = (
        played("litvinov_stays", "britain", "press_warsaw", polish_breaking_point=v, **env)
        for v in (66, 72)
    )
    assert (price["british_gains"], principle["british_gains"]) == (10, 0)
    # Only the first push is credited; a second where it is a principle still costs.
    again = played("litvinov_stays", "britain", "press_warsaw", 2, polish_breaking_point=66, **env)
    assert again["british_gains"] == 10
    hard = played("litvinov_stays", "britain", "press_warsaw", 2, polish_breaking_point=72, **env)
    assert hard["british_gains"] == -2


def test_paris_pressing_london_learns_the_premiers_mind_and_pays_for_pressing_a_hard_one() -> None:
    env = {"french_gains": 20, "british_resolve": 40}
    once = [
        played("litvinov_stays", "france", "press_london", chamberlain_line=line, **env)
        for line in LINES
    ]
    assert [d["french_gains"] for d in once] == [0, 0]
    twice = [
        played("litvinov_stays", "france", "press_london", 2, chamberlain_line=line, **env)
        for line in LINES
    ]
    assert [d["french_gains"] for d in twice] == [0, -8]
    g = game("litvinov_stays", "france")
    g._play("france", g.content.actions["press_london"])
    assert g.state.estimates[("france", "chamberlain_line")].error == 4
    main = played("moscow_1939", "france", "press_london", 2, chamberlain_line=70, **env)
    assert main["french_gains"] == 0


def test_romes_answer_shows_hitlers_timetable_and_a_hitler_in_a_hurry_makes_paris_pay() -> None:
    def rome(turn: int, times: int = 1) -> int:
        return played(
            "litvinov_stays", "france", "sound_rome", times, hitler_turn=turn, french_gains=20
        )["french_gains"]

    assert (rome(22), rome(23), rome(21), rome(21, 2)) == (0, 0, -4, -8)
    g = game("litvinov_stays", "france")
    g._play("france", g.content.actions["sound_rome"])
    assert g.state.estimates[("france", "hitler_turn")].error == 1
    main = played("moscow_1939", "france", "sound_rome", hitler_turn=21, french_gains=20)
    assert main["french_gains"] == 0


def test_beck_s_signature_wins_london_its_declaration_and_his_refusal_tells_it_his_limit() -> None:
    signed = answered("litvinov_stays", "four_power_declaration", "poland_signs_declaration")
    assert signed["british_gains"] == 6
    g = game("litvinov_stays", "britain")
    g._cause = g._cause._replace(title="Beck's refusal")
    (option,) = [
        o
        for reply in g.content.actions["four_power_declaration"].replies
        for o in reply
        if o.option.id == "beck_refuses_declaration"
    ]
    g._apply_option("poland", "four_power_declaration", option, "", None, kind="reply")
    low, high = g.estimate("britain", "polish_breaking_point") or (0, -1)
    assert low <= g.state.env["polish_breaking_point"] <= high and high - low <= 12
