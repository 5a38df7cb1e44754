"""For authors: replay a save's commands on an edited scenario and find where the game
first goes another way.

A save records the state its log leads to; the autosaves and other saves of the same game
in the folder record the states earlier prefixes of that log led to. Each is a checkpoint:
the replay on the new scenario runs command by command, compares the state at every
checkpoint, and stops at the first that differs (or at the first command the new scenario
no longer allows). What it keeps is the log up to the last state that still agreed, as a
game of the new scenario, which `save` writes as a normal, fully bound save.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from ..engine import Command, Game, GameError
from ..engine.state import Verb
from ..scenario import Scenario
from .fileformat import SaveError, SaveFile, Snapshot, _cut, read, snapshot_of
from .replay import compare

MAX_CHECKPOINTS = 200
"""Saves of the folder read for checkpoints, at most (the newest first)."""


@dataclass(frozen=True)
class Checkpoint:
    """A recorded state: after the first `commands` commands of the log, in save `slot`."""

    commands: int
    snapshot: Snapshot
    slot: str


@dataclass
class Divergence:
    """What replaying a log on a scenario found, and the game kept."""

    game: Game
    kept: int
    """Commands of the log kept in `game`."""
    total: int
    differences: list[str] = field(default_factory=list)
    """How the first checkpoint that differs differs (empty if none does)."""
    at: Checkpoint | None = None
    """That checkpoint."""
    agreed: Checkpoint | None = None
    """The last checkpoint before it that agreed."""
    failed: int = 0
    """The number (from 1) of the first command that no longer replays; 0 if all do."""
    failure: str = ""

    @property
    def same(self) -> bool:
        return not self.differences and not self.failed

    def report(self, log: list[Command]) -> str:
        """Where the game went another way, in words."""
        if self.same:
            return (
                f"No difference: all {self.total} commands replay on this version of the "
                "scenario to the states the saves record."
            )
        lines = []
        if self.at is not None:
            cp = self.at
            before = (
                f"after command {self.agreed.commands} (turn {self.agreed.snapshot.turn}, "
                f"save '{self.agreed.slot}')"
                if self.agreed
                else "at the start"
            )
            lines.append(
                f"The game first differs by turn {cp.snapshot.turn} "
                f"({cp.snapshot.date:%d %B %Y}, after command {cp.commands}, save "
                f"'{cp.slot}'): " + "; ".join(self.differences[:5]) + "."
            )
            lines.append(f"It still agreed {before}.")
        if self.failed:
            cmd = log[self.failed - 1]
            lines.append(
                f"Command {self.failed} (turn {cmd.turn}, {cmd.power}: {cmd.verb} "
                f"{' '.join(cmd.args)}) no longer replays: {self.failure}."
            )
        lines.append(f"Kept {self.kept} of {self.total} commands.")
        return "\n".join(lines)


def log_of(rec: SaveFile) -> list[Command]:
    # a verb the engine does not know is refused by the replay, with the save's own words
    return [Command(c.turn, c.power, cast(Verb, c.verb), tuple(c.args)) for c in rec.log]


def checkpoints(rec: SaveFile, folder: Path | None) -> list[Checkpoint]:
    """The states recorded along `rec`'s log: its own, and those of the saves in `folder`
    of the same game whose logs begin its log, by length of log."""
    found = {len(rec.log): Checkpoint(len(rec.log), rec.snapshot, rec.slot)}
    paths: list[Path] = []
    if folder is not None:
        try:
            paths = sorted(folder.glob("*.json"), key=lambda p: p.name, reverse=True)
        except OSError:
            paths = []
    for path in paths[:MAX_CHECKPOINTS]:
        try:
            other = read(path)
        except (SaveError, ValueError, OverflowError, OSError):
            continue
        n = len(other.log)
        same_game = other.game_id == rec.game_id and other.scenario_id == rec.scenario_id
        if same_game and n <= len(rec.log) and other.log == rec.log[:n] and n not in found:
            found[n] = Checkpoint(n, other.snapshot, other.slot)
    return [found[n] for n in sorted(found)]


def replay_on(
    rec: SaveFile, scenario: Scenario, points: list[Checkpoint], keep_all: bool = False
) -> Divergence:
    """Replay `rec`'s log on `scenario` up to the first checkpoint that differs or the first
    command that fails; keep the log up to the last checkpoint that agreed (`keep_all`:
    every command that replays)."""
    log = log_of(rec)
    at = {cp.commands: cp for cp in points}
    try:
        game = Game(scenario, rec.humans, rec.seed, rec.policy)
    except GameError as err:
        raise SaveError(f"The save's game cannot start on scenario '{scenario.id}': {err}")
    found = Divergence(game, 0, len(log))
    replayed = 0
    for number, cmd in enumerate(log, 1):
        try:
            if cmd.turn != game.state.turn:
                raise GameError(
                    f"it was given in turn {cmd.turn}, but the game is in turn {game.state.turn}"
                )
            game.command(cmd)
        except GameError as err:
            found.failed, found.failure = number, _cut(str(err))
            break
        replayed = number
        cp = at.get(number)
        if cp is None or found.differences:
            continue
        differences = compare(cp.snapshot, snapshot_of(game))
        if not differences:
            found.agreed = cp
            continue
        found.differences, found.at = differences, cp
        if not keep_all:
            break
    if keep_all:
        found.kept = replayed
    elif found.differences:
        found.kept = found.agreed.commands if found.agreed else 0
    else:
        found.kept = replayed
    found.game = Game.replay(scenario, rec.humans, rec.seed, log[: found.kept], rec.policy)
    return found
