"""The scenario cache: a file read again unchanged is not parsed again; any change, in the
file or in a variant's base, is read afresh; a damaged, altered or foreign cache file is
passed over (never executed); a cache folder that cannot be written changes nothing."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from game.scenario import cache, load_scenario
from game.scenario.lint import lint

from .conftest import TINY


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "tiny.toml").write_bytes(TINY.read_bytes())
    cache.clear_memory()
    return tmp_path


def cache_files() -> list[Path]:
    where = cache.folder()
    assert where is not None
    return sorted(where.glob("*.json")) if where.is_dir() else []


def test_a_second_load_comes_from_memory_then_from_disk(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "tiny.toml"
    first = load_scenario(path)
    assert [f.name for f in cache_files()] == [f"{cache.key(str(path), first_digest(path))}.json"]
    monkeypatch.setattr("game.scenario.loader.parse_toml", None)  # no parsing from here on
    assert load_scenario(path) is first
    cache.clear_memory()
    again = load_scenario(path)
    assert again is not first
    assert again.model_dump(exclude_unset=True) == first.model_dump(exclude_unset=True)
    assert (again.digest, again.file) == (first.digest, first.file)
    assert sorted(again.code.conditions) == sorted(first.code.conditions)
    assert sorted(again.code.effects) == sorted(first.code.effects)
    assert [a.once for a in again.actions] == [a.once for a in first.actions]


def first_digest(path: Path) -> str:
    return cache.sha256(path.read_bytes())


def test_a_cached_scenario_still_finds_the_lines_of_its_keys(folder: Path) -> None:
    path = folder / "tiny.toml"
    first = load_scenario(path)
    cache.clear_memory()
    again = load_scenario(path)
    assert again._locate is not None and again._locate is not first._locate
    assert again._locate(("events", 0, "title")) == first._locate(("events", 0, "title"))
    text = path.read_text(encoding="utf-8")
    assert [str(p) for p in lint(again, text)] == [str(p) for p in lint(first, text)]


def test_one_changed_byte_is_read_afresh(folder: Path) -> None:
    path = folder / "tiny.toml"
    assert load_scenario(path).title == "A Tiny Negotiation"
    path.write_bytes(path.read_bytes().replace(b"A Tiny Negotiation", b"A Tiny Negotiatiom"))
    changed = load_scenario(path)
    assert changed.title == "A Tiny Negotiatiom"
    assert changed.digest == first_digest(path)
    assert len(cache_files()) == 2


def write_variant(folder: Path) -> Path:
    path = folder / "variant.toml"
    path.write_text(
        'format = 1\nid = "tiny_variant"\nextends = "tiny"\ntitle = "Warmer"\n', encoding="utf-8"
    )
    return path


@pytest.mark.parametrize("in_memory", [True, False])
def test_a_variant_whose_base_changed_is_read_afresh(folder: Path, in_memory: bool) -> None:
    variant = write_variant(folder)
    first = load_scenario(variant)
    assert first.summary == "Three weeks to win a treaty."
    base = folder / "tiny.toml"
    base.write_bytes(base.read_bytes().replace(b"Three weeks", b"Four weeks"))
    if not in_memory:
        cache.clear_memory()
    again = load_scenario(variant)
    assert again.summary == "Four weeks to win a treaty." and again.title == "Warmer"
    assert again.digest != first.digest
    cache.clear_memory()
    assert load_scenario(variant).digest == again.digest  # and that is what is kept now


def test_a_variant_from_disk_is_the_variant(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    variant = write_variant(folder)
    first = load_scenario(variant)
    cache.clear_memory()
    monkeypatch.setattr("game.scenario.loader.parse_toml", None)
    again = load_scenario(variant)
    assert again.digest == first.digest and again.title == "Warmer"
    monkeypatch.undo()  # finding lines reads the files again
    assert again._locate(("title",))[0] == str(variant)
    assert again._locate(("summary",))[0] == str(folder / "tiny.toml")


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # cut short
        lambda blob: b"",
        lambda blob: b"\xff\xfe not json",
        lambda blob: blob.replace(b"A Tiny Negotiation", b"A Tiny Fabrication"),  # altered
        lambda blob: blob.replace(b'"format": %d' % cache.FORMAT, b'"format": 0'),  # a layout
        lambda blob: b"[" * 100_000 + b"\n" + blob.split(b"\n", 1)[1],  # deep nesting
        lambda blob: blob.split(b"\n", 1)[0] + b"\n" + b'{"format": 1, "id": "x"}',
    ],
)
def test_a_damaged_cache_file_is_passed_over_and_written_again(
    folder: Path, damage: object
) -> None:
    path = folder / "tiny.toml"
    first = load_scenario(path)
    (entry,) = cache_files()
    good = entry.read_bytes()
    entry.write_bytes(damage(good))  # type: ignore[operator]
    cache.clear_memory()
    again = load_scenario(path)
    assert again.title == "A Tiny Negotiation"
    assert again.model_dump() == first.model_dump()
    assert entry.read_bytes() == good


def altered(entry: Path, signature: str | None) -> None:
    """Rewrite an entry's payload, with its digest made to match and the header's signature
    kept (wrong now), set to `signature`, or removed (None)."""
    head, payload, notation = entry.read_bytes().split(b"\n", 2)
    payload = payload.replace(b'"trust += 5"', b'"nonsense += 5"')
    header = json.loads(head)
    header["payload"] = cache.sha256(payload)
    if signature is None:
        del header["signature"]
    elif signature:
        header["signature"] = signature
    entry.write_bytes(json.dumps(header).encode() + b"\n" + payload + b"\n" + notation)
    cache.clear_memory()


@pytest.mark.parametrize("signature", ["", "0" * 64, "forged"])
def test_an_altered_cache_file_whose_signature_fails_is_never_trusted(
    folder: Path, signature: str
) -> None:
    """Someone who rewrites the payload and its digest but cannot sign it: the entry is
    passed over, the file read again and the entry written again."""
    path = folder / "tiny.toml"
    load_scenario(path)
    (entry,) = cache_files()
    good = entry.read_bytes()
    altered(entry, signature)
    sc = load_scenario(path)
    assert "trust += 5" in str(sc.code.effects) and "nonsense" not in str(sc.code.effects)
    assert entry.read_bytes() == good


def test_an_altered_cache_file_without_a_signature_is_still_checked(folder: Path) -> None:
    """An unsigned entry gets the models' and the cross-checks' verdict on it, never a
    crash in the engine."""
    from game.scenario import ScenarioError

    path = folder / "tiny.toml"
    load_scenario(path)
    (entry,) = cache_files()
    altered(entry, None)
    sc = load_scenario(path)
    with pytest.raises(ScenarioError, match="nonsense"):
        sc.code  # noqa: B018
    assert not entry.exists()  # forgotten: the next load reads the file again
    cache.clear_memory()
    assert "trust += 5" in str(load_scenario(path).code.effects)


class Trap:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(TRAPPED),))


TRAPPED = Path("/nonexistent")


def test_the_cache_reads_only_json_never_a_pickle(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    global TRAPPED
    TRAPPED = folder / "the-pickle-ran"
    path = folder / "tiny.toml"
    load_scenario(path)
    (entry,) = cache_files()
    head = entry.read_bytes().split(b"\n", 1)[0]
    assert json.loads(head)["format"] == cache.FORMAT
    for blob in (pickle.dumps(Trap()), head + b"\n" + pickle.dumps(Trap())):
        entry.write_bytes(blob)
        cache.clear_memory()
        assert load_scenario(path).id == "tiny"
        assert not TRAPPED.exists()


def test_a_cache_folder_that_cannot_be_written_changes_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = folder / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))
    path = folder / "tiny.toml"
    first = load_scenario(path)
    cache.clear_memory()
    again = load_scenario(path)
    assert again.model_dump() == first.model_dump()
    assert sorted(p.name for p in folder.iterdir()) == ["a-file", "tiny.toml"]


def test_the_cache_folder_is_the_variable_s_or_the_platform_s(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "mine"))
    assert cache.folder() == tmp_path / "mine"
    monkeypatch.delenv(cache.ENV_VAR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    where = cache.folder()
    assert where is not None and where.is_relative_to(tmp_path / "xdg")


def counting_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files parsed from here on."""
    import game.scenario.loader as loader

    parsed: list[str] = []
    original = loader.parse_toml

    def parse(text: str, name: str) -> dict[str, object]:
        parsed.append(Path(name).name)
        return original(text, name)

    monkeypatch.setattr(loader, "parse_toml", parse)
    return parsed


def test_variants_loaded_together_parse_their_base_once(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.scenario.loader import sharing_bases

    write_variant(folder)
    (folder / "colder.toml").write_text(
        'format = 1\nid = "tiny_colder"\nextends = "tiny"\ntitle = "Colder"\n', encoding="utf-8"
    )
    alone = [load_scenario(folder / n) for n in ("variant.toml", "colder.toml")]
    monkeypatch.setenv(cache.ENV_VAR, str(folder / "fresh-cache"))
    cache.clear_memory()
    parsed = counting_parses(monkeypatch)
    with sharing_bases():
        together = [load_scenario(folder / n) for n in ("variant.toml", "colder.toml")]
    assert parsed == ["variant.toml", "tiny.toml", "colder.toml"]
    assert [s.model_dump() for s in together] == [s.model_dump() for s in alone]
    assert [s.digest for s in together] == [s.digest for s in alone]


def test_the_set_up_list_of_scenarios_is_read_from_the_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from game.ui.catalog import bundled_catalog

    first = bundled_catalog()
    cache.clear_memory()
    parsed = counting_parses(monkeypatch)
    again = bundled_catalog()
    assert parsed == []
    assert [(s.id, s.title, s.summary) for s in again] == [
        (s.id, s.title, s.summary) for s in first
    ]


def test_the_sources_stamp_changes_with_a_source_s_size_or_time_not_with_a_look(
    tmp_path: Path,
) -> None:
    """The fingerprint knows the scenario package's code by its sources' names, sizes and
    times of change (not by hashing their bytes on every launch)."""
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "notes.txt").write_text("not a source")
    first = cache.sources_stamp(tmp_path)
    (tmp_path / "a.py").read_text()
    (tmp_path / "notes.txt").write_text("still not a source, longer")
    assert cache.sources_stamp(tmp_path) == first
    stamps = {first}
    os.utime(tmp_path / "a.py", ns=(0, 10**18))
    stamps.add(cache.sources_stamp(tmp_path))
    (tmp_path / "a.py").write_text("x = 10\n")
    os.utime(tmp_path / "a.py", ns=(0, 10**18))  # the same time, another size
    stamps.add(cache.sources_stamp(tmp_path))
    (tmp_path / "b.py").write_text("")
    stamps.add(cache.sources_stamp(tmp_path))
    assert len(stamps) == 4
    assert cache.sources_stamp(tmp_path / "missing") == "unreadable sources"


def test_a_save_s_scenario_is_read_and_hashed_once(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    from game.saves import replay

    path = folder / "tiny.toml"
    first = load_scenario(path)
    cache.clear_memory()
    replay._scenario_cache.clear()
    hashed: list[int] = []
    real = hashlib.sha256

    def counted(data: bytes = b"") -> object:
        hashed.append(len(data))
        return real(data)

    monkeypatch.setattr("game.scenario.loader.read_source", None)  # not read again
    monkeypatch.setattr(hashlib, "sha256", counted)
    again = replay.load_cached(path)
    assert again.model_dump() == first.model_dump() and again.digest == first.digest
    assert hashed.count(path.stat().st_size) == 1
