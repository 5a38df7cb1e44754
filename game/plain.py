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
    ) -> None:
        self.game = game
        self.inp = inp
        self.out = out
        self.on_save = on_save
        self.shown = 0  # dispatches already printed

    # -- output ------------------------------------------------------------------------
    def say(self, text: str = "", indent: str = "") -> None:
        if not text:
            self.out.write("\n")
            return
        for para in text.split("\n"):
            wrapped = textwrap.fill(para, WIDTH, initial_indent=indent, subsequent_indent=indent)
            self.out.write((wrapped or indent.rstrip()) + "\n")

    def ask(self, prompt: str, options: list[str], keys: list[str] | None = None) -> int:
        """Ask for a number from 1 to len(options) (or one of `keys`); index from 0."""
        for n, label in enumerate(options, 1):
            self.say(f"{n}. {label}", indent="  ")
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
        who = f" ({g.names[d.power]})" if d.power and d.kind == "move" else ""
        private = "" if d.seen_by is None else " [private]"
        self.say(f"* {label.get(d.kind, d.kind.upper())}{who}{private}: {d.title}")
        if d.text and d.text != d.title:
            self.say(d.text, indent="    ")

    def catch_up(self) -> None:
        """Print the dispatches the human powers may see that are not yet printed."""
        everything = self.game.state.dispatches
        for d in everything[self.shown :]:
            if d.seen_by is None or any(p in d.seen_by for p in self.game.humans):
                self.dispatch(d)
        self.shown = len(everything)

    def status(self, power: str) -> None:
        g = self.game
        self.say(f"-- What {g.names[power]} knows --")
        for _, label, value, low, high in g.variables(power):
            self.say(f"{label}: {value} (of {low}–{high})", indent="  ")
        facts = [label for _, label, is_set in g.flags(power) if is_set]
        self.say("Facts: " + ("; ".join(facts) if facts else "none yet"), indent="  ")
        for _, label, positions in g.table():
            if positions:
                self.say(
                    f"{label}: " + "; ".join(f"{g.names[p]}: {t}" for p, t in positions),
                    indent="  ",
                )

    # -- play --------------------------------------------------------------------------
    def decide(self, decision: Decision) -> None:
        g = self.game
        self.say()
        self.say(f"{g.names[decision.power]}, an answer is needed — {decision.title}")
        if decision.prompt and decision.prompt != decision.title:
            self.say(decision.prompt, indent="  ")
        choices = g.choices(decision)
        pick = self.ask("Your answer", [c.label for c in choices], [c.id for c in choices])
        g.decide(decision.power, decision.id, choices[pick].id)
        self.catch_up()

    def turn_of(self, power: str) -> bool:
        """One power's part of a turn; False if the player quit."""
        g = self.game
        while not g.over:
            for decision in g.decisions(power):
                self.decide(decision)
                if g.over:
                    return True
            moves = [m for m in g.moves(power) if m.cost <= g.budget(power)]
            self.say()
            self.say(f"{g.names[power]}: {g.budget(power)} action point(s) left this turn.")
            labels = [
                f"{m.title} (cost {m.cost})" + (f" — {m.preview}" if m.preview else "")
                for m in moves
            ]
            extra = ["End the turn", "Show what you know", "Save the game", "Quit"]
            keys = [m.id for m in moves] + ["end", "status", "save", "quit"]
            pick = self.ask("Your move", labels + extra, keys)
            if pick < len(moves):
                try:
                    g.play(power, moves[pick].id)
                except GameError as err:
                    self.say(f"Not possible: {err}")
                self.catch_up()
                continue
            choice = extra[pick - len(moves)]
            if choice == "End the turn":
                return True
            if choice == "Show what you know":
                self.status(power)
            elif choice == "Save the game":
                self.save()
            else:
                return False
        return True

    def save(self) -> None:
        if self.on_save is None:
            self.say("Saving is not available here.")
            return
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

    def play(self) -> int:
        g = self.game
        sc = g.scenario
        names = ", ".join(g.names[p] for p in g.humans) or "nobody (all computer-played)"
        self.say(f"{sc.title} — you play: {names}. Seed {g.seed}.")
        for power in g.humans:
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
            while not g.over:
                for power in g.humans:
                    if not self.turn_of(power):
                        self.say("You left the game.")
                        return 0
                    if g.over:
                        break
                if not g.over:
                    g.end_turn()
                    self.catch_up()
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
        self.say("Scores: " + ", ".join(f"{g.names[p]} {s}" for p, s in outcome.scores.items()))
        if outcome.comparison:
            self.say("What really happened: " + outcome.comparison)
        ending = next(e for e in g.scenario.endings if e.id == outcome.ending)
        if ending.history:
            self.say("History: " + ending.history.note)
            if ending.history.sources:
                self.say("Sources: " + "; ".join(ending.history.sources), indent="  ")
