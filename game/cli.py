"""The command line: `moscow1939 [COMMAND]`. Textual is imported only to open the UI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
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
)

AUTOSAVE_OFF = (
    "No autosave: the answers come from a file or a pipe (--autosave keeps one each turn)."
)


def _parser() -> argparse.ArgumentParser:
    version = f"moscow1939 {__version__}"
    parser = argparse.ArgumentParser(
        prog="moscow1939",
        description="Moscow 1939: the Anglo-French-Soviet negotiations of 1939, as a game. "
        "With no command, opens the game in the terminal.",
    )
    parser.add_argument("--version", action="version", version=version)
    parser.add_argument("--scenario", help="scenario id or path for the new game")
    parser.add_argument("--seed", type=int, help="seed for the new game")
    saves_help = (
        "folder for saves (default: $MOSCOW1939_SAVES, the checkout's saves/, "
        "or the user data folder)"
    )
    parser.add_argument("--saves-dir", metavar="DIR", help=saves_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def plain_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--width",
            type=_width,
            default=78,
            metavar="N",
            help="wrap lines at N characters; 0 for no hard wrapping; default %(default)s",
        )
        p.add_argument(
            "--autosave",
            action="store_true",
            help="autosave at every turn's end even when the answers come from a pipe or a file "
            "(a game typed at a terminal always autosaves)",
        )

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--version", action="version", version=version)
        p.add_argument("--saves-dir", metavar="DIR", default=argparse.SUPPRESS, help=saves_help)
        return p

    opponents_help = (
        "who plays the computer powers: historical, weighted or planner[:easy|normal|hard], "
        "for all, or per power as POWER=POLICY,... (others historical); default %(default)s"
    )
    p = command("play", "open the game in the terminal (the default)")
    p.add_argument("--scenario", help="scenario id or path")
    p.add_argument("--seed", type=int)
    p.add_argument("--opponents", default="planner:normal", help=opponents_help)
    p = command("plain", "play on stdin/stdout with numbered choices (screen readers, scripts)")
    p.add_argument("--scenario", default="moscow_1939", help="scenario id or path")
    p.add_argument(
        "--power",
        action="append",
        default=[],
        metavar="POWER",
        help="power to play; repeat for hot-seat (default: the first playable)",
    )
    p.add_argument("--seed", type=int, default=1939)
    p.add_argument("--opponents", default="planner:normal", help=opponents_help)
    plain_options(p)
    p = command(
        "serve",
        "play in a browser: serve the game over HTTP, each browser with its own game and saves "
        "(under the saves folder's web/); needs the web extra",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on; default %(default)s")
    p.add_argument(
        "--port", type=int, default=8000, help="0 for any free port; default %(default)s"
    )
    p.add_argument("--public-url", metavar="URL", help="the address visitors use, behind a proxy")
    p.add_argument("--max-games", type=int, metavar="N", help="games at once (default: 4 per core)")
    p.add_argument(
        "--idle-minutes",
        type=float,
        default=180.0,
        metavar="M",
        help="remove a browser's saves after this long unused; default %(default)g",
    )
    p = command("continue", "resume the most recent save")
    p.add_argument("--plain", action="store_true", help="in plain mode")
    plain_options(p)
    p = command("load", "resume a save, by slot name or file path")
    p.add_argument("save", metavar="FILE_OR_SLOT")
    p.add_argument("--plain", action="store_true", help="in plain mode")
    plain_options(p)
    p.add_argument(
        "--yes",
        action="store_true",
        help="load even if the scenario has changed since the save (if it replays)",
    )
    json_help = "one JSON object (its shape: README.md)"
    p = command("saves", "list the saves: slot, scenario, powers, date and turn, when saved")
    p.add_argument("--json", action="store_true", help=json_help)
    p = command("scenarios", "list the bundled scenarios")
    p.add_argument("--json", action="store_true", help=json_help)
    p = command(
        "simulate",
        "play many headless games: endings with 95%% intervals, mean scores, content never reached",
    )
    p.add_argument("scenario", metavar="SCENARIO", help="scenario id or path")
    p.add_argument("--runs", type=int, default=1000)
    p.add_argument("--power", help="only this power follows --policy; the others --opponents")
    p.add_argument(
        "--policy",
        default="weighted",
        help="historical, weighted (or random) or planner[:easy|normal|hard]; default %(default)s",
    )
    p.add_argument(
        "--opponents",
        default="historical",
        help="with --power: the other powers' policy, as for play; default %(default)s",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the first game")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (the result is the same)")
    p = command(
        "analyse",
        "search for dominant strategies: the best fixed plan, what adapting gains, what chance "
        "and choice explain, what each move and answer is worth, the pace of a game",
    )
    p.add_argument("scenario", metavar="SCENARIO", help="scenario id or path")
    p.add_argument("--power", help="only this playable power (default: each in turn)")
    p.add_argument("--opponents", default="historical", help=opponents_help)
    p.add_argument("--budget", choices=["quick", "normal", "deep"], default="quick")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--jobs", type=int, default=0, help="worker processes (default: every core; same result)"
    )
    p.add_argument("--json", action="store_true", help="one JSON object (see scenarios/README.md)")
    p.add_argument(
        "--markdown", action="store_true", help="rows of the balance table in scenarios/README.md"
    )
    p = command("schema", "write the JSON Schema of the scenario format (for editors)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p = command("validate", "check scenario files; print every located error")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="one JSON object (scenarios/README.md)")
    p = command("lint", "warn about content that can never happen, unused names, missing notes")
    p.add_argument("paths", nargs="+", metavar="PATH")
    return parser


def _width(text: str) -> int:
    """A line width: 0 (no wrapping), or 20 to 1000 characters."""
    try:
        n = int(text) if text.isascii() and len(text) < 6 else -1
    except ValueError:
        n = -1
    if n != 0 and not 20 <= n <= 1000:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a width: give 0 for no wrapping, or 20 to 1000 characters"
        )
    return n


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, inp: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = sys.stderr if out is sys.stdout else out
    args = _parser().parse_args(argv)
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
    try:
        game = Game.new(sc, humans=powers, seed=args.seed, policy=parse_opponents(args.opponents))
    except GameError as e:
        err.write(f"moscow1939 plain: {e}\n")
        return EXIT_INVALID
    folder = _folder(args, err)
    if folder is None:
        return EXIT_INVALID
    return _play_plain(game, None, folder, inp, out)


def _play_plain(game: object, game_id: str | None, folder: Path, inp: TextIO, out: TextIO) -> int:
    from . import saves
    from .engine import Game
    from .plain import Plain
    from .plain.console import interactive

    assert isinstance(game, Game)
    ident = game_id or saves.new_game_id()

    def on_save(g: Game, slot: str) -> str:
        path = saves.save(g, slot, folder, ident)
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
            err.write(
                f"There is no game in progress saved in {folder}. Start a new game with "
                "moscow1939 (or moscow1939 plain).\n"
            )
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
        return _play_plain(loaded.game, loaded.record.game_id, folder, inp, out)
    return _ui(args, err, resume=str(loaded.path), folder=folder)


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
    return where.folder


def _ui(
    args: argparse.Namespace,
    err: TextIO,
    resume: str | None = None,
    folder: Path | None = None,
) -> int:
    folder = folder or _folder(args, err)
    if folder is None:
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
