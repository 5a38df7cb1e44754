"""Plain mode's encyclopedia: the scenario's people, places, treaties, terms and the
historians' readings, listed by kind, or read entry by entry with their sources."""

from __future__ import annotations

from ..scenario import Scenario
from ..scenario.sources import cite
from .words import Lines

KINDS = {
    "person": "People",
    "place": "Places",
    "treaty": "Treaties",
    "organisation": "Organisations",
    "term": "Terms and readings",
}
SHOWN = 4
"""Entries read out in full at once; more matches are listed by name instead."""


def listing(sc: Scenario) -> Lines:
    """Every entry's name, grouped by kind, and how to read one."""
    if not sc.encyclopedia:
        return [("This scenario has no encyclopedia.", "")]
    out: Lines = [(f"-- Encyclopedia: {len(sc.encyclopedia)} entries --", "")]
    present = {e.kind for e in sc.encyclopedia}
    kinds = [k for k in KINDS if k in present] + sorted(present - set(KINDS))
    for kind in kinds:
        terms = sorted((e.term for e in sc.encyclopedia if e.kind == kind), key=str.lower)
        out.append((f"{KINDS.get(kind, kind.capitalize())}: " + "; ".join(terms) + ".", "  "))
    out.append(
        (
            "Type 'encyclopedia' and a word to read the entries it names, e.g. "
            f"'encyclopedia {_example(sc)}'.",
            "",
        )
    )
    return out


def _example(sc: Scenario) -> str:
    word = max(sc.encyclopedia[0].term.replace(",", " ").split(), key=len)
    return word.lower()


def read(sc: Scenario, query: str) -> Lines:
    """The entries whose name holds every word of `query` (else whose text does), in full."""
    if not query.strip():
        return listing(sc)
    words = query.lower().split()
    found = [e for e in sc.encyclopedia if all(w in e.term.lower() for w in words)]
    where = "name"
    if not found:
        found = [e for e in sc.encyclopedia if all(w in e.text.lower() for w in words)]
        where = "text"
    if not found:
        return [
            (
                f"No entry of the encyclopedia mentions '{query.strip()}'. Type "
                "'encyclopedia' for the list of entries.",
                "",
            )
        ]
    if len(found) > SHOWN:
        names = "; ".join(e.term for e in found)
        return [
            (
                f"{len(found)} entries have '{query.strip()}' in their {where}: {names}. "
                "Add a word to choose one.",
                "",
            )
        ]
    out: Lines = []
    for entry in found:
        out.append(("", ""))
        out.append((f"-- {entry.term} ({entry.kind}) --", ""))
        out.append((entry.text, "  "))
        if entry.sources:
            out.append(("Sources: " + "; ".join(cite(sc, entry.sources)), "  "))
    return out
