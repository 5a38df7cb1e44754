"""The command line: `moscow1939 [COMMAND]`. Textual is imported only to open the UI."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .cli_args import build_parser
from .cli_tools import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    _analyse,
    _lint,
    _scenarios,
    _schema,
    _simulate,
    _validate,
    power_problem,
)

AUTOSAVE_OFF = (
    "No autosave: the answers come from a file or a pipe (--autosave keeps one each turn)."
)


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, inp: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = sys.stderr if out is sys.stdout else out
    args = build_parser().parse_args(argv)
    try:
        if args.command in (None, "play"):
            return _ui(args, err)
        if args.command == "plain":
            return _plain(args, inp or sys.stdin, out, err)
        if args.command == "serve":
            return _serve(args, out, err)
        if args.command in ("continue", "load"):
            return _resume(args, inp or sys.stdin, out, err)
        if args.command == "saves":
            return _saves(args, out, err)
        if args.command == "scenarios":
            return _scenarios(out, args.json)
        if args.command == "simulate":
            return _simulate(args, out, err)
        if args.command == "analyse":
            return _analyse(args, out, err)
        if args.command == "schema":
            return _schema(args, out, err)
        if args.command == "validate":
            return _validate(args.paths, out, args.json)
        if args.command == "lint":
            return _lint(args.paths, out)
        if args.command == "lsp":
            return _lsp(err)
        if args.command == "replay":
            from .cli_replay import replay

            return replay(args, out, err)
    except KeyboardInterrupt:
        err.write("\nInterrupted.\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_OK  # pragma: no cover


def _plain(args: argparse.Namespace, inp: TextIO, out: TextIO, err: TextIO) -> int:
    from .engine import Game, GameError
    from .scenario import load
    from .scenario.errors import ScenarioError

    try:
        sc = load(args.scenario)
    except ScenarioError as e:
        err.write(e.report() + "\n")
        return EXIT_UNREADABLE if e.unreadable else EXIT_INVALID
    from .engine.policies import parse_opponents

    powers = args.power or [sc.playable[0].id]
    for power in powers:
        if problem := power_problem("plain", sc, power, playable=True):
            err.write(problem + "\n")
            return EXIT_INVALID
    try:
        game = Game.new(sc, humans=powers, seed=args.seed, policy=parse_opponents(args.opponents))
    except GameError as e:
        err.write(f"moscow1939 plain: {e}\n")
        return EXIT_INVALID
    folder = _folder(args, err)
    if folder is None:
        return EXIT_INVALID
    return _play_plain(game, None, folder, args, inp, out)


def _play_plain(
    game: object,
    game_id: str | None,
    folder: Path,
    args: argparse.Namespace,
    inp: TextIO,
    out: TextIO,
) -> int:
    from . import saves
    from .engine import Game
    from .plain import Plain
    from .plain.console import interactive

    assert isinstance(game, Game)
    ident = game_id or saves.new_game_id()

    def on_save(g: Game, slot: str, replace: bool) -> str:
        path = saves.save(g, slot, folder, ident, replace=replace)
        return f"Saved as '{path.stem}' in {folder}."

    def on_turn_end(g: Game) -> str:
        try:
            saves.autosave(g, folder, ident)
        except saves.SaveError as e:
            return f"Autosave failed: {e}"
        return ""

    autosave = args.autosave or interactive(inp)
    return Plain(
        game,
        inp,
        out,
        on_save=on_save,
        on_turn_end=on_turn_end if autosave else None,
        width=args.width,
        opening="" if autosave else AUTOSAVE_OFF,
    ).play()


def _resume(args: argparse.Namespace, inp: TextIO, out: TextIO, err: TextIO) -> int:
    from . import saves

    folder = _folder(args, err)
    if folder is None:
        return EXIT_INVALID
    if args.command == "continue":
        candidates = saves.resumable(folder)
        if not candidates:
            err.write(_nothing_to_continue(folder))
            return EXIT_INVALID
        loaded = None
        for info in candidates:  # the newest that loads; say why the newer ones did not
            try:
                loaded = saves.load(info.path, folder)
                break
            except saves.SaveError as e:
                err.write(f"Skipping {info.slot}: {e}\n")
        if loaded is None:
            return EXIT_INVALID
    else:
        try:
            loaded = saves.load(args.save, folder, accept_changed=getattr(args, "yes", False))
        except saves.ChangedScenario as e:
            err.write(f"{e}\nRun again with --yes to load it.\n")
            return EXIT_INVALID
        except saves.SaveError as e:
            err.write(f"{e}\n")
            return EXIT_INVALID
    if loaded.warning:
        err.write(loaded.warning + "\n")
    if args.plain:
        out.write(f"Resuming '{loaded.record.slot}' ({loaded.path}).\n")
        return _play_plain(loaded.game, loaded.record.game_id, folder, args, inp, out)
    return _ui(args, err, resume=str(loaded.path), folder=folder)


def _nothing_to_continue(folder: Path) -> str:
    """Why `continue` has no game to resume: none saved, or none that can be read."""
    from . import saves

    start = "Start a new game with moscow1939 (or moscow1939 plain)."
    broken = [s for s in saves.list_saves(folder) if s.error]
    if not broken:
        return f"There is no game in progress saved in {folder}. {start}\n"
    count = "1 save there cannot" if len(broken) == 1 else f"{len(broken)} saves there cannot"
    return (
        f"There is no game in progress in {folder} that can be read: {count} be loaded. "
        f"The newest, {broken[0].slot}: {broken[0].error.rstrip()} "
        f"'moscow1939 saves' lists them all. {start}\n"
    )


LSP_MISSING = (
    "moscow1939 lsp: the language server needs pygls ({why}); install it with: "
    "pip install 'moscow1939[lsp]'\n"
)


def _lsp(err: TextIO) -> int:
    try:
        from .lsp.server import run
    except ImportError as e:  # the lsp extra is not installed
        err.write(LSP_MISSING.format(why=e))
        return EXIT_INVALID
    return run()


def _serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .serve import serve

    folder = _folder(args, err)
    if folder is None:
        return EXIT_INVALID
    return serve(
        host=args.host,
        port=args.port,
        public_url=args.public_url,
        max_games=args.max_games,
        idle_minutes=args.idle_minutes,
        saves_dir=str(folder),
        out=out,
        err=err,
    )


def _saves(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import saves

    folder = _folder(args, err)
    if folder is None:
        return EXIT_INVALID
    found = saves.list_saves(folder)
    if args.json:
        from . import cli_json

        cli_json.write(out, cli_json.saves(folder, found))
        return EXIT_OK
    if not found:
        out.write(f"No saves in {folder}.\n")
        return EXIT_OK
    out.write(f"Saves in {folder}, newest first:\n")
    for s in found:
        if s.error:
            out.write(f"  {s.slot}: cannot be loaded — {s.error}\n")
            continue
        kind = " (autosave)" if s.autosave else ""
        out.write(
            f"  {s.slot}{kind}: {s.scenario}, {s.powers}, {s.date} (turn {s.turn}), "
            f"saved {s.saved_at}\n"
        )
    return EXIT_OK


def _folder(args: argparse.Namespace, err: TextIO) -> Path | None:
    """The saves folder for this command, having said how it was chosen if the machine gave
    no home folder; None (and why, on `err`) if the folder asked for cannot be used."""
    from . import saves

    try:
        where = saves.where(getattr(args, "saves_dir", None))
    except saves.SaveError as e:
        err.write(f"moscow1939: {e}\n")
        return None
    if where.notice:
        err.write(where.notice + "\n")
    if _is_other_than_folder(where.folder):
        err.write(
            f"moscow1939: the saves folder {where.folder} is a file, not a folder: give "
            "--saves-dir (or MOSCOW1939_SAVES) a folder, or a path where one can be made.\n"
        )
        return None
    return where.folder


def _is_other_than_folder(path: Path) -> bool:
    try:
        return path.exists() and not path.is_dir()
    except (OSError, ValueError):
        return False


def terminal_problem() -> str:
    """Why the terminal UI cannot draw here ('' if it can): it needs a terminal on standard
    input and output, and one that understands escape codes."""
    streams = (sys.__stdin__, sys.__stdout__)
    if not all(s is not None and s.isatty() for s in streams):
        return "standard input or output is not a terminal"
    if os.environ.get("TERM", "") == "dumb":
        return "TERM=dumb: this terminal cannot draw the screen"
    return ""


def _ui(
    args: argparse.Namespace,
    err: TextIO,
    resume: str | None = None,
    folder: Path | None = None,
) -> int:
    folder = folder or _folder(args, err)
    if folder is None:
        return EXIT_INVALID
    problem = terminal_problem()
    if problem:
        err.write(
            f"moscow1939: the game's screen needs a terminal ({problem}). Play in plain mode, "
            "which reads numbered answers from standard input: moscow1939 plain --power soviet\n"
        )
        return EXIT_INVALID
    try:
        from .ui.app import run
    except ImportError as e:  # the UI's dependencies are missing
        err.write(
            f"The terminal UI cannot start ({e}). Play in plain mode instead: "
            "moscow1939 plain --power soviet\n"
        )
        return EXIT_UNREADABLE
    return int(
        run(
            scenario=getattr(args, "scenario", None),
            seed=getattr(args, "seed", None),
            saves_dir=str(folder),
            resume=resume,
            opponents=getattr(args, "opponents", "planner:normal"),
        )
    )
