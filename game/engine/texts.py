"""Texts that follow the state: versions chosen by condition, `{names}` filled in, and the
continuity rules checked on everything shown."""

from __future__ import annotations

from collections.abc import Callable

from ..scenario.closures import Env, Fn, always
from ..scenario.interpolate import BUILT_IN, Slot, split
from ..scenario.models import Scenario, Text

Render = Callable[[Env], str]


class Texts:
    """Renders a scenario's texts in a state; built once per scenario."""

    def __init__(self, sc: Scenario) -> None:
        self.sc = sc
        self.active = sc.format >= 2
        self._cache: dict[object, Render] = {}
        self.plain: set[str] = set()
        """Strings known to show as they are written (no placeholder)."""
        self.found: dict[tuple[str, str, str], list[tuple[str, Fn, str]]] = {}
        """For a shown (title, text, reason): the rules' words it contains, each with its
        rule and the rule's condition (the words depend on the text alone)."""
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

    def fixed(self, text: Text) -> str | None:
        """The text as `render` shows it in every state, when it is one string without a
        placeholder; None when it may show otherwise."""
        if text.__class__ is str and (not self.active or "{" not in text and "}" not in text):  # type: ignore[operator]
            return text  # type: ignore[return-value]
        return None

    def render(self, text: Text, env: Env) -> str:
        """The text as shown now."""
        if text.__class__ is str:
            if text in self.plain:  # type: ignore[comparison-overlap]
                return text  # type: ignore[return-value]
            if not self.active or "{" not in text and "}" not in text:  # type: ignore[operator]
                self.plain.add(text)  # type: ignore[arg-type]
                return text  # type: ignore[return-value]
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
        if len(parts) == 1:
            return parts[0]
        return lambda env: "".join([p(env) for p in parts])

    def _slot(self, name: str, inner: bool) -> Render:
        built_in = BUILT_IN.get(name)
        if built_in is not None:
            return lambda env: built_in(env["date"])
        if name in self._names and not inner:
            return self._compile(self._names[name], inner=True)
        named = next((v for v in self.sc.variables if v.id == name and v.value_names), None)
        if named is not None:
            return lambda env: named.word(int(env[name]))
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

    def words(self, title: str, text: str, reason: str) -> list[tuple[str, Fn, str]]:
        """(rule, its condition, word) of each rule's word that a dispatch's title, text and
        reason contain (worked out once per text: `found`)."""
        key = (title, text, reason)
        found = self.found.get(key)
        if found is None:
            low = f"{title}\n{text}\n{reason}".lower()
            found = [
                (rule, when, word)
                for rule, when, words in self.rules
                for lowered, word in words
                if lowered in low
            ]
            if len(self.found) >= 8192:
                self.found.clear()
            self.found[key] = found
        return found

    def shown_violations(
        self, title: str, text: str, reason: str, env: Env
    ) -> list[tuple[str, str]]:
        """`violations` of a dispatch's title, text and reason shown together: which words
        they contain is worked out once per text, only the rules' conditions each time."""
        found = self.words(title, text, reason)
        if not found:
            return []
        return [(rule, word) for rule, when, word in found if when(env)]
