"""The scenarios the set-up screen offers: the bundled ones, the main one first. Loaded
lazily, in a thread, once the title screen is up, and kept as listings (`listing`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.scenario import Scenario

Catalog = Callable[[], "list[Scenario]"]


MAIN_SCENARIO = "moscow_1939"


def bundled_catalog() -> list[Scenario]:
    """The bundled scenarios that load, as listings, the main one first. Each is loaded,
    listed and let go in turn, and none is kept in the scenario cache's memory."""
    from game.scenario import ScenarioError, bundled_paths, load_scenario
    from game.scenario.cache import glancing
    from game.scenario.loader import sharing_bases
    from game.ui.listing import listed

    found = []
    with sharing_bases(), glancing():  # a base several variants extend is parsed once
        for path in bundled_paths().values():
            try:
                found.append(listed(load_scenario(path)))
            except ScenarioError:
                continue
    found.sort(key=lambda sc: sc.id != MAIN_SCENARIO)
    return found


def bundled_default() -> Scenario | None:
    """The first bundled scenario that loads, the main one first (loading only that one)."""
    from game.scenario import ScenarioError, bundled_paths, load_scenario

    paths = bundled_paths()
    for ident in sorted(paths, key=lambda i: i != MAIN_SCENARIO):
        try:
            return load_scenario(paths[ident])
        except ScenarioError:
            continue
    return None
