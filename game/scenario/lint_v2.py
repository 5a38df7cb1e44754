"""More warnings of lint, most about format 2: endings an earlier one shadows, conditions
that contradict themselves, answers that come too late or from the mover, turns in which a
player has nothing to do, name versions that never show, texts that break a continuity
rule, and move limits that never matter.

`lint.lint` calls `more_warnings` with its interval evaluator; like the rest of lint,
every "never" here is certain, every "may" only allowed by the bounds.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .checks_v2 import TEXT_FIELDS
from .interpolate import slots
from .locator import Path
from .models import Action, Option, Scenario, Text
from .parser import Node, Parser

if TYPE_CHECKING:
    from .lint import _Range

Warn = Callable[..., None]
Shape = tuple[Any, ...]
FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "=="}


def _parse(text: str) -> Node | None:
    return Parser(text).expr() if text.strip() else None


# -- where the texts and conditions are ---------------------------------------------------
def texts(sc: Scenario) -> Iterator[tuple[Path, Text, str]]:
    """Every text shown to players: (path, text, a condition that holds when it shows).
    That condition is the event's, move's or ending's `when`, an option's own for what it
    says once given (see `_options`), its turn for a turn's heading, and none for reply
    prompts and names."""
    for i, ev in enumerate(sc.events):
        yield from _fields(("events", i), ev, "events", ev.when)
        yield from _options(("events", i, "choices"), ev.choices)
    for i, act in enumerate(sc.actions):
        yield from _fields(("actions", i), act, "actions", act.when)
        for j, reply in enumerate(act.replies):
            yield from _fields(("actions", i, "replies", j), reply, "replies", "")
            yield from _options(("actions", i, "replies", j, "options"), reply.options)
    for i, end in enumerate(sc.endings):
        yield from _fields(("endings", i), end, "endings", end.when)
    for i, name in enumerate(sc.names):
        yield ("names", i, "text"), name.text, ""
    for i, turn in enumerate(sc.calendar):  # the turn headings, shown in their turn
        yield ("calendar", i, "title"), turn.title, f"turn == {i + 1}"


def _fields(path: Path, entry: Any, table: str, when: str) -> Iterator[tuple[Path, Text, str]]:
    for key in TEXT_FIELDS[table]:
        yield (*path, key), getattr(entry, key), when


def _options(path: Path, options: list[Option]) -> Iterator[tuple[Path, Text, str]]:
    """An option's label is listed even while it is closed; its text and reason show only
    once it is given, under its `when` (the last option is given when none is open)."""
    for k, opt in enumerate(options):
        given = opt.when if k < len(options) - 1 else ""
        yield (*path, k, "label"), opt.label, ""
        yield (*path, k, "text"), opt.text, given
        yield (*path, k, "reason"), opt.reason, given


def versions(path: Path, text: Text, when: str) -> Iterator[tuple[Path, str, str]]:
    """Each version of a text: (path, string, a condition that holds when it shows). A
    plain text shows under `when`; a version shows under `when`, its own condition and the
    failure of every version before it (so the fallback shows only when the others fail)."""
    if isinstance(text, str):
        yield path, text, when
        return
    earlier: list[str] = []
    for j, version in enumerate(text):
        own = [f"({c})" for c in (when, version.when) if c.strip()]
        shows = " and ".join(own + [f"not ({c})" for c in earlier])
        yield (*path, j, "text"), version.text, shows
        if version.when.strip():
            earlier.append(version.when)


def conditions(sc: Scenario) -> Iterator[tuple[Path, str]]:
    """Every condition of the scenario, with its path."""
    for i, ev in enumerate(sc.events):
        yield ("events", i, "when"), ev.when
        yield from ((("events", i, "choices", k, "when"), o.when) for k, o in enumerate(ev.choices))
    for i, act in enumerate(sc.actions):
        yield ("actions", i, "when"), act.when
        for j, reply in enumerate(act.replies):
            path: Path = ("actions", i, "replies", j, "options")
            yield from (((*path, k, "when"), o.when) for k, o in enumerate(reply.options))
    for i, end in enumerate(sc.endings):
        yield ("endings", i, "when"), end.when
    for i, step in enumerate(sc.historical_path):
        yield ("historical_path", i, "when"), step.when
    for q, question in enumerate(sc.questions):
        for p, pos in enumerate(question.positions):
            yield ("questions", q, "positions", p, "when"), pos.when
    for i, rule in enumerate(sc.continuity):
        yield ("continuity", i, "when"), rule.when
    for path, text, _ in texts(sc):
        if isinstance(text, list):
            yield from (((*path, j, "when"), v.when) for j, v in enumerate(text))


# -- the shape of a condition --------------------------------------------------------------
def _chain(node: Node) -> list[Node]:
    """The conjuncts of a top-level `and` chain: a and (b and c) -> [a, b, c]."""
    if node.op != "and":
        return [node]
    return [leaf for arg in node.args for leaf in _chain(arg)]


def _shape(node: Node) -> Shape:
    """A tree without its columns: the same for the same expression however spaced."""
    return (node.op, node.value, tuple(_shape(a) for a in node.args))


def _show(node: Node) -> str:
    """An expression written out again, for messages."""
    if node.op == "date":
        return dt.date.fromordinal(int(node.value)).isoformat()
    if node.op == "bool":
        return "true" if node.value else "false"
    if node.op in ("num", "name"):
        return str(node.value)
    if node.op in ("min", "max"):
        return f"{node.op}({_show(node.args[0])}, {_show(node.args[1])})"
    inner = [
        f"({_show(a)})" if a.args and a.op not in ("not", "neg", "min", "max") else _show(a)
        for a in node.args
    ]
    if node.op == "not":
        return f"not {inner[0]}"
    if node.op == "neg":
        return f"-{inner[0]}"
    return f" {node.op} ".join(inner)


def _const(node: Node) -> int | None:
    if node.op in ("num", "date"):
        return int(node.value)
    if node.op == "neg" and node.args[0].op == "num":
        return -int(node.args[0].value)
    return None


def _bound(node: Node) -> tuple[str, int | None, int | None] | None:
    """The bounds a comparison of a name with a constant puts on the name."""
    if node.op not in FLIP:
        return None
    (left, right), op = node.args, node.op
    if left.op != "name":
        left, right, op = right, left, FLIP[op]
    value = _const(right)
    if left.op != "name" or value is None:
        return None
    low = {">": value + 1, ">=": value, "==": value}.get(op)
    high = {"<": value - 1, "<=": value, "==": value}.get(op)
    return str(left.value), low, high


def _clash(parts: list[Node]) -> tuple[Node, Node] | None:
    """Two conjuncts that cannot hold together: `x` and `not x`, or bounds on one name that
    leave it no value. The earlier of the two comes first."""
    seen: dict[Shape, Node] = {}
    lows: dict[str, tuple[int, Node]] = {}
    highs: dict[str, tuple[int, Node]] = {}
    for part in parts:
        negated = _shape(part.args[0]) if part.op == "not" else ("not", 0, (_shape(part),))
        if negated in seen:
            return seen[negated], part
        seen.setdefault(_shape(part), part)
        bound = _bound(part)
        if bound is None:
            continue
        name, low, high = bound
        if low is not None and (name not in lows or low > lows[name][0]):
            lows[name] = (low, part)
        if high is not None and (name not in highs or high < highs[name][0]):
            highs[name] = (high, part)
        if name in lows and name in highs and lows[name][0] > highs[name][0]:
            return (highs if lows[name][1] is part else lows)[name][1], part
    return None


def contradictions(sc: Scenario, warn: Warn) -> None:
    """Conditions whose top-level `and` chain contradicts itself."""
    for path, when in conditions(sc):
        node = _parse(when)
        found = _clash(_chain(node)) if node is not None else None
        if found is not None:
            warn(
                path,
                f"can never hold: '{_show(found[1])}' contradicts '{_show(found[0])}'",
                "one of the two is a mistake: correct it or take it out",
            )


def shadowed_endings(sc: Scenario, warn: Warn) -> None:
    """Endings that an earlier ending always beats: every conjunct of the earlier one's
    condition is a conjunct of the later one's. A final ending is beaten by any earlier
    one; another only by an earlier ending that is not final either."""
    earlier: list[tuple[str, frozenset[Shape], bool]] = []
    for i, end in enumerate(sc.endings):
        node = _parse(end.when)
        if node is None:
            continue  # the fallback
        parts = frozenset(_shape(p) for p in _chain(node))
        first = next(
            (e for e, p, final in earlier if p <= parts and (end.final or not final)), None
        )
        if first is not None:
            warn(
                ("endings", i, "when"),
                f"ending '{end.id}' can never be reached: '{first}' comes before it and "
                "holds whenever it does",
                f"move it above '{first}', or give it a condition '{first}' does not share",
            )
        earlier.append((end.id, parts, end.final))


# -- moves, turns and answers --------------------------------------------------------------
def open_turns(sc: Scenario, ranges: _Range, act: Action) -> list[int]:
    """The turns (from 1) whose date is in the move's window and in which its condition
    may hold, with the turn and date fixed at that turn's."""
    node = _parse(act.when)
    out = []
    for turn, entry in enumerate(sc.calendar, 1):
        if (act.after and entry.date < act.after) or (act.until and entry.date > act.until):
            continue
        day = entry.date.toordinal()
        at = copy.copy(ranges)
        at.bounds = {**ranges.bounds, "turn": (turn, turn), "date": (day, day)}
        if node is None or at.evaluate(node)[1] != 0:
            out.append(turn)
    return out


def idle_turns(sc: Scenario, windows: dict[str, list[int]], warn: Warn) -> None:
    """Turns in which a playable power (with moves) has no move that may be open."""
    for i, power in enumerate(sc.powers):
        moves = [a.id for a in sc.actions if a.by == power.id]
        if not power.playable or not moves:
            continue  # a power without moves is warned of already
        busy = {turn for a in moves for turn in windows[a]}
        idle = [str(t) for t in range(1, len(sc.calendar) + 1) if t not in busy]
        if idle:
            warn(
                ("powers", i),
                f"playable power '{power.id}' has nothing it can do in turn(s) "
                f"{', '.join(idle)}: none of its moves can be open then",
                "open one of its moves in those turns (its after, until or when)",
            )


def replies(sc: Scenario, windows: dict[str, list[int]], warn: Warn) -> None:
    """Answers by the mover itself, and answers due after the last turn."""
    last = len(sc.calendar)
    for i, act in enumerate(sc.actions):
        turns = windows[act.id]
        for j, reply in enumerate(act.replies):
            path: Path = ("actions", i, "replies", j)
            if reply.by == act.by:
                warn(
                    (*path, "by"),
                    f"'{act.by}' answers its own move '{act.id}'",
                    "a reply is another power's answer: give it to a power the move "
                    "addresses, or put the mover's part in the move's effects",
                )
            if turns and turns[0] + reply.delay > last:
                warn(
                    (*path, "delay"),
                    f"the answer to '{act.id}' can never arrive: the move opens in turn "
                    f"{turns[0]} at the earliest, the answer comes {reply.delay} turn(s) "
                    f"later, and the calendar has {last}",
                    "shorten the delay, or open the move earlier",
                )


def limits(sc: Scenario, warn: Warn) -> None:
    """A cooldown or max_uses on a move explicitly made once only."""
    for i, act in enumerate(sc.actions):
        if not (act.once and "once" in act.model_fields_set):
            continue
        for key in ("cooldown", "max_uses"):
            if getattr(act, key):
                warn(
                    ("actions", i, key),
                    f"action '{act.id}' has {key} = {getattr(act, key)} but once = true: "
                    f"it can be made only once, so the {key} never matters",
                    f"take out once = true (a {key} alone makes the move repeatable), or the {key}",
                )


# -- texts ---------------------------------------------------------------------------------
def name_versions(sc: Scenario, ranges: _Range, warn: Warn) -> None:
    """Versions of a `[[names]]` entry whose condition can never hold."""
    for i, name in enumerate(sc.names):
        for j, version in enumerate(name.text if isinstance(name.text, list) else []):
            if ranges.never(version.when):
                warn(
                    ("names", i, "text", j, "when"),
                    f"{{{name.id}}}: version {j + 1} can never show: its condition cannot "
                    "hold within the bounds",
                    "correct its when, or take the version out",
                )


def _apart(ranges: _Range, first: str, second: str) -> bool:
    """Whether two conditions can never hold together (an empty one always holds)."""
    node = _parse(" and ".join(f"({c})" for c in (first, second) if c.strip()))
    return node is not None and (ranges.evaluate(node)[1] == 0 or _clash(_chain(node)) is not None)


def continuity(sc: Scenario, ranges: _Range, warn: Warn) -> None:
    """Texts holding a continuity rule's word that may show while the rule holds."""
    rules = [
        (rule.id or f"continuity[{i}]", rule.when, rule.never)
        for i, rule in enumerate(sc.continuity)
    ]
    if not rules:
        return
    for path, text, context in texts(sc):
        for where, shown, when in versions(path, text, context):
            low = shown.lower()
            for rule, rule_when, words in rules:
                word = next((w for w in words if w.lower() in low), None)
                if word is not None and not _apart(ranges, rule_when, when):
                    warn(
                        where,
                        f"the text shows '{word}', which continuity rule '{rule}' forbids"
                        + (f" while {rule_when.strip()}" if rule_when.strip() else ""),
                        "reword it, or give it a version whose when excludes the rule's",
                    )


def more_warnings(sc: Scenario, ranges: _Range, warn: Warn) -> None:
    """The warnings of this module."""
    windows = {act.id: open_turns(sc, ranges, act) for act in sc.actions}
    idle_turns(sc, windows, warn)
    replies(sc, windows, warn)
    limits(sc, warn)
    shadowed_endings(sc, warn)
    contradictions(sc, warn)
    name_versions(sc, ranges, warn)
    continuity(sc, ranges, warn)
    hidden_values(sc, warn)


def _readers(sc: Scenario, path: Path) -> set[str] | None:
    """The powers that may read the text at `path` (None: everybody)."""
    if path[0] == "events":
        seen = sc.events[int(path[1])].seen_by
        return None if "all" in seen else set(seen)
    if path[0] == "actions" and sc.actions[int(path[1])].secret:
        act = sc.actions[int(path[1])]
        return {act.by, *act.to}
    return None


def hidden_values(sc: Scenario, warn: Warn) -> None:
    """A `{variable}` in a text shows its true value to every reader of the text: warn
    where a reader may not see the variable."""
    if sc.format < 2:
        return
    seen = {v.id: v.seen_by for v in sc.variables}
    for path, text, _ in texts(sc):
        readers = _readers(sc, path)
        for where, words, _ in versions(path, text, ""):
            try:
                found = slots(words)
            except ValueError:
                continue
            for slot in found:
                sees = seen.get(slot)
                if sees is None or "all" in sees:
                    continue
                if readers is not None and readers <= set(sees):
                    continue
                warn(
                    where,
                    f"the text shows {{{slot}}}, which only {', '.join(sees)} may see, "
                    "to readers who may not",
                    "leave the value out of the text, or make the text secret to those who see it",
                )
