"""Plain mode's game loop: a `Session` (whose turn, what is unsaved) asked and told in lines.

Every question is a numbered menu. A move keeps its number for the whole turn; the
commands players of interactive fiction expect (help, look, again, brief, verbose,
transcript) work at the questions where they make sense.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ..engine import Decision, Game, GameError, closed_moves
from ..opponents import opponent_line
from ..session import Session, Step
from . import encyclopedia, words
from .aims import aims
from .console import WIDTH, Console, Entry, InputEnded, Menu
from .moves import LETTERS, MoveNumbers

HELP = """Commands, at any question:
  ? or help - this list
  l or look - the situation again: the turn, what changed since your last turn, the menu
  k or status - what your side knows, estimates as intervals
  since - what changed since your last turn, and why
  a or aims - your aims, the victory levels, and where you stand
  map - the map as a list: each region and how it stands
  history - the history notes of what has happened, and where the sources disagree
  encyclopedia [WORD] - people, treaties, terms, historians' readings; WORD: read those entries
  brief - menus in one line after the first of each turn; verbose - every menu in full
  transcript FILE - write the session, from its start, to a new FILE; transcript off - stop
  s - save the game (at a question too: it waits in the save); q - quit, with an offer to save
At the move menu:
  a number, or a move's name - make that move (a move keeps its number all turn)
  g or again - repeat the last command
  e end the turn, u take back your last move or answer"""


class Left(Exception):
    """The player quit at a question (after the offer to save)."""


class Plain:
    def __init__(
        self,
        game: Game,
        inp: TextIO,
        out: TextIO,
        on_save: Callable[[Game, str, bool], str] | None = None,
        on_turn_end: Callable[[Game], str] | None = None,
        width: int = WIDTH,
        opening: str = "",
    ) -> None:
        self.session = Session(game)
        self.console = Console(inp, out, width)
        self.on_save = on_save
        """Saves the game in a named slot; returns a line to print (raises on failure)."""
        self.on_turn_end = on_turn_end
        """Called after every end of turn (autosave); returns a line to print, or ''."""
        self.opening = opening
        """A line said after the title (e.g. that autosave is off)."""
        self.shown = 0  # dispatches already printed
        self.reported: set[tuple[str, int]] = set()  # (power, turn) whose changes were told
        self.brief = False
        self.menus: set[tuple[str, int]] = set()  # (power, turn) whose full menu was shown
        self.moves = MoveNumbers()
        self.last: str | None = None  # the last command given at the move menu, for `again`

    @property
    def game(self) -> Game:
        return self.session.game

    # -- output ------------------------------------------------------------------------
    def say(self, text: str = "", indent: str = "") -> None:
        self.console.say(text, indent)

    def tell(self, lines: words.Lines) -> None:
        for text, indent in lines:
            self.say(text, indent)

    def catch_up(self) -> None:
        """Print the dispatches the human powers may see that are not yet printed."""
        everything = self.game.state.dispatches
        for d in everything[self.shown :]:
            if d.seen_by is None or any(p in d.seen_by for p in self.session.humans):
                self.tell(words.dispatch(self.game, d))
        self.shown = len(everything)

    def since(self, power: str, again: bool = False) -> None:
        """What changed for `power` since its last turn (once a turn, unless `again`)."""
        key = (power, self.game.state.turn)
        if key in self.reported and not again:
            return
        self.reported.add(key)
        lines = words.since(self.game, power)
        if again and not lines:
            since = "the game began" if key[1] == 1 else "your last turn"
            lines = [("", ""), (f"Nothing you can see has changed since {since}.", "")]
        self.tell(lines)

    def heading(self) -> None:
        """The heading of the turn being played, as it was first printed."""
        news = [d for d in self.game.state.dispatches if d.kind == "news"]
        if news:
            self.tell(words.dispatch(self.game, news[-1]))

    # -- words that work at any question -------------------------------------------------
    def meta(self, answer: str, look: Callable[[], None]) -> bool:
        """Carry out a command that is not an answer; False if `answer` is none."""
        word, _, rest = answer.partition(" ")
        word = word.lower()
        power = self.session.active
        if word in ("?", "help"):
            self.say(HELP)
        elif word in ("l", "look"):
            look()
        elif word in ("k", "status") and power:
            self.tell(words.status(self.game, power))
        elif word == "since" and power:
            self.since(power, again=True)
        elif word in ("a", "aims") and power:
            self.tell(aims(self.game, power))
        elif word == "map":
            self.tell(words.map_list(self.game, power))
        elif word in ("history", "notes"):
            self.tell(words.history(self.game, self.session.humans))
        elif word in ("encyclopedia", "encyclopaedia", "enc"):
            self.tell(encyclopedia.read(self.game.scenario, rest))
        elif word == "brief":
            self.brief = True
            self.say("Brief: after the first menu of a turn, menus come in one line.")
        elif word == "verbose":
            self.brief = False
            self.say("Verbose: every menu in full.")
        elif word in ("transcript", "script"):
            rest = rest.strip()
            off = rest.lower() == "off"
            self.say(self.console.stop_transcript() if off else self.console.start_transcript(rest))
        elif word in ("g", "again"):
            self.say("There is nothing to repeat here: 'again' repeats a command of the move menu.")
        elif word in ("s", "save") and self.on_save is not None:
            self.save()  # the question waits in the save, and is asked again on loading
        elif word in ("q", "quit"):
            if self.leave():
                raise Left
        elif word in LETTERS or word in LETTERS.values():
            also = " (s saves the game meanwhile)" if self.on_save is not None else ""
            self.say(f"'{answer}' cannot be done here: first answer the question{also}.")
        else:
            return False
        return True

    # -- play --------------------------------------------------------------------------
    def decide(self, decision: Decision) -> None:
        g = self.game
        options = g.options(decision)
        choices = [c for c in options if c.open]
        menu = Menu(
            [
                Entry(n, c.label + (f" — {c.effects}" if c.effects else ""), c.id)
                for n, c in enumerate(choices, 1)
            ]
        )

        def show() -> None:
            self.say()
            self.say(f"{g.names[decision.power]}, an answer is needed — {decision.title}")
            if decision.prompt and decision.prompt != decision.title:
                self.say(decision.prompt, indent="  ")
            for c in options:
                if not c.open:
                    self.say(f"(closed: {c.label} — {c.locked})", indent="  ")
            menu.show(self.console)

        show()
        choice = menu.ask(self.console, "Your answer", lambda a: self.meta(a, show))
        self.session.decide(decision.id, choice)
        self.catch_up()

    def ask_move(self, power: str) -> str:
        """Show the move menu (in one line, when brief and shown before) and read a choice."""
        g = self.game
        menu = self.moves.menu(g, power, self.session.can_undo())

        def full() -> None:
            self.say()
            self.say(f"{g.names[power]}: {g.budget(power)} action point(s) left this turn.")
            menu.show(self.console)
            for c in closed_moves(g, power):
                self.say(f"(closed: {c.title} — {c.reason})", indent="  ")

        def look() -> None:
            self.heading()
            self.since(power, again=True)
            full()

        turn = (power, g.state.turn)
        if self.brief and turn in self.menus:
            self.say(self.moves.brief(g, power, menu))
        else:
            full()
            self.menus.add(turn)
        keys = {e.key for e in menu.entries}
        if self.last in keys:
            menu.aliases |= {"g": self.last, "again": self.last}

        def hook(answer: str) -> bool:
            if answer.lower() in ("g", "again") and self.last is None:
                self.say("There is nothing to repeat yet.")
                return True
            if answer.lower() in ("g", "again") and self.last is not None:
                was = self.moves.titles.get(self.last, self.last)
                self.say(f"'{was}' cannot be repeated now.")
                return True
            if answer.lower() in ("u", "undo"):
                self.say("There is nothing of yours to take back in this turn.")
                return True
            return self.meta(answer, look)

        prompt = "Your move (a number, or a letter in brackets)"
        return menu.ask(self.console, prompt, hook)

    def turn_of(self, power: str) -> bool:
        """One power's part of a turn; False if the player quit."""
        while not self.game.over:
            g = self.game
            for decision in self.session.decisions():
                try:
                    self.decide(decision)
                except Left:
                    return False
                if g.over:
                    return True
            if g.closing:  # the week's moves are made: only answers were due
                return True
            self.since(power)
            choice = self.ask_move(power)
            self.last = choice
            if choice not in LETTERS.values():
                try:
                    self.session.play(choice)
                except GameError as err:
                    self.say(f"Not possible: {err}")
                self.catch_up()
            elif choice == "end":
                return True
            elif choice == "status":
                self.tell(words.status(g, power))
            elif choice == "undo":
                self.undo()
            elif choice == "save":
                self.save()
            elif self.leave():
                return False
        return True

    def undo(self) -> None:
        """Take back the last command of this turn (the game is replayed without it)."""
        what = self.session.undo()
        self.shown = len(self.game.state.dispatches)
        self.say(f"Taken back: {what}.")

    def leave(self) -> bool:
        """Confirm quitting; offers to save moves made since the last save or autosave."""
        if not self.session.unsaved:
            return True
        g = self.game
        saved = self.session.saved_commands
        recent = saved >= 0 and all(c.turn == g.state.turn for c in g.state.log[saved:])
        self.say(
            "Moves made this turn are not saved yet."
            if recent
            else "Moves of earlier turns are not saved yet: there was no save since."
        )
        menu = Menu(
            [
                Entry(1, "Save, then quit", "s"),
                Entry(2, "Quit without saving", "q"),
                Entry(3, "Go back to the game", "b"),
            ]
        )
        menu.show(self.console)
        pick = menu.ask(
            self.console, "Before you go", lambda a: self.meta(a, lambda: menu.show(self.console))
        )
        if pick == "s":
            return self.save()
        return pick == "q"

    def save(self) -> bool:
        if self.on_save is None:
            self.say("Saving is not available here.")
            return False
        from ..saves import SlotTaken

        slot = self.console.read("Name of the save (empty for 'quicksave'): ") or "quicksave"
        try:
            try:
                self.say(self.on_save(self.game, slot, False))
            except SlotTaken as taken:
                self.say(str(taken))
                if self.console.read("Replace it with this game? (y/n) [n]: ").lower() != "y":
                    self.say("Not saved: the other save is kept.")
                    return False
                self.say(self.on_save(self.game, slot, True))
        except Exception as err:  # a save error is reported, never fatal
            self.say(f"Could not save: {err}")
            return False
        self.session.mark_saved()
        return True

    def play(self) -> int:
        try:
            return self._play()
        finally:
            if self.console.transcript is not None:
                self.console.stop_transcript()

    def _play(self) -> int:
        g, s = self.game, self.session
        names = ", ".join(g.names[p] for p in s.humans) or "nobody (all computer-played)"
        self.say(f"{g.scenario.title} — you play: {names}. Seed {g.seed}.")
        computer = [p.id for p in g.scenario.powers if p.id not in s.humans]
        if computer and not g.state.log:  # each opponent in a line, as set-up shows them
            self.say("The computer plays:")
            for power in computer:
                self.say(opponent_line(power, g.names[power], g.policy), "  ")
        if self.opening:
            self.say(self.opening)
        self.say("Type ? at any question for the commands.")
        if g.state.log:  # a resumed game: show only the current turn again
            self.shown = next(i for i, d in enumerate(g.state.dispatches) if d.turn == g.state.turn)
        for power in () if g.state.log else s.humans:
            self.tell(words.briefing(g, power))
        self.catch_up()
        try:
            while not g.over:
                if s.active is not None and not self.turn_of(s.active):
                    self.say("You left the game.")
                    return 0
                if g.over:
                    break
                logged = len(g.state.log)
                try:
                    step = s.finish_turn()
                except GameError as err:
                    self.say(f"Not yet: {err}.")
                    continue
                self.catch_up()
                if len(g.state.log) > logged:  # the turn ended in the engine
                    self.turn_ended()
                if step is Step.HANDOVER and not g.over:
                    self.say()
                    self.say(f"-- {s.name(s.active)} to play: hand over the keyboard --")
        except InputEnded:
            self.say("Input ended before the game did; the game is left unfinished." + self.kept())
            return 0
        except KeyboardInterrupt:
            if note := self.kept():
                self.say(note.strip())
            raise
        self.catch_up()
        self.tell(words.ending(g))
        return 0

    def kept(self) -> str:
        """Autosave a game left mid-turn (Ctrl-C, the end of input), so that this turn's
        moves are not lost; what to say of it ("" without autosaves)."""
        if self.on_turn_end is None or self.game.over or not self.session.unsaved:
            return ""
        note = self.on_turn_end(self.game)
        return f" {note}" if note else " The moves so far are autosaved: moscow1939 continue."

    def turn_ended(self) -> None:
        """After the engine ended a turn: autosave, if there is one."""
        if self.on_turn_end is None:
            return
        note = self.on_turn_end(self.game)
        if note:
            self.say(note)
        else:
            self.session.mark_saved()
