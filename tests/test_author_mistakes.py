"""Mistakes a scenario author made writing from the reference alone, and what they are
told: each message names the key and says the thing to write, with no misleading echo."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import ScenarioError, load_scenario, load_text

from .test_lint_v2 import BASE, warnings_for


def problems(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_text(text, "review.toml")
    return [f"{p.line}: {p.path}: {p.message} — {p.hint}" for p in caught.value.problems]


def test_a_missing_text_is_asked_for_as_text_not_as_a_table() -> None:
    text = BASE.replace('title = "A deal"\n', "", 1)
    (found,) = problems(text)
    assert "endings[0].title: missing key 'title'" in found
    assert found.endswith('add title = "..."')


def test_a_drawn_amount_written_backwards_is_refused() -> None:
    (found,) = problems(BASE.replace('effects = ["x += 5"]', 'effects = ["x += 6..2"]', 1))
    assert "the drawn amount 6..2 runs backwards" in found
    assert "write the smaller end first: 2..6" in found
    load_text(BASE.replace('effects = ["x += 5"]', 'effects = ["x += 2..6"]', 1), "ok.toml")


def test_a_negative_margin_for_a_reveal_is_refused_and_a_mislead_may_shift_down() -> None:
    drawn = BASE.replace("start = 50\n", 'start = [40, 60]\nseen_by = ["blue"]\n', 1)
    reveal = drawn.replace('effects = ["x += 5"]', 'effects = ["reveal x to red within -5"]')
    (found,) = problems(reveal)
    assert "'within -5': a margin cannot be negative" in found
    mislead = drawn.replace('effects = ["x += 5"]', 'effects = ["mislead x to red by -5"]')
    load_text(mislead, "ok.toml")


def test_an_unknown_power_is_not_echoed_by_the_historical_path() -> None:
    text = BASE.replace('by = "red"\nto = ["blue"]', 'by = "rred"\nto = ["blue"]', 1)
    text += '\n[[historical_path]]\ndate = 1939-03-01\npower = "red"\naction = "press"\n'
    found = problems(text)
    assert len(found) == 1 and "unknown power 'rred'" in found[0], found


def test_a_key_given_twice_is_named_with_the_line_of_the_first() -> None:
    text = BASE.replace('label = "X"\n', 'label = "X"\nlabel = "Y"\n', 1)
    (found,) = problems(text)
    first = text[: text.index('label = "X"')].count("\n") + 1
    assert found.startswith(f"{first + 1}: (toml): 'label' is given twice in this table")
    assert f"(first on line {first})" in found


def test_a_removed_id_that_is_misspelt_gets_a_suggestion(tmp_path: Path) -> None:
    base = tmp_path / "base.toml"
    base.write_text(BASE, encoding="utf-8")
    variant = tmp_path / "variant.toml"
    variant.write_text(
        'extends = "base"\nid = "v"\n\n[remove]\nactions = ["wiat"]\n', encoding="utf-8"
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenario(variant)
    (problem,) = caught.value.problems
    assert "the base has no actions entry 'wiat'" in problem.message
    assert problem.hint == "did you mean 'wait'?"


def test_a_drawn_flag_never_set_is_a_hidden_fact_not_a_mistake() -> None:
    never = BASE.replace(
        '[[flags]]\nid = "a"', '[[flags]]\nid = "b"\nlabel = "B"\n\n[[flags]]\nid = "a"'
    )
    never = never.replace('when = "a"\nepilogue', 'when = "a and b"\nepilogue', 1)
    assert any("flag 'b' is never set or cleared" in w for w in warnings_for(never))
    drawn = never.replace('id = "b"\nlabel = "B"\n', 'id = "b"\nlabel = "B"\nstart_chance = 30\n')
    assert not any("flag 'b'" in w for w in warnings_for(drawn))


def test_victory_levels_without_a_level_at_zero_are_warned_of() -> None:
    levels = BASE.replace(
        'briefing = "Press Blue."\n',
        'briefing = "Press Blue."\nvictory = { triumph = 80, draw = 30 }\n',
        1,
    )
    (found,) = warnings_for(levels)
    assert "powers[0].victory: a score below 30 reaches no victory level of 'red'" in found
    assert warnings_for(levels.replace("draw = 30", "draw = 0")) == []


def test_simulate_says_over_how_many_games_a_power_left_unscored_is_averaged() -> None:
    from game.simulate import simulate, table

    sc = load_text(BASE.replace('scores = { red = 80, blue = "x" }', "scores = { red = 80 }"), "s")
    report = simulate(sc, 40, seed=0)
    deals = report.endings["deal"]
    assert 0 < deals < 40
    line = next(x for x in table(report, sc).splitlines() if x.startswith("mean score: "))
    assert f"blue 30.0 (over the {40 - deals} of 40 games that scored it)" in line
    assert "red " in line and "red 0" not in line and "(over" not in line.split("blue")[0]


@pytest.mark.parametrize("char", ["\\u001b", "\\u0007", "\\u0000", "\\u202e", "\\u009b"])
def test_a_control_character_in_a_text_is_refused(char: str) -> None:
    text = BASE.replace('title = "Lint cases"', f'title = "Lint{char}]0;pwn cases"', 1)
    (found,) = problems(text)
    assert found.startswith("4: title: a control character (U+")  # BASE opens with a blank line
    assert "a terminal would act on it" in found
    keyed = BASE.replace('label = "X"\n', f'label = "X"\n"x{char}y" = 1\n', 1)
    assert any("a control character" in p for p in problems(keyed))


def test_line_breaks_and_tabs_in_a_text_are_fine() -> None:
    load_text(BASE.replace('epilogue = "Done."', 'epilogue = "Done.\\n\\tSigned."', 1), "ok")


def test_a_mistyped_key_in_a_variable_does_not_make_its_name_unknown_in_texts() -> None:
    text = BASE.replace('label = "X"\n', 'label = "X"\ndescripton = "typo"\n', 1)
    text = text.replace('epilogue = "Done."', 'epilogue = "Done at {x}."', 1)
    (found,) = problems(text)
    assert "variables[0].descripton: unknown key 'descripton'" in found


def test_a_negative_weight_in_a_drawn_start_is_named() -> None:
    drawn = 'start = { values = [40, 60], weights = [-2, 3] }\nseen_by = ["blue"]\n'
    (found,) = problems(BASE.replace("start = 50\n", drawn, 1))
    assert "variables[0].start: a weight below 0 in the drawn start" in found
    assert "weights are 0 or more (0: never drawn)" in found


def test_a_key_of_the_move_written_in_its_reply_says_where_it_goes() -> None:
    text = BASE.replace('  by = "blue"\n  options', '  by = "blue"\n  secret = true\n  options', 1)
    (found,) = problems(text)
    assert "actions[0].replies[0].secret: unknown key 'secret'" in found
    assert "'secret' is a key of the [[actions]] entry this [[actions.replies]] is inside" in found
    load_text(BASE.replace('effects = ["x += 5"]', 'secret = true\neffects = ["x += 5"]', 1), "ok")
