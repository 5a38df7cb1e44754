"""`moscow1939 analyse`: per playable power, the best fixed plan, what an adaptive player
gains over it, what chance and choice explain, what each move and answer is worth, the
questions with one answer, and the pace of a game — the targets of CONTEST.md."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..engine import GameError
from ..engine.policies import parse
from ..scenario import Scenario
from .drawn import drawn_lines
from .improve import Improved
from .runner import Record, Runner, Script, Task, opponents_key, options_of, scenario
from .search import Mutations, best_starts, climb, historical_plan, in_words, plan_of
from .stats import mean, spread, variance_shares
from .strategies import Forced, Greedy, Plan, Random


@dataclass(frozen=True)
class Budget:
    random_games: int
    search_seeds: int
    eval_seeds: int
    iterations: int
    restarts: int
    effect_seeds: int
    adaptive_seeds: int


BUDGETS = {
    "quick": Budget(40, 6, 24, 30, 2, 8, 6),
    "normal": Budget(160, 12, 60, 80, 3, 24, 16),
    "deep": Budget(400, 24, 160, 200, 4, 60, 40),
}
DOMINANT, HARMFUL, NULL = 10.0, -10.0, 1.0
EFFECT_ROUNDS = 4
"""At most this many batches of `effect_seeds` paired games to measure one move or answer."""


LINES = 6
"""At most this many fixed plans besides the best one for the adaptive player to change to."""


def _lines(
    best: Plan, climbed: list[Plan], values: dict[Plan, float], aims: dict[Plan, str]
) -> tuple[Plan, ...]:
    """The plans the adaptive player knows besides the best: the other climbs' ends, and,
    for every ending some plan valued in the search reached most, the best such plan (a
    line for each way the game can go), the higher valued first."""
    by_aim: dict[str, Plan] = {}
    for plan in sorted(values, key=lambda p: -values[p]):
        by_aim.setdefault(aims[plan], plan)
    lines = dict.fromkeys(p for p in climbed if p != best)
    for plan in sorted(by_aim.values(), key=lambda p: -values[p]):
        if plan != best:
            lines.setdefault(plan)
    return tuple(lines)[:LINES]


def flag(effect: float, swing: float | None = None) -> str:
    """A verdict on one use's mean `effect` and its `swing`, the mean size of the change
    either way: `null` if it changes the score by at most a point in either direction,
    `mixed` if it moves games by more but its gains and losses cancel out on average."""
    if effect >= DOMINANT:
        return "dominant"
    if effect <= HARMFUL:
        return "harmful"
    if abs(effect) <= NULL:
        return "null" if swing is None or swing <= NULL else "mixed"
    return ""


class Analysis:
    def __init__(
        self,
        name: str,
        runner: Runner,
        budget: Budget,
        seed: int,
        opponents: str | Mapping[str, str],
        progress: Callable[[str], None] | None = None,
    ) -> None:
        self.name = name
        self.sc: Scenario = scenario(name)
        self.runner = runner
        self.budget = budget
        self.seed = seed
        self.opponents = opponents_key(opponents)
        self.progress = progress or (lambda text: None)

    def games(self, power: str, strategy: Script | None, seeds: Sequence[int]) -> list[Record]:
        return self.runner.run([Task(self.name, power, strategy, s, self.opponents) for s in seeds])

    def seeds(self, offset: int, count: int) -> range:
        start = self.seed + offset
        return range(start, start + count)

    def power(self, power: str) -> dict[str, Any]:
        b, sc = self.budget, self.sc
        self.progress(f"{power}: random play")
        rand = self.games(power, Random(), self.seeds(20_000, b.random_games))
        questions: dict[str, list[str]] = {}
        options = options_of(sc, power)
        for r in rand:
            for q in r.seen:
                questions.setdefault(q, options.get(q, []))
        self.progress(f"{power}: searching fixed plans")
        search = self.seeds(0, b.search_seeds)
        values: dict[Plan, float] = {}
        aims: dict[Plan, str] = {}
        """The ending each plan valued reaches most on the search seeds."""

        def evaluate(plan: Plan) -> float:
            if plan not in values:
                records = self.games(power, plan, search)
                values[plan] = mean([r.score for r in records])
                aims[plan] = Counter(r.ending for r in records).most_common(1)[0][0]
            return values[plan]

        ranked = sorted(rand, key=lambda r: -r.score)
        planned = self.games(power, None, self.seeds(40_000, b.restarts))
        pool = [plan_of(r) for r in ranked[: b.restarts * 3] + planned]
        pool.append(historical_plan(sc, power))
        starts = best_starts(pool, evaluate, b.restarts) or [Plan()]
        mutations = Mutations(sc, power, questions)
        climbed = climb(starts, evaluate, mutations, b.iterations, self.seed)
        evals = self.seeds(10_000, b.eval_seeds)
        judged = [self.games(power, plan, evals) for plan in climbed]
        pick = max(range(len(climbed)), key=lambda i: (mean([r.score for r in judged[i]]), -i))
        best, fixed = climbed[pick], judged[pick]
        top = _top_level(sc, power)
        self.progress(f"{power}: greedy and adaptive play")
        greedy = self.games(power, Greedy(), evals)
        adaptive_seeds = self.seeds(10_000, min(b.adaptive_seeds, b.eval_seeds))
        self.progress(f"{power}: lines for its own draws")

        def scores(plan: Plan, seeds: list[int]) -> list[float]:
            return [r.score for r in self.games(power, plan, seeds)]

        drawn = drawn_lines(
            sc,
            power,
            scores,
            [best, *pool],
            [*rand, *planned],
            mutations,
            b.iterations // 2,
            b.search_seeds,
            self.seed,
        )
        lines = [*drawn, *_lines(best, climbed, values, aims)]
        others = tuple(p for p in dict.fromkeys(lines) if p != best)
        adaptive = self.games(power, Improved(best, others=others), adaptive_seeds)
        planner = self.games(power, None, adaptive_seeds)
        fixed_same = mean([r.score for r in fixed[: len(adaptive)]])
        table = [[r.score for r in fixed]] + [
            [r.score for r in self.games(power, plan, evals)] for plan in starts
        ]
        table.append([r.score for r in greedy])
        self.progress(f"{power}: moves and answers")
        moves, answers = self.effects(power, questions)
        single = Counter(q for r in rand for q in set(r.single))
        return {
            "endings": {
                "random": _shares(rand),
                "greedy": _shares(greedy),
                "best_fixed": _shares(fixed),
                "adaptive": _shares(adaptive),
                "planner": _shares(planner),
            },
            "levels": {"random": _levels(rand), "best_fixed": _levels(fixed)},
            "best_fixed": {
                "plan": in_words(best, sc),
                "mean": round(mean([r.score for r in fixed]), 2),
                "spread": round(spread([r.score for r in fixed]), 2),
                "top_level": top,
                "top_level_share": (
                    round(sum(r.level == top for r in fixed) / len(fixed), 4) if top else None
                ),
            },
            "random": {"mean": round(mean([r.score for r in rand]), 2)},
            "greedy": {"mean": round(mean([r.score for r in greedy]), 2)},
            "adaptive": {
                "mean": round(mean([r.score for r in adaptive]), 2),
                "gain_over_fixed": round(mean([r.score for r in adaptive]) - fixed_same, 2),
                "games": len(adaptive),
            },
            "planner": {
                "mean": round(mean([r.score for r in planner]), 2),
                "gain_over_fixed": round(mean([r.score for r in planner]) - fixed_same, 2),
            },
            "variance": variance_shares(table),
            "moves": moves,
            "answers": answers,
            "single_answer_questions": [
                {"question": q, "games": n, "share": round(n / len(rand), 4)}
                for q, n in sorted(single.items())
            ],
            "pace": _pace(rand),
        }

    def effects(
        self, power: str, questions: dict[str, list[str]]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        moves = []
        for act in [a for a in self.sc.actions if a.by == power]:
            diffs, games = self.paired(
                power,
                Forced(move_id=act.id),
                Forced(move_id=act.id, always=False),
                _made(act.id),
            )
            effect, swing, se = _summary(diffs)
            verdict = flag(effect, swing) if diffs else "never open"
            if verdict == "null" and _informs(act.effects):
                verdict = "information"
            moves.append(
                {
                    "id": act.id,
                    "effect": effect,
                    "swing": swing,
                    "se": se,
                    "flag": verdict,
                    "games_played": len(diffs),
                    "games": games,
                }
            )
        answers = []
        for question, opts in sorted(questions.items()):
            for option in opts:
                diffs, games = self.paired(
                    power,
                    Forced(source=question, option=option),
                    Forced(source=question, option=option, always=False),
                    _given(question, option),
                )
                effect, swing, se = _summary(diffs)
                answers.append(
                    {
                        "question": question,
                        "answer": option,
                        "effect": effect,
                        "swing": swing,
                        "se": se,
                        "flag": flag(effect, swing) if diffs else "never open",
                        "games_given": len(diffs),
                        "games": games,
                    }
                )
        return moves, answers

    def paired(
        self, power: str, taken: Forced, never: Forced, used: Callable[[Record], bool]
    ) -> tuple[list[float], int]:
        """One use's worth: the differences, over the paired seeds on which the move was
        made (or the answer given), between the game that did it and the game that did
        not. Where it never came, the two games are the same and say nothing, so seeds are
        added a batch at a time until it has come on half a batch's worth of seeds (or four
        batches are played). Returns (differences, seeds played)."""
        batch = self.budget.effect_seeds
        diffs: list[float] = []
        played = 0
        for round_ in range(EFFECT_ROUNDS):
            seeds = self.seeds(30_000 + round_ * batch, batch)
            did, did_not = self.games(power, taken, seeds), self.games(power, never, seeds)
            for a, b in zip(did, did_not, strict=True):
                if used(a):
                    diffs.append(a.score - b.score)
            played += batch
            if len(diffs) * 2 >= batch:
                break
        return diffs, played


def _summary(diffs: list[float]) -> tuple[float, float, float]:
    """(mean effect, mean size of the change either way, standard error of the mean)."""
    if not diffs:
        return 0.0, 0.0, 0.0
    se = statistics.stdev(diffs) / len(diffs) ** 0.5 if len(diffs) > 1 else 0.0
    return round(mean(diffs), 2), round(mean([abs(d) for d in diffs]), 2), round(se, 2)


def _made(move: str) -> Callable[[Record], bool]:
    return lambda r: any(m == move for _, m in r.moves)


def _given(question: str, option: str) -> Callable[[Record], bool]:
    return lambda r: (question, option) in r.answers


def _informs(effects: list[str]) -> bool:
    """Whether a move buys knowledge (a `reveal` or `mislead`): its worth is to a player who
    reads estimates, which the fixed strategies measured here do not."""
    return any(e.split(maxsplit=1)[0] in ("reveal", "mislead") for e in effects if e.strip())


def _top_level(sc: Scenario, power: str) -> str:
    levels = sc.power(power).victory
    return max(levels, key=lambda name: levels[name]) if levels else ""


def _shares(records: list[Record]) -> dict[str, float]:
    counts = Counter(r.ending for r in records)
    return {e: round(n / len(records), 4) for e, n in counts.most_common()} if records else {}


def _levels(records: list[Record]) -> dict[str, int]:
    return dict(Counter(r.level for r in records if r.level).most_common())


def _pace(records: list[Record]) -> dict[str, float]:
    n = max(1, len(records))
    decisions = sum(r.decisions for r in records)
    return {
        "decisions_per_game": round(decisions / n, 2),
        "options_per_decision": round(sum(r.options for r in records) / max(1, decisions), 2),
        "idle_turns_per_game": round(sum(r.idle_turns for r in records) / n, 2),
        "words_per_game": round(sum(r.words for r in records) / n, 1),
        "continuity_violations": sum(r.violations for r in records),
    }


def analyse(
    name: str,
    power: str | None = None,
    opponents: str | Mapping[str, str] = "historical",
    budget: str = "quick",
    seed: int = 0,
    jobs: int = 1,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """The analysis of scenario `name` (an id or a path) as one JSON-ready object."""
    if budget not in BUDGETS:
        raise GameError(f"unknown budget '{budget}': use {', '.join(BUDGETS)}")
    sc = scenario(name)
    powers = [p.id for p in sc.playable]
    if power is not None and power not in powers:
        raise GameError(f"'{power}' is not a playable power of {sc.id}: {', '.join(powers)}")
    for spec in [opponents] if isinstance(opponents, str) else opponents.values():
        parse(spec)
    with Runner(jobs) as runner:
        analysis = Analysis(name, runner, BUDGETS[budget], seed, opponents, progress)
        report = {p: analysis.power(p) for p in ([power] if power else powers)}
        games = runner.games
    return {
        "scenario": sc.id,
        "budget": budget,
        "seed": seed,
        "opponents": opponents if isinstance(opponents, str) else dict(opponents),
        "games": games,
        "powers": report,
        "pace": {p: r["pace"] for p, r in report.items()},
        "continuity": [
            {"power": p, "violations": r["pace"]["continuity_violations"]}
            for p, r in report.items()
        ],
        "best_endings": {p: _best(r) for p, r in report.items()},
    }


def _best(report: dict[str, Any]) -> str:
    """The ending the power's best fixed plan reaches most often."""
    endings = report["endings"]["best_fixed"]
    return next(iter(endings), "")
