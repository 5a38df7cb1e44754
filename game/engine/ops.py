"""Effects as the engine carries them out: each compiled effect made, once per scenario,
into a flat tuple that says what to do without asking the effect again (`Effects._apply`
reads them)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..scenario.effects import Effect

Op = tuple[str, str, int, int, int, Effect]
"""(what, target, amount, least, most, the effect). What: "+" adds a known amount, "="
gives a known value (a flag set or cleared, or a number assigned, already within its
bounds), "+~" and "=~" add or assign an amount valued when the effect is carried out
(`Effect.value`, or drawn); any other is the effect's own kind ("schedule", "if",
"reveal", "mislead", "moves"), carried out from the effect itself."""


def op_of(e: Effect, bounds: Mapping[str, tuple[int, int]]) -> Op:
    """The flat form of one effect (`bounds`: each variable's least and most value)."""
    kind, target = e.kind, e.target
    if kind == "set" or kind == "clear":
        return ("=", target, 1 if kind == "set" else 0, 0, 1, e)
    if kind == "add" or kind == "assign":
        low, high = bounds[target]
        amount = e.fixed
        if amount is None:
            return ("+~" if kind == "add" else "=~", target, 0, low, high, e)
        if kind == "add":
            return ("+", target, amount, low, high, e)
        return (
            "=",
            target,
            low if amount < low else high if amount > high else amount,
            low,
            high,
            e,
        )
    return (kind, target, 0, 0, 0, e)


class Ops:
    """The flat form of a scenario's effects, made once per effect (an `if`'s guarded
    effect too, found by the `if` it belongs to: `nested`)."""

    def __init__(self, bounds: Mapping[str, tuple[int, int]]) -> None:
        self.bounds = bounds
        self.nested: dict[int, tuple[Op, ...]] = {}
        """The flat form of each `if`'s guarded effect, by the id of the `if`."""
        self._made: dict[int, Op] = {}
        """Each effect's flat form, by the effect's id (the op holds the effect, and the
        scenario's code every effect, so no id names another while these live)."""

    def of(self, effects: Sequence[Effect]) -> tuple[Op, ...]:
        """The flat form of `effects`, in order (each effect's made once: the scenario's
        code shares one effect among the places that write the same text)."""
        if not effects:
            return ()
        out = []
        made = self._made
        for e in effects:
            op = made.get(id(e))
            if op is None:
                op = made[id(e)] = op_of(e, self.bounds)
                if e.kind == "if" and e.then is not None:
                    self.nested[id(e)] = self.of((e.then,))
            out.append(op)
        return tuple(out)
