"""Warnings about a valid scenario: content that can never happen, names never used,
history without sources, text missing for a power.

The reachability check is static: each condition is evaluated over intervals (every
variable anywhere within its bounds, and a variable or flag held to its possible starts
if nothing ever changes it), so "can never hold" is certain, while "can hold" only means
the bounds allow it. More warnings, most about format 2, are in `lint_v2`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .effects import parse_effect, targets
from .errors import Problem
from .lint_arith import divisions_by_zero
from .lint_dates import datelines
from .lint_estimates import seeing_estimates
from .lint_headings import headings
from .lint_table import fallbacks
from .lint_v2 import conditions, more_warnings
from .locator import Path, dotted, line_of, locate_all
from .models import Flag, HistoryNote, Option, Scenario
from .notation import Names, Node, Parser

Interval = tuple[int, int]
MANY = 10**6
"""The most a `uses.ACTION` count is taken to reach."""
WRITES = ("add", "assign", "set", "clear", "schedule")
"""The effect kinds that change a variable or flag, or schedule an event."""


def _nodes(node: Node) -> Iterator[Node]:
    yield node
    for arg in node.args:
        yield from _nodes(arg)


def _parse(text: str) -> Node | None:
    if not str(text).strip():
        return None
    parser = Parser(str(text))
    node = parser.expr()
    return node


class _Range:
    """Interval evaluation of expressions over the scenario's bounds."""

    def __init__(self, sc: Scenario, written: dict[str, set[str]]) -> None:
        self.bounds: dict[str, Interval] = {
            v.id: (v.min, v.max) if v.id in written or v.drift else v.start_range
            for v in sc.variables
        }
        self.bounds.update({f"uses.{a.id}": (0, MANY) for a in sc.actions})
        days = [t.date.toordinal() for t in sc.calendar]
        self.bounds["turn"] = (1, len(sc.calendar))
        self.bounds["date"] = (days[0], days[-1])
        for flag in sc.flags:
            kinds = written.get(flag.id, set())
            starts = _starts(flag)
            low = 0 if (False in starts or "clear" in kinds) else 1
            high = 1 if (True in starts or "set" in kinds) else 0
            self.bounds[flag.id] = (low, high)

    def evaluate(self, node: Node) -> Interval:
        op = node.op
        if op in ("num", "date", "bool"):
            return (int(node.value), int(node.value))
        if op == "name":
            return self.bounds[str(node.value)]
        args = [self.evaluate(a) for a in node.args]
        if op == "not":
            lo, hi = args[0]
            return (1 - hi, 1 - lo)
        if op == "neg":
            lo, hi = args[0]
            return (-hi, -lo)
        (a, b), (c, d) = args
        if op in ("and", "min"):
            return (min(a, c), min(b, d))
        if op in ("or", "max"):
            return (max(a, c), max(b, d))
        if op == "+":
            return (a + c, b + d)
        if op == "-":
            return (a - d, b - c)
        if op in ("*", "/"):
            if op == "/" and (c <= 0 <= d):
                return (min(a, 0, -abs(b)), max(b, 0, abs(a)))
            corners = [x * y if op == "*" else x // y for x in (a, b) for y in (c, d)]
            return (min(corners), max(corners))
        can_true = {
            "<": a < d,
            "<=": a <= d,
            ">": b > c,
            ">=": b >= c,
            "==": not (b < c or d < a),
            "!=": not (a == b == c == d),
        }[op]
        can_false = {
            "<": b >= c,
            "<=": b > c,
            ">": a <= d,
            ">=": a < d,
            "==": not (a == b == c == d),
            "!=": not (b < c or d < a),
        }[op]
        return (0 if can_false else 1, 1 if can_true else 0)

    def never(self, text: str) -> bool:
        node = _parse(text)
        return node is not None and self.evaluate(node)[1] == 0


def _starts(flag: Flag) -> set[bool]:
    """The values a flag may start with (either, if drawn with a chance between 0 and 100)."""
    chance = flag.start_chance
    if chance is None:
        return {flag.start}
    return {value for value, may in ((True, chance > 0), (False, chance < 100)) if may}


def _expressions(sc: Scenario) -> Iterator[str]:
    """Every condition, weight, chance, allowance and score text (names read from)."""
    yield from (when for _, when in conditions(sc))
    for ev in sc.events:
        yield str(ev.chance)
        yield from (str(opt.weight) for opt in ev.choices)
    for act in sc.actions:
        yield str(act.weight)
        yield from (str(opt.weight) for reply in act.replies for opt in reply.options)
    for end in sc.endings:
        yield from (str(s) for s in end.scores.values())
    yield from (str(p.moves_per_turn) for p in sc.powers)


def _effects(sc: Scenario) -> Iterator[str]:
    for ev in sc.events:
        yield from ev.effects
        for opt in ev.choices:
            yield from opt.effects
    for act in sc.actions:
        yield from act.effects
        for reply in act.replies:
            for opt in reply.options:
                yield from opt.effects


def lint(sc: Scenario, text: str | None = None) -> list[Problem]:
    """Warnings for a scenario that loaded without errors."""
    lines = locate_all(text) if text is not None and sc._locate is None else {}
    out: list[Problem] = []

    def warn(path: Path, message: str, hint: str = "") -> None:
        if sc._locate is not None:  # the loader knows each path's file and line
            file, line = sc._locate(path)
        else:
            file, line = sc.file or "<scenario>", line_of(lines, path)
        out.append(Problem(file, line, dotted(path), message, hint))

    read, written = _reads_and_writes(sc)

    for i, var in enumerate(sc.variables):
        if var.id not in read:
            warn(
                ("variables", i, "id"),
                f"variable '{var.id}' is never read",
                "use it in a condition, weight or score, or remove it",
            )
        if (
            var.id not in written and not var.drift and not var.drawn
        ):  # a drawn constant is a hidden limit
            warn(
                ("variables", i, "id"),
                f"variable '{var.id}' never changes",
                "change it in an effect or give it a drift; a number meant to stay fixed can "
                "be written where it is read",
            )
    for i, flag in enumerate(sc.flags):
        if flag.id not in read:
            warn(
                ("flags", i, "id"),
                f"flag '{flag.id}' is never read",
                "use it in a condition or remove it",
            )
        if flag.id not in written and flag.start_chance is None:  # a drawn one: a hidden fact
            warn(
                ("flags", i, "id"),
                f"flag '{flag.id}' is never set or cleared",
                "set it in an effect or remove it",
            )
    for i, power in enumerate(sc.powers):
        if power.victory and 0 not in power.victory.values():
            lowest = min(power.victory, key=power.victory.__getitem__)
            warn(
                ("powers", i, "victory"),
                f"a score below {power.victory[lowest]} reaches no victory level of '{power.id}'",
                f"give the lowest level 0 ({lowest} = 0), or add one at 0",
            )

    ranges = _Range(sc, written)
    last_day = sc.calendar[-1].date
    scheduled = {t for t, kinds in written.items() if "schedule" in kinds}
    for i, ev in enumerate(sc.events):
        _one_historical(warn, ("events", i, "choices"), ev.choices)
        if ranges.never(ev.when):
            warn(
                ("events", i, "when"),
                f"event '{ev.id}' can never fire: its condition "
                "cannot hold within the variables' bounds and the flags' possible values",
            )
        if not ev.date and not ev.when.strip() and ev.id not in scheduled:
            warn(
                ("events", i),
                f"event '{ev.id}' has no date, no condition and is never scheduled",
                "give it a date or a when, or schedule it from an effect",
            )
        if ev.date and ev.date > sc.end and ev.id not in scheduled:
            warn(("events", i, "date"), f"event '{ev.id}' is dated after the scenario's end")
        _note(warn, ("events", i, "history"), ev.history, f"event '{ev.id}'")
    budgets = {
        p.id: p.moves_per_turn if isinstance(p.moves_per_turn, int) else 10 for p in sc.powers
    }
    for i, act in enumerate(sc.actions):
        if act.history is not None:
            _note(warn, ("actions", i, "history"), act.history, f"action '{act.id}'")
        if act.cost > budgets.get(act.by, 0):
            warn(
                ("actions", i, "cost"),
                f"action '{act.id}' costs {act.cost} but '{act.by}' "
                f"has {budgets.get(act.by, 0)} action point(s) a turn: it can never be made",
                "lower the cost or raise the power's moves_per_turn",
            )
        if ranges.never(act.when):
            warn(
                ("actions", i, "when"),
                f"action '{act.id}' can never be open: its condition cannot hold within the bounds",
            )
        if act.after and act.after > last_day:
            warn(
                ("actions", i, "after"),
                f"action '{act.id}' opens after the last turn begins",
                "a move opens only at the start of a turn on or after its date",
            )
        for j, reply in enumerate(act.replies):
            _one_historical(warn, ("actions", i, "replies", j, "options"), reply.options)
            for k, opt in enumerate(reply.options):
                if ranges.never(opt.when):
                    warn(
                        ("actions", i, "replies", j, "options", k, "when"),
                        f"option '{opt.id}' can never be given",
                    )
    for i, end in enumerate(sc.endings):
        if ranges.never(end.when):
            warn(("endings", i, "when"), f"ending '{end.id}' can never be reached")
        _note(warn, ("endings", i, "history"), end.history, f"ending '{end.id}'")
        for power in sc.playable:
            if power.id not in end.scores:
                warn(
                    ("endings", i, "scores"),
                    f"ending '{end.id}' gives no score for '{power.id}'",
                    "add it to scores",
                )
    _note(warn, ("author_note",), sc.author_note, "the author's note", required=False)
    for i, turn in enumerate(sc.calendar):
        if turn.history and not turn.sources:
            warn(
                ("calendar", i, "history"),
                f"turn {i + 1}: history without a source",
                "add sources = [...] to the turn",
            )
    _path_steps(sc, warn)
    for i, power in enumerate(sc.powers):
        if not power.playable:
            continue
        for key in ("briefing", "objectives", "leaders"):
            if not getattr(power, key):
                warn(
                    ("powers", i),
                    f"playable power '{power.id}' has no {key}",
                    f"write {key} for its player",
                )
        if not any(a.by == power.id for a in sc.actions):
            warn(
                ("powers", i),
                f"playable power '{power.id}' has no actions",
                "give its player something to do",
            )
    more_warnings(sc, ranges, warn)
    seeing_estimates(sc, warn)
    datelines(sc, ranges, warn)
    headings(sc, _names(sc), WRITES, lambda w: _Range(sc, w), warn)
    fallbacks(sc, warn)
    divisions_by_zero(sc, warn)
    return out


def _names(sc: Scenario) -> Names:
    return Names(
        frozenset(v.id for v in sc.variables),
        frozenset(f.id for f in sc.flags),
        frozenset(e.id for e in sc.events),
        frozenset(a.id for a in sc.actions),
        frozenset(p.id for p in sc.powers),
        sc.format,
    )


def _reads_and_writes(sc: Scenario) -> tuple[set[str], dict[str, set[str]]]:
    """The names read anywhere, and the kinds of effect that change each variable or flag
    (or schedule each event). A conditional effect changes what it guards and reads its
    condition; `moves`, `reveal` and `mislead` change no variable."""
    names = _names(sc)
    read: set[str] = set()
    for expr in _expressions(sc):
        node = _parse(expr) if not str(expr).lstrip("-").isdigit() else None
        if node is not None:
            read.update(str(n.value) for n in _nodes(node) if n.op == "name")
    written: dict[str, set[str]] = {}
    for text in _effects(sc):
        effect = parse_effect(text, names)
        read.update(effect.reads)
        for step in targets(effect):
            if step.kind in WRITES:
                written.setdefault(step.target, set()).add(step.kind)
    return {n for n in read if not n.startswith("uses.")}, written


def _note(
    warn: Callable[..., None],
    path: Path,
    note: HistoryNote | None,
    what: str,
    required: bool = True,
) -> None:
    if note is None:
        if required:
            warn(
                path, f"{what} has no history note", "add history = { note = ..., sources = [...] }"
            )
        return
    if not note.sources:
        warn((*path, "sources"), f"{what}: history note without a source", "cite a source key")
    for j, reading in enumerate(note.readings):
        if not reading.sources:
            warn(
                (*path, "readings", j, "sources"),
                f"{what}: the {reading.school} reading has no source",
                "cite a source key",
            )


def _one_historical(warn: Callable[..., None], path: Path, options: list[Option]) -> None:
    marked = [k for k, opt in enumerate(options) if opt.historical]
    for k in marked[1:]:
        warn(
            (*path, k, "historical"),
            f"option '{options[k].id}' is a second historical "
            f"answer: while both are open, only '{options[marked[0]].id}' is ever given",
            "mark one answer historical, and close it with a when where history changes",
        )


def _path_steps(sc: Scenario, warn: Callable[..., None]) -> None:
    """Historical steps whose move is closed on the step's turn: the power would leave the
    path there, silently."""
    days = [t.date for t in sc.calendar]
    actions = {a.id: a for a in sc.actions}
    for i, step in enumerate(sc.historical_path):
        act = actions.get(step.action)
        if act is None:
            continue
        starts = [d for d in days if d <= step.date]
        turn_day = starts[-1] if starts else days[0]
        if (act.after and turn_day < act.after) or (act.until and turn_day > act.until):
            warn(
                ("historical_path", i, "date"),
                f"'{step.action}' is not open in the turn of {step.date} (the turn begins "
                f"{turn_day}; the move's after/until are compared with that day)",
                f"{sc.power(step.power).name} would leave the historical path here: move the "
                "step or the move's dates",
            )
