"""Plain mode fed hostile standard input: bytes that are not UTF-8, control characters and
lines of megabytes are answered like any other mistyped answer, never echoed raw and never
a traceback, with or without a transcript."""

from __future__ import annotations

import io
from pathlib import Path

from game import cli
from game.plain.console import MAX_LINE, Console

from .test_plain import CONTEST, after


def play(stdin: str) -> str:
    """Plain mode on the contest scenario with these answers; everything it printed."""
    out = io.StringIO()
    contest = ["--scenario", str(CONTEST), "--power", "red", "--seed", "4", "--width", "0"]
    code = cli.main(
        ["plain", "--opponents", "historical", *contest], out=out, inp=io.StringIO(stdin)
    )
    assert code == 0
    return out.getvalue()


def test_undecodable_bytes_with_a_transcript_on_are_no_traceback(tmp_path: Path) -> None:
    # sys.stdin decodes with surrogateescape: a byte that is not UTF-8 arrives as a surrogate
    path = tmp_path / "t.txt"
    shown = play(f"transcript {path}\n\udcff\udcfe\nq\n")
    assert "'??' is not a number" in shown
    assert "'??' is not a number" in path.read_text(encoding="utf-8")


def test_control_characters_are_not_echoed_to_the_terminal() -> None:
    shown = play("\x1b]0;owned\x07\nq\n")
    assert "\x1b" not in shown and "\x07" not in shown
    assert "'?]0;owned?' is not a number" in after(shown.splitlines(), "?]0;owned?")[0]


def test_a_line_of_megabytes_is_cut_and_the_next_line_read() -> None:
    shown = play("9" * (3 * MAX_LINE) + "\nq\n")
    assert "You left the game." in shown
    assert "9" * (MAX_LINE + 1) not in shown


def test_read_keeps_at_most_max_line_characters_and_drops_the_rest_of_the_line() -> None:
    console = Console(io.StringIO("x" * (MAX_LINE + 10) + "\nnext\n"), io.StringIO())
    assert console.read("? ") == "x" * MAX_LINE
    assert console.read("? ") == "next"
