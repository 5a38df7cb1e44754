"""A save never silently takes another's place: a slot of another game is replaced only
when the player says so, names shaped like autosaves are kept for them, only real
autosaves are pruned, the player's backups stay, and a lock never follows a link."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from game import cli, saves
from game.engine import Game
from game.scenario import Scenario, load_scenario

from .conftest import MAIN, TINY


@pytest.fixture
def tiny_sc() -> Scenario:
    return load_scenario(TINY)


def game(sc: Scenario, seed: int = 1) -> Game:
    g = Game.new(sc, humans=["soviet"], seed=seed)
    g.end_turn()
    return g


def test_a_slot_of_another_game_is_not_written_over(tmp_path: Path, tiny_sc: Scenario) -> None:
    mine = saves.save(game(tiny_sc), "precious", tmp_path, "aaaa")
    before = mine.read_bytes()
    with pytest.raises(saves.SlotTaken) as caught:
        saves.save(game(tiny_sc, 2), "precious", tmp_path, "bbbb")
    assert "There is already a save called 'precious' from another game (" in str(caught.value)
    assert mine.read_bytes() == before
    saves.save(game(tiny_sc), "precious", tmp_path, "aaaa")  # the same game: saved again
    saves.save(game(tiny_sc, 2), "precious", tmp_path, "bbbb", replace=True)
    assert saves.read(mine).game_id == "bbbb"


def test_a_file_that_is_not_a_save_is_not_written_over(tmp_path: Path, tiny_sc: Scenario) -> None:
    notes = tmp_path / "notes.json"
    notes.write_text("my notes", encoding="utf-8")
    with pytest.raises(saves.SlotTaken, match="a file that is not a save"):
        saves.save(game(tiny_sc), "notes", tmp_path, "aaaa")
    assert notes.read_text(encoding="utf-8") == "my notes"


def test_a_name_shaped_like_an_autosave_is_kept_for_autosaves(
    tmp_path: Path, tiny_sc: Scenario
) -> None:
    with pytest.raises(saves.SaveError, match="named like an autosave"):
        saves.save(game(tiny_sc), "auto-zz-turn001", tmp_path, "aaaa")
    saves.save(game(tiny_sc), "auto-zz", tmp_path, "aaaa")  # not the shape: fine


def test_only_real_autosaves_are_pruned(tmp_path: Path, tiny_sc: Scenario) -> None:
    hand = saves.save(game(tiny_sc), "kept", tmp_path, "zz")
    data = json.loads(hand.read_text(encoding="utf-8"))
    copies = []
    for turn in (90, 91):  # the player's copies, put there under autosave names
        copy = tmp_path / f"auto-zz-turn0{turn}.json"
        copy.write_text(json.dumps(data), encoding="utf-8")
        copies.append(copy)
    g = Game.new(load_scenario(MAIN), humans=(), seed=1)
    for _ in range(saves.AUTOSAVES_KEPT + 2):
        saves.autosave(g, tmp_path, "zz")
        g.end_turn()
    saves.list_saves(tmp_path)
    assert all(c.exists() for c in copies)
    real = sorted(p.name for p in tmp_path.glob("auto-zz-turn*.json") if p not in copies)
    assert len(real) == saves.AUTOSAVES_KEPT


def test_a_backup_beside_a_save_is_the_players(tmp_path: Path, tiny_sc: Scenario) -> None:
    path = saves.save(game(tiny_sc), "good", tmp_path, "aaaa")
    backup = tmp_path / "good.json.bak"
    backup.write_bytes(b"the player's copy")
    saves.list_saves(tmp_path)
    saves.save(game(tiny_sc), "good", tmp_path, "aaaa")
    assert backup.read_bytes() == b"the player's copy" and path.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and locks")
def test_a_lock_file_that_is_a_link_is_refused(tmp_path: Path, tiny_sc: Scenario) -> None:
    target = tmp_path / "elsewhere"
    folder = tmp_path / "saves"
    folder.mkdir()
    (folder / ".slot1.json.lock").symlink_to(target)
    with pytest.raises(saves.SaveError, match="lock file .* cannot be made"):
        saves.save(game(tiny_sc), "slot1", folder, "aaaa")
    assert not target.exists() and not (folder / "slot1.json").exists()


def test_plain_asks_before_it_replaces_another_games_save(tmp_path: Path) -> None:
    args = ["--saves-dir", str(tmp_path), "plain", "--scenario", str(TINY), "--power", "soviet"]
    cli.main([*args, "--seed", "1"], out=io.StringIO(), inp=io.StringIO("s\nprecious\nq\n"))
    before = (tmp_path / "precious.json").read_bytes()
    out = io.StringIO()
    cli.main([*args, "--seed", "5"], out=out, inp=io.StringIO("s\nprecious\nn\nq\n"))
    assert "There is already a save called 'precious' from another game" in out.getvalue()
    assert "Not saved: the other save is kept." in out.getvalue()
    assert (tmp_path / "precious.json").read_bytes() == before
    out = io.StringIO()
    cli.main([*args, "--seed", "5"], out=out, inp=io.StringIO("s\nprecious\ny\nq\n"))
    assert "Saved as 'precious'" in out.getvalue()
    assert saves.read(tmp_path / "precious.json").seed == 5


def test_replay_does_not_write_over_another_save(tmp_path: Path, tiny_sc: Scenario) -> None:
    source = saves.save(game(tiny_sc), "source", tmp_path, "aaaa")
    other = saves.save(game(tiny_sc, 3), "precious", tmp_path, "cccc")
    before = other.read_bytes()
    out = io.StringIO()  # errors go there too when it is not the terminal
    code = cli.main(["--saves-dir", str(tmp_path), "replay", str(source), "--out", "precious"], out)
    assert code != 0 and "Name the copy with --out NAME." in out.getvalue()
    assert other.read_bytes() == before


def test_input_ending_mid_turn_keeps_the_moves_made(tmp_path: Path) -> None:
    args = ["--saves-dir", str(tmp_path), "plain", "--scenario", str(TINY), "--power", "soviet"]
    out = io.StringIO()
    cli.main([*args, "--autosave", "--width", "0"], out=out, inp=io.StringIO("1\n"))
    assert "The moves so far are autosaved: moscow1939 continue." in out.getvalue()
    (kept,) = tmp_path.glob("auto-*.json")
    rec = saves.read(kept)
    assert [c.verb for c in rec.log] == ["play"] and rec.snapshot.turn == 1


def test_ctrl_c_mid_turn_keeps_the_moves_made(tmp_path: Path) -> None:
    class Interrupting(io.StringIO):
        def readline(self, *args: object) -> str:
            line = super().readline(*args)  # type: ignore[arg-type]
            if not line:
                raise KeyboardInterrupt
            return line

    args = ["--saves-dir", str(tmp_path), "plain", "--scenario", str(TINY), "--power", "soviet"]
    out = io.StringIO()
    code = cli.main([*args, "--autosave", "--width", "0"], out=out, inp=Interrupting("1\n"))
    assert code == 130 and "Interrupted." in out.getvalue()
    assert "The moves so far are autosaved" in out.getvalue()
    (kept,) = tmp_path.glob("auto-*.json")
    assert [c.verb for c in saves.read(kept).log] == ["play"]


def test_a_save_naming_its_scenario_with_escape_codes_is_damaged(
    tmp_path: Path, tiny_sc: Scenario
) -> None:
    path = saves.save(game(tiny_sc), "x", tmp_path, "aaaa")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["scenario_id"], data["digest"] = "\x1b[2Jpwn", None
    path.write_text(json.dumps(data), encoding="utf-8")
    out = io.StringIO()
    cli.main(["--saves-dir", str(tmp_path), "saves"], out=out)
    assert "x.json is damaged (scenario_id" in out.getvalue() and "\x1b" not in out.getvalue()


def test_a_logged_command_with_the_wrong_arguments_says_so(tiny_sc: Scenario) -> None:
    from game.engine.state import Command, GameError

    g = Game.new(tiny_sc, humans=["soviet"], seed=1)
    with pytest.raises(GameError, match=r"command 'play' takes one argument \(the move\), not 0"):
        g.command(Command(1, "soviet", "play", ()))
    with pytest.raises(GameError, match="command 'end_turn' takes none, not 1"):
        g.command(Command(1, "soviet", "end_turn", ("x",)))


def test_a_folder_of_a_user_who_does_not_exist_is_named_as_such(tmp_path: Path) -> None:
    out = io.StringIO()
    code = cli.main(["--saves-dir", "~no_such_user_1939/x", "saves"], out=out)
    assert code != 0
    assert "starts with ~no_such_user_1939, but this machine has no user of that name" in (
        out.getvalue()
    )


def test_a_missing_path_is_not_taken_for_an_id() -> None:
    out = io.StringIO()
    cli.main(["validate", "/no/such/scenario"], out=out)
    assert "no such file" in out.getvalue() and "bundled scenario has this id" not in out.getvalue()


@pytest.mark.parametrize(
    ("commands", "state", "why"),
    [
        ([5, [1]], {}, "a field holds the wrong kind of value"),
        ([], None, "it lacks 'turn'"),
        ([], [1], "a field holds the wrong kind of value"),
    ],
)
def test_a_damaged_prototype_save_says_what_its_format_holds(
    tmp_path: Path, commands: list[object], state: object, why: str
) -> None:
    raw: dict[str, object] = {"version": 0, "scenario": "moscow_1939", "seed": 1}
    raw |= {"powers": ["soviet"], "commands": commands}
    if state is not None:
        raw["state"] = state
    path = tmp_path / "old.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(saves.SaveError) as caught:
        saves.read(path)
    message = str(caught.value)
    assert message.startswith(f"old.json is damaged: it is a save of format 0, but {why}")
    assert "that format holds 'scenario', 'seed', 'powers', 'commands'" in message
    assert "subscriptable" not in message and "indices" not in message
