"""The engine's speed in CPU time (`time.process_time()`): headless games per CPU-second on
the main scenario (historical and weighted policy, median of several runs), planner
decisions per CPU-second, and how a game's cost grows with the scenario (a synthetic
scenario K times longer, its exponent fitted; 1 is linear).

    python3 bench/engine_bench.py [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.engine import Game  # noqa: E402
from game.engine.content import content_of  # noqa: E402
from game.scenario import Scenario, load_scenario  # noqa: E402
from game.scenario.loader import load_text  # noqa: E402

MAIN = ROOT / "scenarios" / "moscow_1939.toml"
UNDATED = 3
"""Undated events and open-ended moves in each stretch (the main scenario has about a
third of its moves without dates)."""
SCALES = (1, 2, 4, 8, 10)
"""How many times longer than the first the grown scenario is."""


def segment(i: int, s: dt.date) -> list[str]:
    """The content of one four-week stretch of the grown scenario, with ids of its own:
    dated events and moves, a path, and undated events and open-ended moves that its own
    flag opens for the stretch."""
    e = s + dt.timedelta(days=27)
    week = dt.timedelta(days=7)
    take = '{ id = "take", label = "Take", when = "tension < 70", historical = true }'
    refuse = '{ id = "refuse", label = "Refuse", effects = ["tension += 5"], weight = 2 }'
    yes = '{ id = "yes", label = "Yes", when = "progress >= 30", historical = true }'
    no = '{ id = "no", label = "No", effects = ["tension += 3"] }'
    undated = [
        f'[[events]]\nid = "rumour_{i}_{j}"\ntitle = "Rumour {i}"\ntext = "Talk in the cafes."\n'
        f'when = "open_{i} and tension >= {40 + 5 * j}"\nchance = 30\nrepeat = true\n'
        'effects = ["tension -= 2"]'
        for j in range(UNDATED)
    ] + [
        f'[[actions]]\nid = "lobby_{i}_{j}"\nby = "blue"\ntitle = "Lobby {i}"\ncooldown = 1\n'
        f'when = "open_{i} and progress >= {10 * j}"\neffects = ["tension += 3"]'
        for j in range(UNDATED)
    ]
    return undated + [
        f'[[flags]]\nid = "open_{i}"\nlabel = "Stretch {i} open"',
        f'[[events]]\nid = "opens_{i}"\ntitle = "Stretch {i}"\ntext = "A new stretch."\n'
        f'date = {s}\neffects = ["set open_{i}"]',
        f'[[events]]\nid = "closes_{i}"\ntitle = "End of {i}"\ntext = "It closes."\n'
        f'date = {e - dt.timedelta(days=6)}\neffects = ["clear open_{i}"]',
        f'[[events]]\nid = "news_{i}"\ntitle = "News {i}"\ntext = "The papers report."\n'
        f'date = {s + week}\neffects = ["tension += 5..15"]',
        f'[[events]]\nid = "offer_{i}"\ntitle = "Offer {i}"\ntext = "Blue is offered terms."\n'
        f'date = {s + 2 * week}\nwhen = "progress >= 10"\nchoice_by = "blue"\n'
        f"choices = [{take}, {refuse}]",
        f'[[actions]]\nid = "press_{i}"\nby = "red"\nto = ["blue"]\ntitle = "Press {i}"\n'
        f'after = {s}\nuntil = {e}\nwhen = "tension < 90"\n'
        'effects = ["progress += 4", "tension += 2"]\n'
        f'  [[actions.replies]]\n  by = "blue"\n  delay = 1\n  options = [{yes}, {no}]',
        f'[[actions]]\nid = "soothe_{i}"\nby = "red"\ntitle = "Soothe {i}"\n'
        f'after = {s}\nuntil = {e}\nwhen = "tension >= 20 or alarm"\n'
        'weight = "1 + tension / 10"\neffects = ["tension -= 4", "if alarm then progress += 1"]',
        f'[[historical_path]]\ndate = {s}\npower = "red"\naction = "press_{i}"',
        f'[[historical_path]]\ndate = {s + 2 * week}\npower = "red"\naction = "soothe_{i}"',
    ]


def scaled_text(k: int) -> str:
    """A synthetic format-2 scenario of `k` four-week stretches: the same few undated
    events and open-ended moves throughout, and each stretch's own content."""
    start = dt.date(1939, 1, 2)
    weeks = 4 * k
    end = start + dt.timedelta(days=7 * weeks - 1)
    out = [
        f'format = 2\nid = "grown"\ntitle = "Grown x{k}"\nsummary = "A bench."\n'
        f"start = {start}\nend = {end}",
        '[[powers]]\nid = "red"\nname = "Red"\nplayable = true\nmoves_per_turn = 2',
        '[[powers]]\nid = "blue"\nname = "Blue"\nplayable = true\nmoves_per_turn = 1',
        '[[variables]]\nid = "progress"\nlabel = "Progress"\nstart = [20, 40]\ndrift = -1',
        '[[variables]]\nid = "tension"\nlabel = "Tension"\nstart = 30',
        '[[flags]]\nid = "alarm"\nlabel = "Alarm"',
        '[[events]]\nid = "calm"\ntitle = "Calm returns"\ntext = "All is quiet."\n'
        'when = "alarm and tension < 40"\nrepeat = true\neffects = ["clear alarm"]',
        '[[events]]\nid = "crisis"\ntitle = "A crisis"\ntext = "Tension mounts."\n'
        'when = "tension >= 60 and not alarm"\nchance = 50\nrepeat = true\n'
        'effects = ["set alarm", "progress -= 5"]',
        '[[actions]]\nid = "talk"\nby = "red"\ntitle = "Talk"\ncooldown = 1\n'
        'effects = ["progress += 1"]\nweight = 2',
        '[[actions]]\nid = "wait"\nby = "blue"\ntitle = "Wait"\ncooldown = 1\n'
        'effects = ["tension -= 1"]',
    ]
    for w in range(weeks):
        day = start + dt.timedelta(days=7 * w)
        out.append(f'[[calendar]]\ndate = {day}\ntitle = "Week {w + 1}"')
    for i in range(k):
        out += segment(i, start + dt.timedelta(days=28 * i))
    out += [
        '[[endings]]\nid = "break"\ntitle = "Talks break"\n'
        'when = "tension >= 100 and progress <= 0"\n'
        'epilogue = "They part."\nscores = { red = 0, blue = 50 }',
        '[[endings]]\nid = "end"\ntitle = "Time runs out"\nepilogue = "The talks lapse."\n'
        'scores = { red = "progress", blue = "100 - tension" }',
    ]
    return "\n\n".join(out) + "\n"


def games_per_second(sc: Scenario, policy: str, games: int) -> float:
    """Whole headless games per CPU-second, every power computer-played."""
    content_of(sc)  # the scenario's index is built once, outside the timing
    start = time.process_time()
    for seed in range(games):
        g = Game.new(sc, seed=seed, policy=policy)
        while not g.over:
            g.end_turn()
    return games / (time.process_time() - start)


def median_rate(sc: Scenario, policy: str, games: int, runs: int) -> float:
    return statistics.median(games_per_second(sc, policy, games) for _ in range(runs))


def planner_rate(sc: Scenario, games: int) -> float:
    """Planner decisions per CPU-second: Britain on planner:easy, the rest historical."""
    calls, spent = 0, 0.0
    for seed in range(games):
        start = time.process_time()
        g = Game.new(sc, seed=seed, policy={"britain": "planner:easy"})
        while not g.over:
            g.end_turn()
        spent += time.process_time() - start
        calls += g.state.planner_calls
    return calls / spent


def exponent(points: list[tuple[int, float]]) -> float:
    """The least-squares slope of log(cost) on log(K)."""
    xs = [math.log(k) for k, _ in points]
    ys = [math.log(c) for _, c in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def scaling(policy: str, games: int) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
    """(K, CPU seconds per game) with the indexes built, and (K, CPU seconds to build them
    and start a first game)."""
    played, built = [], []
    for k in SCALES:
        sc = load_text(scaled_text(k), f"grown_x{k}.toml")
        start = time.process_time()
        Game.new(sc, seed=0)  # every index the engine builds for a scenario, and a turn
        built.append((k, time.process_time() - start))
        played.append((k, 1 / median_rate(sc, policy, max(4, games // k), 3)))
    return played, built


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer games (a rougher figure)")
    args = parser.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    games, runs = (100, 3) if args.quick else (400, 5)
    sc = load_scenario(MAIN)
    print(f"engine, in CPU time: {MAIN.relative_to(ROOT)}")
    for policy, goal in (("historical", 5000), ("weighted", 3000)):
        rate = median_rate(sc, policy, games, runs)
        print(f"  games per CPU-second, policy {policy}: {rate:,.0f} (goal >= {goal:,})")
    rate = planner_rate(sc, 1 if args.quick else 3)
    print(f"  planner decisions per CPU-second (britain planner:easy): {rate:,.1f}")
    for policy in ("historical", "weighted"):
        played, built = scaling(policy, 80 if args.quick else 200)
        costs = ", ".join(f"K={k} {c * 1000:.2f} ms" for k, c in played)
        print(f"  a game as the scenario grows, {policy}: {costs}")
        print(f"    exponent {exponent(played):.2f} (goal 1: linear)")
    builds = ", ".join(f"K={k} {c * 1000:.1f} ms" for k, c in built)
    print(f"  the scenario's indexes and a first turn: {builds}; exponent {exponent(built):.2f}")


if __name__ == "__main__":
    from bench.isolation import isolated

    with isolated():
        main()
