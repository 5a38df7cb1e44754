"""Lint of `reveal` and `mislead` (format 2): each changes the estimate of a power that does
not see the variable, so one aimed at a power that sees it does nothing."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .locator import Path
from .models import Scenario

ESTIMATE_RE = re.compile(r"\b(reveal|mislead)\s+([a-z][a-z0-9_]*)\s+to\s+([a-z][a-z0-9_]*)")
"""A reveal or mislead inside an effect (which has parsed already), maybe after `then`."""


def effects(sc: Scenario) -> Iterator[tuple[Path, str]]:
    """Every effect with its path."""
    for i, ev in enumerate(sc.events):
        yield from ((("events", i, "effects", k), e) for k, e in enumerate(ev.effects))
        for j, opt in enumerate(ev.choices):
            at: Path = ("events", i, "choices", j, "effects")
            yield from (((*at, k), e) for k, e in enumerate(opt.effects))
    for i, act in enumerate(sc.actions):
        yield from ((("actions", i, "effects", k), e) for k, e in enumerate(act.effects))
        for r, reply in enumerate(act.replies):
            for j, opt in enumerate(reply.options):
                at = ("actions", i, "replies", r, "options", j, "effects")
                yield from (((*at, k), e) for k, e in enumerate(opt.effects))


def seeing_estimates(sc: Scenario, warn: Callable[..., None]) -> None:
    """Warn of each reveal or mislead aimed at a power that sees the variable already."""
    seen_by = {v.id: v.seen_by for v in sc.variables}
    for path, text in effects(sc):
        for verb, var, power in ESTIMATE_RE.findall(text):
            sees = seen_by.get(var, [])
            if "all" in sees or power in sees:
                warn(
                    path,
                    f"'{verb} {var} to {power}' does nothing: '{power}' sees '{var}' already",
                    f"aim it at a power not in the variable's seen_by, or take '{power}' "
                    "out of seen_by",
                )
