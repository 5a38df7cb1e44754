"""The language server's parts in process: the ids index of a broken buffer, the cursor,
and no text or position that makes any of them fail."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.lsp.answers import completion, definition, hover
from game.lsp.cursor import in_string, prefix_at, word_at
from game.lsp.diagnostics import diagnostics
from game.lsp.index import index

from .conftest import TINY

TEXT = TINY.read_text(encoding="utf-8")
BROKEN = TEXT.replace('title = "Prague occupied"', 'title = "Prague occupied', 1)


def test_a_broken_buffer_is_indexed_by_a_plain_scan() -> None:
    ids = index(BROKEN, "broken.toml")
    trust = ids.find("trust")[0]
    assert (trust.kind, trust.label) == ("variable", "Soviet trust in London")
    assert BROKEN.splitlines()[trust.line].startswith('id = "trust"')
    assert {d.id for d in ids.decls} == {d.id for d in index(TEXT, "tiny.toml").decls}
    prague = ids.find("prague")[0]
    assert prague.kind == "event" and prague.label == "Prague occupied"
    assert prague.note.startswith("Germany occupied Bohemia")
    found = hover(BROKEN, trust.line, trust.column + 1, ids)
    assert found is not None and "Soviet trust in London" in str(found.contents)


def test_the_cursor_knows_strings_words_and_prefixes() -> None:
    text = 'when = "not tre" # a "comment\nx = 1 # "\ntext = """\nuses.propose_t\n"""'
    assert in_string(text, 0, 14) and not in_string(text, 0, 5)
    assert not in_string(text, 0, 25) and not in_string(text, 1, 10)
    assert in_string(text, 3, 3)
    assert prefix_at(text, 0, 15) == "tre"
    assert prefix_at(text, 3, 14) == "propose_t"
    assert word_at(text, 3, 8) == ("propose_t", 5, 14)


def test_completion_filters_by_the_prefix() -> None:
    text = TEXT.replace('when = "not treaty"', 'when = "uses.pro"')
    line = next(n for n, row in enumerate(text.splitlines()) if "uses.pro" in row)
    labels = [c.label for c in completion(text, line, len('when = "uses.pro'), index(text, "t"))]
    assert labels == ["propose_treaty"]


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("[]{}=\"'#\n .,_az019-\\\ufeff")), max_size=300),
    st.integers(-2, 40),
    st.integers(-2, 40),
)
def test_no_text_and_no_position_fails(text: str, line: int, character: int) -> None:
    for found in diagnostics(text, "any.toml"):
        assert found.message
    ids = index(text, "any.toml")
    completion(text, line, character, ids)
    hover(text, line, character, ids)
    definition(text, line, character, ids, ("any.toml", "file:///any.toml"))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, len(TEXT) - 1), st.integers(0, len(TEXT) - 1))
def test_any_cut_of_a_real_scenario_gets_an_answer(start: int, end: int) -> None:
    text = TEXT[: min(start, end)] + TEXT[max(start, end) :]
    diagnostics(text, "cut.toml")
    ids = index(text, "cut.toml")
    hover(text, 10, 3, ids)


async def test_changes_in_a_burst_are_checked_once() -> None:
    from game.lsp.server import ScenarioServer

    server = ScenarioServer()
    server.check_soon("file:///a.toml")
    first = server.waiting["file:///a.toml"]
    server.check_soon("file:///a.toml")
    assert first.cancelled() and not server.waiting["file:///a.toml"].cancelled()
    server.waiting.pop("file:///a.toml").cancel()


def test_outside_a_loop_a_change_is_checked_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.lsp.server import ScenarioServer

    server = ScenarioServer()
    checked: list[str] = []
    monkeypatch.setattr(server, "check", checked.append)
    server.check_soon("file:///a.toml")
    assert checked == ["file:///a.toml"] and not server.waiting
