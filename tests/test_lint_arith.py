"""Lint warns of a division by a written 0 (legal: it gives 0), wherever it is written."""

from __future__ import annotations

import pytest

from game.scenario import load_text
from game.scenario.lint import lint

from .test_lint_v2 import BASE


def divisions(extra: str) -> list[tuple[str, str]]:
    return [
        (p.path, p.message) for p in lint(load_text(BASE + extra, "t.toml")) if "by 0" in p.message
    ]


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ('[[actions]]\nid = "z"\nby = "red"\ntitle = "Z"\neffects = ["x += x / 0"]\n', "effects"),
        ('[[actions]]\nid = "z"\nby = "red"\ntitle = "Z"\nweight = "2 / (0)"\n', "weight"),
        ('[[actions]]\nid = "z"\nby = "red"\ntitle = "Z"\nwhen = "x / 0 > 1"\n', "when"),
    ],
)
def test_a_division_by_a_written_zero_is_warned_of(extra: str, key: str) -> None:
    ((where, message),) = divisions(extra)
    assert "divides by 0, which always gives 0" in message
    assert where.startswith("actions[") and key in where


def test_a_division_by_ten_or_by_a_name_is_not() -> None:
    extra = '[[actions]]\nid = "z"\nby = "red"\ntitle = "Z"\neffects = ["x += x / 10 + 100 / x"]\n'
    assert divisions(extra) == []


def test_no_bundled_scenario_divides_by_zero() -> None:
    from game.scenario import load

    for name in ("moscow_1939", "fast_mission", "march_conference"):
        assert not [p for p in lint(load(name)) if "by 0" in p.message]
