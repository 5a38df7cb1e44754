"""Sources as readers see them: the keys a note cites, spelled out."""

from __future__ import annotations

from collections.abc import Sequence

from .models import Scenario


def cite(scenario: Scenario, refs: Sequence[str]) -> list[str]:
    """Source references spelled out: 'WAT: p. 118' becomes the full title and the page."""
    titles = {s.key: s.title for s in scenario.sources}
    out = []
    for ref in refs:
        key, _, where = ref.partition(":")
        title = titles.get(key.strip(), key.strip())
        out.append(f"{title}, {where.strip()}" if where.strip() else title)
    return out
