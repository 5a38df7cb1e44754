"""The set-up screen's brief of a power, in words a player reads: the allowance of one
action is singular, and an allowance written as an expression is not shown as code."""

from __future__ import annotations

from pathlib import Path

from game.scenario import load_scenario
from game.ui.screens.setup import briefing

SAXON = Path(__file__).parents[1] / "scenarios" / "saxon_question.toml"


def test_one_action_a_turn_is_singular() -> None:
    assert "\n1 action a turn" in briefing(load_scenario(str(SAXON)), "prussia").plain


def test_an_allowance_that_is_an_expression_is_not_shown_as_code() -> None:
    text = briefing(load_scenario(str(SAXON)), "britain").plain
    assert "british_resolve" not in text
    assert "Actions a turn: as many as the state of the game gives" in text


async def test_the_game_screen_counts_an_expression_allowance_in_numbers(tmp_path: Path) -> None:
    from .helpers import demo_app, screen_text, start_from_title

    text = SAXON.read_text(encoding="utf-8").replace(
        'moves_per_turn = 1\nleaders = ["Hardenberg',
        'moves_per_turn = "1 + war_danger / 60"\nleaders = ["Hardenberg',
    )
    assert "war_danger / 60" in text
    (tmp_path / "saxon_question.toml").write_text(text, encoding="utf-8")
    app = demo_app(scenario=str(tmp_path / "saxon_question.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        shown = screen_text(pilot)
        assert "war_danger" not in shown
        assert "Left: 1 of 1" in shown
        assert "1 of 1 action left" in shown  # the status line: not '1 of 1 actions'


def test_the_historical_opponents_are_not_said_to_replay_1939_in_every_scenario() -> None:
    from game.opponents import OPPONENTS, opponent_line

    assert not [
        words for _, _, line, full in OPPONENTS for words in (line, full) if "1939" in words
    ]
    assert opponent_line("austria", "Austria", "historical") == (
        "Austria: History · they do what was done in history"
    )
