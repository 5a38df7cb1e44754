"""The scenario cache's signed entries: one signed with this install's key is rebuilt
without validation and gives exactly the validated scenario, and its notation compiled
from its trees exactly as the checks compile it; one signed with another key, or whose
signature is wrong, is passed over and written again; without a key every entry is
validated."""

from __future__ import annotations

import json
import os
import random
import stat
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel

from game.scenario import Scenario, bundled_paths, cache, cachekey, load_scenario, precompiled
from game.scenario.effects import Effect
from game.scenario.rebuild import Unbuildable, build, converter

from .conftest import TINY


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "config"
    monkeypatch.setenv(cachekey.ENV_VAR, str(where))
    cachekey.forget()
    cache.clear_memory()
    return where


def entry_of(path: Path) -> Path:
    where = cache.folder()
    assert where is not None
    return where / f"{cache.key(str(path), cache.sha256(path.read_bytes()))}.json"


def header_of(path: Path) -> dict[str, object]:
    head: dict[str, object] = json.loads(entry_of(path).read_bytes().split(b"\n", 1)[0])
    return head


def no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated")

    monkeypatch.setattr(Scenario, "model_validate_json", refuse)
    monkeypatch.setattr("game.scenario.loader.parse_toml", refuse)


SCENARIOS = [TINY, *bundled_paths().values()]


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_a_signed_entry_is_rebuilt_as_the_validated_scenario(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validated = load_scenario(path)
    assert isinstance(header_of(path)["signature"], str)
    cache.clear_memory()
    with monkeypatch.context() as m:
        no_validation(m)
        rebuilt = load_scenario(path)
    assert rebuilt is not validated
    assert rebuilt.model_dump() == validated.model_dump()
    assert rebuilt.model_dump(exclude_unset=True) == validated.model_dump(exclude_unset=True)
    assert rebuilt.model_dump_json() == validated.model_dump_json()
    assert (rebuilt.digest, rebuilt.file) == (validated.digest, validated.file)
    assert sorted(rebuilt.code.effects) == sorted(validated.code.effects)
    assert sorted(rebuilt.code.conditions) == sorted(validated.code.conditions)


def test_the_key_is_made_once_readable_by_its_owner_only(own_config: Path) -> None:
    load_scenario(TINY)
    key_file = own_config / cachekey.FILE_NAME
    first = key_file.read_text(encoding="ascii")
    assert len(first.strip()) == cachekey.HEX_LENGTH
    if os.name == "posix":
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    cachekey.forget()
    assert cachekey.key() == bytes.fromhex(first)


def test_an_entry_signed_by_another_key_is_passed_over_and_signed_again(
    own_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_scenario(TINY)
    before = header_of(TINY)["signature"]
    (own_config / cachekey.FILE_NAME).write_text("not a key\n", encoding="ascii")  # damaged
    cachekey.forget()
    cache.clear_memory()
    parsed: list[str] = []
    real = Scenario.model_validate
    monkeypatch.setattr(
        Scenario, "model_validate", lambda *a, **k: parsed.append("x") or real(*a, **k)
    )
    assert load_scenario(TINY).id == "tiny"
    assert parsed  # read from the file again
    after = header_of(TINY)["signature"]
    assert isinstance(after, str) and after != before
    assert cachekey.holds(cachekey.key() or b"", b"", cachekey.tag(cachekey.key() or b"", b""))


def test_without_a_key_entries_are_unsigned_and_validated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cachekey.ENV_VAR, str(blocker / "config"))
    cachekey.forget()
    first = load_scenario(TINY)
    assert cachekey.key() is None
    assert "signature" not in header_of(TINY)
    cache.clear_memory()
    validated: list[bytes] = []
    real = Scenario.model_validate_json
    monkeypatch.setattr(
        Scenario,
        "model_validate_json",
        lambda data, **k: validated.append(data) or real(data, **k),
    )
    again = load_scenario(TINY)
    assert validated and again.model_dump() == first.model_dump()


def test_a_signed_entry_that_cannot_be_rebuilt_is_validated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = load_scenario(TINY)
    cache.clear_memory()

    def refuse(cls: object, data: object) -> None:
        raise Unbuildable("no")

    monkeypatch.setattr("game.scenario.cache.build", refuse)
    again = load_scenario(TINY)
    assert again.model_dump() == first.model_dump()


class Two(BaseModel):
    a: int = 0


class Other(BaseModel):
    b: str = ""


def test_types_the_rebuild_cannot_tell_apart_are_refused() -> None:
    with pytest.raises(Unbuildable):
        converter(Two | Other)  # both JSON objects
    with pytest.raises(Unbuildable):
        converter(float)
    assert converter(Literal["x", "y"])("x") == "x"
    with pytest.raises(Unbuildable):
        build(Two, {"a": 1, "c": 2})  # not one of its fields
    with pytest.raises(Unbuildable):
        build(Two, [1])  # type: ignore[arg-type]
    made = build(Two, {})
    assert made == Two() and made.model_fields_set == set()


class Tree(BaseModel):
    name: str
    branches: list[Tree] = []


def test_a_model_that_holds_itself_is_rebuilt() -> None:
    data = {"name": "a", "branches": [{"name": "b", "branches": [{"name": "c"}]}]}
    made = build(Tree, data)
    assert made == Tree.model_validate(data)
    assert made.branches[0].branches[0].model_fields_set == {"name"}
    with pytest.raises(Unbuildable):
        build(Tree, {"name": "a", "branches": [{"leaves": 3}]})


def random_envs(sc: Scenario, count: int) -> list[dict[str, int]]:
    """States to compare closures on: every name the notation may read."""
    rng = random.Random(1939)
    start, end = sc.start.toordinal(), sc.end.toordinal()
    envs = []
    for _ in range(count):
        env = {v.id: rng.randint(v.min - 5, v.max + 5) for v in sc.variables}
        env |= {f.id: rng.randint(0, 1) for f in sc.flags}
        env |= {f"uses.{a.id}": rng.randint(0, 3) for a in sc.actions}
        env |= {"turn": rng.randint(1, len(sc.calendar)), "date": rng.randint(start, end)}
        envs.append(env)
    return envs


def same_effect(a: Effect, b: Effect, envs: list[dict[str, int]]) -> None:
    for name in ("kind", "target", "delay", "text", "power", "assign", "reads"):
        assert getattr(a, name) == getattr(b, name), name
    for name in ("value", "high", "when"):
        f, g = getattr(a, name), getattr(b, name)
        assert (f is None) == (g is None), name
        if f is not None:
            assert [f(e) for e in envs] == [g(e) for e in envs], (a.text, name)
    assert (a.then is None) == (b.then is None)
    if a.then is not None and b.then is not None:
        same_effect(a.then, b.then, envs)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_a_signed_entry_compiles_its_notation_from_its_trees_as_the_checks_do(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = load_scenario(path).code
    cache.clear_memory()
    sc = load_scenario(path)
    with monkeypatch.context() as m:
        m.setattr("game.scenario.checks.Checker.run", None)  # no check, no parse
        m.setattr("game.scenario.parser.Parser", None)
        m.setattr("game.scenario.effects.tokenize", None)  # effects from their recipes
        m.setattr("game.scenario.notation.type_of", None)  # nor type-checked again
        code = sc.code
    assert list(code.conditions) == list(checked.conditions)
    assert list(code.numbers) == list(checked.numbers)
    assert list(code.effects) == list(checked.effects)
    assert code.trees == checked.trees
    assert code.recipes == checked.recipes
    envs = random_envs(sc, 40)
    for mine, theirs in ((code.conditions, checked.conditions), (code.numbers, checked.numbers)):
        for text, fn in mine.items():
            assert [fn(e) for e in envs] == [theirs[text](e) for e in envs], text
    for text, effect in code.effects.items():
        same_effect(effect, checked.effects[text], envs)


def test_a_notation_part_that_does_not_match_its_digest_is_checked_instead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = load_scenario(TINY).code
    entry = entry_of(TINY)
    head, payload, notation = entry.read_bytes().split(b"\n", 2)
    entry.write_bytes(head + b"\n" + payload + b"\n" + notation.replace(b"trust", b"trusT"))
    cache.clear_memory()
    monkeypatch.setattr("game.scenario.precompiled.compiled", None)  # never called
    code = load_scenario(TINY).code
    assert list(code.effects) == list(first.effects)


def test_notation_that_fails_to_compile_from_its_trees_is_checked_instead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = load_scenario(TINY).code
    cache.clear_memory()

    def broken(scenario: Scenario, data: object) -> None:
        raise KeyError("trees")

    monkeypatch.setattr("game.scenario.precompiled.compiled", broken)
    assert list(load_scenario(TINY).code.conditions) == list(first.conditions)


def test_a_tree_survives_its_json() -> None:
    code = load_scenario(TINY).code
    for node in code.trees.values():
        assert precompiled.tree_of(json.loads(json.dumps(precompiled.tree_data(node)))) == node
    with pytest.raises(ValueError):
        precompiled.tree_of(["name", 1.5, 3])


def with_recipe_changed(entry: Path, digest_too: bool) -> None:
    """Make the entry's recipe of 'trust += 5' set the variable (and, if `digest_too`, the
    header's digest of the notation match, which breaks its signature)."""
    head, payload, notation = entry.read_bytes().split(b"\n", 2)
    data = json.loads(notation)
    (recipe,) = [r for r in data["effects"] if r[0] == "trust += 5"]
    recipe[1] = "assign"
    notation = json.dumps(data).encode()
    header = json.loads(head)
    if digest_too:
        header["code"] = cache.sha256(notation)
    entry.write_bytes(json.dumps(header).encode() + b"\n" + payload + b"\n" + notation)
    cache.clear_memory()


def test_an_altered_effect_recipe_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """The notation's digest no longer holds: the effects are checked from their texts."""
    load_scenario(TINY).code  # noqa: B018
    with_recipe_changed(entry_of(TINY), digest_too=False)
    monkeypatch.setattr("game.scenario.precompiled.compiled", None)  # never called
    assert load_scenario(TINY).code.effects["trust += 5"].kind == "add"


def test_an_altered_recipe_whose_digest_matches_fails_the_signature_and_the_file_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load_scenario(TINY).code  # noqa: B018
    entry = entry_of(TINY)
    good = entry.read_bytes()
    with_recipe_changed(entry, digest_too=True)
    parsed = []
    monkeypatch.setattr("game.scenario.loader.parse_toml", lambda *a: parsed.append(a) or toml(*a))
    assert load_scenario(TINY).code.effects["trust += 5"].kind == "add"
    assert len(parsed) == 1  # the scenario's file read again, the entry written again
    assert entry.read_bytes() == good


def toml(text: str, name: str) -> dict[str, object]:
    from game.scenario.tomltext import parse_toml

    return parse_toml(text, name)


def test_a_recipe_survives_its_json_and_nothing_else_passes_for_one() -> None:
    code = load_scenario(TINY).code
    for recipe in code.recipes.values():
        data = json.loads(json.dumps(precompiled.recipe_data(recipe)))
        assert precompiled.recipe_from(data, code.trees) == recipe
    good = precompiled.recipe_data(code.recipes["trust += 5"])
    for i, wrong in ((1, "execute"), (2, 7), (5, "yes"), (6, 1.5), (3, "no such text")):
        bad = [*good[:i], wrong, *good[i + 1 :]]
        with pytest.raises((ValueError, KeyError)):
            precompiled.recipe_from(bad, code.trees)
    with pytest.raises(ValueError):
        precompiled.recipe_from(good[:-1], code.trees)
