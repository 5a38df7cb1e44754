"""Tokens of the condition/effect notation: what may appear in an expression at all."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LENGTH = 2000
KEYWORDS = {"and", "or", "not", "true", "false", "set", "clear", "schedule", "in"}
PYTHON_WORDS = {"lambda", "import", "if", "else", "for", "while", "def", "class", "is", "None"}


class NotationError(Exception):
    """A mistake in a condition or effect: message, hint, and column (from 1)."""

    def __init__(self, message: str, hint: str = "", column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.column = column


@dataclass(frozen=True)
class Tok:
    kind: str  # "num", "date", "name", "op", "end"
    text: str
    col: int


TOKEN_RE = re.compile(
    r"\s*(?:(?P<date>\d{4}-\d{2}-\d{2})|(?P<decimal>\d+\.(?!\.)\d*)|(?P<num>\d+)"
    r"|(?P<name>uses\.[a-z][a-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>\.\.|\+=|-=|<=|>=|==|!=|[-+*/<>()=,]))"
)
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


def tokenize(text: str) -> list[Tok]:
    """Split notation text into tokens, rejecting anything outside the grammar."""
    if len(text) > MAX_LENGTH:
        raise NotationError("expression longer than 2,000 characters", "split it up")
    toks: list[Tok] = []
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        m = TOKEN_RE.match(text, pos)
        if not m or m.end() == pos:
            ch = text[pos]
            message, hint = FORBIDDEN.get(
                ch, (f"unexpected character {ch!r}", "use names, numbers, dates and operators")
            )
            raise NotationError(message, hint, pos + 1)
        kind = m.lastgroup or "op"
        value = m.group(kind)
        if kind == "decimal":
            raise NotationError(
                f"{value}: whole numbers only",
                "scale the variable instead, e.g. 'x * 2 >= 15' for 'x >= 7.5'",
                m.start(kind) + 1,
            )
        toks.append(Tok(kind, value, m.start(kind) + 1))
        pos = m.end()
    toks.append(Tok("end", "", len(text) + 1))
    return toks
