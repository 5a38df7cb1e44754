"""Small statistics of the analyser: means, spreads, and how much of a score's variance
the strategy, the seed and the two together explain."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def spread(values: Sequence[float]) -> float:
    return statistics.pstdev(values) if len(values) > 1 else 0.0


def variance_shares(table: Sequence[Sequence[float]]) -> dict[str, float]:
    """Two-way decomposition of a strategies x seeds table of scores (one game a cell):
    the shares of the total sum of squares that the strategy (rows), the seed (columns)
    and what remains (their interaction) explain. All 0 if every score is the same."""
    rows = [list(r) for r in table if r]
    if not rows:
        return {"strategy": 0.0, "seed": 0.0, "interaction": 0.0}
    k, n = len(rows), len(rows[0])
    grand = mean([x for r in rows for x in r])
    total = sum((x - grand) ** 2 for r in rows for x in r)
    if total == 0:
        return {"strategy": 0.0, "seed": 0.0, "interaction": 0.0}
    by_row = n * sum((mean(r) - grand) ** 2 for r in rows)
    by_col = k * sum((mean([r[j] for r in rows]) - grand) ** 2 for j in range(n))
    rest = max(0.0, total - by_row - by_col)
    return {
        "strategy": round(by_row / total, 4),
        "seed": round(by_col / total, 4),
        "interaction": round(rest / total, 4),
    }
