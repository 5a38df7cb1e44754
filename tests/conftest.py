"""Shared fixtures: paths to the test scenarios, loaded once; every test's own saves, data,
config and cache folders (the scenario cache's too); and, at the end of the suite, a check
that nothing was written into the checkout's `saves/`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.scenario import Scenario, load_scenario
from game.scenario.cache import ENV_VAR as CACHE_VAR

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


@pytest.fixture(autouse=True)
def own_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test's user data, config and cache folders are its own (platformdirs, and
    anything else that follows the XDG variables, never writes into the home)."""
    root = tmp_path_factory.mktemp("user")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(root / name.lower()))
    monkeypatch.setenv(CACHE_VAR, str(root / "scenario-cache"))


def checkout_saves() -> list[str]:
    """What the checkout's `saves/` holds (git ignores all of it, so git status cannot tell)."""
    return sorted(p.name for p in (ROOT / "saves").iterdir()) if (ROOT / "saves").is_dir() else []


_SAVES_AT_START = pytest.StashKey[list[str]]()


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_SAVES_AT_START] = checkout_saves()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if any test wrote into the checkout's `saves/` (on the controller only:
    xdist's workers end before it)."""
    if hasattr(session.config, "workerinput") or _SAVES_AT_START not in session.config.stash:
        return
    new = sorted(set(checkout_saves()) - set(session.config.stash[_SAVES_AT_START]))
    if new:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = f"Tests wrote into the checkout's saves/ folder: {', '.join(new[:10])}"
        if reporter is not None:
            reporter.write_line(message, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
