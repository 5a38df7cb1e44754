"""`--json` for saves, scenarios and validate: one object each, in the shapes the READMEs
document (a key printed here and not documented there fails)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from game import cli, saves
from game.engine import Game
from game.scenario import Scenario, bundled_paths

from .conftest import ROOT, TINY


def run_json(*args: str) -> tuple[int, Any]:
    out = io.StringIO()
    code = cli.main([*args, "--json"], out=out)
    return code, json.loads(out.getvalue())


def documented(readme: Path) -> set[str]:
    """Every name written in backticks or as a JSON string in the file."""
    text = readme.read_text(encoding="utf-8")
    return set(re.findall(r"`([a-z_]+)`", text)) | set(re.findall(r'"([a-z_]+)"', text))


def keys(obj: Any) -> set[str]:
    if isinstance(obj, dict):
        return set(obj) | {k for v in obj.values() for k in keys(v)}
    if isinstance(obj, list):
        return {k for v in obj for k in keys(v)}
    return set()


@pytest.fixture
def folder(tmp_path: Path, tiny: Scenario) -> Path:
    """A saves folder with one good save and one damaged file."""
    game = Game.new(tiny, humans={"soviet"}, seed=3)
    game.end_turn()
    saves.save(game, "evening", tmp_path, "g1")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    return tmp_path


def test_saves_json(folder: Path) -> None:
    code, data = run_json("saves", "--saves-dir", str(folder))
    assert code == 0
    assert data["format"] == 1 and data["folder"] == str(folder)
    by_slot = {s["slot"]: s for s in data["saves"]}
    good, bad = by_slot["evening"], by_slot["broken"]
    assert good["ok"] is True and good["scenario"] == "tiny" and good["powers"] == ["soviet"]
    assert good["turn"] == 2 and re.fullmatch(r"\d{4}-\d\d-\d\d", good["date"])
    assert good["saved_at"].endswith("+00:00")
    assert (good["autosave"], good["finished"], good["signed"]) == (False, False, True)
    assert good["path"] == str(folder / "evening.json")
    assert bad["ok"] is False and "broken.json" in bad["error"] and "scenario" not in bad
    assert keys(data) <= documented(ROOT / "README.md")


def test_saves_json_of_an_empty_folder(tmp_path: Path) -> None:
    assert run_json("saves", "--saves-dir", str(tmp_path / "none")) == (
        0,
        {"format": 1, "folder": str(tmp_path / "none"), "saves": []},
    )


def test_scenarios_json() -> None:
    code, data = run_json("scenarios")
    assert code == 0
    entries = {s["id"]: s for s in data["scenarios"]}
    assert set(entries) == set(bundled_paths())
    main = entries["moscow_1939"]
    assert main["ok"] is True and "soviet" in main["playable"]
    assert main["start"] == "1939-03-15" and main["turns"] > 10
    assert keys(data) <= documented(ROOT / "README.md")


def test_scenarios_json_names_one_that_does_not_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\nid = "bad"\ntitle = 5\n', encoding="utf-8")
    monkeypatch.setattr("game.scenario.bundled_paths", lambda: {"tiny": TINY, "bad": bad})
    code, data = run_json("scenarios")
    assert code == 0
    tiny, broken = data["scenarios"]
    assert tiny["ok"] is True and broken["ok"] is False and broken["id"] == "bad"
    assert broken["errors"] and all(e["file"] == str(bad) for e in broken["errors"])
    assert keys(data) <= documented(ROOT / "README.md") | documented(ROOT / "scenarios/README.md")


def test_validate_json_locates_each_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    text = TINY.read_text(encoding="utf-8").replace('title = "A Tiny Negotiation"', "title = 5", 1)
    assert text != TINY.read_text(encoding="utf-8")
    bad.write_text(text, encoding="utf-8")
    code, data = run_json("validate", str(TINY), str(bad))
    assert code == 1
    assert data["ok"] is False
    good, wrong = data["files"]
    assert good == {
        "file": str(TINY),
        "ok": True,
        "id": "tiny",
        "turns": 3,
        "events": 1,
        "actions": 2,
        "endings": 3,
        "unreadable": False,
        "errors": [],
        "more_errors": 0,
    }
    assert wrong["ok"] is False and wrong["unreadable"] is False
    (error,) = wrong["errors"]
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("title"))
    assert error["file"] == str(bad) and error["line"] == line and error["key"] == "title"
    assert error["message"]
    assert keys(data) <= documented(ROOT / "scenarios/README.md")


def test_validate_json_of_an_unreadable_file(tmp_path: Path) -> None:
    code, data = run_json("validate", str(tmp_path / "missing.toml"))
    assert code == 2
    (entry,) = data["files"]
    assert entry["unreadable"] is True and entry["errors"][0]["line"] is None


def test_validate_json_of_valid_files_says_ok() -> None:
    code, data = run_json("validate", str(TINY))
    assert (code, data["ok"]) == (0, True)
