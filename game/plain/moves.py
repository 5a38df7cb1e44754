"""The move menu: each move keeps the number it first had in a power's turn, so that the
same number means the same move all turn (and never a command), and a number whose move is
gone says why."""

from __future__ import annotations

from ..engine import Game
from .console import Entry, Menu

LETTERS = {"e": "end", "k": "status", "u": "undo", "s": "save", "q": "quit"}
"""Letters that always mean the same thing in the move menu, whatever the numbers are."""

COMMANDS = {
    "end": "End the turn [e]",
    "status": "Show what you know [k]",
    "save": "Save the game [s]",
    "quit": "Quit [q]",
    "undo": "Take back your last move or answer [u]",
}
"""The commands of the move menu, in their order after the moves (undo only when open)."""


class MoveNumbers:
    """The numbers of one power's moves in one turn."""

    def __init__(self) -> None:
        self.turn: tuple[str, int] | None = None
        """The (power, turn) the numbers belong to."""
        self.numbers: dict[str, int] = {}
        self.titles: dict[str, str] = {}

    def menu(self, g: Game, power: str, can_undo: bool) -> Menu:
        """The moves open and affordable now, under their numbers, then the commands."""
        if self.turn != (power, g.state.turn):
            self.turn, self.numbers, self.titles = (power, g.state.turn), {}, {}
        moves = [m for m in g.moves(power) if m.cost <= g.budget(power)]
        for m in moves:
            self.numbers.setdefault(m.id, len(self.numbers) + 1)
            self.titles[m.id] = m.title
        entries = [
            Entry(
                self.numbers[m.id],
                f"{m.title} (cost {m.cost})" + (f" — {m.preview}" if m.preview else ""),
                m.id,
            )
            for m in moves
        ]
        commands = [k for k in COMMANDS if k != "undo" or can_undo]
        top = len(self.numbers)
        entries += [Entry(top + n, COMMANDS[k], k) for n, k in enumerate(commands, 1)]
        return Menu(entries, dict(LETTERS), lambda n: self.gone(g, n))

    def gone(self, g: Game, n: int) -> str:
        """Why move number `n` of this turn is not on the menu now ('' if it never was)."""
        move = next((m for m, k in self.numbers.items() if k == n), None)
        if move is None or self.turn is None:
            return ""
        power, title = self.turn[0], self.titles[move]
        left = g.budget(power)
        cost = next((m.cost for m in g.moves(power) if m.id == move), None)
        if cost is not None and cost > left:
            return f"{n} is {title}: it needs {cost} action point(s); {left} left."
        made = any(
            c.verb == "play" and c.power == power and c.args[:1] == (move,)
            for c in g.state.log
            if c.turn == g.state.turn
        )
        if made:
            return f"{n} was {title}, made this turn."
        return f"{n} was {title}: it is no longer open this turn."

    def brief(self, g: Game, power: str, menu: Menu) -> str:
        """The menu in one line: the moves by number, the commands by letter."""
        moves = "; ".join(
            f"{e.number} {self.titles[e.key]}" for e in menu.entries if e.key in self.titles
        )
        keys = {e.key for e in menu.entries}
        letters = ", ".join(k for k, v in LETTERS.items() if v in keys)
        parts = [f"{g.names[power]}, {g.budget(power)} point(s) left"]
        if moves:
            parts.append(f"Moves: {moves}")
        parts.append(f"Commands: {letters}; l for the full menu.")
        return ". ".join(parts)
