"""Saves of format-2 games: draws, estimates and causes come back exactly, and are checked."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from game import saves
from game.engine import Game
from game.scenario import Scenario, load_scenario

from .conftest import TESTS
from .test_saves import play_turns

CONTEST = TESTS / "scenarios" / "contest.toml"


@pytest.fixture(scope="module")
def contest() -> Scenario:
    return load_scenario(CONTEST)


def test_round_trip_keeps_draws_estimates_and_causes(tmp_path: Path, contest: Scenario) -> None:
    for seed in range(20):
        rng = random.Random(seed)
        humans = [["red"], ["blue"], ["red", "blue"]][seed % 3]
        game = Game.new(contest, humans=humans, seed=seed)
        play_turns(game, rng.randint(1, 4), rng)
        saves.save(game, f"s{seed}", tmp_path, f"g{seed}")
        back = saves.load(f"s{seed}", tmp_path).game
        st, bk = game.state, back.state
        assert bk.env == st.env and bk.draws == st.draws and bk.estimates == st.estimates
        assert bk.changes == st.changes and bk.violations == st.violations
        assert bk.closing == st.closing and back.decisions() == game.decisions()
        data = json.loads((tmp_path / f"s{seed}.json").read_text(encoding="utf-8"))
        assert data["snapshot"]["draws"] == st.draws
        assert data["snapshot"]["changes"] == len(st.changes)


@pytest.fixture
def saved(tmp_path: Path, contest: Scenario) -> Path:
    game = Game.new(contest, humans=["red"], seed=5)
    game.play("red", "ask_attache")
    game.end_turn()
    return saves.save(game, "good", tmp_path, "g")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("draws", {"patience": 1, "temper": 0}, "per-game draws differ"),
        ("estimates", {"red:patience": [0, 0]}, "estimates differ"),
        ("changes", 999, "recorded changes saved"),
    ],
)
def test_tampered_draws_estimates_or_causes_are_refused(
    saved: Path, key: str, value: object, message: str
) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["snapshot"][key] = value
    bad = saved.with_name("bad.json")
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(saves.SaveError, match=message):
        saves.load(str(bad), saved.parent)


def test_a_save_from_before_the_new_fields_still_loads(saved: Path) -> None:
    """Saves written before draws, estimates and causes were kept are not held to them."""
    data = json.loads(saved.read_text(encoding="utf-8"))
    del data["digest"]  # such saves were written before saves were signed, too
    for key in ("draws", "estimates", "changes"):
        del data["snapshot"][key]
    old = saved.with_name("old.json")
    old.write_text(json.dumps(data), encoding="utf-8")
    assert saves.load(str(old), saved.parent).game.state.turn == 2


def test_a_save_made_while_the_turn_closes_resumes_there(tmp_path: Path, contest: Scenario) -> None:
    """Saved with a same-turn answer due before the week closes, the game resumes with the
    question waiting and no moves open."""
    game = Game.new(contest, humans=["red", "blue"], seed=2)
    game.play("red", "press")
    game.end_turn()
    assert game.closing and game.decisions("blue")
    saves.save(game, "closing", tmp_path, "g")
    back = saves.load("closing", tmp_path).game
    assert back.closing and [d.source for d in back.decisions("blue")] == ["press"]
    assert back.moves("red") == []
