"""Cross-checks of the format-2 keys: draws, estimates, chance, costs, victory levels,
names, text versions and continuity rules. A mixin of `checks.Checker`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .interpolate import BUILT_IN, slots
from .locator import Path
from .models import Text, WeightedStart
from .notation import did_you_mean

PLACEHOLDER_RE = re.compile(r"\{[a-z][a-z0-9_]*\}")
"""What reads as a `{name}` placeholder, in a text that takes none."""

if TYPE_CHECKING:
    from .models import Scenario

TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "events": ("title", "text", "prompt"),
    "actions": ("title", "text", "preview"),
    "options": ("label", "text", "reason"),
    "replies": ("prompt",),
    "endings": ("title", "epilogue", "comparison"),
}
"""The texts of each table that may follow the state."""


class V2Checks:
    sc: Scenario
    found: list[tuple[Path, str, str]]

    # provided by Checker
    def add(self, path: Path, message: str, hint: str = "") -> None: ...
    def cond(self, path: Path, text: str) -> None: ...
    def number(self, path: Path, value: int | str) -> None: ...
    def power(self, path: Path, ident: str, allow_all: bool = False) -> None: ...

    @property
    def v2(self) -> bool:
        return self.sc.format >= 2

    def need_v2(self, path: Path, what: str) -> bool:
        """Report `what` in a format-1 file; True if the file may use it."""
        if not self.v2:
            self.add(path, f"{what} needs format 2", "write format = 2 at the top of the file")
        return self.v2

    # -- variables and flags ------------------------------------------------------------
    def drawn_start(self, i: int) -> None:
        var = self.sc.variables[i]
        path: Path = ("variables", i, "start")
        self.estimated(i)
        self.named(i)
        if var.drawn and not self.need_v2(path, "a drawn start"):
            return
        if isinstance(var.start, list):
            low, high = var.start
            if low > high:
                self.add(path, f"the range [{low}, {high}] runs backwards", "write [low, high]")
            values = [low, high]
        elif isinstance(var.start, WeightedStart):
            values = var.start.values
            weights = var.start.weights
            if weights and len(weights) != len(values):
                self.add(
                    (*path, "weights"),
                    f"{len(weights)} weights for {len(values)} values",
                    "give one weight a value, or none for equal weights",
                )
            elif weights and not sum(weights):
                self.add((*path, "weights"), "every weight is 0", "give one value a weight")
        else:
            values = [var.start]
        for value in values:
            if not var.min <= value <= var.max:
                self.add(
                    path,
                    f"start {value} is outside [{var.min}, {var.max}]",
                    "choose a start within the bounds",
                )
                break

    def estimated(self, i: int) -> None:
        var = self.sc.variables[i]
        if var.estimated_by and self.need_v2(("variables", i, "estimated_by"), "estimated_by"):
            for j, who in enumerate(var.estimated_by):
                where: Path = ("variables", i, "estimated_by", j)
                self.power(where, who)
                if "all" in var.seen_by or who in var.seen_by:
                    self.add(
                        where,
                        f"'{who}' sees '{var.id}' already: an estimate is for a power that "
                        "does not",
                        f"take '{who}' out of seen_by or of estimated_by",
                    )

    def named(self, i: int) -> None:
        var = self.sc.variables[i]
        path: Path = ("variables", i, "value_names")
        if not var.value_names or not self.need_v2(path, "value_names"):
            return
        count = var.max - var.min + 1
        if len(var.value_names) != count:
            self.add(
                path,
                f"{len(var.value_names)} names for the {count} values from {var.min} to {var.max}",
                "give one name to each whole value from min to max, lowest first",
            )
        for j, name in enumerate(var.value_names):
            if not name.strip():
                self.add((*path, j), "an empty name", "write the word players should read")
            elif name in var.value_names[:j]:
                self.add((*path, j), f"'{name}' names two values", "give each value its own name")

    def flag_chance(self, i: int) -> None:
        flag = self.sc.flags[i]
        if flag.start_chance is not None:
            self.need_v2(("flags", i, "start_chance"), "start_chance")

    # -- powers, events, actions ----------------------------------------------------------
    def power_v2(self, i: int) -> None:
        p = self.sc.powers[i]
        if isinstance(p.moves_per_turn, str):
            path: Path = ("powers", i, "moves_per_turn")
            if not self.v2:
                self.add(
                    path,
                    "expected a whole number",
                    "write a number without quotes (an expression here needs format = 2)",
                )
            else:
                self.number(path, p.moves_per_turn)
        if p.victory:
            self.need_v2(("powers", i, "victory"), "victory levels")
        if p.planner is not None and self.need_v2(("powers", i, "planner"), "planner settings"):
            self.number(("powers", i, "planner", "value"), p.planner.value)

    def event_v2(self, i: int) -> None:
        ev = self.sc.events[i]
        if ev.chance != 100:
            path: Path = ("events", i, "chance")
            if self.need_v2(path, "chance"):
                self.number(path, ev.chance)

    def action_v2(self, i: int) -> None:
        act = self.sc.actions[i]
        for key in ("cooldown", "max_uses"):
            if getattr(act, key):
                self.need_v2(("actions", i, key), key)

    # -- texts ---------------------------------------------------------------------------
    def texts(self, path: Path, table: str, entry: Any) -> None:
        for key in TEXT_FIELDS[table]:
            self.text((*path, key), getattr(entry, key))
        if table == "options":
            for key in ("reason", "locked_hint"):
                if getattr(entry, key):
                    self.need_v2((*path, key), key)
            if m := PLACEHOLDER_RE.search(entry.locked_hint):
                self.add(
                    (*path, "locked_hint"),
                    f"a locked_hint is shown as written: {m[0]} would reach the player as it "
                    "stands",
                    "write the words themselves (placeholders and versions are for the texts "
                    "listed under Texts that follow the state)",
                )

    def text(self, path: Path, text: Text, names_allowed: bool = True) -> None:
        if isinstance(text, str):
            self.placeholders(path, text, names_allowed)
            return
        if not self.need_v2(path, "a text with versions"):
            return
        if not text:
            self.add(path, "no versions", 'write at least one: [{ text = "..." }]')
            return
        for j, variant in enumerate(text):
            self.cond((*path, j, "when"), variant.when)
            self.placeholders((*path, j, "text"), variant.text, names_allowed)
        if text[-1].when.strip():
            self.add(
                (*path, len(text) - 1, "when"),
                "the last version has a 'when': nothing is shown when none holds",
                "end the list with a version without 'when' (the fallback)",
            )

    def placeholders(self, path: Path, text: str, names_allowed: bool) -> None:
        if not self.v2 or "{" not in text and "}" not in text:
            return  # no placeholder, no brace: nothing to check
        try:
            found = slots(text)
        except ValueError as err:
            self.add(path, str(err), "names are written {name}; a brace as {{ or }}")
            return
        names = {n.id for n in self.sc.names} if names_allowed else set()
        variables = {v.id for v in self.sc.variables}
        for slot in found:
            if slot in names or slot in variables or slot in BUILT_IN:
                continue
            choices = names | variables
            hint = did_you_mean(slot, choices) or (
                "declare it under [[names]], or name a variable"
                if names_allowed
                else "a name's text may hold variables, not other names"
            )
            self.add(path, f"unknown name {{{slot}}}", hint)

    def names_and_rules(self) -> None:
        sc = self.sc
        if sc.names:
            self.need_v2(("names",), "[[names]]")
        if sc.continuity:
            self.need_v2(("continuity",), "[[continuity]]")
        seen: dict[str, int] = {}
        taken = {v.id for v in sc.variables} | {f.id for f in sc.flags}
        for i, name in enumerate(sc.names):
            if name.id in seen:
                self.add(("names", i, "id"), f"duplicate name '{name.id}'", "ids must be unique")
            elif name.id in taken:
                self.add(
                    ("names", i, "id"),
                    f"'{name.id}' is a variable or flag already",
                    "give the name an id of its own",
                )
            elif name.id in BUILT_IN:
                self.add(
                    ("names", i, "id"),
                    f"'{{{name.id}}}' is built in: the date of the turn being played",
                    "give the name an id of its own",
                )
            seen[name.id] = i
            self.text(("names", i, "text"), name.text, names_allowed=False)
        for i, rule in enumerate(sc.continuity):
            self.cond(("continuity", i, "when"), rule.when)
            for j, word in enumerate(rule.never):
                if not word.strip():
                    self.add(("continuity", i, "never", j), "an empty word", "remove it")
