"""`moscow1939 replay SAVE`: for authors, a save's commands replayed on the scenario as it
is now, where the game first goes another way, and a new save of the game up to there."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from .cli_tools import EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE


def replay(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import saves
    from .saves.divergence import checkpoints, log_of, replay_on
    from .scenario import load
    from .scenario.errors import ScenarioError

    try:
        where = saves.where(getattr(args, "saves_dir", None))
        path = saves.resolve(args.save, where.folder)
        rec = saves.read(path)
        slot = _copy_slot(args.out, path, where.folder)
        scenario = load(args.scenario) if args.scenario else saves.find_scenario(rec)
        found = replay_on(rec, scenario, checkpoints(rec, path.parent), keep_all=args.all)
        saved = saves.save(
            found.game, slot, where.folder, saves.new_game_id()
        )  # never over another
    except ScenarioError as e:
        err.write(e.report() + "\n")
        return EXIT_UNREADABLE if e.unreadable else EXIT_INVALID
    except saves.SlotTaken as e:
        err.write(f"moscow1939 replay: {e} Name the copy with --out NAME.\n")
        return EXIT_INVALID
    except saves.SaveError as e:
        err.write(f"moscow1939 replay: {e}\n")
        return EXIT_INVALID
    out.write(found.report(log_of(rec)) + "\n")
    state = found.game.state
    out.write(
        f"Saved the game of scenario '{scenario.id}' as it is now, at turn {state.turn} "
        f"({state.date:%d %B %Y}), as '{saved.stem}' in {where.folder}: resume it with "
        f"moscow1939 load '{saved.stem}'.\n"
    )
    return EXIT_OK


COPIES = 99
"""The most numbered copies (`NAME-replayed-2`...) looked for before asking for `--out`."""


def _copy_slot(out: str | None, path: Path, folder: Path) -> str:
    """The slot for the replayed copy: `--out` as given, else the save's name with
    `-replayed`, numbered from 2 if that copy exists already (a second replay of a save
    makes a second copy rather than fail)."""
    from . import saves

    if out:
        return saves.check_slot(out)
    try:
        base = saves.check_slot(f"{path.stem[:54]}-replayed")
    except saves.SaveError:
        raise saves.SaveError(
            f"the save's file name does not make a name for the copy ({path.stem[:40]!r}). "
            "Name the copy with --out NAME."
        ) from None
    for n in range(1, COPIES + 1):
        slot = base if n == 1 else f"{base}-{n}"
        if not (folder / f"{slot}.json").exists():
            return slot
    raise saves.SaveError(f"{COPIES} copies named {base} exist. Name the copy with --out NAME.")
