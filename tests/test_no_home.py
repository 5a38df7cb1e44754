"""Machines that are not yours: with HOME unset and no password entry (a container started
with `--user`), `platformdirs` cannot find a home. The commands say how to choose a saves
folder, in one line, and go on with `./moscow1939-saves`."""

from __future__ import annotations

import io
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game import cli, saves
from game.saves import folder as saves_folder

from .conftest import ROOT, TINY

SCRIPT = "1\ne\n1\ne\n1\ne\n"
PLAIN = ["plain", "--opponents", "historical", "--scenario", str(TINY), "--seed", "3", "--autosave"]


def _no_pw_entry(uid: int) -> pwd.struct_passwd:
    raise KeyError(f"getpwuid(): uid not found: {uid}")


@pytest.fixture
def homeless(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No HOME, no password entry, no XDG folders, not a checkout; the current directory is a
    fresh one, which it returns."""
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", saves.ENV_VAR):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(pwd, "getpwuid", _no_pw_entry)
    monkeypatch.setattr(saves_folder, "checkout_saves", lambda: None)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, stdin: str = "") -> tuple[int, str]:
    """The exit code and the output (with what would go to stderr: `main` writes both to
    `out` when it is given one)."""
    out = io.StringIO()
    code = cli.main(list(args), out=out, inp=io.StringIO(stdin))
    return code, out.getvalue()


def notices(text: str) -> list[str]:
    return [line for line in text.splitlines() if "--saves-dir" in line]


def test_platformdirs_really_fails_here(homeless: Path) -> None:
    """The premise: without these, platformdirs raises (so the fallback is not dead code)."""
    from platformdirs import user_data_dir

    with pytest.raises(RuntimeError):
        user_data_dir("moscow1939", appauthor=False)


@pytest.mark.parametrize("error", [RuntimeError("no home"), KeyError(12345)])
def test_the_folder_falls_back_to_the_current_directory_with_a_notice(
    homeless: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def fail(*args: object, **kwargs: object) -> str:
        raise error

    monkeypatch.setattr("platformdirs.user_data_dir", fail)
    where = saves.where()
    assert where.folder == homeless / "moscow1939-saves"
    assert "--saves-dir" in where.notice and "MOSCOW1939_SAVES" in where.notice
    assert "\n" not in where.notice
    assert saves.default_dir() == where.folder


def test_a_chosen_folder_gives_no_notice(homeless: Path) -> None:
    assert saves.where(str(homeless / "mine")) == saves.Where(homeless / "mine")


def test_saves_says_how_to_choose_and_lists(homeless: Path) -> None:
    code, out = run("saves")
    assert code == 0
    (notice,) = notices(out)
    assert "MOSCOW1939_SAVES" in notice
    assert f"No saves in {homeless / 'moscow1939-saves'}" in out


def test_plain_plays_and_autosaves_in_the_fallback_folder(homeless: Path) -> None:
    code, out = run(*PLAIN, stdin=SCRIPT)
    assert code == 0, out
    assert "== Turn 3 of 3" in out
    assert len(notices(out)) == 1 and "Traceback" not in out
    assert list((homeless / "moscow1939-saves").glob("auto-*.json"))


def test_the_ui_starts_with_the_fallback_folder(
    homeless: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: dict[str, object] = {}

    def run_app(**kwargs: object) -> int:
        started.update(kwargs)
        return 0

    monkeypatch.setattr("game.ui.app.run", run_app)
    monkeypatch.setattr("game.cli.terminal_problem", lambda: "")
    code, out = run()
    assert code == 0
    assert started["saves_dir"] == str(homeless / "moscow1939-saves")
    assert len(notices(out)) == 1


@pytest.mark.parametrize("command", [["saves"], PLAIN, ["continue"], []])
def test_a_tilde_folder_without_a_home_is_refused_cleanly(
    homeless: Path, command: list[str]
) -> None:
    code, out = run(*command, "--saves-dir", "~/games", stdin=SCRIPT)
    assert code == 1
    assert "'~/games' (--saves-dir) starts with ~" in out and "full path" in out
    assert "Traceback" not in out


def test_a_tilde_save_path_without_a_home_is_refused_cleanly(homeless: Path) -> None:
    code, out = run("load", "~/evening.json", "--saves-dir", str(homeless))
    assert code == 1
    assert "'~/evening.json' (the save's path) starts with ~" in out


# -- the same, for real, in a fresh process ----------------------------------------------

PATCH_PWD = (
    "import pwd, sys\n"
    "def no_entry(uid): raise KeyError(f'getpwuid(): uid not found: {uid}')\n"
    "pwd.getpwuid = no_entry\n"
    "from game.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    """The package laid out as a wheel installs it (scenarios inside, no checkout around)."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "game", site / "game", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "scenarios", site / "game" / "scenarios")
    return site


def _homeless_env(site: Path) -> dict[str, str]:
    drop = {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", saves.ENV_VAR}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPATH"] = str(site)
    return env


@pytest.mark.parametrize(
    ("args", "stdin"),
    [(["saves"], ""), (["plain", "--power", "soviet", "--opponents", "historical"], "q\n")],
)
def test_a_fresh_process_without_home_or_password_entry(
    installed: Path, tmp_path: Path, args: list[str], stdin: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", PATCH_PWD, *args],
        cwd=work,
        env=_homeless_env(installed),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, proc.stdout + proc.stderr
    notice = [line for line in proc.stderr.splitlines() if "--saves-dir" in line]
    assert len(notice) == 1 and str(work / "moscow1939-saves") in notice[0]
