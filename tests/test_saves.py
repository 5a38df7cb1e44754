"""Saves that can be trusted: round trips, atomic writes under SIGKILL, every bad input."""

from __future__ import annotations

import errno
import io
import json
import os
import random
import re
import signal
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import cli, saves
from game.engine import Game
from game.scenario import Scenario, load_scenario

from .conftest import MAIN, TINY

PLAYABLE = MAIN if MAIN.exists() else TINY


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return load_scenario(PLAYABLE)


def play_turns(game: Game, turns: int, rng: random.Random) -> None:
    """A person's random but legal play for `turns` turns (or to the end)."""
    for _ in range(turns):
        if game.over:
            return
        for power in game.humans:
            for d in game.decisions(power):
                game.decide(power, d.id, rng.choice(game.choices(d)).id)
                if game.over:
                    return
            for _ in range(3):
                moves = [m for m in game.moves(power) if m.cost <= game.budget(power)]
                if not moves or game.over:
                    break
                game.play(power, rng.choice(moves).id)
        if not game.over:
            game.end_turn()


def finish(game: Game, rng: random.Random) -> None:
    play_turns(game, 100, rng)


def test_round_trip_many_games(tmp_path: Path, scenario: Scenario) -> None:
    powers = [p.id for p in scenario.playable]
    for seed in range(25):
        rng = random.Random(seed)
        human = powers[seed % len(powers)]
        split = rng.randrange(0, len(scenario.calendar))
        straight = Game.new(scenario, humans=[human], seed=seed)
        saved = Game.new(scenario, humans=[human], seed=seed)
        play_turns(straight, split, random.Random(seed))
        play_rng = random.Random(seed)
        play_turns(saved, split, play_rng)
        path = saves.save(saved, f"slot{seed}", tmp_path, "g")
        loaded = saves.load(str(path), tmp_path).game
        assert loaded.state.env == saved.state.env
        assert loaded.state.dispatches == saved.state.dispatches
        finish(straight, random.Random(seed + 1000))
        finish(loaded, random.Random(seed + 1000))
        assert loaded.ending == straight.ending
        assert loaded.state.env == straight.state.env
        assert loaded.state.log == straight.state.log


def test_save_file_is_readable_json(tmp_path: Path, tiny: Scenario) -> None:
    g = Game.new(tiny, humans=["soviet"], seed=4)
    g.play("soviet", "propose_treaty")
    path = saves.save(g, "readable", tmp_path, "abc")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == saves.SAVE_FORMAT
    assert data["scenario_id"] == "tiny" and data["scenario_hash"] == tiny.digest
    assert data["seed"] == 4 and data["humans"] == ["soviet"]
    assert data["log"] == [
        {"turn": 1, "power": "soviet", "verb": "play", "args": ["propose_treaty"]}
    ]
    assert data["snapshot"]["variables"] == {"trust": 50}
    assert "\n  " in path.read_text(encoding="utf-8"), "indented for people"


def long_tiny(folder: Path) -> Scenario:
    """The tiny scenario stretched to ten weekly turns."""
    text = TINY.read_text(encoding="utf-8").replace("end = 1939-04-05", "end = 1939-05-31")
    extra = "".join(
        f'\n[[calendar]]\ndate = 1939-{m:02d}-{d:02d}\ntitle = "Later"\n'
        for m, d in [(4, 5), (4, 12), (4, 19), (4, 26), (5, 3), (5, 10), (5, 17)]
    )
    text = text.replace("\n[[events]]", extra + "\n[[events]]", 1)
    path = folder / "long.toml"
    path.write_text(text.replace('id = "tiny"', 'id = "long"'), encoding="utf-8")
    return load_scenario(path)


def test_autosave_keeps_the_last_three(tmp_path: Path, tiny: Scenario) -> None:
    long_game = long_tiny(tmp_path)
    g = Game.new(long_game, humans=["soviet"], seed=1)
    for _ in range(5):
        g.end_turn()
        saves.autosave(g, tmp_path, "game1")
    other = Game.new(tiny, humans=["soviet"], seed=1)
    saves.autosave(other, tmp_path, "game2")
    names = sorted(p.name for p in tmp_path.glob("*.json"))
    assert names == [
        "auto-game1-turn004.json",
        "auto-game1-turn005.json",
        "auto-game1-turn006.json",
        "auto-game2-turn001.json",
    ]


def test_latest_and_listing(tmp_path: Path, tiny: Scenario) -> None:
    g = Game.new(tiny, humans=["soviet"], seed=1)
    saves.save(g, "first", tmp_path, "a")
    g.end_turn()
    second = saves.save(g, "second", tmp_path, "a")
    os.utime(second, (2_000_000_000, 2_000_000_000))
    (tmp_path / "junk.json").write_text("{", encoding="utf-8")
    listing = saves.list_saves(tmp_path)
    assert [s.slot for s in listing][0] == "second"
    junk = next(s for s in listing if s.slot == "junk")
    assert "cut short" in junk.error
    newest = saves.latest(tmp_path)
    assert newest is not None and newest.slot == "second" and newest.turn == 2


def test_a_save_is_never_newer_than_its_file(tmp_path: Path, tiny: Scenario) -> None:
    """A record's time after its file's last write (a wrong clock when it was made) does not
    keep it first for ever: the earlier of the two is the save's time."""
    g = Game.new(tiny, humans=["soviet"], seed=1)
    saves.save(g, "first", tmp_path, "a")
    g.end_turn()
    second = saves.save(g, "second", tmp_path, "a")
    os.utime(second, (1_600_000_000, 1_600_000_000))  # September 2020, before its record
    listing = saves.list_saves(tmp_path)
    assert [s.slot for s in listing] == ["first", "second"]
    assert listing[1].saved_at.startswith("2020-09-1")
    newest = saves.latest(tmp_path)
    assert newest is not None and newest.slot == "first"


# -- bad input: a clear error, and nothing lost ----------------------------------------------


@pytest.fixture
def good(tmp_path: Path, tiny: Scenario) -> Path:
    g = Game.new(tiny, humans=["soviet"], seed=2)
    g.play("soviet", "propose_treaty")
    g.end_turn()
    return saves.save(g, "good", tmp_path, "g")


def corrupt(path: Path, data: bytes) -> Path:
    bad = path.with_name("bad.json")
    bad.write_bytes(data)
    return bad


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b: b[: len(b) // 2], "is cut short"),
        (lambda b: b"hello, world", "not valid JSON"),
        (lambda b: b"\xff\xfe\x00garbage", "not text"),
        (lambda b: b"[1, 2, 3]", "not a Moscow 1939 save"),
        (lambda b: b.replace(b'"format": 1', b'"format": 9'), "written by a newer version"),
        (lambda b: b.replace(b'"format": 1', b'"format": -3'), "cannot read"),
        (lambda b: b.replace(b'"format": 1', b'"format": "one"'), "no format version"),
        (lambda b: b.replace(b'"propose_treaty"', b'"declare_war"'), "cannot be replayed"),
        (lambda b: re.sub(rb'"trust": \d+', b'"trust": 99', b), "does not match its replay"),
        (lambda b: b.replace(b'"seed": 2', b'"seed": "two"'), "is damaged"),
        (
            lambda b: re.sub(
                rb'"scenario_file": "[^"]*"',
                b'"scenario_file": "/gone/atlantis.toml"',
                b.replace(b'"scenario_id": "tiny"', b'"scenario_id": "atlantis"'),
            ),
            r"'atlantis' cannot be found \(it was read from /gone/atlantis.toml\)",
        ),
    ],
)
def test_bad_saves_are_refused_clearly(good: Path, damage: object, message: str) -> None:
    original = good.read_bytes()
    assert callable(damage)
    bad = corrupt(good, damage(original))
    with pytest.raises(saves.SaveError, match=message):
        saves.load(str(bad), good.parent)
    assert good.read_bytes() == original
    assert saves.load("good", good.parent).game.state.turn == 2


def test_missing_scenario_file_named(tmp_path: Path, tiny: Scenario) -> None:
    copy = tmp_path / "mine.toml"
    copy.write_text(
        TINY.read_text(encoding="utf-8").replace('id = "tiny"', 'id = "mine"'), encoding="utf-8"
    )
    g = Game.new(load_scenario(copy), humans=["soviet"], seed=1)
    saves.save(g, "mine", tmp_path, "g")
    copy.unlink()
    with pytest.raises(saves.SaveError, match=r"scenario 'mine' cannot be found .*mine\.toml"):
        saves.load("mine", tmp_path)


def test_changed_scenario_asks_then_loads(tmp_path: Path) -> None:
    copy = tmp_path / "mine.toml"
    text = TINY.read_text(encoding="utf-8").replace('id = "tiny"', 'id = "mine"')
    copy.write_text(text, encoding="utf-8")
    g = Game.new(load_scenario(copy), humans=["soviet"], seed=1)
    g.end_turn()
    saves.save(g, "mine", tmp_path, "g")
    copy.write_text(text.replace("The talks lapse.", "The talks lapse quietly."), encoding="utf-8")
    with pytest.raises(saves.ChangedScenario, match="'mine' .* has changed since"):
        saves.load("mine", tmp_path)
    assert saves.load("mine", tmp_path, accept_changed=True).game.state.turn == 2
    copy.write_text(text.replace("start = 40", "start = 10"), encoding="utf-8")
    with pytest.raises(saves.SaveError, match="has changed since the save was made.*trust"):
        saves.load("mine", tmp_path, accept_changed=True)


@pytest.mark.parametrize(
    "slot", ["../evil", "a/b", "..", "a\\b", "", " ", ".hidden", "x" * 80, "nul\x00"]
)
def test_unsafe_slot_names_refused(tmp_path: Path, tiny: Scenario, slot: str) -> None:
    g = Game.new(tiny, humans=["soviet"], seed=1)
    with pytest.raises(saves.SaveError, match="cannot be a save name"):
        saves.save(g, slot, tmp_path / "saves", "g")
    assert not (tmp_path / "evil.json").exists()


@pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else True,
    reason="root can write to read-only folders",
)
def test_read_only_folder(good: Path, tiny: Scenario) -> None:  # pragma: no cover - as root
    good.parent.chmod(0o500)
    try:
        with pytest.raises(saves.SaveError, match="cannot be written"):
            saves.save(Game.new(tiny, humans=["soviet"]), "good", good.parent, "g")
    finally:
        good.parent.chmod(0o700)


def test_unwritable_folder_reported(tmp_path: Path, tiny: Scenario) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(saves.SaveError, match="Cannot create the save folder"):
        saves.save(Game.new(tiny, humans=["soviet"]), "x", blocker / "saves", "g")


def test_permission_denied_keeps_the_old_save(
    good: Path, tiny: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = good.read_bytes()

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(saves.os, "replace", refuse)
    with pytest.raises(saves.SaveError, match="cannot be written to.*previous save.*untouched"):
        saves.save(Game.new(tiny, humans=["soviet"]), "good", good.parent, "g")
    assert good.read_bytes() == original
    assert [p.name for p in good.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_full_disk_keeps_the_old_save(
    good: Path, tiny: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = good.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(saves.os, "fsync", full)
    with pytest.raises(saves.SaveError, match="disk is full"):
        saves.save(Game.new(tiny, humans=["soviet"]), "good", good.parent, "g")
    assert good.read_bytes() == original
    assert sorted(p.name for p in good.parent.iterdir()) == ["good.json"]


def test_unreadable_folder_lists_nothing(tmp_path: Path) -> None:
    assert saves.list_saves(tmp_path / "missing") == []
    assert saves.latest(tmp_path / "missing") is None


def test_version_zero_is_migrated(
    tmp_path: Path, tiny: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(saves, "bundled_paths", lambda: {"tiny": TINY})
    g = Game.new(tiny, humans=["soviet"], seed=7)
    g.play("soviet", "propose_treaty")
    g.end_turn()
    legacy = {
        "version": 0,
        "scenario": "tiny",
        "seed": 7,
        "powers": ["soviet"],
        "commands": [[1, "soviet", "play", "propose_treaty"], [1, "", "end_turn"]],
        "state": {
            "turn": 2,
            "date": "1939-03-22",
            "variables": {"trust": 38},
            "flags": {"treaty": False, "rebuffed": True},
        },
    }
    (tmp_path / "old.json").write_text(json.dumps(legacy), encoding="utf-8")
    loaded = saves.load("old", tmp_path)
    assert loaded.game.state.env == g.state.env
    assert loaded.record.format == saves.SAVE_FORMAT


# -- crash safety ---------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_while_saving_never_loses_the_save(tmp_path: Path, tiny: Scenario) -> None:
    game = Game.new(tiny, humans=["soviet"], seed=3)
    game.play("soviet", "propose_treaty")
    saves.save(game, "crash", tmp_path, "g")
    rng = random.Random(1939)
    for _ in range(200):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child saves in a loop, reporting each save, until killed
            os.close(read_fd)
            try:
                for _ in range(10_000):
                    saves.save(game, "crash", tmp_path, "g")
                    os.write(write_fd, b"s")
            finally:
                os._exit(0)
        os.close(write_fd)
        wanted = rng.randrange(0, 4)
        got = 0
        while got < wanted:
            chunk = os.read(read_fd, 1)
            if not chunk:
                break
            got += 1
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_fd)
        loaded = saves.load("crash", tmp_path)
        assert loaded.game.state.env == game.state.env


# -- property: damaged saves load identically or fail with SaveError ------------------------


@pytest.fixture(scope="module")
def real_save(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, Game]:
    folder = tmp_path_factory.mktemp("damage")
    sc = load_scenario(TINY)
    g = Game.new(sc, humans=["soviet"], seed=5)
    g.play("soviet", "propose_treaty")
    g.end_turn()
    path = saves.save(g, "real", folder, "g")
    return folder, path.read_bytes(), g


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.data())
def test_damaged_saves_load_identically_or_fail_cleanly(
    real_save: tuple[Path, bytes, Game], data: st.DataObject
) -> None:
    folder, original, game = real_save
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 3))):
        kind = data.draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        pos = data.draw(st.integers(0, max(0, len(damaged) - 1)))
        if kind == "flip" and damaged:
            damaged[pos] ^= 1 << data.draw(st.integers(0, 7))
        elif kind == "delete":
            del damaged[pos : pos + data.draw(st.integers(1, 20))]
        elif kind == "insert":
            damaged[pos:pos] = data.draw(st.binary(min_size=1, max_size=8))
        else:
            del damaged[pos:]
    target = folder / "victim.json"
    target.write_bytes(bytes(damaged))
    try:
        loaded = saves.load(target, folder, accept_changed=True)
    except saves.SaveError:
        return
    assert loaded.game.state.env == game.state.env
    assert loaded.game.state.log == game.state.log


# -- plain mode and the command line ---------------------------------------------------------


def test_plain_save_quit_continue(tmp_path: Path) -> None:
    first = io.StringIO()
    # Turn 1: propose; end. Turn 2: save as "evening", quit.
    code = cli.main(
        [
            "--saves-dir",
            str(tmp_path),
            "plain",
            "--opponents",
            "historical",
            "--scenario",
            str(TINY),
            "--power",
            "soviet",
            "--seed",
            "8",
        ],
        out=first,
        inp=io.StringIO("1\ne\n3\nevening\n4\n"),
    )
    assert code == 0
    assert "Saved as 'evening'" in first.getvalue()
    listing = io.StringIO()
    cli.main(["saves", "--saves-dir", str(tmp_path)], out=listing)
    assert "evening: tiny, soviet, 22 Mar 1939 (turn 2)" in listing.getvalue()
    second = io.StringIO()
    code = cli.main(
        ["load", "evening", "--plain", "--saves-dir", str(tmp_path)],
        out=second,
        inp=io.StringIO("2\n"),
    )
    assert code == 0
    assert "== Turn 2 of 3" in second.getvalue()
    assert "Facts: The Soviet offer rebuffed" in second.getvalue()


def test_continue_takes_the_newest(tmp_path: Path) -> None:
    cli.main(
        [
            "--saves-dir",
            str(tmp_path),
            "plain",
            "--opponents",
            "historical",
            "--scenario",
            str(TINY),
            "--power",
            "soviet",
            "--autosave",
        ],
        out=io.StringIO(),
        inp=io.StringIO("2\n2\n"),
    )
    out = io.StringIO()
    assert (
        cli.main(
            ["continue", "--plain", "--saves-dir", str(tmp_path)], out=out, inp=io.StringIO("")
        )
        == 0
    )
    assert "== Turn 3 of 3" in out.getvalue()


def test_continue_without_saves(tmp_path: Path) -> None:
    out = io.StringIO()
    assert cli.main(["continue", "--plain", "--saves-dir", str(tmp_path / "none")], out=out) == 1
    assert "There is no game in progress saved" in out.getvalue()


def test_continue_skips_finished_games_and_saves_that_fail(tmp_path: Path, tiny: Scenario) -> None:
    in_progress = Game.new(tiny, humans=["soviet"], seed=1)
    saves.save(in_progress, "in progress", tmp_path, "a")
    finished = Game.new(tiny, humans=["soviet"], seed=1)
    while not finished.over:
        finished.end_turn()
    saves.save(finished, "finished", tmp_path, "b")
    altered = saves.save(in_progress, "altered", tmp_path, "c")
    altered.write_text(
        altered.read_text(encoding="utf-8").replace('"trust": 45', '"trust": 9'), encoding="utf-8"
    )
    os.utime(tmp_path / "in progress.json", (1_000_000_000, 1_000_000_000))
    assert [s.slot for s in saves.resumable(tmp_path)][-1] == "in progress"
    assert "finished" not in [s.slot for s in saves.resumable(tmp_path)]
    out = io.StringIO()
    assert (
        cli.main(
            ["continue", "--plain", "--saves-dir", str(tmp_path)], out=out, inp=io.StringIO("")
        )
        == 0
    )
    assert "Skipping altered:" in out.getvalue()
    assert "Resuming 'in progress'" in out.getvalue()


def test_load_damaged_save_from_cli(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"format": 1, "slot": ', encoding="utf-8")
    out = io.StringIO()
    assert cli.main(["load", "broken", "--plain", "--saves-dir", str(tmp_path)], out=out) == 1
    assert "cut short" in out.getvalue() and "Traceback" not in out.getvalue()


def test_saves_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOSCOW1939_SAVES", str(tmp_path / "env"))
    assert saves.default_dir() == tmp_path / "env"
    assert saves.default_dir(str(tmp_path / "flag")) == tmp_path / "flag"


def test_checkout_uses_its_saves_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOSCOW1939_SAVES", raising=False)
    root = Path(saves.__file__).resolve().parents[2]  # game/saves/__init__.py
    assert saves.default_dir() == root / "saves"
    assert (root / "saves" / ".gitignore").is_file()


def test_undo_is_replay_minus_one(tiny: Scenario) -> None:
    g = Game.new(tiny, humans=["soviet"], seed=1)
    before = dict(g.state.env)
    g.play("soviet", "propose_treaty")
    back = g.undone()
    assert back.state.env == before and back.state.log == []
    g.end_turn()
    assert not g.can_undo
    with pytest.raises(Exception, match="nothing to take back"):
        g.undone()


if sys.platform == "win32":  # pragma: no cover
    pytestmark = pytest.mark.skip("POSIX file semantics")
