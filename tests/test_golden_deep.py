"""Speed work must not change what a game leaves behind, nor a planner's decisions: the
state digests and planner games recorded in tests/fixtures/golden_deep.json."""

from __future__ import annotations

import json

from .golden_deep import FIXTURE, record


def test_states_and_planner_games_are_as_recorded() -> None:
    assert record() == json.loads(FIXTURE.read_text(encoding="utf-8"))
