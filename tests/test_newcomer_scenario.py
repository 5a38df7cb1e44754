"""`tests/scenarios/saxon_question.toml`, written from `scenarios/README.md` alone by an
author new to the format: it validates, lints clean, and plays to an ending, by hand in
plain mode and headless on many seeds."""

from __future__ import annotations

import io
from pathlib import Path

from game import cli
from game.engine import Game
from game.scenario import load_scenario

SAXON = Path(__file__).parent / "scenarios" / "saxon_question.toml"


def test_it_validates_and_lints_clean() -> None:
    out = io.StringIO()
    assert cli.main(["validate", str(SAXON)], out=out) == 0
    assert "OK (saxon_question: 7 turns, 3 events, 5 actions, 3 endings)" in out.getvalue()
    out = io.StringIO()
    assert cli.main(["lint", str(SAXON)], out=out) == 0
    assert "no warnings" in out.getvalue()


def test_every_seed_plays_to_one_of_its_endings() -> None:
    sc = load_scenario(str(SAXON))
    reached = set()
    for seed in range(30):
        g = Game.new(sc, humans=["austria", "prussia"], seed=seed)
        while not g.over:
            for d in g.decisions():
                choices = g.choices(d)
                g.decide(d.power, d.id, choices[seed % len(choices)].id)
            open_ids = [m.id for m in g.moves("prussia")]
            if seed % 2 and "insist" in open_ids and g.budget("prussia"):
                g.play("prussia", "insist")
            if not g.over:
                g.end_turn()
        assert g.ending is not None
        reached.add(g.ending.ending)
    assert reached <= {"war", "partition", "deadlock"} and "deadlock" in reached


def test_plain_mode_plays_it_through_to_the_christmas_deadlock() -> None:
    out = io.StringIO()
    args = ["plain", "--scenario", str(SAXON), "--power", "austria", "--opponents", "historical"]
    assert cli.main([*args, "--width", "0"], out=out, inp=io.StringIO("e\n1\n" * 8)) == 0
    shown = out.getvalue()
    assert "== Deadlock at Christmas — 25 December 1814 ==" in shown
    assert "Traceback" not in shown
