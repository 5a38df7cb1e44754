"""The weighted policy: a computer power draws its moves and answers by the scenario's
weights (a move's `weight` against the power's `pass_weight`), from the game's generator."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..content import CompiledAction, CompiledOption
from ..draws import weighted_index
from ..watch import awake_moves, move_candidates, sleep_of, watch_of

if TYPE_CHECKING:
    from ..rules import Rules


def moves(game: Rules, power: str) -> None:
    """Spend `power`'s moves by weight until it draws a pass or has nothing open."""
    st, content = game.state, game.content
    watch = watch_of(content)
    candidates = move_candidates(watch, power, st.turn)
    if not candidates:
        return
    sleep = sleep_of(st, watch)
    pass_weight = content.pass_weight[power]
    env, used, budgets, rng = st.env, st.used, st.budgets, st.rng
    last_used, turn = st.last_used, st.turn
    awake, sleepers = awake_moves(sleep, watch, power), sleep.sleepers
    getrandbits = rng.getrandbits
    while budgets.get(power, 0) > 0:
        budget = budgets[power]
        picks: list[CompiledAction] = []
        weights: list[int] = []
        total = 0
        for c in candidates:
            if c[0] not in awake:
                continue  # asleep: the part of its condition that failed reads the same
            aid, ca, once, cost, limited, most, uses, cooldown, weight, parts, wfn = c
            if once in used:
                awake.discard(aid)  # made once: never open again
                continue
            if cost > budget:
                continue
            if limited:  # `Rules._limits_allow`, inlined: cooldown and most uses
                if most and env.get(uses, 0) >= most:
                    continue
                if cooldown:
                    last = last_used.get(aid)
                    if last is not None and turn <= last + cooldown:
                        continue
            for fn, names in parts:
                if not fn(env):  # closed: it sleeps on the part that failed
                    awake.discard(aid)
                    for name in names:
                        sleepers.setdefault(name, []).append((awake, aid))
                    break
            else:
                if weight is None:
                    weight = wfn(env)
                    if weight <= 0:
                        continue
                    weight = int(weight)
                picks.append(ca)
                weights.append(weight)
                total += weight
        if not picks:
            return
        # `weighted_index(rng, weights, pass_weight)`, inlined: one roll over the weights'
        # sum and the pass (`draws.below`), None when it falls on the pass
        n = total + pass_weight
        if n <= 0:
            return
        k = n.bit_length()
        roll = getrandbits(k)
        while roll >= n:
            roll = getrandbits(k)
        if roll >= total:
            return  # the power lets this move pass
        index = 0
        while roll >= weights[index]:
            roll -= weights[index]
            index += 1
        game._play(power, picks[index])


def answer(game: Rules, options: Sequence[CompiledOption]) -> CompiledOption:
    """An answer drawn by the options' weights (the first if every weight is 0)."""
    st = game.state
    env = st.env
    index = weighted_index(st.rng, [max(0, int(o.weight(env))) for o in options])
    return options[0] if index is None else options[index]
