"""The historian's corrections to moscow_1939 (issue 13), each guarded where a test can see
it: dates of events, names and words in the texts, sources cited, and the rule that the
story never contradicts the game."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from game.engine import Game
from game.scenario import Scenario, load_scenario
from game.scenario.textmodels import Text

from .conftest import MAIN, ROOT

D = dt.date


@cache
def scenario() -> Scenario:
    return load_scenario(MAIN)


def words(text: Text) -> str:
    """Every version of a text, joined."""
    return text if isinstance(text, str) else " ".join(v.text for v in text)


def event(ident: str):  # type: ignore[no-untyped-def]
    return next(e for e in scenario().events if e.id == ident)


def action(ident: str):  # type: ignore[no-untyped-def]
    return next(a for a in scenario().actions if a.id == ident)


def test_the_polish_soviet_pact_was_in_force() -> None:
    text = words(event("hitler_renounces_treaties").text)
    assert "without a treaty with either" not in text and "1932" in text


def test_litvinov_fell_a_fortnight_after_the_proposal() -> None:
    """17 April to 3 May is about two weeks, not six; and since a player times the Soviet
    proposal, no text gives it the date it had in the record."""
    ev = event("litvinov_dismissal")
    shown = words(ev.prompt) + words(ev.text)
    assert "Six weeks" not in shown and "six weeks" not in shown and "17 April" not in shown
    assert "Bonnet" in words(ev.text)  # Paris did answer; London did not


def test_potemkin_in_warsaw_is_not_cited_to_rakovsky() -> None:
    note = action("assure_poland").history
    assert note is not None and "10 May" in note.note
    assert not any(s.startswith("RAK") for s in note.sources)


def test_the_commons_debate_of_19_may_is_real() -> None:
    ev = event("commons_19_may")
    assert ev.date == D(1939, 5, 19) and ev.history is not None
    assert "HAN19M" in ev.history.sources


def test_the_essay_has_its_own_source() -> None:
    keys = {s.key for s in scenario().sources}
    assert "ESS" in keys
    for term in ("Anti-Comintern Pact", "Munich Agreement", "Collective security"):
        entry = next(e for e in scenario().encyclopedia if e.term == term)
        assert "ESS" in entry.sources and not any(s.startswith("RAK") for s in entry.sources)


@pytest.mark.parametrize(
    "path", ["moscow_1939", "litvinov_stays", "march_conference", "fast_mission"]
)
def test_no_polish_guarantee_under_discussion_on_15_march(path: str) -> None:
    sc = load_scenario(ROOT / "scenarios" / f"{path}.toml")
    assert all("under discussion" not in p.briefing for p in sc.playable)


def test_names_and_dates_of_the_far_east() -> None:
    assert "Sir Robert Craigie" in words(action("craigie_arita").text)
    assert event("tientsin_blockade").date == D(1939, 6, 14)
    reply = action("craigie_arita").replies[0].options[0]
    assert "eases" not in words(reply.text)
    assert "Manchukuoan" in words(event("khalkhin_gol").text)


def test_the_london_talks_were_wilsons() -> None:
    assert "Wilson" in words(action("hudson_wohlthat").title)
    assert "Wilson" in words(event("london_talks_leaked").text)


def test_lithuania_was_not_named_on_2_june() -> None:
    assert "Kaunas" not in words(event("baltic_refusal").text)


def test_march_dates() -> None:
    assert event("romanian_query").date == D(1939, 3, 18)
    assert "to be made a protectorate" in words(event("prague_occupied").text)


def test_the_marshals_remark_was_private_and_undated() -> None:
    ev = event("talks_adjourned")
    assert "in private" in words(ev.text)
    assert ev.history is not None and "not firmly established" in ev.history.note


def test_the_cabinet_accepted_the_principle_on_24_may() -> None:
    note = action("accept_reciprocity").history
    assert note is not None and note.note.startswith("On 24 May 1939")


def test_the_missions_ranks_have_both_readings() -> None:
    ev = event("missions_arrive")
    assert ev.history is not None
    schools = " ".join(r.school for r in ev.history.readings)
    assert "Soviet" in schools and "Western" in schools
    assert any("full admiral" in r.text for r in ev.history.readings)
    plan = action("soviet_military_plan").history
    assert plan is not None and any("Doumenc and Heywood" in r.text for r in plan.readings)


def test_japan_lost_by_the_pact_and_the_protocol_leaked() -> None:
    pact = next(e for e in scenario().endings if e.id == "historical_pact")
    assert pact.scores["japan"] <= 15 and "Hiranuma" in words(pact.comparison)
    note = event("nazi_soviet_pact").history
    assert note is not None and "Herwarth" in note.note and "1989" in note.note
    settlement = next(e for e in scenario().endings if e.id == "anglo_german_arrangement")
    assert "Chamberlain's view" in words(settlement.comparison)


# -- the story follows the game --------------------------------------------------------------


def test_the_commissar_follows_litvinovs_fate() -> None:
    """Keep Litvinov and no text calls Molotov the commissar; the game records none."""
    sc = scenario()
    g = Game.new(sc, humans=("soviet",), seed=2, policy="historical")
    while not g.over:
        for d in list(g.decisions("soviet")):
            ids = [c.id for c in g.choices(d)]
            g.decide("soviet", d.id, "keep_litvinov" if "keep_litvinov" in ids else ids[0])
            if g.over:
                break
        if not g.over:
            g.end_turn()
    assert not g.state.env["litvinov_dismissed"]
    shown = " ".join(d.text for d in g.state.dispatches)
    assert "M. Molotov" not in shown and "M. Litvinov" in shown
    assert g.state.violations == []


def test_no_diplomacy_after_the_invasion() -> None:
    """From the turn of the German attack, no power has a move to make."""
    sc = scenario()
    g = Game.new(sc, humans=("britain",), seed=4, policy="historical")
    war = next(i for i, t in enumerate(sc.calendar, 1) if t.date >= D(1939, 8, 30))
    while not g.over and g.state.turn < war:
        for d in list(g.decisions("britain")):
            g.decide("britain", d.id, g.choices(d)[0].id)
        if not g.over:
            g.end_turn()
    if not g.over:  # the pact may end the game first; otherwise the war has begun
        assert g.moves("britain") == [] or g.budget("britain") == 0


@pytest.mark.parametrize(
    "name",
    ["moscow_1939", "litvinov_stays", "march_conference", "door_through_poland", "fast_mission"],
)
def test_no_continuity_violation_in_random_games(name: str) -> None:
    """The rule of issue 13: the story never contradicts the game, with every power playing
    at random and with each playable power at random against history."""
    sc = load_scenario(ROOT / "scenarios" / f"{name}.toml")
    policies: list[str | dict[str, str]] = ["random"] + [{p.id: "random"} for p in sc.playable]
    found = []
    for policy in policies:
        for seed in range(40):
            g = Game.new(sc, humans=(), seed=seed, policy=policy)
            while not g.over:
                g.end_turn()
            found += [(policy, seed, v) for v in g.state.violations]
    assert found == []


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "scenarios").glob("*.toml")))
def test_no_citation_repeats_its_sources_date(name: str) -> None:
    """'The Spectator, 18 August 1939, 18 Aug 1939' was a page reference that only repeated
    the title's date: every reference's location must add something."""
    sc = load_scenario(ROOT / "scenarios" / name)
    titles = {s.key: s.title for s in sc.sources}
    refs: list[str] = []

    def walk(node: object) -> None:  # every 'sources' list, wherever it sits
        if isinstance(node, dict):
            for key, value in node.items():
                if (
                    key == "sources"
                    and isinstance(value, list)
                    and all(isinstance(r, str) for r in value)
                ):
                    refs.extend(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(sc.model_dump())
    assert refs
    for ref in refs:
        key, _, where = ref.partition(":")
        where = where.strip()
        day = where.split(" ")[0]
        if where and day.isdigit():
            title = titles.get(key.strip(), "")
            assert not (day in title and where.split(" ")[-1] in title), (name, ref, title)


def test_the_polls_thread_gives_a_sourced_figure_in_its_week() -> None:
    week = next(t for t in scenario().calendar if t.date == D(1939, 7, 26))
    assert "Nicolson" in week.history and "55 per cent" in week.history
    assert "NIC" in week.sources
    assert any(s.key == "NIC" and "Spectator, 28 July 1939" in s.title for s in scenario().sources)
