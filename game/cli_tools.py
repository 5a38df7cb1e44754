"""The author's commands of the command line: scenarios, validate, lint, simulate, analyse
and schema (`cli` parses the arguments and calls these)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .scenario import Scenario

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2


def power_problem(command: str, sc: Scenario, power: str, playable: bool) -> str | None:
    """Why `--power POWER` cannot be played (with a did-you-mean for a typo), or None."""
    from .scenario.notation import did_you_mean

    ids = [p.id for p in sc.powers]
    allowed = [p.id for p in sc.playable] if playable else ids
    if power in allowed:
        return None
    listed = f"({'playable powers' if playable else 'powers'}: {', '.join(allowed)})"
    if power in ids:
        return f"moscow1939 {command}: '{power}' is not a playable power of {sc.id} {listed}"
    guess = did_you_mean(power, allowed) or did_you_mean(power, ids)
    if guess and not any(f"'{p}'" in guess for p in allowed):
        guess += " It is not playable here"
    said = f" — {guess}" if guess else ""
    return f"moscow1939 {command}: '{power}' is not a power of {sc.id}{said} {listed}"


def _scenarios(out: TextIO, as_json: bool = False) -> int:
    from . import cli_json
    from .scenario import bundled_paths, load_scenario
    from .scenario.errors import ScenarioError

    entries = []
    for sid, path in bundled_paths().items():
        try:
            sc = load_scenario(path)
        except ScenarioError as err:
            entries.append(cli_json.scenario_entry(sid, path, None, err))
            if as_json:
                continue
            out.write(
                f"{sid}: cannot be loaded ({len(err.problems)} problem(s); "
                f"run moscow1939 validate {path})\n"
            )
            continue
        entries.append(cli_json.scenario_entry(sid, path, sc, None))
        if as_json:
            continue
        powers = ", ".join(p.id for p in sc.playable)
        out.write(f"{sc.id}: {sc.title} ({sc.start} to {sc.end}); playable: {powers}\n")
        if sc.summary:
            out.write(f"    {sc.summary}\n")
    if as_json:
        cli_json.write(out, {"scenarios": entries})
    return EXIT_OK


def _scenario_and_power(
    command: str, args: argparse.Namespace, err: TextIO, playable: bool
) -> Scenario | int:
    """The scenario `args` name, checked with its `--power`; or the exit code, said why."""
    from .scenario import load
    from .scenario.errors import ScenarioError

    try:
        sc = load(args.scenario)
    except ScenarioError as e:
        err.write(e.report() + "\n")
        return EXIT_UNREADABLE if e.unreadable else EXIT_INVALID
    if args.power and (problem := power_problem(command, sc, args.power, playable=playable)):
        err.write(problem + "\n")
        return EXIT_INVALID
    return sc


def _analyse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json
    import os

    from .analyse import analyse
    from .analyse.report import markdown, table
    from .engine import GameError
    from .engine.policies import parse_opponents

    sc = _scenario_and_power("analyse", args, err, playable=True)
    if isinstance(sc, int):
        return sc
    jobs = args.jobs or os.cpu_count() or 1
    tty = not args.json and err.isatty()

    def progress(text: str) -> None:
        err.write(f"… {text}\n")

    try:
        report = analyse(
            args.scenario,
            args.power,
            parse_opponents(args.opponents),
            args.budget,
            args.seed,
            jobs,
            progress=progress if tty else None,
        )
    except GameError as e:
        err.write(f"moscow1939 analyse: {e}\n")
        return EXIT_INVALID
    if args.json:
        out.write(json.dumps(report, indent=2) + "\n")
    elif args.markdown:
        out.write(markdown(report) + "\n")
    else:
        out.write(table(report) + "\n")
    return EXIT_OK


def _simulate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json
    import os

    from .engine import GameError
    from .engine.policies import parse_opponents
    from .simulate import simulate, table

    sc = _scenario_and_power("simulate", args, err, playable=False)
    if isinstance(sc, int):
        return sc
    from .simulate import MAX_RUNS

    if not 1 <= args.runs <= MAX_RUNS:
        err.write(f"moscow1939 simulate: --runs must be from 1 to {MAX_RUNS:,}\n")
        return EXIT_INVALID
    if args.jobs < 0:
        err.write("moscow1939 simulate: --jobs must be 0 (every core) or more\n")
        return EXIT_INVALID
    jobs = args.jobs or os.cpu_count() or 1
    try:
        if not args.json and out.isatty() and args.runs >= 200:
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task(f"Playing {args.runs} games", total=args.runs)
                report = simulate(
                    sc,
                    args.runs,
                    args.power,
                    args.policy,
                    args.seed,
                    progress=lambda n: bar.update(task, completed=n),
                    opponents=parse_opponents(args.opponents),
                    jobs=jobs,
                )
        else:
            report = simulate(
                sc,
                args.runs,
                args.power,
                args.policy,
                args.seed,
                opponents=parse_opponents(args.opponents),
                jobs=jobs,
            )
    except GameError as e:
        err.write(f"moscow1939 simulate: {e}\n")
        return EXIT_INVALID
    if args.json:
        out.write(json.dumps(report.as_json(), indent=2) + "\n")
    else:
        out.write(table(report, sc) + "\n")
    return EXIT_OK


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .scenario.schema import schema_text

    text = schema_text()
    if not args.output:
        out.write(text)
        return EXIT_OK
    try:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as e:
        err.write(f"moscow1939 schema: cannot write {args.output}: {e.strerror}\n")
        return EXIT_UNREADABLE
    out.write(f"Wrote the scenario schema to {args.output}.\n")
    return EXIT_OK


def _validate(paths: list[str], out: TextIO, as_json: bool = False) -> int:
    from . import cli_json
    from .scenario import load_scenario, resolve
    from .scenario.errors import ScenarioError

    worst = EXIT_OK
    files = []
    for path in paths:
        try:
            sc = load_scenario(resolve(path))
        except ScenarioError as err:
            files.append(cli_json.validated(path, None, err))
            if not as_json:
                out.write(err.report() + "\n")
            worst = max(worst, EXIT_UNREADABLE if err.unreadable else EXIT_INVALID)
            continue
        files.append(cli_json.validated(path, sc, None))
        if as_json:
            continue
        out.write(
            f"{path}: OK ({sc.id}: {len(sc.calendar)} turns, {len(sc.events)} events, "
            f"{len(sc.actions)} actions, {len(sc.endings)} endings)\n"
        )
    if as_json:
        cli_json.write(out, {"ok": worst == EXIT_OK, "files": files})
    return worst


def _lint(paths: list[str], out: TextIO) -> int:
    from .scenario import load_scenario, resolve
    from .scenario.errors import ScenarioError
    from .scenario.lint import lint

    worst = EXIT_OK
    for path in paths:
        try:
            file = resolve(path)
            sc = load_scenario(file)
            with open(file, encoding="utf-8") as f:
                text = f.read()
        except ScenarioError as err:
            out.write(err.report() + "\n")
            worst = max(worst, EXIT_UNREADABLE if err.unreadable else EXIT_INVALID)
            continue
        warnings = lint(sc, text)
        for w in warnings:
            out.write(f"warning: {w}\n")
        if warnings:
            worst = max(worst, EXIT_INVALID)
        else:
            out.write(f"{path}: no warnings\n")
    return worst
