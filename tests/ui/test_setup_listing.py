"""Set-up lists scenarios without holding them whole: each bundled scenario is loaded,
listed (title, dates, powers, briefings) and let go; the one chosen is loaded whole when
the game starts."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.scenario import cache, load_scenario
from game.ui.catalog import bundled_catalog
from game.ui.listing import Listed, listed, whole
from game.ui.screens.setup import briefing

from .helpers import DEMO, demo_app, settle


def test_the_bundled_catalog_lists_without_keeping_any_scenario_whole() -> None:
    cache.clear_memory()
    found = bundled_catalog()
    assert found and all(isinstance(sc, Listed) for sc in found)
    assert found[0].id == "moscow_1939"
    assert all(sc.actions == [] and sc.events == [] and sc.endings == [] for sc in found)
    assert all(sc.playable and sc.calendar and sc.title for sc in found)
    assert not cache._memory  # nothing held in the cache's memory either


def test_a_listing_briefs_as_the_whole_and_loads_whole_again() -> None:
    full = load_scenario(DEMO)
    short = listed(full)
    for power in [None, *(p.id for p in full.playable)]:
        assert briefing(short, power) == briefing(full, power)
    again = whole(short)
    assert not isinstance(again, Listed)
    assert again.digest == full.digest
    assert again.model_dump() == full.model_dump()
    assert whole(full) is full


def test_a_scenario_without_a_file_is_listed_whole() -> None:
    full = load_scenario(DEMO)
    built = type(full).model_validate(full.model_dump())  # made in memory: no file
    assert built.file == ""
    assert listed(built) is built


async def test_a_game_started_from_a_listing_plays_the_whole_scenario() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        short = listed(load_scenario(DEMO))
        app.start_game(short, (short.playable[0].id,), 1939)
        await settle(pilot)
        assert app.session is not None
        game_scenario = app.session.game.scenario
        assert not isinstance(game_scenario, Listed)
        assert game_scenario.actions and game_scenario.endings


async def test_a_listed_file_that_no_longer_loads_says_so_and_starts_nothing(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "demo.toml"
    shutil.copy(DEMO, copy)
    short = listed(load_scenario(copy))
    copy.write_text("this is not [toml", encoding="utf-8")
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.start_game(short, (short.playable[0].id,), 1939)
        await settle(pilot)
        assert app.session is None
        assert any(n.title == "Cannot start" for n in app._notifications)
