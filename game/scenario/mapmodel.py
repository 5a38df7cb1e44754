"""The `[map]` section of a scenario: regions on a small grid, and the states that colour
them, chosen by conditions in the scenario's notation.

The section is content: which regions there are, where they lie, what each is called and
which condition puts it in which state. The drawing is the UI's. Each region is a
rectangle of grid cells (`row`, `col`, `width`, `height`); regions may not overlap and
must lie inside the grid. A region shows the first of its `states` whose `when` holds,
or none. The conditions are checked with every other condition when the file loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from .base import Id, Model

if TYPE_CHECKING:
    from .checks import Checker

Kind = Literal["guaranteed", "agreed", "refused", "pressure", "danger", "allied", "neutral"]
"""What a state means, for the drawing: each kind has its colour and its mark."""

Cells = Annotated[int, Field(ge=1, le=12)]
Place = Annotated[int, Field(ge=0, le=11)]


class RegionState(Model):
    """One way a region may stand, and when."""

    when: str
    """Condition on the scenario's variables and flags, e.g. `passage_agreed`."""
    kind: Kind
    """How it is drawn: guaranteed, agreed, refused, pressure, danger, allied or neutral."""
    text: str
    """The state in words, for the region and the legend: `guaranteed by London and Paris`."""


class Region(Model):
    """A country, a city or a frontier on the map."""

    id: Id
    label: str
    """The name drawn in the region: `Poland`."""
    short: str = ""
    """A shorter name where the label does not fit: `Pol.`; defaults to the label cut."""
    row: Place
    col: Place
    """The grid cell of the region's top-left corner (from 0, rows from the north)."""
    width: Cells = 1
    height: Cells = 1
    """How many grid cells the region spans, across and down."""
    states: list[RegionState] = []
    """The region's states, first match wins; none matching: drawn plain."""


class Map(Model):
    """A map of the scenario's theatre, drawn on a grid of `rows` x `cols` cells."""

    title: str = ""
    """A heading for the map screen: `Eastern Europe, from the Baltic to the Black Sea`."""
    rows: Cells
    cols: Cells
    regions: Annotated[list[Region], Field(min_length=1)]


def check_map(checker: Checker, section: Map) -> None:
    """Ids unique, regions inside the grid and apart, every condition valid."""
    seen: set[str] = set()
    for i, region in enumerate(section.regions):
        if region.id in seen:
            checker.add(("map", "regions", i, "id"), f"duplicate region id '{region.id}'")
        seen.add(region.id)
    taken: dict[tuple[int, int], str] = {}
    for i, region in enumerate(section.regions):
        path = ("map", "regions", i)
        if region.row + region.height > section.rows or region.col + region.width > section.cols:
            checker.add(
                path,
                f"region '{region.id}' runs off the map ({section.rows} rows x "
                f"{section.cols} columns)",
                "move it, make it smaller, or make the map larger",
            )
            continue
        for r in range(region.row, region.row + region.height):
            for c in range(region.col, region.col + region.width):
                if (r, c) in taken:
                    checker.add(
                        path,
                        f"region '{region.id}' overlaps '{taken[(r, c)]}' at row {r}, column {c}",
                        "regions are rectangles that may touch but not overlap",
                    )
                    break
                taken[(r, c)] = region.id
            else:
                continue
            break
        for j, state in enumerate(region.states):
            checker.cond((*path, "states", j, "when"), state.when)
