"""The planner's speed on the main scenario, in CPU time: one decision, one turn of the
computer powers, and a whole game with every power on the planner.

    python3 bench/planner_bench.py [--level normal] [--games 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine import Game  # noqa: E402
from game.engine.policies import planner as planner_module  # noqa: E402
from game.scenario import load_scenario  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--level", default="normal")
    parser.add_argument("--games", type=int, default=3)
    parser.add_argument("--scenario", default=str(ROOT / "scenarios" / "moscow_1939.toml"))
    args = parser.parse_args()
    sc = load_scenario(args.scenario)
    decisions: list[float] = []
    original = planner_module.Planner._value

    def timed(self: planner_module.Planner, game: Game, steps: list) -> list:  # type: ignore[type-arg]
        start = time.process_time()
        out = original(self, game, steps)
        decisions.append(time.process_time() - start)
        return out

    planner_module.Planner._value = timed  # type: ignore[method-assign]
    turns: list[float] = []
    games: list[float] = []
    for seed in range(args.games):
        start = time.process_time()
        g = Game.new(sc, humans=[sc.playable[0].id], seed=seed, policy=f"planner:{args.level}")
        while not g.over:
            t = time.process_time()
            for d in g.decisions():
                if g.over:  # an answer may end the game
                    break
                g.decide(d.power, d.id, g.choices(d)[0].id)
            if not g.over:
                g.end_turn()
            turns.append(time.process_time() - t)
        games.append(time.process_time() - start)
    print(f"planner:{args.level} on {sc.id}, {args.games} games, one power played by a script")
    p90 = sorted(decisions)[int(len(decisions) * 0.9)]
    print(
        f"  decision median {statistics.median(decisions) * 1000:.1f} ms "
        f"(p90 {p90 * 1000:.1f} ms, {len(decisions)} decisions)"
    )
    print(f"  turn of the computer powers median {statistics.median(turns) * 1000:.0f} ms")
    print(f"  whole game median {statistics.median(games):.2f} s")
    allp = []
    for seed in range(args.games):
        start = time.process_time()
        g = Game.new(sc, seed=seed, policy=f"planner:{args.level}")
        while not g.over:
            g.end_turn()
        allp.append(time.process_time() - start)
    print(f"  all-planner game median {statistics.median(allp):.2f} s")


if __name__ == "__main__":
    from bench.isolation import isolated

    with isolated():
        main()
