"""`{names}` inside texts (format 2): split a text into its words and its placeholders.

`{id}` stands for a declared name or a variable's value; `{date}` and `{dateline}` for the
turn's date ("7 June", "7 JUNE"); `{{` and `}}` write a brace.
"""

from __future__ import annotations

import re
from collections.abc import Callable

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def written_date(ordinal: int) -> str:
    """A date as a text shows it: '7 June' (the same whatever the machine's language)."""
    import datetime as dt

    day = dt.date.fromordinal(ordinal)
    return f"{day.day} {MONTHS[day.month - 1]}"


BUILT_IN: dict[str, Callable[[int], str]] = {
    "date": written_date,
    "dateline": lambda ordinal: written_date(ordinal).upper(),
}
"""Placeholders every text may hold: the date of the turn being played, as in a text, and
as in a dispatch's dateline. A scenario cannot declare a name with these ids."""


class Slot(str):
    """A placeholder's id, as a part of a split text."""


def split(text: str) -> list[str]:
    """The text as literal strings and `Slot`s; raises ValueError for a lone brace."""
    parts: list[str] = []
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        if m.start() > pos:
            parts.append(text[pos : m.start()])
        token = m.group(0)
        if token in ("{{", "}}"):
            parts.append(token[0])
        elif token in ("{", "}"):
            raise ValueError(
                f"a lone '{token}' at character {m.start() + 1}: write {token}{token} for a brace"
            )
        else:
            parts.append(Slot(m.group(1).strip()))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    return parts


def slots(text: str) -> list[str]:
    """The placeholder ids in a text (raises ValueError for a lone brace)."""
    return [p for p in split(text) if isinstance(p, Slot)]
