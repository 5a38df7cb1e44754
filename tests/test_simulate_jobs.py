"""`moscow1939 simulate --jobs N` (by default every core) reports exactly what one
process does."""

from __future__ import annotations

import io
from pathlib import Path

from game import cli

SCENARIO = Path(__file__).resolve().parent / "scenarios" / "contest.toml"


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()  # errors go to `out` too when it is given
    code = cli.main(["simulate", str(SCENARIO), "--runs", "24", *args], out=out)
    return code, out.getvalue()


def test_workers_give_the_report_of_one_process() -> None:
    one = run("--json", "--jobs", "1")
    assert one[0] == 0 and '"runs": 24' in one[1]
    assert run("--json", "--jobs", "2") == one
    assert run("--json") == one  # every core


def test_the_table_is_the_same_with_workers() -> None:
    assert run("--jobs", "2") == run("--jobs", "1")


def test_a_negative_number_of_workers_is_refused() -> None:
    code, err = run("--jobs", "-1")
    assert code == cli.EXIT_INVALID
    assert "--jobs must be 0 (every core) or more" in err
