"""A turn's heading may follow the state, as other texts do (format 2): the version shown
is chosen when the turn begins, and that turn keeps it afterwards, in the header, the
dispatches and the history view, whatever happens later. A heading with versions needs
format 2, a fallback last, and conditions that parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Game
from game.scenario import Scenario, ScenarioError, cache, load_scenario, load_text
from game.scenario.lint import lint
from game.ui.history_view import weeks

from .conftest import ROOT
from .test_format_v2 import CALENDAR, FALLBACK, HEAD

TITLED = CALENDAR.replace(
    'title = "Week 3"',
    'title = [{ when = "a", text = "The envoy is gone" }, { text = "{envoy} goes" }]',
)
BODY = """
[[names]]
id = "envoy"
text = "Litvinov"
[[actions]]
id = "sack"
by = "red"
title = "Dismiss the envoy"
effects = ["set a"]
[[actions]]
id = "recall"
by = "red"
title = "Call him back"
when = "a"
effects = ["clear a"]
"""


def scenario(calendar: str = TITLED, head: str = HEAD) -> Scenario:
    return load_text(head + calendar + BODY + FALLBACK, "titles.toml")


def to_week_3(sack: bool) -> Game:
    g = Game.new(scenario(), humans=["red"], seed=1)
    if sack:
        g.play("red", "sack")
    g.end_turn()
    g.end_turn()
    return g


def test_a_heading_shows_the_version_that_holds_when_its_turn_begins() -> None:
    assert to_week_3(sack=False).turn_title() == "Litvinov goes"
    sacked = to_week_3(sack=True)
    assert sacked.turn_title() == "The envoy is gone"
    news = [d for d in sacked.state.dispatches if d.kind == "news" and d.turn == 3]
    assert [d.title for d in news] == ["The envoy is gone"]


def test_a_turn_keeps_the_heading_it_was_shown_with() -> None:
    g = to_week_3(sack=True)
    g.play("red", "recall")
    g.end_turn()
    assert g.turn_title(3) == "The envoy is gone"  # not what the state would choose now
    assert g.turn_title(4) == "Week 4"
    assert [w.title for w in weeks(g, "red")][2] == "The envoy is gone"


def test_a_turn_not_begun_shows_its_fallback() -> None:
    g = Game.new(scenario(), humans=["red"], seed=1)
    g.play("red", "sack")
    assert g.turn_title(3) == "{envoy} goes"


def test_a_replayed_game_shows_the_same_headings() -> None:
    g = to_week_3(sack=True)
    again = Game.replay(g.scenario, ("red",), g.seed, g.state.log)
    assert [again.turn_title(t) for t in (1, 2, 3)] == [g.turn_title(t) for t in (1, 2, 3)]


def test_a_heading_with_versions_needs_format_2_and_a_fallback_last() -> None:
    with pytest.raises(ScenarioError) as err:
        scenario(head=HEAD.replace("format = 2", "format = 1"))
    assert "calendar[2].title" in str(err.value)
    broken = TITLED.replace('{ text = "{envoy} goes" }', '{ when = "b", text = "{envoy} goes" }')
    with pytest.raises(ScenarioError) as err:
        scenario(calendar=broken)
    assert "calendar[2].title" in str(err.value) and "the last version" in str(err.value)
    with pytest.raises(ScenarioError) as err:
        scenario(calendar=TITLED.replace('when = "a"', 'when = "a and"'))
    assert "calendar[2].title[0].when" in str(err.value)


def test_a_heading_with_versions_comes_back_from_the_disk_cache(tmp_path: Path) -> None:
    path = tmp_path / "titles.toml"
    path.write_text(HEAD + TITLED + BODY + FALLBACK, encoding="utf-8")
    first = load_scenario(path)
    cache.clear_memory()
    again = load_scenario(path)
    assert again is not first and again.calendar[2].title == first.calendar[2].title
    g = Game.new(again, humans=["red"], seed=1)
    g.play("red", "sack")
    g.end_turn()
    g.end_turn()
    assert g.turn_title() == "The envoy is gone"


BUNDLED = [
    "moscow_1939",
    "litvinov_stays",
    "door_through_poland",
    "fast_mission",
    "march_conference",
]
CHANGEABLE = ["Litvinov goes", "Molotov", "Zhdanov", "Exeter", "Ribbentrop", "lapses", "notes"]
"""Words of headings that name what a player can change or leave undone."""


@pytest.mark.parametrize("name", BUNDLED)
def test_no_bundled_heading_names_unconditionally_what_a_player_can_change(name: str) -> None:
    sc = load_scenario(ROOT / "scenarios" / f"{name}.toml")
    plain = [t.title for t in sc.calendar if isinstance(t.title, str)]
    assert [t for t in plain if any(w in t for w in CHANGEABLE)] == []


@pytest.mark.parametrize(
    ("flags", "heading"),
    [
        ({"military_talks_agreed": True, "missions_by_air": True}, "The missions fly"),
        ({"military_talks_agreed": True}, "The City of Exeter"),
        ({}, "No mission yet"),
    ],
)
def test_the_base_s_week_of_2_august_says_how_the_missions_travel(
    flags: dict[str, bool], heading: str
) -> None:
    sc = load_scenario(ROOT / "scenarios" / "moscow_1939.toml")
    g = Game.new(sc, humans=["britain"], seed=0)
    (turn,) = [n for n, t in enumerate(sc.calendar, 1) if t.date.isoformat() == "1939-08-02"]
    g.state.env.update(flags)
    assert g.content.texts.render(g.content.titles[turn - 1], g.state.env) == heading


def test_history_played_out_shows_history_s_headings() -> None:
    sc = load_scenario(ROOT / "scenarios" / "moscow_1939.toml")
    g = Game.new(sc, humans=(), seed=3)
    while not g.over:
        g.end_turn()
    shown = [g.turn_title(t) for t in range(1, g.state.turn + 1)]
    assert {"The City of Exeter", "The soldiers meet", "Ribbentrop in Moscow"} <= set(shown)


def _sack_on(date: str, kind: str) -> list[str]:
    """Lint's warnings when what sets the week-3 heading's flag is an event dated `date` or
    (kind "after") the move `sack` opening on it."""
    body = BODY
    if kind == "event":
        body = body.replace('effects = ["set a"]', "effects = []", 1)
        body += (
            f'[[events]]\nid = "gone"\ntitle = "Gone"\ntext = "Gone."\ndate = {date}\n'
            'effects = ["set a"]\n'
        )
    else:
        body = body.replace(
            'title = "Dismiss the envoy"', f'title = "Dismiss the envoy"\nafter = {date}'
        )
    sc = load_text(HEAD + TITLED + body + FALLBACK, "titles.toml")
    return [str(w) for w in lint(sc) if "heading version" in w.message]


@pytest.mark.parametrize("kind", ["event", "after"])
def test_lint_warns_of_a_heading_version_only_its_own_week_can_make_true(kind: str) -> None:
    (found,) = _sack_on("1939-03-15", kind)  # week 3 begins on 15 March
    assert (
        "calendar[2].title[0].when" in found and "turn 3's heading version can never show" in found
    )
    assert "(a)" in found
    assert _sack_on("1939-03-20", kind) == [_sack_on("1939-03-15", kind)[0]]  # later: still never
    assert _sack_on("1939-03-08", kind) == []  # week 2: it may show
