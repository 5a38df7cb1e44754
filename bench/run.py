"""Benchmarks: `python bench/run.py`. Prints figures against the goals; never fails.

- load + validate of the main scenario (goal <= 30 ms)
- full headless games per second, every power computer-played, on one core (goal >= 2,000)
- import time of game.engine (reported)
- the UI figures, from bench/ui_bench.py, when the UI is present
- save and load-with-replay, from bench/saves_bench.py, when saves are present
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.engine import Game  # noqa: E402
from game.scenario import load_scenario  # noqa: E402

MAIN = ROOT / "scenarios" / "moscow_1939.toml"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def bench_load(runs: int = 30) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load_scenario(MAIN)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_games(games: int = 2000, policy: str = "random") -> float:
    sc = load_scenario(MAIN)
    Game.new(sc, seed=0)  # build the scenario's index outside the timing
    start = time.perf_counter()
    for seed in range(games):
        g = Game.new(sc, humans=(), seed=seed, policy=policy)
        while not g.over:
            g.end_turn()
    return games / (time.perf_counter() - start)


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
    print(f"scenario: {MAIN.relative_to(ROOT)}")
    load = bench_load()
    print(f"load + validate: {ms(load)} (goal <= 30 ms)")
    for policy in ("historical", "weighted"):
        rate = bench_games(policy=policy)
        print(f"headless games, policy {policy}: {rate:,.0f} per second (goal >= 2,000)")
    print(f"import game.engine: {ms(bench_import())} (cumulative, from -X importtime)")
    optional("ui_bench")
    optional("saves_bench")
    optional("planner_bench")


if __name__ == "__main__":
    main()
