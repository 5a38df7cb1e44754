"""Places where a newcomer writing a scenario from `scenarios/README.md` alone was let down:
the file loaded, but did not do what the reference led the author to expect."""

from __future__ import annotations

import pytest

from game.scenario import ScenarioError, load_text

from .test_format_v2 import ASK, make


def test_a_placeholder_in_a_locked_hint_is_an_error_at_its_key() -> None:
    # a locked_hint is shown as written: "{envoy}" would reach the player as it stands
    with pytest.raises(ScenarioError) as err:
        make(ASK.format(hint="{{x}} is too low"))
    message = str(err.value)
    assert "options[1].locked_hint: a locked_hint is shown as written" in message
    assert "{x}" in message


def test_a_locked_hint_with_plain_words_loads() -> None:
    make(ASK.format(hint="only once B holds"))


def test_lint_warns_of_a_reveal_to_a_power_that_sees_the_variable() -> None:
    from game.scenario.lint import lint

    from .test_newcomer_scenario import SAXON

    text = SAXON.read_text(encoding="utf-8").replace(
        "reveal tsar_backing to britain", "reveal tsar_backing to prussia"
    )
    problems = lint(load_text(text, "saxon.toml"), text)
    (problem,) = [p for p in problems if "does nothing" in p.message]
    assert problem.path == "actions[3].effects[0]"
    assert problem.line > 0
    assert problem.message == (
        "'reveal tsar_backing to prussia' does nothing: 'prussia' sees 'tsar_backing' already"
    )
    assert not [p for p in lint(load_text(SAXON.read_text(encoding="utf-8"), "s.toml"))]


def test_a_start_written_like_a_drawn_amount_is_told_how_to_draw_it() -> None:
    from .test_newcomer_scenario import SAXON

    text = SAXON.read_text(encoding="utf-8").replace("start = [70, 90]", 'start = "70..90"')
    with pytest.raises(ScenarioError) as err:
        load_text(text, "saxon.toml")
    message = str(err.value)
    assert "variables[0].start: expected a whole number or a drawn start" in message
    assert "a range [low, high]" in message
