"""The condition notation of scenario files: names, types, and compiling to closures.

A small language, parsed once when a scenario is loaded (`parser`) and compiled into plain
Python closures over the game's environment (`closures`). The file's text is never handed
to `eval` or `exec`; anything outside the grammar is an error:

    condition := or_expr
    or_expr   := and_expr ("or" and_expr)*
    and_expr  := not_expr ("and" not_expr)*
    not_expr  := "not" not_expr | compare
    compare   := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
    sum       := product (("+" | "-") product)*
    product   := unary (("*" | "/") unary)*
    unary     := "-" unary | atom
    atom      := NUMBER | DATE | NAME | "true" | "false" | "(" condition ")"
               | ("min" | "max") "(" sum "," sum ")"          (format 2)

Names are the scenario's variables (numbers) and flags (true/false), `turn` (the turn
number, from 1), `date` (the turn's date, compared with dates written 1939-08-23) and, in
format 2, `uses.ACTION` (how many times that move has been made). Effects are in `effects`.

Numbers are written with the ASCII digits 0-9 (at most 9 of them). So that no file can make a
turn slow or the loader recurse without end, an expression has at most 2,000 characters
(`tokens.MAX_LENGTH`), 128 names, numbers and operators (`parser.MAX_NODES`) and 32 levels
of '(', 'not', '-' and min/max (`parser.MAX_NESTING`); an effect nests 'if' at most 4 deep.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .closures import Env as Env  # re-exported: the engine's types for compiled notation
from .closures import Fn as Fn
from .closures import always, compile_node
from .parser import Node, Parser, parse_tree
from .tokens import NotationError

INT, BOOL, DATE = "number", "true/false", "date"
RESERVED = {"turn": INT, "date": DATE}

__all__ = [
    "BOOL",
    "DATE",
    "INT",
    "RESERVED",
    "Env",
    "Fn",
    "Names",
    "Node",
    "NotationError",
    "Parser",
    "constant",
    "did_you_mean",
    "names_in",
    "parse_condition",
    "parse_expression",
    "parse_number",
    "parse_tree",
    "type_of",
]


@dataclass(frozen=True)
class Names:
    """The names a scenario declares, for checking expressions."""

    variables: frozenset[str]
    flags: frozenset[str]
    events: frozenset[str] = frozenset()
    actions: frozenset[str] = frozenset()
    powers: frozenset[str] = frozenset()
    version: int = 2
    """The file's format: the format-2 notation is refused in a format-1 file."""

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

    def need_v2(self, what: str, col: int = 0) -> None:
        if self.version < 2:
            raise NotationError(f"{what} needs format 2", "write format = 2 at the top", col)


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """A hint naming the closest of `choices`, or an empty string."""
    import difflib

    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def names_in(node: Node) -> Iterator[str]:
    """Every name an expression reads."""
    if node.op == "name":
        yield str(node.value)
    for arg in node.args:
        yield from names_in(arg)


def _name_type(node: Node, names: Names) -> str:
    name = str(node.value)
    if name.startswith("uses."):
        names.need_v2("uses.ACTION", node.col)
        action = name[len("uses.") :]
        if action not in names.actions:
            hint = did_you_mean(action, names.actions) or "uses. is followed by an action id"
            raise NotationError(f"unknown action '{action}' in '{name}'", hint, node.col)
        return INT
    kind = names.kind(name)
    if kind is None:
        hint = did_you_mean(name, names.all()) or "declare it under [[variables]] or [[flags]]"
        raise NotationError(f"unknown name '{name}'", hint, node.col)
    return kind


def type_of(node: Node, names: Names) -> str:
    op = node.op
    if op == "num":
        return INT
    if op == "date":
        return DATE
    if op == "bool":
        return BOOL
    if op == "name":
        return _name_type(node, names)
    if op in ("and", "or", "not"):
        for arg in node.args:
            if type_of(arg, names) != BOOL:
                raise NotationError(
                    f"'{op}' needs true/false on both sides",
                    "compare numbers with < <= > >= == !=",
                    node.col,
                )
        return BOOL
    if op in ("+", "-", "*", "/", "neg", "min", "max"):
        if op in ("min", "max"):
            names.need_v2(f"{op}(a, b)", node.col)
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


def check_tree(text: str, names: Names, want: str) -> Node:
    """Parse and type-check an expression whose value must be of kind `want`."""
    node = parse_tree(text)
    kind = type_of(node, names)
    if kind != want:
        hint = (
            "compare it, e.g. 'x >= 10'"
            if want == BOOL
            else "write a number, a variable or arithmetic on them"
        )
        raise NotationError(f"this gives a {kind} where a {want} is needed", hint)
    return node


def parse_expression(text: str, names: Names, want: str) -> Fn:
    """Parse, check and compile an expression whose value must be of kind `want`."""
    return compile_node(check_tree(text, names, want))


def parse_condition(text: str, names: Names) -> Fn:
    """A condition; the empty text is always true."""
    if not text.strip():
        return always
    return parse_expression(text, names, BOOL)


def parse_number(value: int | str, names: Names) -> Fn:
    """A score or a weight: a number, or an expression giving one."""
    if isinstance(value, int):
        return constant(value)
    return parse_expression(value, names, INT)


def constant(value: int) -> Fn:
    """A number written as one (a score or weight that is not an expression)."""
    return lambda env: value
