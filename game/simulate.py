"""Many headless games of a scenario: how often each ending comes and in which turn, the
mean scores and victory levels, each variable's mean course, the continuity rules broken,
and the content that no game reached."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .engine import Game, GameError, Outcome
from .engine.policies import parse
from .scenario import Scenario
from .scenario.models import fallback

EXAMPLES = 50
"""At most this many continuity violations are kept as examples (the count stays exact)."""


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
    turns: dict[str, Counter[int]] = field(default_factory=dict)
    """For each ending, the turns it came in: turn to number of games."""
    sums: dict[str, list[int]] = field(default_factory=dict)
    """For each variable, the sum over games of its value at the start of each turn."""
    reached: list[int] = field(default_factory=list)
    """How many games reached each turn (index 0 is turn 1)."""
    levels: dict[str, Counter[str]] = field(default_factory=dict)
    """For each power that names victory levels, how many games ended at each level."""
    level_names: dict[str, list[str]] = field(default_factory=dict)
    """Each such power's level names, highest first."""
    violations: int = 0
    """Continuity violations recorded, over all games."""
    distinct: int = 0
    """Distinct violations: (seed, turn, source, rule, word) counted once."""
    examples: list[dict[str, Any]] = field(default_factory=list)
    """The first `EXAMPLES` distinct violations: seed, turn, source, rule, word."""
    rules: int = 0
    """How many continuity rules the scenario has."""
    opponents: str = "historical"
    """With `power`: the other powers' policy."""

    def interval(self, ending: str) -> tuple[float, float]:
        """Wilson 95% interval for the share of games that end in `ending`."""
        return wilson(self.endings[ending], self.runs)

    def mean_scores(self) -> dict[str, float]:
        return {p: sum(v) / len(v) for p, v in self.scores.items() if v}

    def mean_turn(self, ending: str) -> float:
        turns = self.turns.get(ending, Counter())
        n = turns.total()
        return sum(t * k for t, k in turns.items()) / n if n else 0.0

    def trajectories(self) -> dict[str, list[dict[str, Any]]]:
        """For each variable, its mean value at the start of each turn over the games that
        reached that turn, with how many did."""
        return {
            var: [
                {"turn": i + 1, "mean": total / n, "games": n}
                for i, (total, n) in enumerate(zip(sums, self.reached, strict=False))
                if n
            ]
            for var, sums in self.sums.items()
        }

    def level_counts(self) -> dict[str, dict[str, int]]:
        return {
            p: {name: self.levels[p][name] for name in names}
            for p, names in self.level_names.items()
        }

    def add(self, game: Game | Played, seed: int) -> None:
        """Count one finished game."""
        outcome = game.ending
        assert outcome is not None
        self.endings[outcome.ending] += 1
        self.turns.setdefault(outcome.ending, Counter())[outcome.turn] += 1
        for p, score in outcome.scores.items():
            self.scores.setdefault(p, []).append(score)
        for p, level in outcome.levels.items():
            if p in self.levels:
                self.levels[p][level] += 1
        st = game.state
        for var, values in st.series.items():
            sums = self.sums.setdefault(var, [])
            sums.extend([0] * (len(values) - len(sums)))
            for i, value in enumerate(values):
                sums[i] += value
        length = max((len(v) for v in st.series.values()), default=outcome.turn)
        self.reached.extend([0] * (length - len(self.reached)))
        for i in range(length):
            self.reached[i] += 1
        self.violations += len(st.violations)
        distinct = list(dict.fromkeys(st.violations))
        self.distinct += len(distinct)
        for turn, source, rule, word in distinct[: EXAMPLES - len(self.examples)]:
            self.examples.append(
                {"seed": seed, "turn": turn, "source": source, "rule": rule, "word": word}
            )

    def as_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "runs": self.runs,
            "policy": self.policy,
            "power": self.power,
            "seed": self.seed,
            "endings": {
                e: {
                    "count": n,
                    "share": n / self.runs,
                    "interval95": list(self.interval(e)),
                    "mean_turn": self.mean_turn(e),
                    "turns": {str(t): k for t, k in sorted(self.turns.get(e, Counter()).items())},
                }
                for e, n in self.endings.most_common()
            },
            "mean_scores": self.mean_scores(),
            "levels": self.level_counts(),
            "trajectories": self.trajectories(),
            "continuity": {
                "rules": self.rules,
                "violations": self.violations,
                "distinct": self.distinct,
                "examples": self.examples,
            },
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
    opponents: str | Mapping[str, str] = "historical",
    jobs: int = 1,
) -> Report:
    """Play `runs` games with every power computer-played. With `power`, only that power
    follows `policy` and the others `opponents` (by default the historical path);
    without, every power follows `policy`."""
    parse(policy)
    if power is not None and power not in {p.id for p in sc.powers}:
        raise GameError(f"'{power}' is not a power of {sc.id}")
    policies: str | dict[str, str] = policy
    if power is not None:
        others = (
            dict(opponents)
            if not isinstance(opponents, str)
            else {p.id: opponents for p in sc.powers}
        )
        policies = {**others, power: policy}
    report = Report(sc.id, runs, policy, power, seed, scores={p.id: [] for p in sc.powers})
    report.rules = len(sc.continuity)
    report.opponents = (
        opponents
        if isinstance(opponents, str)
        else ",".join(f"{k}={v}" for k, v in opponents.items())
    )
    for p in sc.powers:
        if p.victory:
            report.levels[p.id] = Counter()
            report.level_names[p.id] = sorted(p.victory, key=lambda name: -p.victory[name])
    fired: set[str] = set()
    used: set[str] = set()
    answers: set[tuple[str, str]] = set()
    for n, game in enumerate(_games(sc, runs, seed, policies, jobs)):
        report.add(game, seed + n)
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
    titles = {e.id: fallback(e.title) for e in sc.endings}
    who = (
        f"{report.power} plays '{report.policy}', the others '{report.opponents}'"
        if report.power
        else f"every power plays '{report.policy}'"
    )
    lines = [
        f"{sc.title}: {report.runs} games, seeds {report.seed}–{report.seed + report.runs - 1}"
        f"; {who}.",
        "",
        f"{'ending':<40} {'games':>6} {'share':>7}  {'95% interval':<13} {'turn':>5}  range",
    ]
    for ending, count in report.endings.most_common():
        low, high = report.interval(ending)
        turns = report.turns.get(ending, Counter())
        first, last = min(turns, default=0), max(turns, default=0)
        span = f"{first}" if first == last else f"{first}–{last}"
        interval = f"{low:.1%}–{high:.1%}"
        lines.append(
            f"{titles.get(ending, ending)[:40]:<40} {count:>6} "
            f"{count / report.runs:>7.1%}  {interval:<13} {report.mean_turn(ending):>5.1f}  {span}"
        )
    lines += [
        "",
        "mean score: " + ", ".join(_mean(report, p, s) for p, s in report.mean_scores().items()),
    ]
    lines += _levels(report) + _trajectories(report) + _continuity(report)
    never = {k: v for k, v in report.never.items() if v}
    if never:
        lines.append("")
        lines.append("never reached:")
        for kind, ids in never.items():
            lines.append(f"  {kind} ({len(ids)}): {', '.join(ids)}")
    else:
        lines += ["", "every event, action, ending and answer was reached."]
    return "\n".join(lines)


def _mean(report: Report, power: str, score: float) -> str:
    """A power's mean score, with how many games it is over when some ending gave it none."""
    n = len(report.scores[power])
    return f"{power} {score:.1f}" + (
        f" (over the {n} of {report.runs} games that scored it)" if n < report.runs else ""
    )


def _levels(report: Report) -> list[str]:
    lines = []
    for p, counts in report.level_counts().items():
        text = ", ".join(f"{name} {n}" for name, n in counts.items())
        below = report.runs - sum(counts.values())
        if below:
            text += f", below every level {below}"
        lines.append(f"victory levels of {p}: {text}")
    return lines


def _trajectories(report: Report) -> list[str]:
    paths = {var: path for var, path in report.trajectories().items() if path}
    if not paths:
        return []
    width = max(len(var) for var in paths)
    lines = ["", "mean at the start of a turn (first turn → last turn reached, games then):"]
    for var, path in paths.items():
        first, last = path[0], path[-1]
        lines.append(
            f"  {var:<{width}}  {first['mean']:.1f} → {last['mean']:.1f} "
            f"(turn {first['turn']} → {last['turn']}, {last['games']} games)"
        )
    return lines


def _continuity(report: Report) -> list[str]:
    if not report.violations:
        return ["", "no text broke a continuity rule."] if report.rules else []
    shown = report.examples[:10]
    lines = [
        "",
        f"continuity: {report.violations} violation(s), {report.distinct} distinct"
        + (f"; the first {len(shown)}:" if report.distinct > len(shown) else ":"),
    ]
    for v in shown:
        lines.append(
            f"  seed {v['seed']}, turn {v['turn']}, {v['source']}: "
            f"rule {v['rule']}, word '{v['word']}'"
        )
    return lines


@dataclass
class PlayedState:
    series: dict[str, list[int]]
    violations: list[tuple[int, str, str, str]]
    fired: set[str]
    used: set[str]
    seen_options: set[tuple[str, str]]


@dataclass
class Played:
    """What a report needs of a finished game, small enough to come back from a worker."""

    ending: Outcome | None
    state: PlayedState


def _play(task: tuple[str, int, str | dict[str, str]]) -> Played:
    from .analyse.runner import scenario

    name, seed, policies = task
    game = Game.new(scenario(name), humans=(), seed=seed, policy=policies)
    while not game.over:
        game.end_turn()
    st = game.state
    return Played(
        game.ending, PlayedState(st.series, st.violations, st.fired, st.used, st.seen_options)
    )


BLOCK = 4096
"""Games given to the workers in one batch."""
MAX_RUNS = 1_000_000
"""The most games one simulation plays (about half an hour on two cores)."""


def _games(
    sc: Scenario, runs: int, seed: int, policies: str | dict[str, str], jobs: int
) -> Iterator[Game | Played]:
    """The finished games, in seed order, played here or by `jobs` workers."""
    if jobs <= 1 or runs < 16 or not sc.file:
        for n in range(runs):
            game = Game.new(sc, humans=(), seed=seed + n, policy=policies)
            while not game.over:
                game.end_turn()
            yield game
        return
    from .workers import pool as workers

    block = min(runs, BLOCK)  # the games handed out at once: memory stays flat for any runs
    with workers(jobs) as pool:
        for first in range(0, runs, block):
            tasks = [(sc.file, seed + n, policies) for n in range(first, min(runs, first + block))]
            yield from pool.map(_play, tasks, chunksize=max(1, block // (jobs * 8)))
