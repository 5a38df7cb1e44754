"""The notation's parser: text into a tree of `Node`s, checked for shape but not for names."""

from __future__ import annotations

from contextvars import ContextVar
from datetime import date
from typing import NamedTuple

from .tokens import KEYWORDS, PYTHON_WORDS, NotationError, Tok, tokenize

COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")
MAX_NESTING = 32
"""The deepest nesting of '(', 'not', '-' and min/max in one expression."""
MAX_NODES = 128
"""The most names, numbers and operators in one expression: what one evaluation costs
is bounded, whatever the file (the bundled scenarios use at most about 25)."""
BUILTINS = ("min", "max")
"""The only words followed by '(': a fixed list, not calls of anything."""


class Node(NamedTuple):
    """A parsed expression: `op` is "num", "date", "name", "bool", "neg", "not",
    "and", "or", "min", "max", an arithmetic or a comparison operator. (A tuple, so that
    a signed cache entry's trees are made again with few calls.)"""

    op: str
    args: tuple[Node, ...] = ()
    value: int | str = 0
    col: int = 0


def _stray(t: Tok) -> NotationError:
    if t.text == ",":
        return NotationError(
            "',' is only allowed in min(a, b) and max(a, b)",
            "calls and tuples are not allowed",
            t.col,
        )
    if t.text == "..":
        return NotationError(
            "'..' (a drawn amount) belongs in effects", "e.g. 'trust -= 3..8'", t.col
        )
    return NotationError(f"unexpected {t.text!r}", "check the operators around it", t.col)


class Parser:
    def __init__(self, text: str) -> None:
        self.toks = tokenize(text)
        self.i = 0
        self.depth = 0
        self.nodes = 0

    def node(
        self, op: str, args: tuple[Node, ...] = (), value: int | str = 0, col: int = 0
    ) -> Node:
        """A new node, counted against `MAX_NODES`."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise NotationError(
                f"expression too long: more than {MAX_NODES} names, numbers and operators",
                "split it up: an effect can set a flag that a shorter condition tests",
                col,
            )
        return Node(op, args, value, col)

    def enter(self, col: int) -> None:
        """One level deeper (leave with `self.depth -= 1`), within `MAX_NESTING`."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise NotationError(
                f"expression nested too deeply: more than {MAX_NESTING} levels of '(', "
                "'not' or '-'",
                "write it flatter, or split it up",
                col,
            )

    @property
    def tok(self) -> Tok:
        return self.toks[self.i]

    def take(self) -> Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def accept(self, text: str) -> bool:
        if self.tok.text == text and self.tok.kind in ("op", "name"):
            self.i += 1
            return True
        return False

    def expect_end(self) -> None:
        if self.tok.kind != "end":
            t = self.tok
            if t.text == "=":
                raise NotationError("'=' in a condition", "use == to compare", t.col)
            if t.text in ("+=", "-="):
                raise NotationError(f"'{t.text}' belongs in effects", "use == to compare", t.col)
            raise _stray(t)

    def expr(self) -> Node:
        node = self.and_expr()
        while self.tok.text == "or" and self.tok.kind == "name":
            col = self.take().col
            node = self.node("or", (node, self.and_expr()), col=col)
        return node

    def and_expr(self) -> Node:
        node = self.not_expr()
        while self.tok.text == "and" and self.tok.kind == "name":
            col = self.take().col
            node = self.node("and", (node, self.not_expr()), col=col)
        return node

    def not_expr(self) -> Node:
        if self.tok.text == "not" and self.tok.kind == "name":
            col = self.take().col
            self.enter(col)
            inner = self.not_expr()
            self.depth -= 1
            return self.node("not", (inner,), col=col)
        return self.compare()

    def compare(self) -> Node:
        node = self.sum()
        if self.tok.text in COMPARISONS:
            tok = self.take()
            node = self.node(tok.text, (node, self.sum()), col=tok.col)
            if self.tok.text in COMPARISONS:
                raise NotationError(
                    "chained comparisons are not allowed",
                    "join two comparisons with 'and'",
                    self.tok.col,
                )
        return node

    def sum(self) -> Node:
        node = self.product()
        while self.tok.text in ("+", "-") and self.tok.kind == "op":
            tok = self.take()
            node = self.node(tok.text, (node, self.product()), col=tok.col)
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.tok.text in ("*", "/") and self.tok.kind == "op":
            tok = self.take()
            node = self.node(tok.text, (node, self.unary()), col=tok.col)
        return node

    def unary(self) -> Node:
        if self.tok.text == "-" and self.tok.kind == "op":
            col = self.take().col
            self.enter(col)
            inner = self.unary()
            self.depth -= 1
            return self.node("neg", (inner,), col=col)
        return self.atom()

    def builtin(self, tok: Tok) -> Node:
        """min(a, b) or max(a, b): two numbers, nothing else."""
        self.enter(self.take().col)  # "("
        first = self.expr()
        if not self.accept(","):
            raise NotationError(
                f"{tok.text}(...) takes two numbers", f"e.g. {tok.text}(trust, 50)", self.tok.col
            )
        second = self.expr()
        if not self.accept(")"):
            raise NotationError(
                f"{tok.text}(...) takes exactly two numbers",
                f"e.g. {tok.text}(trust, 50)",
                self.tok.col,
            )
        self.depth -= 1
        return self.node(tok.text, (first, second), col=tok.col)

    def atom(self) -> Node:
        tok = self.take()
        if tok.kind == "num":
            if len(tok.text) > 9:
                raise NotationError("number too large", "use at most 9 digits", tok.col)
            return self.node("num", value=int(tok.text), col=tok.col)
        if tok.kind == "date":
            try:
                day = date.fromisoformat(tok.text)
            except ValueError:
                raise NotationError(f"{tok.text} is not a date", "write YYYY-MM-DD", tok.col)
            return self.node("date", value=day.toordinal(), col=tok.col)
        if tok.kind == "name":
            return self.name(tok)
        if tok.text == "(":
            self.enter(tok.col)
            node = self.expr()
            if not self.accept(")"):
                raise NotationError("missing ')'", "close every '('", self.tok.col)
            self.depth -= 1
            return node
        if tok.kind == "end":
            raise NotationError(
                "expression ends too soon", "something is missing at the end", tok.col
            )
        if tok.text in (",", ".."):
            raise _stray(tok)
        raise NotationError(f"unexpected {tok.text!r}", "a name, number or '(' goes here", tok.col)

    def name(self, tok: Tok) -> Node:
        name = tok.text
        if "__" in name:
            raise NotationError(
                f"{name!r}: double-underscore names are not allowed",
                "use the scenario's variable and flag ids",
                tok.col,
            )
        if name in PYTHON_WORDS:
            raise NotationError(
                f"{name!r} is not part of the notation",
                "only and, or, not, true and false are keywords"
                + (" ('if ... then ...' begins an effect)" if name == "if" else ""),
                tok.col,
            )
        if name in ("true", "false"):
            return self.node("bool", value=int(name == "true"), col=tok.col)
        if name in KEYWORDS:
            raise NotationError(
                f"unexpected keyword {name!r}", "a name or number goes here", tok.col
            )
        if self.tok.text == "(":
            if name in BUILTINS:
                return self.builtin(tok)
            raise NotationError(
                f"calls are not allowed: {name}(...)",
                "conditions compare names, numbers and dates; min(a, b) and max(a, b) "
                "are the only words followed by '('",
                tok.col,
            )
        return self.node("name", value=name, col=tok.col)


KNOWN: ContextVar[dict[str, Node] | None] = ContextVar("known_trees", default=None)
"""Trees already parsed, by their text: while set (the checks set it; `precompiled` sets it
to the trees of a signed cache entry), `parse_tree` looks there first and keeps what it
parses. A tree depends on its text only, so this changes nothing but the time."""


def parse_tree(text: str) -> Node:
    """The tree of a whole expression (raises `NotationError`)."""
    known = KNOWN.get()
    if known is not None:
        found = known.get(text)
        if found is not None:
            return found
    parser = Parser(text)
    if parser.tok.kind == "end":
        raise NotationError("empty expression", "write a condition, or leave the key out")
    node = parser.expr()
    parser.expect_end()
    if known is not None:
        known[text] = node
    return node
