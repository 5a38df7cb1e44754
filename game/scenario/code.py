"""A scenario's notation compiled: the closures the engine calls, keyed by the text they
were compiled from (the checks fill it in; `Scenario.code` hands it to the engine)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .closures import Fn
from .effects import Effect, Recipe
from .parser import Node


@dataclass
class Code:
    """Compiled notation of a scenario, keyed by the expression's text."""

    conditions: dict[str, Fn] = field(default_factory=dict)
    numbers: dict[str, Fn] = field(default_factory=dict)
    effects: dict[str, Effect] = field(default_factory=dict)
    recipes: dict[str, Recipe] = field(default_factory=dict)
    """Every effect checked but not compiled, by its text (kept in a signed cache entry,
    so that a later run neither tokenizes nor checks the effects)."""
    trees: dict[str, Node] = field(default_factory=dict)
    """Every expression's tree, by its text, as the checks parsed them (kept in a signed
    cache entry, so that a later run compiles without parsing)."""
