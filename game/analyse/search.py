"""The search for the best fixed plan: hill-climbing, with restarts, on search seeds, from
the best of a pool of starts (the plans of the best random games, of the planner's games
and of the historical path); the best of the climbs' plans on other seeds wins."""

from __future__ import annotations

import random
from collections.abc import Callable

from ..engine.content import content_of
from ..scenario import Scenario
from .runner import Record, questions_of
from .strategies import Plan

Evaluate = Callable[[Plan], float]


def plan_of(record: Record) -> Plan:
    """The fixed plan a game's moves and answers make: by turn, and by question."""
    by_turn: dict[int, list[str]] = {}
    for turn, move in record.moves:
        by_turn.setdefault(turn, []).append(move)
    answers: dict[str, list[str]] = {}
    for question, answer in record.answers:
        answers.setdefault(question, [])
        if answer not in answers[question]:
            answers[question].append(answer)
    return Plan(
        tuple(sorted((t, tuple(m)) for t, m in by_turn.items())),
        tuple(sorted((q, tuple(a)) for q, a in answers.items())),
    )


def historical_plan(sc: Scenario, power: str) -> Plan:
    """The plan history wrote for `power`: its steps on the historical path by turn, and
    the historical answer first to every question it is asked."""
    content = content_of(sc)
    by_turn: dict[int, list[str]] = {}
    for (turn, who), steps in sorted(content.steps.items()):
        if who == power:
            by_turn.setdefault(turn, []).extend(s.action for s in steps)
    answers = {
        q: tuple([o.id for o in opts if o.historical] + [o.id for o in opts if not o.historical])
        for q, opts in questions_of(sc, power).items()
    }
    return Plan(
        tuple((t, tuple(m)) for t, m in sorted(by_turn.items())),
        tuple(sorted((q, a) for q, a in answers.items() if a)),
    )


def best_starts(pool: list[Plan], evaluate: Evaluate, count: int) -> list[Plan]:
    """The `count` best distinct plans of the pool on the search seeds (ties keep the
    pool's order)."""
    distinct = list(dict.fromkeys(pool))
    ranked = sorted(enumerate(distinct), key=lambda item: (-evaluate(item[1]), item[0]))
    return [plan for _, plan in ranked[:count]]


class Mutations:
    """Small changes to a plan: the moves of one turn, or the answer to one question."""

    def __init__(self, sc: Scenario, power: str, questions: dict[str, list[str]]) -> None:
        days = [t.date.toordinal() for t in sc.calendar]
        self.turns = len(days)
        self.open: dict[int, list[str]] = {}
        for turn, day in enumerate(days, 1):
            self.open[turn] = [
                a.id
                for a in sc.actions
                if a.by == power
                and (a.after is None or a.after.toordinal() <= day)
                and (a.until is None or day <= a.until.toordinal())
            ]
        budget = sc.power(power).moves_per_turn
        self.budget = budget if isinstance(budget, int) else 3
        self.questions = questions

    def __call__(self, plan: Plan, rng: random.Random) -> Plan:
        moves = dict(plan.moves)
        answers = dict(plan.answers)
        kind = rng.random()
        if kind < 0.45 or not (moves or self.questions):
            turn = rng.randint(1, self.turns)
            pool = self.open.get(turn, [])
            size = rng.randint(0, min(len(pool), self.budget + 1))
            chosen = tuple(rng.sample(pool, size))
            if chosen:
                moves[turn] = chosen
            else:
                moves.pop(turn, None)
        elif kind < 0.7 and moves:
            turn = rng.choice(sorted(moves))
            kept = list(moves[turn])
            kept.pop(rng.randrange(len(kept)))
            moves[turn] = tuple(kept)
        elif self.questions:
            question = rng.choice(sorted(self.questions))
            options = list(self.questions[question])
            rng.shuffle(options)
            answers[question] = tuple(options)
        return Plan(
            tuple(sorted((t, m) for t, m in moves.items() if m)),
            tuple(sorted(answers.items())),
        )


def climb(
    starts: list[Plan], evaluate: Evaluate, mutate: Mutations, iterations: int, seed: int
) -> list[Plan]:
    """Hill-climb from each start on the search seeds; the distinct plans the climbs end on,
    in the starts' order (the winner is chosen on other seeds, where a plan that only fits
    the search seeds' draws loses its edge)."""
    ends: list[Plan] = []
    for n, start in enumerate(starts):
        rng = random.Random(f"climb:{seed}:{n}")
        plan, value = start, evaluate(start)
        for _ in range(iterations):
            candidate = mutate(plan, rng)
            score = evaluate(candidate)
            if score >= value:
                plan, value = candidate, score
        ends.append(plan)
    return list(dict.fromkeys(ends))


def in_words(plan: Plan, sc: Scenario) -> list[str]:
    """The plan as a player reads it: moves by week, then the answers. A plan is an
    intent: a move made only once that it lists again is marked, for it is played there
    only if it was not open (or not chosen) earlier."""
    content = content_of(sc)
    env = content.start_env()
    titles = {a.id: content.texts.render(a.title, env) for a in sc.actions}
    once = {ca.once_id for ca in content.actions.values() if ca.once_id}
    listed: set[str] = set()

    def named(move: str) -> str:
        again = move in once and move in listed
        listed.add(move)
        return titles.get(move, move) + (" (if not made yet)" if again else "")

    lines = [
        f"week {turn} ({sc.calendar[turn - 1].date:%d %b}): " + "; ".join(map(named, moves))
        for turn, moves in plan.moves
    ]
    lines += [f"answer to {q}: {' > '.join(prefs)}" for q, prefs in plan.answers]
    return lines
