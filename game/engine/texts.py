"""Texts that follow the state: versions chosen by condition, `{names}` filled in, and the
continuity rules checked on everything shown."""

from __future__ import annotations

from collections.abc import Callable

from ..scenario.closures import Env, Fn, always
from ..scenario.interpolate import Slot, split
from ..scenario.models import Scenario, Text

Render = Callable[[Env], str]


class Texts:
    """Renders a scenario's texts in a state; built once per scenario."""

    def __init__(self, sc: Scenario) -> None:
        self.sc = sc
        self.active = sc.format >= 2
        self._cache: dict[object, Render] = {}
        self._names: dict[str, Text] = {n.id: n.text for n in sc.names}
        conditions = sc.code.conditions
        self._cond: Callable[[str], Fn] = lambda when: conditions.get(when, always)
        self.rules = [
            (
                rule.id or f"continuity[{i}]",
                self._cond(rule.when),
                [(w.lower(), w) for w in rule.never],
            )
            for i, rule in enumerate(sc.continuity)
        ]

    def render(self, text: Text, env: Env) -> str:
        """The text as shown now."""
        if isinstance(text, str) and (not self.active or "{" not in text and "}" not in text):
            return text
        key: object = text if isinstance(text, str) else id(text)
        fn = self._cache.get(key)
        if fn is None:
            fn = self._cache[key] = self._compile(text)
        return fn(env)

    def _compile(self, text: Text, inner: bool = False) -> Render:
        if isinstance(text, list):
            versions = [(self._cond(v.when), self._compile(v.text, inner)) for v in text]

            def choose(env: Env) -> str:
                for when, render in versions:
                    if when(env):
                        return render(env)
                return versions[-1][1](env)

            return choose
        if not self.active:
            return lambda env: text
        parts: list[Render] = []
        for part in split(text):
            if isinstance(part, Slot):
                parts.append(self._slot(str(part), inner))
            else:
                literal = part
                parts.append(lambda env, literal=literal: literal)  # type: ignore[misc]
        return lambda env: "".join(p(env) for p in parts)

    def _slot(self, name: str, inner: bool) -> Render:
        if name in self._names and not inner:
            return self._compile(self._names[name], inner=True)
        return lambda env: str(env.get(name, f"{{{name}}}"))

    def violations(self, shown: str, env: Env) -> list[tuple[str, str]]:
        """(rule, word) of every continuity rule that `shown` breaks now."""
        if not self.rules:
            return []
        low = shown.lower()
        return [
            (rule, word)
            for rule, when, words in self.rules
            for lowered, word in words
            if lowered in low and when(env)
        ]
