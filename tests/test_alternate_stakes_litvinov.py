"""When Litvinov stays, the pact is worth to the USSR what Stalin's drawn line makes it: a
Kremlin that still seeks collective security gains little from Berlin, and a plan that
signs with Ribbentrop on every seed pays for it where the line is low."""

from __future__ import annotations

from .test_alternate_stakes import soviet_score

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
