"""The bundled alternate scenarios, variants of moscow_1939: each loads as a variant, lints
clean, explains itself in an author's note with sources, is a game with several endings, and
its historical-policy run leaves the main scenario's in the way its note says."""

from __future__ import annotations

import io
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from game import cli
from game.engine import Game
from game.scenario import Scenario, list_bundled, load_scenario
from game.scenario.lint import lint
from game.simulate import simulate

from .conftest import MAIN, ROOT

VARIANTS = ("litvinov_stays", "door_through_poland", "fast_mission", "march_conference")
PLAYABLE = ("soviet", "britain", "france")
SEEDS = (1, 7, 42)


def path_of(name: str) -> Path:
    return ROOT / "scenarios" / f"{name}.toml"


@cache
def scenario(name: str) -> Scenario:
    return load_scenario(MAIN if name == "moscow_1939" else path_of(name))


@dataclass(frozen=True)
class Run:
    """What a game with every power computer-played on the historical path came to."""

    ending: str
    turn: int
    fired: frozenset[str]
    used: frozenset[str]
    answers: frozenset[tuple[str, str]]
    env: dict[str, int]
    first_fired: dict[str, int]
    """The turn on which each event first fired."""
    off_path: frozenset[str]
    log: tuple[tuple[int, str, str, str, str], ...]


@cache
def history(name: str, seed: int = 1) -> Run:
    g = Game.new(scenario(name), humans=(), seed=seed, policy="historical")
    while not g.over:
        g.end_turn()
    assert g.ending is not None
    first: dict[str, int] = {}
    for d in g.state.dispatches:
        if d.kind == "event" and not d.power:
            first.setdefault(d.source, d.turn)
    return Run(
        g.ending.ending,
        g.ending.turn,
        frozenset(g.state.fired),
        frozenset(g.state.used),
        frozenset(g.state.seen_options),
        dict(g.state.env),
        first,
        frozenset(g.state.off_path),
        tuple((d.turn, d.kind, d.source, d.power, d.text) for d in g.state.dispatches),
    )


def main_run() -> Run:
    return history("moscow_1939")


# -- shape ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", VARIANTS)
def test_loads_as_a_variant_of_the_main_scenario(name: str) -> None:
    sc, main = scenario(name), scenario("moscow_1939")
    assert sc.id == name == path_of(name).stem
    assert sc.extends == "moscow_1939"
    assert sc.title != main.title and sc.summary != main.summary
    assert [p.id for p in sc.playable] == [p.id for p in main.playable] == list(PLAYABLE)
    # A variant states only what differs: its sources are the main scenario's.
    raw = tomllib.loads(path_of(name).read_text(encoding="utf-8"))
    assert raw["extends"] == "moscow_1939" and "sources" not in raw
    assert {s.key for s in sc.sources} == {s.key for s in main.sources}


@pytest.mark.parametrize("name", VARIANTS)
def test_validates_and_lints_clean(name: str) -> None:
    text = path_of(name).read_text(encoding="utf-8")
    assert lint(scenario(name), text) == []
    out = io.StringIO()
    assert cli.main(["validate", str(path_of(name))], out=out) == 0, out.getvalue()
    out = io.StringIO()
    assert cli.main(["lint", str(path_of(name))], out=out) == 0, out.getvalue()
    assert "no warnings" in out.getvalue()


@pytest.mark.parametrize("name", VARIANTS)
def test_author_note_says_what_changed_with_sources_and_readings(name: str) -> None:
    sc = scenario(name)
    note = sc.author_note
    assert note is not None
    for heading in ("What changed.", "Why it is plausible.", "What the variant's history does."):
        assert heading in note.note
    known = {s.key for s in scenario("moscow_1939").sources}
    assert len(note.sources) >= 3
    assert {cite.split(":")[0] for cite in note.sources} <= known
    assert len(note.readings) >= 2, "both readings where historians disagree"
    for reading in note.readings:
        assert reading.school and reading.text and reading.sources
        assert {cite.split(":")[0] for cite in reading.sources} <= known


@pytest.mark.parametrize("name", VARIANTS)
def test_briefings_are_the_variants_own(name: str) -> None:
    main = {p.id: p for p in scenario("moscow_1939").powers}
    for power in scenario(name).playable:
        assert power.briefing.strip()
        assert power.briefing != main[power.id].briefing
        assert power.objectives and power.leaders


@pytest.mark.parametrize("name", VARIANTS)
def test_new_events_carry_history_with_sources(name: str) -> None:
    base = {e.id for e in scenario("moscow_1939").events}
    new = [e for e in scenario(name).events if e.id not in base]
    assert new, "each variant adds at least one event"
    for event in new:
        assert event.history is not None and event.history.sources, event.id


# -- a game with choices -------------------------------------------------------------------


@pytest.mark.parametrize("name", VARIANTS)
def test_random_games_reach_several_endings(name: str) -> None:
    sc = scenario(name)
    everyone = simulate(sc, 200, seed=0)
    assert len(everyone.endings) >= 3, everyone.endings
    for power in PLAYABLE:
        report = simulate(sc, 150, power=power, seed=0)
        assert len(report.endings) >= 3, (power, report.endings)


# -- the variant's history -----------------------------------------------------------------


@pytest.mark.parametrize("name", VARIANTS)
def test_historical_run_stays_on_the_path_and_is_the_same_for_every_seed(name: str) -> None:
    runs = [history(name, seed) for seed in SEEDS]
    assert all(run.off_path == frozenset() for run in runs), "a step of the path was not open"
    assert len({run.log for run in runs}) == 1


def test_main_scenario_reference_run() -> None:
    """The record, as the variants' tests assume it."""
    run = main_run()
    assert (run.ending, run.turn) == ("historical_pact", 24)
    assert run.env["litvinov_dismissed"] == 1 and run.env["passage_agreed"] == 0
    assert ("propose_conference", "premature") in run.answers
    assert ("propose_tripartite", "let_lapse") in run.answers
    assert ("mission_instructions", "slow_without_powers") in run.answers
    assert run.first_fired["missions_sail"] == 21
    assert run.first_fired["missions_arrive"] == 22
    assert run.first_fired["talks_adjourned"] == 23
    assert "treaty_initialled" not in run.fired


@pytest.mark.parametrize("seed", SEEDS)
def test_litvinov_stays_ends_in_an_alliance_on_paper(seed: int) -> None:
    run, main = history("litvinov_stays", seed), main_run()
    # London answers the proposal of 17 April, and there is no silence to weigh Litvinov by.
    assert run.first_fired["committee_takes_up"] == 6
    assert ("propose_tripartite", "accept_principle") in run.answers
    assert "litvinov_dismissal" in main.fired and "litvinov_dismissal" not in run.fired
    assert run.env["litvinov_dismissed"] == 0
    assert "berlin_takes_note" in run.fired
    # The treaty is initialled in late July, after the Commissar takes the Western formula.
    assert "drop_indirect_aggression" in run.used
    assert run.first_fired["treaty_initialled"] == 20
    # Warsaw still refuses, and Moscow turns Berlin away: no telegram, no pact.
    assert ("press_warsaw", "beck_refuses") in run.answers
    assert ("propose_political_talks", "decline_german_talks") in run.answers
    assert not {"hitler_telegram", "nazi_soviet_pact"} & run.fired
    assert (run.ending, run.turn) == ("paper_alliance", 25)
    assert run.ending != main.ending


@pytest.mark.parametrize("seed", SEEDS)
def test_door_through_poland_opens_the_door_and_the_pact_comes_anyway(seed: int) -> None:
    run, main = history("door_through_poland", seed), main_run()
    # Warsaw signs beside Moscow in March and takes a guarantee with a condition.
    assert ("allies_press_warsaw", "press_hard") in run.answers
    assert ("four_power_declaration", "poland_signs_declaration") in run.answers
    assert "conditional_guarantee" in run.used and "guarantee_poland" not in run.used
    assert ("conditional_guarantee", "poland_accepts_terms") in run.answers
    # In August it consents to passage, and the talks do not adjourn.
    assert ("press_warsaw", "poland_consents") in run.answers
    assert run.env["passage_agreed"] == 1 and main.env["passage_agreed"] == 0
    assert "talks_adjourned" in main.fired and "talks_adjourned" not in run.fired
    assert run.first_fired["polish_answer_in_moscow"] == 23
    # But there is no treaty to carry a convention, and Ribbentrop comes all the same.
    assert "convention_concluded" not in run.fired and run.env["alliance_signed"] == 0
    assert ("hitler_telegram", "receive_ribbentrop") in run.answers
    assert (run.ending, run.turn) == (main.ending, main.turn) == ("historical_pact", 24)


@pytest.mark.parametrize("seed", SEEDS)
def test_fast_mission_meets_early_and_founders_on_the_same_rock(seed: int) -> None:
    run, main = history("fast_mission", seed), main_run()
    # The missions fly, with written powers, and land ten days early.
    assert ("mission_instructions", "senior_by_air") in run.answers
    assert "missions_sail" not in run.fired
    assert run.first_fired["missions_arrive"] == 21 < main.first_fired["missions_arrive"]
    assert run.first_fired["credentials_read"] == 21
    assert not {"go_slowly", "authorise_doumenc"} & run.used
    # The cardinal question is put at once; Warsaw refuses; the talks adjourn a week early.
    assert {"cardinal_question", "soviet_military_plan"} <= run.used
    assert ("press_warsaw", "beck_refuses") in run.answers
    assert run.first_fired["talks_adjourned"] == 22 < main.first_fired["talks_adjourned"]
    # And the pact of 23 August follows as in the record.
    assert ("propose_political_talks", "accept_german_talks") in run.answers
    assert (run.ending, run.turn) == ("historical_pact", 24)


@pytest.mark.parametrize("seed", SEEDS)
def test_march_conference_meets_and_moscow_stands_aside(seed: int) -> None:
    run, main = history("march_conference", seed), main_run()
    # London accepts the call of 18 March; the six meet at Bucharest and Beck signs.
    assert ("propose_conference", "accept_conference") in run.answers
    assert "four_power_declaration" in main.used and "four_power_declaration" not in run.used
    assert run.first_fired["bucharest_conference"] == 3
    assert ("bucharest_conference", "poland_signs_with_reservations") in run.answers
    assert run.env["declaration_signed"] == 1 and main.env["declaration_signed"] == 0
    # Stalin weighs Litvinov in May, and keeps him.
    assert ("litvinov_dismissal", "keep_litvinov") in run.answers
    assert run.env["litvinov_dismissed"] == 0
    # The alliance talks stall as in the record; Moscow turns Berlin away.
    assert ("propose_tripartite", "let_lapse") in run.answers
    assert "treaty_initialled" not in run.fired
    assert ("propose_political_talks", "decline_german_talks") in run.answers
    assert "hitler_telegram" not in run.fired and run.env["pact_signed"] == 0
    assert (run.ending, run.turn) == ("soviet_neutrality", 25)


# -- bundled -------------------------------------------------------------------------------


def test_the_variants_are_bundled_and_listed() -> None:
    bundled = {sc.id: sc for sc in list_bundled()}
    for name in VARIANTS:
        assert name in bundled and bundled[name].extends == "moscow_1939"
    out = io.StringIO()
    assert cli.main(["scenarios"], out=out) == 0
    listing = out.getvalue()
    for name in VARIANTS:
        assert f"{name}: {scenario(name).title}" in listing
