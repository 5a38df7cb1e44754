"""Benchmarks: `python bench/run.py`. Prints figures against the goals; never fails.

CPU time (`time.process_time`), median of several runs, so that the neighbours' load on
the machine moves the figures less; the UI's ratios are against a minimal Textual app
measured in the same run.

- load + validate of the main scenario: a changed file (goal <= 30 ms), and an unchanged
  one, from the disk cache in a fresh process and from memory (goal <= 5 ms)
- full headless games per CPU-second, every power computer-played, on one core
- import time of game.engine (reported)
- `simulate --runs 10000` on one core and on every core (`--jobs`), and whether the two
  reports agree (BENCH_SIMULATE_RUNS sets the number of runs)
- the UI figures, from bench/ui_bench.py, when the UI is present
- the history screen's opening and tab switch, from bench/history_bench.py
- the planners' end of a turn in the UI, from bench/deliberation_bench.py
- save and load-with-replay, from bench/saves_bench.py, when saves are present
- the engine's figures, from bench/engine_bench.py, when present
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.isolation import isolated  # noqa: E402
from game.engine import Game  # noqa: E402
from game.scenario import cache, load_scenario  # noqa: E402

MAIN = ROOT / "scenarios" / "moscow_1939.toml"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def cpu_median(job: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        job()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return statistics.median(times)


def bench_load_changed(runs: int = 15) -> float:
    """A file not seen before: parse, validate, check, compile, and write the cache."""
    load_scenario(MAIN)  # the validators are built once per process, outside the timing

    def job() -> None:
        cache.clear_memory()
        with tempfile.TemporaryDirectory() as folder:
            os.environ[cache.ENV_VAR] = folder
            load_scenario(MAIN)

    saved = os.environ.get(cache.ENV_VAR)
    try:
        return cpu_median(job, runs)
    finally:
        if saved is None:
            os.environ.pop(cache.ENV_VAR, None)
        else:
            os.environ[cache.ENV_VAR] = saved


def bench_load_memory(runs: int = 30) -> float:
    """An unchanged file loaded again in the same process."""
    load_scenario(MAIN)
    return cpu_median(lambda: load_scenario(MAIN), runs)


FRESH = """
import sys, time
from game.scenario import load_scenario
start = time.process_time()
sc = load_scenario(sys.argv[1])
loaded = time.process_time()
sc.code
print(loaded - start, time.process_time() - start)
"""


def bench_load_fresh(runs: int = 9) -> tuple[float, float]:
    """An unchanged file in a fresh process (imports not counted): from the disk cache,
    then with its notation compiled, as a game needs it."""
    load_scenario(MAIN)  # the cache holds it
    got = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", FRESH, str(MAIN)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        ).stdout.split()
        got.append((float(out[0]), float(out[1])))
    return statistics.median(g[0] for g in got), statistics.median(g[1] for g in got)


def bench_games(games: int = 600, policy: str = "random", runs: int = 5) -> float:
    """Headless games per CPU-second, every power computer-played: the median of `runs`."""
    sc = load_scenario(MAIN)
    Game.new(sc, seed=0)  # build the scenario's index outside the timing

    def rate() -> float:
        start = time.process_time()
        for seed in range(games):
            g = Game.new(sc, humans=(), seed=seed, policy=policy)
            while not g.over:
                g.end_turn()
        return games / (time.process_time() - start)

    return statistics.median(rate() for _ in range(runs))


def bench_simulate(runs: int) -> tuple[float, float, int, bool]:
    """`moscow1939 simulate --runs N --json` in a fresh process, wall seconds, on one core
    (`--jobs 1`) and on every core (`--jobs 0`): (one core, every core, cores, same report)."""
    took, reports = [], []
    for jobs in ("1", "0"):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-m", "game", "simulate", str(MAIN), "--runs", str(runs), "--json"]
            + ["--jobs", jobs],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=True,
        ).stdout
        took.append(time.perf_counter() - start)
        reports.append(out)
    return took[0], took[1], os.cpu_count() or 1, reports[0] == reports[1]


def bench_import(runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import game.engine"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        ).stderr
        total = 0
        for line in out.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[2].strip() == "game.engine":
                total = int(parts[1])
        times.append(total / 1e6)
    return statistics.median(times)


def optional(name: str) -> None:
    path = ROOT / "bench" / f"{name}.py"
    if not path.exists():
        return
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main()


def main() -> None:
    with isolated():  # the benches' own saves, settings and cache, not the player's
        rows()


def rows() -> None:
    print(f"scenario: {MAIN.relative_to(ROOT)}")
    print(
        f"load + validate, a changed file (parse, models, checks, notation, cache written): "
        f"{ms(bench_load_changed())} CPU (goal <= 30 ms)"
    )
    fresh, compiled = bench_load_fresh()
    print(
        f"load + validate, unchanged, fresh process (from the disk cache): {ms(fresh)} CPU; "
        f"{ms(compiled)} with the notation compiled for a game (goal <= 5 ms)"
    )
    print(f"load + validate, unchanged, again in the same process: {ms(bench_load_memory())}")
    for policy, goal in (("historical", 5000), ("weighted", 3000)):
        rate = bench_games(policy=policy)
        print(f"headless games, policy {policy}: {rate:,.0f} per CPU-second (goal >= {goal:,})")
    print(f"import game.engine: {ms(bench_import())} (cumulative, from -X importtime)")
    runs = int(os.environ.get("BENCH_SIMULATE_RUNS", "10000"))
    one, every, cores, same = bench_simulate(runs)
    print(
        f"simulate --runs {runs:,} (wall): {one:.1f} s with --jobs 1, {every:.1f} s on every "
        f"core ({cores}); the same report: {'yes' if same else 'NO'}"
    )
    optional("ui_bench")
    optional("history_bench")
    optional("deliberation_bench")
    optional("saves_bench")
    optional("planner_bench")
    optional("engine_bench")


if __name__ == "__main__":
    main()
