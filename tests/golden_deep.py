"""Record or check what `tests/golden.py` does not: the state a finished game leaves
(changes with their causes, each variable's course, the draws, estimates, answers seen,
continuity violations) and games in which planners decide. Recorded from the engine before
it was made faster, so that speed work cannot change them.

    python -m tests.golden_deep    # record tests/fixtures/golden_deep.json
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from game.engine import Game
from game.engine.state import Change
from game.scenario import load_scenario

from .golden import ROOT, digest

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "golden_deep.json"
SEEDS = range(4)
PLANNED: list[tuple[str, str | Mapping[str, str], int]] = [
    ("scenarios/moscow_1939.toml", {"britain": "planner:easy"}, 0),
    ("scenarios/moscow_1939.toml", {"germany": "planner:easy", "soviet": "weighted"}, 1),
    ("tests/scenarios/contest.toml", "planner:easy", 0),
    ("tests/scenarios/contest.toml", "planner", 3),
]


def _change(c: Change) -> str:
    cause = c.cause._asdict()
    if cause["seen_by"] is not None:
        cause["seen_by"] = sorted(cause["seen_by"])  # a set's order differs between runs
    return repr((c.turn, c.target, c.before, c.after, sorted(cause.items())))


def state_digest(game: Game) -> str:
    st = game.state
    parts = [_change(c) for c in st.changes]
    parts += [
        repr(sorted(st.series.items())),
        repr(sorted(st.draws.items())),
        repr(sorted(st.estimates.items())),
        repr(sorted(st.seen_options)),
        repr(sorted(st.fired)),
        repr(sorted(st.used)),
        repr(sorted(st.off_path)),
        repr(st.violations),
        repr(sorted(st.marks.items())),
        repr(sorted(st.env.items())),
        repr(st.planner_calls),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def finished(path: str, policy: str | Mapping[str, str], seed: int) -> Game:
    game = Game.new(load_scenario(ROOT / path), seed=seed, policy=policy)
    while not game.over:
        game.end_turn()
    return game


def record() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    paths = sorted((ROOT / "scenarios").glob("*.toml")) + [ROOT / "tests/scenarios/contest.toml"]
    for path in paths:
        rel = str(path.relative_to(ROOT))
        for policy in ("historical", "weighted"):
            out[f"{path.stem}:{policy}"] = [state_digest(finished(rel, policy, s)) for s in SEEDS]
    for path, policy, seed in PLANNED:
        game = finished(path, policy, seed)
        out[f"{path}:{json.dumps(policy, sort_keys=True)}:{seed}"] = [
            digest(game),
            state_digest(game),
        ]
    return out


if __name__ == "__main__":
    FIXTURE.write_text(json.dumps(record(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE}")
