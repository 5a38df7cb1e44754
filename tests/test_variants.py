"""Variants: `extends` merges onto a base; errors point into the file that holds them."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import ScenarioError, load_scenario

from .conftest import TINY


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "tiny.toml").write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def variant(folder: Path, body: str, name: str = "variant.toml") -> Path:
    path = folder / name
    path.write_text('format = 1\nid = "tiny_variant"\nextends = "tiny"\n' + body, encoding="utf-8")
    return path


def line_in(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def test_override_top_level_and_start_values(folder: Path) -> None:
    sc = load_scenario(
        variant(folder, 'title = "Warmer"\n[[variables]]\nid = "trust"\nstart = 70\n')
    )
    assert sc.title == "Warmer" and sc.extends == "tiny"
    (trust,) = sc.variables
    assert (trust.start, trust.label, trust.drift) == (70, "Soviet trust in London", -2)
    assert [p.id for p in sc.powers] == ["soviet", "britain"]


def test_remove_entries(folder: Path) -> None:
    sc = load_scenario(variant(folder, 'remove = { events = ["prague"] }\n'))
    assert sc.events == []


def test_add_entries(folder: Path) -> None:
    body = (
        '[[actions]]\nid = "appeal"\nby = "soviet"\ntitle = "Appeal to the League"\n'
        'effects = ["trust += 1"]\n'
    )
    sc = load_scenario(variant(folder, body))
    assert [a.id for a in sc.actions] == ["propose_treaty", "flatter", "appeal"]


def test_replace_an_event_keeps_what_it_does_not_say(folder: Path) -> None:
    sc = load_scenario(variant(folder, '[[events]]\nid = "prague"\ndate = 1939-03-22\n'))
    (ev,) = sc.events
    assert ev.date.isoformat() == "1939-03-22" and ev.title == "Prague occupied"


def test_error_in_variant_is_located_in_the_variant(folder: Path) -> None:
    path = variant(folder, '[[variables]]\nid = "trust"\nstart = "high"\n')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert problem.file == str(path) and problem.line == line_in(path, 'start = "high"')
    assert problem.path == "variables[0].start"


def test_error_from_the_base_is_located_in_the_base(folder: Path) -> None:
    base = folder / "tiny.toml"
    base.write_text(
        base.read_text(encoding="utf-8").replace('"trust += 6"', '"trsut += 6"'), encoding="utf-8"
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenario(variant(folder, 'title = "V"\n'))
    (problem,) = caught.value.problems
    assert problem.file == str(base) and problem.line == line_in(base, "trsut")


def test_added_entry_referring_to_nothing_is_located(folder: Path) -> None:
    path = variant(folder, '[[actions]]\nid = "appeal"\nby = "sovet"\ntitle = "Appeal"\n')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert problem.file == str(path) and problem.line == line_in(path, 'by = "sovet"')
    assert "did you mean 'soviet'" in problem.hint


def test_unknown_base(folder: Path) -> None:
    path = folder / "v.toml"
    path.write_text('format = 1\nid = "v"\nextends = "atlantis"\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"v\.toml:3: extends: no scenario 'atlantis'"):
        load_scenario(path)


@pytest.mark.parametrize("target", ["../tiny", "/etc/passwd", "sub/tiny", "Tiny"])
def test_extends_takes_ids_never_paths(folder: Path, target: str) -> None:
    path = folder / "v.toml"
    path.write_text(f'format = 1\nid = "v"\nextends = "{target}"\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match="extends must be a scenario id"):
        load_scenario(path)


def test_removing_what_is_not_there(folder: Path) -> None:
    path = variant(folder, 'remove = { events = ["munich"] }\n')
    with pytest.raises(ScenarioError, match="the base has no events entry 'munich'"):
        load_scenario(path)


def test_variants_cannot_loop(folder: Path) -> None:
    (folder / "a.toml").write_text('format = 1\nid = "a"\nextends = "b"\n', encoding="utf-8")
    (folder / "b.toml").write_text('format = 1\nid = "b"\nextends = "a"\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match="in a circle: a → b → a"):
        load_scenario(folder / "a.toml")


def test_a_scenario_cannot_extend_itself(folder: Path) -> None:
    path = folder / "me.toml"
    path.write_text('format = 1\nid = "me"\nextends = "me"\n', encoding="utf-8")
    with pytest.raises(
        ScenarioError, match=r"me\.toml:3: extends: a scenario cannot extend itself"
    ):
        load_scenario(path)


def test_remove_a_turn_by_its_date(folder: Path) -> None:
    sc = load_scenario(variant(folder, "remove = { calendar = [1939-03-22] }\n"))
    assert [t.date.day for t in sc.calendar] == [15, 29]


def test_variant_needs_its_own_id(folder: Path) -> None:
    path = folder / "v.toml"
    path.write_text('format = 1\nid = "tiny"\nextends = "tiny"\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match="cannot extend itself"):
        load_scenario(path)


def test_variant_digest_follows_the_base(folder: Path) -> None:
    path = variant(folder, 'title = "V"\n')
    before = load_scenario(path).digest
    base = folder / "tiny.toml"
    base.write_text(base.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert load_scenario(path).digest != before


def test_remove_outside_a_variant_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text(
        TINY.read_text(encoding="utf-8").replace(
            "start = 1939-03-15\n", 'start = 1939-03-15\nremove = { events = ["prague"] }\n', 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(ScenarioError, match="remove is only for variants"):
        load_scenario(path)


def test_calendar_turns_merge_by_date_and_keep_their_order(folder: Path) -> None:
    body = (
        '[[calendar]]\ndate = 1939-03-22\ntitle = "Memel"\n\n'
        '[[calendar]]\ndate = 1939-03-25\ntitle = "An extra turn"\n'
    )
    sc = load_scenario(variant(folder, body))
    assert [(t.date.day, t.title) for t in sc.calendar] == [
        (15, "The week of Prague"),
        (22, "Memel"),
        (25, "An extra turn"),
        (29, "The third week"),
    ]


@pytest.mark.parametrize(
    ("remove", "uses"),
    [
        ('flags = ["treaty"]', ["actions[0].when", "endings[0].when"]),
        ('actions = ["propose_treaty"]', ["historical_path[0].action"]),
        ('powers = ["britain"]', ["actions[0].to[0]", "actions[1].by"]),
    ],
)
def test_removing_what_the_base_uses_is_reported_at_the_remove_line(
    folder: Path, remove: str, uses: list[str]
) -> None:
    path = variant(folder, f"\n[remove]\n{remove}\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == (str(path), line_in(path, remove))
    assert "is removed here, but the scenario still uses it" in problem.message
    assert f"{uses[0]} ({folder / 'tiny.toml'}:" in problem.message
    for use in uses:  # a long temporary folder may have the message shortened after the first
        assert f"{use} (" in problem.message


def test_removing_the_fallback_ending_is_reported_at_the_remove_line(folder: Path) -> None:
    path = variant(folder, '\n[remove]\nendings = ["nothing"]\n')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == (str(path), line_in(path, "endings = "))
    assert "'nothing' is removed here, but it is the fallback ending" in problem.message


def test_a_mistyped_id_of_a_changed_entry_says_the_base_has_none(folder: Path) -> None:
    path = variant(folder, '[[variables]]\nid = "trst"\nstart = 70\n')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.path) == (line_in(path, 'id = "trst"'), "variables[1].id")
    assert "the base has no variable 'trst' to change" in problem.message
    assert "did you mean 'trust'?" in problem.hint


def test_a_key_given_twice_in_a_variant_is_a_duplicate(folder: Path) -> None:
    body = '[[sources]]\nkey = "Taylor"\ntitle = "A"\n\n[[sources]]\nkey = "Taylor"\ntitle = "B"\n'
    path = variant(folder, body)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert (problem.path, problem.message) == ("sources[1].key", "duplicate key 'Taylor'")
    assert problem.line == line_in(path, 'title = "A"') + 3


@pytest.mark.parametrize(
    "body",
    ['\n[events]\nid = "prague"\ndate = 1939-03-22\n', "events = 3\n"],
    ids=["table", "number"],
)
def test_a_list_of_the_base_replaced_by_something_else_is_an_error(folder: Path, body: str) -> None:
    path = variant(folder, body)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert [p.path for p in caught.value.problems] == ["events"]
    assert caught.value.problems[0].file == str(path)


def test_a_removed_entry_given_again_is_a_new_entry_at_the_end(folder: Path) -> None:
    # endings are tried in order: moving 'treaty' after a new ending lets that one win
    body = (
        '\n[remove]\nendings = ["treaty"]\n\n'
        '[[endings]]\nid = "league"\ntitle = "The League"\nwhen = "treaty"\nepilogue = "."\n'
        "scores = { soviet = 50, britain = 50 }\n\n"
        '[[endings]]\nid = "treaty"\ntitle = "A treaty"\nwhen = "treaty"\nepilogue = "."\n'
        "scores = { soviet = 80, britain = 60 }\n"
    )
    sc = load_scenario(variant(folder, body))
    assert [e.id for e in sc.endings] == ["rebuff", "nothing", "league", "treaty"]
    assert sc.endings[-1].title == "A treaty" and sc.endings[-1].history is None
