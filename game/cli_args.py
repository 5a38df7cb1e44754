"""The command line's arguments: every command, its options and their help."""

from __future__ import annotations

import argparse

from . import __version__


def build_parser() -> argparse.ArgumentParser:
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
        # help is %-formatted by argparse (so "%%" there), a description is printed as it is
        p = sub.add_parser(name, help=help_text, description=help_text.replace("%%", "%"))
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
    p.add_argument(
        "--jobs", type=int, default=0, help="worker processes (default: every core; same result)"
    )
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
    p.add_argument("paths", nargs="+", metavar="SCENARIO", help="scenario id or path")
    p.add_argument("--json", action="store_true", help="one JSON object (scenarios/README.md)")
    p = command("lint", "warn about content that can never happen, unused names, missing notes")
    p.add_argument("paths", nargs="+", metavar="SCENARIO", help="scenario id or path")
    command(
        "lsp",
        "the language server for scenario files, on stdin/stdout: errors and warnings as you "
        "type, completion, hover and go to definition of ids (needs the lsp extra)",
    )
    p = command(
        "replay",
        "for authors: replay a save's commands on the scenario as it is now, say where the game "
        "first differs, and save the game up to there",
    )
    p.add_argument("save", metavar="FILE_OR_SLOT")
    p.add_argument(
        "--scenario", metavar="SCENARIO", help="scenario id or path (default: the save's)"
    )
    p.add_argument("--out", metavar="SLOT", help="slot of the new save (default: SLOT-replayed)")
    p.add_argument(
        "--all",
        action="store_true",
        help="keep every command that still replays, not only those before the first difference",
    )
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
