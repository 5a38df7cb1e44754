"""Since your last turn: what changed for the power, grouped by cause, and what came in.

Re-opened with the c key at any time. It reads only the engine's state, the grouped
changes (`Game.changes`) and the dispatches of the turn before, so a loaded game shows
the same summary as the one that was saved.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from game.engine import Dispatch, Game
from game.ui.format import kind_label, long_date, period, reflow, shifts_text, turn_label
from game.ui.screens.reading import ReadingScreen

Parts = list[Content | str | tuple[str, str]]


def came_in(game: Game, power: str) -> list[Dispatch]:
    """The other powers' moves and replies of the turn before, as `power` heard them."""
    turn = game.state.turn
    if turn <= 1:
        return []
    return [
        d
        for d in game.dispatches(power, turn - 1)
        if d.kind in ("move", "reply") and d.power != power
    ]


def changes_content(game: Game, power: str) -> Content:
    """The summary of the power's last turn, as one block of text."""
    sc = game.scenario
    word = period(sc)
    turn = game.state.turn
    parts: Parts = [
        (f"Since your last {word} · {game.names.get(power, power)}", "bold underline"),
        f"\n{turn_label(sc, turn, game.turns)} · {long_date(game.state.date)}",
        ("\n\nWhat changed, and why", "bold"),
    ]
    groups = game.changes(power)
    parts.extend(f"\n• {shifts_text(g.shifts)} · {g.title}" for g in groups)
    if not groups:
        parts.append("\nNothing your power can see has changed.")
    heard = came_in(game, power)
    parts.append((f"\n\nWhat came in at the close of {word} {turn - 1}", "bold"))
    for d in heard:
        who = game.names.get(d.power, d.power)
        parts.append(Content.assemble("\n• ", (f"{kind_label(d.kind)} ", "bold"), d.title))
        parts.append(f" ({who})")
        if d.text:
            parts.append(f"\n  {reflow(d.text)}")
        if d.reason:
            parts.append(("\n  Why: " + d.reason, "italic"))
    if not heard:
        parts.append("\nNo move or reply of another power reached you.")
    return Content.assemble(*parts)


class ChangesScreen(ReadingScreen):
    """The summary of the power's last turn; Esc, Enter or c returns to the board."""

    PAGE = "changes"
    BINDINGS = [Binding("escape,enter,c", "app.pop_screen", "Back to the board")]

    def content(self) -> Content:
        return changes_content(self.game, self.power)
