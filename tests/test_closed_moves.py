"""Moves closed only by a gauge the power reads are listed, with the reason, in the engine,
plain mode and the moves panel; moves that read a hidden draw or wait on the story are not."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game import cli
from game.engine import Game, closed_moves
from game.scenario import Scenario, load_scenario

from .conftest import MAIN, TINY

EXTRA = """
[[actions]]
id = "demand_terms"
by = "red"
title = "Demand the final terms"
when = "progress >= 60 and not envoy_recalled"
effects = ["progress += 5"]
history = { note = "Invented for the tests.", sources = ["T"] }

[[actions]]
id = "call_bluff"
by = "red"
title = "Call Blue's bluff"
when = "patience >= 50"
effects = ["progress += 5"]
history = { note = "Invented for the tests.", sources = ["T"] }
"""


@pytest.fixture
def contest(tmp_path: Path) -> Path:
    path = tmp_path / "contest.toml"
    path.write_text((TINY.parent / "contest.toml").read_text(encoding="utf-8") + EXTRA)
    return path


def game(path: Path, **env: int) -> Game:
    g = Game.new(load_scenario(path), humans=("red",), seed=4, policy="historical")
    g.state.env.update(env)
    return g


def test_a_move_short_of_a_visible_gauge_is_listed_with_the_value_now(contest: Path) -> None:
    shown = {c.id: c for c in closed_moves(game(contest, progress=35), "red")}
    assert shown["demand_terms"].title == "Demand the final terms"
    assert shown["demand_terms"].reason == "needs Treaty progress ≥ 60 — now 35"
    assert "demand_terms" not in {c.id for c in closed_moves(game(contest, progress=60), "red")}


def test_a_move_that_reads_a_hidden_draw_is_never_listed(contest: Path) -> None:
    for patience in (40, 70):
        assert "call_bluff" not in {
            c.id for c in closed_moves(game(contest, patience=patience), "red")
        }


def test_a_move_held_back_by_the_story_is_not_listed(contest: Path) -> None:
    g = game(contest, progress=35)
    g.state.env["envoy_recalled"] = True
    assert "demand_terms" not in {c.id for c in closed_moves(g, "red")}


@pytest.fixture(scope="module")
def main() -> Scenario:
    return load_scenario(MAIN)


def test_the_foreign_secretary_waits_on_the_cabinet_s_resolve(main: Scenario) -> None:
    g = Game.new(main, humans=("britain",), seed=0, policy="historical")
    g.state.env.update(british_resolve=38, date=g.content.actions["send_halifax"].after)
    reasons = {c.id: c.reason for c in closed_moves(g, "britain")}
    assert reasons["send_halifax"].endswith("≥ 45 — now 38")
    assert all(c.id not in {m.id for m in g.moves("britain")} for c in closed_moves(g, "britain"))


def test_plain_mode_lists_the_closed_moves_under_the_menu(contest: Path) -> None:
    out = io.StringIO()
    args = ["plain", "--opponents", "historical", "--scenario", str(contest), "--power", "red"]
    code = cli.main([*args, "--seed", "4", "--width", "0"], out=out, inp=io.StringIO("q\n"))
    assert code == 0
    assert "  (closed: Demand the final terms — needs Treaty progress ≥ 60 — now 20)" in (
        out.getvalue().splitlines()
    )
    assert "Call Blue's bluff" not in out.getvalue()
