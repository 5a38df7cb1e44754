"""Save and load-with-replay of a finished game (goal: at most 20 ms each)."""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game import saves  # noqa: E402
from game.engine import Game  # noqa: E402
from game.scenario import load_scenario  # noqa: E402

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


def main(runs: int = 30) -> None:
    game = finished_game()
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        save_times, load_times, cold_times = [], [], []
        for _ in range(runs):
            start = time.perf_counter()
            path = saves.save(game, "bench", where, "bench")
            save_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            saves.load(path, where)
            load_times.append(time.perf_counter() - start)
            saves._scenario_cache.clear()
            start = time.perf_counter()
            saves.load(path, where)
            cold_times.append(time.perf_counter() - start)
    print(
        f"save of a finished game ({len(game.state.log)} commands): "
        f"{statistics.median(save_times) * 1000:.1f} ms (goal <= 20 ms)"
    )
    print(
        f"load with replay and check: {statistics.median(load_times) * 1000:.1f} ms "
        "(goal <= 20 ms; the scenario already loaded once in this process)"
    )
    print(
        f"load with replay and check, cold: {statistics.median(cold_times) * 1000:.1f} ms "
        "(includes reading and validating the scenario)"
    )


if __name__ == "__main__":
    main()
