"""What is at the cursor: the id-like word under it, and whether it is inside a string
value (where conditions, effects and id lists are written)."""

from __future__ import annotations

import re

WORD = re.compile(r"[A-Za-z0-9_.]+")
PREFIXES = ("uses.",)
"""Written before an id in the notation (`uses.ACTION`): not part of the id."""
MAX_LINE = 10_000
"""Longer lines are not searched for the cursor's word."""


def _line(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line][:MAX_LINE] if 0 <= line < len(lines) else ""


def _strip(word: str, start: int) -> tuple[str, int]:
    for prefix in PREFIXES:
        if word.startswith(prefix):
            return word[len(prefix) :], start + len(prefix)
    return word, start


def word_at(text: str, line: int, character: int) -> tuple[str, int, int]:
    """The word under the cursor (or just before it), with its start and end columns;
    ('', character, character) if there is none."""
    row = _line(text, line)
    for m in WORD.finditer(row):
        if m.start() <= character <= m.end():
            word, start = _strip(m.group(), m.start())
            return word.strip("."), start, m.end()
    return "", character, character


def prefix_at(text: str, line: int, character: int) -> str:
    """The part of the word under the cursor that is before it (what completion filters by)."""
    row = _line(text, line)[:character]
    m = re.search(r"[A-Za-z0-9_.]*$", row)
    word = m.group() if m else ""
    return _strip(word, 0)[0].rsplit(".", 1)[-1] if "." in word else word


def in_string(text: str, line: int, character: int) -> bool:
    """Whether the cursor is inside a quoted string: inside a multi-line string begun on an
    earlier line, or on its line after an opening quote (not in a comment)."""
    before = "\n".join(text.splitlines()[:line])
    if before.count('"""') % 2 == 1 or before.count("'''") % 2 == 1:
        return True
    row = _line(text, line)[:character]
    quote, i = "", 0
    while i < len(row):
        c = row[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 2
                continue
            if c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "#":
            return False
        i += 1
    return bool(quote)
