"""Author-mode replay (`moscow1939 replay`): a save's commands on an edited scenario, where
the game first differs, and a new save of the game up to there that loads normally."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game import cli, saves
from game.engine import Game
from game.saves.divergence import checkpoints, replay_on
from game.scenario import load_scenario

from .conftest import TINY

TEXT = TINY.read_text(encoding="utf-8").replace('id = "tiny"', 'id = "mine"')
PROPOSE = 'when = "not treaty"\neffects = ["trust += 5"]'
ACTION = TEXT[
    TEXT.index('[[actions]]\nid = "propose_treaty"') : TEXT.index('[[actions]]\nid = "flatter"')
]
PATH = TEXT[TEXT.index("[[historical_path]]") :]


@pytest.fixture
def played(tmp_path: Path) -> Path:
    """A game of three commands on mine.toml (tiny, renamed): the end of turn 1, a move in
    turn 2, the end of turn 2, autosaved at each turn's end and saved as 'mine'."""
    file = tmp_path / "mine.toml"
    file.write_text(TEXT, encoding="utf-8")
    g = Game.new(load_scenario(file), humans=["soviet"], seed=1)
    g.end_turn()
    saves.autosave(g, tmp_path, "g1")
    g.play("soviet", "propose_treaty")
    g.end_turn()
    saves.autosave(g, tmp_path, "g1")
    saves.save(g, "mine", tmp_path, "g1")
    return tmp_path


def run(folder: Path, text: str, keep_all: bool = False) -> saves.divergence.Divergence:
    (folder / "mine.toml").write_text(text, encoding="utf-8")
    rec = saves.read(folder / "mine.json")
    return replay_on(rec, load_scenario(folder / "mine.toml"), checkpoints(rec, folder), keep_all)


def test_the_saves_of_one_game_are_its_checkpoints(played: Path) -> None:
    rec = saves.read(played / "mine.json")
    points = checkpoints(rec, played)
    assert [(p.commands, p.snapshot.turn) for p in points] == [(1, 2), (3, 3)]


def test_an_unchanged_scenario_does_not_diverge(played: Path) -> None:
    found = run(played, TEXT)
    assert found.same and found.kept == found.total == 3
    assert "No difference" in found.report([])


def test_an_edited_number_diverges_at_its_turn_naming_the_variable(played: Path) -> None:
    found = run(played, TEXT.replace(PROPOSE, PROPOSE.replace("+= 5", "+= 7")))
    assert found.at is not None and found.at.snapshot.turn == 3
    assert found.agreed is not None and found.agreed.commands == 1
    assert found.differences[0] == "trust is 36 in the save, 38 replayed"
    assert found.kept == 1 and found.game.state.turn == 2 and not found.failed
    rec = saves.read(played / "mine.json")
    report = found.report(saves.divergence.log_of(rec))
    assert "first differs by turn 3" in report and "trust is 36 in the save, 38" in report
    assert "still agreed after command 1 (turn 2" in report
    every = run(played, TEXT.replace(PROPOSE, PROPOSE.replace("+= 5", "+= 7")), keep_all=True)
    assert every.kept == 3 and every.game.state.env["trust"] == 38


def test_a_removed_action_stops_at_its_command(played: Path) -> None:
    found = run(played, TEXT.replace(ACTION, "").replace(PATH, ""))
    assert found.failed == 2 and "propose_treaty" in found.failure
    assert found.kept == 1 and found.game.state.turn == 2
    rec = saves.read(played / "mine.json")
    assert "Command 2 (turn 2, soviet: play propose_treaty) no longer replays" in found.report(
        saves.divergence.log_of(rec)
    )


def test_the_command_writes_a_save_of_the_new_version_that_loads(played: Path) -> None:
    (played / "mine.toml").write_text(
        TEXT.replace(PROPOSE, PROPOSE.replace("+= 5", "+= 7")), encoding="utf-8"
    )
    out = io.StringIO()
    assert cli.main(["replay", "mine", "--saves-dir", str(played)], out=out) == 0
    said = out.getvalue()
    assert "first differs by turn 3" in said and "as 'mine-replayed'" in said
    loaded = saves.load("mine-replayed", played)  # bound to the edited scenario: no question
    assert loaded.game.state.turn == 2 and len(loaded.record.log) == 1 and not loaded.warning
    with pytest.raises(saves.SaveError, match="has changed since the save was made.*trust"):
        saves.load("mine", played, accept_changed=True)


def test_a_second_replay_makes_a_second_copy_and_a_bad_name_asks_for_out(played: Path) -> None:
    (played / "mine.toml").write_text(
        TEXT.replace(PROPOSE, PROPOSE.replace("+= 5", "+= 7")), encoding="utf-8"
    )
    for copy in ("mine-replayed", "mine-replayed-2"):
        out = io.StringIO()
        assert cli.main(["replay", "mine", "--saves-dir", str(played)], out=out) == 0
        assert f"as '{copy}'" in out.getvalue()
    err = io.StringIO()  # errors go where the output goes, when it is given
    args = ["replay", "mine", "--out", "mine", "--saves-dir", str(played)]
    assert cli.main(args, out=err) == 1
    assert "--out NAME" in err.getvalue()
    (played / "mine.json").rename(played / "mine\x07.json")
    err = io.StringIO()
    assert cli.main(["replay", str(played / "mine\x07.json")], out=err) == 1
    assert "Name the copy with --out NAME" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_the_command_names_a_save_that_is_not_there(tmp_path: Path) -> None:
    out = io.StringIO()
    assert cli.main(["replay", "nothing", "--saves-dir", str(tmp_path)], out=out) == 1
    assert out.getvalue().startswith("moscow1939 replay: There is no save")
