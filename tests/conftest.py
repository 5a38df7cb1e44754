"""Shared fixtures: paths to the test scenarios, loaded once."""

from __future__ import annotations

import os
import subprocess
import sys
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


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run a snippet in a fresh interpreter on this checkout (for import checks)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture(autouse=True)
def own_saves_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test saves into a folder of its own, never the checkout's saves/ or the home."""
    monkeypatch.setenv("MOSCOW1939_SAVES", str(tmp_path_factory.mktemp("saves")))
