"""The condition and effect notation of scenario files.

A small language, parsed here once when a scenario is loaded and compiled into plain
Python closures over the game's environment (a dict of names to values). The file's
text is never handed to `eval` or `exec`; anything outside the grammar is an error:

    condition := or_expr
    or_expr   := and_expr ("or" and_expr)*
    and_expr  := not_expr ("and" not_expr)*
    not_expr  := "not" not_expr | compare
    compare   := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
    sum       := product (("+" | "-") product)*
    product   := unary (("*" | "/") unary)*
    unary     := "-" unary | atom
    atom      := NUMBER | DATE | NAME | "true" | "false" | "(" condition ")"

    effect    := "set" FLAG | "clear" FLAG | VARIABLE ("+=" | "-=" | "=") sum
               | "schedule" EVENT "in" NUMBER

Names are the scenario's variables (numbers) and flags (true/false), `turn` (the turn
number, from 1) and `date` (the turn's date, compared with dates written 1939-08-23).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .closures import Env as Env  # re-exported: the engine's types for compiled notation
from .closures import Fn as Fn
from .closures import always, compile_node

INT, BOOL, DATE = "number", "true/false", "date"
RESERVED = {"turn": INT, "date": DATE}
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
    r"\s*(?:(?P<date>\d{4}-\d{2}-\d{2})|(?P<decimal>\d+\.\d*)|(?P<num>\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>\+=|-=|<=|>=|==|!=|[-+*/<>()=]))"
)
FORBIDDEN = {
    ".": ("attribute access is not allowed", "write a variable or flag name on its own"),
    "[": ("subscripts are not allowed", "write a variable or flag name on its own"),
    "]": ("subscripts are not allowed", "write a variable or flag name on its own"),
    '"': ("text in quotes is not allowed here", "conditions use names, numbers and dates"),
    "'": ("text in quotes is not allowed here", "conditions use names, numbers and dates"),
    ":": ("':' is not part of the notation", "lambdas and slices are not allowed"),
    "%": ("'%' is not an operator here", "use + - * /"),
    "&": ("'&' is not an operator here", "use 'and'"),
    "|": ("'|' is not an operator here", "use 'or'"),
    "!": ("'!' is not an operator here", "use 'not', or != to compare"),
    ",": ("',' is not part of the notation", "calls and tuples are not allowed"),
}


def tokenize(text: str) -> list[Tok]:
    """Split notation text into tokens, rejecting anything outside the grammar."""
    if len(text) > 2000:
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


@dataclass(frozen=True)
class Node:
    """A parsed expression: `op` is "num", "date", "name", "bool", "neg", "not",
    "and", "or", an arithmetic or a comparison operator."""

    op: str
    args: tuple[Node, ...] = ()
    value: int | str = 0
    col: int = 0


class Parser:
    def __init__(self, text: str) -> None:
        self.toks = tokenize(text)
        self.i = 0

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
            raise NotationError(f"unexpected {t.text!r}", "check the operators around it", t.col)

    def expr(self) -> Node:
        node = self.and_expr()
        while self.tok.text == "or" and self.tok.kind == "name":
            col = self.take().col
            node = Node("or", (node, self.and_expr()), col=col)
        return node

    def and_expr(self) -> Node:
        node = self.not_expr()
        while self.tok.text == "and" and self.tok.kind == "name":
            col = self.take().col
            node = Node("and", (node, self.not_expr()), col=col)
        return node

    def not_expr(self) -> Node:
        if self.tok.text == "not" and self.tok.kind == "name":
            col = self.take().col
            return Node("not", (self.not_expr(),), col=col)
        return self.compare()

    def compare(self) -> Node:
        node = self.sum()
        if self.tok.text in ("<", "<=", ">", ">=", "==", "!="):
            tok = self.take()
            node = Node(tok.text, (node, self.sum()), col=tok.col)
            if self.tok.text in ("<", "<=", ">", ">=", "==", "!="):
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
            node = Node(tok.text, (node, self.product()), col=tok.col)
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.tok.text in ("*", "/") and self.tok.kind == "op":
            tok = self.take()
            node = Node(tok.text, (node, self.unary()), col=tok.col)
        return node

    def unary(self) -> Node:
        if self.tok.text == "-" and self.tok.kind == "op":
            col = self.take().col
            return Node("neg", (self.unary(),), col=col)
        return self.atom()

    def atom(self) -> Node:
        tok = self.take()
        if tok.kind == "num":
            if len(tok.text) > 9:
                raise NotationError("number too large", "use at most 9 digits", tok.col)
            return Node("num", value=int(tok.text), col=tok.col)
        if tok.kind == "date":
            try:
                day = date.fromisoformat(tok.text)
            except ValueError:
                raise NotationError(f"{tok.text} is not a date", "write YYYY-MM-DD", tok.col)
            return Node("date", value=day.toordinal(), col=tok.col)
        if tok.kind == "name":
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
                    "only and, or, not, true and false are keywords",
                    tok.col,
                )
            if name in ("true", "false"):
                return Node("bool", value=int(name == "true"), col=tok.col)
            if name in KEYWORDS:
                raise NotationError(
                    f"unexpected keyword {name!r}", "a name or number goes here", tok.col
                )
            if self.tok.text == "(":
                raise NotationError(
                    f"calls are not allowed: {name}(...)",
                    "conditions compare names, numbers and dates",
                    tok.col,
                )
            return Node("name", value=name, col=tok.col)
        if tok.text == "(":
            node = self.expr()
            if not self.accept(")"):
                raise NotationError("missing ')'", "close every '('", self.tok.col)
            return node
        if tok.kind == "end":
            raise NotationError(
                "expression ends too soon", "something is missing at the end", tok.col
            )
        raise NotationError(f"unexpected {tok.text!r}", "a name, number or '(' goes here", tok.col)


# ---- type checking against the scenario's names -------------------------------------


@dataclass(frozen=True)
class Names:
    """The names a scenario declares, for checking expressions."""

    variables: frozenset[str]
    flags: frozenset[str]
    events: frozenset[str] = frozenset()

    def kind(self, name: str) -> str | None:
        if name in RESERVED:
            return RESERVED[name]
        if name in self.variables:
            return INT
        if name in self.flags:
            return BOOL
        return None

    def all(self) -> list[str]:
        return sorted(self.variables | self.flags | set(RESERVED))


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """A hint naming the closest of `choices`, or an empty string."""
    import difflib

    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def type_of(node: Node, names: Names) -> str:
    op = node.op
    if op == "num":
        return INT
    if op == "date":
        return DATE
    if op == "bool":
        return BOOL
    if op == "name":
        name = str(node.value)
        kind = names.kind(name)
        if kind is None:
            hint = did_you_mean(name, names.all()) or "declare it under [[variables]] or [[flags]]"
            raise NotationError(f"unknown name '{name}'", hint, node.col)
        return kind
    if op in ("and", "or", "not"):
        for arg in node.args:
            if type_of(arg, names) != BOOL:
                raise NotationError(
                    f"'{op}' needs true/false on both sides",
                    "compare numbers with < <= > >= == !=",
                    node.col,
                )
        return BOOL
    if op in ("+", "-", "*", "/", "neg"):
        for arg in node.args:
            kind = type_of(arg, names)
            if kind != INT:
                raise NotationError(
                    f"arithmetic '{'-' if op == 'neg' else op}' on a {kind}",
                    "only numbers (variables, turn) can be added or multiplied",
                    node.col,
                )
        return INT
    left, right = (type_of(arg, names) for arg in node.args)
    if left != right:
        raise NotationError(
            f"'{op}' compares a {left} with a {right}",
            "compare numbers with numbers and dates with dates",
            node.col,
        )
    if left == BOOL and op not in ("==", "!="):
        raise NotationError(f"'{op}' on true/false", "use 'not' or ==", node.col)
    return BOOL


def parse_expression(text: str, names: Names, want: str) -> Fn:
    """Parse, check and compile an expression whose value must be of kind `want`."""
    parser = Parser(text)
    if parser.tok.kind == "end":
        raise NotationError("empty expression", "write a condition, or leave the key out")
    node = parser.expr()
    parser.expect_end()
    kind = type_of(node, names)
    if kind != want:
        hint = (
            "compare it, e.g. 'x >= 10'"
            if want == BOOL
            else "write a number, a variable or arithmetic on them"
        )
        raise NotationError(f"this gives a {kind} where a {want} is needed", hint)
    return compile_node(node)


def parse_condition(text: str, names: Names) -> Fn:
    """A condition; the empty text is always true."""
    if not text.strip():
        return always
    return parse_expression(text, names, BOOL)


def parse_number(value: int | str, names: Names) -> Fn:
    """A score or a weight: a number, or an expression giving one."""
    if isinstance(value, int):
        const = value
        return lambda env: const
    return parse_expression(value, names, INT)


@dataclass(frozen=True)
class Effect:
    """A compiled effect: kind is "add", "assign", "set", "clear" or "schedule"."""

    kind: str
    target: str
    value: Fn = always
    delay: int = 0
    text: str = ""


def parse_effect(text: str, names: Names) -> Effect:
    """Parse and check one effect."""
    toks = tokenize(text)
    toks += [toks[-1]] * 4  # pad with end tokens so that lookahead never runs off
    head = toks[0]
    if head.kind == "end":
        raise NotationError("empty effect", "remove it, or write e.g. 'set talks_open'")
    if head.kind == "name" and head.text in ("set", "clear"):
        flag = toks[1]
        if flag.kind != "name":
            raise NotationError(
                f"'{head.text}' needs a flag name", "e.g. 'set talks_open'", flag.col
            )
        if flag.text not in names.flags:
            hint = did_you_mean(flag.text, names.flags) or "declare it under [[flags]]"
            if flag.text in names.variables:
                hint = f"'{flag.text}' is a variable: use '{flag.text} = ...'"
            raise NotationError(f"unknown flag '{flag.text}'", hint, flag.col)
        if toks[2].kind != "end":
            raise NotationError(
                f"unexpected {toks[2].text!r} after the flag", "one flag per effect", toks[2].col
            )
        return Effect(head.text, flag.text, text=text)
    if head.kind == "name" and head.text == "schedule":
        event, word, count = toks[1], toks[2], toks[3]
        if event.kind != "name":
            raise NotationError(
                "'schedule' needs an event id", "e.g. 'schedule leak in 2'", event.col
            )
        if event.text not in names.events:
            hint = did_you_mean(event.text, names.events) or "declare it under [[events]]"
            raise NotationError(f"unknown event '{event.text}'", hint, event.col)
        if word.text != "in" or count.kind != "num" or toks[4].kind != "end":
            raise NotationError("write 'schedule EVENT in N'", "N is a number of turns", word.col)
        if int(count.text) < 1:
            raise NotationError(
                "delay must be at least 1 turn",
                "events of this turn have already fired: write 'in 1' for the next turn",
                count.col,
            )
        if int(count.text) > 100:
            raise NotationError("delay too long", "schedule at most 100 turns ahead", count.col)
        return Effect("schedule", event.text, delay=int(count.text), text=text)
    op = toks[1] if len(toks) > 1 else head
    if head.kind != "name" or op.text not in ("+=", "-=", "="):
        if head.kind == "name" and head.text in names.flags:
            raise NotationError(
                f"'{head.text}' is a flag",
                f"write 'set {head.text}' or 'clear {head.text}'",
                head.col,
            )
        raise NotationError(
            "not an effect",
            "write 'set F', 'clear F', 'V += N', 'V -= N', 'V = N' or 'schedule E in N'",
            head.col,
        )
    if head.text in RESERVED:
        raise NotationError(
            f"'{head.text}' is kept by the game and cannot be changed",
            "turn and date move on by themselves",
            head.col,
        )
    if head.text not in names.variables:
        hint = did_you_mean(head.text, names.variables) or "declare it under [[variables]]"
        if head.text in names.flags:
            hint = f"'{head.text}' is a flag: use 'set {head.text}' or 'clear {head.text}'"
        raise NotationError(f"unknown variable '{head.text}'", hint, head.col)
    rest = text[op.col + len(op.text) - 1 :]
    try:
        value = parse_expression(rest, names, INT)
    except NotationError as err:
        offset = op.col + len(op.text) - 1
        raise NotationError(err.message, err.hint, err.column + offset if err.column else 0)
    kind = {"+=": "add", "-=": "sub", "=": "assign"}[op.text]
    if kind == "sub":
        inner = value
        return Effect("add", head.text, lambda env: -inner(env), text=text)
    return Effect(kind, head.text, value, text=text)
