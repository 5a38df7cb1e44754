"""The author's toolkit: lint, simulate, schema."""

from __future__ import annotations

import datetime as dt
import io
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from game import cli
from game.scenario import load_scenario, load_text
from game.scenario.lint import lint
from game.scenario.schema import scenario_schema, schema_text

from .conftest import ROOT, TINY

BASE = TINY.read_text(encoding="utf-8")


def warnings_for(text: str) -> list[str]:
    sc = load_text(text, "lint.toml")
    return [f"{w.line}: {w.path}: {w.message}" for w in lint(sc, text)]


# -- lint ------------------------------------------------------------------------------------


def test_lint_clean() -> None:
    assert warnings_for(BASE) == []


def test_lint_variable_never_read_and_never_written() -> None:
    text = BASE.replace(
        "[[flags]]", '[[variables]]\nid = "idle"\nlabel = "Idle"\nstart = 1\n\n[[flags]]', 1
    )
    found = warnings_for(text)
    assert any("variable 'idle' is never read" in w for w in found)
    assert any("variable 'idle' never changes" in w for w in found)


def test_lint_flag_never_set() -> None:
    text = BASE.replace(
        '[[flags]]\nid = "treaty"',
        '[[flags]]\nid = "ghost"\nlabel = "G"\n\n[[flags]]\nid = "treaty"',
        1,
    ).replace('when = "not treaty"', 'when = "not treaty and not ghost"')
    found = warnings_for(text)
    assert any("flag 'ghost' is never set or cleared" in w for w in found)
    assert not any("'ghost' is never read" in w for w in found)


def test_lint_action_that_can_never_open() -> None:
    found = warnings_for(BASE.replace('when = "not treaty"', 'when = "trust > 150"'))
    assert any("actions[0].when: action 'propose_treaty' can never be open" in w for w in found)


def test_lint_flag_that_is_never_set_closes_its_conditions() -> None:
    # `treaty` is set only by the reply option; without it the ending can never come
    text = BASE.replace('effects = ["set treaty"]', 'effects = ["trust += 1"]')
    found = warnings_for(text)
    assert any("ending 'treaty' can never be reached" in w for w in found)


def test_lint_history_without_source_and_missing_score() -> None:
    text = BASE.replace(
        'history = { note = "No treaty was signed in 1939.", sources = ["GSE"] }',
        'history = { note = "No treaty was signed in 1939." }',
    )
    text = text.replace(
        'scores = { soviet = 80, britain = "50 + trust / 2" }', "scores = { soviet = 80 }"
    )
    found = warnings_for(text)
    assert any("ending 'treaty': history note without a source" in w for w in found)
    assert any("ending 'treaty' gives no score for 'britain'" in w for w in found)


def test_lint_missing_text_for_a_power() -> None:
    text = BASE.replace(
        'briefing = "Moscow wants a treaty. The Cabinet is not sure it wants one."\n', ""
    )
    assert any("playable power 'britain' has no briefing" in w for w in warnings_for(text))


def test_lint_cli_reports_and_fails(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text(BASE.replace('when = "not treaty"', 'when = "trust > 150"'), encoding="utf-8")
    out = io.StringIO()
    assert cli.main(["lint", str(path)], out=out) == 1
    assert f"warning: {path}:" in out.getvalue()


# -- simulate --------------------------------------------------------------------------------


def test_simulate_table() -> None:
    out = io.StringIO()
    assert cli.main(["simulate", str(TINY), "--runs", "100", "--seed", "5"], out=out) == 0
    text = out.getvalue()
    assert "100 games, seeds 5–104; every power plays 'weighted'" in text
    assert "Nothing comes of it" in text and "95% interval" in text
    assert "never reached:" in text and "endings (1): rebuff" in text


def test_simulate_json_counts_add_up() -> None:
    out = io.StringIO()
    assert (
        cli.main(["simulate", str(TINY), "--runs", "60", "--power", "britain", "--json"], out=out)
        == 0
    )
    data = json.loads(out.getvalue())
    assert data["runs"] == 60 and data["power"] == "britain"
    assert sum(e["count"] for e in data["endings"].values()) == 60
    for e in data["endings"].values():
        low, high = e["interval95"]
        assert 0 <= low <= e["share"] <= high <= 1
    assert data["never_reached"]["endings"] == ["rebuff"]


def test_simulate_is_deterministic() -> None:
    first, second = io.StringIO(), io.StringIO()
    cli.main(["simulate", str(TINY), "--runs", "40", "--json"], out=first)
    cli.main(["simulate", str(TINY), "--runs", "40", "--json"], out=second)
    assert first.getvalue() == second.getvalue()


def test_simulate_bad_power() -> None:
    out = io.StringIO()
    assert cli.main(["simulate", str(TINY), "--power", "mars"], out=out) == 1
    assert "'mars' is not a power" in out.getvalue()


# -- schema ----------------------------------------------------------------------------------


def as_json_types(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: as_json_types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json_types(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


SCENARIO_FILES = sorted((ROOT / "scenarios").glob("*.toml")) + [TINY]


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_every_scenario_validates_against_the_schema(path: Path) -> None:
    data = as_json_types(tomllib.loads(path.read_text(encoding="utf-8")))
    jsonschema.validate(data, scenario_schema())


def test_schema_catches_what_the_loader_catches() -> None:
    data = as_json_types(tomllib.loads(BASE))
    data["powers"][0]["moves_per_tun"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, scenario_schema())


def test_committed_schema_is_current() -> None:
    assert (ROOT / "scenarios" / "scenario.schema.json").read_text(
        encoding="utf-8"
    ) == schema_text(), "run: moscow1939 schema -o scenarios/scenario.schema.json"


def test_schema_command_writes_a_file(tmp_path: Path) -> None:
    out = io.StringIO()
    target = tmp_path / "s.json"
    assert cli.main(["schema", "-o", str(target)], out=out) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"].startswith("Moscow 1939")


# -- the README's tutorial -------------------------------------------------------------------


def test_readme_tutorial_final_file_validates(tmp_path: Path) -> None:
    readme = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    marker = "<!-- tutorial: final file -->"
    assert marker in readme, "the tutorial's final file must follow the marker"
    block = readme.split(marker, 1)[1].split("```toml\n", 1)[1].split("\n```", 1)[0]
    path = tmp_path / "my_first.toml"
    path.write_text(block + "\n", encoding="utf-8")
    sc = load_scenario(path)
    assert lint(sc, block) == []
    out = io.StringIO()
    assert cli.main(["simulate", str(path), "--runs", "200", "--json"], out=out) == 0
    assert len(json.loads(out.getvalue())["endings"]) >= 2


def test_readme_tutorial_steps_make_a_file_that_validates_and_lints(tmp_path: Path) -> None:
    # steps 1 to 7 (format 1), their code in order, as someone following the text writes it
    readme = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    tutorial = readme.split("## Tutorial: a scenario in twenty minutes\n", 1)[1]
    steps = tutorial.split("**8. ", 1)[0]
    blocks = [b.split("```", 1)[0] for b in steps.split("```toml\n")[1:]]
    text = "\n".join(blocks)
    path = tmp_path / "corridor.toml"
    path.write_text(text, encoding="utf-8")
    sc = load_scenario(path)
    assert [t.title for t in sc.calendar][:2] == ["The missions sail", "Arrival in Moscow"]
    assert lint(sc, text) == []


def test_readme_multi_line_string_example_reads_as_it_says() -> None:
    readme = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    block = readme.split('text = """', 1)[1].split('"""', 1)[0]
    text = tomllib.loads(f'text = """{block}"""')["text"]
    assert text.startswith("MOSCOW, 14 AUGUST.") and "\n" not in text


def test_schema_accepts_a_partial_variant_and_checks_its_keys() -> None:
    variant = {
        "format": 1,
        "id": "v",
        "extends": "moscow_1939",
        "variables": [{"id": "soviet_trust", "start": 60}],
        "events": [{"id": "prague", "date": "1939-03-16"}],
    }
    jsonschema.validate(variant, scenario_schema())
    variant["variables"][0]["strat"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(variant, scenario_schema())
    del variant["variables"][0]["strat"], variant["events"][0]["id"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(variant, scenario_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": 1, "id": "full"}, scenario_schema())


def test_lint_history_notes_of_actions_readings_and_turns() -> None:
    text = BASE.replace(
        'effects = ["trust += 6"]',
        'effects = ["trust += 6"]\n'
        'history = { note = "Said in the House.", readings = [{ school = "X", '
        'text = "y" }] }',
    )
    text = text.replace(
        'title = "The second week"', 'title = "The second week"\nhistory = "Nothing happened."'
    )
    found = warnings_for(text)
    assert any("action 'flatter': history note without a source" in w for w in found)
    assert any("the X reading has no source" in w for w in found)
    assert any("calendar[1].history: turn 2: history without a source" in w for w in found)


def test_lint_move_dearer_than_a_turn() -> None:
    found = warnings_for(
        BASE.replace(
            'once = false\neffects = ["trust += 6"]',
            'once = false\ncost = 2\neffects = ["trust += 6"]',
        )
    )
    assert any("costs 2 but 'britain' has 1 action point(s) a turn" in w for w in found)


def test_lint_historical_step_closed_on_its_turn() -> None:
    text = BASE.replace('when = "not treaty"', 'when = "not treaty"\nafter = 1939-03-17')
    found = warnings_for(text)
    assert any(
        "historical_path[0].date: 'propose_treaty' is not open in the turn of 1939-03-15" in w
        for w in found
    )


def test_lint_warnings_in_a_variant_point_into_the_variant(tmp_path: Path) -> None:
    (tmp_path / "tiny.toml").write_text(BASE, encoding="utf-8")
    variant = tmp_path / "v.toml"
    variant.write_text(
        'format = 1\nid = "v"\nextends = "tiny"\n\n[[events]]\nid = "prague"\n'
        'title = "P"\n\n[[events]]\nid = "extra"\ntitle = "Extra"\ntext = "t"\n'
        'date = 1939-03-22\nhistory = { note = "n" }\n',
        encoding="utf-8",
    )
    sc = load_scenario(variant)
    (warning,) = lint(sc)
    assert warning.file == str(variant) and warning.line == 14
    assert warning.path == "events[1].history.sources"


def test_lint_two_historical_answers() -> None:
    text = BASE.replace(
        '{ id = "accept", label = "Accept", text = "London accepts.", ',
        '{ id = "accept", label = "Accept", text = "London accepts.", historical = true, ',
    )
    found = warnings_for(text)
    assert any(
        "options[1].historical: option 'refuse' is a second historical answer" in w for w in found
    )
