"""Answers that can be read: for every option of a question, whether it is open, what it
visibly does valued now, and, when it is closed, why, in the scenario's own words."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from types import MappingProxyType

from ..scenario.closures import Env, compile_node
from ..scenario.models import Variable
from ..scenario.notation import Node, names_in, parse_tree

SYMBOLS = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "=", "!=": "≠"}
Label = Callable[[str], str]
"""A name in words."""
Now = Callable[[str], str]
"""A variable's value as the deciding power knows it: '48', 'about 40–55' or ''."""
Named = Mapping[str, Variable]
"""Variables by id: those with `value_names` are compared in their names."""
NO_NAMES: Named = MappingProxyType({})
COMPARE = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt,
    ">=": operator.ge, "==": operator.eq, "!=": operator.ne,
}  # fmt: skip


def _named_words(node: Node, label: Label, named: Named) -> str | None:
    """A comparison of a variable with named values and a number, as the names that pass:
    `council_lean >= 2` reads "Master of the French Council is split or Bonnet"."""
    if node.op not in COMPARE or len(node.args) != 2:
        return None
    (a, b), test = node.args, COMPARE[node.op]
    flipped = a.op == "num" and b.op == "name"
    if flipped:
        a, b = b, a
    var = named.get(str(a.value)) if a.op == "name" and b.op == "num" else None
    if var is None or not var.value_names:
        return None
    values = range(var.min, var.max + 1)
    words = [var.word(v) for v in values if (test(b.value, v) if flipped else test(v, b.value))]
    shown = " or ".join(words) if words else "none of its values"
    return f"{label(var.id)} is {shown}"


def _words(node: Node, label: Label, named: Named = NO_NAMES) -> str:
    found = _named_words(node, label, named) if named else None
    if found is not None:
        return found
    op = node.op
    if op in ("num", "bool"):
        return ("yes" if node.value else "no") if op == "bool" else str(node.value)
    if op == "date":
        import datetime as dt

        return f"{dt.date.fromordinal(int(node.value)):%d %B}".lstrip("0")
    if op == "name":
        name = str(node.value)
        if name == "date":
            return "the date"
        if name == "turn":
            return "the turn"
        if name.startswith("uses."):
            return f"times '{label(name[5:])}' made"
        return label(name)
    if op == "not":
        return f"not ({_words(node.args[0], label, named)})"
    if op == "neg":
        return f"-{_words(node.args[0], label, named)}"
    if op in ("min", "max"):
        a, b = (_words(x, label, named) for x in node.args)
        return f"the {'lesser' if op == 'min' else 'greater'} of {a} and {b}"
    a, b = (_words(x, label, named) for x in node.args)
    return f"{a} {SYMBOLS.get(op, op)} {b}"


_reads: dict[str, frozenset[str]] = {}


def reads(when: str) -> frozenset[str]:
    """The names a condition reads (parsed once; an empty condition reads nothing)."""
    hit = _reads.get(when)
    if hit is None:
        try:
            hit = frozenset(names_in(parse_tree(when))) if when.strip() else frozenset()
        except Exception:  # the loader has checked it; be safe: read as unreadable
            hit = frozenset({"?"})
        _reads[when] = hit
    return hit


def conjuncts(node: Node) -> list[Node]:
    if node.op == "and":
        return [leaf for arg in node.args for leaf in conjuncts(arg)]
    return [node]


def lock_reason(
    when: str,
    env: Env,
    label: Label,
    now: Now,
    is_flag: Callable[[str], bool],
    named: Named = NO_NAMES,
) -> str:
    """Why `when` fails now: its failing parts in words, each with the value known now
    ("needs French resolve ≥ 60 — now 48")."""
    try:
        tree = parse_tree(when)
    except Exception:  # the loader has checked it; be safe all the same
        return "not open now"
    parts = []
    for part in conjuncts(tree):
        if compile_node(part)(env):
            continue
        if part.op == "name" and is_flag(str(part.value)):
            parts.append(f"needs: {label(str(part.value))}")
            continue
        if part.op == "not" and part.args[0].op == "name":
            parts.append(f"needs not: {label(str(part.args[0].value))}")
            continue
        found = _named_words(part, label, named)
        words = f"needs: {found}" if found else f"needs {_words(part, label, named)}"
        names = [str(n.value) for n in (part.args or ()) if n.op == "name"]
        if len(names) == 1 and not is_flag(names[0]):
            known = now(names[0])
            if known:
                words += f" — now {known}"
        parts.append(words)
    return "; ".join(parts) or "not open now"


def condition_words(when: str, label: Label, named: Named = NO_NAMES) -> str:
    """A condition in words, its parts joined by 'and': "Pact signed and treaty ≥ 80"."""
    try:
        tree = parse_tree(when)
    except Exception:  # the loader has checked it; be safe all the same
        return when
    return " and ".join(_words(part, label, named) for part in conjuncts(tree))


def unsettled_words(
    when: str, label: Label, named: Named, env: Env, visible: Callable[[str], bool]
) -> str | None:
    """The parts of `when` that read what the reader cannot see, in words; the parts it can
    see are valued now and left out. None if one of those fails now (nothing to say)."""
    try:
        tree = parse_tree(when)
    except Exception:  # the loader has checked it; be safe all the same
        return when
    parts = []
    for part in conjuncts(tree):
        if all(visible(n) for n in names_in(part)):
            if not compile_node(part)(env):
                return None
            continue
        parts.append(_words(part, label, named))
    return " and ".join(parts)
