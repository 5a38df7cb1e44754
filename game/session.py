"""One game as people play it: the engine's `Game`, who is at the keyboard, unsaved work.

The engine keeps the state and decides everything; a session only remembers what a front
end needs around it: which human power is playing now (hot-seat), who has finished the
turn, and whether there are commands not yet saved. Both front ends use it (the Textual UI
and plain mode), so it sits below them and imports neither.
"""

from __future__ import annotations

from enum import Enum

from game.engine import ClosedMove, Decision, Dispatch, Game, GameError, Move, closed_moves
from game.scenario import Scenario


class Step(Enum):
    """What follows when the power at the keyboard finishes its turn."""

    HANDOVER = "handover"
    """Another human power plays next: hide this one's information and hand over."""
    NEXT_TURN = "next_turn"
    """The turn ended and the same human plays the next one."""
    OVER = "over"
    """The game has ended."""
    ANSWER = "answer"
    """The week's moves are made, and the power at the keyboard answers before it closes."""


class Session:
    """The running game, as seen from the keyboard."""

    def __init__(self, game: Game) -> None:
        self.game = game
        self.humans: tuple[str, ...] = game.humans
        self.active: str | None = self.humans[0] if self.humans else None
        """The human power at the keyboard; None when the computer plays every power."""
        self.finished: set[str] = set()
        """Human powers that have finished the current turn (hot-seat)."""
        self.saved_commands = len(game.state.log)
        """How many logged commands the last save holds."""
        self.marks: dict[str | None, int] = {}
        """For each power at the keyboard, how many dispatches existed when it last finished
        a turn: what came after is news to it at the start of its next turn."""

    # -- reading -------------------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        return self.game.scenario

    @property
    def hotseat(self) -> bool:
        """Whether several people share the keyboard."""
        return len(self.humans) > 1

    @property
    def unsaved(self) -> bool:
        """Whether commands were given since the game was started, loaded or saved."""
        return len(self.game.state.log) > self.saved_commands

    def mark_saved(self) -> None:
        self.saved_commands = len(self.game.state.log)

    def name(self, power: str | None) -> str:
        """A power's full name; 'Observer' for nobody."""
        if not power:
            return "Observer"
        return self.game.names.get(power, power)

    def short(self, power: str) -> str:
        """A power's short name, for narrow columns."""
        p = next((p for p in self.scenario.powers if p.id == power), None)
        return (p.short or p.name) if p else power

    def moves(self) -> list[Move]:
        """The moves open to the power at the keyboard."""
        return self.game.moves(self.active) if self.active else []

    def closed_moves(self) -> list[ClosedMove]:
        """The moves the power at the keyboard could make were a gauge it reads higher."""
        return closed_moves(self.game, self.active) if self.active else []

    def budget(self) -> int:
        return self.game.budget(self.active) if self.active else 0

    def decisions(self) -> list[Decision]:
        """Questions waiting for the power at the keyboard."""
        return self.game.decisions(self.active) if self.active else []

    def dispatches(self, turn: int | None = None) -> list[Dispatch]:
        """What the power at the keyboard has heard (everything for an observer)."""
        return self.game.dispatches(self.active, turn)

    def since_last_turn(self) -> list[Dispatch]:
        """Dispatches of earlier weeks that came after this power finished its last turn:
        other powers' moves and the replies resolved at the end of the week."""
        mark = self.marks.get(self.active)
        if mark is None:
            return []
        turn = self.game.state.turn
        return [
            d
            for d in self.game.state.dispatches[mark:]
            if d.turn < turn and d.visible_to(self.active)
        ]

    # -- commands ------------------------------------------------------------------------
    def play(self, move_id: str) -> list[Dispatch]:
        """Make a move for the power at the keyboard (GameError if the rules forbid it)."""
        if self.active is None:
            raise GameError("nobody plays a power in this game: end the turn to watch")
        return self.game.play(self.active, move_id)

    def decide(self, decision_id: str, choice_id: str) -> list[Dispatch]:
        if self.active is None:
            raise GameError("nobody plays a power in this game")
        return self.game.decide(self.active, decision_id, choice_id)

    def can_undo(self) -> bool:
        """Whether the power at the keyboard's last command of this turn can be taken back."""
        g = self.game
        return self.active is not None and g.can_undo and g.state.log[-1].power == self.active

    def undo(self) -> str:
        """Take back the last move or answer of this turn; returns what was taken back."""
        if not self.can_undo():
            raise GameError("there is nothing of yours to take back in this turn")
        last = self.game.state.log[-1]
        self.game.undo()
        if self.saved_commands > len(self.game.state.log):
            self.saved_commands = -1  # the last save holds the command just taken back
        if last.verb == "play":
            return self.game.text(self.game.content.actions[last.args[0]].action.title)
        return "your answer"

    def finish_turn(self) -> Step:
        """The power at the keyboard is done: hand over, or end the turn in the engine."""
        step = self.begin_finish()
        if step is not None:
            return step
        self.game.end_turn()
        return self.after_end()

    def begin_finish(self) -> Step | None:
        """The first half of `finish_turn`: the power at the keyboard is done. OVER, or
        HANDOVER to a player yet to play this turn; None when the engine is to end the turn
        now: `game.end_turn()` (or the same on a twin, adopted), then `after_end`."""
        if self.game.over:
            return Step.OVER
        waiting = self.decisions()
        if waiting:
            raise GameError(f"first answer: {waiting[0].title}")
        g = self.game
        self.marks[self.active] = len(g.state.dispatches)
        if self.hotseat and self.active is not None:
            self.finished.add(self.active)
            remaining = [
                h
                for h in self.humans
                if h not in self.finished and (not g.closing or g.decisions(h))
            ]
            if remaining:
                self.active = remaining[0]
                return Step.HANDOVER
        return None

    def after_end(self) -> Step:
        """The second half of `finish_turn`, once the engine has ended the turn: who plays
        next, and what follows."""
        g = self.game
        previous = self.active
        self.finished.clear()
        if g.over:
            return Step.OVER
        if g.closing:  # answers are due before the week closes
            asked = [h for h in self.humans if g.decisions(h)]
            self.finished = {h for h in self.humans if h not in asked}
            self.active = asked[0]
            return Step.HANDOVER if self.active != previous else Step.ANSWER
        self.active = self.humans[0] if self.humans else None
        return Step.HANDOVER if self.active != previous else Step.NEXT_TURN
