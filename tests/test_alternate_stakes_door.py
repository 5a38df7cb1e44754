"""The stakes of the open door through Poland on what a power can know and the others
cannot: Drax's written powers, given as the mission sails, cost a Prime Minister whose
drawn red line is high at home and at the table, and pay under one whose distrust has
limits."""

from __future__ import annotations

from .stakes import chosen

DOOR = "door_through_poland"


def test_drax_written_powers_cost_a_prime_minister_of_deep_distrust() -> None:
    env = {"british_gains": 20, "cabinet_standing": 50, "british_resolve": 60}
    low, high = (
        chosen(
            DOOR, "mission_instructions", "sea_with_powers", "britain", chamberlain_line=x, **env
        )
        for x in (58, 70)
    )
    assert low["british_gains"] == 4 and high["british_gains"] == -6
    assert high["cabinet_standing"] == low["cabinet_standing"] - 5
    main = chosen(
        "moscow_1939", "mission_instructions", "sea_with_powers", "britain", chamberlain_line=70
    )
    assert main["british_gains"] == 0
