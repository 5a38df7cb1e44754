"""Tokens of the condition/effect notation: what may appear in an expression at all."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

MAX_LENGTH = 2000
"""The longest expression, in characters: notation is short, and a long one is refused
before it is parsed (see `parser` for the limits on its shape)."""
QUOTED = 60
"""How much of an expression a message quotes."""
KEYWORDS = {"and", "or", "not", "true", "false", "set", "clear", "schedule", "in"}
PYTHON_WORDS = {"lambda", "import", "if", "else", "for", "while", "def", "class", "is", "None"}


class NotationError(Exception):
    """A mistake in a condition or effect: message, hint, and column (from 1)."""

    def __init__(self, message: str, hint: str = "", column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.column = column


class Tok(NamedTuple):
    kind: str  # "num", "date", "name", "op", "end"
    text: str
    col: int


TOKEN_RE = re.compile(
    r"\s*(?:(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})|(?P<decimal>[0-9]+\.(?!\.)[0-9]*)|(?P<num>[0-9]+)"
    r"|(?P<name>uses\.[a-z][a-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>\.\.|\+=|-=|<=|>=|==|!=|[-+*/<>()=,]))"
)
KINDS = ("", "date", "decimal", "num", "name", "op")
"""Each group of `TOKEN_RE`, by its number: the kind of token it matches."""
DECIMAL = KINDS.index("decimal")
_new = tuple.__new__
FORBIDDEN = {
    ".": (
        "attribute access is not allowed",
        "write a variable or flag name on its own (uses.ACTION is the one dotted name)",
    ),
    "[": ("subscripts are not allowed", "write a variable or flag name on its own"),
    "]": ("subscripts are not allowed", "write a variable or flag name on its own"),
    '"': ("text in quotes is not allowed here", "conditions use names, numbers and dates"),
    "'": ("text in quotes is not allowed here", "conditions use names, numbers and dates"),
    ":": ("':' is not part of the notation", "lambdas and slices are not allowed"),
    "%": ("'%' is not an operator here", "use + - * /"),
    "&": ("'&' is not an operator here", "use 'and'"),
    "|": ("'|' is not an operator here", "use 'or'"),
    "!": ("'!' is not an operator here", "use 'not', or != to compare"),
}


def quote(text: str) -> str:
    """`text` in quotes for a message, cut short if it is long."""
    if len(text) <= QUOTED:
        return repr(text)
    return f"{text[:QUOTED]!r}... ({len(text):,} characters)"


MAX_MESSAGE = 400
"""The longest message about a scenario: longer ones are cut, their quotations first."""
QUOTED_RE = re.compile(r"'[^'\n]{80,}'|\"[^\"\n]{80,}\"")


def short(text: str) -> str:
    """`text` with long quotations cut, so that a message never echoes a huge expression or
    key in full."""
    text = QUOTED_RE.sub(lambda m: quote(m.group()[1:-1]), text)
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 3] + "..."


def _unexpected(ch: str) -> tuple[str, str]:
    """The message and hint for a character outside the grammar."""
    if ch in FORBIDDEN:
        return FORBIDDEN[ch]
    if ch.isdigit() or unicodedata.category(ch) == "Nd":
        return (
            f"{ch!r} is not an ASCII digit",
            "write numbers with the digits 0-9 (a full-width or other script's digit looks "
            "alike but is another character)",
        )
    if not ch.isascii():
        return (
            f"unexpected character {ch!r} (U+{ord(ch):04X})",
            "the notation is plain ASCII: names, the digits 0-9 and operators",
        )
    return f"unexpected character {ch!r}", "use names, numbers, dates and operators"


def tokenize(text: str) -> list[Tok]:
    """Split notation text into tokens, rejecting anything outside the grammar."""
    if len(text) > MAX_LENGTH:
        raise NotationError(
            f"expression is {len(text):,} characters long; the limit is {MAX_LENGTH:,}",
            "split it up: an effect can set a flag that a shorter condition tests",
            MAX_LENGTH + 1,
        )
    toks: list[Tok] = []
    append, pos = toks.append, 0
    for m in TOKEN_RE.finditer(text):
        if m.start() != pos:
            break  # something outside the grammar at `pos` (after spaces)
        index = m.lastindex or 0
        start, pos = m.start(index), m.end()
        if index == DECIMAL:
            raise NotationError(
                f"{text[start:pos]}: whole numbers only",
                "scale the variable instead, e.g. 'x * 2 >= 15' for 'x >= 7.5'",
                start + 1,
            )
        append(_new(Tok, (KINDS[index], text[start:pos], start + 1)))
    length = len(text)
    while pos < length and text[pos].isspace():
        pos += 1
    if pos < length:
        message, hint = _unexpected(text[pos])
        raise NotationError(message, hint, pos + 1)
    toks.append(Tok("end", "", len(text) + 1))
    return toks
