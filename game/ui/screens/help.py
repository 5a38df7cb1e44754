"""Help: the rules in brief and every key, read from the bindings themselves."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from game.ui.styles import SCREENS_CSS
from game.ui.widgets.footer import SteadyFooter

RULES = "\n".join(
    [
        "Each turn is one period of the calendar, a week in the main scenario.",
        "",
        "• Briefing (b): a new game opens on it — your situation, your aims, what a score "
        "means and where you stand were the calendar to run out today.",
        "• Since your last turn (c): what changed for your power and why, and the moves and "
        "replies that came in; it heads the week's dispatches too.",
        "• Dispatches: the week opens with its events. Some ask your power to decide; a reply "
        "to a proposal can take weeks to come, and may need your answer. Keys pressed just "
        "before a question opens are set aside, never taken as the answer.",
        "• Moves: spend your actions on the moves open to you now. Each move shows its cost and "
        "what it is expected to do, and a move made this turn is ticked. Secret moves are "
        "heard only by the powers addressed. Ending a turn with actions to spare asks first.",
        "• End the turn: the other powers move and answer, pressures drift, and the next week "
        "begins. Endings are checked after every move: the game may end at any time, and at the "
        "latest when the calendar runs out.",
        "• The table shows where each power stands on the open questions. The state panel shows "
        "the numbers your power can see, with their trend since the first week.",
        "• The map (m), where the scenario has one: each region marked and coloured by its "
        "state, with the same in words below.",
        "• History compares your game with what really happened, week by week, with notes and "
        "sources. Every dispatch marked † has a history note: select it to read it.",
        "• Hot-seat: several people may each play a power; a blank hand-over screen hides one "
        "player's dispatches from the next.",
        "• Saving: the game is saved at the end of every turn; ctrl+s saves at any time. "
        "Continue and Load on the title screen open saved games.",
        "",
    ]
)

KEY_NAMES = {
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "escape": "Esc",
    "enter": "Enter",
}


def key_name(key: str) -> str:
    """A key as printed on the keyboard: '?' for question_mark, 'F5' for f5."""
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    if len(key) > 1 and key[0] == "f" and key[1:].isdigit():
        return key.upper()
    return key


def binding_rows(
    bindings: Sequence[BindingType], extra: Sequence[tuple[str, str]] = ()
) -> list[tuple[str, str]]:
    """(keys, what they do) for every described binding, then the extra rows."""
    rows = []
    for b in bindings:
        if isinstance(b, Binding) and b.description:
            rows.append((" / ".join(key_name(k.strip()) for k in b.key.split(",")), b.description))
    return [*rows, *extra]


def key_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key of every screen, read from the screens' own bindings."""
    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.game import GameScreen
    from game.ui.screens.history import HistoryScreen
    from game.ui.screens.setup import SetupScreen
    from game.ui.screens.title import TitleScreen

    return [
        (
            "Everywhere",
            [
                ("ctrl+p", "Command palette: every command, and the themes"),
                ("F1", "This help"),
                ("ctrl+q", "Quit (asks first during a game)"),
                ("ctrl+s", "Save the game, under a name you choose (during a game)"),
                ("Tab / shift+Tab", "Move between panels, lists and buttons"),
                ("↑ ↓ Enter", "Move in a list, choose"),
            ],
        ),
        ("Title screen", binding_rows(TitleScreen.BINDINGS)),
        (
            "Set-up",
            binding_rows(
                SetupScreen.BINDINGS,
                [
                    ("Space", "Tick a power (several for hot-seat, none to watch)"),
                    ("Enter (in the file field)", "Open the scenario file"),
                    ("Enter (in the seed field)", "Start the game"),
                ],
            ),
        ),
        (
            "The game",
            binding_rows(
                GameScreen.BINDINGS,
                [
                    ("Enter (on a move)", "Consider the move, then make it"),
                    ("Enter (on a dispatch)", "Read it in full, with its history note"),
                ],
            ),
        ),
        ("History", binding_rows(HistoryScreen.BINDINGS)),
        ("Ending", binding_rows(EndingScreen.BINDINGS)),
        (
            "Dialogs",
            [
                ("a-i", "Choose an answer by its letter"),
                ("y / n", "Yes / no"),
                ("q / s / n", "Quitting: quit, save and then quit, or keep playing"),
                ("Esc", "Close, cancel, or answer later"),
            ],
        ),
    ]


def help_content() -> Content:
    parts: list[Content | str | tuple[str, str]] = [
        ("How to play\n\n", "bold underline"),
        RULES,
        ("\nKeys", "bold underline"),
    ]
    for title, keys in key_sections():
        parts.append((f"\n\n{title}", "bold"))
        for key, what in keys:
            parts.append(Content.assemble("\n  ", (f"{key:<26}", "bold"), what))
    return Content.assemble(*parts)


class HelpScreen(Screen[None]):
    """The rules in brief and the keys."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [Binding("escape,question_mark,f1", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-scroll"):
            yield Static(help_content(), id="help-text")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
