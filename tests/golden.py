"""Record or check the games that must not change when the engine is made faster: for
every bundled scenario and policy, a digest of each seeded game's dispatches, log and
ending.

    python -m tests.golden    # record tests/fixtures/golden.json (only when behaviour may change)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from game.engine import Game
from game.scenario import Scenario, load_scenario

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "golden.json"
SEEDS = range(8)
POLICIES = ("historical", "weighted")


def _dispatch(d: object) -> str:
    fields = d._asdict()  # type: ignore[attr-defined]
    if fields["seen_by"] is not None:
        fields["seen_by"] = sorted(fields["seen_by"])  # a set's order differs between runs
    return repr(sorted(fields.items()))


def digest(game: Game) -> str:
    parts = [_dispatch(d) for d in game.state.dispatches] + [repr(c) for c in game.state.log]
    parts.append(repr(game.ending))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def play(sc: Scenario, policy: str, seed: int) -> str:
    game = Game.new(sc, seed=seed, policy=policy)
    while not game.over:
        game.end_turn()
    return digest(game)


def record() -> dict[str, list[str]]:
    out = {}
    for path in sorted((ROOT / "scenarios").glob("*.toml")) + [
        ROOT / "tests/scenarios/contest.toml"
    ]:
        sc = load_scenario(path)
        for policy in POLICIES:
            out[f"{path.stem}:{policy}"] = [play(sc, policy, s) for s in SEEDS]
    return out


if __name__ == "__main__":
    FIXTURE.write_text(json.dumps(record(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE}")
