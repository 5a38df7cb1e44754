"""The map: the `[map]` section checked when the file loads, drawn to fit, coloured by the
state as the power at the keyboard may see it, opened with m."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Game
from game.scenario import ScenarioError, load, load_scenario
from game.ui.mapdraw import draw, legend, shown

from ..conftest import ROOT
from .helpers import DEMO, demo_app, notices, screen_name, screen_text, settle, start_from_title

MOSCOW = ROOT / "scenarios" / "moscow_1939.toml"
REGION = """
[[map.regions]]
id = "{id}"
label = "Somewhere"
row = {row}
col = {col}
width = {width}
states = [{{ when = "{when}", kind = "pressure", text = "pressed" }}]
"""


def with_region(tmp_path: Path, **region: object) -> Path:
    values = {"id": "extra", "row": 2, "col": 2, "width": 1, "when": "german_pressure > 1"}
    values.update(region)
    file = tmp_path / "demo.toml"
    file.write_text(DEMO.read_text(encoding="utf-8") + REGION.format(**values), "utf-8")
    return file


@pytest.mark.parametrize(
    ("region", "fragment"),
    [
        ({"col": 2, "width": 2}, "runs off the map"),
        ({"row": 1, "col": 1}, "overlaps 'poland'"),
        ({"id": "poland", "row": 2, "col": 2}, "duplicate region id 'poland'"),
        ({"when": "german_presure > 1"}, "german_presure"),
    ],
)
def test_a_broken_map_is_refused_with_its_place(
    tmp_path: Path, region: dict[str, object], fragment: str
) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(with_region(tmp_path, **region))
    assert any(
        p.path.startswith("map.regions[5]") and fragment in p.message for p in caught.value.problems
    ), caught.value.report()


def test_moscow_map_reads_at_80_by_24_and_at_120_by_40() -> None:
    sc = load(str(MOSCOW))
    assert sc.map is not None
    game = Game.new(sc, humans=("soviet",), seed=1939)
    regions = shown(game, "soviet")
    for width, height in ((78, 16), (118, 31)):
        lines = [line.plain for line in draw(sc.map, regions, width, height)]
        assert max(len(line) for line in lines) <= width and len(lines) <= height
        text = "\n".join(lines)
        for region in sc.map.regions:
            assert region.label in text or (region.short and region.short in text), region.id
    ids = {r.id for r in sc.map.regions}
    wanted = {"baltic_states", "finland", "poland", "romania", "corridor", "danzig"}
    assert wanted | {"soviet_union", "germany"} <= ids


def test_a_region_shows_only_what_the_power_may_see() -> None:
    sc = load(str(DEMO))
    assert sc.map is not None
    moscow = Game.new(sc, humans=("soviet",), seed=1939)
    london = Game.new(sc, humans=("britain",), seed=1939)
    soviet = {s.region.id: s.state for s in shown(moscow, "soviet")}
    british = {s.region.id: s.state for s in shown(london, "britain")}
    assert soviet["soviet_union"] is not None and soviet["soviet_union"].kind == "refused"
    assert british["soviet_union"] is None  # Soviet trust is Moscow's own secret
    assert "Moscow doubts the West" in legend(shown(moscow, "soviet")).plain


async def test_m_opens_the_map_and_the_legend_says_it_in_words() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert screen_name(pilot) == "MapScreen"
        text = screen_text(pilot)
        assert "Poland" in text and "Romania" in text and "Soviet Union" in text
        assert "✗ refused" in text and "Moscow doubts the West" in text
        await pilot.press("m")
        await settle(pilot)
        assert screen_name(pilot) == "GameScreen"
        assert "Map" in screen_text(pilot)


async def test_no_map_key_where_the_scenario_has_no_map() -> None:
    from ..conftest import TESTS

    app = demo_app(scenario=str(TESTS / "scenarios" / "contest.toml"), opponents="weighted")
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        assert screen_name(pilot) == "GameScreen"
        assert " Map " not in screen_text(pilot).splitlines()[-1]  # not in the footer
        app.action_map()
        await settle(pilot)
        assert screen_name(pilot) == "GameScreen"
        assert any("no map" in n for n in notices(app))
