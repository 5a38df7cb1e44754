"""Variants: a scenario that `extends` another and states only what differs.

Merging works on the parsed TOML, before validation, so the merged result is checked
exactly like any file. Every merged value remembers which file (and line) it came from,
so a mistake is reported in the file where it was made.

Rules:
- top-level keys of the variant replace the base's (`title`, `start`, `calendar`...);
- tables with ids (`powers`, `variables`, `flags`, `events`, `actions`, `endings`,
  `questions`, and `sources` by `key`, `encyclopedia` by `term`) merge entry by entry: an
  entry whose id the base has replaces the keys it gives and keeps the others; an entry with
  a new id is added at the end; one id given twice in the variant is an error;
- `historical_path` steps merge by `action`, and `calendar` turns by `date` (kept in date
  order), the same way;
- `[remove]` lists ids to take out of the base: `remove = { events = ["litvinov_dismissed"] }`;
  it is applied first, so an entry the variant gives with a removed id is a new entry, added
  at the end (the way to move a base entry, an ending say, after the variant's own).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

from .errors import Problem, ScenarioError
from .locator import Path, dotted
from .notation import did_you_mean

Where = tuple[str, int]
Locate = Callable[[Path], Where]

KEYED = {
    "powers": "id",
    "variables": "id",
    "flags": "id",
    "events": "id",
    "actions": "id",
    "endings": "id",
    "questions": "id",
    "sources": "key",
    "encyclopedia": "term",
    "historical_path": "action",
    "calendar": "date",
}
Origins = dict[tuple[str, int], list[tuple[Locate, int, set[str]]]]
"""origins[(table, merged index)] = [(locate, source index, keys given there)], newest first"""


@dataclass
class Trace:
    """What a merge did, for errors that name the variant's intent: the entries `[remove]`
    took out, the entries the variant added (by merged index), the base's ids by table."""

    removed: list[tuple[str, int, str, dict[str, Any]]] = field(default_factory=list)
    """(table, index in the remove list, id, the entry removed)"""
    added: dict[tuple[str, int], str] = field(default_factory=dict)
    base_ids: dict[str, list[str]] = field(default_factory=dict)


MAX_DEPTH = 4
ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
"""A scenario id, as the models have it: at most 64 characters."""


def check_chain(extends: object, chain: tuple[str, ...], where: Where) -> None:
    """Refuse a variant that extends itself, a circle of variants, or too long a chain
    (`chain`: the ids of the variants read so far, this one last)."""

    def refuse(message: str, hint: str) -> ScenarioError:
        return ScenarioError([Problem(*where, "extends", message, hint)])

    if extends == chain[-1]:
        raise refuse("a scenario cannot extend itself", "name the scenario this one changes")
    if extends in chain:
        loop = " → ".join((*chain, str(extends)))
        raise refuse(
            f"variants extend each other in a circle: {loop}",
            "one of them must extend a full scenario",
        )
    if len(chain) - 1 >= MAX_DEPTH:
        raise refuse("variants extend each other too deeply", f"at most {MAX_DEPTH} levels")


def base_path(
    extends: object, variant: str, bundled: dict[str, FilePath], where: Where
) -> FilePath:
    """The file a variant extends: `ID.toml` beside the variant, else a bundled scenario.
    Never an arbitrary path: the base must be a regular file in the variant's folder or
    among the bundled scenarios, even when reached through a link."""
    file, line = where

    def fail(message: str, hint: str) -> ScenarioError:
        return ScenarioError([Problem(file, line, "extends", message, hint)])

    if not isinstance(extends, str) or not ID_RE.match(extends):
        raise fail(
            "extends must be a scenario id",
            "write the id of a bundled scenario or of a file beside this one (lower-case "
            'letters, digits and _, at most 64), e.g. extends = "moscow_1939"; paths are '
            "not allowed",
        )
    folder = FilePath(variant).parent
    beside = folder / f"{extends}.toml"
    allowed = [folder] + sorted({p.parent for p in bundled.values()})
    if FilePath(variant).name != beside.name and _exists(beside):
        return _checked(beside, allowed, fail)
    if extends in bundled:
        return _checked(bundled[extends], allowed, fail)
    known = ", ".join(sorted(bundled)) or "none"
    raise fail(
        f"no scenario '{extends}' to extend",
        f"bundled scenarios: {known}; or put {extends}.toml beside this file",
    )


def _exists(path: FilePath) -> bool:
    try:
        os.lstat(path)
    except OSError:
        return False
    return True


def _checked(
    path: FilePath, allowed: list[FilePath], fail: Callable[[str, str], ScenarioError]
) -> FilePath:
    """`path` if it is, or links to, a regular file inside one of the `allowed` folders."""
    try:
        real = path.resolve(strict=True)
        mode = os.stat(real).st_mode
        folders = [a.resolve() for a in allowed]
    except (OSError, RuntimeError) as err:  # a broken link, or links in a loop
        why = getattr(err, "strerror", None) or "it links in a loop"
        raise fail(f"the base {path} cannot be read: {why}", "put the scenario file back")
    if not stat.S_ISREG(mode):
        raise fail(
            f"the base {path} is not a regular file",
            "a base is a .toml file beside the variant, or a bundled scenario",
        )
    if real.parent not in folders:
        raise fail(
            f"the base {path} links to {real}, outside the variant's folder",
            "copy the base scenario beside the variant instead of linking to it",
        )
    return path


def merge(
    base: dict[str, Any],
    base_at: Locate,
    variant: dict[str, Any],
    variant_at: Locate,
) -> tuple[dict[str, Any], Locate, Trace]:
    """The merged document, a locator that finds each value in its own file, and what the
    merge did."""
    problems: list[Problem] = []

    def fail(path: Path, message: str, hint: str = "") -> None:
        file, line = variant_at(path)
        problems.append(Problem(file, line, dotted(path), message, hint))

    merged = {k: v for k, v in base.items()}
    origins: Origins = {}
    trace = Trace()
    for table in KEYED:
        entries = base.get(table)
        if isinstance(entries, list):
            merged[table] = list(entries)
            trace.base_ids[table] = [
                str(e.get(KEYED[table])) for e in entries if isinstance(e, dict)
            ]
            for i, entry in enumerate(entries):
                keys = set(entry) if isinstance(entry, dict) else set()
                origins[(table, i)] = [(base_at, i, keys)]
    top_from_variant: set[str] = set()

    # [remove] first, from the base: an entry the variant then gives with a removed id is new
    trace.removed = _remove(variant.get("remove"), merged, origins, fail)
    for key, value in variant.items():
        if key in ("extends", "remove"):
            continue
        if key in KEYED and isinstance(value, list) and isinstance(merged.get(key, []), list):
            _merge_table(key, value, merged, origins, variant_at, fail)
        else:
            merged[key] = value
            top_from_variant.add(key)
    _sort_calendar(merged, origins)
    merged.pop("extends", None)
    merged["extends"] = variant.get("extends", "")
    if problems:
        raise ScenarioError(problems)
    for (table, index), sources in origins.items():
        entries = merged.get(table)  # not a list if the variant replaced it with something else
        entry = entries[index] if isinstance(entries, list) and index < len(entries) else None
        if len(sources) == 1 and sources[0][0] is variant_at and isinstance(entry, dict):
            trace.added[(table, index)] = str(entry.get(KEYED[table]))

    def locate(path: Path) -> Where:
        if not path:
            return variant_at(path)
        top = path[0]
        if len(path) >= 2 and isinstance(path[1], int) and (str(top), path[1]) in origins:
            sources = origins[(str(top), path[1])]
            for at, index, keys in sources:
                if len(path) == 2 or path[2] in keys:
                    return at((top, index, *path[2:]))
            at, index, _ = sources[-1]
            return at((top, index, *path[2:]))
        if top in top_from_variant or top in ("extends", "remove") or top not in base:
            return variant_at(path)
        return base_at(path)

    return merged, locate, trace


def _merge_table(
    table: str,
    entries: list[Any],
    merged: dict[str, Any],
    origins: Origins,
    variant_at: Locate,
    fail: Callable[[Path, str, str], None],
) -> None:
    key = KEYED[table]
    current: list[Any] = merged.setdefault(table, [])
    for j, entry in enumerate(entries):
        if not isinstance(entry, dict) or entry.get(key) is None:
            fail(
                (table, j),
                f"each entry of {table} in a variant needs its {key}",
                f"give {key} = ... to change, or a new {key} to add",
            )
            continue
        index = next(
            (i for i, e in enumerate(current) if isinstance(e, dict) and e.get(key) == entry[key]),
            None,
        )
        if index is not None and origins[(table, index)][0][0] is variant_at:
            earlier = origins[(table, index)][0][1]
            fail(
                (table, j, key),
                f"duplicate {key} '{entry[key]}'",
                f"already used at {table}[{earlier}] in this file; give each entry its own {key}",
            )
            continue
        if index is None:
            current.append(dict(entry))
            origins[(table, len(current) - 1)] = [(variant_at, j, set(entry))]
        else:
            current[index] = {**current[index], **entry}
            origins[(table, index)].insert(0, (variant_at, j, set(entry)))


def _sort_calendar(merged: dict[str, Any], origins: Origins) -> None:
    """Turns added by a variant take their place by date."""
    turns = merged.get("calendar")
    if not isinstance(turns, list) or not all(isinstance(t, dict) for t in turns):
        return
    try:
        order = sorted(range(len(turns)), key=lambda i: turns[i].get("date"))
    except TypeError:  # dates of mixed types: validation will say so
        return
    moved = {new: origins.get(("calendar", old), []) for new, old in enumerate(order)}
    merged["calendar"] = [turns[i] for i in order]
    for new, src in moved.items():
        origins[("calendar", new)] = src


def _remove(
    remove: Any,
    merged: dict[str, Any],
    origins: Origins,
    fail: Callable[[Path, str, str], None],
) -> list[tuple[str, int, str, dict[str, Any]]]:
    """Take out the entries `[remove]` names; the ones taken out, with where it names them."""
    removed: list[tuple[str, int, str, dict[str, Any]]] = []
    if remove is None:
        return removed
    if not isinstance(remove, dict):
        fail(
            ("remove",),
            "remove must be a table of lists of ids",
            'e.g. remove = { events = ["litvinov_dismissed"] }',
        )
        return removed
    for table, ids in remove.items():
        if table not in KEYED:
            fail(
                ("remove", table),
                f"cannot remove from '{table}'",
                f"remove from: {', '.join(KEYED)}",
            )
            continue
        if not isinstance(ids, list):
            fail(("remove", table), "write a list of ids", f'{table} = ["..."]')
            continue
        key = KEYED[table]
        entries = merged.get(table, [])
        for n, ident in enumerate(ids):
            gone = [e for e in entries if isinstance(e, dict) and str(e.get(key)) == str(ident)]
            removed.extend((table, n, str(ident), e) for e in gone)
            if not gone:
                known = [str(e.get(key)) for e in entries if isinstance(e, dict)]
                fail(
                    ("remove", table, n),
                    f"the base has no {table} entry '{ident}'",
                    did_you_mean(str(ident), known)
                    or "check the id in the scenario this one extends",
                )
        keep = [
            i
            for i, e in enumerate(entries)
            if not (isinstance(e, dict) and str(e.get(key)) in {str(x) for x in ids})
        ]
        merged[table] = [entries[i] for i in keep]
        moved = {new: origins.get((table, old), []) for new, old in enumerate(keep)}
        for old in range(len(entries)):
            origins.pop((table, old), None)
        for new, src in moved.items():
            origins[(table, new)] = src
    return removed
