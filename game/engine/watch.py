"""Asleep until what they read changes: undated events and moves without an end date wait,
once their condition is found false, until a name read by the part of it that failed gets
a new value (a condition reads nothing but the state's values, so while those stand it
stays false). A turn looks only at what is awake, and the engine's work grows with what is
live, not with the length of the scenario. Moves sleep the same way, and a turn lists each
power's moves whose date window covers it (`full_window`), of which it looks at the awake."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ..scenario.closures import Env, Fn, compile_node
from ..scenario.notation import Node, names_in, parse_tree
from .content import CompiledAction, CompiledEvent, Content

if TYPE_CHECKING:
    from .state import State

RANK = operator.attrgetter("rank")
"""A move's place in the file, to keep candidates in the order they had."""
FOREVER = 10**9
"""A move's `until` when it has none."""
Parts = tuple[tuple[Fn, tuple[str, ...]], ...]
"""A condition as the parts of its top `and`, each with the names it reads."""
Sleeper = tuple[set[str], str]
Candidate = tuple[str, CompiledAction, str, int, bool, int, str, int, "int | None", Parts, Fn]
"""A move as the weighted policy reads it: (id, the move, `once_id`, cost, limited, most
uses, uses key, cooldown, fixed weight, the parts of its condition, its weight)."""
"""Who sleeps on a name: the set it wakes into, and its id."""


def parts_of(when: str, trees: Mapping[str, Node] | None = None) -> Parts:
    """The parts of a checked condition joined by `and`, in order, compiled one by one
    (their conjunction is the condition: the same parts, in the same order). `trees`: the
    scenario's trees by their text (`Code.trees`), not parsed again."""
    if not when.strip():
        return ()

    def chain(node: Node) -> list[Node]:
        return [leaf for arg in node.args for leaf in chain(arg)] if node.op == "and" else [node]

    return tuple(
        (compile_node(part), tuple(dict.fromkeys(names_in(part))))
        for part in chain((trees or {}).get(when) or parse_tree(when))
    )


class Watch:
    """The indexes of one scenario, built once (`watch_of`)."""

    def __init__(self, content: Content) -> None:
        self.events: dict[str, CompiledEvent] = {c.event.id: c for c in content.conditional}
        """The undated events (not only scheduled): watched by what they read."""
        trees = content.scenario.code.trees
        self.event_parts = {eid: parts_of(ce.event.when, trees) for eid, ce in self.events.items()}
        self.order = content.order
        self.keyed = {eid: (self.order[eid], ce) for eid, ce in self.events.items()}
        """Each undated event with its place in the file."""
        self.open_ended: dict[str, list[CompiledAction]] = {p: [] for p in content.powers}
        """Each power's moves without an end date: watched by what they read."""
        self.dated_moves: dict[tuple[str, int], list[CompiledAction]] = {}
        """Each power's moves with an end date, by the turns (from 1) their window covers."""
        for power, actions in content.by_power.items():
            for ca in actions:
                if ca.until >= FOREVER:
                    self.open_ended[power].append(ca)
                    continue
                first = bisect.bisect_left(content.turn_dates, ca.after) + 1
                for turn in range(first, content.turns + 1):
                    if content.turn_dates[turn - 1] > ca.until:
                        break
                    self.dated_moves.setdefault((power, turn), []).append(ca)
        self.move_parts = {
            ca.action.id: parts_of(ca.action.when, trees)
            for cas in content.by_power.values()
            for ca in cas
        }
        """Every move's condition, watched by what it reads (a move with an end date sleeps
        too: only the turns its window covers list it)."""
        self.ending_parts = {
            ce.ending.id: parts_of(ce.ending.when, trees)
            for ce in content.endings
            if not ce.fallback
        }
        """The endings' conditions (but the fallback's), watched by what they read."""
        self.midway = [
            (ce.ending.id, self.ending_parts[ce.ending.id])
            for ce in content.endings
            if not ce.fallback and not ce.ending.final
        ]
        """(id, parts) of the endings that may come before the calendar's end, in order."""
        self.closing = [
            (ce.ending.id, self.ending_parts[ce.ending.id])
            for ce in content.endings
            if not ce.fallback
        ]
        """(id, parts) of the endings looked at when the calendar ends, in order."""
        self.moves = {ca.action.id: ca for cas in self.open_ended.values() for ca in cas}
        self.windows: dict[tuple[str, int], list[CompiledAction]] = {}
        """A power's whole list of moves for a turn (`window_of`), made when first asked."""
        self.listed: dict[tuple[str, int], list[Candidate]] = {}
        """`windows` as `Candidate`s, but the moves of weight 0 (`move_candidates`)."""
        self.turn_dates = content.turn_dates
        self.event_ids = frozenset(self.events)
        self.move_ids = {
            p: frozenset(ca.action.id for ca in cas) for p, cas in content.by_power.items()
        }
        self.ending_ids = frozenset(self.ending_parts)


def watch_of(content: Content) -> Watch:
    """The scenario's watch indexes, built on first use and kept with its content."""
    found: Watch | None = content.__dict__.get("_watch")
    if found is None:
        found = content.__dict__["_watch"] = Watch(content)
    return found


class Sleep:
    """One game's awake events and moves, and who sleeps on which name."""

    __slots__ = ("events", "moves", "endings", "sleepers", "woken")

    def __init__(self, watch: Watch) -> None:
        self.events = set(watch.event_ids)
        self.moves: dict[str, set[str]] = {}
        """Each power's awake moves, made when the power first draws (`awake_moves`)."""
        self.endings = set(watch.ending_ids)
        self.sleepers: dict[str, list[tuple[set[str], str]]] = {}
        """For each name, who sleeps on it: (the awake set to wake into, the id)."""
        self.woken = 0
        """How many times something has woken (the event scan then looks for what woke)."""


def sleep_of(st: State, watch: Watch) -> Sleep:
    """The game's `Sleep`, everything awake at first (and in every copy of the state)."""
    found = st.sleep
    if found is None:
        found = st.sleep = Sleep(watch)
    return found


def awake_moves(s: Sleep, watch: Watch, power: str) -> set[str]:
    """The awake moves of `power` (all of them until it first draws)."""
    found = s.moves.get(power)
    if found is None:
        found = s.moves[power] = set(watch.move_ids[power])
    return found


def copied(s: Sleep, changed: Iterable[str]) -> Sleep:
    """`s` for a copy of its game's state in which the names `changed` may hold other
    values: the same sleepers, and what sleeps on those names woken."""
    new = Sleep.__new__(Sleep)
    new.events, new.endings = set(s.events), set(s.endings)
    new.moves = {p: set(ids) for p, ids in s.moves.items()}
    same = {id(s.events): new.events, id(s.endings): new.endings}
    same.update((id(ids), new.moves[p]) for p, ids in s.moves.items())
    new.sleepers = {
        name: [(same[id(awake)], key) for awake, key in sleepers]
        for name, sleepers in s.sleepers.items()
    }
    new.woken = 0
    for name in changed:
        woken = new.sleepers.pop(name, None)
        if woken:
            for awake, key in woken:
                awake.add(key)
    return new


def touched(st: State, name: str) -> None:
    """`name` has a new value: wake what sleeps on it."""
    s = st.sleep
    if s is None:
        return
    woken = s.sleepers.pop(name, None)
    if woken:
        for awake, key in woken:
            awake.add(key)
        s.woken += 1


def holds(
    parts: Parts, env: Env, key: str, awake: set[str], sleepers: dict[str, list[Sleeper]]
) -> bool:
    """Whether the condition holds; if not, `key` sleeps on the names of the part that
    failed (the first false one, as `and` finds it), out of `awake`."""
    for fn, names in parts:
        if not fn(env):
            awake.discard(key)
            for name in names:
                sleepers.setdefault(name, []).append((awake, key))
            return False
    return True


def candidate(ca: CompiledAction, parts: Parts) -> Candidate:
    """What the weighted policy reads of a move, in one tuple."""
    return (
        ca.action.id,
        ca,
        ca.once_id,
        ca.cost,
        ca.limited,
        ca.max_uses,
        ca.uses_key,
        ca.cooldown,
        ca.fixed_weight,
        parts,
        ca.weight,
    )


def move_candidates(watch: Watch, power: str, turn: int) -> list[Candidate]:
    """A power's moves that may be drawn in `turn`, in file order: those whose window covers
    the turn (but those of weight 0), awake or asleep (the draw skips the asleep)."""
    key = (power, turn)
    listed = watch.listed.get(key)
    if listed is None:
        listed = watch.listed[key] = [
            candidate(ca, watch.move_parts[ca.action.id])
            for ca in full_window(watch, power, turn)
            if ca.fixed_weight != 0  # never drawn
        ]
    return listed


def window_of(watch: Watch, power: str, turn: int, day: int) -> list[CompiledAction]:
    """Every move of `power` whose dates allow it in `turn` (of date `day`), in file order,
    awake or asleep."""
    listed = watch.dated_moves.get((power, turn), [])
    extra = [ca for ca in watch.open_ended[power] if ca.after <= day]
    if not extra:
        return listed
    return sorted(listed + extra, key=RANK)


def full_window(watch: Watch, power: str, turn: int) -> list[CompiledAction]:
    """`window_of` for the turn, kept once made."""
    found = watch.windows.get((power, turn))
    if found is None:
        day = watch.turn_dates[turn - 1]
        found = watch.windows[(power, turn)] = window_of(watch, power, turn, day)
    return found
