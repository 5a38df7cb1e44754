"""Many headless games of a scenario: how often each ending comes, the mean scores, and
the content that no game reached."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .engine import POLICIES, Game, GameError
from .scenario import Scenario


@dataclass
class Report:
    scenario: str
    runs: int
    policy: str
    power: str | None
    seed: int
    endings: Counter[str] = field(default_factory=Counter)
    scores: dict[str, list[int]] = field(default_factory=dict)
    never: dict[str, list[str]] = field(default_factory=dict)
    """Events, actions, endings and answers that no game reached."""

    def interval(self, ending: str) -> tuple[float, float]:
        """Wilson 95% interval for the share of games that end in `ending`."""
        return wilson(self.endings[ending], self.runs)

    def mean_scores(self) -> dict[str, float]:
        return {p: sum(v) / len(v) for p, v in self.scores.items() if v}

    def as_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "runs": self.runs,
            "policy": self.policy,
            "power": self.power,
            "seed": self.seed,
            "endings": {
                e: {"count": n, "share": n / self.runs, "interval95": list(self.interval(e))}
                for e, n in self.endings.most_common()
            },
            "mean_scores": self.mean_scores(),
            "never_reached": self.never,
        }


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 0.0)
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def simulate(
    sc: Scenario,
    runs: int,
    power: str | None = None,
    policy: str = "random",
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Play `runs` games with every power computer-played. With `power`, only that power
    follows `policy` and the others the historical path; without, every power does."""
    if policy not in POLICIES:
        raise GameError(f"unknown policy '{policy}': use one of {', '.join(POLICIES)}")
    if power is not None and power not in {p.id for p in sc.powers}:
        raise GameError(f"'{power}' is not a power of {sc.id}")
    policies: str | dict[str, str] = policy if power is None else {power: policy}
    report = Report(sc.id, runs, policy, power, seed, scores={p.id: [] for p in sc.powers})
    fired: set[str] = set()
    used: set[str] = set()
    answers: set[tuple[str, str]] = set()
    for n in range(runs):
        game = Game.new(sc, humans=(), seed=seed + n, policy=policies)
        while not game.over:
            game.end_turn()
        assert game.ending is not None
        report.endings[game.ending.ending] += 1
        for p, score in game.ending.scores.items():
            report.scores.setdefault(p, []).append(score)
        fired |= game.state.fired
        used |= game.state.used
        answers |= game.state.seen_options
        if progress is not None:
            progress(n + 1)
    report.never = {
        "events": [e.id for e in sc.events if e.id not in fired],
        "actions": [a.id for a in sc.actions if a.id not in used],
        "endings": [e.id for e in sc.endings if e.id not in report.endings],
        "answers": [
            f"{a.id}:{o.id}"
            for a in sc.actions
            for r in a.replies
            for o in r.options
            if (a.id, o.id) not in answers
        ]
        + [f"{e.id}:{o.id}" for e in sc.events for o in e.choices if (e.id, o.id) not in answers],
    }
    return report


def table(report: Report, sc: Scenario) -> str:
    """The report as text for people."""
    titles = {e.id: e.title for e in sc.endings}
    who = (
        f"{report.power} plays '{report.policy}', the others 'historical'"
        if report.power
        else f"every power plays '{report.policy}'"
    )
    lines = [
        f"{sc.title}: {report.runs} games, seeds {report.seed}–{report.seed + report.runs - 1}"
        f"; {who}.",
        "",
        f"{'ending':<40} {'games':>6} {'share':>7}  95% interval",
    ]
    for ending, count in report.endings.most_common():
        low, high = report.interval(ending)
        lines.append(
            f"{titles.get(ending, ending)[:40]:<40} {count:>6} "
            f"{count / report.runs:>7.1%}  {low:.1%}–{high:.1%}"
        )
    lines += [
        "",
        "mean score: " + ", ".join(f"{p} {s:.1f}" for p, s in report.mean_scores().items()),
    ]
    never = {k: v for k, v in report.never.items() if v}
    if never:
        lines.append("")
        lines.append("never reached:")
        for kind, ids in never.items():
            lines.append(f"  {kind} ({len(ids)}): {', '.join(ids)}")
    else:
        lines += ["", "every event, action, ending and answer was reached."]
    return "\n".join(lines)
