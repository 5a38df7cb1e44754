"""A scenario as set-up lists it: what the list and the briefing show (title, dates,
calendar, powers), without the tables a game needs, which `whole` loads for the one chosen.
Five whole scenarios held for a list cost the game screen ~5 MiB."""

from __future__ import annotations

from pathlib import Path

from game.scenario import Scenario

LISTED = (
    "format",
    "id",
    "extends",
    "remove",
    "title",
    "summary",
    "atmosphere",
    "author",
    "author_note",
    "start",
    "end",
)
LISTED_TABLES = ("powers", "calendar")


class Listed(Scenario):
    """A scenario as set-up lists it: its title, dates, calendar and powers, and none of the
    events, actions, endings or notes a game needs (`whole` loads them)."""


def listed(scenario: Scenario) -> Scenario:
    """`scenario` as a listing, sharing its small parts; a scenario without a file (built in
    memory) is kept whole, since it could not be loaded again."""
    if not scenario.file or isinstance(scenario, Listed):
        return scenario
    fields = {name: getattr(scenario, name) for name in (*LISTED, *LISTED_TABLES)}
    out = Listed.model_construct(**fields, endings=[])
    out._file = scenario.file
    out._digest = scenario.digest
    return out


def whole(scenario: Scenario) -> Scenario:
    """The scenario to play: a listing's file loaded whole (from the cache, as a rule), or
    the scenario itself. `ScenarioError` if the file no longer loads."""
    if not isinstance(scenario, Listed):
        return scenario
    from game.scenario import load_scenario

    return load_scenario(Path(scenario.file))
