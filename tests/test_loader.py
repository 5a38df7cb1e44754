"""The loader: every authoring mistake is reported with its file, line and key path."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game import cli
from game.scenario import ScenarioError, load_scenario
from game.scenario.errors import MAX_PROBLEMS

from .conftest import TINY

BASE = TINY.read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "broken.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def mutate(old: str, new: str, count: int = 1) -> str:
    assert BASE.count(old) >= 1, f"fixture text not found: {old!r}"
    return BASE.replace(old, new, count)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# (name, old, new, key path, message fragment, line marker in the mutated text)
CASES = [
    (
        "toml_syntax",
        'title = "A Tiny Negotiation"',
        'title = "A Tiny Negotiation',
        "(toml)",
        "TOML syntax",
        'title = "A Tiny Negotiation',
    ),
    (
        "unknown_key_near_miss",
        'moves_per_turn = 1\nleaders = ["Litvinov',
        'moves_per_tun = 1\nleaders = ["Litvinov',
        "powers[0].moves_per_tun",
        "did you mean 'moves_per_turn'",
        "moves_per_tun",
    ),
    (
        "wrong_type",
        "start = 40",
        'start = "forty"',
        "variables[0].start",
        "expected a whole number",
        'start = "forty"',
    ),
    (
        "missing_key",
        'label = "Soviet trust in London"\n',
        "",
        "variables[0].label",
        "missing key 'label'",
        "[[variables]]",
    ),
    (
        "unknown_power",
        'to = ["britain"]',
        'to = ["britian"]',
        "actions[0].to[0]",
        "unknown power 'britian' — did you mean 'britain'?",
        'to = ["britian"]',
    ),
    (
        "unknown_variable",
        '"trust += 6"',
        '"trsut += 6"',
        "actions[1].effects[0]",
        "unknown variable 'trsut'",
        '"trsut += 6"',
    ),
    (
        "unknown_flag",
        'when = "not treaty"',
        'when = "not treety"',
        "actions[0].when",
        "unknown name 'treety'",
        'when = "not treety"',
    ),
    (
        "duplicate_id",
        'id = "flatter"',
        'id = "propose_treaty"',
        "actions[1].id",
        "duplicate id 'propose_treaty'",
        'id = "propose_treaty"\nby = "britain"',
    ),
    (
        "bad_notation",
        'when = "not treaty"',
        'when = "not treaty and and"',
        "actions[0].when",
        "unexpected keyword",
        'when = "not treaty and and"',
    ),
    (
        "call_rejected",
        'when = "not treaty"',
        'when = "__import__(1)"',
        "actions[0].when",
        "double-underscore",
        "__import__",
    ),
    (
        "attribute_rejected",
        'when = "not treaty"',
        'when = "trust.real > 1"',
        "actions[0].when",
        "attribute access is not allowed",
        "trust.real",
    ),
    (
        "date_outside_calendar",
        'date = 1939-03-15\ntitle = "Prague occupied"',
        'date = 1941-06-22\ntitle = "Prague occupied"',
        "events[0].date",
        "outside the scenario",
        "1941-06-22",
    ),
    (
        "min_above_max",
        "min = 0\nmax = 100",
        "min = 100\nmax = 0",
        "variables[0].min",
        "min 100 is above max 0",
        "min = 100",
    ),
    (
        "start_out_of_bounds",
        "start = 40",
        "start = 400",
        "variables[0].start",
        "outside [0, 100]",
        "start = 400",
    ),
    (
        "type_mistake",
        '"trust -= 10"',
        '"trust -= treaty"',
        "options[1].effects[0]",
        "true/false where a number is needed",
        '"trust -= treaty"',
    ),
    (
        "unknown_source",
        'sources = ["GSE"] }\n\n[[actions]]',
        'sources = ["GES"] }\n\n[[actions]]',
        "events[0].history.sources[0]",
        "unknown source 'GES' — did you mean 'GSE'",
        '["GES"]',
    ),
    (
        "bad_id_pattern",
        'id = "flatter"',
        'id = "Flatter Parliament"',
        "actions[1].id",
        "not a valid id",
        "Flatter Parliament",
    ),
    (
        "wrong_historical_power",
        'power = "soviet"\naction = "propose_treaty"',
        'power = "britain"\naction = "propose_treaty"',
        "historical_path[0].action",
        "taken by 'soviet', not 'britain'",
        'action = "propose_treaty"\n',
    ),
    (
        "unknown_ending_score_power",
        "scores = { soviet = 80,",
        "scores = { sovjet = 80,",
        "endings[0].scores.sovjet",
        "unknown power 'sovjet'",
        "sovjet = 80",
    ),
    (
        "schedule_unknown_event",
        '"trust += 6"',
        '"schedule pragu in 2"',
        "actions[1].effects[0]",
        "unknown event 'pragu'",
        "schedule pragu",
    ),
    (
        "calendar_out_of_order",
        "date = 1939-03-22",
        "date = 1939-03-14",
        "calendar[1].date",
        "does not come after",
        "date = 1939-03-14",
    ),
    (
        "format_version",
        "format = 1",
        "format = 7",
        "format",
        "format 7 is not supported",
        "format = 7",
    ),
    (
        "second_fallback",
        'when = "rebuffed and trust < 30"\n',
        "",
        "endings[2]",
        "a second ending without 'when' ('nothing')",
        '[[endings]]\nid = "nothing"',
    ),
    (
        "score_out_of_range",
        "scores = { soviet = 10, britain = 20 }",
        "scores = { soviet = 180, britain = 20 }",
        "endings[1].scores.soviet",
        "must be at most 100",
        "soviet = 180",
    ),
    (
        "negative_weight",
        'once = false\neffects = ["trust += 6"]',
        'once = false\nweight = -3\neffects = ["trust += 6"]',
        "actions[1].weight",
        "must be at least 0",
        "weight = -3",
    ),
    (
        "bool_as_text",
        'playable = true\nmoves_per_turn = 1\nleaders = ["Litvinov',
        'playable = "yes"\nmoves_per_turn = 1\nleaders = ["Litvinov',
        "powers[0].playable",
        "expected true or false",
        'playable = "yes"',
    ),
    (
        "number_as_text",
        'moves_per_turn = 1\nleaders = ["Litvinov',
        'moves_per_turn = "1"\nleaders = ["Litvinov',
        "powers[0].moves_per_turn",
        "expected a whole number",
        'moves_per_turn = "1"',
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "path", "fragment", "marker"), CASES, ids=[c[0] for c in CASES]
)
def test_mistake_is_located(
    tmp_path: Path, name: str, old: str, new: str, path: str, fragment: str, marker: str
) -> None:
    text = mutate(old, new)
    file = write(tmp_path, text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(file)
    report = str(caught.value)
    expected = f"{file}:{line_of(text, marker)}: "
    matching = [line for line in report.splitlines() if path in line and fragment in line]
    assert matching, f"no line with {path!r} and {fragment!r} in:\n{report}"
    assert matching[0].startswith(expected), f"expected {expected!r}, got {matching[0]!r}"


@pytest.mark.parametrize(
    ("name", "old", "new", "path", "fragment", "marker"), CASES, ids=[c[0] for c in CASES]
)
def test_validate_never_raises(
    tmp_path: Path, name: str, old: str, new: str, path: str, fragment: str, marker: str
) -> None:
    file = write(tmp_path, mutate(old, new))
    out = io.StringIO()
    assert cli.main(["validate", str(file)], out=out) == 1
    assert "Traceback" not in out.getvalue()
    assert path in out.getvalue()


def test_every_problem_reported_at_once(tmp_path: Path) -> None:
    text = mutate('to = ["britain"]', 'to = ["britian"]')
    text = text.replace('power = "soviet"', 'power = "sovet"')
    text = text.replace('"trust += 6"', '"trst += 6"')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text))
    paths = [p.path for p in caught.value.problems]
    assert "actions[0].to[0]" in paths
    assert "historical_path[0].power" in paths
    assert "actions[1].effects[0]" in paths


def test_problems_are_capped(tmp_path: Path) -> None:
    extra = "".join(f'\n[[flags]]\nid = "f{i}"\nlabel = "x"\nbogus = 1\n' for i in range(80))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, BASE + extra))
    report = caught.value.report().splitlines()
    assert len(report) == MAX_PROBLEMS + 1
    assert report[-1].startswith("... and")


def test_nested_inline_option_located(tmp_path: Path) -> None:
    text = mutate('when = "trust >= 50"', 'when = "trust >= fifty"')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text))
    (problem,) = caught.value.problems
    assert problem.path == "actions[0].replies[0].options[0].when"
    assert problem.line == line_of(text, "fifty")


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    out = io.StringIO()
    assert cli.main(["validate", str(tmp_path / "nope.toml")], out=out) == 2
    assert "no such file" in out.getvalue()
    assert len(out.getvalue().strip().splitlines()) == 1


def test_folder_is_unreadable(tmp_path: Path) -> None:
    out = io.StringIO()
    assert cli.main(["validate", str(tmp_path)], out=out) == 2
    assert "is a folder" in out.getvalue()


def test_not_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(BASE.encode("utf-8").replace(b"Tiny", b"T\xefny", 1))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.problems[0].line == line_of(BASE, "Tiny")
    assert "UTF-8" in str(caught.value)


def test_oversized_file_refused(tmp_path: Path) -> None:
    path = write(tmp_path, BASE + "#" * (2 * 1024 * 1024))
    with pytest.raises(ScenarioError, match="limit"):
        load_scenario(path)


def test_valid_file_says_ok(tmp_path: Path) -> None:
    out = io.StringIO()
    assert cli.main(["validate", str(TINY)], out=out) == 0
    assert "OK" in out.getvalue()


def test_fallback_ending_required(tmp_path: Path) -> None:
    text = mutate(
        'id = "nothing"\ntitle = "Nothing comes of it"',
        'id = "nothing"\ntitle = "Nothing comes of it"\nwhen = "turn > 2"',
    )
    with pytest.raises(ScenarioError, match="no fallback ending"):
        load_scenario(write(tmp_path, text))


def test_type_errors_and_bad_references_in_one_report(tmp_path: Path) -> None:
    text = mutate(
        'id = "flatter"\nby = "britain"', 'id = "flatter"\nby = "britain"\ncost = "a lot"'
    )
    text = text.replace('to = ["britain"]', 'to = ["britian"]')
    text = text.replace('power = "soviet"', 'power = "sovet"')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text))
    found = {(p.path, p.line) for p in caught.value.problems}
    assert ("actions[1].cost", line_of(text, 'cost = "a lot"')) in found
    assert ("actions[0].to[0]", line_of(text, '["britian"]')) in found
    assert ("historical_path[0].power", line_of(text, '"sovet"')) in found


def test_references_to_a_broken_entry_are_not_called_unknown(tmp_path: Path) -> None:
    # the historical path names propose_treaty, whose entry has a type error
    text = mutate(
        'id = "propose_treaty"\nby = "soviet"', 'id = "propose_treaty"\nby = "soviet"\ncost = "one"'
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text))
    assert [p.path for p in caught.value.problems] == ["actions[0].cost"]


def test_byte_order_mark_is_named_with_how_to_save_without_it(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert problem.line == 1 and "byte-order mark (BOM)" in problem.message
    assert "without BOM" in problem.hint
    assert "Invalid statement" not in str(caught.value)


# TOML mistakes, explained: (name, old, new, message fragment, hint fragment, line marker)
TOML_MISTAKES = [
    (
        "inline_table_over_two_lines",
        'on 15 March 1939.", sources = ["GSE"] }',
        'on 15 March 1939.",\n  sources = ["GSE"] }',
        "inline tables must fit on one line",
        "join it onto one line",
        'history = { note = "Germany',
    ),
    (
        "single_table_for_a_list",
        "[[sources]]",
        "[sources]",
        "[sources] is a single table",
        "use [[...]] for a list of tables",
        "[sources]",
    ),
    (
        "single_table_then_list",
        '[[events]]\nid = "prague"',
        '[events]\nid = "prague"\ntitle = "x"\n\n[[events]]\nid = "prague2"',
        "[events] makes 'events' a single table",
        "use [[events]] for a list of tables",
        "[events]",
    ),
    (
        "orphan_reply_before_any_action",
        '[[actions]]\nid = "propose_treaty"',
        '[[actions.replies]]\nby = "britain"\n\n[[actions]]\nid = "propose_treaty"',
        "[[actions.replies]] comes before any [[actions]]",
        "move it below the [[actions]] entry it belongs to",
        '[[actions.replies]]\nby = "britain"\n\n',
    ),
    (
        "replies_at_the_top_level",
        '[[endings]]\nid = "treaty"',
        '[[replies]]\nby = "britain"\nprompt = "Well?"\n\n[[endings]]\nid = "treaty"',
        "unknown key 'replies'",
        "did you mean [[actions.replies]]?",
        "[[replies]]",
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "fragment", "hint", "marker"),
    TOML_MISTAKES,
    ids=[c[0] for c in TOML_MISTAKES],
)
def test_toml_mistake_is_explained_where_it_is(
    tmp_path: Path, name: str, old: str, new: str, fragment: str, hint: str, marker: str
) -> None:
    text = mutate(old, new)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text))
    (problem,) = caught.value.problems
    assert fragment in problem.message and hint in problem.hint, str(problem)
    assert problem.line == line_of(text, marker), str(problem)


def test_orphan_reply_with_no_action_after_it(tmp_path: Path) -> None:
    start, end = BASE.index("[[actions]]"), BASE.index("[[endings]]")
    history = BASE.index("[[historical_path]]")
    text = BASE[:start] + '[[actions.replies]]\nby = "britain"\n\n' + BASE[end:history]
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text))
    (problem,) = caught.value.problems
    assert problem.line == line_of(text, "[[actions.replies]]")
    assert "[[actions.replies]] comes before any [[actions]]" in problem.message


def test_a_duplicate_source_key_is_one_error_at_its_key(tmp_path: Path) -> None:
    # copied from the first source, the second was meant to be 'Taylor', which is cited
    text = mutate("[[powers]]", '[[sources]]\nkey = "GSE"\ntitle = "Taylor, 1961"\n\n[[powers]]')
    text = text.replace('sources = ["GSE"] }', 'sources = ["Taylor"] }')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text))
    (problem,) = caught.value.problems
    assert (problem.path, problem.message) == ("sources[1].key", "duplicate key 'GSE'")
    assert problem.line == line_of(text, 'title = "Taylor') - 1
    assert "'Taylor' is used but declared nowhere" in problem.hint


def test_one_unknown_id_is_one_error_naming_its_other_uses(tmp_path: Path) -> None:
    text = mutate('id = "trust"', 'id = "trst"')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text))
    (problem,) = caught.value.problems
    assert problem.message.startswith("unknown variable 'trust'")
    assert problem.line == line_of(text, '"trust += 5"')
    assert f"actions[1].effects[0] (line {line_of(text, 'trust += 6')})" in problem.message
    assert "did you mean 'trst'?" in problem.hint


def test_a_missing_list_of_tables_is_written_as_its_header(tmp_path: Path) -> None:
    text = 'format = 1\nid = "x"\ntitle = "X"\nstart = 1939-08-02\nend = 1939-08-30\n'
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text))
    hints = {p.path: p.hint for p in caught.value.problems}
    assert hints["powers"].startswith("add a [[powers]] table")
    assert "powers = ..." not in str(caught.value)


def test_the_fast_parser_reads_every_bundled_scenario_as_tomllib_does() -> None:
    import tomllib

    from game.scenario import tomltext
    from game.scenario.shipped import bundled_paths

    assert tomltext._toml.__name__ == "tomli"  # the declared dependency is the one in use
    for path in bundled_paths().values():
        text = path.read_text(encoding="utf-8")
        assert tomltext.loads(text) == tomllib.loads(text), path.name


@pytest.mark.parametrize(
    "toml_1_1",
    ["t = { a = 1, }\n", "t = {\n  a = 1 }\n", 's = "\\e"\n', 's = "\\x41"\n', "t = 07:32\n"],
)
def test_the_parser_refuses_toml_1_1_as_tomllib_does(toml_1_1: str, tmp_path: Path) -> None:
    import tomllib

    from game.scenario.tomltext import TOMLDecodeError, loads

    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(toml_1_1)
    with pytest.raises(TOMLDecodeError):
        loads(toml_1_1)
    path = tmp_path / "new.toml"
    path.write_text(toml_1_1, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.problems[0].path == "(toml)"
