"""Lint: a division by a written 0. The notation gives 0 for it rather than stopping the
game, so `trust / 0` is legal but is never what its author meant."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .lint_v2 import Warn
from .locator import Path
from .models import Scenario

EXPRESSIONS = frozenset({"when", "weight", "chance", "moves_per_turn", "effects", "scores"})
"""The keys whose texts are conditions, numbers or effects."""
BY_ZERO = re.compile(r"/\s*\(*\s*0(?![\d.])")


def _texts(node: Any, path: Path, inside: bool = False) -> Iterator[tuple[Path, str]]:
    """(path, text) of every string under a key of EXPRESSIONS."""
    if isinstance(node, str):
        if inside:
            yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name), (*path, name), inside or name in EXPRESSIONS)
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            yield from _texts(item, (*path, i), inside)
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _texts(item, (*path, key), inside)


def divisions_by_zero(sc: Scenario, warn: Warn) -> None:
    """Warn of each expression or effect that divides by a written 0."""
    for path, text in _texts(sc, ()):
        if BY_ZERO.search(text):
            warn(
                path,
                f"'{text}' divides by 0, which always gives 0",
                "divide by the number you meant, or leave the division out",
            )
