"""The stakes of the historical scenario's moves: Britain's binding concessions pay above the
Prime Minister's drawn red line and cost at the table below it (so reading the line pays,
which a fixed plan cannot do), and the moves once worth nothing now change a ledger or an
estimate that their power cares about."""

from __future__ import annotations

from functools import cache

import pytest

from game.engine import Game
from game.scenario import Scenario, load, load_scenario

from .conftest import MAIN
from .stakes import score
from .test_alternate_stakes import answered


@cache
def scenario() -> Scenario:
    return load_scenario(MAIN)


def played(power: str, move: str, **env: int) -> tuple[Game, dict[str, int]]:
    """A game at its start with `env` set, after `power` makes `move`; and the state before."""
    g = Game.new(scenario(), humans=(power,), seed=0, policy="historical")
    g.state.env.update(env)
    before = dict(g.state.env)
    g._play(power, g.content.actions[move])
    return g, before


def gained(g: Game, before: dict[str, int], ledger: str) -> int:
    return g.state.env[ledger] - before[ledger]


@pytest.mark.parametrize("move", ["accept_indirect_definition", "grant_full_powers"])
def test_a_binding_concession_below_the_line_costs_britain_at_the_table(move: str) -> None:
    below, b0 = played("britain", move, british_resolve=55, chamberlain_line=66, british_gains=20)
    above, a0 = played("britain", move, british_resolve=70, chamberlain_line=66, british_gains=20)
    assert gained(below, b0, "british_gains") <= -6
    assert gained(above, a0, "british_gains") >= 0
    assert gained(below, b0, "cabinet_standing") < gained(above, a0, "cabinet_standing")


def test_the_definition_pays_britain_only_above_the_line() -> None:
    above, a0 = played("britain", "accept_indirect_definition", british_resolve=70)
    assert above.state.env["chamberlain_line"] <= 70
    assert gained(above, a0, "british_gains") >= 4


@pytest.mark.parametrize(
    ("power", "move", "ledger", "env"),
    [
        ("britain", "propose_staff_talks", "british_gains", {}),
        ("britain", "anglo_french_draft", "british_gains", {}),
        ("soviet", "zhdanov_article", "soviet_gains", {"mutual_assistance_agreed": True}),
        ("soviet", "keep_schulenburg_waiting", "berlin_price", {"hitler_turn": 21}),
        ("soviet", "replace_litvinov", "soviet_gains", {}),
        ("france", "endorse_baltic_protocol", "french_gains", {}),
    ],
)
def test_moves_once_worth_nothing_win_an_issue(
    power: str, move: str, ledger: str, env: dict[str, int]
) -> None:
    g, before = played(power, move, **env)
    assert gained(g, before, ledger) >= 3  # a point and a half or more in every ending's score


@pytest.mark.parametrize(
    ("power", "move", "variable"),
    [
        ("soviet", "propose_conference", "chamberlain_line"),
        ("soviet", "assure_poland", "polish_breaking_point"),
        ("france", "appeal_to_romania", "polish_breaking_point"),
        ("france", "press_warsaw_french", "polish_breaking_point"),
        ("france", "arms_for_poland", "polish_breaking_point"),
        ("britain", "go_slowly", "stalin_line"),
        ("britain", "ask_unilateral_declaration", "stalin_line"),
        ("france", "press_london", "chamberlain_line"),
    ],
)
def test_moves_once_worth_nothing_narrow_an_estimate(power: str, move: str, variable: str) -> None:
    g, _ = played(power, move)
    title = g.text(g.content.actions[move].action.title)
    sources = {vid: source for vid, _, _, _, source in g.estimates(power)}
    assert sources[variable] == title
    low, high = g.estimate(power, variable) or (0, -1)
    assert low <= g.state.env[variable] <= high


def test_strang_wins_london_the_details_only_once_the_principle_is_agreed() -> None:
    """An expert drafter pays at the table after mutual assistance is agreed; before it he
    has nothing to offer and Moscow reads an official as a slight."""
    after, a0 = played("britain", "send_strang", mutual_assistance_agreed=True, soviet_trust=40)
    before, b0 = played("britain", "send_strang", mutual_assistance_agreed=False, soviet_trust=40)
    assert gained(after, a0, "british_gains") >= 4
    assert gained(before, b0, "british_gains") == 0
    assert gained(before, b0, "soviet_trust") < gained(after, a0, "soviet_trust")


def test_the_chamber_s_first_rally_deters_a_distant_hitler_and_provokes_a_near_one() -> None:
    far, f0 = played("france", "rally_chamber", hitler_turn=22)
    near, n0 = played("france", "rally_chamber", hitler_turn=21)
    assert gained(far, f0, "french_gains") >= 4 and gained(far, f0, "german_prestige") == 0
    assert gained(near, n0, "french_gains") == 0 and gained(near, n0, "german_prestige") >= 5
    again, a0 = played("france", "rally_chamber", hitler_turn=22, **{"uses.rally_chamber": 1})
    assert gained(again, a0, "french_gains") == 0  # a second speech wins nothing more


def test_rebuffing_berlin_raises_its_later_price_only_if_hitler_is_in_a_hurry() -> None:
    hurry, h0 = played("soviet", "rebuff_berlin", hitler_turn=21, german_approach=True)
    patient, p0 = played("soviet", "rebuff_berlin", hitler_turn=22, german_approach=True)
    assert gained(hurry, h0, "berlin_price") > 0
    assert gained(patient, p0, "berlin_price") == 0


def test_the_league_clause_swallowed_costs_moscow_most_under_a_premier_without_need_of_it() -> None:
    needs, n0 = played("soviet", "accept_league_clause", soviet_gains=20, chamberlain_line=66)
    free, f0 = played("soviet", "accept_league_clause", soviet_gains=20, chamberlain_line=62)
    assert gained(needs, n0, "soviet_gains") == -3
    assert gained(free, f0, "soviet_gains") == -10


def test_giving_up_the_definition_costs_moscow_only_against_a_patient_hitler() -> None:
    hurry, h0 = played("soviet", "drop_indirect_aggression", soviet_gains=20, hitler_turn=21)
    patient, p0 = played("soviet", "drop_indirect_aggression", soviet_gains=20, hitler_turn=22)
    assert gained(hurry, h0, "soviet_gains") == 0
    assert gained(patient, p0, "soviet_gains") == -8


def test_the_baltic_protocol_is_pocketed_by_a_kremlin_turned_to_berlin() -> None:
    west, w0 = played("france", "endorse_baltic_protocol", french_gains=20, stalin_line=50)
    berlin, b0 = played("france", "endorse_baltic_protocol", french_gains=20, stalin_line=65)
    assert gained(west, w0, "french_gains") == 5
    assert gained(berlin, b0, "french_gains") == -5


def test_denying_the_london_talks_costs_only_with_a_kremlin_not_set_on_the_west() -> None:
    west, w0 = played("britain", "deny_london_talks", british_gains=20, stalin_line=35)
    waiting, a0 = played("britain", "deny_london_talks", british_gains=20, stalin_line=50)
    assert gained(west, w0, "british_gains") == 0
    assert gained(waiting, a0, "british_gains") == -5
    assert gained(west, w0, "cabinet_standing") == gained(waiting, a0, "cabinet_standing") > 0


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("accept_principle", (6, -10)), ("refuse_tripartite", (-4, 6)), ("let_lapse", (-6, 6))],
)
def test_london_s_answer_to_the_offer_of_17_april_is_worth_what_its_red_line_makes_it(
    answer: str, expected: tuple[int, int]
) -> None:
    ready, deep = (
        answered(
            "moscow_1939", "propose_tripartite", answer, british_gains=20, chamberlain_line=line
        )
        for line in (62, 66)
    )
    assert (ready["british_gains"], deep["british_gains"]) == expected


@pytest.mark.parametrize(
    "ending", ["deterrence", "grand_alliance", "franco_soviet_front", "paper_alliance"]
)
def test_a_western_ending_is_worth_less_to_a_stalin_who_does_not_seek_it(ending: str) -> None:
    by_line = [
        score("moscow_1939", ending, "soviet", stalin_line=v, soviet_gains=40) for v in (35, 50, 65)
    ]
    assert by_line[0] - by_line[1] == 5 and by_line[1] - by_line[2] == 5


def test_deterrence_is_worth_most_to_paris_against_a_hitler_in_a_hurry() -> None:
    by_date = [
        score("moscow_1939", "deterrence", "france", hitler_turn=t, french_gains=40)
        for t in (20, 21, 22, 23)
    ]
    assert [s - by_date[0] for s in by_date] == [0, -3, -6, -9]


def test_the_baltic_offer_is_worth_what_the_drawn_stalin_makes_of_it() -> None:
    found = [
        played("soviet", "offer_baltic_guarantees", stalin_line=v, soviet_gains=20)
        for v in (35, 50, 65)
    ]
    assert [gained(g, b, "soviet_gains") for g, b in found] == [12, -6, -6]
    assert [gained(g, b, "berlin_price") for g, b in found] == [0, 0, 5]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("france_backs_plan", (6, -8)), ("france_welcomes", (-3, 4)), ("france_reserves", (0, 0))],
)
def test_paris_s_answer_to_the_offer_of_17_april_is_read_against_chamberlain_s_line(
    answer: str, expected: tuple[int, int]
) -> None:
    ready, deep = (
        answered("moscow_1939", "propose_tripartite", answer, "france", chamberlain_line=line)
        for line in (62, 66)
    )
    assert (ready["french_gains"], deep["french_gains"]) == expected  # from 0: below zero bites


@pytest.mark.parametrize(
    ("answer", "expected"), [("doumenc_promises", (6, -6)), ("doumenc_refers", (-3, 3))]
)
def test_doumenc_s_promise_on_passage_is_a_bet_on_warsaw_s_breaking_point(
    answer: str, expected: tuple[int, int]
) -> None:
    movable, firm = (
        answered("moscow_1939", "cardinal_question", answer, "france", polish_breaking_point=v)
        for v in (66, 72)
    )
    assert (movable["french_gains"], firm["french_gains"]) == expected


def test_merekalov_s_question_is_worth_what_hitler_s_date_makes_it() -> None:
    hurry, h0 = played("soviet", "sound_berlin", hitler_turn=21, soviet_gains=20)
    patient, p0 = played("soviet", "sound_berlin", hitler_turn=22, soviet_gains=20)
    assert gained(hurry, h0, "soviet_gains") == 5
    assert gained(patient, p0, "soviet_gains") == -3


def test_the_pact_is_worth_most_to_a_stalin_who_leans_to_berlin_and_least_to_one_who_does_not() -> (
    None
):
    by_line = [
        score("moscow_1939", "historical_pact", "soviet", stalin_line=v, soviet_gains=40)
        for v in (35, 50, 65)
    ]
    assert [s - by_line[1] for s in by_line] == [-24, 0, 6]


def test_the_credit_agreement_pays_berlin_s_price_only_if_hitler_is_in_a_hurry() -> None:
    hurry, h0 = played("soviet", "sign_trade_agreement", hitler_turn=21, german_approach=True)
    patient, p0 = played("soviet", "sign_trade_agreement", hitler_turn=22, german_approach=True)
    assert (gained(hurry, h0, "berlin_price"), gained(patient, p0, "berlin_price")) == (6, 0)
    assert gained(hurry, h0, "soviet_gains") == gained(patient, p0, "soviet_gains") == 2


def test_who_carries_the_french_council_decides_what_leading_and_sounding_earn() -> None:
    """Daladier's Council (1) has the credit of leading London on the definition and pays
    for Bonnet's soundings; Bonnet's (3) disowns the lead and counts the soundings a win."""
    base = {"french_resolve": 60, "french_gains": 20, "chamber_confidence": 40}
    lead = {c: played("france", "accept_soviet_definition", council_lean=c, **base) for c in (1, 3)}
    assert gained(*lead[1], "french_gains") >= 8 > 0 > gained(*lead[3], "french_gains")
    assert gained(*lead[1], "chamber_confidence") > gained(*lead[3], "chamber_confidence")
    sound = {c: played("france", "bonnet_soundings", council_lean=c, **base) for c in (1, 3)}
    assert gained(*sound[3], "french_gains") > 0 > gained(*sound[1], "french_gains")
    assert gained(*sound[1], "chamber_confidence") < 0 < gained(*sound[3], "chamber_confidence")


def test_the_french_council_is_drawn_seen_by_paris_and_read_by_surits() -> None:
    drawn = {Game.new(scenario(), seed=s).state.env["council_lean"] for s in range(40)}
    assert drawn == {1, 2, 3}
    g = Game.new(scenario(), humans=("soviet",), seed=0, policy="historical")
    assert "council_lean" not in dict((v[0], v) for v in g.variables("soviet"))
    g._play("soviet", g.content.actions["surits_report"])
    ((low, high),) = [(e[2], e[3]) for e in g.estimates("soviet") if e[0] == "council_lean"]
    assert low == high == g.state.env["council_lean"]


def test_a_french_lead_shows_london_and_moscow_who_carries_the_council() -> None:
    """Its dispatch says which of the two had the last word, or that the Council split, so
    their estimates say it too: no lean is left to be read from a silence."""
    base = {"french_resolve": 60, "chamber_confidence": 40}
    for lean in (1, 2, 3):
        g, _ = played("france", "accept_soviet_definition", council_lean=lean, **base)
        for power in ("britain", "soviet"):
            (est,) = [(e[2], e[3]) for e in g.estimates(power) if e[0] == "council_lean"]
            assert est == (lean, lean), (lean, power, est)


def test_london_never_objects_to_a_definition_it_has_accepted() -> None:
    """Its answer to the French lead follows what London has done and what Paris's own
    officials said: no 'maintains its objection' after accepting, no 'France committed'
    after Bonnet's men said the note binds nobody."""
    g = Game.new(scenario(), humans=("britain",), seed=0, policy="historical")
    (reply,) = (
        scenario()
        .actions[[a.id for a in scenario().actions].index("accept_soviet_definition")]
        .replies
    )
    texts = {o.id: o.text for o in reply.options}
    render = g.content.texts.render
    agreed = dict(g.state.env, indirect_aggression_agreed=1)
    assert "maintains its objection" in render(texts["london_demurs"], g.state.env)
    assert "maintains its objection" not in render(texts["london_demurs"], agreed)
    bonnet = dict(g.state.env, council_lean=3)
    assert "With France committed" in render(
        texts["london_follows"], g.state.env | {"council_lean": 1}
    )
    assert "With France committed" not in render(texts["london_follows"], bonnet)


def test_the_first_insistence_on_the_definition_pays_by_what_the_drawn_stalin_wants() -> None:
    def gains(line: int, times: int = 1) -> int:
        g, before = played(
            "soviet", "insist_indirect_aggression", soviet_gains=20, stalin_line=line
        )
        for _ in range(times - 1):
            g._play("soviet", g.content.actions["insist_indirect_aggression"])
        return gained(g, before, "soviet_gains")

    assert [gains(v) for v in (35, 50, 65)] == [-6, 5, 9]
    assert [gains(v, 3) for v in (35, 50, 65)] == [-6, 5, 9]  # pressing again adds nothing


def test_the_cardinal_question_is_a_bet_on_warsaw_s_breaking_point() -> None:
    def asked(point: int) -> tuple[int, int]:
        g, before = played(
            "soviet",
            "cardinal_question",
            soviet_gains=20,
            polish_flexibility=40,
            polish_breaking_point=point,
        )
        return gained(g, before, "soviet_gains"), gained(g, before, "polish_flexibility")

    assert [asked(v) for v in (60, 66, 72, 80)] == [(6, 4), (6, 4), (0, 4), (-8, 4)]


@pytest.mark.parametrize("name", ["moscow_1939", "litvinov_stays"])
def test_londons_refusal_reads_the_same_on_either_side_of_its_red_line(name: str) -> None:
    """Two refusals, one open above the Prime Minister's drawn line and one below it, once
    had two wordings: Moscow, which does not see the line, read from the dispatch which side
    London stood. They now read alike, to the chooser and to the hearers."""
    sc = load(name)
    (reply,) = sc.actions[[a.id for a in sc.actions].index("insist_indirect_aggression")].replies
    refusals = {o.id: (o.label, o.text) for o in reply.options if o.id.startswith("refuse")}
    assert set(refusals) == {"refuse_anyway", "refuse_definition"}
    assert refusals["refuse_anyway"] == refusals["refuse_definition"]


@pytest.mark.parametrize(
    ("move", "low", "high"), [("send_eden", 10, -10), ("send_halifax", 12, -10)]
)
def test_a_minister_sent_to_moscow_pays_by_the_stalin_london_cannot_see(
    move: str, low: int, high: int
) -> None:
    """A minister in Moscow is the proof a Stalin of collective security asked for, and
    Western eagerness to be priced in Berlin to one who leans that way: London, which does
    not see Stalin's line, must read it (Seeds, the unilateral declaration, going slowly)
    before it chooses to send one."""
    env = {"british_resolve": 60, "british_gains": 20, "berlin_price": 20}
    seeker, s0 = played("britain", move, stalin_line=35, **env)
    waiter, w0 = played("britain", move, stalin_line=50, **env)
    leaner, l0 = played("britain", move, stalin_line=65, **env)
    assert [
        gained(g, b, "british_gains") for g, b in ((seeker, s0), (waiter, w0), (leaner, l0))
    ] == [
        low,
        0,
        high,
    ]
    assert gained(leaner, l0, "berlin_price") == 3 and gained(seeker, s0, "berlin_price") == 0
    assert "stalin_line" not in {v[0] for v in seeker.variables("britain")}


def test_what_is_settled_is_not_asked_for_again() -> None:
    """Found in play: Paris 'urged London to cover the Baltic states' after they were covered,
    and Voroshilov's question bet on moving Beck after Warsaw had consented."""
    g = Game.new(scenario(), humans=("france",), seed=0, policy="historical")
    endorse = g.content.actions["endorse_baltic_protocol"].action
    g.state.env["baltic_guarantee_agreed"] = True
    assert g.text(endorse.title) == "Endorse the Baltic protocol London has agreed"
    g.state.env["baltic_guarantee_agreed"] = False
    assert g.text(endorse.title) == "Urge London to cover the Baltic states"
    (reply,) = [
        r for a in scenario().actions for r in a.replies if "Voroshilov asks about" in str(r.prompt)
    ]
    g.state.env["passage_agreed"] = True
    assert "Warsaw has given its consent" in g.text(reply.prompt)
    assert "if Beck can be moved" not in g.text(reply.prompt)
