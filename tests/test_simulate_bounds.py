"""`simulate` is bounded: a number of runs past the limit is refused at once, and the
games go to the workers in batches, so memory stays flat and the report is the same."""

from __future__ import annotations

import io

import pytest

from game import cli, simulate
from game.scenario import load_scenario

from .conftest import TINY


@pytest.mark.parametrize("runs", ["0", "1000001", "99999999999999999999999"])
def test_runs_out_of_bounds_are_refused_at_once(runs: str) -> None:
    out = io.StringIO()
    code = cli.main(["simulate", str(TINY), "--runs", runs], out=out)
    assert code != 0
    assert "--runs must be from 1 to 1,000,000" in out.getvalue()


def test_batches_give_the_report_of_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    sc = load_scenario(TINY)
    one = simulate.simulate(sc, 40, seed=3, jobs=1).as_json()
    monkeypatch.setattr(simulate, "BLOCK", 7)  # six batches, the last short
    assert simulate.simulate(sc, 40, seed=3, jobs=2).as_json() == one
