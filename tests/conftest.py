"""Shared fixtures: paths to the test scenarios, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import Scenario, load_scenario

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
TINY = TESTS / "scenarios" / "tiny.toml"
MAIN = ROOT / "scenarios" / "moscow_1939.toml"


@pytest.fixture(scope="session")
def tiny() -> Scenario:
    return load_scenario(TINY)
