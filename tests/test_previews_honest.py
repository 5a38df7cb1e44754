"""A move's preview values its effects as the move would run them, and never on what the
power cannot see: a stake on a hidden draw is shown as its condition, the same whatever
the draw, and an amount read from a hidden draw is not given."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Game
from game.scenario import load, load_scenario

from .conftest import TINY

EXTRA = """
[[actions]]
id = "sound_blue"
by = "red"
title = "Sound Blue"
effects = ["progress += patience / 10", "progress += 2"]
history = { note = "Invented for the tests.", sources = ["T"] }
"""


def preview(name: str, power: str, move: str, **env: int | bool) -> str:
    g = Game.new(load(name), humans=(power,), seed=0, policy="historical")
    g.state.env.update(date=g.content.actions[move].after, **env)
    return next(m.preview for m in g.moves(power) if m.id == move)


def test_a_stake_on_a_hidden_draw_is_shown_as_its_condition_whatever_the_draw() -> None:
    low, high = (
        preview(
            "moscow_1939",
            "france",
            "endorse_baltic_protocol",
            soviet_draft_tabled=True,
            stalin_line=v,
        )
        for v in (35, 65)
    )
    assert low == high
    assert "if Stalin's price for refusing Berlin ≥ 65: Issues won by France -10" in low


def test_a_stake_on_the_move_s_own_first_use_is_previewed_before_it_is_made() -> None:
    # Bonnet's soundings under a Bonnet Council: the first use pays Paris, which sees the
    # Council; and the Chamber's two changes are given as one.
    shown = preview("moscow_1939", "france", "bonnet_soundings", council_lean=3)
    assert "Issues won by France +6" in shown
    daladier = preview("moscow_1939", "france", "bonnet_soundings", council_lean=1)
    assert "Issues won by France -6" in daladier
    assert daladier.count("Daladier's majority") == 1 and "Bonnet's patience -6" in daladier


@pytest.fixture
def contest(tmp_path: Path) -> Path:
    path = tmp_path / "contest.toml"
    path.write_text((TINY.parent / "contest.toml").read_text(encoding="utf-8") + EXTRA)
    return path


def test_an_amount_read_from_a_hidden_draw_is_not_given(contest: Path) -> None:
    shown = []
    for patience in (40, 70):
        g = Game.new(load_scenario(contest), humans=("red",), seed=4, policy="historical")
        g.state.env["patience"] = patience
        shown.append(next(m.preview for m in g.moves("red") if m.id == "sound_blue"))
    assert shown[0] == shown[1]
    assert "Treaty progress changes, by an amount you cannot read" in shown[0]
    assert "Treaty progress +2" in shown[0]


def test_the_table_shows_no_position_read_from_what_the_viewer_cannot_see() -> None:
    def door(viewer: str | None, knocking: bool) -> str:
        g = Game.new(load("moscow_1939"), humans=("france",), seed=0, policy="historical")
        g.state.env["german_approach"] = knocking
        rows = {q: dict(p) for q, _, p in g.table(viewer)}
        return rows["the_other_door"]["soviet"]

    assert door("france", True) == door("france", False) == "Nothing but trade."
    assert door("soviet", True) == "Berlin is knocking. Listen, and say little."
    assert door(None, True) == door("soviet", True)  # a spectator sees everything


@pytest.mark.parametrize(
    ("move", "kept"), [("insist_indirect_aggression", False), ("propose_tripartite", True)]
)
def test_a_planner_s_reason_is_kept_back_where_the_open_answers_turn_on_a_hidden_line(
    move: str, kept: bool
) -> None:
    """London's answers to the Soviet definition open by Chamberlain's drawn line: a reason
    naming the answer set against the choice, or saying there was none, would tell Moscow
    which side of it the Cabinet stands. Answers gated on public gauges keep their reason."""
    policy = {"britain": "planner:easy"}
    g = Game.new(load("moscow_1939"), humans=("soviet",), seed=0, policy=policy)
    g.state.env.update(british_resolve=70)  # every answer open, whatever the line
    _, why = g._pick_option("britain", g.content.actions[move].replies[0])
    assert ("reckons" in why) is kept
    if not kept:
        assert why == "United Kingdom gives the answer its own counsels favour"


@pytest.mark.parametrize(
    "name",
    ["moscow_1939", "fast_mission", "litvinov_stays", "march_conference", "door_through_poland"],
)
def test_a_power_s_own_intelligence_is_heard_by_it_alone(name: str) -> None:
    """A report a power asks for (Sorge's, Maisky's, Seeds', the attachés') told every other
    power, word for word, what it learned: a move addressed to nobody that reveals something
    to its own power is secret."""
    sc = load(name)
    open_reports = [
        a.id
        for a in sc.actions
        if not a.to
        and not a.secret
        and any(
            e.startswith("reveal ") and e.endswith(f"to {a.by}") or f" to {a.by} within" in e
            for e in a.effects
        )
    ]
    assert open_reports == []


def test_a_stake_shows_only_its_hidden_part_and_only_while_it_can_apply() -> None:
    """The parts of a stake's condition the player reads are valued, not spelt out: the
    first rally of the Chamber shows the wager on Hitler's date alone; a second shows none,
    since its `uses.rally_chamber == 1` cannot hold."""
    first = preview("moscow_1939", "france", "rally_chamber")
    assert "if Hitler's date for Poland (as a turn of the game) ≥ 22: Issues won by France +5" in (
        first
    )
    assert "times '" not in first
    g = Game.new(load("moscow_1939"), humans=("france",), seed=0, policy="historical")
    g.state.env["uses.rally_chamber"] = 1
    (again,) = [m.preview for m in g.moves("france") if m.id == "rally_chamber"]
    assert "Hitler's date" not in again.split(" — ", 1)[1]
