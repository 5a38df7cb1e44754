"""The command line and plain mode, as a player or a script uses them."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from game import __version__, cli

from .conftest import ROOT, TINY

# The Soviet line in the tiny scenario: propose the treaty, then end turns.
SCRIPT = "1\ne\ne\ne\n"


def run_cli(*args: str, stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(args), out=out, inp=io.StringIO(stdin))
    return code, out.getvalue()


def test_scripted_plain_game_reaches_an_ending() -> None:
    code, out = run_cli(
        "plain",
        "--opponents",
        "historical",
        "--scenario",
        str(TINY),
        "--power",
        "soviet",
        "--seed",
        "3",
        stdin=SCRIPT,
    )
    assert code == 0
    assert "== Turn 1 of 3" in out and "== Turn 3 of 3" in out
    assert "* MOVE (Soviet Union): Propose a treaty" in out
    assert "== Nothing comes of it — 01 April 1939 ==" not in out  # the end date is 5 April
    assert "== Nothing comes of it — 05 April 1939 ==" in out
    assert "Scores: Soviet Union 20, Great Britain 30" in out


def test_plain_mode_asks_again_after_bad_input() -> None:
    code, out = run_cli(
        "plain",
        "--opponents",
        "historical",
        "--scenario",
        str(TINY),
        "--power",
        "soviet",
        stdin="abc\n0\n42\n\n1\ne\ne\ne\n",
    )
    assert code == 0
    assert "'abc' is not a number: type a number from 1 to 5." in out
    assert "0 is not on the list" in out and "42 is not on the list" in out
    assert "Please type a number from 1 to 5." in out
    assert "Scores:" in out


def test_plain_mode_accepts_move_ids() -> None:
    code, out = run_cli(
        "plain",
        "--opponents",
        "historical",
        "--scenario",
        str(TINY),
        "--power",
        "soviet",
        stdin="propose_treaty\nend\nend\nend\n",
    )
    assert "* MOVE (Soviet Union): Propose a treaty" in out and "Scores:" in out


def test_plain_mode_ends_cleanly_on_eof() -> None:
    code, out = run_cli(
        "plain",
        "--opponents",
        "historical",
        "--scenario",
        str(TINY),
        "--power",
        "soviet",
        stdin="1\n",
    )
    assert code == 0
    assert "Input ended before the game did" in out


def test_plain_hot_seat_answers_replies_between_people() -> None:
    # Soviet proposes; Britain (a person) answers at the start of turn 2.
    stdin = "1\ne\n1\ne\n1\n"
    code, out = run_cli(
        "plain",
        "--opponents",
        "historical",
        "--scenario",
        str(TINY),
        "--power",
        "soviet",
        "--power",
        "britain",
        stdin=stdin,
    )
    assert code == 0
    assert "Great Britain, an answer is needed" in out
    assert "Scores:" in out


def test_plain_mode_refuses_an_unknown_power() -> None:
    code, out = run_cli(
        "plain", "--opponents", "historical", "--scenario", str(TINY), "--power", "germany"
    )
    assert code == 1 and "not a power" in out


def test_plain_mode_with_a_missing_scenario() -> None:
    code, out = run_cli("plain", "--scenario", "no_such_scenario")
    assert code == 2 and "no bundled scenario has this id" in out


def test_scenarios_lists_the_bundled_ones() -> None:
    code, out = run_cli("scenarios")
    assert code == 0
    for path in (ROOT / "scenarios").glob("*.toml"):
        assert path.stem in out


def test_lint_clean_file() -> None:
    code, out = run_cli("lint", str(TINY))
    assert code == 0 and "no warnings" in out


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_validate_and_lint_take_a_bundled_scenario_id(command: str) -> None:
    code, out = run_cli(command, "moscow_1939")
    assert code == 0 and "no such file" not in out
    assert out.startswith("moscow_1939: ")


def test_a_mistyped_bundled_id_gets_a_did_you_mean() -> None:
    code, out = run_cli("validate", "moscow_1393")
    assert code == 2 and "did you mean 'moscow_1939'?" in out


@pytest.mark.parametrize(
    "args",
    [
        ["plain", "--opponents", "historical", "--scenario", str(TINY)],
        ["simulate", str(TINY), "--runs", "1"],
        ["analyse", str(TINY)],
    ],
    ids=["plain", "simulate", "analyse"],
)
def test_a_mistyped_power_gets_a_did_you_mean(args: list[str]) -> None:
    code, out = run_cli(*args, "--power", "britian")
    assert code == 1
    assert "'britian' is not a power of tiny — did you mean 'britain'?" in out
    assert "soviet, britain" in out


def test_simulate_help_prints_one_percent_sign(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["simulate", "--help"])
    text = capsys.readouterr().out
    assert "95% intervals" in " ".join(text.split()) and "%%" not in text


@pytest.mark.parametrize(
    "args",
    [["--version"], ["plain", "--version"], ["validate", "--version"], ["scenarios", "--version"]],
)
def test_version_everywhere(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(args)
    assert exit_.value.code == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["plain", "--help"],
        ["validate", "--help"],
        ["scenarios", "--help"],
        ["lint", "--help"],
        ["simulate", "--help"],
        ["schema", "--help"],
        ["saves", "--help"],
        ["load", "--help"],
        ["continue", "--help"],
        ["play", "--help"],
    ],
)
def test_help_everywhere(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(args)
    assert exit_.value.code == 0
    assert "usage: moscow1939" in capsys.readouterr().out


def test_python_dash_m_game_plays_from_a_pipe() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "plain",
            "--opponents",
            "historical",
            "--scenario",
            str(TINY),
            "--power",
            "soviet",
        ],
        input=SCRIPT,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0, proc.stderr
    assert "Scores:" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_quitting_with_unsaved_moves_offers_to_save(tmp_path: object) -> None:
    # propose the treaty, quit (5), then choose "Save, then quit" and name the save
    code, out = run_cli(
        "--saves-dir",
        str(tmp_path),
        "plain",
        "--scenario",
        str(TINY),
        "--power",
        "soviet",
        stdin="1\n5\n1\nbefore bed\n",
    )
    assert code == 0
    assert "Moves made this turn are not saved yet." in out
    assert "Saved as 'before bed'" in out and "You left the game." in out


def test_quitting_can_be_cancelled(tmp_path: object) -> None:
    code, out = run_cli(
        "--saves-dir",
        str(tmp_path),
        "plain",
        "--scenario",
        str(TINY),
        "--power",
        "soviet",
        stdin="1\nq\n3\ne\ne\ne\n",
    )
    assert "Moves made this turn are not saved yet." in out
    assert "Scores:" in out  # went back to the game and finished it


def test_quitting_right_after_an_autosave_asks_nothing(tmp_path: object) -> None:
    code, out = run_cli(
        "--saves-dir",
        str(tmp_path),
        "plain",
        "--scenario",
        str(TINY),
        "--power",
        "soviet",
        "--autosave",
        stdin="e\nq\n",
    )
    assert "not saved yet" not in out and "You left the game." in out


def test_an_event_choice_is_reported_as_a_decision() -> None:
    # In the UI demo scenario Britain (computer-played here) chooses at the Polish reserve
    code, out = run_cli(
        "plain",
        "--scenario",
        str(TINY.parent / "ui_demo.toml"),
        "--power",
        "france",
        "--seed",
        "2",
        stdin="end\n" * 8,
    )
    lines = out.splitlines()
    news = [n for n, line in enumerate(lines) if line.startswith("* NEWS: ")]
    decided = [n for n, line in enumerate(lines) if line.startswith("* DECIDED (")]
    assert decided, out
    for n in decided:
        title = lines[n].split(": ", 1)[1]
        assert any(lines[m] == f"* NEWS: {title}" for m in news if m < n)


def test_menu_letters_mean_the_same_whatever_the_numbers() -> None:
    # propose (1), then k (what you know), u (take back), e, e, e: the letters work
    code, out = run_cli(
        "plain",
        "--opponents",
        "historical",
        "--scenario",
        str(TINY),
        "--power",
        "soviet",
        stdin="1\nk\nu\ne\ne\ne\n",
    )
    assert "-- What Soviet Union knows --" in out
    assert "Taken back: Propose a treaty." in out
    assert "Scores:" in out and "* MOVE (Soviet Union): Propose a treaty" in out


def test_plain_mode_tells_what_changed_why_and_what_is_closed() -> None:
    """Plain mode prints, at the start of each turn, what changed for the power and why;
    a same-turn answer is asked before the week closes, with closed answers and their
    reasons; estimates read as intervals; a reply's reason follows it."""
    contest = ROOT / "tests" / "scenarios" / "contest.toml"
    stdin = "press\nend\nend\n1\nk\nend\nend\nend\nend\nend\nend\nend\n"
    code, out = run_cli(
        "plain", "--scenario", str(contest), "--power", "red", "--power", "blue", "--seed", "4",
        stdin=stdin,
    )  # fmt: skip
    assert code == 0
    assert "(closed: Sign — needs Treaty progress ≥ 40 — now 35)" in out
    assert "Why: Mr Black fears his party" in out
    assert "-- Since the last turn of Red --" in out
    assert "Treaty progress 35 → 33 · Blue answers: Mr White presses Blue (Stall)" in out
    assert "Blue's patience: about " in out and "(an estimate; first estimate)" in out
    assert "Scores: Red " in out


def test_without_a_terminal_the_game_says_so_and_offers_plain_mode() -> None:
    """`moscow1939 < /dev/null` or TERM=dumb: one line, plain mode offered, a non-zero exit,
    and no escape codes (it used to draw into the pipe and wait for ever)."""
    for env in ({}, {"TERM": "dumb"}):
        done = subprocess.run(
            [sys.executable, "-m", "game"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, **env},
        )
        assert done.returncode != 0
        assert "needs a terminal" in done.stderr and "moscow1939 plain" in done.stderr
        assert "\x1b" not in done.stdout + done.stderr
        assert len(done.stderr.strip().splitlines()) == 1


def test_terminal_problem_names_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "__stdin__", Tty())
    monkeypatch.setattr(sys, "__stdout__", Tty())
    monkeypatch.setenv("TERM", "xterm-256color")
    assert cli.terminal_problem() == ""
    monkeypatch.setenv("TERM", "dumb")
    assert "TERM=dumb" in cli.terminal_problem()
    monkeypatch.setattr(sys, "__stdin__", io.StringIO())
    assert "not a terminal" in cli.terminal_problem()
