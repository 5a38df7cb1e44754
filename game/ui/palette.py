"""The command palette: the game's commands in it, and a palette that survives quick keys.

`SafePalette` guards one fault of Textual's option list: PageUp or PageDown pressed in
the moment after the palette opens, before its list has been laid out, raised
`KeyError` in `OptionList._move_page`. Until the list has lines, a page key moves to the
first or last command instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.screen import Screen

if TYPE_CHECKING:
    from game.ui.app import MoscowApp

PAGE_FALLBACK = {"page_up": "first", "page_down": "last"}


class SafePalette(CommandPalette):
    """Textual's command palette, with page keys that wait for the list to be drawn."""

    def _action_command_list(self, action: str) -> None:
        if action in PAGE_FALLBACK:
            listing = self.query_one(CommandList)
            laid_out = listing.highlighted is None or listing.highlighted in listing._index_to_line
            if not laid_out:
                action = PAGE_FALLBACK[action]
        super()._action_command_list(action)


def system_commands(
    app: MoscowApp, screen: Screen[object], textual: Iterable[SystemCommand]
) -> Iterable[SystemCommand]:
    """The commands the palette offers on `screen`: the game's first, then Textual's
    (themes, keys, screenshot) but its Quit."""
    from game.ui.screens.game import GameScreen
    from game.ui.screens.handover import HandoverScreen

    if isinstance(screen, HandoverScreen):  # nothing private before the next player is in
        yield SystemCommand("Help", "The rules in brief and every key", app.action_help)
        return

    yield SystemCommand("New game", "Choose a scenario and a side", app.action_new_game)
    if isinstance(screen, GameScreen) and app.in_game():
        yield SystemCommand("End turn", "Finish this turn", screen.action_end_turn)
        if screen.session.decisions():
            yield SystemCommand("Answer", "Answer the question waiting", screen.action_answer)
        yield SystemCommand(
            "Zoom panel",
            "Fill the screen with the panel in focus, or restore the board",
            screen.action_zoom,
        )
    if app.session is not None and app.session.active is not None:
        yield SystemCommand(
            "Briefing", "Your aims, what a score means, where you stand", app.action_briefing
        )
        yield SystemCommand(
            "Since your last turn", "What changed and why, and what came in", app.action_changes
        )
    if app.session is not None and app.session.scenario.map is not None:
        yield SystemCommand("Map", "The theatre, coloured by the state of things", app.action_map)
    yield SystemCommand("Save game", "Save the game in progress", app.action_save)
    yield SystemCommand("Load game", "Open a saved game", app.action_load_game)
    if app.session is not None:
        yield SystemCommand("History", "What really happened, beside this game", app.action_history)
    yield SystemCommand(
        "Encyclopedia", "People, places, treaties and terms", app.action_encyclopedia
    )
    yield SystemCommand("Help", "The rules in brief and every key", app.action_help)
    yield SystemCommand("Quit", "Quit Moscow 1939 (asks first during a game)", app.action_quit_game)
    yield from (command for command in textual if command.title != "Quit")
