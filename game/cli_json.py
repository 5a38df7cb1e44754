"""What `--json` prints for `saves`, `scenarios` and `validate`: one JSON object each, for
scripts and editors. The shapes are documented in README.md (saves, scenarios) and in
scenarios/README.md (validate); a key is never removed or renamed without a new `format`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from .saves import SaveInfo
    from .scenario import Scenario
    from .scenario.errors import Problem, ScenarioError

FORMAT = 1
"""The version of these shapes."""


def write(out: TextIO, obj: dict[str, Any]) -> None:
    out.write(json.dumps({"format": FORMAT, **obj}, indent=2, ensure_ascii=False) + "\n")


def save_entry(info: SaveInfo) -> dict[str, Any]:
    """One save: `slot`, `path`, `ok`, and either what it holds or `error`."""
    if info.error:
        return {"slot": info.slot, "path": str(info.path), "ok": False, "error": info.error}
    return {
        "slot": info.slot,
        "path": str(info.path),
        "ok": True,
        "scenario": info.scenario,
        "powers": list(info.humans),
        "date": info.game_date.isoformat() if info.game_date else None,
        "turn": info.turn,
        "saved_at": info.saved.isoformat() if info.saved else None,
        "autosave": info.autosave,
        "finished": info.finished,
        "signed": info.signed,
    }


def saves(folder: Path, found: list[SaveInfo]) -> dict[str, Any]:
    return {"folder": str(folder), "saves": [save_entry(s) for s in found]}


def problem(p: Problem) -> dict[str, Any]:
    """One located error: `file`, `line` (null if unknown), `key`, `message`, `hint`."""
    return {
        "file": p.file,
        "line": p.line or None,
        "key": p.path,
        "message": p.message,
        "hint": p.hint or None,
    }


def errors(err: ScenarioError) -> dict[str, Any]:
    from .scenario.errors import MAX_PROBLEMS

    return {
        "unreadable": err.unreadable,
        "errors": [problem(p) for p in err.problems[:MAX_PROBLEMS]],
        "more_errors": max(0, len(err.problems) - MAX_PROBLEMS),
    }


def counts(sc: Scenario) -> dict[str, int]:
    return {
        "turns": len(sc.calendar),
        "events": len(sc.events),
        "actions": len(sc.actions),
        "endings": len(sc.endings),
    }


def scenario_entry(
    sid: str, path: Path, sc: Scenario | None, err: ScenarioError | None
) -> dict[str, Any]:
    """One bundled scenario: `id`, `file`, `ok`, and what it is or its `errors`."""
    entry: dict[str, Any] = {"id": sc.id if sc else sid, "file": str(path), "ok": sc is not None}
    if sc is None:
        assert err is not None
        return {**entry, **errors(err)}
    return {
        **entry,
        "title": sc.title,
        "summary": sc.summary or None,
        "start": sc.start.isoformat(),
        "end": sc.end.isoformat(),
        "playable": [p.id for p in sc.playable],
        **counts(sc),
    }


def validated(path: str, sc: Scenario | None, err: ScenarioError | None) -> dict[str, Any]:
    """One file given to validate: `file`, `ok`, and its scenario's `id` and counts, or its
    `errors`."""
    if sc is None:
        assert err is not None
        return {"file": path, "ok": False, **errors(err)}
    clean = {"unreadable": False, "errors": [], "more_errors": 0}
    return {"file": path, "ok": True, "id": sc.id, **counts(sc), **clean}
