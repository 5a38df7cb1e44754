"""Save and load-with-replay of a finished game (goal: at most 20 ms each), CPU time:
in the process that made it, and in a fresh process (imports not counted; the scenario
from the disk cache, as on any launch after the first)."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game import saves  # noqa: E402
from game.engine import Game  # noqa: E402
from game.saves import replay  # noqa: E402
from game.scenario import cache, load_scenario  # noqa: E402

MAIN = ROOT / "scenarios" / "moscow_1939.toml"


def finished_game() -> Game:
    sc = load_scenario(MAIN)
    rng = random.Random(1939)
    power = sc.playable[0].id
    game = Game.new(sc, humans=[power], seed=1939)
    while not game.over:
        for d in game.decisions(power):
            if not game.over:
                game.decide(power, d.id, rng.choice(game.choices(d)).id)
        moves = [m for m in game.moves(power) if m.cost <= game.budget(power)]
        if moves and not game.over:
            game.play(power, rng.choice(moves).id)
        if not game.over and not game.decisions(power):
            game.end_turn()
    return game


FRESH = """
import sys, time
from pathlib import Path
from game import saves
start = time.process_time()
saves.load(Path(sys.argv[1]), Path(sys.argv[2]))
print(time.process_time() - start)
"""


def fresh_load(path: Path, folder: Path, runs: int) -> float:
    """Median CPU time of loading (and replaying, and checking) a save in a fresh process."""
    got = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", FRESH, str(path), str(folder)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        got.append(float(out.stdout.split()[-1]))
    return statistics.median(got)


def main(runs: int = 30) -> None:
    game = finished_game()
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        save_times, load_times, cold_times = [], [], []
        for _ in range(runs):
            start = time.process_time()
            path = saves.save(game, "bench", where, "bench")
            save_times.append(time.process_time() - start)
            start = time.process_time()
            saves.load(path, where)
            load_times.append(time.process_time() - start)
            replay._scenario_cache.clear()
            cache.clear_memory()
            start = time.process_time()
            saves.load(path, where)
            cold_times.append(time.process_time() - start)
        fresh = fresh_load(path, where, max(3, runs // 3))
    print(
        f"save of a finished game ({len(game.state.log)} commands): "
        f"{statistics.median(save_times) * 1000:.1f} ms CPU (goal <= 20 ms)"
    )
    print(
        f"load with replay and check: {statistics.median(load_times) * 1000:.1f} ms "
        "(the scenario already loaded once in this process)"
    )
    print(
        f"load with replay and check, the scenario from the disk cache: "
        f"{statistics.median(cold_times) * 1000:.1f} ms"
    )
    print(
        f"load with replay of a finished game, fresh process: {fresh * 1000:.1f} ms CPU "
        "(goal <= 20 ms; imports not counted)"
    )


if __name__ == "__main__":
    from bench.isolation import isolated

    with isolated():
        main()
