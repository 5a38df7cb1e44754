"""The scenarios the set-up screen offers: the bundled ones, the main one first. Loaded
lazily, in a thread, once the title screen is up."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.scenario import Scenario

Catalog = Callable[[], "list[Scenario]"]


MAIN_SCENARIO = "moscow_1939"


def bundled_catalog() -> list[Scenario]:
    """The bundled scenarios that load, the main one first."""
    from game.scenario import list_bundled

    found = list_bundled()
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
