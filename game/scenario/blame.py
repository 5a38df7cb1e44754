"""One mistake, one error, where the mistake is: the problems the checks found, with the
knock-on ones folded into the problem that causes them.

- a use of what a variant's `[remove]` took out is reported at the `[remove]` line,
  naming every place that still uses it;
- a variant entry meant to change a base entry, whose id is mistyped (so it is new, and
  lacks required keys), says there is no base entry of that id, with "did you mean";
- references to an id no entry declares, when an entry of that table repeats another's
  id, are folded into the duplicate (it is likely the entry meant to declare them);
- the same unknown id used in many places is one problem, listing the other places.
"""

from __future__ import annotations

import re

from .locator import Path, dotted
from .notation import did_you_mean
from .variants import KEYED, Locate, Trace

Found = tuple[Path, str, str]  # path, message, hint

UNKNOWN = re.compile(r"^unknown (\w+) '([^']+)'")
KINDS: dict[str, tuple[str, ...]] = {
    # the word of an "unknown ... 'id'" message: the tables whose ids it may name
    "name": ("variables", "flags", "events", "actions", "powers"),
    "flag": ("flags",),
    "variable": ("variables",),
    "power": ("powers",),
    "action": ("actions",),
    "event": ("events",),
    "source": ("sources",),
}
ONE = {
    "powers": "power",
    "variables": "variable",
    "flags": "flag",
    "events": "event",
    "actions": "action",
    "endings": "ending",
    "questions": "question",
    "sources": "source",
    "encyclopedia": "encyclopedia entry",
    "historical_path": "historical step",
    "calendar": "turn",
}
DUPLICATE = re.compile(r"^duplicate (?:id|key) '([^']+)'")
MAX_PLACES = 5


def blame(found: list[Found], trace: Trace | None, locate: Locate) -> list[Found]:
    if trace is not None:
        found = _removed(found, trace, locate)
        found = _mistyped(found, trace)
    found = _duplicates(found, locate)
    return _repeats(found, locate)


def _places(paths: list[Path], locate: Locate, file: str | None = None) -> str:
    """`actions[0].when (tiny.toml:78), ...`, at most `MAX_PLACES` of them."""
    where = sorted((locate(p), dotted(p)) for p in paths)
    text = ", ".join(
        f"{path} (line {line})" if f == file else f"{path} ({f}:{line})"
        for (f, line), path in where[:MAX_PLACES]
    )
    more = len(where) - MAX_PLACES
    return text + (f" and {more} more" if more > 0 else "")


def _removed(found: list[Found], trace: Trace, locate: Locate) -> list[Found]:
    """Uses of removed entries, at the `[remove]` line that removed them."""
    removed = {(table, ident): n for table, n, ident, _ in trace.removed}
    uses: dict[tuple[str, str], list[Path]] = {}
    fallback = [r for r in trace.removed if r[0] == "endings" and "when" not in r[3]]
    kept: list[Found] = []
    for path, message, hint in found:
        m = UNKNOWN.match(message)
        tables = KINDS.get(m.group(1), ()) if m else ()
        hit = [(t, m.group(2)) for t in tables if m and (t, m.group(2)) in removed]
        if hit:
            uses.setdefault(hit[0], []).append(path)
            continue
        if message.startswith("no fallback ending") and fallback:
            _, n, ident, _ = fallback[0]
            kept.append(
                (
                    ("remove", "endings", n),
                    f"ending '{ident}' is removed here, but it is the fallback ending (the one "
                    "with no 'when'), and every scenario needs one",
                    "keep it, or give another ending no 'when' so that every game ends when "
                    "the calendar does",
                )
            )
            continue
        kept.append((path, message, hint))
    variant = locate(("remove",))[0]
    for (table, ident), paths in uses.items():
        kept.append(
            (
                ("remove", table, removed[(table, ident)]),
                f"{ONE[table]} '{ident}' is removed here, but the scenario still uses it: "
                + _places(paths, locate, variant),
                "keep it, or in this variant change or remove what uses it too",
            )
        )
    return kept


def _mistyped(found: list[Found], trace: Trace) -> list[Found]:
    """Missing keys of an entry the variant adds whose id is close to a base entry's."""
    missing: dict[tuple[str, int], list[str]] = {}
    kept: list[Found] = []
    for path, message, hint in found:
        if (
            message.startswith("missing key")
            and len(path) == 3
            and (str(path[0]), path[1]) in trace.added
            and isinstance(path[1], int)
        ):
            table, index = str(path[0]), path[1]
            guess = did_you_mean(trace.added[(table, index)], trace.base_ids.get(table, []))
            if guess:
                missing.setdefault((table, index), []).append(str(path[2]))
                continue
        kept.append((path, message, hint))
    for (table, index), keys in missing.items():
        ident = trace.added[(table, index)]
        guess = did_you_mean(ident, trace.base_ids.get(table, []))
        kept.append(
            (
                (table, index, KEYED[table]),
                f"the base has no {ONE[table]} '{ident}' to change, so this is a new entry, "
                f"and a new one needs {', '.join(keys)}",
                f"{guess} To change a base entry, give its {KEYED[table]} exactly",
            )
        )
    return kept


def _duplicates(found: list[Found], locate: Locate) -> list[Found]:
    """References to undeclared ids folded into the one duplicate of their table."""
    dups: dict[str, list[int]] = {}
    for n, (path, message, _) in enumerate(found):
        if path and DUPLICATE.match(message):
            dups.setdefault(str(path[0]), []).append(n)
    folded: dict[int, dict[str, list[Path]]] = {}
    kept: list[Found | None] = list(found)
    for n, (path, message, _) in enumerate(found):
        m = UNKNOWN.match(message)
        if not m:
            continue
        tables = [t for t in KINDS.get(m.group(1), ()) if len(dups.get(t, [])) == 1]
        if len(tables) == 1:
            folded.setdefault(dups[tables[0]][0], {}).setdefault(m.group(2), []).append(path)
            kept[n] = None
    for n, refs in folded.items():
        path, message, hint = found[n]
        named = "; ".join(
            f"'{ident}' is used but declared nowhere ({_places(paths, locate, locate(path)[0])})"
            for ident, paths in refs.items()
        )
        kept[n] = (path, message, f"{hint}. {named}: is this entry meant to be that one?")
    return [f for f in kept if f is not None]


def _repeats(found: list[Found], locate: Locate) -> list[Found]:
    """The same unknown id in many places: one problem, at the first, naming the others."""
    first: dict[str, int] = {}
    others: dict[int, list[Path]] = {}
    kept: list[Found | None] = list(found)
    order = sorted(range(len(found)), key=lambda n: locate(found[n][0]))
    for n in order:
        path, message, _ = found[n]
        m = UNKNOWN.match(message)
        if not m or m.group(1) not in KINDS:
            continue
        if m.group(2) in first:
            others.setdefault(first[m.group(2)], []).append(path)
            kept[n] = None
        else:
            first[m.group(2)] = n
    for n, paths in others.items():
        path, message, hint = found[n]
        also = _places(paths, locate, locate(path)[0])
        kept[n] = (path, f"{message}; also used at {also}", hint)
    return [f for f in kept if f is not None]
