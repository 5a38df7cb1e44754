"""Saves edited by hand in their descriptive parts (which the digest does not bind), and
`continue` in a folder whose only saves are damaged: each gets words that say what is
wrong and the game goes on where it can."""

from __future__ import annotations

import io
import json
from pathlib import Path

from game import cli, saves
from game.engine import Game
from game.saves.fileformat import GAME_ID_RE
from game.scenario import Scenario


def saved(folder: Path, tiny: Scenario, **edits: object) -> Path:
    """A save of a new game of `tiny`, with the keys in `edits` rewritten."""
    path = saves.save(Game.new(tiny, humans=["soviet"], seed=1), "mine", folder, "a1b2")
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw.update(edits)
    path.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    return path


def test_continue_names_the_damaged_save_it_could_not_resume(
    tmp_path: Path, tiny: Scenario
) -> None:
    path = saved(tmp_path, tiny)
    path.write_bytes(path.read_bytes()[:100])
    err = io.StringIO()
    code = cli.main(["continue", "--plain", "--saves-dir", str(tmp_path)], out=err)
    assert code == 1
    said = err.getvalue()
    assert "1 save there cannot be loaded" in said
    assert "mine: mine.json is cut short" in said
    assert "'moscow1939 saves' lists them all" in said


def test_continue_with_no_save_at_all_says_so(tmp_path: Path) -> None:
    err = io.StringIO()
    assert cli.main(["continue", "--plain", "--saves-dir", str(tmp_path)], out=err) == 1
    assert "There is no game in progress saved in" in err.getvalue()


def test_a_huge_slot_in_a_save_is_listed_short_and_printable(
    tmp_path: Path, tiny: Scenario
) -> None:
    path = saved(tmp_path, tiny, slot="\x1b[2J" + "x" * 1_000_000)
    assert saves.read(path).slot == "?[2J" + "x" * 60
    (info,) = saves.list_saves(tmp_path)
    assert not info.error
    assert info.slot == "mine"
    out = io.StringIO()
    assert cli.main(["saves", "--saves-dir", str(tmp_path)], out=out) == 0
    assert len(out.getvalue()) < 1000


def test_a_game_id_that_cannot_name_a_file_still_autosaves_in_the_folder(
    tmp_path: Path, tiny: Scenario
) -> None:
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    saved(folder, tiny, game_id="../../evil")
    rec = saves.read(folder / "mine.json")
    assert GAME_ID_RE.match(rec.game_id)
    out = io.StringIO()
    args = ["load", "--plain", "--autosave", "--saves-dir", str(folder), "mine"]
    assert cli.main(args, out=out, inp=io.StringIO("e\nq\n3\n")) == 0
    assert "Autosave failed" not in out.getvalue()
    assert [p.name for p in folder.glob("auto-*.json")] == [f"auto-{rec.game_id}-turn002.json"]
    assert sorted(p.name for p in tmp_path.rglob("*.json")) == sorted(
        p.name for p in folder.glob("*.json")
    )


def test_a_copied_save_is_listed_by_the_name_load_takes(tmp_path: Path, tiny: Scenario) -> None:
    path = saved(tmp_path, tiny)
    (tmp_path / "backup.json").write_bytes(path.read_bytes())
    assert sorted(s.slot for s in saves.list_saves(tmp_path)) == ["backup", "mine"]
    out = io.StringIO()
    assert cli.main(["saves", "--saves-dir", str(tmp_path)], out=out) == 0
    assert "  backup: " in out.getvalue()
    args = ["load", "--plain", "--saves-dir", str(tmp_path), "backup"]
    assert cli.main(args, out=out, inp=io.StringIO("q\n3\n")) == 0


def test_a_save_an_editor_gave_a_byte_order_mark_still_loads(
    tmp_path: Path, tiny: Scenario
) -> None:
    path = saved(tmp_path, tiny)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert saves.load(path, tmp_path).record.slot == "mine"


def test_a_save_the_edited_scenario_no_longer_replays_points_to_replay(
    tmp_path: Path, tiny: Scenario
) -> None:
    copy = tmp_path / "mine.toml"
    text = Path(str(tiny.file)).read_text(encoding="utf-8").replace('id = "tiny"', 'id = "mine"')
    copy.write_text(text, encoding="utf-8")
    from game.scenario import load_scenario

    g = Game.new(load_scenario(copy), humans=["soviet"], seed=1)
    g.end_turn()
    saves.save(g, "mine", tmp_path, "g")
    copy.write_text(text.replace("start = 40", "start = 10"), encoding="utf-8")
    out = io.StringIO()
    assert (
        cli.main(["load", "--plain", "--yes", "--saves-dir", str(tmp_path), "mine"], out=out) == 1
    )
    assert "run moscow1939 replay on this save" in out.getvalue()


def test_a_scenario_file_given_to_load_is_told_how_to_play_it(tmp_path: Path) -> None:
    out = io.StringIO()
    scenario = str(tmp_path / "mine.toml")
    assert cli.main(["load", "--plain", "--saves-dir", str(tmp_path), scenario], out=out) == 1
    said = out.getvalue()
    assert f"{scenario} is not a save: a save is a .json file" in said
    assert f"To play a scenario file: moscow1939 --scenario {scenario}." in said
    assert "cannot be a save name" not in said


def test_a_saves_folder_that_is_a_file_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for command in (["saves"], ["continue", "--plain"]):
        out = io.StringIO()
        assert cli.main(["--saves-dir", str(tmp_path / "file"), *command], out=out) == 1
        assert "is a file, not a folder" in out.getvalue()
