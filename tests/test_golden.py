"""Speed work must not change a game: seeded games of every bundled scenario (and the
format-2 test scenario), under the historical and weighted policies, give exactly the
dispatches, logs and endings recorded in tests/fixtures/golden.json."""

from __future__ import annotations

import json

from .golden import FIXTURE, record


def test_games_are_byte_for_byte_as_recorded() -> None:
    assert record() == json.loads(FIXTURE.read_text(encoding="utf-8"))
