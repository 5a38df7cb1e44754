"""The German-Soviet track of August in the historical scenario: what Berlin is made to pay
(the special protocol, Schulenburg kept waiting, the answer to Ribbentrop's offer) counts
only if the pact is signed; delays pay only against a Hitler in a hurry; and playing both
tracks risks the West hearing of the German talks."""

from __future__ import annotations

from functools import cache

import pytest

from game.engine import Game
from game.scenario import Scenario, load_scenario

from .conftest import MAIN

THE_WESTERN_ENDINGS = ("deterrence", "grand_alliance", "franco_soviet_front", "paper_alliance")


@cache
def scenario() -> Scenario:
    return load_scenario(MAIN)


def game(**env: int) -> Game:
    g = Game.new(scenario(), humans=("soviet",), seed=0, policy="historical")
    g.state.env.update({"german_approach": True, "german_talks_accepted": True, **env})
    return g


def soviet_score(g: Game, ending: str) -> int:
    ce = next(ce for ce in g.content.endings if ce.ending.id == ending)
    return int(ce.scores["soviet"](g.state.env))


def answered(choice: str, **env: int) -> Game:
    """A game with `env` set after the USSR gives `choice` to Ribbentrop's offer."""
    g = game(**env)
    option = next(o for o in g.content.events["ribbentrop_offer"].choices if o.option.id == choice)
    g._apply_option("soviet", "ribbentrop_offer", option, "Ribbentrop offers to come", None)
    return g


@pytest.mark.parametrize("move", ["ask_special_protocol", "keep_schulenburg_waiting"])
def test_the_german_track_pays_in_the_pact_and_not_in_an_alliance_with_the_west(
    move: str,
) -> None:
    g = game(hitler_turn=21, alliance_signed=True)
    before = {e: soviet_score(g, e) for e in ("historical_pact", *THE_WESTERN_ENDINGS)}
    gains = g.state.env["soviet_gains"]
    g._play("soviet", g.content.actions[move])
    assert g.state.env["soviet_gains"] == gains
    assert soviet_score(g, "historical_pact") >= before["historical_pact"] + 3
    for ending in THE_WESTERN_ENDINGS:
        assert soviet_score(g, ending) == before[ending], ending


def test_keeping_schulenburg_waiting_pays_only_against_a_hitler_in_a_hurry() -> None:
    def waited(hitler_turn: int) -> tuple[int, int]:
        g = game(hitler_turn=hitler_turn, berlin_price=20, german_soviet_rapprochement=50)
        g._play("soviet", g.content.actions["keep_schulenburg_waiting"])
        return g.state.env["berlin_price"] - 20, g.state.env["german_soviet_rapprochement"] - 50

    for hurry in (20, 21):
        assert waited(hurry)[0] >= 6 and waited(hurry)[1] > 0
    for patient in (22, 23):
        price, warmth = waited(patient)
        assert price < 0 and warmth <= -10


def test_telling_ribbentrop_it_is_too_soon_pays_only_against_a_hitler_in_a_hurry() -> None:
    """Molotov's answer of 15 August (name a price) is the safe one; calling the visit
    premature raises Berlin's price where Hitler's drawn date presses him, and lowers it
    where he can wait: only an estimate of the date tells which."""

    def price(choice: str, hitler_turn: int) -> int:
        return answered(choice, hitler_turn=hitler_turn).state.env["berlin_price"]

    assert price("ask_berlins_terms", 21) == price("ask_berlins_terms", 23) > 0
    for hurry in (20, 21):
        assert price("visit_premature", hurry) > price("ask_berlins_terms", hurry)
    for patient in (22, 23):
        assert price("visit_premature", patient) < price("ask_berlins_terms", patient)


def test_the_west_can_hear_of_the_german_talks_only_once_moscow_plays_for_time() -> None:
    g = game(hitler_turn=21, german_soviet_rapprochement=40)
    leak = g.content.events["berlin_talks_known"]
    assert not leak.when(g.state.env)  # the historical answers alone never risk it
    assert leak.chance is not None
    g._play("soviet", g.content.actions["keep_schulenburg_waiting"])
    assert leak.when(g.state.env)
    once = int(leak.chance(g.state.env))
    g._play("soviet", g.content.actions["keep_schulenburg_waiting"])
    assert int(leak.chance(g.state.env)) > once > 0
    put_off = answered("visit_premature", hitler_turn=21)
    assert leak.when(put_off.state.env)


@pytest.mark.parametrize("signed", [False, True])
def test_the_leak_costs_the_alliance_track(signed: bool) -> None:
    g = game(
        alliance_signed=signed,
        treaty_progress=60,
        soviet_gains=40,
        western_trust=50,
        military_progress=40,
    )
    g._fire(g.content.events["berlin_talks_known"])
    env = g.state.env
    assert env["berlin_talks_known"]
    assert env["western_trust"] == 40 and env["military_progress"] == 30
    if signed:
        assert env["soviet_gains"] == 30
    else:
        assert env["treaty_progress"] == 45


@cache
def historical_game() -> Game:
    """One game played to its end as history went (seed 5); the tests only read it."""
    g = Game.new(scenario(), seed=5, policy="historical")
    while not g.over:
        g.end_turn()
    return g


def test_ribbentrop_s_offer_comes_in_the_historical_line_and_is_answered_with_questions() -> None:
    g = historical_game()
    offer = [d for d in g.state.dispatches if d.source == "ribbentrop_offer"]
    assert [d.turn for d in offer] == [23, 23]  # the offer, and the answer
    assert "pact of non-aggression" in offer[1].text and "no date" in offer[1].text
    assert not any(d.source == "berlin_talks_known" for d in g.state.dispatches)
    assert g.ending is not None and g.ending.ending == "historical_pact"


def test_asking_for_the_protocol_slows_the_soviet_soldiers() -> None:
    g = game(military_progress=40)
    g._play("soviet", g.content.actions["ask_special_protocol"])
    assert g.state.env["military_progress"] < 40


def test_schulenburg_s_visit_of_3_august_is_a_soviet_choice_answered_as_in_the_record() -> None:
    g = historical_game()
    visit = [d for d in g.state.dispatches if d.source == "schulenburg_3_august"]
    assert [d.turn for d in visit] == [21, 21]  # the visit, and the answer
    assert "Anti-Comintern" in visit[1].text or "Comintern" in visit[1].text
    choices = {o.option.id for o in g.content.events["schulenburg_3_august"].choices}
    assert choices == {"list_grievances", "trade_only"}


def test_a_computer_ussr_delays_only_when_the_channel_is_warm() -> None:
    """Computer-played, the USSR keeps Schulenburg waiting only with the German channel warm,
    and turns Schulenburg or Ribbentrop away only with high trust in the West, so the other
    powers' games are not reshaped by random Soviet delays."""
    g = game()
    wait = g.content.actions["keep_schulenburg_waiting"].weight
    assert wait({**g.state.env, "german_soviet_rapprochement": 60}) <= 0
    assert wait({**g.state.env, "german_soviet_rapprochement": 100}) > 0
    visit = {o.option.id: o for o in g.content.events["schulenburg_3_august"].choices}
    assert visit["trade_only"].weight({**g.state.env, "soviet_trust": 30}) <= 0
    offer = {o.option.id: o for o in g.content.events["ribbentrop_offer"].choices}
    cold = {**g.state.env, "soviet_trust": 20, "military_progress": 20}
    assert offer["visit_premature"].weight(cold) <= 0


def test_the_more_berlin_has_been_asked_the_likelier_the_leak() -> None:
    g = game(german_soviet_rapprochement=40, **{"uses.keep_schulenburg_waiting": 1})
    chance = g.content.events["berlin_talks_known"].chance
    assert chance is not None
    assert chance({**g.state.env, "berlin_price": 30}) > chance({**g.state.env, "berlin_price": 0})
