"""Checking a save by replaying it: the log, run on the scenario, must lead to the state
the save records. Scenarios are loaded once per content (`load_cached`)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import cast

from ..engine import Command, Game, GameError
from ..engine.state import Verb
from ..scenario import Scenario, load_scenario
from ..scenario.loader import MAX_BYTES, load_bytes, read_bounded
from .fileformat import ChangedScenario, SaveError, SaveFile, Snapshot, _cut, snapshot_of

_scenario_cache: dict[tuple[str, str], Scenario] = {}


def load_cached(path: Path) -> Scenario:
    """Load a scenario, reusing one already loaded from identical bytes (not for variants,
    whose base may have changed)."""
    try:
        data = read_bounded(path, MAX_BYTES)
        digest = hashlib.sha256(data).hexdigest()
        key = (str(path.resolve()), digest)
    except (OSError, ValueError, RuntimeError):
        return load_scenario(path)  # reports the problem in its own words
    if key in _scenario_cache:
        return _scenario_cache[key]
    sc = load_bytes(path, data, digest)  # not read nor hashed again
    if not sc.extends:
        if len(_scenario_cache) > 8:
            _scenario_cache.clear()
        _scenario_cache[key] = sc
    return sc


REPLAY_HINT = (
    " To play on with the scenario as it is now, run moscow1939 replay on this save: it "
    "keeps the game up to where the two first differ, as a new save."
)


def _sentence(err: Exception) -> str:
    """The engine's words, cut to length, ending as a sentence."""
    words = _cut(str(err)).rstrip()
    return words if words.endswith((".", "!", "?", "…")) else words + "."


def restore(rec: SaveFile, scenario: Scenario, accept_changed: bool = False) -> Game:
    """Replay the record on `scenario` and check the result against its snapshot."""
    changed = bool(rec.scenario_hash) and scenario.digest != rec.scenario_hash
    # a verb the engine does not know is refused by the replay, with the save's own words
    log = [Command(c.turn, c.power, cast(Verb, c.verb), tuple(c.args)) for c in rec.log]
    try:
        game = Game.replay(scenario, rec.humans, rec.seed, log, policy=rec.policy)
    except GameError as err:
        why = "the scenario has changed since" if changed else "the save has been altered"
        raise SaveError(
            f"The save does not replay on scenario '{scenario.id}' ({why}): {_sentence(err)}"
            + (REPLAY_HINT if changed else "")
        )
    differences = compare(rec.snapshot, snapshot_of(game))
    if differences:
        why = (
            f"scenario '{scenario.id}' has changed since the save was made"
            if changed
            else "the save has been altered or damaged"
        )
        raise SaveError(
            f"The save does not match its replay ({why}): "
            + "; ".join(differences[:5])
            + "."
            + (REPLAY_HINT if changed else "")
        )
    if changed and not accept_changed:
        raise ChangedScenario(
            f"Scenario '{scenario.id}' ({scenario.file}) has changed since this game was "
            f"saved. The game still replays on it to turn {rec.snapshot.turn}, "
            f"{rec.snapshot.date:%d %B %Y}, but what follows may differ. Load it anyway?"
        )
    return game


def compare(saved: Snapshot, actual: Snapshot) -> list[str]:
    """What differs between the recorded state and the replayed one, in words."""
    out = []
    if saved.turn != actual.turn:
        out.append(f"turn {saved.turn} saved, {actual.turn} replayed")
    if saved.date != actual.date:
        out.append(f"date {saved.date} saved, {actual.date} replayed")
    for name, value in saved.variables.items():
        if actual.variables.get(name) != value:
            out.append(
                f"{_cut(name, 60)} is {_cut(str(value), 30)} in the save, "
                f"{actual.variables.get(name)} replayed"
            )
    for name, value in saved.flags.items():
        if actual.flags.get(name) != value:
            out.append(
                f"{_cut(name, 60)} is {value} in the save, {actual.flags.get(name)} replayed"
            )
    if set(saved.variables) != set(actual.variables) or set(saved.flags) != set(actual.flags):
        out.append("the scenario's variables or flags differ from the save's")
    if saved.ending != actual.ending:
        ending = None if saved.ending is None else _cut(saved.ending, 60)
        out.append(f"ending {ending} saved, {actual.ending} replayed")
    held = saved.model_fields_set  # a save from before a field existed is not held to it
    if "draws" in held and saved.draws != actual.draws:
        out.append("the per-game draws differ from the save's")
    if "estimates" in held and saved.estimates != actual.estimates:
        out.append("the powers' estimates differ from the save's")
    if "changes" in held and saved.changes != actual.changes:
        out.append(
            f"{_cut(str(saved.changes), 30)} recorded changes saved, {actual.changes} replayed"
        )
    return out
