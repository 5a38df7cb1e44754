"""Tests isolate themselves: the suite's own fixtures keep every save, config and cache out
of the checkout and the home. The commands a player and an author run — a plain game with
piped input, simulate, saves, continue — leave the checkout as it was, whether run in this
process or in a fresh one from the checkout's folder."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from game import cli

from .conftest import ROOT, TINY, checkout_saves

PLAIN = ["plain", "--opponents", "historical", "--scenario", str(TINY), "--seed", "3", "--autosave"]
COMMANDS: list[tuple[list[str], str]] = [
    (PLAIN, "1\ne\n1\ne\n1\ne\n"),
    (
        ["plain", "--scenario", str(TINY), "--opponents", "historical", "--autosave"],
        "1\ne\n",
    ),  # left mid-game
    (["simulate", str(TINY), "--runs", "20"], ""),
    (["saves"], ""),
    (["continue", "--plain", "--autosave"], "1\ne\n"),
    (["validate", str(TINY), "--json"], ""),
]


def checkout_state() -> tuple[list[str], str]:
    """The checkout's saves/ (every file, ignored or not) and git's view of the rest: tracked
    changes and untracked files that are not ignored."""
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if status.returncode != 0:
        pytest.skip("not a git checkout")
    return checkout_saves(), status.stdout


@pytest.fixture
def unchanged_checkout() -> Iterator[None]:
    before = checkout_state()
    yield
    assert checkout_state() == before


def test_the_fixtures_give_each_test_its_own_folders(tmp_path: Path) -> None:
    base = Path(os.environ["MOSCOW1939_SAVES"]).parent.parent
    for name in ("MOSCOW1939_SAVES", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        folder = Path(os.environ[name])
        assert not folder.is_relative_to(ROOT), name
        assert folder.is_relative_to(base), name
    if not sys.platform.startswith("linux"):
        return  # platformdirs follows the XDG variables on Linux only
    from platformdirs import user_config_dir, user_data_dir

    assert Path(user_data_dir("moscow1939")).is_relative_to(base)
    assert Path(user_config_dir("moscow1939")).is_relative_to(base)


@pytest.mark.usefixtures("unchanged_checkout")
def test_commands_in_process_leave_the_checkout_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for args, stdin in COMMANDS:
        out = io.StringIO()
        assert cli.main(args, out=out, inp=io.StringIO(stdin)) == 0, out.getvalue()[-2000:]
    assert os.listdir(os.environ["MOSCOW1939_SAVES"]), "the games saved, elsewhere"


@pytest.mark.usefixtures("unchanged_checkout")
def test_commands_in_fresh_processes_leave_the_checkout_unchanged() -> None:
    for args, stdin in COMMANDS[:4]:
        proc = subprocess.run(
            [sys.executable, "-m", "game", *args],
            cwd=ROOT,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]


def test_git_cannot_see_saves_in_the_checkout() -> None:
    """Why saves/ is listed file by file: git ignores everything in it."""
    ignored = subprocess.run(
        ["git", "check-ignore", "--quiet", "saves/auto-1234abcd-turn001.json"],
        cwd=ROOT,
        timeout=60,
    )
    assert ignored.returncode == 0
