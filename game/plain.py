"""Plain mode: the whole game as numbered choices on stdin/stdout.

For screen readers and scripts: every line stands on its own, every question is a
numbered list, and a file of answers piped in plays a game to its end.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import TextIO

from .engine import Decision, Dispatch, Game, GameError

WIDTH = 78
LETTERS = {"e": "end", "k": "status", "u": "undo", "s": "save", "q": "quit"}
"""Letters that always mean the same thing in the move menu, whatever the numbers are."""


def _interactive(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class InputEnded(Exception):
    """Standard input ran out before the game was over."""


class Plain:
    def __init__(
        self,
        game: Game,
        inp: TextIO,
        out: TextIO,
        on_save: Callable[[Game, str], str] | None = None,
        on_turn_end: Callable[[Game], str] | None = None,
    ) -> None:
        self.game = game
        self.inp = inp
        self.out = out
        self.on_save = on_save
        """Saves the game in a named slot; returns a line to print (raises on failure)."""
        self.on_turn_end = on_turn_end
        """Called after every end of turn (autosave); returns a line to print, or ''."""
        self.shown = 0  # dispatches already printed
        self.reported: set[tuple[str, int]] = set()  # (power, turn) whose changes were told
        self.saved_at = len(game.state.log)  # commands held by the last save or autosave

    # -- output ------------------------------------------------------------------------
    def say(self, text: str = "", indent: str = "") -> None:
        if not text:
            self.out.write("\n")
            return
        for para in text.split("\n"):
            wrapped = textwrap.fill(para, WIDTH, initial_indent=indent, subsequent_indent=indent)
            self.out.write((wrapped or indent.rstrip()) + "\n")

    def ask(
        self,
        prompt: str,
        options: list[str],
        keys: list[str] | None = None,
        aliases: dict[str, str] | None = None,
    ) -> int:
        """Ask for a number from 1 to len(options) (or one of `keys`, or an alias of one);
        index from 0."""
        for n, label in enumerate(options, 1):
            item = f"  {n}. "
            self.out.write(
                textwrap.fill(label, WIDTH, initial_indent=item, subsequent_indent=" " * len(item))
                + "\n"
            )
        while True:
            self.out.write(f"{prompt} [1-{len(options)}]: ")
            self.out.flush()
            line = self.inp.readline()
            if not line:
                self.out.write("\n")
                raise InputEnded
            answer = line.strip()
            if not _interactive(self.inp):
                self.out.write(answer + "\n")  # piped answers are echoed, so a log reads well
            if aliases and answer.lower() in aliases:
                answer = aliases[answer.lower()]
            if keys and answer in keys:
                return keys.index(answer)
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return int(answer) - 1
            if not answer:
                self.say(f"Please type a number from 1 to {len(options)}.")
            elif answer.lstrip("-").isdigit():
                self.say(f"{answer} is not on the list: type a number from 1 to {len(options)}.")
            else:
                self.say(f"'{answer}' is not a number: type a number from 1 to {len(options)}.")

    def dispatch(self, d: Dispatch) -> None:
        g = self.game
        if d.kind == "news":
            self.say()
            self.say(f"== Turn {d.turn} of {g.turns} — {d.date:%d %B %Y} — {d.title} ==")
            return
        if d.kind == "decision":
            return
        label = {"event": "NEWS", "move": "MOVE", "reply": "REPLY", "ending": "THE END"}
        kind = d.kind
        if kind == "event" and d.power:  # what a power chose when an event asked it
            kind = "decided"
            label["decided"] = "DECIDED"
        who = f" ({g.names[d.power]})" if d.power and kind in ("move", "decided") else ""
        private = "" if d.seen_by is None else " [private]"
        self.say(f"* {label.get(kind, kind.upper())}{who}{private}: {d.title}")
        if d.text and d.text != d.title:
            self.say(d.text, indent="    ")
        if d.reason:
            self.say(f"Why: {d.reason}", indent="    ")

    def catch_up(self) -> None:
        """Print the dispatches the human powers may see that are not yet printed."""
        everything = self.game.state.dispatches
        for d in everything[self.shown :]:
            if d.seen_by is None or any(p in d.seen_by for p in self.game.humans):
                self.dispatch(d)
        self.shown = len(everything)

    def since(self, power: str) -> None:
        """What changed for `power` since its last turn, grouped by cause (once a turn)."""
        g = self.game
        key = (power, g.state.turn)
        if key in self.reported:
            return
        self.reported.add(key)
        groups = g.changes(power)
        if not groups:
            return
        self.say()
        self.say(f"-- Since {g.names[power]}'s last turn --")
        for group in groups:
            shifts = "; ".join(
                f"{s.label}: {'yes' if s.after else 'no'}"
                if s.flag
                else f"{s.label} {s.before} → {s.after}"
                for s in group.shifts
            )
            self.say(f"{shifts} · {group.title}", indent="  ")

    def status(self, power: str) -> None:
        g = self.game
        self.say(f"-- What {g.names[power]} knows --")
        for _, label, value, low, high in g.variables(power):
            self.say(f"{label}: {value} (of {low}–{high})", indent="  ")
        for _, label, low, high, source in g.estimates(power):
            guess = f"{low}" if low == high else f"about {low}–{high}"
            self.say(f"{label}: {guess} (an estimate; {source})", indent="  ")
        facts = [label for _, label, is_set in g.flags(power) if is_set]
        self.say("Facts: " + ("; ".join(facts) if facts else "none yet"), indent="  ")
        for _, label, positions in g.table():
            if positions:
                self.say(
                    f"{label}: "
                    + "; ".join(f"{g.names[p]}: {t.rstrip('.')}" for p, t in positions)
                    + ".",
                    indent="  ",
                )

    # -- play --------------------------------------------------------------------------
    def decide(self, decision: Decision) -> None:
        g = self.game
        self.say()
        self.say(f"{g.names[decision.power]}, an answer is needed — {decision.title}")
        if decision.prompt and decision.prompt != decision.title:
            self.say(decision.prompt, indent="  ")
        options = g.options(decision)
        for c in options:
            if not c.open:
                self.say(f"(closed: {c.label} — {c.locked})", indent="  ")
        choices = [c for c in options if c.open]
        labels = [c.label + (f" — {c.effects}" if c.effects else "") for c in choices]
        pick = self.ask("Your answer", labels, [c.id for c in choices])
        g.decide(decision.power, decision.id, choices[pick].id)
        self.catch_up()

    def turn_of(self, power: str) -> bool:
        """One power's part of a turn; False if the player quit."""
        while not self.game.over:
            g = self.game
            for decision in g.decisions(power):
                self.decide(decision)
                if g.over:
                    return True
            if g.closing:  # the week's moves are made: only answers were due
                return True
            self.since(power)
            moves = [m for m in g.moves(power) if m.cost <= g.budget(power)]
            self.say()
            self.say(f"{g.names[power]}: {g.budget(power)} action point(s) left this turn.")
            labels = [
                f"{m.title} (cost {m.cost})" + (f" — {m.preview}" if m.preview else "")
                for m in moves
            ]
            extra = {"end": "End the turn [e]", "status": "Show what you know [k]"}
            if g.can_undo and g.state.log[-1].power == power:
                extra["undo"] = "Take back your last move or answer [u]"
            extra |= {"save": "Save the game [s]", "quit": "Quit [q]"}
            keys = [m.id for m in moves] + list(extra)
            pick = self.ask(
                "Your move (a number, or a letter in brackets)",
                labels + list(extra.values()),
                keys,
                LETTERS,
            )
            if pick < len(moves):
                try:
                    g.play(power, moves[pick].id)
                except GameError as err:
                    self.say(f"Not possible: {err}")
                self.catch_up()
                continue
            choice = keys[pick]
            if choice == "end":
                return True
            if choice == "status":
                self.status(power)
            elif choice == "undo":
                self.undo()
            elif choice == "save":
                self.save()
            elif self.leave():
                return False
        return True

    def undo(self) -> None:
        """Take back the last command of this turn (the game is replayed without it)."""
        taken = self.game.state.log[-1]
        self.game.undo()
        self.shown = len(self.game.state.dispatches)
        if self.saved_at > len(self.game.state.log):
            self.saved_at = -1  # the save holds the command just taken back
        what = "your last answer"
        if taken.verb == "play":
            what = self.game.text(self.game.content.actions[taken.args[0]].action.title)
        self.say(f"Taken back: {what}.")

    def leave(self) -> bool:
        """Confirm quitting; offers to save moves made since the last save or autosave."""
        if len(self.game.state.log) <= self.saved_at:
            return True
        self.say("Moves made this turn are not saved yet.")
        pick = self.ask(
            "Before you go", ["Save, then quit", "Quit without saving", "Go back to the game"]
        )
        if pick == 0:
            return self.save()
        return pick == 1

    def save(self) -> bool:
        if self.on_save is None:
            self.say("Saving is not available here.")
            return False
        self.out.write("Name of the save (empty for 'quicksave'): ")
        self.out.flush()
        line = self.inp.readline()
        if not line:
            raise InputEnded
        if not _interactive(self.inp):
            self.out.write(line.strip() + "\n")
        try:
            self.say(self.on_save(self.game, line.strip() or "quicksave"))
        except Exception as err:  # a save error is reported, never fatal
            self.say(f"Could not save: {err}")
            return False
        self.saved_at = len(self.game.state.log)
        return True

    def play(self) -> int:
        g = self.game
        sc = g.scenario
        names = ", ".join(g.names[p] for p in g.humans) or "nobody (all computer-played)"
        self.say(f"{sc.title} — you play: {names}. Seed {g.seed}.")
        if g.state.log:  # a resumed game: show only the current turn again
            self.shown = next(i for i, d in enumerate(g.state.dispatches) if d.turn == g.state.turn)
        for power in () if g.state.log else g.humans:
            p = sc.power(power)
            self.say()
            self.say(f"-- Briefing: {p.name} --")
            if p.leaders:
                self.say("Leaders: " + "; ".join(p.leaders), indent="  ")
            if p.objectives:
                self.say("Objectives: " + "; ".join(p.objectives), indent="  ")
            if p.briefing:
                self.say(p.briefing, indent="  ")
        self.catch_up()
        try:
            while not self.game.over:
                for power in self.game.humans:
                    if not self.turn_of(power):
                        self.say("You left the game.")
                        return 0
                    if self.game.over:
                        break
                if not self.game.over:
                    self.game.end_turn()
                    self.catch_up()
                    note = self.on_turn_end(self.game) if self.on_turn_end else ""
                    if note:
                        self.say(note)
                    elif self.on_turn_end:
                        self.saved_at = len(self.game.state.log)
        except InputEnded:
            self.say("Input ended before the game did; the game is left unfinished.")
            return 0
        self.catch_up()
        self.ending()
        return 0

    def ending(self) -> None:
        g = self.game
        outcome = g.ending
        assert outcome is not None
        self.say()
        self.say(f"== {outcome.title} — {outcome.date:%d %B %Y} ==")
        self.say(
            "Scores: "
            + ", ".join(
                f"{g.names[p]} {s}" + (f" ({outcome.levels[p]})" if p in outcome.levels else "")
                for p, s in outcome.scores.items()
            )
        )
        if outcome.comparison:
            self.say("What really happened: " + outcome.comparison)
        ending = next(e for e in g.scenario.endings if e.id == outcome.ending)
        if ending.history:
            self.say("History: " + ending.history.note)
            if ending.history.sources:
                self.say("Sources: " + "; ".join(ending.history.sources), indent="  ")
