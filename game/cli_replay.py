"""`moscow1939 replay SAVE`: for authors, a save's commands replayed on the scenario as it
is now, where the game first goes another way, and a new save of the game up to there."""

from __future__ import annotations

import argparse
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
        slot = saves.check_slot(args.out or f"{rec.slot[:54]}-replayed")
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
