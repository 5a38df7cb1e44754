"""An altered save must not load as a game: the digest binds the whole record, a mismatch is
refused with what differs, hostile saves raise `SaveError` only, the folder stays tidy and
two writers of one slot take turns (issue 17)."""

from __future__ import annotations

import errno
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import saves
from game.engine import Game
from game.saves import files
from game.scenario import Scenario, load_scenario

from .conftest import TINY
from .test_hostile_inputs import deadline

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files and locks")


def played(tiny: Scenario, seed: int = 2) -> Game:
    g = Game.new(tiny, humans=["soviet"], seed=seed)
    g.play("soviet", "propose_treaty")
    g.end_turn()
    g.end_turn()
    return g


@pytest.fixture
def signed(tmp_path: Path, tiny: Scenario) -> Path:
    return saves.save(played(tiny), "good", tmp_path, "g")


def edited(path: Path, change: Any) -> Path:
    """A copy of the save at `path` with `change` applied to its JSON."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    bad = path.with_name("edited.json")
    bad.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return bad


def _set(key: str, value: Any) -> Any:
    return lambda d: d.__setitem__(key, value)


def _swap_log(d: dict[str, Any]) -> None:
    d["log"][0], d["log"][1] = d["log"][1], d["log"][0]


def _rewrite_as_format_0(d: dict[str, Any]) -> None:
    """The prototype's shape, keeping the digest (and dropping the policy)."""
    snap = d["snapshot"]
    commands = [[c["turn"], c["power"], c["verb"], *c["args"]] for c in d["log"]]
    keep = {"digest": d["digest"], "version": 0, "scenario": d["scenario_id"]}
    d.clear()
    d.update(keep, seed=2, powers=["soviet"], commands=commands)
    d["state"] = {k: snap[k] for k in ("turn", "date", "variables", "flags")}


EDITS = {
    "seed": (_set("seed", 3), "the seed differs"),
    "policy": (_set("policy", "weighted"), "the opponents' policy differs"),
    "humans": (_set("humans", ["soviet", "britain"]), "the list of human players differs"),
    "no humans": (_set("humans", []), "the list of human players differs"),
    "log swap": (_swap_log, "the command log differs"),
    "log deletion": (lambda d: d["log"].pop(0), "the command log differs"),
    "log duplication": (lambda d: d["log"].append(d["log"][-1]), "the command log differs"),
    "snapshot": (lambda d: d["snapshot"]["variables"].update(trust=1), "the state it records"),
    "scenario": (_set("scenario_hash", "0" * 64), "the scenario it names differs"),
    "format 0": (_rewrite_as_format_0, "its format number"),
    "digest": (_set("digest", "1 seed:0"), "its digest line is damaged"),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_every_edit_of_a_bound_part_is_refused_and_named(signed: Path, edit: str) -> None:
    change, message = EDITS[edit]
    bad = edited(signed, change)
    with pytest.raises(saves.SaveError) as info:
        saves.load(bad, bad.parent, accept_changed=True)
    text = str(info.value)
    assert "has been altered since it was saved" in text and message in text
    assert 'delete its "digest" line' in text, "says how to make the game accept an edit"
    assert isinstance(info.value, saves.AlteredSave)


def test_a_seed_edit_that_still_replays_is_refused(signed: Path) -> None:
    """The replay check alone let these through: the state may match, the game is not it."""
    bad = edited(signed, _set("seed", 99))
    assert saves.restore(saves.read(bad), saves.find_scenario(saves.read(bad)))
    with pytest.raises(saves.AlteredSave, match="the seed differs.*still replays"):
        saves.load(bad, bad.parent)


@pytest.mark.parametrize("key", ["slot", "saved_at", "game_version"])
def test_descriptive_fields_may_be_edited(signed: Path, key: str) -> None:
    value = {"slot": "renamed", "saved_at": "2000-01-01T00:00:00Z", "game_version": "9"}[key]
    loaded = saves.load(edited(signed, _set(key, value)), signed.parent)
    assert loaded.warning == "" and loaded.game.state.turn == 3


def test_a_save_without_digest_loads_with_a_warning_and_is_signed_again(
    signed: Path, tiny: Scenario
) -> None:
    """What a save from before digests is, and what a person who edits one does."""
    old = edited(signed, lambda d: d.pop("digest"))
    loaded = saves.load(old, old.parent)
    assert loaded.game.state.env == played(tiny).state.env
    assert "carries no digest" in loaded.warning and "turn 3" in loaded.warning
    info = next(s for s in saves.list_saves(old.parent) if s.path == old)
    assert not info.signed and not info.error
    again = saves.save(loaded.game, "edited", old.parent, "g")
    assert saves.load(again, again.parent).warning == ""
    assert json.loads(again.read_text(encoding="utf-8"))["digest"].startswith("1 ")


def test_an_edit_made_on_purpose_is_accepted_once_the_digest_is_gone(signed: Path) -> None:
    """A policy change with the digest removed: unsigned, and it must still replay."""
    bad = edited(signed, lambda d: (d.pop("digest"), d.update(policy="weighted")))
    with pytest.raises(saves.SaveError, match="does not replay") as err:
        saves.load(bad, bad.parent)  # the tiny scenario's opponents answer differently
    assert str(err.value).rstrip().endswith("."), str(err.value)  # one whole paragraph
    fine = edited(signed, lambda d: (d.pop("digest"), d.update(slot="mine")))
    assert "carries no digest" in saves.load(fine, fine.parent).warning


def test_the_digest_is_the_second_line(signed: Path) -> None:
    """So that deleting that one line leaves valid JSON."""
    lines = signed.read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith('  "digest": "1 format:')
    json.loads("\n".join([lines[0], *lines[2:]]))


# -- hostile saves -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"format": 1, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nests lists"),
        (b"[" * 5_000 + b"]" * 5_000, "nests lists"),
        (b'{"format": 1, "seed": ' + b"7" * 5_000 + b"}", "thousands of digits"),
    ],
    ids=["deep-100000", "deep-5000", "seed-5000"],
)
def test_deep_json_and_huge_numbers_are_save_errors(
    signed: Path, data: bytes, message: str
) -> None:
    bad = signed.with_name("hostile.json")
    bad.write_bytes(data)
    for attempt in (lambda: saves.read(bad), lambda: saves.load("hostile", bad.parent)):
        with pytest.raises(saves.SaveError, match=message):
            attempt()


def test_a_huge_seed_inside_a_real_save(signed: Path) -> None:
    raw = signed.read_bytes().replace(b'"seed": 2', b'"seed": ' + b"9" * 5_000)
    bad = signed.with_name("seed.json")
    bad.write_bytes(raw)
    with pytest.raises(saves.SaveError, match="thousands of digits"):
        saves.load(bad, bad.parent)


@st.composite
def hostile_save(draw: st.DrawFn) -> bytes:
    depth = draw(st.integers(1, 3_000))
    opens = "".join(draw(st.sampled_from(["[", '{"k": '])) for _ in range(min(depth, 3)))
    opens = (opens * (depth // max(1, len(opens)) + 1))[: depth * 2]
    closes = "".join("]" if c == "[" else "}" for c in opens if c in "[{")[::-1]
    number = draw(st.sampled_from(["-", ""])) + "9" * draw(st.integers(1, 6_000))
    value = draw(st.sampled_from([opens + "1" + closes, number]))
    key = draw(st.sampled_from(["seed", "humans", "log", "policy", "snapshot", "extra"]))
    return json.dumps({"format": 1, "slot": "x"}).replace("}", f', "{key}": {value}}}').encode()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(hostile_save())
def test_hostile_saves_raise_save_error_only(signed: Path, data: bytes) -> None:
    bad = signed.with_name("hostile.json")
    bad.write_bytes(data)
    with pytest.raises(saves.SaveError):
        saves.load(bad, bad.parent)
    listing = saves.list_saves(bad.parent)
    assert {s.slot for s in listing if not s.error} == {"good"}
    assert next(s for s in listing if s.path == bad).error


@posix_only
def test_one_bad_file_of_any_kind_does_not_hide_the_others(signed: Path) -> None:
    folder = signed.parent
    (folder / "deep.json").write_bytes(b"[" * 100_000)
    (folder / "seed.json").write_bytes(b'{"format": 1, "seed": ' + b"7" * 5_000 + b"}")
    (folder / "folder.json").mkdir()
    os.mkfifo(folder / "fifo.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    (folder / "dangling.json").symlink_to(folder / "nowhere")
    with deadline(10):
        listing = saves.list_saves(folder)
        assert [s.slot for s in saves.resumable(folder)] == ["good"]
    bad = {s.path.name: s.error for s in listing if s.error}
    assert sorted(bad) == sorted(
        ["deep.json", "seed.json", "folder.json", "fifo.json", "zero.json", "dangling.json"]
    )
    assert "not a regular file" in bad["fifo.json"] and "not a regular file" in bad["zero.json"]
    for name in ("fifo.json", "zero.json"):
        with deadline(5), pytest.raises(saves.SaveError):
            saves.load(folder / name, folder)


def test_a_very_long_path_is_a_save_error(tmp_path: Path) -> None:
    for name in ("x" * 300 + ".json", str(tmp_path / ("y" * 300 + ".json"))):
        with pytest.raises(saves.SaveError):
            saves.load(name, tmp_path)


# -- the folder ----------------------------------------------------------------------------------


def test_strays_are_swept_when_the_folder_is_listed_or_saved_into(
    signed: Path, tiny: Scenario
) -> None:
    folder = signed.parent
    old_tmp = folder / ".good.json.0123abcd.tmp"
    new_tmp = folder / ".good.json.89abcdef.tmp"
    backup = folder / "good.json.bak"  # the player's copy of a save: left alone
    mine = folder / "notes.tmp"  # not a name the game makes: left alone
    for path in (old_tmp, new_tmp, backup, mine):
        path.write_bytes(b"partial")
    os.utime(old_tmp, (time.time() - 120, time.time() - 120))
    os.utime(mine, (time.time() - 120, time.time() - 120))
    saves.list_saves(folder)
    assert not old_tmp.exists()
    assert new_tmp.exists() and mine.exists() and backup.exists()
    os.utime(new_tmp, (time.time() - 120, time.time() - 120))
    saves.save(played(tiny), "other", folder, "h")
    assert not new_tmp.exists() and backup.read_bytes() == b"partial"


def test_the_autosave_rotation_is_exact_after_a_crash(tmp_path: Path, tiny: Scenario) -> None:
    """A writer killed between writing and pruning left four; a listing keeps three, by turn."""
    g = Game.new(tiny, humans=["soviet"], seed=1)
    first = saves.autosave(g, tmp_path, "abc")
    for turn in (2, 3, 998, 999, 1000):
        first.with_name(f"auto-abc-turn{turn:03d}.json").write_bytes(first.read_bytes())
    first.with_name("auto-other-turn001.json").write_bytes(first.read_bytes())
    saves.list_saves(tmp_path)
    assert sorted(p.name for p in tmp_path.glob("auto-*.json")) == [
        "auto-abc-turn1000.json",
        "auto-abc-turn998.json",
        "auto-abc-turn999.json",
        "auto-other-turn001.json",
    ]


@pytest.mark.parametrize(
    "slot", ["CON", "con", "Nul", "prn.json", "aux.txt", "COM1", "com9.save", "LPT1", "lpt9 "]
)
def test_names_windows_reserves_are_refused(tmp_path: Path, tiny: Scenario, slot: str) -> None:
    with pytest.raises(saves.SaveError, match="Windows keeps the name"):
        saves.save(Game.new(tiny, humans=["soviet"]), slot, tmp_path, "g")


@pytest.mark.parametrize("slot", ["console", "COM10", "nullify", "lpt", "auxiliary"])
def test_names_like_reserved_ones_are_fine(tmp_path: Path, tiny: Scenario, slot: str) -> None:
    assert saves.save(Game.new(tiny, humans=["soviet"]), slot, tmp_path, "g").exists()


# -- writing -------------------------------------------------------------------------------------


def test_overwriting_needs_no_hard_links(
    signed: Path, tiny: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT, exFAT and some network shares have none: saving over a save must still work."""

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    saves.save(played(tiny, seed=5), "good", signed.parent, "g")
    assert saves.load("good", signed.parent).record.seed == 5
    assert sorted(p.name for p in signed.parent.iterdir()) == ["good.json"]


@posix_only
def test_a_second_writer_waits_for_the_first(signed: Path, tiny: Scenario) -> None:
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with files.slot_lock(signed):
            held.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    threading.Timer(0.3, release.set).start()
    start = time.monotonic()
    saves.save(played(tiny, seed=7), "good", signed.parent, "g")
    assert time.monotonic() - start >= 0.25, "it waited for the lock"
    holder.join()
    assert saves.load("good", signed.parent).record.seed == 7


@posix_only
def test_a_second_writer_is_told_when_the_first_keeps_the_slot(
    signed: Path, tiny: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "LOCK_WAIT", 0.2)
    original = signed.read_bytes()
    refused = pytest.raises(saves.SaveError, match="another copy of the game is saving")
    with files.slot_lock(signed), refused:
        saves.save(played(tiny, seed=7), "good", signed.parent, "g")
    assert signed.read_bytes() == original
    assert sorted(p.name for p in signed.parent.iterdir()) == ["good.json"]


@posix_only
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_two_processes_saving_one_slot_never_fail(signed: Path, tiny: Scenario) -> None:
    game = played(tiny)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            for _ in range(100):
                saves.save(game, "good", signed.parent, "g")
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    with deadline(30):
        for _ in range(100):
            saves.save(game, "good", signed.parent, "g")
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0
    assert saves.load("good", signed.parent).game.state.env == game.state.env
    assert sorted(p.name for p in signed.parent.iterdir()) == ["good.json"]


def test_loading_an_unsigned_save_says_so_on_the_command_line(tmp_path: Path) -> None:
    """The front ends tell the player a save was checked only by its replay."""
    import io

    from game import cli

    game = Game.new(load_scenario(TINY), humans=["soviet"], seed=1)
    game.play("soviet", "propose_treaty")
    path = saves.save(game, "plain", tmp_path, "g")
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["digest"]
    path.write_text(json.dumps(data), encoding="utf-8")
    out = io.StringIO()
    code = cli.main(
        ["--saves-dir", str(tmp_path), "load", "plain", "--plain"], out=out, inp=io.StringIO("q\n")
    )
    assert code == 0 and "carries no digest" in out.getvalue()
