"""The effect notation: what an event, move or answer does to the state.

effect := "set" FLAG | "clear" FLAG
        | VARIABLE ("+=" | "-=" | "=") amount
        | "schedule" EVENT "in" NUMBER
        | "if" condition "then" effect                    (format 2)
        | "moves" POWER ("+=" | "-=" | "=") sum           (format 2)
        | "reveal" VARIABLE "to" POWER "within" sum       (format 2)
        | "mislead" VARIABLE "to" POWER "by" sum          (format 2)
amount := sum | sum ".." sum                              (a drawn amount: format 2)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from .closures import Fn, always, compile_node, constant_of
from .notation import BOOL, INT, RESERVED, Names, check_tree, did_you_mean, names_in
from .parser import Node
from .tokens import NotationError, Tok, tokenize

MAX_CONDITIONAL = 4
"""The deepest 'if ... then if ... then ...' an effect may nest."""
SHAPES = (
    "write 'set F', 'clear F', 'V += N', 'V -= N', 'V = N', 'schedule E in N'"
    " (format 2 also: 'V += A..B', 'if C then E', 'moves P += N', 'reveal V to P within N',"
    " 'mislead V to P by N')"
)


EffectKind = Literal[
    "add", "assign", "set", "clear", "schedule", "if", "moves", "reveal", "mislead"
]
"""What an effect does: change a variable by or to an amount, set or clear a flag, schedule
an event, guard another effect ("if"), change a power's moves, narrow ("reveal") or shift
("mislead") a power's estimate."""


@dataclass(frozen=True)
class Effect:
    """A compiled effect, of one of the `EffectKind`s."""

    kind: EffectKind
    target: str
    """The variable, flag or event; for "moves" the power."""
    value: Fn = always
    high: Fn | None = None
    """With `value`, the bounds of a drawn amount (inclusive)."""
    delay: int = 0
    text: str = ""
    when: Fn | None = None
    then: Effect | None = None
    """For "if": the condition and the effect it guards."""
    power: str = ""
    """For "reveal" and "mislead": the power whose estimate changes."""
    assign: bool = False
    """For "moves": '=' rather than '+=' / '-='."""
    reads: frozenset[str] = frozenset()
    """Names the effect's expressions read (for lint)."""
    fixed: int | None = None
    """The amount when it is a number read from nothing and not drawn: `value`'s result
    in every state, known without a call."""


Expr = tuple[str, Node]
"""An expression of an effect: its text and its checked tree."""


class Recipe(NamedTuple):
    """An effect checked but not compiled: its parts, with the text and tree of each
    expression (`effect_of` compiles it; a signed cache entry keeps it, so that a later run
    neither tokenizes nor checks the effect again)."""

    kind: EffectKind
    target: str
    text: str
    value: Expr | None = None
    high: Expr | None = None
    negate: bool = False
    """'-=': the amount is taken away (for a drawn amount, its bounds swap)."""
    delay: int = 0
    when: Expr | None = None
    then: Recipe | None = None
    power: str = ""
    assign: bool = False


_new, _set = object.__new__, object.__setattr__


def _negated(fn: Fn) -> Fn:
    return lambda env: -fn(env)


def _reads(*exprs: Expr | None) -> frozenset[str]:
    return frozenset(name for e in exprs if e is not None for name in names_in(e[1]))


def effect_of(recipe: Recipe) -> Effect:
    """The compiled effect of a recipe (the closures of its trees)."""
    r = recipe
    value = always if r.value is None else compile_node(r.value[1])
    high = None if r.high is None else compile_node(r.high[1])
    if r.negate:
        value, high = (_negated(value), None) if high is None else (_negated(high), _negated(value))
    reads = _reads(r.value, r.high, r.when)
    fixed = None if r.value is None or r.high is not None else constant_of(r.value[1])
    if fixed is not None and r.negate:
        fixed = -fixed
    then = None if r.then is None else effect_of(r.then)
    if then is not None:
        reads |= then.reads
    target = r.target if then is None else then.target
    when = None if r.when is None else compile_node(r.when[1])
    effect = _new(Effect)  # as the dataclass's __init__ makes it, with fewer calls
    _set(
        effect,
        "__dict__",
        {
            "kind": r.kind,
            "target": target,
            "value": value,
            "high": high,
            "delay": r.delay,
            "text": r.text,
            "when": when,
            "then": then,
            "power": r.power,
            "assign": r.assign,
            "reads": reads,
            "fixed": fixed,
        },
    )
    return effect


def _sub(text: str, start: int, names: Names, want: str) -> Expr:
    """Check `text[start:]` as an expression, errors placed in the whole text."""
    try:
        node = check_tree(text[start:], names, want)
    except NotationError as err:
        raise NotationError(err.message, err.hint, err.column + start if err.column else 0)
    return text[start:], node


def _amount(text: str, start: int, names: Names) -> tuple[Expr, Expr | None]:
    """A number, or a drawn amount `A..B`."""
    toks = tokenize(text[start:])
    depth = 0
    for tok in toks:
        depth += (tok.text == "(") - (tok.text == ")")
        if tok.text == ".." and depth == 0:
            names.need_v2("a drawn amount 'A..B'", tok.col + start)
            cut = start + tok.col - 1
            low, high = _sub(text[:cut], start, names, INT), _sub(text, cut + 2, names, INT)
            a, b = constant_of(low[1]), constant_of(high[1])
            if a is not None and b is not None and a > b:
                raise NotationError(
                    f"the drawn amount {a}..{b} runs backwards",
                    f"write the smaller end first: {b}..{a}",
                    tok.col + start,
                )
            return low, high
    return _sub(text, start, names, INT), None


def _power(tok: Tok, names: Names) -> str:
    if tok.kind != "name" or tok.text not in names.powers:
        hint = did_you_mean(tok.text, names.powers) or f"powers: {', '.join(sorted(names.powers))}"
        raise NotationError(f"unknown power '{tok.text}'", hint, tok.col)
    return tok.text


def _variable(tok: Tok, names: Names) -> str:
    if tok.kind != "name" or tok.text not in names.variables:
        hint = did_you_mean(tok.text, names.variables) or "declare it under [[variables]]"
        raise NotationError(f"unknown variable '{tok.text}'", hint, tok.col)
    return tok.text


def _conditional(text: str, toks: list[Tok], names: Names, depth: int) -> Recipe:
    head = toks[0]
    names.need_v2("'if ... then ...'", head.col)
    if depth >= MAX_CONDITIONAL:
        raise NotationError(
            f"'if' nested more than {MAX_CONDITIONAL} deep",
            "join the conditions with 'and' in one 'if'",
            head.col,
        )
    then = next((t for t in toks if t.kind == "name" and t.text == "then"), None)
    if then is None:
        raise NotationError("'if' without 'then'", "write 'if CONDITION then EFFECT'", head.col)
    cond_text = text[: then.col - 1]
    when = _sub(cond_text, head.col + 1, names, BOOL)
    rest = then.col + len("then") - 1
    try:
        inner = recipe_of(text[rest:], names, depth + 1)
    except NotationError as err:
        raise NotationError(err.message, err.hint, err.column + rest if err.column else 0)
    return Recipe("if", inner.target, text, when=when, then=inner)


def _estimate(text: str, toks: list[Tok], names: Names) -> Recipe:
    head = toks[0]
    word = "within" if head.text == "reveal" else "by"
    names.need_v2(f"'{head.text}'", head.col)
    if toks[2].text != "to" or toks[4].text != word:
        raise NotationError(
            f"write '{head.text} VARIABLE to POWER {word} N'",
            "reveal narrows a power's estimate; mislead shifts it",
            head.col,
        )
    var, power = _variable(toks[1], names), _power(toks[3], names)
    value = _sub(text, toks[4].col + len(word) - 1, names, INT)
    amount = constant_of(value[1])
    if head.text == "reveal" and amount is not None and amount < 0:
        raise NotationError(
            f"'within {amount}': a margin cannot be negative",
            "write 0 or more (within 0 shows the exact value)",
            toks[4].col,
        )
    kind: EffectKind = "reveal" if head.text == "reveal" else "mislead"
    return Recipe(kind, var, text, value, power=power)


def _moves(text: str, toks: list[Tok], names: Names) -> Recipe:
    names.need_v2("'moves POWER += N'", toks[0].col)
    power, op = _power(toks[1], names), toks[2]
    if op.text not in ("+=", "-=", "="):
        raise NotationError("write 'moves POWER += N' (or -= or =)", "", op.col)
    value = _sub(text, op.col + len(op.text) - 1, names, INT)
    return Recipe("moves", power, text, value, negate=op.text == "-=", assign=op.text == "=")


def parse_effect(text: str, names: Names, depth: int = 0) -> Effect:
    """Parse, check and compile one effect (`depth`: how many 'if's it is inside)."""
    return effect_of(recipe_of(text, names, depth))


def recipe_of(text: str, names: Names, depth: int = 0) -> Recipe:
    """Parse and check one effect (`depth`: how many 'if's it is inside)."""
    toks = tokenize(text)
    toks += [toks[-1]] * 5  # pad with end tokens so that lookahead never runs off
    head = toks[0]
    if head.kind == "end":
        raise NotationError("empty effect", "remove it, or write e.g. 'set talks_open'")
    if head.kind == "name" and head.text == "if":
        return _conditional(text, toks, names, depth)
    if head.kind == "name" and head.text in ("reveal", "mislead") and toks[2].text == "to":
        return _estimate(text, toks, names)
    if head.kind == "name" and head.text == "moves" and toks[1].kind == "name":
        return _moves(text, toks, names)
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
        return Recipe("set" if head.text == "set" else "clear", flag.text, text)
    if head.kind == "name" and head.text == "schedule":
        return _schedule(text, toks, names)
    op = toks[1]
    if head.kind != "name" or op.text not in ("+=", "-=", "="):
        if head.kind == "name" and head.text in names.flags:
            raise NotationError(
                f"'{head.text}' is a flag",
                f"write 'set {head.text}' or 'clear {head.text}'",
                head.col,
            )
        raise NotationError("not an effect", SHAPES, head.col)
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
    value, high = _amount(text, op.col + len(op.text) - 1, names)
    change: EffectKind = "assign" if op.text == "=" else "add"
    return Recipe(change, head.text, text, value, high, negate=op.text == "-=")


def _schedule(text: str, toks: list[Tok], names: Names) -> Recipe:
    event, word, count = toks[1], toks[2], toks[3]
    if event.kind != "name":
        raise NotationError("'schedule' needs an event id", "e.g. 'schedule leak in 2'", event.col)
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
    return Recipe("schedule", event.text, text, delay=int(count.text))


def targets(effect: Effect) -> list[Effect]:
    """The effect and, for a conditional one, the effect it guards (for lint and previews)."""
    out = [effect]
    while out[-1].then is not None:
        out.append(out[-1].then)  # type: ignore[arg-type]
    return out
