"""Lint warns of a power whose positions on a table question all have a condition."""

from __future__ import annotations

from game.scenario import load_text
from game.scenario.lint import lint

from .test_lint_v2 import BASE

QUESTION = """
[[questions]]
id = "terms"
label = "Terms"
positions = [
  { power = "red", when = "a", text = "Agreed." },
  {power_red_fallback}
  { power = "blue", text = "Never." },
]
"""


def warnings(fallback: str) -> list[str]:
    text = BASE + QUESTION.replace("{power_red_fallback}", fallback)
    return [p.message for p in lint(load_text(text, "t.toml")) if "position" in p.message]


def test_a_power_with_only_conditional_positions_is_warned_of() -> None:
    (message,) = warnings("")
    assert "every position of 'red' on 'terms' has a condition" in message


def test_a_last_position_without_a_condition_satisfies_it() -> None:
    assert warnings('{ power = "red", text = "Under study." },') == []
