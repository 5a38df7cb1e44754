"""The moves panel: what the power may do now, what each costs, and the budget left."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from game.engine import Move
from game.session import Session
from game.ui.format import period, plural, reflow
from game.ui.widgets.frame import LitFrame


def made_this_turn(session: Session) -> dict[str, str]:
    """The moves the power at the keyboard has made this turn: id → title, in order."""
    g = session.game
    return {
        c.args[0]: g.text(g.content.actions[c.args[0]].action.title)
        for c in g.state.log
        if c.turn == g.state.turn and c.verb == "play" and c.power == session.active
    }


class MovesPanel(LitFrame, Vertical):
    """Open moves with cost and preview; Enter or a click asks to make one."""

    ALLOW_MAXIMIZE = True

    @dataclass
    class Chosen(Message):
        """The player picked a move to consider."""

        move: Move

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._moves: list[Move] = []
        self._session: Session | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="moves-top"):
            yield Static("", id="budget", markup=False)
            end = Button("End turn (e)", id="end-turn", variant="primary", compact=True)
            end.can_focus = False  # the key is e; the button is for the mouse
            yield end
        yield OptionList(id="move-list")
        with VerticalScroll(id="preview-box", can_focus=False):
            yield Static("", id="preview", markup=False)

    def show(self, session: Session) -> None:
        """Render the moves open to the power at the keyboard."""
        self._session = session
        budget = session.budget()
        moves = session.moves()
        self._moves = moves
        listing = self.query_one("#move-list", OptionList)
        keep = listing.highlighted
        if session.game.over:
            header = "The game is over."
        elif session.active is None:
            header = "You are watching: end the turn to go on."
        elif session.game.closing:
            header = "Answer first (a)" if session.decisions() else "Answered: end the turn"
        else:
            total = session.game.allowance(session.active)
            header = f"Left: {budget} of {total}"
        self.query_one("#budget", Static).update(header)
        made = made_this_turn(session)
        word = period(session.scenario)
        options = [self._option(i, m, budget, m.id in made, word) for i, m in enumerate(moves)]
        listed = {m.id for m in moves}
        options += [
            Option(Content.styled(f"✓ {title} — made this {word}", "dim"), disabled=True)
            for move_id, title in made.items()
            if move_id not in listed
        ]
        options += [
            Option(Content.styled(f"✗ {c.title} — closed: {c.reason}", "dim"), disabled=True)
            for c in session.closed_moves()
        ]
        if not options:
            closing = session.game.closing and not session.game.over
            shown = (
                "No more moves: the week closes when the turn ends."
                if closing
                else "No moves open now."
            )
            options = [Option(shown, disabled=True)]
        listing.set_options(options)
        enabled = [i for i, m in enumerate(moves) if m.cost <= budget]
        if enabled:
            listing.highlighted = keep if keep in enabled else enabled[0]
        self._preview(listing.highlighted)
        end = self.query_one("#end-turn", Button)
        end.disabled = session.game.over
        end.label = "Next week (e)" if session.active is None else "End turn (e)"

    def _option(self, index: int, move: Move, budget: int, made: bool, word: str) -> Option:
        short = move.cost > budget
        prompt = Content.assemble(
            (f"[{move.cost}] ", "bold"),
            (move.title, "" if short else "bold"),
            (f" ✓ made this {word}", "dim") if made else "",
            (" (not enough actions)", "dim") if short else "",
        )
        return Option(prompt, id=str(index), disabled=short)

    def _preview(self, index: int | None) -> None:
        text = ""
        if self._session is not None and index is not None and 0 <= index < len(self._moves):
            move = self._moves[index]
            facts = [plural(move.cost, "action")]
            if move.to:
                facts.append("to " + ", ".join(self._session.short(p) for p in move.to))
            if move.secret:
                facts.append("secret")
            text = (
                " · ".join(facts)
                + "\n"
                + (reflow(move.preview) or "The scenario gives no preview.")
            )
        self.query_one("#preview", Static).update(text, layout=False)

    @on(OptionList.OptionHighlighted, "#move-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._preview(event.option_index)

    @on(OptionList.OptionSelected, "#move-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self._moves[int(event.option.id)]))
