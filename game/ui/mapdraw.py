"""The map drawn in characters: regions as boxes on the scenario's grid, each coloured and
marked by the state its conditions choose, scaled to the room the screen gives.

Pure functions of the game and a size, so the drawing is tested without a terminal. The
colour never carries a meaning alone: each state has a mark in the box and its words in
the legend.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from textual.content import Content

from game.engine import Game
from game.scenario.mapmodel import Map, Region, RegionState
from game.seen import map_states

KINDS: dict[str, tuple[str, str, str]] = {
    "guaranteed": ("◆", "guaranteed", "bold #ffffff on #1d4e89"),
    "agreed": ("✓", "agreed", "bold #ffffff on #2e6b30"),
    "allied": ("✓", "allied", "bold #ffffff on #1e6f5c"),
    "refused": ("✗", "refused", "bold #ffffff on #8b1e1e"),
    "pressure": ("!", "under pressure", "bold #000000 on #d08c1a"),
    "danger": ("‼", "in danger", "bold #ffffff on #6e2a7d"),
    "neutral": ("·", "quiet", ""),
}
"""For each kind of state: its mark, its word in the legend, and its colours."""

BORDER = "dim"
U, D, L, R = 1, 2, 4, 8
GLYPHS = {
    L | R: "─",
    L: "─",
    R: "─",
    U | D: "│",
    U: "│",
    D: "│",
    R | D: "┌",
    L | D: "┐",
    R | U: "└",
    L | U: "┘",
    L | R | D: "┬",
    L | R | U: "┴",
    U | D | R: "├",
    U | D | L: "┤",
    U | D | L | R: "┼",
}


@dataclass(frozen=True)
class Shown:
    """A region and the state it is drawn in (None: plain)."""

    region: Region
    state: RegionState | None


def shown(game: Game, power: str | None) -> list[Shown]:
    """Each region with the first state whose condition holds and that `power` may see."""
    return [Shown(region, state) for region, state in map_states(game, power)]


def cell_size(section: Map, width: int, height: int) -> tuple[int, int]:
    """Columns and lines per grid cell for a drawing at most `width` x `height`."""
    return max(6, (width - 1) // section.cols), max(2, (height - 1) // section.rows)


def draw(section: Map, regions: list[Shown], width: int, height: int) -> list[Content]:
    """The map as lines of text, `width` columns wide at most (wider only if too narrow)."""
    cw, ch = cell_size(section, width, height)
    w, h = cw * section.cols + 1, ch * section.rows + 1
    chars = [[" "] * w for _ in range(h)]
    styles = [[""] * w for _ in range(h)]
    links = [[0] * w for _ in range(h)]
    for item in regions:
        r = item.region
        x0, x1 = r.col * cw, (r.col + r.width) * cw
        y0, y1 = r.row * ch, (r.row + r.height) * ch
        for x in range(x0, x1 + 1):
            for y in (y0, y1):
                links[y][x] |= (L if x > x0 else 0) | (R if x < x1 else 0)
        for y in range(y0, y1 + 1):
            for x in (x0, x1):
                links[y][x] |= (U if y > y0 else 0) | (D if y < y1 else 0)
        kind = item.state.kind if item.state else "neutral"
        mark, _, style = KINDS[kind]
        for y in range(y0 + 1, y1):
            for x in range(x0 + 1, x1):
                styles[y][x] = style
        room = x1 - x0 - 3
        label = r.label if len(r.label) + 2 <= room or not r.short else r.short
        lines = [f"{mark} {label}" if item.state else label]
        if item.state:
            lines += textwrap.wrap(item.state.text, room) or [""]
        for n, line in enumerate(lines[: max(0, y1 - y0 - 1)]):
            for k, char in enumerate(line[:room]):
                chars[y0 + 1 + n][x0 + 2 + k] = char
    for y in range(h):
        for x in range(w):
            if links[y][x]:
                chars[y][x] = GLYPHS[links[y][x]]
                styles[y][x] = BORDER
    return [_line(chars[y], styles[y]) for y in range(h)]


def _line(chars: list[str], styles: list[str]) -> Content:
    parts: list[tuple[str, str]] = []
    for char, style in zip(chars, styles, strict=True):
        if parts and parts[-1][1] == style:
            parts[-1] = (parts[-1][0] + char, style)
        else:
            parts.append((char, style))
    return Content.assemble(*parts)


def legend(regions: list[Shown]) -> Content:
    """Each region's state in words: the map's key, and its reading without colour."""
    parts: list[Content | str | tuple[str, str]] = []
    for item in regions:
        if item.state is None:
            continue
        mark, word, style = KINDS[item.state.kind]
        if parts:
            parts.append("\n")
        parts.append((f" {mark} {word} ", style or "bold"))
        parts.append(Content.assemble(" ", (item.region.label, "bold"), f": {item.state.text}"))
    return Content.assemble(*parts) if parts else Content("Nothing on the map has moved yet.")
