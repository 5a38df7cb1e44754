"""Texts that no longer contradict the game: an ending's dateline is the month it comes
in, and the week of 14 June is not headed 'Strang in Moscow' in a game where London sent
nobody, or sent a minister."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from game.engine import Game
from game.engine.content import content_of
from game.engine.texts import Texts
from game.scenario import Scenario, load_scenario

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["moscow_1939", "litvinov_stays", "march_conference", "door_through_poland", "fast_mission"]
MONTHS = ["MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER"]


def scenario(name: str = "moscow_1939") -> Scenario:
    return load_scenario(ROOT / "scenarios" / f"{name}.toml")


def epilogue(sc: Scenario, ending: str, date: dt.date) -> str:
    env = content_of(sc).start_env()
    env["date"] = date.toordinal()
    chosen = next(e for e in sc.endings if e.id == ending)
    return Texts(sc).render(chosen.epilogue, env)


@pytest.mark.parametrize(
    "ending", ["franco_soviet_front", "grand_alliance", "anglo_german_arrangement", "deterrence"]
)
def test_an_ending_is_dated_the_month_it_comes_in(ending: str) -> None:
    sc = scenario()
    for month, name in enumerate(MONTHS, start=3):
        text = epilogue(sc, ending, dt.date(1939, month, 14))
        assert f", {name} 1939. " in text.split(". ", 1)[0] + ". "
        assert all(f", {other} 1939." not in text for other in MONTHS if other != name)


def test_the_ending_of_june_names_the_month_and_the_admiral_who_signed() -> None:
    text = epilogue(scenario(), "franco_soviet_front", dt.date(1939, 6, 14))
    assert text.startswith("MOSCOW, JUNE 1939. ")
    assert "whose admiral signed for the general staffs" in text


@pytest.mark.parametrize("name", NAMES)
def test_no_week_is_headed_by_a_mission_that_may_never_go(name: str) -> None:
    sc = scenario(name)
    titles = [t.title for t in sc.calendar]
    assert "Strang in Moscow" not in titles
    assert next(t.title for t in sc.calendar if t.date == dt.date(1939, 6, 14)) == "Tientsin"


def test_a_game_where_eden_went_never_shows_strang_as_the_envoy() -> None:
    """Britain sends Eden in week 13 (before the envoy's meeting with Molotov on 15 June)."""
    sc = scenario()
    g = Game.new(sc, humans=("britain",), seed=3, policy="historical")
    while not g.over and g.state.turn < 13:
        for d in list(g.decisions("britain")):
            g.decide("britain", d.id, g.choices(d)[0].id)
        g.end_turn()
    assert not g.over
    eden = next(m for m in g.moves("britain") if m.id == "send_eden")
    g.play("britain", eden.id)
    while not g.over and g.state.turn < 15:
        for d in list(g.decisions("britain")):
            g.decide("britain", d.id, g.choices(d)[0].id)
        g.end_turn()
    shown = "\n".join(f"{d.title}\n{d.text}" for d in g.state.dispatches)
    assert "Mr. Eden, with Sir William Seeds" in shown
    assert "Mr. Strang" not in shown and "Strang in Moscow" not in shown
    assert g.state.violations == []


def rendered(sc: Scenario, text: object, date: dt.date) -> str:
    env = content_of(sc).start_env()
    env["date"] = date.toordinal()
    return Texts(sc).render(text, env)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["moscow_1939", "door_through_poland"])
def test_a_pact_signed_a_week_late_is_not_dated_24_august(name: str) -> None:
    sc = scenario(name)
    pact = next(e for e in sc.events if e.id == "nazi_soviet_pact")
    ending = next(e for e in sc.endings if e.id == "historical_pact")
    on_time, late = dt.date(1939, 8, 23), dt.date(1939, 8, 30)
    assert rendered(sc, pact.text, on_time).startswith("MOSCOW, 24 AUGUST. Late last night")
    assert rendered(sc, pact.text, late).startswith("MOSCOW, 30 AUGUST. Late last night")
    assert rendered(sc, ending.epilogue, on_time).startswith("MOSCOW, 24 AUGUST. The pact")
    late_end = rendered(sc, ending.epilogue, late)
    assert late_end.startswith("MOSCOW, 30 AUGUST. The pact") and "On 25 August" not in late_end


def test_hitlers_telegram_of_a_later_week_asks_for_no_day_gone_by() -> None:
    sc = scenario()
    telegram = next(e for e in sc.events if e.id == "hitler_telegram")
    late = dt.date(1939, 8, 23)
    text = rendered(sc, telegram.text, late)
    assert text.startswith("MOSCOW, 23 AUGUST.") and "22 August" not in text
    for choice in telegram.choices:
        assert rendered(sc, choice.text, late).startswith("MOSCOW, 23 AUGUST.")
        assert "23rd" not in rendered(sc, choice.label, late)
    assert rendered(sc, telegram.text, dt.date(1939, 8, 16)).startswith("MOSCOW, 20 AUGUST.")


def test_a_deterrence_before_august_does_not_tell_hitlers_date_as_past() -> None:
    june = epilogue(scenario(), "deterrence", dt.date(1939, 6, 28))
    assert june.startswith("MOSCOW, JUNE 1939. ")
    assert "comes and goes" not in june and "from 1 September" in june
    august = epilogue(scenario(), "deterrence", dt.date(1939, 8, 16))
    assert "comes and goes" in august


@pytest.mark.parametrize("name", ["moscow_1939", "march_conference", "litvinov_stays"])
def test_the_week_of_16_august_is_not_headed_by_an_adjournment_that_may_not_come(
    name: str,
) -> None:
    sc = scenario(name)
    assert next(t.title for t in sc.calendar if t.date == dt.date(1939, 8, 16)) == (
        "Warsaw's answer"
    )


def test_the_fast_missions_week_of_9_august_is_headed_by_voroshilovs_question() -> None:
    sc = scenario("fast_mission")
    assert next(t.title for t in sc.calendar if t.date == dt.date(1939, 8, 9)) == (
        "Voroshilov's question"
    )
    assert all(t.title != "Adjourned" for t in sc.calendar)
