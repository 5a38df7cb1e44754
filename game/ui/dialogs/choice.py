"""Choose one answer from a list: the engine's decisions, and other multi-way questions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.engine import Choice, Decision
from game.ui.format import reflow
from game.ui.styles import SCREENS_CSS
from game.ui.typeahead import RefusesTypedAhead

LETTERS = "abcdefghi"
"""Answers are chosen by letter: on the board behind, the number keys switch panels."""


def _letters(count: int) -> list[str]:
    """The key shown beside each of `count` answers (past the ninth, none)."""
    return [LETTERS[i] if i < len(LETTERS) else " " for i in range(count)]


class ChoiceDialog(RefusesTypedAhead, ModalScreen[str | None]):
    """Dismisses with the id of the chosen answer, or None when put off with Escape."""

    CSS_PATH = SCREENS_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "later", "Later"),
        *(Binding(letter, f"pick({n})", show=False) for n, letter in enumerate(LETTERS, 1)),
    ]

    def __init__(
        self,
        title: str,
        text: str,
        choices: Sequence[tuple[str, str]],
        note: str = "A letter or Enter chooses.",
        can_wait: bool = True,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.refuse_earlier_keys()
        self.question = title
        self.text = text
        self.choices = list(choices)
        self.note = note
        self.can_wait = can_wait
        self.locked: dict[str, str] = {}
        """Answers shown but closed, with the reason."""

    def options(self) -> list[Option]:
        """The list's lines: each answer by its letter (a subclass may add headings)."""
        return [
            Option(
                Content(f"{letter}. {label}")
                if ident not in self.locked
                else Content(f"{letter}. {label} — closed: {self.locked[ident]}"),
                id=ident,
                disabled=ident in self.locked,
            )
            for letter, (ident, label) in zip(
                _letters(len(self.choices)), self.choices, strict=True
            )
        ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body", can_focus=False):
                yield Static(self.text, classes="dialog-text", markup=False)
            yield OptionList(*self.options(), id="choices")
            yield Static(self.note, classes="dialog-note", markup=False)

    def on_mount(self) -> None:
        found = self.query("#choices").results(OptionList)
        choices = next(found, None)
        if choices is None:  # answered by a key before it was drawn, and already gone
            return
        first = next((ident for ident, _ in self.choices if ident not in self.locked), None)
        choices.highlighted = choices.get_option_index(first) if first is not None else 0
        choices.focus()

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_pick(self, number: int) -> None:
        if not 1 <= number <= len(self.choices):
            return
        ident = self.choices[number - 1][0]
        if ident in self.locked:
            self.notify(f"That answer is closed: {self.locked[ident]}.", severity="warning")
        else:
            self.dismiss(ident)

    def action_later(self) -> None:
        if self.can_wait:
            self.dismiss(None)


class DecisionDialog(ChoiceDialog):
    """A question the engine puts to a human power: a reply to give, or an event's choice."""

    def __init__(
        self,
        decision: Decision,
        choices: Sequence[Choice],
        asker: str,
        power: str,
        period: str = "week",
    ) -> None:
        source = f" by {asker}" if asker else ""
        super().__init__(
            decision.title,
            f"{power} is asked{source}, {period} {decision.turn}:\n{reflow(decision.prompt)}",
            [
                (c.id, c.label + (f" ({c.effects})" if c.effects and c.open else ""))
                for c in choices
            ],
            note="A letter or Enter answers · Esc: look at the board first",
        )
        self.locked = {c.id: c.locked for c in choices if not c.open}
        self.decision = decision
