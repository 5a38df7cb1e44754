"""`moscow1939 simulate --runs N` on one core and on every core (`--jobs`): wall time,
the speed-up, and whether both printed the same report (they must: the seeds, not the
workers, decide each game).

    python3 bench/simulate_bench.py [--runs 2000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def simulate(runs: int, jobs: int) -> tuple[float, str]:
    """Wall seconds of one `simulate` of the main scenario, and its JSON report."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "game", "simulate", "moscow_1939", "--runs", str(runs)]
        + ["--jobs", str(jobs), "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=3600,
    ).stdout
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    cores = os.cpu_count() or 1
    one, report_one = simulate(args.runs, 1)
    every, report_every = simulate(args.runs, cores)
    same = "the same report" if report_one == report_every else "DIFFERENT reports (a bug)"
    print(
        f"simulate --runs {args.runs}: {one:.1f} s wall on 1 core, {every:.1f} s on {cores} "
        f"(--jobs {cores}): {one / every:.2f}x faster, {same}"
    )


if __name__ == "__main__":
    from bench.isolation import isolated

    with isolated():
        main()
